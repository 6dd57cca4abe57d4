-- Profiles: local format choices applied at render time (scripts/profiles/NAME.lua along the
-- search path, selected with `nianbao render --profile NAME`). A profile returns
--   { name = "...",
--     text = function(s) return s end,                     -- every narrative text, heading and the title
--     heading = function(level, n, title) return nil end,  -- level 1: the six sections, 2: subsections of 一
--     title = function(report) return nil end,             -- the title pattern
--     amount = function(x) return nil end,                 -- the fee amount of table 二 (万元)
--     subsections = function(list, report) return list end, -- rename or add subsections of 一
--     base = "gbt9704" }                                   -- build on another profile: its hooks
--                                                          -- fill the ones left out
-- Every field but name is optional; nil from a hook means "the renderer's default". This
-- module checks the fields, fills the defaults, and guards the hooks so that formatting
-- never changes a number: a text hook must keep the numbers of its input, in order, and an
-- amount hook must return the same value.
local nb = require "nianbao"
local ntext = require "nianbao.text"

local M = {}

local HOOKS = { text = true, heading = true, title = true, amount = true, subsections = true }
local NORMALIZED = {} -- marker key of a checked profile
local RAW = {} -- key of a checked profile's own hooks (for a profile that builds on it)

local numbers = ntext.numbers -- the numbers of a text, in order, as values

local function same_numbers(a, b)
  local x, y = numbers(a), numbers(b)
  if #x ~= #y then return false end
  for i = 1, #x do if x[i] ~= y[i] then return false end end
  return true
end

local function guard(p, where)
  local text, heading, title, amount, subsections = p.text, p.heading, p.title, p.amount, p.subsections
  local out = { name = p.name, file = where, [NORMALIZED] = true, [RAW] = p }
  function out.text(s)
    if s == nil then return nil end
    if not text then return s end
    local r = text(s)
    if type(r) ~= "string" then
      error(string.format("%s：text() 应返回字符串，实际返回 %s", where, type(r)), 0)
    end
    if not same_numbers(s, r) then
      error(string.format("%s：text() 改变了文中的数字（排版不得改变数字）：“%s” → “%s”", where, s, r), 0)
    end
    return r
  end
  function out.heading(level, n, t)
    local r = heading and heading(level, n, t)
    if r ~= nil and type(r) ~= "string" then
      error(string.format("%s：heading() 应返回字符串或 nil，实际返回 %s", where, type(r)), 0)
    end
    return r
  end
  function out.title(report)
    local r = title and title(report)
    if r ~= nil and type(r) ~= "string" then
      error(string.format("%s：title() 应返回字符串或 nil，实际返回 %s", where, type(r)), 0)
    end
    return r
  end
  function out.amount(x)
    if type(x) ~= "number" or not amount then return nil end
    local r = amount(x)
    if r == nil then return nil end
    local v = type(r) == "string" and tonumber((nb.nfkc(r):gsub(",", "")))
    if not v or math.abs(v - x) > 1e-9 * math.max(1, math.abs(x)) then
      error(string.format("%s：amount(%s) 返回“%s”，改变了金额（排版不得改变数字）", where,
        nb.format_number(x), tostring(r)), 0)
    end
    return r
  end
  function out.subsections(list, report)
    if not subsections then return list end
    local r = subsections(list, report)
    if type(r) ~= "table" then
      error(string.format("%s：subsections() 应返回小标题列表，实际返回 %s", where, type(r)), 0)
    end
    for i, item in ipairs(r) do
      if type(item) ~= "table" or type(item.text or "") ~= "string" or type(item.heading or "") ~= "string" then
        error(string.format("%s：subsections() 返回的第%d项应为 { heading = 字符串, text = 字符串 }", where, i), 0)
      end
    end
    return r
  end
  return out
end

local loading = {} -- names of the profiles being loaded, to refuse a cycle of bases

