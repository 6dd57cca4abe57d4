-- The next year's report from last year's (nianbao new --from): year + 1, the agency and the
-- structure kept, the numbers that carry over carried, everything else 0 and the narrative
-- empty. Copied text is what YEAR.IDENTICAL warns about, so none is copied.
local nb = require "nianbao"
local datafile = require "nianbao.datafile"

local M = {}

--- The report table for the year after `last` (a view or plain table of the data-file shape),
--- and the notes on what could not be carried: a blank (or invalid) cell of last year's stays
--- blank this year, never a 0 (check then asks for the number: VALUE.BLANK).
function M.from(last)
  local notes = {}
  local function count(v, what)
    if math.type(v) == "integer" then return v end
    notes[#notes + 1] = string.format("上年报告的“%s”空白或无效，本年相应单元格留空，请填写", what)
    return nb.BLANK
  end
  local year = last.year + 1
  local agency = last.agency or ""
  local r = datafile.blank_table(agency, year)
  -- a title written by hand keeps its wording with the year advanced
  local y = tostring(last.year)
  if last.title and last.title:find(y, 1, true) then
    r.title = last.title:gsub(y, tostring(year))
  end
  -- 一's subsections keep their headings, with empty texts
  if last.overview and #last.overview > 0 then
    r.overview = {}
    for i, item in ipairs(last.overview) do r.overview[i] = { heading = item.heading, text = "" } end
  end
  -- 上年结转 = last year's 结转下年度 (the six applicant columns; the 总计 is derived)
  local forward = last.requests and last.requests.carried_forward
  if type(forward) == "table" then
    local columns = nb.schema.requests.columns
    for c = 1, #columns - 1 do
      r.requests.carried_over[c] = count(forward[c], "结转下年度继续办理·" .. columns[c].label)
    end
    r.requests.carried_over[#columns] = nil
  end
  -- 现行有效 is a standing count: last year's is this year's starting point
  local p = last.proactive
  if p then
    local label = {}
    for _, block in ipairs(nb.schema.proactive.blocks) do
      for _, row in ipairs(block.rows) do label[row.key] = row.label end
    end
    for _, key in ipairs({ "regulations", "normative_documents" }) do
      if type(p[key]) == "table" then
        r.proactive[key].in_force = count(p[key].in_force, label[key] .. "·现行有效件数")
      end
    end
  end
  local sig = last.signature
  r.signature = { agency = sig and sig.agency ~= "" and sig.agency or agency, date = "" }
  return r, notes
end

return M
