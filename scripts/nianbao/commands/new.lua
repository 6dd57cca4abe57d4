-- nianbao new: write a new data file with every cell, for an agency and year
local nb = require "nianbao"
local cli = require "nianbao.cli"
local say = cli.say
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

return {
  summary = "新建一个空白数据文件（--agency 机关名称 --year 年度）",
  help = [[
用法：nianbao new --agency 机关名称 --year 年度 [-o FILE.lua] [--force]

新建一个报告数据文件：每个单元格为 0，文字为空，每行带中文注释说明是哪一项。
OUT 默认为标准输出；已存在的文件不会被覆盖，除非加 --force。
]],
  spec = { agency = "value", year = "value", output = "value", force = "flag", help = "flag" },
  aliases = { o = "output" },
  run = function(opts, files)
    if #files > 0 then
      say("nianbao new：不接受文件参数 %s（输出文件用 -o 指定）", files[1])
      return EXIT_USAGE
    end
    if not opts.agency or opts.agency == "" then
      say("nianbao new：需要 --agency 机关名称")
      return EXIT_USAGE
    end
    local year = tonumber(opts.year or "")
    if not year or math.type(year) ~= "integer" or year < 2008 or year > 2100 then
      say("nianbao new：--year 应为四位年份（如 2024），实际为 %s", tostring(opts.year))
      return EXIT_USAGE
    end
    local out = opts.output or "-"
    if cli.refuse_overwrite("new", out, opts.force) then return EXIT_USAGE end
    local ok, err = nb.write_file(out, require("nianbao.datafile").blank(opts.agency, year))
    if not ok then
      say("%s", err)
      return EXIT_USAGE
    end
    return EXIT_OK
  end,
}
