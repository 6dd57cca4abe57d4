#!/usr/bin/env bash
# Command-line tests of nianbao: exit codes, messages, JSON output, atomic output, golden
# files. Usage: bash tests/cli/run.sh PATH/TO/nianbao (from any folder). Ends with the line
# "N passed, M failed"; exits non-zero when any assertion failed.
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: bash tests/cli/run.sh PATH/TO/nianbao" >&2
  exit 2
fi
NB=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
cd "$REPO" || exit 2
SEED=reports/yanjin-commerce-2024.lua
SHARED_SEED=../shared/000_49be5e48092c958c.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

. "$HERE/lib.sh"

# seed_with SED_EXPR OUT: a copy of the seed data file with one edit (asserts the edit took).
seed_with() {
  sed "$1" "$SEED" >"$2"
  if cmp -s "$SEED" "$2"; then fail "seed_with: '$1' changed nothing"; fi
}

for cases in "$HERE"/cases_*.sh; do
  . "$cases"
done

summary
