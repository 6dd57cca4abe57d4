local mt = getmetatable("") mt.__index = { hack = os } return { agency = ("x").hack }
