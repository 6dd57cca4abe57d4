#!/usr/bin/env bash
# Builds nianbao_<version>_amd64.deb the way a release does (tools/build-deb.sh) into a
# temporary folder and checks, without installing it on this machine:
#   - Depends names the package of every library the binary links, Recommends the PDF helpers;
#   - the binary, bundled scripts and templates, examples, docs and man page are in it, and
#     `cmake --install` installs exactly the same files;
#   - the packaged binary looks for scripts in /usr/share/nianbao and works from another folder
#     with the packaged scripts and examples;
#   - the man page renders without groff warnings and names every command, exit code and
#     environment variable the program has;
#   - the examples are the ones docs/customizing.md shows.
# Run from the source folder.
set -u
SRC=$(pwd)
for tool in dpkg-deb dpkg-shlibdeps cpack groff objdump; do
  command -v $tool >/dev/null || { echo "package: $tool 未安装，跳过"; exit 77; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PASSED=0 FAILED=0
ok() { PASSED=$((PASSED + 1)); }
bad() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

if ! bash "$SRC/tools/build-deb.sh" "$T/out" >"$T/build.log" 2>&1; then
  tail -30 "$T/build.log"
  echo "package: tools/build-deb.sh failed"
  exit 1
fi
version=$(sed -n 's/^project(nianbao VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
arch=$(dpkg --print-architecture)
debs=("$T"/out/*.deb)
check "exactly one package, named nianbao_${version}_$arch.deb (got ${debs[*]##*/})" \
  test "${#debs[@]} ${debs[0]##*/}" = "1 nianbao_${version}_$arch.deb"
deb=${debs[0]}
[ -f "$deb" ] || { echo "package: no .deb"; exit 1; }

# --- control fields
depends=$(dpkg-deb --field "$deb" Depends)
recommends=$(dpkg-deb --field "$deb" Recommends)
has_dep() { printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
# (Lua is linked from its static archive: NB_STATIC_LUA in CMakeLists.txt)
for p in libutf8proc2 libedit2 libgumbo1 libc6; do
  check "Depends names $p (Depends: $depends)" has_dep "$p"
done
# every shared library the binary links comes from a package that Depends names
dpkg-deb -x "$deb" "$T/root"
bin=$T/root/usr/bin/nianbao
for lib in $(objdump -p "$bin" | awk '$1 == "NEEDED" {print $2}'); do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  pkg=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
  check "Depends names $pkg, which provides the linked $lib (Depends: $depends)" has_dep "$pkg"
done
check "Recommends chromium | libreoffice-writer (got: $recommends)" \
  grep -q 'chromium | libreoffice-writer' <<<"$recommends"
check "Recommends fonts-noto-cjk (got: $recommends)" grep -q 'fonts-noto-cjk' <<<"$recommends"
check "Package/Version fields" test "$(dpkg-deb --field "$deb" Package Version | tr '\n' ' ')" \
  = "Package: nianbao Version: $version "

# --- files
dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|' | grep -v '/$' | sort >"$T/contents"
has_file() { grep -qxF "$1" "$T/contents"; }
for f in /usr/bin/nianbao /usr/share/man/man1/nianbao.1.gz /usr/share/doc/nianbao/README.md \
         /usr/share/doc/nianbao/customizing.md /usr/share/doc/nianbao/lua-api.md \
         /usr/share/nianbao/examples/rules/bendi_gaijin.lua \
         /usr/share/nianbao/examples/profiles/bendi.lua \
         /usr/share/nianbao/examples/render/zhaiyao.lua; do
  check "the package has $f" has_file "$f"
done
# every bundled script and template, under the share folder the binary searches
while read -r f; do
  check "the package has /usr/share/nianbao/$f" has_file "/usr/share/nianbao/$f"
done < <(cd "$SRC/scripts" && find . -name '*.lua' | sed 's|^\./||'; cd "$SRC" && find templates -type f)
# cmake --install puts the same files in the same places
DESTDIR="$T/dest" cmake --install "$T/out/build" >/dev/null
(cd "$T/dest" && find . ! -type d | sed 's|^\.||' | sort) >"$T/installed"
check "cmake --install installs what the package holds: $(diff "$T/contents" "$T/installed" | head -5 | tr '\n' ' ')" \
  cmp -s "$T/contents" "$T/installed"

# --- the packaged binary
check "the binary searches /usr/share/nianbao" grep -qaF /usr/share/nianbao "$bin"
mkdir -p "$T/elsewhere" "$T/home"
cp "$SRC/reports/yanjin-commerce-2024.lua" "$T/elsewhere/r.lua"
share=$T/root/usr/share/nianbao
# NBPATH: the NIANBAO_PATH of one run (none by default)
nbx() { (cd "$T/elsewhere" && env -u XDG_CONFIG_HOME HOME="$T/home" NIANBAO_PATH="${NBPATH:-}" "$bin" "$@"); }
nbx render r.lua -f html -o out.html >"$T/out.txt" 2>&1
check "render -f html -o out.html from another folder: $(head -3 "$T/out.txt")" \
  grep -q '<table' "$T/elsewhere/out.html"
NBPATH=$share nbx which render/html >"$T/which.txt" 2>&1
check "with the packaged share folder on the path, which render/html names it: $(tail -1 "$T/which.txt")" \
  grep -qF "$share/render/html.lua" "$T/which.txt"
check "the packaged scripts render the report as the embedded ones do" \
  cmp -s <(NBPATH=$share nbx render r.lua) <(nbx render r.lua)
nbx rules --scripts "$share/examples" >"$T/rules.txt" 2>&1
check "the example rule is listed: $(cat "$T/rules.txt" | head -3)" grep -q 'LOCAL.IMPROVEMENTS' "$T/rules.txt"
nbx render --scripts "$share/examples" r.lua -f zhaiyao --profile bendi >"$T/zhaiyao.txt" 2>&1
check "the example renderer writes a summary: $(head -3 "$T/zhaiyao.txt")" grep -q '^新收申请' "$T/zhaiyao.txt"
nbx render --scripts "$share/examples" r.lua --profile bendi >"$T/bendi.txt" 2>&1
check "the example profile rewrites headings: $(grep -m1 '^五' "$T/bendi.txt")" \
  grep -qx '五、存在的主要问题及改进措施' "$T/bendi.txt"

# --- the man page
zcat "$T/root/usr/share/man/man1/nianbao.1.gz" >"$T/nianbao.1"
check "the packaged man page is man/nianbao.1" cmp -s "$T/nianbao.1" "$SRC/man/nianbao.1"
LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -k "$T/nianbao.1" >"$T/man.txt" 2>"$T/groff.err"
check "groff renders the man page without warnings: $(head -3 "$T/groff.err")" test ! -s "$T/groff.err"
if command -v man >/dev/null; then
  for w in 72 100; do
    LC_ALL=C.UTF-8 MANWIDTH=$w man --warnings -l "$T/nianbao.1" >"$T/man-$w.txt" 2>"$T/man.err"
    check "man -l at width $w renders without warnings: $(head -3 "$T/man.err")" \
      test ! -s "$T/man.err" -a -s "$T/man-$w.txt"
  done
fi
for s in 说明 命令 退出码 环境变量 文件 DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT FILES; do
  check "the man page has the section $s" grep -qx "\.SH \"\?$s\"\?" "$T/nianbao.1"
done
# every command, in the Chinese and the English list
for f in "$SRC"/scripts/nianbao/commands/*.lua; do
  c=$(basename "$f" .lua)
  n=$(grep -cx "\.B $c" "$T/nianbao.1")
  check "the man page describes the command $c in both languages (.B $c seen $n times)" test "$n" -ge 2
done
# every exit code the CLI declares, in both lists
for code in $(grep -ho 'EXIT_[A-Z_]* *= *[0-9]' "$SRC"/scripts/nianbao/*.lua "$SRC"/scripts/nianbao/commands/*.lua \
              "$SRC"/host/main.c | grep -o '[0-9]*$' | sort -u); do
  n=$(grep -cx "\.B $code" "$T/nianbao.1")
  check "the man page explains exit code $code in both languages" test "$n" -ge 2
done
# every environment variable the program reads
for v in $(grep -rhoE 'getenv *\( *"[A-Z_]+"' "$SRC/host" "$SRC/scripts" | grep -oE '[A-Z_]{2,}' | sort -u); do
  n=$(grep -cx "\.B $v" "$T/nianbao.1")
  check "the man page explains the environment variable $v in both languages" test "$n" -ge 2
done

# --- the examples are the ones the guide shows (and tests/rules/docs.sh runs)
for f in rules/bendi_gaijin.lua profiles/bendi.lua render/zhaiyao.lua; do
  awk -v want="<!-- file: 我的脚本/$f -->" '$0 == want {f = 1; next}
    f == 1 && /^```lua$/ {f = 2; next} f == 2 && /^```$/ {exit} f == 2' \
    "$SRC/docs/customizing.md" >"$T/guide.lua"
  check "examples/$f is the block of docs/customizing.md" cmp -s "$T/guide.lua" "$SRC/examples/$f"
done

echo "package: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
