return { proactive = { licensing = true } }
