-- a string method through a literal: ("x"):rep(n)
local s = ("x"):rep(100000000)
return { format = 2021, agency = s, year = 2024 }
