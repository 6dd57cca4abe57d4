#!/usr/bin/env bash
# Hostile text that loads fine, and hostile pages for the importer (issue 11): every input is
# answered with exit 0, 1 or 2 within a generous bound against hangs (NB_HANG_LIMIT seconds,
# default 30; the inputs take about 2 s here) and, where GNU time is present, a memory bound
# (NB_MEM_LIMIT_MB, default 600). Also: a bundled rule is never stopped by the rule budget on
# them (they are linear), a user rule that loops is stopped and named, and `import -` reads
# no more than its limit from an endless input.
# Usage: bash tests/reliability/hostile_text.sh PATH/TO/nianbao (from the repository root)
set -u
NB=$(realpath "$1")
SEED=reports/yanjin-commerce-2024.lua
HANG=${NB_HANG_LIMIT:-30}
MEM_MB=${NB_MEM_LIMIT_MB:-600}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
TIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null; then TIME=/usr/bin/time; fi

# run NAME CMD...: exit code in rc, stderr in $TMP/err; checks the hang and memory bounds
run() {
  local name=$1
  shift
  if [ -n "$TIME" ]; then
    timeout "$HANG" "$TIME" -f '%M' -o "$TMP/mem" "$@" >"$TMP/out" 2>"$TMP/err"
  else
    timeout "$HANG" "$@" >"$TMP/out" 2>"$TMP/err"
  fi
  rc=$?
  if [ "$rc" = 124 ] || [ "$rc" -gt 2 ]; then
    bad "$name: exit $rc (124: over $HANG s); $(head -c 300 "$TMP/err")"
    return
  fi
  if [ -n "$TIME" ]; then
    local kb
    kb=$(tail -1 "$TMP/mem")
    [ "$kb" -le $((MEM_MB * 1024)) ] || { bad "$name: used $((kb / 1024)) MiB (bound $MEM_MB)"; return; }
  fi
  ok
}

# ---- narrative texts that made rules quadratic or cubic, and data that loads but once
# crashed a bundled script (exit 3): 10,001 subsections, a 1,000,000-character run
python3 tests/reliability/hostile_narratives.py "$SEED" "$TMP"
for name in many_headings long_ascii_run; do
  for profile in default gbt9704; do
    for fmt in text html markdown; do
      run "render $name $profile $fmt" "$NB" render --profile $profile -f $fmt "$TMP/$name.lua" -o "$TMP/out.$fmt"
    done
  done
done

