#!/bin/bash
# render -o x.pdf through LibreOffice (one conversion): an A4 PDF whose text holds every prose
# line of the seed, set in Noto CJK through the font aliases of templates/pdf/fonts.conf
# (which render/pdf.lua gives LibreOffice: the test sets no FONTCONFIG_FILE), with
# the page numbers "— 1 —" at the right of odd pages and the left of even ones, and the title
# broken before its official suffix; the same of --pdf-engine chromium when installed.
# Usage: pdf.sh NIANBAO   (from the repository root). Exit 77 (skipped) without LibreOffice.
set -uo pipefail
NB=$1
HERE=tests/docx
SEED=reports/yanjin-commerce-2024.lua
if ! command -v soffice >/dev/null; then
  echo "SKIP: LibreOffice 未安装（tools/packages.txt 中有 libreoffice-writer-nogui），跳过 PDF 测试"
  exit 77
fi
for tool in pdftotext pdfinfo pdffonts; do
  command -v $tool >/dev/null || { echo "FAIL: 需要 $tool（poppler-utils）"; exit 1; }
done
unset FONTCONFIG_FILE
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# GB/T 9704 7.5: the page number of an odd page at the right, of an even page at the left.
# The foot of page P of an A4 PDF (below 760 pt), its right half or left half, as text.
foot() { pdftotext -enc UTF-8 -f "$2" -l "$2" -x "$3" -y 760 -W 297 -H 82 "$1" - | tr -d ' \n\f'; }
check_page_sides() { # PDF ENGINE
  [ "$(foot "$1" 1 298)" = "—1—" ] && [ -z "$(foot "$1" 1 0)" ] && ok \
    || bad "$2: page 1's number is not at the right: left '$(foot "$1" 1 0)', right '$(foot "$1" 1 298)'"
  [ "$(foot "$1" 2 0)" = "—2—" ] && [ -z "$(foot "$1" 2 298)" ] && ok \
    || bad "$2: page 2's number is not at the left: left '$(foot "$1" 2 0)', right '$(foot "$1" 2 298)'"
}

# the format comes from the extension; the default engine is LibreOffice
if "$NB" render "$SEED" -o "$TMP/seed.pdf" 2>"$TMP/err"; then ok; else bad "render -o seed.pdf: $(cat "$TMP/err")"; fi
[ "$(head -c 5 "$TMP/seed.pdf")" = "%PDF-" ] && ok || bad "not a PDF"
pdfinfo "$TMP/seed.pdf" >"$TMP/info" || bad "pdfinfo"
# A4 is 595.28 x 841.89 pt
grep -Eq '^Page size: +595\.[0-9]+ x 841\.[0-9]+ pts' "$TMP/info" && ok || bad "not A4: $(grep 'Page size' "$TMP/info")"
pages=$(awk '/^Pages:/ {print $2}' "$TMP/info")
[ "${pages:-0}" -ge 3 ] && ok || bad "only ${pages:-0} pages"
pdffonts "$TMP/seed.pdf" >"$TMP/fonts"
grep -q 'NotoSerifCJK' "$TMP/fonts" && grep -q 'NotoSansCJK' "$TMP/fonts" && ok \
  || bad "the body and headings are not set in Noto Serif / Sans CJK: $(cat "$TMP/fonts")"

# every prose line, compared without white space (the PDF wraps lines where it likes)
pdftotext -enc UTF-8 "$TMP/seed.pdf" - | tr -d ' \n\t\f\r' >"$TMP/text"
"$NB" run $HERE/prose.lua "$SEED" >"$TMP/prose" || bad "prose.lua"
lines=0
while IFS= read -r line; do
  want=$(printf '%s' "$line" | tr -d ' \t')
  [ -z "$want" ] && continue
  lines=$((lines + 1))
  grep -qF -- "$want" "$TMP/text" || bad "prose line missing from the PDF: $line"
