#!/usr/bin/env bash
# Benchmarks of nianbao (not part of CI). Builds a Release binary in build-bench/, generates
# its inputs in a temporary folder, and measures each operation against a baseline measured
# in the same run, printing both figures and their ratio (docs/benchmarks.md explains each).
#
#   bash bench/run.sh [--quick] [--files N] [--runs R] [--against REV] [--keep] [--rss-10000]
#
#   --quick        fewer files and runs (a smoke run of about a minute)
#   --files N      generated data files (default 500); --runs R: timed runs per command (5)
#   --against REV  also compare with the binary of commit REV (e.g. HEAD~1), built in a
#                  temporary `git worktree`
#   --keep         keep the temporary folder (inputs, CSV files, callgrind output)
#   --rss-10000    also the peak RSS of one `check` over 10,000 files (the 301 real reports
#                  hard-linked over and over; about a minute more)
#
# Process timings use hyperfine when installed (apt-get install hyperfine), else a loop of
# R runs; both report the median wall time. In-process timings (bench/inproc.lua) report the
# median pass of CPU time. Instruction counts come from valgrind --tool=callgrind.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILES=500 RUNS=5 PASSES=5 AGAINST="" KEEP=0 RSS10000=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) FILES=60 RUNS=3 PASSES=3 ;;
    --files) FILES=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --against) AGAINST=$2; shift ;;
    --keep) KEEP=1 ;;
    --rss-10000) RSS10000=1 ;;
    *) echo "bench/run.sh：未知的参数 $1（见文件开头的用法）" >&2; exit 2 ;;
  esac
  shift
done
IMPORT_FILES=$(( FILES < 50 ? FILES : 50 ))

