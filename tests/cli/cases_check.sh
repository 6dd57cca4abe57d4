# nianbao check: the seed passes, one changed number in table 三 is found and placed,
# JSON output, --previous, stdin, and exit 1 for invalid values.

case_ "check: the seed passes"
expect_exit 0 -- "$NB" check "$SEED"
expect_contains out "0 个错误"

case_ "check: stdin (-) reads the data file"
STDIN=$SEED expect_exit 0 -- "$NB" check -
expect_contains out "通过"
# the same through a real pipe
run_cmd bash -c "cat '$SEED' | '$NB' check -"
if [ "$RC" -eq 0 ]; then pass; else fail "cat seed | nianbao check - exited $RC"; show_output; fi

# One number of table 三 changed: 科研机构 of 一、本年新收 becomes 3 while its 总计 stays 0.
case_ "check: 本年新收/科研机构 changed"
seed_with 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 0, 0, 3, 0, 0, 0, 0 }/' "$TMP/t3_new.lua"
expect_exit 1 -- "$NB" check "$TMP/t3_new.lua"
expect_line out T3.ROW_TOTAL "(new)" "一、本年新收政府信息公开申请数量" "总计" "期望 3，实际 0"
expect_line out T3.BALANCE "(new)" "科研机构"
expect_contains out "2 个错误"
expect_exit 1 -- "$NB" check --format json "$TMP/t3_new.lua"
# both findings point at the changed row
json_assert "sorted((f['id'], f['row'], f['column']) for f in errors(objs[0])) == [('T3.BALANCE', 'new', '科研机构'), ('T3.ROW_TOTAL', 'new', '总计')]"
json_assert "[(f['row'], f['label'], f['expected'], f['found']) for f in errors(objs[0]) if f['id'] == 'T3.ROW_TOTAL'] == [('new', '一、本年新收政府信息公开申请数量', 3, 0)]"

# A result row: 商业企业 of 4.保护第三方合法权益 becomes 4.
case_ "check: 不予公开/保护第三方合法权益/商业企业 changed"
seed_with 's/third_party = { 0, 0, 0, 0, 0, 0, 0 }/third_party = { 0, 4, 0, 0, 0, 0, 0 }/' "$TMP/t3_result.lua"
expect_exit 1 -- "$NB" check "$TMP/t3_result.lua"
expect_line out T3.ROW_TOTAL "(withheld.third_party)" "4.保护第三方合法权益" "总计"
# the column sum is wrong in （七）总计; the finding points at the row that explains it
expect_line out T3.RESULT_TOTAL "(withheld.third_party)" "（七）总计" "商业企业" "期望 4，实际 0"
expect_not_contains out T3.BALANCE
expect_exit 1 -- "$NB" check --format json "$TMP/t3_result.lua"
json_assert "sorted((f['id'], f['row'], f['column']) for f in errors(objs[0])) == [('T3.RESULT_TOTAL', 'withheld.third_party', '商业企业'), ('T3.ROW_TOTAL', 'withheld.third_party', '总计')]"

# 结转下年度 of 自然人 becomes 2: its row total and the 自然人 balance no longer hold.
case_ "check: 结转下年度/自然人 changed"
seed_with 's/carried_forward = { 0, 0, 0, 0, 0, 0, 0 }/carried_forward = { 2, 0, 0, 0, 0, 0, 0 }/' "$TMP/t3_cf.lua"
expect_exit 1 -- "$NB" check "$TMP/t3_cf.lua"
expect_line out T3.ROW_TOTAL "(carried_forward)" "四、结转下年度继续办理" "总计"
expect_line out T3.BALANCE "(carried_forward)" "自然人" "期望 0，实际 2"
expect_not_contains out T3.RESULT_TOTAL

# Only the published 总计 of （七）总计 changed: three checks disagree with it.
case_ "check: （七）总计/总计 changed"
seed_with 's/total = { 0, 0, 0, 0, 0, 0, 0 }/total = { 0, 0, 0, 0, 0, 0, 5 }/' "$TMP/t3_total.lua"
expect_exit 1 -- "$NB" check --format json "$TMP/t3_total.lua"
json_assert "sorted(f['id'] for f in errors(objs[0])) == ['T3.BALANCE', 'T3.RESULT_TOTAL', 'T3.ROW_TOTAL'] and all(f['column'] == '总计' for f in errors(objs[0]))"

case_ "check --format json: one object per file with every field"
expect_exit 1 -- "$NB" check --format json "$SEED" "$TMP/t3_new.lua"
json_assert "len(objs) == 2 and [o['file'] for o in objs] == ['$SEED', '$TMP/t3_new.lua']"
json_assert "errors(objs[0]) == [] and len(errors(objs[1])) == 2"
json_assert "all(set(['id','severity','section','row','column','expected','found','message']) <= set(f) for f in errors(objs[1]))"
json_assert "all(f['severity'] == 'error' and f['section'] == '三' and '表三' in f['message'] for f in errors(objs[1]))"
# FORMAT.md §4's fields are all there, null when a finding has none: a text rule's warning
# names no row or column
seed_with 's/认真贯彻落实/认真贯彻,落实/' "$TMP/style.lua"
expect_exit 0 -- "$NB" check --format json "$TMP/style.lua"
json_assert "[(f['id'], f['row'], f['column']) for f in objs[0]['findings']] == [('TEXT.STYLE', None, None)]"
json_assert "all(set(['id','severity','section','row','column','expected','found','message']) <= set(f) for f in objs[0]['findings'])"

