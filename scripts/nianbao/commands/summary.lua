-- nianbao summary: one table of many reports (key figures and every cell), as CSV, XLSX, JSON or HTML
local cli = require "nianbao.cli"
local batch = require "nianbao.batch"
local nb = require "nianbao"
local say = cli.say
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

local FORMATS = { csv = true, xlsx = true, json = true, html = true }

return {
  summary = "汇总多份报告：每份报告一行（主要数字、错误与警告数、表二至表四各单元格），输出 CSV/XLSX/JSON/HTML",
  help = [[
用法：nianbao summary FILE|DIR... -o OUT.(csv|xlsx|json|html) [--force] [--format FMT] [-j N]

把多份报告数据文件（DIR 为文件夹时取其中全部 *.lua）汇总成一张表，每份报告一行：
文件、机关、年度、检查结果，主要数字（新收、办结、结转、予以公开、复议、诉讼、收费（元）、
错误、警告），然后是表二、表三、表四的每个单元格（列名为官方表格的标签）。
同一机关相邻年度的报告一起汇总时，错误与警告数包括跨年度衔接的检查（与 check 相同）。

输出格式由 OUT 的扩展名决定（或 --format）：
  .csv   带 BOM 的 UTF-8，Excel/WPS 可直接打开
  .xlsx  Excel 工作簿：“汇总”表（数字为数值、表头冻结、列宽合适）和“问题清单”表
  .json  { columns, reports }，每份报告含 figures 与 cells
  .html  一个独立网页：可按任一列排序的主要数字表，各单位申请数量和办理结果的图表

  -o, --output OUT   输出文件（原子写入；已存在时需 --force；- 为标准输出，须给 --format）
  --format FMT       csv、xlsx、json 或 html
  --force            覆盖已存在的输出文件
  -j, --jobs N       用 N 个进程并行检查（多核机器上汇总大批文件更快；结果不变）

无法读取或被拒绝的文件也占一行，写明原因，不影响其余报告。
退出码：0 已写出（报告中有错误也是 0，见“错误”列）；2 用法错误、有文件无法读取或无法写出。
]],
  spec = { output = "value", format = "value", force = "flag", jobs = "value", help = "flag" },
  aliases = { o = "output", j = "jobs" },
  run = function(opts, files)
    if #files == 0 then
      say("nianbao summary：需要至少一个数据文件或文件夹（nianbao summary --help）")
      return EXIT_USAGE
    end
    local out = opts.output
    if not out then
      say("nianbao summary：需要 -o 输出文件（.csv、.xlsx、.json 或 .html）")
      return EXIT_USAGE
    end
    local format = opts.format or out:match("%.([%w]+)$")
    format = format and format:lower()
    if not FORMATS[format] then
      say("nianbao summary：无法由 %s 确定输出格式；扩展名或 --format 应为 csv、xlsx、json 或 html", out)
      return EXIT_USAGE
    end
    if cli.refuse_overwrite("summary", out, opts.force) then return EXIT_USAGE end
    -- a long batch keeps batch.KEEP reports in memory and loads the others again in turn
    local entries = batch.load(batch.expand(files), nil, batch.KEEP)
    batch.pair_years(entries)
    local jobs = cli.jobs("summary", opts.jobs)
    if not jobs then return EXIT_USAGE end
    if jobs > 1 then require("nianbao.parallel").findings(entries, jobs) end
    local progress = batch.progress(#entries, "汇总")
    local rows = require("nianbao.summary").rows(entries, { step = progress.step,
      per_report = format == "html" and require("nianbao.summary_html").per_report or nil })
    progress.done()
    local code = EXIT_OK
    for _, e in ipairs(entries) do
      if e.error then say("%s", e.error) code = EXIT_USAGE end
    end
    local s = require "nianbao.summary"
    local text
    if format == "html" then text = require("nianbao.summary_html").page(rows)
    else text = s[format](rows) end
    return cli.write_output(out, text, code)
  end,
}
