local t, k = {}, 131071 for i = 1, 1e6 do t[i * k] = i end return { agency = "x" }
