-- Every cell of tables 二, 三 and 四 as a flat list with its official Chinese label, and the
-- key figures a reviewer reads first. Shared by summary, aggregate, compare and check --units,
-- so that all of them name a cell the same way.
-- A cell is { id = "requests.new.7", path = { "requests", "new", 7 }, table = "三",
-- label = "表三 一、本年新收政府信息公开申请数量 总计", amount = bool (万元), row, column }.
local nb = require "nianbao"

local M = {}

local list -- built on first use from nb.schema

local function cell(path, tbl, label, extra)
  local parts = {}
  for i, p in ipairs(path) do parts[i] = tostring(p) end
  local c = { id = table.concat(parts, "."), path = path, table = tbl, label = label }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

--- The cells of tables 二/三/四 in the official order.
function M.list()
  if list then return list end
  list = {}
  local s = nb.schema
  for _, block in ipairs(s.proactive.blocks) do
    for _, row in ipairs(block.rows) do
      if row.cells then
        for i, key in ipairs(row.cells) do
          list[#list + 1] = cell({ "proactive", row.key, key }, "二",
            string.format("表二 %s %s", row.label, block.columns[i]), { row = row.key, column = block.columns[i] })
        end
      else
        list[#list + 1] = cell({ "proactive", row.key }, "二",
          string.format("表二 %s %s", row.label, block.columns[1]),
          { amount = row.amount or nil, row = row.key, column = block.columns[1] })
      end
    end
  end
  for _, row in ipairs(s.requests.rows) do
    local label = row.group and (row.group_label .. " " .. row.label) or row.label
    for i, col in ipairs(s.requests.columns) do
      local path = row.group and { "requests", row.group, row.member, i } or { "requests", row.key, i }
      list[#list + 1] = cell(path, "三", string.format("表三 %s %s", label, col.label),
        { row = row.key, column = col.label, column_index = i })
    end
  end
  for _, g in ipairs(s.appeals.groups) do
    local name = g.key == "review" and s.appeals.review or (s.appeals.litigation .. " " .. g.label)
    for _, col in ipairs(s.appeals.columns) do
      list[#list + 1] = cell({ "appeals", g.key, col.key }, "四", string.format("表四 %s %s", name, col.label),
        { row = g.key, column = col.label })
    end
  end
  return list
end

--- The value of a cell in a report (a view or a plain table): a number, nb.BLANK, or nil
--- when the report does not have it (a missing row, a trial-format table 二).
function M.get(report, c)
  local v = report
  for _, p in ipairs(c.path) do
    if type(v) ~= "table" or v == nb.BLANK then return nil end
    v = v[p]
  end
  if type(v) == "table" and v ~= nb.BLANK then return nil end
  return v
end

--- Set a cell in a plain table, creating the rows on the way.
function M.set(t, c, value)
  for i = 1, #c.path - 1 do
    local p = c.path[i]
    t[p] = t[p] or {}
    t = t[p]
  end
  t[c.path[#c.path]] = value
end

local function num(v) return (type(v) == "number") and v or nil end

local function cell_at(report, ...)
  local v = report
  for _, p in ipairs({ ... }) do
    if type(v) ~= "table" or v == nb.BLANK then return nil end
    v = v[p]
  end
  return v
end

local TOTAL = 7 -- the 总计 column of table 三

local function appeals_total(report, key) return num(cell_at(report, "appeals", key, "total")) end

--- The key figures: { key, label, get = function(report) -> number or nil }.
M.KEY = {
  { key = "new", label = "新收", get = function(r) return num(cell_at(r, "requests", "new", TOTAL)) end },
  { key = "closed", label = "办结", get = function(r) return num(cell_at(r, "requests", "total", TOTAL)) end },
  { key = "carried_forward", label = "结转",
    get = function(r) return num(cell_at(r, "requests", "carried_forward", TOTAL)) end },
  { key = "disclosed", label = "予以公开", get = function(r) return num(cell_at(r, "requests", "disclosed", TOTAL)) end },
  { key = "review", label = "复议", get = function(r) return appeals_total(r, "review") end },
  { key = "litigation", label = "诉讼", get = function(r)
      -- both parts or nothing: with one blank, the other alone is not the number of suits
      local a, b = appeals_total(r, "litigation_direct"), appeals_total(r, "litigation_after_review")
      if a == nil or b == nil then return nil end
      return a + b
    end },
  { key = "fees", label = "收费（元）",
    get = function(r) return num(cell_at(r, "processing_fees", "collected")) end },
}

--- The result groups of table 三 (the charts' bars): nianbao.layout.result_groups, which
--- renderers reach without loading this module.
function M.result_groups(report) return require("nianbao.layout").result_groups(report) end

--- The agency name as compared between reports: NFKC, simplified characters, no spaces.
function M.agency_key(name)
  return require("nianbao.import.normalize").key(tostring(name or ""))
end

return M
