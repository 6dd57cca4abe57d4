-- Writing report data files (FORMAT §2): a report table as Lua table syntax, with a Chinese
-- comment naming each row, so that people can fill in and review the file by hand.
local nb = require "nianbao"

local M = {}

--- A string as a Lua literal: long brackets for multi-line text, quoted otherwise.
function M.quote(s)
  if s:find("\n") and not s:find("\r") then
    -- a level whose closing bracket the text cannot contain, nor form with its last
    -- characters ("a]" before "]]" would close early): search s .. "]"
    local eq, probe = "", s .. "]"
    while probe:find("]" .. eq .. "]", 1, true) do eq = eq .. "=" end
    -- a long bracket drops the first newline, so one that starts the text is doubled
    local lead = s:sub(1, 1) == "\n" and "\n" or ""
    return "[" .. eq .. "[" .. lead .. s .. "]" .. eq .. "]"
  end
  return string.format("%q", s)
end

local function value(v)
  if v == nil or v == nb.BLANK then return '""' end
  if math.type(v) == "float" and (v ~= v or v == math.huge or v == -math.huge) then
    return v ~= v and "0/0" or (v > 0 and "1/0" or "-1/0")
  end
  local s = nb.format_number(v)
  -- an amount is written back exactly as read (5949.088667 万元, not 5949.0887)
  for places = 5, 17 do
    if math.type(v) ~= "float" or tonumber(s) == v then break end
    s = string.format("%." .. places .. "f", v):gsub("0+$", ""):gsub("%.$", "")
  end
  return s
end

local function list(values, n)
  local out = {}
  for i = 1, n do out[i] = value(values and values[i]) end
  return "{ " .. table.concat(out, ", ") .. " }"
end

