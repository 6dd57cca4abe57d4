-- Asserts on what headless Chromium built from a rendered report (the lines of probe.js in
-- the dumped DOM): the three tables cell by cell against FORMAT.md §1 (labels, spans, row
-- counts) and against the data file (numbers), headings, paragraphs, chart and banner.
-- Usage: nianbao run check.lua MODE DOM DATAFILE FORMAT.md
--   MODE: html | markdown, optionally followed by +forced (a --force render with errors)
--         and/or +profile=NAME (rendered with --profile NAME: narrative and fee as it formats them)
-- The expected structure is written here from FORMAT.md, not taken from layout.lua.
local nb = require "nianbao"

local mode, dom_path, data_path, format_path = arg[1], arg[2], arg[3], arg[4]
local forced = mode:find("+forced", 1, true) ~= nil
local markdown = mode:find("markdown", 1, true) ~= nil
local profile = nb.profile(mode:match("%+profile=([%w_%-]+)") or "default")
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally(io.stderr)

local function ok(cond, fmt, ...)
  local r = tally.ok(cond, string.format("[%s %s] " .. fmt, mode, data_path, ...), 2)
  return r -- not a tail call: the failure names this function's caller
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

---------------------------------------------------------------------------
-- the probe's lines

local dom = read(dom_path)
local probe = dom:match('.*<pre id="probe">(.-)</pre>')
if not ok(probe ~= nil, "%s：没有 probe 输出（页面没有加载或脚本没有运行）", dom_path) then os.exit(1) end
probe = probe:gsub("&nbsp;", " "):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&")

