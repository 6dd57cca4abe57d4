-- Cells written with a unit ("1025.14万元" in table 二's fee column, "12件" / "3个" / "5条" in
-- the count columns of tables 二/三/四), in every front end that reads cells (text as
-- pdftotext -layout gives it, tab-separated text, cells one space apart, HTML, Word): the
-- number read as written when the unit is its column's; any other unit ("1025.14元", "5万元"
-- among counts, "12件" in the 万元 column) leaves the row out with a note naming the row, the
-- column, the cell as written and the unit expected. The reports are the shared real ones
-- and the seed, a cell rewritten; everything else must come out as from the original.
--   nianbao run tests/import/units.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"
local norm = require "nianbao.import.normalize"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok
local note = T.note

---------------------------------------------------------------------------
-- 1. the cell reader: the number as written and the unit after it

do
  local cases = {
    { "1025.14万元", 1025.14, "万元" }, { "12件", 12, "件" }, { "3个", 3, "个" }, { "5条", 5, "条" },
    { "5万元", 5, "万元" }, { "1025.14元", 1025.14, "元" }, { "1,025.14万元", 1025.14, "万元" },
    { "12", 12, nil }, { "万元", nil, nil }, { "件", nil, nil }, { "第二十条第(一)项", nil, nil },
    { "O2O模式", nil, nil }, { "12件件", nil, nil },
  }
  for _, c in ipairs(cases) do
    local v, u
    if norm.cell then v, u = norm.cell(c[1]) end
    ok(norm.cell and v == c[2] and u == c[3], string.format("cell %q: %s %s, want %s %s", c[1], tostring(v),
      tostring(u), tostring(c[2]), tostring(c[3])))
  end
end

---------------------------------------------------------------------------
-- helpers: a report rewritten in one place, imported, against the original's import

-- text with the first occurrence of old (plain) replaced; the case is wrong when it is absent
local function swap(text, old, new)
  local a, b = text:find(old, 1, true)
  assert(a, "not in the report: " .. old)
  return text:sub(1, a - 1) .. new .. text:sub(b + 1)
end

local copy = T.copy

