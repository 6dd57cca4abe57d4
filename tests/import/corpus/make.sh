#!/bin/bash
# Makes the corpus of whole reports for tests/import/corpus.lua: N data files (gen.lua), each
# rendered as plain text (tables with tabs or aligned by spaces), as a PDF's layout text
# (chromium, then pdftotext -layout), dressed as agencies publish them (dress.lua), and as
# the layout text of the PDF LibreOffice prints from the report's Word file (NNN.lo.txt,
# not dressed: pdftotext run as the PDF front end runs it, scripts/nianbao/import/pdf.lua).
# Run from the repository root: bash tests/import/corpus/make.sh build/nianbao [N] [FROM] [lo|docx]
# (FROM: make only reports FROM..N, the others as they are; gen.lua draws them all alike.
# lo: make only the NNN.lo.txt, from the references NNN.lua as they are; needs soffice,
# Debian libreoffice-writer-nogui, about 3 s a report. docx: make only two Word files of
# another producer than nianbao, from the references as they are: NNN.lo-html.docx, the
# report's web page opened in LibreOffice Writer and saved as Word, and NNN.lo-word.docx,
# nianbao's own Word file opened and saved again, as a writer who edits it in an office
# suite hands it on. Kept for a few reports only: each is a 13 KB binary file)
set -e
nb=${1:?nianbao binary}; n=${2:-40}; from=${3:-1}; only=${4:-}
dir=tests/import/corpus; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the LibreOffice print of a reference (a blank cell printed empty; a render forced past the
# checks appends a page of its findings, left as it is)
lo() {
  "$nb" render "$1" -f pdf --pdf-engine libreoffice --force -o "$tmp/$2.lo.pdf" 2>/dev/null
  pdftotext -layout -enc UTF-8 -eol unix "$tmp/$2.lo.pdf" "$dir/$2.lo.txt"
}
# a reference's page and Word file, each saved as Word by LibreOffice (a profile of its own,
# so that a running office suite is not disturbed)
lo_docx() {
  "$nb" render "$1" -f html --force -o "$tmp/$2.lo-html.html" 2>/dev/null
  "$nb" render "$1" -f docx --force -o "$tmp/$2.lo-word.docx" 2>/dev/null
  mkdir -p "$tmp/out"
  for src in "$tmp/$2.lo-html.html" "$tmp/$2.lo-word.docx"; do
    soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
      --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/out" "$src" >/dev/null 2>&1
  done
  cp "$tmp/out/$2.lo-html.docx" "$tmp/out/$2.lo-word.docx" "$dir/"
}
if [ "$only" = docx ]; then
  for i in $(seq -f %03g "$from" "$n"); do lo_docx "$dir/$i.lua" "$i"; done
  exit 0
fi
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
