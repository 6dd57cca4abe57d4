pcall(error, "x") return {}
