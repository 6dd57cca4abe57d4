return { agency = "í €" }
