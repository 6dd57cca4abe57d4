-- The narrative parts, kept verbatim: title, agency and year; the subsections of 一、总体情况
-- ("（一）主动公开：…", or a heading paragraph followed by its text); the problems and
-- improvements of 五; the other matters of 六.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"
local ntext = require "nianbao.text"

local M = {}

--- "（一）主动公开：text" -> "主动公开：text"; nil when the paragraph is not numbered so.
local function subsection_rest(t)
  for _, pat in ipairs({ "^%((.-)%)%s*(.*)$", "^（(.-)）%s*(.*)$" }) do
    local num, rest = t:match(pat)
    if num and norm.is_numeral(num) then return rest end
  end
end

-- the first occurrence of any of the marks within the first `within` characters
local function split_at(s, marks, within)
  local best
  for _, m in ipairs(marks) do
    local at = s:find(m, 1, true)
    if at and (not best or at < best[1]) then best = { at, m } end
  end
  if best and norm.len(s:sub(1, best[1] - 1)) <= within then
    return s:sub(1, best[1] - 1), s:sub(best[1] + #best[2])
  end
end

local function item_text(item)
  if item.kind == "para" then return item.text end
  local cells = {}
  for _, c in ipairs(item.cells) do if c.text ~= "" then cells[#cells + 1] = c.text end end
  return table.concat(cells, " ")
end

--- The paragraphs (texts) of a list of items.
function M.paragraphs(items)
  local out = {}
  for _, item in ipairs(items) do
    local t = item_text(item)
    if t ~= "" then out[#out + 1] = t end
  end
  return out
end

-- "1.主动公开…" "1、…" "1．…" "（1）…" "(1)…" -> 1, "主动公开…"; nil otherwise ("1.5万条" is
-- a number, not a numbering)
-- (and the form's index: one form numbers the subsections, another a list inside them)
local ARABIC = { "^(%d+)%.%s*(.*)$", "^(%d+)、%s*(.*)$", "^(%d+)．%s*(.*)$", "^（(%d+)）%s*(.*)$", "^%((%d+)%)%s*(.*)$" }
local function arabic_rest(t, form)
  for f, pat in ipairs(ARABIC) do
    local n, rest = t:match(pat)
    if n and (not form or f == form) and #n <= 2 and rest ~= "" and not rest:match("^%d") then
      return tonumber(n), rest, f
    end
  end
end

-- the heading of a numbered paragraph and its text: the words up to the first ：or 。
-- within 20 characters, or the whole of a short line without a comma; nil when it has none
local function subsection_heading(rest)
  local heading, text = split_at(rest, { "：", ":" }, 20)
  if not heading then heading, text = split_at(rest, { "。" }, 20) end
  if heading and norm.trim(heading) ~= "" then return norm.trim(heading), norm.trim(text) end
  if nb.width(rest) <= 40 and not rest:find("，", 1, true) then return rest, nil end
end

-- words of the usual subsections of 一 (FORMAT.md §1)
local SUBSECTION_WORDS = { "主动公开", "依申请", "信息管理", "平台", "监督", "保障" }

-- Whether 一 is divided by Arabic numbers ("1.主动公开" … "5.监督保障") rather than by
-- （一）…: it has no （一） subsection, and its numbered paragraphs count 1, 2, 3… from 1, each
-- with a heading, at least half of them the words of the usual subsections. A list within a
-- subsection's text ("1.…" "2.…" under （一）主动公开, or a list of measures) stays text.
local function arabic_subsections(paras)
  local n, usual, form = 0, 0, nil
  for _, t in ipairs(paras) do
    if subsection_rest(t) then return false end
    local k, rest, f = arabic_rest(t, form)
    if k then
      form = f
      if k ~= n + 1 then return false end
      n = k
      local heading = subsection_heading(rest)
      if not heading then return false end
      for _, w in ipairs(SUBSECTION_WORDS) do
        if heading:find(w, 1, true) then usual = usual + 1 break end
      end
    end
  end
  return n >= 2 and usual * 2 >= n and form
end

--- Subsections of 一: a list of { heading = ..., text = ... } (heading absent for text
--- that stands before the first numbered subsection or has no short heading).
function M.overview(paras)
  local numbered = subsection_rest
  local form = arabic_subsections(paras)
  if form then
    numbered = function(t) return select(2, arabic_rest(t, form)) end
  end
  -- each subsection's paragraphs are collected and joined once at the end: appending to
  -- a growing string would copy it again for every paragraph
  local out, current = {}, nil
  local function append(t)
    if not current then
      current = { lines = {} }
      out[#out + 1] = current
    end
    current.lines[#current.lines + 1] = t
  end
  for _, t in ipairs(paras) do
    local rest = numbered(t)
    if rest then
      local heading, text = split_at(rest, { "：", ":" }, 20)
      if not heading then heading, text = split_at(rest, { "。" }, 20) end
      if heading and norm.trim(heading) ~= "" then
        current = { heading = norm.trim(heading), lines = { norm.trim(text) } }
      elseif nb.width(rest) <= 40 and not rest:find("，", 1, true) then
        current = { heading = norm.trim(rest), lines = {} } -- no-break spaces after （一） (Word lists)
      else
        current = nil
        append(t)
        goto continue
      end
      out[#out + 1] = current
    else
      append(t)
    end
    ::continue::
  end
  for i, s in ipairs(out) do
    -- an empty first line (a heading with nothing after its colon) is not a paragraph
    if s.lines[1] == "" then table.remove(s.lines, 1) end
    out[i] = { heading = s.heading, text = table.concat(s.lines, "\n") }
  end
  return out
end

local IMPROVEMENT_MARKS = { "改进", "下一步", "针对", "今后", "措施", "计划", "整改" }

--- Section 五 -> problems, improvements: the improvements start at the first paragraph
--- (after the first) that says so in its first words.
local function starts_improvements(t, from)
  local head = norm.simplify(norm.head(t, 24, from))
  for _, m in ipairs(IMPROVEMENT_MARKS) do
    if head:find(m, 1, true) then return true end
  end
  return false
end

-- the positions in t of every plain mark of the list (after = the position after each)
-- the positions of sentence marks in the text as published (nianbao.text)
local positions = ntext.positions

-- run-on text (a crawler's page) gives 五 as one paragraph: cut it before the first
-- sentence or "（二）" part that starts the improvements (the candidates are collected
-- first, so a long paragraph is read once, not once per sentence)
local function cut_runon(t)
  local starts = positions(t, { "。", "；" }, true)
  for _, c in ipairs(positions(t, { "（二）" })) do starts[#starts + 1] = c end
  table.sort(starts)
  for _, at in ipairs(starts) do
    if at <= #t and starts_improvements(t, at) then return t:sub(1, at - 1), t:sub(at) end
  end
end

function M.problems(paras)
  if #paras == 1 then
    local p, i = cut_runon(paras[1])
    if p then return p, i end
  end
  local split
  for i = 2, #paras do
    if starts_improvements(paras[i]) then split = i break end
  end
  if not split and #paras >= 2 then split = 2 end
  local problems, improvements = {}, {}
  for i, p in ipairs(paras) do
    if split and i >= split then improvements[#improvements + 1] = p else problems[#problems + 1] = p end
  end
  return table.concat(problems, "\n"), table.concat(improvements, "\n")
end

-- "二〇二四年" -> "2024年": the title is matched with Arabic years (the text is kept)
local CN_DIGIT = { ["〇"] = "0", ["○"] = "0", ["零"] = "0", ["Ｏ"] = "0", ["一"] = "1", ["二"] = "2",
  ["三"] = "3", ["四"] = "4", ["五"] = "5", ["六"] = "6", ["七"] = "7", ["八"] = "8", ["九"] = "9" }
local function arabic_years(t)
  if not t:find("年", 1, true) then return t end
  local chars = {}
  for _, cp in utf8.codes(t) do chars[#chars + 1] = utf8.char(cp) end
  local i = 1
  while i <= #chars - 4 do
    if chars[i + 4] == "年" and CN_DIGIT[chars[i]] and CN_DIGIT[chars[i + 1]] and CN_DIGIT[chars[i + 2]]
        and CN_DIGIT[chars[i + 3]] and CN_DIGIT[chars[i]] == "2" then
      for j = i, i + 3 do chars[j] = CN_DIGIT[chars[j]] end
      i = i + 5
    else
      i = i + 1
    end
  end
  return table.concat(chars)
end

-- The characters a report's name is made of ("政府信息公开工作年度报告", "政务公开年报"…).
local NAME_CHARS = {}
for _, c in utf8.codes("政府信息务公开工作年度报告") do NAME_CHARS[c] = true end

-- s without the report's name at its end ("某局政府信息公开工作年度报告（" -> "某局"): the
-- longest tail of name characters, taken off only when it names a report (报告, 年报), so
-- that an agency whose own name holds such words ("某区政务公开办公室", "某区人民政府")
-- keeps them.
local function without_report_name(s)
  s = norm.trim((s:gsub("[（(%s]+$", "")))
  local cps = {}
  for _, c in utf8.codes(s) do cps[#cps + 1] = c end
  local k = #cps
  while k >= 1 and NAME_CHARS[cps[k]] do k = k - 1 end
  local tail = utf8.char(table.unpack(cps, k + 1, #cps))
  if #cps > k and (tail:find("报告", 1, true) or tail:find("年报", 1, true)) then
    return norm.trim(utf8.char(table.unpack(cps, 1, k)))
  end
  return s
end

--- The agency named at the start of a title (or of a piece of one), "" when none: the text
--- before its year or "关于", without the report's name ("某局政府信息公开工作年度报告（2024年
--- 度）"); the year may come first ("2024年度某局…").
function M.agency_of(t)
  t = norm.trim(arabic_years(t))
  local rest = t:match("^20%d%d%s*年度(.*)$") or t:match("^20%d%d%s*年(.*)$")
  if rest then t = norm.trim(rest) end
  local cut = t:find("%s*20%d%d%s*年") or #t + 1
  local about = t:find("关于", 1, true)
  if about and about < cut then cut = about end
  local agency = without_report_name(t:sub(1, cut - 1))
  -- "某区人民政府信息公开工作年度报告": the government's 政府 is also the report's
  if agency:sub(-#"人民") == "人民" and t:sub(#agency + 1, #agency + #"政府") == "政府" then agency = agency .. "政府" end
  return agency
end

-- a title without a year: a short line naming the report, without sentence marks
local function is_yearless_title(t)
  if nb.width(t) > 80 or not (t:find("年度报告", 1, true) or t:find("工作报告", 1, true) or t:find("年报", 1, true)) then
    return false
  end
  for _, m in ipairs({ "。", "，", "；", "：", ":", ",", "《", "、" }) do
    if t:find(m, 1, true) then return false end
  end
  return M.agency_of(t) ~= ""
end

--- A title run into the paragraph after it (no line break between them in the source:
--- "某局2024年政府信息公开工作年度报告本报告根据…"): the paragraphs with it cut off.
function M.split_title(paras)
  for i = 1, math.min(#paras, 3) do
    local t = paras[i]
    if t:find("。", 1, true) then
      local head = norm.head(t, 60)
      for _, e in ipairs({ "工作年度报告", "年度报告" }) do
        local a, b = head:find(e, 1, true)
        if a then
          local title = t:sub(1, b)
          -- its year as a suffix: "（2024年度）"
          local suffix = t:match("^[（(]%s*[%d〇○零一二三四五六七八九]+%s*年度?%s*[）)]", b + 1)
          if suffix then title = title .. suffix end
          local rest = norm.trim(t:sub(#title + 1))
          local plain = true
          for _, m in ipairs({ "。", "，", "；", "：", ":", ",", "《" }) do
            if title:find(m, 1, true) then plain = false end
          end
          -- a sentence follows (not a suffix such as "（摘要）")
          if plain and rest:find("。", 1, true) and M.agency_of(title) ~= "" then
            local out = {}
            for j = 1, i - 1 do out[j] = paras[j] end
            out[#out + 1] = norm.trim(title)
            out[#out + 1] = rest
            for j = i + 1, #paras do out[#out + 1] = paras[j] end
            return out
          end
          break
        end
      end
    end
  end
  return paras
end

--- Title, agency, year from the items before 一 (or the first few items), and the
--- positions of the first and last paragraph the title took.
function M.title(paras)
  local yearless
  for i, t0 in ipairs(paras) do
    local t = arabic_years(t0)
    if nb.width(t) <= 120 and (t:find("年度报", 1, true) or t:find("年报", 1, true)
        or t:find("工作报告", 1, true) or t:find("年度報", 1, true)) then
      local before, year = t:match("^(.-)%s*((20%d%d))%s*年")
      -- a title broken after its year ("某局 2024 年" / "政府信息公开工作年度报告": a <br>
      -- or a Word line break): the line before holds the agency and the year
      local prev = i > 1 and paras[i - 1]
      -- (度 is three bytes: "年度?" would make only its last byte optional)
      local pb, py = prev and nb.width(prev) <= 60 and prev:match("^(.-)%s*(20%d%d)%s*年$")
      if not pb and prev and nb.width(prev) <= 60 then pb, py = prev:match("^(.-)%s*(20%d%d)%s*年度$") end
      -- broken by hand elsewhere ("某局 2024 年政府信息公开" / "工作年度报告"): the line before
      -- has the year and is no sentence, date ("2025年1月20日") or source line
      if not pb and prev and nb.width(prev) <= 60 and not prev:find(":", 1, true)
          and not prev:find("：", 1, true) and not prev:find("。", 1, true) and not prev:find("，", 1, true)
          and not (prev:match("20%d%d%s*年(.*)$") or ""):find("%d") then
        pb, py = prev:match("^(.-)%s*(20%d%d)%s*年")
      end
      if not before and pb then
        return prev .. t0, M.agency_of(pb), math.tointeger(tonumber(py)), i - 1, i
      end
      if before then
        -- the agency before the year, cut at the name of the report ("某局政府信息公开工作
        -- 年度报告（2024年度）", "某局关于2024年…"); with the year first, after it
        local agency = before ~= "" and M.agency_of(before) or M.agency_of(t)
        local title, first = t0, i
        if agency == "" and i > 1 and nb.width(paras[i - 1]) <= 40 then
          first = i - 1
          agency = norm.trim(paras[i - 1])
          -- keep the published spacing: a title that writes "2024 年" spaces its digits
          -- from Chinese on both sides, so the line break before the year was a space
          local spaced = t0:match("^%d") and t0:match("^%d+ ") and " " or ""
          title = agency .. spaced .. t0
        end
        return title, agency, math.tointeger(tonumber(year)), first, i
      end
      if not yearless and is_yearless_title(t) then yearless = i end
    end
  end
  -- a title without a year (the year is then read from the text)
  if yearless then return paras[yearless], M.agency_of(paras[yearless]), nil, yearless, yearless end
end

--- A year stated as the reporting period, or the first "20xx年" of the text.
function M.year(text)
  local y = text:match("(20%d%d)%s*年%s*1%s*月%s*1%s*日") or text:match("(20%d%d)%s*年")
  return y and math.tointeger(tonumber(y))
end

return M
