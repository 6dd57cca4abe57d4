-- Front end for HTML pages as published on portals: the gumbo tree (nianbao.html) becomes
-- the same items as the text front end: { kind = "para", text } for each block of prose
-- and { kind = "row", cells } for each <tr> of a data table, where every <td> is a real
-- cell (definite = true: an empty one is a blank cell, not a merge). Page chrome (nav,
-- header, footer, menus, scripts) is left out.
local html = require "nianbao.html"
local norm = require "nianbao.import.normalize"

local M = {}

local SKIP = { head = true, script = true, style = true, noscript = true, nav = true,
  header = true, footer = true, aside = true, form = true, select = true, button = true,
  iframe = true, svg = true, template = true, object = true, title = true }
local BLOCK = { p = true, div = true, h1 = true, h2 = true, h3 = true, h4 = true, h5 = true,
  h6 = true, li = true, ul = true, ol = true, section = true, article = true, main = true,
  blockquote = true, center = true, dl = true, dt = true, dd = true, pre = true, body = true,
  html = true, tr = true, td = true, th = true, caption = true, figure = true, hr = true }
local CHROME = { "nav", "menu", "footer", "breadcrumb", "crumb", "sidebar", "copyright", "topbar" }

local function is_chrome(node)
  local a = node.attrs or {}
  local names = ((a.class or "") .. " " .. (a.id or "")):lower()
  for _, word in ipairs(CHROME) do
    if names:find(word, 1, true) then return true end
  end
  return false
end

-- nianbao's own page (render/html.lua) draws table 三's results as a chart with a 图解
-- caption: drawn from the table's numbers, nothing of the report is in it
local function is_own_chart(node)
  local class = " " .. ((node.attrs or {}).class or "") .. " "
  return (node.tag == "figure" and class:find(" chart ", 1, true)) or (node.tag == "p" and class:find(" chart-none ", 1, true))
end

-- hidden by the page (a style display:none, Word's hidden text saved as mso-hide:all, the
-- hidden attribute): not shown to a reader, so no part of the report (docx.c leaves Word's
-- hidden text out the same way)
local function is_hidden(node)
  local a = node.attrs or {}
  if a.hidden then return true end
  local style = a.style and a.style:lower()
  return style ~= nil and (style:find("display%s*:%s*none") or style:find("mso%-hide%s*:%s*all")) ~= nil
end

-- characters a page shows as nothing (zero-width space and joiners, word joiner, a BOM
-- pasted mid-text, soft hyphen): inside a number or a label they would make it unreadable
local function shown(s)
  if not s:find("[\xC2\xE2\xEF]") then return s end
  return (s:gsub("\xE2\x80[\x8B-\x8D]", ""):gsub("\xE2\x81\xA0", ""):gsub("\xEF\xBB\xBF", ""):gsub("\xC2\xAD", ""))
end

local function collapse(s) return (s:gsub("[ \t\r\n\f]+", " ")) end

