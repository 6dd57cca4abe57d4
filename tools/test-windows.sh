#!/usr/bin/env bash
# Runs a Windows nianbao.exe under wine and compares it with the Linux build:
#   bash tools/test-windows.sh OUT/nianbao.exe [build/nianbao]
# (after bash tools/build-windows.sh OUT). Not part of .ci/run: wine is large and slow to
# start; a release runs it. Checks: a Chinese file name
# (年报.lua) is checked (通过) and rendered as text and HTML byte for byte as on Linux (and
# -f docx once that renderer exists), also into a Chinese folder; -o replaces a file
# atomically and refuses a folder; new, import (UTF-8 and GB18030 text) and the prompt work;
# %APPDATA%\nianbao and NIANBAO_PATH (';'-separated) are on the search path; every file of
# tests/data/hostile/ is refused as on Linux (exit 2, the reason named, no output file).
set -u
exe=$(realpath "${1:?用法：bash tools/test-windows.sh nianbao.exe [Linux 的 nianbao]}")
src=$(cd "$(dirname "$0")/.." && pwd)
lin=$(realpath "${2:-$src/build/nianbao}")
[ -x "$lin" ] || { echo "test-windows: 找不到 Linux 版 $lin（先构建）" >&2; exit 2; }
if ! command -v wine >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "test-windows: 需要 wine（apt-get install wine wine64）" >&2; exit 2; }
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends wine wine64 >/dev/null
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export WINEPREFIX=$T/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot -i >/dev/null 2>&1 || true
PASSED=0 FAILED=0
ok() { PASSED=$((PASSED + 1)); }
bad() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
mkdir -p "$T/w"
cd "$T/w"
# Wine takes its ANSI code page from the Unix locale: 1252 under C.UTF-8, 936 (a Chinese
# Windows) under an installed zh_CN.UTF-8 (run with LC_ALL=zh_CN.UTF-8 then). In neither
# does a narrow fopen("年报.lua") in UTF-8 open the file: only the wide-API wrappers of
# host/win32/compat.c do. (Without the Unix locale installed, wine garbles the arguments.)
# win ARGS...: nianbao.exe in $T/w; stdout in out.txt, stderr in err.txt, exit code in rc
win() { wine "$exe" "$@" >"$T/out.txt" 2>"$T/err.txt" </dev/null; rc=$?; }
cp "$src/reports/yanjin-commerce-2024.lua" 年报.lua

win check 年报.lua
check "check 年报.lua prints 通过 (rc $rc: $(cat "$T/out.txt" "$T/err.txt" | head -3))" \
  grep -q '年报.lua: 通过' "$T/out.txt"
check "check exits 0" test "$rc" = 0
win --version
check "--version ($(cat "$T/out.txt"))" test "$(cat "$T/out.txt")" = "$("$lin" --version)"

win render 年报.lua -f html -o 年报.html
check "render -f html -o 年报.html (rc $rc: $(head -3 "$T/err.txt"))" test "$rc" = 0 -a -s 年报.html
check "the HTML is the Linux build's, byte for byte" cmp -s 年报.html <("$lin" render 年报.lua -f html)
win render 年报.lua
check "the text on standard output is the Linux build's" cmp -s "$T/out.txt" <("$lin" render 年报.lua)
if [ -f "$src/scripts/render/docx.lua" ]; then
  win render 年报.lua -f docx -o 年报.docx
  check "render -f docx -o 年报.docx (rc $rc: $(head -3 "$T/err.txt"))" test "$rc" = 0 -a -s 年报.docx
  check "the .docx is a ZIP file" test "$(head -c 2 年报.docx)" = PK
fi
mkdir 输出
win render 年报.lua -o 输出/年报.txt
check "render -o into a Chinese folder" cmp -s 输出/年报.txt <("$lin" render 年报.lua)
echo old >旧.txt
win render 年报.lua -o 旧.txt
check "-o replaces an existing file" cmp -s 旧.txt <("$lin" render 年报.lua)
win render 年报.lua -o 输出
check "-o on a folder is refused (rc $rc: $(head -2 "$T/err.txt"))" test "$rc" != 0 -a -d 输出
sed 's/total = {/total = { 99,/' 年报.lua >坏.lua
echo keep >keep.txt
win render 坏.lua -o keep.txt
check "a report with errors leaves the -o file as it was (rc $rc)" test "$rc" != 0 -a "$(cat keep.txt)" = keep
check "no temporary file is left: $(ls -A . 输出 | grep -c tmp)" test "$(ls -A . 输出 | grep -c '\.tmp$')" = 0

win new --agency 某某县民政局 --year 2025 -o 新.lua
check "new -o 新.lua (rc $rc)" cmp -s 新.lua <("$lin" new --agency 某某县民政局 --year 2025)

for f in "$src"/tests/import/fixtures/*.txt; do
  cp "$f" in.txt
  win import in.txt
  cp "$T/out.txt" win.lua
  "$lin" import in.txt >lin.lua 2>/dev/null
  check "import $(basename "$f") as on Linux" cmp -s win.lua lin.lua
  if iconv -f UTF-8 -t GB18030 "$f" >gb.txt 2>/dev/null; then
    win import gb.txt
    cp "$T/out.txt" win-gb.lua
    "$lin" import gb.txt >lin-gb.lua 2>/dev/null
    check "import $(basename "$f") in GB18030 as on Linux" cmp -s win-gb.lua lin-gb.lua
  fi
done

printf 'print(report.agency)\nprint(#findings)\n' >session.lua
wine "$exe" repl 年报.lua <session.lua >"$T/out.txt" 2>"$T/err.txt"
check "repl with piped input: $(head -2 "$T/out.txt" | tr '\n' ' ')" \
  test "$(head -1 "$T/out.txt")" = "$(printf 'print(report.agency)\n' | "$lin" repl 年报.lua | head -1)"

# the user's scripts: %APPDATA%\nianbao, then NIANBAO_PATH
appdata=$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')
unixdir=$(winepath -u "$appdata" 2>/dev/null)
mkdir -p "$unixdir/nianbao/rules"
cp "$src/examples/rules/bendi_gaijin.lua" "$unixdir/nianbao/rules/"
win rules
check "a rule in %APPDATA%\\nianbao\\rules is listed ($appdata)" grep -q LOCAL.IMPROVEMENTS "$T/out.txt"
rm -r "$unixdir/nianbao"
mkdir -p a 示例
cp -r "$src/examples/render" 示例/
NIANBAO_PATH='a;示例' win render 年报.lua -f zhaiyao
check "NIANBAO_PATH is split at ';' (rc $rc: $(head -2 "$T/err.txt"))" grep -q '^新收申请' "$T/out.txt"

# hostile data files: refused with the Linux build's reason, no output written
while IFS=$'\t' read -r name reason; do
  case $name in ''|'#'*) continue ;; esac
  cp "$src/tests/data/hostile/$name" h.lua
  win check h.lua
  check "hostile $name: check exit 2 (got $rc)" test "$rc" = 2
  check "hostile $name: the reason “$reason” ($(head -c 200 "$T/err.txt"))" grep -qF "$reason" "$T/err.txt"
  win render h.lua -o h.txt
  check "hostile $name: render -o writes nothing (rc $rc)" test "$rc" = 2 -a ! -e h.txt
  rm -f h.lua h.txt
done <"$src/tests/data/hostile/EXPECT.tsv"

echo "test-windows: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
