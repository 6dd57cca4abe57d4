-- What the interactive prompt (`nianbao repl`) offers on top of plain Lua: the pretty
-- printer of results, completion candidates found by walking tables (never by running
-- code), help() from docs/lua-api.md, and the helper globals check(), render(),
-- load_report(), reload(). The read-eval-print loop is nianbao/commands/repl.lua; line
-- editing and interrupts are the C module nianbao.console (host/prompt.c).
local nb = require "nianbao"
local _ = nb.schema -- built on first use: listed by help() and completion like the rest of nb

local M = {}

local KEYWORDS = {}
for word in ([[and break do else elseif end false for function goto if in local nil not or
  repeat return then true until while]]):gmatch("%a+") do KEYWORDS[word] = true end

local function is_ident(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil and not KEYWORDS[k]
end

---------------------------------------------------------------------------
-- names of functions: which API function is this value?

local STD_LIBS = { "string", "table", "math", "io", "os", "utf8", "coroutine", "debug", "package" }

--- The documented name of a value ("nb.check", "report:copy", "findings:errors", "check",
--- "string.format"), found by walking the nianbao module and the tables around it; or nil.
function M.name_of(v)
  if v == nil then return nil end
  for k, x in pairs(nb) do
    if rawequal(x, v) and type(k) == "string" and k:sub(1, 1) ~= "_" then return "nb." .. k end
  end
  for k, x in pairs(nb._report_methods or {}) do
    if rawequal(x, v) then return "report:" .. k end
  end
  local list_mt = debug.getmetatable(nb.findings({}))
  if list_mt and type(list_mt.__index) == "table" then
    for k, x in pairs(list_mt.__index) do
      if rawequal(x, v) then return "findings:" .. k end
    end
  end
  for k, x in pairs(M.helpers) do
    if rawequal(x, v) then return k end
  end
  for _, lib in ipairs(STD_LIBS) do
    for k, x in pairs(_G[lib] or {}) do
      if rawequal(x, v) and type(x) == "function" then return lib .. "." .. k end
    end
  end
  for k, x in pairs(_G) do
    if rawequal(x, v) and type(x) == "function" then return k end
  end
  return nil
end

---------------------------------------------------------------------------
-- the pretty printer

local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r" }

--- A Lua string literal; valid UTF-8 (Chinese text) is kept as it is.
local function quote(s)
  local pattern = utf8.len(s) and '[%c"\\]' or '[%c"\\\128-\255]'
  return '"' .. s:gsub(pattern, function(c)
    return ESCAPES[c] or (c:byte() < 128 and string.format("\\%03d", c:byte()) or string.format("\\x%02X", c:byte()))
  end) .. '"'
end

--- Text with newlines as a long string, so that it reads as it will print.
local function long_string(s)
  local eq = ""
  while s:find("]" .. eq .. "]", 1, true) do eq = eq .. "=" end
  return "[" .. eq .. "[\n" .. s .. "]" .. eq .. "]"
end

local function number(v)
  if v ~= v then return "0/0" end
  if v == math.huge then return "math.huge" elseif v == -math.huge then return "-math.huge" end
  return tostring(v)
end

local function describe_function(f)
  local name = M.name_of(f)
  if name then return "<function " .. name .. ">" end
  local info = debug.getinfo(f, "S")
  if info.what == "C" then return "<function (C)>" end
  return string.format("<function %s:%d>", info.short_src, info.linedefined)
end

local function key_order(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local render

--- The entries of a table through pairs (so frozen views show their data), sequence first.
local function entries(t)
  local vals, keys = {}, {}
  local ok, err = pcall(function()
    for k, v in pairs(t) do
      vals[k] = v
      keys[#keys + 1] = k
    end
  end)
  if not ok then return nil, err end
  local n = 0
  while vals[n + 1] ~= nil do n = n + 1 end
  local others = {}
  for _, k in ipairs(keys) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then others[#others + 1] = k end
  end
  table.sort(others, key_order)
  return vals, n, others
end

local function render_table(t, ctx, indent, path, depth)
  if ctx.open[t] then return "<cycle: " .. ctx.open[t] .. ">" end
  local vals, n, others = entries(t)
  if not vals then return "<table: pairs 出错：" .. tostring(n) .. ">" end
  if n + #others == 0 then return "{}" end
  if depth >= ctx.depth then return "{...}" end
  ctx.open[t] = path
  local inner = indent .. "  "
  local items, keys, shown = {}, {}, 0
  local function add(key, value, sub)
    shown = shown + 1
    if shown > ctx.items then return end
    keys[#items + 1] = key
    items[#items + 1] = render(value, ctx, inner, sub, depth + 1)
  end
  for i = 1, n do add(nil, vals[i], path .. "[" .. i .. "]") end
  for _, k in ipairs(others) do
    if is_ident(k) then
      add(k, vals[k], path .. "." .. k)
    else
      local kt = "[" .. render(k, ctx, inner, path, ctx.depth) .. "]"
      add(kt, vals[k], path .. kt)
    end
  end
  ctx.open[t] = nil
  local more = shown > ctx.items and string.format("--[[ 另有 %d 项 ]]", shown - ctx.items) or nil
  -- one line when it fits
  local parts, multiline = {}, false
  for i, s in ipairs(items) do
    if s:find("\n", 1, true) then multiline = true end
    parts[i] = keys[i] and (keys[i] .. " = " .. s) or s
  end
  parts[#parts + 1] = more
  local line = "{ " .. table.concat(parts, ", ") .. " }"
  if not multiline and nb.width(indent) + nb.width(line) <= ctx.width then return line end
  -- otherwise one entry a line, keys padded to the same display width
  local kw = 0
  for i = 1, #items do
    if keys[i] then kw = math.max(kw, nb.width(keys[i])) end
  end
  local out, run = { "{" }, nil -- run: a line of short list items being filled
  for i, s in ipairs(items) do
    if not keys[i] and not s:find("\n", 1, true)
        and (not run or nb.width(run) + 1 + nb.width(s) + 1 <= ctx.width) then
      run = run and (run .. " " .. s .. ",") or (inner .. s .. ",")
    else
      if run then out[#out + 1], run = run, nil end
      if keys[i] or s:find("\n", 1, true) then
        out[#out + 1] = inner .. (keys[i] and (nb.pad(keys[i], kw) .. " = ") or "") .. s .. ","
      else
        run = inner .. s .. ","
      end
    end
  end
  if run then out[#out + 1] = run end
  if more then out[#out + 1] = inner .. more end
  out[#out + 1] = indent .. "}"
  return table.concat(out, "\n")
end

render = function(v, ctx, indent, path, depth)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" then return number(v) end
  if t == "function" then return describe_function(v) end
  if t ~= "table" then
    if t == "nil" or t == "boolean" then return tostring(v) end
    return "<" .. tostring(v) .. ">"
  end
  if rawequal(v, nb.BLANK) then return "nb.BLANK" end
  local mt = debug.getmetatable(v)
  if mt and mt.__tostring then -- a record with its own text, such as a finding
    local ok, s = pcall(tostring, v)
    return "<" .. (ok and tostring(s) or "__tostring 出错") .. ">"
  end
  return render_table(v, ctx, indent, path, depth)
end

M.defaults = { width = 80, depth = 6, items = 60 }

--- The text of one value in Lua syntax: nested tables, cycles marked <cycle: path> and not
--- followed, depth and item limits, keys aligned by display width. opts: width, depth,
--- items, name (how the value is called in cycle marks, default "_").
function M.show(v, opts)
  opts = opts or {}
  local ctx = { open = {}, width = opts.width or M.defaults.width, depth = opts.depth or M.defaults.depth,
                items = opts.items or M.defaults.items }
  return render(v, ctx, "", opts.name or "_", 0)
end

--- The text of one result at the prompt: like show, but multi-line text reads as a long
--- string and an object with its own text (a finding) is shown as that text.
function M.show_result(v, opts)
  if type(v) == "string" and v:find("\n", 1, true) and utf8.len(v) and not v:find("[%z\1-\8\11-\31]") then
    return long_string(v)
  end
  if type(v) == "table" and not rawequal(v, nb.BLANK) then
    local mt = debug.getmetatable(v)
    if mt and mt.__tostring then
      local ok, s = pcall(tostring, v)
      if ok then return tostring(s) end
    end
  end
  return M.show(v, opts)
end

---------------------------------------------------------------------------
-- completion: names reachable by walking tables and their __index tables

local function index_table(v)
  local tv = type(v)
  if tv ~= "table" and tv ~= "string" and tv ~= "userdata" then return nil end
  local mt = debug.getmetatable(v)
  local idx = mt and rawget(mt, "__index")
  return type(idx) == "table" and idx or nil
end

--- v[k] as Lua would find it through __index tables, without calling any function.
local function lookup(v, k)
  for _ = 1, 16 do
    if type(v) == "table" then
      local x = rawget(v, k)
      if x ~= nil then return x end
    end
    v = index_table(v)
    if not v then return nil end
  end
end

local function field_names(v, methods_only, out)
  for _ = 1, 16 do
    if type(v) == "table" then
      for k, x in next, v do
        if is_ident(k) and (not methods_only or type(x) == "function") then out[k] = true end
      end
    end
    v = index_table(v)
    if not v then return end
  end
end

--- Candidates for the name being typed at the end of line: a sorted list of names (the
--- last part only) and the part already typed. env: where globals are looked up (_G).
function M.complete(line, env)
  env = env or _G
  local expr = line:match("[%w_%.:]*$")
  if expr:match("^[%d%.:]") then return {}, "" end -- a number, or not a name
  local base, sep, partial = expr:match("^(.*)([%.:])([%w_]*)$")
  local names = {}
  if not sep then
    partial = expr
    field_names(env, false, names)
    for word in pairs(KEYWORDS) do names[word] = true end
  else
    local v = env
    for part in (base .. "."):gmatch("(.-)%.") do
      if not is_ident(part) then return {}, partial end
      v = lookup(v, part)
      if v == nil then return {}, partial end
    end
    field_names(v, sep == ":", names)
  end
  local list = {}
  for name in pairs(names) do
    -- internal names (_builtin_check) only when asked for
    if name:sub(1, #partial) == partial and (name:sub(1, 1) ~= "_" or partial:sub(1, 1) == "_") then
      list[#list + 1] = name
    end
  end
  table.sort(list)
  return list, partial
end

local function common_prefix(list)
  local p = list[1] or ""
  for i = 2, #list do
    while list[i]:sub(1, #p) ~= p do p = p:sub(1, -2) end
  end
  return p
end

--- Candidates laid out in columns of the terminal width, at most limit of them.
function M.columns(list, width, limit)
  limit = limit or 200
  local shown = {}
  for i = 1, math.min(#list, limit) do shown[i] = list[i] end
  local cw = 0
  for _, s in ipairs(shown) do cw = math.max(cw, nb.width(s) + 2) end
  local ncol = math.max(1, (width or 80) // math.max(cw, 1))
  local nrow = (#shown + ncol - 1) // ncol
  local lines = {}
  for r = 1, nrow do
    local row = {}
    for c = 1, ncol do
      local s = shown[(c - 1) * nrow + r]
      if s then row[#row + 1] = c < ncol and nb.pad(s, cw) or s end
    end
    lines[r] = (table.concat(row):gsub("%s+$", ""))
  end
  if #list > #shown then lines[#lines + 1] = string.format("……另有 %d 个", #list - #shown) end
  return table.concat(lines, "\n")
end

--- What Tab does: the text to insert, and a listing when several names fit and nothing
--- more can be inserted.
function M.completion(line, width, env)
  local list, partial = M.complete(line, env)
  if #list == 0 then return "" end
  local insert = common_prefix(list):sub(#partial + 1)
  if #list == 1 or insert ~= "" then return insert end
  return "", M.columns(list, width)
end

---------------------------------------------------------------------------
-- help: the sections of docs/lua-api.md, under headings "### nb.NAME(...)"

local sections
local function doc_sections()
  if sections then return sections end
  sections = {}
  local text = nb.find("docs/lua-api.md") or ""
  local current, marker
  for line in (text .. "\n"):gmatch("(.-)\n") do
    local heading = line:match("^###%s+(.-)%s*$")
    if heading then
      current = { heading = heading, body = {} }
      local key = heading:match("^([^%s(]+)")
      if key and not sections[key] then sections[key] = current end
    elseif line:match("^#") then
      current = nil
    elseif line:match("^<!%-%-.*%-%->$") then
      marker = true -- a marker for the tests, not for readers: left out with its blank line
    elseif current and not (marker and line == "") then
      current.body[#current.body + 1] = line
      marker = false
    end
  end
  return sections
end

--- The documentation of an API name ("nb.check", "report:copy", "check"), or nil.
function M.doc(name)
  name = name:gsub("%(.*$", "")
  -- a core module is documented by its own name ("nianbao.text"); nianbao.check is nb.check
  local s = doc_sections()[name] or doc_sections()[(name:gsub("^nianbao%.", "nb."))]
  if not s then return nil end
  local body = table.concat(s.body, "\n"):gsub("^%s*\n", ""):gsub("%s+$", "")
  return s.heading .. "\n\n" .. body
end

local OVERVIEW = {
  { "report", "当前报告（只读视图；report:copy() 得到可修改的副本）" },
  { "findings", "当前报告的检查结果（check() 重新检查）" },
  { "nb, nianbao", "nianbao 模块（与 require \"nianbao\" 相同）" },
  { "_", "上一次的结果（多个结果时为列表）" },
  { "check()", "重新检查 report，更新 findings" },
  { "render(format [, path])", "生成报告：没有 path 时显示，有 path 时写入文件" },
  { "load_report(path)", "载入报告数据文件，作为 report" },
  { "reload()", "丢弃已缓存的脚本模块（渲染、规则等），重新读取报告文件" },
  { "help([fn])", "显示帮助；help(nb.check) 显示该函数的说明" },
}

local function overview()
  local lines = { "提示符中可用：" }
  local w = 0
  for _, e in ipairs(OVERVIEW) do w = math.max(w, nb.width(e[1])) end
  for _, e in ipairs(OVERVIEW) do lines[#lines + 1] = "  " .. nb.pad(e[1], w) .. "  " .. e[2] end
  local names = {}
  for k in pairs(nb) do
    if type(k) == "string" and k:sub(1, 1) ~= "_" then names[#names + 1] = "nb." .. k end
  end
  table.sort(names)
  lines[#lines + 1] = ""
  lines[#lines + 1] = "nianbao 模块（help(nb.名称) 查看说明）："
  for l in (M.columns(names, 78) .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = "  " .. l end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "Tab 补全名称和字段；Ctrl-C 取消输入或中断运行中的代码；Ctrl-D 退出。"
  return table.concat(lines, "\n")
end

--- The help text: the overview without argument, else the documentation of a function
--- (or of a name given as a string).
function M.help_text(n, v)
  if n == 0 then return overview() end
  local name = type(v) == "string" and v or M.name_of(v)
  if name then
    local doc = M.doc(name)
    if doc then
      local zh = require("nianbao.help_zh")[name:match("^[^(]+")]
      return zh and (zh .. "\n\n" .. doc) or doc
    end
    for _, lib in ipairs(STD_LIBS) do
      if name:sub(1, #lib + 1) == lib .. "." then
        return name .. "：Lua 标准库函数，见 Lua 5.4 参考手册 §6（https://www.lua.org/manual/5.4/）"
      end
    end
    if type(v) == "function" and _G[name] == v and not M.helpers[name] then
      return name .. "：Lua 基本函数，见 Lua 5.4 参考手册 §6.1（https://www.lua.org/manual/5.4/）"
    end
    if type(v) ~= "string" then
      return name .. "：docs/lua-api.md 中没有它的说明"
    end
  end
  if type(v) == "function" then
    local info = debug.getinfo(v, "S")
    if info.what ~= "C" then
      return string.format("没有说明：这个函数定义于 %s:%d", info.short_src, info.linedefined)
    end
  end
  return "没有找到说明：help() 列出可用的名称；help(nb.check) 或 help(\"nb.check\") 显示一个函数的说明"
end

---------------------------------------------------------------------------
-- the helper globals

M.helpers = {}

--- Put the helpers into env. session: { previous = report or nil, path = file of the
--- report, baseline = set of module names loaded before any user script }.
function M.install(env, session)
  local h = M.helpers
  -- A mistake at the prompt (no report, a wrong path or format) is told in one line, with
  -- no traceback of the helper; errors inside scripts still propagate with theirs.
  local function tell(fmt, ...)
    io.stdout:flush()
    io.stderr:write(string.format(fmt, ...), "\n")
  end
  local function no_report()
    if env.report ~= nil then return false end
    tell("还没有载入报告：先 load_report(\"文件.lua\")")
    return true
  end

  function h.check()
    if no_report() then return end
    env.findings = nb.check(env.report, { previous = session.previous })
    return env.findings
  end

  function h.render(format, path)
    format = format or "text"
    if no_report() then return end
    if type(format) ~= "string" or not format:match("^[%w_%-]+$") or not nb.find("render/" .. format .. ".lua") then
      return tell("未知的输出格式“%s”（在脚本搜索路径中找不到 render/%s.lua）", tostring(format), tostring(format))
    end
    local out = nb.render(env.report, format)
    if path then
      local ok, err = nb.write_file(path, out)
      if not ok then return tell("%s", err) end
      print("已写入 " .. path)
    else
      io.write(out, out:sub(-1) == "\n" and "" or "\n")
    end
  end

  function h.load_report(path)
    if type(path) ~= "string" then return tell("load_report(path)：需要数据文件的路径") end
    local r, err = nb.load(path)
    if not r then return tell("%s", err) end
    env.report, session.path = r, path
    env.findings = nb.check(r, { previous = session.previous })
    print(M.summary(path, r, env.findings))
  end

  function h.reload()
    local rules = package.loaded["nianbao.rules"]
    if type(rules) == "table" and type(rules.reset) == "function" then rules.reset() end
    local dropped = {}
    for name in pairs(package.loaded) do
      if not session.baseline[name] then dropped[#dropped + 1] = name end
    end
    table.sort(dropped)
    for _, name in ipairs(dropped) do package.loaded[name] = nil end
    print(#dropped > 0 and ("已丢弃缓存的模块：" .. table.concat(dropped, ", ")) or "没有缓存的脚本模块")
    if session.path then h.load_report(session.path) end
  end

  h.help = function(...)
    print(M.help_text(select("#", ...), (...)))
  end

  for name, f in pairs(h) do env[name] = f end
end

--- One line about a loaded report.
function M.summary(path, report, findings)
  local errors = #findings:errors()
  return string.format("已载入 %s：%s %s 年度报告，%d 个错误，%d 个警告", path, tostring(report.agency or "?"),
    tostring(report.year or "?"), errors, #findings - errors)
end

return M
