return { requests = { new = { 1, 2, 3 } } }