done <"$TMP/prose"
[ "$lines" -ge 15 ] && ok || bad "only $lines prose lines"
grep -qF -- "—1—" "$TMP/text" && grep -qF -- "—2—" "$TMP/text" && ok || bad "no page numbers — 1 — / — 2 —"
check_page_sides "$TMP/seed.pdf" libreoffice
# a number of table 三's header, so the tables are there too
grep -qF "本年新收政府信息公开申请数量" "$TMP/text" && ok || bad "table 三 missing"
# the title breaks before the official suffix, as published reports set it, not inside it
pdftotext -enc UTF-8 -l 1 "$TMP/seed.pdf" - | head -2 | tr -d ' ' >"$TMP/title"
[ "$(sed -n 2p "$TMP/title")" = "政府信息公开工作年度报告" ] && ok || bad "title lines: $(tr '\n' '/' <"$TMP/title")"

# the preamble after the title, the signature (落款, 成文日期) last and right-aligned
sed 's/^  year = 2024,$/  year = 2024,\n  preamble = "本报告根据《条例》编制。统计期限自2024年1月1日至2024年12月31日。",\n  signature = { agency = "延津县商务局", date = "2025年1月20日" },/' \
  "$SEED" >"$TMP/signed.lua"
if "$NB" render "$TMP/signed.lua" -o "$TMP/signed.pdf" 2>"$TMP/err"; then ok; else bad "render signed.pdf: $(cat "$TMP/err")"; fi
pdftotext -layout -enc UTF-8 "$TMP/signed.pdf" "$TMP/signed.txt"
pre=$(grep -n "本报告根据" "$TMP/signed.txt" | head -1 | cut -d: -f1)
one=$(grep -n "一、总体情况" "$TMP/signed.txt" | head -1 | cut -d: -f1)
six=$(grep -n "六、其他需要报告的事项" "$TMP/signed.txt" | head -1 | cut -d: -f1)
date_line=$(grep -n "2025 *年 *1 *月 *20 *日" "$TMP/signed.txt" | tail -1)
[ -n "$pre" ] && [ -n "$one" ] && [ "$pre" -lt "$one" ] && ok || bad "the preamble is not before 一、总体情况 (${pre:-none}, ${one:-none})"
[ -n "$date_line" ] && [ "${date_line%%:*}" -gt "${six:-0}" ] && ok || bad "the date is not after 六 (${date_line:-none})"
# right-aligned: the date line starts far right of where the heading of 六 starts
indent=$(printf '%s' "${date_line#*:}" | sed 's/[^ ].*//' | wc -c)
six_indent=$(sed -n "${six:-1}p" "$TMP/signed.txt" | sed 's/[^ ].*//' | wc -c)
[ "$indent" -gt $((six_indent + 15)) ] && ok || bad "the date is not right-aligned (indent $indent, 六 at $six_indent): ${date_line#*:}"

# six-digit numbers of table 三 stay whole in the PDF LibreOffice makes (the stand-in for
# Times New Roman has digits wider than half an em: "38686" / "8" read as two numbers)
sed -E 's/new = \{ 0, 0, 0, 0, 0, 0, 0 \}/new = { 386868, 0, 0, 0, 0, 0, 386868 }/; s/^    disclosed = \{ 0, 0, 0, 0, 0, 0, 0 \}/    disclosed = { 386868, 0, 0, 0, 0, 0, 386868 }/; s/^    total = \{ 0, 0, 0, 0, 0, 0, 0 \}/    total = { 386868, 0, 0, 0, 0, 0, 386868 }/' "$SEED" >"$TMP/six.lua"
grep -q 'new = { 386868' "$TMP/six.lua" || bad "six.lua was not made"
if "$NB" render "$TMP/six.lua" -o "$TMP/six.pdf" 2>"$TMP/err"; then ok; else bad "render six.pdf: $(cat "$TMP/err")"; fi
pdftotext -enc UTF-8 -layout "$TMP/six.pdf" - | grep '本年新收' | grep -qE '386868 .* 386868' && ok \
  || bad "a six-digit number wrapped: $(pdftotext -enc UTF-8 -layout "$TMP/six.pdf" - | grep -A1 '本年新收' | tr '\n' '/')"
