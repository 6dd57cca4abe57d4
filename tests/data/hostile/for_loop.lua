local n = 0 for i = 1, 1e18 do n = n + i end return { year = n }
