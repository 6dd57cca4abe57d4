-- check over a long batch keeps batch.KEEP reports from its loading pass and loads the
-- others again in turn (scripts/nianbao/batch.lua): the output must be the same as when
-- every report is kept, and the reports alive at any time must not grow with the batch.
local T = ...
local nb = require "nianbao"
local lfs = require "lfs"
local batch = require "nianbao.batch"
local datafile = require "nianbao.datafile"

local N = 12

-- N reports in a fresh folder: one agency over three years, named so that the later year
-- comes first (its pair is loaded before the pair's own turn), and N - 3 other agencies.
local function make_batch()
  local dir = os.tmpname()
  os.remove(dir)
  assert(lfs.mkdir(dir))
  local function write(name, agency, year, edit)
    local r = T.load_seed():copy()
    r.agency, r.year = agency, year
    if edit then edit(r) end
    local f = assert(io.open(dir .. "/" .. name, "wb"))
    f:write(datafile.serialize(r))
    f:close()
  end
  write("a.lua", "同一机关", 2024)
  write("b.lua", "同一机关", 2023)
  write("c.lua", "同一机关", 2022)
  for i = 1, N - 3 do write(string.format("d%02d.lua", i), "其他机关" .. i, 2024) end
  return dir
end

local function remove_batch(dir)
  for name in lfs.dir(dir) do
    if name ~= "." and name ~= ".." then os.remove(dir .. "/" .. name) end
  end
  lfs.rmdir(dir)
end

-- Run `check DIR` with batch.KEEP = keep (and the options in extra: format, jobs); returns
-- its output, the number of nb.load calls, the most reports alive (after a full collection)
-- when a file's result line printed, the exit code, the number of files read for their
-- agency and year only and the number of reports this process checked itself.
local function run_check(dir, keep, extra)
  local out, loads, headers, most, checks = {}, 0, 0, 0, 0
  local live = setmetatable({}, { __mode = "k" })
  local real_load, real_header, real_print, real_write, real_keep = nb.load, nb._load_header, print, io.write, batch.KEEP
  local real_check = nb.check
  local function count_live()
    collectgarbage()
    collectgarbage()
    local n = 0
    for _ in pairs(live) do n = n + 1 end
    if n > most then most = n end
  end
  nb.load = function(path)
    local r, err = real_load(path)
    if r then
      loads = loads + 1
      live[r] = true
    end
    return r, err
  end
  nb.check = function(...)
    checks = checks + 1
    return real_check(...)
  end
  nb._load_header = function(path)
    headers = headers + 1
    return real_header(path)
  end
  print = function(...)
    local line = table.concat({ ... }, "\t")
    out[#out + 1] = line
    if line:find("（%d+ 个错误") then count_live() end
  end
  io.write = function(...)
    for _, s in ipairs({ ... }) do
      out[#out + 1] = tostring(s)
      if tostring(s):find("（%d+ 个错误") then count_live() end -- a file's text output, written at once
    end
  end
  batch.KEEP = keep
  local opts = { ["ignore-reviews"] = true }
  for k, v in pairs(extra or {}) do opts[k] = v end
  local ok, code = pcall(require("nianbao.commands.check").run, opts, { dir })
  nb.load, nb._load_header, print, io.write, batch.KEEP = real_load, real_header, real_print, real_write, real_keep
  nb.check = real_check
  assert(ok, code)
  return table.concat(out, "\n"), loads, most, code, headers, checks
end

local tests = {}

function tests.dropped_reports_give_the_same_output_and_stay_few()
  local dir = make_batch()
  local ok, err = pcall(function()
    local all, loads_all, most_all, code_all, headers_all = run_check(dir, 1000)
    local few, loads_few, most_few, code_few, headers_few = run_check(dir, 1)
    T.eq(few, all, "output with one report kept")
    T.eq(code_few, code_all, "exit code")
    -- the year pairs were found although the earlier years' reports had been dropped
    T.ok(all:find("b.lua: 与上一年度报告 " .. dir .. "/c.lua 比较衔接", 1, true), all)
    T.ok(all:find("a.lua: 与上一年度报告 " .. dir .. "/b.lua 比较衔接", 1, true), all)
    T.eq(loads_all, N, "loads when every report is kept")
    T.eq(headers_all, 0, "headers read when every report is kept")
    T.eq(headers_few, N - 1, "files past the first read for their agency and year only")
    T.ok(loads_few >= N, "every report loaded for its check (" .. loads_few .. " loads)")
    -- keeping them all, every report is alive at the first result; dropping, a few
    T.eq(most_all, N, "reports alive when all are kept")
    T.ok(most_few <= 3, "reports alive with one kept: " .. most_few)
  end)
  remove_batch(dir)
  assert(ok, err)
end

-- check -j 2 with reports dropped: the children's output is printed in the batch's order,
-- the same bytes as a check in one process keeping every report, and the parent neither
-- checks nor loads any report (the year pairs come from the agencies and years the
-- children sent; the paired files are checked again by children).
function tests.dropped_reports_with_jobs_give_the_same_output()
  if not require("nianbao.parallel").self_path() then return end -- no /proc/self/exe: -j checks in process
  local dir = make_batch()
  local ok, err = pcall(function()
    for _, format in ipairs({ "text", "json", "csv" }) do
      local all, _, _, code_all = run_check(dir, 1000, { format = format })
      local par, loads, _, code_par, headers, checks = run_check(dir, 1, { format = format, jobs = "2" })
      T.eq(par, all, format .. ": output of -j 2 with one report kept")
      T.eq(code_par, code_all, format .. ": exit code")
      T.eq(checks, 0, format .. ": reports checked by the parent itself")
      T.eq(headers, 0, format .. ": files the parent read for their agency and year")
      T.eq(loads, 0, format .. ": reports the parent loaded")
    end
  end)
  remove_batch(dir)
  assert(ok, err)
end

-- Run `summary DIR -o OUT` with batch.KEEP = keep; returns the bytes written, the exit code
-- and the most reports alive (after a full collection) when a report was checked.
local function run_summary(dir, keep, out)
  local live = setmetatable({}, { __mode = "k" })
  local most = 0
  local real_load, real_check, real_keep = nb.load, nb.check, batch.KEEP
  nb.load = function(path)
    local r, err = real_load(path)
    if r then live[r] = true end
    return r, err
  end
  nb.check = function(...)
    collectgarbage()
    collectgarbage()
    local n = 0
    for _ in pairs(live) do n = n + 1 end
    if n > most then most = n end
    return real_check(...)
  end
  batch.KEEP = keep
  local ok, code = pcall(require("nianbao.commands.summary").run,
    { output = out, force = true, ["ignore-reviews"] = true }, { dir })
  nb.load, nb.check, batch.KEEP = real_load, real_check, real_keep
  assert(ok, code)
  local f = assert(io.open(out, "rb"))
  local bytes = f:read("a")
  f:close()
  os.remove(out)
  return bytes, code, most
end

-- summary over a long batch drops reports as check does: the same table in every format
-- (the HTML page's chart of results included), and few reports alive at a time.
function tests.summary_drops_reports_and_writes_the_same()
  local dir = make_batch()
  local ok, err = pcall(function()
    for _, ext in ipairs({ "csv", "json", "html", "xlsx" }) do
      local out = dir .. "/../summary-test." .. ext
      local all, code_all, most_all = run_summary(dir, 1000, out)
      local few, code_few, most_few = run_summary(dir, 1, out)
      T.ok(#all > 0, ext .. ": nothing written")
      T.ok(few == all, ext .. ": output with one report kept differs from keeping every report")
      T.eq(code_few, code_all, ext .. ": exit code")
      T.eq(most_all, N, ext .. ": reports alive when all are kept")
      T.ok(most_few <= 3, ext .. ": reports alive with one kept: " .. most_few)
    end
  end)
  remove_batch(dir)
  assert(ok, err)
end

-- The first pass's reading of a dropped file: agency and year as nb.load gives them, and
-- nb.load's message for a file it refuses.
function tests.load_header_matches_load()
  local seed = T.load_seed()
  local ok, agency, year = nb._load_header(T.seed)
  T.eq(ok, true, "header of the seed")
  T.eq(agency, seed.agency, "agency")
  T.eq(year, seed.year, "year")
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write("return { year = 2024, agency = os.getenv('HOME') }")
  f:close()
  local r, err = nb.load(path)
  local hok, herr = nb._load_header(path)
  os.remove(path)
  T.eq(r, nil, "nb.load refuses a file calling a library")
  T.eq(hok, nil, "so does _load_header")
  T.eq(herr, err, "with the same message")
end

-- Standard input cannot be read twice: its report is never dropped.
function tests.standard_input_is_kept()
  local seed = T.load_seed()
  local e = { path = "-", report = seed }
  batch.release(e)
  T.ok(e.report == seed, "the report of standard input was dropped")
  local f = { path = T.seed, report = seed }
  batch.release(f)
  T.ok(f.report == nil, "the report of a regular file was kept")
  T.ok(batch.report(f) ~= nil, "the regular file was not loaded again")
end

return tests
