-- nianbao compare: year over year, what changed between two reports
local cli = require "nianbao.cli"
local nb = require "nianbao"
local say = cli.say
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

local FORMATS = { text = true, csv = true, html = true, json = true }

return {
  summary = "比较两个年度的报告：有变化的单元格、主要数字、与上年相同的段落",
  help = [[
用法：nianbao compare 上年.lua 本年.lua [--format text|csv|html|json] [-o OUT] [--force]

逐格比较表二、表三、表四，列出每个有变化的单元格（旧值、新值、增减、增减百分比），
主要数字（新收、办结、结转、予以公开、复议、诉讼、收费）的对照表，以及本年报告中与
上年一字不差的段落（可能是照抄上年）。html 格式为独立网页，附主要数字的柱状图。

  --format FMT        text（默认）、csv、html 或 json；有 -o 时默认取其扩展名
  -o, --output OUT    输出文件（原子写入；已存在时需 --force）；默认标准输出
  --force             覆盖已存在的输出文件

退出码：0 已比较；2 文件无法读取或用法错误。
]],
  spec = { format = "value", output = "value", force = "flag", help = "flag" },
  aliases = { o = "output" },
  run = function(opts, files)
    if #files ~= 2 then
      say("nianbao compare：需要两个数据文件：上年的和本年的（nianbao compare --help）")
      return EXIT_USAGE
    end
    local out = opts.output or "-"
    local format = opts.format or (out ~= "-" and out:match("%.(%w+)$")) or "text"
    format = format:lower()
    if format == "txt" then format = "text" end
    if not FORMATS[format] then
      say("nianbao compare：--format 只能是 text、csv、html 或 json，实际为 %s", format)
      return EXIT_USAGE
    end
    if cli.refuse_overwrite("compare", out, opts.force) then return EXIT_USAGE end
    local old = cli.load_or_report(files[1])
    local new = cli.load_or_report(files[2])
    if not old or not new then return EXIT_USAGE end
    local m = require "nianbao.compare"
    local text = m[format](m.compare(old, new), files[1], files[2])
    return cli.write_output(out, text)
  end,
}
