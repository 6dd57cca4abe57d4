-- The information-processing fee sentence of section 六 (国办函〔2020〕109号) ->
-- processing_fees = { notices, notified, collected } (FORMAT §2, amounts in 元). Only what
-- the text states is taken: "发出收费通知3件，金额1200元" gives notices and notified,
-- "收取…费3940元", "实际收取金额300元" or "未收取…费" gives collected; a part not stated stays absent (not 0),
-- and a part stated twice with different numbers is left out.
local R = require "nianbao.text"

local M = {}

local NO_NOTICE = { "未发出", "没有发出", "未发", "无收费通知", "未向申请人发出", "未出具" }
local NONE_COLLECTED = { "未收取", "无收取", "没有收取", "不收取", "未收费", "免收", "均未收取" }

-- the first amount in 元 of a clause ("1.2万元" is 12000), or nil
local function amount(clause)
  -- 万 is three bytes: "万?" in a pattern would make only its last byte optional
  -- the frontiers: a number starts where its digits start and takes all of them (linear)
  local wan = clause:match("%f[%d](%d+%f[^%d]%.?%d*)万元")
  local n = wan and tonumber(wan) * 10000 or tonumber(clause:match("%f[%d](%d+%f[^%d]%.?%d*)元") or "")
  return n and (math.tointeger(n) or n)
end

--- processing_fees read from the text of section 六, or nil when it states none of them.
function M.parse(text)
  local found, conflict = {}, {}
  local function set(key, v)
    if v == nil then return end
    if found[key] ~= nil and found[key] ~= v then conflict[key] = true end
    found[key] = v
  end
  local clauses = R.clauses(R.normalize(text or ""))
  for i, clause in ipairs(clauses) do
    if clause:find("收费通知", 1, true) then
      if R.has(clause, NO_NOTICE) then
        set("notices", 0)
        set("notified", 0)
      else
        -- counted in 件, 份 (通知书3份), 次 or 个; from a run's start only: linear
        local n = clause:match("%f[%d](%d+)件") or clause:match("%f[%d](%d+)份") or clause:match("%f[%d](%d+)次")
          or clause:match("%f[%d](%d+)个")
        set("notices", n and math.tointeger(tonumber(n)))
        -- the amount notified may follow in the next clause ("…3件，金额1200元")
        local next_clause = clauses[i + 1] or ""
        local notified = amount(clause)
        if not notified and next_clause:find("金额", 1, true) and not next_clause:find("收取", 1, true) then
          notified = amount(next_clause)
        end
        set("notified", notified)
      end
    elseif clause:find("收取", 1, true) or clause:find("费", 1, true) and clause:find("收", 1, true) then
      -- "实际收取金额300元", "实际收取0元": the clause need not repeat 费
      if R.has(clause, NONE_COLLECTED) and not amount(clause) then
        set("collected", 0)
      elseif clause:find("收取", 1, true) then
        set("collected", amount(clause))
      end
    end
  end
  for key in pairs(conflict) do found[key] = nil end
  return next(found) and found or nil
end

return M
