-- nianbao aggregate: sum the reports of units into a data file of the government
local nb = require "nianbao"
local cli = require "nianbao.cli"
local batch = require "nianbao.batch"
local say = cli.say
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = nb.exit.ok, nb.exit.findings, nb.exit.usage

-- The unit as named in the sum's narrative: its agency, or its file when the report has no
-- agency name (an import that found no title), so that no name is left empty.
local function has_name(e) return type(e.report.agency) == "string" and e.report.agency:find("%S") ~= nil end
local function unit_name(e)
  if has_name(e) then return e.report.agency end
  return string.format("%s（机关名称空白）", e.path:match("([^/\\]*)$"))
end

return {
  summary = "把所属单位的报告逐格相加，生成政府（或部门）自己的报告数据文件",
  help = [[
用法：nianbao aggregate FILE|DIR... --agency 机关名称 [-o OUT.lua] [--force]

把各单位同一年度报告的表二、表三、表四逐格相加（现行有效件数也相加；收费金额按万元精确相加），
写出一个新的数据文件（-o 默认为标准输出），机关为 --agency，年度为各单位的年度；其第一部分
列出汇总了哪些单位，其余文字部分留空待填写。

  - 各单位年度不同时拒绝汇总（退出码 2，列出文件和年度，不写出文件）；
  - 某单位自身检查有错误时列出并拒绝汇总（退出码 1），加 --force 仍然汇总；
  - 某单元格在任一单位中空白（或缺失），汇总结果中该格也为空白，并逐格说明。
  - 同一文件给了两次，或输出文件本身在单位之中，拒绝汇总（退出码 2）；两份报告属于同一机关、
    或某份报告的机关就是 --agency（如留在单位文件夹中的上次汇总结果）时也拒绝（退出码 2），
    确是不同单位（如部门机关本级的报告）时加 --force 仍然汇总。
只要各单位都通过勾稽关系检查，汇总结果也一定通过。

  --agency NAME       汇总报告的机关名称（必需）
  -o, --output FILE   输出的数据文件（原子写入；已存在时需 --force）
  --force             有单位未通过检查或机关名称相同时仍然汇总；覆盖已存在的输出文件

接着可检查已发布的政府报告与各单位之和是否一致：nianbao check --units 政府.lua 单位/
]],
  spec = { agency = "value", output = "value", force = "flag", help = "flag" },
  aliases = { o = "output" },
  run = function(opts, files)
    if not opts.agency or opts.agency:match("^%s*$") then
      say("nianbao aggregate：需要 --agency 指定汇总报告的机关名称")
      return EXIT_USAGE
    end
    if #files == 0 then
      say("nianbao aggregate：需要至少一个单位的数据文件或文件夹（nianbao aggregate --help）")
      return EXIT_USAGE
    end
    local out = opts.output or "-"
    if cli.refuse_overwrite("aggregate", out, opts.force) then return EXIT_USAGE end
    local entries = batch.load(batch.expand(files))
    local bad = false
    for _, e in ipairs(entries) do
      if e.error then say("%s", e.error) bad = true end
    end
    if bad then
      say("nianbao aggregate：有文件无法读取，未汇总")
      return EXIT_USAGE
    end
    local years, order = {}, {}
    for _, e in ipairs(entries) do
      local y = tostring(e.report.year or "年度不明")
      if not years[y] then years[y] = {} order[#order + 1] = y end
      table.insert(years[y], e.path)
    end
    if #order > 1 then
      local parts = {}
      for _, y in ipairs(order) do parts[#parts + 1] = string.format("%s 年：%s", y, table.concat(years[y], "、")) end
      say("nianbao aggregate：各单位的报告年度不同，未汇总（%s）", table.concat(parts, "；"))
      return EXIT_USAGE
    end
    local conflicts = require("nianbao.aggregate").conflicts(entries, { agency = opts.agency,
      path = out ~= "-" and out or nil, what = "汇总的输出文件" })
    local stop = false
    for _, why in ipairs(conflicts) do
      say("nianbao aggregate：%s%s", opts.force and why.name_only and "注意：" or "", why.text)
      stop = stop or not (opts.force and why.name_only)
    end
    if stop then
      local names_only = true
      for _, why in ipairs(conflicts) do names_only = names_only and why.name_only end
      say("nianbao aggregate：同一单位不能计入两次，未汇总%s", names_only and "（确是不同单位时加 --force）" or "")
      return EXIT_USAGE
    end
    local failing = 0
    for _, e in ipairs(entries) do
      local errors = nb.check(e.report):errors()
      if #errors > 0 then
        failing = failing + 1
        say("nianbao aggregate：%s（%s）自身检查有 %d 个错误，如：%s", e.path, has_name(e) and e.report.agency or "机关名称空白",
          #errors, tostring(errors[1]))
      end
    end
    if failing > 0 and not opts.force then
      say("nianbao aggregate：%d 个单位未通过检查，未汇总（先改正，或加 --force 仍然汇总）", failing)
      return EXIT_FINDINGS
    end
    local reports, names = {}, {}
    for i, e in ipairs(entries) do reports[i], names[i] = e.report, unit_name(e) end
    local t, blanks = require("nianbao.aggregate").report(reports, opts.agency, names)
    for _, b in ipairs(blanks) do
      local who = {}
      for _, i in ipairs(b.units) do who[#who + 1] = entries[i].path end
      say("nianbao aggregate：%s 在 %s 中空白或缺失，汇总结果该格为空白", b.cell.label, table.concat(who, "、"))
    end
    local code = cli.write_output(out, require("nianbao.datafile").serialize(t))
    if code ~= EXIT_OK then return code end
    if out ~= "-" then
      say("nianbao aggregate：已汇总 %d 个单位的 %s 年度报告，写出 %s", #entries, order[1], out)
    end
    return EXIT_OK
  end,
}
