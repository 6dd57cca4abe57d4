-- The examples of docs/lua-api.md, run as written so that the reference cannot drift from
-- the code. An indented code block after a line "<!-- runnable -->" is run with `nb` and
-- `report` (the seed) set; every "--> text" comment in it is a line the block must print.
-- "<!-- runnable: renderer|rule|profile -->" blocks are scripts: they are loaded and used on
-- the seed as nianbao would use them.
local T = ...
local nb = require "nianbao"
local R = require "nianbao.rules"
local profiles = require "nianbao.profile"

local DOC = "docs/lua-api.md"
local seed = assert(nb.load(T.seed))

--- The marked blocks of the document: { kind, line (of the first code line), text }.
local function blocks()
  local f = assert(io.open(DOC))
  local out, kind, current, n = {}, nil, nil, 0
  for line in f:lines() do
    n = n + 1
    local marker = line:match("^<!%-%- (runnable.-) %-%->$")
    if marker then
      kind = marker:match("^runnable:%s*(%a+)$") or "lua"
    elseif current and (line:match("^    ") or line == "") then
      current.lines[#current.lines + 1] = line:sub(5)
    elseif kind and line:match("^    ") then
      current = { kind = kind, line = n, lines = { line:sub(5) } }
      out[#out + 1] = current
      kind = nil
    else
      current = nil
    end
  end
  f:close()
  for _, b in ipairs(out) do b.text = table.concat(b.lines, "\n") end
  return out
end

local function squash(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

-- run a plain example; returns the lines it printed (print and io.write)
local function run_lua(b, where)
  local printed, pending = {}, ""
  local function emit(s)
    pending = pending .. s
    for line in pending:gmatch("(.-)\n") do printed[#printed + 1] = line end
    pending = pending:match("[^\n]*$")
  end
  local env = setmetatable({ nb = nb, report = seed }, { __index = _G })
  env.print = function(...)
    local parts = table.pack(...)
    for i = 1, parts.n do parts[i] = tostring(parts[i]) end
    emit(table.concat(parts, "\t", 1, parts.n) .. "\n")
  end
  env.io = setmetatable({ write = function(...) for _, s in ipairs({ ... }) do emit(tostring(s)) end end },
    { __index = io })
  local chunk = assert(load(b.text, "@" .. where, "t", env))
  chunk()
  if pending ~= "" then printed[#printed + 1] = pending end
  return printed
end

local function check_output(b, where, printed)
  local seen = {}
  for _, line in ipairs(printed) do seen[squash(line)] = true end
  for code in (b.text .. "\n"):gmatch("(.-)\n") do
    local want = code:match("%-%->%s*(.-)%s*$")
    if want and want ~= "" then
      T.ok(seen[squash(want)], string.format("%s: the example should print “%s”; it printed:\n%s",
        where, want, table.concat(printed, "\n")))
    end
  end
end

local function run_renderer(b, where)
  local mod = assert(load(b.text, "@" .. where, "t"))()
  T.eq(type(mod), "table", where .. ": a renderer returns a table")
  T.eq(type(mod.render), "function", where .. ": render")
  local findings = nb.check(seed)
  for _, p in ipairs({ nil, profiles.get("gbt9704") }) do
    local out = mod.render(seed, findings, { findings = findings, profile = p })
    T.eq(type(out), "string", where .. ": render() returns the output")
    T.ok(#out > 0, where .. ": some output")
  end
end

local function run_rule(b, where)
  local rule = R.load_rule("example.lua", b.text, where) -- the checks nianbao applies to rules/
  local added = R.run_rule(rule, seed, {}, {})
  for _, f in ipairs(nb.findings(added)) do
    T.ok(tostring(f):find(rule.id, 1, true), where .. ": a finding names its rule")
  end
end

local function run_profile(b, where)
  local p = profiles.from_table(assert(load(b.text, "@" .. where, "t"))(), where)
  for _, format in ipairs({ "text", "markdown", "html" }) do
    local out = nb.render(seed, format, { profile = p })
    T.ok(out:find(seed.agency, 1, true), where .. ": " .. format .. " output names the agency")
  end
end

local RUN = { renderer = run_renderer, rule = run_rule, profile = run_profile }

local tests = {}

function tests.every_runnable_example_runs()
  local list = blocks()
  local count = {}
  for _, b in ipairs(list) do
    local where = DOC .. ":" .. b.line
    if RUN[b.kind] then
      RUN[b.kind](b, where)
    else
      check_output(b, where, run_lua(b, where))
    end
    count[b.kind] = (count[b.kind] or 0) + 1
  end
  -- the reference keeps examples of each kind (a broken marker would silently skip them)
  T.ok((count.lua or 0) >= 5, "plain examples found: " .. tostring(count.lua))
  for _, k in ipairs({ "renderer", "rule", "profile" }) do T.eq(count[k], 1, k .. " example") end
end

function tests.a_wrong_expected_line_is_caught()
  -- the checker itself: an example whose --> comment is not what it prints must fail
  local b = { text = 'print(1 + 1)  --> 3' }
  T.raises(function() check_output(b, "probe", run_lua(b, "probe")) end, "probe", "wrong --> line")
  b = { text = 'print(1 + 1)  --> 2' }
  check_output(b, "probe", run_lua(b, "probe"))
end

return tests