--- The data file text of a report table (a view or a plain table of the same shape).
function M.serialize(r)
  local s = nb.schema
  local out = {}
  local function w(fmt, ...) out[#out + 1] = string.format(fmt, ...) end
  -- the title is data: a line end (CR ends a Lua comment too) or another control character
  -- in it would start code after the comment, so each becomes a space
  w("-- %s", (tostring(r.title or nb.schema.title_suffix):gsub("%c", " ")))
  w("-- 数据文件：格式见国办公开办函〔2021〕30号；用 nianbao check 检查，nianbao render 生成报告。")
  w("return {")
  w("  format = %d,", r.format or 2021)
  w("  agency = %s,", M.quote(r.agency or ""))
  if r.year then w("  year = %d,", r.year) end
  if r.title then w("  title = %s,", M.quote(r.title)) end
  if r.preamble then
    w("  -- 前言：标题之后、“一、总体情况”之前的文字（编制依据、统计期限、联系方式等）")
    w("  preamble = %s,", M.quote(r.preamble))
  end
  w("")
  w("  -- %s：各小节依次排列，heading 为小节标题，text 为正文（可分多段）", s.sections[1].heading)
  w("  overview = {")
  for _, item in ipairs(r.overview or {}) do
    w("    {")
    if item.heading then w("      heading = %s,", M.quote(item.heading)) end
    w("      text = %s,", M.quote(item.text or ""))
    w("    },")
  end
  w("  },")
  w("")
  if r.proactive then
    local p = r.proactive
    w("  -- %s", s.sections[2].heading)
    w("  proactive = {")
    -- a row or cell the report lacks (an import that could not read it) is left out, never
    -- written as a blank: check then names it as missing (an error), not as blank (a warning)
    for _, block in ipairs(s.proactive.blocks) do
      for _, row in ipairs(block.rows) do
        if row.cells then
          local v = p[row.key]
          local parts = {}
          for _, key in ipairs(row.cells) do
            if v and v[key] ~= nil then parts[#parts + 1] = key .. " = " .. value(v[key]) end
          end
          if v then
            w("    %s = { %s },  -- %s：%s", row.key, table.concat(parts, ", "), row.label,
              table.concat(block.columns, "、"))
          end
        elseif p[row.key] ~= nil then
          w("    %s = %s,  -- %s：%s", row.key, value(p[row.key]), row.label, block.columns[1])
        end
      end
    end
    w("  },")
    w("")
  end
  if r.proactive_2019 then
    w("  -- 2019 年试行格式的表二，按原标签保存")
    w("  proactive_2019 = {")
    -- the trial format's own row order (kept by the importer); other labels after, sorted
    local rank = {}
    for i, row in ipairs(s.proactive_2019.rows) do rank[row.label] = i end
    local labels = {}
    for label in pairs(r.proactive_2019) do labels[#labels + 1] = label end
    table.sort(labels, function(a, b)
      local ra, rb = rank[a] or math.huge, rank[b] or math.huge
      if ra ~= rb then return ra < rb end
      return a < b
    end)
    for _, label in ipairs(labels) do
      local v = r.proactive_2019[label]
      w("    [%s] = %s,", M.quote(label), list(v, #v))
    end
    w("  },")
    w("")
  end
  if r.requests then
    local q = r.requests
    local cols = {}
    for _, c in ipairs(s.requests.columns) do cols[#cols + 1] = c.label end
    w("  -- %s", s.sections[3].heading)
    w("  -- 每行依次为：%s", table.concat(cols, "、"))
    w("  requests = {")
    local open_group
    for _, row in ipairs(s.requests.rows) do
      if open_group and open_group ~= row.group then
        w("    },")
        open_group = nil
      end
      if row.group then
        local v = (q[row.group] or {})[row.member]
        if v and open_group ~= row.group then -- a group none of whose rows is present is left out
          w("    %s = {  -- %s", row.group, row.group_label)
          open_group = row.group
        end
        if v then w("      %s = %s,  -- %s", row.member, list(v, #v), row.label) end
      else
        local v = q[row.key]
        if v then w("    %s = %s,  -- %s", row.key, list(v, #v), row.label) end
      end
    end
    if open_group then w("    },") end
    w("  },")
    w("")
  end
  if r.appeals then
    local cols = {}
    for _, c in ipairs(s.appeals.columns) do cols[#cols + 1] = c.label end
    w("  -- %s；每组依次为：%s", s.sections[4].heading, table.concat(cols, "、"))
    w("  appeals = {")
    for _, g in ipairs(s.appeals.groups) do
      local v = r.appeals[g.key]
      if v then -- as for table 二: what the report lacks is left out
        local parts = {}
        for _, c in ipairs(s.appeals.columns) do
          if v[c.key] ~= nil then parts[#parts + 1] = c.key .. " = " .. value(v[c.key]) end
        end
        local name = g.key == "review" and g.label or ("行政诉讼·" .. g.label)
        w("    %s = { %s },  -- %s", g.key, table.concat(parts, ", "), name)
      end
    end
    w("  },")
    w("")
  end
  w("  -- %s", s.sections[5].heading)
  w("  problems = %s,", M.quote(r.problems or ""))
  w("  improvements = %s,", M.quote(r.improvements or ""))
  w("")
  w("  -- %s（须说明信息处理费情况）", s.sections[6].heading)
  w("  other_matters = %s,", M.quote(r.other_matters or ""))
  if r.processing_fees then
    -- a part the report does not state is left out (absent), not written as blank
    local f, parts = r.processing_fees, {}
    for _, key in ipairs({ "notices", "notified", "collected" }) do
      if f[key] ~= nil then parts[#parts + 1] = key .. " = " .. value(f[key]) end
    end
    w("  processing_fees = { %s },  -- 发出收费通知件数、通知收费金额（元）、实际收取金额（元）",
      table.concat(parts, ", "))
  end
  if r.signature then
    local g = r.signature
    w("")
    w("  -- 落款：机关名称和成文日期（写作 2025年1月20日，月、日不加 0）")
    w("  signature = { agency = %s, date = %s },", M.quote(g.agency or ""), M.quote(g.date or ""))
  end
  w("}")
  return table.concat(out, "\n") .. "\n"
end

--- A new data file with every cell 0 and empty texts, for the agency and year given.
function M.blank(agency, year) return M.serialize(M.blank_table(agency, year)) end

--- The report table of M.blank.
function M.blank_table(agency, year)
  local zeros = function(n) local t = {} for i = 1, n do t[i] = 0 end return t end
  local r = {
    format = 2021, agency = agency, year = year,
    title = nb.default_title(agency, year),
    overview = {},
    proactive = {},
    requests = {},
    appeals = {},
    problems = "", improvements = "", other_matters = "",
    processing_fees = {},
    preamble = "", signature = { agency = agency, date = "" },
  }
  -- every cell 0, by the schema's keys (spelled only in host/schema.c)
  for _, block in ipairs(nb.schema.proactive.blocks) do
    for _, row in ipairs(block.rows) do
      if row.cells then
        r.proactive[row.key] = {}
        for _, key in ipairs(row.cells) do r.proactive[row.key][key] = 0 end
      else
        r.proactive[row.key] = 0
      end
    end
  end
  for _, f in ipairs(nb.schema.processing_fees.fields) do r.processing_fees[f.key] = 0 end
  for _, h in ipairs({ "主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障" }) do
    r.overview[#r.overview + 1] = { heading = h, text = "" }
  end
  local ncols = #nb.schema.requests.columns
  for _, row in ipairs(nb.schema.requests.rows) do
    if row.group then
      r.requests[row.group] = r.requests[row.group] or {}
      r.requests[row.group][row.member] = zeros(ncols)
    else
      r.requests[row.key] = zeros(ncols)
    end
  end
  for _, g in ipairs(nb.schema.appeals.groups) do
    r.appeals[g.key] = {}
    for _, c in ipairs(nb.schema.appeals.columns) do r.appeals[g.key][c.key] = 0 end
  end
  return r
end

return M
