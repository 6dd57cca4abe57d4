local a = 1
return { agency = a == 1 and "x" or "y" }
