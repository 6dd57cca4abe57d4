-- Attachments as portals publish them: the format is taken from the content (a PDF, a Word
-- .docx, an old binary .doc, HTML or text), not only from the name; a PDF becomes layout
-- text through pdftotext (a child process with limits: nianbao.import.pdf) and a .docx
-- becomes items through the ZIP reader and the XML parser of the host (nianbao.import.docx).
--   local kind = attachment.sniff(bytes, name)   -- "pdf", "docx", "doc", "zip", "binary", "html" or "text"
local M = {}

-- a ZIP file's local header (or the end record alone: an empty archive); the .docx main
-- part is named in its directory
local function is_zip(bytes)
  local m = bytes:sub(1, 4)
  return m == "PK\3\4" or m == "PK\5\6"
end

-- other binary files a portal serves under a report's name (a page published as a picture,
-- an archive): named, so that they are not read as GB18030 text into an empty report
local MAGIC = {
  { "\137PNG\r\n\26\n", "PNG 图片", true }, { "\255\216\255", "JPEG 图片", true },
  { "GIF87a", "GIF 图片", true }, { "GIF89a", "GIF 图片", true },
  { "II*\0", "TIFF 图片", true }, { "MM\0*", "TIFF 图片", true },
  { "\31\139", "gzip 压缩文件" }, { "Rar!\26\7", "RAR 压缩包" }, { "7z\188\175\39\28", "7z 压缩包" },
}

M.UTF16 = "UTF-16 编码的文本"

--- What a binary input is ("PNG 图片", ...; picture: true for an image) or nil for text.
function M.binary(head)
  for _, m in ipairs(MAGIC) do
    if head:sub(1, #m[1]) == m[1] then return m[2], m[3] end
  end
  if head:sub(1, 4) == "RIFF" and head:sub(9, 12) == "WEBP" then return "WebP 图片", true end
  -- UTF-16 text (a byte-order mark, or the NULs of its ASCII on one side) is no binary file
  if require("nianbao.import").utf16(head) then return M.UTF16 end
  if head:find("\0", 1, true) then
    return "二进制文件"
  end
end

--- The format of an input, from its first bytes (and, for HTML/text, the name); for
--- "binary", also what it is and whether it is a picture (M.binary).
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
  local what, picture = M.binary(head)
  -- UTF-16 text is text: the importer converts it (init.lua, from_utf16)
  if what and what ~= M.UTF16 then return "binary", what, picture end
  if require("nianbao.import").is_html(bytes, name) then return "html" end
  return "text"
end

--- For an attachment: text (a PDF's layout text), items (a .docx) or nil, message, exit
--- code; for HTML or text: nothing (the importer reads the bytes as they are).
function M.convert(bytes, name, notes)
  local kind, what, picture = M.sniff(bytes, name)
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
  elseif kind == "binary" and #bytes <= require("nianbao.import").MAX_HTML then
    -- (an input beyond the importer's limit is refused for its size: the limit stopped its reading)
    return nil, string.format("这是%s%s，不是年报的文字、网页、PDF 或 Word 文档%s", what:find("^[A-Za-z0-9]") and " " or "", what,
      picture and "；以图片发布的年报需先做文字识别（OCR），或找网页版的年报" or "")
  elseif kind == "zip" then
    return nil, "这是 ZIP 压缩包，但不是 Word 文档（.docx，缺少 word/document.xml）；请解压后分别导入其中的年报"
  end
  return nil
end

return M
