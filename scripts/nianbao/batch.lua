-- Many reports at once: the file list of a batch (folders walked for data files in a stable
-- order), loading each without stopping the batch, year pairs of the same agency, and the
-- progress line shown on a terminal. Used by check, summary and aggregate.
local nb = require "nianbao"
local lfs = require "lfs"
-- nianbao.cells is loaded only to pair years: a check of one file never needs it
local function agency_key(name) return require("nianbao.cells").agency_key(name) end

local M = {}

-- Data files are *.lua; review notes kept beside them (FILE.review.lua) are not reports.
local function is_data_file(name)
  return name:sub(1, 1) ~= "." and name:match("%.lua$") and not name:match("%.review%.lua$")
end

local function walk(dir, out, found, seen)
  -- a folder reached twice (a symbolic link back up the tree) is walked once
  local attr = lfs.attributes(dir)
  local id = attr and (attr.dev .. ":" .. attr.ino)
  if id then
    if seen[id] then return found end
    seen[id] = true
  end
  local names = {}
  local ok, iter, state = pcall(lfs.dir, dir)
  if not ok then
    local why = tostring(iter):gsub("^cannot open .-: ", "") -- lfs's English; the folder is named already
    out[#out + 1] = { path = dir, error = string.format("%s：无法读取文件夹：%s", dir, require("nianbao.cli").os_error(why)) }
    return found
  end
  for name in iter, state do
    if name ~= "." and name ~= ".." and name:sub(1, 1) ~= "." then names[#names + 1] = name end
  end
  table.sort(names)
  for _, name in ipairs(names) do
    local path = dir:sub(-1) == "/" and dir .. name or dir .. "/" .. name
    local mode = lfs.attributes(path, "mode")
    if mode == "directory" then
      found = walk(path, out, found, seen)
    elseif mode == "file" and is_data_file(name) then
      out[#out + 1] = { path = path }
      found = found + 1
    end
  end
  return found
end

--- The entries of a batch from the command's arguments: a file stays as given ("-" too); a
--- folder gives its *.lua data files, subfolders included, sorted by name. A folder without
--- data files or that cannot be read is an entry with .error (named in the summary).
function M.expand(args)
  local out = {}
  for _, a in ipairs(args) do
    if a ~= "-" and lfs.attributes(a, "mode") == "directory" then
      local before = #out
      -- no data file and no folder that could not be read (that one is named already)
      if walk(a, out, 0, {}) == 0 and #out == before then
        out[#out + 1] = { path = a, error = string.format("%s：文件夹中没有数据文件（*.lua）", a) }
      end
    else
      out[#out + 1] = { path = a }
    end
  end
  return out
end

-- A progress line is worth showing only for a batch of at least this many files.
M.PROGRESS_MIN = 20

--- A progress reporter: step(i, path) rewrites one line on stderr when stderr is a terminal
--- and the batch is long; done() clears it. Nothing at all otherwise (pipes, files, tests).
function M.progress(total, verb)
  local ok, console = pcall(require, "nianbao.console")
  local tty = ok and console.isatty(2)
  local nothing = function() end
  if not tty or total < M.PROGRESS_MIN then return { step = nothing, clear = nothing, done = nothing } end
  local shown = false
  local p = {}
  function p.step(i)
    io.stderr:write(string.format("\r\27[K%s %d/%d …", verb, i, total))
    io.stderr:flush()
    shown = true
  end
  -- before anything else is printed, so that output never runs into the progress line
  function p.clear()
    if shown then io.stderr:write("\r\27[K") io.stderr:flush() shown = false end
  end
  p.done = p.clear
  return p
end

--- Whether standard output is a terminal.
function M.stdout_is_tty()
  local ok, console = pcall(require, "nianbao.console")
  return ok and console.isatty(1) or false
end

-- Reports a long batch keeps from its loading pass (check): past this many, a file is read
-- for its agency and year only (nb._load_header) and loaded again when its turn comes
-- (M.report), so that checking 10,000 files holds about as much memory as checking KEEP.
M.KEEP = 200

--- Whether a file can be read a second time: standard input ("-") or a pipe cannot.
function M.rereadable(path)
  return path ~= "-" and lfs.attributes(path, "mode") == "file"
end
local rereadable = M.rereadable

--- Load every entry (entries with .error stay as they are): entry.report or entry.error,
--- and entry.agency and entry.year of each report. With verb, a progress line on a
--- terminal. With keep, only the first `keep` entries keep their report (see M.report).
--- An entry a check -j child has checked already (entry.output) is not loaded.
function M.load(entries, verb, keep)
  local progress = verb and M.progress(#entries, verb) or { step = function() end, done = function() end }
  for i, e in ipairs(entries) do
    progress.step(i)
    if e.output then -- checked by a -j child (nianbao.parallel): its agency and year are on the entry
    elseif not e.error and keep and i > keep and rereadable(e.path) then
      -- checked in the sandbox as nb.load does, but without the Lua view (a third of a load)
      local ok, agency, year = nb._load_header(e.path)
      if ok then e.agency, e.year = agency, year else e.error = agency end
    elseif not e.error then
      local report, err = nb.load(e.path)
      if report then e.report, e.agency, e.year = report, report.agency, report.year else e.error = err end
    end
  end
  progress.done()
  return entries
end

--- The report of a loaded entry, loaded again if it was dropped (M.load's keep, M.release);
--- nil when the file cannot be loaded (now entry.error).
function M.report(e)
  if e.report or e.error then return e.report end
  local report, err = nb.load(e.path)
  if report then e.report = report else e.error = err end
  return report
end

--- Drop an entry's report (its agency and year stay): its memory is freed by the next
--- collections, and M.report loads it again if it is needed. A report read from standard
--- input or a pipe is kept.
function M.release(e)
  if not e.error and e.report and rereadable(e.path) then e.report = nil end
end

--- For each entry, the index of the last entry that needs its report (its own turn, or a
--- later year's pair): after that turn M.release may drop it.
function M.last_uses(entries)
  local last = {}
  for i, e in ipairs(entries) do
    last[e] = math.max(last[e] or 0, i)
    if e.previous_entry then last[e.previous_entry] = math.max(last[e.previous_entry] or i, i) end
  end
  return last
end

--- After entry i's turn: drop its report and its year before's when no later entry needs
--- them (last_use from M.last_uses), so that memory stays flat over the batch.
function M.done_with(e, i, last_use)
  if last_use[e] <= i then M.release(e) end
  local p = e.previous_entry
  if p and last_use[p] <= i then M.release(p) end
end

--- For each loaded entry, the entry of the same agency (compared by nianbao.cells.agency_key) for the
--- year before, when the batch has exactly one: entry.previous_entry. Reports without an
--- agency name (an import that found no title) are never paired: two blank names are not
--- the same agency.
function M.pair_years(entries)
  local keys = {} -- agency name -> its key: a batch names few agencies, each many times
  local function key_of(e)
    local r = e.report or e -- a dropped report left its agency and year on the entry
    if e.error or math.type(r.year) ~= "integer" then return nil end
    local name = tostring(r.agency or "")
    local k = keys[name]
    if not k then k = agency_key(name) keys[name] = k end
    return k ~= "" and k or nil, r.year
  end
  local by = {}
  for _, e in ipairs(entries) do
    local k, year = key_of(e)
    if k then
      k = k .. "\0" .. year
      by[k] = by[k] or {}
      table.insert(by[k], e)
    end
  end
  for _, e in ipairs(entries) do
    local k, year = key_of(e)
    if k then
      local prev = by[k .. "\0" .. (year - 1)]
      if prev and #prev == 1 then e.previous_entry = prev[1] end
    end
  end
end

return M
