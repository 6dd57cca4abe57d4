-- HTML pages laid out as government CMS sites and Word's "Save as HTML" publish them (the
-- round of generated variants of the shared reports, numbers changed so that no row's or
-- group's total holds): each number in its cell, or what could not be read named in a note.
--   nianbao run tests/import/html_round.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local read, note = T.fixture, T.note
local plain, same = T.plain, T.same_cells

local function show(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = tostring(plain(v)) end
  return "{" .. table.concat(out, ",") .. "}"
end

local function same_appeals(r, want, what)
  local lists = T.t4_lists(r)
  if not lists then ok(false, what .. ": table 四 not read") return end
  for k, g in ipairs(nb.schema.appeals.groups) do
    ok(same(lists[k], want[k]), string.format("%s: table 四 %s is %s, want %s", what, g.key, show(lists[k]), show(want[k])))
  end
end

---------------------------------------------------------------------------
-- 1. an empty layout column in every row of table 四, and totals that do not hold (so they
-- cannot tell a blank 结果维持 from the layout cell): the column is no cell of the table,
-- the numbers are not shifted one column on with the last one dropped

do
  local row = "<tr><td>&nbsp;</td><td></td><td>1</td><td>0</td><td>2</td><td>7</td>"
    .. "<td>1</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>2</td><td>0</td><td>1</td><td>4</td></tr>"
  local text = read("t4-empty-first-col.html"):gsub("<tr><td>&nbsp;</td>.-</tr>", row, 1)
  local r = imp.import(text, "t4-margin.html")
  same_appeals(r, { { "", 1, 0, 2, 7 }, { 1, 0, 0, 0, 2 }, { 0, 2, 0, 1, 4 } }, "margin column, totals off")
  -- a table of one row keeps its first cell: it may be a blank of the table
  local one = "<table><tr><td></td><td>1</td></tr></table>"
  local items = require("nianbao.import.html").items(one, {})
  ok(#items == 1 and #items[1].cells == 2, "one-row table: the empty first cell is kept")
end

os.exit(tally.finish())