for f in "$TMP"/*.lua; do
  name=$(basename "$f" .lua)
  run "check $name" "$NB" check "$f"
  if grep -q "条指令的上限" "$TMP/out" "$TMP/err"; then bad "check $name: a bundled rule ran out of its budget"; fi
done
run "render gbt9704 shares_zhan" "$NB" render --profile gbt9704 "$TMP/shares_zhan.lua" -o "$TMP/out.html"
# the gbt9704 profile rewrites every text (its space tightening was quadratic on a run of spaces)
for name in style_spaces headings_digit_run fees_digit_run requests_quotes dotted_dates; do
  run "render gbt9704 $name" "$NB" render --force --profile gbt9704 -f text "$TMP/$name.lua" -o "$TMP/out.txt"
done

# ---- a review file (FILE.review.lua) naming one long text 95,000 times: copied out of its
# sandbox once per reference it took 4 GB; the copy has the text budget of a data file
cp "$SEED" "$TMP/rv.lua"
python3 -c 'import sys; open(sys.argv[1], "w").write("local s = \"" + "x" * 600000 + "\"\nreturn { dismissed = {" + "s," * 95000 + "} }\n")' "$TMP/rv.lua.review.lua"
run "review file with a shared text" "$NB" check "$TMP/rv.lua"
[ "$rc" = 2 ] && grep -q "文字总量过大" "$TMP/err" && ok || bad "shared review text: exit $rc, $(head -c 200 "$TMP/err")"
rm -f "$TMP/rv.lua" "$TMP/rv.lua.review.lua"

# ---- compare on the same data: its paragraph trim was quadratic on a run of spaces (a hang),
# and a NaN or infinite cell (loads, reported invalid by check) crashed it with exit 3
run "compare style_spaces" "$NB" compare "$SEED" "$TMP/style_spaces.lua"
python3 -c 'import sys; s = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "w", encoding="utf-8").write(s.replace("licensing = 0", "licensing = 0/0").replace("punishment = 0", "punishment = 1/0"))' "$SEED" "$TMP/nan.lua"
for fmt in text json csv html; do
  run "compare NaN $fmt" "$NB" compare "$TMP/nan.lua" "$SEED" --format $fmt
  run "compare NaN $fmt (new)" "$NB" compare "$SEED" "$TMP/nan.lua" --format $fmt
done

# ---- a title and an agency with a long inner run of spaces: the docx title break and the
# terminal's summary table trimmed with "%s+$", tried at every space (both hung)
python3 -c 'import sys; s = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "w", encoding="utf-8").write(s.replace("title = \"延津县商务局 2024 年", "title = \"延津县商务局a" + " " * 200000 + "b"))' "$SEED" "$TMP/title_spaces.lua"
run "render docx title_spaces" "$NB" render -f docx --force "$TMP/title_spaces.lua" -o "$TMP/out.docx"
cat >"$TMP/summary_spaces.lua" <<'EOF'
local agency = "a" .. string.rep(" ", 200000) .. "b"
local out = require("nianbao.findings_table").summary_table({ { path = "x.lua", report = { agency = agency, year = 2024 }, errors = 0, warnings = 0 } })
assert(out:find("a", 1, true))
EOF
# a heading with 100,000 line ends: the text renderer's subsection trimmed "\n+$" (a hang)
python3 -c 'import sys; s = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "w", encoding="utf-8").write(s.replace("heading = \"主动公开\"", "heading = \"主动公开a" + "\\n" * 100000 + "b\"", 1))' "$SEED" "$TMP/heading_newlines.lua"
for fmt in text markdown; do
  run "render $fmt heading_newlines" "$NB" render -f $fmt --force "$TMP/heading_newlines.lua" -o "$TMP/out.$fmt"
done
run "summary table agency_spaces" "$NB" run "$TMP/summary_spaces.lua"
[ "$rc" = 0 ] && ok || bad "summary table with a spaced agency: exit $rc $(head -c 200 "$TMP/err")"

# ---- a user rule that never ends is stopped and named (a finding, not a hang)
mkdir -p "$TMP/scripts/rules"
cat >"$TMP/scripts/rules/zz_loop.lua" <<'EOF'
return { id = "LOCAL.LOOP", severity = "warning", describe = "loops", check = function(report, ctx)
  ctx:add{ message = "before the loop" }
  while true do end
end }
EOF
run "endless user rule" "$NB" check --scripts "$TMP/scripts" "$SEED"
grep -q "LOCAL.LOOP.*zz_loop.lua.*上限" "$TMP/out" && ok || bad "endless user rule not named: $(cat "$TMP/out")"
grep -q "before the loop" "$TMP/out" && bad "a stopped rule's partial findings were kept" || ok

# ---- hostile pages for the importer
python3 - "$TMP" <<'EOF'
import sys, random
d = sys.argv[1]
head = '<html><head><meta charset="utf-8"><title>t</title></head><body>'
pages = {
    "div_wrong_close": "<div></x>" * 25000,
    "div_self_closed": "<div/>" * 25000,
    "span_wrong_close": "<span></b>" * 25000,
    "formatting_reopened": "".join("<div><b id=%d></div>x" % i for i in range(20000)),
    "many_attributes": "<div " + " ".join("a%d=1" % i for i in range(200000)) + ">x</div>",
    "duplicate_attributes": "<div " + " a" * 400000 + ">x</div>",
    "attributes_everywhere": ("<i " + " a" * 200 + ">x</i>") * 5000,
    "table_in_div": "<div><table></div>" * 20000,
    # the tag scan must follow HTML5 where an end tag closes nothing in gumbo: text of
    # <script> and the like, full tag names, bogus comments, scope boundaries, special
    # elements, </body> (each nests 80,000 deep in gumbo: 40 s before the scan followed it)
    "script_text_close": "<div><script></div></script>" * 80000,
    "title_text_close": "<div><title></div></title>" * 80000,
    "lt_in_tag_name": "<b<b></b>" * 80000,
    "bogus_comment_close": "<div><?</div>>" * 80000,
    "object_scope": "<div><object></div>" * 80000,
    "span_over_div": "<span><div></span>" * 80000,
    "body_reopened": "<body><div></body>" * 80000,
    "comment_bang_end": "<!----!>" + "<div>" * 1200 + "-->",
    # flat but huge: a node per tag, a paragraph per <br>
    "flat_tags": "<i></i>" * 1100000,
    "many_breaks": "a<br>" * 199000,
    # a parse error each, which gumbo kept in a list (350-400 MiB), or a bogus comment each
    "stray_end_tags": "</x>" * 2090000,
    "stray_lt": "<" * 8380000,
    "bogus_comments": "<?>" * 2790000,
}
for name, body in pages.items():
    open("%s/%s.html" % (d, name), "w").write(head + body + "</body></html>")
# text reports: a long last line, a long inner run of spaces, fee digits, random GB18030
open(d + "/long_last_line.txt", "w").write("一、总体情况\n" + "年" * 600000)
open(d + "/inner_spaces.txt", "w").write("一、总体情况\n" + "年" + " " * 1500000 + "年\n")
# a line of 300,000 no-break spaces (trim removed one per gsub: 15 s), a Markdown heading
# with a long inner run of spaces ("%s+#+%s*$" tried at every space: a hang)
open(d + "/nbsp_line.txt", "w").write("一、总体情况\n" + "\u00a0" * 300000 + "\n二、主动公开\n")
open(d + "/md_heading_spaces.txt", "w").write("一、总体情况\n# a" + " " * 600000 + "b\n二、主动公开\n")
# one line that splits into 2,000,000 cells (875 MiB) or a million (5 s, 500 MiB)
open(d + "/wide_pipes.txt", "w").write("一、总体情况\n" + "|" * 2000000 + "\n")
open(d + "/wide_spaces.txt", "w").write("一、总体情况\n" + "1 " * 1040000 + "\n")
# 8 MB of GB18030-declared bytes that decode to 16 MB of text (9 s and 1.2 GB before)
random.seed(12)
open(d + "/gb_random_page.html", "wb").write(b"<html><head><meta charset=gbk></head><body><p>" +
    bytes(random.choices([0x80, 0xff, 0x81, 0x30, 0xfe], k=8000000)) + b"</p></body></html>")
open(d + "/short_lines.txt", "w").write("一、总体情况\n" + "a\n" * 1000000)
open(d + "/fee_digits.txt", "w").write("六、其他需要报告的事项\n发出收费通知" + "1" * 1000000 + "\n")
random.seed(11)
open(d + "/random_gb18030.txt", "wb").write(bytes(random.choice(range(0x81, 0xff)) for _ in range(1500000)))
EOF
for f in "$TMP"/*.html "$TMP"/*.txt; do
  name=$(basename "$f")
  run "import $name" "$NB" import "$f" -o "$TMP/imported.lua" --force
done
for name in div_wrong_close div_self_closed; do
  run "import $name" "$NB" import "$TMP/$name.html" -o "$TMP/imported.lua" --force
  grep -q "嵌套过深" "$TMP/err" && ok || bad "$name: not refused as too deep: $(head -c 300 "$TMP/err")"
done
for name in script_text_close title_text_close lt_in_tag_name bogus_comment_close object_scope \
  span_over_div body_reopened comment_bang_end; do
  run "import $name" "$NB" import "$TMP/$name.html" -o "$TMP/imported.lua" --force
  grep -q "嵌套过深（超过" "$TMP/err" && ok || bad "$name: not refused as too deep: $(head -c 300 "$TMP/err")"
done
for name in flat_tags bogus_comments; do
  run "import $name" "$NB" import "$TMP/$name.html" -o "$TMP/imported.lua" --force
  grep -q "标签过多" "$TMP/err" && ok || bad "$name: not refused: $(head -c 300 "$TMP/err")"
done
run "import many_breaks" "$NB" import "$TMP/many_breaks.html" -o "$TMP/imported.lua" --force
grep -q "段落过多" "$TMP/err" && ok || bad "many_breaks: not refused: $(head -c 300 "$TMP/err")"
run "import gb_random_page" "$NB" import "$TMP/gb_random_page.html" -o "$TMP/imported.lua" --force
grep -q "文字过多\|无法按 GB18030 编码读取" "$TMP/err" && ok || bad "gb_random_page: not refused: $(head -c 300 "$TMP/err")"
run "import short_lines" "$NB" import "$TMP/short_lines.txt" -o "$TMP/imported.lua" --force
grep -q "行数过多" "$TMP/err" && ok || bad "short_lines: not refused: $(head -c 300 "$TMP/err")"
# a page on which gumbo fails one of its own assertions (CDATA in SVG in a table; found by
# fuzzing): refused with exit 2 and the reason, where it aborted the program
printf '<html><body><table><svg><desc></><![CDATA[>]]>\n</body></html>' >"$TMP/cdata_in_svg_in_table.html"
run "import cdata_in_svg_in_table" "$NB" import "$TMP/cdata_in_svg_in_table.html" -o "$TMP/cdata.lua"
[ "$rc" = 2 ] && grep -q "gumbo 无法解析" "$TMP/err" && [ ! -e "$TMP/cdata.lua" ] && ok ||
  bad "cdata_in_svg_in_table: exit $rc, $(head -c 300 "$TMP/err")"
for name in many_attributes duplicate_attributes attributes_everywhere; do
  run "import $name" "$NB" import "$TMP/$name.html" -o "$TMP/imported.lua" --force
  grep -q "属性过多" "$TMP/err" && ok || bad "$name: not refused for its attributes: $(head -c 300 "$TMP/err")"
done

# ---- import - stops reading at its limit: an endless input is refused, not read whole
if [ -n "$TIME" ]; then
  timeout "$HANG" "$TIME" -f '%M' -o "$TMP/mem" sh -c 'head -c 1500000000 /dev/zero | "$0" import -' "$NB" \
    >/dev/null 2>"$TMP/err"
  rc=$?
  kb=$(tail -1 "$TMP/mem")
  [ "$rc" = 2 ] && grep -q "文件过大" "$TMP/err" && [ "$kb" -le $((MEM_MB * 1024)) ] && ok ||
    bad "import - of 1.5 GB: exit $rc, $((kb / 1024)) MiB, $(head -c 200 "$TMP/err")"
fi

# ---- -o onto what is not a regular file: /dev/stdout is written into (a pipe here), a
# symlink's target is replaced and the link kept, setuid bits are not carried
# (a link like /dev/stdout of our own: a nianbao that replaced it must not break the machine)
ln -s /proc/self/fd/1 "$TMP/stdout"
n=$("$NB" render "$SEED" -o "$TMP/stdout" | wc -c)
[ "$n" -gt 1000 ] && ok || bad "-o /dev/stdout (a pipe) printed $n bytes"
"$NB" render "$SEED" -o "$TMP/stdout" >"$TMP/redirected.txt"
n=$(wc -c <"$TMP/redirected.txt")
[ "$n" -gt 1000 ] && ok || bad "-o /dev/stdout (redirected to a file) wrote $n bytes"
echo old >"$TMP/target.txt" && ln -s target.txt "$TMP/link.txt"
"$NB" render "$SEED" -o "$TMP/link.txt" --force 2>"$TMP/err" >/dev/null
[ -L "$TMP/link.txt" ] && grep -q "年度报告" "$TMP/target.txt" && ok ||
  bad "-o symlink: link kept: $([ -L "$TMP/link.txt" ] && echo yes || echo no), target: $(head -c 80 "$TMP/target.txt") $(cat "$TMP/err")"
echo old >"$TMP/suid.txt" && chmod 4755 "$TMP/suid.txt"
"$NB" render "$SEED" -o "$TMP/suid.txt" --force 2>"$TMP/err" >/dev/null
mode=$(stat -c %a "$TMP/suid.txt")
[ "$mode" = 755 ] && ok || bad "-o onto a setuid file left mode $mode"

# ---- a relative XDG_CONFIG_HOME is ignored (XDG spec); a script folder anyone may write
# to is warned about
mkdir -p "$TMP/xdg/nianbao/rules" && cp "$TMP/scripts/rules/zz_loop.lua" "$TMP/xdg/nianbao/rules/"
SEED_ABS=$(realpath "$SEED")
(cd "$TMP/xdg" && XDG_CONFIG_HOME=. timeout "$HANG" "$NB" check "$SEED_ABS" >"$TMP/out" 2>&1)
grep -q LOCAL.LOOP "$TMP/out" && bad "a relative XDG_CONFIG_HOME put the current folder on the path" || ok
# nor a relative HOME (its .config/nianbao would be the current folder's)
mkdir -p "$TMP/xdg/.config/nianbao/rules" && cp "$TMP/scripts/rules/zz_loop.lua" "$TMP/xdg/.config/nianbao/rules/"
(cd "$TMP/xdg" && HOME=. XDG_CONFIG_HOME= timeout "$HANG" "$NB" check "$SEED_ABS" >"$TMP/out" 2>&1)
grep -q LOCAL.LOOP "$TMP/out" && bad "a relative HOME put the current folder's .config on the path" || ok
# a rules/ subfolder, or a rule file, that others may write to is warned about too
chmod 0777 "$TMP/scripts/rules"
"$NB" check --scripts "$TMP/scripts" --rules TEXT.FEES "$SEED" >/dev/null 2>"$TMP/err"
grep -q "scripts/rules 可被其他用户写入" "$TMP/err" && ok || bad "no warning for a rules folder writable by others"
chmod 0755 "$TMP/scripts/rules" && chmod 0666 "$TMP/scripts/rules/zz_loop.lua"
"$NB" check --scripts "$TMP/scripts" --rules TEXT.FEES "$SEED" >/dev/null 2>"$TMP/err"
grep -q "zz_loop.lua 可被其他用户写入" "$TMP/err" && ok || bad "no warning for a rule file writable by others"
chmod 0644 "$TMP/scripts/rules/zz_loop.lua"
chmod 0777 "$TMP/scripts"
"$NB" check --scripts "$TMP/scripts" --rules TEXT.FEES "$SEED" >/dev/null 2>"$TMP/err"
grep -q "可被其他用户写入" "$TMP/err" && ok || bad "no warning for a script folder writable by others"

# ---- control characters in names and texts reach no terminal raw (ESC, OSC, CR)
ESCNAME=$(printf '%s/x\033]0;pwn\007\r.lua' "$TMP")
"$NB" check "$ESCNAME" >"$TMP/out" 2>"$TMP/err"
if grep -q "$(printf '\033')" "$TMP/out" "$TMP/err"; then bad "a raw ESC reached the terminal: $(cat -v "$TMP/err")"; else ok; fi
grep -q 'x1B' "$TMP/err" && ok || bad "the ESC is not shown escaped: $(cat -v "$TMP/err")"

# ... nor in check's findings in any format (ESC, OSC, CR, the C1 CSI U+009B and NEL U+0085)
python3 -c '
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
E = r"\27]0;pwn\7\27[2K\r\u{9B}2K\u{85}0 个错误"
s = seed.replace("agency = \"延津县商务局\"", "agency = \"延津县商务局%s\"" % E)
open(sys.argv[2], "w", encoding="utf-8").write(s.replace("licensing = 0", "licensing = -1"))
' "$SEED" "$TMP/esc.lua"
for fmt in text json csv; do
  "$NB" check --format $fmt "$TMP/esc.lua" >"$TMP/out" 2>&1
  if LC_ALL=C grep -q -e "$(printf '\033')" -e "$(printf '\302\233')" -e "$(printf '\302\205')" "$TMP/out"; then
    bad "check --format $fmt: a raw control character reached the output: $(cat -v "$TMP/out" | head -c 300)"
  else
    ok
  fi
  [ $fmt = text ] || { grep -q "pwn" "$TMP/out" && ok || bad "check --format $fmt: the agency is not in the output"; }
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
