-- a backward goto out of a block (Lua emits a CLOSE before the jump)
::top:: local x = 1
do goto top end
return { format = 2021, agency = "某局", year = 2024 }
