#!/usr/bin/env bash
# The summary page in headless Chromium: the real reports are imported, summarised to HTML,
# and the DOM the browser built is read back (table rows, sorting by a click, the SVG charts).
# Usage: summary_browser.sh NIANBAO (from the repository root). Exit 77 without chromium.
set -euo pipefail
NB=$1
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "SKIP: chromium 未安装"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$NB" import ../shared/real-reports/*.html ../shared/real-reports/01-huaian-city-gov-2024.txt -d "$tmp/data" >/dev/null 2>&1
# a unit with a long name (its bar label must fit left of the bars, not run off the page)
sed 's/agency = "延津县商务局"/agency = "福建省平潭综合实验区党工委管委会办公室（区行政服务中心管委会）"/' \
  reports/yanjin-commerce-2024.lua >"$tmp/data/long-name-2024.lua"
# and a file the loader rejects: its row names the long reason, which must not widen the table
printf 'while true do end\n' >"$tmp/data/rejected.lua"
"$NB" summary "$tmp/data" -o "$tmp/summary.html" || [ $? -eq 2 ]
if grep -nEi '(src|href)=|url\(|@import|<link' "$tmp/summary.html"; then echo "FAIL: 汇总网页引用了外部资源"; exit 1; fi
{ sed '/<\/body>/,$d' "$tmp/summary.html"; echo '<script>'; cat tests/batch/summary_probe.js; echo '</script></body></html>'; } >"$tmp/probe.html"
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --window-size=1200,900 \
  --dump-dom "file://$tmp/probe.html" >"$tmp/dom.html" 2>"$tmp/chromium.log" || { echo "FAIL: chromium"; cat "$tmp/chromium.log"; exit 1; }
python3 - "$tmp/dom.html" "$tmp/data" <<'PY'
import sys, re, html, os
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
assert m, "no probe output: the page's scripts did not run"
facts = {}
svgs = []
for line in html.unescape(m.group(1)).splitlines():
    parts = line.split("\t")
    if parts[0] == "svg": svgs.append(parts[1:])
    else: facts[parts[0]] = parts[1:]
fails = []
def check(ok, what):
    if not ok: fails.append(what)
n = len([f for f in os.listdir(sys.argv[2]) if f.endswith(".lua")])
check(int(facts["rows"][0]) == n, "one row per report: %s rows, %d files" % (facts["rows"][0], n))
heads = facts["heads"][0].split("|")
for h in ["文件", "机关", "年度", "新收", "办结", "结转", "予以公开", "复议", "诉讼", "收费（元）", "错误", "警告"]:
    check(h in heads, "header %s" % h)
nums = lambda s: [int(x) for x in s.split("|") if x]  # the rejected row has no figures
before, asc, desc = nums(facts["new-before"][0]), nums(facts["new-asc"][0]), nums(facts["new-desc"][0])
check(asc == sorted(before), "click sorts 新收 ascending: %s" % asc)
check(desc == sorted(before, reverse=True), "second click sorts descending: %s" % desc)
check(facts["new-asc"][1] == "ascending" and facts["new-desc"][1] == "descending", "aria-sort follows")
check(3119 in before, "淮安 2024 新收 3119 in the table")
check(facts["agency-desc"][0].split("|")[0] == "淮安市人民政府", "rows move whole: the largest is 淮安")
ids = [s[0] for s in svgs]
check(ids == ["chart-applications", "chart-results"], "two charts: %s" % ids)
for s in svgs:
    check(int(s[3]) > 100 and int(s[4]) > 50, "chart %s is drawn (%sx%s)" % (s[0], s[3], s[4]))
check(int(svgs[0][2]) == n - 1, "one bar per readable report in the applications chart")
check(0 < int(facts["reason-width"][0]) <= 400, "a rejected file's reason wraps (%s px wide)" % facts["reason-width"][0])
widths = [float(w) for w in facts["bar-widths"][0].split("|")]
check(max(widths) > 5 * sorted(widths)[len(widths) // 2], "bar lengths follow the numbers")
check(facts["resources"][0] == "0", "no external resources loaded")
check(int(facts["label-left"][0]) >= 0, "every bar label is inside its chart (leftmost x %s)" % facts["label-left"][0])
check("福建省平潭综合实验区党工委管委会办公室（区行政服务中心管委会） 2024" in dom, "the whole long name is kept (the bar's tooltip)")
if fails:
    print("FAIL: " + "\nFAIL: ".join(fails)); sys.exit(1)
print("summary page: all passed")
PY
