return { agency = io.popen("touch HOSTILE_PWNED"):read("a") }
