-- Markdown: headings and paragraphs as Markdown, the three tables as embedded HTML tables.
-- Pipe tables cannot merge cells, and flattening table 三 into "三、本年度办理结果 / （三）不予公开 /
-- 1.属于国家秘密" rows loses the official layout that reviewers compare against; Git hosting
-- pages (and CommonMark) keep <table> with rowspan/colspan, so the tables are the official
-- table markup of nianbao.markup (shared with the HTML renderer, not taken from it), with align="right" on numbers because those pages drop stylesheets.
-- The chart is left out: Git hosting pages strip inline SVG.
local nb = require "nianbao"
local document = require "nianbao.document"
local markup = require "nianbao.markup"

--- Text as a Markdown paragraph: ASCII punctuation that Markdown would read as markup is
--- backslash-escaped, and so is a line start that would open a heading, list or quote.
--- Every line of it: a CR is a line end to Markdown too, and leading spaces would open an
--- indented code block, so they are dropped (HTML collapses them as well).
local function escape(s)
  -- Each gsub tries its pattern at every byte of the text, so those about line ends run on
  -- the whole text only when it has a line end; a paragraph is one line, where only its
  -- start can open a heading, list or quote (the anchored forms below).
  s = tostring(s)
  if s:find("\r", 1, true) then s = s:gsub("\r\n?", "\n") end
  if nb.find_byte(s, "\\`*_[]<>&|~") then s = s:gsub("[\\`*_%[%]<>&|~]", "\\%0") end
  s = s:gsub("^[ \t]+", "")
  if s:find("\n", 1, true) then
    s = s:gsub("\n[ \t]+", "\n")
    s = ("\n" .. s):gsub("\n([#+%-=>])", "\n\\%1"):gsub("\n(%d+)([.)])", "\n%1\\%2")
  else
    s = ("\n" .. s):gsub("^\n([#+%-=>])", "\n\\%1"):gsub("^\n(%d+)([.)])", "\n%1\\%2")
  end
  return s:sub(2)
end

--- Text of a one-line place (a title or heading): its line ends become spaces, and a final
--- "#" is escaped: after a space, CommonMark would read it as the heading's optional closing
--- sequence and drop it ("整改 #" shown as "整改"). One already escaped is left alone.
local function escape_line(s)
  s = escape((tostring(s):gsub("[\r\n]+", " ")))
  return (s:gsub("([^\\])#([ \t]*)$", "%1\\#%2"))
end

local function paragraphs(list)
  local out = {}
  for i, p in ipairs(list) do out[i] = escape(p) end
  return table.concat(out, "\n\n")
end

local function overview(subsections)
  local out = {}
  for _, sub in ipairs(subsections) do
    if sub.heading then
      out[#out + 1] = sub.numbered and ("### " .. escape_line(sub.numbered)) or
        require("nianbao.text").drop_final_newlines(nb.template("markdown/subsection.md", {
          numeral = sub.numeral, heading = escape_line(sub.heading),
        }))
    end
    for _, p in ipairs(sub.paragraphs) do out[#out + 1] = escape(p) end
  end
  return table.concat(out, "\n\n")
end

-- Markdown has no right alignment: an HTML block does it (Git hosting pages keep align)
local function signature(lines)
  if #lines == 0 then return "" end
  for i, l in ipairs(lines) do lines[i] = markup.node(markup.el("p", { align = "right" }, l)) end
  return "\n\n" .. table.concat(lines, "\n")
end

--- With --force on a report that has errors: a quoted warning listing the findings.
local function banner(findings)
  local errors, lines = 0, {}
  for _, f in ipairs(findings or {}) do
    if f.severity == "error" then errors = errors + 1 end
    lines[#lines + 1] = "> - " .. escape_line(tostring(f))
  end
  if errors == 0 then return "" end
  return string.format("> **本稿有 %d 个错误，是强制生成的（--force），不能作为正式报告发布：**\n>\n%s\n\n",
    errors, table.concat(lines, "\n"))
end

local function table_markdown(grid)
  -- no blank line inside: a blank line would end the HTML block
  return markup.node(markup.table(grid, { align_attribute = true, caption = false, columns = false }))
end

return {
  name = "markdown",
  extension = "md",
  shows_findings_only_with_errors = true, -- the --force banner (see nianbao render)
  escape = escape, -- (for the tests: the same as the gsub form it replaced)
  render = function(report, findings, opts)
    opts = opts or {}
    local doc = document.build(report, opts.profile) -- no profile: the text as written
    local vars = document.heading_vars(doc, {
      title = escape_line(doc.title),
      banner = banner(opts.findings or findings),
      overview = overview(doc.overview),
      proactive = table_markdown(doc.proactive),
      requests = table_markdown(doc.requests),
      appeals = table_markdown(doc.appeals),
      problems = paragraphs(doc.problems),
      other_matters = paragraphs(doc.other_matters),
      preamble = #doc.preamble > 0 and paragraphs(doc.preamble) .. "\n\n" or "",
      signature = signature(doc.signature),
    }, escape_line)
    local text = nb.template("markdown/report.md", vars)
    return require("nianbao.text").one_final_newline(text)
  end,
}
