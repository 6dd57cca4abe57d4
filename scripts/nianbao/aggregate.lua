-- Summing the reports of units cell by cell (tables 二/三/四, 现行有效 included): the body of
-- `nianbao aggregate` and of `check --units`. Counts are added as integers; the fee amounts
-- (万元) as whole millionths, so that 0.1 + 0.2 is 0.3 and not 0.30000000000000004. A cell
-- blank or absent in any unit is blank in the sum and reported.
local nb = require "nianbao"
local cells = require "nianbao.cells"

local M = {}

local SCALE = 1000000 -- amounts are summed in millionths of 万元

local function scaled(v)
  local s = string.format("%.6f", v)
  local sign, int, frac = s:match("^(%-?)(%d+)%.(%d+)$")
  local n = math.tointeger(tonumber(int)) * SCALE + math.tointeger(tonumber(frac))
  return sign == "-" and -n or n
end

--- The sum of the reports' cells: returns sums (cell id -> number or nb.BLANK) and blanks,
--- a list of { cell, units = { index, ... } } for the cells left blank.
function M.sum(reports)
  local sums, blanks = {}, {}
  for _, c in ipairs(cells.list()) do
    local total, missing = 0, {}
    for i, r in ipairs(reports) do
      local v = cells.get(r, c)
      if type(v) ~= "number" then
        missing[#missing + 1] = i
      elseif c.amount then
        total = total + scaled(v)
      elseif math.type(v) == "integer" then
        total = total + v
      else -- a fractional count (VALUE.INVALID in the unit): summed as it is
        total = total + v
      end
    end
    if #missing > 0 then
      sums[c.id] = nb.BLANK
      blanks[#blanks + 1] = { cell = c, units = missing }
    elseif c.amount then
      sums[c.id] = total / SCALE
    else
      sums[c.id] = total
    end
  end
  return sums, blanks
end

--- Why the units may not be summed as given (so that nothing is counted twice): the same file
--- given twice (a folder and a file in it) or the government's own file (`gov`: { agency =,
--- path =, what = its Chinese name }) among the units are never right; two files of one agency
--- (compared by cells.agency_key; blank names are not compared), or a unit of the government's
--- own agency (last run's sum left in the units' folder) usually are not: those reasons have
--- .name_only (a department's own office may report under the department's name; the caller
--- lets the user go on). Entries are batch entries (path, report). Returns a list of
--- { text = Chinese reason, name_only = boolean }, empty when none.
function M.conflicts(entries, gov)
  local lfs = require "lfs"
  local function file_id(path)
    local a = path ~= "-" and lfs.attributes(path)
    return a and (a.dev .. ":" .. a.ino) or path
  end
  local reasons, by_file, by_agency = {}, {}, {}
  local function add(name_only, fmt, ...)
    reasons[#reasons + 1] = { text = string.format(fmt, ...), name_only = name_only }
  end
  local gov_key = cells.agency_key(gov.agency)
  local gov_id = gov.path and file_id(gov.path)
  for _, e in ipairs(entries) do
    local id, key = file_id(e.path), cells.agency_key(e.report.agency)
    if by_file[id] then
      add(false, "%s 与 %s 是同一个文件", e.path, by_file[id])
    elseif id == gov_id then
      add(false, "%s 是%s，不能又作为单位", e.path, gov.what or "政府自己的报告")
    elseif key ~= "" and key == gov_key then
      add(true, "%s 的机关“%s”就是汇总的机关（可能是上次汇总的结果）", e.path, e.report.agency)
    elseif key ~= "" and by_agency[key] then
      add(true, "%s 与 %s 是同一机关（%s）的报告", e.path, by_agency[key], e.report.agency)
    end
    by_file[id] = by_file[id] or e.path
    if key ~= "" then by_agency[key] = by_agency[key] or e.path end
  end
  return reasons
end

local FEE_KEYS = { "notices", "notified", "collected" }

--- A report table of the data-file shape for the government: its tables are the sums, its
--- narrative names the units; processing_fees summed when every unit states them.
function M.report(reports, agency, names)
  local sums, blanks = M.sum(reports)
  local year = reports[1] and reports[1].year
  local t = {
    format = 2021, agency = agency, year = year,
    title = nb.default_title(agency, year),
    problems = "", improvements = "", other_matters = "",
  }
  for _, c in ipairs(cells.list()) do cells.set(t, c, sums[c.id]) end
  -- a preamble naming the units, then the usual subsections left for the government to write
  t.overview = { {
    heading = "",
    text = string.format("本报告表二、表三、表四由以下%d个单位的%s年度报告逐格相加得出：%s。", #reports,
      year and tostring(year) or "", table.concat(names, "、")),
  } }
  for _, h in ipairs({ "主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障" }) do
    t.overview[#t.overview + 1] = { heading = h, text = "" }
  end
  local fees = {}
  for _, key in ipairs(FEE_KEYS) do
    local sum = 0
    for _, r in ipairs(reports) do
      local v = r.processing_fees and r.processing_fees[key]
      if type(v) ~= "number" then sum = nil break end
      sum = sum + v
    end
    fees[key] = sum
  end
  if next(fees) then t.processing_fees = fees end
  return t, blanks
end

--- HIER.SUM findings: every cell of the government's report that differs from the sum of
--- its units (a cell blank in the sum is not compared).
function M.compare(gov, reports)
  local sums = M.sum(reports)
  local list = {}
  for _, c in ipairs(cells.list()) do
    local want, have = sums[c.id], cells.get(gov, c)
    if type(want) == "number" then
      local differs
      if type(have) ~= "number" then
        differs = true
      elseif c.amount then
        differs = scaled(have) ~= scaled(want)
      else
        differs = have ~= want
      end
      if differs then
        local by = type(have) == "number" and (have - want) or nil
        list[#list + 1] = {
          id = "HIER.SUM", severity = "error", section = c.table, row = c.row, column = c.column,
          label = (c.label:gsub("^表%S+ ", "")), expected = want, found = type(have) == "number" and have or "空白",
          message = string.format("%s：政府报告为 %s，各单位之和为 %s%s", c.label,
            type(have) == "number" and nb.format_number(have) or "空白", nb.format_number(want),
            by and string.format("，相差 %s", nb.format_number(by)) or ""),
        }
      end
    end
  end
  return list
end

return M
