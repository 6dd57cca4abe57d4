-- CSV for spreadsheets (RFC 4180): fields quoted when they hold a comma, quote or line break,
-- CRLF line ends, and a UTF-8 byte order mark so that Excel and WPS open Chinese text right.
local nb = require "nianbao"
local clean = require("nianbao.utf8fix").clean

local M = {}

M.BOM = "\239\187\191"

--- One field as CSV text: numbers through nb.format_number, nil and blank cells as "".
--- Report text is untrusted: a text that a spreadsheet would run as a formula (=, +, -, @)
--- gets a leading apostrophe, so that it is shown as text. A negative number written as
--- text ("-19.5", a percentage) is no formula and stays a number for the spreadsheet.
function M.field(v)
  if v == nil or v == nb.BLANK then return "" end
  if type(v) == "number" then return nb.format_number(v) end
  local s = clean(tostring(v))
  if s:match("^[=+%-@\t\r]") and not s:match("^%-%d+%.?%d*$") then s = "'" .. s end
  if s:find('[,"\r\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
  return s
end

--- One record (a list of values, n of them) as a CSV line with its CRLF.
function M.row(values, n)
  local out = {}
  for i = 1, n or #values do out[i] = M.field(values[i]) end
  return table.concat(out, ",") .. "\r\n"
end

--- A whole document: BOM, then the header and the rows.
function M.document(header, rows)
  local out = { M.BOM, M.row(header) }
  for _, r in ipairs(rows) do out[#out + 1] = M.row(r, #header) end
  return table.concat(out)
end

return M
