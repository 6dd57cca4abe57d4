#!/usr/bin/env bash
# PDF and Word attachments made here from the project's own HTML output, imported back:
# Chromium prints PDFs (with and without its running header and page-number footer), a
# PDF with no text layer (a drawing only), LibreOffice writes a .docx; every number of
# tables 二, 三 and 四 must come back in place. Also content sniffing (a PDF named .txt),
# an old .doc, a ZIP that is not Word, a ZIP bomb, and a folder of mixed attachments.
# Usage: bash tests/attachments/run.sh PATH/TO/nianbao. Exit 77 when a converter is missing.
set -u
NB=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../.." || exit 2
for tool in pdftotext soffice python3; do
  command -v $tool >/dev/null || { echo "SKIP: $tool 未安装（见 tools/packages.txt）"; exit 77; }
done
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "SKIP: chromium 未安装"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. tests/cli/lib.sh

BUSY=tests/browser/busy-2024.lua
SEED=reports/yanjin-commerce-2024.lua
print_pdf() { # print_pdf HTML PDF [extra chromium flags]
  local html=$1 pdf=$2
  shift 2
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-sync \
    --disable-background-networking --disable-component-update \
    --user-data-dir="$(mktemp -d "$TMP/profile.XXXX")" "$@" --print-to-pdf="$pdf" "file://$html" \
    >"$TMP/chromium.log" 2>&1
  [ -s "$pdf" ] || { fail "chromium did not print $pdf"; cat "$TMP/chromium.log"; }
}
compare() { # compare EXPECTED IMPORTED: every number in place
  run_cmd "$NB" run "$HERE/compare.lua" "$1" "$2"
  if [ "$RC" -eq 0 ]; then pass; else fail "numbers differ: $1 vs $2"; show_output; fi
}

"$NB" render "$BUSY" -f html -o "$TMP/busy.html" || fail "render busy"
"$NB" render "$SEED" -f html -o "$TMP/seed.html" || fail "render seed"

case_ "pdf: printed without header and footer, imported back"
print_pdf "$TMP/busy.html" "$TMP/busy.pdf" --no-pdf-header-footer
expect_exit 0 -- "$NB" import "$TMP/busy.pdf" -o "$TMP/busy-pdf.lua"
compare "$BUSY" "$TMP/busy-pdf.lua"

case_ "pdf: Chromium's running header (date, title) and footer (URL, page n/m) dropped"
# without the stylesheet's own page numbers (a margin box), which replace Chromium's header and footer
grep -v '@bottom-' "$TMP/busy.html" >"$TMP/busy-plain.html"
print_pdf "$TMP/busy-plain.html" "$TMP/busy-hf.pdf"
pdftotext -layout "$TMP/busy-hf.pdf" - | grep -q '1/[0-9]' && pass || fail "the fixture has no page-number footer"
expect_exit 0 -- "$NB" import "$TMP/busy-hf.pdf" -o "$TMP/busy-hf.lua"
compare "$BUSY" "$TMP/busy-hf.lua"
grep -q 'file://' "$TMP/busy-hf.lua" && fail "the footer's URL was imported" || pass

case_ "pdf: the seed report, its narrative and zero tables"
print_pdf "$TMP/seed.html" "$TMP/seed.pdf" --no-pdf-header-footer
expect_exit 0 -- "$NB" import "$TMP/seed.pdf" -o "$TMP/seed-pdf.lua"
compare "$SEED" "$TMP/seed-pdf.lua"
expect_exit 0 -- "$NB" check "$TMP/seed-pdf.lua"
pdftotext "$TMP/seed.pdf" - | grep -q '^— *2 *—$' && pass || fail "the printed page has no page number — 2 —"
grep -q '— *[0-9]* *—' "$TMP/seed-pdf.lua" && fail "a page number was imported as text" || pass

