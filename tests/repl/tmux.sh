#!/usr/bin/env bash
# Terminal tests of `nianbao repl` under tmux: Tab completion, Ctrl-C cancelling a line and
# interrupting running code, history kept across two sessions, Ctrl-D leaving.
# Every wait polls the pane (capture-pane) with a deadline, so the test is quick when all
# goes well and bounded when it does not.
# Usage: tmux.sh NIANBAO   (run from the repository root)
set -u
nianbao=$(realpath "$1")
command -v tmux >/dev/null || { echo "tmux.sh: tmux is not installed (tools/packages.txt)" >&2; exit 1; }
tmp=$(mktemp -d)
export TMUX_TMPDIR=$tmp # a private tmux server, whatever else runs on this machine
unset TMUX
T() { tmux -L repltest -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM # so that a ctest timeout still cleans up

failures=0
fail() {
  echo "FAILED: $*" >&2
  echo "--- the pane:" >&2
  T capture-pane -p -t repl 2>/dev/null | sed 's/^/  | /' >&2
  echo "---" >&2
  failures=$((failures + 1))
}

# wait_for TEXT [SECONDS]: until the pane shows TEXT (a fixed string)
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do
    T capture-pane -p -t repl 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# wait_for_line TEXT [SECONDS]: until a line of the pane is exactly TEXT
wait_for_line() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do
    T capture-pane -p -t repl 2>/dev/null | sed 's/[[:space:]]*$//' | grep -qxF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# ready [PROMPT]: until the last line shown is an empty prompt ("> " by default), that is
# until the prompt waits for input; keys typed before would be typeahead.
ready() {
  local want=${1:->} deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(T capture-pane -p -t repl 2>/dev/null | sed 's/[[:space:]]*$//' | grep -v '^$' | tail -n 1)" = "$want" ] &&
      return 0
    sleep 0.1
  done
  fail "the prompt \"$want\" did not come back"
  return 1
}

# count TEXT: how many lines of the pane hold TEXT
count() { T capture-pane -p -t repl | grep -cF -- "$1"; }

# type TEXT: literal text (send-keys would read "end" or "Up" as key names)
type_text() { T send-keys -t repl -l -- "$1"; }

# A session in a fresh pane; its exit code is printed when it ends.
start() {
  T kill-session -t repl 2>/dev/null
  T new-session -d -s repl -x 120 -y 50 \
    "env LANG=C.UTF-8 XDG_STATE_HOME='$tmp/state' HOME='$tmp' '$nianbao' repl reports/yanjin-commerce-2024.lua; echo \"[exit \$?]\"; sleep 60"
  wait_for "已载入" || fail "the prompt did not start"
  ready
}

# enter TEXT: type a line and Enter, once the prompt waits
enter() { ready "${2:->}" && type_text "$1" && T send-keys -t repl Enter; }

# A terminal test needs a pseudo-terminal and a tmux server that can start; some sandboxes
# give neither. There the test is skipped (exit 77, SKIP_RETURN_CODE in tests.cmake) and says
# why; the piped sessions (repl/session/*) still run. A server that fails for another reason
# is tried three times, and its log is shown.
skip() { echo "SKIP: repl/tmux: $*" >&2; exit 77; }
if ! script -qec true /dev/null </dev/null >/dev/null 2>"$tmp/pty.err"; then
  skip "no pseudo-terminal on this machine ($(head -n 1 "$tmp/pty.err"))"
fi
probe_ok=0
for attempt in 1 2 3; do
  mkdir -p "$tmp/log$attempt"
  if [ $attempt = 3 ]; then
    # last try: the server in the foreground (-D, no daemon), kept by this script, for a
    # sandbox that stops processes which leave their session
    (cd "$tmp/log3" && exec tmux -L repltest -f /dev/null -v -D </dev/null >/dev/null 2>&1) &
    for _ in $(seq 50); do T has-session 2>/dev/null; [ -S "$tmp/tmux-$(id -u)/repltest" ] && break; sleep 0.1; done
  fi
  if (cd "$tmp/log$attempt" && T -v new-session -d -s probe "sleep 30") 2>"$tmp/probe.err"; then
    probe_ok=1
    break
  fi
  sleep 1
done
if [ $probe_ok = 0 ]; then
  echo "tmux could not start a server: $(cat "$tmp/probe.err")" >&2
  tail -n 15 "$tmp"/log*/tmux-server-*.log 2>/dev/null >&2
  skip "tmux cannot start a server here (its log is above)"
fi
[ $attempt = 3 ] && echo "repl/tmux: the tmux server runs in the foreground (-D): a daemon did not start" >&2
# The server must outlive every session: by default it exits when its last session is
# killed, and a new-session racing that exit fails with "server exited unexpectedly"
# (about 1 in 200 here). start() kills the old session before making the new one.
T set-option -g exit-empty off
T kill-session -t probe 2>/dev/null

# ---- session 1
start

# completion of a field of the frozen report
type_text "report.ag"
T send-keys -t repl Tab
wait_for "> report.agency" 5 || fail "report.ag<Tab> did not complete to report.agency"
T send-keys -t repl Enter
wait_for '"延津县商务局"' || fail "report.agency was not evaluated"

# several candidates: the second Tab lists them
ready
type_text "nb.escape_"
T send-keys -t repl Tab Tab
wait_for "escape_xml" 5 || fail "nb.escape_<Tab><Tab> did not list the candidates"
T send-keys -t repl C-u
ready

# Ctrl-C cancels the line being typed; the prompt goes on
type_text "cancel this line"
T send-keys -t repl C-c
wait_for "cancel this line^C" 5 || fail "Ctrl-C did not cancel the line"
enter "40 + 2"
wait_for_line "42" || fail "the prompt did not go on after Ctrl-C"

# Ctrl-C interrupts running code (also code that swallows errors with pcall) and leaves
# the state usable. The key is sent again until the interrupt shows, in case the first one
# arrived before the terminal left line-editing mode (where it is read as a key).
interrupt() {
  local before
  before=$(count "已中断")
  enter "$1"
  for _ in 1 2 3 4 5; do
    sleep 0.3
    T send-keys -t repl C-c
    local deadline=$((SECONDS + 3))
    while [ $SECONDS -lt $deadline ]; do
      [ "$(count "已中断")" -gt "$before" ] && return 0
      sleep 0.1
    done
  done
  return 1
}
interrupt "while true do end" || fail "Ctrl-C did not interrupt while true do end"
interrupt "while true do pcall(function() end) end" || fail "Ctrl-C did not interrupt a loop of pcalls"
enter "interrupted_ok = report.year + 1"
enter "interrupted_ok"
wait_for_line "2025" || fail "the state was not usable after the interrupts"

# a statement over several lines is one history entry
enter "function twice(n)"
enter "return 2 * n" ">>"
enter "end" ">>"
enter "from_first_session = twice(21)"

# Ctrl-D leaves
ready && T send-keys -t repl C-d
wait_for "[exit 0]" || fail "Ctrl-D did not leave with exit code 0"
hist=$tmp/state/nianbao/history
[ -f "$hist" ] || fail "no history file at $hist"
grep -qF "from_first_session" "$hist" 2>/dev/null || fail "the history file lacks the last statement"
grep -qF "cancel this line" "$hist" 2>/dev/null && fail "a cancelled line went into the history"

# ---- session 2: the history of session 1 is there
start
T send-keys -t repl Up
wait_for "> from_first_session = twice(21)" 5 || fail "Up did not recall the last statement of session 1"
T send-keys -t repl C-u
enter "twice(4)"
wait_for "attempt to call a nil value (global 'twice')" 5 || fail "twice() should not exist yet in session 2"
ready && T send-keys -t repl Up Up Up
wait_for "return 2 * n" 5 || fail "the multi-line statement was not recalled as one entry"
T send-keys -t repl Enter
enter "twice(4)"
wait_for_line "8" 5 || fail "the recalled function did not run"
ready && T send-keys -t repl C-d
wait_for "[exit 0]" || fail "session 2 did not end"

if [ $failures -gt 0 ]; then
  echo "repl/tmux: $failures failure(s)" >&2
  exit 1
fi
echo "repl/tmux: all passed"
