-- The official layout of the three tables as grids of cells with their merges, shared by
-- every renderer. A grid is { columns = N, rows = { row, ... } }; a row is a list of cells
-- { text, colspan, rowspan, header = bool, number = bool }; positions covered by a span
-- from another cell are left out of the row, as in HTML.
-- Extra markers for renderers that keep structure (HTML): grid.header_rows (how many leading
-- rows form the column header), row.column_header (a block's column-label row in table 二),
-- cell.note (the corner remark of table 三, a note rather than a header of any cells).
local nb = require "nianbao"

local M = {}

local function label(text, colspan, rowspan)
  return { text = text, colspan = colspan or 1, rowspan = rowspan or 1, header = true }
end

local function value(v, colspan)
  return { text = nb.format_number(v), value = v, colspan = colspan or 1, rowspan = 1, number = true }
end

--- Table 二 of the 2019 trial format (format = 2019): the same 4-column grid, with the trial
--- format's five blocks, its own columns and the numbers kept under their labels. In a block
--- of two value columns the second spans two grid columns, as the trial template set it.
local function proactive_2019(report)
  local s = nb.schema.proactive_2019
  local data = report.proactive_2019 or {}
  local rows = {}
  for b, block in ipairs(s.blocks) do
    local spans = {}
    for i = 1, #block.columns do spans[i] = (i == #block.columns) and (4 - #block.columns) or 1 end
    rows[#rows + 1] = { label(block.header, 4), block_header = true }
    local head = { label(nb.schema.proactive.content_label), column_header = true }
    for i, c in ipairs(block.columns) do head[#head + 1] = label(c.label, spans[i]) end
    rows[#rows + 1] = head
    for _, row in ipairs(s.rows) do
      if row.block == b then
        local v = data[row.label] or {}
        local cells = { label(row.label), key = row.label }
        for i, c in ipairs(block.columns) do
          local cell = value(v[i], spans[i])
          cell.amount = c.kind == "amount" or nil
          cells[#cells + 1] = cell
        end
        rows[#rows + 1] = cells
      end
    end
  end
  return { columns = 4, rows = rows, caption = nb.schema.sections[2].heading, header_rows = 0 }
end

--- Table 二: a 4-column grid of four blocks (the trial format's five for format = 2019).
function M.proactive(report)
  if report.format == 2019 then return proactive_2019(report) end
  local s = nb.schema.proactive
  local data = report.proactive or {}
  local rows = {}
  for _, block in ipairs(s.blocks) do
    rows[#rows + 1] = { label(block.header, 4), block_header = true }
    local head = { label(s.content_label), column_header = true }
    local single = #block.columns == 1
    for _, c in ipairs(block.columns) do head[#head + 1] = label(c, single and 3 or 1) end
    rows[#rows + 1] = head
    for _, row in ipairs(block.rows) do
      local cells = { label(row.label) }
      if row.cells then
        local v = data[row.key] or {}
        for _, key in ipairs(row.cells) do cells[#cells + 1] = value(v[key]) end
      else
        cells[#cells + 1] = value(data[row.key], 3)
      end
      cells.key = row.key
      rows[#rows + 1] = cells
    end
  end
  return { columns = 4, rows = rows, caption = nb.schema.sections[2].heading, header_rows = 0 }
end

--- Table 三: 3 label columns and 7 value columns.
function M.requests(report)
  local s = nb.schema.requests
  local data = report.requests or {}
  local ncols = #s.columns
  local corner = label(s.corner, 3, 3)
  corner.note = true
  local rows = {
    { corner, label(s.applicants, ncols) },
    { label(s.columns[1].label, 1, 2), label(s.legal_persons, ncols - 2), label(s.columns[ncols].label, 1, 2) },
    {},
  }
  for i = 2, ncols - 1 do rows[3][#rows[3] + 1] = label(s.columns[i].label) end
  local results = 0
  for _, row in ipairs(s.rows) do if row.result or row.key == "total" then results = results + 1 end end
  local group_sizes = {}
  for _, row in ipairs(s.rows) do
    if row.group then group_sizes[row.group] = (group_sizes[row.group] or 0) + 1 end
  end
  local seen_group, first_result = {}, true
  -- A row's cells are gathered in one reused list and the row is made at its size at once
  -- (a constructor of table.unpack): grown cell by cell, each of the ~26 rows was resized
  -- four or five times.
  local cells = {}
  for _, row in ipairs(s.rows) do
    local n = 0
    if row.level == 1 then
      n = 1
      cells[1] = label(row.label, 3)
    else
      if first_result then
        n = n + 1
        cells[n] = label(s.results, 1, results)
        first_result = false
      end
      if row.group then
        if not seen_group[row.group] then
          seen_group[row.group] = true
          n = n + 1
          cells[n] = label(row.group_label, 1, group_sizes[row.group])
        end
        n = n + 1
        cells[n] = label(row.label)
      else
        n = n + 1
        cells[n] = label(row.label, 2)
      end
    end
    local v = row.group and (data[row.group] or {})[row.member] or data[row.key]
    v = v or {}
    for c = 1, ncols do cells[n + c] = value(v[c]) end
    rows[#rows + 1] = { key = row.key, table.unpack(cells, 1, n + ncols) }
  end
  return { columns = 3 + ncols, rows = rows, caption = nb.schema.sections[3].heading, header_rows = 3 }
end

--- Table 四: 15 columns, three header rows and one row of numbers.
function M.appeals(report)
  local s = nb.schema.appeals
  local data = report.appeals or {}
  local n = #s.columns
  local rows = { { label(s.review, n), label(s.litigation, 2 * n) }, {}, {} }
  for _, c in ipairs(s.columns) do rows[2][#rows[2] + 1] = label(c.label, 1, 2) end
  rows[2][#rows[2] + 1] = label(s.groups[2].label, n)
  rows[2][#rows[2] + 1] = label(s.groups[3].label, n)
  for _ = 2, 3 do
    for _, c in ipairs(s.columns) do rows[3][#rows[3] + 1] = label(c.label) end
  end
  local values = {}
  for _, g in ipairs(s.groups) do
    local v = data[g.key] or {}
    for _, c in ipairs(s.columns) do values[#values + 1] = value(v[c.key]) end
  end
  rows[4] = values
  return { columns = 3 * n, rows = rows, caption = nb.schema.sections[4].heading, header_rows = 3 }
end

--- The grid as a full matrix: matrix[r][c] is the cell starting there, or false where a
--- span from another cell covers the position.
function M.matrix(grid)
  local m = {}
  for r = 1, #grid.rows do m[r] = {} end
  for r, row in ipairs(grid.rows) do
    local c = 1
    for _, cell in ipairs(row) do
      while m[r][c] ~= nil do c = c + 1 end
      for dr = 0, cell.rowspan - 1 do
        for dc = 0, cell.colspan - 1 do
          if m[r + dr] then m[r + dr][c + dc] = false end
        end
      end
      m[r][c] = cell
      c = c + cell.colspan
    end
  end
  for r = 1, #grid.rows do
    for c = 1, grid.columns do
      if m[r][c] == nil then m[r][c] = false end
    end
  end
  return m
end

---------------------------------------------------------------------------
-- The result groups of table 三 as the charts name them (the HTML page's 图解, the summary
-- page; also nianbao.cells.result_groups). Here rather than in nianbao.cells so that a page
-- does not load that module (every cell's label) for six sums.
local RESULT_GROUPS = {
  { key = "disclosed", label = "予以公开" },
  { key = "partially_disclosed", label = "部分公开" },
  { key = "withheld", label = "不予公开" },
  { key = "unavailable", label = "无法提供" },
  { key = "not_processed", label = "不予处理" },
  { key = "other", label = "其他处理" },
}

local function count(v) return math.type(v) == "integer" and v > 0 and v or 0 end

--- The 总计 of each result group of table 三 (its rows summed), as a list of { label, value,
--- blank }, and their sum; blank or invalid cells count 0, and blank = true marks a group
--- none of whose rows has a count (a chart must not draw it as 0). Then how many of the
--- result rows have a 总计 that is no count (blank: not known, which a chart must not call
--- none), and how many result rows there are.
function M.result_groups(report)
  local requests = report.requests or {}
  local total_col = #nb.schema.requests.columns
  -- one pass over the rows: a result row counts for the group named by its key and for the
  -- group it is a member of (once when they are the same)
  local totals, known, blanks, rows = {}, {}, 0, 0
  for _, g in ipairs(RESULT_GROUPS) do totals[g.key], known[g.key] = 0, false end
  for _, row in ipairs(nb.schema.requests.rows) do
    local key, group = row.key, row.group
    if row.result and (totals[key] or totals[group]) then
      local v = group and (requests[group] or {})[row.member] or requests[key]
      local cell = type(v) == "table" and v[total_col] or nil
      local n = count(cell)
      rows = rows + 1
      local counted = math.type(cell) == "integer"
      if not counted then blanks = blanks + 1 end
      if totals[key] then totals[key], known[key] = totals[key] + n, known[key] or counted end
      if group ~= key and totals[group] then totals[group], known[group] = totals[group] + n, known[group] or counted end
    end
  end
  local groups, sum = {}, 0
  for i, g in ipairs(RESULT_GROUPS) do
    groups[i] = { label = g.label, value = totals[g.key], blank = not known[g.key] or nil }
    sum = sum + totals[g.key]
  end
  return groups, sum, blanks, rows
end

return M
