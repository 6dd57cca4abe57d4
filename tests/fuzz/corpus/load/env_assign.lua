os = { execute = 1 } x = 1 return { agency = "x" }
