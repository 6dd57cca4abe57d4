-- a key given twice in many spellings: the loader's scan names it (host/diagnose.c)
return {
  year = 2024, ["\121ear"] = 2023,
  requests = { new = { 1, 2, [1] = 3, [1.0] = 4, [0x1] = 5 }, [ [==[
new]==] ] = {}, ['n\z
     ew'] = {} },
  v = (function() local x; x = 1; x = 2; return x end)(),
}
