"""The peer of `nianbao render -f docx` in the docx benchmark: python-docx (Debian
python3-docx) writing the same report from bench/docx_export.lua's JSON: title, headings,
paragraphs in 仿宋 三号, A4 with the GB/T 9704 margins, and the three tables with the same
merged cells, numbers right-aligned.
Usage: /usr/bin/python3 bench/docx_peer.py REPORT.json OUT.docx"""
import json
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

data = json.load(open(sys.argv[1], encoding="utf-8"))
d = docx.Document()
sec = d.sections[0]
sec.page_width, sec.page_height = Mm(210), Mm(297)
sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
normal = d.styles["Normal"]
normal.font.size = Pt(16)
normal.font.name = "Times New Roman"
normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")

title = d.add_paragraph(data["title"])
title.alignment = WD_ALIGN_PARAGRAPH.CENTER
title.runs[0].font.size = Pt(22)

def table(g):
    t = d.add_table(rows=len(g["rows"]), cols=g["columns"])
    t.style = "Table Grid"
    taken = [[False] * g["columns"] for _ in g["rows"]]
    for r, row in enumerate(g["rows"]):
        c = 0
        for cell in row:
            while taken[r][c]:
                c += 1
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    taken[r + dr][c + dc] = True
            target = t.cell(r, c)
            if cell["rowspan"] > 1 or cell["colspan"] > 1:
                target = target.merge(t.cell(r + cell["rowspan"] - 1, c + cell["colspan"] - 1))
            p = target.paragraphs[0]
            p.text = cell["text"]
            if cell["number"]:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            c += cell["colspan"]
    for r in range(g["header_rows"]):
        trPr = t.rows[r]._tr.get_or_add_trPr()
        trPr.append(trPr.makeelement(qn("w:tblHeader"), {}))

for s in data["sections"]:
    d.add_heading(s["heading"], level=1)
    for p in s.get("paragraphs", []):
        d.add_paragraph(p)
    if "table" in s:
        table(s["table"])
d.core_properties.title = data["title"]
d.core_properties.author = data["agency"]
d.save(sys.argv[2])
