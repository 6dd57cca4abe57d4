-- Whole reports as CMS sites and Word publish them, in layouts the other tests do not cover
-- (44 web pages, 16 Word documents), each with its reference data file NAME.ref.lua: header
-- rows spanned in other ways, a table split at a page break (its header repeated or not), a
-- table in a layout table's cell, <th>, cells holding <p>/<span>/<font>/<br>/&nbsp;, units,
-- full-width digits, blank markers, the narrative in <div>s or one <pre>, page chrome, GBK
-- pages; in Word gridSpan/vMerge, tblHeader rows, numbers split into runs, text boxes,
-- heading styles, bold leads, cells of several paragraphs. layouts_check.lua imports them.
--   nianbao run tests/import/layouts_gen.lua OUTDIR   (needs iconv for the GBK pages)
local nb = require "nianbao"
local df = require "nianbao.datafile"
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local OUT = assert(arg[1], "usage: layouts_gen.lua OUTDIR")
os.execute("mkdir -p " .. OUT)
local S = nb.schema
local T3ROWS = S.requests.rows

local deepcopy = T.copy
local function rnd(a, b) return math.random(a, b) end

-- reference report; blanks: list of cells to write as blank markers
local function make_ref(seed)
  math.randomseed(seed)
  local r = { format = 2021, agency = "某市某区" .. ({ "财政局", "教育局", "卫生健康委员会", "司法局", "人民政府办公室" })[seed % 5 + 1],
    year = 2020 + seed % 5 }
  r.title = r.agency .. r.year .. "年政府信息公开工作年度报告"
  r.overview = {
    { heading = "主动公开", text = r.year .. "年，本机关主动公开政府信息" .. rnd(100, 900) .. "条，其中政策文件" .. rnd(1, 50) .. "件。" },
    { heading = "依申请公开", text = "全年共收到政府信息公开申请，均在法定期限内答复。" },
    { heading = "政府信息管理", text = "严格落实信息发布审核制度，动态调整主动公开目录。" },
    { heading = "政府信息公开平台建设", text = "持续优化政府网站信息公开专栏，及时更新栏目内容。" },
    { heading = "监督保障", text = "将政务公开纳入年度绩效考核，本年度未发生责任追究情况。" },
  }
  local function n() local x = rnd(0, 9) return x < 4 and 0 or rnd(0, 40) end
  r.proactive = { regulations = { issued = n(), repealed = n(), in_force = n() },
    normative_documents = { issued = n(), repealed = n(), in_force = n() },
    licensing = n() * 7, punishment = n() * 3, coercion = n(), fees = (seed % 3 == 0) and 12.5 or 0 }
  local q = {}
  local function row() local t, s = {}, 0 for i = 1, 6 do t[i] = n() s = s + t[i] end t[7] = s return t end
  for _, rw in ipairs(T3ROWS) do
    local g, m = rw.key:match("^(.-)%.(.+)$")
    if g then q[g] = q[g] or {} q[g][m] = row() elseif rw.key ~= "total" then q[rw.key] = row() end
  end
  local tot = { 0, 0, 0, 0, 0, 0, 0 }
  for _, rw in ipairs(T3ROWS) do
    local g, m = rw.key:match("^(.-)%.(.+)$")
    local v = g and q[g][m] or (rw.key ~= "new" and rw.key ~= "carried_over" and rw.key ~= "carried_forward" and rw.key ~= "total" and q[rw.key])
    if v then for i = 1, 7 do tot[i] = tot[i] + v[i] end end
  end
  q.total = tot
  r.requests = q
  local function grp() local t = { upheld = n(), corrected = n(), other = n(), pending = n() } t.total = t.upheld + t.corrected + t.other + t.pending return t end
  r.appeals = { review = grp(), litigation_direct = grp(), litigation_after_review = grp() }
  r.problems = "存在的主要问题：公开内容的全面性有待提高。"
  r.improvements = "改进情况：进一步规范公开流程，提升公开质量。"
  r.other_matters = "本年度未收取信息处理费。"
  return r
end

local t3get = T.t3_row

----------------------------------------------------------------------------------------
-- HTML
local FW = { ["0"] = "０", ["1"] = "１", ["2"] = "２", ["3"] = "３", ["4"] = "４", ["5"] = "５", ["6"] = "６", ["7"] = "７", ["8"] = "８", ["9"] = "９", ["."] = "．" }
local BLANKMARK = { "—", "/", "", "&nbsp;", "－" }

