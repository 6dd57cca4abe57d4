-- The text renderer: section order, tab-separated and aligned tables.
local T = ...
local nb = require "nianbao"
local layout = require "nianbao.layout"

-- The lines of the block that follows heading `heading` (up to the next blank line).
local function block_after(text, heading)
  local lines, inside, started = {}, false, false
  for line in (text .. "\n"):gmatch("(.-)\n") do
    if inside then
      if line == "" then
        if started then break end
      else
        started = true
        lines[#lines + 1] = line
      end
    elseif line == heading then
      inside = true
    end
  end
  T.ok(#lines > 0, "no block after " .. heading)
  return lines
end

-- Tokens of an aligned line (runs separated by 2+ spaces) with display offsets:
-- { text, first, last } where first/last are 0-based display columns.
local function tokens(line)
  local out, col, cur, gap = {}, 0, nil, 0
  for _, cp in utf8.codes(line) do
    local ch = utf8.char(cp)
    local w = nb.width(ch)
    if ch == " " then
      gap = gap + 1
    else
      if cur and gap >= 2 then cur = nil end
      if not cur then
        cur = { text = "", first = col }
        out[#out + 1] = cur
      elseif gap == 1 then
        cur.text = cur.text .. " "
      end
      cur.text = cur.text .. ch
      cur.last = col + w - 1
      gap = 0
    end
    col = col + w
  end
  return out
end

-- In aligned style, every grid column starts (left-aligned labels) and ends (right-aligned
-- numbers) at one display offset in every line of the table.
local function assert_aligned(lines, grid, name)
  local m = layout.matrix(grid)
  T.eq(#lines, #m, name .. ": lines")
  local starts, ends = {}, {}
  for r, row in ipairs(m) do
    local toks, t = tokens(lines[r]), 0
    for c = 1, grid.columns do
      local cell = row[c]
      if cell and cell.text ~= "" then
        t = t + 1
        local tok = toks[t]
        T.ok(tok and tok.text == cell.text,
          string.format("%s line %d: token %d is %q, expected %q", name, r, t, tok and tok.text or "", cell.text))
        if cell.number then
          local last = c + cell.colspan - 1
          ends[last] = ends[last] or tok.last
          T.eq(tok.last, ends[last], string.format("%s line %d: end of %q (column %d)", name, r, cell.text, last))
        else
          starts[c] = starts[c] or tok.first
          T.eq(tok.first, starts[c], string.format("%s line %d: start of %q (column %d)", name, r, cell.text, c))
        end
      end
    end
    T.eq(#toks, t, string.format("%s line %d: extra tokens", name, r))
  end
  -- columns follow each other left to right
  local prev = -1
  for c = 1, grid.columns do
    if starts[c] then
      T.ok(starts[c] > prev, string.format("%s: column %d starts at %d, not after %d", name, c, starts[c], prev))
      prev = starts[c]
    end
  end
end

local function varied()
  local r = T.load_seed():copy()
  r.requests.new = { 1234, 5, 0, 0, 0, 0 }
  r.requests.withheld.third_party = { 0, 98765, 0, 0, 0, 0 }
  r.proactive.fees = 5125.11
  r.appeals.litigation_direct = { upheld = 12, corrected = 0, other = 0, pending = 0, total = 12 }
  return assert(nb.view(r, "varied"))
end

local tables = {
  { "二、主动公开政府信息情况", layout.proactive },
  { "三、收到和处理政府信息公开申请情况", layout.requests },
  { "四、政府信息公开行政复议、行政诉讼情况", layout.appeals },
}

local tests = {}

function tests.sections_in_order()
  local out = nb.render(T.load_seed(), "text")
  local pos = 0
  for _, s in ipairs(nb.schema.sections) do
    local at = out:find("\n" .. s.heading .. "\n", pos, true)
    T.ok(at, "heading " .. s.heading .. " missing or out of order")
    pos = at + 1
  end
  T.eq(out:sub(1, #"延津县商务局 2024 年政府信息公开工作年度报告\n"), "延津县商务局 2024 年政府信息公开工作年度报告\n", "title first")
  T.eq(out:sub(-1), "\n", "ends with a newline")
  T.ok(not out:find("\n\n\n", 1, true), "no double blank lines")
end

function tests.tsv_tables_have_every_column()
  for _, report in ipairs({ T.load_seed(), varied() }) do
    local out = nb.render(report, "text", { table_style = "tsv" })
    for _, t in ipairs(tables) do
      local grid = t[2](report)
      local lines = block_after(out, t[1])
      T.eq(#lines, #grid.rows, t[1] .. ": one line per grid row")
      local m = layout.matrix(grid)
      for r, line in ipairs(lines) do
        local _, tabs = line:gsub("\t", "")
        T.eq(tabs, grid.columns - 1, t[1] .. " line " .. r .. ": tabs")
        local c = 0
        for field in (line .. "\t"):gmatch("(.-)\t") do
          c = c + 1
          local cell = m[r][c]
          T.eq(field, cell and cell.text or "", string.format("%s line %d column %d", t[1], r, c))
        end
      end
    end
  end
end

function tests.aligned_columns_line_up()
  for _, report in ipairs({ T.load_seed(), varied() }) do
    local out = nb.render(report, "text", { table_style = "aligned" })
    for _, t in ipairs(tables) do
      assert_aligned(block_after(out, t[1]), t[2](report), t[1])
    end
  end
end

function tests.aligned_and_tsv_share_the_prose()
  local seed = T.load_seed()
  local tsv = nb.render(seed, "text")
  local aligned = nb.render(seed, "text", { table_style = "aligned" })
  T.eq(aligned:match("^(.-)\n二、"), tsv:match("^(.-)\n二、"), "everything before table 二")
  T.eq(aligned:match("\n(五、.*)$"), tsv:match("\n(五、.*)$"), "everything after table 四")
end

function tests.renderer_contract()
  local r = nb.renderer("text")
  T.eq(r.name, "text", "name")
  T.eq(type(r.render), "function", "render")
  T.raises(function() nb.renderer("no-such-format") end, "no-such-format", "unknown format")
end

-- Markdown: data text stays text. A newline, a lone CR or four leading spaces in a title,
-- a heading or a paragraph must not make a heading, list, quote or code block.
function tests.markdown_keeps_data_text_as_text()
  local r = T.load_seed():copy()
  r.title = "标题\n# 注入标题"
  r.overview = { { heading = "小节\r## 注入小节", text = "段落\n# 注入一\r- 注入二\n    注入三\r\n> 注入四\n1. 注入五" },
                 { heading = "    注入六", text = "    注入七" } }
  r.problems = "问题\r===\r注入八"
  for _, profile in ipairs({ "default", "gbt9704" }) do
    local out = nb.render(assert(nb.view(r, "md")), "markdown", { profile = profile })
    for line in (out .. "\n"):gmatch("([^\n]*)\n") do
      T.ok(not line:find("\r", 1, true), "a CR reached the Markdown: " .. line)
      if line:find("注入", 1, true) then
        -- the title and the headings are headings themselves, on one line with their text
        local own = line:find("注入标题", 1, true) or line:find("注入小节", 1, true) or line:find("注入六", 1, true)
        local structural = line:match("^#+ ") and not own
        T.ok(not structural, "data text made a heading: " .. line)
        T.ok(not line:match("^ ? ? ?[%-+*>] ") and not line:match("^ ? ? ?%d+[.)] "), "data text made a list or quote: " .. line)
        T.ok(not line:match("^    ") and not line:match("^\t"), "data text made a code block: " .. line)
        T.ok(not line:match("^[=%-]+$"), "data text made a setext underline: " .. line)
      end
      T.ok(not line:match("^===") and not line:match("^%-%-%-"), "an underline line: " .. line)
    end
    T.ok(out:find("注入标题", 1, true) and out:find("注入八", 1, true), "the text is kept")
    T.ok(out:find("\n#+ [^\n]*标题 # 注入标题") or out:find("\n?# [^\n]*注入标题"), "the title stays on its heading line")
  end
end

-- Markdown: a title or heading that ends in " #" keeps it; unescaped, CommonMark reads it as
-- the optional closing sequence of the heading and drops it ("整改 #" showed as "整改")
function tests.markdown_heading_keeps_a_final_hash()
  local r = T.load_seed():copy()
  r.title = "延津县商务局 2024 年政府信息公开工作年度报告 #"
  r.overview[1].heading = "主动公开 ##"
  r.overview[2].heading = "依申请公开 #  "
  r.overview[3].heading = "#"
  local out = nb.render(assert(nb.view(r, "md")), "markdown")
  local n = 0
  for line in (out .. "\n"):gmatch("([^\n]*)\n") do
    if line:match("^#+ ") then
      n = n + 1
      -- a closing sequence: #s after a space or tab at the end, or a heading of #s only
      T.ok(not line:match("[ \t]#+[ \t]*$") and not line:match("^#+ #+[ \t]*$"),
        "the heading's final # would be read as its closing sequence: " .. line)
    end
  end
  T.eq(n, 1 + 6 + #r.overview, "headings")
end

-- The chart (图解) draws table 三's results; a blank 总计 is not known, not 0: the caption says
-- so, and never that no application came in when the counts are blank
function tests.chart_caption_tells_blank_from_zero()
  local function page(edit)
    local r = T.load_seed():copy()
    edit(r.requests)
    return nb.render(assert(nb.view(r, "chart")), "html", { findings = nb.findings({}) })
  end
  local function blank_rows(requests, keep)
    for _, row in ipairs(nb.schema.requests.rows) do
      if row.result and not (keep and keep[row.key]) then
        local v = {}
        for c = 1, 6 do v[c] = nb.BLANK end
        if row.group then requests[row.group][row.member] = v else requests[row.key] = v end
      end
    end
  end
  local zero = { 0, 0, 0, 0, 0, 0 }
  local all_blank = page(function(q) blank_rows(q) q.new = { nb.BLANK, 0, 0, 0, 0, 0 } q.carried_over = zero end)
  T.ok(all_blank:find("图解：表三的办理结果均为空白，无法作图。", 1, true), "every result blank: said so")
  T.ok(not all_blank:find("图解：本年度未收到", 1, true), "every result blank: no claim that none came in")
  local zeros_new_blank = page(function(q)
    for _, row in ipairs(nb.schema.requests.rows) do
      if row.result then if row.group then q[row.group][row.member] = zero else q[row.key] = zero end end
    end
    q.new = { nb.BLANK, 0, 0, 0, 0, 0, nb.BLANK } -- (of 6 values, the 总计 of those given is derived)
    q.carried_over = zero
  end)
  T.ok(zeros_new_blank:find("图解：本年度没有办结的政府信息公开申请", 1, true) and not zeros_new_blank:find("图解：本年度未收到", 1, true),
    "results 0, new applications blank: none done, nothing said of none received")
  local some = page(function(q)
    q.disclosed = { 3, 0, 0, 0, 0, 0 }
    q.partially_disclosed = { nb.BLANK, 0, 0, 0, 0, 0, nb.BLANK }
  end)
  T.ok(some:find("另有 1 项办理结果为空白，未计入", 1, true), "one result blank beside counts: named in the caption")
  -- the blank group's bar: no "0" beside it, 空白 instead; a group with a count stays a number
  T.ok(some:find('<text class="value blank" [^>]*>空白</text>'), "the all-blank group is labelled 空白")
  T.ok(not some:find('>部分公开</text><rect[^>]*></rect><text class="value"[^>]*>0<'), "the blank group is not drawn as 0")
  T.ok(some:find('>予以公开</text><rect[^>]*></rect><text class="value"[^>]*>3<'), "the counted group keeps its number")
  local zero_group = page(function(q) q.disclosed = { 3, 0, 0, 0, 0, 0 } q.partially_disclosed = zero end)
  T.ok(not zero_group:find('class="value blank"', 1, true) and zero_group:find('>部分公开</text><rect[^>]*></rect><text class="value"[^>]*>0<'),
    "a group of 0 is drawn as 0")
  local seed = page(function() end)
  T.ok(not seed:find("图解：[^<]*空白"), "the seed's chart names no blank")
end

-- The chart's bars are written in one concatenation each (render/html.lua), not through el():
-- the page holds, for every bar, exactly what el() gives for its label, rect and number
function tests.chart_bars_as_el_writes_them()
  local markup = require "nianbao.markup"
  local el, node = markup.el, markup.node
  local r = varied():copy()
  r.requests.disclosed = { 3, 1, 0, 0, 0, 2 }
  r.requests.withheld.third_party = { 0, 1, 0, 0, 0, 0 }
  r.requests.other.other = { 0, 0, 0, 0, 0, 4 }
  for _, row in ipairs(nb.schema.requests.rows) do -- no row of the group has a count: labelled 空白
    if row.group == "unavailable" then r.requests.unavailable[row.member] = { nb.BLANK, 0, 0, 0, 0, 0, nb.BLANK } end
  end
  local report = assert(nb.view(r, "chart"))
  local page = nb.render(report, "html", { findings = nb.findings({}) })
  local groups = require("nianbao.cells").result_groups(report)
  local max = 0
  for _, g in ipairs(groups) do max = math.max(max, g.value) end
  T.ok(max > 0, "the report has results to chart")
  T.ok(groups[4].blank and not groups[1].blank, "one group is blank, the others are not")
  for i, g in ipairs(groups) do
    local y = 8 + (i - 1) * (26 + 12)
    local w = g.value / max * (640 - 88 - 56)
    local mid = string.format("%.1f", y + 26 / 2)
    local bar = node({ "\n",
      el("text", { class = "label", x = 88 - 8, y = mid, ["text-anchor"] = "end", ["dominant-baseline"] = "central" }, g.label),
      el("rect", { class = "bar", x = 88, y = y, width = string.format("%.1f", w), height = 26 }, ""),
      el("text", { class = g.blank and "value blank" or "value", x = string.format("%.1f", 88 + w + 6), y = mid,
        ["dominant-baseline"] = "central" }, g.blank and "空白" or g.value) })
    T.ok(page:find(bar, 1, true), "bar " .. i .. " as el() writes it: " .. bar)
  end
end

-- Markdown's escaping runs its line-start patterns on the whole text only when it has a line
-- end: the same as the six gsubs over every text it replaced, on random texts of line ends,
-- spaces, digits, markup characters and CJK
function tests.markdown_escape_as_the_gsub_form()
  local function reference(s)
    s = tostring(s):gsub("\r\n?", "\n")
    s = s:gsub("[\\`*_%[%]<>&|~]", "\\%0")
    s = s:gsub("^[ \t]+", ""):gsub("\n[ \t]+", "\n")
    s = ("\n" .. s):gsub("\n([#+%-=>])", "\n\\%1"):gsub("\n(%d+)([.)])", "\n%1\\%2")
    return s:sub(2)
  end
  local escape = require("render.markdown").escape
  local alphabet = { "\n", "\r", " ", "\t", "#", "+", "-", "=", ">", "1", "23", ".", ")", "*", "_", "`", "[", "]",
    "<", "&", "|", "~", "\\", "a", "公", "（" }
  math.randomseed(15)
  for _ = 1, 3000 do
    local s = T.random_text(alphabet, 10)
    T.eq(escape(s), reference(s), string.format("escape of %q", s))
  end
  T.eq(escape(12), reference(12), "a number")
end

-- Word's text() and nb.escape_xml run their gsubs only when a byte search finds something to
-- replace: the same texts and the same count of replaced characters as the three gsubs over
-- every text, on random texts of controls, noncharacters, the five XML specials and CJK
function tests.docx_text_as_the_gsub_form()
  local docx = require "render.docx"
  local ESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&apos;" }
  local function reference(s)
    s = tostring(s)
    local n, m
    s, n = s:gsub("[%z\1-\8\11\12\14-\31]", "\u{FFFD}")
    s, m = s:gsub("\xEF\xBF[\xBE\xBF]", "\u{FFFD}")
    return (s:gsub("[&<>\"']", ESC)), n + m
  end
  local alphabet = { "\0", "\1", "\8", "\9", "\10", "\11", "\12", "\13", "\14", "\31", " ", "\127",
    "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xEF\xBF\xBD", "\xEF\xBF", "&", "<", ">", '"', "'", "a", "公", "（" }
  math.randomseed(15)
  for _ = 1, 3000 do
    local s = T.random_text(alphabet, 10)
    local want, replaced = reference(s)
    local before = docx.replaced
    T.eq(docx.text(s), want, string.format("text of %q", s))
    T.eq(docx.replaced - before, replaced, string.format("characters replaced in %q", s))
    T.eq(nb.escape_xml(s), (tostring(s):gsub("[&<>\"']", ESC)), string.format("escape_xml of %q", s))
  end
  T.eq(nb.escape_xml(12), "12", "a number")
end

-- A report in the 2019 trial format (format = 2019, year 2020): the seed with its table 二
-- replaced by the trial table of the review's r09 (signed 本年增/减, 采购总金额 1456.8).
local TRIAL = [[
  proactive_2019 = {
    ["规章"] = { 0, 0, 0 }, ["规范性文件"] = { 3, 3, 17 },
    ["行政许可"] = { 45, -2, 1380 }, ["其他对外管理服务事项"] = { 12, 0, 56 },
    ["行政处罚"] = { 120, 3, 214 }, ["行政强制"] = { 8, 0, 6 },
    ["行政事业性收费"] = { 4, -1 }, ["政府集中采购"] = { 23, 1456.8 },
  },
]]

local function trial_report()
  local s = T.read(T.seed)
  local a = assert(s:find("  proactive = {", 1, true), "the seed's table 二")
  local _, b = assert(s:find("fees = 0,        -- 行政事业性收费（万元）\n  },\n", a, true))
  s = s:sub(1, a - 1) .. TRIAL .. s:sub(b + 1)
  s = s:gsub("format = 2021", "format = 2019", 1)
  s = s:gsub("year = 2024", "year = 2020", 1)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
  local r, err = nb.load(path)
  os.remove(path)
  return assert(r, err)
end

-- The trial table's own blocks, columns, rows and numbers, and nothing of the 2021 table.
local function assert_trial_table(out, what, row_sep)
  for _, b in ipairs(nb.schema.proactive_2019.blocks) do
    T.ok(out:find(b.header, 1, true), what .. ": block " .. b.header)
    for _, c in ipairs(b.columns) do T.ok(out:find(c.label, 1, true), what .. ": column " .. c.label) end
  end
  for _, row in ipairs(nb.schema.proactive_2019.rows) do
    T.ok(out:find(row.label, 1, true), what .. ": row " .. row.label)
  end
  for _, cells in ipairs({ { "行政许可", "45", "-2", "1380" }, { "政府集中采购", "23", "1456.8" },
                           { "行政事业性收费", "4", "-1" }, { "规范性文件", "3", "3", "17" } }) do
    T.ok(out:find(table.concat(cells, row_sep), 1, true), what .. ": " .. table.concat(cells, " "))
  end
  T.ok(not out:find("本年制发件数", 1, true), what .. ": no 2021 column")
  T.ok(not out:find("本年收费金额", 1, true), what .. ": no 2021 fee column")
end

function tests.trial_table_rendered_in_every_format()
  local r = trial_report()
  assert_trial_table(nb.render(r, "text"), "text", "\t")
  -- the cell texts in document order, joined by "|"
  local function cells(out, pattern)
    local texts = {}
    for t in out:gmatch(pattern) do texts[#texts + 1] = t end
    return table.concat(texts, "|")
  end
  local html_cell = "<t[hd][^>]*>([^<]*)</t[hd]>"
  assert_trial_table(cells(nb.render(r, "markdown"), html_cell), "markdown", "|")
  assert_trial_table(cells(nb.render(r, "html"), html_cell), "html", "|")
  local xml = assert(nb.unzip(nb.render(r, "docx"), "word/document.xml"))
  assert_trial_table(cells(xml, "<w:t[^>]*>([^<]*)</w:t>"), "docx", "|")
end

-- the trial table's grid has the official 4 columns, each row filling them
function tests.trial_table_grid()
  local grid = layout.proactive(trial_report())
  T.eq(grid.columns, 4, "columns")
  local m = layout.matrix(grid)
  for r, row in ipairs(m) do T.ok(row[1], "row " .. r .. " starts with a cell") end
  local amount
  for _, row in ipairs(grid.rows) do
    for _, cell in ipairs(row) do if cell.value == 1456.8 then amount = cell end end
  end
  T.ok(amount and amount.amount, "采购总金额 marked as an amount")
end

return tests
