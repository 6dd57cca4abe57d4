-- check -j N / summary -j N: the checks of a batch spread over N child processes of this
-- same program (`check --format json` on a part of the files each), their findings read
-- back and handed to the parent, which prints them in the batch's own order. Every file of
-- one agency goes to the same child, so the year pairs are the same as in one process.
-- Where the program cannot start itself (no /proc/self/exe), nothing is done and the
-- caller checks in process.
local nb = require "nianbao"
local cells = require "nianbao.cells"
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

--- Check the loaded entries in `jobs` child processes; sets entry.findings (a findings
--- list) for each it got back. Returns false when it could not run (the caller checks
--- in process); entries a child did not answer for are left without findings.
function M.check(entries, opts, jobs)
  local self = M.self_path()
  if not self or jobs < 2 then return false end
  -- whole agencies to the least loaded part
  local groups, order = {}, {}
  for _, e in ipairs(entries) do
    if not e.error then -- loaded, its report kept or dropped (batch.load's keep)
      local k = cells.agency_key((e.report or e).agency)
      if not groups[k] then groups[k] = {} order[#order + 1] = k end
      table.insert(groups[k], e)
    end
  end
  local parts = {}
  for i = 1, jobs do parts[i] = { n = 0 } end
  table.sort(order, function(a, b) return #groups[a] > #groups[b] or (#groups[a] == #groups[b] and a < b) end)
  for _, k in ipairs(order) do
    local least = parts[1]
    for _, p in ipairs(parts) do if p.n < least.n then least = p end end
    for _, e in ipairs(groups[k]) do least[#least + 1] = e end
    least.n = least.n + #groups[k]
  end
  local prefix = { shquote(self) }
  for _, dir in ipairs(nb.search_path()) do prefix[#prefix + 1] = "--scripts " .. shquote(dir) end
  prefix[#prefix + 1] = "check --format json --ignore-reviews" -- the parent applies the reviews
  if opts.previous then prefix[#prefix + 1] = "--previous " .. shquote(opts.previous) end
  if opts.rules then prefix[#prefix + 1] = "--rules " .. shquote(table.concat(opts.rules, ",")) end
  if opts.no_rules then prefix[#prefix + 1] = "--no-rules " .. shquote(table.concat(opts.no_rules, ",")) end
  prefix[#prefix + 1] = "--"
  local running = {}
  for i, p in ipairs(parts) do
    if #p > 0 then
      local out = os.tmpname()
      local cmd = { table.concat(prefix, " ") }
      for _, e in ipairs(p) do cmd[#cmd + 1] = shquote(e.path) end
      -- output to a file: a child never waits on a full pipe while the parent reads another
      local h = io.popen(table.concat(cmd, " ") .. " >" .. shquote(out) .. " 2>/dev/null", "r")
      running[#running + 1] = { handle = h, out = out, part = p }
    end
  end
  for _, r in ipairs(running) do
    if r.handle then r.handle:close() end
    local f = io.open(r.out, "rb")
    local by_file = {}
    if f then
      for line in f:lines() do
        local ok, obj = pcall(json.decode, line)
        if ok and type(obj) == "table" and obj.file and obj.findings and not obj.error then
          by_file[obj.file] = by_file[obj.file] or {}
          table.insert(by_file[obj.file], obj.findings)
        end
      end
      f:close()
    end
    os.remove(r.out)
    for _, e in ipairs(r.part) do
      -- the JSON has the file name as written (utf8fix): a GBK name is matched in its cleaned form,
      -- and names that clean alike come back in the part's order
      local key = require("nianbao.utf8fix").clean(e.path)
      local list = by_file[key] and table.remove(by_file[key], 1)
      if list then e.findings = nb.findings(list) end
    end
  end
  return true
end

return M
