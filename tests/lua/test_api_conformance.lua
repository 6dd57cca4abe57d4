-- The Lua API called exactly as the contract (../shared/spec/LUA-API.md) writes it, entry by
-- entry: each function, field, argument form, default, result and error it names, and each
-- of its examples. What docs/lua-api.md refines (nb.unzip's name form, findings without
-- dismissed/reason) is checked where it is documented; this file keeps the contract's forms.
-- Calls whose error is checked are never tail calls, so that the caller's line is kept.
local T = ...
local nb = require "nianbao"

local HERE = "test_api_conformance.lua:"

local tests = {}

-- the message of the error fn raises; it must name the caller's file:line and hold each text
local function error_of(fn, ...)
  local ok, err = pcall(fn)
  T.ok(not ok, "an error was expected")
  err = tostring(err)
  T.ok(err:find(HERE, 1, true), "the caller's file:line in: " .. err)
  for _, text in ipairs({ ... }) do T.ok(err:find(text, 1, true), "“" .. text .. "” in: " .. err) end
  return err
end

-- the seed report with table 三's 一 off by one: a report with errors
local function broken_copy()
  local c = T.load_seed():copy()
  c.requests.new[1] = c.requests.new[1] + 1
  return c
end

local function write_temp(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

---------------------------------------------------------------------------
-- the module nianbao

function tests.module_is_preloaded()
  T.eq(type(nb), "table", "require \"nianbao\"")
  T.eq(package.loaded.nianbao, nb, "the one module")
  T.eq(type(nb.version), "string", "nb.version")
  T.ok(nb.version:match("^%d+%.%d+"), "a version string: " .. nb.version)
end

function tests.load_returns_a_report_or_nil_and_a_message()
  local r = nb.load(T.seed)
  T.eq(r.agency, "延津县商务局", "the report")
  local none, msg = nb.load("no/such/file.lua")
  T.eq(none, nil, "a missing file")
  T.ok(type(msg) == "string" and msg:find("no/such/file.lua", 1, true), "the message names the file: " .. tostring(msg))
  -- a data file that does not load: nil and a message naming the file and the place
  local path = write_temp("return { format = 2021, agency = \"某局\", year = 2024,\n  requests = 7 }\n")
  none, msg = nb.load(path)
  os.remove(path)
  T.eq(none, nil, "a file of the wrong shape")
  T.ok(type(msg) == "string" and msg:find(path, 1, true), "the message names the file: " .. tostring(msg))
  -- nb.load is not given a path
  error_of(function() local _ = nb.load() end, "nb.load", "path", "字符串")
  error_of(function() local _ = nb.load({}) end, "nb.load", "path", "表")
end

-- a report from a table (a modified copy, or a table made by a script) through nb.view
function tests.view_of_a_table()
  local c = T.load_seed():copy()
  c.agency = "某某局"
  local v = assert(nb.view(c))
  T.eq(v.agency, "某某局", "the copy as it is now")
  T.raises(function() v.agency = "x" end, "只读", "the view is read-only")
  local none, msg = nb.view({ format = 2021, agency = 3 })
  T.eq(none, nil, "a table of the wrong shape")
  T.eq(type(msg), "string", "and a message")
  error_of(function() local _ = nb.view("x") end, "nb.view", "table")
end

function tests.check_returns_a_findings_list()
  local seed = T.load_seed()
  local clean = nb.check(seed)
  T.eq(#clean, 0, "the seed has no findings")
  T.eq(#nb.check(seed, nil), 0, "opts nil")
  T.eq(#nb.check(seed, {}), 0, "opts empty")
  local found = nb.check(broken_copy())
  T.ok(#found > 0 and #found:errors() > 0, "a report with errors")
  -- opts.previous: last year's report; its 结转下年度继续办理 against this year's 上年结转
  local prev = T.load_seed():copy()
  prev.year = seed.year - 1
  for c = 1, 7 do prev.requests.carried_forward[c] = seed.requests.carried_over[c] end
  local function has_carry(list)
    for _, f in ipairs(list) do if f.id == "YEAR.CARRY" then return true end end
    return false
  end
  T.ok(not has_carry(nb.check(seed, { previous = nb.view(prev) })), "the carry matches")
  prev.requests.carried_forward[1] = prev.requests.carried_forward[1] + 3
  T.ok(has_carry(nb.check(seed, { previous = nb.view(prev) })), "opts.previous is read")
  T.ok(has_carry(nb.check(seed, { previous = prev })), "a mutable previous report too")
  -- wrong arguments: the function, the argument, in Chinese, at the caller's line
  error_of(function() local _ = nb.check() end, "nb.check", "report", "表")
  error_of(function() local _ = nb.check("report.lua") end, "nb.check", "report", "字符串")
  error_of(function() local _ = nb.check(seed, 5) end, "nb.check", "opts")
  error_of(function() local _ = nb.check(seed, { previous = "last.lua" }) end, "nb.check", "opts.previous")
end

function tests.render_returns_a_string()
  local seed = T.load_seed()
  for _, format in ipairs({ "text", "html", "markdown" }) do
    local out = nb.render(seed, format)
    T.eq(type(out), "string", format)
    T.ok(out:find(seed.agency, 1, true), format .. " names the agency")
    T.eq(nb.render(seed, format, nil), out, format .. ": opts nil")
    T.eq(nb.render(seed, format, {}), out, format .. ": opts empty")
  end
  local docx = nb.render(seed, "docx")
  T.eq(docx:sub(1, 2), "PK", "a binary format: the bytes of the archive")
  -- opts.profile by name or as a profile, the same output
  T.eq(nb.render(seed, "text", { profile = "gbt9704" }), nb.render(seed, "text", { profile = nb.profile("gbt9704") }),
    "a profile by name")
  -- the findings a render shows are nb.check's unless given
  local broken = nb.view(broken_copy())
  T.ok(nb.render(broken, "text") ~= nb.render(broken, "text", { findings = nb.findings({}) }), "opts.findings")
  -- to a file: the output written as it is
  local path = os.tmpname()
  T.eq(nb.write_file(path, nb.render(seed, "html")), true, "nb.write_file")
  T.eq(T.read(path), nb.render(seed, "html"), "the file holds the output")
  os.remove(path)
  local none, msg = nb.write_file("/no/such/folder/x.html", "x")
  T.eq(none, nil, "an unwritable path")
  T.ok(type(msg) == "string" and msg:find("/no/such/folder/x.html", 1, true), "the message names it")
  -- wrong arguments
  error_of(function() local _ = nb.render() end, "nb.render", "report")
  error_of(function() local _ = nb.render(seed, "no-such-format") end, "no-such-format")
  error_of(function() local _ = nb.render(seed, {}) end, "nb.render", "format")
  error_of(function() local _ = nb.render(seed, "text", "gbt9704") end, "nb.render", "opts")
end

function tests.schema_is_the_format_as_data()
  local s = nb.schema
  local keys = {}
  for i, sec in ipairs(s.sections) do keys[i] = sec.key end
  T.eq(#s.sections, 6, "six sections")
  T.eq(s.sections[3].heading, "三、收到和处理政府信息公开申请情况", "a heading")
  -- the tables: rows with key, label, level, span; columns with key, label
  T.eq(#s.requests.rows, 25, "table 三's rows")
  for _, row in ipairs(s.requests.rows) do
    T.ok(type(row.key) == "string" and type(row.label) == "string", "a row's key and label")
    T.ok(math.type(row.level) == "integer" and math.type(row.span) == "integer", row.key .. ": level and span")
  end
  T.eq(#s.requests.columns, 7, "table 三's columns")
  T.eq(s.requests.columns[7].label, "总计", "the last column")
  for _, c in ipairs(s.requests.columns) do T.ok(c.key and c.label, "a column's key and label") end
  T.ok(#s.proactive.blocks > 0 and #s.appeals.groups == 3 and #s.appeals.columns == 5, "tables 二 and 四")
  T.raises(function() s.sections[1].key = "x" end, "只读", "read-only")
end

function tests.width_pad_wrap()
  T.eq(nb.width(""), 0, "empty")
  T.eq(nb.width("abc"), 3, "ASCII")
  T.eq(nb.width("年报"), 4, "CJK counts 2")
  T.eq(nb.width("年报ab，"), 8, "mixed, a full-width comma 2")
  T.eq(nb.pad("年", 5), "年   ", "default left")
  T.eq(nb.pad("年", 5, "left"), "年   ", "left")
  T.eq(nb.pad("年", 5, "right"), "   年", "right")
  T.eq(nb.pad("年", 6, "center"), "  年  ", "center")
  T.eq(nb.pad("年报", 3), "年报", "already wider: as it is")
  T.eq(nb.width(nb.pad("年a", 10, "center")), 10, "padded to the width")
  local lines = nb.wrap("政府信息公开工作年度报告abc", 6)
  T.eq(type(lines), "table", "a list of lines")
  T.deep_eq(lines, { "政府信", "息公开", "工作年", "度报告", "abc" }, "wrapped at 6 columns")
  for _, l in ipairs(nb.wrap("一二三 abc 四五六七八九十", 5)) do T.ok(nb.width(l) <= 5, "at most n: " .. l) end
  T.deep_eq(nb.wrap("", 4), { "" }, "an empty text: one empty line")
  error_of(function() local _ = nb.width() end, "nb.width", "字符串")
  error_of(function() local _ = nb.pad("a") end, "nb.pad", "n")
  error_of(function() local _ = nb.pad("a", 4, "middle") end, "nb.pad", "align")
  error_of(function() local _ = nb.wrap("abc") end, "nb.wrap", "n")
end

function tests.numeral()
  T.eq(nb.numeral(1), "一", "1")
  T.eq(nb.numeral(11), "十一", "11")
  T.eq(nb.numeral(21), "二十一", "21")
  T.eq(nb.numeral(10), "十", "10")
  T.eq(nb.numeral(100), "一百", "100")
  error_of(function() local _ = nb.numeral("x") end, "nb.numeral")
  error_of(function() local _ = nb.numeral() end, "nb.numeral")
end

function tests.escape_html_and_xml()
  T.eq(nb.escape_html([[<a href="x">&'</a>]]), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;", "HTML")
  T.eq(nb.escape_xml([[<a href="x">&'</a>]]), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;", "XML")
  T.eq(nb.escape_html("政府信息"), "政府信息", "nothing to escape")
  T.eq(nb.escape_html(3), "3", "a number after tostring")
  T.eq(nb.escape_xml(3), "3", "a number after tostring (XML)")
  T.eq(nb.escape_html(nb.BLANK), "", "a blank cell")
  error_of(function() local _ = nb.escape_html() end, "nb.escape_html")
  error_of(function() local _ = nb.escape_xml() end, "nb.escape_xml")
end

function tests.template()
  local out = nb.template("html/subsection.html", { numeral = "一", heading = "主动公开" })
  T.ok(out:find("（一）主动公开", 1, true), "the variables replaced: " .. out)
  T.raises(function() nb.template("html/subsection.html", { numeral = "一" }) end, "subsection.html",
    "a missing variable names the template")
  error_of(function() local _ = nb.template("html/no-such.html", {}) end, "no-such.html")
  error_of(function() local _ = nb.template() end, "nb.template", "name")
  error_of(function() local _ = nb.template("html/subsection.html", "x") end, "nb.template", "vars")
end

---------------------------------------------------------------------------
-- the report view

function tests.view_is_frozen_with_a_clear_error()
  local r = T.load_seed()
  for _, write in ipairs({
    function() r.agency = "x" end,
    function() r.requests.new[1] = 5 end,
    function() r.overview[1].text = "x" end,
    function() r.appeals.review.total = 1 end,
    function() r.new_field = {} end,
  }) do
    error_of(write, "只读", "report:copy()")
  end
end

function tests.view_values_blanks_and_totals()
  local r = T.load_seed()
  T.eq(math.type(r.year), "integer", "year")
  for i = 1, 7 do T.eq(math.type(r.requests.new[i]), "integer", "a count") end
  T.eq(math.type(r.proactive.fees), "float", "the fee")
  T.eq(r.format, 2021, "format")
  T.eq(type(r.title), "string", "title")
  -- a row of 6 values gets its 总计; table 三's total rows and 四's totals are derived
  local c = T.load_seed():copy()
  c.requests.new = { 1, 2, 0, 0, 0, 3 }
  c.requests.total = nil
  c.preamble = "本报告根据《中华人民共和国政府信息公开条例》编制。"
  c.signature = { agency = "延津县商务局", date = "2025年1月20日" }
  c.requests.withheld.state_secret[6] = nb.BLANK
  local v = assert(nb.view(c))
  T.eq(#v.requests.new, 7, "总计 present")
  T.eq(v.requests.new[7], 6, "总计 derived")
  T.eq(#v.requests.total, 7, "the total row derived")
  T.eq(v.preamble, c.preamble, "report.preamble")
  T.eq(v.signature.agency, "延津县商务局", "report.signature.agency")
  T.eq(v.signature.date, "2025年1月20日", "report.signature.date")
  -- blank cells
  T.eq(v.requests.withheld.state_secret[6], nb.BLANK, "a blank cell is nb.BLANK")
  T.eq(tostring(nb.BLANK), "", "tostring(nb.BLANK)")
  T.eq(nb.format_number(nb.BLANK), "", "format_number of a blank")
  local cell = v.requests.withheld.state_secret[6]
  error_of(function() local _ = cell + 1 end, "nb.BLANK")
  error_of(function() local _ = 1 - cell end, "nb.BLANK")
  error_of(function() local _ = cell < 1 end, "nb.BLANK")
  T.eq(cell == 0, false, "a blank is not 0")
  local blank_copy = v:copy().requests.withheld.state_secret[6]
  T.eq(blank_copy, nb.BLANK, "a copy keeps the blank")
end

function tests.copy_is_a_mutable_deep_copy()
  local r = T.load_seed()
  local c = r:copy()
  c.agency = "某局"
  c.requests.new[1] = 99
  c.overview[1].heading = "改"
  T.eq(r.agency, "延津县商务局", "the view is untouched")
  T.eq(r.requests.new[1] ~= 99, true, "a nested table is a copy")
  T.eq(r.overview[1].heading, "主动公开", "a nested item is a copy")
  T.eq(getmetatable(c), nil, "plain tables")
  T.ok(r:copy() ~= r:copy(), "a new copy each time")
  T.eq(#c.overview, #r.overview, "the same shape")
end

function tests.cell_by_path()
  local r = T.load_seed()
  T.eq(r:cell("requests.withheld.third_party", 7), r.requests.withheld.third_party[7], "path and column")
  T.eq(r:cell("requests.new.7"), r.requests.new[7], "a number in the path")
  T.eq(r:cell("requests.new", 7), r.requests.new[7], "the same as the column")
  T.eq(r:cell("overview.1.heading"), r.overview[1].heading, "an overview item")
  T.eq(r:cell("agency"), r.agency, "a top-level field")
  T.eq(r:cell("appeals.review.total"), r.appeals.review.total, "an appeals cell")
  T.eq(r:cell("signature.date"), nil, "a path the report leaves out")
  error_of(function() local _ = r:cell("requests.withheld.thirdparty") end, "requests.withheld.third_party")
  error_of(function() local _ = r:cell() end, "report:cell", "path")
  T.eq(r:cell("proactive.regulations", "in_force"), r.proactive.regulations.in_force, "a column by key")
  error_of(function() local _ = r:cell("requests.new", {}) end, "report:cell", "column")
end

-- pairs, ipairs and # on every table, in order for the lists
function tests.iteration_over_the_view()
  local r = T.load_seed()
  local n = 0
  for i, item in ipairs(r.overview) do
    n = n + 1
    T.eq(i, n, "ipairs in order")
    T.eq(item, r.overview[i], "the item")
  end
  T.eq(#r.overview, n, "# as ipairs counts")
  T.eq(n, 5, "five items")
  local headings = {}
  for i = 1, #r.overview do headings[i] = r.overview[i].heading end
  T.eq(headings[2], "依申请公开", "the order of the file")
  local cells = {}
  for k, v in pairs(r.requests.new) do cells[k] = v end
  T.eq(#cells, 7, "pairs over a row gives its 7 cells")
  for i = 1, 7 do T.eq(cells[i], r.requests.new[i], "cell " .. i) end
  local keys = {}
  for k in pairs(r) do keys[k] = true end
  for _, k in ipairs({ "format", "agency", "year", "title", "overview", "proactive", "requests", "appeals",
                       "problems", "improvements", "other_matters" }) do
    T.ok(keys[k], "pairs over the report gives " .. k)
  end
  T.eq(keys.copy, nil, "methods are not fields")
end

---------------------------------------------------------------------------
-- findings

function tests.findings_records_and_filters()
  local list = nb.check(nb.view(broken_copy()))
  local f = list:errors()[1]
  T.ok(f, "an error")
  for _, k in ipairs({ "id", "severity", "section", "row", "column", "label", "expected", "found", "message" }) do
    T.ok(f[k] ~= nil, "the field " .. k)
  end
  T.eq(f.id, "T3.ROW_TOTAL", "id")
  T.eq(f.severity, "error", "severity")
  T.eq(f.section, "三", "section")
  T.eq(f.row, "new", "row")
  local line = tostring(f)
  T.ok(not line:find("\n", 1, true) and line:find("错误", 1, true) and line:find(f.id, 1, true), "one Chinese line: " .. line)
  T.eq(line, nb.describe_finding(f), "describe_finding")
  error_of(function() f.id = "x" end, "只读")
  -- errors() and warnings() filter, and give findings lists again
  local c = broken_copy()
  c.other_matters = "本机关2024年未收取信息处理费。" -- a narrative change that leaves the errors
  local all = nb.check(c)
  local e, w = all:errors(), all:warnings()
  T.eq(#e + #w, #all, "every finding is an error or a warning")
  for _, x in ipairs(e) do T.eq(x.severity, "error", "errors()") end
  for _, x in ipairs(w) do T.eq(x.severity, "warning", "warnings()") end
  T.eq(#e:errors(), #e, "errors() of errors()")
  T.eq(#e:warnings(), 0, "warnings() of errors()")
  -- the fingerprint: the same over runs
  T.eq(nb.check(nb.view(broken_copy())):errors()[1].fingerprint, f.fingerprint, "a stable fingerprint")
  T.eq(type(f.fingerprint), "string", "fingerprint")
  -- nb.findings wraps plain records
  local wrapped = nb.findings({ { id = "X.Y", severity = "warning", message = "一条" } })
  T.eq(#wrapped:warnings(), 1, "nb.findings")
  T.ok(tostring(wrapped[1]):find("警告 X.Y", 1, true), "its line")
  error_of(function() local _ = nb.findings("x") end, "nb.findings", "list")
end

---------------------------------------------------------------------------
-- contracts for user scripts: the examples of LUA-API.md, loaded as nianbao loads files

local R = require "nianbao.rules"
local profiles = require "nianbao.profile"

function tests.rule_example_and_ctx()
  local rule = R.load_rule("text_requests.lua", [[
    return { id = "TEXT.REQUESTS", severity = "warning", describe = "叙述与表三一致",
             check = function(report, ctx)
               ctx:add{ section = "一", message = "...", expected = 2, found = 3 }
             end }]], "rules/text_requests.lua")
  local seed = T.load_seed()
  local added = nb.findings(R.run_rule(rule, seed, {}, {}))
  T.eq(#added, 1, "one finding")
  T.eq(added[1].id, "TEXT.REQUESTS", "the rule's id")
  T.eq(added[1].severity, "warning", "the rule's severity")
  T.eq(added[1].expected, 2, "expected")
  T.eq(added[1].found, 3, "found")
  T.ok(tostring(added[1]):find("第一部分", 1, true), "section 一 in its line: " .. tostring(added[1]))
  -- ctx: add, report, previous, schema; nothing that removes or edits a finding
  local seen = {}
  local probe = { id = "LOCAL.PROBE", severity = "warning", describe = "ctx", file = "rules/probe.lua",
    check = function(report, ctx) seen.ctx, seen.report = ctx, report end }
  local prev = T.load_seed()
  R.run_rule(probe, seed, { previous = prev }, {})
  T.eq(seen.report, seed, "the report")
  T.eq(seen.ctx.report, seed, "ctx.report")
  T.eq(seen.ctx.previous, prev, "ctx.previous")
  T.eq(seen.ctx.schema, nb.schema, "ctx.schema")
  T.eq(type(seen.ctx.add), "function", "ctx.add")
  R.run_rule(probe, seed, {}, {})
  T.eq(seen.ctx.previous, nil, "ctx.previous without a previous report")
  for _, k in ipairs({ "remove", "delete", "edit", "set", "findings", "clear" }) do
    T.eq(seen.ctx[k], nil, "ctx." .. k)
  end
  -- a rule without check: the file is named
  T.raises(function() R.load_rule("x.lua", [[return { id = "X.Y", severity = "warning", describe = "x" }]],
    "rules/x.lua") end, "rules/x.lua", "a missing field")
end

function tests.renderer_example()
  local mod = assert(load([[
    return { name = "html", extension = "html",
             render = function(report, findings, opts) return "<!doctype html>..." end }]]))()
  local seed = T.load_seed()
  local findings = nb.check(seed)
  T.eq(mod.render(seed, findings, { findings = findings }), "<!doctype html>...", "the example's output")
  T.eq(nb.renderer("html").extension, "html", "the bundled renderer's extension")
  T.eq(type(nb.renderer("text").render), "function", "nb.renderer")
end

function tests.profile_example()
  -- the example's heading hook, "...", written out as a hook that returns nil (keep the default)
  local p = profiles.from_table({ name = "gbt9704",
    text = function(s) return (s:gsub("(%d) (年)", "%1%2")) end,
    heading = function(level, n, title) return nil end,
    amount = function(x) return string.format("%.2f", x) end }, "profiles/gbt9704.lua")
  T.eq(p.text("2024 年"), "2024年", "text")
  T.eq(p.amount(1.5), "1.50", "amount")
  local out = nb.render(T.load_seed(), "text", { profile = p })
  T.ok(out:find("2024年", 1, true) and out:find("一、总体情况", 1, true), "rendered with it, default headings")
  -- formatting never changes a number
  local bad = profiles.from_table({ name = "bad", text = function(s) return (s:gsub("%d", "9")) end }, "profiles/bad.lua")
  T.raises(function() bad.text("共3件") end, "profiles/bad.lua", "a text hook that changes a number")
  T.raises(function() nb.profile("no-such-profile") end, "no-such-profile", "an unknown profile")
  error_of(function() local _ = nb.profile(5) end, "nb.profile", "name")
end

-- The examples as files of a user's folder on the search path, through the commands (in a
-- child process; where /proc/self/exe names no program, as on Windows, this is left out).
function tests.script_files_through_the_commands()
  local lfs = require "lfs"
  if not lfs.attributes("/proc/self/exe") then return end
  local dir = os.tmpname()
  os.remove(dir)
  local files = {
    ["render/html.lua"] = [[return { name = "html", extension = "html",
             render = function(report, findings, opts) return "<!doctype html>..." end }]],
    ["rules/text_requests.lua"] = [[return { id = "TEXT.REQUESTS", severity = "warning", describe = "叙述与表三一致",
             check = function(report, ctx)
               ctx:add{ section = "一", message = "...", expected = 2, found = 3 }
             end }]],
    ["profiles/mine.lua"] = [[return { name = "mine",
             text = function(s) return (s:gsub("(%d) (年)", "%1%2")) end,
             heading = function(level, n, title) return nil end,
             amount = function(x) return string.format("%.2f", x) end }]],
    ["render/nofn.lua"] = [[return { name = "nofn", extension = "nofn" }]],
    ["profiles/noname.lua"] = [[return { text = function(s) return s end }]],
  }
  assert(lfs.mkdir(dir))
  for _, sub in ipairs({ "render", "rules", "profiles" }) do assert(lfs.mkdir(dir .. "/" .. sub)) end
  for name, text in pairs(files) do
    local f = assert(io.open(dir .. "/" .. name, "wb"))
    f:write(text)
    f:close()
  end
  local function run(...)
    -- (address space for a sanitizer build's shadow memory, which the default 512 MiB refuses)
    return nb.run_limited({ "/proc/self/exe", "--scripts", dir, ... }, { timeout = 60, memory = 1 << 46 })
  end
  local html = run("render", T.seed, "-f", "html")
  local check = run("check", T.seed)
  local mine = run("render", T.seed, "--profile", "mine")
  local nofn = run("render", T.seed, "-f", "nofn")
  local noname = run("render", T.seed, "--profile", "noname")
  for name in pairs(files) do os.remove(dir .. "/" .. name) end
  for _, sub in ipairs({ "render", "rules", "profiles" }) do lfs.rmdir(dir .. "/" .. sub) end
  lfs.rmdir(dir)
  T.eq(html.stdout, "<!doctype html>...", "the renderer example replaces render/html.lua")
  T.eq(check.status, nb.exit.ok, "the rule example adds a warning only")
  T.ok(check.stdout:find("TEXT.REQUESTS", 1, true), "its finding is shown: " .. check.stdout .. check.stderr)
  T.eq(mine.status, nb.exit.ok, "the profile example renders: " .. mine.stderr)
  T.ok(mine.stdout:find("一、总体情况", 1, true), "with the default headings")
  -- a missing field: the file is named
  T.eq(nofn.status, nb.exit.script, "a renderer without render")
  T.ok(nofn.stderr:find(dir .. "/render/nofn.lua", 1, true), "names the file: " .. nofn.stderr)
  T.eq(noname.status, nb.exit.script, "a profile without name")
  T.ok(noname.stderr:find(dir .. "/profiles/noname.lua", 1, true), "names the file: " .. noname.stderr)
end

---------------------------------------------------------------------------
-- the prompt: its globals and helpers, installed as `nianbao repl` installs them

function tests.prompt_helpers()
  local prompt = require "nianbao.prompt"
  local seed = T.load_seed()
  local env = setmetatable({ report = seed, nb = nb, nianbao = nb, findings = nb.check(seed) }, { __index = _G })
  prompt.install(env, { baseline = {}, path = T.seed })
  for _, name in ipairs({ "check", "render", "load_report", "reload", "help" }) do
    T.eq(type(env[name]), "function", name)
  end
  local found = env.check()
  T.eq(getmetatable(found).__name, "nianbao.findings", "check() returns the findings")
  T.eq(env.findings, found, "and stores them")
  local path = os.tmpname()
  local saved = print
  print = function() end -- render(format, path) says where it wrote
  env.render("markdown", path)
  print = saved
  T.eq(T.read(path), nb.render(seed, "markdown"), "render(format, path) writes the output")
  os.remove(path)
end

---------------------------------------------------------------------------
-- the additions of the second round

function tests.zip_and_unzip_as_the_contract_writes_them()
  local entries = { { name = "mimetype", data = "application/vnd.test", store = true },
                    { name = "word/说明.txt", data = string.rep("政府信息公开", 100) },
                    { name = "empty.txt", data = "" } }
  local z = nb.zip(entries)
  T.eq(type(z), "string", "bytes")
  T.eq(z:sub(1, 2), "PK", "a ZIP")
  -- nb.unzip(bytes, limits) -> entries, in order, the list nb.zip takes
  local back = assert(nb.unzip(z, { entries = 10, size = 4096, ratio = 100 }))
  T.eq(#back, 3, "every entry")
  for i, e in ipairs(entries) do
    T.eq(back[i].name, e.name, "name " .. i)
    T.eq(back[i].data, e.data, "data " .. i)
  end
  T.deep_eq(nb.unzip(z), back, "without limits: the usual bounds")
  T.eq(nb.zip(back), nb.zip({ { name = "mimetype", data = "application/vnd.test" }, back[2], back[3] }),
    "zip(unzip(z)) packs the same files")
  -- bounded: entry count, sizes
  local none, msg = nb.unzip(z, { entries = 2 })
  T.eq(none, nil, "too many entries")
  T.ok(msg:find("3", 1, true), "the count is named: " .. msg)
  none, msg = nb.unzip(z, { size = 100 })
  T.eq(none, nil, "an entry too large")
  T.ok(msg:find("word/说明.txt", 1, true), "the entry is named: " .. msg)
  none = nb.unzip(string.rep("x", 100))
  T.eq(none, nil, "not a ZIP")
  none = nb.unzip(z:sub(1, #z - 10))
  T.eq(none, nil, "a cut archive")
  -- a ZIP bomb is refused by the ratio
  local bomb = nb.zip({ { name = "zeros", data = string.rep("\0", 1 << 20) } })
  none, msg = nb.unzip(bomb, { ratio = 50 })
  T.eq(none, nil, "a ratio beyond the bound")
  T.ok(msg:find("压缩比", 1, true), "the ratio is named: " .. msg)
  -- two entries of one name (nb.zip refuses to write them; other tools do not): each keeps
  -- its own bytes, as the archive holds them
  local twin = nb.zip({ { name = "a.txt", data = "first" }, { name = "b.txt", data = "second" } })
  twin = twin:gsub("b%.txt", "a.txt")
  local both = assert(nb.unzip(twin))
  T.eq(#both, 2, "both entries of one name")
  T.eq(both[1].name .. both[2].name, "a.txta.txt", "their names")
  T.eq(both[1].data .. "|" .. both[2].data, "first|second", "each its own bytes")
  -- records that share their bytes (an overlapping ZIP bomb: each is within the ratio, yet
  -- thousands of them can point at one packed entry) are refused, whichever their names
  local same = string.rep("年度报告", 50)
  local shared = nb.zip({ { name = "a.txt", data = same, store = true }, { name = "b.txt", data = same, store = true } })
  local second = select(2, shared:find("PK\1\2", select(2, shared:find("PK\1\2", 1, true)), true)) - 3
  shared = shared:sub(1, second + 41) .. "\0\0\0\0" .. shared:sub(second + 46)
  none, msg = nb.unzip(shared)
  T.eq(none, nil, "two records of one entry's bytes")
  T.ok(msg:find("b.txt", 1, true) and msg:find("重叠", 1, true), "the overlap is named: " .. tostring(msg))
  -- the one-entry form of docs/lua-api.md stays
  T.eq(nb.unzip(z, "word/说明.txt"), entries[2].data, "one entry by name")
  error_of(function() local _ = nb.unzip() end, "nb.unzip", "bytes")
  -- a missing argument reads the same whether the function is C's (nb.load) or Lua's (nb.check)
  error_of(function() local _ = nb.load() end, "nb.load：第 1 个参数 path 应为字符串，但没有给出")
  error_of(function() local _ = nb.check() end, "nb.check：第 1 个参数 report 应为表，但没有给出")
  error_of(function() local _ = nb.check(5) end, "nb.check：第 1 个参数 report 应为表，实际为")
  error_of(function() local _ = nb.unzip(z, 5) end, "nb.unzip", "limits")
  error_of(function() local _ = nb.unzip(z, { max = 5 }) end, "nb.unzip", "max")
  error_of(function() local _ = nb.zip() end, "nb.zip", "entries")
end

function tests.text_index_of_a_report()
  local r = T.load_seed()
  local t = nb.text(r)
  T.eq(r:text(), t, "report:text() is nb.text(report)")
  T.ok(#t > 0, "the narrative parts")
  local part = t[1]
  T.ok(type(part.text) == "string" and type(part.sentences) == "table" and type(part.clauses) == "table"
    and type(part.numbers) == "table", "text, sentences, clauses, numbers")
  local n = 0
  for _, p in ipairs(t) do
    for _, x in ipairs(p.numbers) do
      n = n + 1
      T.eq(p.text:sub(x.pos, x.pos + x.len - 1), x.text, "the position of a number")
      T.ok(x.unit and (x.form == "arabic" or x.form == "chinese"), "unit and written form")
    end
  end
  T.ok(n > 0, "numbers found")
  T.raises(function() t[1].text = "x" end, "只读", "read-only")
  local s = nb.text("收到申请两件。")
  T.eq(s.numbers[1].value, 2, "a string: its number")
  T.eq(s.numbers[1].form, "chinese", "written in Chinese")
  error_of(function() local _ = nb.text() end, "nb.text")
end

function tests.list_one_folder()
  local names = nb.list("profiles")
  T.deep_eq(names, { "county-example.lua", "default.lua", "gbt9704.lua" }, "the bundled profiles")
  local render = nb.list("render")
  for _, f in ipairs({ "docx.lua", "html.lua", "markdown.lua", "text.lua" }) do
    local seen = false
    for _, x in ipairs(render) do seen = seen or x == f end
    T.ok(seen, "render/" .. f)
  end
  error_of(function() local _ = nb.list() end, "nb.list")
end

-- every C function of the module says in Chinese which argument is wrong, at the caller's line
function tests.c_functions_name_the_argument()
  error_of(function() local _ = nb.nfkc() end, "nb.nfkc", "第 1 个参数")
  error_of(function() local _ = nb.has_any("x") end, "nb.has_any", "words", "表")
  error_of(function() local _ = nb.find_byte("x", "y", "z") end, "nb.find_byte", "init", "整数")
  error_of(function() local _ = nb.first_count({}) end, "nb.first_count", "字符串")
  error_of(function() local _ = nb.suggest("x") end, "nb.suggest", "list")
  error_of(function() local _ = nb.default_title("某局", "二〇二四") end, "nb.default_title", "year")
  error_of(function() local _ = nb.write_file("x") end, "nb.write_file", "text", "没有给出")
  error_of(function() local _ = nb.freeze(nil) end, "nb.freeze", "nil")
  -- optional arguments may be nil; a number is taken for a string, as Lua's libraries take it
  T.eq(nb.find_byte("a,b", ",", nil), 2, "an optional nil")
  T.eq(nb.default_title("某局", nil), nb.default_title("某局"), "nil year")
  T.eq(nb.width(123), 3, "a number as a string")
end

return tests
