-- integer division by zero: runs past the chunk check, fails at run time
local z = 0
return { format = 2021, agency = "某局", year = 2024 // z }
