-- National conventions (GB/T 9704 党政机关公文格式, GB/T 15834 标点符号用法, GB/T 15835
-- 出版物上数字用法): full-width punctuation among Chinese text, no space between digits and
-- Chinese ("2024 年" -> "2024年"), 文号 years in 〔〕, dates as "2024年1月1日", subsection
-- numbers as "（一）", amounts in 万元 with two decimals. Numbers are never changed.
local numerals = require "nianbao.text"

local function is_cjk(cp)
  return cp and ((cp >= 0x4E00 and cp <= 0x9FFF) or (cp >= 0x3400 and cp <= 0x4DBF)
    or (cp >= 0x3001 and cp <= 0x303F) or (cp >= 0xFF01 and cp <= 0xFF5E) or cp == 0x201C or cp == 0x201D)
end
local function is_han(cp) return cp and ((cp >= 0x4E00 and cp <= 0x9FFF) or (cp >= 0x3400 and cp <= 0x4DBF)) end
local function is_digit(cp) return cp and cp >= 0x30 and cp <= 0x39 end
local SPACE = { [0x20] = true, [0x3000] = true, [0xA0] = true }
local FULL = { [0x2C] = 0xFF0C, [0x3B] = 0xFF1B, [0x3A] = 0xFF1A, [0x3F] = 0xFF1F, [0x21] = 0xFF01,
               [0x28] = 0xFF08, [0x29] = 0xFF09 }

local function codepoints(s)
  local cps = {}
  for _, cp in utf8.codes(s, true) do cps[#cps + 1] = cp end
  return cps
end

-- drop spaces between a digit and a Chinese character, either way round
local function tighten(cps)
  local out = {}
  local i = 1
  while i <= #cps do
    local cp = cps[i]
    if SPACE[cp] then
      local j = i
      while SPACE[cps[j + 1]] do j = j + 1 end
      local before, after = out[#out], cps[j + 1]
      if (is_digit(before) and is_han(after)) or (is_han(before) and is_digit(after)) then
        i = j + 1
      else
        -- the whole run is kept (one scan of it, not one per space: linear on a long run)
        for k = i, j do out[#out + 1] = cps[k] end
        i = j + 1
      end
    else
      out[#out + 1] = cp
      i = i + 1
    end
  end
  return out
end

-- half-width , ; : ? ! ( ) next to Chinese text become full-width
local function full_width(cps)
  local out = {}
  for i, cp in ipairs(cps) do
    local before, after = cps[i - 1], cps[i + 1]
    if FULL[cp] and (is_cjk(before) or is_cjk(after)) then
      -- an opening bracket belongs to what follows it, a closing one to what precedes it
      if cp == 0x28 and not is_cjk(after) and not is_digit(after) then out[#out + 1] = cp
      elseif cp == 0x29 and not is_cjk(before) and not is_digit(before) then out[#out + 1] = cp
      else out[#out + 1] = FULL[cp] end
    else
      out[#out + 1] = cp
    end
  end
  return out
end

local function text(s, dates)
  -- 文号: 国办公开办函[2021]30号, 【2021】, (2021), （2021） -> 〔2021〕
  s = s:gsub("[%[%(]%s*(%d%d%d%d)%s*[%]%)](%s*%d+%s*号)", "〔%1〕%2")
  for _, pair in ipairs({ { "【", "】" }, { "（", "）" }, { "［", "］" } }) do
    s = s:gsub(pair[1] .. "%s*(%d%d%d%d)%s*" .. pair[2] .. "(%s*%d+%s*号)", "〔%1〕%2")
  end
  -- dates: 2024-01-01, 2024/1/1 -> 2024年1月1日 (a dotted 2024.1.1 reads as the decimal 2024.1
  -- to the number guard, so the caller keeps it as written)
  if dates then s = s:gsub("(%f[%d][12]%d%d%d)[%-%./](%d%d?)[%-%./](%d%d?)%f[%D]", function(y, m, d)
    m, d = tonumber(m), tonumber(d)
    if m >= 1 and m <= 12 and d >= 1 and d <= 31 then return string.format("%s年%d月%d日", y, m, d) end
  end) end
  local cps = full_width(tighten(codepoints(s)))
  -- in pieces: one unpack of a long text's code points overflows the Lua stack
  local out = {}
  for i = 1, #cps, 4096 do out[#out + 1] = utf8.char(table.unpack(cps, i, math.min(#cps, i + 4095))) end
  return table.concat(out)
end

local function same_numbers(a, b)
  local x, y = numerals.numbers(a), numerals.numbers(b)
  if #x ~= #y then return false end
  for i = 1, #x do if x[i] ~= y[i] then return false end end
  return true
end

local MAX_NUMBERED = 20 -- subsections numbered "（一）" … "（二十）"; beyond, the template numbers them

return {
  name = "gbt9704",
  describe = "国家标准：全角标点、数字与汉字间不空格、文号〔〕、日期“2024年1月1日”、小标题“（一）”、金额两位小数",
  text = function(s)
    if s == "" then return s end
    local r = text(s, true)
    -- a dotted date reads as decimals to the guard that keeps numbers unchanged ("2024.1.1" is
    -- 2024.1 and 1): where a date rewrite would change the numbers, dates stay as written
    -- (the guard stopped the render with exit 3 on "于2024.1.1发布")
    if not same_numbers(s, r) then r = text(s, false) end
    return r
  end,
  heading = function(level, n, title)
    if level == 2 and math.type(n) == "integer" and n >= 1 and n <= MAX_NUMBERED then
      return "（" .. numerals.numeral(n) .. "）" .. title
    end
    return nil
  end,
  amount = function(x)
    local s = string.format("%.2f", x)
    if tonumber(s) == x then return s end
    return nil -- more than two decimals: keep every digit as written
  end,
}
