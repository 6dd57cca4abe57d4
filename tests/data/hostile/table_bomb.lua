local t, i = {}, 1 while true do t[i] = { i, i, i } i = i + 1 end return t
