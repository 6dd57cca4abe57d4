#!/bin/bash
# The .docx of the seed, of generated non-zero reports, of a hostile agency name, of a blank
# cell, of a forced report and of a control character: a ZIP that `unzip -t` accepts, every
# part well-formed XML, the three tables read back by python-docx in the official order, the
# GB/T 9704 page facts of the XML (layout.py); and
# the output format taken from the -o extension.
# Usage: run.sh NIANBAO   (from the repository root). Exit 77 (skipped) without python3-docx.
set -uo pipefail
NB=$1
HERE=tests/docx
SEED=reports/yanjin-commerce-2024.lua
PY=/usr/bin/python3 # Debian's python, where python3-docx is installed
if ! "$PY" -c 'import docx' 2>/dev/null; then
  echo "SKIP: python3-docx 未安装（tools/packages.txt 中有，运行 tools/setup.sh 安装）"
  exit 77
fi
for tool in unzip xmllint; do
  command -v $tool >/dev/null || { echo "FAIL: 需要 $tool"; exit 1; }
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# a well-formed package: unzip -t, and every part parses as XML
check_package() {
  local docx=$1 dir="$TMP/x.$(basename "$1")"
  if unzip -tq "$docx" >/dev/null; then ok; else bad "unzip -t $docx"; return; fi
  mkdir -p "$dir" && (cd "$dir" && unzip -q "$docx")
  local parts=0
  while IFS= read -r -d '' part; do
    parts=$((parts + 1))
    xmllint --noout "$part" 2>"$TMP/xmllint.err" || bad "$docx: $part is not well-formed: $(head -3 "$TMP/xmllint.err")"
  done < <(find "$dir" -type f -print0)
  for need in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml word/settings.xml \
              word/_rels/document.xml.rels word/footer1.xml docProps/core.xml; do
    [ -f "$dir/$need" ] || bad "$docx: no part $need"
  done
  [ "$parts" -ge 9 ] && ok || bad "$docx: only $parts parts"
}

check_tables() {
  local data=$1 docx=$2
  "$NB" run $HERE/expect.lua "$data" >"$TMP/expect.txt" || { bad "expect.lua $data"; return; }
  if "$PY" $HERE/tables.py "$docx" "$TMP/expect.txt"; then ok; else bad "tables of $docx"; fi
}

# the GB/T 9704 page, fonts, page numbers and table properties, read from the XML
check_layout() {
  if "$PY" $HERE/layout.py "$1"; then ok; else bad "layout of $1"; fi
}