case_ "check: VALUE.INVALID for a negative count"
seed_with 's/unclear = { 0, 0, 0, 0, 0, 0, 0 }/unclear = { 0, 0, 0, 0, -1, 0, 0 }/' "$TMP/negative.lua"
expect_exit 1 -- "$NB" check --format json "$TMP/negative.lua"
json_assert "[(f['id'], f['row'], f['column'], f['found']) for f in errors(objs[0]) if f['id'] == 'VALUE.INVALID'] == [('VALUE.INVALID', 'unavailable.unclear', '法律服务机构', -1)]"

case_ "check: VALUE.INVALID beyond the bounds names them, and quotes a long integer exactly"
seed_with 's/licensing = 0/licensing = 9007199254740993/; s/fees = 0/fees = 1e13/' "$TMP/beyond.lua"
expect_exit 1 -- "$NB" check --builtin-only "$TMP/beyond.lua"
expect_line out VALUE.INVALID "(proactive.licensing)" "件数超出上限 1000000000，实际为 9007199254740993"
expect_line out VALUE.INVALID "(proactive.fees)" "金额超出上限 1000000000000，实际为 10000000000000"
# below the bound the rule kept is said: a negative count is not "beyond" anything
seed_with 's/licensing = 0/licensing = -3/' "$TMP/minus.lua"
expect_exit 1 -- "$NB" check --builtin-only "$TMP/minus.lua"
expect_line out VALUE.INVALID "(proactive.licensing)" "件数应为不小于 0 的整数，实际为 -3"

case_ "check: VALUE.INVALID for a fractional count"
seed_with 's/licensing = 0/licensing = 1.5/' "$TMP/fraction.lua"
expect_exit 1 -- "$NB" check "$TMP/fraction.lua"
expect_line out VALUE.INVALID "1.5"

# Last year's report carried 2 applications of 商业企业 forward; this year's carried_over is 0.
case_ "check --previous: YEAR.CARRY"
seed_with 's/year = 2024/year = 2023/; s/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 0, 2, 0, 0, 0, 0, 2 }/; s/carried_forward = { 0, 0, 0, 0, 0, 0, 0 }/carried_forward = { 0, 2, 0, 0, 0, 0, 2 }/' "$TMP/prev.lua"
expect_exit 0 -- "$NB" check "$TMP/prev.lua"
expect_exit 1 -- "$NB" check "$SEED" --previous "$TMP/prev.lua"
expect_line out YEAR.CARRY "(carried_over)" "商业企业" "期望 2，实际 0"
expect_exit 1 -- "$NB" check --format json --previous "$TMP/prev.lua" "$SEED"
json_assert "sorted((f['id'], f['row'], f['column']) for f in errors(objs[0])) == [('YEAR.CARRY', 'carried_over', '商业企业'), ('YEAR.CARRY', 'carried_over', '总计')]"
# a previous report (of 2023) equal to this one's start gives no YEAR.CARRY
seed_with 's/year = 2024/year = 2023/' "$TMP/prev_same.lua"
expect_exit 0 -- "$NB" check "$SEED" --previous "$TMP/prev_same.lua"

case_ "check --format json: a rejected file still gets its object, exit 2"
expect_exit 2 -- "$NB" check --format json "$SEED" "$TMP/no-such-report.lua" "$TMP/t3_new.lua"
json_assert "[o['file'] for o in objs] == ['$SEED', '$TMP/no-such-report.lua', '$TMP/t3_new.lua']"
json_assert "'no-such-report.lua' in objs[1]['error'] and objs[1]['findings'] == [] and len(errors(objs[2])) == 2"

# A 2020 report in the 2019 trial format: 采购总金额 is an amount (1456.8 passes), its table 二
# is rendered, an unknown label is refused naming the nearest one, and the 2021 table 二 in a
# format = 2019 file is refused.
case_ "check/render: the 2019 trial format"
seed_with '/^  proactive = {/,/^  },/c\
  proactive_2019 = { ["规章"] = { 0, 0, 0 }, ["规范性文件"] = { 3, 3, 17 }, ["行政许可"] = { 45, -2, 1380 }, ["其他对外管理服务事项"] = { 12, 0, 56 }, ["行政处罚"] = { 120, 3, 214 }, ["行政强制"] = { 8, 0, 6 }, ["行政事业性收费"] = { 4, -1 }, ["政府集中采购"] = { 23, 1456.8 } },
s/format = 2021/format = 2019/; s/year = 2024/year = 2020/' "$TMP/trial.lua"
expect_exit 0 -- "$NB" check "$TMP/trial.lua"
expect_not_contains out VALUE.INVALID
expect_exit 0 -- "$NB" render "$TMP/trial.lua" -f text
expect_contains out "第二十条第（九）项"
expect_contains out "政府集中采购	23	1456.8"
expect_not_contains out "本年制发件数"
sed 's/\["行政强制"\]/["乱写"]/' "$TMP/trial.lua" >"$TMP/trial_bad.lua"
expect_exit 2 -- "$NB" check "$TMP/trial_bad.lua"
expect_contains err "未知的键“乱写”"
expect_contains err "是否应为“"
seed_with 's/format = 2021/format = 2019/; s/year = 2024/year = 2020/' "$TMP/trial_2021t2.lua"
expect_exit 2 -- "$NB" check "$TMP/trial_2021t2.lua"
expect_contains err "proactive_2019"

case_ "check: FORMAT.MIXED_TEMPLATE for a 2021 table 三 with the single （六） row"
seed_with 's/no_correction = { 0, 0, 0, 0, 0, 0, 0 }/no_correction = { "", "", "", "", "", "", "" }/; s/no_fee_payment = { 0, 0, 0, 0, 0, 0, 0 }/no_fee_payment = { "", "", "", "", "", "", "" }/' "$TMP/mixed.lua"
expect_exit 0 -- "$NB" check "$TMP/mixed.lua"
expect_line out FORMAT.MIXED_TEMPLATE "(other.other)" "（六）其他处理"
