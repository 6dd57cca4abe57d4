# nianbao render: refusal of reports with errors, --force, atomic -o, script errors with a
# traceback, and the golden outputs of the seed.

# the folder holds only the expected files: no .OUT.XXXXXX temporary left behind
expect_only_files() {
  local dir=$1
  shift
  local got want
  got=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
  want=$( (($# > 0)) && printf '%s\n' "$@" | sort | tr '\n' ' ')
  if [ "$got" = "$want" ]; then pass; else fail "files in $dir: '$got', expected '$want'"; fi
}

case_ "render: refuses a report with errors, no output file"
mkdir -p "$TMP/r1"
seed_with 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 1, 0, 0, 0, 0, 0, 0 }/' "$TMP/bad.lua"
expect_exit 1 -- "$NB" render "$TMP/bad.lua" -o "$TMP/r1/out.txt"
expect_contains err "T3.ROW_TOTAL"
expect_contains err "--force"
expect_only_files "$TMP/r1"
expect_exit 1 -- "$NB" render "$TMP/bad.lua"
expect_true "nothing on stdout for a refused report" -- test ! -s "$OUT"

case_ "render --force: writes the report with errors"
expect_exit 0 -- "$NB" render "$TMP/bad.lua" --force -o "$TMP/r1/out.txt"
expect_only_files "$TMP/r1" out.txt
expect_true "forced output has the title" -- grep -qF "延津县商务局 2024 年政府信息公开工作年度报告" "$TMP/r1/out.txt"
# the text carries the banner the other formats carry: it must not pass for the report
expect_true "forced text says it is forced" -- grep -qF "是强制生成的（--force），不能作为正式报告发布" "$TMP/r1/out.txt"
expect_true "and lists the errors" -- grep -q "^- 错误 T3" "$TMP/r1/out.txt"
expect_exit 0 -- "$NB" render "$SEED" --force
expect_not_contains out "强制生成"

case_ "render -o: an existing OUT stays identical when the report has errors"
mkdir -p "$TMP/r2"
printf 'previous contents\n' >"$TMP/r2/out.txt"
cp "$TMP/r2/out.txt" "$TMP/keep.txt"
expect_exit 1 -- "$NB" render "$TMP/bad.lua" -o "$TMP/r2/out.txt"
expect_same_file "$TMP/keep.txt" "$TMP/r2/out.txt"
expect_only_files "$TMP/r2" out.txt

case_ "render -o: a renderer that raises leaves OUT identical, exit 3 with a traceback"
mkdir -p "$TMP/broken/render"
cat >"$TMP/broken/render/text.lua" <<'EOF'
-- a renderer that fails half-way, to test that nothing is written
local function fail_here()
  error("renderer broke on purpose")
end
return { name = "text", render = function(report, findings, opts)
  local partial = report.title
  fail_here()
  return partial
end }
EOF
expect_exit 3 -- "$NB" --scripts "$TMP/broken" render "$SEED" -o "$TMP/r2/out.txt"
expect_same_file "$TMP/keep.txt" "$TMP/r2/out.txt"
expect_only_files "$TMP/r2" out.txt
expect_contains err "$TMP/broken/render/text.lua:3: renderer broke on purpose"
expect_contains err "stack traceback"
expect_contains err "$TMP/broken/render/text.lua:7:"
expect_true "nothing on stdout" -- test ! -s "$OUT"

case_ "render -o: success replaces OUT with the rendered text"
expect_exit 0 -- "$NB" render "$SEED" -o "$TMP/r2/out.txt"
expect_same_file tests/golden/yanjin-commerce-2024.txt "$TMP/r2/out.txt"
expect_only_files "$TMP/r2" out.txt
expect_true "nothing on stdout with -o" -- test ! -s "$OUT"

case_ "render -o -: standard output"
expect_exit 0 -- "$NB" render "$SEED" -o -
expect_same_file tests/golden/yanjin-commerce-2024.txt "$OUT"

case_ "render: options before the command (--scripts DIR render FILE)"
mkdir -p "$TMP/marker/render"
cat >"$TMP/marker/render/text.lua" <<'EOF'
return { name = "text", render = function(report) return "MARKER " .. report.agency .. "\n" end }
EOF
expect_exit 0 -- "$NB" --scripts "$TMP/marker" render "$SEED"
expect_contains out "MARKER 延津县商务局"
expect_exit 0 -- "$NB" render --scripts "$TMP/marker" "$SEED"
expect_contains out "MARKER 延津县商务局"
expect_exit 0 -- "$NB" render -o - --scripts "$TMP/marker" "$SEED"
expect_contains out "MARKER 延津县商务局"
# after the file name, too (FORMAT.md §4: `nianbao render x.lua --scripts d` is the same)
expect_exit 0 -- "$NB" render "$SEED" --scripts "$TMP/marker"
expect_contains out "MARKER 延津县商务局"
expect_exit 0 -- "$NB" --force render "$SEED" --table-style aligned
expect_same_file tests/golden/yanjin-commerce-2024.aligned.txt "$OUT"

case_ "render: a user's renderer is chosen by the extension it declares"
mkdir -p "$TMP/rst/render"
cat >"$TMP/rst/render/rst.lua" <<'EOF'
return { name = "rst", extension = "rst", render = function(report) return report.agency .. "\n====\n" end }
EOF
expect_exit 0 -- "$NB" render "$SEED" -o "$TMP/out.rst" --scripts "$TMP/rst"
expect_true "rst written by the user's renderer" -- grep -qx "====" "$TMP/out.rst"
# without that folder the extension is unknown, and the message says how to make it known
expect_exit 2 -- "$NB" render "$SEED" -o "$TMP/out2.rst"
expect_contains err "extension = \"rst\""
expect_true "no file" -- test ! -e "$TMP/out2.rst"

case_ "render: bad option values are usage errors"
expect_exit 2 -- "$NB" render "$SEED" --table-style fancy
expect_exit 2 -- "$NB" render "$SEED" -f no-such-format
expect_contains err "no-such-format"
expect_exit 2 -- "$NB" render
expect_exit 2 -- "$NB" render "$SEED" "$SEED"

# Golden files: the text output of the seed, reviewed against the published report.
case_ "golden: text (tsv tables)"
expect_exit 0 -- "$NB" render "$SEED"
expect_same_file tests/golden/yanjin-commerce-2024.txt "$OUT"

case_ "golden: text (aligned tables)"
expect_exit 0 -- "$NB" render "$SEED" --table-style aligned
expect_same_file tests/golden/yanjin-commerce-2024.aligned.txt "$OUT"

case_ "render -o: a missing folder is an error naming the path"
expect_exit 2 -- "$NB" render "$SEED" -o "$TMP/no-such-folder/out.txt"
expect_contains err "$TMP/no-such-folder/out.txt"
expect_true "the folder was not created" -- test ! -e "$TMP/no-such-folder"

# A rule that declares warnings_only is left out of a render of a report without errors: the
# bundled renderers show findings only beside errors (the --force banner), so the output is
# the same. Each run of the rule leaves a file behind, which says whether it ran.
mkdir -p "$TMP/lean/rules" "$TMP/lean-all/rules" "$TMP/lean-all/render"
# marker_rule FILE NAME SECTION FLAGS: a rule TEST.NAME adding the warning "测试警告 NAME" that
# leaves a file $TMP/name-ran-* behind on every run; FLAGS go into its table
marker_rule() {
  local lower
  lower=$(printf '%s' "$2" | tr 'A-Z' 'a-z')
  cat >"$1" <<EOF2
return { id = "TEST.$2", severity = "warning", $4 describe = "测试用规则",
  check = function(report, ctx)
    local f = assert(io.open("$TMP/$lower-ran-" .. tostring(os.clock()) .. "-" .. tostring({}):match("0x%x+"), "w"))
    f:close()
    ctx:add{ section = "$3", message = "测试警告 $2" }
  end }
EOF2
}
marker_rule "$TMP/lean/rules/zz_lean.lua" LEAN 一 "warnings_only = true,"
ran_count() { ls "$TMP" | grep -c '^lean-ran-' || true; }

case_ "render: a warnings_only rule does not run on a report without errors"
rm -f "$TMP"/lean-ran-*
expect_exit 0 -- "$NB" --scripts "$TMP/lean" check "$SEED"
expect_contains out "测试警告 LEAN"
expect_true "check ran the rule" -- test "$(ran_count)" = 1
rm -f "$TMP"/lean-ran-*
for f in text html markdown docx; do
  expect_exit 0 -- "$NB" --scripts "$TMP/lean" render -f "$f" "$SEED" -o "$TMP/lean-out.$f"
done
expect_true "render ran it in none of four formats" -- test "$(ran_count)" = 0
expect_exit 0 -- "$NB" --scripts "$TMP/lean" render "$SEED"
expect_same_file tests/golden/yanjin-commerce-2024.txt "$OUT"

case_ "render --force on a report with errors: the banner lists the warnings_only rule's warning"
rm -f "$TMP"/lean-ran-*
expect_exit 1 -- "$NB" --scripts "$TMP/lean" render -f html "$TMP/bad.lua"
expect_contains err "T3.ROW_TOTAL"
expect_not_contains err "LEAN"
expect_exit 0 -- "$NB" --scripts "$TMP/lean" render -f html --force "$TMP/bad.lua"
expect_contains out "T3.ROW_TOTAL"
expect_contains out "测试警告 LEAN"
expect_exit 0 -- "$NB" --scripts "$TMP/lean" render -f markdown --force "$TMP/bad.lua"
expect_contains out "测试警告 LEAN"

case_ "render --force: each rule runs once, and the banner keeps the order of check"
mkdir -p "$TMP/lean-once/rules"
# the warnings_only rule first by file name: its findings come before the other rule's
cp "$TMP/lean/rules/zz_lean.lua" "$TMP/lean-once/rules/aa_lean.lua"
marker_rule "$TMP/lean-once/rules/zz_plain.lua" PLAIN 五 ""
rm -f "$TMP"/lean-ran-* "$TMP"/plain-ran-*
expect_exit 0 -- "$NB" --scripts "$TMP/lean-once" render -f html --force "$TMP/bad.lua"
expect_true "the warnings_only rule ran once" -- test "$(ran_count)" = 1
expect_true "the other rule ran once" -- test "$(ls "$TMP" | grep -c '^plain-ran-')" = 1
grep -o '<li class="[a-z]*">[^<]*</li>' "$OUT" | sed 's/<[^>]*>//g' >"$TMP/banner-order"
expect_exit 1 -- "$NB" --scripts "$TMP/lean-once" check "$TMP/bad.lua"
# each finding's line without the file name and the fingerprint 〔...〕 at its end (no
# bracket expression with a Chinese character in it: under LC_ALL=C it is a set of bytes)
sed -n "s|^$TMP/bad.lua: ||p" "$OUT" | grep ' 〔' | sed 's/ 〔[^ ]*$//' >"$TMP/check-order"
expect_true "four findings" -- test "$(wc -l <"$TMP/check-order")" = 4
expect_true "banner and check list the same findings in the same order" -- cmp -s "$TMP/banner-order" "$TMP/check-order"
expect_true "both rules' warnings are in it" -- grep -q "LEAN" "$TMP/banner-order"
expect_exit 0 -- "$NB" --scripts "$TMP/lean-once" render -f docx --force "$TMP/bad.lua" -o "$TMP/lean-banner.docx"
expect_true "the Word banner lists the warnings_only rule's warning" -- \
  sh -c "unzip -p '$TMP/lean-banner.docx' word/document.xml | grep -q '测试警告 LEAN'"

case_ "rules: warnings_only is refused on an error rule; a skipped rule's script error shows in check only"
mkdir -p "$TMP/lean-bad/rules" "$TMP/lean-crash/rules"
cat >"$TMP/lean-bad/rules/err.lua" <<'EOF2'
return { id = "TEST.ERR", severity = "error", warnings_only = true, describe = "测试用规则",
  check = function(report, ctx) ctx:add{ message = "x" } end }
EOF2
expect_exit 3 -- "$NB" --scripts "$TMP/lean-bad" check "$SEED"
expect_contains err "rules/err.lua"
expect_contains err "不能声明 warnings_only = true"
cat >"$TMP/lean-crash/rules/crash.lua" <<'EOF2'
return { id = "TEST.CRASH", severity = "warning", warnings_only = true, describe = "测试用规则",
  check = function(report, ctx) local x = nil; return x.y end }
EOF2
expect_exit 3 -- "$NB" --scripts "$TMP/lean-crash" check "$SEED"
expect_contains err "rules/crash.lua:2"
# documented (docs/customizing.md): render of a report without errors does not run it
expect_exit 0 -- "$NB" --scripts "$TMP/lean-crash" render "$SEED"
expect_exit 3 -- "$NB" --scripts "$TMP/lean-crash" render --force "$TMP/bad.lua"
expect_contains err "rules/crash.lua:2"

case_ "render: a renderer without shows_findings_only_with_errors gets every warning"
cp "$TMP/lean/rules/zz_lean.lua" "$TMP/lean-all/rules/"
cat >"$TMP/lean-all/render/count.lua" <<'EOF2'
return { name = "count", extension = "count",
  render = function(report, findings) return string.format("warnings=%d\n", #findings:warnings()) end }
EOF2
expect_exit 0 -- "$NB" --scripts "$TMP/lean-all" check "$SEED"
warnings=$(grep -c '警告 [A-Z]' "$OUT" || true) # a finding's line, not the summary
expect_exit 0 -- "$NB" --scripts "$TMP/lean-all" render -f count "$SEED"
expect_contains out "warnings=$warnings"
expect_true "the check found the rule's warning" -- test "$warnings" -ge 1
