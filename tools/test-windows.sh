#!/usr/bin/env bash
# Runs a Windows nianbao.exe under wine and compares it with the Linux build:
#   bash tools/test-windows.sh OUT/nianbao.exe [build/nianbao]   (or just OUT)
# (after bash tools/build-windows.sh OUT). Not part of .ci/run: wine is large and slow to
# start; a release runs it. Checks: a Chinese file name
# (年报.lua) is checked (通过) and rendered as text and HTML byte for byte as on Linux (and
# -f docx once that renderer exists), also into a Chinese folder; -o replaces a file
# atomically and refuses a folder; new, import (UTF-8 and GB18030 text) and the prompt work;
# %APPDATA%\nianbao and NIANBAO_PATH (';'-separated) are on the search path; every file of
# tests/data/hostile/ is refused as on Linux (exit 2, the reason named, no output file);
# check and import -d on Chinese folders; --version's optional parts and, without gumbo, the
# refusal of a web page; render -f pdf (the Windows message, then stand-in soffice.exe and
# msedge.exe in their install folders and on PATH); a second pass as a Chinese Windows (code
# page 936); the zip beside the exe. About 280 checks in 20-30 s.
set -u
exe=$(realpath "${1:?用法：bash tools/test-windows.sh nianbao.exe|输出文件夹 [Linux 的 nianbao]}")
[ ! -d "$exe" ] || exe=$exe/nianbao.exe # the folder build-windows.sh wrote
[ -f "$exe" ] || { echo "test-windows: 找不到 $exe" >&2; exit 2; }
src=$(cd "$(dirname "$0")/.." && pwd)
lin=$(realpath "${2:-$src/build/nianbao}")
[ -x "$lin" ] || { echo "test-windows: 找不到 Linux 版 $lin（先构建）" >&2; exit 2; }
if ! command -v wine >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "test-windows: 需要 wine（apt-get install wine wine64）" >&2; exit 2; }
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends wine wine64 >/dev/null
fi
T=$(mktemp -d)
# the wine servers of both prefixes end before their folders are removed
trap 'WINEPREFIX=$T/prefix wineserver -k 2>/dev/null; WINEPREFIX=$T/prefix936 wineserver -k 2>/dev/null
      sleep 1; rm -rf "$T"' EXIT
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
check "--version's first line is the Linux build's ($(head -1 "$T/out.txt"))" \
  test "$(head -1 "$T/out.txt")" = "$("$lin" --version | head -1)"
check "--version names the optional parts ($(sed -n 2p "$T/out.txt"))" grep -q '^网页导入（gumbo）：' "$T/out.txt"
grep -q '^网页导入（gumbo）：有' "$T/out.txt" && gumbo=1 || gumbo=0

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
# folders with Chinese names: check walks one, import -d writes into one (LuaFileSystem's
# lfs.attributes and lfs.dir through the UTF-8 wrappers)
mkdir 报告 导入
cp 年报.lua 报告/
win check 报告
check "check a Chinese folder (rc $rc: $(head -2 "$T/out.txt" "$T/err.txt"))" grep -q '年报.lua: 通过' "$T/out.txt"
"$lin" render 年报.lua >年报.txt
win import 年报.txt -d 导入
check "import -d into a Chinese folder (rc $rc: $(head -2 "$T/err.txt"))" \
  cmp -s 导入/年报.lua <("$lin" import 年报.txt 2>/dev/null)
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
  # wine lacks code page 54936: host/win32/iconv.c then reads GB18030 as GBK plus the
  # supplementary planes, and a fixture with a character outside GBK (a no-break space, a
  # four-byte code of the BMP) cannot be compared under wine; real Windows has 54936
  if iconv -f UTF-8 -t GBK "$f" >/dev/null 2>&1 && iconv -f UTF-8 -t GB18030 "$f" >gb.txt 2>/dev/null; then
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

