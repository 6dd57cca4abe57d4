-- nianbao draft: write the standard sentences of the narrative from the tables
local nb = require "nianbao"
local cli = require "nianbao.cli"
local say = cli.say
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

return {
  summary = "按表格数字起草叙述中的标准语句（依申请公开、复议诉讼、信息处理费）",
  help = [[
用法：nianbao draft FILE.lua [-o OUT.lua] [--force]

按数据文件中的表格，用规范的表述写出叙述中的标准语句，其余文字不动：
  总体情况“依申请公开”：收到申请件数（自然人、法人或其他组织）、上年结转、办结及办理结果、
    结转下年度；行政复议、行政诉讼件数（数据文件没有第四部分的文字，写在这里）；
  第六部分：信息处理费（发出收费通知件数、金额、实际收取金额）。
件数为 0 时写作“未收到”“未发生”“未收取”。语句需要的数字空白或缺失时不起草该语句（原文不动），
并在标准错误上说明；数据文件没有写的收费项不写进语句。再次起草会替换上次起草的语句。
起草脚本在 draft/ 下（nianbao which draft/requests.lua），可复制到自己的 --scripts 目录修改。
OUT 默认为标准输出；已存在的文件不会被覆盖，除非加 --force（OUT 可与 FILE 相同）。
]],
  spec = { output = "value", force = "flag", help = "flag" },
  aliases = { o = "output" },
  run = function(opts, files)
    if #files ~= 1 then
      say("nianbao draft：需要一个数据文件（nianbao draft --help）")
      return EXIT_USAGE
    end
    local view = cli.load_or_report(files[1])
    if not view then return EXIT_USAGE end
    if math.type(view.year) ~= "integer" then
      say("nianbao draft：%s 没有年度（year），无法起草", files[1])
      return EXIT_USAGE
    end
    local out = opts.output or "-"
    if cli.refuse_overwrite("draft", out, opts.force) then return EXIT_USAGE end
    local report, _, skipped = require("nianbao.draft").draft(view)
    for _, why in ipairs(skipped) do say("nianbao draft：%s：%s", files[1], why) end
    return cli.write_output(out, require("nianbao.datafile").serialize(report))
  end,
}
