-- TEXT.PERIOD: a stated reporting period ("统计期限自2024年1月1日至2024年12月31日") runs from
-- 1月1日 to 12月31日 of the report year (in the preamble or the narrative), and the year in the title is the report year.
-- Dates in Chinese numerals ("二〇二三年一月一日至十二月三十一日") are read too.
local R = require "nianbao.rules"

local DATE = "(%d%d%d%d)年(%d%d?)月(%d%d?)日"
-- the same with dots or slashes ("2024.1.1-2024.12.31", "2024/1/1至2024/12/31"): the end
-- is read in the form of the start
local DATE_DOTS = "(%d%d%d%d)([./])(%d%d?)%2(%d%d?)"
local DATE_AT, DATE_DOTS_AT = "^" .. DATE .. "()", "^" .. DATE_DOTS .. "()"

-- The first date of s, as s:match(DATE .. "()") finds it, and the first date with dots or
-- slashes, as s:match(DATE_DOTS .. "()"). Both are tried only where the 年, dot or slash
-- that must follow the year is: a pattern that opens with a capture, tried at every byte of
-- a long sentence, costs some 100 instructions a byte (50 K for one of 500 characters).
local function first_date(s)
  local from = 1
  while true do
    local at = s:find("年", from, true)
    if not at then return nil end
    if at > 4 then
      local y, m, d, e = s:match(DATE_AT, at - 4)
      if y then return y, m, d, e end
    end
    from = at + 3
  end
end
local function first_date_dots(s)
  local dot, slash = s:find(".", 1, true), s:find("/", 1, true)
  while dot or slash do
    local at = (dot and slash) and math.min(dot, slash) or dot or slash
    if at > 4 then
      local y, sep, m, d, e = s:match(DATE_DOTS_AT, at - 4)
      if y then return y, sep, m, d, e end
    end
    if at == dot then dot = s:find(".", at + 1, true) else slash = s:find("/", at + 1, true) end
  end
end
local PERIOD_WORDS = { "统计", "期限", "时限", "报告期", "期间" }
-- words that make a date range the report's period; with only the words above ("2024年9月1日
-- 至2024年9月30日期间开展统计法治宣传月活动") a range is read as the period only when it runs
-- from a 1月1日 or to a 12月31日
local REPORT_PERIOD = { "统计期限", "统计时限", "统计期间", "统计时间", "统计区间", "统计周期", "数据统计",
  "统计数据", "数据时限", "数据期限", "年报数据", "报告期", "所列数据", "本报告", "本年报" }
local SEPS = { "至", "到", "——", "—", "–", "-", "~" }

-- Month and day in Chinese numerals ("2023年一月一日至十二月三十一日": the normalized text
-- has the year in digits already) in digits, for the patterns above: a run of 〇 零 一…十
-- before 月 (1 to 12) or 日 (1 to 31), rewritten by nianbao.text's rewrite_runs.
local MD_CHARS = { ["〇"] = true, ["零"] = true, ["一"] = true, ["二"] = true, ["三"] = true, ["四"] = true,
  ["五"] = true, ["六"] = true, ["七"] = true, ["八"] = true, ["九"] = true, ["十"] = true }
local MD_MAX = { ["月"] = 12, ["日"] = 31 }
local rewrite_runs = require("nianbao.text").rewrite_runs
-- a Chinese month or day ends with one of these: most sentences have none and are not walked
-- (each character of MD_CHARS before 月 and 日, written out: made by concatenation at every
-- start, they cost some 10 K instructions a run)
local MD_ENDS = { "〇月", "〇日", "零月", "零日", "一月", "一日", "二月", "二日", "三月", "三日", "四月", "四日",
  "五月", "五日", "六月", "六日", "七月", "七日", "八月", "八日", "九月", "九日", "十月", "十日" }
