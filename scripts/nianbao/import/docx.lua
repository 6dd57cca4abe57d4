-- Word attachments (.docx): word/document.xml read from the ZIP by the host's reader
-- (nb.unzip: bounded entry count, sizes and compression ratio) and parsed by expat
-- (nb.docx_items) into the same items as the HTML front end: paragraphs, and table rows
-- whose cells are the Word cells (gridSpan cells once, vMerge continuations left out).
local nb = require "nianbao"

local M = {}

-- the body's first items, where a title would stand
local HEADER_LOOK_ITEMS = 10
-- Word names its header parts header1.xml, header2.xml, …: a section has three at most
-- (first page, odd, even pages) and a report one or two sections
local MAX_HEADER_PARTS = 6

--- items for the bytes of a .docx, or nil, message.
function M.items(bytes, name, notes)
  local xml, err = nb.unzip(bytes, "word/document.xml")
  if not xml then return nil, err end
  -- Word's automatic list numbering: the "一、" of a heading numbered by Word is in
  -- numbering.xml (and the paragraph's style in styles.xml), not in the paragraph's text;
  -- a style of styles.xml may hide its text (w:vanish), which Word does not show
  local numbering = nb.unzip(bytes, "word/numbering.xml")
  local styles = nb.unzip(bytes, "word/styles.xml")
  local items, perr = nb.docx_items(xml, numbering or nil, styles or nil)
  if not items then return nil, perr end
  if perr and notes then
    notes[#notes + 1] = { id = "IMPORT.DOCX", severity = "warning",
      -- without the styles, text they hide is read as shown: said, to be checked
      message = string.format("%s（%s），Word 自动编号（如“一、”“（一）”）未能读出，样式隐藏的文字（如有）已作为正文导入，请对照原文核对",
        perr, name or "Word 文档") }
  end
  local norm = require "nianbao.import.normalize"
  local out = {}
  -- The report's title set in the page header (a letterhead) rather than in the body: the
  -- header's paragraphs that name an annual report come first, when no paragraph of the
  -- body's opening does.
  local TITLE_WORD = "年度报告"
  local titled = false
  for i = 1, math.min(#items, HEADER_LOOK_ITEMS) do
    if items[i].kind == "para" and items[i].text:find(TITLE_WORD, 1, true) then titled = true break end
  end
  if not titled then
    local seen = {}
    for k = 1, MAX_HEADER_PARTS do
      local hxml = nb.unzip(bytes, "word/header" .. k .. ".xml")
      local hitems = hxml and nb.docx_items(hxml)
      for _, h in ipairs(hitems or {}) do
        local t = h.kind == "para" and norm.trim((h.text:gsub("%s+", " ")))
        if t and t:find(TITLE_WORD, 1, true) and not seen[t] then
          seen[t] = true
          out[#out + 1] = { kind = "para", text = t }
        end
      end
    end
  end
  for _, item in ipairs(items) do
    if item.kind == "para" then
      local text = item.text
      -- a bold numbered heading that opens the paragraph, its text run on after it in plain
      -- runs ("（一）主动公开" in bold, "2024年…"): the heading and its text apart, as the HTML
      -- front end splits <strong>（一）主动公开</strong>2024年…
      if item.lead and not text:sub(1, item.lead):find("\n", 1, true) then
        local head = norm.trim((text:sub(1, item.lead):gsub("[ \t]+", " ")))
        local rest = text:sub(item.lead + 1)
        if norm.heading_lead(head, norm.trim((rest:match("^[^\n]*"):gsub("[ \t]+", " ")))) then
          out[#out + 1] = { kind = "para", text = head }
          text = rest
        end
      end
      -- a line break (w:br) ends a paragraph, as <br> does in the HTML front end
      for line in (text .. "\n"):gmatch("([^\n]*)\n") do
        local t = norm.trim((line:gsub("[ \t]+", " ")))
        if t ~= "" then out[#out + 1] = { kind = "para", text = t } end
      end
    else
      -- a cell's lines are joined, as the HTML front end joins a cell's <br> parts
      for _, c in ipairs(item.cells) do c.text = norm.trim((c.text:gsub("\n", ""):gsub("[ \t]+", " "))) end
      out[#out + 1] = item
    end
  end
  return out
end

return M
