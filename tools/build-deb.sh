#!/usr/bin/env bash
# Builds the Debian package: bash tools/build-deb.sh OUTDIR  ->  OUTDIR/nianbao_<version>_<arch>.deb
# A Release build for the /usr prefix (the binary looks for its scripts in /usr/share/nianbao),
# without the tests, in OUTDIR/build; needs cmake, a C compiler, the -dev packages of
# tools/packages.txt and dpkg-dev (dpkg-shlibdeps derives Depends from the linked libraries).
set -euo pipefail
out=${1:?用法：bash tools/build-deb.sh 输出文件夹}
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cmake -S "$src" -B "$out/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build "$out/build" -j2
(cd "$out/build" && cpack -G DEB -B "$out")
rm -rf "$out/_CPack_Packages"
ls "$out"/*.deb
