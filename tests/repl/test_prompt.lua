-- Tests of nianbao/prompt.lua (pretty printer, completion, help) inside the host:
--   nianbao run tests/repl/test_prompt.lua
-- Prints one line per failure with its file:line and "N passed, M failed"; exits 1 on failure.
local nb = require "nianbao"
local prompt = require "nianbao.prompt"

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local check, eq = tally.ok, tally.eq

local report = assert(nb.load("reports/yanjin-commerce-2024.lua"))
local env = setmetatable({ report = report, nb = nb, nianbao = nb, findings = nb.check(report) }, { __index = _G })
prompt.install(env, { baseline = {} })

---------------------------------------------------------------------------
-- the printer
local show = prompt.show

eq(show({ 1, 2, 3 }), "{ 1, 2, 3 }", "a list on one line")
eq(show({}), "{}", "an empty table")
eq(show({ b = 1, a = 2, [3] = "x" }), '{ [3] = "x", a = 2, b = 1 }', "keys sorted, non-names bracketed")
eq(show({ ["end"] = 1 }), '{ ["end"] = 1 }', "a keyword key is bracketed")
eq(show("a\"b\\c\n\0"), '"a\\"b\\\\c\\n\\000"', "escapes in a quoted string")
eq(show("中文"), '"中文"', "UTF-8 text is kept as it is")
eq(show("\xe4\xb8"), '"\\xE4\\xB8"', "bytes of invalid UTF-8 are escaped")
eq(show(0 / 0) .. " " .. show(math.huge) .. " " .. show(1.5), "0/0 math.huge 1.5", "special numbers")

local t = { name = "t" }
t.self = t
t.child = { up = t }
eq(show(t), '{ child = { up = <cycle: _> }, name = "t", self = <cycle: _> }', "cycles are shown, not followed")
local shared = { 1 }
eq(show({ shared, shared }), "{ { 1 }, { 1 } }", "a table seen twice but not in a cycle is shown twice")
local inner = { x = {} }
inner.x.back = inner.x
eq(show({ inner }), "{ { x = { back = <cycle: _[1].x> } } }", "the cycle mark names the path")

local deep = { { { { "bottom" } } } }
eq(show(deep, { depth = 2 }), "{ { {...} } }", "depth limit")
local many = {}
for i = 1, 10 do many[i] = i end
eq(show(many, { items = 3 }), "{ 1, 2, 3, --[[ 另有 7 项 ]] }", "item limit")

