-- A minimal but real .xlsx workbook (Office Open XML SpreadsheetML) packed with nb.zip:
-- numbers stored as numbers, text as inline strings, a bold wrapped header row that stays
-- frozen when scrolling, column widths, one sheet per table given.
local nb = require "nianbao"

local M = {}

--- Column letters of a 1-based column number: 1 -> A, 27 -> AA.
function M.column_name(n)
  local s = ""
  while n > 0 do
    local r = (n - 1) % 26
    s = string.char(65 + r) .. s
    n = (n - 1) // 26
  end
  return s
end

-- XML 1.0 cannot carry most control characters; they are dropped from cell text. Bytes that
-- are not UTF-8 (a GBK file name) become U+FFFD: one of them makes Excel refuse the workbook.
local function text(s)
  return nb.escape_xml((require("nianbao.utf8fix").clean(tostring(s)):gsub("[%z\1-\8\11\12\14-\31]", "")))
end

local function cell_xml(ref, v, style)
  local s = style and string.format(' s="%d"', style) or ""
  if v == nil or v == nb.BLANK or v == "" then return nil end
  if type(v) == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return nil end
    return string.format('<c r="%s"%s><v>%s</v></c>', ref, s,
      math.type(v) == "integer" and tostring(v) or string.format("%.15g", v))
  end
  return string.format('<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>', ref, s, text(v))
end

-- Display width of a value as a spreadsheet shows it (Chinese characters count 2).
local function width_of(v)
  if v == nil or v == nb.BLANK then return 0 end
  if type(v) == "number" then return #nb.format_number(v) end
  return nb.width(tostring(v))
end

local HEADER_WIDTH_MAX = 24 -- a longer header wraps instead of widening its column
local COLUMN_WIDTH_MAX = 60

local function sheet_xml(sheet)
  local header, rows = sheet.header, sheet.rows
  local ncols = #header
  local widths = {}
  for c = 1, ncols do widths[c] = math.min(width_of(header[c]), HEADER_WIDTH_MAX) end
  for _, r in ipairs(rows) do
    for c = 1, ncols do widths[c] = math.max(widths[c], width_of(r[c])) end
  end
  local out = { '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    string.format('<dimension ref="A1:%s%d"/>', M.column_name(math.max(ncols, 1)), #rows + 1),
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/><cols>' }
  for c = 1, ncols do
    out[#out + 1] = string.format('<col min="%d" max="%d" width="%d" customWidth="1"/>', c, c,
      math.max(6, math.min(widths[c] + 2, COLUMN_WIDTH_MAX)))
  end
  out[#out + 1] = "</cols><sheetData>"
  local function row(i, values, style)
    local cells = {}
    for c = 1, ncols do cells[#cells + 1] = cell_xml(M.column_name(c) .. i, values[c], style) end
    out[#out + 1] = string.format('<row r="%d">%s</row>', i, table.concat(cells))
  end
  row(1, header, 1)
  for i, r in ipairs(rows) do row(i + 1, r) end
  out[#out + 1] = "</sheetData></worksheet>"
  return table.concat(out)
end

local STYLES = [[<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>]]

--- The bytes of a workbook: sheets is a list of { name, header = { ... }, rows = { { ... } } };
--- values are numbers (stored as numbers), strings, or nil / nb.BLANK (empty cells).
function M.workbook(sheets)
  local types, wb_sheets, rels = {}, {}, {}
  local parts = {}
  for i, sh in ipairs(sheets) do
    types[#types + 1] = string.format('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>', i)
    wb_sheets[#wb_sheets + 1] = string.format('<sheet name="%s" sheetId="%d" r:id="rId%d"/>', text(sh.name), i, i)
    rels[#rels + 1] = string.format('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>', i, i)
    parts[#parts + 1] = { name = string.format("xl/worksheets/sheet%d.xml", i), data = sheet_xml(sh) }
  end
  rels[#rels + 1] = string.format('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>', #sheets + 1)
  local entries = {
    { name = "[Content_Types].xml", data = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      .. '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      .. '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      .. '<Default Extension="xml" ContentType="application/xml"/>'
      .. '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      .. '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      .. table.concat(types) .. '</Types>' },
    { name = "_rels/.rels", data = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      .. '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      .. '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
      .. '</Relationships>' },
    { name = "xl/workbook.xml", data = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      .. '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      .. 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      .. '<sheets>' .. table.concat(wb_sheets) .. '</sheets></workbook>' },
    { name = "xl/_rels/workbook.xml.rels", data = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      .. '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      .. table.concat(rels) .. '</Relationships>' },
    { name = "xl/styles.xml", data = STYLES },
  }
  for _, p in ipairs(parts) do entries[#entries + 1] = p end
  return nb.zip(entries)
end

return M
