-- Attachments as portals publish them: the format is taken from the content (a PDF, a Word
-- .docx, an old binary .doc, HTML or text), not only from the name; a PDF becomes layout
-- text through pdftotext (a child process with limits: nianbao.import.pdf) and a .docx
-- becomes items through the ZIP reader and the XML parser of the host (nianbao.import.docx).
--   local kind = attachment.sniff(bytes, name)   -- "pdf", "docx", "doc", "zip", "html" or "text"
local M = {}

-- a ZIP file's local header; the .docx main part is named in its directory
local function is_zip(bytes) return bytes:sub(1, 4) == "PK\3\4" end

--- The format of an input, from its first bytes (and, for HTML/text, the name).
function M.sniff(bytes, name)
  local head = bytes:sub(1, 1024)
  if head:find("%PDF-", 1, true) == 1 or (head:find("%PDF-", 1, true) and not head:find("<", 1, true)) then
    return "pdf"
  end
  if head:sub(1, 8) == "\208\207\017\224\161\177\026\225" then return "doc" end
  if is_zip(bytes) then
    -- the entry names are stored in plain text in the local headers and the directory
    if bytes:find("word/document.xml", 1, true) then return "docx" end
    return "zip"
  end
  if require("nianbao.import").is_html(bytes, name) then return "html" end
  return "text"
end

--- For an attachment: text (a PDF's layout text), items (a .docx) or nil, message, exit
--- code; for HTML or text: nothing (the importer reads the bytes as they are).
function M.convert(bytes, name, notes)
  local kind = M.sniff(bytes, name)
  if kind == "pdf" then
    local text, err, code = require("nianbao.import.pdf").text(bytes, name, notes)
    if not text then return nil, err, code end
    return { kind = kind, text = text }
  elseif kind == "docx" then
    local items, err = require("nianbao.import.docx").items(bytes, name, notes)
    if not items then return nil, err end
    return { kind = kind, items = items }
  elseif kind == "doc" then
    return nil, "这是旧版 Word 二进制文档（.doc），不支持导入；请在 Word 或 WPS 中“另存为” .docx 后再导入"
  elseif kind == "zip" then
    return nil, "这是 ZIP 压缩包，但不是 Word 文档（.docx，缺少 word/document.xml）；请解压后分别导入其中的年报"
  end
  return nil
end

return M
