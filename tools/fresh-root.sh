#!/usr/bin/env bash
# Proves the README's two commands on a fresh Debian 12. The CI machine has many packages
# installed by hand, which would hide one missing from tools/packages.txt, so this builds a
# minimal bookworm root with debootstrap, puts a clean clone of this repository (HEAD only:
# uncommitted changes are left out) at /work/main and a copy of ../shared at /work/shared,
# and runs the first two ```sh blocks of README.md in it as root, one after the other, timing each.
# Before them, on the still bare root, it proves the Debian package: the .deb built here from
# the same clone (tools/build-deb.sh) is installed with `apt install ./nianbao_*.deb`, which
# must pull every library it needs, and `nianbao render r.lua -f html -o out.html` must work
# from a folder outside the clone; the package and what it pulled are then purged again.
#   bash tools/fresh-root.sh [--deb-only] [ROOT]   as root; ROOT defaults to /var/tmp/nianbao-fresh-root
# --deb-only proves the package and skips the README's two commands (a release's quick check).
# Needs the network to the Debian mirror this machine uses. Not part of CI (needs root and mounts).
# The root is kept for inspection (logs in ROOT/work/*.log); its mounts are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
deb_only=0
if [ "${1:-}" = --deb-only ]; then deb_only=1; shift; fi
root=${1:-/var/tmp/nianbao-fresh-root}
[ "$(id -u)" = 0 ] || { echo "fresh-root: 请以 root 身份运行（需要 debootstrap 和 chroot）" >&2; exit 2; }
[ ! -e "$root" ] || { echo "fresh-root: $root 已存在；请删除它或指定另一个目录" >&2; exit 2; }
[ -d ../shared ] || { echo "fresh-root: 找不到 ../shared（测试要读取它）" >&2; exit 2; }

# The README's commands, read from the file so that what is proved is what the README says.
mapfile -t cmds < <(awk '/^```sh$/ {f = 1; next} /^```$/ {if (f) n++; f = 0; next} f && n < 2' README.md)
[ ${#cmds[@]} -eq 2 ] || { echo "fresh-root: README.md 的前两个 sh 代码块应各有一行命令，实得 ${#cmds[@]} 行" >&2; exit 2; }

# Same Debian mirror as this machine (often the only one reachable).
mirror=$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
  2>/dev/null | head -1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}

command -v debootstrap >/dev/null ||
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends debootstrap >/dev/null
t0=$SECONDS
# minbase: only essential packages and apt, the barest Debian 12 a user may start from
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
  { tail -20 "$root.debootstrap.log"; exit 1; }
echo "fresh-root: debootstrap ($mirror) took $((SECONDS - t0)) s"
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/work"
git clone -q . "$root/work/main"
cp -a ../shared "$root/work/shared"

# /dev is bound recursively as a slave so that unmounting it cannot reach this machine's /dev.
unmount() { umount -R "$root/dev" "$root/sys" "$root/proc" 2>/dev/null || true; }
trap unmount EXIT
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"

# The Debian package, on the bare root (Recommends left out: chromium is only for PDF).
status=0
deblog="$root/work/deb.log"
t0=$SECONDS
if bash "$root/work/main/tools/build-deb.sh" "$root/work/deb" >"$deblog" 2>&1 &&
   chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb DEBIAN_FRONTEND=noninteractive \
     PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c '
     set -e
     cd /work/deb
     apt-get update -qq
     apt-get install -y -qq --no-install-recommends ./nianbao_*.deb
     mkdir -p /root/elsewhere && cd /root/elsewhere
     cp /work/main/reports/yanjin-commerce-2024.lua r.lua
     nianbao render r.lua -f html -o out.html
     grep -q "<table" out.html
     nianbao check r.lua
     test -f /usr/share/man/man1/nianbao.1.gz
     test -f /usr/share/nianbao/examples/rules/bendi_gaijin.lua
     echo "installed: $(dpkg-query -W nianbao) ($(wc -c < out.html) bytes of HTML)"
     apt-get purge -y -qq --autoremove nianbao
     test ! -e /usr/bin/nianbao' >>"$deblog" 2>&1; then
  echo "fresh-root: apt install ./nianbao_*.deb and render -f html passed in $((SECONDS - t0)) s (log: $deblog)"
else
  status=1
  echo "fresh-root: the Debian package FAILED after $((SECONDS - t0)) s; the end of $deblog:"
  tail -40 "$deblog"
fi

[ $deb_only = 0 ] || exit $status
for i in 0 1; do
  log="$root/work/command-$((i + 1)).log"
  echo "fresh-root: running: ${cmds[$i]}"
  t0=$SECONDS
  # a clean root login environment: no locale, no variables of this machine
  if chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      /bin/bash -c "cd /work/main && ${cmds[$i]}" >"$log" 2>&1; then
    echo "fresh-root: command $((i + 1)) passed in $((SECONDS - t0)) s (log: $log)"
  else
    status=1
    echo "fresh-root: command $((i + 1)) FAILED after $((SECONDS - t0)) s; the end of $log:"
    tail -40 "$log"
  fi
done
exit $status
