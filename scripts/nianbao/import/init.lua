-- nianbao.import: a published report (plain text or an HTML page) -> a report table of the
-- data-file shape (FORMAT §2) and the notes on what could not be read.
--   local report, notes = require("nianbao.import").import(bytes, "file name")
-- The steps: decode the charset; a front end (text.lua or html.lua) turns the page into
-- items (paras and table rows); the six section headings split the items; tables.lua
-- reads the tables and narrative.lua the texts.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"
local tables = require "nianbao.import.tables"
local narrative = require "nianbao.import.narrative"
local frame = require "nianbao.import.frame"

local M = {}

local function note(notes, id, severity, section, fmt, ...)
  notes[#notes + 1] = { id = id, severity = severity, section = section, message = string.format(fmt, ...) }
end

-- Input size limits (docs/limits.md): the slowest inputs found take about 1.5 s per MiB of
-- text and 0.6 s per MiB of HTML.
M.MAX_TEXT = 2 << 20
M.MAX_HTML = 8 << 20
-- Each line (or paragraph of a page) costs about 40 µs through the importer, so 2 MiB of
-- one-character lines would take a minute: a report has a few hundred.
M.MAX_LINES = 50000

-- the longest UTF-8 character: an invalid byte within its last bytes may be a cut character
local UTF8_MAX_BYTES = 4
-- an HTML page shows its tags, and declares its charset, near the start
local HTML_SNIFF_BYTES = 2048
local CHARSET_DECL_BYTES = 4096
-- a sentence ending in 。 at least this wide (display columns) is prose, not a table label
local PROSE_MIN_WIDTH = 20

-- Markdown (nianbao's own, `render -f markdown`) has HTML blocks (its tables, a right-aligned
-- signature) among its lines: it is text, each block read by the HTML front end
local function is_markdown(head, name)
  if name and (name:lower():match("%.md$") or name:lower():match("%.markdown$")) then return true end
  return head:match("^%s*#%s") and not (head:find("<!doctype html", 1, true) or head:find("<html", 1, true)
    or head:find("<body", 1, true))
end

--- Whether the bytes look like an HTML page.
function M.is_html(bytes, name)
  if name and name:lower():match("%.x?html?$") then return true end
  local head = bytes:sub(1, HTML_SNIFF_BYTES):lower()
  if is_markdown(head, name) then return false end
  return head:find("<!doctype html", 1, true) or head:find("<html", 1, true)
    or (head:find("<body", 1, true) or head:find("<p[ >]") or head:find("<table", 1, true)) and true or false
end

-- the high byte of a UTF-16 code unit of a report's text: ASCII (00), punctuation and box
-- drawing (20, 25), CJK punctuation (30), CJK ideographs (4E-9F), full-width forms (FF)
local function textlike_high(h)
  return h == 0x00 or h == 0x20 or h == 0x25 or h == 0x30 or (h >= 0x4E and h <= 0x9F) or h == 0xFF
end

--- The UTF-16 form of text saved by Windows Notepad as "Unicode": "UTF-16LE" or "UTF-16BE"
--- and the byte where the text starts (after the byte-order mark), or nil. Without a mark:
--- the text has NUL bytes (its ASCII) and nearly every code unit's high byte, read in one
--- order and not in the other, is that of Chinese text (random bytes: about a third).
function M.utf16(bytes)
  if bytes:sub(1, 2) == "\255\254" then return "UTF-16LE", 3 end
  if bytes:sub(1, 2) == "\254\255" then return "UTF-16BE", 3 end
  local n = math.min(#bytes, 4096)
  n = n - n % 2
  local nul = bytes:find("\0", 1, true)
  if n < 16 or not nul or nul > n then return nil end
  local le, be = 0, 0
  for i = 1, n, 2 do
    local a, b = bytes:byte(i, i + 1)
    if textlike_high(b) then le = le + 1 end
    if textlike_high(a) then be = be + 1 end
  end
  local units = n // 2
  if le >= units * 0.9 and be < units * 0.7 then return "UTF-16LE", 1 end
  if be >= units * 0.9 and le < units * 0.7 then return "UTF-16BE", 1 end
  return nil
end

--- UTF-16 text as UTF-8 (with a note) and true, or the bytes unchanged.
function M.from_utf16(bytes, notes)
  local from, start = M.utf16(bytes)
  if not from then return bytes end
  local body = bytes:sub(start)
  local out, replaced = require("nianbao.html").iconv(body, from)
  if not out then return bytes end
  note(notes, "IMPORT.CHARSET", "warning", nil, "按 UTF-16 编码读取%s",
    replaced > 0 and string.format("，%d 个字节无法解码，已替换为 �", replaced) or "")
  return out, true
end

--- The bytes as UTF-8: a declared or detected GB18030/GBK page is converted; an incomplete
--- character at the very end (a file cut off) is dropped. `utf8_known`: the bytes were
--- converted to UTF-8 already (from UTF-16), whatever charset the page still declares.
function M.decode(bytes, html, notes, utf8_known)
  if bytes:sub(1, 3) == "\239\187\191" then bytes = bytes:sub(4) end
  local declared = html and not utf8_known and bytes:sub(1, CHARSET_DECL_BYTES):lower():match("charset%s*=%s*[\"']?([%w%-_]+)")
  local gb = declared and (declared:find("gb") or declared == "cp936")
  if gb and bytes:find("[\128-\255]") and utf8.len(bytes) then
    -- a page saved again as UTF-8 that still declares GBK: Chinese text in GBK is never valid
    -- UTF-8, so the bytes, not the declaration, are believed
    note(notes, "IMPORT.CHARSET", "warning", nil, "网页声明的编码是 %s，但内容是 UTF-8，已按 UTF-8 读取", declared)
    return bytes
  end
  if not gb then
    local ok, bad = utf8.len(bytes)
    if ok then return bytes end
    if bad > #bytes - (UTF8_MAX_BYTES - 1) then
      -- only the last character is incomplete: the file was cut off there
      local tail = bytes:sub(bad)
      if tail:match("^[\194-\244][\128-\191]*$") then
        note(notes, "IMPORT.TRUNCATED", "warning", nil, "文件结尾的字符不完整（文件被截断？），已去掉")
        return bytes:sub(1, bad - 1)
      end
    end
  end
  local out, replaced = require("nianbao.html").iconv(bytes, "GB18030")
  if not out then return nil, replaced end
  note(notes, "IMPORT.CHARSET", "warning", nil, "按 GB18030（GBK）编码读取%s",
    replaced > 0 and string.format("，%d 个字节无法解码，已替换为 �", replaced) or "")
  return out
end

-- The six headings: numeral, a word each must contain, and words a table row label with
-- the same numeral has ("四、结转下年度继续办理" is not section 四).
local HEADINGS = {
  { "一", { "总体情况", "概述" } },
  { "二", { "主动公开" } },
  { "三", { "申请" } },
  { "四", { "复议", "诉讼" } },
  { "五", { "问题", "改进" } },
  { "六", { "其他", "其它" } },
}

local function heading_text(item)
  if item.kind == "para" then return item.text end
  local only
  for _, c in ipairs(item.cells) do
    if c.text ~= "" then
      if only then return nil end
      only = c.text
    end
  end
  return only
end

-- A heading is short: the longest official one with its numbering and a local suffix fits
-- in 70 columns; a longer text is a paragraph that merely starts like a heading.
local HEADING_MAX_WIDTH = 70

-- the comparison key of an item that may be a heading (short, one text), else false
local function heading_key(item)
  local t = heading_text(item)
  return t and nb.width(t) <= HEADING_MAX_WIDTH and norm.key(t) or false
end

local function is_heading(key, k)
  local numeral, words = HEADINGS[k][1], HEADINGS[k][2]
  if not key or key:sub(1, #numeral + 3) ~= numeral .. "、" then return false end
  for _, w in ipairs(words) do
    if key:find(w, 1, true) then return true end
  end
  return false
end

-- A heading written in another form than "一、…": "一．" "一." "一 " "第一部分" "1、" "1.", or
-- with its text on the same line ("六、其他需要报告的事项：本年度…"). The words each heading of
-- such a form starts with (or, after "一." or "第一部分", has): a narrative sentence "一是…" or
-- "1.主动公开…" is no section heading.
local STRICT = {
  { "总体情况", "概述", "基本情况" },
  { "主动公开政府信息", "主动公开情况" },
  { "收到和处理", "政府信息公开申请", "依申请公开情况" },
  { "政府信息公开行政复议", "行政复议", "政府信息公开行政诉讼" },
  { "存在的主要问题", "主要问题", "存在的问题", "存在问题" },
  { "其他需要报告", "其它需要报告", "其他需报告", "其它需报告", "其他事项", "其它事项" },
}
local CN_NUMERALS = { "一", "二", "三", "四", "五", "六" }
local FULLWIDTH_DIGITS = { "１", "２", "３", "４", "５", "６" }
local MARKS = { "、", "．", "." }

local function starts(s, p) return s:sub(1, #p) == p end

-- the numbering of a heading as published: section number, whether the number is its own
-- proof ("一、" "一." "第一部分": the heading need only have one of its words) or not ("一 "
-- "1." : the heading must start with them), and the text after it; nil when t starts with none
local function numbering(t)
  for k, c in ipairs(CN_NUMERALS) do
    for _, pre in ipairs({ "第" .. c .. "部分", "第" .. c .. "章" }) do
      if starts(t, pre) then
        local rest = norm.trim(t:sub(#pre + 1))
        for _, m in ipairs({ "、", "：", ":", "．", "." }) do
          if starts(rest, m) then rest = rest:sub(#m + 1) break end
        end
        return k, true, norm.trim(rest)
      end
    end
    if starts(t, c) then
      local rest = t:sub(#c + 1)
      for _, m in ipairs(MARKS) do
        if starts(rest, m) then return k, true, norm.trim(rest:sub(#m + 1)) end
      end
      return k, false, norm.trim(rest)
    end
  end
  local d, rest = t:match("^([1-6])(.*)$")
  if not d then
    for k, f in ipairs(FULLWIDTH_DIGITS) do
      if starts(t, f) then d, rest = tostring(k), t:sub(#f + 1) break end
    end
  end
  if d and not rest:match("^%d") then
    for _, m in ipairs(MARKS) do
      if starts(rest, m) then rest = rest:sub(#m + 1) break end
    end
    return tonumber(d), false, norm.trim(rest)
  end
end

-- the end of a heading written with its text: the first "：" or "。" (or a space before a
-- sentence) outside brackets ("（单位：件）" is part of it). Returns heading, text after it.
local OPEN = { ["（"] = 1, ["("] = 1, ["〔"] = 1, ["【"] = 1 }
local CLOSE = { ["）"] = 1, [")"] = 1, ["〕"] = 1, ["】"] = 1 }
local function split_heading(rest)
  local depth, space = 0, nil
  -- a heading is short: only its first characters are looked at (a paragraph may be long)
  for p, cp in utf8.codes(norm.head(rest, HEADING_MAX_WIDTH + 1)) do
    local ch = utf8.char(cp)
    if OPEN[ch] then depth = depth + 1
    elseif CLOSE[ch] then depth = math.max(depth - 1, 0)
    elseif depth == 0 and (ch == "：" or ch == ":" or ch == "。") then
      return rest:sub(1, p - 1), norm.trim(rest:sub(p + #ch))
    elseif depth == 0 and not space and (ch == " " or ch == "\t" or ch == "\u{3000}" or ch == "\u{A0}") then
      space = p
    end
  end
  if space then
    -- only a sentence after a space is the heading's text: a heading broken by a PDF
    -- ("存在的主要问题及 改进情况") stays one heading
    local after = norm.trim(rest:sub(space))
    if after:find("。", 1, true) or after:find("，", 1, true) then return rest:sub(1, space - 1), after end
  end
  return rest, ""
end

-- how the official headings end: a heading numbered only "1." or "一 " must end so
local HEADING_ENDS = { "情况", "事项", "概述", "问题" }
local function ends_heading(hk)
  for _, e in ipairs(HEADING_ENDS) do
    if hk:sub(-#e) == e then return true end
  end
  return false
end

-- Whether text t is section k's heading in any form; returns the heading and the text
-- that follows it on the same line ("" when none), or nil.
local function variant_heading(t, k)
  t = norm.trim(t)
  local n, proof, rest = numbering(t)
  if n ~= k or rest == "" then return nil end
  local head, body = split_heading(rest)
  if nb.width(head) > HEADING_MAX_WIDTH or (body == "" and nb.width(t) > HEADING_MAX_WIDTH) then return nil end
  local hk = norm.key(head)
  -- a heading is no clause of a sentence ("2.主动公开政府信息情况较好，全年…")
  if hk:find(",", 1, true) or hk:find(";", 1, true) then return nil end
  for _, w in ipairs(STRICT[k]) do
    if starts(hk, w) and (proof or hk == w or ends_heading(hk)) or (proof and hk:find(w, 1, true)) then
      return norm.trim(t:sub(1, #t - #rest + #head)), body
    end
  end
  if proof then
    for _, w in ipairs(HEADINGS[k][2]) do
      if hk:find(w, 1, true) then return norm.trim(t:sub(1, #t - #rest + #head)), body end
    end
  end
end

-- the heading item at i split from its text: the text becomes a paragraph of its section
local function split_item(items, i, head, body)
  items[i] = { kind = "para", text = head }
  if body ~= "" then table.insert(items, i + 1, { kind = "para", text = body }) end
end

--- Positions of the six headings in items (nil where not found), in order. The official
--- form "一、总体情况" on a line of its own is looked for first; a section still missing is
--- then looked for, between the headings found around it, in the other forms (which may
--- split an item: the heading's text on the same line becomes a paragraph after it).
function M.sections(items)
  local at, from, keys = {}, 1, {} -- keys: each item's heading key, computed once
  for k = 1, 6 do
    for i = from, #items do
      if keys[i] == nil then keys[i] = heading_key(items[i]) end
      if is_heading(keys[i], k) then
        at[k] = i
        from = i + 1
        break
      end
    end
  end
  local function shift(after)
    for j = 1, 6 do if at[j] and at[j] > after then at[j] = at[j] + 1 end end
  end
  -- an official heading with its text after a colon ("六、其他需要报告的事项：无。"): the
  -- text is the section's first paragraph, not lost with the heading
  for k = 1, 6 do
    local i = at[k]
    local t = i and heading_text(items[i])
    local head, body
    if t then head, body = variant_heading(t, k) end
    if head and body ~= "" then
      split_item(items, i, head, body)
      shift(i)
    end
  end
  for k = 1, 6 do
    if not at[k] then
      local a, b = 1, #items
      for j = k - 1, 1, -1 do if at[j] then a = at[j] + 1 break end end
      for j = k + 1, 6 do if at[j] then b = at[j] - 1 break end end
      for i = a, b do
        local t = heading_text(items[i])
        local head, body
        if t then head, body = variant_heading(t, k) end
        if head then
          split_item(items, i, head, body)
          if body ~= "" then shift(i) end
          at[k] = i
          break
        end
      end
    end
  end
  return at
end

local function slice(items, a, b)
  local out = {}
  for i = a, b do out[#out + 1] = items[i] end
  return out
end

-- the first and last item of section k's region: from its heading to the next heading
-- found; where its heading is missing, between the neighbouring headings that were found
local function section_bounds(items, at, k)
  local a, b = 1, #items
  if at[k] then
    a = at[k] + 1
  else
    for j = k - 1, 1, -1 do if at[j] then a = at[j] + 1 break end end
  end
  for j = k + 1, 6 do if at[j] then b = at[j] - 1 break end end
  return a, b
end

--- The items of section k: from its heading to the next heading found (nil without it).
local function region(items, at, k)
  if not at[k] then return nil end
  return slice(items, section_bounds(items, at, k))
end

-- The tokens of the region where section k's table may be, read once per region (with two
-- headings missing, two tables share one region). Where k's heading is followed at once by
-- the next one, its table may stand under a later table heading: the headings 二, 三 and
-- 四 one after another, then one table holding all three. The region of the first later
-- table heading with something under it is then read, and its number returned too.
local function table_tokens(items, at, k, cache)
  local a, b = section_bounds(items, at, k)
  local under
  if at[k] and a > b then
    for j = k + 1, 4 do
      if at[j] then
        local ja, jb = section_bounds(items, at, j)
        if ja <= jb then a, b, under = ja, jb, j break end
      end
    end
  end
  local key = a .. ":" .. b
  cache[key] = cache[key] or tables.tokens(slice(items, a, b))
  return cache[key], under
end

-- the first item of the official tables in a list of items (a table 二 block header, table
-- 三's header, or a row of an official label with numbers), or nil
local LABEL_SET = {}
for _, k in ipairs(tables.LABELS) do LABEL_SET[k] = true end
local TABLE_OPENINGS = { "第二十条第(", "(本列数据的勾稽关系", "本列数据的勾稽关系", "申请人情况" }
local function table_start(list)
  for i, item in ipairs(list) do
    local first, numbers = nil, 0
    if item.kind == "para" then
      first = #item.text <= 4 * HEADING_MAX_WIDTH and item.text
    else
      for _, c in ipairs(item.cells) do
        if c.text ~= "" then
          if not first then first = c.text
          elseif norm.cell(norm.key(c.text)) then numbers = numbers + 1 end
        end
      end
    end
    local k = first and norm.key(first)
    if k then
      for _, o in ipairs(TABLE_OPENINGS) do
        if k:sub(1, #o) == o then return i end
      end
      if item.kind == "row" and (k == "信息内容" or LABEL_SET[k] and numbers > 0) then return i end
    end
  end
end

--- Items without the web page's chrome lines (counted in items.dropped).
function M.drop_chrome(items)
  local out = { dropped = items.dropped or { footers = 0, chrome = 0 } }
  for _, item in ipairs(items) do
    local t = heading_text(item)
    if t and (frame.is_chrome(t) or frame.is_footer(t)) then
      local d = out.dropped
      if frame.is_footer(t) then d.footers = d.footers + 1 else d.chrome = d.chrome + 1 end
    else
      out[#out + 1] = item
    end
  end
  return out
end

--- Notes for paragraphs a..b of paras that no field of the data file holds.
function M.not_placed(notes, paras, a, b, section)
  for i = a, math.min(b, #paras) do
    note(notes, "IMPORT.NOT_PLACED", "warning", section, "这段文字未放入数据文件的任何字段：“%s”", frame.head(paras[i]))
  end
end

-- a note under a table ("注：单位为万元", "图解：…") reads as prose even without a 。
local NOTE_OPENINGS = { "注", "备注", "附注", "说明", "图解", "数据来源", "资料来源" }
local function is_table_note(t)
  for _, w in ipairs(NOTE_OPENINGS) do
    local rest = t:sub(#w + 1)
    -- a colon, half-width or full-width (\239\188\154 is "：")
    if t:sub(1, #w) == w and (rest:find("^%d*:") or rest:find("^%d*\239\188\154")) then return true end
  end
  return false
end

-- the captions of nianbao's own chart (render/html.lua), drawn from table 三's numbers: in
-- the text of its printed page they are no text lost
local OWN_CHART_CAPTIONS = { "图解：本年度政府信息公开申请办理结果（共办结", "图解：本年度未收到政府信息公开申请，",
  "图解：本年度没有办结的政府信息公开申请，", "图解：表三的办理结果" }
local function is_own_chart_caption(t)
  for _, c in ipairs(OWN_CHART_CAPTIONS) do
    if t:sub(1, #c) == c then return true end
  end
  return false
end

-- prose in a table section (a sentence, not a label or a number) is kept by no field
local function is_prose(t)
  return (t:find("。", 1, true) and nb.width(t) >= PROSE_MIN_WIDTH or is_table_note(t)) and not t:find("勾稽关系", 1, true)
    and not is_own_chart_caption(t)
end

--- Notes for the prose paragraphs of a table section's items.
function M.prose_in_tables(notes, items, section)
  if not items then return end
  for _, item in ipairs(items) do
    if item.kind == "para" and is_prose(item.text) then
      note(notes, "IMPORT.NOT_PLACED", "warning", section, "表格部分的这段文字未放入数据文件的任何字段：“%s”",
        frame.head(item.text))
    end
  end
end

--- Items of a text whose lines may hold HTML blocks (Markdown: a <table> … </table>, or a
--- one-line <p …>…</p>): the text front end for the lines, the HTML one for the blocks.
--- `markdown`: the text's backslash escapes (render/markdown.lua's "\<", "\&", "\*", …) are
--- taken out of its paragraphs.
function M.text_items(text, notes, markdown)
  local text_front = require "nianbao.import.text"
  if not (text:find("^%s*<table[%s>]") or text:find("\n<table[%s>]") or text:find("\n<p[%s>].-</p>")) then
    return text_front.items(text, notes)
  end
  local items, dropped, lines = {}, { footers = 0, chrome = 0 }, {}
  local function add(these)
    for _, item in ipairs(these) do items[#items + 1] = item end
    for k, v in pairs(these.dropped or {}) do dropped[k] = (dropped[k] or 0) + v end
  end
  local function flush_text()
    if #lines == 0 then return end
    local these = text_front.items(table.concat(lines, "\n") .. "\n", notes)
    if markdown then
      for _, item in ipairs(these) do
        if item.kind == "para" then item.text = item.text:gsub("\\([\\`*_%[%]<>&|~#+%-=.)])", "%1") end
      end
    end
    add(these)
    lines = {}
  end
  local function html_block(block)
    local these = require("nianbao.import.html").items(block, notes)
    if these then add(these) end
  end
  local in_table
  for line in (text:sub(-1) == "\n" and text or text .. "\n"):gmatch("([^\n]*)\n") do
    if in_table then
      in_table[#in_table + 1] = line
      if line:find("</table>", 1, true) then html_block(table.concat(in_table, "\n")) in_table = nil end
    elseif line:match("^<table[%s>]") then
      flush_text()
      in_table = { line }
      if line:find("</table>", 1, true) then html_block(line) in_table = nil end
    elseif line:match("^<p[%s>]") and line:find("</p>%s*$") then
      flush_text()
      html_block(line)
    else
      lines[#lines + 1] = line
    end
  end
  if in_table then html_block(table.concat(in_table, "\n")) end -- a table cut off at the end
  flush_text()
  items.dropped = dropped
  return items
end

--- Import a published report. Returns report (a plain table of the data-file shape) and
--- notes (a list of { id, severity, section, message }); or nil, message when the input
--- cannot be read at all.
function M.import(bytes, name)
  local notes = {}
  -- a PDF or Word attachment: its text, or its items (attachment.lua)
  local attached, aerr, acode = require("nianbao.import.attachment").convert(bytes, name, notes)
  if attached == nil and aerr then return nil, aerr, acode end
  if attached and attached.text then bytes, name = attached.text, "attachment.txt" end
  local items
  if attached and attached.items then
    items = attached.items
  else
    local was_utf16
    bytes, was_utf16 = M.from_utf16(bytes, notes)
    local html = M.is_html(bytes, name)
    -- a published report is far smaller; the limits keep any input within a few seconds
    local limit = html and M.MAX_HTML or M.MAX_TEXT
    if #bytes > limit then
      return nil, string.format("文件过大（%d 字节），%s最多导入 %d 字节", #bytes, html and "网页" or "文本", limit)
    end
    local text, err = M.decode(bytes, html, notes, was_utf16)
    if not text then return nil, err end
    -- decoded GB18030 grows by half, undecodable bytes threefold (iconv refuses text where
    -- more than an eighth is undecodable): what is too long is refused before it is parsed
    -- (8 MB of random bytes in a GBK page decoded to 16 MB, which gumbo took minutes to read
    -- under the sanitizers); a text's bound is the one of the text read below
    local most = html and M.MAX_HTML * 3 // 2 or 2 * M.MAX_TEXT
    if #text > most then
      return nil, string.format("文字过多（解码后 %d 字节），%s最多 %d 字节", #text, html and "网页" or "文本", most)
    end
    local _, lines = text:gsub("\n", "")
    if not html and lines > M.MAX_LINES then
      return nil, string.format("行数过多（%d 行），文本最多导入 %d 行", lines, M.MAX_LINES)
    end
    if html then
      items, err = require("nianbao.import.html").items(text, notes)
      if not items then return nil, err end
    else
      items = M.text_items(text, notes, is_markdown(text:sub(1, HTML_SNIFF_BYTES):lower(), name))
    end
  end
  if #items > M.MAX_LINES then
    return nil, string.format("段落过多（%d 段），最多导入 %d 段", #items, M.MAX_LINES)
  end
  -- the text read, at most twice what a text report may hold (GB18030 grows by half, or three
  -- times for undecodable bytes): a page within its markup bound may still hold more text
  -- than that, and 16 MB of text took 9 s and 1.2 GB to read
  local chars = 0
  for _, item in ipairs(items) do chars = chars + #(item.text or "") end
  if chars > 2 * M.MAX_TEXT then
    return nil, string.format("文字过多（%d 字节），最多导入 %d 字节的文字", chars, 2 * M.MAX_TEXT)
  end

  items = M.drop_chrome(items)
  local at = M.sections(items)
  local report = { format = 2021 }
  local s = nb.schema.sections
  for k = 1, 6 do
    if not at[k] then
      note(notes, "SECTION.MISSING", "error", s[k].numeral, "未找到标题“%s”", s[k].heading)
    end
  end

  -- title, agency, year: before 一 (or in the first items when 一 is missing)
  local before = narrative.split_title(narrative.paragraphs(slice(items, 1, (at[1] or math.min(#items, 10) + 1) - 1)))
  local title, agency, year, first, last = narrative.title(before)
  report.title, report.agency, report.year = title, agency or "", year
  if not title then
    note(notes, "SECTION.MISSING", "warning", nil, "未找到报告标题，机关名称留空")
  end
  -- the preamble: what stands between the title and 一 (nothing is dropped: what stands
  -- before the title, or before a missing 一, is listed as not placed)
  M.not_placed(notes, before, 1, (first or 1) - 1, nil)
  local first_heading
  for k = 1, 6 do if at[k] then first_heading = at[k] break end end
  if title and at[1] then
    local lead = {}
    for i = last + 1, #before do
      -- a page that shows the title twice (its header, then the report's own)
      if norm.key(before[i]) == norm.key(title) then
        items.dropped.chrome = items.dropped.chrome + 1
      else
        lead[#lead + 1] = before[i]
      end
    end
    if #lead > 0 then report.preamble = table.concat(lead, "\n") end
  elseif title and first_heading then
    local lead = narrative.split_title(narrative.paragraphs(slice(items, 1, first_heading - 1)))
    M.not_placed(notes, lead, last + 1, #lead, nil)
  elseif not title and at[1] then
    -- no title (a copy that starts with the text): its sentences are the preamble, a short
    -- line without a sentence end (a site's name) is not placed
    local lead = {}
    for i, t in ipairs(before) do
      if t:find("。", 1, true) then lead[#lead + 1] = t else M.not_placed(notes, before, i, i, nil) end
    end
    if #lead > 0 then report.preamble = table.concat(lead, "\n") end
  elseif not title and first_heading then
    M.not_placed(notes, narrative.paragraphs(slice(items, 1, first_heading - 1)), 1, math.huge, nil)
  elseif not first_heading then
    -- no section heading at all: no field holds the narrative, so each sentence is named
    -- (the tables are still read by their labels)
    local named = {} -- what stands before the title is named above
    for i = 1, (first or 1) - 1 do named[before[i]] = true end
    for _, item in ipairs(items) do
      if item.kind == "para" and is_prose(item.text) and item.text ~= title and not named[item.text] then
        note(notes, "IMPORT.NOT_PLACED", "warning", nil, "这段文字未放入数据文件的任何字段：“%s”", frame.head(item.text))
      end
    end
  end

  local overview_items = region(items, at, 1)
  if overview_items and not at[2] then
    -- 二's heading missing: 一 runs into the tables, whose rows the table reader takes;
    -- 一 ends where they start, and prose among them is named as in a table section
    local cut = table_start(overview_items)
    if cut then
      M.prose_in_tables(notes, slice(overview_items, cut, #overview_items), s[2].numeral)
      overview_items = slice(overview_items, 1, cut - 1)
    end
  end
  if overview_items then
    report.overview = narrative.overview(narrative.paragraphs(overview_items))
  end
  if not report.year then
    report.year = narrative.year(table.concat(narrative.paragraphs(slice(items, 1, at[2] or #items)), "\n"))
  end

  -- the tables
  local cache = {}
  -- the notes each table reader left: one that says why its table was left out is the
  -- whole story (a guess such as "published as a picture" would then be untrue)
  local said = {}
  local function why(k, from)
    for i = from, #notes do
      if notes[i].section == s[k].numeral and notes[i].severity == "error" then said[k] = true end
    end
  end
  -- a table read from under a later heading (table_tokens): said, so that the reader checks
  local function read_under(k, found, under)
    if found and under then
      note(notes, "IMPORT.VARIANT", "warning", s[k].numeral,
        "标题“%s”之下没有内容，表%s在标题“%s”之后的表格中（几张表合在一起），已从那里读取，请对照原文核对",
        s[k].heading, s[k].numeral, s[under].heading)
    end
  end
  local from = #notes + 1
  local t2, t2_under = table_tokens(items, at, 2, cache)
  if tables.is_2019(t2) then
    report.format = 2019
    report.proactive_2019 = tables.proactive_2019(t2, notes)
    local late = report.year and report.year >= 2021
    note(notes, "FORMAT.OLD_TEMPLATE", late and "error" or "warning", "二",
      "表格是 2019 年试行格式（国办公开办函〔2019〕60号）%s；已按原标签导入",
      late and string.format("，%d 年度报告应使用 2021 年格式", report.year) or "")
  else
    report.proactive = tables.proactive(t2, notes, at[3] ~= nil)
  end
  read_under(2, report.proactive or report.proactive_2019, t2_under)
  why(2, from)
  from = #notes + 1
  local t3, t3_under = table_tokens(items, at, 3, cache)
  report.requests = tables.requests(t3, notes, report.format)
  read_under(3, report.requests, t3_under)
  why(3, from)
  from = #notes + 1
  report.appeals = tables.appeals(table_tokens(items, at, 4, cache), notes)
  why(4, from)
  for k = 2, 4 do M.prose_in_tables(notes, region(items, at, k), s[k].numeral) end
  local names = { [2] = "proactive", [3] = "requests", [4] = "appeals" }
  for k = 2, 4 do
    if not report[names[k]] and not (k == 2 and report.proactive_2019) and not said[k] then
      if at[k] then
        note(notes, "SECTION.MISSING", "error", s[k].numeral,
          "未读到表%s（%s）：可能以图片发布，或版式无法识别", s[k].numeral, s[k].heading)
      else
        note(notes, "SECTION.MISSING", "error", s[k].numeral,
          "未读到表%s（%s）：这一部分的标题和表格都没有找到，报告可能缺少这一部分（或以图片发布）",
          s[k].numeral, s[k].heading)
      end
    end
  end

  local five = region(items, at, 5)
  if five then report.problems, report.improvements = narrative.problems(narrative.paragraphs(five)) end
  local six = region(items, at, 6)
  if six then
    local paras = narrative.paragraphs(six)
    local signature, taken = frame.signature(paras)
    if signature then
      report.signature = signature
      for _ = 1, taken do table.remove(paras) end
    end
    report.other_matters = table.concat(paras, "\n")
    report.processing_fees = require("nianbao.import.fees").parse(report.other_matters)
  end
  -- the agency: the title's; the signature's when the title names none; a disagreement named
  local signed = report.signature and report.signature.agency ~= "" and report.signature.agency
  if signed and report.agency == "" then
    report.agency = signed
    note(notes, "IMPORT.AGENCY", "warning", nil, "标题中没有机关名称，机关名称取自落款：“%s”", signed)
  elseif signed and norm.key(signed) ~= norm.key(report.agency) then
    note(notes, "IMPORT.AGENCY", "warning", nil, "标题中的机关名称“%s”与落款“%s”不同，已按标题填写，请核对",
      report.agency, signed)
  end

  -- nothing of a report at all (an empty file, a portal's index page, random text): no data
  -- file is written for it, as for any input that cannot be read (exit 2)
  if not report.title and not next(at) and not (report.proactive or report.proactive_2019
      or report.requests or report.appeals) then
    return nil, "未找到年度报告的任何部分（报告标题、一至六部分的标题、表格都没有）：不是政府信息公开工作年度报告，或版式无法识别"
  end

  local dropped = items.dropped or { footers = 0, chrome = 0 }
  if dropped.footers + dropped.chrome > 0 then
    -- only what there was: a PDF has no web-page chrome, a web page no page footers
    local parts = {}
    if dropped.chrome > 0 then
      parts[#parts + 1] = string.format("网页附加信息 %d 行（来源、时间、原文链接、字号、打印本页等）", dropped.chrome)
    end
    if dropped.footers > 0 then parts[#parts + 1] = string.format("页码 %d 个", dropped.footers) end
    note(notes, "IMPORT.DROPPED", "info", nil, "已去掉%s", table.concat(parts, "、"))
  end
  local all = table.concat(narrative.paragraphs(slice(items, 1, math.min(#items, 40))), "")
  if norm.has_traditional(all) then
    note(notes, "IMPORT.TRADITIONAL", "warning", nil, "原文为繁体字：标签已按简体识别，叙述按原文保留")
  end
  return report, notes
end

return M
