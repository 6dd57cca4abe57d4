return setmetatable({ agency = "x" }, { __index = function() return 0 end })
