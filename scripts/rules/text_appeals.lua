-- TEXT.APPEALS: the 行政复议 / 行政诉讼 counts stated in the narrative ("行政复议351件，
-- 其中结果维持72件…", "行政复议36起，行政诉讼9起", "未发生…行政复议、行政诉讼") agree with
-- table 四. Litigation in the text is the sum of both litigation groups of table 四.
local R = require "nianbao.rules"

local FIELDS = {
  { words = { "结果维持", "维持" }, key = "upheld", label = "结果维持" },
  { words = { "结果纠正", "纠正", "纠错" }, key = "corrected", label = "结果纠正" },
  { words = { "其他结果" }, key = "other", label = "其他结果" },
  { words = { "尚未审结", "未审结", "正在审理", "审理中", "尚在审理", "未结案" }, key = "pending", label = "尚未审结" },
}
local FIELD_WORDS = {} -- every word of FIELDS: a count of one result, not a total
for _, f in ipairs(FIELDS) do for _, w in ipairs(f.words) do FIELD_WORDS[#FIELD_WORDS + 1] = w end end
local NONE = { "未发生", "未收到", "未出现", "未有", "没有", "无涉及", "未涉及", "不涉及", "无因", "无政府信息公开行政",
  "无行政复议", "无行政诉讼" }
-- a piece names a subject (subject_of) only with one of these; a sentence without any states
-- nothing this rule reads, and is skipped whole
local MENTIONS = { "复议", "诉讼", "直接起诉" }
-- a piece about the documents of others' cases ("公开行政复议决定书12份": a 司法局 that
-- decides reviews publishes them) counts none of the agency's own appeals
local DOCUMENTS = { "决定书", "文书", "裁决书", "判决书", "案例" }
local SUBJECTS = {
  review = { label = "行政复议", groups = { "review" } },
  litigation = { label = "行政诉讼", groups = { "litigation_direct", "litigation_after_review" } },
  litigation_direct = { label = "未经复议直接起诉的行政诉讼", groups = { "litigation_direct" } },
  litigation_after_review = { label = "复议后起诉的行政诉讼", groups = { "litigation_after_review" } },
}

-- a suit named by the review decision it contests ("申请人不服复议决定提起行政诉讼1件")
local AGAINST_REVIEW = { "不服复议", "不服行政复议", "复议后提起" }

local function subject_of(s)
  if s:find("直接起诉", 1, true) then return "litigation_direct" end
  if s:find("复议后起诉", 1, true) then return "litigation_after_review" end
  local r, l = s:find("复议", 1, true), s:find("诉讼", 1, true)
  -- "判决驳回诉讼请求1件" is a result, not a count of cases of litigation
  while l and s:find("诉讼请求", l, true) == l do l = s:find("诉讼", l + 12, true) end
  if r and l then
    if r < l and R.has(s, AGAINST_REVIEW) then return "litigation_after_review" end
    return nil, true
  end
  if r then return "review" end
  if l then return "litigation" end
end

-- a clause comparing with earlier years ("较上年分别下降2件、1件") states no count of this year,
-- except in a series of years ("2023年、2024年分别发生行政复议1件、3件": the count in the
-- report year's place); the years before the report year are added at check time
local COMPARED = { "同比", "上年", "去年", "上一年" }
local function series_count(clause, year)
  if not clause:find("分别", 1, true) then return nil end
  local years, k = 0, nil
  for y in clause:gmatch("%f[%d](%d%d%d%d)年") do
    years = years + 1
    if tonumber(y) == year then k = years end
  end
  local counts = R.counts(clause)
  if k and #counts == years then return counts[k].n end
end

-- A clause without a count after a total ("行政复议1件（结果维持）", "行政复议2件，均维持原答复",
-- "行政复议1件，尚未审结", "目前无未审结案件") and a count of a decision rather than a column
-- ("确认违法1件") are read by nianbao.rules_rare, loaded the first time one is met: most reports
-- have neither, and every check loads this file
assert(FIELDS[4].key == "pending")
local rare
local function more() rare = rare or require "nianbao.rules_rare" return rare end

-- "行政复议、行政诉讼案件共3件": one count for every subject listed before it
local SUMMED = { "共", "合计" }

local function table_value(report, subject, key)
  local sum = 0
  for _, g in ipairs(SUBJECTS[subject].groups) do
    local v = ((report.appeals or {})[g] or {})[key]
    if math.type(v) ~= "integer" then return nil end
    sum = sum + v
  end
  return sum
end

return {
  id = "TEXT.APPEALS",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "叙述中的行政复议、行政诉讼件数与表四一致",
  check = function(report, ctx)
    local count_piece, count_at -- the piece at hand and where its count is (nil: no count)
    -- an estimate ("10件以上") that the table's value v fits, or a range's end, is no cell's
    -- value: asked of a disagreeing count only
    local function about(v) return count_at ~= nil and R.about(count_piece, count_at, v) end
    local function compare(part, subject, key, label, stated)
      local v = table_value(report, subject, key)
      if v and v ~= stated and not about(v) then
        ctx:add{ section = part.section, label = part.label, row = "appeals." .. subject, column = label,
                 expected = v, found = stated,
                 message = string.format("叙述称%s%s%d件，表四为%d件", SUBJECTS[subject].label,
                   key == "total" and "" or label, stated, v) }
      end
    end
    local compared = { table.unpack(COMPARED) }
    if math.type(report.year) == "integer" then
      compared[#compared + 1] = (report.year - 1) .. "年"
      compared[#compared + 1] = (report.year - 2) .. "年"
    end
    R.each_sentence(report, function(sentence, part)
      if (sentence:find("公开", 1, true) or part.label:find("申请", 1, true)) and R.has(sentence, MENTIONS) then
        local subject
        -- both litigation groups named ("其中未经复议直接起诉5件，复议后起诉2件，法院判决维持6件"):
        -- a result counted after them may be of the two together
        local groups = {}
        -- the subjects of the last total stated in the sentence and their count, until a clause
        -- with a count: { n, subject, ... }
        local whole
        -- the subjects of every total stated since the last result counted: what "均已结案" or
        -- "无未审结案件" is about ("行政诉讼1件、行政复议2件，均已结案"); nil: none
        local since
        local clauses = R.clauses(sentence)
        for i = 1, #clauses do
          local clause = clauses[i]
          -- the totals before a clause with a count, which may add one more of the same count
          -- ("其中未经复议直接起诉1件，复议后起诉1件，均尚未审结")
          local carried
          if whole or since then
            if clause:find("%d") then -- (any number: no count object to build)
              carried, whole = whole, nil
            else
              count_at = nil
              whole = more().after_total(clause, clauses, i, whole, since or {}, part, compare, FIELDS, subject_of, MENTIONS)
            end
          end
          if R.has(clause, compared) then
            local n = series_count(clause, report.year)
            count_at = nil
            if n then
              local s = subject_of(clause)
              if s then compare(part, s, "total", "总计", n) end
              goto next_clause
            end
            -- a count before the comparison is this year's ("行政复议3件较上年减少1件")
            local cut = #clause + 1
            for _, w in ipairs(compared) do
              local at = clause:find(w, 1, true)
              if at and at < cut then cut = at end
            end
            clause = clause:sub(1, cut - 1)
            if not R.first_count(clause) then goto next_clause end
          end
          -- (the cheap question first); "无行政复议纠错案件" says nothing of how many there were
          local none = not R.first_count(clause) and R.has(clause, NONE) and not R.has(clause, FIELD_WORDS)
          local listed = {} -- subjects named without a count before "各N件" or "均为N件" ("行政复议、行政诉讼各1件")
          for piece in (clause .. "、"):gmatch("(.-)、") do
            count_at = nil
            local s, both = subject_of(piece)
            if (s or both) and R.has(piece, DOCUMENTS) then s, both = nil, false end
            if none and (s or both) then
              for name in pairs(SUBJECTS) do
                if (name == "review" and piece:find("复议", 1, true)) or
                   (name == "litigation" and piece:find("诉讼", 1, true)) then
                  compare(part, name, "total", "总计", 0)
                end
              end
            end
            if both then subject = nil end
            local n, at = R.first_count(piece)
            count_piece, count_at = piece, at
            -- "行政复议和行政诉讼0件": none of either (a count above 0 for both is no one cell's)
            if both and n == 0 and not R.has(piece, FIELD_WORDS) then
              compare(part, "review", "total", "总计", 0)
              compare(part, "litigation", "total", "总计", 0)
            end
            if s then subject = s end
            if s == "litigation_direct" or s == "litigation_after_review" then groups[s] = true end
            local combined -- the subjects listed before a count "共N件" of them all, this one included
            if n and s and #listed > 0 and R.has(piece, SUMMED) then
              combined = {}
              for k = 1, #listed do if listed[k] ~= s then combined[#combined + 1] = listed[k] end end
              combined[#combined + 1] = s
              if #combined < 2 then combined = nil end
            end
            if n and (piece:find("各", 1, true) or #listed > 0 and piece:find("均为", 1, true)) then
              whole = { n }
              for k = 1, #listed do
                if listed[k] ~= s then
                  compare(part, listed[k], "total", "总计", n)
                  whole[#whole + 1] = listed[k]
                  since = since or {}
                  since[#since + 1] = listed[k]
                end
              end
            end
            if s and not n then listed[#listed + 1] = s elseif n then listed = {} end
            if n and subject then -- the field's words are looked for only in a piece with a count
              local field
              for _, f in ipairs(FIELDS) do
                if R.has(piece, f.words) then field = f break end
              end
              if not field and not s then field = more().field(piece, FIELDS) end
              if field and groups.litigation_direct and groups.litigation_after_review
                  and (subject == "litigation_direct" or subject == "litigation_after_review")
                  and n == table_value(report, "litigation", field.key) then
                -- the result of both groups together
              elseif field then compare(part, subject, field.key, field.label, n)
              elseif combined then
                local sum, names = 0, {}
                for k = 1, #combined do
                  local v = table_value(report, combined[k], "total")
                  sum = sum and v and sum + v
                  names[k] = SUBJECTS[combined[k]].label
                end
                if sum and sum ~= n and not about(sum) then
                  local label = table.concat(names, "、")
                  ctx:add{ section = part.section, label = part.label, row = "appeals", column = "总计",
                           expected = sum, found = n,
                           message = string.format("叙述称%s共%d件，表四合计为%d件", label, n, sum) }
                end
              elseif s then
                compare(part, subject, "total", "总计", n)
                since = since or {}
                since[#since + 1] = subject
                whole = whole or carried
                if whole and whole[1] == n then whole[#whole + 1] = subject else whole = { n, subject } end
              end
              if field or combined then whole, since = nil, nil end
            end
          end
          ::next_clause::
        end
      end
    end)
  end,
}
