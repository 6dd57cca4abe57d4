-- nianbao new: write a new data file with every cell, for an agency and year
local nb = require "nianbao"
local cli = require "nianbao.cli"
local say = cli.say
local EXIT_OK, EXIT_USAGE = nb.exit.ok, nb.exit.usage

local M = {}

--- Why a new file for this year is refused (nil when it is not): the 2021 format starts
--- with the 2021 report; a report is written after its year, so next year is the last.
function M.refuse_year(year)
  local next_year = tonumber(os.date("%Y")) + 1
  if year < 2019 then
    return string.format("%d 年度早于现行格式：2021 年起的年报用国办公开办函〔2021〕30号格式，更早的年报格式不同，不能用 new 新建", year)
  elseif year < 2021 then
    return string.format("%d 年度的年报使用 2019 年试行格式（国办公开办函〔2019〕60号），new 只新建 2021 年格式；已发布的试行格式年报可用 nianbao import 导入", year)
  elseif year > next_year then
    return string.format("%d 年度尚未到来：年度最晚为明年（%d）", year, next_year)
  end
end

M.command = {
  summary = "新建一个空白数据文件（--agency 机关名称 --year 年度，或 --from 上年数据文件）",
  help = [[
用法：nianbao new --agency 机关名称 --year 年度 [-o FILE.lua] [--force]
      nianbao new --from 上年数据文件.lua [-o FILE.lua] [--force]

新建一个报告数据文件：每个单元格为 0，文字为空，每行带中文注释说明是哪一项。
--from：按上年的数据文件新建下一年度：年度加 1，机关和总体情况的小标题保留，
  表三“上年结转”取上年的“结转下年度继续办理”，表二“现行有效件数”沿用上年数，
  其他数字为 0，叙述文字留空（照抄上年文字会被 YEAR.IDENTICAL 提示）。
年度须为 2021 年至明年：2019、2020 年度使用试行格式，不能用 new 新建。
OUT 默认为标准输出；已存在的文件不会被覆盖，除非加 --force。
]],
  spec = { agency = "value", year = "value", from = "value", output = "value", force = "flag", help = "flag" },
  aliases = { o = "output" },
  run = function(opts, files)
    if #files > 0 then
      say("nianbao new：不接受文件参数 %s（输出文件用 -o 指定）", files[1])
      return EXIT_USAGE
    end
    local datafile = require "nianbao.datafile"
    local text
    if opts.from then
      if opts.agency or opts.year then
        say("nianbao new：--from 已给出机关和年度（上年年度加 1），不能再用 --agency 或 --year")
        return EXIT_USAGE
      end
      local last = cli.load_or_report(opts.from)
      if not last then return EXIT_USAGE end
      if math.type(last.year) ~= "integer" then
        say("nianbao new：%s 没有年度（year），无法推出下一年度", opts.from)
        return EXIT_USAGE
      end
      local why = M.refuse_year(last.year + 1)
      if why then
        say("nianbao new：%s", why)
        return EXIT_USAGE
      end
      local next_year, notes = require("nianbao.nextyear").from(last)
      for _, n in ipairs(notes) do say("nianbao new：%s：%s", opts.from, n) end
      text = datafile.serialize(next_year)
    else
      if not opts.agency or opts.agency == "" then
        say("nianbao new：需要 --agency 机关名称（或用 --from 上年数据文件）")
        return EXIT_USAGE
      end
      if not opts.year then
        say("nianbao new：需要 --year 年度（四位年份，如 2024）")
        return EXIT_USAGE
      end
      local year = math.tointeger(tonumber(opts.year))
      if not year or not tostring(opts.year):match("^%d%d%d%d$") then
        say("nianbao new：--year 应为四位年份（如 2024），实际为 %s", tostring(opts.year))
        return EXIT_USAGE
      end
      local why = M.refuse_year(year)
      if why then
        say("nianbao new：%s", why)
        return EXIT_USAGE
      end
      text = datafile.blank(opts.agency, year)
    end
    local out = opts.output or "-"
    if cli.refuse_overwrite("new", out, opts.force) then return EXIT_USAGE end
    return cli.write_output(out, text)
  end,
}

M.command.refuse_year = M.refuse_year
return M.command
