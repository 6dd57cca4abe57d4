-- TEXT.PERIOD: a stated reporting period ("统计期限自2024年1月1日至2024年12月31日") runs from
-- 1月1日 to 12月31日 of the report year (in the preamble or the narrative), and the year in the title is the report year.
local R = require "nianbao.rules"

local DATE = "(%d%d%d%d)年(%d%d?)月(%d%d?)日"
local PERIOD_WORDS = { "统计", "期限", "时限", "报告期", "期间" }

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
        local y1, m1, d1, rest = sentence:match(DATE .. "()")
        if y1 then
          local tail = sentence:sub(rest):gsub("^起", "")
          local y2, m2, d2
          for _, sep in ipairs({ "至", "到", "-", "—", "~" }) do
            if tail:sub(1, #sep) == sep then y2, m2, d2 = tail:sub(#sep + 1):match("^" .. DATE) end
          end
          if y2 then
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
