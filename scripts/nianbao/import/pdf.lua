-- PDF attachments: pdftotext -layout (Debian poppler-utils) runs as a child process with
-- limits on time, memory, output and files written (nb.run_limited), since a PDF from the
-- web is untrusted; its pages are then cleaned for the text front end: running headers
-- and page footers dropped, pages joined so that a table broken by a page reads on, and
-- the numbers of a table row (one space apart in narrow columns) made cells.
local nb = require "nianbao"

local M = {}

-- limits of the converter (docs/reviewing.md)
M.TIMEOUT = 30
M.MEMORY = 1024 << 20
M.MAX_PDF = 64 << 20
M.MAX_TEXT = 2 << 20

-- on Windows (package.config starts with the directory separator) pdftotext is pdftotext.exe
local WINDOWS = package.config:sub(1, 1) == "\\"

-- ASCII white space only: in some locales %s also matches byte 0xA0 inside UTF-8 characters
local function trim(s) return (s:gsub("^[ \t\r]+", ""):gsub("[ \t\r]+$", "")) end

-- a page number line: "- 3 -", "— 3 —", "第 3 页", "第3页 共9页", "3 / 9", "3"
local function page_number(t)
  t = t:gsub("[ \t]+", "")
  local n = t:match("^[%-—–]+(%d+)[%-—–]+$") or t:match("^第(%d+)页") or t:match("^(%d+)/%d+$")
    or t:match("^[Pp]age(%d+)")
  if n then return tonumber(n), true end
  n = t:match("^(%d+)$")
  return n and tonumber(n), false
end

-- the first and last non-empty line index of a page (a list of lines)
local function ends(lines)
  local a, b
  for i = 1, #lines do if trim(lines[i]) ~= "" then a = a or i; b = i end end
  return a, b
end

