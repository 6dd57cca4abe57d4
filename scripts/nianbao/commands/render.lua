-- nianbao render: render a report through render/<format>.lua and write it atomically
local nb = require "nianbao"
local cli = require "nianbao.cli"
local say, load_or_report = cli.say, cli.load_or_report
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = nb.exit.ok, nb.exit.findings, nb.exit.usage

-- The format an output file's extension asks for when -f is not given.
local BY_EXTENSION = { txt = "text", text = "text", html = "html", htm = "html", md = "markdown",
  markdown = "markdown", docx = "docx", pdf = "pdf" }

--- The format for opts: -f, else the -o extension (nil and a message for one not known),
--- else text (standard output, or a file name without extension).
local function format_of(opts)
  if opts.format then return opts.format end
  local out = opts.output
  if not out or out == "-" then return "text" end
  local ext = out:match("%.([^./\\]+)$")
  if not ext then return "text" end
  local format = BY_EXTENSION[ext:lower()]
  if format then return format end
  -- a renderer along the search path (a user's own) that declares this extension (LUA-API:
  -- `extension` decides the format picked from -o); looked for only for an unknown one
  for _, name in ipairs(nb.list("render")) do
    local candidate = name:match("^([%w_%-]+)%.lua$")
    local ok, r = pcall(nb.renderer, candidate)
    if candidate and ok and type(r.extension) == "string" and r.extension:lower() == ext:lower() then
      return candidate
    end
  end
  return nil, string.format("nianbao render：不知道输出文件 %s 的扩展名“.%s”应是什么格式；"
    .. "请用 .txt .html .md .docx .pdf 之一（或脚本文件夹中声明了 extension = \"%s\" 的渲染脚本），"
    .. "或用 -f 指定格式", out, ext, ext)
end

return {
  summary = "生成报告（-f text|html|markdown|docx|pdf，默认按 -o 的扩展名，否则 text）",
  help = [[
用法：nianbao render FILE [-f FORMAT] [-o OUT] [--force] [--profile NAME] [--table-style tsv|aligned]
                     [--pdf-engine libreoffice|chromium]

生成报告。FORMAT 为 render/FORMAT.lua 所在的输出格式；不给 -f 时按 OUT 的扩展名（.txt .html .md
.docx .pdf）决定，其他扩展名报错，输出到标准输出或无扩展名时为 text。OUT 默认为标准输出；
写入文件时先写临时文件再替换，失败时原文件不变。报告有错误时不输出，除非加 --force。

  -f, --format FORMAT      输出格式：text、html、markdown、docx（Word）、pdf 及脚本搜索路径中
                           render/ 下的其他格式
  -o, --output OUT         输出文件（- 为标准输出）
  --force                  报告有错误时仍然输出
  --profile NAME           按格式方案 profiles/NAME.lua 排版：default（原样，默认）、gbt9704（国家标准：
                           全角标点、“2024年”不空格等）、county-example（本地示例）或自己的方案
  --table-style STYLE      text 格式的表格：tsv（默认，制表符分隔，可粘贴到表格软件）或
                           aligned（按显示宽度对齐，便于在终端阅读）
  --pdf-engine ENGINE      pdf 格式的生成程序：libreoffice（默认，转换 Word 稿，带页码；Debian 软件包
                           libreoffice-writer-nogui）或 chromium（打印网页稿，也带页码）
]],
  spec = { format = "value", output = "value", force = "flag", ["table-style"] = "value", profile = "value", help = "flag",
    ["pdf-engine"] = "value" },
  aliases = { f = "format", o = "output" },
  run = function(opts, files)
    if #files ~= 1 then
      say("nianbao render：需要且只需要一个数据文件（nianbao render --help）")
      return EXIT_USAGE
    end
    local style = opts["table-style"]
    if style and style ~= "tsv" and style ~= "aligned" then
      say("nianbao render：--table-style 只能是 tsv 或 aligned，实际为 %s", style)
      return EXIT_USAGE
    end
    local format, why = format_of(opts)
    if not format then
      say("%s", why)
      return EXIT_USAGE
    end
    if not format:match("^[%w_%-]+$") or not nb.find("render/" .. format .. ".lua") then
      say("nianbao render：未知的输出格式“%s”（在脚本搜索路径中找不到 render/%s.lua）", format, format)
      return EXIT_USAGE
    end
    local profile
    if opts.profile then
      local err
      profile, err = require("nianbao.profile").load(opts.profile)
      if not profile then
        say("nianbao render：%s", err)
        return EXIT_USAGE
      end
    end
    if opts["pdf-engine"] and format ~= "pdf" then
      say("nianbao render：--pdf-engine 只用于 pdf 格式（-f pdf 或 -o 文件名.pdf），当前格式为 %s", format)
      return EXIT_USAGE
    end
    -- a renderer may say up front that it cannot run here (the PDF engine is not installed)
    local renderer = nb.renderer(format)
    if type(renderer.usable) == "function" then
      local ok, err = renderer.usable({ pdf_engine = opts["pdf-engine"] })
      if not ok then
        say("nianbao render：%s", err)
        return EXIT_USAGE
      end
    end
    local report = load_or_report(files[1])
    if not report then return EXIT_USAGE end
    -- A renderer that shows findings only beside errors (the --force banner) makes the same
    -- output without the warnings of a report that has no errors: the rules that can add
    -- nothing else are left out until an error shows they are needed (a third of an HTML
    -- render of a real report).
    local lean = renderer.shows_findings_only_with_errors == true
    local findings = nb.check(report, { skip_warnings_only = lean })
    local errors = findings:errors()
    if #errors > 0 and not opts.force then
      for _, f in ipairs(errors) do say("%s: %s", files[1], tostring(f)) end
      say("%s：报告有 %d 个错误，未生成输出；改正后重试，或加 --force 强制输出", files[1], #errors)
      return EXIT_FINDINGS
    end
    if lean and #errors > 0 then -- the banner lists the warnings too: those rules run now, once
      findings = nb.findings(require("nianbao.rules").complete(report, findings))
    end
    local out, why = nb.render(report, format, { findings = findings, table_style = style, profile = profile,
      pdf_engine = opts["pdf-engine"] })
    if not out then -- not a script error: the renderer says why it could not (a PDF engine failed)
      say("nianbao render：%s", why)
      return EXIT_USAGE
    end
    return cli.write_output(opts.output or "-", out)
  end,
}
