#!/usr/bin/env bash
# libedit is opened by the prompt, not linked (host/editline.c): the binary must not name it
# among its libraries (every command would load it again), and a prompt on a terminal where
# libedit cannot be used says so and still reads and evaluates plain lines.
# Usage: libedit_on_demand.sh NIANBAO   (the prompt with the real libedit: repl/tmux)
set -uo pipefail
NB=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

needed=$(readelf -d "$NB" | grep NEEDED)
# here-strings, not echo | grep -q: under pipefail, grep leaving as soon as it matches can
# give echo a broken pipe, and the pipeline then fails although the line was there
if grep -q libedit <<<"$needed"; then bad "the binary links libedit: $needed"; fi
if ! grep -q "libc\.so" <<<"$needed"; then bad "readelf shows no NEEDED libc, so the check above proves nothing: $needed"; fi

skip() { echo "SKIP: repl/libedit-on-demand: $*" >&2; exit 77; }
if ! script -qec true /dev/null </dev/null >/dev/null 2>"$tmp/pty.err"; then
  [ $fail = 0 ] || exit 1
  skip "no pseudo-terminal on this machine ($(head -n 1 "$tmp/pty.err"))"
fi
# a libedit.so.2 without any of libedit's functions, found first by the loader
mkdir "$tmp/lib"
cc -shared -fPIC -o "$tmp/lib/libedit.so.2" -x c /dev/null || { echo "cc failed" >&2; exit 1; }
printf 'print(6 * 7)\nos.exit(0)\n' |
  HOME=$tmp XDG_STATE_HOME=$tmp LD_LIBRARY_PATH=$tmp/lib timeout 60 script -qec "$NB repl" /dev/null >"$tmp/out" 2>&1
grep -q "无法载入行编辑器 libedit（el_init）；改为逐行读取" "$tmp/out" || bad "no message that libedit could not be used: $(cat "$tmp/out")"
# 42 on a line of its own, after the prompt or not: the terminal echoes the typed lines
# whenever they arrive, so on a busy machine the prompt may come after them
grep -Eq $'^(> )*42\r?$' "$tmp/out" || bad "the prompt did not evaluate a plain line: $(cat "$tmp/out")"
[ $fail = 0 ] && echo "repl/libedit-on-demand: all passed"
exit $fail