-- the notes as messages by id, one string
local function messages(notes)
  local out = {}
  for _, n in ipairs(notes) do out[#out + 1] = n.id .. " " .. (n.section or "") .. " " .. n.message end
  return out
end

-- a text rewritten by edits ({ old, new } pairs), imported as name (after wrap, when given:
-- Word XML into a .docx): the data must be the original's with cells (path -> value; a path
-- to a row or table whose value is nil: left out) changed, and the notes the original's plus
-- the note want (id, section, texts) if any
local function case(what, original, name, edits, cells, want, wrap)
  wrap = wrap or function(t) return t end
  local text = original
  for _, e in ipairs(edits) do text = swap(text, e[1], e[2]) end
  local base, base_notes = imp.import(wrap(original), name)
  local r, notes = imp.import(wrap(text), name)
  if not ok(r ~= nil, what .. ": not imported") then return end
  local expect = copy(base)
  for _, c in ipairs(cells) do
    local t = expect
    for k = 1, #c.path - 1 do t = t[c.path[k]] end
    t[c.path[#c.path]] = c.value
  end
  local same, where = T.same(r, expect)
  ok(same, what .. ": data differs from the original's at " .. tostring(where))
  local old, new = messages(base_notes), messages(notes)
  local extra = {}
  local seen = {}
  for _, m in ipairs(old) do seen[m] = (seen[m] or 0) + 1 end
  for _, m in ipairs(new) do
    if (seen[m] or 0) > 0 then seen[m] = seen[m] - 1 else extra[#extra + 1] = m end
  end
  if not want then
    ok(#extra == 0 and #new == #old, what .. ": notes differ from the original's: " .. table.concat(extra, " / "))
    return
  end
  ok(#extra == 1 and #new == #old + 1,
    what .. ": one note more than the original's, got: " .. table.concat(extra, " / "))
  local n = note(notes, want.id, want.section)
  local good = n ~= nil
  for _, text in ipairs(want.texts) do good = good and n.message:find(text, 1, true) ~= nil end
  ok(good, what .. ": note " .. want.id .. " naming " .. table.concat(want.texts, "、") .. ": "
    .. (n and n.message or table.concat(extra, " / ")))
end

local COUNT_SAY = "单位应为件、个、条、项或次"

---------------------------------------------------------------------------
-- 2. text from a PDF (pdftotext -layout): the real report of 淮安市, 2024

do
  local name = "01-huaian-city-gov-2024.txt"
  local text = T.read("../shared/real-reports/" .. name)
  local FEE, DOCS = "96171.6", "行政规范性文件       8          26       66"
  local T3 = "（七）总计                           2932        53        0         0        61        4   3050"
  local T4 = "72   64    178    37    351   13    4        8        1        26   12   1     1    6       20"
  case("PDF text: fee in 万元", text, name, { { FEE, "96171.6万元" } }, {})
  case("PDF text: fee, a space before 万元", text, name, { { FEE, "96171.6 万元" } }, {})
  case("PDF text: fee in full-width digits and 万元", text, name, { { FEE, "９６１７１．６万元" } }, {})
  case("PDF text: counts in 件", text, name, { { DOCS, "行政规范性文件       8件        26件     66件" } }, {})
  case("PDF text: table 三 in 件", text, name,
    { { T3, "（七）总计                           2932件      53件      0件       0件      61件      4件 3050件" } }, {})
  case("PDF text: table 四 in 个", text, name,
    { { T4, "72个 64个  178个  37个  351个 13个  4个      8个      1个      26个 12个 1个   1个  6个     20个" } }, {})
  -- a unit that is not the column's
  case("PDF text: fee in 元", text, name, { { FEE, "96171.6元" } }, { { path = { "proactive", "fees" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政事业性收费", "本年收费金额（单位：万元）", "96171.6元", "单位应为“万元”" } })
  case("PDF text: fee in 件", text, name, { { FEE, "96171件" } }, { { path = { "proactive", "fees" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政事业性收费", "“96171件”", "单位应为“万元”，不是“件”" } })
  case("PDF text: a count in 万元", text, name, { { DOCS, "行政规范性文件       8          26万元   66" } },
    { { path = { "proactive", "normative_documents" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政规范性文件", "本年废止件数", "“26万元”", COUNT_SAY } })
  case("PDF text: table 三 in 元", text, name,
    { { T3, "（七）总计                           2932        53元      0         0        61        4   3050" } },
    { { path = { "requests", "total" } } },
    { id = "SECTION.MISSING", section = "三", texts = { "（七）总计", "商业企业", "“53元”", COUNT_SAY } })
  case("PDF text: table 四 in 万元", text, name, { { T4, T4 .. "万元" } }, { { path = { "appeals" } } },
    { id = "SECTION.MISSING", section = "四", texts = { "行政诉讼 复议后起诉 总计", "“20万元”", COUNT_SAY } })
end

---------------------------------------------------------------------------
-- 3. tab-separated text: the published seed

do
  local text = T.read(T.published_seed)
  local name = "seed.txt"
  case("tabs: fee in 万元", text, name, { { "行政事业性收费\t0", "行政事业性收费\t1025.14万元" } },
    { { path = { "proactive", "fees" }, value = 1025.14 } })
  case("tabs: counts in 件, 个, 条", text, name, { { "规章\t0\t0\t0", "规章\t12件\t3个\t5条" } },
    { { path = { "proactive", "regulations" }, value = { issued = 12, repealed = 3, in_force = 5 } } })
  case("tabs: a count in 万元", text, name, { { "行政许可\t0", "行政许可\t5万元" } },
    { { path = { "proactive", "licensing" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政许可", "本年处理决定数量", "“5万元”", COUNT_SAY } })
end

---------------------------------------------------------------------------
-- 4. cells one space apart (a row of its own, tables.label_cells)

do
  local text = T.fixture("t2-cells-space.txt")
  local name = "t2-cells-space.txt"
  case("one space: counts in 件 and the fee in 万元", text, name,
    { { "行政规范性文件 2 1 14", "行政规范性文件 2件 1件 14件" }, { "5,125.11", "5,125.11万元" } }, {})
  case("one space: full-width digits and unit", text, name, { { "行政许可 236", "行政许可 ２３６件" } }, {})
  case("one space: a count in 元", text, name, { { "行政处罚 41", "行政处罚 41元" } },
    { { path = { "proactive", "punishment" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政处罚", "“41元”", COUNT_SAY, "不是“元”" } })
end

---------------------------------------------------------------------------
-- 5. HTML: the real report of 平潭综合实验区, 2024

do
  local name = "08-pingtan-zone-2024.html"
  local page = T.read("../shared/real-reports/" .. name)
  local FEE = "<p>18651.06</p>"
  local REG = "<tr><td><p>规章</p></td><td><p>0</p></td><td><p>0</p></td><td><p>0</p></td></tr>"
  local T3 = "<td><p>217</p></td><td><p>1</p></td>" -- the first row, 一、本年新收…
  local T4 = "<td><p>13</p></td><td><p>2</p></td><td><p>4</p></td><td><p>0</p></td><td><p>19</p></td>"
  case("HTML: fee in 万元", page, name, { { FEE, "<p>18651.06万元</p>" } }, {})
  case("HTML: fee in full-width 万元", page, name, { { FEE, "<p>１８６５１．０６ 万元</p>" } }, {})
  case("HTML: counts in 件", page, name,
    { { REG, "<tr><td><p>规章</p></td><td><p>0件</p></td><td><p>0个</p></td><td><p>0条</p></td></tr>" } }, {})
  case("HTML: table 三 in 件", page, name, { { T3, "<td><p>217件</p></td><td><p>1件</p></td>" } }, {})
  case("HTML: table 四 in 件 and 项", page, name,
    { { T4, "<td><p>13件</p></td><td><p>2件</p></td><td><p>4项</p></td><td><p>0次</p></td><td><p>19件</p></td>" } }, {})
  case("HTML: fee in 元", page, name, { { FEE, "<p>18651.06元</p>" } }, { { path = { "proactive", "fees" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政事业性收费", "“18651.06元”", "单位应为“万元”" } })
  case("HTML: fee in 件", page, name, { { FEE, "<p>18651件</p>" } }, { { path = { "proactive", "fees" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政事业性收费", "“18651件”", "单位应为“万元”" } })
  case("HTML: table 三 in 万元", page, name, { { T3, "<td><p>217万元</p></td><td><p>1</p></td>" } },
    { { path = { "requests", "new" } } },
    { id = "SECTION.MISSING", section = "三", texts = { "一、本年新收政府信息公开申请数量", "自然人", "“217万元”", COUNT_SAY } })
  case("HTML: table 四 in 元", page, name,
    { { T4, "<td><p>13</p></td><td><p>2</p></td><td><p>4</p></td><td><p>0</p></td><td><p>19元</p></td>" } },
    { { path = { "appeals" } } },
    { id = "SECTION.MISSING", section = "四", texts = { "复议后起诉 总计", "“19元”", COUNT_SAY } })
end

---------------------------------------------------------------------------
-- 5b. the 2019 trial format: counts in 件 read; its 采购总金额 column has no unit fixed by the
-- format, so a unit there leaves the row out with a note that says the column takes a bare
-- number (not "单位应为不带单位的数字", a unit that is no unit)

do
  local name = "trial-2019.txt"
  local text = T.fixture(name)
  case("trial: counts in 件", text, name, { { "\t39\t6\t4422", "\t39件\t6件\t4422件" } }, {})
  case("trial: 采购总金额 in 万元", text, name, { { "\t39\t5738", "\t39\t5738万元" } },
    { { path = { "proactive_2019", "政府集中采购" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "政府集中采购", "“采购总金额”", "“5738万元”", "只写数字", "不带“万元”" } })
end

---------------------------------------------------------------------------
-- 6. Word: table 二 and table 四 in Word cells

do
  local word = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/word.lua")
  local row = word.row
  local function para(text) return "<w:p><w:r><w:t>" .. text .. "</w:t></w:r></w:p>" end
  local function body(t2)
    local xml = para("某县某局2023年政府信息公开工作年度报告") .. para("一、总体情况") .. para("本年度主动公开信息12条。")
      .. para("二、主动公开政府信息情况") .. "<w:tbl>"
      .. row({ "第二十条第（一）项" }) .. row({ "信息内容", "本年制发件数", "本年废止件数", "现行有效件数" })
      .. row({ "规章", t2.regulations, "0", "3" }) .. row({ "行政规范性文件", "1", "0", "7" })
      .. row({ "第二十条第（五）项" }) .. row({ "信息内容", "本年处理决定数量" }) .. row({ "行政许可", t2.licensing })
      .. row({ "第二十条第（六）项" }) .. row({ "信息内容", "本年处理决定数量" }) .. row({ "行政处罚", "4" })
      .. row({ "行政强制", "0" }) .. row({ "第二十条第（八）项" }) .. row({ "信息内容", "本年收费金额（单位：万元）" })
      .. row({ "行政事业性收费", t2.fees }) .. "</w:tbl>"
      .. para("三、收到和处理政府信息公开申请情况") .. para("四、政府信息公开行政复议、行政诉讼情况")
      .. word.T4
      .. para("五、存在的主要问题及改进情况") .. para("无。") .. para("六、其他需要报告的事项") .. para("无。")
    return xml
  end
  local function docx(xml)
    return nb.zip({ { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
      { name = "word/document.xml", data = '<?xml version="1.0" encoding="UTF-8"?><w:document ' .. word.W
        .. "><w:body>" .. xml .. "</w:body></w:document>" } })
  end
  local plain = { regulations = "2", licensing = "12", fees = "1025.14" }
  local xml = body(plain)
  case("Word: counts in 件 and 个, fee in 万元", xml, "units.docx", {
    { "<w:t>2</w:t>", "<w:t>2件</w:t>" }, { "<w:t>12</w:t>", "<w:t>12个</w:t>" },
    { "<w:t>1025.14</w:t>", "<w:t>1025.14万元</w:t>" }, { "<w:t>6</w:t>", "<w:t>6件</w:t>" } }, {}, nil, docx)
  local r = imp.import(docx(swap(xml, "<w:t>1025.14</w:t>", "<w:t>1025.14万元</w:t>")), "units.docx")
  ok(r and r.proactive and r.proactive.fees == 1025.14, "Word: the fee as written in 万元: "
    .. tostring(r and r.proactive and r.proactive.fees))
  case("Word: fee in 元", xml, "units.docx", { { "<w:t>1025.14</w:t>", "<w:t>1025.14元</w:t>" } },
    { { path = { "proactive", "fees" } } },
    { id = "SECTION.MISSING", section = "二", texts = { "行政事业性收费", "“1025.14元”", "单位应为“万元”" } }, docx)
  case("Word: table 四 in 万元", xml, "units.docx", { { "<w:t>6</w:t>", "<w:t>6万元</w:t>" } },
    { { path = { "appeals" } } },
    { id = "SECTION.MISSING", section = "四", texts = { "行政复议 总计", "“6万元”", COUNT_SAY } }, docx)
end

os.exit(tally.finish())