B=$ROOT/build-bench
WORK=$(mktemp -d /tmp/nianbao-bench.XXXXXX)
cleanup() {
  if [ -n "$AGAINST" ] && [ -d "$WORK/base-src" ]; then git -C "$ROOT" worktree remove --force "$WORK/base-src" || true; fi
  if [ "$KEEP" = 1 ]; then echo "bench: 临时文件保留在 $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== build (Release, $B)"
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" >/dev/null
NB=$B/nianbao
cc -O2 -Wall -o "$WORK/ptytime" "$ROOT/bench/ptytime.c" -lutil
cc -O2 -Wall -shared -fPIC -o "$WORK/noalarm.so" "$ROOT/bench/noalarm.c"
SEED=$ROOT/reports/yanjin-commerce-2024.lua
export HOME=$WORK/home XDG_STATE_HOME=$WORK/state # the prompt's history stays out of the user's
mkdir -p "$HOME"

echo "== inputs: $FILES data files, $IMPORT_FILES published text and HTML pages ($WORK)"
mkdir -p "$WORK/data" "$WORK/published"
"$NB" run "$ROOT/bench/gen.lua" "$SEED" "$WORK" "$FILES" "$IMPORT_FILES"
DATA=("$WORK"/data/*.lua)
TXT=("$WORK"/published/*.txt)
HTML=("$WORK"/published/*.html)
ONE=${DATA[0]}
NO_RULES=$("$NB" rules | awk '{print $1}' | paste -sd, -)
echo "   data files: $(du -sk "$WORK/data" | cut -f1) KiB in all, $(wc -c < "$ONE") bytes the first; rules: $NO_RULES"

# The median wall time of a shell command in milliseconds.
HYPERFINE=$(command -v hyperfine || true)
ptime() {
  if [ -n "$HYPERFINE" ]; then
    hyperfine --ignore-failure --runs "$RUNS" --warmup 1 --style none --export-csv "$WORK/t.csv" "$1" >/dev/null
    # counted from the end: the command itself may contain commas
    awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$WORK/t.csv"
  else
    bash -c "$1" >/dev/null 2>&1
    local times=() i t0
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s%N)
      bash -c "$1" >/dev/null 2>&1
      times+=($(( $(date +%s%N) - t0 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1e6 }'
  fi
}

# One result line: what, baseline (label, figure), nianbao (label, figure), unit.
RESULTS=$WORK/results.md
printf '| benchmark | baseline | figure | nianbao | figure | ratio |\n|---|---|---:|---|---:|---:|\n' > "$RESULTS"
report() {
  local what=$1 blabel=$2 bfig=$3 nlabel=$4 nfig=$5 unit=$6
  local ratio
  ratio=$(awk -v a="$nfig" -v b="$bfig" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  printf '%-34s %12s %-6s %12s %-6s x%s\n   baseline: %s\n   nianbao:  %s\n' \
    "$what" "$bfig" "$unit" "$nfig" "$unit" "$ratio" "$blabel" "$nlabel"
  printf '| %s | %s | %s %s | %s | %s %s | %s |\n' "$what" "$blabel" "$bfig" "$unit" "$nlabel" "$nfig" "$unit" "$ratio" >> "$RESULTS"
}
# compare WHAT BASE_CMD NIANBAO_CMD: process timings of two shell commands.
compare() { report "$1" "\`$2\`" "$(ptime "$2")" "\`$3\`" "$(ptime "$3")" ms; }
inproc() { "$NB" run "$ROOT/bench/inproc.lua" "$1" "$PASSES" "${@:2}"; }
short() { sed "s|$SEED|SEED|g; s|${REAL_ONE:-/nonexistent}|REAL|g; s|$WORK/||g; s|$B/||g; s|$ROOT/||g; s|--no-rules $NO_RULES|--no-rules ALL|g"; }

echo "== process start-up"
compare "start-up" "lua5.4 -e ''" "$NB --version"

echo "== sandboxed loader (one data file, ${#DATA[@]} files in one process)"
compare "load the seed, one process" "lua5.4 -e 'dofile(\"$SEED\")'" "$NB run $ROOT/bench/load.lua $SEED"
report "load, per file, in process" "lua5.4 dofile (bench/plain.lua)" "$(lua5.4 "$ROOT/bench/plain.lua" "$PASSES" "${DATA[@]}")" \
  "nb.load (bench/inproc.lua load)" "$(inproc load "${DATA[@]}")" us

echo "== check: ${#DATA[@]} files in one process vs one process per file"
compare "check ${#DATA[@]} files, built-in checks" \
  "for f in $WORK/data/*.lua; do $NB check --builtin-only \$f; done" \
  "$NB check --builtin-only $WORK/data/*.lua"
compare "check ${#DATA[@]} files, all rules" \
  "for f in $WORK/data/*.lua; do $NB check \$f; done" \
  "$NB check $WORK/data/*.lua"
if [ "$(nproc)" -gt 1 ]; then
  compare "check ${#DATA[@]} files, -j $(nproc) against one process" "$NB check $WORK/data/*.lua" "$NB check -j $(nproc) $WORK/data/*.lua"
fi
BUILTIN_US=$(inproc builtin "${DATA[@]}")
report "check, per file, in process" "C checks only (nb._builtin_check)" "$BUILTIN_US" \
  "nb.check: C checks + rules" "$(inproc check "${DATA[@]:0:100}")" us

echo "== check, per rule, in process (which rule costs what)"
for id in ${NO_RULES//,/ }; do
  report "rule $id, per file" "C checks only" "$BUILTIN_US" "nb.check with this rule only" "$(inproc "rule:$id" "${DATA[@]:0:30}")" us
done

echo "== render (seed; generated files in process)"
for f in text html markdown; do
  compare "render $f (seed)" "$NB check $SEED" "$NB render $SEED -f $f"
done
LOAD_US=$(inproc load "${DATA[@]}")
for f in text html markdown; do
  report "render $f, per file, in process" "nb.load of the same file" "$LOAD_US" "nb.render (findings given)" "$(inproc "render-$f" "${DATA[@]}")" us
done

echo "== import of published pages (${#TXT[@]} text, ${#HTML[@]} HTML)"
compare "import text (one page)" "$NB run $ROOT/bench/load.lua $ONE" "$NB import ${TXT[0]}"
compare "import HTML (one page)" "$NB run $ROOT/bench/load.lua $ONE" "$NB import ${HTML[0]}"
if [ "$(nproc)" -gt 1 ]; then
  compare "import -d of the ${#TXT[@]} + ${#HTML[@]} pages, -j $(nproc) against one process" \
    "$NB import $WORK/published -d $WORK/imported --force" "$NB import $WORK/published -d $WORK/imported -j $(nproc) --force"
fi
LOAD_US=$(inproc load "${DATA[@]:0:$IMPORT_FILES}")
report "import text, per page, in process" "nb.load of its data file" "$LOAD_US" "nianbao.import" "$(inproc import "${TXT[@]}")" us
report "import HTML, per page, in process" "nb.load of its data file" "$LOAD_US" "nianbao.import" "$(inproc import "${HTML[@]}")" us

echo "== the prompt's start-up (on a pseudo-terminal: up, type os.exit(0), gone)"
report "prompt start-up, no report" "lua5.4 -i" "$("$WORK/ptytime" "$RUNS" "> " "os.exit(0)" lua5.4 -i)" \
  "nianbao repl" "$("$WORK/ptytime" "$RUNS" "> " "os.exit(0)" "$NB" repl)" ms
report "prompt start-up, seed report" "nianbao check (same load and check)" "$(ptime "$NB check $SEED")" \
  "nianbao repl SEED" "$("$WORK/ptytime" "$RUNS" "> " "os.exit(0)" "$NB" repl "$SEED")" ms

echo "== instruction counts (valgrind --tool=callgrind, repeatable)"
echo "   (a bundled rule that valgrind slows past its 10 ms CPU alarm runs again under the count hook,"
echo "    docs/limits.md: these counts are an upper bound of a native run's)"
ir() {
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.$1" "${@:2}" >/dev/null 2>"$WORK/valgrind.$1.log"
  awk '/^summary:/ { print $2 }' "$WORK/callgrind.$1"
}
IR_VERSION=$(ir version "$NB" --version)
report "instructions: check the seed" "nianbao --version (start-up)" "$IR_VERSION" \
  "nianbao check SEED" "$(ir check "$NB" check "$SEED")" Ir
report "instructions: check, built-in only" "nianbao --version (start-up)" "$IR_VERSION" \
  "nianbao check --builtin-only SEED" "$(ir builtin "$NB" check --builtin-only "$SEED")" Ir
report "instructions: load the seed" "lua5.4 -e 'dofile(SEED)'" "$(ir lua lua5.4 -e "dofile('$SEED')")" \
  "nianbao run bench/load.lua SEED" "$(ir load "$NB" run "$ROOT/bench/load.lua" "$SEED")" Ir

echo "== peers: Python 3 (json.load + the five arithmetic checks) and Python 3 + Jinja2 (HTML)"
# 301 reports with real narratives: the shared real reports imported, and the seed, repeated;
# each converted once to JSON for the peers (bench/tojson.lua).
PY=${PYTHON:-/usr/bin/python3}
mkdir -p "$WORK/real" "$WORK/real301" "$WORK/json301"
for f in "$ROOT"/../shared/real-reports/*.txt "$ROOT"/../shared/real-reports/*.html; do
  [ -f "$f" ] || continue
  b=$(basename "${f%.*}")
  "$NB" import "$f" -o "$WORK/real/$b.lua" --force >/dev/null 2>&1 || true
  [ -s "$WORK/real/$b.lua" ] || rm -f "$WORK/real/$b.lua"
done
cp "$SEED" "$WORK/real/seed.lua"
REAL=("$WORK"/real/*.lua)
for ((i = 0; i < 301; i++)); do cp "${REAL[i % ${#REAL[@]}]}" "$(printf '%s/real301/%03d.lua' "$WORK" "$i")"; done
"$NB" run "$ROOT/bench/tojson.lua" "$WORK/json301" "$WORK"/real301/*.lua
REAL_ONE=$WORK/real/01-huaian-city-gov-2024.lua
[ -f "$REAL_ONE" ] || REAL_ONE=${REAL[0]}
"$NB" run "$ROOT/bench/tojson.lua" "$WORK" "$SEED" "$REAL_ONE"
REAL_JSON=$WORK/$(basename "${REAL_ONE%.lua}").json
echo "   ${#REAL[@]} distinct reports (${REAL[*]##*/}), repeated to 301; real report for one-file figures: ${REAL_ONE##*/}"
compare "check 301 real reports, one process" "$PY $ROOT/bench/peer_check.py $WORK/json301/*.json" "$NB check $WORK/real301/*.lua"
compare "check 301 real reports, built-in only" "$PY $ROOT/bench/peer_check.py $WORK/json301/*.json" "$NB check --builtin-only $WORK/real301/*.lua"
# -j N spreads the files over N children of the same program (nianbao/parallel.lua); on a
# machine with N free cores
JOBS=$(nproc)
if [ "$JOBS" -gt 1 ]; then
  compare "check 301 real reports, -j $JOBS" "$PY $ROOT/bench/peer_check.py $WORK/json301/*.json" "$NB check -j $JOBS $WORK/real301/*.lua"
fi
if "$PY" -c 'import jinja2' 2>/dev/null; then
  compare "render html, one process (seed)" "$PY $ROOT/bench/peer_render.py $WORK/yanjin-commerce-2024.json $WORK/peer.html" \
    "$NB render $SEED -f html -o $WORK/nb.html --force"
  compare "render html, one process (real)" "$PY $ROOT/bench/peer_render.py $REAL_JSON $WORK/peer.html" \
    "$NB render $REAL_ONE -f html -o $WORK/nb.html --force"
  # -o writes atomically and durably (fsync before the rename, about 1 ms on a disk); the peer
  # only writes its file, so this row compares the page made and printed
  compare "render html, one process (real), to standard output" "$PY $ROOT/bench/peer_render.py $REAL_JSON $WORK/peer.html" \
    "$NB render $REAL_ONE -f html --force"
else
  echo "   (no jinja2 for $PY: apt-get install python3-jinja2)"
fi
IR_LUA_REAL=$(ir lua-real lua5.4 -e "dofile('$REAL_ONE')")
# Under valgrind a rule runs some 50 times slower than natively, so its 10 ms CPU alarm goes
# off and the rule runs again under the instruction hook, which a native check never does:
# the target is measured with the alarm off (bench/noalarm.c), what a native run executes.
# Preloading that library costs instructions of its own (the loader maps it and looks every
# symbol up in one more object), which a native run does not pay either: measured on the
# same binary with no rule (so no alarm), and taken off; the baseline runs without it.
IR_NOALARM_COST=$(( $(LD_PRELOAD="$WORK/noalarm.so" ir builtin-real-noalarm "$NB" check --builtin-only "$REAL_ONE") \
  - $(ir builtin-real "$NB" check --builtin-only "$REAL_ONE") ))
echo "   (loading bench/noalarm.c into nianbao: $IR_NOALARM_COST Ir, taken off the next row)"
report "instructions: check a real report, the rules' alarm off (target <= 4x)" "lua5.4 -e 'dofile(REAL)'" \
  "$IR_LUA_REAL" "nianbao check REAL" \
  "$(( $(LD_PRELOAD="$WORK/noalarm.so" ir check-real-noalarm "$NB" check "$REAL_ONE") - IR_NOALARM_COST ))" Ir
report "instructions: check a real report, the alarm on (rules re-run under valgrind)" "lua5.4 -e 'dofile(REAL)'" "$IR_LUA_REAL" \
  "nianbao check REAL" "$(ir check-real "$NB" check "$REAL_ONE")" Ir
report "instructions: nb.check of REAL, each rule once (bench/check_one.lua)" "lua5.4 -e 'dofile(REAL)'" "$IR_LUA_REAL" \
  "nianbao run bench/check_one.lua REAL" "$(ir check-one "$NB" run "$ROOT/bench/check_one.lua" "$REAL_ONE")" Ir
report "instructions: render html, real (target <= 6x)" "lua5.4 -e 'dofile(REAL)'" "$IR_LUA_REAL" \
  "nianbao render REAL -f html" "$(ir render-real "$NB" render "$REAL_ONE" -f html -o "$WORK/nb.html" --force)" Ir
report "instructions: start-up" "lua5.4 -e ''" "$(ir lua-e lua5.4 -e '')" "nianbao --version" "$IR_VERSION" Ir
# real301 repeats a few distinct reports, and a repeated narrative finds its normalised text
# in nianbao/text.lua's bounded cache: what a report of the batch costs beside what one of the
# distinct reports costs (each checked once, in one process; year pairs in both)
IR_DISTINCT=$(LD_PRELOAD="$WORK/noalarm.so" ir distinct "$NB" check "${REAL[@]}")
IR_301=$(LD_PRELOAD="$WORK/noalarm.so" ir real301 "$NB" check "$WORK"/real301/*.lua)
report "instructions per report: the ${#REAL[@]} distinct vs real301" "nianbao check, ${#REAL[@]} distinct files, ÷ ${#REAL[@]}" \
  "$((IR_DISTINCT / ${#REAL[@]}))" "nianbao check real301, ÷ 301" "$((IR_301 / 301))" Ir
# a year pair (YEAR.IDENTICAL and YEAR.CARRY run): 平潭 2022 against 2021, when imported
PAIR_NOW=$WORK/real/09-pingtan-zone-2022.lua PAIR_LAST=$WORK/real/11-pingtan-zone-2021.lua
if [ -f "$PAIR_NOW" ] && [ -f "$PAIR_LAST" ]; then
  report "instructions: check with --previous (平潭 2022, 2021)" "nianbao check 2022 alone" "$(ir pair-alone "$NB" check "$PAIR_NOW")" \
    "nianbao check 2022 --previous 2021" "$(ir pair "$NB" check "$PAIR_NOW" --previous "$PAIR_LAST")" Ir
fi
# an installed package's share folder holds copies of the bundled scripts: same as embedded?
report "instructions: check REAL, scripts from a share folder" "embedded scripts" "$(ir check-real-again "$NB" check "$REAL_ONE")" \
  "NIANBAO_PATH=scripts (identical copies)" "$(NIANBAO_PATH=$ROOT/scripts ir check-real-path "$NB" check "$REAL_ONE")" Ir
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
if [ -x /usr/bin/time ]; then
  report "peak RSS: render html (real)" "lua5.4 -e 'dofile(REAL)'" "$(rss lua5.4 -e "dofile('$REAL_ONE')")" \
    "nianbao render REAL -f html" "$(rss "$NB" render "$REAL_ONE" -f html -o "$WORK/nb.html" --force)" KiB
  report "peak RSS: check, 30 vs 301 real files" "nianbao check (30 files)" "$(rss "$NB" check $(printf "$WORK/real301/%03d.lua " $(seq 0 29)))" \
    "nianbao check (301 files)" "$(rss "$NB" check "$WORK"/real301/*.lua)" KiB
  if [ "$RSS10000" = 1 ]; then
    # links, not copies: 10,000 names for the 301 files (one check process reads them all)
    mkdir -p "$WORK/b10000"
    R301=("$WORK"/real301/*.lua)
    for ((i = 0; i < 10000; i++)); do ln -f "${R301[i % 301]}" "$(printf '%s/b10000/%05d.lua' "$WORK" "$i")"; done
    report "peak RSS: check, 1,000 vs 10,000 files" "nianbao check (1,000 files)" \
      "$(rss "$NB" check $(printf "$WORK/b10000/%05d.lua " $(seq 0 999)))" \
      "nianbao check (10,000 files)" "$(rss "$NB" check "$WORK/b10000")" KiB
  fi
fi

if [ -n "$AGAINST" ]; then
  echo "== against $AGAINST (built in a temporary git worktree)"
  git -C "$ROOT" worktree add --detach "$WORK/base-src" "$AGAINST" >/dev/null 2>&1
  cmake -S "$WORK/base-src" -B "$WORK/base-build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$WORK/base-build" -j"$(nproc)" >/dev/null
  OLD=$WORK/base-build/nianbao
  REV=$(git -C "$ROOT" rev-parse --short "$AGAINST")
  compare "check the seed vs $REV" "$OLD check $SEED" "$NB check $SEED"
  compare "check ${#DATA[@]} files vs $REV" "$OLD check $WORK/data/*.lua" "$NB check $WORK/data/*.lua"
  compare "render html (seed) vs $REV" "$OLD render $SEED -f html" "$NB render $SEED -f html"
  compare "import HTML vs $REV" "$OLD import ${HTML[0]}" "$NB import ${HTML[0]}"
fi

echo "== results (Markdown, for docs/benchmarks.md)"
short < "$RESULTS"
