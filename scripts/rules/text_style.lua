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
local HALF = { [0x2C] = "，", [0x3B] = "；", [0x3A] = "：", [0x3F] = "？", [0x21] = "！", [0x28] = "（", [0x29] = "）" }
local SPACE = { [0x20] = true, [0x3000] = true, [0xA0] = true }
local function is_digit(cp) return cp and cp >= 0x30 and cp <= 0x39 end

-- scan one text: returns { half = {examples}, spaced = { {after=cp|nil, before=cp|nil,
-- excerpt=...} }, tight = { [cp] = n } (Chinese right after a digit), tight_before = { [cp] = n }
-- (Chinese right before a digit) }
local function scan(s)
  local cps
  if #s <= 65536 then
    cps = { utf8.codepoint(s, 1, -1, true) } -- one call, not one per character
  else -- (the values of one call must fit on the Lua stack)
    cps = {}
    for _, cp in utf8.codes(s, true) do cps[#cps + 1] = cp end
  end
  local out = { half = {}, spaced = {}, tight = {}, tight_before = {} }
  local function excerpt(i)
    local a, b = math.max(1, i - 4), math.min(#cps, i + 4)
    return utf8.char(table.unpack(cps, a, b))
  end
  for i, cp in ipairs(cps) do
    -- most characters are Chinese: none of the tests below can hold for them
    if cp < 0x80 or SPACE[cp] then
      if HALF[cp] and (is_cjk(cps[i - 1]) or is_cjk(cps[i + 1])) then
        out.half[#out.half + 1] = excerpt(i)
      end
      if is_digit(cp) and is_cjk(cps[i + 1]) then
        out.tight[cps[i + 1]] = (out.tight[cps[i + 1]] or 0) + 1
      end
      if is_digit(cp) and is_cjk(cps[i - 1]) then
        out.tight_before[cps[i - 1]] = (out.tight_before[cps[i - 1]] or 0) + 1
      end
      if SPACE[cp] and not SPACE[cps[i - 1]] then -- a run once, at its start: linear
        local j = i
        while SPACE[cps[j + 1]] do j = j + 1 end
        local before, after = cps[i - 1], cps[j + 1]
        if is_digit(before) and is_cjk(after) then
          out.spaced[#out.spaced + 1] = { after = after, excerpt = excerpt(i) }
        elseif is_cjk(before) and is_digit(after) then
          out.spaced[#out.spaced + 1] = { before = before, excerpt = excerpt(i) }
        end
      end
    end
  end
  return out
end

-- 文号: an issuer, a bracketed year, a number, 号; only 〔〕 are right
local function bad_docnos(s)
  local out = {}
  local norm = nb.nfkc(s):gsub("【", "["):gsub("】", "]"):gsub("〖", "["):gsub("〗", "]")
  for open, year, close, num in norm:gmatch("([%[%(])(%d%d%d%d)([%]%)])(%d+)号") do
    out[#out + 1] = open .. year .. close .. num .. "号"
  end
  return out
end

return {
  id = "TEXT.STYLE",
  severity = "warning",
  describe = "文字风格：中文间的半角标点、文号括号应为〔〕、数字与汉字间的空格（如“2024 年”）",
  check = function(report, ctx)
    local parts = R.narratives(report)
    table.insert(parts, 1, { section = "一", label = "标题", text = report.title or "" })
    -- "mixed": the same word written both ways ("2024 年" here, "2024年" there); a spaced
    -- number counts only when the character on its spaced side is written tight elsewhere
    local scans, tight, tight_before = {}, {}, {}
    for i, part in ipairs(parts) do
      scans[i] = scan(part.text)
      for cp in pairs(scans[i].tight) do tight[cp] = true end
      for cp in pairs(scans[i].tight_before) do tight_before[cp] = true end
    end
    local function counted(sp)
      if SPACES == "never" then return true end
      return SPACES == "mixed" and ((sp.after and tight[sp.after]) or (sp.before and tight_before[sp.before])) or false
    end
    for i, part in ipairs(parts) do
      local sc = scans[i]
      if #sc.half > 0 then
        ctx:add{ section = part.section, label = part.label, found = sc.half[1], expected = "全角标点",
                 message = string.format("中文之间使用了半角标点%d处，如“%s”", #sc.half, sc.half[1]) }
      end
      local docnos = bad_docnos(part.text)
      if #docnos > 0 then
        ctx:add{ section = part.section, label = part.label, found = docnos[1], expected = "〔年份〕",
                 message = string.format("文号的年份应使用六角括号〔〕，如“%s”", docnos[1]) }
      end
      local n, first = 0, nil
      for _, sp in ipairs(sc.spaced) do
        if counted(sp) then n, first = n + 1, first or sp.excerpt end
      end
      if n > 0 then
        ctx:add{ section = part.section, label = part.label, found = first, expected = "数字与汉字之间不空格",
                 message = string.format("数字与汉字之间有空格%d处，如“%s”%s", n, first,
                   SPACES == "mixed" and "（同一报告中其他地方未加空格）" or "") }
      end
    end
  end,
}
