return { requests = { new = { {}, 0, 0, 0, 0, 0 } } }
