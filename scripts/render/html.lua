-- HTML: one self-contained HTML5 page (no external resources) in the official layout: the
-- six sections, the three tables as <table> markup with the merged cells of layout.lua, a bar
-- chart (图解) of how applications were handled, and with --force a banner of the findings.
-- The page's wording and order are templates/html/report.html, its look templates/html/style.css.
--
-- Every piece of text reaches the page through node(), which escapes it with nb.escape_html;
-- markup built here is wrapped with raw() so that it is never escaped a second time.
local nb = require "nianbao"
local layout = require "nianbao.layout"
local profiles = require "nianbao.profile"

local M = { name = "html", extension = "html" }

---------------------------------------------------------------------------
-- markup building: text is escaped exactly once, here

local Raw = {}

local function raw(s) return setmetatable({ s }, Raw) end

--- Markup for v: raw markup as it is, a list concatenated, anything else escaped as text.
local function node(v)
  if getmetatable(v) == Raw then return v[1] end
  if type(v) == "table" then
    local out = {}
    for i, x in ipairs(v) do out[i] = node(x) end
    return table.concat(out)
  end
  return nb.escape_html(v)
end

--- An element: el("td", { class = "num", colspan = 3 }, "12"); attributes in name order.
local function el(tag, attrs, content)
  local names = {}
  for name in pairs(attrs or {}) do names[#names + 1] = name end
  table.sort(names)
  local parts = { "<", tag }
  for _, name in ipairs(names) do
    local v = attrs[name]
    if v ~= false and v ~= nil then
      parts[#parts + 1] = string.format(' %s="%s"', name, node(v))
    end
  end
  parts[#parts + 1] = ">"
  if content ~= nil then parts[#parts + 1] = node(content) .. "</" .. tag .. ">" end
  return raw(table.concat(parts))
end

M.raw, M.node, M.el = raw, node, el

---------------------------------------------------------------------------
-- tables

local function span(n) return n > 1 and n or nil end

--- One cell. In the column header (and table 二's column-label rows) a label is a column
--- header; a block header of table 二 heads its block (rowgroup); other labels head rows.
local function cell_markup(cell, where, opts)
  local attrs = { colspan = span(cell.colspan), rowspan = span(cell.rowspan) }
  if cell.number then
    attrs.class = "num"
    if opts.align_attribute then attrs.align = "right" end
    return el("td", attrs, cell.text)
  end
  if cell.note then
    attrs.class = "note"
    return el("td", attrs, cell.text)
  end
  attrs.scope = where
  return el("th", attrs, cell.text)
end

local function row_markup(row, where, opts)
  local cells = {}
  for _, cell in ipairs(row) do cells[#cells + 1] = cell_markup(cell, where, opts) end
  return el("tr", nil, cells)
end

--- A layout grid as <table>: its header rows as <thead> (repeated on every printed page),
--- table 二's blocks each as a <tbody>. opts.caption = false leaves out the caption,
--- opts.columns = false the <colgroup> (column widths for the stylesheet);
--- opts.align_attribute adds align="right" to numbers for pages that strip CSS (Markdown).
function M.table(grid, opts)
  opts = opts or {}
  local parts = {}
  if opts.caption ~= false then parts[#parts + 1] = { "\n", el("caption", nil, grid.caption) } end
  -- one <col> per grid column, so that the stylesheet can give the columns their widths
  if opts.columns ~= false then
    local cols = {}
    for c = 1, grid.columns do cols[c] = el("col") end
    parts[#parts + 1] = { "\n", el("colgroup", nil, cols) }
  end
  local head = grid.header_rows or 0
  if head > 0 then
    local rows = {}
    for r = 1, head do rows[#rows + 1] = { "\n", row_markup(grid.rows[r], "col", opts) } end
    parts[#parts + 1] = { "\n", el("thead", nil, { rows, "\n" }) }
  end
  local body
  for r = head + 1, #grid.rows do
    local row = grid.rows[r]
    if row.block_header or not body then
      if body then parts[#parts + 1] = { "\n", el("tbody", nil, { body, "\n" }) } end
      body = {}
    end
    local where = row.block_header and "rowgroup" or row.column_header and "col" or "row"
    body[#body + 1] = { "\n", row_markup(row, where, opts) }
  end
  if body then parts[#parts + 1] = { "\n", el("tbody", nil, { body, "\n" }) } end
  parts[#parts + 1] = "\n"
  return el("table", { class = opts.class }, parts)
end

---------------------------------------------------------------------------
-- chart (图解): the result groups of table 三, 总计 column

local RESULT_GROUPS = {
  { key = "disclosed", label = "予以公开" },
  { key = "partially_disclosed", label = "部分公开" },
  { key = "withheld", label = "不予公开" },
  { key = "unavailable", label = "无法提供" },
  { key = "not_processed", label = "不予处理" },
  { key = "other", label = "其他处理" },
}

local function count(v) return math.type(v) == "integer" and v > 0 and v or 0 end

--- The 总计 of each result group (a group of rows summed); blank or invalid cells count 0.
function M.result_groups(report)
  local requests = report.requests or {}
  local total_col = #nb.schema.requests.columns
  local groups, sum = {}, 0
  for _, g in ipairs(RESULT_GROUPS) do
    local n = 0
    for _, row in ipairs(nb.schema.requests.rows) do
      if row.result and (row.key == g.key or row.group == g.key) then
        local v = row.group and (requests[row.group] or {})[row.member] or requests[row.key]
        n = n + count(type(v) == "table" and v[total_col] or nil)
      end
    end
    groups[#groups + 1] = { label = g.label, value = n }
    sum = sum + n
  end
  return groups, sum
end

local CHART = { width = 640, label = 88, bar_height = 26, gap = 12, top = 8, number_room = 56 }

local function chart(report)
  local groups, sum = M.result_groups(report)
  local total_col = #nb.schema.requests.columns
  local received = 0
  for _, key in ipairs({ "new", "carried_over" }) do
    local row = (report.requests or {})[key]
    received = received + count(type(row) == "table" and row[total_col] or nil)
  end
  if sum == 0 then
    local sentence = received == 0 and "图解：本年度未收到政府信息公开申请，也没有上年结转的申请，无办理结果可作图。"
      or "图解：本年度没有办结的政府信息公开申请，无办理结果可作图。"
    return el("p", { class = "chart-none" }, sentence)
  end
  local max = 0
  for _, g in ipairs(groups) do max = math.max(max, g.value) end
  local c = CHART
  local bar_room = c.width - c.label - c.number_room
  local height = c.top * 2 + #groups * c.bar_height + (#groups - 1) * c.gap
  local shapes = {}
  for i, g in ipairs(groups) do
    local y = c.top + (i - 1) * (c.bar_height + c.gap)
    local w = g.value / max * bar_room
    local mid = string.format("%.1f", y + c.bar_height / 2)
    shapes[#shapes + 1] = {
      "\n",
      el("text", { class = "label", x = c.label - 8, y = mid, ["text-anchor"] = "end", ["dominant-baseline"] = "central" }, g.label),
      el("rect", { class = "bar", x = c.label, y = y, width = string.format("%.1f", w), height = c.bar_height }, ""),
      el("text", { class = "value", x = string.format("%.1f", c.label + w + 6), y = mid, ["dominant-baseline"] = "central" },
        g.value),
    }
  end
  local title = string.format("本年度政府信息公开申请办理结果（共办结 %d 件）", sum)
  local svg = el("svg", {
    xmlns = "http://www.w3.org/2000/svg", viewBox = string.format("0 0 %d %d", c.width, height),
    width = c.width, height = height, role = "img", ["aria-label"] = title,
  }, { el("title", nil, title), shapes, "\n" })
  return el("figure", { class = "chart" }, { "\n", svg, "\n", el("figcaption", nil, "图解：" .. title), "\n" })
end

---------------------------------------------------------------------------
-- narrative, banner, page

local function paragraphs(profile, ...)
  local out = {}
  for i, p in ipairs(profiles.paragraphs(profile, ...)) do out[i] = { el("p", nil, p), "\n" } end
  return out
end

local function overview(report, profile)
  local out = {}
  for _, sub in ipairs(profiles.overview(profile, report)) do
    if sub.heading then
      out[#out + 1] = sub.numbered and { el("h3", nil, sub.numbered), "\n" } or raw(nb.template("html/subsection.html", {
        numeral = node(sub.numeral), heading = node(sub.heading),
      }))
    end
    for _, p in ipairs(sub.paragraphs) do out[#out + 1] = { el("p", nil, p), "\n" } end
  end
  return raw(node(out))
end

local function signature(lines)
  if #lines == 0 then return "" end
  local out = {}
  for i, l in ipairs(lines) do out[i] = { el("p", nil, l), "\n" } end
  return { el("div", { class = "signature" }, { "\n", out }), "\n" }
end

--- With --force on a report that has errors: a banner listing them (and the warnings).
local function banner(findings)
  findings = findings or {}
  local errors, warnings = {}, {}
  for _, f in ipairs(findings) do
    local list = f.severity == "error" and errors or warnings
    list[#list + 1] = { "\n", el("li", { class = f.severity }, tostring(f)) }
  end
  if #errors == 0 then return "" end
  local head = string.format("本稿有 %d 个错误%s，是强制生成的（--force），不能作为正式报告发布：",
    #errors, #warnings > 0 and string.format("、%d 个警告", #warnings) or "")
  return el("div", { class = "banner", role = "alert" }, {
    "\n", el("p", nil, el("strong", nil, head)), "\n", el("ul", nil, { errors, warnings, "\n" }), "\n",
  })
end

function M.render(report, findings, opts)
  opts = opts or {}
  local profile = profiles.get(opts.profile) -- nil: the text as written
  local vars = {
    title = node(profiles.title(profile, report)),
    style = nb.template("html/style.css", {}),
    banner = node(banner(opts.findings or findings)),
    overview = node(overview(report, profile)),
    proactive = node(M.table(profiles.format_grid(profile, layout.proactive(report)), { class = "t2" })),
    requests = node(M.table(layout.requests(report), { class = "t3" })),
    chart = node(chart(report)),
    appeals = node(M.table(layout.appeals(report), { class = "t4" })),
    problems = node(paragraphs(profile, report.problems, report.improvements)),
    other_matters = node(paragraphs(profile, report.other_matters)),
    preamble = node(paragraphs(profile, report.preamble)),
    signature = node(signature(profiles.signature(profile, report))),
  }
  for i, heading in ipairs(profiles.section_headings(profile)) do vars["heading" .. i] = node(heading) end
  local page = nb.template("html/report.html", vars)
  return (page:gsub("\n*$", "\n"))
end

return M
