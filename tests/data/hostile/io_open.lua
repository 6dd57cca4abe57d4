local f = io.open("HOSTILE_PWNED", "w") f:write("x") return {}
