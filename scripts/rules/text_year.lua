-- TEXT.YEAR: a sentence of this year's narrative that opens with last year ("2024年，我局…"
-- in a 2025 report) or whose clause opens with last year and reports a count ("2024年共收到
-- 申请5件") was probably copied from last year's report and not updated. Comparisons and
-- carried-over counts name last year on purpose and are not flagged: "较2024年增长",
-- "比2024年", "与2024年同期相比", "2024年结转", "上年".
local R = require "nianbao.rules"

-- words just before the year that make it a comparison or a span, not this year's report
local BEFORE = { "较", "比", "与", "同", "相比", "对比", "自", "从", "至", "截至", "截止", "跨", "于" }
-- words just after "2024年" (or "2024年度") that make it a carried-over count or a comparison
local AFTER = { "结转", "同期", "相比", "比较", "底", "末", "以来", "起",
  -- last year's report itself ("2023年度报告中指出的3个问题已整改") and a span ("2023年至2024年")
  "报告", "年报", "政府信息公开工作年度报告", "至" }


-- a clause that names another year too compares the years ("2023年、2022年分别为18件、15件",
-- "2023年、2024年分别发生行政复议1件、3件"); asked only of a clause that opens with last year
local function names_other_year(clause, last)
  -- (a series says 分别: "2023年共收到申请25件较2022年增加5件" is last year's report)
  if not clause:find("分别", 1, true) then return false end
  for y in clause:gmatch("%f[%d]%d%d%d%d年") do
    if y ~= last then return true end
  end
  return false
end

-- verbs that date a document: "2023年12月出台的《…办法》于今年3月1日起施行" dates an act of
-- last year that this year's work refers to, it does not report last year
local ISSUED = { "出台", "印发", "发布", "制定", "颁布", "公布", "修订" }

-- whether the text after last year's 年 (rest) dates a named document: an optional month
-- and day, then in the same clause (or, after a date standing alone as its clause, the next
-- clause: "2023年12月,我局印发了《…》") a verb of ISSUED before a 《 and no count. A year
-- alone before a comma ("2023年,我局印发了《…》") opens a sentence of last year.
local function dates_document(rest, next_clause)
  local after, month = rest, rest:match("^%d%d?月()")
  if month then after = rest:sub(month):gsub("^%d%d?日", "") end
  if after == "" then
    if not month or not next_clause then return false end
    after = next_clause
  end
  local book = after:find("《", 1, true)
  if not book then return false end
  local verb = after:sub(1, book - 1)
  -- "2024年12月印发的《…》明确了12项任务": the dated document is what the sentence is about,
  -- a count after it is of its content
  if verb:sub(-3) == "的" and R.has(verb, ISSUED) then return true end
  return not R.first_count(after) and R.has(verb, ISSUED)
end

local function starts_with_any(s, list)
  for _, w in ipairs(list) do if s:sub(1, #w) == w then return true end end
  return false
end

local function ends_with_any(s, list)
  for _, w in ipairs(list) do if #s >= #w and s:sub(-#w) == w then return true end end
  return false
end

return {
  id = "TEXT.YEAR",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "本年度报告的叙述不以上一年度开头、不报告上一年度的件数（比较和上年结转除外）",
  check = function(report, ctx)
    local year = report.year
    if math.type(year) ~= "integer" then return end
    local last = tostring(year - 1) .. "年"
    R.each_sentence(report, function(sentence, part)
      -- a clause is a piece of its sentence: one without the year has no clause with it
      if not sentence:find(last, 1, true) then return end
      local flagged
      local clauses = R.clauses(sentence)
      for i = 1, #clauses do
        local clause = clauses[i]
        local from = 1
        while true do
          local a, b = clause:find(last, from, true)
          if not a then break end
          from = b + 1
          local rest = clause:sub(b + 1):gsub("^度", "")
          local comparison = ends_with_any(clause:sub(1, a - 1), BEFORE) or starts_with_any(rest, AFTER)
            -- last year's figure given for comparison: "同比增长25%(2023年为20件)"
            -- (为 and 是 are three bytes each: no character class)
            or (starts_with_any(rest, { "为", "是" }) and rest:find("^%d", 4) ~= nil)
          if not comparison and a == 1 and not names_other_year(clause, last)
              and not dates_document(rest, clauses[i + 1]) then
            local opens = sentence:sub(1, #clause) == clause
            if opens or R.first_count(clause) then
              flagged = opens and "以上一年度开头" or "报告了上一年度的件数"
              break
            end
          end
        end
        if flagged then break end
      end
      if flagged then
        ctx:add{ section = part.section, label = part.label, expected = year .. "年", found = last,
                 message = string.format("这句%s（%s），可能是沿用上年报告未改年份：“%s”", flagged, last,
                   (utf8.len(sentence) or 0) > 40 and (sentence:sub(1, utf8.offset(sentence, 41) - 1) .. "…") or sentence) }
      end
    end)
  end,
}