-- how a number cell is written; v may be set blank in ref (returns text, new ref value)
local function numtext(o, v, unit)
  if v == 0 and o.blanks and math.random() < 0.5 then
    local m = o.blanks[math.random(#o.blanks)]
    if m == "0" then return "0", 0 end
    if m == "无" then return "无", -1 end
    return m, nb.BLANK
  end
  local s = tostring(v)
  if o.fullwidth then s = s:gsub("[%d.]", FW) end
  if o.units and unit then s = s .. unit end
  return s, v
end

local function wrapcell(o, text)
  local w = o.cellwrap or "plain"
  if w == "p" then return "<p>" .. text .. "</p>"
  elseif w == "span" then return "<p style=\"text-align:center\"><span style=\"font-size:14px\"><font face=\"宋体\">" .. text .. "</font></span></p>"
  elseif w == "nbsp" then return "&nbsp;" .. text .. "&nbsp;"
  elseif w == "div" then return "<div align=\"center\">" .. text .. "</div>"
  end
  return text
end

local function cell(o, text, attrs, th)
  local tag = (th and o.th) and "th" or "td"
  return "<" .. tag .. (attrs and (" " .. attrs) or "") .. ">" .. wrapcell(o, text) .. "</" .. tag .. ">"
end

local function label(o, s)
  if o.brlabels and #s > 30 then
    local cut = utf8.offset(s, 8)
    return s:sub(1, cut - 1) .. "<br>" .. s:sub(cut)
  end
  return s
end

local function t2_html(o, r, ref)
  local p = r.proactive
  local h = { "<table border=\"1\" cellspacing=\"0\" style=\"width:600px;border-collapse:collapse\"><tbody>" }
  local function num(v, unit) local t, nv = numtext(o, v, unit) return t, nv end
  local function block(head, cols, rows)
    h[#h + 1] = "<tr>" .. cell(o, head, "colspan=\"4\"", true) .. "</tr>"
    local c = { cell(o, "信息内容", nil, true) }
    for i, col in ipairs(cols) do c[#c + 1] = cell(o, col, (#cols == 1) and "colspan=\"3\"" or nil, true) end
    h[#h + 1] = "<tr>" .. table.concat(c) .. "</tr>"
    for _, rw in ipairs(rows) do h[#h + 1] = "<tr>" .. rw .. "</tr>" end
  end
  local rows = {}
  for _, k in ipairs({ "regulations", "normative_documents" }) do
    local c = { cell(o, k == "regulations" and "规章" or "行政规范性文件") }
    for _, f in ipairs({ "issued", "repealed", "in_force" }) do
      local t, nv = num(p[k][f], "件") ref.proactive[k][f] = nv c[#c + 1] = cell(o, t)
    end
    rows[#rows + 1] = table.concat(c)
  end
  block("第二十条第（一）项", { "本年制发件数", "本年废止件数", "现行有效件数" }, rows)
  local function one(k, lab, unit)
    local t, nv = num(p[k], unit) ref.proactive[k] = nv
    return cell(o, lab) .. cell(o, t, "colspan=\"3\"")
  end
  block("第二十条第（五）项", { "本年处理决定数量" }, { one("licensing", "行政许可", "件") })
  block("第二十条第（六）项", { "本年处理决定数量" }, { one("punishment", "行政处罚", "件"), one("coercion", "行政强制", "件") })
  block("第二十条第（八）项", { "本年收费金额（单位：万元）" }, { one("fees", "行政事业性收费", "万元") })
  h[#h + 1] = "</tbody></table>"
  return table.concat(h, "\n")
end

-- table 三's header rows in several arrangements
local function t3_header(o)
  local cols = { "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" }
  local a = o.t3head or "official"
  local lc = o.t3labels == "flat" and 1 or 3
  if a == "official" then
    return "<tr>" .. cell(o, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "colspan=\"" .. lc .. "\" rowspan=\"3\"", true)
      .. cell(o, "申请人情况", "colspan=\"7\"", true) .. "</tr>"
      .. "<tr>" .. cell(o, "自然人", "rowspan=\"2\"", true) .. cell(o, "法人或其他组织", "colspan=\"5\"", true) .. cell(o, "总计", "rowspan=\"2\"", true) .. "</tr>"
      .. "<tr>" .. cell(o, "商业企业", nil, true) .. cell(o, "科研机构", nil, true) .. cell(o, "社会公益组织", nil, true) .. cell(o, "法律服务机构", nil, true) .. cell(o, "其他", nil, true) .. "</tr>"
  elseif a == "grid" then -- every grid cell written, no spans
    local e = string.rep(cell(o, "", nil, true), lc - 1)
    return "<tr>" .. cell(o, "", nil, true) .. e .. cell(o, "申请人情况", nil, true) .. string.rep(cell(o, "", nil, true), 6) .. "</tr>"
      .. "<tr>" .. cell(o, "", nil, true) .. e .. cell(o, "自然人", nil, true) .. cell(o, "法人或其他组织", nil, true) .. string.rep(cell(o, "", nil, true), 4) .. cell(o, "总计", nil, true) .. "</tr>"
      .. "<tr>" .. cell(o, "", nil, true) .. e .. cell(o, "", nil, true) .. cell(o, "商业企业", nil, true) .. cell(o, "科研机构", nil, true) .. cell(o, "社会公益组织", nil, true) .. cell(o, "法律服务机构", nil, true) .. cell(o, "其他", nil, true) .. cell(o, "", nil, true) .. "</tr>"
  elseif a == "two" then -- no 申请人情况 row
    return "<tr>" .. cell(o, "", "colspan=\"" .. lc .. "\" rowspan=\"2\"", true) .. cell(o, "自然人", "rowspan=\"2\"", true) .. cell(o, "法人或其他组织", "colspan=\"5\"", true) .. cell(o, "总计", "rowspan=\"2\"", true) .. "</tr>"
      .. "<tr>" .. cell(o, "商业企业", nil, true) .. cell(o, "科研机构", nil, true) .. cell(o, "社会公益组织", nil, true) .. cell(o, "法律服务机构", nil, true) .. cell(o, "其他", nil, true) .. "</tr>"
  elseif a == "one" then -- a single header row
    local c = { cell(o, "申请情况", lc > 1 and ("colspan=\"" .. lc .. "\"") or nil, true) }
    for _, x in ipairs(cols) do c[#c + 1] = cell(o, x, nil, true) end
    return "<tr>" .. table.concat(c) .. "</tr>"
  end
end

local function t3_html(o, r, ref)
  local rows = {}
  local lc = o.t3labels == "flat" and 1 or 3
  local GL = { withheld = "（三）不予公开", unavailable = "（四）无法提供", not_processed = "（五）不予处理", other = "（六）其他处理" }
  local GN = { withheld = 8, unavailable = 3, not_processed = 5, other = 3 }
  local seen = {}
  for i, rw in ipairs(T3ROWS) do
    local vals, rv = t3get(r, rw.key), t3get(ref, rw.key)
    local c = {}
    for k = 1, 7 do local t, nv = numtext(o, vals[k], "件") rv[k] = nv c[k] = cell(o, t) end
    local labs
    if lc == 1 then
      labs = ""
      if rw.group and not seen[rw.group] then
        seen[rw.group] = true
        rows[#rows + 1] = "<tr>" .. cell(o, GL[rw.group]) .. string.rep(cell(o, ""), o.flatgroupcells and 7 or 0) .. "</tr>"
        if not o.flatgroupcells then rows[#rows] = "<tr>" .. cell(o, GL[rw.group], "colspan=\"8\"") .. "</tr>" end
      end
      labs = cell(o, label(o, rw.label))
    else
      local first = ""
      if rw.key == "disclosed" then first = cell(o, "三、本年度办理结果", "rowspan=\"22\"") end
      if rw.key == "new" or rw.key == "carried_over" or rw.key == "carried_forward" then
        labs = cell(o, label(o, rw.label), "colspan=\"3\"")
      elseif rw.group then
        local g = ""
        if not seen[rw.group] then seen[rw.group] = true g = cell(o, GL[rw.group], "rowspan=\"" .. GN[rw.group] .. "\"") end
        labs = first .. g .. cell(o, label(o, rw.label))
      else
        labs = first .. cell(o, label(o, rw.label), "colspan=\"2\"")
      end
    end
    rows[#rows + 1] = "<tr>" .. labs .. table.concat(c) .. "</tr>"
  end
  local head = t3_header(o)
  local open = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">" .. (o.tbody and "<tbody>" or "")
  local close = (o.tbody and "</tbody>" or "") .. "</table>"
  if o.split then
    local at = (o.t3labels == "flat") and 12 or 10
    local a, b = {}, {}
    for i, x in ipairs(rows) do if i <= at then a[#a + 1] = x else b[#b + 1] = x end end
    if lc == 3 then b[1] = b[1] end
    return open .. head .. table.concat(a, "\n") .. close .. "\n<p style=\"page-break-before:always\">&nbsp;</p>\n"
      .. open .. (o.split == "repeat" and head or "") .. table.concat(b, "\n") .. close
  end
  return open .. (o.thead and "<thead>" .. head .. "</thead>" or head) .. table.concat(rows, "\n") .. close
end

local function t4_html(o, r, ref)
  local a = r.appeals
  local function v(txt) return o.vertical and (txt:gsub("([\xE4-\xE9][\x80-\xBF][\x80-\xBF])", "%1<br>"):gsub("<br>$", "")) or txt end
  local h = { "<table border=\"1\" cellspacing=\"0\">" }
  h[#h + 1] = "<tr>" .. cell(o, "行政复议", "colspan=\"5\"", true) .. cell(o, "行政诉讼", "colspan=\"10\"", true) .. "</tr>"
  h[#h + 1] = "<tr>" .. cell(o, v("结果维持"), "rowspan=\"2\"", true) .. cell(o, v("结果纠正"), "rowspan=\"2\"", true) .. cell(o, v("其他结果"), "rowspan=\"2\"", true)
    .. cell(o, v("尚未审结"), "rowspan=\"2\"", true) .. cell(o, v("总计"), "rowspan=\"2\"", true) .. cell(o, "未经复议直接起诉", "colspan=\"5\"", true) .. cell(o, "复议后起诉", "colspan=\"5\"", true) .. "</tr>"
  local c = {}
  for k = 1, 2 do for _, x in ipairs({ "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }) do c[#c + 1] = cell(o, v(x), nil, true) end end
  h[#h + 1] = "<tr>" .. table.concat(c) .. "</tr>"
  c = {}
  for _, g in ipairs({ "review", "litigation_direct", "litigation_after_review" }) do
    for _, f in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
      local t, nv = numtext(o, a[g][f], "件") ref.appeals[g][f] = nv c[#c + 1] = cell(o, t)
    end
  end
  h[#h + 1] = "<tr>" .. table.concat(c) .. "</tr></table>"
  return table.concat(h, "\n")
end

local NUMH = { "一", "二", "三", "四", "五", "六" }
local HEADS = { "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项" }

local function heading(o, i)
  local t = NUMH[i] .. "、" .. HEADS[i]
  local s = o.heading or "pstrong"
  if s == "pstrong" then return "<p style=\"text-indent:2em\"><strong>" .. t .. "</strong></p>"
  elseif s == "h3" then return "<h3>" .. t .. "</h3>"
  elseif s == "divb" then return "<div style=\"font-weight:bold;font-family:黑体\">" .. t .. "</div>"
  elseif s == "pspan" then return "<p class=\"MsoNormal\"><span style=\"font-family:黑体;font-size:16pt\">" .. t .. "</span></p>"
  elseif s == "font" then return "<p><font size=\"4\"><b>" .. t .. "</b></font></p>"
  end
end

local function para(o, t)
  local s = o.para or "p"
  if s == "p" then return "<p style=\"text-indent:2em;line-height:1.75\">" .. t .. "</p>"
  elseif s == "div" then return "<div>" .. t .. "</div>"
  elseif s == "pspan" then return "<p class=\"MsoNormal\" style=\"text-indent:32pt\"><span style=\"font-family:仿宋_GB2312\">" .. t .. "</span></p>"
  elseif s == "br" then return t .. "<br>"
  end
end

local SUBNUM = { "（一）", "（二）", "（三）", "（四）", "（五）" }
local function overview(o, r)
  local out = {}
  for i, s in ipairs(r.overview) do
    local num = o.sub == "arabic" and (i .. ".") or o.sub == "arabic2" and (i .. "、") or SUBNUM[i]
    if o.subinline == "strong" then
      out[#out + 1] = para(o, "<strong>" .. num .. s.heading .. "</strong>" .. s.text)
    elseif o.subinline == "colon" then
      out[#out + 1] = para(o, num .. s.heading .. "：" .. s.text)
    else
      out[#out + 1] = para(o, (o.subbold and ("<b>" .. num .. s.heading .. "</b>") or (num .. s.heading)))
      out[#out + 1] = para(o, s.text)
    end
  end
  return out
end

local function html_report(o, r)
  local ref = deepcopy(r)
  local b = {}
  local title = o.titlesplit and (r.agency .. "<br>" .. r.year .. "年政府信息公开工作年度报告") or r.title
  b[#b + 1] = o.titletag == "h1" and ("<h1 class=\"article-title\">" .. title .. "</h1>") or ("<p align=\"center\"><b>" .. title .. "</b></p>")
  if o.meta then b[#b + 1] = "<div class=\"info\">发布时间：" .. r.year + 1 .. "-01-20 来源：" .. r.agency .. " 浏览次数：123 【字体：大 中 小】</div>" end
  if o.pre then
    local t = { NUMH[1] .. "、" .. HEADS[1] }
    for i, s in ipairs(r.overview) do t[#t + 1] = "　　" .. SUBNUM[i] .. s.heading t[#t + 1] = "　　" .. s.text end
    b[#b + 1] = "<pre>" .. table.concat(t, "\n") .. "</pre>"
  else
    b[#b + 1] = heading(o, 1)
    for _, x in ipairs(overview(o, r)) do b[#b + 1] = x end
  end
  b[#b + 1] = heading(o, 2)
  b[#b + 1] = t2_html(o, r, ref)
  b[#b + 1] = heading(o, 3)
  b[#b + 1] = t3_html(o, r, ref)
  b[#b + 1] = heading(o, 4)
  b[#b + 1] = t4_html(o, r, ref)
  if o.pre then
    b[#b + 1] = "<pre>" .. table.concat({ NUMH[5] .. "、" .. HEADS[5], "　　" .. r.problems, "　　" .. r.improvements, NUMH[6] .. "、" .. HEADS[6], "　　" .. r.other_matters }, "\n") .. "</pre>"
  else
    b[#b + 1] = heading(o, 5)
    b[#b + 1] = para(o, r.problems)
    b[#b + 1] = para(o, r.improvements)
    b[#b + 1] = heading(o, 6)
    b[#b + 1] = para(o, r.other_matters)
  end
  local body = table.concat(b, "\n")
  if o.nest then
    body = "<table width=\"100%\"><tr><td>" .. body .. "</td></tr></table>"
  end
  local w = o.wrap or "plain"
  local charset = o.charset or "utf-8"
  local head = "<!DOCTYPE html><html><head>" .. (o.oldmeta and ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" .. charset .. "\">") or ("<meta charset=\"" .. charset .. "\">"))
    .. "<title>" .. r.title .. "_政府信息公开</title><style>.hide{display:none}</style></head><body>"
  local top, bottom = "", ""
  if w == "chrome" then
    top = "<div class=\"top-nav\"><a href=\"/\">首页</a> | <a>政务公开</a> | <a>互动交流</a> | <a>办事服务</a></div>"
      .. "<div class=\"position\">当前位置：<a>首页</a> &gt; <a>政府信息公开</a> &gt; <a>年度报告</a></div><div class=\"article\">"
    bottom = "</div><div class=\"share\">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div><div class=\"print\"><a>【打印本页】</a> <a>【关闭窗口】</a></div>"
      .. "<div class=\"foot\">主办单位：" .. r.agency .. " 网站标识码：1234000001 ICP备案号：京ICP备12345678号</div>"
  elseif w == "layout" then
    top = "<table width=\"1000\"><tr><td width=\"200\" valign=\"top\"><ul><li>机构职能</li><li>政策文件</li><li>年度报告</li></ul></td><td>"
    bottom = "</td></tr></table><p>版权所有：" .. r.agency .. "</p>"
  elseif w == "zoom" then
    top = "<div id=\"zoom\" class=\"TRS_Editor\"><div class=\"TRS_Editor\">"
    bottom = "</div></div><div class=\"bottom\">联系我们 | 网站地图</div>"
  end
  return head .. top .. body .. bottom .. "</body></html>", ref
end

----------------------------------------------------------------------------------------
-- Word
local W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
local function esc(s) return (s:gsub("&", "&amp;"):gsub("<", "&lt;")) end
local function wrun(o, t, bold)
  if o.splitruns and t:find("^%d%d+$") then
    local a, b2 = t:sub(1, 1), t:sub(2)
    return "<w:r><w:t>" .. a .. "</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:lang w:val=\"en-US\"/></w:rPr><w:t>" .. b2 .. "</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>"
  end
  return "<w:r>" .. (bold and "<w:rPr><w:b/></w:rPr>" or "") .. "<w:t xml:space=\"preserve\">" .. esc(t) .. "</w:t></w:r>"
end
local function wp(o, t, style, bold) return "<w:p>" .. (style and ("<w:pPr><w:pStyle w:val=\"" .. style .. "\"/></w:pPr>") or "") .. wrun(o, t, bold) .. "</w:p>" end
local function wtc(o, t, span, vm)
  local pr = ""
  if span or vm then pr = "<w:tcPr>" .. (span and ("<w:gridSpan w:val=\"" .. span .. "\"/>") or "") .. (vm and (vm == "restart" and "<w:vMerge w:val=\"restart\"/>" or "<w:vMerge/>") or "") .. "</w:tcPr>" end
  local body
  if o.multipara and t ~= "" and not t:find("^%d") and utf8.len(t) > 6 then
    local cut = utf8.offset(t, 5)
    body = "<w:p>" .. wrun(o, t:sub(1, cut - 1)) .. "</w:p><w:p>" .. wrun(o, t:sub(cut)) .. "</w:p>"
  else
    body = "<w:p>" .. (t ~= "" and wrun(o, t) or "") .. "</w:p>"
  end
  return "<w:tc>" .. pr .. body .. "</w:tc>"
end
local function wtr(cells, header) return "<w:tr>" .. (header and "<w:trPr><w:tblHeader/></w:trPr>" or "") .. table.concat(cells) .. "</w:tr>" end

local function docx_report(o, r)
  local ref = deepcopy(r)
  local b = {}
  local function H(i)
    local t = NUMH[i] .. "、" .. HEADS[i]
    if o.wheading == "style" then return wp(o, t, "Heading1") end
    if o.wheading == "numbered" then return "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>" .. wrun(o, t) .. "</w:p>" end
    return wp(o, t, nil, true)
  end
  local function P(t) return wp(o, t) end
  b[#b + 1] = wp(o, r.title, o.wheading == "style" and "Title" or nil, true)
  local ov = { H(1) }
  for i, s in ipairs(r.overview) do
    if o.wsubinline then
      ov[#ov + 1] = "<w:p>" .. wrun(o, SUBNUM[i] .. s.heading, true) .. wrun(o, s.text) .. "</w:p>"
    else
      ov[#ov + 1] = o.wheading == "style" and wp(o, SUBNUM[i] .. s.heading, "Heading2") or wp(o, SUBNUM[i] .. s.heading, nil, true)
      ov[#ov + 1] = P(s.text)
    end
  end
  if o.textbox then
    b[#b + 1] = "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>"
      .. table.concat(ov) .. "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
      .. table.concat(ov) .. "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
  else
    for _, x in ipairs(ov) do b[#b + 1] = x end
  end
  local function N(v, unit) local t, nv = numtext(o, v, unit) return t, nv end
  -- table 二
  b[#b + 1] = H(2)
  local p = r.proactive
  local rows = {}
  local function hdr(head, cols)
    rows[#rows + 1] = wtr({ wtc(o, head, 4) }, false)
    local c = { wtc(o, "信息内容") }
    if #cols == 1 then c[2] = wtc(o, cols[1], 3) else for _, x in ipairs(cols) do c[#c + 1] = wtc(o, x) end end
    rows[#rows + 1] = wtr(c)
  end
  hdr("第二十条第（一）项", { "本年制发件数", "本年废止件数", "现行有效件数" })
  for _, k in ipairs({ "regulations", "normative_documents" }) do
    local c = { wtc(o, k == "regulations" and "规章" or "行政规范性文件") }
    for _, f in ipairs({ "issued", "repealed", "in_force" }) do local t, nv = N(p[k][f]) ref.proactive[k][f] = nv c[#c + 1] = wtc(o, t) end
    rows[#rows + 1] = wtr(c)
  end
  local function one(k, lab) local t, nv = N(p[k]) ref.proactive[k] = nv rows[#rows + 1] = wtr({ wtc(o, lab), wtc(o, t, 3) }) end
  hdr("第二十条第（五）项", { "本年处理决定数量" }) one("licensing", "行政许可")
  hdr("第二十条第（六）项", { "本年处理决定数量" }) one("punishment", "行政处罚") one("coercion", "行政强制")
  hdr("第二十条第（八）项", { "本年收费金额（单位：万元）" }) one("fees", "行政事业性收费")
  b[#b + 1] = "<w:tbl>" .. table.concat(rows) .. "</w:tbl>"
  -- table 三: official layout with gridSpan/vMerge
  b[#b + 1] = H(3)
  rows = {}
  local th = o.tblheader
  rows[#rows + 1] = wtr({ wtc(o, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart"), wtc(o, "申请人情况", 7) }, th)
  rows[#rows + 1] = wtr({ wtc(o, "", 3, "cont"), wtc(o, "自然人", nil, "restart"), wtc(o, "法人或其他组织", 5), wtc(o, "总计", nil, "restart") }, th)
  rows[#rows + 1] = wtr({ wtc(o, "", 3, "cont"), wtc(o, "", nil, "cont"), wtc(o, "商业企业"), wtc(o, "科研机构"), wtc(o, "社会公益组织"), wtc(o, "法律服务机构"), wtc(o, "其他"), wtc(o, "", nil, "cont") }, th)
  local GL = { withheld = "（三）不予公开", unavailable = "（四）无法提供", not_processed = "（五）不予处理", other = "（六）其他处理" }
  local seen, first = {}, true
  local header_rows = { rows[1], rows[2], rows[3] }
  for i, rw in ipairs(T3ROWS) do
    local vals, rv = t3get(r, rw.key), t3get(ref, rw.key)
    local c = {}
    if rw.key == "new" or rw.key == "carried_over" or rw.key == "carried_forward" then
      c[1] = wtc(o, rw.label, 3)
    else
      c[1] = wtc(o, rw.key == "disclosed" and "三、本年度办理结果" or "", nil, rw.key == "disclosed" and "restart" or "cont")
      if rw.group then
        c[2] = wtc(o, not seen[rw.group] and GL[rw.group] or "", nil, not seen[rw.group] and "restart" or "cont")
        seen[rw.group] = true
        c[3] = wtc(o, rw.label)
      else
        c[2] = wtc(o, rw.label, 2)
      end
    end
    for k = 1, 7 do local t, nv = N(vals[k]) rv[k] = nv c[#c + 1] = wtc(o, t) end
    rows[#rows + 1] = wtr(c)
    if o.wsplit and i == 12 then
      b[#b + 1] = "<w:tbl>" .. table.concat(rows) .. "</w:tbl>" .. "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
      rows = { header_rows[1], header_rows[2], header_rows[3] }
    end
  end
  b[#b + 1] = "<w:tbl>" .. table.concat(rows) .. "</w:tbl>"
  -- table 四
  b[#b + 1] = H(4)
  rows = {}
  rows[#rows + 1] = wtr({ wtc(o, "行政复议", 5), wtc(o, "行政诉讼", 10) }, th)
  local c = {}
  for _, x in ipairs({ "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }) do c[#c + 1] = wtc(o, x, nil, "restart") end
  c[#c + 1] = wtc(o, "未经复议直接起诉", 5) c[#c + 1] = wtc(o, "复议后起诉", 5)
  rows[#rows + 1] = wtr(c, th)
  c = {}
  for k = 1, 5 do c[#c + 1] = wtc(o, "", nil, "cont") end
  for k = 1, 2 do for _, x in ipairs({ "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }) do c[#c + 1] = wtc(o, x) end end
  rows[#rows + 1] = wtr(c, th)
  c = {}
  for _, g in ipairs({ "review", "litigation_direct", "litigation_after_review" }) do
    for _, f in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
      local t, nv = N(r.appeals[g][f]) ref.appeals[g][f] = nv c[#c + 1] = wtc(o, t)
    end
  end
  rows[#rows + 1] = wtr(c)
  b[#b + 1] = "<w:tbl>" .. table.concat(rows) .. "</w:tbl>"
  b[#b + 1] = H(5) b[#b + 1] = P(r.problems) b[#b + 1] = P(r.improvements)
  b[#b + 1] = H(6) b[#b + 1] = P(r.other_matters)
  local doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' .. W .. "><w:body>" .. table.concat(b) .. "</w:body></w:document>"
  local styles = '<?xml version="1.0" encoding="UTF-8"?><w:styles ' .. W .. '><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>'
    .. '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>'
  local entries = { { name = "[Content_Types].xml", data = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name = "word/document.xml", data = doc }, { name = "word/styles.xml", data = styles } }
  return nb.zip(entries), ref
end

----------------------------------------------------------------------------------------
local HV = {
  { name = "h01-pstrong-plain" },
  { name = "h02-h3-chrome", heading = "h3", wrap = "chrome" },
  { name = "h03-divb-div", heading = "divb", para = "div" },
  { name = "h04-pre", pre = true, wrap = "zoom" },
  { name = "h05-th-thead", th = true, thead = true, tbody = true },
  { name = "h06-cell-p", cellwrap = "p" },
  { name = "h07-cell-span-font", cellwrap = "span", heading = "pspan", para = "pspan" },
  { name = "h08-cell-nbsp", cellwrap = "nbsp" },
  { name = "h09-fullwidth", fullwidth = true },
  { name = "h10-units", units = true },
  { name = "h11-blanks-dash", blanks = { "—", "/" } },
  { name = "h12-blanks-empty", blanks = { "", "&nbsp;" } },
  { name = "h13-blanks-wu", blanks = { "无" } },
  { name = "h14-blanks-zero", blanks = { "0" } },
  { name = "h15-t3-grid", t3head = "grid" },
  { name = "h16-t3-two", t3head = "two" },
  { name = "h17-t3-one", t3head = "one" },
  { name = "h18-t3-flat", t3labels = "flat" },
  { name = "h19-t3-flat-groupcells", t3labels = "flat", flatgroupcells = true },
  { name = "h20-split-repeat", split = "repeat" },
  { name = "h21-split-norepeat", split = "plain" },
  { name = "h22-nested", nest = true },
  { name = "h23-layout", wrap = "layout" },
  { name = "h24-gbk", charset = "gbk", iconv = "GBK" },
  { name = "h25-gb2312-old", charset = "gb2312", oldmeta = true, iconv = "GB2312" },
  { name = "h26-sub-arabic", sub = "arabic" },
  { name = "h27-sub-arabic2", sub = "arabic2", subbold = true },
  { name = "h28-sub-strong-inline", subinline = "strong" },
  { name = "h29-sub-colon", subinline = "colon" },
  { name = "h30-vertical-t4", vertical = true },
  { name = "h31-brlabels", brlabels = true },
  { name = "h32-font-heading", heading = "font", para = "br" },
  { name = "h33-chrome-meta-h1", wrap = "chrome", meta = true, titletag = "h1" },
  { name = "h34-titlesplit", titlesplit = true },
  { name = "h35-th-split-units", th = true, split = "repeat", units = true },
  { name = "h36-fw-span-flat", fullwidth = true, cellwrap = "span", t3labels = "flat" },
  { name = "h37-gbk-chrome-dash", charset = "gb2312", iconv = "GBK", wrap = "chrome", blanks = { "—", "0" } },
  { name = "h38-grid-th-div", t3head = "grid", th = true, cellwrap = "div" },
  { name = "h39-nested-split", nest = true, split = "repeat" },
  { name = "h40-layout-pre-blanks", wrap = "layout", pre = true, blanks = { "", "/" } },
  { name = "h41-one-units-fw", t3head = "one", units = true, fullwidth = true },
  { name = "h42-two-flat-strong", t3head = "two", t3labels = "flat", subinline = "strong" },
  { name = "h43-zoom-brlabels-vertical", wrap = "zoom", brlabels = true, vertical = true, th = true },
  { name = "h44-split-flat", split = "repeat", t3labels = "flat" },
}
local DV = {
  { name = "d01-bold" },
  { name = "d02-styles", wheading = "style" },
  { name = "d03-tblheader", tblheader = true },
  { name = "d04-splitruns", splitruns = true },
  { name = "d05-textbox", textbox = true },
  { name = "d06-multipara", multipara = true },
  { name = "d07-split-table", wsplit = true, tblheader = true },
  { name = "d08-subinline", wsubinline = true },
  { name = "d09-blanks", blanks = { "—", "", "/" } },
  { name = "d10-fullwidth", fullwidth = true },
  { name = "d11-units", units = true },
  { name = "d12-wu", blanks = { "无" } },
  { name = "d13-styles-multipara-split", wheading = "style", multipara = true, wsplit = true },
  { name = "d14-splitruns-fw-textbox", splitruns = true, textbox = true },
  { name = "d15-heading2", wheading = "numbered", tblheader = true },
  { name = "d16-zero-blanks-runs", blanks = { "0", "—" }, splitruns = true },
}
local function write(path, s) local f = assert(io.open(path, "wb")) f:write(s) f:close() end
for i, o in ipairs(HV) do
  local r = make_ref(i * 7 + 1)
  local page, ref = html_report(o, r)
  write(OUT .. "/" .. o.name .. ".html", page)
  write(OUT .. "/" .. o.name .. ".ref.lua", df.serialize(ref))
  if o.iconv then os.execute("iconv -f UTF-8 -t " .. o.iconv .. " " .. OUT .. "/" .. o.name .. ".html > " .. OUT .. "/x.tmp && mv " .. OUT .. "/x.tmp " .. OUT .. "/" .. o.name .. ".html") end
end
for i, o in ipairs(DV) do
  local r = make_ref(i * 11 + 3)
  local bytes, ref = docx_report(o, r)
  write(OUT .. "/" .. o.name .. ".docx", bytes)
  write(OUT .. "/" .. o.name .. ".ref.lua", df.serialize(ref))
end
print(#HV .. " html, " .. #DV .. " docx")
