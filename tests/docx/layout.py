"""The GB/T 9704 page facts of a .docx, read from its XML (not through python-docx, which
hides most of them): A4 in twips, the margins 37/35/28/26 mm, the 28.95 pt line pitch, the
fonts and sizes of body, title and headings, the page numbers "— PAGE —" at the right of odd
pages and the left of even ones, and in every table: widths (gridCol, tblW, every tcW equal to
the columns it spans, as wide as the text), each row covering the whole grid, no row split
(cantSplit), the header rows of tables 三 and 四 repeated (tblHeader), numbers right-aligned.
Usage: layout.py FILE.docx   (exit 1 listing every difference)"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
path = sys.argv[1]
pkg = zipfile.ZipFile(path)
fail = []


def part(name):
    return ET.fromstring(pkg.read(name))


def val(el, tag, attr="val"):
    """The w:ATTR of the first descendant w:TAG of el, or None."""
    found = el.find(".//" + W + tag) if el is not None else None
    return None if found is None else found.get(W + attr)


def expect(what, got, want):
    if got != want:
        fail.append(f"{what}: {got!r}, want {want!r}")


def mm(twips):
    return round(int(twips) * 25.4 / 1440, 1)


doc = part("word/document.xml")
body = doc.find(W + "body")
sect = body.find(W + "sectPr")

# the page: A4 and the margins of GB/T 9704 (天头 37 mm, 订口 28 mm)
pg = sect.find(W + "pgSz")
expect("page size (twips)", (pg.get(W + "w"), pg.get(W + "h")), ("11906", "16838"))
mar = sect.find(W + "pgMar")
expect("margins top/bottom/left/right (mm)",
       tuple(mm(mar.get(W + k)) for k in ("top", "bottom", "left", "right")), (37.0, 35.0, 28.0, 26.0))
text_width = 11906 - int(mar.get(W + "left")) - int(mar.get(W + "right"))
expect("line pitch of the grid (twips, 28.95 pt)", val(sect, "docGrid", "linePitch"), "579")

# odd pages (default footer) right, even pages left, and settings turn the distinction on
footers = {ref.get(W + "type"): ref.get(R + "id") for ref in sect.findall(W + "footerReference")}
expect("footer kinds", sorted(footers), ["default", "even"])
rels = {rel.get("Id"): rel.get("Target") for rel in part("word/_rels/document.xml.rels")}
for kind, side in (("default", "right"), ("even", "left")):
    target = rels.get(footers.get(kind))
    if not target:
        fail.append(f"{kind} footer: no relationship")
        continue
    ftr = part("word/" + target)
    expect(f"{kind} footer alignment", val(ftr, "jc"), side)
    expect(f"{kind} footer style", val(ftr, "pStyle"), "PageNumber")
    text = "".join(t.text or "" for t in ftr.iter(W + "t"))
    instr = " ".join(f.get(W + "instr", "") for f in ftr.iter(W + "fldSimple"))
    if not re.fullmatch(r"— \d+ —", text) or "PAGE" not in instr:
        fail.append(f"{kind} footer: {text!r} with field {instr!r}, want '— PAGE —'")
if part("word/settings.xml").find(W + "evenAndOddHeaders") is None:
    fail.append("settings.xml: no evenAndOddHeaders, so even pages get the odd footer")

# fonts and sizes (half-points): body 三号 仿宋, title 二号 小标宋, headings 黑体 / 楷体,
# page numbers 四号 宋体
styles = part("word/styles.xml")
defaults = styles.find(W + "docDefaults")
fonts = defaults.find(".//" + W + "rFonts")
expect("body East Asian font", fonts.get(W + "eastAsia"), "仿宋_GB2312")
expect("body Latin font", fonts.get(W + "ascii"), "Times New Roman")
expect("body size", val(defaults, "sz"), "32")
expect("body language", val(defaults, "lang", "eastAsia"), "zh-CN")
by_id = {s.get(W + "styleId"): s for s in styles.findall(W + "style")}
normal = by_id["Normal"]
expect("body line spacing", (val(normal, "spacing", "line"), val(normal, "spacing", "lineRule")), ("579", "exact"))
expect("title size", val(by_id["Title"], "sz"), "44")
expect("title alignment", val(by_id["Title"], "jc"), "center")
if "小标宋" not in (val(by_id["Title"], "rFonts", "eastAsia") or ""):
    fail.append(f"title font {val(by_id['Title'], 'rFonts', 'eastAsia')!r} is not 小标宋")
expect("heading 1 font", val(by_id["Heading1"], "rFonts", "eastAsia"), "黑体")
if "楷体" not in (val(by_id["Heading2"], "rFonts", "eastAsia") or ""):
    fail.append(f"heading 2 font {val(by_id['Heading2'], 'rFonts', 'eastAsia')!r} is not 楷体")
expect("page number size", val(by_id["PageNumber"], "sz"), "28")
expect("page number font", val(by_id["PageNumber"], "rFonts", "eastAsia"), "宋体")
right = {sid for sid, s in by_id.items() if val(s, "jc") == "right"}
if "TableNumber" not in right:
    fail.append("style TableNumber is not right-aligned")
# the official names fall back to the common ones (仿宋_GB2312 -> 仿宋)
alt = {f.get(W + "name"): val(f, "altName") for f in part("word/fontTable.xml").findall(W + "font")}
if not alt.get("仿宋_GB2312"):
    fail.append("fontTable.xml: 仿宋_GB2312 has no fallback name")

# the tables
tables = body.findall(W + "tbl")
expect("tables", len(tables), 3)
for n, (tbl, name, head) in enumerate(zip(tables, ("二", "三", "四"), (0, 3, 3))):
    cols = [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid").findall(W + "gridCol")]
    expect(f"table {name}: width of the grid", sum(cols), text_width)
    expect(f"table {name}: tblW", val(tbl.find(W + "tblPr"), "tblW", "w"), str(text_width))
    expect(f"table {name}: layout", val(tbl.find(W + "tblPr"), "tblLayout", "type"), "fixed")
    rows = tbl.findall(W + "tr")
    for r, tr in enumerate(rows, 1):
        trpr = tr.find(W + "trPr")
        if trpr is None or trpr.find(W + "cantSplit") is None:
            fail.append(f"table {name} row {r}: may split across pages (no cantSplit)")
        is_head = trpr is not None and trpr.find(W + "tblHeader") is not None
        if is_head != (r <= head):
            fail.append(f"table {name} row {r}: tblHeader {is_head}, want {r <= head}")
        c = 0
        for cell in tr.findall(W + "tc"):
            span = int(val(cell.find(W + "tcPr"), "gridSpan") or 1)
            want = sum(cols[c:c + span])
            got = val(cell.find(W + "tcPr"), "tcW", "w")
            if got != str(want):
                fail.append(f"table {name} row {r} column {c + 1}: tcW {got}, want {want} (gridCol sum)")
            for p in cell.findall(W + "p"):
                text = "".join(t.text or "" for t in p.iter(W + "t"))
                style = val(p, "pStyle")
                if re.fullmatch(r"-?[0-9][0-9.,]*", text) and style not in right:
                    fail.append(f"table {name} row {r} column {c + 1}: number {text} in style {style}, not right-aligned")
            c += span
        if c != len(cols):
            fail.append(f"table {name} row {r}: cells cover {c} grid columns of {len(cols)}")

if fail:
    print(f"{path}:")
    for f in fail:
        print("  " + f)
    sys.exit(1)
print(f"ok {path}: A4, GB/T 9704 margins, fonts, line pitch and page numbers; "
      f"{len(tables)} tables with consistent widths, cantSplit rows and repeated headers")
