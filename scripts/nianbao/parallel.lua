-- check -j N / summary -j N: the checks of a batch spread over N child processes of this
-- same program (`check --format json` on a part of the files each), their findings read
-- back and handed to the parent, which prints them in the batch's own order.
--
-- check without --previous hands each file to a child before anything is loaded
-- (M.check_alone): the parts are balanced by size, and each child checks its files alone,
-- answering with each file's agency, year and findings. The parent then pairs the years
-- from those answers, and the files with a year before are checked again with their pair
-- (M.check_pairs), which gives the findings one process gives. summary, and check with
-- --previous, load the files first and hand the children the year pairs made then (M.check).
--
-- A child reads its work from a list file (`check --job LIST`, internal): for each file,
-- its path and the path of its year before (empty for none), each ending in a NUL byte,
-- so that no name is limited by the length of a command line. It pairs no years itself and
-- prints one JSON line per file, in the list's order.
-- Where the program cannot start itself (no /proc/self/exe), nothing is done and the
-- caller checks in process.
local nb = require "nianbao"
local json = require "nianbao.json"

local M = {}

local function shquote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

--- The path of this program, or nil where it cannot be found.
function M.self_path()
  local ok, lfs = pcall(require, "lfs")
  if not ok then return nil end
  local target = lfs.symlinkattributes("/proc/self/exe", "target")
  if target and lfs.attributes(target, "mode") == "file" then return target end
  return nil
end

--- The work list of a child (see the top of the file) from {path, previous path} records.
function M.write_job(path, records)
  local f, err = io.open(path, "wb")
  if not f then return nil, err end
  for _, r in ipairs(records) do f:write(r[1], "\0", r[2] or "", "\0") end
  return f:close()
end

--- The records of a work list: { {path, previous path or nil}, ... }; nil, message when
--- it cannot be read or is not one.
function M.read_job(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data = f:read("a")
  f:close()
  local fields = {}
  for field in data:gmatch("([^%z]*)%z") do fields[#fields + 1] = field end
  if #fields % 2 ~= 0 or #table.concat(fields) + #fields ~= #data then return nil, "不是 -j 的任务清单" end
  local records = {}
  for i = 1, #fields, 2 do
    records[#records + 1] = { fields[i], fields[i + 1] ~= "" and fields[i + 1] or nil }
  end
  return records
end

-- Run one child per non-empty part (a list of entries) with `flags` after the common
-- options; previous(e) gives the path of the year to pair e with, or nil. For each file a
-- child answered for, entry.output is what check prints for it, entry.errors and
-- entry.warnings its counts, and entry.agency and entry.year its report's. Entries a child
-- did not answer for (it could not load the file or read its review file) are left alone.
local function run(parts, opts, flags, previous)
  local self = M.self_path()
  local prefix = { shquote(self) }
  for _, dir in ipairs(nb.search_path()) do prefix[#prefix + 1] = "--scripts " .. shquote(dir) end
  prefix[#prefix + 1] = "check --format " .. (opts.format or "text")
  if opts.ignore_reviews then prefix[#prefix + 1] = "--ignore-reviews" end
  if opts.rules then prefix[#prefix + 1] = "--rules " .. shquote(table.concat(opts.rules, ",")) end
  if opts.no_rules then prefix[#prefix + 1] = "--no-rules " .. shquote(table.concat(opts.no_rules, ",")) end
  prefix[#prefix + 1] = flags
  local running = {}
  for _, p in ipairs(parts) do
    if #p > 0 then
      local out, job = os.tmpname(), os.tmpname()
      local records = {}
      for i, e in ipairs(p) do records[i] = { e.path, previous(e) } end
      local h
      if M.write_job(job, records) then
        -- output to a file: a child never waits on a full pipe while the parent reads another
        h = io.popen(table.concat(prefix, " ") .. " --job " .. shquote(job) .. " >" .. shquote(out) .. " 2>/dev/null", "r")
      end
      running[#running + 1] = { handle = h, out = out, job = job, part = p }
    end
  end
  for _, r in ipairs(running) do
    if r.handle then r.handle:close() end
    local f = io.open(r.out, "rb")
    local data = f and f:read("a") or ""
    if f then f:close() end
    os.remove(r.out)
    os.remove(r.job)
    -- the child's frames, one per file in its list's order: "-\n" for a file it left to the
    -- parent, else "BYTES ERRORS WARNINGS YEAR AGENCYBYTES\n" (a missing year or agency is
    -- "-"), the agency, then what check prints for the file (check.lua)
    local at, k = 1, 1
    while at <= #data and r.part[k] do
      local e = r.part[k]
      if data:sub(at, at + 1) == "-\n" then
        at = at + 2
      else
        local bytes, errors, warnings, year, alen, body = data:match("^(%d+) (%d+) (%d+) ([%d-]+) ([%d-]+)\n()", at)
        if not bytes then break end
        local agency_end = body + (tonumber(alen) or 0)
        e.output = data:sub(agency_end, agency_end + bytes - 1)
        e.errors, e.warnings = tonumber(errors), tonumber(warnings)
        e.agency, e.year = alen ~= "-" and data:sub(body, agency_end - 1) or nil, math.tointeger(tonumber(year))
        at = agency_end + bytes
      end
      k = k + 1
    end
  end
end

-- `jobs` parts of `entries`, each to the part with the least work so far by weight(e),
-- heaviest first; each part keeps the batch's order.
local function balance(entries, jobs, weight)
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
  for _, p in ipairs(parts) do
    table.sort(p, function(a, b) return a.i < b.i end)
    for k, o in ipairs(p) do p[k] = o.e end
  end
  return parts
end

local function file_size(e)
  local lfs = require "lfs"
  return lfs.attributes(e.path, "size") or 0
end

--- Check each not yet loaded entry (batch.expand's) alone in `jobs` children (see run for
--- what is set on each entry answered for); standard input, files that are not regular
--- files and files a child could not load are left to the caller. Returns false when it
--- could not run.
function M.check_alone(entries, opts, jobs)
  if jobs < 2 or not M.self_path() then return false end
  local batch = require "nianbao.batch"
  local todo = {}
  for _, e in ipairs(entries) do
    if not e.error and batch.rereadable(e.path) then todo[#todo + 1] = e end
  end
  run(balance(todo, jobs, file_size), opts, "", function() return nil end)
  return true
end

--- After M.check_alone and batch.pair_years: check again, in `jobs` children, each entry
--- paired with its year before (entry.previous_entry), with its pair. An entry no child
--- answered for is left without output (the caller checks it).
function M.check_pairs(entries, opts, jobs)
  local paired = {}
  for _, e in ipairs(entries) do
    if e.previous_entry then e.output = nil paired[#paired + 1] = e end
  end
  if #paired == 0 then return end
  run(balance(paired, jobs, function(e) return file_size(e) + file_size(e.previous_entry) end), opts, "",
    function(e) return e.previous_entry.path end)
end

--- Check the loaded entries in `jobs` child processes, with the year pairs batch.pair_years
--- made (or opts.previous); see run for what is set on each entry answered for. Returns
--- false when it could not run (the caller checks in process).
function M.check(entries, opts, jobs)
  if jobs < 2 or not M.self_path() then return false end
  local loaded = {}
  for _, e in ipairs(entries) do
    if not e.error then loaded[#loaded + 1] = e end -- its report kept or dropped (batch.load's keep)
  end
  local flags = opts.previous and "--previous " .. shquote(opts.previous) or ""
  run(balance(loaded, jobs, file_size), opts, flags, function(e) return e.previous_entry and e.previous_entry.path end)
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