case_ "pdf: table 三 with a 小计 column (25 x 8), its header cut one character a line"
python3 - "$TMP/busy.html" "$TMP/v25.html" <<'PY'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
a = h.index('<table class="t3">'); b = h.index('</table>', a)
def row(m):
    tds = m.group(0).split('<td class="num">')
    if len(tds) != 8: return m.group(0)
    nums = [int(re.match(r'\d+', x).group(0)) for x in tds[1:]]
    return '<td class="num">'.join(tds[:7]) + '<td class="num">%d</td><td class="num">' % sum(nums[1:6]) + tds[7]
t = re.sub(r'<tr>.*?</tr>', row, h[a:b], flags=re.S)
t = re.sub(r'<colgroup>.*?</colgroup>', '', t)
t = t.replace('<th scope="col">其他</th>', '<th scope="col">其他</th><th scope="col">小计</th>').replace('colspan="5"', 'colspan="6"')
# the table grows: no fixed column widths that would clip its last column
h = h[:a] + t + h[b:]
open(sys.argv[2], "w", encoding="utf-8").write(h.replace('table-layout: fixed', 'table-layout: auto'))
PY
print_pdf "$TMP/v25.html" "$TMP/v25.pdf" --no-pdf-header-footer
pdftotext -layout "$TMP/v25.pdf" - | grep -q '小计' && fail "the fixture's header names 小计 on one line" || pass
expect_exit 0 -- "$NB" import "$TMP/v25.pdf" -o "$TMP/v25.lua"
expect_contains err "IMPORT.VARIANT"
expect_contains err "“小计”列（25 行 × 8 列）"
compare "$BUSY" "$TMP/v25.lua"

case_ "pdf: content, not the name, decides (a PDF named .txt; from standard input)"
cp "$TMP/busy.pdf" "$TMP/attachment.txt"
expect_exit 0 -- "$NB" import "$TMP/attachment.txt" -o "$TMP/named-txt.lua"
compare "$BUSY" "$TMP/named-txt.lua"
STDIN=$TMP/busy.pdf expect_exit 0 -- "$NB" import - -o "$TMP/stdin.lua"
compare "$BUSY" "$TMP/stdin.lua"

case_ "pdf: no text layer (a drawing only) is named as a scan, exit 1, nothing written"
cat >"$TMP/scan.html" <<'HTML'
<!DOCTYPE html><html><body><svg width="600" height="800"><rect x="40" y="40" width="500" height="700" fill="#ccc"/></svg></body></html>
HTML
print_pdf "$TMP/scan.html" "$TMP/scan.pdf" --no-pdf-header-footer
expect_exit 1 -- "$NB" import "$TMP/scan.pdf" -o "$TMP/scan.lua"
expect_contains err "PDF 中没有文字层，可能是扫描件"
[ ! -e "$TMP/scan.lua" ] && pass || fail "an empty report was written for a scan"

# a scan as portals publish it: each page a picture (pages of the printed report, as PNG)
pdftoppm -r 40 -png -f 1 -l 2 "$TMP/busy.pdf" "$TMP/scanpage"
printf '<!DOCTYPE html><html><body style="margin:0">' >"$TMP/scan-img.html"
for p in "$TMP"/scanpage*.png; do printf '<img src="%s" style="width:100%%">' "file://$p" >>"$TMP/scan-img.html"; done
printf '</body></html>\n' >>"$TMP/scan-img.html"
print_pdf "$TMP/scan-img.html" "$TMP/scan-img.pdf" --no-pdf-header-footer
pdfimages -list "$TMP/scan-img.pdf" 2>/dev/null | grep -q ' image ' && pass || fail "the scan fixture has no picture"
expect_exit 1 -- "$NB" import "$TMP/scan-img.pdf" -o "$TMP/scan-img.lua"
expect_contains err "PDF 中没有文字层，可能是扫描件"
[ ! -e "$TMP/scan-img.lua" ] && pass || fail "an empty report was written for a scan of pictures"

