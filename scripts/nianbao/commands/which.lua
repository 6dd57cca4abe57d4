-- nianbao which: tell which file along the search path provides a script or template
local nb = require "nianbao"
local say = require("nianbao.cli").say
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

return {
  summary = "显示脚本或模板实际使用的文件及搜索路径（如 render/text）",
  help = [[
用法：nianbao which NAME

显示名为 NAME 的脚本或模板实际使用哪个文件（如 render/html、rules/text_style、
templates/text/report.txt），以及依次搜索的文件夹。
]],
  spec = { help = "flag" },
  run = function(opts, files)
    if #files ~= 1 then
      say("nianbao which：需要一个名称，如 render/html")
      return EXIT_USAGE
    end
    local name = files[1]
    if not name:match("^templates/") and not name:match("%.lua$") then name = name .. ".lua" end
    local _, where = nb.find(name)
    -- every folder searched, marking the file that wins and the ones it hides
    local dir, base = name:match("^(.*)/([^/]+)$")
    local here = {}
    if dir then
      local _, places = nb.list(dir)
      for _, place in ipairs(places[base] or {}) do here[place] = true end
    end
    local won = false
    local function mark(present)
      if not present then return "" end
      local m = won and "  （有同名文件，被覆盖）" or "  ← 使用此文件"
      won = true
      return m
    end
    print("搜索路径（从前到后）：")
    for _, root in ipairs(nb.search_path()) do print("  " .. root .. mark(here[root])) end
    print("  （内置于程序）" .. mark(here.embedded))
    if where then
      print(name .. " => " .. where)
      return EXIT_OK
    end
    say("nianbao which：在脚本搜索路径和内置脚本中都找不到 %s", name)
    return EXIT_USAGE
  end,
}