local facts = { tables = {}, headings = {}, paragraphs = {}, banner = {}, bars = {}, svg = {} }
for l in (probe .. "\n"):gmatch("(.-)\n") do
  local f = {}
  for field in (l .. "\t"):gmatch("(.-)\t") do f[#f + 1] = field end
  local kind = f[1]
  if kind == "table" then
    facts.tables[#facts.tables + 1] = { rows = tonumber(f[3]), head = tonumber(f[4]), caption = f[5],
      right = tonumber(f[6]), room = tonumber(f[7]), cells = {} }
  elseif kind == "cell" then
    local t = facts.tables[tonumber(f[2])]
    t.cells[#t.cells + 1] = { r = tonumber(f[3]), tag = f[4], rs = tonumber(f[5]), cs = tonumber(f[6]),
      scope = f[7], align = f[8], text = f[9] or "", overflow = f[10] }
  elseif kind == "heading" then
    facts.headings[#facts.headings + 1] = { tag = f[2], text = f[3] }
  elseif kind == "p" then
    facts.paragraphs[#facts.paragraphs + 1] = { class = f[2], text = f[3] or "" }
  elseif kind == "banner" then
    facts.banner[#facts.banner + 1] = f[2]
  elseif kind == "bar" then
    facts.bars[#facts.bars + 1] = { label = f[2], value = f[3], width = tonumber(f[4]), past = tonumber(f[5]) }
  elseif kind == "svg" then
    facts.svg[#facts.svg + 1] = { role = f[2], label = f[3] }
  elseif kind then
    facts[kind] = f[2]
  end
end

-- Place each cell in the table's slot grid as the HTML table model does.
for _, t in ipairs(facts.tables) do
  local taken = setmetatable({}, { __index = function(m, r) m[r] = {} return m[r] end })
  t.at, t.width = {}, 0
  for _, cell in ipairs(t.cells) do
    local c = 1
    while taken[cell.r][c] do c = c + 1 end
    cell.c = c
    for dr = 0, cell.rs - 1 do
      for dc = 0, cell.cs - 1 do taken[cell.r + dr][c + dc] = true end
    end
    t.at[cell.r .. ":" .. c] = cell
    t.width = math.max(t.width, c + cell.cs - 1)
  end
  t.taken = taken
end

---------------------------------------------------------------------------
-- the expected tables, from FORMAT.md §1 and the data file

local report = assert(nb.load(data_path))
local spec = read(format_path)

local function num(v)
  if math.type(v) == "integer" then return tostring(v) end
  return (string.format("%.4f", v):gsub("0+$", ""):gsub("%.$", ""))
end

local function section_of(title)
  local start = assert(spec:find("### " .. title, 1, true), "FORMAT.md: no section " .. title)
  local stop = spec:find("\n###", start + 1, true) or #spec
  return spec:sub(start, stop)
end

local function split(s, sep)
  local out = {}
  for part in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = part end
  return out
end

local headings = {}
local NUMERALS = { ["一"] = 1, ["二"] = 2, ["三"] = 3, ["四"] = 4, ["五"] = 5, ["六"] = 6 }
for n, h in spec:gmatch("\n| (%S+) | ([^|]-) |") do
  if NUMERALS[n] then headings[NUMERALS[n]] = h end
end
ok(#headings == 6, "FORMAT.md：应读到 6 个章节标题，读到 %d 个", #headings)

-- expected cells: { r, c, rs, cs, text, tag } with tag "th", "td" or nil (not checked)
local function expect_t2()
  local keys = { ["规章"] = "regulations", ["行政规范性文件"] = "normative_documents", ["行政许可"] = "licensing",
    ["行政处罚"] = "punishment", ["行政强制"] = "coercion", ["行政事业性收费"] = "fees" }
  local cells, r = {}, 0
  for header, columns, rows in section_of("Table 二"):gmatch("\n| (第二十条[^|]-) | ([^|]-) | ([^|]-) |") do
    r = r + 1
    cells[#cells + 1] = { r, 1, 1, 4, header, "th" }
    columns = split(columns, ", ")
    r = r + 1
    for i, col in ipairs(columns) do
      cells[#cells + 1] = { r, i, 1, (#columns == 2 and i == 2) and 3 or 1, col, "th" }
    end
    for _, label in ipairs(split(rows, "; ")) do
      r = r + 1
      cells[#cells + 1] = { r, 1, 1, 1, label, "th" }
      local v = report.proactive[assert(keys[label], label)]
      if type(v) == "table" then
        for i, k in ipairs({ "issued", "repealed", "in_force" }) do cells[#cells + 1] = { r, 1 + i, 1, 1, num(v[k]), "td" } end
      else
        local amount = label == "行政事业性收费" and profile.amount(v) -- the one amount, in 万元
        cells[#cells + 1] = { r, 2, 1, 3, amount or num(v), "td" }
      end
    end
  end
  return cells, r, 4, 0
end

local function expect_t3()
  local cells = {
    { 1, 1, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" },
    { 1, 4, 1, 7, "申请人情况", "th" },
    { 2, 4, 2, 1, "自然人", "th" }, { 2, 5, 1, 5, "法人或其他组织", "th" }, { 2, 10, 2, 1, "总计", "th" },
  }
  for i, label in ipairs({ "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" }) do
    cells[#cells + 1] = { 3, 4 + i, 1, 1, label, "th" }
  end
  local rows = {}
  for key, label in section_of("Table 三"):gmatch("\n| ([%w_.]+) | ([^|]-) |") do
    if key ~= "key" then rows[#rows + 1] = { key = key, label = label } end
  end
  ok(#rows == 25, "FORMAT.md 表三：应有 25 行，读到 %d 行", #rows)
  for i, row in ipairs(rows) do
    local r = 3 + i
    local parts = split(row.label, " / ")
    local last = parts[#parts]
    if #parts == 2 then
      if parts[1] == "三、本年度办理结果" then
        cells[#cells + 1] = { r, 1, 22, 1, parts[1], "th" }
      else -- a group label spans its numbered members
        local n = 1
        while rows[i + n] and rows[i + n].label:match("^%d") do n = n + 1 end
        cells[#cells + 1] = { r, 2, n, 1, parts[1], "th" }
      end
    end
    if last:match("^%d") then
      cells[#cells + 1] = { r, 3, 1, 1, last, "th" }
    elseif last:match("^（") then
      cells[#cells + 1] = { r, 2, 1, 2, last, "th" }
    else
      cells[#cells + 1] = { r, 1, 1, 3, last, "th" }
    end
    for c = 1, 7 do
      cells[#cells + 1] = { r, 3 + c, 1, 1, num(report:cell("requests." .. row.key, c)), "td" }
    end
  end
  return cells, 3 + #rows, 10, 3
end

local function expect_t4()
  local labels = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }
  local keys = { "upheld", "corrected", "other", "pending", "total" }
  local cells = {
    { 1, 1, 1, 5, "行政复议", "th" }, { 1, 6, 1, 10, "行政诉讼", "th" },
    { 2, 6, 1, 5, "未经复议直接起诉", "th" }, { 2, 11, 1, 5, "复议后起诉", "th" },
  }
  for i, label in ipairs(labels) do
    cells[#cells + 1] = { 2, i, 2, 1, label, "th" }
    cells[#cells + 1] = { 3, 5 + i, 1, 1, label, "th" }
    cells[#cells + 1] = { 3, 10 + i, 1, 1, label, "th" }
  end
  for g, group in ipairs({ "review", "litigation_direct", "litigation_after_review" }) do
    for i, key in ipairs(keys) do
      cells[#cells + 1] = { 4, (g - 1) * 5 + i, 1, 1, num(report.appeals[group][key]), "td" }
    end
  end
  return cells, 4, 15, 3
end

---------------------------------------------------------------------------
-- tables

ok(#facts.tables == 3, "应有 3 个表格，浏览器中有 %d 个", #facts.tables)
for n, expect in ipairs({ expect_t2, expect_t3, expect_t4 }) do
  local t = facts.tables[n]
  if not t then break end
  local name = "表" .. ({ "二", "三", "四" })[n]
  local cells, nrows, width, head = expect()
  ok(t.rows == nrows, "%s：应有 %d 行，浏览器中有 %d 行", name, nrows, t.rows)
  ok(t.head == head, "%s：表头（thead）应有 %d 行，浏览器中有 %d 行", name, head, t.head)
  ok(t.width == width, "%s：应有 %d 列，浏览器中有 %d 列", name, width, t.width)
  ok(#t.cells == #cells, "%s：应有 %d 个单元格，浏览器中有 %d 个", name, #cells, #t.cells)
  for _, e in ipairs(cells) do
    local r, c, rs, cs, text, tag = table.unpack(e)
    local cell = t.at[r .. ":" .. c]
    if ok(cell, "%s：第 %d 行第 %d 列应有单元格“%s”", name, r, c, text) then
      ok(cell.text == text, "%s：第 %d 行第 %d 列应为“%s”，实为“%s”", name, r, c, text, cell.text)
      ok(cell.rs == rs and cell.cs == cs, "%s：“%s”应跨 %d 行 %d 列，实为 %d 行 %d 列", name, text, rs, cs, cell.rs, cell.cs)
      if tag then ok(cell.tag == tag, "%s：“%s”应为 <%s>，实为 <%s>", name, text, tag, cell.tag) end
      if tag == "th" then
        local want = r <= head and "col" or nil
        ok(cell.scope ~= "" and (not want or cell.scope == want), "%s：表头单元格“%s”的 scope 为“%s”", name, text, cell.scope)
      elseif tag == "td" then
        ok(cell.align == "right" or cell.align == "-webkit-right", "%s：数字“%s”应右对齐，实为 %s", name, text, cell.align)
        ok(cell.overflow == "0", "%s：第 %d 行第 %d 列的数字“%s”超出了单元格", name, r, c, text)
      end
    end
  end
  for r = 1, t.rows do
    for c = 1, width do ok(t.taken[r][c], "%s：第 %d 行第 %d 列是空位（合并单元格不对）", name, r, c) end
  end
  if not markdown then
    ok(t.caption == headings[n + 1], "%s：<caption> 应为“%s”，实为“%s”", name, headings[n + 1], t.caption)
    ok(t.right <= t.room + 1, "%s：在 A4 宽度下超出版心（右边 %d > %d）", name, t.right, t.room)
  end
end

---------------------------------------------------------------------------
-- headings and narrative

local h = facts.headings
local title = profile.text(profile.title(report) or report.title)
ok(h[1] and h[1].tag == "h1" and h[1].text == title, "标题应为 <h1>%s", title)
local h2, h3 = {}, {}
for _, x in ipairs(h) do
  if x.tag == "h2" then h2[#h2 + 1] = x.text elseif x.tag == "h3" then h3[#h3 + 1] = x.text end
end
ok(table.concat(h2, "|") == table.concat(headings, "|"), "一级标题应为 FORMAT.md 的六个标题，实为 %s", table.concat(h2, "|"))
for i, item in ipairs(report.overview) do
  local want = "（" .. ({ "一", "二", "三", "四", "五", "六", "七", "八", "九" })[i] .. "）" .. profile.text(item.heading)
  ok(h3[i] == want, "二级标题 %d 应为“%s”，实为“%s”", i, want, tostring(h3[i]))
end
local shown = {}
for _, p in ipairs(facts.paragraphs) do shown[p.text] = true end
local texts = {}
for _, item in ipairs(report.overview) do texts[#texts + 1] = item.text end
for _, key in ipairs({ "problems", "improvements", "other_matters" }) do texts[#texts + 1] = report[key] end
for _, text in ipairs(texts) do
  for para in (profile.text(text) .. "\n"):gmatch("(.-)\n") do
    para = para:gsub("%s+", " "):match("^%s*(.-)%s*$")
    if para ~= "" then ok(shown[para], "页面中应有段落原文“%s”（转义或分段有误）", para) end
  end
end

---------------------------------------------------------------------------
-- chart (HTML only) and banner

if not markdown then
  local groups = { { "予以公开", "disclosed" }, { "部分公开", "partially_disclosed" }, { "不予公开", "withheld" },
    { "无法提供", "unavailable" }, { "不予处理", "not_processed" }, { "其他处理", "other" } }
  local sums, total = {}, 0
  for i, g in ipairs(groups) do
    local v = report.requests[g[2]]
    local n = 0
    if type(v[1]) == "number" then n = v[7] else for _, row in pairs(v) do n = n + row[7] end end
    sums[i], total = n, total + n
  end
  local none = {}
  for _, p in ipairs(facts.paragraphs) do if p.class == "chart-none" then none[#none + 1] = p.text end end
  if total == 0 then
    ok(#facts.bars == 0 and #facts.svg == 0, "没有办理结果时不应画图，实有 %d 个条形", #facts.bars)
    ok(#none == 1 and none[1]:find("未收到", 1, true), "没有申请时应有一句说明，实为 %s", table.concat(none, "|"))
  else
    ok(#none == 0, "有办理结果时不应有“无图”说明")
    ok(#facts.svg == 1 and facts.svg[1].role == "img", "应有一个 role=img 的 SVG 图解")
    ok(#facts.bars == 6, "图解应有 6 个条形，实有 %d 个", #facts.bars)
    local max = math.max(table.unpack(sums))
    local widest = 0
    for _, b in ipairs(facts.bars) do widest = math.max(widest, b.width or 0) end
    for i, g in ipairs(groups) do
      local b = facts.bars[i] or {}
      ok(b.label == g[1], "第 %d 个条形应标“%s”，实为“%s”", i, g[1], tostring(b.label))
      ok(b.value == tostring(sums[i]), "“%s”条形上的数字应为 %d，实为 %s", g[1], sums[i], tostring(b.value))
      ok(b.past and b.past <= 0, "“%s”条形上的数字超出图的右边 %s 个单位（被截掉）", g[1], tostring(b.past))
      ok(b.width and math.abs(b.width / widest - sums[i] / max) < 0.01,
        "“%s”条形长度应与 %d/%d 成比例，实为 %s/%s", g[1], sums[i], max, tostring(b.width), tostring(widest))
    end
  end
  ok(facts.lang == "zh-CN", "<html lang> 应为 zh-CN，实为 %s", tostring(facts.lang))
  ok(facts.charset == "UTF-8", "字符集应为 UTF-8，实为 %s", tostring(facts.charset))
  ok(facts.resources == "0", "页面不应加载外部资源，实际加载了 %s 个", tostring(facts.resources))
end

local errors = nb.check(report):errors()
if forced then
  ok(#errors > 0, "强制生成的测试报告应有错误")
  local banner = table.concat(facts.banner, "\n")
  for _, f in ipairs(errors) do
    ok(banner:find(f.id, 1, true), "强制生成时横幅应列出 %s", f.id)
  end
else
  ok(#facts.banner == 0, "没有错误时不应有横幅，实有 %d 条", #facts.banner)
end

print(string.format("browser %s %s:", mode, data_path))
return tally.finish()