# import of a .docx: the Linux build's Word file, read back by both
"$lin" render 年报.lua -f docx -o lin.docx 2>/dev/null
win import lin.docx
cp "$T/out.txt" win.lua
"$lin" import lin.docx >lin.lua 2>/dev/null
check "import lin.docx (rc $rc: $(head -2 "$T/err.txt"))" test "$rc" = 0 -a -s win.lua
check "import of a .docx as on Linux" cmp -s win.lua lin.lua

# nb.run_limited (host/win32/run_limited.c): a child in a job object, output to pipes
if command -v x86_64-w64-mingw32-gcc >/dev/null; then
  x86_64-w64-mingw32-gcc -O2 -o helper.exe "$src/tests/windows/child-helper.c"
  # run LUA: one line for the prompt; prints what it prints
  run() { printf '%s\n' "$1" | wine "$exe" repl >"$T/out.txt" 2>"$T/err.txt"; }
  run 'local r = nb.run_limited({"helper.exe", "args", "a b", "q\"x", "back\\", "", "end"}) print(r.status, (r.stdout:gsub("\r?\n", "|")))'
  check "arguments with spaces, quotes, backslashes, empty ($(head -c 200 "$T/out.txt"))" \
    grep -qF '0	a b|q"x|back\||end|' "$T/out.txt"
  run 'local r = nb.run_limited({"helper.exe", "out", "1000000"}, {output = 1000}) print(r.too_large, #r.stdout)'
  check "output past its cap stops the child ($(cat "$T/out.txt"))" test "$(cat "$T/out.txt")" = "true	1000"
  run 'local r = nb.run_limited({"helper.exe", "out", "300000"}) print(r.status, #r.stdout)'
  check "output larger than a pipe's buffer is read whole ($(cat "$T/out.txt"))" test "$(cat "$T/out.txt")" = "0	300000"
  run 'local r = nb.run_limited({"helper.exe", "fail"}) print(r.status, r.stderr)'
  check "exit code and standard error ($(head -c 100 "$T/out.txt"))" grep -q '^3	broken file' "$T/out.txt"
  run 'local r = nb.run_limited({"helper.exe", "sleep"}, {timeout = 2}) print(r.timed_out)'
  check "a child that never ends is stopped at the timeout ($(cat "$T/out.txt"))" test "$(cat "$T/out.txt")" = true
  run 'local r = nb.run_limited({"no-such-program"}) print(r.not_found)'
  check "a missing program is not_found ($(cat "$T/out.txt"))" test "$(cat "$T/out.txt")" = true
  # the job's memory cap and one-process limit: wine 8 does not enforce them (reported, not
  # counted; a real Windows does)
  run 'local r = nb.run_limited({"helper.exe", "mem", "300"}, {memory = 64 << 20}) print(r.status)'
  echo "test-windows: note: 300 MB in a 64 MB job: exit $(cat "$T/out.txt") (7 = refused by the job)"
  run 'local r = nb.run_limited({"helper.exe", "spawn"}) print(r.status)'
  echo "test-windows: note: a grandchild in a one-process job: exit $(cat "$T/out.txt") (9 = refused)"

  # import x.pdf: pdftotext.exe beside the working folder; without it, a clear message
  printf '%%PDF-1.4\n%% not a real PDF: the fake pdftotext prints NB_FAKE_PDFTEXT\n' >x.pdf
  win import x.pdf -o x.lua
  check "import x.pdf without pdftotext.exe names it (rc $rc: $(head -2 "$T/err.txt"))" \
    test "$rc" != 0 -a ! -e x.lua
  check "... and says where to put it" grep -q 'pdftotext.exe' "$T/err.txt"
  "$lin" render 年报.lua >layout.txt
  cp helper.exe pdftotext.exe
  mkdir -p fakebin
  printf '#!/bin/sh\ncat "$NB_FAKE_PDFTEXT"\n' >fakebin/pdftotext
  chmod +x fakebin/pdftotext
  tempdir=$(winepath -u "$(wine cmd /c 'echo %TEMP%' 2>/dev/null | tr -d '\r')" 2>/dev/null)
  ls -A "$tempdir" >temp-before.txt 2>/dev/null
  NB_FAKE_PDFTEXT=$PWD/layout.txt win import x.pdf
  cp "$T/out.txt" win.lua
  NB_FAKE_PDFTEXT=$PWD/layout.txt PATH=$PWD/fakebin:$PATH "$lin" import x.pdf >lin.lua 2>/dev/null
  check "import x.pdf through pdftotext.exe (rc $rc: $(head -2 "$T/err.txt"))" test "$rc" = 0 -a -s win.lua
  check "import x.pdf as on Linux with the same pdftotext output" cmp -s win.lua lin.lua
  check "no temporary PDF is left in %TEMP% ($tempdir)" \
    cmp -s temp-before.txt <(ls -A "$tempdir" 2>/dev/null)
  check "none in the drive's root either: $(ls "$T/prefix/drive_c" | tr '\n' ' ')" \
    test -z "$(find "$T/prefix/drive_c" -maxdepth 1 -type f -newer x.pdf)"
  rm -f pdftotext.exe
