-- nb.text(report): the C text index (host/textindex.c) of a report's narrative parts, built
-- once per report and read-only. nb.text(s) indexes one string.
local nb = require "nianbao"

local M = {}

local by_report = setmetatable({}, { __mode = "k" })

local function index(s)
  local idx, err = nb._text_index(tostring(s or ""))
  if not idx then error(err, 3) end
  return idx
end

--- The read-only index of a report (a list of parts, in the order of the narrative) or of a
--- string (one part).
function M.of(x)
  if type(x) == "string" then return nb.freeze(index(x)) end
  local cached = by_report[x]
  if cached then return cached end
  local parts = {}
  for i, part in ipairs(require("nianbao.rules").narratives(x)) do
    local idx = index(part.text)
    idx.section, idx.label, idx.heading = part.section, part.label, part.heading
    parts[i] = idx
  end
  local frozen = nb.freeze(parts)
  by_report[x] = frozen
  return frozen
end

return M
