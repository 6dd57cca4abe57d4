-- a NUL byte in a key written with \z and \u{0}
return { format = 2021, agency = "某局", year = 2024, ["year\z
   \u{0}"] = 1 }