else
  bad "x86_64-w64-mingw32-gcc is needed for the nb.run_limited checks"
fi

# import x.html: the page as on Linux, or (a --without-gumbo build) a clear refusal
printf '<html><body><p>x</p></body></html>\n' >page.html
win import page.html -o page.lua
if [ $gumbo = 0 ]; then
  check "import x.html without gumbo: exit 2, the reason, no stack trace (rc $rc: $(head -3 "$T/err.txt"))" \
    test "$rc" = 2 -a ! -e page.lua -a "$(grep -c traceback "$T/err.txt")" = 0
  check "... says in Chinese what to do: save as .txt, or the Linux build" \
    grep -q 'page.html：此版本的 nianbao 不能读取网页.*另存为.*\.txt.*Linux 版' "$T/err.txt"
else
  "$lin" import page.html -o lin-page.lua 2>/dev/null; lrc=$?
  check "import x.html as on Linux (rc $rc, Linux $lrc)" test "$rc" = "$lrc"
  # the real published pages (GB/T tables, portal chrome): the same data file and messages
  for f in "$src"/../shared/real-reports/*.html; do
    [ -f "$f" ] || continue
    cp "$f" 网页.html
    win import 网页.html -o 网页-win.lua
    "$lin" import 网页.html -o 网页-lin.lua 2>"$T/lin-err.txt"; lrc=$?
    check "import $(basename "$f"): the Linux build's exit code (rc $rc, Linux $lrc: $(head -2 "$T/err.txt"))" \
      test "$rc" = "$lrc"
    check "import $(basename "$f"): the Linux build's data file, byte for byte" cmp -s 网页-win.lua 网页-lin.lua
    check "import $(basename "$f"): the Linux build's messages" cmp -s "$T/err.txt" "$T/lin-err.txt"
    rm -f 网页.html 网页-win.lua 网页-lin.lua
  done
fi
rm -f page.lua lin-page.lua

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

# render -f pdf: wine has no LibreOffice, Edge or Chrome, so the Windows message first; then
# stand-ins (tests/windows/fake-pdf-engine.c) in the usual install folders and on PATH
win render 年报.lua -f pdf -o 年报.pdf
check "render -f pdf without an engine: exit 2, no file (rc $rc)" test "$rc" = 2 -a ! -e 年报.pdf
check "... names what a Windows user installs and where nianbao looks, not Debian ($(head -c 300 "$T/err.txt"))" \
  bash -c 'grep -q "LibreOffice.*Edge.*%ProgramFiles%.*soffice.exe、msedge.exe、chrome.exe.*PATH" "$1" &&
           ! grep -q -e apt-get -e Debian "$1"' - "$T/err.txt"
if command -v x86_64-w64-mingw32-gcc >/dev/null; then
  x86_64-w64-mingw32-gcc -O2 -municode -o fake.exe "$src/tests/windows/fake-pdf-engine.c"
  pf=$(winepath -u "$(wine cmd /c 'echo %ProgramFiles%' 2>/dev/null | tr -d '\r')" 2>/dev/null)
  pf86=$(winepath -u "$(wine cmd /c 'echo %ProgramFiles(x86)%' 2>/dev/null | tr -d '\r')" 2>/dev/null)
  mkdir -p "$pf/LibreOffice/program" "$pf86/Microsoft/Edge/Application"
  cp fake.exe "$pf/LibreOffice/program/soffice.exe"
  cp fake.exe "$pf86/Microsoft/Edge/Application/msedge.exe"
  # a Chinese %TEMP% with a space: the command reaches cmd.exe in UTF-16 (_wsystem)
  drive=$T/prefix/drive_c
  mkdir -p "$drive/临时 文件"
  wine reg add 'HKCU\Environment' /v TEMP /d 'C:\临时 文件' /f >/dev/null 2>&1
  win render 年报.lua -f pdf -o 输出/年报.pdf
  check "render -f pdf through %ProgramFiles%\\LibreOffice\\program\\soffice.exe (rc $rc: $(head -2 "$T/err.txt"))" \
    test "$rc" = 0 -a "$(head -c 5 输出/年报.pdf 2>/dev/null)" = %PDF-
  check "... the program found there ($(sed -n 2p 输出/年报.pdf 2>/dev/null))" \
    grep -sqF 'arg 0: C:\Program Files\LibreOffice\program\soffice.exe' 输出/年报.pdf
  check "... the Word file in a folder of the Chinese %TEMP%" grep -sq '^arg 9: C:\\临时 文件\\[^\\]*\\report.docx$' 输出/年报.pdf
  check "... the .docx handed over whole" \
    test "$(sed -n 's/^input bytes: //p' 输出/年报.pdf 2>/dev/null)" = "$("$lin" render 年报.lua -f docx | wc -c)"
  check "... its profile as a file:/// URL, Chinese escaped" \
    grep -sqF -- '-env:UserInstallation=file:///C:/%E4%B8%B4%E6%97%B6%20%E6%96%87%E4%BB%B6/' 输出/年报.pdf
  check "... the temporary folder removed ($(ls -A "$drive/临时 文件" | tr '\n' ' '))" test -z "$(ls -A "$drive/临时 文件")"
  mkdir -p "$drive/程序 甲"
  cp fake.exe "$drive/程序 甲/soffice.exe"
  WINEPATH='C:\程序 甲' win render 年报.lua -f pdf -o path.pdf
  check "a soffice.exe on PATH (a Chinese folder) comes first ($(sed -n 2p path.pdf 2>/dev/null))" \
    grep -sqF 'arg 0: C:\程序 甲\soffice.exe' path.pdf
  win render 年报.lua -f pdf --pdf-engine chromium -o edge.pdf
  check "--pdf-engine chromium finds %ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe (rc $rc: $(head -2 "$T/err.txt"))" \
    grep -sqF 'arg 0: C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe' edge.pdf
  check "... and prints the page by its file:/// URL" grep -sq '^arg [0-9]*: file:///C:/%E4%B8%B4%E6%97%B6%20%E6%96%87%E4%BB%B6/[^/]*/report.html$' edge.pdf
  wine reg delete 'HKCU\Environment' /v TEMP /f >/dev/null 2>&1
  rm -rf "$pf/LibreOffice" "$pf86/Microsoft/Edge" "$drive/程序 甲" 年报.pdf path.pdf edge.pdf
