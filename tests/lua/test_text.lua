-- Text helpers of the nianbao module: width, pad, wrap, numeral, escaping, numbers, templates.
local T = ...
local nb = require "nianbao"

local tests = {}

function tests.width_counts_cjk_as_two()
  T.eq(nb.width(""), 0, "width of empty")
  T.eq(nb.width("abc"), 3, "ASCII")
  T.eq(nb.width("年报"), 4, "two CJK characters")
  T.eq(nb.width("（一）"), 6, "full-width brackets")
  T.eq(nb.width("１２"), 4, "full-width digits")
  T.eq(nb.width("2024 年"), 7, "mixed")
  -- ambiguous-width punctuation counts 1 (DESIGN.md)
  T.eq(nb.width("“”"), 2, "curly quotes")
end

function tests.pad_left_right_center()
  T.eq(nb.pad("年", 5), "年   ", "left")
  T.eq(nb.pad("年", 5, "right"), "   年", "right")
  T.eq(nb.pad("年", 5, "center"), " 年  ", "center")
  T.raises(function() nb.pad("年", 5, "middle") end, "align", "an alignment it does not know")
  T.eq(nb.width(nb.pad("自然人", 11)), 11, "padded width")
  T.eq(nb.pad("总计总计", 3), "总计总计", "wider text is not cut")
  T.eq(nb.pad(42, 4, "right"), "  42", "numbers are padded as text")
end