--- Pages (split at form feeds) -> one text: running headers and footers (a line that
--- starts or ends most pages) and page numbers dropped.
function M.clean_pages(text)
  local pages = {}
  for page in (text .. "\f"):gmatch("(.-)\f") do
    local lines = {}
    for line in (page .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
    pages[#pages + 1] = lines
  end
  while #pages > 0 and select(1, ends(pages[#pages])) == nil do pages[#pages] = nil end
  -- page numbers at the top or bottom of a page: decorated ones always; bare numbers when
  -- they count the pages (the number minus the page index is the same on two pages or more)
  local bare = {}
  for p, lines in ipairs(pages) do
    for _, at in ipairs({ select(2, ends(lines)), (ends(lines)) }) do
      local n, decorated = page_number(lines[at] or "")
      if n and decorated then lines[at] = ""
      elseif n then
        local d = n - p
        bare[d] = bare[d] or {}
        table.insert(bare[d], { lines, at })
      end
    end
  end
  for _, list in pairs(bare) do
    if #list >= 2 then for _, e in ipairs(list) do e[1][e[2]] = "" end end
  end
  -- running headers/footers: the same first (last) line on at least half of the pages,
  -- compared with its spacing collapsed and its numbers as # ("第 3 页", "2/4", a date)
  local function key(line)
    local t = trim(line)
    if t == "" or nb.width(t) > 120 or not t:find("[^%d ,./:%-]") then return nil end
    return (t:gsub("[ \t]+", " "):gsub("%d+", "#"))
  end
  if #pages >= 2 then
    for _, which in ipairs({ 1, 2 }) do
      local count = {}
      for _, lines in ipairs(pages) do
        local at = select(which, ends(lines))
        local k = at and key(lines[at])
        if k then count[k] = (count[k] or 0) + 1 end
      end
      for _, lines in ipairs(pages) do
        local at = select(which, ends(lines))
        local k = at and key(lines[at])
        if k and count[k] >= 2 and count[k] * 2 >= #pages then lines[at] = "" end
      end
    end
  end
  local out = {}
  for _, lines in ipairs(pages) do
    local a, b = ends(lines)
    for i = a or 1, b or 0 do out[#out + 1] = lines[i] end
  end
  return table.concat(out, "\n") .. "\n"
end

local NUMBER = "^%d[%d,]*%.?%d*$"

-- whether a word is a label of the official tables (by its key, as the table reader finds it)
local LABELS
local function official_label(w)
  if not LABELS then
    LABELS = {}
    for _, k in ipairs(require("nianbao.import.tables").LABELS) do LABELS[k] = true end
  end
  return LABELS[require("nianbao.import.normalize").key(w)] or false
end

--- Whether a word starts like a table row label: （二）…, 1.…, 一、…
function M.row_label(w)
  return w:find("^（[一二三四五六七八九十]+）") or w:find("^%(%d%)") or w:find("^%d+%.")
    or w:find("^[一二三四五六七八九十]+、") and true or false
end

--- A layout line ending in two or more numbers: its label and the numbers become cells
--- (tab-separated), since narrow columns leave only one space between them.
function M.cells(line)
  local words = {}
  for w in line:gmatch("[^ \t\r]+") do
    -- a row number set apart from its label ("1.  属于国家秘密") belongs to it
    local prev = words[#words]
    if prev and prev:match("^%d+[.、]$") and not w:match(NUMBER) then
      words[#words] = prev .. w
    else
      words[#words + 1] = w
    end
  end
  local k = #words
  while k >= 1 and words[k]:match(NUMBER) do k = k - 1 end
  -- one number at the end, apart by a layout gap: a row whose other numbers are set on the
  -- next line (cells centred at different heights)
  -- (or an official row label and its one number, one space apart in a narrow table:
  -- "行政事业性收费 9116.36")
  local single = #words - k == 1 and k >= 1
    and (line:find("[^ \t][ \t][ \t]+[%d][%d,.]*[ \t]*$") or M.row_label(words[1])
      or k == 1 and official_label(words[1]))
  if #words - k < 2 and not single then
    -- a merged cell's text set in a narrow column runs into the row label beside it:
    -- "本 （二）部分公开…", "（四） 2.没有现成信息…", "不予处 4.无正当理由…"
    if #words >= 2 and not words[1]:find("%d") and nb.width(words[1]) <= 8
      and (utf8.len(words[1]) == 1 or words[2]:find("^%d+%.") or words[2]:find("^（")) then
      return table.concat(words, "\t")
    end
    return line
  end
  -- the words before the numbers are cells too: a merged cell's text set in a narrow
  -- column ("不予公 4.保护第三方合法权益", "度 1.属于国家秘密") is apart from the label
  local cells = {}
  for i = 1, #words do cells[i] = words[i] end
  return table.concat(cells, "\t")
end

--- A title set on two or three lines ("某局 2024 年政" / "府信息公开工作年度报告") on one,
--- and a blank line after it, so that the line below (a source or date) is not joined to it.
--- Only a last line without the year is joined to the lines right above it (no blank line
--- between, no "来源：" line); "某局" / "2024 年政府…报告" stay two lines, which the title
--- reader takes as agency and title, as from a text file.
function M.join_title(lines)
  for i = 1, math.min(#lines, 24) do
    local t = trim(lines[i])
    if t ~= "" then
      if t:find("^一、") then return lines end
      if t:find("报告$") then
        local first = i
        if not t:find("20%d%d") then
          while first > 1 and i - first < 2 do
            local above = trim(lines[first - 1])
            if above == "" or nb.width(above) > 60 or above:find("：", 1, true) or above:find(":", 1, true) then break end
            first = first - 1
          end
        end
        local parts = {}
        for j = first, i do
          local part = trim(lines[j])
          -- a title that spaces its year ("某局 2024 年") lost that space where a line broke
          -- before or after the digits
          local spaced = #parts > 0 and (part:find("^%d+ ") or parts[#parts]:find(" %d+$"))
          parts[#parts + 1] = (spaced and " " or "") .. part
        end
        for j = i, first + 1, -1 do table.remove(lines, j) end
        lines[first] = table.concat(parts)
        table.insert(lines, first + 1, "")
        return lines
      end
    end
  end
  return lines
end

-- the words of a layout line with their character columns: { text, first, last }
-- (pdftotext -layout places text by characters, a Chinese one taking one column)
local function words_at(line)
  local out, col, from = {}, 0, 1
  for at, w, after in line:gmatch("()([^ \t\r]+)()") do
    -- the column: the characters before it (UTF-8 lead bytes), counted once along the line
    col = col + select(2, line:sub(from, at - 1):gsub("[^\128-\191]", ""))
    local first = col + 1
    col = col + select(2, w:gsub("[^\128-\191]", ""))
    out[#out + 1] = { text = w, first = first, last = col }
    from = after
  end
  return out
end

-- the trailing words of a list that match pattern: the index of the first of them
local function trailing(words, pattern)
  local k = #words
  while k >= 1 and words[k].text:match(pattern) do k = k - 1 end
  return k + 1
end

-- a piece of a number wrapped inside its cell ("51" of "4,6" / "51", ".1" of "5,125" / ".1")
local FRAGMENT = "^[%d,.]*%d[%d,.]*$"
-- what marks a number whose cell went on to a line that cannot be told apart: the table
-- reader names its row as not legible (tables.lua)
M.CUT_MARK = "…"

--- A narrow cell wraps a wide number: "4,6" on the row's line, "51" on the next one, under
--- it. Each piece on the next line that stands under exactly one number of the row's line
--- (their columns overlap) is joined to it; when some piece stands under no number or under
--- two, which cell it continues is not certain, and the row's numbers are marked cut
--- (M.CUT_MARK: left out and named) rather than read short. A next line whose numbers stand
--- under none of the row's (a row's numbers set on the line after its label) is left as it is,
--- and so is one that starts a row of its own (a row label) or holds as many numbers.
--- lines: the layout lines of the pages, changed in place.
function M.join_wrapped(lines)
  local tables = require "nianbao.import.tables"
  local norm = require "nianbao.import.normalize"
  local i = 1
  while i < #lines do
    local row = lines[i]:find("%d[ \r]*$") and words_at(lines[i]) or {}
    local a = trailing(row, NUMBER)
    local nums = #row - a + 1
    local next_line = lines[i + 1]
    -- (columns are told by spaces only: a line with tabs or pipes has its cells already)
    if nums >= 2 and a > 1 and next_line:find("%d[ \r]*$") and not (lines[i] .. next_line):find("[\t|]") then
      local below = words_at(next_line)
      local b = trailing(below, FRAGMENT)
      local pieces = #below - b + 1
      local text = {}
      for k = 1, b - 1 do text[#text + 1] = below[k].text end
      local lead = table.concat(text)
      -- the text before the pieces continues a label: it ends left of the row's numbers and
      -- is no row label of its own
      local in_label = b == 1 or below[b - 1].last < row[a].first
      local own_row = lead ~= "" and (M.row_label(below[1].text) or tables.is_row_label(norm.key(lead))
        or tables.is_row_label(norm.key(below[1].text)))
      -- or the label is its last word, after a piece of a label set vertically beside the
      -- rows ("三" of 三、本年度办理结果 before "（一）予以公开"), as when a blank cell leaves the
      -- row with fewer numbers than the one above
      if not own_row and b > 2 then own_row = tables.is_row_label(norm.key(below[b - 1].text)) end
      if pieces >= 1 and pieces < nums and in_label and not own_row then
        -- a piece joins a number when it stands under that one only, set as its cell sets
        -- the number (the same first column, last column or middle), and the number can go
        -- on (two digits or more, not a 0)
        local under, taken, certain, any = {}, {}, true, false
        for k = b, #below do
          local p, hit = below[k], nil
          for m = a, #row do
            if p.first <= row[m].last and p.last >= row[m].first then
              hit = not hit and m or -1
            end
          end
          local r = hit and hit > 0 and row[hit]
          if r and (p.first == r.first or p.last == r.last or math.abs(p.first + p.last - r.first - r.last) <= 1)
              and #r.text >= 2 and not r.text:match("^0") and not taken[hit] then
            any = true
            taken[hit] = true
            under[k] = hit
          else
            certain = false
          end
        end
        if any then
          local parts = {}
          for k = 1, #row do parts[k] = row[k].text end
          if certain then
            for k = b, #below do parts[under[k]] = parts[under[k]] .. below[k].text end
          else
            for m = a, #row do parts[m] = parts[m] .. M.CUT_MARK end
          end
          -- each word a cell, as cells() makes them
          lines[i] = table.concat(parts, "\t")
          if certain and lead == "" then
            table.remove(lines, i + 1)
          elseif certain then
            lines[i + 1] = string.rep(" ", below[1].first - 1) .. table.concat(text, "   ")
          end
        end
      end
    end
    i = i + 1
  end
  return lines
end

--- Layout text (pdftotext -layout) -> text for the text front end: pages cleaned, numbers
--- wrapped in their cells joined, the cells of table rows apart by tabs, the title on one line.
function M.from_layout(text)
  text = M.clean_pages(text)
  local lines = {}
  for line in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  M.join_wrapped(lines)
  for k, line in ipairs(lines) do lines[k] = M.cells(line) end
  return table.concat(M.join_title(lines), "\n") .. "\n"
end

--- The layout text of a PDF (bytes), cleaned for the text front end; or nil, message, exit code.
function M.text(bytes, name, notes)
  if #bytes > M.MAX_PDF then
    return nil, string.format("PDF 文件过大（%d 字节），最多导入 %d 字节", #bytes, M.MAX_PDF)
  end
  local tmp = os.tmpname()
  -- Windows (msvcrt's tmpnam) names a file in the drive's root, "\s1.", where a clerk may
  -- not write: put it under %TEMP%
  if WINDOWS then tmp = (os.getenv("TEMP") or os.getenv("TMP") or ".") .. tmp end
  local f = io.open(tmp, "wb")
  if not f then return nil, "无法写入临时文件 " .. tmp end
  f:write(bytes)
  f:close()
  local r = nb.run_limited({ "pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", tmp, "-" },
    { timeout = M.TIMEOUT, memory = M.MEMORY, output = M.MAX_TEXT * 2 })
  os.remove(tmp)
  if r.not_found and WINDOWS then
    return nil, "需要 pdftotext.exe 才能导入 PDF（Xpdf 或 Poppler 的命令行工具，放在 nianbao.exe 旁边"
      .. "或 PATH 中的文件夹里）；也可以先用 pdftotext 转为文本再导入"
  elseif r.not_found then
    return nil, "需要 pdftotext 才能导入 PDF（Debian/Ubuntu：apt-get install poppler-utils）"
  elseif r.timed_out then
    return nil, string.format("PDF 转换超过 %d 秒，已停止（文件可能损坏或过于复杂）", M.TIMEOUT)
  elseif r.too_large then
    return nil, "PDF 转换出的文字过多，不像是一份年度报告，已停止"
  elseif r.signal and WINDOWS then -- an NTSTATUS code (host/win32/run_limited.c)
    return nil, string.format("PDF 转换失败（pdftotext 异常退出，代码 0x%X：可能超出内存上限或文件损坏）", r.signal)
  elseif r.signal then
    return nil, string.format("PDF 转换失败（pdftotext 被信号 %d 终止：可能超出内存上限或文件损坏）", r.signal)
  elseif r.status ~= 0 then
    local why = trim((r.stderr or ""):match("[^\n]*") or "")
    return nil, string.format("PDF 无法读取（文件损坏或加密？）%s", why ~= "" and ("：" .. why) or "")
  end
  local text = r.stdout
  if not text:find("[^ \t\r\n\f]") then
    return nil, "PDF 中没有文字层，可能是扫描件（需先做文字识别 OCR，或找网页版的年报）", 1
  end
  return M.from_layout(text)
end

return M
