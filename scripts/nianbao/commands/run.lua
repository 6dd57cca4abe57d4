-- nianbao run: run a Lua script in the trusted script state
local cli = require "nianbao.cli"
local say = cli.say
local nb = require "nianbao"
local EXIT_OK, EXIT_USAGE, EXIT_SCRIPT = nb.exit.ok, nb.exit.usage, nb.exit.script

local M
M = {
  summary = "在脚本环境中运行 Lua 脚本",
  help = [[
用法：nianbao run SCRIPT.lua [参数...]

在脚本环境中运行 Lua 脚本：可用 require "nianbao"（见 docs/lua-api.md）和 require "lfs"，
参数在全局表 arg 中（arg[0] 为脚本名）。SCRIPT 为 - 时从标准输入读脚本。脚本返回整数时作为
退出码；脚本有语法错误或运行出错时显示位置（运行出错另有调用栈），退出码 3；脚本文件无法读取时
退出码 2。
]],
  raw = true, -- everything after the script name belongs to the script
  run = function(args)
    local script = args[1]
    if not script or script == "--help" or script == "-h" then
      io.write(M.help)
      return script and EXIT_OK or EXIT_USAGE
    end
    local from_stdin = script == "-"
    if not from_stdin then
      local f, why = io.open(script, "rb")
      if f then f:close() end
      if f and require("lfs").attributes(script, "mode") == "directory" then why = "这是文件夹，不是脚本文件" end
      if why then
        if why:sub(1, #script + 2) == script .. ": " then why = why:sub(#script + 3) end -- the name is said once
        say("nianbao run：无法读取脚本文件“%s”：%s", script, cli.os_error(why))
        return EXIT_USAGE
      end
    end
    -- loadfile(nil) reads standard input (chunk name "=stdin")
    local chunk, err = loadfile(not from_stdin and script or nil, "t")
    if not chunk then
      say("nianbao run：脚本有语法错误：%s", err)
      return EXIT_SCRIPT
    end
    local arg = { [0] = script }
    for i = 2, #args do arg[i - 1] = args[i] end
    _G.arg = arg
    local result = chunk(table.unpack(arg))
    if math.type(result) == "integer" then return result end
    return EXIT_OK
  end,
}

return M
