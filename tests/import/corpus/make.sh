#!/bin/bash
# Makes the corpus of whole reports for tests/import/corpus.lua: N data files (gen.lua), each
# rendered as plain text (tables with tabs or aligned by spaces) and as a PDF's layout text
# (chromium, then pdftotext -layout), dressed as agencies publish them (dress.lua).
# Run from the repository root: bash tests/import/corpus/make.sh build/nianbao [N] [FROM]
# (FROM: make only reports FROM..N, the others as they are; gen.lua draws them all alike)
set -e
nb=${1:?nianbao binary}; n=${2:-40}; from=${3:-1}
dir=tests/import/corpus; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
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
  cp "$tmp/$i.lua" "$dir/$i.lua"
done
