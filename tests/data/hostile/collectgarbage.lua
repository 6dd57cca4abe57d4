collectgarbage("stop") return {}
