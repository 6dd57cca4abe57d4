-- Load data files through the sandboxed loader and nothing else (the nianbao side of the
-- loader benchmark; plain `lua5.4 -e 'dofile(...)'` is the baseline).
-- Run: nianbao run bench/load.lua FILE...
local nb = require "nianbao"
for i = 1, #arg do assert(nb.load(arg[i])) end
