-- Table 三 variants (25 x 8 with a 小计 column, 29 rows with subtotal rows for （三）–（六）,
-- and both): made here from the text rendering of a busy report, imported back into the
-- official cells with every number in place, the variant named, and a 小计 that disagrees
-- with its parts found. Run: nianbao run tests/attachments/variants.lua
local nb = require "nianbao"
local import = require("nianbao.import").import

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local function check(what, cond, detail) -- FAIL names the caller's line
  tally.ok(cond, what .. (detail and (": " .. tostring(detail)) or ""), 2)
end

local busy = assert(nb.load("tests/browser/busy-2024.lua"))
local text = nb.render(busy, "text")

local function split(line)
  local cells = {}
  for c in (line .. "\t"):gmatch("(.-)\t") do cells[#cells + 1] = c end
  return cells
end

-- every line of table 三 with 7 numbers gets the 小计 of its five legal-person columns
-- after 其他 (plus delta in the row named by bad_row); the header gets 小计 after 其他
local function with_subtotal_column(t, bad_row)
  local out, inside = {}, false
  for line in (t .. "\n"):gmatch("(.-)\n") do
    if line:find("^三、收到") then inside = true elseif line:find("^四、政府") then inside = false end
    local cells = split(line)
    local n = #cells
    -- a row of table 三: seven numbers after its label cells (tables 二 and 四 have fewer)
    local nums = inside and n >= 8 and cells[n]:match("^%d+$") and cells[n - 6]:match("^%d+$")
    if nums then
      local sum = 0
      for c = n - 5, n - 1 do sum = sum + tonumber(cells[c]) end
      if bad_row and line:find(bad_row, 1, true) then sum = sum + 1 end
      table.insert(cells, n, tostring(sum))
      line = table.concat(cells, "\t")
    elseif line:find("\t其他\t", 1, true) and line:find("商业企业", 1, true) then
      line = line:gsub("\t其他\t", "\t其他\t小计\t")
    end
    out[#out + 1] = line
  end
  return table.concat(out, "\n")
end

-- a subtotal row before the members of each group （三）–（六）; the group label moves
-- from the first member's row to it
local GROUPS = { "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理" }
local function with_subtotal_rows(t, bad_group)
  local lines = {}
  for line in (t .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = line end
  local out = {}
  local i = 1
  while i <= #lines do
    local line = lines[i]
    local group
    for _, g in ipairs(GROUPS) do if line:find("\t" .. g .. "\t", 1, true) then group = g end end
    if group then
      -- the members: this line and the following ones with an empty group cell
      local members = { line }
      while lines[i + #members] and lines[i + #members]:match("^\t\t%d") do members[#members + 1] = lines[i + #members] end
      local sums
      for _, m in ipairs(members) do
        local cells = split(m)
        local nums = {}
        for c = #cells - 6, #cells do nums[#nums + 1] = tonumber(cells[c]) end
        sums = sums or { 0, 0, 0, 0, 0, 0, 0 }
        for c = 1, 7 do sums[c] = sums[c] + nums[c] end
      end
      if bad_group == group then sums[1] = sums[1] + 1 sums[7] = sums[7] + 1 end
      local row = { "", group, "小计" }
      for c = 1, 7 do row[#row + 1] = tostring(sums[c]) end
      out[#out + 1] = table.concat(row, "\t")
      out[#out + 1] = (line:gsub("\t" .. group .. "\t", "\t\t", 1))
      for k = 2, #members do out[#out + 1] = members[k] end
      i = i + #members
    else
      out[#out + 1] = line
      i = i + 1
    end
  end
  return table.concat(out, "\n")
end

local function same_numbers(report)
  local n, bad = 0, {}
  for _, g in ipairs(nb.schema.appeals.groups) do
    for _, c in ipairs(nb.schema.appeals.columns) do
      if not (report.appeals and report.appeals[g.key] and report.appeals[g.key][c.key] == busy.appeals[g.key][c.key]) then
        bad[#bad + 1] = "appeals." .. g.key .. "." .. c.key
      end
    end
  end
  for _, row in ipairs(nb.schema.requests.rows) do
    local a, b = busy.requests, report.requests or {}
    for part in row.key:gmatch("[^.]+") do a = a and a[part]; b = b and b[part] end
    for c = 1, 7 do
      n = n + 1
      if not b or a[c] ~= b[c] then bad[#bad + 1] = row.key .. "[" .. c .. "]" end
    end
  end
  return n == 175 and #bad == 0, table.concat(bad, " ")
end

local function notes_of(notes, id)
  local out = {}
  for _, note in ipairs(notes) do if note.id == id then out[#out + 1] = note.message end end
  return table.concat(out, "\n")
end

local function count_rows(t)
  local n = 0
  local inside = false
  for line in (t .. "\n"):gmatch("(.-)\n") do
    if line:find("^三、收到") then inside = true elseif line:find("^四、政府") then inside = false end
    if inside and line:match("\t%d+$") then n = n + 1 end
  end
  return n
end

local function count_numbers(t)
  local inside, widths = false, {}
  for line in (t .. "\n"):gmatch("(.-)\n") do
    if line:find("^三、收到") then inside = true elseif line:find("^四、政府") then inside = false end
    if inside and line:match("\t%d+$") then
      local k = 0
      for _, c in ipairs(split(line)) do if c:match("^%d+$") then k = k + 1 end end
      widths[k] = true
    end
  end
  local list = {}
  for k in pairs(widths) do list[#list + 1] = k end
  return table.concat(list, ",")
end

-- the official table first: no variant named
local report, notes = import(text, "official.txt")
check("official: numbers", same_numbers(report))
check("official: no variant note", notes_of(notes, "IMPORT.VARIANT") == "")

local cases = {
  { "25 x 8 (小计 column)", with_subtotal_column(text), 25, "8", "“小计”列" },
  { "29 x 7 (subtotal rows)", with_subtotal_rows(text), 29, "7", "分组小计行" },
  { "29 x 8 (both)", with_subtotal_column(with_subtotal_rows(text)), 29, "8", "“小计”列" },
}
for _, case in ipairs(cases) do
  local name, variant, rows, width, words = table.unpack(case)
  check(name .. ": fixture shape", count_rows(variant) == rows and count_numbers(variant) == width,
    count_rows(variant) .. " rows of " .. count_numbers(variant))
  report, notes = import(variant, name .. ".txt")
  local ok, why = same_numbers(report)
  check(name .. ": every number in its official cell", ok, why)
  check(name .. ": variant named", notes_of(notes, "IMPORT.VARIANT"):find(words, 1, true), notes_of(notes, "IMPORT.VARIANT"))
  check(name .. ": parts agree", notes_of(notes, "T3.SUBTOTAL") == "", notes_of(notes, "T3.SUBTOTAL"))
  check(name .. ": no rows missing", notes_of(notes, "SECTION.MISSING") == "", notes_of(notes, "SECTION.MISSING"))
  -- the subtotals were read (and checked): none of them is a number that no row took
  check(name .. ": no stray numbers", notes_of(notes, "IMPORT.UNREAD") == "", notes_of(notes, "IMPORT.UNREAD"))
end
check("29 rows: all four groups", notes_of(select(2, import(with_subtotal_rows(text), "x.txt")), "IMPORT.VARIANT")
  :find("（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理，共 29 行", 1, true))

-- a header that does not name the 小计 column (a PDF sets it one character a line, "小" /
-- "计", which are no label): the column is known from the numbers of its rows
local unnamed = (with_subtotal_column(text):gsub("\t其他\t小计\t", "\t其他\t\t"))
check("unnamed 小计 column: fixture has no 小计 label", not unnamed:find("小计", 1, true))
report, notes = import(unnamed, "unnamed.txt")
check("unnamed 小计 column: every number in its official cell", same_numbers(report))
check("unnamed 小计 column: no stray numbers", notes_of(notes, "IMPORT.UNREAD") == "", notes_of(notes, "IMPORT.UNREAD"))
check("unnamed 小计 column: variant named", notes_of(notes, "IMPORT.VARIANT"):find("“小计”列", 1, true), notes_of(notes, "IMPORT.VARIANT"))
report, notes = import((with_subtotal_column(text, "2.重复申请"):gsub("\t其他\t小计\t", "\t其他\t\t")), "unnamed-bad.txt")
check("unnamed 小计 column disagrees: found", notes_of(notes, "T3.SUBTOTAL"):find("2.重复申请 的“小计”为 2", 1, true), notes_of(notes, "T3.SUBTOTAL"))
check("unnamed 小计 column disagrees: official cells still imported", same_numbers(report))

-- disagreements are found and named
report, notes = import(with_subtotal_column(text, "2.重复申请"), "bad-column.txt")
check("小计 column disagrees: found", notes_of(notes, "T3.SUBTOTAL"):find("2.重复申请 的“小计”为 2，法人或其他组织五列之和为 1", 1, true),
  notes_of(notes, "T3.SUBTOTAL"))
check("小计 column disagrees: official cells still imported", same_numbers(report))
report, notes = import(with_subtotal_rows(text, "（五）不予处理"), "bad-rows.txt")
check("subtotal row disagrees: found", notes_of(notes, "T3.SUBTOTAL"):find("（五）不予处理小计行的“自然人”为 2，各项之和为 1", 1, true),
  notes_of(notes, "T3.SUBTOTAL"))

-- the 2019 trial format's single row （六）其他处理 is not taken for a subtotal row
local trial = io.open("tests/import/fixtures/trial-2019.txt", "rb")
if trial then
  local t = trial:read("a")
  trial:close()
  report, notes = import(t, "trial-2019.txt")
  check("2019 其他处理 row is no subtotal", notes_of(notes, "IMPORT.VARIANT") == "" and notes_of(notes, "T3.SUBTOTAL") == "",
    notes_of(notes, "IMPORT.VARIANT") .. notes_of(notes, "T3.SUBTOTAL"))
end

-- table 二 with rows some provinces add: named, not imported; a 合计 row checked
local function with_rows_2(t, total)
  return (t:gsub("(行政规范性文件\t2\t1\t15\n)", "%1地方性法规\t1\t0\t4\n合计\t" .. total .. "\n", 1))
end
local extra = with_rows_2(text, "3\t1\t19")
check("table 二 fixture has the rows", extra:find("地方性法规", 1, true) and extra:find("\n合计\t", 1, true))
report, notes = import(extra, "extra-2.txt")
check("table 二 extra rows: official cells in place", report.proactive.normative_documents.in_force == 15
  and report.proactive.regulations.issued == 0 and report.proactive.licensing == 120, report.proactive.normative_documents.in_force)
check("table 二 extra rows: named", notes_of(notes, "IMPORT.VARIANT"):find("地方性法规（第二十条第（一）项，1、0、4）", 1, true),
  notes_of(notes, "IMPORT.VARIANT"))
check("table 二 合计 agrees with its rows (规章 + 行政规范性文件 + 地方性法规)", notes_of(notes, "T2.SUBTOTAL") == "", notes_of(notes, "T2.SUBTOTAL"))
report, notes = import(with_rows_2(text, "2\t1\t19"), "extra-2-bad.txt")
check("table 二 合计 disagrees: found", notes_of(notes, "T2.SUBTOTAL")
  == "表二的合计行与各行之和不一致：第二十条第（一）项“合计”第 1 列为 2，各行之和为 3", notes_of(notes, "T2.SUBTOTAL"))

return tally.finish()
