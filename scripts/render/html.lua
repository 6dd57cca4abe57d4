-- HTML: one self-contained HTML5 page (no external resources) in the official layout: the
-- six sections, the three tables as <table> markup with the merged cells of layout.lua, a bar
-- chart (图解) of how applications were handled, and with --force a banner of the findings.
-- The page's wording and order are templates/html/report.html, its look templates/html/style.css.
-- It lays out nianbao.document with the escape-once builder of nianbao.markup: text reaches
-- the page through node(), markup built with el() or raw() is never escaped a second time.
local nb = require "nianbao"
local document = require "nianbao.document"
local markup = require "nianbao.markup"
local layout = require "nianbao.layout"

local M = { name = "html", extension = "html",
  shows_findings_only_with_errors = true } -- the --force banner (see nianbao render)

-- the escape-once builder and the official table markup are shared (nianbao.markup)
local raw, node, el = markup.raw, markup.node, markup.el
M.raw, M.node, M.el, M.table = raw, node, el, markup.table

---------------------------------------------------------------------------
-- chart (图解): the result groups of table 三, 总计 column

local function count(v) return math.type(v) == "integer" and v > 0 and v or 0 end

local CHART = { width = 640, label = 88, bar_height = 26, gap = 12, top = 8, number_room = 56 }

local function chart(report)
  -- blanks: result rows whose 总计 is blank, not known; the chart draws no bar for them and
  -- must not call them none (nor the applications none when those counts are blank)
  local groups, sum, blanks, rows = layout.result_groups(report)
  local total_col = #nb.schema.requests.columns
  local received, received_known = 0, true
  for _, key in ipairs({ "new", "carried_over" }) do
    local row = (report.requests or {})[key]
    local v = type(row) == "table" and row[total_col] or nil
    received = received + count(v)
    received_known = received_known and math.type(v) == "integer"
  end
  if sum == 0 then
    local sentence
    if blanks == rows then
      sentence = "图解：表三的办理结果均为空白，无法作图。"
    elseif blanks > 0 then
      sentence = string.format("图解：表三的办理结果有 %d 项为空白，其余为 0，无办理结果可作图。", blanks)
    elseif received == 0 and received_known then
      sentence = "图解：本年度未收到政府信息公开申请，也没有上年结转的申请，无办理结果可作图。"
    else
      sentence = "图解：本年度没有办结的政府信息公开申请，无办理结果可作图。"
    end
    return el("p", { class = "chart-none" }, sentence)
  end
  local max = 0
  for _, g in ipairs(groups) do max = math.max(max, g.value) end
  local c = CHART
  -- the longest bar ends where its number still fits: 56 units hold 5 digits, a ninth-digit
  -- count needs more (a digit of the 15px 黑体 is at most 9 units wide)
  local bar_room = c.width - c.label - math.max(c.number_room, 8 + 9 * #tostring(max))
  local height = c.top * 2 + #groups * c.bar_height + (#groups - 1) * c.gap
  local shapes = {}
  for i, g in ipairs(groups) do
    local y = c.top + (i - 1) * (c.bar_height + c.gap)
    local w = g.value / max * bar_room
    local mid = string.format("%.1f", y + c.bar_height / 2)
    -- a bar's label, rect and number as el() writes them (attributes by name), in one
    -- concatenation: through el() these 18 elements cost more than the rest of the page's
    -- narrative; the attribute values are numbers, the texts go through node()
    shapes[i] = raw("\n"
      .. '<text class="label" dominant-baseline="central" text-anchor="end" x="' .. c.label - 8 .. '" y="' .. mid .. '">'
      .. node(g.label) .. "</text>"
      .. '<rect class="bar" height="' .. c.bar_height .. '" width="' .. string.format("%.1f", w) .. '" x="' .. c.label
      .. '" y="' .. y .. '"></rect>'
      .. '<text class="value' .. (g.blank and " blank" or "") .. '" dominant-baseline="central" x="'
      .. string.format("%.1f", c.label + w + 6) .. '" y="' .. mid
      .. '">' .. node(g.blank and "空白" or g.value) .. "</text>")
  end
  local title = blanks == 0 and string.format("本年度政府信息公开申请办理结果（共办结 %d 件）", sum)
    or string.format("本年度政府信息公开申请办理结果（共办结 %d 件；另有 %d 项办理结果为空白，未计入）", sum, blanks)
  local svg = el("svg", {
    xmlns = "http://www.w3.org/2000/svg", viewBox = string.format("0 0 %d %d", c.width, height),
    width = c.width, height = height, role = "img", ["aria-label"] = title,
  }, { el("title", nil, title), shapes, "\n" })
  return el("figure", { class = "chart" }, { "\n", svg, "\n", el("figcaption", nil, "图解：" .. title), "\n" })
end

---------------------------------------------------------------------------
-- narrative, banner, page

local function paragraphs(list)
  local out = {}
  for i, p in ipairs(list) do out[i] = { el("p", nil, p), "\n" } end
  return out
end

local function overview(subsections)
  local out = {}
  for _, sub in ipairs(subsections) do
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
  -- no banner without errors: the list items (a tostring per finding) only when there is one
  local any_error = false
  for _, f in ipairs(findings) do any_error = any_error or f.severity == "error" end
  if not any_error then return "" end
  local errors, warnings = {}, {}
  for _, f in ipairs(findings) do
    local list = f.severity == "error" and errors or warnings
    list[#list + 1] = { "\n", el("li", { class = f.severity }, tostring(f)) }
  end
  local head = string.format("本稿有 %d 个错误%s，是强制生成的（--force），不能作为正式报告发布：",
    #errors, #warnings > 0 and string.format("、%d 个警告", #warnings) or "")
  return el("div", { class = "banner", role = "alert" }, {
    "\n", el("p", nil, el("strong", nil, head)), "\n", el("ul", nil, { errors, warnings, "\n" }), "\n",
  })
end

function M.render(report, findings, opts)
  opts = opts or {}
  local doc = document.build(report, opts.profile) -- no profile: the text as written
  -- the <h1>: a line may break before the official suffix, never inside it (style.css)
  local head, tail = document.title_parts(doc.title)
  local gap = tail and doc.title:sub(#head + 1, #doc.title - #tail)
  local vars = document.heading_vars(doc, {
    title = node(doc.title),
    title_lines = node(tail and { el("span", { class = "title-head" }, head), gap, el("span", { class = "title-tail" }, tail) }
      or doc.title),
    style = nb.template("html/style.css", {}),
    banner = node(banner(opts.findings or findings)),
    overview = node(overview(doc.overview)),
    proactive = node(M.table(doc.proactive, { class = "t2" })),
    requests = node(M.table(doc.requests, { class = "t3" })),
    chart = node(chart(report)),
    appeals = node(M.table(doc.appeals, { class = "t4" })),
    problems = node(paragraphs(doc.problems)),
    other_matters = node(paragraphs(doc.other_matters)),
    preamble = node(paragraphs(doc.preamble)),
    signature = node(signature(doc.signature)),
  }, node)
  local page = nb.template("html/report.html", vars)
  return require("nianbao.text").one_final_newline(page)
end

return M
