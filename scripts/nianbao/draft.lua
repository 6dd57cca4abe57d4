-- nianbao draft: the standard sentences of the narrative written from the tables. Each
-- scripts/draft/NAME.lua (found along the search path, so a user's own folder may replace or
-- add one) returns { id, describe, draft = function(report, d) ... end }: it reads the
-- mutable copy `report` and writes its sentence with the helpers of `d` below. A drafted
-- paragraph is recognised by its opening (d.owns), so drafting again replaces it; every other
-- paragraph is left as it was.
local nb = require "nianbao"

local M = {}

--- The names of the draft scripts along the search path and embedded, sorted (nb.list).
function M.names()
  local names = {}
  for _, name in ipairs(nb.list("draft")) do
    if name:match("%.lua$") then names[#names + 1] = name end
  end
  return names
end

local function load_script(name)
  local text, where = nb.find("draft/" .. name)
  local chunk, err = load(text, "@" .. where, "t")
  if not chunk then error(err, 0) end
  local s = chunk()
  if type(s) ~= "table" or type(s.draft) ~= "function" then
    error(string.format("%s：起草脚本应返回 { id = ..., draft = function(report, d) ... end }", where), 0)
  end
  s.id = s.id or name:gsub("%.lua$", "")
  return s
end

local function is_cjk(cp) return cp and ((cp >= 0x4E00 and cp <= 0x9FFF) or (cp >= 0x3400 and cp <= 0x4DBF)) end
local function is_digit(cp) return cp and cp >= 0x30 and cp <= 0x39 end

-- The characters the report writes spaced from a number: after[cp] for "2024 年", before[cp]
-- for "共 5". A drafted sentence spaces exactly those, so that TEXT.STYLE finds the same
-- word written one way throughout (it flags a spaced form only where the report also writes
-- it tight, and the drafted sentences must not add such a pair).
local function spacing(report)
  local after, before = {}, {}
  local texts = { report.title or "" }
  for _, part in ipairs(require("nianbao.rules").narratives(report)) do texts[#texts + 1] = part.text end
  for _, t in ipairs(texts) do
    local cps = {}
    for _, cp in utf8.codes(t, true) do cps[#cps + 1] = cp end
    for i, cp in ipairs(cps) do
      if cp == 0x20 or cp == 0x3000 then
        if is_digit(cps[i - 1]) and is_cjk(cps[i + 1]) then after[cps[i + 1]] = true end
        if is_cjk(cps[i - 1]) and is_digit(cps[i + 1]) then before[cps[i - 1]] = true end
      end
    end
  end
  return function(s)
    local cps, out = {}, {}
    for _, cp in utf8.codes(s) do cps[#cps + 1] = cp end
    for i, cp in ipairs(cps) do
      out[#out + 1] = utf8.char(cp)
      local nxt = cps[i + 1]
      if (is_digit(cp) and is_cjk(nxt) and after[nxt]) or (is_cjk(cp) and is_digit(nxt) and before[cp]) then
        out[#out + 1] = " "
      end
    end
    return table.concat(out)
  end
end

-- the paragraphs of a text with those owned by a draft replaced by `new` (at the place of
-- the first one, or first when there was none)
local function replace(text, owns, new)
  local out, placed = {}, false
  for _, p in ipairs(nb.paragraphs(text or "")) do
    if owns(p) then
      if not placed then out[#out + 1] = new placed = true end
    elseif p ~= "" then
      out[#out + 1] = p
    end
  end
  if not placed then table.insert(out, 1, new) end
  return table.concat(out, "\n")
end

--- The helpers handed to each draft script.
function M.helpers(report)
  local space = spacing(report)
  local d = { year = report.year, skipped = {} }
  --- leave a sentence undrafted, saying why (a number it needs is blank or absent: the
  --- sentence would state a 0 the report does not show); the command prints the reasons
  function d.skip(why) d.skipped[#d.skipped + 1] = why end
  --- a count or amount as the sentence writes it
  function d.n(v) return nb.format_number(v) end
  --- the year opening a sentence: "2025年，"
  function d.opening() return report.year .. "年，" end
  --- fmt with every %N replaced by the next argument as a number
  function d.say(fmt, ...)
    local args, i = { ... }, 0
    return (fmt:gsub("%%N", function() i = i + 1 return d.n(args[i]) end))
  end
  --- whether a paragraph opens with one of the openings (compared without spaces)
  function d.owns(openings)
    return function(p)
      local k = p:gsub("%s", "")
      for _, o in ipairs(openings) do
        if k:sub(1, #o) == o then return true end
      end
      return false
    end
  end
  --- put paragraph into the subsection of 一 whose heading contains one of words (added as
  --- `heading` at position `at` when there is none)
  function d.overview(words, heading, at, paragraph, owns)
    report.overview = report.overview or {}
    for _, item in ipairs(report.overview) do
      for _, w in ipairs(words) do
        if (item.heading or ""):find(w, 1, true) then
          item.text = replace(item.text, owns, space(paragraph))
          return
        end
      end
    end
    table.insert(report.overview, math.min(at, #report.overview + 1), { heading = heading, text = space(paragraph) })
  end
  --- put paragraph into a narrative field ("other_matters")
  function d.field(key, paragraph, owns) report[key] = replace(report[key], owns, space(paragraph)) end
  return d
end

--- Draft a report: returns the mutable copy with the standard sentences written, the ids of
--- the scripts that ran, and the reasons of the sentences left undrafted (d.skip).
function M.draft(view)
  local report = view:copy()
  local d = M.helpers(report)
  local ran = {}
  for _, name in ipairs(M.names()) do
    local s = load_script(name)
    s.draft(report, d)
    ran[#ran + 1] = s.id
  end
  return report, ran, d.skipped
end

return M
