#!/usr/bin/env bash
# The main commands under valgrind (memcheck): no invalid access, no use of uninitialised
# memory, no leak (definite or indirect), else exit 1. Both successful runs and refusals.
# Usage: bash tests/reliability/valgrind.sh PATH/TO/nianbao
set -u
NB=$(realpath "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO" || exit 2
SEED=reports/yanjin-commerce-2024.lua
PUBLISHED=../shared/000_49be5e48092c958c.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
VG=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --track-origins=yes)

# vg EXPECTED_EXIT ARGS...: nianbao ARGS under valgrind; the exit code must be EXPECTED_EXIT.
vg() {
  local want=$1
  shift
  "${VG[@]}" "$NB" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  local rc=$?
  if [ $rc = "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL [nianbao %s] exit %s, expected %s (99: valgrind found errors)\n' "$*" $rc "$want"
    head -c 3000 "$TMP/err"
  fi
}

vg 0 check "$SEED"
# last year's report: the seed as 2023 (a --previous of the same year is refused)
sed 's/year = 2024/year = 2023/' "$SEED" >"$TMP/prev-2023.lua"
vg 0 check --format json "$SEED" --previous "$TMP/prev-2023.lua"
vg 0 summary "$SEED" "$TMP/prev-2023.lua" -o "$TMP/summary.xlsx"
# two units (the same file twice is refused: a unit is never counted twice)
sed 's/agency = "延津县商务局"/agency = "延津县民政局"/' "$SEED" >"$TMP/unit2.lua"
vg 0 aggregate "$SEED" "$TMP/unit2.lua" --agency 某某县人民政府 -o "$TMP/sum.lua"
vg 2 aggregate "$SEED" "$SEED" --agency 某某县人民政府 -o "$TMP/sum2.lua"
vg 0 render "$SEED" -o "$TMP/report.txt"
vg 0 render "$SEED" --table-style aligned
vg 0 render "$SEED" -f html -o "$TMP/report.html"
vg 0 render "$SEED" -f markdown
vg 0 new --agency 某某县民政局 --year 2025 -o "$TMP/new.lua"
vg 0 import "$PUBLISHED" -o "$TMP/imported.lua"
vg 0 import "$TMP/report.html" -o "$TMP/imported-html.lua"
vg 0 rules
vg 0 --help
vg 2 check tests/data/hostile/string_bomb.lua
vg 2 check tests/data/hostile/deep_nesting.lua
vg 2 check tests/data/hostile/os_execute.lua
vg 1 check tests/fuzz/corpus/load/invalid.lua
vg 2 render "$SEED" -f no-such-format
echo "$passed passed, $failed failed"
[ $failed = 0 ]
