-- The rarely needed readings of two narrative rules (scripts/rules/text_appeals.lua and
-- text_fees.lua), loaded the first time a report needs one. Every check loads every rule, so
-- what a rule file holds costs each check; these readings are asked for by a clause most
-- reports do not have (a result without a count after a total) or by an amount that would
-- otherwise become a finding.
local R = require "nianbao.rules"

local M = {}

-- TEXT.APPEALS -----------------------------------------------------------------

-- the decisions table 四 counts as 结果纠正 (撤销, 确认违法, 责令重新答复) and as 其他结果 (终止
-- after a withdrawal, 调解, 和解), named instead of the column; in a clause that also rejects
-- or requests ("驳回原告要求撤销答复的诉讼请求") they name what was asked for, not the result
local ALSO = {
  corrected = { "撤销原", "予以撤销", "被撤销", "决定撤销", "判决撤销", "确认违法", "责令重新", "责令履行" },
  other = { "终止", "撤回", "撤诉", "调解", "和解" },
}
local ASKED = { "驳回", "请求", "要求" }

--- The first of fields (the rule's FIELDS: { words, key, label }) whose words, or decisions
--- of its column, s names; and the words found.
function M.field(s, fields)
  local asked
  for _, f in ipairs(fields) do
    if R.has(s, f.words) then return f, f.words end
    local also = ALSO[f.key]
    if also and R.has(s, also) then
      if asked == nil then asked = R.has(s, ASKED) end
      if not asked then return f, also end
    end
  end
end

-- a result word right after one of these is a result none of the cases had ("目前无未审结案件",
-- "均未被纠错"): a count of 0, not of every case
local NEGATIONS = { "无", "没有", "未", "不存在", "无被", "未被", "没有被" }
local function negated(clause, words)
  for _, w in ipairs(words) do
    local at = clause:find(w, 1, true)
    if at then
      for _, n in ipairs(NEGATIONS) do
        if at > #n and clause:sub(at - #n, at - 1) == n then return true end
      end
    end
  end
  return false
end
-- every case of the totals before has been decided: none pending
local ALL_CLOSED = { "均已审结", "均已结案", "全部审结", "全部结案" }
-- a result after a total is of all of them, but not with these words, which name some of
-- them ("纠正1件，其余维持", "部分纠正")
local SOME = { "其余", "其他", "余下", "部分", "个别" }

-- a result of one stage with another still pending ("行政诉讼1件，一审判决维持，二审尚在审理中")
-- is no result of the case: table 四 counts it 尚未审结. Whether clause i, or one after it
-- up to a count or another subject, says so.
local function still_pending(clauses, i, pending, mentions)
  for j = i, #clauses do
    local c = clauses[j]
    if j > i and (c:find("%d") or R.has(c, mentions)) then return false end
    if R.has(c, pending) and not negated(c, pending) then return true end
  end
  return false
end

--- A clause without a count after a total: whole is { n, subject... } (the subjects of the
--- last total and its count, or nil), since the subjects of every total stated since the last
--- result counted. A result of them all is compared (compare(part, subject, key, label, n),
--- the rule's); returns what whole is after the clause.
function M.after_total(clause, clauses, i, whole, since, part, compare, fields, subject_of, mentions)
  if R.has(clause, SOME) then return whole end
  local f, words = M.field(clause, fields)
  local none = f and negated(clause, words) and f or (R.has(clause, ALL_CLOSED) and fields[4])
  if none then
    for k = 1, #since do compare(part, since[k], none.key, none.label, 0) end
    return nil
  end
  if not (whole and f) then return whole end
  -- a stage's result with a later stage pending: the cases are pending
  if f.key ~= "pending" and still_pending(clauses, i, fields[4].words, mentions) then f = fields[4] end
  -- a clause naming one of the subjects is its result alone, and the others' may follow
  -- ("行政复议1件、行政诉讼1件，其中行政复议已维持，行政诉讼尚在审理中")
  local own = R.has(clause, mentions) and subject_of(clause)
  for k = 2, #whole do
    if not own or whole[k] == own then compare(part, whole[k], f.key, f.label, whole[1]) end
  end
  if own then return whole end
end

-- TEXT.FEES --------------------------------------------------------------------

-- an amount after the fee's name, without 收取 ("收费金额为0.03万元", "信息处理费共计450元"), is the
-- amount collected, unless the clause says it was only asked for, waived or a rate
local NAMED = { "处理费", "收费" }
local NOT_COLLECTED = { "通知", "应收", "应缴", "涉及", "减免", "免收", "未缴", "逾期", "标准", "每" }
-- a sentence about other charges ("行政事业性收费", "服务收费", "办案经费") states no amount of the
-- information-processing fee, with or without 收取
local OTHER_FEES = { "事业性收费", "服务收费", "服务费", "经费", "罚没", "工本费" }

--- The fee collected that text (section 六, normalized) states, in 元, or nil: the first
--- amount after 收取 or after the fee's name, or in the clause right after one of them
--- that starts with one of amount_words ("按标准收取信息处理费，金额共计0.05万元"); none in a
--- sentence about other charges. amount_at(clause, at) is the rule's reader of an amount.
function M.fee_collected(text, amount_words, amount_at)
  local after -- the clause before named the fee without an amount
  for _, sentence in ipairs(R.sentences(text)) do
    if R.has(sentence, OTHER_FEES) and not sentence:find("处理费", 1, true) then
      after = nil
    else
      for _, clause in ipairs(R.clauses(sentence)) do
        local at = clause:find("收取", 1, true)
        if not at and after and R.has(clause:sub(1, 6), amount_words) then at = 1 end
        local amount = at and amount_at(clause, at)
        if not amount and not R.has(clause, NOT_COLLECTED) then
          for _, w in ipairs(NAMED) do
            local named = clause:find(w, 1, true)
            amount = named and amount_at(clause, named)
            if amount then break end
            at = at or named
          end
        end
        if amount then return amount end
        after = at
      end
    end
  end
end

return M
