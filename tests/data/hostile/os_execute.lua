return { agency = os.execute("touch HOSTILE_PWNED") }
