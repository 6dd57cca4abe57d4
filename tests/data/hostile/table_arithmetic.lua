-- arithmetic on a table: no metatable can answer it in the sandbox
return { format = 2021, agency = "某局", year = {} + 1 }
