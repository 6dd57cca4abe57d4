-- layout.lua: the three tables as grids with merged cells, against FORMAT.md §1.
local T = ...
local nb = require "nianbao"
local layout = require "nianbao.layout"

-- Every grid position is covered by exactly one cell; returns the owner matrix [r][c] = cell.
local function coverage(grid)
  local owner = {}
  for r = 1, #grid.rows do owner[r] = {} end
  for r, row in ipairs(grid.rows) do
    local c = 1
    for _, cell in ipairs(row) do
      while owner[r][c] do c = c + 1 end
      for dr = 0, cell.rowspan - 1 do
        for dc = 0, cell.colspan - 1 do
          local rr, cc = r + dr, c + dc
          T.ok(owner[rr], string.format("cell %q spans below the grid", cell.text))
          T.ok(cc <= grid.columns, string.format("cell %q spans past column %d", cell.text, grid.columns))
          T.ok(not owner[rr][cc], string.format("cells overlap at row %d column %d", rr, cc))
          owner[rr][cc] = cell
        end
      end
      c = c + cell.colspan
    end
  end
  for r = 1, #grid.rows do
    for c = 1, grid.columns do
      T.ok(owner[r][c], string.format("row %d column %d is not covered", r, c))
    end
  end
  return owner
end

-- The cell whose text is `text` (the first one, row by row).
local function find(grid, text)
  for r, row in ipairs(grid.rows) do
    for _, cell in ipairs(row) do
      if cell.text == text then return cell, r end
    end
  end
  error("no cell " .. text, 2)
end

-- A report whose every cell of table 三 differs: row i, column c holds i * 10 + c.
local function numbered_report()
  local copy = T.load_seed():copy()
  for i, row in ipairs(nb.schema.requests.rows) do
    local v = {}
    for c = 1, 7 do v[c] = i * 10 + c end
    if row.group then copy.requests[row.group][row.member] = v else copy.requests[row.key] = v end
  end
  -- the view checks nothing here: the arithmetic is deliberately wrong, only placement matters
  return assert(nb.view(copy, "test copy"))
end

local tests = {}

