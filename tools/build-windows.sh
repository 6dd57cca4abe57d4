#!/usr/bin/env bash
# Cross-builds nianbao.exe for 64-bit Windows on Debian 12:
#   bash tools/build-windows.sh [--without-gumbo] OUTDIR
# -> OUTDIR/nianbao.exe (one static file) and OUTDIR/nianbao-<version>-windows.zip (the exe,
#    a short Chinese guide, docs/ and examples/), ready for a clerk to unzip.
# The compiler is Debian's gcc-mingw-w64-x86-64; every library is built from its Debian 12
# source package (apt-get source, the Debian patches applied; gumbo, when the mirror serves
# none of bookworm's, from the upstream tarball of trixie's package, checked against its
# signed index), fetched with deb-src lines
# for this machine's mirror that live in OUTDIR/work/apt only: the machine's apt sources and
# the Linux build are left alone. Libraries: Lua 5.4, LuaFileSystem, utf8proc, gumbo, and zlib
# and expat once a host/*.c includes them (ZIP, .docx). Each package's newest version the
# mirror serves is used (the script names it). No libedit: the prompt reads plain lines
# (host/win32/console.c); iconv is host/win32/iconv.c on the Windows code pages.
# --without-gumbo leaves out the HTML parser when its source package cannot be fetched:
# `import x.html` then says so, everything else works.
# Windows-specific code: host/win32/ (compat.h is force-included into every file, the Lua and
# LuaFileSystem sources too, so that fopen/stat/... take UTF-8 names through the wide APIs).
# tools/test-windows.sh runs the result under wine.
set -euo pipefail
with_gumbo=1
if [ "${1:-}" = --without-gumbo ]; then with_gumbo=0; shift; fi
out=${1:?用法：bash tools/build-windows.sh [--without-gumbo] 输出文件夹}
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$out/work
mkdir -p "$work"
CC=x86_64-w64-mingw32-gcc
AR=x86_64-w64-mingw32-ar

need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null && return
  [ "$(id -u)" = 0 ] || { echo "build-windows: 需要 $1（apt-get install $2）" >&2; exit 2; }
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$2" >/dev/null
}
need $CC gcc-mingw-w64-x86-64
need dpkg-source dpkg-dev
need cmake cmake
need python3 python3

# --- the Debian source packages, through a private apt configuration with deb-src lines
mirror=$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
  2>/dev/null | head -1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
apt=$work/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
key=/usr/share/keyrings/debian-archive-keyring.gpg
cat >"$apt/sources.list" <<EOS
deb-src [signed-by=$key] $mirror bookworm main
deb-src [signed-by=$key] $mirror bookworm-updates main
deb-src [signed-by=$key] ${mirror%/debian}/debian-security bookworm-security main
EOS
aptopts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/none"
         -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "APT::Sandbox::User=root")
apt-get "${aptopts[@]}" -qq update

# orig_from_later_release PACKAGE: unpack into $work/src/PACKAGE-VERSION the upstream tarball
# of the package's newest version in trixie whose file the mirror serves and whose SHA-256
# matches the (signed) Sources index; prints the version. The Debian part is not needed to
# compile the library's C files.
orig_from_later_release() {
  local p=$1 later=$work/apt-later v file sum
  mkdir -p "$later/lists/partial" "$later/cache/archives/partial"
  echo "deb-src [signed-by=$key] $mirror trixie main" >"$later/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$later/sources.list" -o "Dir::Etc::SourceParts=$later/none"
              -o "Dir::State::Lists=$later/lists" -o "Dir::Cache=$later/cache" -o "APT::Sandbox::User=root")
  apt-get "${opts[@]}" -qq update >/dev/null 2>&1 || return 1
  # each version with its upstream tarball's SHA-256 and name, newest first
  apt-cache "${opts[@]}" showsrc --only-source "$p" | awk '
    /^Version: / {v = $2} /^Checksums-Sha256:/ {f = 1; next} /^[^ ]/ {f = 0}
    f && $3 ~ /\.orig\.tar\./ {print v, $1, $3}' | sort -u | sort -r -V >"$later/origs"
  while read -r v sum file; do
    rm -f "$work/src/$file"
    (cd "$work/src" && apt-get "${opts[@]}" -qq source --download-only "$p=$v" >/dev/null 2>&1) || true
    [ -f "$work/src/$file" ] && [ "$(sha256sum "$work/src/$file" | cut -d' ' -f1)" = "$sum" ] || continue
    mkdir -p "$work/src/$p-$v"
    tar -xf "$work/src/$file" -C "$work/src/$p-$v" --strip-components=1
    rm -f "$work/src/${p}"_*.dsc # a later release's .dsc, if any, is not unpacked over bookworm's
    echo "$v"
    return 0
  done <"$later/origs"
  return 1
}

