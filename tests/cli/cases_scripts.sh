# User scripts through --scripts DIR: rules discovered from DIR/rules, overriding bundled
# files by name, and script errors reported with file:line.

mkdir -p "$TMP/userdir/rules"
cat >"$TMP/userdir/rules/zz_always.lua" <<'EOF'
-- a local rule that always reports one error naming the agency
return { id = "TEST.ALWAYS", severity = "error", describe = "测试用规则",
  check = function(report, ctx)
    ctx:add{ section = "一", message = "测试规则报告 " .. report.agency }
  end }
EOF

case_ "rules: a rule in DIR/rules runs and can fail a report"
expect_exit 1 -- "$NB" --scripts "$TMP/userdir" check "$SEED"
expect_line out TEST.ALWAYS "测试规则报告 延津县商务局"
expect_exit 0 -- "$NB" --scripts "$TMP/userdir" check "$SEED" --no-rules TEST.ALWAYS
expect_not_contains out TEST.ALWAYS
expect_exit 1 -- "$NB" --scripts "$TMP/userdir" check "$SEED" --rules TEST.ALWAYS --format json
json_assert "[f['id'] for f in objs[0]['findings']] == ['TEST.ALWAYS'] and objs[0]['findings'][0]['rule'].endswith('rules/zz_always.lua')"
# render refuses the report the rule failed
expect_exit 1 -- "$NB" --scripts "$TMP/userdir" render "$SEED"
expect_contains err TEST.ALWAYS

case_ "rules: listed by nianbao rules with their file"
expect_exit 0 -- "$NB" --scripts "$TMP/userdir" rules
expect_line out TEST.ALWAYS error "$TMP/userdir/rules/zz_always.lua"
expect_exit 0 -- "$NB" rules
expect_exit 2 -- "$NB" rules extra
expect_contains err "不需要参数"
expect_not_contains out TEST.ALWAYS

case_ "rules: an error in a rule's helper shows the rule's own frames"
mkdir -p "$TMP/helper_err/rules"
cat >"$TMP/helper_err/rules/bad.lua" <<'EOF'
local function helper(x)
  return x.missing.field
end
return { id = "USER.BAD", severity = "warning", describe = "x",
  check = function(report, ctx) helper(report) end }
EOF
expect_exit 3 -- "$NB" check "$SEED" --scripts "$TMP/helper_err"
expect_contains err "$TMP/helper_err/rules/bad.lua:2: attempt to index"
# the traceback starts where it was raised: the helper, then the rule's check that called it
expect_contains err "$TMP/helper_err/rules/bad.lua:2: in"
expect_contains err "$TMP/helper_err/rules/bad.lua:5: in"
expect_true "one traceback, not two" -- test "$(grep -c 'stack traceback' "$ERR")" = 1

case_ "rules: a rule cannot change the report"
mkdir -p "$TMP/editdir/rules"
cat >"$TMP/editdir/rules/zz_edit.lua" <<'EOF'
return { id = "TEST.EDIT", severity = "warning", describe = "试图修改报告",
  check = function(report, ctx)
    report.requests.new[1] = 99
  end }
EOF
expect_exit 3 -- "$NB" --scripts "$TMP/editdir" check "$SEED"
expect_contains err "$TMP/editdir/rules/zz_edit.lua:3"

case_ "rules: a rule with a syntax error exits 3 naming file:line"
mkdir -p "$TMP/brokendir/rules"
printf 'return { id =\n' >"$TMP/brokendir/rules/zz_broken.lua"
expect_exit 3 -- "$NB" --scripts "$TMP/brokendir" check "$SEED"
expect_contains err "$TMP/brokendir/rules/zz_broken.lua:2:"

case_ "which: a file in DIR replaces the bundled one of the same name"
mkdir -p "$TMP/whichdir/render"
cp scripts/render/text.lua "$TMP/whichdir/render/text.lua"
expect_exit 0 -- "$NB" --scripts "$TMP/whichdir" which render/text
expect_contains out "render/text.lua => $TMP/whichdir/render/text.lua"
expect_exit 2 -- "$NB" which render/no-such-renderer

case_ "leaves: a user's render/html.lua replaces the HTML renderer and Markdown still works"
mkdir -p "$TMP/htmldir/render"
cat >"$TMP/htmldir/render/html.lua" <<'EOF2'
-- a user's own HTML renderer: nothing that Markdown could lean on
return { name = "html", extension = "html",
  render = function(report) return "<p>本地版式 " .. report.agency .. "</p>\n" end }
EOF2
expect_exit 0 -- "$NB" --scripts "$TMP/htmldir" render -f html "$SEED" -o -
expect_contains out "<p>本地版式 延津县商务局</p>"
expect_exit 0 -- "$NB" --scripts "$TMP/htmldir" render -f markdown "$SEED" -o -
expect_contains out "<table>"
expect_contains out "rowspan="
expect_not_contains out "本地版式"
expect_exit 0 -- "$NB" --scripts "$TMP/htmldir" render -f text "$SEED" -o -
# the reviewer's web pages (summary, compare) are core: they do not lean on render/html.lua
expect_exit 0 -- "$NB" --scripts "$TMP/htmldir" summary "$SEED" -o "$TMP/htmldir/summary.html"
expect_true "summary.html has a table" -- grep -q "<table" "$TMP/htmldir/summary.html"
expect_true "summary.html has its chart labels" -- grep -q "予以公开" "$TMP/htmldir/summary.html"
expect_exit 0 -- "$NB" --scripts "$TMP/htmldir" compare "$SEED" "$SEED" --format html
expect_contains out "<table"
expect_not_contains out "本地版式"

case_ "leaves: a profile builds on a user's own gbt9704 through base, not a require"
mkdir -p "$TMP/profdir/profiles"
cat >"$TMP/profdir/profiles/gbt9704.lua" <<'EOF2'
return { name = "gbt9704", heading = function(level, n, title)
  if level == 2 then return "第" .. n .. "部分 " .. title end
end }
EOF2
expect_exit 0 -- "$NB" --scripts "$TMP/profdir" render -f text --profile county-example "$SEED" -o -
expect_contains out "第1部分 "
expect_contains out "情况"

case_ "scripts: a user's own command named like a bundled one runs its finalizers at exit"
# main.c leaves the Lua state unclosed only after the bundled one-shot commands; a user's
# check (a folder's nianbao/commands/check.lua) may count on __gc like any own command
mkdir -p "$TMP/gcdir/nianbao/commands"
cat >"$TMP/gcdir/nianbao/commands/check.lua" <<EOF2
local log = setmetatable({}, { __gc = function()
  local f = assert(io.open("$TMP/gcdir/closed", "w")) f:write("closed\n") f:close()
end })
return { summary = "自己的检查", spec = {}, run = function() return log and 0 end }
EOF2
cp "$TMP/gcdir/nianbao/commands/check.lua" "$TMP/gcdir/nianbao/commands/mycheck.lua"
expect_exit 0 -- "$NB" --scripts "$TMP/gcdir" mycheck "$SEED"
if [ -s "$TMP/gcdir/closed" ]; then pass; else fail "a user's new command: its finalizer did not run"; fi
rm -f "$TMP/gcdir/closed"
expect_exit 0 -- "$NB" --scripts "$TMP/gcdir" check "$SEED"
if [ -s "$TMP/gcdir/closed" ]; then pass; else fail "a user's check: its finalizer did not run at exit"; fi
rm -f "$TMP/gcdir/closed"
# the bundled check still exits without closing (nothing of the user's is left to finalize)
expect_exit 0 -- "$NB" check "$SEED"