case_ "pdf: a damaged PDF is named"
head -c 2000 "$TMP/busy.pdf" >"$TMP/cut.pdf"
run_cmd "$NB" import "$TMP/cut.pdf" -o "$TMP/cut.lua"
[ "$RC" -ne 0 ] && pass || fail "a cut PDF imported with exit 0"
expect_contains err "cut.pdf"

case_ "docx: written by LibreOffice from the HTML output, imported back"
soffice -env:UserInstallation="file://$TMP/lo-profile" --headless \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$TMP" "$TMP/busy.html" >"$TMP/soffice.log" 2>&1
[ -s "$TMP/busy.docx" ] && pass || { fail "soffice wrote no .docx"; cat "$TMP/soffice.log"; }
python3 -c "import zipfile,sys; x=zipfile.ZipFile(sys.argv[1]).read('word/document.xml'); sys.exit(0 if b'w:vMerge' in x and b'w:gridSpan' in x else 1)" "$TMP/busy.docx" \
  && pass || fail "the .docx has no merged cells (the test would not test them)"
expect_exit 0 -- "$NB" import "$TMP/busy.docx" -o "$TMP/busy-docx.lua"
compare "$BUSY" "$TMP/busy-docx.lua"
# the same report as the HTML import, narrative included
expect_exit 0 -- "$NB" import "$TMP/busy.html" -o "$TMP/busy-html.lua"
expect_same_file "$TMP/busy-html.lua" "$TMP/busy-docx.lua"

case_ "docx and pdf: written by nianbao render (its Word output; its PDF through LibreOffice), imported back"
for r in "$SEED" "$BUSY"; do
  b=$(basename "$r" .lua)
  expect_exit 0 -- "$NB" render "$r" -f docx -o "$TMP/$b-own.docx"
  expect_exit 0 -- "$NB" import "$TMP/$b-own.docx" -o "$TMP/$b-own-docx.lua"
  expect_not_contains err "SECTION.MISSING"
  compare "$r" "$TMP/$b-own-docx.lua"
  # the title the renderer breaks after the year (w:br) is whole, as in the HTML import
  "$NB" render "$r" -f html | "$NB" import - -o "$TMP/$b-own-html.lua" 2>/dev/null
  expect_same_file "$TMP/$b-own-html.lua" "$TMP/$b-own-docx.lua"
done
expect_exit 0 -- "$NB" render "$BUSY" -f pdf -o "$TMP/busy-own.pdf"
expect_exit 0 -- "$NB" import "$TMP/busy-own.pdf" -o "$TMP/busy-own-pdf.lua"
compare "$BUSY" "$TMP/busy-own-pdf.lua"

case_ "html: a title broken after its year by <br> is one title"
"$NB" render "$SEED" -f html | sed 's#<span class="title-head">\([^<]*\)</span>#\1#' | sed 's#<h1>\(.*\) 年\(<span class="title-tail">\)\{0,1\}\(政府[^<]*\)\(</span>\)\{0,1\}</h1>#<h1>\1 年<br>\3</h1>#' >"$TMP/br.html"
grep -q '年<br>政府' "$TMP/br.html" && pass || fail "the fixture has no <br> in its title"
expect_exit 0 -- "$NB" import "$TMP/br.html" -o "$TMP/br.lua"
compare "$SEED" "$TMP/br.lua"

case_ "docx: old binary .doc is named, with the advice to save as .docx"
printf '\320\317\021\340\241\261\032\341rest of an OLE file' >"$TMP/old.doc"
expect_exit 2 -- "$NB" import "$TMP/old.doc"
expect_contains err "另存为"
expect_contains err ".docx"

case_ "docx: a ZIP that is not Word, and a ZIP bomb, are refused"
python3 - "$TMP" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + "/photos.docx", "w") as z:
    z.writestr("a.jpg", "not a photo")
