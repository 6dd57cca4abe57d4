local k = "age" .. "ncy"
return { [k] = "x" }
