-- Discovery and running of rules: rules/*.lua along the search path, one rule per file.
-- A file earlier on the path replaces a bundled one of the same name. A rule can only add
-- findings through ctx:add; the built-in findings are never shown to it for editing.
local nb = require "nianbao"
local lfs = require "lfs"

local M = {}

local SEVERITIES = { error = true, warning = true }

local function load_rule(name, text, where)
  local chunk, err = load(text, "@" .. where, "t")
  if not chunk then error(err, 0) end
  local rule = chunk()
  if type(rule) ~= "table" then
    error(string.format("%s：规则脚本必须返回一个表 { id, severity, describe, check }", where), 0)
  end
  for _, field in ipairs({ "id", "severity", "describe" }) do
    if type(rule[field]) ~= "string" then
      error(string.format("%s：规则缺少字符串字段 %s", where, field), 0)
    end
  end
  if not SEVERITIES[rule.severity] then
    error(string.format("%s：severity 应为 \"error\" 或 \"warning\"，实际为 %q", where, rule.severity), 0)
  end
  if type(rule.check) ~= "function" then
    error(string.format("%s：规则缺少函数 check(report, ctx)", where), 0)
  end
  return { id = rule.id, severity = rule.severity, describe = rule.describe, check = rule.check,
           file = where, name = name }
end

local cache

--- All rules, sorted by file name: { id, severity, describe, check, file, name }.
function M.discover()
  if cache then return cache end
  local names, seen = {}, {}
  local function add(name)
    if name:match("%.lua$") and not seen[name] then
      seen[name] = true
      names[#names + 1] = name
    end
  end
  for _, dir in ipairs(nb.search_path()) do
    local rdir = dir .. "/rules"
    if lfs.attributes(rdir, "mode") == "directory" then
      for entry in lfs.dir(rdir) do add(entry) end
    end
  end
  for _, name in ipairs(nb.embedded_names()) do
    local base = name:match("^rules/([^/]+)$")
    if base then add(base) end
  end
  table.sort(names)
  local rules = {}
  for _, name in ipairs(names) do
    local text, where = nb.find("rules/" .. name)
    rules[#rules + 1] = load_rule(name, text, where)
  end
  cache = rules
  return rules
end

--- Drop the cached rules, so that edited files are read again.
function M.reset() cache = nil end

local function id_set(list)
  if not list then return nil end
  local set = {}
  for _, id in ipairs(list) do set[id] = true end
  return set
end

--- Run the enabled rules; returns the list of findings they added (plain records).
function M.run(report, opts)
  local only, skip = id_set(opts.rules), id_set(opts.no_rules)
  local added = {}
  for _, rule in ipairs(M.discover()) do
    if (not only or only[rule.id]) and not (skip and skip[rule.id]) then
      local ctx = { report = report, previous = opts.previous, schema = nb.schema }
      function ctx.add(_, f)
        if type(f) ~= "table" or type(f.message) ~= "string" then
          error(string.format("%s：ctx:add 需要一个含 message 字段的表", rule.file), 2)
        end
        local sev = f.severity or rule.severity
        if not SEVERITIES[sev] then
          error(string.format("%s：severity 应为 \"error\" 或 \"warning\"", rule.file), 2)
        end
        added[#added + 1] = {
          id = f.id or rule.id, severity = sev, section = f.section, row = f.row,
          column = f.column, label = f.label, expected = f.expected, found = f.found,
          message = f.message, rule = rule.file,
        }
      end
      rule.check(report, ctx)
    end
  end
  return added
end

return M
