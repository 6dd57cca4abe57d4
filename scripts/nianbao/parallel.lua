-- check -j N / summary -j N: the checks of a batch spread over N child processes of this
-- same program, each writing what check prints for each of its files; the parent prints
-- it all in the batch's own order, byte for byte what one process prints. import -d -j N
-- runs its children with M.run_children too (its frames: commands/import.lua).
--
-- check without --previous hands each file to a child before anything is loaded
-- (M.check): the parts are balanced by size, and each child checks its files alone. The
-- parent then pairs the years from the agencies and years the children sent, and the
-- files with a year before are checked again with their pair (M.check_pairs). summary, and
-- check with --previous, load the files first and hand the children the pairs made then
-- (M.check again; summary reads the findings back from JSON, M.findings).
--
-- A child (`check --job LIST`, internal) reads its work from a list file, fields ending
-- in a NUL byte so that no name is limited by a command line: the file to write its
-- answers to, then for each data file its path and the path of its year before (empty for
-- none). It pairs no years itself. Its answers, one frame per file in the list's order:
--   "K -\n"                                          file K is left to the parent
--   "K BYTES ERRORS WARNINGS YEAR AGENCYBYTES\n" AGENCY OUTPUT
-- (a missing year or agency is "-"; OUTPUT is BYTES bytes), then "END N\n". The parent
-- takes a child's answers only when they are all there, the child exited with 0 and it
-- wrote nothing to standard output or error (a rule that prints, a script error): the
-- files of any other child are checked in the parent, which then prints or says what one
-- process would. So are standard input, pipes and other files that cannot be read twice,
-- and everything where the program cannot start itself (no /proc/self/exe) or no
-- temporary file can be made.
local nb = require "nianbao"
local batch = require "nianbao.batch"
local json = require "nianbao.json"

local M = {}

local function shquote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- The whole content of a file, or nil and the reason when it cannot be read.
local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data = f:read("a")
  f:close()
  return data
end

--- The path of this program, or nil where it cannot be found.
function M.self_path()
  local ok, lfs = pcall(require, "lfs")
  if not ok then return nil end
  local target = lfs.symlinkattributes("/proc/self/exe", "target")
  if target and lfs.attributes(target, "mode") == "file" then return target end
  return nil
end

--- Write a child's work list (see the top of the file): the answers' file, then
--- {path, previous path or nil} records.
function M.write_job(path, answers, records)
  local f, err = io.open(path, "wb")
  if not f then return nil, err end
  local ok = f:write(answers, "\0")
  for _, r in ipairs(records) do ok = ok and f:write(r[1], "\0", r[2] or "", "\0") end
  local closed, cerr = f:close()
  if not ok then return nil, "写入失败" end
  return closed, cerr
end

