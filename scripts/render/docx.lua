-- Word (.docx): WordprocessingML in the layout of GB/T 9704 (A4, margins 37/35/28/26 mm, body
-- 三号 仿宋, 22 lines of 28.95 pt, title 二号 小标宋, headings 黑体 and 楷体, page numbers
-- "— 1 —" in 四号 宋体, odd pages right and even pages left), the three tables with the merged
-- cells of layout.lua, the preamble and the right-aligned signature (nianbao.document), and
-- with --force a banner of the findings. The fixed parts of the
-- package (styles, settings, fonts, footers, relationships) are templates/docx/*; this file
-- writes word/document.xml and docProps/core.xml and packs everything with nb.zip.
--
-- Every text reaches the XML through text(), which escapes it once (nb.escape_xml); markup is
-- built from fixed strings and numbers only.
local nb = require "nianbao"
local layout = require "nianbao.layout"
local document = require "nianbao.document"

local M = { name = "docx", extension = "docx",
  shows_findings_only_with_errors = true } -- the --force banner (see nianbao render)

-- Text width of the page in twips: 210 mm less 28 mm and 26 mm.
M.TEXT_WIDTH = 8845

--- Each table's column widths (twips, summing to TEXT_WIDTH), font size (half-points), least
--- row height (twips), cell margin (twips, nil: 108) and whether it stays on one page.
--- Table 三: the two outer label columns narrow, the row labels wide, seven equal number
--- columns; table 四: fifteen equal columns with narrow cell margins.
M.TABLES = {
  proactive = { widths = { 2845, 2000, 2000, 2000 }, size = 24, row_height = 454, keep_together = true },
  requests = { widths = { 460, 1000, 2905, 640, 640, 640, 640, 640, 640, 640 }, size = 18,
    row_height = 340, margin = 57 },
  appeals = { widths = { 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 585 },
    size = 18, row_height = 340, margin = 28 },
}

---------------------------------------------------------------------------
-- text

-- XML 1.0 allows tab, LF and CR among the C0 controls (DEL..U+009F are allowed), and not
-- U+FFFE and U+FFFF.
local FORBIDDEN = "[%z\1-\8\11\12\14-\31]"
local FORBIDDEN_BYTES = "\0\1\2\3\4\5\6\7\8\11\12\14\15\16\17\18\19\20\21\22\23\24\25\26\27\28\29\30\31" -- the same, as bytes

M.replaced = 0 -- forbidden characters replaced in the last render

--- Text as XML character data, escaped once. A control character that XML 1.0 forbids is
--- written as U+FFFD (and counted, for the warning after the render).
local function text(s)
  s = tostring(s)
  -- each gsub tries its pattern at every byte: it runs only when a byte search (in C) or a
  -- plain find says there is something to replace, which in a real report is never
  local n, m = 0, 0
  if nb.find_byte(s, FORBIDDEN_BYTES) then s, n = s:gsub(FORBIDDEN, "\u{FFFD}") end
  -- the two noncharacters XML 1.0 excludes too
  if s:find("\xEF\xBF", 1, true) then s, m = s:gsub("\xEF\xBF[\xBE\xBF]", "\u{FFFD}") end
  M.replaced = M.replaced + n + m
  return nb.escape_xml(s)
end
M.text = text

-- (Runs, paragraphs and cells are joined with .. rather than string.format: a document has
-- over a thousand of them, and format copies its pattern byte by byte and each %s through
-- tostring. Their parts are strings.)

local function run(s, rpr)
  if s == nil or s == "" then return "" end
  return "<w:r>" .. (rpr or "") .. '<w:t xml:space="preserve">' .. text(s) .. "</w:t></w:r>"
end

--- A paragraph of one text in a style (nil: Normal). ppr: extra paragraph properties.
local function para(s, style, ppr, rpr)
  local props = (style and '<w:pStyle w:val="' .. style .. '"/>' or "") .. (ppr or "")
  return "<w:p>" .. (props ~= "" and "<w:pPr>" .. props .. "</w:pPr>" or "") .. run(s, rpr) .. "</w:p>"
end
M.para = para

---------------------------------------------------------------------------
-- tables

--- For each position of the grid, the cell that covers it and where that cell starts.
local function owners(grid)
  local m = layout.matrix(grid)
  local own = {}
  for r = 1, #m do own[r] = {} end
  for r = 1, #m do
    for c = 1, grid.columns do
      local cell = m[r][c]
      if cell then
        for dr = 0, cell.rowspan - 1 do
          for dc = 0, cell.colspan - 1 do
            if own[r + dr] then own[r + dr][c + dc] = { cell = cell, r = r, c = c } end
          end
        end
      end
    end
  end
  return own
end

--- string.format(pattern, v, ...) with v in every %d, kept per value: a document writes the
--- same few widths and sizes hundreds of times (equal numbers give the same text).
local function kept_format(pattern, copies)
  local kept = {}
  return function(v)
    local s = kept[v]
    if not s then
      s = copies == 2 and string.format(pattern, v, v) or string.format(pattern, v)
      kept[v] = s
    end
    return s
  end
end

local cell_width_tag = kept_format('<w:tcW w:w="%d" w:type="dxa"/>')
local grid_span_tag = kept_format('<w:gridSpan w:val="%d"/>')
local size_rpr = kept_format('<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>', 2)

local function cell_width(spec, c, span)
  local w = 0
  for k = c, c + span - 1 do w = w + spec.widths[k] end
  return w
end

local function tc(spec, c, cell, vmerge, content)
  local span = cell.colspan
  local props = { cell_width_tag(cell_width(spec, c, span)) }
  if span > 1 then props[#props + 1] = grid_span_tag(span) end
  if vmerge then props[#props + 1] = vmerge end
  props[#props + 1] = '<w:vAlign w:val="center"/>'
  return "<w:tc><w:tcPr>" .. table.concat(props) .. "</w:tcPr>" .. content .. "</w:tc>"
end

-- A number never wraps (a wrapped "12345" / "6" reads as two numbers): one too wide for its
-- cell gets a smaller size. Times New Roman's digits are half an em wide, but where it is not
-- installed (LibreOffice on Linux making the PDF) its stand-in is DejaVu Serif or Noto, whose
-- digits take up to 0.64 em: sized for 0.65 em, at size h (half-points) a digit takes
-- h * 6.5 twips.
local MIN_NUMBER_SIZE = 10 -- 5 pt

local function number_size(spec, cell, width)
  local usable = width - 2 * (spec.margin or 108) - 20 -- a little room for rounding
  local fits = (2 * usable) // (13 * math.max(1, #cell.text))
  return math.max(MIN_NUMBER_SIZE, math.min(spec.size, fits))
end

local function cell_para(spec, cell, keep, width)
  local sz = cell.number and number_size(spec, cell, width) or spec.size
  local size = size_rpr(sz)
  local style = cell.number and "TableNumber" or "TableText"
  return '<w:p><w:pPr><w:pStyle w:val="' .. style .. '"/>' .. (keep and "<w:keepNext/>" or "") .. size .. "</w:pPr>"
    .. run(cell.text, size) .. "</w:p>"
end

--- A layout grid as <w:tbl>: merges as gridSpan and vMerge, widths in tblGrid and in every
--- tcW (WPS reads the latter), the column header repeated on each page (tblHeader), no row
--- split across pages (cantSplit), numbers right-aligned, blank cells empty.
function M.table(grid, spec)
  local own = owners(grid)
  local out = { "<w:tbl><w:tblPr>", '<w:tblStyle w:val="ReportTable"/>',
    string.format('<w:tblW w:w="%d" w:type="dxa"/>', cell_width(spec, 1, grid.columns)),
    '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>' }
  if spec.margin then
    out[#out + 1] = string.format('<w:tblCellMar><w:left w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>',
      spec.margin, spec.margin)
  end
  out[#out + 1] = '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
  for c = 1, grid.columns do out[#out + 1] = string.format('<w:gridCol w:w="%d"/>', spec.widths[c]) end
  out[#out + 1] = "</w:tblGrid>"
  local head = grid.header_rows or 0
  for r = 1, #grid.rows do
    -- keepNext on every row but the last keeps a short table on one page
    local keep = spec.keep_together and r < #grid.rows
    out[#out + 1] = string.format('<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="atLeast"/>%s</w:trPr>',
      spec.row_height or 0, r <= head and "<w:tblHeader/>" or "")
    local c = 1
    while c <= grid.columns do
      local o = own[r][c]
      local cell = o.cell
      if o.r == r and o.c == c then
        out[#out + 1] = tc(spec, c, cell, cell.rowspan > 1 and '<w:vMerge w:val="restart"/>' or nil,
          cell_para(spec, cell, keep, cell_width(spec, c, cell.colspan)))
      elseif o.c == c then -- continued from a cell above
        out[#out + 1] = tc(spec, c, cell, "<w:vMerge/>",
          '<w:p><w:pPr><w:pStyle w:val="TableText"/>' .. (keep and "<w:keepNext/>" or "") .. "</w:pPr></w:p>")
      end
      c = o.c + cell.colspan
    end
    out[#out + 1] = "</w:tr>"
  end
  out[#out + 1] = "</w:tbl>"
  -- Word needs a paragraph between a table and what follows; an empty one keeps tables apart
  out[#out + 1] = '<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr></w:p>'
  return table.concat(out)
end

---------------------------------------------------------------------------
-- body

local function banner(findings)
  local errors, warnings = {}, {}
  for _, f in ipairs(findings or {}) do
    local list = f.severity == "error" and errors or warnings
    list[#list + 1] = tostring(f)
  end
  if #errors == 0 then return "" end
  local out = { para(string.format("本稿有 %d 个错误%s，是强制生成的（--force），不能作为正式报告发布：",
    #errors, #warnings > 0 and string.format("、%d 个警告", #warnings) or ""), "Banner", nil, "<w:rPr><w:b/></w:rPr>") }
  for _, s in ipairs(errors) do out[#out + 1] = para(s, "Banner") end
  for _, s in ipairs(warnings) do out[#out + 1] = para(s, "Banner") end
  return table.concat(out)
end

local function paragraphs(list)
  local out = {}
  for i, p in ipairs(list) do out[i] = para(p) end
  return table.concat(out)
end

local function overview(subsections)
  local out = {}
  for _, sub in ipairs(subsections) do
    if sub.heading then
      out[#out + 1] = para(sub.numbered or nb.template("docx/subsection.txt", {
        numeral = sub.numeral, heading = sub.heading }), "Heading2")
    end
    out[#out + 1] = paragraphs(sub.paragraphs)
  end
  return table.concat(out)
end

-- A title wider than one line (20 characters of 二号 in the 156 mm text width) is broken
-- where published reports break it (document.title_parts): "某某局 2024 年" / "政府信息公开工作
-- 年度报告"; otherwise the line would end with a lone "报告".
M.TITLE_WIDTH = 40 -- display columns (nb.width: 2 for a Chinese character)

-- The title's width in display columns, a digit counted as 1.3: nb.width counts it as half a
-- Chinese character, but the stand-ins for Times New Roman in a PDF made on Linux have digits
-- up to 0.65 em wide ("某县测试局2024年政府信息公开工作年度报告", 40 columns, ended with a
-- lone 告)
local function title_width(s)
  local _, digits = s:gsub("%d", "")
  return nb.width(s) + 0.3 * digits
end

local function title(s)
  local head, tail = document.title_parts(s)
  if title_width(s) <= M.TITLE_WIDTH or not tail then return para(s, "Title") end
  return string.format('<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>%s<w:r><w:br/></w:r>%s</w:p>',
    run(head), run(tail))
end

-- The 落款 and 成文日期 at the end, right-aligned (GB/T 9704), after one empty line.
local function signature(lines)
  if #lines == 0 then return "" end
  local out = { para("") }
  for _, s in ipairs(lines) do out[#out + 1] = para(s, nil, '<w:jc w:val="right"/>') end
  return table.concat(out)
end

--- word/document.xml's body from a nianbao.document: banner, title, preamble, the six
--- sections, signature.
function M.body(doc, findings)
  local h, T = doc.headings, M.TABLES
  local parts = {
    banner(findings),
    title(doc.title),
    paragraphs(doc.preamble),
    para(h[1], "Heading1"), overview(doc.overview),
    para(h[2], "Heading1"), M.table(doc.proactive, T.proactive),
    para(h[3], "Heading1"), M.table(doc.requests, T.requests),
    para(h[4], "Heading1"), M.table(doc.appeals, T.appeals),
    para(h[5], "Heading1"), paragraphs(doc.problems),
    para(h[6], "Heading1"), paragraphs(doc.other_matters),
    signature(doc.signature),
  }
  return table.concat(parts, "\n")
end

-- The parts of the package: name inside the archive, and the template it comes from (nil:
-- written here).
local PARTS = {
  { "[Content_Types].xml", "docx/content_types.xml" },
  { "_rels/.rels", "docx/rels.xml" },
  { "word/document.xml" },
  { "word/_rels/document.xml.rels", "docx/document.xml.rels" },
  { "word/styles.xml", "docx/styles.xml" },
  { "word/settings.xml", "docx/settings.xml" },
  { "word/fontTable.xml", "docx/fontTable.xml" },
  { "word/footer1.xml", "docx/footer1.xml" },
  { "word/footer2.xml", "docx/footer2.xml" },
  { "docProps/core.xml" },
  { "docProps/app.xml", "docx/app.xml" },
}

function M.render(report, findings, opts)
  opts = opts or {}
  M.replaced = 0
  local doc = document.build(report, opts.profile) -- no profile: the text as written
  local written = {
    ["word/document.xml"] = nb.template("docx/document.xml", { body = M.body(doc, opts.findings or findings) }),
    ["docProps/core.xml"] = nb.template("docx/core.xml", {
      title = text(doc.title), creator = text(report.agency or "") }),
  }
  local entries = {}
  for i, p in ipairs(PARTS) do
    local data = written[p[1]] or nb.template(p[2], { version = nb.version })
    entries[i] = { name = p[1], data = data }
  end
  if M.replaced > 0 then
    io.stderr:write(string.format("警告：报告文字中有 %d 个 XML 不允许的控制字符，Word 文件中已替换为 \u{FFFD}（请在数据文件中删除）\n",
      M.replaced))
  end
  return nb.zip(entries)
end

return M
