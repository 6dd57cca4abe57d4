#!/usr/bin/env bash
# Benchmark (not a test): `nianbao render -f docx` per process against a python-docx writer of
# the same report (bench/docx_peer.py: same title, paragraphs and merged tables), in the same
# run, on generated reports with non-zero numbers. Prints the median wall time per report of
# each and their ratio; with --pdf also one LibreOffice conversion (render -o x.pdf).
#
#   bash bench/docx.sh [NIANBAO] [--reports N] [--pdf]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NB=$ROOT/build/nianbao N=20 PDF=0
while [ $# -gt 0 ]; do
  case $1 in
    --reports) N=$2; shift ;;
    --pdf) PDF=1 ;;
    *) NB=$1 ;;
  esac
  shift
done
PY=/usr/bin/python3
"$PY" -c 'import docx' || { echo "bench/docx.sh：需要 python3-docx（apt-get install python3-docx）" >&2; exit 2; }
WORK=$(mktemp -d /tmp/nianbao-docx-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data"
"$NB" run "$ROOT/bench/gen.lua" "$ROOT/reports/yanjin-commerce-2024.lua" "$WORK" "$N" 0
for f in "$WORK"/data/*.lua; do "$NB" run "$ROOT/bench/docx_export.lua" "$f" >"${f%.lua}.json"; done

# median of the per-run wall times (ms) of: CMD {} run once per report
median_ms() {
  local times=() t0 t1
  for f in "$WORK"/data/*.lua; do
    t0=$(date +%s%N)
    "$@" "$f" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m / 1000}'
}
nb_docx() { "$NB" render "$1" -f docx -o "${1%.lua}.nb.docx"; }
py_docx() { "$PY" "$ROOT/bench/docx_peer.py" "${1%.lua}.json" "${1%.lua}.py.docx"; }
nb_docx "$WORK/data/001.lua"; py_docx "$WORK/data/001.lua" # warm the page cache
nb=$(median_ms nb_docx)
py=$(median_ms py_docx)
echo "docx, $N generated reports, median wall time per report (one process each):"
echo "  nianbao render -f docx   $nb ms   ($(wc -c <"$WORK/data/001.nb.docx") bytes)"
echo "  python-docx (peer)       $py ms   ($(wc -c <"$WORK/data/001.py.docx") bytes)"
awk -v a="$nb" -v b="$py" 'BEGIN { printf "  ratio: nianbao is %.0fx faster\n", b / a }'
if [ "$PDF" = 1 ] && command -v soffice >/dev/null; then
  t0=$(date +%s%N)
  "$NB" render "$WORK/data/001.lua" -o "$WORK/001.pdf"
  t1=$(date +%s%N)
  echo "  render -o x.pdf (LibreOffice, one conversion): $(( (t1 - t0) / 1000000 )) ms"
fi
