#!/usr/bin/env bash
# Atomic output: a render that fails half-way leaves an existing output file byte-identical
# and no temporary file behind: a script error in the renderer, a write error (the file size
# limit of `ulimit -f` standing in for a full disk), and `kill -9` while the output is being
# written. Usage: bash tests/reliability/atomic.sh PATH/TO/nianbao
set -u
NB=$(realpath "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SEED=$REPO/reports/yanjin-commerce-2024.lua
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); printf 'FAIL [%s] %s\n' "$name" "$*"; }

# Renderers for the test: one raises half-way, one makes a big output that takes a while.
mkdir -p "$TMP/scripts/render"
cat >"$TMP/scripts/render/boom.lua" <<'LUA'
return { name = "boom", render = function(report) local s = report.agency .. "..." error("renderer failed half-way") end }
LUA
cat >"$TMP/scripts/render/huge.lua" <<'LUA'
return { name = "huge", render = function() return string.rep("年报", 16 * 1024 * 1024) end }
LUA

# fresh_out: the output folder with only out.txt, whose content is kept in $TMP/expected
fresh_out() {
  rm -rf "$TMP/out" && mkdir "$TMP/out"
  printf 'the existing report, 年报 %s\n' "$RANDOM" >"$TMP/out/out.txt"
  cp "$TMP/out/out.txt" "$TMP/expected"
}

unchanged() {
  cmp -s "$TMP/out/out.txt" "$TMP/expected" || { fail "the existing output file changed"; return 1; }
  local listing
  listing=$(cd "$TMP/out" && ls -A)
  [ "$listing" = out.txt ] || { fail "files left behind: $listing"; return 1; }
  return 0
}

name="script error in the renderer"
fresh_out
"$NB" --scripts "$TMP/scripts" render "$SEED" -f boom -o "$TMP/out/out.txt" 2>"$TMP/err"
rc=$?
[ $rc = 3 ] || fail "exit code $rc, expected 3"
grep -q "renderer failed half-way" "$TMP/err" || fail "no message: $(cat "$TMP/err")"
unchanged && passed=$((passed + 1))

name="write error (file size limit, as a full disk)"
fresh_out
(trap '' XFSZ; ulimit -f 2; exec "$NB" render "$SEED" -o "$TMP/out/out.txt") 2>"$TMP/err"
rc=$?
[ $rc = 2 ] || fail "exit code $rc, expected 2"
grep -q "写入失败.*原文件未改动" "$TMP/err" || fail "no message: $(cat "$TMP/err")"
unchanged && passed=$((passed + 1))

name="render -o on success replaces the file"
fresh_out
"$NB" render "$SEED" -o "$TMP/out/out.txt" && "$NB" render "$SEED" >"$TMP/stdout.txt" &&
  cmp -s "$TMP/out/out.txt" "$TMP/stdout.txt" && [ "$(ls -A "$TMP/out")" = out.txt ] &&
  passed=$((passed + 1)) || fail "the output is not the rendered report, or files are left"

# kill -9 while writing: wait until the process holds a file in the output folder open for
# writing, then kill it at once.
name="kill -9 during the write"
killed=0
for attempt in 1 2 3 4 5; do
  fresh_out
  "$NB" --scripts "$TMP/scripts" render "$SEED" -f huge -o "$TMP/out/out.txt" 2>/dev/null &
  pid=$!
  seen=0
  while kill -0 $pid 2>/dev/null; do
    if ls -l /proc/$pid/fd 2>/dev/null | grep -q -- "-> $TMP/out/"; then
      kill -9 $pid
      seen=1
      break
    fi
  done
  wait $pid 2>/dev/null
  rc=$?
  if [ $seen = 1 ] && [ $rc = 137 ]; then
    killed=$((killed + 1))
    unchanged || break
  fi
done
[ $killed -ge 3 ] || fail "killed during the write only $killed times out of 5"
[ $failed = 0 ] && passed=$((passed + 1))
echo "measured: killed during the write $killed times out of 5"
echo "$passed passed, $failed failed"
[ $failed = 0 ]