--- A work list's answers file and records ({ {path, previous path or nil}, ... }); nil,
--- message when it cannot be read or is not one.
function M.read_job(path)
  local data, err = read_all(path)
  if not data then
    err = tostring(err) -- io.open's message starts with the name, which the caller says
    if err:sub(1, #path + 2) == path .. ": " then err = err:sub(#path + 3) end
    return nil, require("nianbao.cli").os_error(err)
  end
  local fields = {}
  for field in data:gmatch("([^%z]*)%z") do fields[#fields + 1] = field end
  if #fields % 2 ~= 1 or fields[1] == "" or #table.concat(fields) + #fields ~= #data then
    return nil, "不是 -j 的任务清单"
  end
  local records = {}
  for i = 2, #fields, 2 do
    records[#records + 1] = { fields[i], fields[i + 1] ~= "" and fields[i + 1] or nil }
  end
  return fields[1], records
end

--- A child's frame for file k: its output, counts, agency and year (see the top).
function M.frame(k, output, errors, warnings, agency, year)
  return string.format("%d %d %d %d %s %s\n", k, #output, errors, warnings,
    math.type(year) == "integer" and year or "-", agency and #agency or "-") .. (agency or "") .. output
end

--- The frame of a file the child leaves to the parent.
function M.skipped(k) return string.format("%d -\n", k) end

--- The last line of a child's answers, after n frames.
function M.trailer(n) return string.format("END %d\n", n) end

--- A child's answers read back: a list of frames ({output, errors, warnings, agency, year}
--- or false for a file left to the parent), one per file of the part; nil unless every
--- frame and the trailer are there and nothing follows them.
function M.parse_answers(data, n)
  local frames, at = {}, 1
  for k = 1, n do
    local head, rest = data:match("^(%d+ [^\n]*)\n()", at)
    if not head then return nil end
    local kk, bytes, errors, warnings, year, alen = head:match("^(%d+) (%d+) (%d+) (%d+) ([%d-]+) ([%d-]+)$")
    if tonumber(kk) == k then
      local agency_end = rest + (tonumber(alen) or 0)
      local stop = agency_end + tonumber(bytes)
      frames[k] = { output = data:sub(agency_end, stop - 1), errors = tonumber(errors), warnings = tonumber(warnings),
        agency = alen ~= "-" and data:sub(rest, agency_end - 1) or nil, year = math.tointeger(tonumber(year)) }
      at = stop
    elseif head == string.format("%d -", k) then
      frames[k] = false
      at = rest
    else
      return nil
    end
  end
  if data:sub(at) ~= M.trailer(n) then return nil end
  return frames
end

-- Temporary file names, n of them (each file made empty by os.tmpname); nil, with none left
-- behind, when one cannot be made (a full or read-only /tmp).
local function temp_names(n)
  local names = {}
  for i = 1, n do
    local ok, name = pcall(os.tmpname)
    if not ok then
      for _, made in ipairs(names) do os.remove(made) end
      return nil
    end
    names[i] = name
  end
  return names
end

--- Run this program's `command` (its arguments after the scripts folders, shell-quoted:
--- "import", "check --format json") in one child per part (a non-empty list of entries),
--- each with `--job LIST`: a work list (M.write_job) of the records record(entry) makes, {a,
--- b or nil} strings. take(part, answers) is called with what each child wrote to its answers
--- file, for the children that exited 0 having printed nothing; a part no child could be
--- started for (no temporary file) is left alone, as is one whose child failed.
function M.run_children(parts, command, record, take)
  -- NIANBAO_JOB_CHILD: the parent has warned about scripts folders others may write to
  local prefix = { "NIANBAO_JOB_CHILD=1", shquote(M.self_path()) }
  for _, dir in ipairs(nb.search_path()) do prefix[#prefix + 1] = "--scripts " .. shquote(dir) end
  prefix[#prefix + 1] = command
  local running = {}
  for _, p in ipairs(parts) do
    local names = temp_names(3)
    if not names then break end -- no temporary file: the parts not started are the parent's
    local job, answers, stray = names[1], names[2], names[3]
    local records = {}
    for i, e in ipairs(p) do records[i] = record(e) end
    local h
    if M.write_job(job, answers, records) then
      -- the child's answers go to a file it writes itself; anything it prints goes to
      -- `stray`; it never reads the parent's standard input
      h = io.popen(table.concat(prefix, " ") .. " --job " .. shquote(job) .. " </dev/null >" .. shquote(stray)
        .. " 2>&1", "r")
    end
    running[#running + 1] = { handle = h, job = job, answers = answers, stray = stray, part = p }
  end
  for _, r in ipairs(running) do
    local exited, how, code = false, nil, nil
    if r.handle then exited, how, code = r.handle:close() end
    local data, stray = read_all(r.answers), read_all(r.stray)
    for _, path in ipairs({ r.job, r.answers, r.stray }) do os.remove(path) end
    -- exited 0 (a child's findings are in its answers, not its exit code), silent
    if exited == true and how == "exit" and code == 0 and stray == "" and data then take(r.part, data) end
  end
end

-- check in one child per part (each entry checked with its entry.previous_entry if it has
-- one) with `flags` after the common options. For each file a child answered for:
-- entry.output is what check prints for it, entry.errors and entry.warnings its counts,
-- entry.agency and entry.year its report's. Entries of a child whose answers cannot be taken
-- (see the top) are left alone.
local function run(parts, opts, flags)
  local command = { "check --format " .. (opts.format or "text") }
  if opts.ignore_reviews then command[#command + 1] = "--ignore-reviews" end
  if opts.rules then command[#command + 1] = "--rules " .. shquote(table.concat(opts.rules, ",")) end
  if opts.no_rules then command[#command + 1] = "--no-rules " .. shquote(table.concat(opts.no_rules, ",")) end
  if flags ~= "" then command[#command + 1] = flags end
  local function record(e) return { e.path, e.previous_entry and e.previous_entry.path } end
  M.run_children(parts, table.concat(command, " "), record, function(part, data)
    local frames = M.parse_answers(data, #part) -- every frame there
    if not frames then return end
    for k, e in ipairs(part) do
      local f = frames[k]
      if f then
        e.output, e.errors, e.warnings, e.agency, e.year = f.output, f.errors, f.warnings, f.agency, f.year
      end
    end
  end)
end

--- At most `jobs` non-empty parts of `entries`, each entry to the part with the least work
--- so far by weight(e), heaviest first; each part keeps the batch's order.
function M.balance(entries, jobs, weight)
  jobs = math.min(jobs, math.max(#entries, 1)) -- no more parts than files (-j 1000000 of one file)
  local parts = {}
  for i = 1, jobs do parts[i] = { load = 0 } end
  local order = {}
  for i, e in ipairs(entries) do order[i] = { e = e, i = i, w = weight(e) } end
  table.sort(order, function(a, b) return a.w > b.w or (a.w == b.w and a.i < b.i) end)
  for _, o in ipairs(order) do
    local least = parts[1]
    for _, p in ipairs(parts) do if p.load < least.load then least = p end end
    least[#least + 1] = o
    least.load = least.load + o.w
  end
  local out = {}
  for _, p in ipairs(parts) do
    if #p > 0 then
      table.sort(p, function(a, b) return a.i < b.i end)
      for k, o in ipairs(p) do p[k] = o.e end
      out[#out + 1] = p
    end
  end
  return out
end

--- The size of entry.path in bytes (0 when it cannot be read): the weight of a file to balance.
function M.file_size(e)
  return require("lfs").attributes(e.path, "size") or 0
end

-- Whether a child can check the entry: it and its year before, if any, can be read again.
local function for_a_child(e)
  return not e.error and batch.rereadable(e.path)
    and not (e.previous_entry and not batch.rereadable(e.previous_entry.path))
end

--- After M.check of entries not yet loaded and batch.pair_years: check again, in `jobs` children, each entry
--- paired with its year before (entry.previous_entry), with its pair. An entry no child
--- answered for is left without output (the caller checks it).
function M.check_pairs(entries, opts, jobs)
  local paired = {}
  for _, e in ipairs(entries) do
    if e.previous_entry then
      e.output = nil
      if for_a_child(e) then paired[#paired + 1] = e end
    end
  end
  if #paired == 0 then return end
  run(M.balance(paired, jobs, function(e) return M.file_size(e) + M.file_size(e.previous_entry) end), opts, "")
end

--- Check the entries of a batch in `jobs` child processes: batch.expand's, not yet loaded
--- (each file alone), or loaded, with the year pairs batch.pair_years made (its report kept
--- or dropped by batch.load's keep), or with opts.previous (a path) for every file. See run
--- for what is set on each entry answered for. Returns false when it could not run (the
--- caller checks in process).
function M.check(entries, opts, jobs)
  if jobs < 2 or not M.self_path() then return false end
  if opts.previous and not batch.rereadable(opts.previous) then return false end
  local todo = {}
  for _, e in ipairs(entries) do
    if for_a_child(e) then todo[#todo + 1] = e end
  end
  run(M.balance(todo, jobs, M.file_size), opts, opts.previous and "--previous " .. shquote(opts.previous) or "")
  return true
end

--- M.check for summary: the findings of each entry answered for (entry.findings, the
--- reviews not applied), read back from its children's JSON.
function M.findings(entries, jobs)
  if not M.check(entries, { format = "json", ignore_reviews = true }, jobs) then return end
  for _, e in ipairs(entries) do
    if e.output then
      local ok, obj = pcall(json.decode, e.output)
      if ok and type(obj) == "table" and type(obj.findings) == "table" then e.findings = nb.findings(obj.findings) end
      e.output = nil
    end
  end
end

return M
