-- Word bold that comes from word/styles.xml (host/docx.c run_bold): a paragraph that opens
-- with bold "（一）主动公开" and goes on in plain text is a heading and its text, whether the
-- bold is the run's own w:b, a character style's (w:rStyle, through w:basedOn), the paragraph
-- style's with a run's w:b w:val="0"/"false" after it, or the document defaults'. Bold is a
-- toggle property: a bold character style in a bold paragraph style is plain. w:bCs alone is
-- the bold of complex scripts, not of Chinese text. A wholly bold paragraph stays one
-- paragraph, as it is without styles. styles.xml is untrusted: a w:basedOn loop ends, a long
-- chain is read to a bound.
--   nianbao run tests/import/word_bold.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local here = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".")
local T = dofile(here .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local word = dofile(here .. "/word.lua")

local function part(root, body)
  return '<?xml version="1.0" encoding="UTF-8"?><w:' .. root .. " " .. word.W .. ">" .. body .. "</w:" .. root .. ">"
end
-- a run; rpr: its w:rPr's content
local function r(text, rpr) return "<w:r>" .. (rpr and "<w:rPr>" .. rpr .. "</w:rPr>" or "") .. "<w:t>" .. text .. "</w:t></w:r>" end
-- a paragraph of runs; style: its w:pStyle
local function p(runs, style)
  return "<w:p>" .. (style and '<w:pPr><w:pStyle w:val="' .. style .. '"/></w:pPr>' or "") .. runs .. "</w:p>"
end
local function style(kind, id, rpr, based_on)
  return '<w:style w:type="' .. kind .. '" w:styleId="' .. id .. '">'
    .. (based_on and '<w:basedOn w:val="' .. based_on .. '"/>' or "") .. (rpr and "<w:rPr>" .. rpr .. "</w:rPr>" or "") .. "</w:style>"
end
local B = "<w:b/>"

local HEAD, TEXT = "（一）主动公开", "本年度主动公开政府信息120条。"
-- a whole report around the paragraph of 一 under test
local function body(para)
  return p(r("某县某局2023年政府信息公开工作年度报告")) .. p(r("一、总体情况")) .. para
    .. p(r("二、主动公开政府信息情况")) .. p(r("三、收到和处理政府信息公开申请情况"))
    .. p(r("四、政府信息公开行政复议、行政诉讼情况")) .. p(r("五、存在的主要问题及改进情况"))
    .. p(r("无。")) .. p(r("六、其他需要报告的事项")) .. p(r("无。"))
end
local function docx(para, styles)
  local entries = { { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
    { name = "word/document.xml", data = part("document", "<w:body>" .. body(para) .. "</w:body>") } }
  if styles then entries[#entries + 1] = { name = "word/styles.xml", data = part("styles", styles) } end
  return nb.zip(entries)
end
-- the first subsection of 一 as imported: heading / text
local function first(para, styles, name)
  local rep = imp.import(docx(para, styles), name .. ".docx")
  local o = rep and rep.overview and rep.overview[1]
  return o and (tostring(o.heading) .. " / " .. tostring(o.text)) or "(none)"
end
local SPLIT = "主动公开 / " .. TEXT
-- what the importer makes of the paragraph without any bold (no heading split), and with the
-- whole paragraph bold in direct formatting: the same, today
local PLAIN = first(p(r(HEAD) .. r(TEXT)), nil, "plain")
ok(PLAIN ~= SPLIT, "plain runs are no bold lead: " .. PLAIN)
ok(first(p(r(HEAD, B) .. r(TEXT)), nil, "direct") == SPLIT, "the run's own w:b opens a lead")
local WHOLE = first(p(r(HEAD, B) .. r(TEXT, B)), nil, "whole-direct")
ok(WHOLE == PLAIN, "a wholly bold paragraph is read as a plain one: " .. WHOLE)

-- the first item of a body read with these styles: its lead, its text
local function lead(para, styles)
  local it = nb.docx_items(part("document", "<w:body>" .. para .. "</w:body>"), nil, styles and part("styles", styles))[1]
  return it and it.lead and it.text:sub(1, it.lead)
end

local cases = {
  -- name, paragraph, styles, whether the heading is split from its text
  { "character style", p(r(HEAD, '<w:rStyle w:val="a7"/>') .. r(TEXT)), style("character", "a7", B), true },
  { "Strong", p(r(HEAD, '<w:rStyle w:val="Strong"/>') .. r(TEXT)), style("character", "Strong", B), true },
  { "character style based on a bold one", p(r(HEAD, '<w:rStyle w:val="c3"/>') .. r(TEXT)),
    style("character", "c1", B) .. style("character", "c2", nil, "c1") .. style("character", "c3", "<w:i/>", "c2"), true },
  -- the first style of the chain that says it decides: c2 turns c1's bold off
  { "a style of the chain turns bold off", p(r(HEAD, '<w:rStyle w:val="c3"/>') .. r(TEXT)),
    style("character", "c1", B) .. style("character", "c2", '<w:b w:val="0"/>', "c1") .. style("character", "c3", nil, "c2"), false },
  { "bold paragraph style, w:b w:val=0 after", p(r(HEAD) .. r(TEXT, '<w:b w:val="0"/>'), "H"), style("paragraph", "H", B), true },
  { "bold paragraph style by w:basedOn, w:b w:val=false after", p(r(HEAD) .. r(TEXT, '<w:b w:val="false"/>'), "H2"),
    style("paragraph", "H", B) .. style("paragraph", "H2", nil, "H"), true },
  { "bold default paragraph style, w:b w:val=off after", p(r(HEAD) .. r(TEXT, '<w:b w:val="off"/>')),
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:b/></w:rPr></w:style>', true },
  { "bold document defaults, w:b w:val=0 after", p(r(HEAD) .. r(TEXT, '<w:b w:val="0"/>')),
    "<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>", true },
  -- a character style off under a bold paragraph style: w:val="0" leaves the paragraph's bold
  { "character style w:b=0 under a bold paragraph style", p(r(HEAD) .. r(TEXT, '<w:rStyle w:val="nb"/>'), "H"),
    style("paragraph", "H", B) .. style("character", "nb", '<w:b w:val="0"/>'), false },
  -- a bold character style toggles the bold paragraph style's off (Word shows it plain)
  { "bold character style in a bold paragraph style", p(r(HEAD) .. r(TEXT, '<w:rStyle w:val="Strong"/>'), "H"),
    style("paragraph", "H", B) .. style("character", "Strong", B), true },
  -- a paragraph style that is not bold under bold defaults: Word takes the paragraph style's value
  { "paragraph style not bold under bold defaults", p(r(HEAD, B) .. r(TEXT), "P0"),
    "<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>" .. style("paragraph", "P0", '<w:b w:val="0"/>'), true },
  -- the whole paragraph bold by its style: as a wholly bold paragraph today
  { "bold paragraph style, all of it", p(r(HEAD) .. r(TEXT), "H"), style("paragraph", "H", B), false },
  { "bold paragraph style by w:basedOn, all of it", p(r(HEAD) .. r(TEXT), "H2"),
    style("paragraph", "H", B) .. style("paragraph", "H2", nil, "H"), false },
  -- w:bCs is the bold of complex scripts: Chinese text under it is not bold
  { "w:bCs alone in the run", p(r(HEAD, "<w:bCs/>") .. r(TEXT)), nil, false },
  { "w:bCs alone in a character style", p(r(HEAD, '<w:rStyle w:val="cs"/>') .. r(TEXT)), style("character", "cs", "<w:bCs/>"), false },
  { "w:bCs alone in the paragraph style, w:b=0 after", p(r(HEAD) .. r(TEXT, '<w:b w:val="0"/>'), "Hc"),
    style("paragraph", "Hc", "<w:bCs/>"), false },
  -- a style that is not bold, unknown, or the wrong kind of name
  { "unknown character style", p(r(HEAD, '<w:rStyle w:val="none"/>') .. r(TEXT)), style("character", "a7", B), false },
  -- bold in a tracked change's old properties is not the run's
  { "bold only before a tracked change", p(r(HEAD, '<w:rStyle w:val="a8"/>') .. r(TEXT)),
    '<w:style w:type="character" w:styleId="a8"><w:rPr><w:rPrChange w:id="1" w:author="a"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr></w:style>', false },
  -- untrusted styles: a w:basedOn loop (to itself, or of two) ends; a bold style in a loop is bold
  { "w:basedOn loop of two, no bold", p(r(HEAD, '<w:rStyle w:val="x"/>') .. r(TEXT)),
    style("character", "x", nil, "y") .. style("character", "y", nil, "x"), false },
  { "w:basedOn itself, no bold", p(r(HEAD, '<w:rStyle w:val="x"/>') .. r(TEXT)), style("character", "x", nil, "x"), false },
  { "w:basedOn loop, bold in it", p(r(HEAD, '<w:rStyle w:val="x"/>') .. r(TEXT)),
    style("character", "x", nil, "y") .. style("character", "y", B, "x"), true },
  { "paragraph styles in a w:basedOn loop", p(r(HEAD) .. r(TEXT, '<w:b w:val="0"/>'), "x"),
    style("paragraph", "x", nil, "y") .. style("paragraph", "y", nil, "x"), false },
}
-- a chain of styles: s1 based on s2, …, sN bold; read up to a bound (32 styles): a short
-- chain is bold, a very long one ends unread
local function chain(n)
  local t = {}
  for i = 1, n do t[i] = style("character", "s" .. i, i == n and B or nil, i < n and "s" .. (i + 1) or nil) end
  return table.concat(t)
end
cases[#cases + 1] = { "a chain of 20 styles", p(r(HEAD, '<w:rStyle w:val="s1"/>') .. r(TEXT)), chain(20), true }
cases[#cases + 1] = { "a chain of 5000 styles", p(r(HEAD, '<w:rStyle w:val="s1"/>') .. r(TEXT)), chain(5000), false }

for i, c in ipairs(cases) do
  local name, para, styles, split = c[1], c[2], c[3], c[4]
  local got = first(para, styles, "case" .. i)
  local want = split and SPLIT or PLAIN
  ok(got == want, name .. ": 一's first part is " .. got .. ", want " .. want)
  local l = lead(para, styles)
  ok((l == HEAD) == split and (split or l == nil), name .. ": docx_items lead " .. tostring(l))
end

-- a table's style, in a layout table (a cell holding a table of rows: its paragraphs are the
-- body's): its bold is below the paragraph style's, a run's w:b=0 ends the lead
do
  local inner = "<w:tbl>" .. word.row({ "a", "b" }) .. word.row({ "1", "2" }) .. "</w:tbl>"
  local tbl = '<w:tbl><w:tblPr><w:tblStyle w:val="TB"/></w:tblPr><w:tr><w:tc>'
    .. p(r(HEAD) .. r(TEXT, '<w:b w:val="0"/>')) .. inner .. "</w:tc></w:tr></w:tbl>"
  local got = lead(tbl, style("table", "TB", B))
  ok(got == HEAD, "a bold table style opens the lead: " .. tostring(got))
  got = lead(tbl, style("table", "TB", B) .. '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:b w:val="0"/></w:rPr></w:style>')
  ok(got == nil, "the default paragraph style's w:b=0 over the table style's bold: " .. tostring(got))
  ok(lead(tbl, style("table", "TB")) == nil, "a table style that is not bold opens none")
end

os.exit(tally.finish())
