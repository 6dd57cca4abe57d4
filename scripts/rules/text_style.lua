-- TEXT.STYLE: local style of the narrative and the title. Flags half-width punctuation
-- among Chinese text ("编制,由" -> "编制，由"), 文号 brackets other than 〔〕
-- ("国办公开办函[2021]30号"), and spaces between digits and Chinese ("2024 年").
-- SPACES chooses how strict the last check is: "mixed" (bundled) flags the spaced form
-- only when the same report also writes it without space, because many published texts
-- (PDF and Word exports) space every number consistently; "never" flags every such space;
-- "off" never. Copy this file into your own rules/ folder to change it.
local nb = require "nianbao"
local R = require "nianbao.rules"

local SPACES = "mixed"

local function is_cjk(cp)
  return cp and ((cp >= 0x4E00 and cp <= 0x9FFF) or (cp >= 0x3400 and cp <= 0x4DBF))
end
local function is_digit(cp) return cp and cp >= 0x30 and cp <= 0x39 end
-- the characters each test looks at: half-width punctuation (each mark on its own), digits
-- and spaces (in runs: "2024", "  "); nb.runs finds them and the characters either side in
-- one call per text, passing over Chinese text in C
local HALF = ",;:?!()"
local DIGITS = "0123456789"
local SPACES_CHARS = " \u{3000}\u{A0}"

local byte, find, offset, runs = string.byte, string.find, utf8.offset, nb.runs

-- four characters either side of the one at byte p
local function excerpt(s, p)
  local a = offset(s, -4, p) or 1
  local b = offset(s, 6, p)
  return s:sub(a, b and b - 1 or #s)
end

-- scan one text for what a message names: returns { half = {byte positions}, spaced = {
-- {after=cp|nil, before=cp|nil, at=byte} } }. Excerpts are cut only for the place a message
-- quotes. nb.runs gives each run as start, stop, the code point before and the one after
-- (false at an end of the text).
local function scan(s)
  local out = { half = {}, spaced = {} }
  local r = runs(s, HALF, true)
  for k = 1, #r, 4 do
    if is_cjk(r[k + 2]) or is_cjk(r[k + 3]) then out.half[#out.half + 1] = r[k] end
  end
  r = runs(s, SPACES_CHARS)
  for k = 1, #r, 4 do
    local prev, after = r[k + 2], r[k + 3]
    if is_digit(prev) and is_cjk(after) then
      out.spaced[#out.spaced + 1] = { after = after, at = r[k] }
    elseif is_cjk(prev) and is_digit(after) then
      out.spaced[#out.spaced + 1] = { before = prev, at = r[k] }
    end
  end
  return out
end

-- the Chinese characters one text writes right after a digit (tight[cp] = true) and right
-- before one (tight_before[cp] = true), added to the two sets. Asked only when some text
-- spaces a number: the runs of digits are the most of a text's runs.
local function add_tight(s, tight, tight_before)
  local r = runs(s, DIGITS)
  for k = 1, #r, 4 do
    local prev, next = r[k + 2], r[k + 3]
    if is_cjk(next) then tight[next] = true end
    if is_cjk(prev) then tight_before[prev] = true end
  end
end

-- 文号: an issuer, a bracketed year, a number, 号; only 〔〕 are right. Read backwards from
-- each 号 (found by a plain search) rather than by a pattern tried at every byte: the number
-- before 号, then ] or ), then four digits, then [ or (. A text without 号 needs no NFKC
-- (no compatibility form normalises to 号).
local BRACKETS = { ["【"] = "[", ["】"] = "]", ["〖"] = "[", ["〗"] = "]" }
local BRACKET_MARKS = { "【", "】", "〖", "〗" }
local function is_digit_byte(b) return b and b >= 0x30 and b <= 0x39 end
local function bad_docnos(s)
  local out = {}
  if not find(s, "号", 1, true) then return out end
  local norm = nb.nfkc(s)
  -- 【】〖〗 as [ ]: the gsub only when one is there (its pattern was tried at every byte)
  if R.has(norm, BRACKET_MARKS) then
    norm = norm:gsub("\227\128[\144\145\150\151]", BRACKETS)
  end
  local at = 1
  while true do
    local k = find(norm, "号", at, true)
    if not k then break end
    local j = k - 1 -- the byte before the number
    while is_digit_byte(byte(norm, j)) do j = j - 1 end
    local close, open = byte(norm, j), byte(norm, j - 5)
    if j < k - 1 and j >= 6 and (close == 0x5D or close == 0x29) and (open == 0x5B or open == 0x28)
      and find(norm, "^%d%d%d%d", j - 4) then
      out[#out + 1] = norm:sub(j - 5, k + 2)
    end
    at = k + 3
  end
  return out
end

return {
  id = "TEXT.STYLE",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "文字风格：中文间的半角标点、文号括号应为〔〕、数字与汉字间的空格（如“2024 年”）",
  check = function(report, ctx)
    local parts = { { section = "一", label = "标题", text = report.title or "" } }
    if report.preamble then parts[2] = { label = "前言", text = report.preamble } end
    R.each_part(report, function(part) parts[#parts + 1] = part end)
    -- "mixed": the same word written both ways ("2024 年" here, "2024年" there); a spaced
    -- number counts only when the character on its spaced side is written tight elsewhere
    local scans, tight, tight_before, any_spaced = {}, {}, {}, false
    for i, part in ipairs(parts) do
      scans[i] = scan(part.text)
      any_spaced = any_spaced or #scans[i].spaced > 0
    end
    if any_spaced and SPACES == "mixed" then
      for _, part in ipairs(parts) do add_tight(part.text, tight, tight_before) end
    end
    local function counted(sp)
      if SPACES == "never" then return true end
      return SPACES == "mixed" and ((sp.after and tight[sp.after]) or (sp.before and tight_before[sp.before])) or false
    end
    for i, part in ipairs(parts) do
      local sc = scans[i]
      if #sc.half > 0 then
        local example = excerpt(part.text, sc.half[1])
        ctx:add{ section = part.section, label = part.label, found = example, expected = "全角标点",
                 message = string.format("中文之间使用了半角标点%d处，如“%s”", #sc.half, example) }
      end
      local docnos = bad_docnos(part.text)
      if #docnos > 0 then
        -- the first as it should be written: "[2021]30号" -> "〔2021〕30号"
        local right = "〔" .. docnos[1]:sub(2, 5) .. "〕" .. docnos[1]:sub(7)
        ctx:add{ section = part.section, label = part.label, found = docnos[1], expected = "〔年份〕",
                 message = string.format("文号的年份应使用六角括号〔〕：“%s”应写作“%s”", docnos[1], right) }
      end
      local n, first = 0, nil
      local spaced = sc.spaced
      for k = 1, #spaced do
        local sp = spaced[k]
        if counted(sp) then n, first = n + 1, first or sp.at end
      end
      first = first and excerpt(part.text, first)
      if n > 0 then
        ctx:add{ section = part.section, label = part.label, found = first, expected = "数字与汉字之间不空格",
                 message = string.format("数字与汉字之间有空格%d处，如“%s”%s", n, first,
                   SPACES == "mixed" and "（同一报告中其他地方未加空格）" or "") }
      end
    end
  end,
}
