#!/usr/bin/env bash
# Browser tests: renders reports to HTML and Markdown (the latter through cmark-gfm, as a Git
# hosting page would), loads each in headless Chromium with probe.js appended, and lets
# check.lua assert on the DOM the browser built. Also: tidy finds no errors, nothing external.
# Usage: run.sh NIANBAO   (from the repository root). Exit 77 (skipped) without chromium.
set -euo pipefail
NB=$1
HERE=tests/browser
FORMAT=../shared/spec/FORMAT.md
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "SKIP: chromium 未安装（tools/packages.txt 中有 chromium，运行 tools/setup.sh 安装），跳过浏览器测试"
  exit 77
fi
for tool in tidy cmark-gfm; do
  command -v $tool >/dev/null || { echo "FAIL: 缺少 $tool（见 tools/packages.txt）"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# A report with errors: the busy fixture with one more new application (T3.BALANCE etc.).
sed 's/new = { 30, 6, 1, 0, 2, 1 }/new = { 31, 6, 1, 0, 2, 1 }/' $HERE/busy-2024.lua > "$tmp/broken-2024.lua"
grep -q "new = { 31," "$tmp/broken-2024.lua" || { echo "FAIL: 无法由 busy-2024.lua 生成有错误的报告"; exit 1; }
if "$NB" render "$tmp/broken-2024.lua" -f html -o "$tmp/unforced.html" 2>/dev/null; then
  echo "FAIL: 有错误的报告未加 --force 也生成了 HTML"; fail=1
fi

# load FILE.html in the browser with the probe, then check.lua MODE FILE.html DATAFILE;
# a mode with +print: a window as narrow as the printed page (text width 156 mm, 589 px, and
# the page's 16 mm padding), so that the tables are as wide as in a PDF
browse() {
  local mode=$1 page=$2 data=$3 width=794
  case "$mode" in *+print*) width=711 ;; esac
  { sed '/<\/body>/,$d' "$page"; echo '<script>'; cat $HERE/probe.js; echo '</script></body></html>'; } > "$page.probe.html"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$tmp/profile.XXXX")" --window-size=$width,1123 \
    --dump-dom "file://$page.probe.html" > "$page.dom" 2> "$page.chromium.log" || {
      echo "FAIL: chromium 无法加载 $page"; cat "$page.chromium.log"; fail=1; return; }
  "$NB" run $HERE/check.lua "$mode" "$page.dom" "$data" "$FORMAT" || fail=1
}

# name:data file:mode suffix (+forced: render with --force; +profile=NAME: with --profile NAME;
# +print: at the printed text width)
for case in seed:reports/yanjin-commerce-2024.lua: busy:$HERE/busy-2024.lua: \
            broken:$tmp/broken-2024.lua:+forced gbt:$HERE/busy-2024.lua:+profile=gbt9704 \
            big:$HERE/big-2024.lua:+print; do
  IFS=: read -r name data suffix <<< "$case"
  force=""
  case "$suffix" in *+forced*) force=--force ;; esac
  case "$suffix" in *+profile=*) force="$force --profile ${suffix#*+profile=}" ;; esac
  # HTML
  "$NB" render "$data" -f html $force -o "$tmp/$name.html"
  # tidy exits 1 for warnings, 2 for errors; the page should give neither (a missing end tag
  # is only a warning to tidy)
  tidy -errors -quiet "$tmp/$name.html" > "$tmp/$name.tidy" 2>&1 && rc=0 || rc=$?
  if [ $rc -ne 0 ]; then echo "FAIL: tidy 报告 $name.html 有错误或警告："; cat "$tmp/$name.tidy"; fail=1; fi
  if grep -nEi '(src|href)=|url\(|@import|<link|<script' "$tmp/$name.html"; then
    echo "FAIL: $name.html 引用了外部资源或脚本"; fail=1
  fi
  browse "html$suffix" "$tmp/$name.html" "$data"
  # Markdown, as a Git hosting page shows it
  "$NB" render "$data" -f markdown $force -o "$tmp/$name.md"
  { echo '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>md</title></head><body>'
    cmark-gfm --unsafe -e table "$tmp/$name.md"; echo '</body></html>'; } > "$tmp/$name.md.html"
  browse "markdown$suffix" "$tmp/$name.md.html" "$data"
done

[ $fail -eq 0 ] && echo "browser: all passed" || echo "browser: FAILED"
exit $fail
