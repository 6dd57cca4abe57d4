#!/usr/bin/env bash
# Invalid values are not refused but reported: `check` exits 1 with a VALUE.INVALID finding
# at the right place (NaN, inf, negative, fractional, out-of-range counts; a negative or
# non-finite fee). A UTF-8 byte-order mark before the seed report is accepted (exit 0).
# Usage: bash tests/reliability/invalid.sh PATH/TO/nianbao
set -u
NB=$(realpath "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SEED=$REPO/reports/yanjin-commerce-2024.lua
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); printf 'FAIL [%s] %s\n' "$name" "$*"; }

# case_ NAME SED_EXPR PLACE: the edited seed must give exit 1 and VALUE.INVALID at PLACE
# (the key path shown in the finding), and no other error id.
case_() {
  name=$1
  local expr=$2 place=$3 f=$TMP/case.lua
  sed "$expr" "$SEED" >"$f"
  if cmp -s "$SEED" "$f"; then fail "the edit '$expr' changed nothing"; return; fi
  "$NB" check "$f" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  [ $rc = 1 ] || { fail "exit code $rc, expected 1: $(cat "$TMP/err" "$TMP/out")"; return; }
  grep -q "VALUE.INVALID \[.*($place)" "$TMP/out" ||
    { fail "no VALUE.INVALID at $place: $(cat "$TMP/out")"; return; }
  local others
  others=$(grep -E '(错误|error) [A-Z0-9]+\.' "$TMP/out" | grep -v 'VALUE.INVALID')
  [ -z "$others" ] || { fail "unexpected other errors: $others"; return; }
  passed=$((passed + 1))
}

# fees FIELDS: adds processing_fees = { FIELDS } to the seed
fees() { echo "s|^  format = 2021,|  format = 2021,\n  processing_fees = { $1 },|"; }
case_ "NaN count (0/0)"          's/licensing = 0,/licensing = 0\/0,/'            proactive.licensing
case_ "inf count (1/0)"          's/punishment = 0,/punishment = 1\/0,/'          proactive.punishment
case_ "-inf count"               's/coercion = 0,/coercion = -1\/0,/'             proactive.coercion
case_ "negative count"           's/coercion = 0,/coercion = -3,/'                proactive.coercion
case_ "fractional count"         's/regulations = { issued = 0,/regulations = { issued = 2.5,/' proactive.regulations.issued
case_ "count as float 3e20"      's/^    carried_forward = { 0,/    carried_forward = { 3e20,/' carried_forward
case_ "count above int range"    's/^    carried_forward = { 0,/    carried_forward = { 9223372036854775807,/' carried_forward
case_ "negative count in row"    's/state_secret = { 0, 0,/state_secret = { 0, -1,/' withheld.state_secret
case_ "negative appeal count"    's/^    review = { upheld = 0,/    review = { upheld = -2,/' review
case_ "negative fee (万元)"      's/fees = 0, /fees = -1, /'                     proactive.fees
case_ "NaN fee"                  's/fees = 0, /fees = 0\/0, /'                   proactive.fees
case_ "inf fee"                  's/fees = 0, /fees = 1\/0, /'                   proactive.fees
case_ "negative processing fee"  "$(fees 'notices = 1, notified = -5, collected = 0')" processing_fees.notified
case_ "inf processing fee"       "$(fees 'notices = 1, notified = 0, collected = 1/0')" processing_fees.collected
case_ "fractional notice count"  "$(fees 'notices = 1.5, notified = 0, collected = 0')" processing_fees.notices

name="byte-order mark accepted"
{ printf '\xef\xbb\xbf'; cat "$SEED"; } >"$TMP/bom.lua"
if "$NB" check "$TMP/bom.lua" >"$TMP/out" 2>&1; then passed=$((passed + 1)); else fail "$(cat "$TMP/out")"; fi
"$NB" render "$TMP/bom.lua" -o "$TMP/bom.txt" && "$NB" render "$SEED" -o "$TMP/seed.txt" &&
  cmp -s "$TMP/bom.txt" "$TMP/seed.txt" && passed=$((passed + 1)) || fail "renders differently from the seed"

echo "$passed passed, $failed failed"
[ $failed = 0 ]
