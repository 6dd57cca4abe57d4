-- nianbao run: run a Lua script in the trusted script state
local say = require("nianbao.cli").say
local nb = require "nianbao"
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

local M
M = {
  summary = "在脚本环境中运行 Lua 脚本",
  help = [[
用法：nianbao run SCRIPT.lua [参数...]

在脚本环境中运行 Lua 脚本：可用 require "nianbao"（见 docs/lua-api.md）和 require "lfs"，
参数在全局表 arg 中（arg[0] 为脚本名）。脚本返回整数时作为退出码；脚本出错时显示调用栈，退出码 3。
]],
  raw = true, -- everything after the script name belongs to the script
  run = function(args)
    local script = args[1]
    if not script or script == "--help" or script == "-h" then
      io.write(M.help)
      return script and EXIT_OK or EXIT_USAGE
    end
    local chunk, err = loadfile(script, "t")
    if not chunk then
      say("nianbao run：%s", err)
      return EXIT_USAGE
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