fi

# a Chinese Windows: wine emulates ANSI code page 936 under a zh_CN.UTF-8 Unix locale
# (generated here from Debian's locales data, into the test's folder); the messages still
# come out in UTF-8 (SetConsoleOutputCP, binary stdio), the same bytes as on Linux
mkdir -p "$T/locale"
if localedef -i zh_CN -f UTF-8 "$T/locale/zh_CN.UTF-8" >/dev/null 2>&1; then
  zh() { LOCPATH=$T/locale LC_ALL=zh_CN.UTF-8 WINEPREFIX=$T/prefix936 "$@"; }
  zh wineboot -i >/dev/null 2>&1 || true
  check "the zh_CN prefix is a code page 936 Windows (cmd echoes 年 as GBK c4ea)" \
    test "$(zh wine cmd /c echo 年 2>/dev/null | od -An -tx1 | tr -d ' \n')" = c4ea0d0a
  zh wine "$exe" check 年报.lua >"$T/out.txt" 2>"$T/err.txt" </dev/null; rc=$?
  check "936: check 年报.lua prints 通过 in UTF-8 (rc $rc: $(head -2 "$T/out.txt"))" \
    grep -q '^年报.lua: 通过' "$T/out.txt"
  zh wine "$exe" check 坏.lua >"$T/out.txt" 2>"$T/err.txt" </dev/null; rc=$?
  "$lin" check 坏.lua >lin.out 2>lin.err
  check "936: the Chinese error message is the Linux build's, byte for byte ($(head -c 120 "$T/err.txt"))" \
    cmp -s "$T/err.txt" lin.err
  check "... and valid UTF-8" iconv -f UTF-8 -t UTF-8 "$T/err.txt" -o /dev/null
  zh wine "$exe" check 报告 >"$T/out.txt" 2>"$T/err.txt" </dev/null; rc=$?
  check "936: check a Chinese folder (rc $rc)" grep -q '年报.lua: 通过' "$T/out.txt"
  zh wine "$exe" render 年报.lua -o 输出/九三六.txt >"$T/out.txt" 2>"$T/err.txt" </dev/null; rc=$?
  check "936: render -o into a Chinese folder (rc $rc)" cmp -s 输出/九三六.txt <("$lin" render 年报.lua)
  mkdir 导入二
  zh wine "$exe" import 年报.txt -d 导入二 >"$T/out.txt" 2>"$T/err.txt" </dev/null; rc=$?
  check "936: import -d into a Chinese folder (rc $rc: $(head -2 "$T/err.txt"))" \
    cmp -s 导入二/年报.lua <("$lin" import 年报.txt 2>/dev/null)
  check "936: import's table of files in UTF-8 ($(head -1 "$T/out.txt"))" grep -q '^输入 ' "$T/out.txt"
