debug.sethook() return {}
