local t = {} rawset(t, "agency", "x") return t
