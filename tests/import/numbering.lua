-- Word's automatic list numbering in .docx reports: headings whose "一、" or "（一）" Word
-- draws from word/numbering.xml (w:numPr in the paragraph or in its style), not from the
-- paragraph's text. The numbers are put before the text as Word displays them (counted
-- per list and level, lower levels restarted, instances of one list sharing its counters,
-- as LibreOffice shows the same documents), so the headings are found; a numbered list in
-- the narrative stays narrative.
--   nianbao run tests/import/numbering.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local note = T.note

---------------------------------------------------------------------------
-- documents built here: word/document.xml, word/numbering.xml, word/styles.xml

local word = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/word.lua")
local W = word.W
local function part(root, body)
  return '<?xml version="1.0" encoding="UTF-8"?><w:' .. root .. " " .. W .. ">" .. body .. "</w:" .. root .. ">"
end

-- a paragraph; o: { style = id, num = numId, ilvl = level, extra = more w:pPr }
local function p(text, o)
  o = o or {}
  local ppr = ""
  if o.style then ppr = ppr .. '<w:pStyle w:val="' .. o.style .. '"/>' end
  if o.num then
    ppr = ppr .. "<w:numPr>" .. (o.ilvl and '<w:ilvl w:val="' .. o.ilvl .. '"/>' or "")
      .. '<w:numId w:val="' .. o.num .. '"/></w:numPr>'
  end
  ppr = ppr .. (o.extra or "")
  return "<w:p>" .. (ppr ~= "" and "<w:pPr>" .. ppr .. "</w:pPr>" or "")
    .. (text ~= "" and "<w:r><w:t>" .. text .. "</w:t></w:r>" or "") .. "</w:p>"
end

-- a level of a list: format, text ("%1、"), and more of its elements (w:suff, w:start …)
local function lvl(i, fmt, text, extra)
  return '<w:lvl w:ilvl="' .. i .. '">' .. (extra and extra:find("<w:start", 1, true) and "" or '<w:start w:val="1"/>')
    .. '<w:numFmt w:val="' .. fmt .. '"/><w:lvlText w:val="' .. text .. '"/>' .. (extra or "") .. "</w:lvl>"
end
local function abstract(id, levels) return '<w:abstractNum w:abstractNumId="' .. id .. '">' .. table.concat(levels) .. "</w:abstractNum>" end
local function num(id, abs, more) return '<w:num w:numId="' .. id .. '"><w:abstractNumId w:val="' .. abs .. '"/>' .. (more or "") .. "</w:num>" end
local function start_override(ilvl, v)
  return '<w:lvlOverride w:ilvl="' .. ilvl .. '"><w:startOverride w:val="' .. v .. '"/></w:lvlOverride>'
end
local NOTHING = '<w:suff w:val="nothing"/>'

