return { [[
ab]], [[
ab]], [[
ab]], [==[a]]b]=]c]==], [[a
bc
d]], [[]] }