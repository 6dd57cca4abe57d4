-- Year over year: what changed between two reports (every cell of tables 二/三/四 with old,
-- new, change and percent), the key figures side by side, and the narrative paragraphs the
-- new report repeats word for word. The body of `nianbao compare` and its four formats.
local nb = require "nianbao"
local cells = require "nianbao.cells"
local csv = require "nianbao.csv"
local json = require "nianbao.json"
local trim = require("nianbao.import.normalize").trim

local M = {}

-- Shorter paragraphs (a heading, "无。") are repeated by every report and say nothing.
M.MIN_PARAGRAPH = 12

local function change(old, new)
  if type(old) ~= "number" or type(new) ~= "number" then return nil, nil end
  local d = new - old
  -- (a NaN or infinite value, reported by check as invalid, stays as it is: "NaN" is no number)
  if math.type(old) == "float" or math.type(new) == "float" then d = tonumber(nb.format_number(d)) or d end
  local pct = old ~= 0 and (d / old * 100) or nil
  return d, pct
end

local function narrative(report)
  local out = {}
  local function add(where, text)
    for _, p in ipairs(nb.paragraphs(text)) do
      -- a plain scan (import.normalize): "[%s　]+$" was tried at every space of an inner run
      -- (200,000 spaces: a hang), and its byte class cut the last byte of 无 or 章
      local trimmed = trim(p)
      if utf8.len(trimmed) and utf8.len(trimmed) >= M.MIN_PARAGRAPH then out[#out + 1] = { where = where, text = trimmed } end
    end
  end
  for _, s in ipairs(report.overview or {}) do
    add("一、总体情况" .. ((s.heading or "") ~= "" and (" " .. s.heading) or ""), s.text)
  end
  add("五、存在的主要问题", report.problems)
  add("五、改进情况", report.improvements)
  add("六、其他需要报告的事项", report.other_matters)
  return out
end

--- The comparison: { old, new (reports), figures, cells (changed only), identical }.
function M.compare(old, new)
  local result = { old = old, new = new, figures = {}, cells = {}, identical = {} }
  for _, k in ipairs(cells.KEY) do
    local a, b = k.get(old), k.get(new)
    local d, pct = change(a, b)
    result.figures[#result.figures + 1] = { label = k.label, old = a, new = b, change = d, percent = pct }
  end
  for _, c in ipairs(cells.list()) do
    local a, b = cells.get(old, c), cells.get(new, c)
    if a ~= b then
      local d, pct = change(a, b)
      result.cells[#result.cells + 1] = { id = c.id, label = c.label, old = a, new = b, change = d, percent = pct }
    end
  end
  local seen = {}
  for _, p in ipairs(narrative(old)) do seen[p.text] = true end
  for _, p in ipairs(narrative(new)) do
    if seen[p.text] then result.identical[#result.identical + 1] = p end
  end
  return result
end

local function show(v)
  if v == nil then return "（无）" end
  if v == nb.BLANK then return "（空白）" end
  return nb.format_number(v)
end

local function signed(d)
  if d == nil then return "" end
  return (d > 0 and "+" or "") .. nb.format_number(d)
end

local function percent(p)
  if p == nil then return "" end
  return string.format("%+.1f%%", p)
end

local function who(r) return string.format("%s %s 年", r.agency or "", tostring(r.year or "?")) end

function M.text(res, old_file, new_file)
  local out = {}
  local function w(fmt, ...) out[#out + 1] = string.format(fmt, ...) end
  w("比较：%s（%s）→ %s（%s）", old_file, who(res.old), new_file, who(res.new))
  local old_key, new_key = require("nianbao.cells").agency_key(res.old.agency), require("nianbao.cells").agency_key(res.new.agency)
  if old_key ~= new_key then
    w("注意：两份报告的机关不同")
  elseif old_key == "" then
    -- (check and summary never pair such reports as consecutive years)
    w("注意：两份报告都没有机关名称，无法确认是同一机关的报告")
  end
  -- OLD NEW in the wrong order reads every change backwards
  if math.type(res.old.year) == "integer" and math.type(res.new.year) == "integer" and res.old.year >= res.new.year then
    w("注意：旧报告的年度（%d）不早于新报告（%d），增减是按“%s → %s”的顺序计算的；通常应先写上年的报告",
      res.old.year, res.new.year, old_file, new_file)
  end
  w("")
  w("主要数字：")
  local head = { "项目", tostring(res.old.year or "旧"), tostring(res.new.year or "新"), "增减", "增减%" }
  local rows = { head }
  for _, f in ipairs(res.figures) do rows[#rows + 1] = { f.label, show(f.old), show(f.new), signed(f.change), percent(f.percent) } end
  local widths = {}
  for _, r in ipairs(rows) do for i, v in ipairs(r) do widths[i] = math.max(widths[i] or 0, nb.width(v)) end end
  for _, r in ipairs(rows) do
    local parts = {}
    for i, v in ipairs(r) do parts[i] = nb.pad(v, widths[i], i > 1 and "right" or "left") end
    w("  %s", table.concat(parts, "  "))
  end
  w("")
  w("有变化的单元格（%d 个）：", #res.cells)
  for _, c in ipairs(res.cells) do
    local extra = c.change and string.format("（%s%s）", signed(c.change), c.percent and ("，" .. percent(c.percent)) or "") or ""
    w("  %s：%s → %s%s", c.label, show(c.old), show(c.new), extra)
  end
  w("")
  w("与上年完全相同的段落（%d 段）：", #res.identical)
  for _, p in ipairs(res.identical) do
    local s = p.text
    if utf8.len(s) > 60 then s = s:sub(1, utf8.offset(s, 61) - 1) .. "…" end
    w("  [%s] %s", p.where, s)
  end
  return table.concat(out, "\n") .. "\n"
end

local CSV_HEADER = { "类别", "项目", "旧", "新", "增减", "增减%" }

function M.csv(res)
  local rows = {}
  local function num(v) return v ~= nb.BLANK and v or nil end
  for _, f in ipairs(res.figures) do
    rows[#rows + 1] = { "主要数字", f.label, num(f.old), num(f.new), f.change, f.percent and string.format("%.1f", f.percent) }
  end
  for _, c in ipairs(res.cells) do
    rows[#rows + 1] = { "单元格", c.label, num(c.old), num(c.new), c.change, c.percent and string.format("%.1f", c.percent) }
  end
  for _, p in ipairs(res.identical) do rows[#rows + 1] = { "相同段落", p.where, p.text, p.text } end
  return csv.document(CSV_HEADER, rows)
end

function M.json(res, old_file, new_file)
  local function v(x) if x == nb.BLANK then return "" end return x end
  local function item(t) return json.object({ "id", "label", "old", "new", "change", "percent" },
    { id = t.id, label = t.label, old = v(t.old), new = v(t.new), change = t.change, percent = t.percent }) end
  local figures, changed, identical = {}, {}, {}
  for i, f in ipairs(res.figures) do figures[i] = item(f) end
  for i, c in ipairs(res.cells) do changed[i] = item(c) end
  for i, p in ipairs(res.identical) do identical[i] = json.object({ "where", "text" }, p) end
  local function side(file, r) return json.object({ "file", "agency", "year" }, { file = file, agency = r.agency, year = r.year }) end
  return json.encode(json.object({ "old", "new", "figures", "cells", "identical" }, {
    old = side(old_file, res.old), new = side(new_file, res.new), figures = figures, cells = changed,
    identical = identical })) .. "\n"
end

function M.html(res, old_file, new_file)
  local markup = require "nianbao.markup" -- not render/html.lua, which a user may replace
  local clean = require("nianbao.utf8fix").clean -- a GBK file name as U+FFFD, not as bytes
  old_file, new_file = clean(old_file), clean(new_file)
  local el, raw = markup.el, markup.raw
  local title = string.format("%s 与 %s 年度报告比较", who(res.old), who(res.new))
  -- the bar chart: for each key figure, the old and the new value side by side
  local C = { width = 760, label = 110, bar = 14, pair_gap = 10, top = 30, room = 560 }
  local max = 0
  for _, f in ipairs(res.figures) do
    for _, x in ipairs({ f.old, f.new }) do if type(x) == "number" then max = math.max(max, x) end end
  end
  local shapes = {
    el("rect", { class = "old", x = C.label, y = 6, width = 12, height = 12 }, ""),
    el("text", { x = C.label + 16, y = 16 }, tostring(res.old.year or "旧")),
    el("rect", { class = "new", x = C.label + 80, y = 6, width = 12, height = 12 }, ""),
    el("text", { x = C.label + 96, y = 16 }, tostring(res.new.year or "新")),
  }
  for i, f in ipairs(res.figures) do
    local y = C.top + (i - 1) * (2 * C.bar + C.pair_gap)
    shapes[#shapes + 1] = { "\n", el("text", { x = C.label - 6, y = y + C.bar, ["text-anchor"] = "end",
      ["dominant-baseline"] = "central" }, f.label) }
    for j, x in ipairs({ f.old, f.new }) do
      local n = type(x) == "number" and x or 0
      local wdt = max > 0 and n / max * C.room or 0
      local yy = y + (j - 1) * C.bar
      shapes[#shapes + 1] = el("rect", { class = j == 1 and "old" or "new", x = C.label, y = yy,
        width = string.format("%.1f", wdt), height = C.bar - 1 }, el("title", nil, f.label .. "：" .. show(x)))
      shapes[#shapes + 1] = el("text", { x = string.format("%.1f", C.label + wdt + 4), y = yy + C.bar / 2,
        ["dominant-baseline"] = "central" }, show(x))
    end
  end
  local height = C.top + #res.figures * (2 * C.bar + C.pair_gap) + 8
  local chart = el("figure", { id = "chart-figures" }, { "\n",
    el("svg", { xmlns = "http://www.w3.org/2000/svg", viewBox = string.format("0 0 %d %d", C.width, height),
      width = C.width, height = height, role = "img", ["aria-label"] = "主要数字比较" },
      { el("title", nil, "主要数字比较"), shapes, "\n" }), "\n", el("figcaption", nil, "图：主要数字比较"), "\n" })
  local function table_of(id, list)
    local rows = { "\n", el("tr", nil, { el("th", { scope = "col" }, "项目"), el("th", { scope = "col" }, "旧"),
      el("th", { scope = "col" }, "新"), el("th", { scope = "col" }, "增减"), el("th", { scope = "col" }, "增减%") }) }
    for _, f in ipairs(list) do
      rows[#rows + 1] = { "\n", el("tr", nil, { el("th", { scope = "row" }, f.label), el("td", { class = "num" }, show(f.old)),
        el("td", { class = "num" }, show(f.new)), el("td", { class = "num" }, signed(f.change)),
        el("td", { class = "num" }, percent(f.percent)) }) }
    end
    return el("table", { id = id }, { rows, "\n" })
  end
  local paras = {}
  for _, p in ipairs(res.identical) do
    paras[#paras + 1] = { "\n", el("li", nil, { el("span", { class = "where" }, p.where), " ", p.text }) }
  end
  local style = [[
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; }
th[scope=row] { text-align: left; font-weight: normal; }
td.num { text-align: right; }
.old { fill: #95a5a6; } .new { fill: #4a78b5; }
svg text { font-size: 12px; }
.where { color: #666; }
]]
  return markup.node({
    raw('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'), el("title", nil, title), "\n",
    el("style", nil, raw(style)), raw("\n</head>\n<body>\n"), el("h1", nil, title), "\n",
    el("p", nil, string.format("旧：%s；新：%s。", old_file, new_file)), "\n",
    el("h2", nil, "主要数字"), "\n", table_of("figures", res.figures), "\n", chart, "\n",
    el("h2", nil, string.format("有变化的单元格（%d 个）", #res.cells)), "\n", table_of("cells", res.cells), "\n",
    el("h2", nil, string.format("与上年完全相同的段落（%d 段）", #res.identical)), "\n",
    el("ul", { id = "identical" }, { paras, "\n" }), raw("\n</body>\n</html>\n"),
  })
end

return M
