-- Discovery and running of rules: rules/*.lua along the search path, one rule per file.
-- A file earlier on the path replaces a bundled one of the same name. A rule can only add
-- findings through ctx:add; the built-in findings are never shown to it for editing.
local nb = require "nianbao"
local lfs = require "lfs"

local M = {}

local SEVERITIES = { error = true, warning = true }

--- A rule from its source text: the checked { id, severity, describe, check, file, name };
--- where names the file in messages. Raises an error naming the file when a field is wrong.
local function load_rule(name, text, where)
  local chunk, err = load(text, "@" .. where, "t")
  if not chunk then error(err, 0) end
  local rule = chunk()
  if type(rule) ~= "table" then
    error(string.format("%s：规则脚本必须返回一个表 { id, severity, describe, check }", where), 0)
  end
  for _, field in ipairs({ "id", "severity", "describe" }) do
    if type(rule[field]) ~= "string" then
      error(string.format("%s：规则缺少字符串字段 %s", where, field), 0)
    end
  end
  if not SEVERITIES[rule.severity] then
    error(string.format("%s：severity 应为 \"error\" 或 \"warning\"，实际为 %q", where, rule.severity), 0)
  end
  if type(rule.check) ~= "function" then
    error(string.format("%s：规则缺少函数 check(report, ctx)", where), 0)
  end
  return { id = rule.id, severity = rule.severity, describe = rule.describe, check = rule.check,
           file = where, name = name }
end
M.load_rule = load_rule

local cache

--- All rules, sorted by file name: { id, severity, describe, check, file, name }.
function M.discover()
  if cache then return cache end
  local names, seen = {}, {}
  local function add(name)
    if name:match("%.lua$") and not seen[name] then
      seen[name] = true
      names[#names + 1] = name
    end
  end
  for _, dir in ipairs(nb.search_path()) do
    local rdir = dir .. "/rules"
    if lfs.attributes(rdir, "mode") == "directory" then
      for entry in lfs.dir(rdir) do add(entry) end
    end
  end
  for _, name in ipairs(nb.embedded_names()) do
    local base = name:match("^rules/([^/]+)$")
    if base then add(base) end
  end
  table.sort(names)
  local rules = {}
  for _, name in ipairs(names) do
    local text, where = nb.find("rules/" .. name)
    rules[#rules + 1] = load_rule(name, text, where)
  end
  cache = rules
  return rules
end

--- Drop the cached rules, so that edited files are read again.
function M.reset() cache = nil end

local function id_set(list)
  if not list then return nil end
  local set = {}
  for _, id in ipairs(list) do set[id] = true end
  return set
end

--- Run one rule on a report; appends the findings it adds (plain records) to added.
function M.run_rule(rule, report, opts, added)
  local ctx = { report = report, previous = opts.previous, schema = nb.schema }
  function ctx.add(_, f)
    if type(f) ~= "table" or type(f.message) ~= "string" then
      error(string.format("%s：ctx:add 需要一个含 message 字段的表", rule.file), 2)
    end
    local sev = f.severity or rule.severity
    if not SEVERITIES[sev] then
      error(string.format("%s：severity 应为 \"error\" 或 \"warning\"", rule.file), 2)
    end
    added[#added + 1] = {
      id = f.id or rule.id, severity = sev, section = f.section, row = f.row,
      column = f.column, label = f.label, expected = f.expected, found = f.found,
      message = f.message, rule = rule.file,
    }
  end
  M.budgeted(rule, rule.check, report, ctx, added)
  return added
end

-- Rules are trusted code but read untrusted text: a rule that runs longer than this many VM
-- instructions on one report is stopped and named in a finding, so no text can hang
-- check, render or the prompt (docs/limits.md). Patterns are single instructions: the
-- bundled rules keep theirs linear in the text.
M.BUDGET = 50 * 1000 * 1000
local STEP = 10000

--- Runs fn(report, ctx) under the instruction budget; when it runs out, appends a warning
--- naming the rule to added instead of the rule's findings. Other errors propagate.
function M.budgeted(rule, fn, report, ctx, added)
  local prev = { debug.gethook() }
  local steps, stop = 0, {}
  debug.sethook(function()
    steps = steps + STEP
    if steps > M.BUDGET then error(stop) end
  end, "", STEP)
  local first = #added
  local ok, err = pcall(fn, report, ctx)
  debug.sethook(table.unpack(prev, 1, 3))
  if ok then return end
  if err ~= stop then error(err, 0) end
  for i = #added, first + 1, -1 do added[i] = nil end
  added[#added + 1] = {
    id = rule.id, severity = "warning", rule = rule.file,
    message = string.format("规则 %s（%s）在本报告上运行超过 %d 条指令的上限，已停止；此规则的检查未完成",
      rule.id, rule.file, M.BUDGET),
  }
end

--- Run the enabled rules; returns the list of findings they added (plain records).
function M.run(report, opts)
  local only, skip = id_set(opts.rules), id_set(opts.no_rules)
  local added = {}
  for _, rule in ipairs(M.discover()) do
    if (not only or only[rule.id]) and not (skip and skip[rule.id]) then
      M.run_rule(rule, report, opts, added)
    end
  end
  return added
end

---------------------------------------------------------------------------
-- Helpers for rules that read the Chinese narrative. Narrative is matched after
-- M.normalize: NFKC (full-width digits and punctuation become half-width), no white
-- space ("3119 件" and "2024 年" as published by PDF converters), no thousands
-- separators, and Chinese numerals before a counter written in digits ("两件" -> "2件").

local CN_DIGITS = { ["零"] = 0, ["〇"] = 0, ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3, ["四"] = 4,
  ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9 }
local CN_UNITS = { ["十"] = 10, ["百"] = 100, ["千"] = 1000, ["万"] = 10000 }
local COUNTERS = { ["件"] = true, ["起"] = true, ["宗"] = true, ["个"] = true, ["项"] = true,
  ["条"] = true, ["次"] = true, ["篇"] = true, ["份"] = true }

--- A Chinese numeral as an integer: "三" -> 3, "十二" -> 12, "一百零五" -> 105; nil if not one.
function M.cn_int(s)
  local total, section, digit, any = 0, 0, nil, false
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    if CN_DIGITS[ch] then
      digit, any = CN_DIGITS[ch], true
    elseif CN_UNITS[ch] then
      local unit = CN_UNITS[ch]
      if unit == 10000 then
        total = (total + section + (digit or 0)) * unit
        section = 0
      else
        section = section + (digit or 1) * unit
      end
      digit, any = nil, true
    else
      return nil
    end
  end
  if not any then return nil end
  return total + section + (digit or 0)
end

local function numerals_before_counters(s)
  local out, run = {}, {}
  local function flush(next_ch)
    if #run > 0 then
      local word = table.concat(run)
      local n = COUNTERS[next_ch or ""] and M.cn_int(word)
      out[#out + 1] = n and tostring(n) or word
      run = {}
    end
  end
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    if CN_DIGITS[ch] or CN_UNITS[ch] then
      run[#run + 1] = ch
    else
      flush(ch)
      out[#out + 1] = ch
    end
  end
  flush(nil)
  return table.concat(out)
end

--- Counts in a normalized text: a list of { pos, n, unit } for each number followed by a
--- counter (件 起 宗 个 项 条 次 篇 份), in order.
function M.counts(s)
  local out = {}
  for pos, num, e in s:gmatch("()(%d+)()") do
    local unit = s:sub(e, e + 2)
    if COUNTERS[unit] and s:sub(pos - 1, pos - 1) ~= "." then
      out[#out + 1] = { pos = pos, n = math.tointeger(tonumber(num)), unit = unit }
    end
  end
  return out
end

--- The first count in s (optionally at or after byte init), or nil.
function M.first_count(s, init)
  for _, c in ipairs(M.counts(s)) do
    if c.pos >= (init or 1) then return c.n, c end
  end
  return nil
end

-- Every rule reads the same narrative, so its normalized text, sentences and clauses are
-- computed once per text and shared (callers must not modify the lists). The cache is
-- bounded: it is dropped whole when it grows past CACHE_MAX texts.
local CACHE_MAX = 512
local function memoize(fn)
  local cache, size = {}, 0
  return function(s)
    local v = cache[s]
    if v == nil then
      if size >= CACHE_MAX then cache, size = {}, 0 end
      v = fn(s)
      cache[s] = v
      size = size + 1
    end
    return v
  end
end

--- Narrative text prepared for matching (see above).
M.normalize = memoize(function(s)
  s = nb.nfkc(tostring(s or ""))
  s = s:gsub("%s+", "")
  s = s:gsub("(%d),(%d%d%d)", "%1%2"):gsub("(%d),(%d%d%d)", "%1%2")
  return numerals_before_counters(s)
end)

--- The pieces of s between the given separators (plain strings), without empty ones.
local function split(s, seps)
  local out, start = {}, 1
  local next_at = {} -- per separator: its next position at or after start (false: none left)
  while true do
    -- the nearest separator from start on; each separator is searched again only once passed
    local at, stop
    for k, sep in ipairs(seps) do
      local i = next_at[k]
      if i == nil or (i and i < start) then
        i = s:find(sep, start, true) or false
        next_at[k] = i
      end
      if i and (not at or i < at) then at, stop = i, i + #sep - 1 end
    end
    if not at then break end
    if at > start then out[#out + 1] = s:sub(start, at - 1) end
    start = stop + 1
  end
  if start <= #s then out[#out + 1] = s:sub(start) end
  return out
end

local SENTENCE_SEPS = { "。", "!", "?", ";", "\n" }
local CLAUSE_SEPS = { "。", "!", "?", ";", "\n", ",", ":", "(", ")", "[", "]" }

--- Sentences of a normalized text (split at 。！？； and line ends).
M.sentences = memoize(function(s) return split(s, SENTENCE_SEPS) end)

--- Clauses of a normalized text (also split at commas, colons and brackets; 、 stays inside).
M.clauses = memoize(function(s) return split(s, CLAUSE_SEPS) end)

--- True when s contains any of the plain strings in list.
function M.has(s, list)
  for _, w in ipairs(list) do
    if s:find(w, 1, true) then return true end
  end
  return false
end

--- The narrative texts of a report, in order: { section, label, text }. section is the
--- numeral of the official section ("一", "五", "六"); label names the part in Chinese.
function M.narratives(report)
  local out = {}
  for i, item in ipairs(report.overview or {}) do
    out[#out + 1] = { section = "一", label = string.format("（%s）%s", nb.numeral(i), item.heading or ""),
                      text = item.text or "", heading = item.heading }
  end
  if report.problems then out[#out + 1] = { section = "五", label = "存在的主要问题", text = report.problems } end
  if report.improvements then out[#out + 1] = { section = "五", label = "改进情况", text = report.improvements } end
  if report.other_matters then out[#out + 1] = { section = "六", label = "其他需要报告的事项", text = report.other_matters } end
  return out
end

--- Every normalized sentence of the narrative: calls fn(sentence, part).
function M.each_sentence(report, fn)
  for _, part in ipairs(M.narratives(report)) do
    for _, sentence in ipairs(M.sentences(M.normalize(part.text))) do fn(sentence, part) end
  end
end

--- Every normalized clause of the narrative: calls fn(clause, part, sentence).
function M.each_clause(report, fn)
  M.each_sentence(report, function(sentence, part)
    for _, clause in ipairs(M.clauses(sentence)) do fn(clause, part, sentence) end
  end)
end

--- A table 三 value: column 7 (总计) of a row by key ("new", "withheld.third_party");
--- nil when blank or absent. With group = "withheld" the sum of the group's rows.
function M.t3(report, key, column)
  column = column or 7
  local req = report.requests or {}
  local row = req
  for part in key:gmatch("[^%.]+") do row = type(row) == "table" and row[part] or nil end
  if type(row) ~= "table" or row == nb.BLANK then return nil end
  if row[1] ~= nil then
    local v = row[column]
    return math.type(v) == "integer" and v or nil
  end
  local sum = 0
  for _, r in pairs(row) do
    local v = type(r) == "table" and r ~= nb.BLANK and r[column]
    if math.type(v) ~= "integer" then return nil end
    sum = sum + v
  end
  return sum
end

--- Sum of table 三 columns first..last of a row ("new", 2, 6: the legal persons).
function M.t3_sum(report, key, first, last)
  local sum = 0
  for c = first, last do
    local v = M.t3(report, key, c)
    if not v then return nil end
    sum = sum + v
  end
  return sum
end

return M
