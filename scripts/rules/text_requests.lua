-- TEXT.REQUESTS: the counts of applications stated in the narrative ("未收到…申请",
-- "共受理…N件", "办结N件", "其中自然人N件、法人或其他组织N件", "结转下年度N件",
-- "上年结转N件") agree with table 三. Quiet where the text states no count.
local R = require "nianbao.rules"

-- "没有公民、法人或其他组织提出…申请": the statute's words for the applicants after 没有 / 无
local NONE = { "未收到", "没有收到", "未接到", "未受理", "无依申请公开", "无政府信息公开申请", "未发生依申请",
  "没有公民", "无公民", "未有公民" }
-- "依申请公开4项，部分公开2项" (a count of the year's applications, as 长春临空 words it)
local RECEIVED = { "收到", "接到", "受理", "接收", "新收", "共收", "提出", "办理", "依申请公开" }
local DONE = { "办结", "答复", "办理完毕", "处理完毕" }
local RESULTS = { "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "自然人", "法人", "企业", "机构", "组织" }
local APPEALS = { "复议", "诉讼" }
local NEXT_YEAR = { "下年", "下一年", "次年", "顺延" }
-- applications still being handled at the year's end are the ones carried forward
-- ("已答复25件，5件正在办理中"), not a count of the applications received (办理)
-- (a count read as received or done: 办理 and 办结 are in RECEIVED and DONE)
-- ("尚有6件未到答复期限", "6件尚在办理期限内", "6件跨年度办理": not yet due, so carried
-- forward too, not a count of the answered)
local PENDING = { "正在办理", "办理中", "未办结", "未到答复期", "尚未答复", "尚有", "尚在", "跨年" }
-- a "none" clause about something else than applications: "未收到申请人投诉",
-- "无依申请公开逾期答复情况" say nothing of how many applications came in (申请人 is no such
-- word: "未收到申请人提出的政府信息公开申请" says none came in)
local NONE_OTHER = { "逾期", "超期", "延期", "投诉", "异议", "举报" }
-- a count of other business handled beside applications ("办理12345热线47件", "办理人大代表
-- 建议12件、政协委员提案8件"); in a sentence that names such business, a later clause without
-- 申请 counts it too ("接收网民留言320条，办结318条，其余2条正在办理")
local OTHER_BUSINESS = { "热线", "建议", "提案", "信访", "来信", "来访", "咨询", "留言", "诉求" }
-- and the 12345 hotline named by its number alone ("办理12345转办件47件"), but not a longer
-- number with 12345 in it (a count, a phone or a document number) nor the number of a
-- document ("〔2024〕12345号", not "12345号码"). Asked of a disagreeing count only (most agree).
local function names_hotline(s)
  local from = 1
  while true do
    local _, e = s:find("%f[%d]12345%f[%D]", from)
    if not e then return false end
    if s:sub(e + 1, e + 3) ~= "号" or s:sub(e + 4, e + 6) == "码" then return true end
    from = e + 1
  end
end
local function names_other_business(s) return R.has(s, OTHER_BUSINESS) or names_hotline(s) end
-- and counts of a subset ("依法延期答复2件", "1件依法延长答复期限", "2件申请答复超过法定期限"),
-- of applications sent on or back ("经告知补正后受理3件", "申请人撤回2件", "转办1件") or of
-- time ("平均答复时间为6个工作日": the unit of time, not 时间, which "在法定时间内办结28件"
-- says of the year's applications)
local NOT_APPLICATIONS = { "延期", "延长", "逾期", "超期", "超过法定", "超出法定", "工作日", "自然日", "小时",
  -- the count of one agency that ranks first ("收到申请最多的是区自然资源局，共47件") or of one
  -- month ("单月最高收到申请32件")
  "最多的", "最少的", "最高的", "最低的", "单月", "单日",
  -- those of a kind described before ("答复前与申请人沟通确认申请内容的有42件")
  "的有" }
for _, w in ipairs(OTHER_BUSINESS) do NOT_APPLICATIONS[#NOT_APPLICATIONS + 1] = w end
-- applications sent on or back are a subset, unless the clause is the year's total naming
-- where they came from ("全年共收到转办及直接提交的政府信息公开申请58件")
local SENT_BACK = { "补正", "撤回", "转办" }
local TOTAL = { "共收到", "共受理", "共接收", "共接到", "共新收" }
-- the ways an application comes in: "通过网络提出申请98件，信函提出21件，当面提出7件" is a
-- breakdown by channel (without 其中) when the sentence names two channels or more; a clause
-- with 共 / 合计 is a total all the same ("通过网络和信函共收到申请126件")
local CHANNELS = { { "网络", "网上", "在线", "互联网" }, { "信函", "邮寄", "邮政" }, { "当面", "现场", "窗口" },
  { "传真" }, { "电子邮件", "电子邮箱" } }
local CHANNEL_WORDS = {}
for _, c in ipairs(CHANNELS) do for _, w in ipairs(c) do CHANNEL_WORDS[#CHANNEL_WORDS + 1] = w end end
local SUMMED = { "共", "合计", "总计" }
-- asked only of a count that disagrees with table 三 (most agree)
local function by_channel(clause, sentence)
  if not R.has(clause, CHANNEL_WORDS) or R.has(clause, SUMMED) then return false end
  local n = 0
  for _, c in ipairs(CHANNELS) do if R.has(sentence, c) then n = n + 1 end end
  return n >= 2
end
-- 申请 only as part of 行政许可申请 / 审批申请 ("受理食品经营等行政许可申请2310件，办结2298件"),
-- of applications for a service or a benefit ("受理网上办事申请3200件", "受理最低生活保障申请
-- 156件"): not for information. The two characters before 申请 name the kind.
local OTHER_APPLICATIONS = { "许可申请", "审批申请", "办事申请", "服务申请", "保障申请", "救助申请",
  "补贴申请", "低保申请" }
local OTHER_KIND = {}
for _, w in ipairs(OTHER_APPLICATIONS) do OTHER_KIND[w:sub(1, -7)] = true end
local function only_other_applications(s)
  if not R.has(s, OTHER_APPLICATIONS) then return false end
  local from = 1
  while true do
    local i = s:find("申请", from, true)
    if not i then return true end
    if not OTHER_KIND[s:sub(math.max(1, i - 6), i - 1)] then return false end
    from = i + 6
  end
end
local APPLICANTS = {
  { word = "自然人", first = 1, last = 1 },
  { word = "法人或其他组织", first = 2, last = 6 },
  { word = "商业企业", first = 2, last = 2 },
  { word = "科研机构", first = 3, last = 3 },
  { word = "社会公益组织", first = 4, last = 4 },
  { word = "法律服务机构", first = 5, last = 5 },
}

-- A count in 次 or 篇 is of events or articles ("召开依申请公开会商会议12次", "与申请人电话沟通
-- 320次"), and one of places ("共有15个单位收到申请") is of where applications went: neither
-- counts applications. The first count of a clause that may: nil when there is none.
local NOT_APPLICATION_UNITS = { ["次"] = true, ["篇"] = true }
local PLACES = { "单位", "部门", "乡镇", "街道", "窗口", "科室", "县区", "区县" }
local function first_application_count(clause)
  local n, at = R.first_count(clause)
  while n do
    local e = clause:find("%D", at.pos) -- the counter starts here, the counted thing after it
    local place = at.unit == "个" and R.has(clause:sub(e + 3, e + 8), PLACES)
    if not (NOT_APPLICATION_UNITS[at.unit] or place) then return n, at end
    n, at = R.first_count(clause, e + 3)
  end
end

-- applicants of one kind named in a "none" clause ("未收到科研机构、社会公益组织提出的申请"):
-- none of that kind, not none at all
-- (not 法人: "未收到公民、法人或其他组织提出的申请" is the statute's words for none at all)
local KINDS = { "自然人", "商业企业", "科研机构", "公益组织", "法律服务机构" }

local function one_of(n, list)
  for _, v in ipairs(list) do if v == n then return true end end
  return false
end

-- s without its short quotations (10 characters or fewer). A plain scan: the pattern
-- "“(.-)”" searched the rest of the text from every “ that has no ” after it (quadratic).
local function drop_short_quotes(s)
  if not s:find("“", 1, true) then return s end -- most clauses quote nothing
  local out, from = {}, 1
  while true do
    local i = s:find("“", from, true)
    local j = i and s:find("”", i + 3, true)
    if not j then break end
    local n = utf8.len(s, i + 3, j - 1)
    out[#out + 1] = s:sub(from, i - 1)
    if not (n and n <= 10) then out[#out + 1] = s:sub(i, j + 2) end
    from = j + 3
  end
  out[#out + 1] = s:sub(from)
  return table.concat(out)
end

-- whether the text before a clause ends on other business: it names some after its last 申请
-- ("接收网民留言320条，办结318条"), not only before ("坚持把咨询答复与申请办理结合起来，
-- 全年共收到政府信息公开申请60件，办结58件" counts applications); with names, whether it
-- names what names(s) looks for
local function names_other_business_last(before, names)
  names = names or names_other_business
  if not names(before) then return false end
  local last, from = 0, 1
  while true do
    local i = before:find("申请", from, true)
    if not i then break end
    last, from = i, i + 6
  end
  local rest = before:sub(last + 1)
  return names(rest)
end
-- whether a text names an appeal: after "行政复议36起，", "维持原答复25起" counts appeals
local function names_appeal(s) return R.has(s, APPEALS) end

return {
  id = "TEXT.REQUESTS",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "叙述中的申请件数（收到、办结、结转、自然人/法人）与表三一致",
  check = function(report, ctx)
    local new, over = R.t3(report, "new"), R.t3(report, "carried_over")
    local total, forward = R.t3(report, "total"), R.t3(report, "carried_forward")
    -- the clause at hand (as read, and as written) and where its count is, and its sentence
    local count_clause, count_at, count_written, count_sentence
    local function add(part, row, expected, found, what)
      -- asked of a disagreeing count only (most agree): an estimate the table's value fits
      -- ("近40件" for 36) or a range's end ("5至9件") is no cell's value; after a clause about other business, a clause without
      -- 申请 counts that business ("接收网民留言320条，办结318条，其余2条正在办理")
      if count_at and R.about(count_clause, count_at, expected) then return end
      if names_hotline(count_clause) then return end
      if not count_written:find("申请", 1, true) then
        local at = count_sentence:find(count_written, 1, true)
        if at and names_other_business_last(count_sentence:sub(1, at - 1)) then return end
        -- a result of the appeals named before it ("行政复议36起，其中维持原答复25起",
        -- "被复议机关维持25起，责令重新答复3起")
        if at and names_other_business_last(count_sentence:sub(1, at - 1), names_appeal) then return end
      end
      ctx:add{ section = part.section, label = part.label, row = row, column = "总计",
               expected = expected, found = found,
               message = string.format("叙述称%s%s件，与表三不一致", what, tostring(found)) }
    end
    -- a clause comparing with last year ("比上年收到的18件增加了7件") states last year's count.
    -- Last year is named: 比 and 较 alone are in 比较, 较高, 较多 ("关注度较高的申请25件").
    local next_year = math.type(report.year) == "integer" and report.year + 1 or nil
    local compare_words = { "同比", "上年", "去年", "上一年",
      math.type(report.year) == "integer" and (report.year - 1) .. "年" or nil }
    local quoted_sentence, quotes -- whether the sentence of the clauses at hand quotes at all
    -- "其中…" starts a breakdown that runs to the end of the sentence; it breaks down the kind
    -- of count stated before it in the sentence ("done" or "received", see kind_of)
    local breakdown_sentence, breakdown_kind
    local kind_sentence, last_kind -- the kind of the last count of the sentence at hand
    -- the received count stated last in the sentence at hand: after "新收申请6件", "办结5件" may
    -- count this year's applications alone, without the carried-over ones
    local received_sentence, received_n
    local licence_sentence, licence_only -- whether the sentence's 申请 are all 许可申请
    -- whether a disagreeing count is of applications still being handled: then it is compared
    -- with the ones carried forward
    local function pending(part, clause, n)
      if not R.has(clause, PENDING) then return false end
      if forward and n ~= forward then add(part, "carried_forward", forward, n, "结转下年度") end
      return true
    end
    local function kind_of(clause)
      if R.has(clause, DONE) then return "done" elseif R.has(clause, RECEIVED) then return "received" end
    end
    local function read_clause(clause, part, sentence)
      -- a clause about appeals counts no application; asked (of the clause as written) only
      -- of a clause that could add a finding (the cheap questions first: most have no count)
      local as_written = clause
      -- a short quoted slogan counts nothing: "“三个一”工作机制" is not 3 applications
      if sentence ~= quoted_sentence then
        quoted_sentence, quotes = sentence, sentence:find("“", 1, true) ~= nil
      end
      if quotes then clause = drop_short_quotes(clause) end
      local n, at = first_application_count(clause)
      count_clause, count_at, count_written, count_sentence = clause, at, as_written, sentence
      if sentence ~= kind_sentence then kind_sentence, last_kind = sentence, nil end
      if clause:sub(1, 6) == "其中" then -- "其中:" too
        breakdown_sentence, breakdown_kind = sentence, last_kind
      elseif n and breakdown_sentence ~= sentence then
        last_kind = kind_of(clause) or last_kind
      end
      if not n then
        if new and new ~= 0 and clause:find("申请", 1, true) and R.has(clause, NONE)
            and not R.has(as_written, APPEALS) and not R.has(clause, NONE_OTHER) and not R.has(clause, KINDS) then
          ctx:add{ section = part.section, label = part.label, row = "new", column = "总计",
                   expected = new, found = 0,
                   message = string.format("叙述称未收到政府信息公开申请，表三本年新收申请为%d件", new) }
        end
        return
      end
      if R.has(as_written, APPEALS) then return end
      if clause:find("结转", 1, true) or clause:find("顺延", 1, true) then
        if clause:find("上年", 1, true) and not clause:find("下年", 1, true) then
          if over and n ~= over then add(part, "carried_over", over, n, "上年结转申请") end
        elseif R.has(clause, NEXT_YEAR) or clause:find("结转至%d+年")
            -- "结转至2025年", and "结转2025年" when 2025 is the next year
            or (next_year and tonumber(clause:match("结转(%d%d%d%d)年") or "0") == next_year) then
          if forward and n ~= forward then add(part, "carried_forward", forward, n, "结转下年度") end
        end
        return
      end
      if sentence ~= licence_sentence then
        licence_sentence, licence_only = sentence, only_other_applications(sentence)
      end
      -- (a sentence whose 申请 are all of other kinds counts none, in the 依申请公开 part too)
      if licence_only or not (sentence:find("申请", 1, true) or part.label:find("申请", 1, true)) then
        return
      end
      for i = 1, #APPLICANTS do
        local a = APPLICANTS[i]
        local pos = clause:find(a.word, 1, true)
        local m, at
        if pos then m, at = R.first_count(clause, pos) end
        if m and not clause:sub(pos, pos + 60):find("予以公开", 1, true) then
          local in_new = R.t3_sum(report, "new", a.first, a.last)
          local in_over = R.t3_sum(report, "carried_over", a.first, a.last)
          if in_new and in_over and not one_of(m, { in_new, in_new + in_over }) and not R.about(clause, at, in_new) then
            ctx:add{ section = part.section, label = part.label, row = "new", column = a.word,
                     expected = in_new, found = m,
                     message = string.format("叙述称%s申请%d件，表三为%d件", a.word, m, in_new) }
          end
        end
      end
      if R.has(clause, RESULTS) then return end
      -- the parts of a breakdown ("收到申请18件，其中通过网络提出申请15件，通过信函提出申请3件";
      -- "办结30件，其中按时办结28件") are not the total; a count of the other kind in it is
      -- ("收到申请30件，其中…，已全部办结28件"). A breakdown after no count covers every clause.
      -- (新收 is the year's new applications, a row of table 三 of its own: "共办理申请30件
      -- (含上年结转2件)，其中新收28件")
      local in_breakdown = breakdown_sentence == sentence
        and (breakdown_kind == nil or kind_of(clause) == breakdown_kind)
        and not clause:find("新收", 1, true)
      if in_breakdown or R.has(clause, NOT_APPLICATIONS) or R.has(clause, compare_words)
          or (R.has(clause, SENT_BACK) and not R.has(clause, TOTAL)) then
        return
      end
      if R.has(clause, DONE) then
        local ok = { total }
        if total and over and over > 0 and received_sentence == sentence and received_n == new then
          ok[2] = total - over
        end
        if total and not one_of(n, ok) and not by_channel(clause, sentence) and not pending(part, clause, n) then
          add(part, "total", total, n, "办结申请")
        end
      elseif R.has(clause, RECEIVED) then
        if not (new and over) then return end
        local ok = { new, new + over }
        if clause:find("办理", 1, true) then ok[#ok + 1] = total end
        if not one_of(n, ok) and not by_channel(clause, sentence) and not pending(part, clause, n) then
          add(part, "new", new, n, "收到申请")
        end
        received_sentence, received_n = sentence, n
      else
        return true -- a count of no kind ("21件"): the caller may read it with the clause before
      end
    end
    -- A clause adds a finding only when it states a count or says 申请, so only a sentence
    -- with either is cut into clauses: two sentences in three have neither, and their clauses
    -- cost a call each for nothing (a count in a clause is a count in its sentence).
    R.each_sentence(report, function(sentence, part)
      if not (R.first_count(sentence) or sentence:find("申请", 1, true)) then return end
      local clauses = R.clauses(sentence)
      for i = 1, #clauses do
        local clause = clauses[i]
        -- "共收到申请(含转办)21件": a count of no kind right after a parenthesis without a
        -- count is the count of the clause before the parenthesis
        if read_clause(clause, part, sentence) then
          if i > 2 and not R.first_count(clauses[i - 2]) and not R.first_count(clauses[i - 1])
              and sentence:find("(" .. clauses[i - 1] .. ")" .. clause, 1, true) then
            read_clause(clauses[i - 2] .. clause, part, sentence)
          elseif i > 1 and not R.first_count(clauses[i - 1]) and R.has(clause:sub(1, 6), SUMMED) then
            -- "共收到政府信息公开申请，共计145件": a total in a clause of its own counts
            -- what the clause before names
            read_clause(clauses[i - 1] .. clause, part, sentence)
          end
        end
      end
    end)
  end,
}
