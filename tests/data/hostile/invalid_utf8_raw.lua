return { agency = "À¯å»" }