-- all text below a node, on one line: a cell's <p>, <div> and <br> parts are joined without
-- a space (a label wrapped in its cell is one label), except a number over a number: "1" over
-- "2" is two numbers, never 12 (host/docx.c joins a Word cell's paragraphs the same way)
local BREAKS = { p = true, div = true, br = true }
local function inline_text(node, out)
  for _, child in ipairs(node) do
    if type(child) == "string" then
      out[#out + 1] = shown(child)
    elseif not SKIP[child.tag] and not is_hidden(child) then
      if BREAKS[child.tag] then out[#out + 1] = false end -- a break before and after
      inline_text(child, out)
      if BREAKS[child.tag] then out[#out + 1] = false end
    end
  end
  return out
end

local function cell_text(node)
  local out, broken, ends_in_digit = {}, false, false
  for _, part in ipairs(inline_text(node, {})) do
    if part == false then
      broken = true
    elseif part:find("%S") then
      if broken and ends_in_digit and part:find("^%s*%d") then out[#out + 1] = " " end
      out[#out + 1] = part
      broken, ends_in_digit = false, part:find("%d%s*$") ~= nil
    else
      out[#out + 1] = part -- white space alone: the parts around it still meet at a break
    end
  end
  return norm.trim(collapse(table.concat(out)))
end

local function has_tag(node, tag)
  for _, child in ipairs(node) do
    if type(child) == "table" then
      if child.tag == tag or has_tag(child, tag) then return true end
    end
  end
  return false
end

-- the <tr> of a table, not those of tables nested inside its cells
local function rows_of(node, out)
  for _, child in ipairs(node) do
    if type(child) == "table" then
      if is_hidden(child) then -- nothing
      elseif child.tag == "tr" then out[#out + 1] = child
      elseif child.tag ~= "table" then rows_of(child, out) end
    end
  end
  return out
end

-- a bold run that opens a paragraph and is a numbered heading ("<strong>（一）主动公开</strong>
-- 2024年…"): the heading of the text after it (norm.heading_lead)
local function is_bold(node)
  return type(node) == "table" and (node.tag == "strong" or node.tag == "b") and not is_hidden(node)
end

-- The index of the last bold run of such a heading opening at node[at], or nil. Word saves a
-- bold heading in several runs ("<b>（一）</b><b>主动公开</b>", one per language or proofing
-- state): the runs in a row are the heading together, split after the last of them.
local function bold_heading_end(node, at, line)
  if not is_bold(node[at]) then return nil end
  if norm.trim(collapse(table.concat(line))) ~= "" then return nil end
  local runs, last = {}, at
  for k = at, #node do
    local sib = node[k]
    if is_bold(sib) then
      runs[#runs + 1] = cell_text(sib)
      last = k
    elseif type(sib) == "string" and norm.trim(collapse(shown(sib))) == "" then
      runs[#runs + 1] = sib
    else
      break
    end
  end
  local t = norm.trim(collapse(table.concat(runs, "", 1, last - at + 1)))
  if not norm.heading_lead(t) then return nil end
  local rest = {}
  for k = last + 1, #node do
    local sib = node[k]
    rest[#rest + 1] = type(sib) == "string" and shown(sib) or ((SKIP[sib.tag] or is_hidden(sib)) and "" or cell_text(sib))
    if norm.trim(collapse(table.concat(rest))) ~= "" then break end
  end
  if not norm.heading_lead(t, norm.trim(collapse(table.concat(rest)))) then return nil end
  return last
end

-- pre: inside a <pre>, where the page shows each line end of the text as one (a report
-- pasted as plain text: its headings and paragraphs are lines, not one run of text)
local function walk(node, items, line, pre)
  local function flush()
    local t = norm.trim(collapse(table.concat(line)))
    if t ~= "" then items[#items + 1] = { kind = "para", text = t } end
    for i = #line, 1, -1 do line[i] = nil end
  end
  local heading_end -- the last run of a bold heading being read: the paragraph splits after it
  for at, child in ipairs(node) do
    if not heading_end then heading_end = bold_heading_end(node, at, line) end
    if type(child) == "string" and pre then
      local from = 1
      for stop in child:gmatch("()\n") do
        line[#line + 1] = shown(child:sub(from, stop - 1))
        flush()
        from = stop + 1
      end
      line[#line + 1] = shown(child:sub(from))
    elseif type(child) == "string" then
      line[#line + 1] = shown(child)
    elseif heading_end then
      walk(child, items, line, pre)
      if heading_end == at then
        flush()
        heading_end = nil
      end
    elseif SKIP[child.tag] or is_chrome(child) or is_own_chart(child) or is_hidden(child) then
      -- page chrome: nothing
    elseif child.tag == "br" then
      flush()
    elseif child.tag == "table" and not has_tag(child, "table") then
      flush()
      local rows = {}
      for _, tr in ipairs(rows_of(child, {})) do
        local cells = {}
        for _, td in ipairs(tr) do
          if type(td) == "table" and (td.tag == "td" or td.tag == "th") and not is_hidden(td) then
            cells[#cells + 1] = { text = cell_text(td), definite = true, wide = (tonumber((td.attrs or {}).colspan) or 1) > 1 }
          end
        end
        if #cells > 0 then rows[#rows + 1] = cells end
      end
      -- a layout column empty in every row (an editor's margin column): its cells are no
      -- cells of the table; read as blanks they would shift a row's numbers one column on.
      -- A last column is a margin only when a row without numbers (a header) has it empty
      -- too: a column of blank 总计 cells is part of the table.
      local first, last, header = #rows >= 2, #rows >= 2, false
      for _, cells in ipairs(rows) do
        if #cells < 2 or cells[1].text ~= "" or cells[1].wide then first = false end
        if #cells < 2 or cells[#cells].text ~= "" or cells[#cells].wide then last = false end
        local digits = false
        for _, c in ipairs(cells) do digits = digits or c.text:find("%d") ~= nil end
        header = header or not digits
      end
      for _, cells in ipairs(rows) do
        if first then table.remove(cells, 1) end
        if last and header then table.remove(cells) end
        for _, c in ipairs(cells) do c.wide = nil end
        -- exact: the row's cells are the table's own, margins left out
        items[#items + 1] = { kind = "row", cells = cells, exact = true }
      end
    elseif BLOCK[child.tag] or child.tag == "table" or child.tag == "tbody" then
      -- a layout table (one holding other tables) is read as blocks
      flush()
      walk(child, items, line, pre or child.tag == "pre")
      flush()
    else
      walk(child, items, line, pre)
    end
  end
end

-- the classes a rule of the page's style sheet hides (".hid{display:none}", "span.hid, .x{…}"),
-- outside @media and other at-rules (a print or a narrow screen's rule hides nothing on the page)
local function hidden_classes(css, out)
  css = css:gsub("/%*.-%*/", "")
  local depth, from, prelude, body = 0, 1, "", 1
  for at, ch in css:gmatch("()([{}])") do
    if ch == "{" then
      if depth == 0 then prelude, body = css:sub(from, at - 1), at + 1 end
      depth = depth + 1
    elseif depth > 0 then
      depth = depth - 1
      if depth == 0 then
        local rule = css:sub(body, at - 1):lower()
        if not prelude:find("@", 1, true) and rule:find("display%s*:%s*none") then
          for sel in prelude:gmatch("[^,]+") do
            local class = norm.trim(sel):match("^[%w_-]*%.([%w_-]+)$")
            if class then out[class] = true end
          end
        end
        from = at + 1
      end
    end
  end
  return out
end

local function has_class(node, classes)
  for class in (((node.attrs or {}).class) or ""):gmatch("%S+") do
    if classes[class] then return true end
  end
  return false
end

-- The texts the page hides: by a style (left out of the report) and by a class of its style
-- sheet (the importer does not apply style sheets: kept). Neither is certain (a script may show
-- an element, a style sheet may show or hide it), so both are named for the reader to check.
local function hidden_texts(node, classes, dropped, kept)
  for _, child in ipairs(node) do
    if type(child) == "table" and not SKIP[child.tag] and not is_chrome(child) then
      local list = is_hidden(child) and dropped or has_class(child, classes) and kept
      local t = list and norm.trim(collapse(cell_text(child)))
      if t and t ~= "" then list[#list + 1] = "“" .. t .. "”" end
      if not list then hidden_texts(child, classes, dropped, kept) end
    end
  end
end

local function style_sheets(node, classes)
  for _, child in ipairs(node) do
    if type(child) == "table" then
      if child.tag == "style" then
        for _, text in ipairs(child) do
          if type(text) == "string" then hidden_classes(text, classes) end
        end
      else
        style_sheets(child, classes)
      end
    end
  end
  return classes
end

local function listed(texts)
  local shown_texts = {}
  for k = 1, math.min(#texts, 5) do
    local t = texts[k]
    shown_texts[k] = norm.len(t) > 22 and (t:sub(1, utf8.offset(t, 20) - 1) .. "…”") or t
  end
  return table.concat(shown_texts, "、") .. (#texts > 5 and " 等" or "")
end

--- items for an HTML page (valid UTF-8), or nil, message.
function M.items(text, notes)
  local tree, cut = html.parse(text)
  if not tree then return nil, cut end
  if cut then
    notes[#notes + 1] = { id = "IMPORT.HTML", severity = "warning",
      message = "HTML 嵌套过深，过深部分未导入" }
  end
  local dropped, kept = {}, {}
  hidden_texts(tree, style_sheets(tree, {}), dropped, kept)
  if #dropped > 0 then
    notes[#notes + 1] = { id = "IMPORT.HTML", severity = "warning",
      message = string.format("网页用样式隐藏了 %d 处文字，未导入：%s；如网页上显示这些文字（由脚本或样式表显示），请对照原文补入",
        #dropped, listed(dropped)) }
  end
  if #kept > 0 then
    notes[#notes + 1] = { id = "IMPORT.HTML", severity = "warning",
      message = string.format("网页的样式表可能隐藏了 %d 处文字，已按文字导入：%s；请对照网页核对",
        #kept, listed(kept)) }
  end
  local items, line = {}, {}
  walk(tree, items, line)
  local t = norm.trim(collapse(table.concat(line)))
  if t ~= "" then items[#items + 1] = { kind = "para", text = t } end
  return items
end

return M