-- the paragraphs' texts of a body read with these definitions (and the second result)
local function texts(body, numbering, styles)
  local items, warn = nb.docx_items(part("document", "<w:body>" .. body .. "</w:body>"),
    numbering and part("numbering", numbering), styles and part("styles", styles))
  local out = {}
  for _, it in ipairs(items or {}) do
    if it.kind == "para" then out[#out + 1] = it.text end
  end
  return out, warn
end
local same = tally.same_list

local function docx(body, numbering, styles)
  local entries = { { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
    { name = "word/document.xml", data = part("document", "<w:body>" .. body .. "</w:body>") } }
  if numbering then entries[#entries + 1] = { name = "word/numbering.xml", data = part("numbering", numbering) } end
  if styles then entries[#entries + 1] = { name = "word/styles.xml", data = part("styles", styles) } end
  return nb.zip(entries)
end

local cell, row, T4 = word.cell, word.row, word.T4

---------------------------------------------------------------------------
-- 1. a report whose six headings and the subsections of 一 are numbered by Word, as agencies
-- write them: the headings by their paragraph style (标题 1, its numbering in styles.xml), the
-- subsections by the list's second level; the narrative has numbered lists of its own (the
-- list's deeper levels "1." "（1）", and a list of measures of its own under 五). Before, no
-- heading was found (each named missing) and the narrative landed in the wrong sections.

-- one multilevel list (一、 （一） 1. （1）) and a list of measures (1.), restarted under 五
local NUMBERING = abstract(0, { lvl(0, "chineseCounting", "%1、", NOTHING), lvl(1, "chineseCountingThousand", "（%2）", NOTHING),
    lvl(2, "decimal", "%3."), lvl(3, "decimal", "（%4）") })
  .. abstract(1, { lvl(0, "decimal", "%1.") })
  .. num(1, 0) .. num(2, 1) .. num(3, 1, start_override(0, 1))
-- Word's Chinese style ids: "a" 正文, "1" 标题 1, "2" 标题 2
local STYLES = '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
  .. '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
  .. '<w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
  .. '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>'
  .. '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'

local REPORT = p("某县某局2023年政府信息公开工作年度报告")
  .. p("总体情况", { style = "1" })
  .. p("主动公开", { style = "2" })
  .. p("本年度主动公开信息12条。")
  .. p("主动公开政府信息情况良好，更新及时。", { num = 1, ilvl = 2 })
  .. p("完善公开目录。", { num = 1, ilvl = 2 })
  .. p("依申请公开", { style = "2" })
  .. p("本年度收到申请3件。")
  .. p("依法依规答复。", { num = 1, ilvl = 3 })
  .. p("政府信息管理", { num = 1, ilvl = 1 })
  .. p("规范管理。")
  .. p("主动公开政府信息情况", { style = "1" })
  .. p("收到和处理政府信息公开申请情况", { style = "1" })
  .. p("政府信息公开行政复议、行政诉讼情况", { style = "1" }) .. T4
  .. p("存在的主要问题及改进情况", { style = "1" })
  .. p("公开内容不够全面。")
  .. p("下一步，我局将：")
  .. p("其他需要报告的事项纳入培训。", { num = 3 })
  .. p("完善制度。", { num = 3 })
  .. p("其他需要报告的事项", { style = "1" })
  .. p("本年度未收取信息处理费。")

do
  local r, notes = imp.import(docx(REPORT, NUMBERING, STYLES), "numbered.docx")
  local missing = note(notes, "SECTION.MISSING", nil, "未找到标题")
  ok(not missing, "Word-numbered headings: all found: " .. (missing and missing.message or ""))
  local heads = {}
  for i, s in ipairs(r.overview or {}) do heads[i] = tostring(s.heading) end
  same(heads, { "主动公开", "依申请公开", "政府信息管理" }, "Word-numbered subsections of 一")
  local o = r.overview or {}
  ok(o[1] and o[1].text == "本年度主动公开信息12条。\n1. 主动公开政府信息情况良好，更新及时。\n2. 完善公开目录。",
    "the list under （一） is its text: " .. tostring(o[1] and o[1].text))
  ok(o[2] and o[2].text == "本年度收到申请3件。\n（1） 依法依规答复。", "the list under （二): " .. tostring(o[2] and o[2].text))
  ok(o[3] and o[3].text == "规范管理。", "（三）'s text: " .. tostring(o[3] and o[3].text))
  ok(r.problems == "公开内容不够全面。", "五's problems: " .. tostring(r.problems))
  ok(r.improvements == "下一步，我局将：\n1. 其他需要报告的事项纳入培训。\n2. 完善制度。",
    "五's numbered measures stay in 五: " .. tostring(r.improvements))
  ok(r.other_matters == "本年度未收取信息处理费。", "六: " .. tostring(r.other_matters))
  local a = r.appeals and r.appeals.review
  ok(a and a.total == 6, "table 四 still read")
  -- the same document without its numbering part: the headings are not there (what the fix is for)
  local _, bare = imp.import(docx(REPORT, nil, STYLES), "bare.docx")
  ok(note(bare, "SECTION.MISSING", "一", "未找到标题"), "without numbering.xml the text alone is read")
end

-- 2. headings numbered in each paragraph (no style), the list of ideographs 一 … with
-- chineseCountingThousand and a tab after the number; the first heading's list instance is a
-- second w:num of the same list: one list, counted on
do
  local numbering = abstract(4, { lvl(0, "chineseCountingThousand", "%1、"), lvl(1, "chineseCounting", "（%2）") })
    .. num(7, 4) .. num(8, 4)
  local body = p("某县某局2023年政府信息公开工作年度报告")
  local heads = { "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项" }
  for k, h in ipairs(heads) do
    body = body .. p(h, { num = k == 1 and 7 or 8, ilvl = 0 })
    if k == 1 then body = body .. p("主动公开：本年度主动公开信息12条。", { num = 8, ilvl = 1 }) end
    if k == 4 then body = body .. T4 end
    if k == 6 then body = body .. p("无。") end
  end
  local r, notes = imp.import(docx(body, numbering), "direct.docx")
  local missing = note(notes, "SECTION.MISSING", nil, "未找到标题")
  ok(not missing, "headings numbered in the paragraphs: all found: " .. (missing and missing.message or ""))
  local o = r.overview and r.overview[1]
  ok(o and o.heading == "主动公开" and o.text == "本年度主动公开信息12条。", "（一） with its text on the line")
  ok(r.other_matters == "无。", "六 " .. tostring(r.other_matters))
end

---------------------------------------------------------------------------
-- 3. the numbers as Word shows them (the same documents through LibreOffice)

-- formats: Chinese counting beyond ten, ideographs, circled and full-width digits, legal
-- numerals, Roman numerals, letters
do
  local formats = { { "chineseCounting", "%1、", { [1] = "一、", [10] = "十、", [11] = "十一、", [12] = "十二、" } },
    { "chineseCountingThousand", "%1、", { [2] = "二、", [10] = "十、", [12] = "十二、" } },
    { "ideographTraditional", "%1.", { [1] = "甲.", [2] = "乙.", [10] = "癸." } },
    { "decimal", "%1.", { [1] = "1.", [12] = "12." } },
    { "decimalEnclosedCircle", "%1", { [1] = "①", [12] = "⑫" } },
    { "ideographEnclosedCircle", "%1", { [1] = "㈠", [3] = "㈢" } },
    { "decimalFullWidth", "%1．", { [1] = "１．", [12] = "１２．" } },
    { "chineseLegalSimplified", "%1、", { [1] = "壹、", [10] = "壹拾、", [12] = "壹拾贰、" } },
    { "upperRoman", "%1.", { [4] = "IV.", [9] = "IX." } },
    { "lowerLetter", "%1)", { [1] = "a)", [2] = "b)" } } }
  local numbering, body = "", ""
  for k, f in ipairs(formats) do
    numbering = numbering .. abstract(k, { lvl(0, f[1], f[2], NOTHING) }) .. num(k, k)
    for i = 1, 12 do body = body .. p("x" .. k .. "-" .. i, { num = k, ilvl = 0 }) end
  end
  local got = texts(body, numbering)
  for k, f in ipairs(formats) do
    for i, want in pairs(f[3]) do
      local t = got[(k - 1) * 12 + i]
      ok(t == want .. "x" .. k .. "-" .. i, f[1] .. " " .. i .. ": " .. tostring(t))
    end
  end
  -- larger Chinese numbers, written as Word writes them
  body = ""
  for i = 1, 105 do body = body .. p("y", { num = 1, ilvl = 0 }) end
  got = texts(body, numbering)
  ok(got[20] == "二十、y" and got[21] == "二十一、y" and got[100] == "一百、y" and got[105] == "一百零五、y",
    "chineseCounting 20, 21, 100, 105: " .. tostring(got[20]) .. " " .. tostring(got[21]) .. " " .. tostring(got[100]) .. " " .. tostring(got[105]))
end

-- an unknown format, a bullet, an empty lvlText: the text alone
do
  local numbering = abstract(1, { lvl(0, "koreanDigital2", "%1.") }) .. abstract(2, { lvl(0, "bullet", "") })
    .. abstract(3, { lvl(0, "decimal", "") }) .. num(1, 1) .. num(2, 2) .. num(3, 3)
  same(texts(p("甲", { num = 1 }) .. p("乙", { num = 2 }) .. p("丙", { num = 3 }), numbering),
    { "甲", "乙", "丙" }, "unknown format, bullet, empty level text")
end

-- levels: a higher level restarts the lower ones; %1.%2; a level that never restarts
-- (w:lvlRestart 0); w:isLgl (every level in Arabic); a start of 3; a level used before its
-- higher one shows 0 for it, as Word's "0.1"
do
  local numbering = abstract(0, { lvl(0, "chineseCounting", "%1、", NOTHING), lvl(1, "chineseCounting", "（%2）", NOTHING),
      lvl(2, "decimal", "%1.%3", NOTHING) })
    .. abstract(1, { lvl(0, "chineseCounting", "%1、", NOTHING), lvl(1, "decimal", "%2.", NOTHING .. '<w:lvlRestart w:val="0"/>') })
    .. abstract(2, { lvl(0, "chineseCounting", "%1、", NOTHING), lvl(1, "decimal", "%1.%2", NOTHING .. "<w:isLgl/>") })
    .. abstract(3, { lvl(0, "decimal", "%1.", NOTHING .. '<w:start w:val="3"/>'), lvl(1, "decimal", "%1.%2", NOTHING) })
    .. num(1, 0) .. num(2, 1) .. num(3, 2) .. num(4, 3)
  local function l(n, i) return p("x", { num = n, ilvl = i }) end
  same(texts(l(1, 0) .. l(1, 1) .. l(1, 1) .. l(1, 2) .. l(1, 0) .. l(1, 1) .. l(1, 2) .. l(1, 2), numbering),
    { "一、x", "（一）x", "（二）x", "一.1x", "二、x", "（一）x", "二.1x", "二.2x" }, "lower levels restart")
  same(texts(l(2, 0) .. l(2, 1) .. l(2, 1) .. l(2, 0) .. l(2, 1), numbering),
    { "一、x", "1.x", "2.x", "二、x", "3.x" }, "w:lvlRestart 0")
  same(texts(l(3, 0) .. l(3, 0) .. l(3, 1), numbering), { "一、x", "二、x", "2.1x" }, "w:isLgl")
  same(texts(l(4, 1) .. l(4, 0) .. l(4, 1), numbering), { "2.1x", "3.x", "3.1x" }, "w:start 3, a level used first")
end

-- instances: a second w:num of the same list counts on; one with w:startOverride starts again
-- there (and is counted on by the others after it); a w:lvlOverride with its own w:lvl
do
  local numbering = abstract(0, { lvl(0, "chineseCounting", "%1、", NOTHING) })
    .. num(1, 0) .. num(2, 0) .. num(3, 0, start_override(0, 5))
    .. num(4, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>' .. lvl(0, "decimal", "%1)", NOTHING) .. "</w:lvlOverride>")
  local function l(n) return p("x", { num = n, ilvl = 0 }) end
  same(texts(l(1) .. l(2) .. l(1) .. l(3) .. l(3) .. l(1), numbering), { "一、x", "二、x", "三、x", "五、x", "六、x", "七、x" },
    "instances of one list")
  same(texts(l(1) .. l(4) .. l(4), numbering), { "一、x", "1)x", "2)x" }, "an instance with its own level")
end

-- what is not numbered: numId 0 over a numbered style, the numPr of a tracked change
-- (w:pPrChange: the properties before the change); an empty numbered paragraph is counted,
-- but no item
do
  local numbering = abstract(0, { lvl(0, "chineseCounting", "%1、", NOTHING) }) .. num(1, 0)
  local styles = '<w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
  local change = '<w:pPrChange w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:pPr>'
    .. '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>'
  same(texts(p("甲", { style = "1" }) .. p("乙", { style = "1", num = 0 }) .. p("丙", { extra = change })
    .. p("", { style = "1" }) .. p("丁", { style = "1" }), numbering, styles),
    { "一、甲", "乙", "丙", "三、丁" }, "numId 0, a tracked change, an empty paragraph")
end

-- numbering reached through styles: a level linked to a style (w:pStyle in the w:lvl, the
-- style's numPr without w:ilvl), a list defined by a numbering style (w:numStyleLink), the
-- default paragraph style, a format of Word 2010 in mc:AlternateContent (custom, with a
-- known format in mc:Fallback)
do
  local alt = '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    .. '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
    .. '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/>' .. NOTHING .. "</w:lvl>"
  local numbering = abstract(0, { lvl(0, "chineseCounting", "%1、", NOTHING .. '<w:pStyle w:val="h1"/>'),
      lvl(1, "chineseCounting", "（%2）", NOTHING .. '<w:pStyle w:val="h2"/>') })
    .. abstract(1, { '<w:styleLink w:val="ListStyle"/>', lvl(0, "ideographTraditional", "%1、", NOTHING) })
    .. abstract(2, { '<w:numStyleLink w:val="ListStyle"/>' })
    .. abstract(3, { alt })
    .. num(1, 0) .. num(2, 1) .. num(3, 2) .. num(4, 3)
  local styles = '<w:style w:type="paragraph" w:styleId="h1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="h2"><w:basedOn w:val="h1"/></w:style>'
    .. '<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
  same(texts(p("甲", { style = "h1" }) .. p("乙", { style = "h2" }) .. p("丙", { num = 3 }) .. p("丁", { num = 4 }),
    numbering, styles), { "一、甲", "（一）乙", "甲、丙", "1.丁" }, "levels and lists through styles")
  local default = '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
  same(texts(p("甲") .. p("乙", { style = "h2" }), numbering, default .. styles), { "一、甲", "（一）乙" },
    "the default paragraph style")
end

-- definitions that loop or point nowhere end: styles based on each other, a list linked to
-- a numbering style that links back to it, a w:num of no list, a level out of range, a style
-- id longer than any
do
  local numbering = abstract(0, { '<w:numStyleLink w:val="L"/>' }) .. num(1, 0) .. num(2, 9)
    .. abstract(1, { lvl(0, "decimal", "%1.", NOTHING) }) .. num(3, 1)
  local styles = '<w:style w:type="paragraph" w:styleId="s1"><w:basedOn w:val="s2"/></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="s2"><w:basedOn w:val="s1"/></w:style>'
    .. '<w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
  same(texts(p("甲", { style = "s1" }) .. p("乙", { num = 1 }) .. p("丙", { num = 2 }) .. p("丁", { num = 3, ilvl = 9 })
    .. p("戊", { num = 3, ilvl = -1 }) .. p("己", { style = string.rep("x", 200) }) .. p("庚", { num = 3 }), numbering, styles),
    { "甲", "乙", "丙", "丁", "戊", "己", "1.庚" }, "loops and dangling definitions")
end

-- a numbering part that cannot be read: the paragraphs without their numbers, and a note
do
  local body = p("总体情况", { num = 1, ilvl = 0 })
  local got, warn = texts(body, "<w:abstractNum>")
  same(got, { "总体情况" }, "malformed numbering.xml: the text alone")
  ok(warn and warn:find("word/numbering.xml", 1, true), "malformed numbering.xml: said: " .. tostring(warn))
  local items
  items, warn = nb.docx_items(part("document", "<w:body>" .. body .. "</w:body>"),
    part("numbering", abstract(0, { lvl(0, "decimal", "%1.") }) .. num(1, 0)), '<!DOCTYPE x [<!ENTITY a "b">]><x/>')
  ok(items and items[1].text == "总体情况", "a styles part with a DOCTYPE: the text alone")
  ok(warn and warn:find("DOCTYPE", 1, true), "a styles part with a DOCTYPE is refused: " .. tostring(warn))
  local entries = { { name = "[Content_Types].xml", data = "<Types/>" },
    { name = "word/document.xml", data = part("document", "<w:body>" .. REPORT .. "</w:body>") },
    { name = "word/numbering.xml", data = "<w:numbering" } }
  local _, notes = imp.import(nb.zip(entries), "broken.docx")
  ok(notes and note(notes, "IMPORT.DOCX", nil, "自动编号"), "malformed numbering.xml: a note")
  -- no numbering part: no note
  _, notes = imp.import(docx(REPORT), "plain.docx")
  ok(not note(notes, "IMPORT.DOCX"), "no numbering.xml: no note")
end

os.exit(tally.finish())
