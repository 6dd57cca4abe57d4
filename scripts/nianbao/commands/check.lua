-- nianbao check: check report data files (or folders of them) and print the findings
local nb = require "nianbao"
local cli = require "nianbao.cli"
local batch = require "nianbao.batch"
local function agency_key(name) return require("nianbao.cells").agency_key(name) end -- with --previous only
local review = require "nianbao.review"
local say, load_or_report = cli.say, cli.load_or_report
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = nb.exit.ok, nb.exit.findings, nb.exit.usage
-- the writers of one output format each, loaded on first use: a check of one file in text
-- form needs neither (loading a module's bytecode is a good part of a short check)
local function json() return require "nianbao.json" end
local function ftable() return require "nianbao.findings_table" end

local FINDING_KEYS = { "id", "severity", "section", "row", "column", "column_index", "label", "expected", "found",
  "message", "rule", "fingerprint" }

local function year_text(y) return y and (tostring(y) .. " 年") or "年度不明" end

--- nil when `previous` is the report of the same agency for the year before `report`;
--- otherwise the Chinese reason for refusing to compare them.
local function previous_mismatch(file, report, prev_file, previous)
  local same = agency_key(report.agency) == agency_key(previous.agency)
  local year_ok = math.type(report.year) == "integer" and previous.year == report.year - 1
  if same and year_ok then return nil end
  return string.format("nianbao check：--previous %s（%s，%s）不是 %s（%s，%s）的上一年度报告%s，不作比较",
    prev_file, previous.agency or "", year_text(previous.year), file, report.agency or "", year_text(report.year),
    same and "" or "（机关不同）")
end

--- What check prints for one checked file in `format`, with the reviews applied unless
--- ignore_reviews; sets e.errors and e.warnings. Also the message of a review file that
--- cannot be read (its findings are then all listed).
local function file_output(e, report, findings, format, ignore_reviews)
  local file = e.path
  local reviewed, rerr
  if ignore_reviews then
    reviewed = { kept = findings, dismissed = {}, stale = {} }
  else
    reviewed, rerr = review.apply(file, findings)
  end
  if not reviewed then reviewed = { kept = findings, dismissed = {}, stale = {} } end
  findings = reviewed.kept
  local errors = #findings:errors()
  e.errors, e.warnings = errors, #findings - errors
  local out = {}
  if format == "json" then
    local list = {}
    for j, f in ipairs(findings) do
      list[j] = json().object(FINDING_KEYS, setmetatable({ fingerprint = review.fingerprint(f) }, { __index = f }),
        json().FINDING_FIELDS)
    end
    local dismissed, stale = review.json(reviewed)
    out[1] = json().encode(json().object({ "file", "agency", "year", "previous", "findings", "dismissed", "stale" },
      { file = file, agency = report.agency, year = report.year,
        previous = e.previous_entry and e.previous_entry.path, findings = list,
        dismissed = dismissed, stale = stale })) .. "\n"
  elseif format == "csv" then
    for _, row in ipairs(ftable().csv_rows(e, findings, reviewed)) do out[#out + 1] = ftable().csv_row(row) end
  else
    local function line(s) out[#out + 1] = cli.printable(s) .. "\n" end
    if e.previous_entry then line(string.format("%s: 与上一年度报告 %s 比较衔接", file, e.previous_entry.path)) end
    for _, f in ipairs(findings) do line(file .. ": " .. tostring(f) .. " 〔" .. review.fingerprint(f) .. "〕") end
    for _, l in ipairs(review.lines(reviewed)) do line(file .. ": " .. l) end
    line(string.format("%s: %s（%d 个错误，%d 个警告%s）", file, errors > 0 and "未通过" or "通过", errors,
      #findings - errors, #reviewed.dismissed > 0 and string.format("，%d 个已核实", #reviewed.dismissed) or ""))
  end
  return table.concat(out), rerr
end

--- Check one entry of the batch (with its year before, or `previous` for every file): what
--- check prints for it, the message of a review file that cannot be read, and the report;
--- nil when the file cannot be loaded (entry.error says why).
local function check_entry(e, previous, opts, format)
  local report = batch.report(e)
  if not report then return nil end
  local findings = nb.check(report, { previous = previous or (e.previous_entry and batch.report(e.previous_entry)),
    rules = opts.rules, no_rules = opts["no-rules"] })
  local text, rerr = file_output(e, report, findings, format, opts["ignore-reviews"])
  return text, rerr, report
end

--- A check -j child (nianbao.parallel): the files and their year pairs come from the work
--- list opts.job; each file's output goes, framed, to the answers file the list names. A
--- file it cannot load or whose review file it cannot read is left to the parent, which
--- says why.
local function run_job(opts, format, previous)
  local parallel = require "nianbao.parallel"
  local path, records = parallel.read_job(opts.job)
  if not path then
    say("nianbao check：%s：%s", opts.job, records)
    return EXIT_USAGE
  end
  os.remove(opts.job)
  local answers = assert(io.open(path, "wb"))
  local entries = {}
  for i, r in ipairs(records) do entries[i] = { path = r[1], previous_entry = r[2] and { path = r[2] } or nil } end
  local last_use = batch.last_uses(entries)
  for i, e in ipairs(entries) do
    local text, rerr, report = check_entry(e, previous, opts, format)
    local frame = (not text or rerr) and parallel.skipped(i)
      or parallel.frame(i, text, e.errors, e.warnings, report.agency, report.year)
    assert(answers:write(frame))
    batch.done_with(e, i, last_use)
  end
  assert(answers:write(parallel.trailer(#entries)))
  assert(answers:close())
  return EXIT_OK
end

return {
  summary = "检查报告数据文件或文件夹（勾稽关系、空白与无效数值、缺失部分、跨年度衔接、本地规则）",
  help = [[
用法：nianbao check FILE|DIR... [--previous FILE] [--format text|json|csv] [-j N] [--rules LIST] [--no-rules LIST|all] [--builtin-only]
      nianbao check --units 政府报告.lua 单位报告.lua|DIR...

检查一个或多个报告数据文件（FILE 为 - 时读标准输入；DIR 为文件夹时检查其中及子文件夹中
全部 *.lua 数据文件，按文件名排序）：表三、表四的勾稽关系，数值是否有效，空白单元格，缺失的
部分，旧模板；然后运行本地规则（scripts/rules/）。

同一机关相邻两个年度的报告一起检查时，自动检查两年之间的衔接（YEAR.CARRY、YEAR.IN_FORCE 等），
无需 --previous。机关名称比较时忽略空格，繁体字按简体比较。

  --previous FILE      上一年度的报告数据文件；不是同一机关或不是上一年度时拒绝比较（退出码 2）
  --format text|json|csv
                       text：逐条列出问题（在终端上最后附各文件汇总表）；json：每个文件一行
                       JSON 对象（含 agency、year；每个问题都有 id、severity、section、row、
                       column、expected、found、message 各字段，没有的为 null）；
                       csv：每个问题一行（带 BOM 的 UTF-8，Excel/WPS 可直接打开），列为
                       file, agency, year, id, severity, section, row, column, expected,
                       found, message, fingerprint, review
  --units              第一个文件是政府的报告，其余文件（或文件夹）是其所属单位的报告：
                       逐格比较政府报告的表二、表三、表四与各单位之和（HIER.SUM）
  -j, --jobs N         用 N 个进程并行检查（多核机器上检查大批文件更快；输出顺序不变）
  --rules LIST         只运行这些规则（逗号分隔的 id）
  --no-rules LIST      不运行这些规则；--no-rules all 只做内置检查（同 --builtin-only）
  --builtin-only       只做内置检查，不运行任何规则
  规则编号须是 nianbao rules 列出的编号，写错时给出最接近的编号并以退出码 2 结束。
  --ignore-reviews     不读取 FILE.review.lua 的核实记录，列出全部问题
  --dismiss FP --reason 理由
                       把指纹为 FP 的问题记为已核实（写入 FILE.review.lua）；之后列为“已核实”、
                       不计数，所涉数值或语句改动后记录失效。内置检查的错误不能核实忽略

无法读取或被拒绝的文件逐个说明原因，不影响其余文件的检查。
退出码：0 没有错误（可有警告）；1 有错误；2 有文件无法读取或被拒绝、--previous 不匹配。
]],
  spec = { previous = "value", format = "value", rules = "list", ["no-rules"] = "list", units = "flag",
    help = "flag", dismiss = "value", reason = "value", jobs = "value",
    ["ignore-reviews"] = "flag", ["builtin-only"] = "flag",
    job = "value" }, -- internal: a -j child's work list (nianbao.parallel)
  aliases = { j = "jobs" },
  run = function(opts, files)
    if opts.job and (#files > 0 or opts.jobs or opts.units or opts.dismiss or opts.reason) then
      say("nianbao check：--job 是 -j 的内部选项，不能与文件、-j、--units 或 --dismiss 同用")
      return EXIT_USAGE
    end
    if #files == 0 and not opts.job then
      say("nianbao check：需要至少一个数据文件或文件夹（nianbao check --help）")
      return EXIT_USAGE
    end
    local format = opts.format or "text"
    if format ~= "text" and format ~= "json" and format ~= "csv" then
      say("nianbao check：--format 只能是 text、json 或 csv，实际为 %s", format)
      return EXIT_USAGE
    end
    local rules = require "nianbao.rules"
    local bad = rules.check_ids(opts.rules) or rules.check_ids(opts["no-rules"])
    if bad then
      say("nianbao check：%s", bad)
      return EXIT_USAGE
    end
    if opts["builtin-only"] then opts["no-rules"] = { "all" } end
    if opts.units then return require("nianbao.units").check(files, opts, format) end
    local previous
    if opts.previous then
      previous = load_or_report(opts.previous)
      if not previous then return EXIT_USAGE end
    end
    if opts.job then return run_job(opts, format, previous) end
    local check_opts = { previous = previous, rules = opts.rules, no_rules = opts["no-rules"] }
    if opts.dismiss or opts.reason then
      local failed = review.command(opts, files, check_opts)
      if failed then return failed end
    end
    local jobs = cli.jobs("check", opts.jobs)
    if not jobs then return EXIT_USAGE end
    local parallel = jobs > 1 and require("nianbao.parallel")
    local child_opts = { previous = opts.previous, rules = opts.rules, no_rules = opts["no-rules"], format = format,
      ignore_reviews = opts["ignore-reviews"] }
    local entries = batch.expand(files)
    -- without --previous, -j N starts its children before anything is loaded here
    local spread = parallel and not previous and parallel.check(entries, child_opts, jobs)
    -- a long batch keeps batch.KEEP reports in memory and loads the others again in turn
    batch.load(entries, nil, batch.KEEP)
    if previous then
      local refused = false
      for _, e in ipairs(entries) do
        local why = not e.error and previous_mismatch(e.path, e.report or e, opts.previous, previous)
        if why then say("%s", why) refused = true end
      end
      if refused then return EXIT_USAGE end
    elseif #entries > 1 then -- one report has no other year to pair with
      batch.pair_years(entries)
    end
    if spread then
      parallel.check_pairs(entries, child_opts, jobs) -- the files checked alone that have a year before
    elseif parallel and previous then -- the files loaded here, each checked with --previous
      parallel.check(entries, child_opts, jobs)
    end
    local last_use = batch.last_uses(entries)
    local code = EXIT_OK
    if format == "csv" then io.write(ftable().csv_header()) end
    local progress = batch.progress(#entries, "检查")
    for i, e in ipairs(entries) do
      progress.step(i)
      if e.output then -- checked and written out by a -j child
        progress.clear()
        io.write(e.output)
        e.output = nil
        if e.errors > 0 and code == EXIT_OK then code = EXIT_FINDINGS end
      else
        local text, rerr = check_entry(e, previous, opts, format)
        progress.clear()
        if not text then
          if format == "json" then
            print(json().encode(json().object({ "file", "error", "findings" }, { file = e.path, error = e.error, findings = {} })))
          elseif format == "csv" then
            for _, row in ipairs(ftable().csv_rows(e)) do io.write(ftable().csv_row(row)) end
          end
          say("%s", e.error)
          code = EXIT_USAGE
        else
          if rerr then
            say("%s", rerr)
            code = EXIT_USAGE
          end
          io.write(text)
          if e.errors > 0 and code == EXIT_OK then code = EXIT_FINDINGS end
        end
      end
      io.stdout:flush()
      batch.done_with(e, i, last_use)
    end
    progress.done()
    -- the table sums up a batch; one file's own last line already says all it would
    if format == "text" and #entries > 1 and batch.stdout_is_tty() then
      io.write(ftable().summary_table(entries))
    end
    return code
  end,
}