with zipfile.ZipFile(d + "/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", b"<a>" + b"0" * (60 << 20) + b"</a>")
PY
expect_exit 2 -- "$NB" import "$TMP/photos.docx"
expect_contains err "不是 Word 文档"
[ "$(stat -c %s "$TMP/bomb.docx")" -lt 1000000 ] && pass || fail "the bomb is not small"
expect_exit 2 -- "$NB" import "$TMP/bomb.docx"
expect_contains err "ZIP 炸弹"

case_ "sniffing: a picture or an empty ZIP under a report's name is refused, nothing written"
pdftoppm -r 30 -png -f 1 -l 1 "$TMP/busy.pdf" "$TMP/page"
cp "$TMP"/page*.png "$TMP/picture.pdf"
expect_exit 2 -- "$NB" import "$TMP/picture.pdf" -o "$TMP/picture.lua"
expect_contains err "picture.pdf：这是 PNG 图片"
expect_contains err "OCR"
[ ! -e "$TMP/picture.lua" ] && pass || fail "a data file was written for a picture"
python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1], 'w').close()" "$TMP/empty.docx"
expect_exit 2 -- "$NB" import "$TMP/empty.docx" -o "$TMP/empty.lua"
expect_contains err "不是 Word 文档"
[ ! -e "$TMP/empty.lua" ] && pass || fail "a data file was written for an empty ZIP"