-- keys padded to the same display width when the table takes several lines
local wide = show({ ["机关"] = string.rep("x", 40), ab = string.rep("y", 40) }, { width = 60 })
local lines = {}
for l in wide:gmatch("[^\n]+") do lines[#lines + 1] = l end
eq(#lines, 4, "a wide table takes one line per entry")
eq(nb.width(lines[2]:match("^(.-)=")), nb.width(lines[3]:match("^(.-)=")), "the = signs line up by display width")

-- the frozen report prints through its proxies
local text = show(report.requests.new)
eq(text, "{ " .. table.concat({ report.requests.new[1], report.requests.new[2], report.requests.new[3],
  report.requests.new[4], report.requests.new[5], report.requests.new[6], report.requests.new[7] }, ", ") .. " }",
  "a frozen row of table 三")
check(show(report, { width = 100 }):find('agency%s*= "延津县商务局"') ~= nil, "the whole report prints with its agency")
eq(show(nb.BLANK), "nb.BLANK", "the blank sentinel has a name")
eq(show(nb.check), "<function nb.check>", "an API function is named")

-- a finding is shown by its own text; a multi-line string as a long string
local f = nb.findings({ { id = "TEST.ID", severity = "warning", message = "测试" } })
eq(prompt.show_result(f[1]), tostring(f[1]), "a finding at the prompt reads as its text")
eq(show(f), "{ <" .. tostring(f[1]) .. "> }", "findings in a list")
eq(prompt.show_result("a\nb"), "[[\na\nb]]", "multi-line text as a long string")
eq(prompt.show_result("x]]y\nz"), "[=[\nx]]y\nz]=]", "a long string that holds ]]")
check(load("return " .. prompt.show_result("x]]y\nz"))() == "x]]y\nz", "the long string reads back as the same text")

---------------------------------------------------------------------------
-- completion
local function names(line)
  local list = prompt.complete(line, env)
  return table.concat(list, " ")
end
eq(names("report.ag"), "agency", "a field of the frozen report")
eq(prompt.completion("x = report.ag", 80, env), "ency", "Tab inserts the rest of the name")
eq(names("report.requests.withh"), "withheld", "nested fields")
eq(names("report:co"), "copy", "methods of the report through __index")
eq(names("report.agency:up"), "upper", "string methods")
eq(names("nianbao.sch"), "schema", "fields of the nianbao module")
eq(names("nb._builtin"), "_builtin_check", "internal names when asked for")
check(not names("nb."):find("_builtin_check", 1, true), "internal names hidden otherwise")
eq(names("findings:err"), "errors", "methods of a findings list")
eq(names("load_rep"), "load_report", "a helper global")
eq(names("fun"), "function", "keywords")
eq(names("nosuch.x"), "", "nothing for an unknown table")
eq(names("1.5"), "", "nothing for a number")
eq(names("report.agency.x"), "", "nothing inside a string value")
local insert, listing = prompt.completion("nb.es", 80, env)
eq(insert, "cape_", "the common prefix of several names")
eq(listing, nil, "no listing while the prefix grows")
insert, listing = prompt.completion("nb.escape_", 80, env)
eq(insert, "", "nothing more to insert")
check(listing and listing:find("escape_html") and listing:find("escape_xml"), "the listing shows the candidates")
-- completion never runs code: a table whose __index is a function is not called
local called = false
env.trap = setmetatable({}, { __index = function() called = true end })
names("trap.x.y")
check(not called, "__index functions are not called")
env.trap = nil

---------------------------------------------------------------------------
-- help: the sections of docs/lua-api.md
local doc_file = assert(io.open("docs/lua-api.md")):read("a")
local function section(heading_start)
  local start = doc_file:find("\n### " .. heading_start, 1, true)
  if not start then return nil end
  local stop = doc_file:find("\n#", start + 1) or #doc_file + 1
  -- help() leaves out the "<!-- runnable -->" markers of the examples
  return (doc_file:sub(start + 5, stop - 1):gsub("\n<!%-%-[^\n]*%-%->", ""))
end
local function norm(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end
for _, case in ipairs({ { nb.check, "nb.check(" }, { nb.pad, "nb.pad(" }, { report.copy, "report:copy(" },
                        { env.reload, "reload(" }, { env.help, "help(" } }) do
  local expected = section(case[2])
  check(expected ~= nil, "docs/lua-api.md has a section " .. case[2])
  -- the Chinese line of scripts/nianbao/help_zh.lua comes first
  local zh = require("nianbao.help_zh")[case[2]:gsub("%($", "")]
  check(zh ~= nil, "help_zh.lua has a line for " .. case[2])
  if expected and zh then expected = zh .. "\n\n" .. expected end
  if expected then
    eq(norm(prompt.help_text(1, case[1])), norm(expected), "help() prints the section " .. case[2])
  end
end
-- every function and value of the reference has its line in Chinese
for name in doc_file:gmatch("\n### ([^\n%s(]+)") do
  if not name:find("/", 1, true) then
    check(require("nianbao.help_zh")[name] ~= nil, "help_zh.lua has a Chinese line for " .. name)
  end
end
check(not prompt.help_text(1, nb.check):find("<!--", 1, true), "help() leaves out the runnable markers")
-- core modules are documented under their own names, nb.* also as nianbao.*
check((prompt.doc("nianbao.text") or ""):find("^nianbao%.text"), "help for the core module nianbao.text")
check((prompt.doc("nianbao.check") or ""):find("^nb%.check"), "nianbao.check is nb.check")
check(not prompt.help_text(1, nb.check):find("\n\n\n", 1, true), "help() leaves out the marker's blank line")
eq(prompt.name_of(env.findings.errors), "findings:errors", "a findings method is named")
eq(prompt.name_of(string.format), "string.format", "a standard function is named")
local overview = prompt.help_text(0)
check(overview:find("render(format [, path])", 1, true) and overview:find("nb.check", 1, true),
  "help() lists the helpers and the module's functions")

return tally.finish()