# the seed and generated reports with consistent non-zero numbers
"$NB" run bench/gen.lua "$SEED" "$TMP/gen" 3 0 2>/dev/null || mkdir -p "$TMP/gen/data"
mkdir -p "$TMP/gen/data"
"$NB" run bench/gen.lua "$SEED" "$TMP/gen" 3 0 || bad "bench/gen.lua"
n=0
for data in "$SEED" "$TMP"/gen/data/*.lua; do
  n=$((n + 1))
  out="$TMP/r$n.docx"
  if "$NB" render "$data" -f docx -o "$out"; then ok; else bad "render $data"; continue; fi
  check_package "$out"
  check_tables "$data" "$out"
  check_layout "$out"
done
[ "$n" -ge 4 ] && ok || bad "only $n reports"
grep -q ' [1-9]' <("$NB" run $HERE/expect.lua "$TMP/gen/data/001.lua") && ok || bad "generated report 001 is all zero"

# a hostile agency name comes back as the same text
HOSTILE='<甲&乙>"局]]>'
# (a level-2 long string, since the name holds "]]")
"$PY" - "$SEED" "$HOSTILE" >"$TMP/hostile.lua" <<'PYEOF'
import sys
text, name = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
text = text.replace('agency = "延津县商务局"', "agency = [==[" + name + "]==]", 1)
text = text.replace('title = "延津县商务局 2024', "title = [==[" + name + ']==] .. " 2024', 1)
sys.stdout.write(text)
PYEOF
grep -qF "$HOSTILE" "$TMP/hostile.lua" || bad "hostile name not in the data file"
"$NB" render "$TMP/hostile.lua" --force -o "$TMP/hostile.docx" 2>/dev/null || bad "render hostile"
check_package "$TMP/hostile.docx"
"$PY" - "$TMP/hostile.docx" "$HOSTILE" <<'PYEOF' && ok || bad "hostile agency did not come back as text"
import sys, docx
d = docx.Document(sys.argv[1])
name = sys.argv[2]
title = [p.text for p in d.paragraphs if p.style.name == "Title"]
assert title and title[0].startswith(name), title
assert d.core_properties.author == name, d.core_properties.author
assert d.core_properties.title.startswith(name), d.core_properties.title
PYEOF

# the preamble after the title, the signature (落款, 成文日期) last and right-aligned
"$PY" - "$SEED" >"$TMP/signed.lua" <<'PYEOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text.replace("  year = 2024,\n", "  year = 2024,\n  preamble = \"本报告根据《条例》编制。统计期限自2024年1月1日至2024年12月31日。\",\n"
                    "  signature = { agency = \"延津县商务局\", date = \"2025年1月20日\" },\n", 1)
sys.stdout.write(text)
PYEOF
grep -q 'signature = {' "$TMP/signed.lua" || bad "signature not in the data file"
"$NB" render "$TMP/signed.lua" -o "$TMP/signed.docx" || bad "render signed"
"$PY" - "$TMP/signed.docx" <<'PYEOF' && ok || bad "preamble or signature missing or misplaced"
import sys, docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
ps = [p for p in docx.Document(sys.argv[1]).paragraphs if p.text.strip()]
assert ps[0].style.name == "Title", ps[0].style.name
assert ps[1].text.startswith("本报告根据《条例》编制"), ps[1].text
assert [p.text for p in ps[-2:]] == ["延津县商务局", "2025年1月20日"], [p.text for p in ps[-2:]]
assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in ps[-2:])
PYEOF

# a blank cell stays blank (python-docx reads "" where the data has "")
sed 's/not_held = { 0, 0, 0, 0, 0, 0, 0 }/not_held = { "", 0, 0, 0, 0, 0, 0 }/' "$SEED" >"$TMP/blank.lua"
grep -q 'not_held = { ""' "$TMP/blank.lua" || bad "blank cell not in the data file"
"$NB" render "$TMP/blank.lua" --force -o "$TMP/blank.docx" 2>/dev/null || bad "render blank"
check_tables "$TMP/blank.lua" "$TMP/blank.docx"
grep -q '_' "$TMP/expect.txt" && ok || bad "expect.lua did not see the blank cell"

# a number too wide for its cell is set smaller rather than wrapped ("12345" / "6")
sed -E '/new = \{/s/[0-9]+/1234567/g' "$SEED" >"$TMP/wide.lua"
"$NB" render "$TMP/wide.lua" --force -o "$TMP/wide.docx" 2>/dev/null || bad "render wide"
"$PY" - "$TMP/wide.docx" <<'PYEOF' && ok || bad "a 7-digit number was not set smaller than the table's 9 pt"
import sys, docx
t3 = docx.Document(sys.argv[1]).tables[1]
wide, zero = t3.rows[3].cells[3], t3.rows[4].cells[3]
assert wide.text == "1234567" and zero.text == "0", (wide.text, zero.text)
assert wide.paragraphs[0].runs[0].font.size.pt < 9 <= zero.paragraphs[0].runs[0].font.size.pt
PYEOF

# a report with errors: refused without --force (no file), with --force it carries the banner
sed 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 1, 0, 0, 0, 0, 0, 0 }/' "$SEED" >"$TMP/bad.lua"
"$NB" render "$TMP/bad.lua" -o "$TMP/bad.docx" 2>/dev/null
[ $? -eq 1 ] && [ ! -e "$TMP/bad.docx" ] && ok || bad "a report with errors was not refused"
"$NB" render "$TMP/bad.lua" --force -o "$TMP/bad.docx" || bad "render --force"
check_package "$TMP/bad.docx"
check_layout "$TMP/bad.docx"
"$PY" - "$TMP/bad.docx" <<'PYEOF' && ok || bad "forced docx has no findings banner"
import sys, docx
d = docx.Document(sys.argv[1])
first = [p.text for p in d.paragraphs[:3]]
assert "强制生成" in first[0] and any("T3.ROW_TOTAL" in t or "总计" in t for t in first[1:]), first
PYEOF

# a control character XML 1.0 forbids is never written: U+FFFD and a warning instead
printf -v VT '\v'
sed -e "s|延津县商务局 2024 年|延津县商务局${VT} 2024 年|" -e 's|未收到依申请公开政府信息。|未收到依申请公开\\u{FFFF}政府信息。|' "$SEED" >"$TMP/ctl.lua"
grep -qF '\u{FFFF}' "$TMP/ctl.lua" || bad "U+FFFF not in the data file"
"$NB" render "$TMP/ctl.lua" -o "$TMP/ctl.docx" 2>"$TMP/ctl.err" || bad "render ctl"
check_package "$TMP/ctl.docx"
grep -q "控制字符" "$TMP/ctl.err" && ok || bad "no warning for the control character"
unzip -p "$TMP/ctl.docx" word/document.xml >"$TMP/ctl.xml"
grep -q "延津县商务局�" "$TMP/ctl.xml" && grep -q "依申请公开�政府信息" "$TMP/ctl.xml" && ok \
  || bad "control character or U+FFFF not replaced by U+FFFD"

# the format follows the -o extension; an unknown extension is a usage error
"$NB" render "$SEED" -o "$TMP/ext.docx" && [ "$(head -c 2 "$TMP/ext.docx")" = PK ] && ok || bad "-o x.docx is not a ZIP"
"$NB" render "$SEED" -o "$TMP/ext.html" && grep -q '<!DOCTYPE html>' "$TMP/ext.html" && ok || bad "-o x.html is not HTML"
"$NB" render "$SEED" -o "$TMP/ext.md" && grep -q '^# ' "$TMP/ext.md" && ok || bad "-o x.md is not Markdown"
"$NB" render "$SEED" -o "$TMP/ext.xyz" 2>"$TMP/ext.err"
[ $? -eq 2 ] && [ ! -e "$TMP/ext.xyz" ] && grep -q '扩展名' "$TMP/ext.err" && ok || bad "-o x.xyz was not a usage error"
"$NB" render "$SEED" -f text -o "$TMP/forced.xyz" && ok || bad "-f text -o x.xyz"
# the fixed parts are templates a local copy replaces (--scripts DIR), and the renderer is
# found along the search path like every other
mkdir -p "$TMP/local/templates/docx"
sed 's/w:eastAsia="仿宋_GB2312"/w:eastAsia="楷体_GB2312"/' templates/docx/styles.xml >"$TMP/local/templates/docx/styles.xml"
"$NB" --scripts "$TMP/local" render "$SEED" -o "$TMP/local.docx" && unzip -p "$TMP/local.docx" word/styles.xml >"$TMP/local.xml"
grep -q 'w:eastAsia="楷体_GB2312" w:cs' "$TMP/local.xml" && ok || bad "templates/docx/styles.xml was not taken from --scripts"
"$NB" which render/docx | grep -q 'render/docx.lua' && ok || bad "nianbao which render/docx"
"$NB" render "$SEED" --profile gbt9704 -o "$TMP/gbt.docx" && check_tables "$SEED" "$TMP/gbt.docx"

# no PDF engine: a usage error naming the Debian package, before anything is written
PATH=/nonexistent "$NB" render "$SEED" -o "$TMP/none.pdf" 2>"$TMP/none.err"
[ $? -eq 2 ] && [ ! -e "$TMP/none.pdf" ] && grep -q 'libreoffice-writer-nogui' "$TMP/none.err" && ok \
  || bad "no engine: $(cat "$TMP/none.err")"
PATH=/nonexistent "$NB" render "$SEED" -o "$TMP/none.pdf" --pdf-engine chromium 2>"$TMP/none.err"
[ $? -eq 2 ] && grep -q '软件包 chromium' "$TMP/none.err" && ok || bad "no chromium: $(cat "$TMP/none.err")"
"$NB" render "$SEED" -o "$TMP/none.pdf" --pdf-engine word 2>"$TMP/none.err"
[ $? -eq 2 ] && grep -q '未知的 PDF 引擎' "$TMP/none.err" && ok || bad "--pdf-engine word: $(cat "$TMP/none.err")"
# an engine that fails: the end of its log in a plain message (no traceback), exit 2, no file
mkdir -p "$TMP/fakebin"
printf '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 1\n' >"$TMP/fakebin/soffice"
chmod +x "$TMP/fakebin/soffice"
PATH="$TMP/fakebin:/usr/bin:/bin" "$NB" render "$SEED" -o "$TMP/failed.pdf" --pdf-engine libreoffice 2>"$TMP/failed.err"
[ $? -eq 2 ] && [ ! -e "$TMP/failed.pdf" ] && grep -q '没有生成 PDF' "$TMP/failed.err" \
  && grep -q 'source file could not be loaded' "$TMP/failed.err" && ! grep -q 'traceback' "$TMP/failed.err" && ok \
  || bad "a failing engine: $(cat "$TMP/failed.err")"
"$NB" render "$SEED" -o "$TMP/engine.docx" --pdf-engine chromium 2>"$TMP/none.err"
[ $? -eq 2 ] && [ ! -e "$TMP/engine.docx" ] && grep -q '只用于 pdf' "$TMP/none.err" && ok || bad "--pdf-engine with docx"
# the same report gives the same bytes
"$NB" render "$SEED" -o "$TMP/again.docx" && cmp -s "$TMP/ext.docx" "$TMP/again.docx" && ok || bad "docx not reproducible"

echo "docx: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
