-- nianbao repl: the interactive Lua prompt, in the trusted script state, with the report
-- loaded as `report` and its findings as `findings`. This file is the read-eval-print
-- loop (lua.c's semantics: a line is tried as `return <line>` first, then as a statement;
-- an incomplete statement continues on a second prompt). The pretty printer, completion,
-- help and helper globals are nianbao/prompt.lua; line editing, history and Ctrl-C are the
-- C module nianbao.console (host/prompt.c).
local nb = require "nianbao"
local cli = require "nianbao.cli"
local console = require "nianbao.console"
local prompt = require "nianbao.prompt"
local lfs = require "lfs"

local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage
local CHUNK_NAME = "=stdin"

--- $XDG_STATE_HOME/nianbao/history, or ~/.local/state/nianbao/history; the folder is made.
local function history_file()
  local state = os.getenv("XDG_STATE_HOME")
  if not state or state == "" then
    local home = os.getenv("HOME")
    if not home or home == "" then return nil end
    state = home .. "/.local/state"
  end
  local dir = ""
  for part in (state .. "/nianbao"):gmatch("[^/]+") do
    dir = dir .. "/" .. part
    if not lfs.attributes(dir, "mode") then lfs.mkdir(dir) end
  end
  if state:sub(1, 1) ~= "/" then dir = dir:sub(2) end -- a relative $XDG_STATE_HOME
  return dir .. "/history"
end

--- Compile a statement: first as `return <text>` (so an expression shows its value), then
--- as it is. Returns the function, or nil, message, incomplete (the text ended too soon).
local function compile(text)
  local expr = text:match("^%s*=(.*)$") -- lua 5.1's `=expr`
  local f = load("return " .. (expr or text), CHUNK_NAME, "t")
  if f then return f end
  local err
  f, err = load(text, CHUNK_NAME, "t")
  if f then return f end
  if err:sub(-5) == "<eof>" then return nil, err, true end
  local _, rerr = load("return " .. text, CHUNK_NAME, "t")
  if rerr and rerr:sub(-5) == "<eof>" then return nil, rerr, true end -- a table spread over lines
  return nil, err, false
end

local function show_error(message)
  io.stdout:flush()
  io.stderr:write(message, "\n")
  io.stderr:flush()
end

--- Run f (Ctrl-C interrupts it), print its results and keep them in `_`.
local function evaluate(f)
  local res = table.pack(console.call(f))
  if not res[1] then
    if console.interrupted() and console.isatty() then io.stderr:write("\n") end -- after the echoed ^C
    return show_error(res[2])
  end
  if res.n < 2 then return end
  local ok, err = console.call(function()
    local out = {}
    for i = 2, res.n do
      out[#out + 1] = prompt.show_result(res[i], {
        width = console.columns() or 80, name = res.n > 2 and ("_[" .. (i - 1) .. "]") or "_" })
    end
    if res.n == 2 then _G._ = res[2] else _G._ = table.pack(table.unpack(res, 2, res.n)) end
    io.write(table.concat(out, "\t"), "\n")
  end)
  if not ok then show_error(err) end
end

local function banner(report, findings, path)
  print(string.format("nianbao %s 交互式 Lua 提示符：help() 查看帮助，Tab 补全，Ctrl-D 退出", nb.version))
  if report then print(require("nianbao.cli").printable(prompt.summary(path, report, findings))) end
end

local M
M = {
  summary = "交互式 Lua 提示符（载入报告后查看数据、试用规则和渲染）",
  help = [[
用法：nianbao repl [FILE] [--previous FILE]

打开交互式 Lua 提示符（脚本环境，可用 require "nianbao"）。有 FILE 时载入该报告：
全局变量 report 为报告，findings 为检查结果，nb 和 nianbao 为 nianbao 模块。

每行先按表达式求值并显示结果（_ 保存上一次的结果），否则按语句执行；语句不完整时
在 >> 提示符下继续输入。出错时显示错误和调用栈，提示符继续。

  --previous FILE   上一年度的报告，check() 时检查衔接

辅助函数：check()、render(format [, path])、load_report(path)、reload()、help([fn])。
终端中：Tab 补全全局变量、表的字段和方法；上下键翻阅历史（保存在
$XDG_STATE_HOME/nianbao/history，默认 ~/.local/state/nianbao/history）；
Ctrl-C 取消正在输入的行或中断运行中的代码；Ctrl-D 退出。
标准输入不是终端时，逐行读取语句，不显示提示符，便于用管道运行。
]],
  spec = { previous = "value", help = "flag" },
  run = function(opts, files)
    if #files > 1 then
      cli.say("nianbao repl：最多一个数据文件（nianbao repl --help）")
      return EXIT_USAGE
    end
    local session = { baseline = {} }
    for name in pairs(package.loaded) do session.baseline[name] = true end
    if opts.previous then
      session.previous = cli.load_or_report(opts.previous)
      if not session.previous then return EXIT_USAGE end
    end
    local env = _G
    env.nb, env.nianbao = nb, nb
    prompt.install(env, session)
    if files[1] then
      local report = cli.load_or_report(files[1])
      if not report then return EXIT_USAGE end
      env.report, session.path = report, files[1]
      env.findings = nb.check(report, { previous = session.previous })
    end

    local tty = console.isatty()
    local editor, history, read
    if tty then
      local why
      editor, why = console.editor(function(line, width) return prompt.completion(line, width, env) end)
      if not editor then cli.say("nianbao repl：%s；改为逐行读取（没有行编辑和历史）", why) end
    end
    if editor then
      history = history_file()
      if history then editor:load(history) end -- a missing file is a first session
      read = function(p) return editor:read(p) end
    else
      read = function(p)
        if tty then -- a terminal without libedit: the prompt is still shown
          io.stdout:write(p)
          io.stdout:flush()
        end
        local line = io.stdin:read("l")
        return line and (line:gsub("\r$", ""))
      end
    end
    if tty then banner(env.report, env.findings, session.path) end
    local pending -- the lines of an unfinished statement
    while true do
      local line = read(pending and ">> " or "> ")
      if line == nil then -- end of input (Ctrl-D)
        if pending then show_error(select(2, compile(pending))) end
        break
      elseif line == false then -- Ctrl-C while typing: drop the statement
        pending = nil
      else
        local text = pending and (pending .. "\n" .. line) or line
        local f, err, incomplete = compile(text)
        if incomplete then
          pending = text
        else
          pending = nil
          if editor and text:find("%S") then
            editor:add(text) -- complete statements only
            if history then editor:save(history) end
          end
          if f then evaluate(f) else show_error(err) end
        end
      end
    end
    if editor then
      io.write("\n")
      editor:close()
    end
    return EXIT_OK
  end,
}

return M
