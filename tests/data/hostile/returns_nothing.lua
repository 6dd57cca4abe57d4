local report = { agency = "x" }
