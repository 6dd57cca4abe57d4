#!/usr/bin/env bash
# Proves the README's two commands on a fresh Debian 12. The CI machine has many packages
# installed by hand, which would hide one missing from tools/packages.txt, so this builds a
# minimal bookworm root with debootstrap, puts a clean clone of this repository (HEAD only:
# uncommitted changes are left out) at /work/main and a copy of ../shared at /work/shared,
# and runs the first two ```sh blocks of README.md in it as root, one after the other, timing each.
#   bash tools/fresh-root.sh [ROOT]      as root; ROOT defaults to /var/tmp/nianbao-fresh-root
# Needs the network to the Debian mirror this machine uses. Not part of CI (needs root and mounts).
# The root is kept for inspection (logs in ROOT/work/*.log); its mounts are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
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

status=0
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
