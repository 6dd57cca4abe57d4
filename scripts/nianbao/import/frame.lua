-- What stands around the six sections of a published report: the web page's chrome (来源,
-- 时间, 原文链接, 字号, 打印本页) and PDF page footers, dropped and counted; the signature
-- (落款 and 成文日期) at the end; the date written as GB/T 9704 writes it.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"

local M = {}

-- page chrome starts with one of these words (after brackets); the line is short
local CHROME = { "来源:", "信息来源:", "文章来源:", "时间:", "发布时间:", "发布日期:", "发文日期:",
  "原文链接", "字号", "打印本页", "打印此页", "关闭窗口", "关闭本页", "浏览次数", "访问量", "分享到",
  "【打印", "[打印", "【关闭", "[关闭", "【字号", "[字号", "【收藏", "[收藏",
  -- the breadcrumb above the report and the site's footer below it (a portal's page copied
  -- or saved whole): after 六 they ran into its text
  "当前位置:", "您当前的位置:", "您的位置:", "您现在的位置:", "所在位置:", "当前位置>",
  "主办单位:", "主办:", "承办单位:", "承办:", "版权所有", "网站标识码", "网站地图", "技术支持:", "Copyright", "©" }
-- a site's registration numbers, anywhere in a short line ("皖ICP备…号", "皖公网安备…号")
local REGISTRATIONS = { "ICP备", "公网安备" }
-- and the marks of its footer's links and code ("联系我们 | 网站地图", "网站标识码：…"), which a
-- report's sentence may name too ("优化了网站地图和栏目设置。"): only in a line set apart
-- like a footer's (by bars or wide spaces) that has no mark of a sentence
local FOOTER_MARKS = { "网站标识码", "网站地图" }
for _, w in ipairs(FOOTER_MARKS) do FOOTER_MARKS[w] = true end
local FOOTER_SEPARATORS = { "|", "｜", "  ", "\227\128\128", "\194\160", "\t" }
local SENTENCE_MARKS = { "，", "。", "；", "、", ",", ";" }
local has_any = nb.has_any
-- a portal's footer often sets its parts on one line (主办, 承办, 网站标识码, ICP备, 公网安备):
-- wider than a line of chrome, still far narrower than a paragraph that would name them
local FOOTER_MAX_WIDTH = 200