case_ "import -d: a folder as downloaded from a portal (PDF, Word, HTML, text, no extension, scan, .doc, bomb)"
DL=$TMP/下载
mkdir -p "$DL"
cp "$TMP/busy.pdf" "$DL/测试局.pdf"
cp "$TMP/busy.docx" "$DL/测试局附件.docx"
cp "$TMP/busy.html" "$DL/测试局网页.html"
"$NB" render "$SEED" -f text -o "$DL/商务局.txt" || fail "render seed text"
cp "$TMP/busy.pdf" "$DL/附件1"
cp "$TMP/scan.pdf" "$DL/扫描件.pdf"
cp "$TMP/old.doc" "$DL/旧版.doc"
cp "$TMP/bomb.docx" "$DL/炸弹.docx"
expect_exit 2 -- "$NB" import "$DL"/* -d "$TMP/数据"
for name in 测试局 测试局附件 测试局网页 附件1 商务局; do
  expect_line out "下载/$name" "数据/$name.lua" "完整"
done
# the unreadable ones: no data file, and the table says so (a scan exits 1 but writes none)
for name in 扫描件 旧版 炸弹; do
  [ ! -e "$TMP/数据/$name.lua" ] && pass || fail "a data file was written for $name"
  expect_line out "下载/$name" " - " "无法读取"
done
expect_line out "扫描件" "可能是扫描件"
expect_line out "旧版" "另存为"
expect_line out "炸弹" "ZIP 炸弹"
[ "$(ls "$TMP/数据" | wc -l)" -eq 5 ] && pass || fail "expected 5 data files: $(ls "$TMP/数据")"
for name in 测试局 测试局附件 测试局网页 附件1; do compare "$BUSY" "$TMP/数据/$name.lua"; done
compare "$SEED" "$TMP/数据/商务局.lua"
# the folder itself: the same files, in name order, with the same table
expect_exit 2 -- "$NB" import "$DL" -d "$TMP/数据2"
[ "$(ls "$TMP/数据2" | wc -l)" -eq 5 ] && pass || fail "the folder gave other data files: $(ls "$TMP/数据2")"
for name in 测试局 测试局附件 测试局网页 附件1 商务局; do expect_line out "下载/$name" "数据2/$name.lua" "完整"; done
expect_line out "下载/扫描件.pdf" " - " "可能是扫描件"
expect_exit 2 -- "$NB" import "$DL"
expect_contains err "是文件夹"
expect_contains err "-d"

case_ "import -d -j 2: what one process prints and writes, from child processes"
# a pdftotext first on PATH that notes which process started it, as a folder named by its
# number (the converter may write no file: its limits allow none)
REAL_PDFTOTEXT=$(command -v pdftotext)
mkdir -p "$TMP/bin"
printf '#!/bin/sh\nmkdir -p "%s/$PPID"\nexec "%s" "$@"\n' "$TMP/pdftotext-parents" "$REAL_PDFTOTEXT" >"$TMP/bin/pdftotext"
chmod +x "$TMP/bin/pdftotext"
PATH="$TMP/bin:$PATH" "$NB" import "$DL" -d "$TMP/数据j1" >"$TMP/j1.out" 2>"$TMP/j1.err"
j1=$?
# an output that exists is refused alike, and two inputs of one data file name are named alike
mkdir -p "$TMP/数据j1b" "$TMP/数据j2b"
echo keep >"$TMP/数据j1b/商务局.lua"; echo keep >"$TMP/数据j2b/商务局.lua"
cp "$TMP/busy.html" "$TMP/测试局.txt"
"$NB" import "$DL"/* "$TMP/测试局.txt" -d "$TMP/数据j1b" >"$TMP/j1b.out" 2>"$TMP/j1b.err"
j1b=$?
rm -rf "$TMP/pdftotext-parents"
PATH="$TMP/bin:$PATH" "$NB" import "$DL" -d "$TMP/数据j2" -j 2 >"$TMP/j2.out" 2>"$TMP/j2.err" &
parent=$!
wait $parent
j2=$?
"$NB" import "$DL"/* "$TMP/测试局.txt" -d "$TMP/数据j2b" -j 2 >"$TMP/j2b.out" 2>"$TMP/j2b.err"
j2b=$?
[ "$j1 $j1b" = "$j2 $j2b" ] && pass || fail "exit codes: -j 1 $j1 $j1b, -j 2 $j2 $j2b"
for n in j1 j1b; do
  m=${n/j1/j2}
  sed "s/数据${m}/数据${n}/g" "$TMP/$m.out" | cmp -s - "$TMP/$n.out" && pass || fail "$m.out differs from $n.out"
  sed "s/数据${m}/数据${n}/g" "$TMP/$m.err" | cmp -s - "$TMP/$n.err" && pass || fail "$m.err differs from $n.err"
done
diff -r "$TMP/数据j1" "$TMP/数据j2" >/dev/null && pass || fail "-j 2 wrote other data files"
diff -r "$TMP/数据j1b" "$TMP/数据j2b" >/dev/null && pass || fail "-j 2 wrote other data files (b)"
grep -q keep "$TMP/数据j2b/商务局.lua" && pass || fail "-j 2 overwrote an existing data file"
grep -q "同名" "$TMP/j2b.out" && pass || fail "-j 2 did not name two inputs of one data file"
# the PDFs were converted by children, never by the parent
[ -n "$(ls "$TMP/pdftotext-parents" 2>/dev/null)" ] && pass || fail "pdftotext did not run"
[ -e "$TMP/pdftotext-parents/$parent" ] && fail "the parent converted a PDF itself" || pass
# a child killed on its first PDF: the parent imports that child's inputs itself, nothing lost
printf '#!/bin/sh\n[ "$NIANBAO_JOB_CHILD" = 1 ] && kill -9 $PPID\nexec "%s" "$@"\n' "$REAL_PDFTOTEXT" >"$TMP/bin/pdftotext"
PATH="$TMP/bin:$PATH" "$NB" import "$DL" -d "$TMP/数据j4" -j 2 >"$TMP/j4.out" 2>"$TMP/j4.err"
[ $? -eq "$j1" ] && pass || fail "-j 2 with a child killed: another exit code"
sed "s/数据j4/数据j1/g" "$TMP/j4.out" | cmp -s - "$TMP/j1.out" && pass || fail "-j 2 with a child killed: another table"
sed "s/数据j4/数据j1/g" "$TMP/j4.err" | cmp -s - "$TMP/j1.err" && pass || fail "-j 2 with a child killed: other notes"
diff -r "$TMP/数据j1" "$TMP/数据j4" >/dev/null && pass || fail "-j 2 with a child killed: other data files"
"$NB" import "$DL" -d "$TMP/数据j3" -j 0 2>"$TMP/err" >/dev/null
[ $? -eq 2 ] && grep -q -- "-j 应为正整数" "$TMP/err" && pass || fail "-j 0 is not refused"
"$NB" import "$TMP/busy.html" -j 2 2>"$TMP/err" >/dev/null
[ $? -eq 2 ] && grep -q -- "-d DIR" "$TMP/err" && pass || fail "-j without -d is not refused"

case_ "real page: a portal's HTML report as PDF and as .docx"
REAL=../shared/real-reports/08-pingtan-zone-2024.html
if [ -f "$REAL" ]; then
  cp "$REAL" "$TMP/real.html"
  expect_exit 0 -- "$NB" import "$TMP/real.html" -o "$TMP/real-html.lua"
  soffice -env:UserInstallation="file://$TMP/lo-profile" --headless \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$TMP" "$TMP/real.html" >"$TMP/soffice.log" 2>&1
  expect_exit 0 -- "$NB" import "$TMP/real.docx" -o "$TMP/real-docx.lua"
  compare "$TMP/real-html.lua" "$TMP/real-docx.lua"
  # the PDF of a page with narrow, vertically centred cells: rows whose numbers the layout
  # scatters may be left out (and named), but no number may be put in a wrong cell
  print_pdf "$TMP/real.html" "$TMP/real.pdf" --no-pdf-header-footer
  run_cmd "$NB" import "$TMP/real.pdf" -o "$TMP/real-pdf.lua"
  [ "$RC" -le 1 ] && pass || { fail "real PDF import exit $RC"; show_output; }
  run_cmd "$NB" run "$HERE/compare.lua" "$TMP/real-html.lua" "$TMP/real-pdf.lua"
  expect_line out "203 numbers"
  if grep -E '^differs: (proactive|requests|appeals)' "$OUT" | grep -qv 'imported nil$'; then fail "a number of the real PDF is in a wrong cell"; show_output; else pass; fi
  [ "$(grep -c '^differs' "$OUT")" -le 14 ] && pass || { fail "more rows left out of the real PDF than before"; show_output; }
  # LibreOffice's PDF of the saved page: the source and time above the title, a title whose
  # last word wraps alone ("报告"), the fee row "行政事业性收费 9116.36" one space apart
  cp ../shared/real-reports/09-pingtan-zone-2022.html "$TMP/real22.html"
  expect_exit 0 -- "$NB" import "$TMP/real22.html" -o "$TMP/real22-html.lua"
  soffice -env:UserInstallation="file://$TMP/lo-profile" --headless --convert-to pdf \
    --outdir "$TMP" "$TMP/real22.html" >"$TMP/soffice.log" 2>&1
  pdftotext -layout "$TMP/real22.pdf" - | grep -qx ' *报告' && pass || fail "the fixture's title does not wrap before 报告"
  expect_exit 0 -- "$NB" import "$TMP/real22.pdf" -o "$TMP/real22-pdf.lua"
  run_cmd "$NB" run "$HERE/compare.lua" "$TMP/real22-html.lua" "$TMP/real22-pdf.lua"
  expect_line out "203 numbers"
  # the numbers and the agency in place; the title differs only in the spaces a PDF sets around digits
  if grep '^differs' "$OUT" | grep -qv '^differs: title'; then fail "the LibreOffice PDF of a real page differs"; show_output; else pass; fi
  grep -q 'agency = "平潭综合实验区"' "$TMP/real22-pdf.lua" && pass || fail "the agency of the LibreOffice PDF was lost"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
