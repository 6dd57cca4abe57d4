return { agency = ("x"):rep(1000000000) }
