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
  run = function(_, args)
    if args and #args > 0 then
      io.stderr:write(string.format("nianbao rules：不需要参数，实际给了“%s”（nianbao rules 列出全部规则）\n", args[1]))
      return nb.exit.usage
    end
    for _, r in ipairs(nb.rules()) do
      print(string.format("%-16s %-8s %s  %s", r.id, r.severity, r.file, r.describe))
    end
    return EXIT_OK
  end,
}
