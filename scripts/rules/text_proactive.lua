-- TEXT.PROACTIVE: counts of 规章, 行政规范性文件, 行政许可, 行政处罚 and 行政强制 stated in
-- 一、总体情况 agree with table 二. A document count is checked only when the clause says
-- which column it is (制发/印发/出台, 废止, 现行有效).
local R = require "nianbao.rules"

local DOCS = {
  { word = "规范性文件", key = "normative_documents", label = "行政规范性文件" },
  { word = "规章", key = "regulations", label = "规章", unless = { "规章制度", "规章库" } },
}
local COLUMNS = { -- first match wins
  { words = { "现行有效" }, key = "in_force", label = "现行有效件数" },
  { words = { "废止", "失效" }, key = "repealed", label = "本年废止件数" },
  { words = { "制发", "印发", "出台", "制定", "新增", "发布", "公开" }, key = "issued", label = "本年制发件数" },
}
local DECISIONS = {
  { word = "行政许可", key = "licensing" },
  { word = "行政处罚", key = "punishment" },
  { word = "行政强制", key = "coercion" },
}

-- a count that is not a table 二 cell: cumulative or older documents, interpretations, drafts
-- out for comments, lists of matters ("行政许可事项清单56项"), "双公示" records, cases opened
-- ("行政处罚案件立案2410起": the cell counts decisions). Not 事项 alone: "办理行政许可事项2162件"
-- is the year's decisions, the cell itself.
local NOT_CELLS = { "历年", "解读", "草案", "征求意见", "意见征集", "清单", "目录",
  "裁量", "指南", "双公示", "立案" }
-- applications received, not decided ("受理行政许可申请2310件", "…等行政许可申请2310件"):
-- unless the piece also says they were decided ("受理并办结行政许可2298件")
local RECEIVED_ONLY = { "受理", "收到", "接收" }
local DECIDED = { "办结", "决定", "作出", "办理" }
-- 累计 is cumulative over the years, except when the year itself is summed up ("全年累计作出
-- 行政处罚决定185件")
local YEAR_SUMMED = { "全年累计", "年内累计", "今年累计", "本年累计", "年度累计" }
local function not_a_cell(piece)
  if R.has(piece, NOT_CELLS) then return true end
  if (R.has(piece, RECEIVED_ONLY) or piece:find("申请", 1, true)) and not R.has(piece, DECIDED) then
    return true
  end
  return piece:find("累计", 1, true) ~= nil and not R.has(piece, YEAR_SUMMED)
end

-- "本年度未制发行政规范性文件": none issued this year, a 0 in 本年制发件数
local NONE_ISSUED = { "未制发", "未印发", "未出台", "未制定", "未新制发", "没有制发", "没有出台", "无新制发" }

-- every word a piece must contain to be compared: a clause (or piece) without any is skipped
-- before its counts are read
local WORDS = {}
for _, d in ipairs(DOCS) do WORDS[#WORDS + 1] = d.word end
for _, d in ipairs(DECISIONS) do WORDS[#WORDS + 1] = d.word end

return {
  id = "TEXT.PROACTIVE",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "总体情况中的规章、规范性文件、许可、处罚、强制件数与表二一致",
  check = function(report, ctx)
    local data = report.proactive or {}
    local current -- the clause being read: the finding's sentence (its fingerprint, docs/reviewing.md)
    local count_piece, count_at -- the piece at hand and where its count is (nil: no count)
    local function compare(part, row, label, table_value, stated)
      -- an estimate ("约40件", "超过500件") that the table's value fits is no cell's value:
      -- asked of a disagreeing count only
      if math.type(table_value) == "integer" and table_value ~= stated
          and not (count_at and R.about(count_piece, count_at, table_value)) then
        ctx:add{ section = part.section, label = part.label, row = "proactive." .. row, column = label,
                 expected = table_value, found = stated, sentence = current,
                 message = string.format("叙述称%s%d件，表二为%d件", label, stated, table_value) }
      end
    end
    local function read_clause(part, clause)
      current = clause
      local shared = false -- a name listed before, without a count of its own
      for piece in (clause .. "、"):gmatch("(.-)、") do
        local n, at = R.first_count(piece) -- the cheap question first
        count_piece, count_at = piece, nil
        local named = R.has(piece, WORDS)
        -- "行政许可、行政处罚等信息2350条": one count for the whole list
        local listed = shared
        shared = named and not n
        if not n and named and R.has(piece, NONE_ISSUED) then
          for _, d in ipairs(DOCS) do
            if piece:find(d.word, 1, true) and not (d.unless and R.has(piece, d.unless)) then
              compare(part, d.key .. ".issued", d.label .. "本年制发件数", (data[d.key] or {}).issued, 0)
              break
            end
          end
        end
        if n and (not named or listed or not_a_cell(piece)) then n = nil end
        if n then
          count_at = at
          local matched = false
          for _, d in ipairs(DOCS) do
            if not matched and piece:find(d.word, 1, true) and not (d.unless and R.has(piece, d.unless)) then
              matched = true
              for _, c in ipairs(COLUMNS) do
                if R.has(piece, c.words) then
                  compare(part, d.key .. "." .. c.key, d.label .. c.label, (data[d.key] or {})[c.key], n)
                  break
                end
              end
            end
          end
          for _, d in ipairs(DECISIONS) do
            if piece:find(d.word, 1, true) then compare(part, d.key, d.word, data[d.key], n) end
          end
        end
      end
    end
    R.each_part(report, function(part, sentences)
      if part.section == "一" then
        -- only the clauses that name a row of 表二, looked for first in their sentence (a word
        -- in a clause is in its sentence): most sentences name none and are not cut
        for k = 1, #sentences do
          if R.has(sentences[k], WORDS) then
            local clauses = R.clauses(sentences[k])
            for i = 1, #clauses do
              if R.has(clauses[i], WORDS) then read_clause(part, clauses[i]) end
            end
          end
        end
      end
    end)
  end,
}
