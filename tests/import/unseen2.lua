-- Layouts of agencies never seen (the adversarial round "unseen2"): whole reports generated
-- here from one set of numbers (every column of table 三 different, totals that hold), each
-- laid out as a CMS page, a Word file or a copied text would lay it out, then imported and
-- every cell of tables 二/三/四 compared with what the input shows; a cell not read must be
-- named in a note of its table, and `check` must find no error the import made.
--   nianbao run tests/import/unseen2.lua   (from the repository root)
local nb = require "nianbao"
local imp = require "nianbao.import"

local here = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".")
local T = dofile(here .. "/../lua/assert.lua")
local tally = T.tally()
local ok, note = tally.ok, T.note
local word = dofile(here .. "/word.lua")
local W = word.W

---------------------------------------------------------------------------
-- The numbers: table 二, table 三 (7 columns, the last the total of the six), table 四

local T2 = { regulations = { 1, 2, 3 }, normative_documents = { 12, 4, 56 },
  licensing = 1234, punishment = 87, coercion = 9, fees = 12.5 }
local T3 = {}
local ROWS = nb.schema.requests.rows
do
  local sum = { 0, 0, 0, 0, 0, 0 }
  for i, row in ipairs(ROWS) do
    if row.result then
      local v = {}
      for j = 1, 6 do v[j] = (i * 3 + j * 5) % 7 + (j == 1 and 10 or 0) sum[j] = sum[j] + v[j] end
      T3[row.key] = v
    end
  end
  T3.total, T3.carried_over, T3.carried_forward, T3.new = {}, {}, {}, {}
  for j = 1, 6 do
    T3.total[j] = sum[j]
    T3.carried_over[j] = j % 3
    T3.carried_forward[j] = (j + 1) % 2
    T3.new[j] = sum[j] + T3.carried_forward[j] - T3.carried_over[j]
  end
  for _, v in pairs(T3) do
    local s = 0
    for j = 1, 6 do s = s + v[j] end
    v[7] = s
  end
end
local T4 = { { 2, 1, 3, 1, 7 }, { 1, 0, 2, 0, 3 }, { 4, 2, 0, 1, 7 } }
local T4_KEYS = { "review", "litigation_direct", "litigation_after_review" }

---------------------------------------------------------------------------
-- Comparing every cell. want: overrides of the expected cells, by path ("t3.new.2",
-- "t2.licensing", "t4.review.1"; "t3.new.*" for all cells under a prefix): a value, "" for a
-- blank, false for a cell left out (then a note of its table must name the loss), or "absent"
-- for a cell the input's template does not have.

local cells_compared = 0
local function each_cell(fn)
  for _, k in ipairs({ "regulations", "normative_documents" }) do
    for j = 1, 3 do fn("t2." .. k .. "." .. j, T2[k][j], "二") end
  end
  for _, k in ipairs({ "licensing", "punishment", "coercion", "fees" }) do fn("t2." .. k, T2[k], "二") end
  for _, row in ipairs(ROWS) do
    for j = 1, 7 do fn("t3." .. row.key .. "." .. j, T3[row.key][j], "三") end
  end
  for g = 1, 3 do
    for j = 1, 5 do fn("t4." .. T4_KEYS[g] .. "." .. j, T4[g][j], "四") end
  end
end
local T2_FIELDS = { "issued", "repealed", "in_force" }
local T4_FIELDS = { "upheld", "corrected", "other", "pending", "total" }
local function got_cell(r, path)
  local t, a, b = path:match("^(t%d)%.([^.]+)%.?(.*)$")
  if t == "t2" then
    local p = r.proactive
    if not p then return nil end
    if b ~= "" then return p[a] and p[a][T2_FIELDS[tonumber(b)]] end
    return p[a]
  elseif t == "t3" then
    local key, j = path:match("^t3%.(.+)%.(%d)$")
    local row = T.t3_row(r, key)
    return row and row[tonumber(j)]
  else
    local x = r.appeals and r.appeals[a]
    return x and x[T4_FIELDS[tonumber(b)]]
  end
end

local reload = T.reloaded

