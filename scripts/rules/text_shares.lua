-- TEXT.SHARES: percentages stated in the narrative ("予以公开42件，占51.85%") agree with
-- table 三 to 0.1 point. A percentage is checked only when the words before it name a part
-- of table 三; the base may be the applications handled (总计), or those received.
local R = require "nianbao.rules"

-- longest names first, so that "予以公开及部分公开" wins over "部分公开"
local PARTS = {
  { words = { "予以公开及部分公开", "予以公开和部分公开", "予以公开或部分公开", "公开和部分公开",
              "含部分公开", "或部分公开", "及部分公开" }, -- "予以公开(含部分公开)15件", "全部或部分公开"
    rows = { "disclosed", "partially_disclosed" }, label = "予以公开及部分公开" },
  { words = { "部分公开" }, rows = { "partially_disclosed" }, label = "部分公开" },
  { words = { "不予公开" }, rows = { "withheld" }, label = "不予公开" },
  { words = { "予以公开", "全部公开" }, rows = { "disclosed" }, label = "予以公开" },
  { words = { "无法提供" }, rows = { "unavailable" }, label = "无法提供" },
  { words = { "不予处理" }, rows = { "not_processed" }, label = "不予处理" },
  { words = { "其他处理" }, rows = { "other" }, label = "其他处理" },
  { words = { "法人或其他组织" }, rows = { "new" }, first = 2, last = 6, label = "法人或其他组织" },
  { words = { "自然人" }, rows = { "new" }, first = 1, last = 1, label = "自然人" },
}

-- the part named last in s (the name that ends last; the longer one on a tie), or nil
local function last_part(s)
  local best, at, len = nil, 0, 0
  for _, p in ipairs(PARTS) do
    for _, w in ipairs(p.words) do
      local from = 1
      repeat
        local i, j = s:find(w, from, true)
        if i then
          if j > at or (j == at and #w > len) then best, at, len = p, j, #w end
          from = i + 1
        end
      until not i
    end
  end
  return best
end

-- Each "占…N%" of a sentence as { position of 占, N, position after % }. The number must
-- follow 占 within WINDOW bytes: "占[^%d;]-" searched the rest of the sentence from every 占
-- (quadratic on a run of 占).
local WINDOW = 120
local function shares(sentence)
  local out, from = {}, 1
  while true do
    local pos = sentence:find("占", from, true)
    if not pos then break end
    local pct, e = sentence:sub(pos, pos + WINDOW):match("^占[^%d;]-([%d%.]+)%%()")
    if pct then
      out[#out + 1] = { pos, pct, pos + e - 1 }
      from = pos + e - 1
    else
      from = pos + 1
    end
  end
  return out
end

local function value(report, p)
  local sum = 0
  for _, row in ipairs(p.rows) do
    local v = p.first and R.t3_sum(report, row, p.first, p.last) or R.t3(report, row)
    if not v then return nil end
    sum = sum + v
  end
  return sum
end

-- the sum of the distinct parts named in s ("予以公开33件、部分公开38件，合计占48.0%": the
-- share of both), or nil when it names fewer than two
local function sum_of_named(report, s)
  local sum, named = 0, 0
  for _, p in ipairs(PARTS) do
    for _, w in ipairs(p.words) do
      if s:find(w, 1, true) then
        local v = value(report, p)
        if not v then return nil end
        sum, named = sum + v, named + 1
        break
      end
    end
  end
  return named >= 2 and sum or nil
end
-- words after the parts named that make the share one of them all
local SUMMED = { "合计", "共计", "总计", "两项", "二者", "两者", "共占" }

return {
  id = "TEXT.SHARES",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "叙述中的百分比与表三一致（误差不超过0.1个百分点）",
  check = function(report, ctx)
    local new, over, total = R.t3(report, "new"), R.t3(report, "carried_over"), R.t3(report, "total")
    if not (new and over and total) then return end
    local bases = { total, new, new + over }
    R.each_sentence(report, function(sentence, part)
      local from = 1
      for _, share in ipairs(shares(sentence)) do
        local pos, pct, e = share[1], share[2], share[3]
        local before = sentence:sub(from, pos - 1)
        from = e
        local p = last_part(before)
        local stated = tonumber(pct)
        local v = p and value(report, p)
        if v and stated then
          local ok = false
          for _, b in ipairs(bases) do
            if b > 0 and math.abs(stated - 100 * v / b) <= 0.1 + 1e-9 then ok = true end
          end
          -- "…部分公开38件，合计占48.0%": the share of every part named before the sum
          local sum = not ok and R.has(before:sub(-60), SUMMED) and sum_of_named(report, before)
          for _, b in ipairs(sum and bases or {}) do
            if b > 0 and math.abs(stated - 100 * sum / b) <= 0.1 + 1e-9 then ok = true end
          end
          if not ok then
            local base = p.first and new or total
            local expected = base > 0 and string.format("%.2f%%", 100 * v / base) or "无法计算（分母为0）"
            ctx:add{ section = part.section, label = part.label, column = p.label,
                     expected = expected, found = pct .. "%",
                     message = string.format("叙述称%s占%s%%，按表三（%s%d件）应为%s", p.label, pct,
                       p.label, v, expected) }
          end
        end
      end
    end)
  end,
}
