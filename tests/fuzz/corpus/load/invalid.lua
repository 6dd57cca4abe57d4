return { proactive = { fees = 0/0, licensing = -1 }, requests = { new = { 1.5, 1e300, -0.0, 0x10, 3, 0 } } }
