#!/usr/bin/env bash
# Command-line tests of `nianbao import`: import | check -, exit codes, -o and --force.
# Usage: bash tests/import/cli.sh PATH/TO/nianbao (from the repository root).
set -u
NB=$(realpath "$1")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: expected '$2', got '$3'"; fi
}

SEED=../shared/000_49be5e48092c958c.txt
"$NB" import "$SEED" | "$NB" check - >"$TMP/check.out"
check "import seed | check - exits 0" "0" "$?"
grep -q "通过（0 个错误" "$TMP/check.out"; check "check of the imported seed passes" "0" "$?"

"$NB" import "$SEED" -o "$TMP/seed.lua" 2>"$TMP/err"
check "import -o exits 0" "0" "$?"
"$NB" render "$TMP/seed.lua" >"$TMP/a.txt" && "$NB" render reports/yanjin-commerce-2024.lua >"$TMP/b.txt"
cmp -s "$TMP/a.txt" "$TMP/b.txt"; check "the imported seed renders like the bundled report" "0" "$?"

"$NB" import "$SEED" -o "$TMP/seed.lua" 2>"$TMP/err"
check "existing output is not overwritten" "2" "$?"
"$NB" import "$SEED" -o "$TMP/seed.lua" --force 2>"$TMP/err"
check "--force overwrites" "0" "$?"

"$NB" import - <tests/import/fixtures/images.html -o "$TMP/img.lua" 2>"$TMP/err"
check "tables published as images: exit 1" "1" "$?"
grep -q "SECTION.MISSING \[第三部分\]" "$TMP/err"; check "missing table 三 is named on stderr" "0" "$?"
"$NB" check "$TMP/img.lua" >/dev/null
check "check of a report with missing tables exits 1" "1" "$?"

"$NB" import "$TMP/does-not-exist.txt" 2>"$TMP/err"
check "unreadable file: exit 2" "2" "$?"
grep -q "does-not-exist.txt" "$TMP/err"; check "unreadable file is named" "0" "$?"

# random bytes: never a crash; either refused (exit 2, the reason given, nothing written) or a
# loadable data file. import_random NAME REASON: NAME in $TMP, REASON the refusal's words
import_random() {
  rm -f "$TMP/$1.lua"
  timeout 20 "$NB" import "$TMP/$1" -o "$TMP/$1.lua" 2>"$TMP/$1.err"
  local rc=$?
  if [ "$rc" -eq 2 ]; then
    grep -q "$1：$2" "$TMP/$1.err"; check "$1: refused, named, with the reason ($2)" "0" "$?"
    [ ! -e "$TMP/$1.lua" ]; check "$1: refused, nothing written" "0" "$?"
  else
    [ "$rc" -le 1 ]; check "$1: exit 0 or 1 (got $rc)" "0" "$?"
    "$NB" check "$TMP/$1.lua" >/dev/null 2>&1
    rc=$?; [ "$rc" -le 1 ]; check "$1: a loadable data file (check exit $rc)" "0" "$?"
  fi
}
# random bytes with a NUL byte in the first KiB: a binary file (1 KiB of random bytes holds
# none about once in 55 runs, and then this case failed: the NUL is now placed there)
{ head -c 500 /dev/urandom; printf '\000'; head -c 2499 /dev/urandom; } >"$TMP/random.bin"
import_random random.bin "这是二进制文件"
# without NULs it is read as text, where no part of a report is found
LC_ALL=C tr -d '\000' <"$TMP/random.bin" >"$TMP/random-nonul.bin"
import_random random-nonul.bin "未找到年度报告的任何部分"
# an empty file and a page with no part of a report: exit 2, named, nothing written
: >"$TMP/empty.txt"
printf '<html><body><p>首页</p><p>联系我们</p></body></html>' >"$TMP/index.html"
for f in empty.txt index.html; do
  "$NB" import "$TMP/$f" -o "$TMP/$f.lua" 2>"$TMP/$f.err"
  check "$f: exit 2" "2" "$?"
  grep -q "$f.*未找到年度报告的任何部分" "$TMP/$f.err"; check "$f: named, with the reason" "0" "$?"
  [ ! -e "$TMP/$f.lua" ]; check "$f: nothing written" "0" "$?"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
