return { agency = "x", ["year\0x"] = 2024 }
