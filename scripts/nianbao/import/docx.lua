-- Word attachments (.docx): word/document.xml read from the ZIP by the host's reader
-- (nb.unzip: bounded entry count, sizes and compression ratio) and parsed by expat
-- (nb.docx_items) into the same items as the HTML front end: paragraphs, and table rows
-- whose cells are the Word cells (gridSpan cells once, vMerge continuations left out).
local nb = require "nianbao"

local M = {}

--- items for the bytes of a .docx, or nil, message.
function M.items(bytes, name, notes)
  local xml, err = nb.unzip(bytes, "word/document.xml")
  if not xml then return nil, err end
  local items, perr = nb.docx_items(xml)
  if not items then return nil, perr end
  local norm = require "nianbao.import.normalize"
  local out = {}
  for _, item in ipairs(items) do
    if item.kind == "para" then
      -- a line break (w:br) ends a paragraph, as <br> does in the HTML front end
      for line in (item.text .. "\n"):gmatch("([^\n]*)\n") do
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
