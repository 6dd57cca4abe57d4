#!/usr/bin/env bash
# Every file of tests/data/hostile/ must be refused by `check` and by `render -o` with exit
# code 2, a message naming the file and the reason of tests/data/hostile/EXPECT.tsv, without
# hanging (a bound of 10 s, ten times the promised second, which bench/ measures; a busy CI
# machine under the sanitizers must not fail it; NB_HANG_MS overrides it), and with
# no side effect: the working folder is unchanged, no output file appears, no process is
# started (strace, when present), the secret of the environment never shows.
# Usage: bash tests/reliability/hostile.sh PATH/TO/nianbao
set -u
NB=$(realpath "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=$REPO/tests/data/hostile
HANG_MS=${NB_HANG_MS:-10000}
export NB_HOSTILE_SECRET=hostile-secret-7f3a
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); printf 'FAIL [%s] %s\n' "$file" "$*"; }

have_strace=0
if command -v strace >/dev/null && strace -f -qq -o /dev/null true 2>/dev/null; then have_strace=1; fi

# run_in_sandbox_dir CMD...: runs in a fresh folder holding only keep.txt; sets rc, ms, err.
run_in_sandbox_dir() {
  rm -rf "$TMP/cwd" && mkdir "$TMP/cwd" && echo keep >"$TMP/cwd/keep.txt"
  local t0 t1
  t0=$(date +%s%N)
  (cd "$TMP/cwd" && HOME="$TMP/cwd" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null)
  rc=$?
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  err=$(cat "$TMP/err")
}

check_refusal() { # what path reason
  local what=$1 path=$2 reason=$3
  [ "$rc" = 2 ] || fail "$what: exit code $rc, expected 2; stderr: $err"
  [[ $err == *"$path"* ]] || fail "$what: message does not name the file: $err"
  [[ $err == *"$reason"* ]] || fail "$what: message lacks the reason “$reason”: $err"
  [ "$ms" -le "$HANG_MS" ] || fail "$what: hung ($ms ms)"
  local listing
  listing=$(cd "$TMP/cwd" && ls -A)
  [ "$listing" = keep.txt ] || fail "$what: the working folder changed: $listing"
  [ "$(cat "$TMP/cwd/keep.txt")" = keep ] || fail "$what: keep.txt was modified"
  if grep -q "$NB_HOSTILE_SECRET" "$TMP/out" "$TMP/err"; then fail "$what: the environment was read"; fi
  [ -s "$TMP/out" ] && fail "$what: something was written to standard output: $(head -c 200 "$TMP/out")"
  passed=$((passed + 1))
}

count=0 slowest=0
while IFS=$'\t' read -r file reason; do
  case $file in '#'* | '') continue ;; esac
  path=$CORPUS/$file
  [ -f "$path" ] || { fail "listed in EXPECT.tsv but missing"; continue; }
  count=$((count + 1))
  if [ $have_strace = 1 ]; then
    run_in_sandbox_dir strace -f -qq -e trace=execve,fork,vfork,clone,clone3 -o "$TMP/trace" "$NB" check "$path"
    # one execve (nianbao itself); no fork, and no clone but a thread's (CLONE_VM: the
    # sanitizers' leak checker makes one)
    n=$(grep -c -E 'execve\(' "$TMP/trace")
    forks=$(grep -E 'fork\(|clone3?\(' "$TMP/trace" | grep -v CLONE_VM)
    [ "$n" = 1 ] && [ -z "$forks" ] || fail "check: started a process: $(cat "$TMP/trace")"
  fi
  run_in_sandbox_dir "$NB" check "$path"
  [ $ms -gt $slowest ] && slowest=$ms
  check_refusal check "$path" "$reason"
  run_in_sandbox_dir "$NB" render "$path" -o out.txt
  [ $ms -gt $slowest ] && slowest=$ms
  check_refusal render "$path" "$reason"
  # from standard input the file is named （标准输入）
  run_in_sandbox_dir sh -c "exec \"\$0\" check - <\"\$1\"" "$NB" "$path"
  check_refusal "check -" "（标准输入）" "$reason"
done <"$CORPUS/EXPECT.tsv"

# every corpus file is listed, so none is silently skipped
for path in "$CORPUS"/*; do
  file=$(basename "$path")
  [ "$file" = EXPECT.tsv ] && continue
  grep -q "^$file	" "$CORPUS/EXPECT.tsv" || fail "not listed in EXPECT.tsv"
done
file=corpus
[ $count -ge 30 ] || fail "only $count hostile files (at least 30 wanted)"
echo "measured: $count hostile files, slowest refusal $slowest ms (strace: $have_strace)"
echo "$passed passed, $failed failed"
[ $failed = 0 ]
