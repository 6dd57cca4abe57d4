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

head -c 3000 /dev/urandom >"$TMP/random.bin"
timeout 20 "$NB" import "$TMP/random.bin" -o "$TMP/random.lua" 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 2 ]; then
  # a NUL byte in the first KiB (almost always): refused as a binary file, nothing written
  grep -q "random.bin：这是二进制文件" "$TMP/err"; check "random bytes: refused as a binary file, named" "0" "$?"
  [ ! -e "$TMP/random.lua" ]; check "random bytes: no data file written" "0" "$?"
else
  [ "$rc" -le 1 ]; check "random bytes: exit 0 or 1 (got $rc)" "0" "$?"
  "$NB" check "$TMP/random.lua" >/dev/null 2>&1
  rc=$?; [ "$rc" -le 1 ]; check "random bytes give a loadable data file (check exit $rc)" "0" "$?"
fi
# bytes without a NUL are read as text: never a crash; either a loadable data file, or (no
# part of a report found in them) exit 2 with the reason and no file
LC_ALL=C tr -d '\000' <"$TMP/random.bin" >"$TMP/random-nonul.bin"
rm -f "$TMP/random2.lua"
timeout 20 "$NB" import "$TMP/random-nonul.bin" -o "$TMP/random2.lua" 2>"$TMP/random2.err"
rc=$?
if [ "$rc" = 2 ]; then
  grep -q "未找到年度报告的任何部分" "$TMP/random2.err"; check "random bytes without NUL: refused as no report" "0" "$?"
  [ ! -e "$TMP/random2.lua" ]; check "random bytes without NUL: refused, nothing written" "0" "$?"
else
  [ "$rc" -le 1 ]; check "random bytes without NUL: exit 0 or 1 (got $rc)" "0" "$?"
  "$NB" check "$TMP/random2.lua" >/dev/null 2>&1
  rc=$?; [ "$rc" -le 1 ]; check "random bytes without NUL give a loadable data file (check exit $rc)" "0" "$?"
fi
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
