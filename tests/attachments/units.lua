-- Units of the attachment import: the converter's child process and its limits
-- (nb.run_limited), the ZIP reader (nb.unzip) on archives built here, the expat reader
-- (nb.docx_items), and the PDF page clean-up. Run: nianbao run tests/attachments/units.lua
package.path = "tests/lua/?.lua;" .. package.path
local nb = require "nianbao"
local pdf = require "nianbao.import.pdf"
local sniff = require("nianbao.import.attachment").sniff

local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local function check(what, cond, detail) -- FAIL names the caller's line
  tally.ok(cond, what .. (detail and (": " .. tostring(detail)) or ""), 2)
end

-- the child process: output, a missing program, each limit
local r = nb.run_limited({ "sh", "-c", "printf hello; printf oops >&2; exit 3" })
check("child output", r.stdout == "hello" and r.stderr == "oops" and r.status == 3, r.stdout)
r = nb.run_limited({ "nianbao-no-such-program" })
check("missing program", r.not_found == true and r.status == nil)
r = nb.run_limited({ "sleep", "30" }, { timeout = 0.3 })
check("timeout kills", r.timed_out == true and r.signal == 9)
r = nb.run_limited({ "sh", "-c", "while :; do echo yyyyyyyyyyyyyyyy; done" }, { output = 4096 })
check("output cap kills", r.too_large == true and #r.stdout == 4096)
r = nb.run_limited({ "python3", "-c", "b = bytearray(400 << 20); print('allocated')" }, { memory = 128 << 20 })
check("memory limit", r.status ~= 0 and not r.stdout:find("allocated"), r.stdout)
local probe = os.tmpname()
os.remove(probe)
r = nb.run_limited({ "sh", "-c", "echo x > " .. probe })
local f = io.open(probe, "rb")
check("no files written (RLIMIT_FSIZE)", f == nil or f:read("a") == "", probe)
if f then f:close() os.remove(probe) end

-- ZIP archives built with python3's zipfile
local function zip(py)
  local path, script = os.tmpname(), os.tmpname()
  local h = assert(io.open(script, "wb"))
  h:write("import zipfile, sys\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n", py, "\nz.close()\n")
  h:close()
  local ok = os.execute(string.format("python3 '%s' '%s'", script, path))
  os.remove(script)
  assert(ok, "python3 zipfile")
  local h = assert(io.open(path, "rb"))
  local data = h:read("a")
  h:close()
  os.remove(path)
  return data
end
local W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
local doc = zip(string.format([[z.writestr('word/document.xml', ('<w:document %s><w:body>'
  '<w:p><w:r><w:t>标题</w:t></w:r><w:r><w:t xml:space="preserve"> 一</w:t></w:r></w:p>'
  '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>'
  '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'
  '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p>'
  '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>'
  '<w:p><w:r><w:delText>删除</w:delText><w:t>后文</w:t></w:r></w:p></w:body></w:document>').encode())
z.writestr('word/styles.xml', 'x')]], W))
check("sniff docx", sniff(doc, "x.bin") == "docx")
local xml, err = nb.unzip(doc, "word/document.xml")
check("unzip reads the entry", xml and xml:find("合并", 1, true), err)
check("unzip: no such entry", select(2, nb.unzip(doc, "word/nothing.xml")):find("没有", 1, true))
local items = nb.docx_items(xml)
check("docx: paragraph", items[1].kind == "para" and items[1].text == "标题 一", items[1].text)
check("docx: gridSpan cell is one cell", items[2].kind == "row" and #items[2].cells == 2
  and items[2].cells[1].text == "合并" and items[2].cells[1].span == 2 and items[2].cells[1].definite)
check("docx: vMerge continuation is no cell; nested table text in its cell",
  #items[3].cells == 1 and items[3].cells[1].text == "2内", items[3].cells[1] and items[3].cells[1].text)
check("docx: deleted text left out", items[4].text == "后文", items[4] and items[4].text)
local strict = nb.docx_items('<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
  .. '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc>'
  .. '<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
check("docx: Strict Open XML (ISO namespace) reads the same", strict and strict[1].text == "一、总体情况"
  and strict[2].kind == "row" and #strict[2].cells == 2 and strict[2].cells[2].text == "3")
check("docx: DOCTYPE refused", select(2, nb.docx_items('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')):find("DOCTYPE", 1, true))
check("docx: malformed XML named with its line", select(2, nb.docx_items("<a>\n<b></a>")):find("第 2 行", 1, true))

-- a document part in UTF-16 (as its declaration says) reads as UTF-8 text
local u16 = zip([[z.writestr('word/document.xml', ('<?xml version="1.0" encoding="UTF-16"?><w:document ]] .. W ..
  [[><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>').encode('utf-16'))]])
local u16items = nb.docx_items(assert(nb.unzip(u16, "word/document.xml")))
check("docx: UTF-16 part", u16items and u16items[1] and u16items[1].text == "一、总体情况")

-- bombs: a highly compressed entry, too many entries, a size that lies
local bomb = zip("z.writestr('word/document.xml', b'<a>' + b' ' * (50 << 20) + b'</a>')")
check("bomb is small", #bomb < 200000, #bomb)
local ok, why = nb.unzip(bomb, "word/document.xml")
check("ZIP bomb refused by its ratio", not ok and why:find("ZIP 炸弹", 1, true), why)
local many = zip("for i in range(12000): z.writestr('f%d' % i, '')\nz.writestr('word/document.xml', '<a/>')")
ok, why = nb.unzip(many, "word/document.xml")
check("too many entries refused", not ok and why:find("个条目，超过上限", 1, true), why)
-- the central directory says 5 bytes; the data inflates to more
local small = zip("z.writestr('word/document.xml', b'<a>' + b'x' * 3000 + b'</a>')")
local dir = small:find("PK\1\2", 1, true)
local lied = small:sub(1, dir + 23) .. string.pack("<I4", 5) .. small:sub(dir + 28)
ok, why = nb.unzip(lied, "word/document.xml")
check("declared size lie refused", not ok and why:find("超过目录中声明的大小", 1, true), why)
ok, why = nb.unzip(small:sub(1, #small - 30), "word/document.xml")
check("truncated ZIP named", not ok and why:find("截断", 1, true), why)
ok, why = nb.unzip("PK\3\4", "word/document.xml")
check("tiny ZIP", not ok, why)

-- sniffing
check("sniff pdf", sniff("%PDF-1.7\n...", "a.txt") == "pdf")
check("sniff doc", sniff("\208\207\017\224\161\177\026\225rest", "a.docx") == "doc")
check("sniff zip", sniff(zip("z.writestr('a.txt', 'x')"), "a.docx") == "zip")
check("sniff html", sniff("<!DOCTYPE html><html>", "a.txt") == "html")
check("sniff text", sniff("一、总体情况", "a.pdf") == "text")
check("sniff PNG named .pdf", sniff("\137PNG\r\n\26\n\0\0\0\rIHDR", "a.pdf") == "binary")
check("sniff JPEG named .docx", sniff("\255\216\255\224\0\16JFIF", "a.docx") == "binary")
check("sniff gzip", sniff("\31\139\8\0", "a.txt") == "binary")
check("sniff NUL bytes", sniff("abc\0\1\2\3\255", "a") == "binary")
check("sniff UTF-16", select(1, require("nianbao.import.attachment").binary("\255\254\246\94")) == "UTF-16 编码的文本"
  and select(1, require("nianbao.import.attachment").binary(("2024 nian\n"):gsub(".", "%0\0"))) == "UTF-16 编码的文本")
check("sniff: NULs only are a binary file, not UTF-16", select(1, require("nianbao.import.attachment").binary(string.rep("\0", 64))) == "二进制文件")
check("sniff: UTF-16 text is text, which the importer converts", sniff("\255\254" .. ("2024 nian\n"):gsub(".", "%0\0"), "a.txt") == "text")
check("sniff empty ZIP", sniff("PK\5\6" .. string.rep("\0", 18), "a.docx") == "zip")
check("sniff GB18030 text", sniff("\210\187\161\162\215\220\204\229", "a.txt") == "text")

-- PDF text clean-up: page numbers, running headers and footers, pages joined
local pages = table.concat({
  "某局年报\n一、总体情况\n正文一\n\n- 1 -\n",
  "某局年报\n表格行  1 2 3\n\n- 2 -\n",
  "某局年报\n四、结转  0 0 0\n第 3 页\n",
}, "\f")
local text = pdf.clean_pages(pages)
check("pages: headers and numbers gone", not text:find("某局年报", 1, true) and not text:find("- 2 -", 1, true)
  and not text:find("第 3 页", 1, true), text)
check("pages: body kept in order", text:find("正文一\n表格行  1 2 3\n四、结转", 1, true), text)
text = pdf.clean_pages("一\n正文\n7\f二\n正文\n8\f三\n正文\n9\f")
check("pages: bare page numbers that count pages", not text:find("\n7\n", 1, true) and not text:find("9", 1, true), text)
text = pdf.clean_pages("一\n共 40\f二\n总计 7\f")
check("pages: lone numbers that do not count pages stay", text:find("40", 1, true) and text:find("7", 1, true), text)
check("cells: numbers one space apart", pdf.cells("（七）总计    29 7 1 0 2 1 40") == "（七）总计\t29\t7\t1\t0\t2\t1\t40")
check("cells: merged-cell text apart from the label", pdf.cells("不予公 4.保护第三方合法权益  2 1 0")
  == "不予公\t4.保护第三方合法权益\t2\t1\t0")
check("cells: a row number set apart joins its label", pdf.cells("1.  属于国家秘密   0 0 0") == "1.属于国家秘密\t0\t0\t0")
check("cells: a row label with one number (the rest on the next line)",
  pdf.cells("  （二）部分公开（区分处理的，不计其 38") == "（二）部分公开（区分处理的，不计其\t38")
check("cells: an official label and its one number, one space apart", pdf.cells("行政事业性收费 9116.36") == "行政事业性收费\t9116.36")
check("cells: prose with one number stays", pdf.cells("本年度共收到申请 38") == "本年度共收到申请 38")
check("cells: prose stays", pdf.cells("2024 年度，本局收到申请 3 件。") == "2024 年度，本局收到申请 3 件。")
check("title on two lines", table.concat(pdf.join_title({ "  某局 2024 年政", "府信息公开工作年度报告", "一、总体情况" }), "|")
  == "某局 2024 年政府信息公开工作年度报告||一、总体情况")
check("title: its last line alone, below the page's source and time (LibreOffice's print of a portal page)",
  table.concat(pdf.join_title({ "来源：某办公室", "", "时间：2025-03-10", "", "", "某区 2024 年度政府信息公开工作年度", "报告", "本报告根据" }), "|")
  == "来源：某办公室||时间：2025-03-10|||某区 2024 年度政府信息公开工作年度报告||本报告根据")
check("title: agency above a line with the year stays apart (read as agency and title)",
  table.concat(pdf.join_title({ "  淮安市人民政府", "2024 年政府信息公开工作年度报告", "" }), "|")
  == "  淮安市人民政府|2024 年政府信息公开工作年度报告||")
check("title: a source line right above a one-line title is not joined",
  table.concat(pdf.join_title({ "来源：某局", "某局2024年政府信息公开工作年度报告" }), "|") == "来源：某局|某局2024年政府信息公开工作年度报告|")
check("title on three lines, the agency wrapped before a spaced year (nianbao's own PDF of a long name): the space comes back",
  table.concat(pdf.join_title({ "新乡市延津县人民政府办公室延津县商务局", "  2024 年", "政府信息公开工作年度报告", "" }), "|")
  == "新乡市延津县人民政府办公室延津县商务局 2024 年政府信息公开工作年度报告||")
check("title: Chromium's print of a long agency name (the head wrapped within itself, the suffix alone)",
  table.concat(pdf.join_title({ "      新乡市延津县人民政府办", "      公室延津县商务局 2024 年", "      政府信息公开工作年度报告", "  一、总体情况" }), "|")
  == "新乡市延津县人民政府办公室延津县商务局 2024 年政府信息公开工作年度报告||  一、总体情况")
check("title on one line is kept apart from the next", table.concat(pdf.join_title({ "某局2024年政府信息公开工作年度报告", "来源：某局" }), "|")
  == "某局2024年政府信息公开工作年度报告||来源：某局")

return tally.finish()
