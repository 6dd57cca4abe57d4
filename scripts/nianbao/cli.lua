-- The command-line driver. main.c hands every argument to split(), which takes the
-- --scripts folders, and the rest to main(). Each command is a module nianbao/commands/NAME.lua returning
-- { summary, help, spec = { option = "flag"|"value"|"list" }, aliases = { o = "output" },
--   run = function(opts, files) return exit_code end }  (raw = true: run(args) gets the
-- arguments unparsed). A new command is a new file, found along the search path.
-- Exit codes (FORMAT §4): 0 success, 1 the data has errors, 2 usage or unreadable/rejected
-- file, 3 a script raised an error (main.c reports those with a traceback).
local nb = require "nianbao"

local M = {}

local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

--- s with its control characters shown as escapes (\x1B, \u{009B}) but line ends and tabs:
--- keys and texts of a hostile file must not drive the terminal (ESC/OSC sequences).
-- (the gsubs run only when a byte search finds something to escape: each tried its class at
-- every byte of every line printed, a quarter of a million instructions for a check's lines)
local CONTROL = "\0\1\2\3\4\5\6\7\8\11\12\13\14\15\16\17\18\19\20\21\22\23\24\25\26\27\28\29\30\31\127"
local CONTROL_CLASS = "[" .. CONTROL .. "]" -- the same bytes as a pattern (none is magic in a class)
function M.printable(s)
  s = tostring(s)
  if nb.find_byte(s, CONTROL) then
    s = s:gsub(CONTROL_CLASS, function(c) return string.format("\\x%02X", c:byte()) end)
  end
  if not s:find("\194", 1, true) then return s end
  return (s:gsub("\194([\128-\159])", function(c) return string.format("\\u{%04X}", c:byte()) end))
end

--- The line say writes for fmt and its values (a -j child keeps it to hand to the parent).
function M.line(fmt, ...) return M.printable(string.format(fmt, ...)) .. "\n" end
function M.say(fmt, ...) io.stderr:write(M.line(fmt, ...)) end
local say = M.say

--- The value of a command's -j: a positive integer (1 when not given), or nil after saying why.
function M.jobs(command, value)
  local jobs = math.tointeger(tonumber(value or 1))
  if jobs and jobs >= 1 then return jobs end
  say("nianbao %s：-j 应为正整数，实际为 %s", command, tostring(value))
end

--- True (after saying why) when OUT names an existing file that must not be overwritten
--- without --force; commands that create a file call it before writing.
function M.refuse_overwrite(command, out, force)
  if out == "-" or force then return false end
  local f = io.open(out, "r")
  if not f then return false end
  f:close()
  say("nianbao %s：%s 已存在，未覆盖（加 --force 覆盖）", command, out)
  return true
end

--- Write a command's output atomically (nb.write_file; "-" is standard output). Returns the
--- exit code to end with: `ok` (default nb.exit.ok) when written, else nb.exit.usage after
--- saying why.
function M.write_output(out, data, ok)
  local written, err = nb.write_file(out, data)
  if not written then
    say("%s", err)
    return nb.exit.usage
  end
  return ok or nb.exit.ok
end

-- the system's English for the errors people meet, in Chinese (io.open and os.remove give
-- "path: No such file or directory")
local OS_ERRORS = {
  ["No such file or directory"] = "文件或目录不存在", ["Permission denied"] = "没有权限",
  ["Is a directory"] = "这是一个目录，不是文件", ["Not a directory"] = "路径中有一部分不是目录",
  ["File name too long"] = "文件名过长", ["No space left on device"] = "磁盘空间不足",
  ["Read-only file system"] = "文件系统为只读", ["File exists"] = "文件已存在",
  ["Too many open files"] = "打开的文件过多", ["Input/output error"] = "读写错误（输入/输出错误）",
}

--- An operating-system error message with its English part in Chinese.
function M.os_error(msg)
  msg = tostring(msg)
  for en, zh in pairs(OS_ERRORS) do
    local a, b = msg:find(en, 1, true)
    if a then return msg:sub(1, a - 1) .. zh .. msg:sub(b + 1) end
  end
  return msg
end

