return { agency = "x", ["\27]0;pwn\7"] = 1 }
