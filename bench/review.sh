#!/usr/bin/env bash
# Benchmark of the reviewer's commands (not part of CI): check and summary over N generated
# reports (default 1,000, from bench/gen.lua), and aggregate of one year's reports.
#
#   bash bench/review.sh [NIANBAO] [--files N]
#
# Prints the wall time of each command (median of 3 runs) and the size of each output.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NB=${1:-$ROOT/build/nianbao}
FILES=1000
[ "${2:-}" = "--files" ] && FILES=$3
WORK=$(mktemp -d /tmp/nianbao-review-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data"
"$NB" run "$ROOT/bench/gen.lua" "$ROOT/reports/yanjin-commerce-2024.lua" "$WORK" "$FILES" 0 >/dev/null

# median wall time in ms of 3 runs of the command
time_ms() {
  local t=() i s e
  for i in 1 2 3; do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 2p
}

echo "nianbao review benchmark: $FILES generated reports ($(du -sh "$WORK/data" | cut -f1)), $(nproc) cores"
printf '%-44s %8s\n' "command" "ms"
printf '%-44s %8s\n' "check DIR --format json" "$(time_ms "$NB" check "$WORK/data" --format json)"
printf '%-44s %8s\n' "check DIR --format csv" "$(time_ms "$NB" check "$WORK/data" --format csv)"
# the same with one child process per core (whole agencies to one child; the output is the same)
JOBS=$(nproc)
if [ "$JOBS" -gt 1 ]; then
  printf '%-44s %8s\n' "check DIR --format json -j $JOBS" "$(time_ms "$NB" check "$WORK/data" --format json -j "$JOBS")"
  printf '%-44s %8s\n' "summary DIR -o s.csv -j $JOBS" "$(time_ms "$NB" summary "$WORK/data" -o "$WORK/s.csv" --force -j "$JOBS")"
fi
for ext in csv json xlsx html; do
  printf '%-44s %8s\n' "summary DIR -o s.$ext" "$(time_ms "$NB" summary "$WORK/data" -o "$WORK/s.$ext" --force)"
  echo "    output: $(du -h "$WORK/s.$ext" | cut -f1)"
done
year=$(grep -l "year = 2024" "$WORK"/data/*.lua | head -300)
printf '%-44s %8s\n' "aggregate (the 2024 reports, $(echo "$year" | wc -l) units)" \
  "$(time_ms "$NB" aggregate $year --agency 测试县人民政府 -o "$WORK/sum.lua" --force)"
