print("HOSTILE_PWNED") return {}