function tests.requests_grid_shape()
  local g = layout.requests(T.load_seed())
  T.eq(g.columns, 10, "columns: 3 label + 7 value")
  T.eq(#g.rows, 3 + 25, "3 header rows + 25 rows")
  coverage(g)
  local corner = g.rows[1][1]
  T.ok(corner.text:find("本列数据的勾稽关系为", 1, true), "corner text")
  T.eq(corner.colspan .. "x" .. corner.rowspan, "3x3", "corner span")
  T.eq(find(g, "申请人情况").colspan, 7, "申请人情况 colspan")
  T.eq(find(g, "自然人").rowspan, 2, "自然人 rowspan")
  T.eq(find(g, "法人或其他组织").colspan, 5, "法人或其他组织 colspan")
  T.eq(find(g, "总计").rowspan, 2, "总计 rowspan")
  local results, r = find(g, "三、本年度办理结果")
  T.eq(results.rowspan, 22, "三、本年度办理结果 rowspan (21 result rows + （七）总计)")
  T.eq(r, 6, "三、本年度办理结果 starts on the row of （一）予以公开")
  T.eq(find(g, "（三）不予公开").rowspan, 8, "（三）不予公开 rowspan")
  T.eq(find(g, "（四）无法提供").rowspan, 3, "（四）无法提供 rowspan")
  T.eq(find(g, "（五）不予处理").rowspan, 5, "（五）不予处理 rowspan")
  T.eq(find(g, "（六）其他处理").rowspan, 3, "（六）其他处理 rowspan")
  T.eq(find(g, "一、本年新收政府信息公开申请数量").colspan, 3, "level-1 label spans the label area")
  T.eq(find(g, "四、结转下年度继续办理").colspan, 3, "四、结转下年度继续办理 colspan")
  T.eq(find(g, "（一）予以公开").colspan, 2, "（一）予以公开 colspan")
  T.eq(find(g, "（七）总计").colspan, 2, "（七）总计 colspan")
end

function tests.requests_numbers_in_place()
  local g = layout.requests(numbered_report())
  local m = layout.matrix(g)
  for i = 1, 25 do
    local row = m[3 + i]
    for c = 1, 7 do
      local cell = row[3 + c]
      T.ok(cell and cell.number, string.format("row %d column %d is a number cell", i, c))
      T.eq(cell.text, tostring(i * 10 + c), string.format("table 三 row %d column %d", i, c))
    end
  end
end

function tests.proactive_grid_shape()
  local g = layout.proactive(T.load_seed())
  T.eq(g.columns, 4, "table 二 columns")
  T.eq(#g.rows, 14, "4 blocks: header + column labels + 2/1/2/1 rows")
  coverage(g)
  local headers = {}
  for _, row in ipairs(g.rows) do
    if #row == 1 and row[1].colspan == 4 then headers[#headers + 1] = row[1].text end
  end
  T.eq(table.concat(headers, ","), "第二十条第（一）项,第二十条第（五）项,第二十条第（六）项,第二十条第（八）项",
    "block headers spanning 4 columns")
  T.eq(find(g, "本年收费金额（单位：万元）").colspan, 3, "single value column spans 3")
  local copy = T.load_seed():copy()
  copy.proactive.fees = 5125.11
  copy.proactive.normative_documents.repealed = 7
  local m = layout.matrix(layout.proactive(assert(nb.view(copy, "test copy"))))
  T.eq(m[14][2].text, "5125.11", "fee amount under 行政事业性收费")
  T.eq(m[14][2].colspan, 3, "fee cell spans 3")
  T.eq(m[4][3].text, "7", "行政规范性文件 本年废止件数")
end

function tests.appeals_grid_shape()
  local g = layout.appeals(T.load_seed())
  T.eq(g.columns, 15, "table 四 columns")
  T.eq(#g.rows, 4, "3 header rows + 1 row of numbers")
  coverage(g)
  T.eq(find(g, "行政复议").colspan, 5, "行政复议 colspan")
  T.eq(find(g, "行政诉讼").colspan, 10, "行政诉讼 colspan")
  T.eq(find(g, "未经复议直接起诉").colspan, 5, "未经复议直接起诉 colspan")
  T.eq(find(g, "复议后起诉").colspan, 5, "复议后起诉 colspan")
  for i = 1, 5 do T.eq(g.rows[2][i].rowspan, 2, "review column label rowspan " .. i) end
  T.eq(#g.rows[3], 10, "row 3: the litigation column labels twice")
  T.eq(#g.rows[4], 15, "15 numbers")
  local copy = T.load_seed():copy()
  copy.appeals.litigation_after_review = { upheld = 1, corrected = 2, other = 3, pending = 4, total = 10 }
  local row = layout.appeals(assert(nb.view(copy, "test copy"))).rows[4]
  T.eq(row[11].text .. row[15].text, "110", "复议后起诉 结果维持 and 总计 in the last group")
end

function tests.matrix_marks_covered_positions()
  local m = layout.matrix(layout.requests(T.load_seed()))
  T.ok(m[1][1], "corner starts at 1,1")
  T.eq(m[1][2], false, "covered by the corner")
  T.eq(m[3][3], false, "covered by the corner (last)")
  T.eq(m[7][1], false, "covered by 三、本年度办理结果")
  T.ok(m[1][4] and m[1][4].text == "申请人情况", "申请人情况 at column 4")
end

-- layout.result_groups (the chart's bars; also cells.result_groups) sums each group in one pass over the rows: the same
-- groups and sum as one pass per group did, on the seed and on random plain reports (counts,
-- zeros, negatives, fractions, blanks, missing rows and groups)
function tests.result_groups_as_one_pass_per_group()
  local cells = require "nianbao.cells"
  local LABELS = { disclosed = "予以公开", partially_disclosed = "部分公开", withheld = "不予公开",
    unavailable = "无法提供", not_processed = "不予处理", other = "其他处理" }
  local ORDER = { "disclosed", "partially_disclosed", "withheld", "unavailable", "not_processed", "other" }
  local function reference(report)
    local requests = report.requests or {}
    local total_col = #nb.schema.requests.columns
    local groups, sum = {}, 0
    for _, key in ipairs(ORDER) do
      local n, known = 0, false
      for _, row in ipairs(nb.schema.requests.rows) do
        if row.result and (row.key == key or row.group == key) then
          local v = row.group and (requests[row.group] or {})[row.member] or requests[row.key]
          local x = type(v) == "table" and v[total_col] or nil
          n = n + (math.type(x) == "integer" and x > 0 and x or 0)
          known = known or math.type(x) == "integer"
        end
      end
      -- blank: no row of the group has a count (the chart says 空白, not 0)
      groups[#groups + 1] = { label = LABELS[key], value = n, blank = not known or nil }
      sum = sum + n
    end
    -- the result rows whose 总计 is no count (blank: not known), of all the result rows
    local blanks, rows = 0, 0
    for _, row in ipairs(nb.schema.requests.rows) do
      if row.result then
        rows = rows + 1
        local v = row.group and (requests[row.group] or {})[row.member] or requests[row.key]
        if math.type(type(v) == "table" and v[total_col] or nil) ~= "integer" then blanks = blanks + 1 end
      end
    end
    return groups, sum, blanks, rows
  end
  local function same(report, what)
    local g1, s1, b1, r1 = layout.result_groups(report)
    local g2, s2, b2, r2 = reference(report)
    T.deep_eq(g1, g2, what .. ": groups")
    T.eq(s1, s2, what .. ": sum")
    T.eq(b1, b2, what .. ": result rows with a blank 总计")
    T.eq(r1, r2, what .. ": result rows")
    T.deep_eq({ cells.result_groups(report) }, { layout.result_groups(report) }, what .. ": nianbao.cells gives the same")
  end
  same(T.load_seed(), "seed")
  same({}, "no table 三")
  local values = { 0, 1, 7, 120, -3, 2.5, nb.BLANK, "x" }
  math.randomseed(15)
  for round = 1, 60 do
    local requests = {}
    for _, row in ipairs(nb.schema.requests.rows) do
      if math.random() < 0.85 then
        local v = {}
        for c = 1, #nb.schema.requests.columns do v[c] = values[math.random(#values)] end
        if row.group then
          if math.random() < 0.9 then
            requests[row.group] = requests[row.group] or {}
            requests[row.group][row.member] = v
          end
        else
          requests[row.key] = v
        end
      end
    end
    same({ requests = requests }, "random report " .. round)
  end
end

return tests
