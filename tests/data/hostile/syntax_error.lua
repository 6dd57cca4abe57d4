return { agency = "x", year = }
