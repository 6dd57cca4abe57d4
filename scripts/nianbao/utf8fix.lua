-- Text written into a file other programs parse (JSON, CSV, the workbook's XML) must be
-- UTF-8: a file name from a ZIP made on Chinese Windows (GBK bytes) or a loader message
-- quoting a stray byte must not make Excel refuse the whole workbook or a JSON reader stop.
local M = {}

--- s with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD.
function M.clean(s)
  if utf8.len(s) then return s end -- the usual case, checked in C
  local out, i, n = {}, 1, #s
  while i <= n do
    -- utf8.len(s, i, i) decodes the whole sequence starting at i (nil when it is invalid)
    local len = utf8.len(s, i, i) and #utf8.char(utf8.codepoint(s, i)) or nil
    if len then
      out[#out + 1] = s:sub(i, i + len - 1)
      i = i + len
    else
      out[#out + 1] = "\u{FFFD}"
      i = i + 1
    end
  end
  return table.concat(out)
end

return M