# a title of exactly 40 display columns with its four digits does not fit one line of 二号:
# broken before the suffix, not ending in a lone 告
sed 's/延津县商务局/某县测试局/g; /^  title = /d' "$SEED" >"$TMP/t40.lua"
if "$NB" render "$TMP/t40.lua" -o "$TMP/t40.pdf" 2>"$TMP/err"; then ok; else bad "render t40.pdf: $(cat "$TMP/err")"; fi
pdftotext -enc UTF-8 -l 1 "$TMP/t40.pdf" - | tr -d ' \t\r' | grep -qxF "政府信息公开工作年度报告" && ok \
  || bad "40-column title: $(pdftotext -l 1 "$TMP/t40.pdf" - | head -3 | tr '\n' '/')"

# the other engine: headless Chromium prints the HTML page (skipped without chromium)
if command -v chromium >/dev/null; then
  if "$NB" render "$SEED" -o "$TMP/chromium.pdf" --pdf-engine chromium 2>"$TMP/err"; then ok; else bad "chromium: $(cat "$TMP/err")"; fi
  pdfinfo "$TMP/chromium.pdf" | grep -Eq '^Page size: +59[45]\.[0-9]+ x 841\.[0-9]+ pts' && ok || bad "chromium PDF is not A4"
  pdftotext -enc UTF-8 "$TMP/chromium.pdf" - | tr -d ' \n\t\f\r' | grep -qF "$(head -1 "$TMP/prose" | tr -d ' ')" && ok \
    || bad "chromium PDF lacks the title"
  # page numbers from the print stylesheet's margin box (templates/html/style.css)
  pdftotext -enc UTF-8 "$TMP/chromium.pdf" - | tr -d ' \t\r' >"$TMP/chromium.txt"
  grep -qxF -- "—1—" "$TMP/chromium.txt" && grep -qxF -- "—2—" "$TMP/chromium.txt" && ok \
    || bad "chromium PDF has no page numbers — 1 — / — 2 —"
  check_page_sides "$TMP/chromium.pdf" chromium
  # table 二 stays on one page, as in the Word file: in the seed it started at the foot of
  # page 2 with its first block and went on on page 3 (a block header could stand alone at
  # the foot of a page)
  t2_pages=""
  for p in $(seq 1 "$(pdfinfo "$TMP/chromium.pdf" | awk '/^Pages:/ {print $2}')"); do
    page=$(pdftotext -enc UTF-8 -f "$p" -l "$p" "$TMP/chromium.pdf" - | tr -d ' \t\r')
    case "$page" in *第二十条第（一）项*|*行政事业性收费*) t2_pages="$t2_pages $p" ;; esac
  done
  [ "$(echo $t2_pages | wc -w)" -eq 1 ] && ok || bad "chromium PDF: table 二 on pages$t2_pages (should be one page)"
  # the HTML title breaks before the suffix too (a span the stylesheet keeps whole), not
  # "……2024 年政" / "府信息……"
  [ "$(sed -n 2p "$TMP/chromium.txt")" = "政府信息公开工作年度报告" ] && ok \
    || bad "chromium title lines: $(head -2 "$TMP/chromium.txt" | tr '\n' '/')"
  # an agency name too long for the head's line: the head wraps within itself and the suffix
  # stays on its own line (it was "……商" / "务局 2024 年政府信息……", read as agency "务局";
  # the importer's side of it: tests/attachments/units.lua)
  LONG=新乡市延津县人民政府办公室延津县商务局
  sed "s/延津县商务局/$LONG/g" "$SEED" >"$TMP/long.lua"
  "$NB" render "$TMP/long.lua" -o "$TMP/long.pdf" --pdf-engine chromium 2>"$TMP/err" || bad "chromium long: $(cat "$TMP/err")"
  pdftotext -enc UTF-8 -l 1 "$TMP/long.pdf" - | tr -d ' \t\r' | grep -qxF "政府信息公开工作年度报告" && ok \
    || bad "long title: the suffix is not a line of its own: $(pdftotext -l 1 "$TMP/long.pdf" - | head -3 | tr '\n' '/')"
fi

echo "pdf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
