-- YEAR.IDENTICAL: with last year's report (--previous), a narrative part that is the same as
-- last year's, apart from the years and white space, is reported as 内容雷同.
local R = require "nianbao.rules"

local MIN_CHARS = 20 -- short formulas ("未收取信息处理费") may repeat every year
-- A short part that only says there is nothing to report ("2024年度本机关无其他需要报告的事项，
-- 未收取信息处理费。") is the same every year by nature: such a part, of at most NOTHING_MAX
-- characters and with no number but the years, whose clauses all say so but for a lead of
-- at most LEAD_MAX characters ("YYYY年度", "本机关"), is not 雷同.
local NOTHING_MAX, LEAD_MAX = 60, 12
local NOTHING = { "无其他需要报告", "没有其他需要报告", "无需要报告", "无其他需报告", "无其他应当报告",
  "未收取", "无收取", "不收取", "没有收取" }

local function says_nothing(s, chars)
  if chars > NOTHING_MAX or s:find("%d") or not R.has(s, NOTHING) then return false end
  local lead = 0
  for _, clause in ipairs(R.clauses(s)) do
    if not R.has(clause, NOTHING) then lead = lead + utf8.len(clause) end
  end
  return lead <= LEAD_MAX
end

-- s with every occurrence of the plain string word replaced by rep, as gsub would do, but
-- found by a plain search: gsub tried its pattern at every byte of the whole narrative, for
-- each year (most of a batch's YEAR.IDENTICAL)
local function replace_plain(s, word, rep)
  local at = s:find(word, 1, true)
  if not at then return s end
  local out, from = {}, 1
  while at do
    out[#out + 1] = s:sub(from, at - 1)
    out[#out + 1] = rep
    from = at + #word
    at = s:find(word, from, true)
  end
  out[#out + 1] = s:sub(from)
  return table.concat(out)
end

local function comparable(s, years)
  s = R.normalize(s)
  for _, y in ipairs(years) do s = replace_plain(s, tostring(y), "YYYY") end
  return s
end

local function key_of(part)
  return part.section .. "|" .. (part.heading and R.normalize(part.heading) or part.label)
end

return {
  id = "YEAR.IDENTICAL",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "与上年报告（--previous）的叙述内容雷同",
  check = function(report, ctx)
    local prev = ctx.previous
    if not prev then return end
    local years = {}
    for _, y in ipairs({ report.year, prev.year }) do
      if math.type(y) == "integer" then years[#years + 1] = y; years[#years + 1] = y + 1; years[#years + 1] = y - 1 end
    end
    table.sort(years, function(a, b) return a > b end)
    for i = #years, 2, -1 do if years[i] == years[i - 1] then table.remove(years, i) end end
    local four_digits = true -- every year as long as YYYY (a loaded report's always is)
    for _, y in ipairs(years) do four_digits = four_digits and #tostring(y) == 4 end
    local last = {}
    for _, part in ipairs(R.narratives(prev)) do last[key_of(part)] = part.text end
    for _, part in ipairs(R.narratives(report)) do
      local before = last[key_of(part)]
      -- a four-digit year and its YYYY have the same length, so parts whose normalized texts
      -- differ in length differ whatever their years: only parts of the same length are rewritten and
      -- compared; then the comparison before the count (utf8.len decodes the whole part) and
      -- before the reading of a nothing-to-report formula
      local now = before and (not four_digits or #R.normalize(before) == #R.normalize(part.text))
        and comparable(part.text, years)
      local chars = now and comparable(before, years) == now and (utf8.len(now) or 0)
      if chars and chars >= MIN_CHARS and not says_nothing(now, chars) then
        ctx:add{ section = part.section, label = part.label, expected = "本年度的新内容", found = "与上年相同",
                 message = string.format("“%s”与上年报告内容雷同（除年份外完全相同）", part.label) }
      end
    end
  end,
}
