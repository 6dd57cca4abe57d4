local function f() local i = 0 while i < 10 do i = i + 1 end return i end
return { format = 2021, agency = "x", year = f() }