-- 元月 is 一月 (January, "二〇二三年元月一日"): read after 年 or a range's 至/到 only, so that
-- the 元 of an amount ("100元月均") is never taken for a month
local FIRST_MONTH = { "年元月", "至元月", "到元月" }
local function month_day_digits(s)
  if s:find("元月", 1, true) then
    for _, m in ipairs(FIRST_MONTH) do s = s:gsub(m, (m:gsub("元月$", "1月"))) end
  end
  if not R.has(s, MD_ENDS) then return s end
  return rewrite_runs(s, MD_CHARS, function(run, next_ch)
    local n = MD_MAX[next_ch] and R.cn_int(table.concat(run))
    if n and n >= 1 and n <= MD_MAX[next_ch] then return tostring(n) end
  end)
end

return {
  id = "TEXT.PERIOD",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "叙述中的统计期限为报告年度1月1日至12月31日，标题年份与报告年度一致",
  check = function(report, ctx)
    local year = report.year
    if math.type(year) ~= "integer" then return end
    local title_year = tonumber(R.normalize(report.title or ""):match("(%d%d%d%d)年"))
    if title_year and title_year ~= year then
      ctx:add{ section = "一", label = "标题", expected = year, found = title_year,
               message = string.format("标题中的年份为%d年，报告年度为%d年", title_year, year) }
    end
    local want = string.format("%d年1月1日至%d年12月31日", year, year)
    local function period(sentence, part)
      if R.has(sentence, PERIOD_WORDS) then
        sentence = month_day_digits(sentence)
        local y1, m1, d1, rest = first_date(sentence)
        local dots -- the separator of a start written "2024.1.1"
        if not y1 then
          local y, sep, m, d, e = first_date_dots(sentence)
          -- a year-month-day of numbers, not a version or a decimal ("2024.12" alone)
          if y and tonumber(m) <= 12 and tonumber(d) <= 31 then y1, m1, d1, rest, dots = y, m, d, e, sep end
        end
        if y1 then
          local tail = sentence:sub(rest):gsub("^起", "")
          local y2, m2, d2
          for _, sep in ipairs(SEPS) do
            if not y2 and tail:sub(1, #sep) == sep then
              local after = tail:sub(#sep + 1)
              if dots then
                y2, m2, d2 = after:match("^(%d%d%d%d)%" .. dots .. "(%d%d?)%" .. dots .. "(%d%d?)")
              else
                y2, m2, d2 = after:match("^" .. DATE)
              end
              -- "2023年1月1日至12月31日": the end in the same year, or in the next when it
              -- comes before the start ("2023年12月1日至11月30日")
              if not y2 then
                if dots then
                  m2, d2 = after:match("^(%d%d?)%" .. dots .. "(%d%d?)")
                else
                  m2, d2 = after:match("^(%d%d?)月(%d%d?)日")
                end
                if m2 then
                  local earlier = tonumber(m2) * 100 + tonumber(d2) < tonumber(m1) * 100 + tonumber(d1)
                  y2 = earlier and tostring(tonumber(y1) + 1) or y1
                end
              end
            end
          end
          local whole_year = (tonumber(m1) == 1 and tonumber(d1) == 1) or (m2 and tonumber(m2) == 12 and tonumber(d2) == 31)
          if y2 and (whole_year or R.has(sentence, REPORT_PERIOD)) then
            local found = string.format("%s年%d月%d日至%s年%d月%d日", y1, tonumber(m1), tonumber(d1),
              y2, tonumber(m2), tonumber(d2))
            if found ~= want then
              ctx:add{ section = part.section, label = part.label, expected = want, found = found,
                       message = string.format("统计期限应为%s，叙述为%s", want, found) }
            end
          end
        end
      end
    end
    -- the period is usually stated in the preamble, before 一、总体情况
    local lead = { label = "前言" }
    for _, sentence in ipairs(R.sentences(R.normalize(report.preamble or ""))) do period(sentence, lead) end
    R.each_sentence(report, period)
  end,
}
