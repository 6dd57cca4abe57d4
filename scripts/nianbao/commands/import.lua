-- nianbao import: read a published report (text or HTML) and write its data file
local nb = require "nianbao"
local cli = require "nianbao.cli"
local say = cli.say
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

local SEVERITY_ZH = { error = "错误", warning = "警告" }

-- Reads at most one byte more than the importer takes (its size check then refuses the
-- input), so an endless or huge input (`head -c 2G /dev/zero | nianbao import -`) costs
-- no more memory than that.
local function read_all(path)
  local most = require("nianbao.import").MAX_HTML + 1
  if path == "-" then return io.stdin:read(most) or "" end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data, rerr = f:read(most) -- nil and no error: an empty file
  f:close()
  if rerr then return nil, path .. "：无法读取" end
  return data or ""
end

return {
  summary = "导入已发布的年报（文本或网页），生成数据文件",
  help = [[
用法：nianbao import 已发布的年报.(txt|html) [-o FILE.lua] [--force]

读取一份已发布的年度报告（从网页或 PDF 复制的文本，或网页 HTML；UTF-8 或 GB18030/GBK），
按表格标签识别表二、表三、表四的数字，保留标题、机关、年度和各部分原文，写出数据文件
（-o 默认为标准输出；FILE 为 - 时读标准输入）。读不到的部分、空白单元格、旧模板和截断
都在标准错误上逐条说明；数据文件中空白单元格写作 ""，缺失的行不写。

  -o, --output FILE   输出的数据文件（原子写入；已存在时需 --force）
  --force             覆盖已存在的输出文件

退出码：0 导入完整；1 有部分未能读取（仍写出读到的内容）；2 文件无法读取。
可接着检查：nianbao import 年报.txt | nianbao check -
]],
  spec = { output = "value", force = "flag", help = "flag" },
  aliases = { o = "output" },
  run = function(opts, files)
    if #files ~= 1 then
      say("nianbao import：需要一个已发布的年报文件（nianbao import --help）")
      return EXIT_USAGE
    end
    local file = files[1]
    local out = opts.output or "-"
    if cli.refuse_overwrite("import", out, opts.force) then return EXIT_USAGE end
    local bytes, err = read_all(file)
    if not bytes then
      say("nianbao import：无法读取 %s：%s", file, tostring(err))
      return EXIT_USAGE
    end
    local report, notes = require("nianbao.import").import(bytes, file)
    if not report then
      say("nianbao import：%s：%s", file, tostring(notes))
      return EXIT_USAGE
    end
    local errors = 0
    for _, n in ipairs(notes) do
      if n.severity == "error" then errors = errors + 1 end
      say("%s: %s %s%s：%s", file, SEVERITY_ZH[n.severity] or n.severity, n.id,
        n.section and (" [第" .. n.section .. "部分]") or "", n.message)
    end
    local ok, werr = nb.write_file(out, require("nianbao.datafile").serialize(report))
    if not ok then
      say("%s", werr)
      return EXIT_USAGE
    end
    return errors > 0 and EXIT_FINDINGS or EXIT_OK
  end,
}
