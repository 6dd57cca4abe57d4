-- nianbao rules: list the rules found along the search path
local nb = require "nianbao"
local EXIT_OK = nb.exit.ok

return {
  summary = "列出本地规则（scripts/rules/）",
  help = [[
用法：nianbao rules

列出脚本搜索路径中的本地规则：id、严重程度、文件和说明。
]],
  spec = { help = "flag" },
  run = function()
    for _, r in ipairs(nb.rules()) do
      print(string.format("%-16s %-8s %s  %s", r.id, r.severity, r.file, r.describe))
    end
    return EXIT_OK
  end,
}
