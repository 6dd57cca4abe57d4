local os = require("os") os.execute("touch HOSTILE_PWNED") return {}
