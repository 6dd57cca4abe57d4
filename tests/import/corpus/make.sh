#!/bin/bash
# Makes the corpus of whole reports for tests/import/corpus.lua: N data files (gen.lua), each
# rendered as plain text (tables with tabs or aligned by spaces), as a PDF's layout text
# (chromium, then pdftotext -layout), dressed as agencies publish them (dress.lua), and as
# the layout text of the PDF LibreOffice prints from the report's Word file (NNN.lo.txt,
# not dressed: pdftotext run as the PDF front end runs it, scripts/nianbao/import/pdf.lua).
# Run from the repository root: bash tests/import/corpus/make.sh build/nianbao [N] [FROM] [lo]
# (FROM: make only reports FROM..N, the others as they are; gen.lua draws them all alike.
# lo: make only the NNN.lo.txt, from the references NNN.lua as they are; needs soffice,
# Debian libreoffice-writer-nogui, about 3 s a report)
set -e
nb=${1:?nianbao binary}; n=${2:-40}; from=${3:-1}; only=${4:-}
dir=tests/import/corpus; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the LibreOffice print of a reference (a blank cell printed empty; a render forced past the
# checks appends a page of its findings, left as it is)
lo() {
  "$nb" render "$1" -f pdf --pdf-engine libreoffice --force -o "$tmp/$2.lo.pdf" 2>/dev/null
  pdftotext -layout -enc UTF-8 -eol unix "$tmp/$2.lo.pdf" "$dir/$2.lo.txt"
}
if [ "$only" = lo ]; then
  for i in $(seq -f %03g "$from" "$n"); do lo "$dir/$i.lua" "$i"; done
  exit 0
fi
"$nb" run $dir/gen.lua "$tmp" "$n"
for i in $(seq -f %03g "$from" "$n"); do
  k=$((10#$i))
  style=$([ $((k % 2)) = 0 ] && echo tsv || echo aligned)
  "$nb" render "$tmp/$i.src.lua" -f text --table-style $style --force -o "$tmp/$i.txt" 2>/dev/null
  # the PDF from the reference: a blank cell is printed empty, the columns as a PDF sets them
  "$nb" render "$tmp/$i.lua" -f pdf --pdf-engine chromium --force -o "$tmp/$i.pdf" 2>/dev/null
  pdftotext -layout "$tmp/$i.pdf" "$tmp/$i.layout"
  "$nb" run $dir/dress.lua "$tmp/$i.txt" "$dir/$i.txt" "$tmp/$i.sentinels" text $k
  "$nb" run $dir/dress.lua "$tmp/$i.layout" "$dir/$i.pdf.txt" /dev/null layout $k
  lo "$tmp/$i.lua" "$i"
  cp "$tmp/$i.lua" "$dir/$i.lua"
done
