-- Word XML for the importer's tests (unseen.lua, numbering.lua): the w: namespace
-- declaration, a table's cells and rows, and table 四 laid out as agencies set it in Word.
--   local word = dofile(here .. "/word.lua")
local M = {}

M.W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

function M.cell(text) return "<w:tc><w:p><w:r><w:t>" .. text .. "</w:t></w:r></w:p></w:tc>" end

function M.row(list)
  local out = {}
  for i, t in ipairs(list) do out[i] = M.cell(t) end
  return "<w:tr>" .. table.concat(out) .. "</w:tr>"
end

-- table 四 with its three header rows; the numbers are 3 1 0 2 6 | 1 0 0 0 1 | 0 2 0 1 3
M.T4 = "<w:tbl>" .. M.row({ "行政复议", "", "", "", "", "行政诉讼" })
  .. M.row({ "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉" })
  .. M.row({ "", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" })
  .. M.row({ "3", "1", "0", "2", "6", "1", "0", "0", "0", "1", "0", "2", "0", "1", "3" }) .. "</w:tbl>"

return M
