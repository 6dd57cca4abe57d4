# Helpers of the command-line tests (sourced by run.sh). Every assertion counts once in
# the final "N passed, M failed"; a failure prints the case, what was expected and what came.
# After nb/expect_exit: $RC is the exit code, $OUT and $ERR the files holding stdout/stderr,
# $MS the run time in milliseconds.

PASSED=0
FAILED=0
CASE="(no case)"

# Start a named case (the name is shown with each failure).
case_() { CASE="$*"; }

pass() { PASSED=$((PASSED + 1)); }

fail() {
  FAILED=$((FAILED + 1))
  printf 'FAIL [%s] %s\n' "$CASE" "$*"
}

# Run a command; stdin from $STDIN when set, /dev/null otherwise.
run_cmd() {
  OUT="$TMP/last.out"
  ERR="$TMP/last.err"
  local t0 t1
  t0=$(date +%s%N)
  "$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR"
  RC=$?
  t1=$(date +%s%N)
  MS=$(( (t1 - t0) / 1000000 ))
}

show_output() {
  printf '  --- stdout ---\n'; head -c 2000 "$OUT" | sed 's/^/  /'
  printf '  --- stderr ---\n'; head -c 2000 "$ERR" | sed 's/^/  /'
}

# expect_exit CODE -- cmd...: run cmd and assert its exit code.
expect_exit() {
  local want=$1
  shift
  [ "$1" = "--" ] && shift
  run_cmd "$@"
  if [ "$RC" -eq "$want" ]; then
    pass
  else
    fail "exit code $RC, expected $want: $*"
    show_output
  fi
}

# expect_contains out|err TEXT: the last command's stdout/stderr contains TEXT (fixed string).
expect_contains() {
  local file
  if [ "$1" = out ]; then file=$OUT; else file=$ERR; fi
  if grep -qF -- "$2" "$file"; then
    pass
  else
    fail "$1 does not contain: $2"
    show_output
  fi
}

# expect_not_contains out|err TEXT
expect_not_contains() {
  local file
  if [ "$1" = out ]; then file=$OUT; else file=$ERR; fi
  if grep -qF -- "$2" "$file"; then
    fail "$1 unexpectedly contains: $2"
    show_output
  else
    pass
  fi
}

# expect_line out|err TEXT...: one line of the last stdout/stderr contains every TEXT.
expect_line() {
  local file
  if [ "$1" = out ]; then file=$OUT; else file=$ERR; fi
  shift
  local line text ok
  while IFS= read -r line; do
    ok=1
    for text in "$@"; do
      case "$line" in *"$text"*) ;; *) ok=0; break ;; esac
    done
    if [ "$ok" = 1 ]; then pass; return; fi
  done <"$file"
  fail "no line contains all of: $*"
  show_output
}

# expect_true DESCRIPTION -- cmd...: cmd succeeds (for file tests and python assertions).
expect_true() {
  local what=$1
  shift
  [ "$1" = "--" ] && shift
  local msg
  if msg=$("$@" 2>&1); then
    pass
  else
    fail "$what${msg:+: $msg}"
  fi
}

# expect_same_file EXPECTED ACTUAL: byte for byte, with a diff on failure.
expect_same_file() {
  if cmp -s "$1" "$2"; then
    pass
  else
    fail "$2 differs from $1"
    diff -u "$1" "$2" | head -60 | sed 's/^/  /'
  fi
}

# json_assert PYTHON_EXPR: evaluate a Python assertion over the JSON lines of the last stdout,
# available as `objs` (one parsed object per line); errors(obj) keeps the findings of severity
# error (the bundled rules may add warnings to any file). Prints the failing expression.
json_assert() {
  expect_true "JSON: $1" -- python3 -c '
import json, sys
objs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
errors = lambda o: [f for f in o["findings"] if f["severity"] == "error"]
ok = eval(sys.argv[2])
if not ok:
    print(json.dumps(objs, ensure_ascii=False)[:1500])
    sys.exit(1)
' "$OUT" "$1"
}

summary() {
  printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
  [ "$FAILED" -eq 0 ]
}