-- imports input and compares every cell; want as above; opts.check = false when the input's
-- own numbers break a rule (then check's findings are not the import's)
local function compare(input, name, want, opts)
  want, opts = want or {}, opts or {}
  local good, r, notes = pcall(imp.import, input, name)
  if not ok(good, name .. ": import raised " .. tostring(r)) then return end
  local named = {}
  for _, n in ipairs(notes) do if n.section then named[n.section] = true end end
  local wrong = {}
  each_cell(function(path, value, section)
    local w = want[path]
    if w == nil then for p, v in pairs(want) do if p:sub(-1) == "*" and path:find(p:sub(1, -2), 1, true) == 1 then w = v end end end
    if w == nil then w = value end
    local got = T.plain(got_cell(r, path))
    cells_compared = cells_compared + 1
    if w == "absent" then -- no such cell in the input's format: nothing read, nothing to name
      if got ~= nil then wrong[#wrong + 1] = path .. "=" .. tostring(got) .. " (want absent)" end
    elseif w == false then
      if got ~= nil then wrong[#wrong + 1] = path .. "=" .. tostring(got) .. " (want left out)" end
      if got == nil and not named[section] then wrong[#wrong + 1] = path .. " left out, no note of " .. section end
    elseif got ~= w then
      if got == nil and named[section] then
        wrong[#wrong + 1] = path .. " left out (named), want " .. tostring(w)
      else
        wrong[#wrong + 1] = path .. "=" .. tostring(got) .. " want " .. tostring(w)
      end
    end
  end)
  ok(#wrong == 0, name .. ": " .. #wrong .. " cells differ: " .. table.concat(wrong, "; ", 1, math.min(#wrong, 12)))
  if opts.check ~= false and #wrong == 0 then
    local errs = {}
    for _, f in ipairs(nb.check(reload(r))) do
      if f.severity == "error" then errs[#errs + 1] = f.id .. " " .. (f.message or "") end
    end
    ok(#errs == 0, name .. ": check finds errors: " .. table.concat(errs, "; "))
  end
  return r, notes
end

---------------------------------------------------------------------------
-- An HTML page. o: how to lay it out
--   o.num(v, path): a number cell's inner HTML (default the number)
--   o.t2, o.t3, o.t4: functions returning a table's HTML rows (or whole markup with o.whole)

local function num(o, v, path)
  if o.num then return o.num(v, path) end
  return tostring(v)
end
local function td(x, attr) return "<td" .. (attr and " " .. attr or "") .. ">" .. x .. "</td>" end

local function t2_rows(o)
  local out = {}
  local function head(item, cols)
    out[#out + 1] = "<tr>" .. td(item, 'colspan="4"') .. "</tr>"
    if #cols == 3 then
      out[#out + 1] = "<tr>" .. td("信息内容") .. td(cols[1]) .. td(cols[2]) .. td(cols[3]) .. "</tr>"
    else
      out[#out + 1] = "<tr>" .. td("信息内容") .. td(cols[1], 'colspan="3"') .. "</tr>"
    end
  end
  head("第二十条第（一）项", { "本年制发件数", "本年废止件数", "现行有效件数" })
  for _, k in ipairs({ { "规章", "regulations" }, { "行政规范性文件", "normative_documents" } }) do
    local c = {}
    for j = 1, 3 do c[j] = td(num(o, T2[k[2]][j], "t2." .. k[2] .. "." .. j)) end
    out[#out + 1] = "<tr>" .. td(k[1]) .. table.concat(c) .. "</tr>"
  end
  local function one(label, key) out[#out + 1] = "<tr>" .. td(label) .. td(num(o, T2[key], "t2." .. key), 'colspan="3"') .. "</tr>" end
  head("第二十条第（五）项", { "本年处理决定数量" })
  one("行政许可", "licensing")
  head("第二十条第（六）项", { "本年处理决定数量" })
  one("行政处罚", "punishment")
  one("行政强制", "coercion")
  head("第二十条第（八）项", { "本年收费金额（单位：万元）" })
  one("行政事业性收费", "fees")
  return table.concat(out, "\n")
end

local T3_HEAD = '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
  .. '<td colspan="7">申请人情况</td></tr>\n'
  .. '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>\n'
  .. "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"

local function t3_rows(o, head)
  local out = { head or T3_HEAD }
  local seen = {}
  local counts = {}
  for _, row in ipairs(ROWS) do if row.group then counts[row.group] = (counts[row.group] or 0) + 1 end end
  for _, row in ipairs(ROWS) do
    local c = {}
    for j = 1, 7 do c[j] = td(num(o, T3[row.key][j], "t3." .. row.key .. "." .. j)) end
    local label
    if row.level == 1 then
      label = td(row.label, 'colspan="3"')
    elseif row.level == 2 then
      label = (row.key == "disclosed" and td("三、本年度办理结果", 'rowspan="22"') or "") .. td(row.label, 'colspan="2"')
    else
      label = ""
      if not seen[row.group] then
        seen[row.group] = true
        label = td(row.group_label, 'rowspan="' .. counts[row.group] .. '"')
      end
      label = label .. td(row.label)
    end
    out[#out + 1] = "<tr>" .. label .. table.concat(c) .. "</tr>"
  end
  return table.concat(out, "\n")
end

local T4_HEAD = '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>\n'
  .. '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
  .. '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
  .. '<td colspan="5">复议后起诉</td></tr>\n<tr>'
  .. string.rep("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>", 2) .. "</tr>"

local function t4_rows(o, head)
  local c = {}
  for g = 1, 3 do for j = 1, 5 do c[#c + 1] = td(num(o, T4[g][j], "t4." .. T4_KEYS[g] .. "." .. j)) end end
  return (head or T4_HEAD) .. "\n<tr>" .. table.concat(c) .. "</tr>"
end

local OVERVIEW = "<p>一、总体情况</p><p>本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息86条。</p>"
local TAIL = "<p>五、存在的主要问题及改进情况</p><p>存在的主要问题是公开内容不够丰富。下一步将加强培训。</p>"
  .. "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>"

local function page(o)
  o = o or {}
  local tbl = o.table or function(rows) return "<table border=\"1\">\n" .. rows .. "\n</table>" end
  local body = { "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title></head><body>",
    "<p>某市某区某局2024年政府信息公开工作年度报告</p>", OVERVIEW }
  if o.one_table then
    body[#body + 1] = o.one_heads or ""
    body[#body + 1] = o.one_table
  else
    body[#body + 1] = "<p>二、主动公开政府信息情况</p>"
    body[#body + 1] = o.t2 or tbl(t2_rows(o))
    body[#body + 1] = "<p>三、收到和处理政府信息公开申请情况</p>"
    body[#body + 1] = o.t3 or tbl(t3_rows(o, o.t3_head))
    body[#body + 1] = "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
    body[#body + 1] = o.t4 or tbl(t4_rows(o, o.t4_head))
  end
  body[#body + 1] = TAIL .. "</body></html>"
  return table.concat(body, "\n")
end

-- a page as its text copied from a browser: the headings and paragraphs as lines, each table
-- row a line, its cells ended by cell_end ("\t", or "\n" for one cell a line)
local function page_text(html, cell_end)
  return (html:gsub("<!DOCTYPE.-<body>\n", ""):gsub("</body></html>", ""):gsub("</p><p>", "\n"):gsub("</?p>", "")
    :gsub("</?table[^>]*>", ""):gsub("</?tr>", "\n"):gsub("<td[^>]*>", ""):gsub("</td>", cell_end))
end

local M = { compare = compare, page = page, t2_rows = t2_rows, t3_rows = t3_rows, t4_rows = t4_rows,
  T2 = T2, T3 = T3, T4 = T4, T4_KEYS = T4_KEYS, td = td, ok = ok, note = note, T = T, W = W, word = word,
  ROWS = ROWS, T3_HEAD = T3_HEAD, T4_HEAD = T4_HEAD }

if UNSEEN2_EXPLORE then return M end

---------------------------------------------------------------------------
-- 0. the plain page: every cell read (the base the variants below change)

compare(page(), "base.html")


---------------------------------------------------------------------------
-- 1. a CMS editor's cell: the number inside <p><span><font><strong> with &nbsp; and
-- ideographic spaces around it, a zero-width space (U+200B) or a BOM (U+FEFF) pasted with it

do
  local forms = {
    function(v) return '<p align="center"><span style="font-size:12pt"><font face="仿宋">&nbsp;' .. v .. '&nbsp;</font></span></p>' end,
    function(v) return "<strong>　" .. v .. "　</strong>" end,
    function(v) return "\226\128\139" .. v .. "\226\128\139" end,
    function(v) return "<span>\239\187\191" .. v .. "</span>&#8203;" end,
    function(v) return "<p><b><span lang=\"EN-US\">" .. v .. "<o:p></o:p></span></b></p>" end,
  }
  local k = 0
  compare(page({ num = function(v) k = k + 1 return forms[k % #forms + 1](v) end }), "cell-wrappers.html")
end

---------------------------------------------------------------------------
-- 2. full-width digits and separators: "１２", "1,234", "1，234" (a full-width comma),
-- "１，２３４", fees "12.50" and "１２．５"

do
  local FW = { ["0"] = "０", ["1"] = "１", ["2"] = "２", ["3"] = "３", ["4"] = "４", ["5"] = "５", ["6"] = "６",
    ["7"] = "７", ["8"] = "８", ["9"] = "９", ["."] = "．" }
  local function fw(v) return (tostring(v):gsub("[%d.]", FW)) end
  compare(page({ num = function(v, path)
    if path == "t2.licensing" then return "1，234" end
    if path == "t2.fees" then return "１２．５０" end
    return fw(v)
  end }), "fullwidth.html")
  compare(page({ num = function(v, path)
    if path == "t2.licensing" then return "１，２３４" end
    if path == "t2.fees" then return "12.50" end
    return tostring(v)
  end }), "fullwidth-thousands.html")
  compare(page({ num = function(v, path)
    if path == "t2.licensing" then return "1,234" end
    return tostring(v)
  end }), "thousands.html")
end

---------------------------------------------------------------------------
-- 3. blank marks of other kinds: "〇" (the ideographic zero), "-" (a hyphen alone), "／"
-- (full-width slash), "——", "无" and "/" in cells of tables 三 and 四

do
  local marks = { ["t3.withheld.inquiry.2"] = "／", ["t3.unavailable.unclear.3"] = "——",
    ["t3.not_processed.petition.4"] = "无", ["t3.other.no_fee_payment.5"] = "/",
    ["t4.litigation_direct.2"] = "——", ["t4.litigation_direct.4"] = "无" }
  local want = {}
  local function num(v, path)
    local m = marks[path]
    if m then want[path] = "" return m end
    return tostring(v)
  end
  -- the numbers made 0 where a mark stands, so that the totals still hold
  compare(page({ num = num }), "blank-marks.html", want, { check = false })
end

---------------------------------------------------------------------------
-- 4. a table drawn by a CMS with <div>s (display:table / table-row / table-cell classes)

do
  local function divs(rows)
    local h = rows:gsub("<td([^>]*)>", "<div class=\"td\"%1>"):gsub("</td>", "</div>")
      :gsub("<tr>", "<div class=\"tr\">"):gsub("</tr>", "</div>")
    return "<div class=\"table\">\n" .. h .. "\n</div>"
  end
  local r, notes = compare(page({ table = divs }), "div-table.html")
end

---------------------------------------------------------------------------
-- 5. the three tables in one HTML table, each after a row naming it

do
  local one = "<table border=\"1\">\n<tr><td colspan=\"15\">二、主动公开政府信息情况</td></tr>\n" .. t2_rows({})
    .. "\n<tr><td colspan=\"15\">三、收到和处理政府信息公开申请情况</td></tr>\n" .. t3_rows({})
    .. "\n<tr><td colspan=\"15\">四、政府信息公开行政复议、行政诉讼情况</td></tr>\n" .. t4_rows({}) .. "\n</table>"
  compare(page({ one_table = one }), "one-table.html")
end

---------------------------------------------------------------------------
-- 6. table 四 with its litigation groups in the other order (复议后起诉 first)

do
  local head = T4_HEAD:gsub("未经复议直接起诉", "@"):gsub("复议后起诉", "未经复议直接起诉"):gsub("@", "复议后起诉")
  local c = {}
  for _, g in ipairs({ 1, 3, 2 }) do for j = 1, 5 do c[#c + 1] = td(T4[g][j]) end end
  local t4 = "<table>" .. head .. "<tr>" .. table.concat(c) .. "</tr></table>"
  local _, notes = compare(page({ t4 = t4 }), "t4-swapped.html")
  ok(note(notes, "IMPORT.VARIANT", "四", "复议后起诉"), "t4-swapped.html: the order named")
end

---------------------------------------------------------------------------
-- 7. table 四 laid out one group a row (5 columns, the groups as row labels)

do
  local rows = { "<tr><td>类别</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>" }
  for g, label in ipairs({ "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）" }) do
    local c = {}
    for j = 1, 5 do c[j] = td(T4[g][j]) end
    rows[#rows + 1] = "<tr>" .. td(label) .. table.concat(c) .. "</tr>"
  end
  compare(page({ t4 = "<table>" .. table.concat(rows) .. "</table>" }), "t4-by-group.html")
end

---------------------------------------------------------------------------
-- 8. table 三 transposed: the applicants as rows, the table's rows as columns

do
  local head = { "<tr><td>申请人情况</td>" }
  for _, row in ipairs(ROWS) do head[#head + 1] = td(row.label) end
  local rows = { table.concat(head) .. "</tr>" }
  for j, label in ipairs({ "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" }) do
    local c = { td(label) }
    for _, row in ipairs(ROWS) do c[#c + 1] = td(T3[row.key][j]) end
    rows[#rows + 1] = "<tr>" .. table.concat(c) .. "</tr>"
  end
  local _, notes = compare(page({ t3 = "<table>" .. table.concat(rows, "\n") .. "</table>" }), "t3-transposed.html", { ["t3.*"] = false },
    { check = false })
  ok(note(notes, "SECTION.MISSING", "三"), "t3-transposed.html: table 三 named")
end

---------------------------------------------------------------------------
-- 9. a row of table 三 written as one merged cell ("0" or "无" across the seven columns)

do
  local t3 = "<table>" .. t3_rows({}) .. "</table>"
  local row = T3.other
  local cells = ""
  for j = 1, 7 do cells = cells .. td(T3["other.no_fee_payment"][j]) end
  -- the row's numbers made zeros written once
  local z = t3:gsub("(<td>2%.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>)" .. cells:gsub("%p", "%%%0"),
    "%1<td colspan=\"7\">0</td>")
  ok(z ~= t3, "merged row: the row replaced")
  compare(page({ t3 = z }), "t3-merged-row.html", { ["t3.other.no_fee_payment.*"] = false }, { check = false })
end


---------------------------------------------------------------------------
-- 10. the headings 二/三/四 only in the tables' captions (a CMS's <caption>), no paragraph
-- before them

do
  local function cap(title) return function(rows) return "<table border=\"1\"><caption>" .. title .. "</caption>\n" .. rows .. "</table>" end end
  local html = page({ t2 = cap("二、主动公开政府信息情况")(t2_rows({})), t3 = cap("三、收到和处理政府信息公开申请情况")(t3_rows({})),
    t4 = cap("四、政府信息公开行政复议、行政诉讼情况")(t4_rows({})) })
  html = html:gsub("<p>[二三四]、[^<]*</p>", "")
  compare(html, "caption-headings.html")
end

---------------------------------------------------------------------------
-- 11. a footnote mark after a number ("12①", "7*", "3注"): the mark is no digit of the number

do
  local marks = { ["t3.new.7"] = "①", ["t2.licensing"] = "*", ["t4.review.5"] = "（注）" }
  -- the row, the cell, table 四 (one row) left out and the mark named
  local r, notes = compare(page({ num = function(v, path) return tostring(v) .. (marks[path] or "") end }), "footnote-marks.html",
    { ["t3.new.*"] = false, ["t2.licensing"] = false, ["t4.*"] = false }, { check = false })
  ok(note(notes, "SECTION.MISSING", "三", "“585①”数字后有注释标记"), "footnote-marks.html: the mark of 三 named")
  ok(note(notes, "SECTION.MISSING", "二", "“1234*”数字后有注释标记"), "footnote-marks.html: the mark of 二 named")
  ok(note(notes, "SECTION.MISSING", "四", "“7（注）”数字后有注释标记"), "footnote-marks.html: the mark of 四 named")
end

---------------------------------------------------------------------------
-- Word documents: the tables of the pages above as Word writes them (w:gridSpan for a
-- colspan, w:vMerge for a rowspan)

local function wesc(s) return (s:gsub("&nbsp;", " "):gsub("&", "&amp;"):gsub("<", "&lt;")) end
local function wpara(text, ppr) return "<w:p>" .. (ppr and "<w:pPr>" .. ppr .. "</w:pPr>" or "") .. "<w:r><w:t>" .. wesc(text) .. "</w:t></w:r></w:p>" end
local function wcell(text, cs, vm)
  local pr = (cs > 1 and '<w:gridSpan w:val="' .. cs .. '"/>' or "")
    .. (vm == "restart" and '<w:vMerge w:val="restart"/>' or vm == "continue" and "<w:vMerge/>" or "")
  local body = text:find("^<w:") and text or wpara(text)
  return "<w:tc>" .. (pr ~= "" and "<w:tcPr>" .. pr .. "</w:tcPr>" or "") .. body .. "</w:tc>"
end
-- the rows of an HTML table of this file as Word rows; o.cell(text) may rewrite a cell's text
local function wrows(rows_html, o)
  o = o or {}
  local out, cont = {}, {}
  for tr in rows_html:gmatch("<tr>(.-)</tr>") do
    local row = {}
    for attrs, text in tr:gmatch("<td([^>]*)>(.-)</td>") do
      row[#row + 1] = { text = text, cs = tonumber(attrs:match('colspan="(%d+)"')) or 1,
        rs = tonumber(attrs:match('rowspan="(%d+)"')) or 1 }
    end
    local cells, col, k = {}, 1, 1
    while k <= #row or cont[col] do
      local c = cont[col]
      if c then
        cells[#cells + 1] = wcell("", c.cs, "continue")
        c.left = c.left - 1
        if c.left == 0 then cont[col] = nil end
        col = col + c.cs
      else
        c = row[k]
        k = k + 1
        cells[#cells + 1] = wcell(o.cell and o.cell(c.text) or c.text, c.cs, c.rs > 1 and "restart" or nil)
        if c.rs > 1 then cont[col] = { left = c.rs - 1, cs = c.cs } end
        col = col + c.cs
      end
    end
    out[#out + 1] = "<w:tr>" .. table.concat(cells) .. "</w:tr>"
  end
  return out
end
local function wtable(rows_html, o) return "<w:tbl>" .. table.concat(wrows(rows_html, o)) .. "</w:tbl>" end

local HEADS = { "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项" }
-- a Word document; o.head(i): heading i's text; o.t2/o.t3/o.t4: a table's body XML
local function docx(o)
  o = o or {}
  local h = o.head or function(i) return HEADS[i] end
  local body = { wpara("某市某区某局2024年政府信息公开工作年度报告"), wpara(h(1)),
    wpara("本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息86条。"),
    wpara(h(2)), o.t2 or wtable(t2_rows({}), o), wpara(h(3)), o.t3 or wtable(t3_rows({}), o),
    wpara(h(4)), o.t4 or wtable(t4_rows({}), o), wpara(h(5)), wpara("存在的主要问题是公开内容不够丰富。下一步将加强培训。"),
    wpara(h(6)), wpara("本年度未收取信息处理费。") }
  local xml = '<?xml version="1.0" encoding="UTF-8"?><w:document ' .. W
    .. ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
    .. table.concat(body) .. "</w:body></w:document>"
  return nb.zip({ { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types/>' },
    { name = "word/document.xml", data = xml } })
end

---------------------------------------------------------------------------
-- 12. Word: the totals as formula fields (=SUM(LEFT)), simple and complex: the field's code
-- is no text of the cell, its result is the number

do
  local k = 0
  local function field(text)
    if not text:match("^%d+$") then return text end
    k = k + 1
    if k % 2 == 0 then
      return '<w:p><w:fldSimple w:instr=" =SUM(LEFT) "><w:r><w:t>' .. text .. "</w:t></w:r></w:fldSimple></w:p>"
    end
    return '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =SUM(LEFT) \\# "0" </w:instrText></w:r>'
      .. '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>' .. text .. '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
  end
  compare(docx({ cell = field }), "fields.docx")
end

---------------------------------------------------------------------------
-- 13. Word: rows and cells inside content controls (w:sdt), as a form template has them

do
  local function sdt_rows(rows_html)
    local rows = wrows(rows_html)
    for i, r in ipairs(rows) do
      if i % 2 == 0 then rows[i] = "<w:sdt><w:sdtPr><w:tag w:val=\"row\"/></w:sdtPr><w:sdtContent>" .. r .. "</w:sdtContent></w:sdt>"
      else rows[i] = r:gsub("(<w:tc>.-</w:tc>)$", "<w:sdt><w:sdtPr/><w:sdtContent>%1</w:sdtContent></w:sdt>") end
    end
    return "<w:tbl>" .. table.concat(rows) .. "</w:tbl>"
  end
  compare(docx({ t2 = sdt_rows(t2_rows({})), t3 = sdt_rows(t3_rows({})), t4 = sdt_rows(t4_rows({})) }), "sdt.docx")
end

---------------------------------------------------------------------------
-- 14. Word: headings numbered "第一部分 总体情况" … and "第X部分" with the old short names

do
  local CN = { "一", "二", "三", "四", "五", "六" }
  local r, notes = compare(docx({ head = function(i) return "第" .. CN[i] .. "部分　" .. HEADS[i]:gsub("^[一二三四五六]、", "") end }),
    "part-headings.docx")
  ok(r and r.problems .. (r.improvements or "") == "存在的主要问题是公开内容不够丰富。下一步将加强培训。",
    "part-headings.docx: 五 read: " .. tostring(r and r.problems))
  ok(r and r.other_matters == "本年度未收取信息处理费。", "part-headings.docx: 六 read")
end

---------------------------------------------------------------------------
-- 15. Word: table 三 split by a page break into two Word tables, the header rows repeated
-- (w:tblHeader) in the second, which starts inside group （三）

do
  local rows = wrows(t3_rows({}))
  -- rows 1..3 the header; cut after 1.属于国家秘密 (row 3 + 5)
  local head = table.concat(rows, "", 1, 3):gsub("<w:tr>", "<w:tr><w:trPr><w:tblHeader/></w:trPr>")
  local second = table.concat(rows, "", 9)
  -- the first row of the second table restarts the merges it continues (Word does so)
  second = second:gsub("<w:vMerge/>", '<w:vMerge w:val="restart"/>', 2)
  local t3 = "<w:tbl>" .. head .. table.concat(rows, "", 4, 8) .. "</w:tbl>"
    .. '<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:tbl>' .. head .. second .. "</w:tbl>"
  compare(docx({ t3 = t3 }), "t3-split-repeat.docx")
end


---------------------------------------------------------------------------
-- 16. a 2019-era report (the trial template of 国办公开办函〔2019〕60号, before 〔2021〕30号) as
-- a web page: table 二 with 新制作/新公开/对外公开总数量 and 政府集中采购, table 三 with one
-- row （六）其他处理: named as the old template, its table 二 kept by its own labels

do
  local t2 = table.concat({ "<table border=\"1\">",
    "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>",
    "<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>",
    "<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>",
    "<tr><td>规范性文件</td><td>12</td><td>4</td><td>56</td></tr>",
    "<tr><td colspan=\"4\">第二十条第（五）项</td></tr>",
    "<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>",
    "<tr><td>行政许可</td><td>39</td><td>6</td><td>1234</td></tr>",
    "<tr><td>其他对外管理服务事项</td><td>10</td><td>7</td><td>105</td></tr>",
    "<tr><td colspan=\"4\">第二十条第（六）项</td></tr>",
    "<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>",
    "<tr><td>行政处罚</td><td>26</td><td>-5</td><td>87</td></tr>",
    "<tr><td>行政强制</td><td>12</td><td>2</td><td>9</td></tr>",
    "<tr><td colspan=\"4\">第二十条第（八）项</td></tr>",
    "<tr><td>信息内容</td><td>上一年项目数量</td><td colspan=\"2\">本年增/减</td></tr>",
    "<tr><td>行政事业性收费</td><td>35</td><td colspan=\"2\">-1</td></tr>",
    "<tr><td colspan=\"4\">第二十条第（九）项</td></tr>",
    "<tr><td>信息内容</td><td>采购项目数量</td><td colspan=\"2\">采购总金额</td></tr>",
    "<tr><td>政府集中采购</td><td>39</td><td colspan=\"2\">5738</td></tr></table>" }, "\n")
  -- （六）其他处理 one row: the three rows of 2021 added up
  local six = {}
  for j = 1, 7 do six[j] = T3["other.no_correction"][j] + T3["other.no_fee_payment"][j] + T3["other.other"][j] end
  local c = {}
  for j = 1, 7 do c[j] = td(six[j]) end
  local t3 = "<table>" .. t3_rows({}) .. "</table>"
  t3 = t3:gsub('<tr><td rowspan="3">（六）其他处理</td>.-</tr>\n<tr>.-</tr>\n<tr>.-</tr>',
    '<tr><td colspan="2">（六）其他处理</td>' .. table.concat(c) .. "</tr>")
  t3 = t3:gsub('rowspan="22"', 'rowspan="20"')
  local html = page({ t2 = t2, t3 = t3 }):gsub("2024年", "2019年")
  local want = { ["t2.*"] = false, ["t3.other.no_correction.*"] = "absent", ["t3.other.no_fee_payment.*"] = "absent" }
  for j = 1, 7 do want["t3.other.other." .. j] = six[j] end
  local r, notes = compare(html, "trial-2019.html", want, { check = false })
  ok(r and r.format == 2019, "trial-2019.html: format 2019, got " .. tostring(r and r.format))
  ok(note(notes, "FORMAT.OLD_TEMPLATE", "二", "2019"), "trial-2019.html: the old template named")
  local p = r and r.proactive_2019 or {}
  ok(T.same_cells(p["规章"], { 1, 2, 3 }) and T.same_cells(p["规范性文件"], { 12, 4, 56 })
    and T.same_cells(p["行政许可"], { 39, 6, 1234 }) and T.same_cells(p["行政处罚"], { 26, -5, 87 })
    and T.same_cells(p["政府集中采购"], { 39, 5738 }) and T.same_cells(p["行政事业性收费"], { 35, -1 }),
    "trial-2019.html: table 二 by its own labels")
  cells_compared = cells_compared + 15
end

---------------------------------------------------------------------------
-- 17. the text of the page copied from a browser one cell a line (each cell on its own line,
-- empty merged cells left out), the headings and paragraphs as lines

do
  local function lines(rows_html)
    local out = {}
    for text in rows_html:gmatch("<td[^>]*>(.-)</td>") do
      if text ~= "" then out[#out + 1] = text end
    end
    return table.concat(out, "\n")
  end
  compare(page_text(page({ t2 = lines(t2_rows({})), t3 = lines(t3_rows({})), t4 = lines(t4_rows({})) }), "\n"),
    "cell-per-line.txt")
end

---------------------------------------------------------------------------
-- 18. more blank marks: "〇" (the ideographic zero), "○" (a white circle, typed for it as in
-- "二○二四") and "-" (a hyphen alone) in a cell

do
  local marks = { ["t3.withheld.prohibited_by_law.2"] = "〇", ["t4.litigation_after_review.2"] = "〇",
    ["t3.not_processed.mass_repeated.3"] = "-", ["t3.withheld.inquiry.4"] = "○", ["t4.review.3"] = "○" }
  local want = {}
  local function num(v, path)
    local m = marks[path]
    if m then want[path] = (m == "〇" or m == "○") and 0 or "" return m end
    return tostring(v)
  end
  local r, notes = compare(page({ num = num }), "blank-marks-2.html", want, { check = false })
end

---------------------------------------------------------------------------
-- 19. the three tables in one HTML table after the three headings (the headings 二 and 三
-- with nothing under them): each table is read from under the next heading that has
-- something, and a note says where. As text, the same. A heading with nothing under it
-- and no table of its own anywhere after it stays named.

do
  local heads = "<p>二、主动公开政府信息情况</p>"
    .. "<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
  local one = "<table border=\"1\">\n" .. t2_rows({}) .. "\n" .. t3_rows({}) .. "\n" .. t4_rows({}) .. "\n</table>"
  local _, notes = compare(page({ one_table = one, one_heads = heads }), "one-table-after-heads.html")
  ok(note(notes, "IMPORT.VARIANT", "二", "四、政府信息公开行政复议、行政诉讼情况"),
    "one-table-after-heads.html: table 二 read from under heading 四, and said")
  ok(note(notes, "IMPORT.VARIANT", "三", "四、政府信息公开行政复议、行政诉讼情况"),
    "one-table-after-heads.html: table 三 read from under heading 四, and said")
  -- as text: the same page through the text reader (a row a line, its cells apart by tabs)
  _, notes = compare(page_text(page({ one_table = one, one_heads = heads }), "\t"), "one-table-after-heads.txt")
  ok(note(notes, "IMPORT.VARIANT", "三", "四、政府信息公开行政复议、行政诉讼情况"),
    "one-table-after-heads.txt: table 三 read from under heading 四, and said")
  -- only 二 is empty, and 三's table has no table 二 in it: 二 is named, not taken from 三
  local _, n2 = compare(page({ t2 = "" }), "t2-heading-alone.html", { ["t2.*"] = false }, { check = false })
  ok(not note(n2, "IMPORT.VARIANT", "二"), "t2-heading-alone.html: no table 二 said to be read")
end


---------------------------------------------------------------------------
-- 20. table 三 with two applicant columns in another order (科研机构 before 商业企业), the
-- numbers under their headers

do
  local head = T3_HEAD:gsub("<td>商业企业</td><td>科研机构</td>", "<td>科研机构</td><td>商业企业</td>")
  local rows = t3_rows({}, head)
  -- each row's 2nd and 3rd numbers swapped to stand under their headers
  rows = rows:gsub("(<tr>.-</tr>)", function(tr)
    if tr:find("申请人情况") or tr:find("自然人") or tr:find("商业企业") then return tr end
    return (tr:gsub("(</td>)(<td>%d+</td>)(<td>%d+</td>)(<td>%d+</td>)(<td>%d+</td>)(<td>%d+</td>)(<td>%d+</td>)(<td>%d+</td></tr>)$",
      "%1%2%4%3%5%6%7%8"))
  end)
  local _, notes = compare(page({ t3 = "<table>" .. rows .. "</table>" }), "t3-columns-swapped.html")
  ok(note(notes, "IMPORT.VARIANT", "三", "科研机构、商业企业"), "t3-columns-swapped.html: the order named")
  -- as text (a header copied line by line may be broken apart): left out and named
  local text = {}
  for cell in rows:gmatch("<td[^>]*>(.-)</td>") do text[#text + 1] = cell end
  _, notes = compare(page_text(page({ t3 = table.concat(text, "\n") }), "\n"), "t3-columns-swapped.txt", { ["t3.*"] = false }, { check = false })
  ok(note(notes, "SECTION.MISSING", "三", "申请人列顺序"), "t3-columns-swapped.txt: the order named")
end

print(string.format("%d cells compared", cells_compared))
os.exit(tally.finish())