function tests.wrap_by_display_width()
  local lines = nb.wrap("政府信息公开工作年度报告", 10)
  T.eq(#lines, 3, "12 CJK characters in 10 columns")
  T.eq(lines[1], "政府信息公", "first line")
  T.eq(lines[3], "报告", "last line")
  for _, l in ipairs(nb.wrap("2024 年度，延津县商务局认真贯彻落实", 9)) do
    T.ok(nb.width(l) <= 9, "line wider than 9: " .. l)
  end
  -- a wide character never splits and a line never ends up empty
  local narrow = nb.wrap("中a中", 1)
  T.eq(table.concat(narrow, "|"), "中|a|中", "narrower than one character")
  -- paragraphs (newlines) are kept as line breaks
  T.eq(#nb.wrap("一\n二", 80), 2, "newline")
end

function tests.numeral_1_to_99()
  local expect = { [1] = "一", [2] = "二", [9] = "九", [10] = "十", [11] = "十一", [19] = "十九",
    [20] = "二十", [21] = "二十一", [30] = "三十", [45] = "四十五", [99] = "九十九" }
  for n, s in pairs(expect) do T.eq(nb.numeral(n), s, "numeral " .. n) end
  -- every number 1..99 is distinct and non-empty
  local seen = {}
  for n = 1, 99 do
    local s = nb.numeral(n)
    T.ok(s ~= "" and not seen[s], "numeral " .. n .. " repeated or empty: " .. s)
    seen[s] = n
  end
end

function tests.numeral_100_and_more()
  T.eq(nb.numeral(100), "一百", "100")
  T.eq(nb.numeral(101), "一百〇一", "101")
  T.eq(nb.numeral(110), "一百一十", "110")
  T.eq(nb.numeral(123), "一百二十三", "123")
  T.eq(nb.numeral(1000), "一千", "1000")
  T.eq(nb.numeral(1010), "一千〇一十", "1010")
  T.eq(nb.numeral(2024), "二千〇二十四", "2024")
  T.raises(function() nb.numeral(1.5) end, nil, "numeral of a fraction")
  T.raises(function() nb.numeral(-1) end, nil, "numeral of a negative")
end

function tests.escape_html_and_xml()
  T.eq(nb.escape_html([[<a href="x">&'</a>]]), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;", "html")
  T.eq(nb.escape_xml([[<a b="c">&'</a>]]), "&lt;a b=&quot;c&quot;&gt;&amp;&apos;&lt;/a&gt;", "xml")
  T.eq(nb.escape_html("（一）主动公开"), "（一）主动公开", "CJK untouched")
  T.eq(nb.escape_html("&amp;"), "&amp;amp;", "escaping is not idempotent on purpose")
  -- the C version (host/escape.c) against the gsub it replaced: random texts over the five
  -- characters, a NUL, ASCII and CJK; numbers, booleans and __tostring as tostring gives them
  local ESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
  local function lua_escape(v) return (tostring(v):gsub("[&<>\"']", ESC)) end
  local alphabet = { "&", "<", ">", '"', "'", "\0", "a", " ", "公", "；" }
  math.randomseed(15)
  for _ = 1, 2000 do
    local s = T.random_text(alphabet, 12)
    T.eq(nb.escape_html(s), lua_escape(s), "random text " .. s)
  end
  for _, v in ipairs({ 12, 3.5, -0.0, 1e300, true, setmetatable({}, { __tostring = function() return "<x>" end }) }) do
    T.eq(nb.escape_html(v), lua_escape(v), "tostring of " .. tostring(v))
  end
  T.eq(nb.escape_html(nil), "nil", "nil as tostring writes it")
  -- a string is taken as it is (no tostring): one result, whatever else is passed
  T.eq(select("#", nb.escape_html("a<b", 1, 2)), 1, "one result for a string to escape")
  T.eq(select("#", nb.escape_html("ab", 1, 2)), 1, "one result for a string with nothing to escape")
  T.eq((nb.escape_html("ab", 1, 2)), "ab", "the string itself")
end

function tests.format_number()
  T.eq(nb.format_number(0), "0", "zero")
  T.eq(nb.format_number(1234567), "1234567", "integer, no separators")
  T.eq(nb.format_number(5125.11), "5125.11", "amount")
  T.eq(nb.format_number(3.0), "3", "whole float")
  T.eq(nb.format_number(0.5), "0.5", "half")
  -- an amount as read, however many decimals it has: not rounded to four places
  T.eq(nb.format_number(5949.088667), "5949.088667", "a published amount with six decimals")
  T.eq(nb.format_number(0.000001), "0.000001", "one fen in 万元 is not 0")
  T.eq(nb.format_number(123456789.123456), "123456789.123456", "fifteen significant digits")
  T.eq(nb.format_number(-0.00005), "-0.00005", "negative, small")
  -- but a sum's float noise beyond 15 significant digits is not shown
  T.eq(nb.format_number(0.1 + 0.2), "0.3", "0.1 + 0.2")
  T.eq(nb.format_number(1234.5678 + 0.1 + 0.2), "1234.8678", "a sum of amounts")
  T.eq(nb.format_number(nb.BLANK), "", "blank")
  T.eq(nb.format_number(nil), "", "absent")
  -- the texts of 0..9999 are kept once made: the first and the later calls give tostring's
  -- text, at the edges of the kept range and outside it
  for _, v in ipairs({ 0, 1, 7, 9999, 10000, -1, -10000, math.maxinteger, math.mininteger }) do
    for round = 1, 2 do T.eq(nb.format_number(v), tostring(v), "integer " .. v .. ", call " .. round) end
  end
  math.randomseed(15)
  for _ = 1, 500 do
    local v = math.random(-20, 12000)
    T.eq(nb.format_number(v), tostring(v), "random integer " .. v)
  end
  for _, v in ipairs({ 7.0, -0.0, 0.0, 9999.0, 10000.0, 7.5, -1.0 }) do
    T.eq(nb.format_number(v), v == 7.5 and "7.5" or string.format("%d", v), "float " .. v .. " after the integers")
  end
  T.eq(nb.format_number(0 / 0), "NaN", "NaN is no key")
end

function tests.paragraphs()
  T.deep_eq(nb.paragraphs("一\n\n  \n二\r\n三"), { "一", "二", "三" }, "paragraphs")
  T.deep_eq(nb.paragraphs(nil), {}, "nil")
end

function tests.template_expands_and_names_missing_variable()
  local s = nb.template("text/subsection.txt", { numeral = "一", heading = "主动公开", text = "正文" })
  T.eq((s:gsub("\n+$", "")), "(一) 主动公开：正文", "subsection")
  T.raises(function() nb.template("text/subsection.txt", { numeral = "一", text = "x" }) end,
    "{{heading}}", "missing variable")
  T.raises(function() nb.template("text/subsection.txt", { numeral = "一", text = "x" }) end,
    "subsection.txt", "the error names the template")
  T.raises(function() nb.template("text/no-such-template.txt", {}) end, "no-such-template", "missing template")
end

function tests.nfkc()
  T.eq(nb.nfkc("（一）１２ＡＢ"), "(一)12AB", "full-width to half-width")
end

-- nb.paragraphs against the gmatch it replaced, over random texts of line ends, carriage
-- returns, spaces and characters
function tests.paragraphs_equal_the_gmatch_reference()
  local function lua_paragraphs(s)
    local out = {}
    for line in (s .. "\n"):gmatch("(.-)\r?\n") do
      if line:find("%S") then out[#out + 1] = line end
    end
    return out
  end
  local alphabet = { "\n", "\r", " ", "\t", "段", "a", "\r\n" }
  math.randomseed(18)
  for _ = 1, 3000 do
    local s = T.random_text(alphabet, 14)
    T.deep_eq(nb.paragraphs(s), lua_paragraphs(s), string.format("%q", s))
  end
  T.deep_eq(nb.paragraphs(nil), {}, "nil")
  T.deep_eq(nb.paragraphs(12), { "12" }, "a number")
end

-- cli.printable escapes control characters (C0 but tab and line end, DEL, C1 as \u{...});
-- it now runs its gsubs only when a byte search finds one: the same as the gsubs always run,
-- on random texts mixing those bytes with Chinese, ASCII and C2 lead bytes
function tests.printable_equals_its_gsub_form()
  local cli = require "nianbao.cli"
  local function by_gsub(s)
    s = tostring(s):gsub("[%z\1-\8\11-\31\127]", function(c) return string.format("\\x%02X", c:byte()) end)
    return (s:gsub("\194([\128-\159])", function(c) return string.format("\\u{%04X}", c:byte()) end))
  end
  local pieces = { "a", " ", "\t", "\n", "\r", "\0", "\27", "\127", "\8", "\11", "\31", "中", "。",
    "\194\128", "\194\155", "\194\160", "\194", "\159", "1" }
  math.randomseed(17)
  local escaped = 0
  for i = 1, 3000 do
    local s = T.random_text(pieces, 12)
    T.eq(cli.printable(s), by_gsub(s), string.format("text %d %q", i, s))
    if cli.printable(s) ~= s then escaped = escaped + 1 end
  end
  T.ok(escaped > 500 and escaped < 2900, "both kinds of text were tried (" .. escaped .. " escaped)")
  T.eq(cli.printable(42), "42", "a number as its text")
end

return tests