packages=(lua5.4 lua-filesystem utf8proc)
[ $with_gumbo = 0 ] || packages+=(gumbo-parser)
grep -qs '#include <zlib.h>' "$src"/host/*.c && packages+=(zlib)
grep -qs '#include <expat.h>' "$src"/host/*.c && packages+=(expat)
mkdir -p "$work/src"
for p in "${packages[@]}"; do
  if ! ls -d "$work/src/$p"-*/ >/dev/null 2>&1; then
    # the newest version first; a mirror that lacks its files (seen here: the security
    # update of zlib, 404) falls back to the next older version of Debian 12, named loudly
    got=
    for v in $(apt-cache "${aptopts[@]}" showsrc --only-source "$p" | sed -n 's/^Version: //p' |
               sort -u | sort -r -V); do
      rm -f "$work/src/${p}"_*
      if (cd "$work/src" && apt-get "${aptopts[@]}" -qq source --download-only "$p=$v" >/dev/null 2>"$work/src/$p.err"); then
        got=$v; break
      fi
      echo "build-windows: $p $v 下载失败：$(grep -o 'Failed to fetch [^ ]* *[0-9]* *[A-Za-z ]*' "$work/src/$p.err" | head -1)" >&2
    done
    # gumbo: this workplace's mirror serves none of bookworm's gumbo-parser source files,
    # but does serve the upstream tarball of a later Debian release's package (seen: trixie's
    # 0.13.0+dfsg orig.tar.xz, while its .dsc and Debian part are 404): taken only when its
    # SHA-256 is the one of the signed Sources index, and named loudly
    if [ -z "$got" ] && [ "$p" = gumbo-parser ] && v=$(orig_from_later_release "$p"); then
      got="$v（trixie，仅上游源码，缺少 Debian 补丁）"
    fi
    [ -n "$got" ] || {
      echo "build-windows: 无法下载 Debian 源码包 $p（$mirror）" >&2
      [ "$p" != gumbo-parser ] || echo "build-windows: 可加 --without-gumbo（不能导入网页）" >&2
      exit 1
    }
    echo "build-windows: 源码包 $p $got" >&2
    if ls "$work/src/${p}"_*.dsc >/dev/null 2>&1; then
      (cd "$work/src" && dpkg-source -q -x "$(ls ${p}_*.dsc | tail -1)" >/dev/null)
    fi
  fi
done
dir_of() { ls -d "$work/src/$1"-*/ | head -1 | sed 's|/$||'; }