else
  echo "test-windows: note: no zh_CN locale data (Debian locales): code page 936 not tried"
fi

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

# the zip a clerk unzips (tools/build-windows.sh writes it beside the exe): the same exe, the
# guide, the docs and the examples; the unzipped exe runs from its own folder
zip=$(ls "$(dirname "$exe")"/nianbao-*-windows.zip 2>/dev/null | head -1)
if [ -n "$zip" ]; then
  mkdir "$T/unzip"
  python3 -m zipfile -e "$zip" "$T/unzip"
  d=$(ls -d "$T"/unzip/nianbao-*-windows)
  check "the zip holds the tested nianbao.exe" cmp -s "$d/nianbao.exe" "$exe"
  check "... 使用说明.txt, docs (README.md, packaging.md) and examples" test -s "$d/使用说明.txt" \
    -a -s "$d/docs/README.md" -a -s "$d/docs/packaging.md" -a -s "$d/examples/rules/bendi_gaijin.lua"
  cp 年报.lua "$d/"
  (cd "$d" && wine ./nianbao.exe check 年报.lua >"$T/out.txt" 2>&1 </dev/null)
  check "the unzipped nianbao.exe checks a report in its folder ($(head -1 "$T/out.txt"))" grep -q '年报.lua: 通过' "$T/out.txt"
else
  echo "test-windows: note: no nianbao-*-windows.zip beside $exe: the zip was not checked"
fi

echo "test-windows: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