-- A profile with base = "NAME" builds on that profile (loaded by name along the search
-- path, so a user's own copy of it is the one used): each hook it leaves out is the base's.
local function with_base(p, where)
  if p.base == nil then return p end
  if loading[p.base] then
    error(string.format("%s：格式方案的 base 形成循环（%s）", where, p.base), 0)
  end
  loading[p.base] = true
  local ok, base, err = pcall(M.load, p.base)
  loading[p.base] = nil
  if not ok then error(base, 0) end
  if not base then error(string.format("%s：base：%s", where, err), 0) end
  local merged = {}
  for k, v in pairs(base[RAW]) do merged[k] = v end
  for k, v in pairs(p) do merged[k] = v end
  merged.base = nil
  return merged
end

--- Check a profile table's fields; returns the guarded profile. where names its file.
--- A profile may name another one as its base (base = "gbt9704"): the hooks it leaves out
--- are the base's.
function M.from_table(p, where)
  if type(p) ~= "table" then
    error(string.format("%s：格式方案脚本必须返回一个表 { name = ..., text = function(s) ... end, ... }", where), 0)
  end
  if p[NORMALIZED] then return p end
  if type(p.name) ~= "string" then
    error(string.format("%s：格式方案缺少字符串字段 name", where), 0)
  end
  for k, v in pairs(p) do
    if HOOKS[k] and type(v) ~= "function" then
      error(string.format("%s：格式方案的 %s 应为函数，实际为 %s", where, k, type(v)), 0)
    elseif k == "base" and type(v) ~= "string" then
      error(string.format("%s：格式方案的 base 应为另一格式方案的名称（字符串），实际为 %s", where, type(v)), 0)
    elseif not HOOKS[k] and k ~= "name" and k ~= "describe" and k ~= "base" then
      error(string.format("%s：格式方案中未知的字段 %s（可用：name、describe、base、text、heading、title、amount、subsections）",
        where, tostring(k)), 0)
    end
  end
  return guard(with_base(p, where), where)
end

--- Load profiles/NAME.lua along the search path; returns the guarded profile, or nil and a
--- message when there is no such profile. Errors in the script itself are raised.
function M.load(name)
  if type(name) ~= "string" or not name:match("^[%w_%-]+$") then
    return nil, string.format("格式方案名“%s”只能由字母、数字、_ 和 - 组成", tostring(name))
  end
  local _, where = nb.find("profiles/" .. name .. ".lua")
  if not where then
    return nil, string.format("找不到格式方案“%s”（在脚本搜索路径中找不到 profiles/%s.lua；可用：%s）",
      name, name, table.concat(M.names(), "、"))
  end
  return M.from_table(require("profiles." .. name), where)
end

--- The profile to use for opts.profile: nil gives "default" behaviour (text as written),
--- a string is loaded by name, a table is checked.
function M.get(p)
  if p == nil then return guard({ name = "default" }, "（默认）") end
  if type(p) == "string" then
    local prof, err = M.load(p)
    if not prof then error(err, 0) end
    return prof
  end
  return M.from_table(p, "（脚本中的格式方案 " .. tostring(p.name) .. "）")
end

--- Names of the profiles found along the search path and embedded, sorted.
function M.names()
  local out = {}
  for _, file in ipairs(nb.list("profiles")) do
    local n = file:match("^([%w_%-]+)%.lua$")
    if n then out[#out + 1] = n end
  end
  return out
end

--- The report's title as the profile writes it (its title hook, else the report's own).
function M.title(profile, report)
  return profile.text(profile.title(report) or report.title or "")
end

--- The six section headings as the profile writes them. heading(1, n, title) receives the
--- title without its numeral ("总体情况"); nil keeps the official heading ("一、总体情况").
function M.section_headings(profile)
  local out = {}
  for i, s in ipairs(nb.schema.sections) do
    -- the text after the first "、"; a byte class such as [^、] would cut 一 (E4 B8 80)
    local title = s.heading:match("^.-、(.*)$") or s.heading
    out[i] = profile.heading(1, i, title) or s.heading
  end
  return out
end

--- The paragraphs of the narrative texts given (nil ones are skipped), after profile.text.
function M.paragraphs(profile, ...)
  local out = {}
  for i = 1, select("#", ...) do
    for _, p in ipairs(nb.paragraphs(profile.text(select(i, ...) or ""))) do out[#out + 1] = p end
  end
  return out
end

--- The subsections of 一 as the profile gives them, for every renderer to lay out:
--- { numeral = "一", heading = text or nil, numbered = the profile's own numbered heading
--- or nil (the renderer's template numbers it), paragraphs = { ... } }.
function M.overview(profile, report)
  local out = {}
  local n = 0 -- subsections are numbered among those with a heading (an untitled lead paragraph has no number)
  for i, item in ipairs(profile.subsections(report.overview or {}, report)) do
    local sub = {}
    if item.heading and item.heading ~= "" then
      n = n + 1
      sub.numeral = nb.numeral(n)
      sub.heading = profile.text(item.heading)
      sub.numbered = profile.heading(2, n, sub.heading)
    end
    sub.paragraphs = M.paragraphs(profile, item.text)
    out[i] = sub
  end
  return out
end

--- Apply the profile's amount hook to the amount cells of a table-二 grid from layout.lua.
function M.format_grid(profile, grid)
  local amounts = {}
  for _, block in ipairs(nb.schema.proactive.blocks) do
    for _, row in ipairs(block.rows) do if row.amount then amounts[row.key] = true end end
  end
  for _, row in ipairs(grid.rows) do
    local whole_row = row.key and amounts[row.key]
    for _, cell in ipairs(row) do
      -- (a cell marked amount: 采购总金额 of the 2019 trial format's table)
      if cell.number and (whole_row or cell.amount) then cell.text = profile.amount(cell.value) or cell.text end
    end
  end
  return grid
end

--- The lines of the signature (落款): the agency, then the date; empty ones are left out.
function M.signature(profile, report)
  local out = {}
  local g = report.signature or {}
  for _, s in ipairs({ g.agency or "", g.date or "" }) do
    if s ~= "" then out[#out + 1] = profile.text(s) end
  end
  return out
end

return M
