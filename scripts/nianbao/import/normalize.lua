-- Normalising published text for comparison with the schema's labels: full-width forms
-- (NFKC), spaces inside labels, numbering written "1、" / "1．" / "1. ", and traditional
-- characters from mirror sites. Only the comparison keys are normalised; the narrative is
-- kept as published.
local nb = require "nianbao"
local text = require "nianbao.text"

local M = {}

-- Traditional -> simplified, for the characters of the official labels and headings and
-- the words around them (pairs: traditional then simplified). A character that is also
-- in everyday simplified use (覆, as in 覆盖) must not be listed: it would mark a simplified
-- text as traditional.
local PAIRS = "總总體体況况動动開开務务規规廢废現现許许處处罰罚強强費费額额單单萬万條条項项" ..
  "請请數数與与關关係系繫系為为於于業业構构會会組组織织機机計计結结轉转辦办區区這这屬属國国" ..
  "穩稳護护權权類类內内過过執执詢询無无沒没補补後后確确訪访舉举報报訴诉複复復复當当認认獲获" ..
  "繳缴納纳續续議议審审維维糾纠題题問问進进實实際际製制發发決决點点準准從从應应檢检狀状經经" ..
  "號号劃划頒颁佈布個个們们來来對对據据統统專专門门網网線线設设導导責责歸归傳传樣样兩两產产" ..
  "長长間间電电頁页須须頭头風风黨党書书觀观見见說说讀读證证識识變变讓让資资質质購购邊边運运" ..
  "選选還还鄉乡鎮镇縣县級级紀纪約约細细給给絡络綫线編编緊紧練练績绩聯联聲声職职聽听興兴舊旧" ..
  "藝艺視视親亲覽览訂订討讨記记詳详誠诚誤误調调論论諮咨講讲譯译貨货載载輔辅輸输轄辖農农週周" ..
  "達达違违適适遺遗郵邮醫医釋释針针錄录鍵键鏈链閱阅陳陈險险隨随隱隐雜杂離离難难響响順顺預预" ..
  "領领頻频顯显驗验鬥斗齊齐億亿錢钱徵征區区災灾貧贫濟济標标範范築筑環环態态衛卫術术團团圍围" ..
  "園园場场壞坏聞闻廣广慶庆廳厅縮缩執执勞劳動动彙汇匯汇衝冲絕绝穩稳參参異异簡简歷历繼继" ..
  -- characters of agency names (check and summary compare agencies by this key)
  "綜综廠厂稅税監监獄狱僑侨臺台灣湾氣气測测勢势圖图館馆藥药貿贸遊游畫画資资鐵铁橋桥鹽盐漁渔" ..
  "獸兽藝艺護护檔档織织彈弹寧宁蘇苏遼辽陝陕貴贵東东龍龙"

-- every character of PAIRS is three bytes long (tests/import checks each pair), so the pairs
-- are read by one pattern: a decode and a new string per code point cost a check more
M.TRAD_PAIRS = PAIRS -- for the tests
local TRAD = {}
for t, simple in PAIRS:gmatch("([\xE0-\xEF][\x80-\xBF][\x80-\xBF])([\xE0-\xEF][\x80-\xBF][\x80-\xBF])") do
  TRAD[t] = simple
end

--- Traditional characters mapped to simplified ones (text must be valid UTF-8).
function M.simplify(s)
  return (s:gsub("[\xE4-\xE9][\x80-\xBF][\x80-\xBF]", TRAD))
end

--- Whether the text has characters found only in traditional writing (of our map).
function M.has_traditional(s)
  for ch in s:gmatch("[\xE4-\xE9][\x80-\xBF][\x80-\xBF]") do
    if TRAD[ch] and TRAD[ch] ~= ch then return true end
  end
  return false
end

--- Trim spaces, including no-break and ideographic spaces, at both ends.
function M.trim(s)
  -- no-break (C2 A0) and ideographic (E3 80 80) spaces are removed as whole sequences: a
  -- byte class [\194\160] would also cut the last byte of 无 (E6 97 A0) or 章 (E7 AB A0)
  -- both ends by plain scans: a pattern per space ("[%s]+$", or one gsub per leading
  -- no-break space) was quadratic on a long run of them
  local b, e = 1, #s
  while b <= e do
    local c = s:byte(b)
    if c == 32 or (c >= 9 and c <= 13) then b = b + 1
    elseif c == 194 and s:byte(b + 1) == 160 then b = b + 2
    elseif c == 227 and s:byte(b + 1) == 128 and s:byte(b + 2) == 128 then b = b + 3
    else break end
  end
  while e >= b do
    local c = s:byte(e)
    if c == 32 or (c >= 9 and c <= 13) then e = e - 1
    elseif c == 160 and s:byte(e - 1) == 194 and e - 1 >= b then e = e - 2
    elseif c == 128 and s:byte(e - 1) == 128 and s:byte(e - 2) == 227 and e - 2 >= b then e = e - 3
    else break end
  end
  return s:sub(b, e)
end

--- The comparison key of a label or cell: NFKC, simplified, no spaces, "1、" as "1.",
--- Chinese commas and colons as ASCII ones (NFKC leaves some of them).
function M.key(s)
  local k = nb.nfkc(s) or s
  k = M.simplify(k)
  k = k:gsub("%s", ""):gsub("\194\160", ""):gsub("\227\128\128", "")
  k = k:gsub("^(%d+)、", "%1."):gsub("^(%d+)%.", "%1.")
  k = k:gsub("，", ","):gsub("：", ":"):gsub("；", ";")
  return k
