-- nianbao check: check report data files and print the findings
local nb = require "nianbao"
local json = require "nianbao.json"
local cli = require "nianbao.cli"
local say, load_or_report = cli.say, cli.load_or_report
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

return {
  summary = "检查报告数据文件（勾稽关系、空白与无效数值、缺失部分、本地规则）",
  help = [[
用法：nianbao check FILE... [--previous FILE] [--format text|json] [--rules LIST] [--no-rules LIST]

检查一个或多个报告数据文件（FILE 为 - 时读标准输入）：表三、表四的勾稽关系，数值是否有效，
空白单元格，缺失的部分，旧模板；有 --previous 时还检查与上年报告的衔接（YEAR.CARRY、YEAR.IN_FORCE）；
然后运行本地规则（scripts/rules/）。

  --previous FILE      上一年度的报告数据文件
  --format text|json   输出格式；json 为每个文件一行 JSON 对象
  --rules LIST         只运行这些规则（逗号分隔的 id）
  --no-rules LIST      不运行这些规则

退出码：0 没有错误（可有警告）；1 有错误；2 文件无法读取或被拒绝。
]],
  spec = { previous = "value", format = "value", rules = "list", ["no-rules"] = "list", help = "flag" },
  run = function(opts, files)
    if #files == 0 then
      say("nianbao check：需要至少一个数据文件（nianbao check --help）")
      return EXIT_USAGE
    end
    local format = opts.format or "text"
    if format ~= "text" and format ~= "json" then
      say("nianbao check：--format 只能是 text 或 json，实际为 %s", format)
      return EXIT_USAGE
    end
    local previous
    if opts.previous then
      previous = load_or_report(opts.previous)
      if not previous then return EXIT_USAGE end
    end
    local code = EXIT_OK
    for _, file in ipairs(files) do
      local report, err = nb.load(file)
      if not report then
        if format == "json" then
          print(json.encode(json.object({ "file", "error", "findings" }, { file = file, error = err, findings = {} })))
        end
        say("%s", err)
        code = EXIT_USAGE
      else
        local findings = nb.check(report, { previous = previous, rules = opts.rules, no_rules = opts["no-rules"] })
        local errors = #findings:errors()
        if errors > 0 and code == EXIT_OK then code = EXIT_FINDINGS end
        if format == "json" then
          local list = {}
          for i, f in ipairs(findings) do
            list[i] = json.object(
              { "id", "severity", "section", "row", "column", "column_index", "label", "expected", "found", "message", "rule" },
              f)
          end
          print(json.encode(json.object({ "file", "findings" }, { file = file, findings = list })))
        else
          for _, f in ipairs(findings) do print(cli.printable(file .. ": " .. tostring(f))) end
          print(cli.printable(string.format("%s: %s（%d 个错误，%d 个警告）", file,
            errors > 0 and "未通过" or "通过", errors, #findings - errors)))
        end
      end
    end
    return code
  end,
}
