#!/usr/bin/env bash
# Pipes one prompt session (sessions/NAME.in) into `nianbao repl` and compares standard
# output and error, merged, with sessions/NAME.out. The first line of NAME.in may be
# `-- args: ...` (the arguments of repl, e.g. a report). $REPL_TMP is a fresh folder, also
# first on the script search path; it is written as $REPL_TMP in the output.
# Usage: run_session.sh NIANBAO NAME.in   (UPDATE=1 rewrites NAME.out after a reviewed change)
set -u
nianbao=$1 input=$2
expected=${input%.in}.out
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scripts"
args=$(sed -n '1s/^-- args: //p' "$input")
# shellcheck disable=SC2086 # args are words
REPL_TMP=$tmp XDG_STATE_HOME=$tmp/state HOME=$tmp \
  timeout 20 "$nianbao" --scripts "$tmp/scripts" repl $args <"$input" >"$tmp/actual" 2>&1
echo "[exit $?]" >>"$tmp/actual"
sed -i "s#$tmp#\$REPL_TMP#g" "$tmp/actual"
if [ "${UPDATE:-}" = 1 ]; then cp "$tmp/actual" "$expected"; exit 0; fi
if ! diff -u "$expected" "$tmp/actual"; then
  echo "repl session $input: output differs from $expected (above)" >&2
  exit 1
fi
[ ! -e "$tmp/state/nianbao/history" ] || { echo "a piped session wrote history" >&2; exit 1; }
