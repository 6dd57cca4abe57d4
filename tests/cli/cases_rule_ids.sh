# --rules / --no-rules name rules that exist (else exit 2 with the nearest id); `--no-rules all`
# and --builtin-only run the built-in checks alone.

mkdir -p "$TMP/ids/rules"
cat >"$TMP/ids/rules/zz_always.lua" <<'EOF2'
return { id = "TEST.ALWAYS", severity = "error", describe = "测试用规则",
  check = function(report, ctx) ctx:add{ section = "一", message = "测试规则总是报告" } end }
EOF2

case_ "rule ids: an unknown id is refused with the nearest one"
expect_exit 2 -- "$NB" check "$SEED" --rules TEXT.FESS
expect_contains err "没有编号为“TEXT.FESS”的规则"
expect_contains err "TEXT.FEES"
expect_not_contains out "通过"
expect_exit 2 -- "$NB" check "$SEED" --no-rules text.period
expect_contains err "TEXT.PERIOD"
expect_exit 2 -- "$NB" check "$SEED" --no-rules TEXT.FEES,NOTHING.LIKE.ANY
expect_contains err "NOTHING.LIKE.ANY"
# a user's rule id is known once its folder is on the path
expect_exit 1 -- "$NB" --scripts "$TMP/ids" check "$SEED" --rules TEST.ALWAYS
expect_exit 2 -- "$NB" check "$SEED" --rules TEST.ALWAYS

case_ "rule ids: --no-rules all and --builtin-only run no rule, but the built-in checks"
expect_exit 1 -- "$NB" --scripts "$TMP/ids" check "$SEED"
expect_contains out TEST.ALWAYS
for opt in "--no-rules all" "--no-rules ALL" "--builtin-only"; do
  expect_exit 0 -- "$NB" --scripts "$TMP/ids" check "$SEED" $opt
  expect_not_contains out TEST.ALWAYS
done
seed_with 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 0, 0, 3, 0, 0, 0, 0 }/' "$TMP/ids_t3.lua"
expect_exit 1 -- "$NB" --scripts "$TMP/ids" check "$TMP/ids_t3.lua" --builtin-only
expect_contains out "T3."
expect_not_contains out TEST.ALWAYS

case_ "rule ids: the built-in checks alone load no rule file (a broken one does not stop them)"
mkdir -p "$TMP/broken/rules"
echo 'error("a rule file that cannot load")' >"$TMP/broken/rules/zz_broken.lua"
expect_exit 3 -- "$NB" --scripts "$TMP/broken" check "$SEED"
expect_contains err "zz_broken.lua"
for opt in "--no-rules all" "--builtin-only"; do
  expect_exit 0 -- "$NB" --scripts "$TMP/broken" check "$SEED" $opt
  expect_contains out "通过"
done
# naming a rule still needs every rule's id, so the broken file is read and named
expect_exit 3 -- "$NB" --scripts "$TMP/broken" check "$SEED" --no-rules all,TEXT.FEES
