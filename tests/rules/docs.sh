#!/usr/bin/env bash
# Runs the examples of docs/customizing.md exactly as written. Markers in the document:
#   <!-- file: PATH -->            the next code block is written to PATH
#   <!-- overview-entry: PATH -->  PATH = the seed's data file with the next block added to overview
#   <!-- test -->                  the next code block is run with bash (nianbao on PATH); must exit 0
#   <!-- output -->                every line of the next code block appears in the last test's output
# Usage: docs.sh NIANBAO
set -u
NB=$(realpath "$1")
SRC=$(pwd)
DOC=$SRC/docs/customizing.md
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin" "$T/work/reports" "$T/home"
ln -s "$NB" "$T/bin/nianbao"
cp "$SRC/reports/yanjin-commerce-2024.lua" "$T/work/reports/"
export PATH="$T/bin:$PATH" HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config"
unset NIANBAO_PATH

# split the document: blocks/N holds block N, blocks/N.kind its marker ("file PATH", "test", ...)
mkdir "$T/blocks"
awk -v dir="$T/blocks" '
  /^<!-- (file|overview-entry): .* -->$/ { sub(/^<!-- /, ""); sub(/ -->$/, ""); sub(/: /, " "); pending = $0; next }
  /^<!-- (test|output) -->$/ { pending = $2; next }
  /^```/ {
    if (inblock) { inblock = 0; close(out); next }
    inblock = 1; n++; out = dir "/" n
    printf "" > out
    if (pending != "") { print pending > (out ".kind"); close(out ".kind") }
    pending = ""; next
  }
  inblock { print > out }
' "$DOC"

pass=0 fail=0 last=""
cd "$T/work"
for f in $(ls "$T/blocks" | grep -v kind | sort -n); do
  [ -f "$T/blocks/$f.kind" ] || continue
  read -r kind path < "$T/blocks/$f.kind"
  case $kind in
    file)
      mkdir -p "$(dirname "$path")"; cp "$T/blocks/$f" "$path" ;;
    overview-entry)
      awk -v entry="$T/blocks/$f" '/^  overview = \{$/ { inside = 1 }
        inside && /^  \},$/ { while ((getline l < entry) > 0) print l; inside = 0 } { print }' \
        reports/yanjin-commerce-2024.lua > "$path" ;;
    test)
      last=$T/out.$f
      if bash -e "$T/blocks/$f" > "$last" 2>&1; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: example block $f exited non-zero:" >&2; cat "$T/blocks/$f" "$last" >&2; fi ;;
    output)
      while IFS= read -r want; do
        [ -z "$want" ] && continue
        if grep -qF -- "$want" "$last"; then pass=$((pass + 1)); else
          fail=$((fail + 1)); echo "FAIL: block $f: missing line: $want" >&2; echo "--- got:" >&2; cat "$last" >&2; fi
      done < "$T/blocks/$f" ;;
  esac
done
# the document must keep its examples: at least one of each kind
for k in file overview-entry test output; do
  if cat "$T"/blocks/*.kind | grep -q "^$k"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: no $k example" >&2; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