--- The nearest of names to word (edit distance at most 2), or nil: `chekc` -> check.
function M.nearest(word, names)
  -- edits, with a swap of two neighbours (chekc) as one edit
  local function distance(a, b)
    local d = {}
    for i = 0, #a do d[i] = { [0] = i } end
    for j = 0, #b do d[0][j] = j end
    for i = 1, #a do
      for j = 1, #b do
        local cost = a:sub(i, i) == b:sub(j, j) and 0 or 1
        d[i][j] = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1 and j > 1 and a:sub(i, i) == b:sub(j - 1, j - 1) and a:sub(i - 1, i - 1) == b:sub(j, j) then
          d[i][j] = math.min(d[i][j], d[i - 2][j - 2] + 1)
        end
      end
    end
    return d[#a][#b]
  end
  local best, best_d
  for _, n in ipairs(names) do
    local d = distance(word:lower(), n)
    if d <= 2 and (not best_d or d < best_d) then best, best_d = n, d end
  end
  return best
end

--- Load a data file through the sandboxed loader; on failure print the message and return nil.
function M.load_or_report(path)
  local report, err = nb.load(path)
  if not report then say("%s", err) end
  return report
end

-- The commands listed by --help, in this order; any other nianbao/commands/NAME.lua works too.
M.order = { "check", "render", "import", "new", "draft", "repl", "run", "which", "rules" }
-- the reviewer's commands (many reports at once)
for _, name in ipairs({ "summary", "aggregate", "compare" }) do M.order[#M.order + 1] = name end

local function command_module(name)
  if type(name) ~= "string" or not name:match("^[%a][%w_%-]*$") then return nil end
  if not nb.find("nianbao/commands/" .. name .. ".lua") then return nil end
  return require("nianbao.commands." .. name)
end

local function usage()
  local lines = { "nianbao：政府信息公开工作年度报告的生成、检查与排版", "",
    "用法：nianbao 命令 [选项] [文件...]", "", "命令：" }
  for _, name in ipairs(M.order) do
    local cmd = command_module(name)
    if cmd then lines[#lines + 1] = string.format("  %-10s %s", name, cmd.summary or "") end
  end
  lines[#lines + 1] = [[

全局选项：
  --scripts DIR  把 DIR 放在脚本搜索路径最前面（可重复）
  --which NAME   显示脚本或模板 NAME（如 render/html）实际使用的文件及搜索路径
  --help, -h     显示帮助；nianbao 命令 --help 显示该命令的帮助
  --version      显示版本
选项可写在命令名和文件名之前或之后；-- 之后的参数都是文件名（nianbao check -- *.lua）；
文件名 - 表示标准输入或标准输出。

退出码：0 成功（可有警告）；1 数据有错误；2 用法错误、文件无法读取或被拒绝；3 脚本出错。
]]
  return table.concat(lines, "\n")
end

--- Parse options against spec; returns opts, files or nil, message.
function M.parse(command, spec, aliases, args)
  local opts, files = {}, {}
  local i, dashdash = 1, false
  while i <= #args do
    local a = args[i]
    if dashdash or a == "-" or a:sub(1, 1) ~= "-" then
      files[#files + 1] = a
    elseif a == "--" then
      dashdash = true
    else
      local name, inline = a:match("^%-%-([^=]+)=(.*)$")
      name = name or a:match("^%-%-(.+)$") or a:sub(2)
      name = aliases[name] or name
      local kind = spec[name]
      if not kind then
        return nil, string.format("nianbao %s：未知的选项 %s（nianbao %s --help 查看可用选项）", command, a, command)
      end
      if kind == "flag" then
        if inline then return nil, string.format("nianbao %s：选项 --%s 不带参数", command, name) end
        opts[name] = true
      else
        local v = inline
        if not v then
          i = i + 1
          v = args[i]
          if not v then return nil, string.format("nianbao %s：选项 %s 需要一个值", command, a) end
        end
        if kind == "list" then
          opts[name] = opts[name] or {}
          for item in v:gmatch("[^,%s]+") do table.insert(opts[name], item) end
        else
          opts[name] = v
        end
      end
    end
    i = i + 1
  end
  return opts, files
end

-- options that every command takes, with a value
local GLOBAL_VALUE = { scripts = true, which = true }

--- Take the --scripts folders out of args, before the folders join the search path; returns
--- dirs, rest or nil, message. --scripts is taken before or after the command and the file
--- names (FORMAT.md §4), never after "--", with the command's spec known (so `-o out.html
--- --scripts DIR` is not read as a file name). A glob (`nianbao check *.lua`) can expand to
--- a file named `--scripts=x.lua`, anywhere among the names, so an option that loads code is
--- refused when a file of exactly its name is in the current folder: a glob only produces
--- names that exist, and only a glob of the current folder a name that starts with "-".
function M.split(args)
  local lfs = require "lfs"
  local dirs, rest = {}, {}
  -- the command as main() finds it: the first word before "--" that names one; a command
  -- that lives only in a --scripts folder is unknown here, so its first word stands for it
  local ci, cmd
  for i, a in ipairs(args) do
    if a == "--" then break end
    if a:sub(1, 1) ~= "-" then
      if a == "help" or command_module(a) then ci, cmd = i, command_module(a); break end
      ci = ci or i
    end
  end
  local spec = cmd and cmd.spec or {}
  local aliases = cmd and cmd.aliases or {}
  local i = 1
  while i <= #args do
    local a = args[i]
    local inline = a:match("^%-%-scripts=(.*)$")
    if a == "--" or (i > (ci or 0) and cmd and cmd.raw and a:sub(1, 1) ~= "-") then
      -- after "--" every argument is a file name; a raw command's arguments are its own
      table.move(args, i, #args, #rest + 1, rest)
      break
    elseif a == "--scripts" or inline then
      local dir = inline
      if not dir then
        dir = args[i + 1]
        if not dir then return nil, "nianbao：--scripts 后面需要一个文件夹" end
        i = i + 1
      end
      if lfs.symlinkattributes(a) then
        return nil, M.printable(string.format("nianbao：参数“%s”也是当前文件夹中一个文件的名字，可能是通配符（如 *.lua）"
          .. "展开而来，未加载其中的脚本。检查这样的文件请把文件名写在 -- 之后（nianbao check -- *.lua）；"
          .. "确要使用脚本文件夹请写成 %s", a, inline and "--scripts 文件夹（两个参数）" or "--scripts=文件夹"))
      end
      if lfs.attributes(dir, "mode") ~= "directory" then -- a typo would silently use the bundled scripts
        return nil, M.printable(string.format("nianbao：--scripts 的文件夹“%s”不存在或不是文件夹", dir))
      end
      dirs[#dirs + 1] = dir
    elseif a ~= "-" and a:sub(1, 1) == "-" then
      rest[#rest + 1] = a
      local name = not a:find("=", 1, true) and (a:match("^%-%-(.+)$") or a:sub(2))
      name = name and (aliases[name] or name)
      if name and (GLOBAL_VALUE[name] or spec[name] == "value" or spec[name] == "list") and args[i + 1] then
        rest[#rest + 1] = args[i + 1]
        i = i + 1
      end
    else
      rest[#rest + 1] = a
    end
    i = i + 1
  end
  return dirs, rest
end

-- The bundled commands after which main.c may exit without closing the Lua state (freeing
-- every object costs about a million instructions). `run`, `repl` and a user's own commands
-- are not among them: their code may count on __gc finalizers at the close. main.c reads
-- M.close_state after main() returns.
local EXIT_WITHOUT_CLOSE = { check = true, render = true, summary = true, aggregate = true, compare = true,
  import = true, new = true, draft = true, rules = true, which = true }
-- The bundled commands whose start-up (host/host.h: a lazier collector while code loads)
-- lasts until their first check has loaded the rules, or a second report is read: their
-- memory is bounded by the data files' limits. Every other command, a user's script or the
-- prompt included, ends it before it runs.
local STARTUP_UNTIL_CHECK = { check = true, render = true }

-- Whether the command `name` is the bundled one: no folder of the search path has its own
-- nianbao/commands/NAME.lua, or only a copy identical to the bundled one (an installed share
-- folder); a user's command of a bundled name is a user's own command.
local function bundled(name)
  return nb._is_embedded("nianbao/commands/" .. name .. ".lua")
end

function M.main(args)
  args = args or {}
  M.close_state = true
  -- the global form `nianbao --which NAME` is the command `nianbao which NAME`
  for i, a in ipairs(args) do
    if a == "--" then break end
    local inline = a:match("^%-%-which=(.+)$")
    if a == "--which" or inline then
      local which = command_module("which")
      local name = inline or args[i + 1]
      if not name then
        say("nianbao：--which 需要一个名称，如 --which render/html")
        return EXIT_USAGE
      end
      return which.run({}, { name })
    end
  end
  -- the command is the first argument that names one; options (and their values) may
  -- stand before it, so a word is the command only if a command of that name exists
  local command, cmd
  local rest = {}
  local dashdash = false
  for _, a in ipairs(args) do
    dashdash = dashdash or a == "--"
    if not command and not dashdash and a:sub(1, 1) ~= "-" and (a == "help" or command_module(a)) then
      command = a
      cmd = command_module(a)
    else
      rest[#rest + 1] = a
    end
  end
  if not command then
    local after_dashdash = false
    for _, a in ipairs(args) do
      if a == "--" then
        after_dashdash = true
      elseif after_dashdash and (a == "help" or command_module(a)) then
        say("nianbao：“%s”写在了 -- 之后，-- 之后的参数都是文件名；命令须写在 -- 之前，如 nianbao check -- 文件", a)
        return EXIT_USAGE
      elseif a:sub(1, 1) ~= "-" then
        local near = #a <= 40 and M.nearest(a, M.order)
        if near then
          say("nianbao：未知的命令“%s”（是否应为“%s”？nianbao --help 列出命令）", a, near)
        else
          say("nianbao：未知的命令“%s”（nianbao --help 列出命令）", a)
        end
        return EXIT_USAGE
      end
    end
  end
  local is_bundled -- asked once, and only of a command in one of the two lists
  local function bundled_in(list)
    if not list[command] then return false end
    if is_bundled == nil then is_bundled = bundled(command) end
    return is_bundled
  end
  M.close_state = command ~= nil and command ~= "help" and not bundled_in(EXIT_WITHOUT_CLOSE)
  if command == "help" then
    local topic = command_module(rest[1])
    io.write(topic and topic.help or usage())
    return EXIT_OK
  end
  local function print_version()
    print("nianbao " .. nb.version)
    -- the optional parts of this build (a Windows build may lack gumbo)
    print(require("nianbao.html").available and "网页导入（gumbo）：有"
      or "网页导入（gumbo）：无（网页请另存为 .txt 后导入）")
    return EXIT_OK
  end
  if not cmd then
    for _, a in ipairs(args) do
      if a == "--version" or a == "-V" then
        return print_version()
      end
      if a == "--help" or a == "-h" then
        io.write(usage())
        return EXIT_OK
      end
    end
    for _, a in ipairs(args) do
      if a == "--" then break end
      if a ~= "-" and a:sub(1, 1) == "-" then
        say("nianbao：没有给出命令（“%s”是选项，不是命令；nianbao --help 列出命令和选项）", M.printable(a))
        return EXIT_USAGE
      end
    end
    io.stderr:write(usage())
    return EXIT_USAGE
  end
  if not bundled_in(STARTUP_UNTIL_CHECK) then nb._end_startup() end
  if cmd.raw then return cmd.run(rest) end
  for _, a in ipairs(rest) do
    if a == "--" then break end
    if a == "--help" or a == "-h" then
      io.write(cmd.help or cmd.summary or "")
      return EXIT_OK
    end
  end
  -- --version is global (FORMAT.md §4): accepted before or after the command and its files
  for _, a in ipairs(rest) do
    if a == "--" then break end
    if a == "--version" then return print_version() end
  end
  local opts, files = M.parse(command, cmd.spec or {}, cmd.aliases or {}, rest)
  if not opts then
    say("%s", files)
    return EXIT_USAGE
  end
  return cmd.run(opts, files)
end

return M
