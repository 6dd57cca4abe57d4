-- Dresses a rendered report as agencies publish it (tests/import/corpus): each blank cell's
-- sentinel becomes nothing or a blank mark ("—", "/", "无"), table 二's cells may carry units,
-- page chrome ("第 3 页 共 8 页"), a web page's lines and wrapped row labels are added.
-- Run: nianbao run tests/import/corpus/dress.lua IN OUT SENTINELS text|layout I
local inpath, outpath, spath, form, i = arg[1], arg[2], arg[3], arg[4], tonumber(arg[5])
assert(inpath and outpath and spath and (form == "text" or form == "layout") and i,
  "用法：nianbao run tests/import/corpus/dress.lua IN OUT SENTINELS text|layout I")
local function read(p) local f = assert(io.open(p, "rb")); local s = f:read("a"); f:close(); return s end
local text = read(inpath)
local lines = {}
for l in (text:gsub("\r\n", "\n") .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end

-- the banner of a forced render (the sentinels break the sums): no part of a published report
if lines[1]:find("本稿有", 1, true) then
  local title = 1
  while lines[title] and not lines[title]:find("年度报告", 1, true) do title = title + 1 end
  local cut = 0
  for k = 1, title - 1 do
    if lines[k] == "" or lines[k]:find("^%s*—%d+—%s*$") then cut = k end
  end
  -- a layout's banner is a page of its own, the title on the next (its first line may come before)
  if form == "layout" then
    for k = title - 1, 1, -1 do if lines[k]:find("^%s*—%d+—%s*$") then cut = k break end end
  end
  table.move(lines, cut + 1, #lines + cut, 1)
end
-- blank cells: the sentinel's place keeps its width (a layout's columns), the mark in it
local mark = ({ "", "—", "/", "无", "" })[i % 5 + 1]
local sentinels = {}
for s in read(spath):gmatch("%d+") do sentinels[#sentinels + 1] = s end
local tsv = form == "text" and text:find("\t", 1, true) ~= nil
for k, l in ipairs(lines) do
  for _, s in ipairs(sentinels) do
    l = l:gsub("%f[%d]" .. s .. "%f[%D]", function()
      if tsv then return mark end
      local pad = #s - (mark == "" and 0 or (mark == "无" and 2 or 1))
      return mark .. string.rep(" ", pad)
    end)
  end
  lines[k] = l
end

-- units in table 二 (every third report): counts in 件, the fee in 万元; in layout text a unit
-- takes a space after its number where there is one to spare, so the columns stay
local T2 = { "规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制" }
if i % 3 == 0 then
  for k, l in ipairs(lines) do
    local label = l:match("^%s*(%S+)")
    local unit
    for _, t in ipairs(T2) do if label == t then unit = "件" end end
    if label == "行政事业性收费" then unit = "万元" end
    if unit then
      local head, rest = l:match("^(%s*%S+)(.*)$")
      rest = rest:gsub("(%d[%d.]*)(  ?)", function(num, sp) return num .. unit .. (#sp == 2 and " " or "") end)
      rest = rest:gsub("(%d[%d.]*)$", "%1" .. unit)
      lines[k] = head .. rest
    end
  end
end

-- page chrome: a viewer's page line after some lines of the tables and text (every other
-- report), a PDF's footers "—3—" kept or made "第 3 页 共 8 页"
local rng = i * 7919
local function rand(n) rng = (rng * 1103515245 + 12345) % 2147483648; return rng % n + 1 end
local out = {}
local pages = 0
for _, l in ipairs(lines) do if l:find("^%s*—%d+—%s*$") then pages = pages + 1 end end
pages = math.max(pages, 6)
local page = 0
for k, l in ipairs(lines) do
  local footer = l:match("^%s*—(%d+)—%s*$")
  if footer and i % 4 == 0 then
    l = string.format("%s第 %s 页 共 %d 页", string.rep(" ", 30), footer, pages)
  end
  out[#out + 1] = l
  if form == "text" and i % 2 == 1 and k > 5 and rand(14) == 1 then
    page = page + 1
    out[#out + 1] = i % 4 == 1 and string.format("第 %d 页 共 %d 页", page, pages) or string.format("- %d -", page)
  end
end
lines = out

-- a row label of table 三 wrapped over two lines (a copy from a viewer), in text with tabs
if tsv and i % 5 == 2 then
  for k, l in ipairs(lines) do
    local pre, rest = l:match("^(\t*)（二）部分公开（区分处理的，只计这一情形，不计其他情形）(\t.*)$")
    if pre then
      lines[k] = pre .. "（二）部分公开（区分处理的，只计\n" .. pre .. "这一情形，不计其他情形）" .. rest
      break
    end
  end
end

-- a web page's lines around a copied text
local body = table.concat(lines, "\n")
if form == "text" and i % 3 == 1 then
  body = "首页 > 政务公开 > 政府信息公开年报\n来源：本站  发布时间：" .. (2022 + i % 4) .. "-01-2" .. i % 9 .. "  浏览次数：" .. 100 + i
    .. "\n【字体：大 中 小】\n\n" .. body .. "\n\n【打印本页】 【关闭窗口】\n"
end
local f = assert(io.open(outpath, "wb"))
f:write(body)
f:close()
return 0
