-- The Lua half of the `nianbao` module. The C half (host/binding.c) provides loading,
-- the built-in checks, the frozen view, display width and atomic writes; this file adds
-- what scripts build on: report methods, text helpers, templates, findings, rules, rendering.
local nb = require "nianbao"

local BLANK = nb.BLANK
local text = require "nianbao.text"

-- An argument of the wrong type is named as the C functions name theirs (host/binding.c,
-- checked_call), at the file:line of the script that called the function `fn`.
local TYPE_ZH = { string = "字符串", table = "表", number = "数", boolean = "布尔值", ["function"] = "函数" }
local function check_arg(fn, i, name, v, types, optional)
  local t = type(v)
  if (v == nil and optional) or types[t] then return end
  local want = {}
  for _, k in ipairs({ "string", "table", "number" }) do
    -- a number taken for a string (as Lua's libraries take it) is not named
    if types[k] and not (k == "number" and types.string) then want[#want + 1] = TYPE_ZH[k] end
  end
  -- as host/argcheck.c says it: a nil here is an argument not given
  error(string.format("%s：第 %d 个参数 %s 应为%s%s，%s", fn, i, name, table.concat(want, "或"),
    optional and "或 nil" or "", v == nil and "但没有给出" or "实际为" .. (TYPE_ZH[t] or t)), 3)
end
local STRING, TABLE, NUMBER = { string = true, number = true }, { table = true }, { number = true }

---------------------------------------------------------------------------
-- report methods (report:copy(), report:cell(path, column))

local methods = nb._report_methods

local function deepcopy(v)
  if type(v) ~= "table" or v == BLANK then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = deepcopy(x) end
  return out
end

--- A mutable deep copy of the report (blank cells stay nb.BLANK).
function methods:copy() return deepcopy(self) end

-- The dotted paths of the format (nb.schema), made on first use: a misspelt path is an error,
-- while a path of the format that a report leaves out reads as nil. Below overview and
-- proactive_2019 (items by number, the trial format's own labels) any path is taken.
local format_paths
local function known_paths()
  if format_paths then return format_paths end
  local s, set, list = nb.schema, {}, {}
  local function add(path)
    if not set[path] then set[path] = true; list[#list + 1] = path end
  end
  for _, k in ipairs({ "format", "agency", "year", "title", "preamble", "overview", "proactive", "proactive_2019",
                       "requests", "appeals", "problems", "improvements", "other_matters", "processing_fees",
                       "signature", "signature.agency", "signature.date" }) do add(k) end
  for _, block in ipairs(s.proactive.blocks) do
    for _, row in ipairs(block.rows) do
      add("proactive." .. row.key)
      for _, c in ipairs(row.cells or {}) do add("proactive." .. row.key .. "." .. c) end
    end
  end
  for _, row in ipairs(s.requests.rows) do
    if row.group then add("requests." .. row.group) end
    add("requests." .. row.key)
  end
  for _, g in ipairs(s.appeals.groups) do
    add("appeals." .. g.key)
    for _, c in ipairs(s.appeals.columns) do add("appeals." .. g.key .. "." .. c.key) end
  end
  for _, f in ipairs(s.processing_fees.fields) do add("processing_fees." .. f.key) end
  format_paths = { set = set, list = list }
  return format_paths
end

--- One cell by dotted path: report:cell("requests.withheld.third_party", 7); a number in the
--- path is an index ("overview.1.text"). nil where the report leaves the cell out; an error
--- for a path the format does not have.
function methods:cell(path, column)
  check_arg("report:cell", 1, "path", path, STRING)
  check_arg("report:cell", 2, "column", column, STRING, true) -- a number, or a key ("in_force")
  path = tostring(path)
  local head = path:match("^([^%.]+)")
  local base = path:gsub("%.%d+$", "") -- a column by number: "requests.new.7"
  if head ~= "overview" and head ~= "proactive_2019" and not known_paths().set[base] then
    local near = nb.suggest(path, known_paths().list)
    error(string.format("report:cell：报告格式中没有“%s”这一路径%s", path,
      near and ("（是否应为“" .. near .. "”？）") or "（见 nb.schema）"), 2)
  end
  local v = self
  for part in path:gmatch("[^%.]+") do
    if type(v) ~= "table" then return nil end
    v = v[math.tointeger(tonumber(part)) or part]
  end
  if column ~= nil and type(v) == "table" and v ~= BLANK then v = v[column] end
  return v
end

--- report:text(), the same as nb.text(report) (LUA-API.md names both).
function methods:text() return nb.text(self) end

---------------------------------------------------------------------------
-- text helpers

--- Pad s with spaces to display width n; align is "left" (default), "right" or "center".
local ALIGNS = { left = true, right = true, center = true }
function nb.pad(s, n, align)
  if align ~= nil and not ALIGNS[align] then
    error(string.format("nb.pad：align 应为 \"left\"、\"right\" 或 \"center\"，实际为 %s", tostring(align)), 2)
  end
  check_arg("nb.pad", 2, "n", n, NUMBER)
  s = tostring(s)
  local gap = n - nb.width(s)
  if gap <= 0 then return s end
  if align == "right" then return string.rep(" ", gap) .. s end
  if align == "center" then
    local left = gap // 2
    return string.rep(" ", left) .. s .. string.rep(" ", gap - left)
  end
  return s .. string.rep(" ", gap)
end

--- Wrap s into lines of at most n display columns; returns a list of lines.
function nb.wrap(s, n)
  check_arg("nb.wrap", 2, "n", n, NUMBER)
  local lines = {}
  for para in (tostring(s) .. "\n"):gmatch("(.-)\n") do
    local line, w = {}, 0
    for _, cp in utf8.codes(para, true) do
      local ch = utf8.char(cp)
      local cw = nb.width(ch)
      if w + cw > n and #line > 0 then
        lines[#lines + 1] = table.concat(line)
        line, w = {}, 0
      end
      line[#line + 1] = ch
      w = w + cw
    end
    lines[#lines + 1] = table.concat(line)
  end
  return lines
end

--- Chinese numerals for heading numbers (nianbao.text): 1 -> 一, 11 -> 十一, 100 -> 一百.
nb.numeral = text.numeral

-- nb.escape_html(s), the one place where text is escaped for HTML (& < > " ' as entities,
-- after tostring), is in C (host/escape.c): a page escapes every cell of its tables.

local XML_ESCAPES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&apos;" }

--- The one place where text is escaped for XML (docx).
function nb.escape_xml(...)
  if select("#", ...) == 0 then error("nb.escape_xml：第 1 个参数 s 应为一个值，但没有给出", 2) end
  local s = tostring((...))
  -- most texts have nothing to escape: a byte search in C first, since gsub tries its class
  -- at every byte (a Word file escapes every text of the report)
  if not nb.find_byte(s, "&<>\"'") then return s end
  return (s:gsub("[&<>\"']", XML_ESCAPES))
end

-- A float in the fewest decimal places, from 4, that write it back exactly; past a double's
-- 15 reliable significant digits it is rounded there first, so that a sum's noise
-- (0.1 + 0.2) is not shown but 0.000001 万元 (one fen) is not shown as 0 either.
local function decimal_text(v, rounded)
  local s
  for places = 4, 17 do
    s = string.format("%." .. places .. "f", v)
    if tonumber(s) == v then break end
  end
  s = s:gsub("0+$", ""):gsub("%.$", "")
  local digits = s:gsub("^%-?[0.]*", ""):gsub("%.", "")
  if #digits > 15 and not rounded then return decimal_text(tonumber(string.format("%.15g", v)), true) end
  return s
end

--- A cell value as text: integers as they are, amounts in the fewest decimals that give the
--- value as read (at most 15 significant digits), blank cells as "" and absent ones as "".
-- tostring of an integer is a snprintf; a page formats about 200 cells, mostly small counts
-- that repeat (0 above all), so the texts of 0..9999 are kept once made (at most 10,000).
local SMALL_INTEGER_TEXT = {}

function nb.format_number(v)
  -- a kept text first, by a table lookup rather than math.type: a whole float such as 3.0 is
  -- the same key as 3, and its text below is "3" as well
  local s = SMALL_INTEGER_TEXT[v]
  if s then return s end
  if v == nil or v == BLANK then return "" end
  if math.type(v) == "integer" then
    s = tostring(v)
    if v >= 0 and v < 10000 then SMALL_INTEGER_TEXT[v] = s end
    return s
  end
  if v ~= v then return "NaN" end
  if v == math.huge then return "inf" elseif v == -math.huge then return "-inf" end
  if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
  return decimal_text(v)
end

--- Split a narrative text into its paragraphs (nianbao.text): non-empty lines, as written.
nb.paragraphs = text.paragraphs

---------------------------------------------------------------------------
-- folders along the search path

--- The files of one folder (such as "rules" or "profiles") along the search path and among
--- the embedded scripts: a sorted list of file names (no folder), each once, and a map from
--- each name to the places that provide it, in search order (a folder of the search path,
--- or "embedded"); the first place wins, as with nb.find.
function nb.list(dir)
  if type(dir) ~= "string" or dir == "" or dir:find("%.%.") then
    error(string.format("nb.list：需要脚本搜索路径下的文件夹名，如 \"rules\"，实际为 %s", tostring(dir)), 2)
  end
  dir = dir:gsub("/+$", "")
  local lfs = require "lfs"
  local names, places = {}, {}
  local function add(name, place)
    if not places[name] then
      places[name] = {}
      names[#names + 1] = name
    end
    table.insert(places[name], place)
  end
  for _, root in ipairs(nb.search_path()) do
    local folder = root .. "/" .. dir
    if lfs.attributes(folder, "mode") == "directory" then
      for entry in lfs.dir(folder) do
        if entry:sub(1, 1) ~= "." and lfs.attributes(folder .. "/" .. entry, "mode") == "file" then
          add(entry, root)
        end
      end
    end
  end
  local embedded = nb.embedded_names(dir) -- only the folder's own files
  for i = 1, #embedded do add(embedded[i]:sub(#dir + 2), "embedded") end
  table.sort(names)
  return names, places
end

---------------------------------------------------------------------------
-- nb.unzip(bytes, name): one entry (host/unzip.c); nb.unzip(bytes [, limits]): every entry,
-- the form LUA-API.md gives, as the list nb.zip takes ({ name, data }, in the archive's
-- order), or nil, message. limits: entries (how many), size (bytes of one entry unpacked),
-- ratio (unpacked / packed); each left out is nb.unzip's own bound.

local unzip_entry = nb.unzip
local LIMIT_KEYS = { entries = true, size = true, ratio = true }

function nb.unzip(bytes, limits)
  if type(limits) == "string" then return unzip_entry(bytes, limits) end
  check_arg("nb.unzip", 1, "bytes", bytes, STRING)
  check_arg("nb.unzip", 2, "limits", limits, TABLE, true) -- (a name: the string form above)
  limits = limits or {}
  for k, v in pairs(limits) do
    if not LIMIT_KEYS[k] or type(v) ~= "number" or v < 0 then
      error(string.format("nb.unzip：limits 只接受数值字段 entries、size、ratio，不能有 %s = %s", tostring(k), tostring(v)), 2)
    end
  end
  local n, size, ratio = limits.entries and math.floor(limits.entries), limits.size and math.floor(limits.size), limits.ratio
  return nb._unzip_all(bytes, n, size, ratio)
end

---------------------------------------------------------------------------
-- templates: templates/<format>/<name> along the search path; {{name}} is replaced

function nb.template(name, vars)
  check_arg("nb.template", 1, "name", name, STRING)
  check_arg("nb.template", 2, "vars", vars, TABLE, true)
  local path = "templates/" .. name
  local text, where = nb.find(path)
  if not text then error(string.format("找不到模板 %s（在脚本搜索路径的 templates/ 下）", path), 2) end
  vars = vars or {}
  -- The same replacements as text:gsub("{{%s*([%w_]+)%s*}}", ...), but the scan jumps from
  -- one "{{" to the next (a plain find) instead of trying the pattern at every byte: a page's
  -- stylesheet is thousands of bytes without a single variable.
  local out, n, from = {}, 0, 1
  local at = text:find("{{", 1, true)
  while at do
    local _, stop, key = text:find("^{{%s*([%w_]+)%s*}}", at)
    if stop then
      local v = vars[key]
      if v == nil then
        error(string.format("%s：模板变量 {{%s}} 没有提供", where, key), 0)
      end
      out[n + 1], out[n + 2] = text:sub(from, at - 1), tostring(v)
      n, from = n + 2, stop + 1
      at = text:find("{{", from, true)
    else
      at = text:find("{{", at + 1, true)
    end
  end
  if n == 0 then return text end
  out[n + 1] = text:sub(from)
  return table.concat(out)
end

---------------------------------------------------------------------------
-- findings

local finding_mt = {}
-- "error" -> "错误" (host/schema.c; nb._severities is nb.schema.severities without building
-- and freezing the whole schema, which a check does not otherwise need)
local SEVERITY_ZH = {}
for _, s in ipairs(nb._severities) do SEVERITY_ZH[s.key] = s.label end
nb.severity_label = function(name) return SEVERITY_ZH[name] or name end

-- Sections 二, 三 and 四 are tables; the others are narrative parts.
local TABLE_SECTIONS = { ["二"] = true, ["三"] = true, ["四"] = true }

--- One readable Chinese line for a finding.
function nb.describe_finding(f)
  check_arg("nb.describe_finding", 1, "f", f, TABLE)
  local place = {}
  if f.section then -- 二三四 are tables; 一五六 are narrative sections
    place[#place + 1] = (TABLE_SECTIONS[f.section] and "表" .. f.section) or ("第" .. f.section .. "部分")
  end
  if f.label then place[#place + 1] = f.label end
  if f.row then place[#place + 1] = "(" .. f.row .. ")" end
  if f.column then place[#place + 1] = "“" .. f.column .. "”列" end
  local line = string.format("%s %s", SEVERITY_ZH[f.severity] or f.severity, f.id)
  if #place > 0 then line = line .. " [" .. table.concat(place, " ") .. "]" end
  line = line .. "：" .. (f.message or "")
  if f.expected ~= nil or f.found ~= nil then
    line = line .. string.format("（期望 %s，实际 %s）", tostring(f.expected or "-"), tostring(f.found or "-"))
  end
  return line
end

local list_methods = {}
function list_methods:errors()
  local out = {}
  for _, f in ipairs(self) do if f.severity == "error" then out[#out + 1] = f end end
  return nb.findings(out)
end
function list_methods:warnings()
  local out = {}
  for _, f in ipairs(self) do if f.severity == "warning" then out[#out + 1] = f end end
  return nb.findings(out)
end

--- Wrap plain finding records into a findings list (records become read-only).
function nb.findings(list)
  check_arg("nb.findings", 1, "list", list, TABLE)
  local out = {}
  for i, f in ipairs(list) do
    if getmetatable(f) == "nianbao.frozen" then
      out[i] = f
    else
      out[i] = nb.freeze(setmetatable(deepcopy(f), finding_mt))
    end
  end
  return setmetatable(out, { __index = list_methods, __name = "nianbao.findings" })
end
-- f:describe(), and f.fingerprint made when first asked (nianbao.review, loaded then) and
-- kept in the record behind the read-only view (the same value every time)
finding_mt.__index = function(f, k)
  if k == "describe" then return nb.describe_finding end
  if k == "fingerprint" then
    local fp = require("nianbao.review").compute_fingerprint(f)
    rawset(f, "fingerprint", fp)
    return fp
  end
end
finding_mt.__tostring = nb.describe_finding

---------------------------------------------------------------------------
-- rules: rules/*.lua along the search path, one rule per file

local rules_mod -- loaded on first use
function nb.rules()
  rules_mod = rules_mod or require("nianbao.rules")
  return rules_mod.discover()
end

--- Built-in checks, then the enabled rules. opts.previous: last year's report;
--- opts.rules / opts.no_rules: lists of rule ids to select / leave out;
--- opts.skip_warnings_only: leave out the rules that declare warnings_only (all the errors,
--- not all the warnings).
function nb.check(report, opts)
  check_arg("nb.check", 1, "report", report, TABLE)
  check_arg("nb.check", 2, "opts", opts, TABLE, true)
  opts = opts or {}
  if opts.previous ~= nil and type(opts.previous) ~= "table" then
    error("nb.check：opts.previous（上一年度的报告）应为报告或 nil，实际为" .. (TYPE_ZH[type(opts.previous)] or type(opts.previous)), 2)
  end
  local list = nb._builtin_check(report, opts.previous)
  rules_mod = rules_mod or require("nianbao.rules")
  local added = rules_mod.run(report, opts)
  for _, f in ipairs(added) do list[#list + 1] = f end
  nb._end_startup() -- the rules are loaded: the collector's usual pace from now on (host/host.h)
  return nb.findings(list)
end

---------------------------------------------------------------------------
-- rendering: render/<format>.lua returns { name, extension, render = function(report, findings, opts) }

-- level: where an error points (2: the caller of nb.renderer, 3: the caller of nb.render)
local function renderer(format, level)
  if type(format) ~= "string" or not format:match("^[%w_%-]+$") then
    error(string.format("nb.renderer：输出格式名只能由字母、数字、_ 和 - 组成，实际为 %s", tostring(format)), level)
  end
  local ok, mod = pcall(require, "render." .. format)
  if not ok then
    if tostring(mod):find("在脚本搜索路径中找不到", 1, true) then
      error(string.format("未知的输出格式“%s”：找不到 render/%s.lua", format, format), level)
    end
    error(mod, 0)
  end
  local _, where = nb.find("render/" .. format .. ".lua")
  if type(mod) ~= "table" or type(mod.render) ~= "function" then
    error(string.format("%s：渲染脚本必须返回 { name = ..., render = function(report, findings, opts) ... end }",
      where or ("render/" .. format .. ".lua")), level)
  end
  return mod
end

function nb.renderer(format) return (renderer(format, 3)) end

--- A profile (profiles/NAME.lua along the search path), checked and guarded; raises an
--- error when there is none of that name.
function nb.profile(name)
  check_arg("nb.profile", 1, "name", name, { string = true, table = true }, true)
  return require("nianbao.profile").get(name)
end

--- Render a report; returns the output as a string, or nil and a message when the renderer
--- could not make it (an external program failed: render/pdf.lua's engine). opts.profile: a
--- profile or its name.
function nb.render(report, format, opts)
  check_arg("nb.render", 1, "report", report, TABLE)
  check_arg("nb.render", 2, "format", format, STRING, true)
  check_arg("nb.render", 3, "opts", opts, TABLE, true)
  opts = opts or {}
  if type(opts.profile) == "string" then
    local copy = {}
    for k, v in pairs(opts) do copy[k] = v end
    copy.profile = nb.profile(opts.profile)
    opts = copy
  end
  format = format and tostring(format) or "text"
  local r = renderer(format, 3)
  local findings = opts.findings or nb.check(report, opts)
  local out, why = r.render(report, findings, opts)
  if out == nil and why ~= nil then return nil, tostring(why) end
  if type(out) ~= "string" then
    local _, where = nb.find("render/" .. format .. ".lua") -- the file that was used
    error(string.format("%s：render() 应返回字符串，实际返回 %s", where or ("render/" .. format .. ".lua"),
      type(out)), 2)
  end
  return out
end

--- The read-only text index of a report's narrative (or of one string): normalised text,
--- sentences, clauses and numbers, built once in C (scripts/nianbao/textindex.lua).
function nb.text(x)
  check_arg("nb.text", 1, "report", x, { table = true, string = true, number = true })
  if type(x) == "number" then x = tostring(x) end
  return require("nianbao.textindex").of(x)
end

return nb
