-- nianbao import: read a published report (text or HTML) and write its data file
local nb = require "nianbao"
local cli = require "nianbao.cli"
local say = cli.say
local EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = nb.exit.ok, nb.exit.findings, nb.exit.usage

-- import notes may also be "info" (说明), which findings never are
local SEVERITY_ZH = setmetatable({ info = "说明" }, { __index = function(_, k) return nb.severity_label(k) end })

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
  if rerr then return nil, rerr end
  return data or ""
end

--- Import one published report into the data file `out`; notes are said with tell (default
--- cli.say: on stderr). Returns the exit code and the list of notes of severity error (what
--- could not be read), or, for an input that could not be read at all, the reason.
local function import_one(file, out, tell)
  local say = tell or say
  local bytes, err = read_all(file)
  if not bytes then
    -- io.open's message starts with the file name, which the message already says
    err = tostring(err)
    if err:sub(1, #file + 2) == file .. ": " then err = err:sub(#file + 3) end
    local why = string.format("无法读取 %s：%s", file, cli.os_error(err))
    say("nianbao import：%s", why)
    return EXIT_USAGE, nil, why
  end
  local report, notes, code = require("nianbao.import").import(bytes, file)
  if not report then
    say("nianbao import：%s：%s", file, tostring(notes))
    return code or EXIT_USAGE, nil, tostring(notes)
  end
  local unread = {}
  for _, n in ipairs(notes) do
    if n.severity == "error" then unread[#unread + 1] = n end
    say("%s: %s %s%s：%s", file, SEVERITY_ZH[n.severity] or n.severity, n.id,
      n.section and (" [第" .. n.section .. "部分]") or "", n.message)
  end
  local ok, werr = nb.write_file(out, require("nianbao.datafile").serialize(report))
  if not ok then
    say("%s", werr)
    return EXIT_USAGE, nil, werr
  end
  return #unread > 0 and EXIT_FINDINGS or EXIT_OK, unread
end

--- The data file of an input in DIR: its name with the extension replaced by .lua. Only a
--- plain extension (.pdf, .html) goes: a download tool's "download.jsp?id=7" keeps its
--- whole name, or every download of the folder would get one data file name.
local function output_name(dir, file)
  local base = file:match("([^/\\]+)$") or file
  base = base:gsub("%.[A-Za-z0-9]+$", "")
  if base == "" then base = "report" end
  return (dir:gsub("/+$", "")) .. "/" .. base .. ".lua"
end

--- The inputs of a batch: a folder gives the files directly in it (not hidden ones, not its
--- subfolders), sorted by name, whatever their extension (the format is sniffed); a file
--- stays as given.
local function expand_inputs(args)
  local lfs = require "lfs"
  local out = {}
  for _, a in ipairs(args) do
    if lfs.attributes(a, "mode") == "directory" then
      local names = {}
      local ok, iter, state = pcall(lfs.dir, a)
      if ok then
        for name in iter, state do
          local path = a:sub(-1) == "/" and a .. name or a .. "/" .. name
          if name:sub(1, 1) ~= "." and lfs.attributes(path, "mode") == "file" then names[#names + 1] = path end
        end
      end
      table.sort(names)
      if #names == 0 then
        say("nianbao import：文件夹 %s 中没有文件%s", a, ok and "" or ("（" .. tostring(iter) .. "）"))
      end
      for _, path in ipairs(names) do out[#out + 1] = path end
    else
      out[#out + 1] = a
    end
  end
  return out
end

--- Import one input of a batch: the exit code, whether a data file was written, and what
--- the batch's table says of it.
local function import_entry(file, out, tell)
  local status, unread, why = import_one(file, out, tell)
  -- a data file is written unless the input could not be read (a scan exits 1, writes none)
  if not unread then return status, false, "无法读取：" .. tostring(why):gsub("\n.*", "") end
  if #unread == 0 then return status, true, "完整" end
  local ids = {}
  for i, n in ipairs(unread) do
    if i > 3 then ids[#ids + 1] = "等" break end
    ids[#ids + 1] = n.message
  end
  return status, true, string.format("%d 处未能读取：%s", #unread, table.concat(ids, "；"))
end

-- -j: a child (`import --job LIST`, internal) imports the inputs of its work list
-- (nianbao.parallel) and answers, for each in the list's order, with one frame:
--   "K STATUS WRITTEN WHATBYTES SAIDBYTES\n" WHAT SAID
-- (WRITTEN 1 or 0; WHAT the batch table's words; SAID what it would have printed on
-- standard error), then "END N\n". The parent prints what each said in the batch's order.
local function frame(k, status, written, what, said)
  return string.format("%d %d %d %d %d\n", k, status, written and 1 or 0, #what, #said) .. what .. said
end

local function parse_frames(data, n)
  local frames, at = {}, 1
  for k = 1, n do
    local kk, status, written, wlen, slen, rest = data:match("^(%d+) (%d+) ([01]) (%d+) (%d+)\n()", at)
    if tonumber(kk) ~= k then return nil end
    local what_end = rest + tonumber(wlen)
    at = what_end + tonumber(slen)
    frames[k] = { status = tonumber(status), written = written == "1", what = data:sub(rest, what_end - 1),
      said = data:sub(what_end, at - 1) }
  end
  if data:sub(at) ~= string.format("END %d\n", n) then return nil end
  return frames
end

local function run_job(list)
  local parallel = require "nianbao.parallel"
  local path, records = parallel.read_job(list)
  if not path then
    say("nianbao import：%s：%s", list, records)
    return EXIT_USAGE
  end
  os.remove(list)
  local answers = assert(io.open(path, "wb"))
  for k, r in ipairs(records) do
    local said = {}
    local function tell(fmt, ...) said[#said + 1] = cli.line(fmt, ...) end
    local status, written, what = import_entry(r[1], r[2], tell)
    assert(answers:write(frame(k, status, written, what, table.concat(said))))
  end
  assert(answers:write(string.format("END %d\n", #records)))
  assert(answers:close())
  return EXIT_OK
end

-- The inputs of entries imported in `jobs` children, balanced by size: entry.answer is a
-- child's frame for each one answered for (the others are imported in this process).
local function import_in_children(entries, jobs)
  local parallel = require "nianbao.parallel"
  if not parallel.self_path() then return end
  local todo = {}
  for _, e in ipairs(entries) do
    if e.import and require("nianbao.batch").rereadable(e.path) then todo[#todo + 1] = e end
  end
  if #todo < 2 then return end
  parallel.run_children(parallel.balance(todo, jobs, parallel.file_size), "import",
    function(e) return { e.path, e.out } end,
    function(part, data)
      local frames = parse_frames(data, #part)
      if frames then for k, e in ipairs(part) do e.answer = frames[k] end end
    end)
end

--- import FILE... -d DIR [-j N]: one data file per input; the others are written whatever
--- happens to one; then a table of what each could not read. Exit 2 if any input was
--- unreadable (or its output exists), else 1 if any had unread parts. With jobs > 1 the
--- inputs are imported in child processes; what is printed is the same, in the same order.
local function import_batch(files, dir, force, jobs)
  local lfs = require "lfs"
  -- the folder and any missing parent (-d 数据/2024 when 数据 is not there yet)
  local path = dir:match("^[/\\]+") or "" -- the leading "/" (or a Windows share's \\)
  for part in dir:gmatch("[^/\\]+") do
    path = (path == "" or path:match("[/\\]$")) and path .. part or path .. "/" .. part
    if lfs.attributes(path, "mode") ~= "directory" then
      local ok, err = lfs.mkdir(path)
      if not ok then
        say("nianbao import：无法创建文件夹 %s：%s", path, cli.os_error(err))
        return EXIT_USAGE
      end
    end
  end
  -- which inputs are imported: not a second one of a data file's name, nor one whose data
  -- file exists (without --force); said in the batch's order below
  local entries, seen = {}, {}
  for _, file in ipairs(files) do
    local e = { path = file, out = output_name(dir, file) }
    if seen[e.out] then
      e.same_as = seen[e.out]
    else
      local exists = io.open(e.out, "r")
      if exists then exists:close() end
      e.import = force or not exists
      if e.import then seen[e.out] = file end
    end
    entries[#entries + 1] = e
  end
  if jobs > 1 then import_in_children(entries, jobs) end
  local rows, code = {}, EXIT_OK
  for _, e in ipairs(entries) do
    local status, written, what
    if e.same_as then
      status, what = EXIT_USAGE, string.format("与 %s 同名，未写出", e.same_as)
      say("nianbao import：%s 与 %s 都会写成 %s，未写出第二个", e.path, e.same_as, e.out)
    elseif not e.import and cli.refuse_overwrite("import", e.out, force) then
      status, what = EXIT_USAGE, "已存在，未覆盖（加 --force 覆盖）"
    elseif e.answer then
      io.stderr:write(e.answer.said)
      status, written, what = e.answer.status, e.answer.written, e.answer.what
    else
      status, written, what = import_entry(e.path, e.out)
    end
    rows[#rows + 1] = { e.path, written and e.out or "-", what }
    if status > code then code = status end
  end
  local w1, w2 = nb.width("输入"), nb.width("数据文件")
  for _, r in ipairs(rows) do w1, w2 = math.max(w1, nb.width(r[1])), math.max(w2, nb.width(r[2])) end
  io.write(nb.pad("输入", w1), "  ", nb.pad("数据文件", w2), "  未能读取的部分\n")
  for _, r in ipairs(rows) do io.write(nb.pad(r[1], w1), "  ", nb.pad(r[2], w2), "  ", r[3], "\n") end
  return code
end

return {
  summary = "导入已发布的年报（文本、网页、PDF 或 Word），生成数据文件",
  help = [[
用法：nianbao import 已发布的年报.(txt|html|md|pdf|docx) [-o FILE.lua] [--force]
      nianbao import 年报或文件夹... -d DIR [--force] [-j N]

读取一份已发布的年度报告（从网页或 PDF 复制的文本，或网页 HTML；UTF-8 或 GB18030/GBK；
也可以是 PDF 或 Word .docx 附件，按文件内容识别格式），
按表格标签识别表二、表三、表四的数字，保留标题、机关、年度和各部分原文，写出数据文件
（-o 默认为标准输出；FILE 为 - 时读标准输入）。读不到的部分、空白单元格、旧模板和截断
都在标准错误上逐条说明；数据文件中空白单元格写作 ""，缺失的行不写。

  -o, --output FILE   输出的数据文件（原子写入；已存在时需 --force）
  -d, --dir DIR       批量导入：每个输入写成 DIR/<输入文件名>.lua（DIR 不存在时创建），
                      最后列表说明每个文件未能读取的部分；某个文件出错不影响其余文件。
                      输入也可以是文件夹：导入其中的全部文件（不含子文件夹和隐藏文件）
  -j, --jobs N        批量导入时用 N 个进程并行（多核机器上导入大批文件更快；输出和顺序不变）
  --force             覆盖已存在的输出文件

退出码：0 导入完整；1 有部分未能读取（仍写出读到的内容；扫描件 PDF 也是 1，但不写出文件）；2 文件无法读取或其中找不到年报的任何部分（批量时其余文件照常写出）。
可接着检查：nianbao import 年报.txt | nianbao check -
]],
  spec = { output = "value", dir = "value", force = "flag", help = "flag", jobs = "value",
    job = "value" }, -- internal: a -j child's work list (nianbao.parallel)
  aliases = { o = "output", d = "dir", j = "jobs" },
  run = function(opts, files)
    if opts.job then
      if #files > 0 or opts.dir or opts.output or opts.jobs then
        say("nianbao import：--job 是 -j 的内部选项，不能与文件、-o、-d 或 -j 同用")
        return EXIT_USAGE
      end
      return run_job(opts.job)
    end
    local jobs = cli.jobs("import", opts.jobs)
    if not jobs then return EXIT_USAGE end
    if opts.jobs and not opts.dir then
      say("nianbao import：-j 用于批量导入（-d DIR）；导入一个文件不需要 -j")
      return EXIT_USAGE
    end
    if opts.dir then
      if opts.output then
        say("nianbao import：-o 与 -d 不能同时使用（-d 为每个输入各写一个数据文件）")
        return EXIT_USAGE
      end
      if #files == 0 then
        say("nianbao import：-d 需要至少一个已发布的年报文件（nianbao import --help）")
        return EXIT_USAGE
      end
      for _, f in ipairs(files) do
        if f == "-" then
          say("nianbao import：-d 需要文件名（用来命名数据文件），不能读标准输入 -")
          return EXIT_USAGE
        end
      end
      files = expand_inputs(files)
      if #files == 0 then return EXIT_USAGE end
      return import_batch(files, opts.dir, opts.force, jobs)
    end
    if #files ~= 1 then
      say("nianbao import：需要一个已发布的年报文件；多个文件请用 -d DIR（nianbao import --help）")
      return EXIT_USAGE
    end
    local file = files[1]
    if file ~= "-" and require("lfs").attributes(file, "mode") == "directory" then
      say("nianbao import：%s 是文件夹；导入其中的全部文件请用 -d：nianbao import %s -d 数据", file, file)
      return EXIT_USAGE
    end
    local out = opts.output or "-"
    if cli.refuse_overwrite("import", out, opts.force) then return EXIT_USAGE end
    local code = import_one(file, out)
    return code
  end,
}
