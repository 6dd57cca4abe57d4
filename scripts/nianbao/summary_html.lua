-- The summary of a batch as one self-contained HTML page: the key figures of every report in
-- a table sortable by any column (a small inline script; the page works without it), and two
-- SVG charts: applications received per unit and how each unit handled its applications.
-- Markup goes through nianbao.markup's el/raw, so every text is escaped exactly once; like
-- every core module it leans on no renderer a user may replace (render/html.lua).
local nb = require "nianbao"
local markup = require "nianbao.markup"
local cells = require "nianbao.cells"
local summary = require "nianbao.summary"
local el, raw = markup.el, markup.raw
local clean = require("nianbao.utf8fix").clean -- a GBK file name is shown as U+FFFD, not as bytes

local M = {}

local STYLE = [[
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; }
th { background: #eef; cursor: pointer; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { background: #fff3f0; }
tr.unreadable td { background: #f4f4f4; color: #666; white-space: normal; }
figure { margin: 1.5em 0; }
svg text { font-size: 12px; }
.bar { fill: #4a78b5; }
.g1 { fill: #4a78b5; } .g2 { fill: #7fb3d5; } .g3 { fill: #e59866; } .g4 { fill: #f7dc6f; } .g5 { fill: #a569bd; } .g6 { fill: #95a5a6; }
]]

-- Sorting: numbers by value (blank last), text by the Chinese collation; clicking again reverses.
local SCRIPT = [[
(function () {
  var table = document.getElementById("summary");
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var number = th.getAttribute("data-type") === "number";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-value"), y = b.cells[col].getAttribute("data-value");
        if (x === "" && y === "") return 0;
        if (x === "") return 1;
        if (y === "") return -1;
        var d = number ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
]]

local CHART = { width = 760, label = 220, bar = 18, gap = 6, top = 8, number_room = 60 }
-- what fits left of the bars in 12px text, in display columns (a Chinese character is 2)
local LABEL_COLUMNS = 34

-- `s` cut to at most `cols` display columns, ending in "…" when cut.
local function shorten(s, cols)
  if nb.width(s) <= cols then return s end
  local out, w = {}, 0
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    w = w + nb.width(ch)
    if w > cols - 2 then break end
    out[#out + 1] = ch
  end
  return table.concat(out) .. "…"
end

-- A bar's label: the agency (its file for a report imported without a title), with the year
-- when the batch has several. The whole label is the bar's tooltip; the text beside the bar is
-- cut to fit the space left of the bars (a long name would be clipped at the page's edge).
local function unit_name(row, years_differ)
  local name = row.agency
  if not (name and name:find("%S")) then name = (row.file or ""):match("([^/\\]*)$"):gsub("%.lua$", "") end
  name = clean(name)
  local year = years_differ and row.year and (" " .. row.year) or ""
  return name .. year, shorten(name, LABEL_COLUMNS - nb.width(year)) .. year
end

local function applications_chart(rows, years_differ)
  local c, data, max = CHART, {}, 0
  for _, row in ipairs(rows) do
    if row.ok then
      local v = math.type(row.new) and row.new or 0
      local label, short = unit_name(row, years_differ)
      data[#data + 1] = { label = label, short = short, value = v }
      max = math.max(max, v)
    end
  end
  local height = c.top * 2 + #data * (c.bar + c.gap)
  local room = c.width - c.label - c.number_room
  local shapes = {}
  for i, d in ipairs(data) do
    local y = c.top + (i - 1) * (c.bar + c.gap)
    local w = max > 0 and d.value / max * room or 0
    local mid = string.format("%.1f", y + c.bar / 2)
    shapes[#shapes + 1] = { "\n",
      el("text", { x = c.label - 6, y = mid, ["text-anchor"] = "end", ["dominant-baseline"] = "central" }, d.short),
      el("rect", { class = "bar", x = c.label, y = y, width = string.format("%.1f", w), height = c.bar },
        el("title", nil, d.label .. "：" .. d.value)),
      el("text", { x = string.format("%.1f", c.label + w + 4), y = mid, ["dominant-baseline"] = "central" }, d.value) }
  end
  local title = "各单位本年新收政府信息公开申请数量"
  return el("figure", { id = "chart-applications" }, { "\n",
    el("svg", { xmlns = "http://www.w3.org/2000/svg", viewBox = string.format("0 0 %d %d", c.width, height),
      width = c.width, height = height, role = "img", ["aria-label"] = title },
      { el("title", nil, title), shapes, "\n" }),
    "\n", el("figcaption", nil, "图一：" .. title), "\n" })
end

local function results_chart(rows, years_differ)
  local c, data, max = CHART, {}, 0
  local labels
  for _, row in ipairs(rows) do
    if row.ok then
      local groups, sum = row.result_groups, row.result_sum
      labels = labels or groups
      local label, short = unit_name(row, years_differ)
      data[#data + 1] = { label = label, short = short, groups = groups, sum = sum }
      max = math.max(max, sum)
    end
  end
  labels = labels or {}
  local legend_height = 24
  local height = c.top * 2 + legend_height + #data * (c.bar + c.gap)
  local room = c.width - c.label - c.number_room
  local shapes = {}
  for g, lg in ipairs(labels) do -- the legend
    local x = c.label + (g - 1) * 88
    shapes[#shapes + 1] = { "\n", el("rect", { class = "g" .. g, x = x, y = c.top, width = 12, height = 12 }, ""),
      el("text", { x = x + 16, y = c.top + 10 }, lg.label) }
  end
  for i, d in ipairs(data) do
    local y = c.top + legend_height + (i - 1) * (c.bar + c.gap)
    local mid = string.format("%.1f", y + c.bar / 2)
    shapes[#shapes + 1] = { "\n",
      el("text", { x = c.label - 6, y = mid, ["text-anchor"] = "end", ["dominant-baseline"] = "central" }, d.short) }
    local x = c.label
    for g, grp in ipairs(d.groups) do
      if grp.value > 0 then
        local w = grp.value / max * room
        shapes[#shapes + 1] = el("rect", { class = "g" .. g, x = string.format("%.1f", x), y = y,
          width = string.format("%.1f", w), height = c.bar }, el("title", nil, d.label .. " " .. grp.label .. "：" .. grp.value))
        x = x + w
      end
    end
    shapes[#shapes + 1] = el("text", { x = string.format("%.1f", x + 4), y = mid, ["dominant-baseline"] = "central" }, d.sum)
  end
  local title = "各单位政府信息公开申请办理结果"
  return el("figure", { id = "chart-results" }, { "\n",
    el("svg", { xmlns = "http://www.w3.org/2000/svg", viewBox = string.format("0 0 %d %d", c.width, height),
      width = c.width, height = height, role = "img", ["aria-label"] = title },
      { el("title", nil, title), shapes, "\n" }),
    "\n", el("figcaption", nil, "图二：" .. title), "\n" })
end

--- For nianbao.summary.rows (opts.per_report): what the page needs of a report besides its
--- row, taken while the report is loaded (a long batch drops the reports after their row).
function M.per_report(row, report)
  row.result_groups, row.result_sum = cells.result_groups(report)
end

--- The page for the rows of nianbao.summary.rows (made with M.per_report).
function M.page(rows)
  local cols = {}
  for _, c in ipairs(summary.columns()) do if not c.cell then cols[#cols + 1] = c end end
  local years, failed, unreadable = {}, 0, 0
  local nyears = 0
  for _, row in ipairs(rows) do
    if row.year and not years[row.year] then years[row.year] = true nyears = nyears + 1 end
    if not row.ok then unreadable = unreadable + 1 elseif row.errors > 0 then failed = failed + 1 end
  end
  local head = {}
  for _, c in ipairs(cols) do
    head[#head + 1] = el("th", { scope = "col", ["data-type"] = c.number and "number" or "text" }, c.label)
  end
  local body = {}
  for _, row in ipairs(rows) do
    local tds = {}
    for _, c in ipairs(cols) do
      local v = row[c.id]
      local text = v == nil and "" or (type(v) == "number" and nb.format_number(v) or clean(tostring(v)))
      tds[#tds + 1] = el("td", { class = c.number and "num" or nil, ["data-value"] = text }, text)
    end
    local class = not row.ok and "unreadable" or (row.errors > 0 and "failed") or nil
    body[#body + 1] = { "\n", el("tr", { class = class }, tds) }
  end
  local title = "政府信息公开工作年度报告汇总"
  local content = {
    raw('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'),
    el("title", nil, title), "\n", el("style", nil, raw(STYLE)), raw("\n</head>\n<body>\n"),
    el("h1", nil, title), "\n",
    el("p", { class = "totals" }, string.format("共 %d 份报告：%d 份通过，%d 份未通过，%d 份无法读取。",
      #rows, #rows - failed - unreadable, failed, unreadable)), "\n",
    el("table", { id = "summary" }, { "\n", el("thead", nil, el("tr", nil, head)), "\n",
      el("tbody", nil, { body, "\n" }), "\n" }), "\n",
    applications_chart(rows, nyears > 1), "\n",
    results_chart(rows, nyears > 1), "\n",
    el("script", nil, raw(SCRIPT)), raw("\n</body>\n</html>\n"),
  }
  return markup.node(content)
end

return M
