-- Plain text: the six sections in order, narrative as paragraphs, the three tables as
-- tab-separated grids in the official layout (a merged cell is its label followed by empty
-- cells), so the output pastes into a spreadsheet or word processor as a table.
-- opts.table_style = "aligned" pads the tables by display width for reading in a terminal.
local nb = require "nianbao"
local layout = require "nianbao.layout"
local document = require "nianbao.document"

local function matrix_lines_tsv(grid)
  local lines = {}
  for _, row in ipairs(layout.matrix(grid)) do
    local cells = {}
    for c = 1, grid.columns do cells[c] = row[c] and row[c].text or "" end
    lines[#lines + 1] = table.concat(cells, "\t")
  end
  return table.concat(lines, "\n")
end

local GAP = "  "

local function matrix_lines_aligned(grid)
  local m = layout.matrix(grid)
  local widths = {}
  for c = 1, grid.columns do widths[c] = 0 end
  for _, row in ipairs(m) do
    for c = 1, grid.columns do
      local cell = row[c]
      if cell and cell.colspan == 1 then widths[c] = math.max(widths[c], nb.width(cell.text)) end
    end
  end
  -- a spanning cell wider than its columns widens the last of them
  for _, row in ipairs(m) do
    for c = 1, grid.columns do
      local cell = row[c]
      if cell and cell.colspan > 1 then
        local span = #GAP * (cell.colspan - 1)
        for k = c, c + cell.colspan - 1 do span = span + widths[k] end
        local need = nb.width(cell.text) - span
        if need > 0 then widths[c + cell.colspan - 1] = widths[c + cell.colspan - 1] + need end
      end
    end
  end
  local lines = {}
  for _, row in ipairs(m) do
    local parts, c = {}, 1
    while c <= grid.columns do
      local cell = row[c]
      local span = cell and cell.colspan or 1
      local w = #GAP * (span - 1)
      for k = c, c + span - 1 do w = w + widths[k] end
      local text = cell and cell.text or ""
      parts[#parts + 1] = nb.pad(text, w, cell and cell.number and "right" or "left")
      c = c + span
    end
    lines[#lines + 1] = require("nianbao.text").rstrip(table.concat(parts, GAP))
  end
  return table.concat(lines, "\n")
end

local function join_paragraphs(list) return table.concat(list, "\n\n") end

-- the preamble and the signature are filled in only when present (their place is empty
-- otherwise); the signature is right-aligned on the 28-character line of GB/T 9704
local function preamble(list) return #list > 0 and join_paragraphs(list) .. "\n\n" or "" end
local function signature(lines)
  for i, l in ipairs(lines) do lines[i] = nb.pad(l, 56, "right") end
  return #lines > 0 and "\n\n" .. table.concat(lines, "\n") or ""
end

-- a subsection heading shares its line with the subsection's first paragraph
local function overview(subsections)
  local out = {}
  for _, sub in ipairs(subsections) do
    local paras, first = sub.paragraphs, 1
    if sub.heading then
      out[#out + 1] = sub.numbered and (sub.numbered .. "：" .. (paras[1] or "")) or
        require("nianbao.text").drop_final_newlines(nb.template("text/subsection.txt", {
          numeral = sub.numeral, heading = sub.heading, text = paras[1] or "",
        }))
      first = 2
    end
    for k = first, #paras do out[#out + 1] = paras[k] end
  end
  return join_paragraphs(out)
end

--- With --force on a report that has errors: a warning above the text listing the findings,
--- as the other formats carry (a forced text must not pass for the published report). Put
--- before the template's text, not into it: a user's copy of this renderer or of the
--- template keeps working.
local function banner(findings)
  local errors, lines = 0, {}
  for _, f in ipairs(findings or {}) do
    if f.severity == "error" then errors = errors + 1 end
    lines[#lines + 1] = "- " .. tostring(f)
  end
  if errors == 0 then return "" end
  return string.format("【本稿有 %d 个错误，是强制生成的（--force），不能作为正式报告发布】\n%s\n\n",
    errors, table.concat(lines, "\n"))
end

return {
  name = "text",
  extension = "txt",
  shows_findings_only_with_errors = true, -- the --force banner (see nianbao render)
  render = function(report, findings, opts)
    opts = opts or {}
    local doc = document.build(report, opts.profile) -- no profile: the text as written
    local grid_text = opts.table_style == "aligned" and matrix_lines_aligned or matrix_lines_tsv
    local vars = document.heading_vars(doc, {
      title = doc.title,
      overview = overview(doc.overview),
      proactive = grid_text(doc.proactive),
      requests = grid_text(doc.requests),
      appeals = grid_text(doc.appeals),
      problems = join_paragraphs(doc.problems),
      other_matters = join_paragraphs(doc.other_matters),
      preamble = preamble(doc.preamble),
      signature = signature(doc.signature),
    })
    local text = banner(opts.findings or findings) .. nb.template("text/report.txt", vars)
    return require("nianbao.text").one_final_newline(text)
  end,
}