--- Whether a line is web-page chrome around the report ("【字号：大 中 小】", "来源：某局").
function M.is_chrome(t)
  -- only the first characters decide (a whole long paragraph is never keyed: import reads
  -- megabytes of lines)
  local k = norm.key(norm.head(t, 12))
  if k:sub(1, #"原文链接") == "原文链接" then return true end -- a long address follows
  if #t > 4 * FOOTER_MAX_WIDTH then return false end
  local width = nb.width(t)
  if width > FOOTER_MAX_WIDTH then return false end
  if has_any(t, REGISTRATIONS) then return true end
  -- (a numbered line is a heading of the report: "（三）优化网站地图  提升检索")
  if has_any(t, FOOTER_MARKS) and has_any(t, FOOTER_SEPARATORS) and not has_any(t, SENTENCE_MARKS)
      and not norm.numbered(k) then
    return true
  end
  if #t > 320 or width > 80 then return false end
  for _, w in ipairs(CHROME) do
    if k:sub(1, #w) == w then
      -- (a line of a sentence cut by a PDF may start with 网站地图 too)
      return not (FOOTER_MARKS[w] and has_any(t, SENTENCE_MARKS))
    end
  end
  return false
end

--- Whether a line is a page footer of a PDF: "-3-", "— 3 —", "第3页", "第3页共5页".
function M.is_footer(t)
  if #t > 40 or not t:find("%d") then return false end
  local k = norm.key(t)
  -- dashes are several bytes: strip them from both ends and look at what is left
  -- on both ends: "-52" alone on its line is a signed cell (本年增/减), not a page number
  local inner, left, right = k, false, false
  for _, d in ipairs({ "-", "—", "–", "－", "―", "‒" }) do
    while inner:sub(1, #d) == d do inner, left = inner:sub(#d + 1), true end
    while #inner >= #d and inner:sub(-#d) == d do inner, right = inner:sub(1, -#d - 1), true end
  end
  if left and right and inner:match("^%d+$") and #inner <= 3 then return true end
  return k:match("^第%d+页$") ~= nil or k:match("^第%d+页,?共%d+页$") ~= nil

end

local CN_DIGITS = { ["〇"] = 0, ["○"] = 0, ["零"] = 0, ["Ｏ"] = 0, ["O"] = 0, ["一"] = 1, ["二"] = 2,
  ["三"] = 3, ["四"] = 4, ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9 }

-- "二〇二五" -> 2025 (digit by digit); "二十一" -> 21, "十二" -> 12 (with 十)
local function cn_number(s, positional)
  local value, digits, ten = 0, 0, false
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    if ch == "十" and not positional then
      value = (value == 0 and 1 or value) * 10
      ten = true
    elseif CN_DIGITS[ch] then
      if positional then value = value * 10 + CN_DIGITS[ch] else value = value + CN_DIGITS[ch] end
      digits = digits + 1
    else
      return nil
    end
  end
  if digits == 0 and not ten then return nil end
  return value
end

-- a sentence mark anywhere in t (plain finds: a byte class would match parts of characters)
local function has_punct(t)
  for _, m in ipairs({ "。", "，", "；", "：", ":", ",", ";" }) do
    if t:find(m, 1, true) then return true end
  end
  return false
end

local DAYS = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

--- A date as GB/T 9704 writes it ("2025年1月20日": Arabic digits, no zero padding), from
--- "2025年01月20日", "2025 年 1 月 20 日", full-width digits or "二〇二五年一月二十日";
--- nil when s is no date.
function M.date(s)
  if #s > 80 then return nil end -- a date is short: a paragraph is not keyed whole
  local k = norm.key(s)
  local y, m, d = k:match("^(%d%d%d%d)年(%d%d?)月(%d%d?)日$")
  if y then
    y, m, d = tonumber(y), tonumber(m), tonumber(d)
  else
    local cy, cm, cd = k:match("^(.-)年(.-)月(.-)日$")
    if not cy then return nil end
    y, m, d = cn_number(cy, true), cn_number(cm), cn_number(cd)
  end
  if not (y and m and d) or y < 1000 or m < 1 or m > 12 or d < 1 or d > DAYS[m] then return nil end
  if m == 2 and d == 29 and not ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then return nil end
  return string.format("%d年%d月%d日", y, m, d)
end

--- The signature at the end of a list of paragraphs: { agency =, date = } and how many
--- paragraphs it took from the end (1 or 2), or nil. The date is the last paragraph (or
--- the end of it, after the agency's name); the agency a short line without punctuation.
function M.signature(paras)
  local n = #paras
  if n == 0 then return nil end
  local last = norm.trim(paras[n])
  local date = M.date(last)
  if date then
    local prev = n > 1 and norm.trim(paras[n - 1]) or nil
    if prev and nb.width(prev) <= 60 and not has_punct(prev) then
      return { agency = prev, date = date }, 2
    end
    return { agency = "", date = date }, 1
  end
  -- "某某县商务局    2025年1月20日" on one line
  local agency, tail = last:match("^(.-)%s+(%S+)$")
  date = tail and M.date(tail)
  if date and nb.width(agency) <= 60 and not has_punct(agency) then
    return { agency = norm.trim(agency), date = date }, 1
  end
end

--- The first characters of a paragraph, for a message.
function M.head(t)
  local h = norm.trim(norm.head(t, 40))
  local cut = norm.head(h, 30)
  return cut .. (#cut < #h and "…" or "")
end

return M
