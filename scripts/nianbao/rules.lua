-- Discovery and running of rules: rules/*.lua along the search path, one rule per file.
-- A file earlier on the path replaces a bundled one of the same name. A rule can only add
-- findings through ctx:add; the built-in findings are never shown to it for editing.
local nb = require "nianbao"
local text = require "nianbao.text"

local M = {}

local SEVERITIES = {} -- "error", "warning" (host/schema.c; nb._severities is nb.schema.severities
for _, s in ipairs(nb._severities) do SEVERITIES[s.key] = true end -- without building nb.schema)

--- A rule from its source text: the checked { id, severity, describe, check, warnings_only,
--- file, name };
--- where names the file in messages. Raises an error naming the file when a field is wrong.
--- text may also be the chunk already loaded (nb.load_script: the embedded bytecode).
local function load_rule(name, text, where)
  local chunk, err = text, nil
  if type(text) ~= "function" then chunk, err = load(text, "@" .. where, "t") end
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
  if rule.warnings_only ~= nil and type(rule.warnings_only) ~= "boolean" then
    error(string.format("%s：warnings_only 应为 true 或 false，实际为 %s", where, type(rule.warnings_only)), 0)
  end
  if rule.warnings_only and rule.severity == "error" then
    error(string.format("%s：severity 为 \"error\" 的规则不能声明 warnings_only = true（它的发现默认是错误）", where), 0)
  end
  return { id = rule.id, severity = rule.severity, describe = rule.describe, check = rule.check,
           warnings_only = rule.warnings_only == true, file = where, name = name }
end
M.load_rule = load_rule

local cache

--- All rules, sorted by file name: { id, severity, describe, check, warnings_only, file, name }.
function M.discover()
  if cache then return cache end
  local names = {}
  for _, name in ipairs(nb.list("rules")) do
    if name:match("%.lua$") then names[#names + 1] = name end
  end
  local rules = {}
  for _, name in ipairs(names) do
    local ok, chunk, where, embedded = pcall(nb.load_script, "rules/" .. name)
    if not ok then error(chunk, 0) end
    local rule = load_rule(name, chunk, where)
    rule.bundled = embedded -- see M.budgeted
    rules[#rules + 1] = rule
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

-- ctx.schema is nb.schema, read only when a rule asks for it (nb.schema is built on first use)
local CTX_MT = { __index = function(_, k) if k == "schema" then return nb.schema end end }

--- Run one rule on a report; appends the findings it adds (plain records) to added.
function M.run_rule(rule, report, opts, added)
  M.current_sentence = nil -- a rule that raised inside each_sentence left it set
  local ctx = setmetatable({ report = report, previous = opts.previous }, CTX_MT)
  function ctx.add(_, f)
    if type(f) ~= "table" or type(f.message) ~= "string" then
      error(string.format("%s：ctx:add 需要一个含 message 字段的表", rule.file), 2)
    end
    local sev = f.severity or rule.severity
    if not SEVERITIES[sev] then
      error(string.format("%s：severity 应为 \"error\" 或 \"warning\"", rule.file), 2)
    end
    -- render leaves such a rule out of a report without errors: an error from it would be missed
    if sev == "error" and rule.warnings_only then
      error(string.format("%s：规则声明了 warnings_only = true，不能添加 error 级别的发现（要添加错误，去掉 warnings_only）",
        rule.file), 2)
    end
    added[#added + 1] = {
      id = f.id or rule.id, severity = sev, section = f.section, row = f.row,
      column = f.column, label = f.label, expected = f.expected, found = f.found,
      message = f.message, rule = rule.file,
      -- the sentence being read when the finding was added: part of its fingerprint, so a
      -- reviewer's dismissal lapses when that sentence changes
      sentence = type(f.sentence) == "string" and f.sentence or M.current_sentence,
    }
  end
  M.budgeted(rule, rule.check, report, ctx, added)
  return added
end

--- Checks a --rules / --no-rules list against the rules found: nil when every id names
--- one, else a Chinese message naming the first unknown id and the nearest known one.
--- "all" (any case) stands for every rule, so that `no_rules = { "all" }` runs the
--- built-in checks alone.
function M.check_ids(list)
  if not list then return nil end
  local only_all = true -- `--builtin-only` names no rule: no need to load every rule to know ids
  for _, id in ipairs(list) do only_all = only_all and id:lower() == "all" end
  if only_all then return nil end
  local known, ids = {}, {}
  for _, rule in ipairs(M.discover()) do
    if not known[rule.id] then ids[#ids + 1] = rule.id end
    known[rule.id] = true
  end
  for _, id in ipairs(list) do
    if not known[id] and id:lower() ~= "all" then
      local near = nb.suggest(id:upper(), ids) or nb.suggest(id, ids)
      return string.format("没有编号为“%s”的规则%s（nianbao rules 列出全部规则；all 表示全部）", id,
        near and ("，是否想写“" .. near .. "”？") or "")
    end
  end
  return nil
end

local function all_named(list)
  for _, id in ipairs(list or {}) do
    if id:lower() == "all" then return true end
  end
  return false
end

-- Rules are trusted code but read untrusted text: a rule that runs longer than this many VM
-- instructions on one report is stopped and named in a finding, so no text can hang
-- check, render or the prompt (docs/limits.md). Patterns are single instructions: the
-- bundled rules keep theirs linear in the text.
M.BUDGET = 50 * 1000 * 1000
local STEP = 10000

-- The budget is a count hook, and while one is set Lua calls its debug machinery before
-- every instruction: a tenth of a check. So a bundled rule first runs without it, under an
-- alarm of QUICK_MS of CPU time (host/cputimer.c). Lua's VM does not run 5 instructions a
-- nanosecond, so a rule that ends before the alarm stayed within its budget, and its result
-- is the one the hook would give; a rule the alarm stops loses what it added and runs again
-- under the hook. Only when the budget is at least that many instructions (a test may lower
-- it), and never for a user's rule: running it twice would repeat whatever else it does.
M.QUICK_MS = 10
M.MAX_PER_MS = 5 * 1000 * 1000 -- read by bench/check_one.lua, which sets an alarm to match
local MAX_PER_MS = M.MAX_PER_MS
local try_quickly = nb._try_quickly -- nil on Windows

-- A rule's error message gets the traceback of the place it was raised, the rule's own
-- frames included (raising it again below would start the traceback there); it stays a
-- string (a script's pcall may match it), and the host adds no second traceback to a message
-- that has one. An error object that is not a string is left as it is.
local function traced(stop)
  return function(e)
    if e == stop or type(e) ~= "string" or e:find("\nstack traceback:\n", 1, true) then return e end
    return debug.traceback(e, 2)
  end
end

-- fn(r, c) with the traceback of an error it raises (made once: a rule runs for every report)
local traced_error = traced(nil)
local function run_traced(fn, r, c)
  local ok, err = xpcall(fn, traced_error, r, c)
  if not ok then error(err, 0) end
end

--- Runs fn(report, ctx) under the instruction budget; when it runs out, appends a warning
--- naming the rule to added instead of the rule's findings. Other errors propagate, with the
--- traceback of where they were raised.
function M.budgeted(rule, fn, report, ctx, added)
  local first = #added
  if rule.bundled and try_quickly and M.QUICK_MS > 0 and M.BUDGET >= M.QUICK_MS * MAX_PER_MS then
    local ok, err = try_quickly(M.QUICK_MS, run_traced, fn, report, ctx)
    if ok then return end
    if ok == false then error(err, 0) end
    for i = #added, first + 1, -1 do added[i] = nil end -- stopped (or not run): the hook decides
    M.current_sentence = nil
    M.quick_reruns = (M.quick_reruns or 0) + 1
  end
  local prev = { debug.gethook() }
  local steps, stop = 0, {}
  debug.sethook(function()
    steps = steps + STEP
    if steps > M.BUDGET then error(stop) end
  end, "", STEP)
  local ok, err = xpcall(fn, traced(stop), report, ctx)
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
--- An unknown id in opts.rules / opts.no_rules is an error (see M.check_ids).
--- opts.skip_warnings_only leaves out the rules that declare warnings_only: every error is
--- still found (what render needs to know on a report without errors);
--- opts.only_warnings_only runs those rules alone (M.complete).
function M.run(report, opts)
  local bad = M.check_ids(opts.rules) or M.check_ids(opts.no_rules)
  if bad then error(bad, 0) end
  if all_named(opts.no_rules) then return {} end
  local only, skip = id_set(not all_named(opts.rules) and opts.rules or nil), id_set(opts.no_rules)
  local added = {}
  for _, rule in ipairs(M.discover()) do
    if (not only or only[rule.id]) and not (skip and skip[rule.id])
        and not (opts.skip_warnings_only and rule.warnings_only)
        and not (opts.only_warnings_only and not rule.warnings_only) then
      M.run_rule(rule, report, opts, added)
    end
  end
  return added
end

--- The findings of a check that left out the warnings_only rules (opts.skip_warnings_only),
--- completed: those rules run now, once, and their findings take their places in the order
--- a full check gives (the built-in checks, then each rule in file order). A plain list.
function M.complete(report, findings, opts)
  local rest = M.run(report, setmetatable({ only_warnings_only = true, skip_warnings_only = false },
    { __index = opts or {} }))
  local place = {}
  for i, rule in ipairs(M.discover()) do place[rule.file] = i end
  local out, by_rule = {}, {}
  for _, list in ipairs({ findings, rest }) do
    for _, f in ipairs(list) do
      if f.rule == nil then out[#out + 1] = f -- a built-in check's
      else by_rule[#by_rule + 1] = f end
    end
  end
  -- stable: a rule's findings keep their order (each rule's are all in one of the two lists)
  local seq = {}
  for i, f in ipairs(by_rule) do seq[f] = i end
  table.sort(by_rule, function(a, b)
    local pa, pb = place[a.rule] or math.huge, place[b.rule] or math.huge
    if pa ~= pb then return pa < pb end
    return seq[a] < seq[b]
  end)
  for _, f in ipairs(by_rule) do out[#out + 1] = f end
  return out
end

---------------------------------------------------------------------------
-- Helpers for rules that read the Chinese narrative: they live in nianbao.text (shared with
-- the importer and profiles); these names are kept for rules written against them.

M.cn_int, M.counts, M.first_count = text.cn_int, text.counts, text.first_count
M.normalize, M.sentences, M.clauses, M.has = text.normalize, text.sentences, text.clauses, text.has
M._normalize_lua = text._normalize_lua

-- Words that make a count no one cell's value: an estimate ("近40件", "约120件", "超过500件",
-- "120件左右") or the upper end of a range ("5至9件"). ("30余件" and "40多件" are no counts to
-- begin with: the counter does not follow the digits.) Edit the lists to taste. Each word says
-- where the true value lies, given the stated n: "below" (近, 不足: at most n), "above" (超过,
-- 以上: at least n) or "near" (约, 左右: on either side).
M.ABOUT_BEFORE = { "近", "约", "逾", "超过", "不足", "不到" }
M.ABOUT_AFTER = { "左右", "以上", "上下" }
M.RANGE_SEPS = { "至", "到", "-", "~", "—", "–" }
M.ABOUT_SIDE = { ["近"] = "below", ["不足"] = "below", ["不到"] = "below", ["逾"] = "above",
  ["超过"] = "above", ["以上"] = "above" } -- any other word: "near"
-- How far from n an estimate may be: a writer rounds to the leading digits, so 近40 is 32..40,
-- 约40 is 32..48, 超过500 is 500..1000 (beyond twice n one writes the larger round number). A
-- count outside cannot be the table's value however it is rounded: "约40件" for 60 is wrong.
M.ABOUT_NEAR, M.ABOUT_ONE_SIDED = 0.2, 1.0

local function ends_at(s, stop, list)
  for i = 1, #list do
    local w = list[i]
    if stop >= #w and s:sub(stop - #w + 1, stop) == w then return #w, w end
  end
end

-- whether value fits an estimate of n on the given side
local function fits(n, side, value)
  if value == nil then return true end
  if side == "below" then return value <= n and value >= n * (1 - M.ABOUT_NEAR) end
  if side == "above" then return value >= n and value <= n * (1 + M.ABOUT_ONE_SIDED) end
  return math.abs(value - n) <= n * M.ABOUT_NEAR
end

--- Whether the count at (the second result of first_count: { pos, n, unit }) in s is an
--- estimate or a range's end rather than an exact figure; given value (the table's), whether
--- it is an estimate that value fits (a range's end is of a part, any value fits: "各季度收到
--- 申请5至9件不等"). Some twenty string calls: rules ask it of a disagreeing count only.
function M.about(s, at, value)
  local pos = at.pos
  local _, w = ends_at(s, pos - 1, M.ABOUT_BEFORE)
  if w then return fits(at.n, M.ABOUT_SIDE[w] or "near", value) end
  local sep = ends_at(s, pos - 1, M.RANGE_SEPS)
  if sep and s:find("^%d", pos - sep - 1) then return true end
  local e = s:find("%D", pos) or #s + 1 -- the unit (a three-byte counter) starts at e
  for i = 1, #M.ABOUT_AFTER do
    w = M.ABOUT_AFTER[i]
    if s:sub(e + 3, e + 2 + #w) == w then return fits(at.n, M.ABOUT_SIDE[w] or "near", value) end
  end
  return false
end

-- The labels of a read-only report's overview parts, made once: every rule asks for the
-- narrative parts (a report a script built and may still change is labelled each time)
local overview_labels = setmetatable({}, { __mode = "k" })

--- The narrative texts of a report, in order: { section, label, text }. section is the
--- numeral of the official section ("一", "五", "六"); label names the part in Chinese.
--- A new list of new tables at every call: callers may change them.
function M.narratives(report)
  local out = {}
  local overview = report.overview or {}
  local labels = overview_labels[report]
  if not labels then
    labels = {}
    if getmetatable(report) == "nianbao.frozen" then overview_labels[report] = labels end
  end
  for i = 1, #overview do
    local item = overview[i]
    if item == nil then break end -- as ipairs would (a caller's table with a hole)
    local label = labels[i]
    if not label then
      label = string.format("（%s）%s", nb.numeral(i), item.heading or "")
      labels[i] = label
    end
    out[#out + 1] = { section = "一", label = label, text = item.text or "", heading = item.heading }
  end
  if report.problems then out[#out + 1] = { section = "五", label = "存在的主要问题", text = report.problems } end
  if report.improvements then out[#out + 1] = { section = "五", label = "改进情况", text = report.improvements } end
  if report.other_matters then out[#out + 1] = { section = "六", label = "其他需要报告的事项", text = report.other_matters } end
  return out
end

-- The parts of a read-only report, each followed by its normalized sentences, made once:
-- every rule walks them, and making them anew (nine new tables, the texts looked up in the
-- caches of normalize and sentences) cost some 35 K instructions a rule on a real report.
-- The parts are read-only, so that one rule cannot change what the next one is handed: an
-- empty proxy each, sharing one metatable (nb.freeze copies the table and makes a metatable
-- for each, 10 K instructions a part).
local part_of = setmetatable({}, { __mode = "k" }) -- proxy -> the part it shows
local READ_ONLY_PART = {
  __index = function(proxy, k) return part_of[proxy][k] end,
  __newindex = function(_, k)
    error(string.format("叙述部分是只读的，不能修改字段“%s”", tostring(k)), 2)
  end,
  __pairs = function(proxy) return next, part_of[proxy], nil end,
  __len = function(proxy) return #part_of[proxy] end,
  __metatable = "nianbao.frozen",
}
local walked = setmetatable({}, { __mode = "k" })
local function parts_and_sentences(report)
  local list = walked[report]
  if list then return list end
  list = {}
  local parts = M.narratives(report)
  for i = 1, #parts do
    local proxy = setmetatable({}, READ_ONLY_PART)
    part_of[proxy] = parts[i]
    list[#list + 1] = proxy
    list[#list + 1] = M.sentences(M.normalize(parts[i].text))
  end
  if getmetatable(report) == "nianbao.frozen" then walked[report] = list end
  return list
end

--- Every part of the narrative, as narratives lists them but read-only, with its normalized
--- sentences: calls fn(part, sentences).
function M.each_part(report, fn)
  local list = parts_and_sentences(report)
  for i = 1, #list, 2 do fn(list[i], list[i + 1]) end
end

--- Every normalized sentence of the narrative: calls fn(sentence, part), part read-only.
--- (Numeric loops: every rule walks these lists, and ipairs costs a C call per item.)
function M.each_sentence(report, fn)
  local list = parts_and_sentences(report)
  for i = 1, #list, 2 do
    local part, sentences = list[i], list[i + 1]
    for k = 1, #sentences do
      local sentence = sentences[k]
      M.current_sentence = sentence
      fn(sentence, part)
    end
  end
  M.current_sentence = nil
end

--- Every normalized clause of the narrative: calls fn(clause, part, sentence).
function M.each_clause(report, fn)
  M.each_sentence(report, function(sentence, part)
    local clauses = M.clauses(sentence)
    for i = 1, #clauses do fn(clauses[i], part, sentence) end
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