end

local BLANKS = {} -- the texts that stand for a blank cell (host/schema.c; nb._blanks is
for _, b in ipairs(nb._blanks) do BLANKS[b] = true end -- nb.schema.blanks without building nb.schema)

--- A cell's value from its key: a number, nb.BLANK for a placeholder or empty cell, or nil
--- when the cell holds text.
function M.value(k)
  if BLANKS[k] then return nb.BLANK end
  -- the minus sign (U+2212, which NFKC keeps) before a number is a minus
  if k:find("^\226\136\146%d") then k = "-" .. k:sub(4) end
  -- thousands separators, in a count or in an amount with decimals ("5,125.11" 万元)
  local plain = k
  local int, frac = k:match("^(%d%d?%d?,[%d,]+)(%.?%d*)$")
  if int and (frac == "" or frac:match("^%.%d+$")) and (int:gsub("^%d+", "")):gsub(",%d%d%d", "") == "" then
    plain = int:gsub(",", "") .. frac
  end
  if plain:match("^[+-]?%d+$") and #plain <= 15 then return math.tointeger(tonumber(plain)) end
  if plain:match("^%d+%.%d+$") and #plain <= 20 then return tonumber(plain) end
  return nil
end

-- Units a published cell may write after its number ("1025.14万元", "12件"), longest first
-- (万元 before 元): recognised so that a table reader takes the number when the unit is its
-- column's and names the cell when it is not. Other words after a number stay text.
M.CELL_UNITS = { "亿元", "万元", "千元", "元", "件", "个", "条", "项", "次" }
-- the units that mean "so many" in the count columns of tables 二/三/四 (documents,
-- decisions, applications, cases); the amount column of table 二 is in 万元
M.COUNT_UNITS = { ["件"] = true, ["个"] = true, ["条"] = true, ["项"] = true, ["次"] = true }
M.AMOUNT_UNIT = "万元"

--- A cell's value from its key, a unit written after the number allowed: value, unit (nil
--- when none was written). The number is read as written: "5万元" is 5, never converted.
function M.cell(k)
  local v = M.value(k)
  if v ~= nil then return v end
  for _, u in ipairs(M.CELL_UNITS) do
    if #k > #u and k:sub(-#u) == u then
      local n = M.value(k:sub(1, -#u - 1))
      if type(n) == "number" then return n, u end
      return nil
    end
  end
  return nil
end

--- Whether s is a Chinese numeral of 一…十 characters (nianbao.text).
M.is_numeral = text.is_numeral

--- Whether a key starts with a numbering mark: "1.", "(一)", "一、".
function M.numbered(k)
  if k:match("^%d+%.") then return true end
  local inner = k:match("^%((.-)%)")
  if inner and M.is_numeral(inner) then return true end
  local lead = k:match("^(.-)、")
  return lead ~= nil and M.is_numeral(lead)
end

--- The first n characters of s from byte position from (default 1, a character start); a
--- byte count would cut a character in two. Costs O(n), not O(#s).
function M.head(s, n, from)
  from = from or 1
  local stop = utf8.offset(s, n + 1, from)
  return s:sub(from, (stop or #s + 1) - 1)
end

--- An index of a list, built once per list (cached while the list lives): key_of(item)
--- gives an item's key or nil; the index maps each key to the ascending positions of its
--- items. Lets a large list be searched by key instead of scanned once per question.
local indexes = setmetatable({}, { __mode = "k" })
function M.index(list, key_of)
  indexes[list] = indexes[list] or {}
  local index = indexes[list][key_of]
  if not index then
    index = {}
    for i, item in ipairs(list) do
      local k = key_of(item)
      if k ~= nil then
        index[k] = index[k] or {}
        table.insert(index[k], i)
      end
    end
    indexes[list][key_of] = index
  end
  return index
end

-- A bold run that opens a paragraph and is a numbered heading ("（一）主动公开" in bold, then
-- "2024年…"): the page shows it as the heading of the text after it, which runs on with no
-- punctuation between them (with punctuation the text front end splits them already).
-- Used by the HTML (<strong>) and Word (w:b) front ends.
local HEADING_LEAD_MAX = 60 -- bytes: a heading, not a bold sentence
local CN_NUMERAL = {}
for _, c in ipairs({ "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" }) do CN_NUMERAL[c] = true end
local LEAD_PUNCT = { "：", "；", "。", "，", "、", "．", "（", "(" }

--- Whether the bold lead t (trimmed) of a paragraph is a numbered heading ("（一）…", "一、…")
--- set apart from the text after it (trimmed; when given: not empty, not opening with punctuation).
function M.heading_lead(t, after)
  if #t > HEADING_LEAD_MAX then return false end
  local numeral, words = t:match("^（(.-)）(.*)$")
  if not numeral then numeral, words = t:match("^(.-)、(.*)$") end
  if not numeral or numeral == "" then return false end
  -- the number alone in bold ("<strong>（一）</strong>主动公开"): the heading's words follow it
  if M.trim(words) == "" then return false end
  for _, cp in utf8.codes(numeral) do
    if not CN_NUMERAL[utf8.char(cp)] then return false end
  end
  if after == nil then return true end
  if after == "" or after:find("^%p") then return false end
  for _, p in ipairs(LEAD_PUNCT) do
    if after:sub(1, #p) == p then return false end
  end
  return true
end

--- Number of characters of a UTF-8 string (bytes when it is not valid UTF-8).
function M.len(s) return utf8.len(s) or #s end

return M