# --- the libraries, static, with the UTF-8 file name wrappers where they open files
CFLAGS=(-O2 -g0 -D_WIN32_WINNT=0x600) # Vista or later, as LuaFileSystem says
COMPAT=(-include "$src/host/win32/compat.h")
mkdir -p "$work/lib" "$work/obj"
build_lib() { # build_lib NAME FLAGS... -- SOURCES...
  local name=$1; shift
  local flags=()
  while [ "$1" != -- ]; do flags+=("$1"); shift; done
  shift
  local objs=() f o
  rm -rf "$work/obj/$name"
  mkdir -p "$work/obj/$name"
  for f in "$@"; do
    o=$work/obj/$name/$(basename "${f%.c}").o
    $CC "${CFLAGS[@]}" "${flags[@]}" -c "$f" -o "$o"
    objs+=("$o")
  done
  rm -f "$work/lib/lib$name.a"
  $AR rcs "$work/lib/lib$name.a" "${objs[@]}"
  echo "build-windows: lib$name.a"
}
lua=$(dir_of lua5.4)/src
build_lib lua -DLUA_COMPAT_5_3 "${COMPAT[@]}" -- \
  $(ls "$lua"/*.c | grep -v -e '/lua\.c$' -e '/luac\.c$')
lfs=$(dir_of lua-filesystem)/src
build_lib lfs -I"$lua" "${COMPAT[@]}" -- "$lfs/lfs.c"
utf8proc=$(dir_of utf8proc)
build_lib utf8proc -DUTF8PROC_STATIC -- "$utf8proc/utf8proc.c"
incs=(-I"$lua" -I"$lfs" -I"$utf8proc")
libs=(-llfs -llua -lutf8proc)
defs=(-DUTF8PROC_STATIC)
if [ $with_gumbo = 1 ]; then
  gumbo=$(dir_of gumbo-parser)/src
  build_lib gumbo -std=gnu99 -I"$gumbo" -- "$gumbo"/*.c
  incs+=(-I"$gumbo"); libs+=(-lgumbo)
else
  defs+=(-DNB_NO_GUMBO)
fi
if [[ " ${packages[*]} " == *" zlib "* ]]; then
  z=$(dir_of zlib)
  build_lib z -- $(ls "$z"/*.c | grep -v -e example -e minigzip)
  incs+=(-I"$z"); libs+=(-lz)
fi
if [[ " ${packages[*]} " == *" expat "* ]]; then
  # expat_config.h is generated by its configure; these are its defaults (CMake and autoconf
  # alike: DTD and namespace support, 1024 bytes of context); entropy from rand_s on Windows
  x=$(dir_of expat)/expat/lib
  mkdir -p "$work/expat"
  cat >"$work/expat/expat_config.h" <<'EOC'
#define BYTEORDER 1234
#define XML_CONTEXT_BYTES 1024
#define XML_DTD 1
#define XML_NS 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define STDC_HEADERS 1
EOC
  build_lib expat -DXML_STATIC -I"$work/expat" -I"$x" -- "$x/xmlparse.c" "$x/xmlrole.c" "$x/xmltok.c"
  incs+=(-I"$x"); libs+=(-lexpat); defs+=(-DXML_STATIC)
fi

# --- nianbao.exe: the host (Linux's output.c replaced by host/win32/output.c) and the
# embedded scripts (generated as the CMake build does); mingw's own printf for %zu,
# clock_gettime from winpthreads (-Wno-format: gcc checks the printf attributes against msvcrt's)
cmake -DSOURCE_DIR="$src" -DOUTPUT="$work/embedded.c" -P "$src/tools/embed.cmake"
version=$(sed -n 's/^project(nianbao VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
hostsrc=($(ls "$src"/host/*.c | grep -v -e '/output\.c$') "$src"/host/win32/*.c "$work/embedded.c")
rm -rf "$work/obj/nianbao"
mkdir -p "$work/obj/nianbao"
objs=()
for f in "${hostsrc[@]}"; do
  o=$work/obj/nianbao/$(basename "${f%.c}").o
  $CC -std=gnu11 "${CFLAGS[@]}" -Wall -Wextra "${COMPAT[@]}" -I"$src/host/win32" -I"$src/host" \
    "${incs[@]}" "${defs[@]}" -D__USE_MINGW_ANSI_STDIO=1 -Wno-format -DNB_VERSION="\"$version\"" -DNB_SHARE_DIR='""' -c "$f" -o "$o"
  objs+=("$o")
done
$CC -static -o "$out/nianbao.exe" "${objs[@]}" -L"$work/lib" "${libs[@]}" -lshell32 -lpthread
x86_64-w64-mingw32-strip "$out/nianbao.exe"
echo "build-windows: $out/nianbao.exe ($(stat -c %s "$out/nianbao.exe") 字节)"

# --- the zip a clerk unzips: the exe, a guide, the docs and the examples
pkg=$work/nianbao-$version-windows
rm -rf "$pkg"
mkdir -p "$pkg/docs"
cp "$out/nianbao.exe" "$pkg/"
cp "$src"/docs/*.md "$pkg/docs/"
cp "$src/README.md" "$pkg/docs/"
cp -r "$src/examples" "$pkg/examples"
cp "$src/tools/windows-guide.txt" "$pkg/使用说明.txt"
rm -f "$out/nianbao-$version-windows.zip"
(cd "$work" && python3 -m zipfile -c "$out/nianbao-$version-windows.zip" "nianbao-$version-windows")
echo "build-windows: $out/nianbao-$version-windows.zip"
