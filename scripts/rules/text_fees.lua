-- TEXT.FEES: section 六 states the information-processing fee situation (国办函〔2020〕109号),
-- consistently with table 三 row other.no_fee_payment (applications dropped because a fee
-- notice went unpaid) and, when the data file has them, with processing_fees.
local R = require "nianbao.rules"

local function num(x) return math.tointeger(x) or x end -- 3900.0 -> 3900 for people

local MENTION = { "处理费", "收费", "收取", "费用", "免费" }
local NONE_COLLECTED = { "未收取", "无收取", "没有收取", "不收取", "未收费", "未产生", "均未收取", "免收", "未发生收费",
  -- "实行零收费", "向申请人免费提供政府信息" ("免费提供查阅场所" says nothing of the fee)
  "零收费", "免费提供政府信息", "免费提供信息", "免费向申请人提供",
  -- "未发生信息处理费收费情况" (未发生收费 with the fee named in between)
  "未发生信息处理费" }
-- "收费0元", "信息处理费为0元", "收费为0", "收费金额为0元": a zero that is the whole amount
-- (not "0.05万元")
local ZERO = { "收费0", "收费为0", "处理费0", "处理费为0", "费金额为0", "收取金额为0" }
local function zero_fee(text)
  for _, w in ipairs(ZERO) do
    local from = 1
    while true do
      local _, e = text:find(w, from, true)
      if not e then break end
      if not text:find("^[%d.]", e + 1) then return true end
      from = e + 1
    end
  end
  return false
end
-- "未向申请人收取信息处理费": 收取 after 未向 / 没有向 / 不向 in a clause stating no amount
local NOT_FROM = { "未向", "没有向", "不向" }
local AMOUNT = { "金额", "共计", "合计", "总计" }
local NO_NOTICE = { "未发出收费通知", "未发收费通知", "无收费通知", "没有发出收费通知", "未向申请人发出收费" }

-- the amount in clause from byte at on, in 元, or nil; the frontiers make a number start where
-- its digits start and take all of them, so a long digit run is read once (linear), not once
-- per position
local function amount_at(clause, at)
  local wan = clause:match("%f[%d](%d+%f[^%d]%.?%d*)万元", at)
  if wan then return tonumber(wan) * 10000 end
  local yuan = clause:match("%f[%d](%d+%f[^%d]%.?%d*)元", at)
  return yuan and tonumber(yuan)
end

return {
  id = "TEXT.FEES",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "第六部分说明信息处理费情况，且与表三“逾期未按收费通知要求缴纳费用”一致",
  check = function(report, ctx)
    local text = R.normalize(report.other_matters or "")
    local function add(found, expected, message)
      -- the whole of 第六部分 is what the finding is about (its fingerprint)
      ctx:add{ section = "六", label = "其他需要报告的事项", expected = expected, found = found, message = message,
               sentence = text }
    end
    if not R.has(text, MENTION) then
      -- the fee rules (国办函〔2020〕109号) apply from 2021: earlier reports had nothing to state
      if report.year and report.year < 2021 then return end
      add("未说明", "说明收费情况", "第六部分未说明信息处理费的收取情况（发出收费通知件数、金额，或未收取）")
      return
    end
    local dropped = R.t3(report, "other.no_fee_payment")
    local fees = report.processing_fees
    -- "信息处理费：0元", "收取信息处理费：0.05万元": a colon after 费 introduces its amount,
    -- which is read as if it followed 费 directly (the colon would cut it into a clause of its own)
    local read = text
    if read:find("费:", 1, true) then read = read:gsub("费:", "费") end
    local none = R.has(read, NONE_COLLECTED) or zero_fee(read)
    local collected, notices, after_collect
    for _, clause in ipairs(R.clauses(read)) do
      if not none and R.has(clause, NOT_FROM) then
        for _, w in ipairs(NOT_FROM) do
          local at = clause:find(w, 1, true)
          if at and clause:find("收取", at, true) and not clause:find("%d") then none = true break end
        end
      end
      if clause:find("收费通知", 1, true) then notices = notices or R.first_count(clause) end
      -- the amount after the first 收取
      local at = clause:find("收取", 1, true)
      -- or in the clause right after one with 收取 and no amount, when it starts with the
      -- amount's word ("按标准收取信息处理费，金额共计0.05万元")
      if not at and after_collect and R.has(clause:sub(1, 6), AMOUNT) then at = 1 end
      local amount = at and amount_at(clause, at)
      if not collected and amount then collected = amount end
      after_collect = at and not amount
    end
    if R.has(read, NO_NOTICE) then notices = notices or 0 end
    -- an amount collected is stated: a word of none is about the rest ("收取信息处理费100元，
    -- 其余申请零收费"), and the amount is what is compared
    local none_said = none
    if collected and collected > 0 then none = false end
    if dropped and notices and dropped > notices then
      add(notices, dropped, string.format("叙述称发出收费通知%d件，但表三有%d件申请因逾期未缴纳费用而不再处理",
        notices, dropped))
    end
    if fees then
      local c = fees.collected
      -- an amount without 收取 ("收费金额为0.03万元"), or one of other charges ("收取行政事业性收费
      -- 128万元"), is read (by nianbao.rules_rare) only when what was read would not agree
      if type(c) == "number" and read:find("元", 1, true)
          and (collected and math.abs(collected - c) > 0.005 or not collected and (c > 0 or not none)) then
        collected = require("nianbao.rules_rare").fee_collected(read, AMOUNT, amount_at)
        none = none_said and not (collected and collected > 0)
      end
      if none and type(c) == "number" and c > 0 then
        add("未收取", num(c), string.format("叙述称未收取信息处理费，但数据中实际收取金额为%s元", num(c)))
      elseif collected and type(c) == "number" and math.abs(collected - c) > 0.005 then
        add(num(collected), num(c), string.format("叙述称收取信息处理费%s元，数据中为%s元", num(collected), num(c)))
      end
      local k = fees.notices
      if notices and math.type(k) == "integer" and k ~= notices then
        add(notices, k, string.format("叙述称发出收费通知%d件，数据中为%d件", notices, k))
      end
    end
  end,
}
