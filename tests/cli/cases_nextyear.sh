# The clerk's next year (issue 13): new --from, the year limits of new, draft; the preamble
# and signature of new's file.
mkdir -p "$TMP/next"

case_ "new: the file has a preamble and a signature to fill in"
expect_exit 0 -- "$NB" new --agency 某某县民政局 --year 2025 -o "$TMP/next/blank.lua"
expect_true "preamble in new's file" -- grep -qF 'preamble = ""' "$TMP/next/blank.lua"
expect_true "signature in new's file" -- grep -qF 'signature = { agency = "某某县民政局", date = "" }' "$TMP/next/blank.lua"

case_ "new --from: year + 1, 上年结转 = 结转下年度, 现行有效 carried, other counts 0, narrative empty"
# last year: 2 applications carried forward (自然人 1, 法律服务机构 1), 12 规范性文件 in force
sed -e 's/carried_forward = { 0, 0, 0, 0, 0, 0, 0 }/carried_forward = { 1, 0, 0, 0, 1, 0, 2 }/' \
    -e 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 1, 0, 0, 0, 1, 0, 2 }/' \
    -e 's/normative_documents = { issued = 0, repealed = 0, in_force = 0 }/normative_documents = { issued = 3, repealed = 1, in_force = 12 }/' \
    "$SEED" >"$TMP/next/x-2024.lua"
expect_exit 0 -- "$NB" new --from "$TMP/next/x-2024.lua" -o "$TMP/next/x-2025.lua"
cat >"$TMP/next/probe.lua" <<'LUA'
local nb = require "nianbao"
local r = assert(nb.load(arg[1]))
assert(r.year == 2025, "year " .. tostring(r.year))
assert(r.agency == "延津县商务局")
assert(r.title:find("2025", 1, true) and not r.title:find("2024", 1, true), r.title)
local over = r.requests.carried_over
assert(over[1] == 1 and over[5] == 1 and over[7] == 2, "carried_over")
assert(r.requests.new[7] == 0 and r.requests.carried_forward[7] == 0, "other counts 0")
assert(r.proactive.normative_documents.in_force == 12 and r.proactive.normative_documents.issued == 0)
for _, item in ipairs(r.overview) do assert(item.text == "" and item.heading ~= "", "narrative empty") end
assert(r.other_matters == "" and r.problems == "", "narrative empty")
assert(r.signature.agency == "延津县商务局" and r.signature.date == "")
print("probe ok")
LUA
expect_exit 0 -- "$NB" run "$TMP/next/probe.lua" "$TMP/next/x-2025.lua"
expect_contains out "probe ok"
# the two years agree: the carry-over check with --previous finds nothing on table 三
expect_exit 1 -- "$NB" check "$TMP/next/x-2025.lua" --previous "$TMP/next/x-2024.lua"
expect_not_contains out "YEAR.CARRY"
expect_not_contains out "YEAR.IN_FORCE"
# (the blank file of the same year would not agree: the check does see the carry-over)
expect_exit 0 -- "$NB" new --agency 延津县商务局 --year 2025 -o "$TMP/next/blank-same.lua"
expect_exit 1 -- "$NB" check "$TMP/next/blank-same.lua" --previous "$TMP/next/x-2024.lua"
expect_contains out "YEAR.CARRY"

case_ "new --from: a blank of last year stays blank this year, and is named"
sed -e 's/carried_forward = { 0, 0, 0, 0, 0, 0, 0 }/carried_forward = { "\/", 0, 0, 0, 1, 0, 1 }/' \
    -e 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 0, 0, 0, 0, 1, 0, 1 }/' \
    -e 's/normative_documents = { issued = 0, repealed = 0, in_force = 0 }/normative_documents = { issued = 0, repealed = 0, in_force = "—" }/' \
    "$SEED" >"$TMP/next/b-2024.lua"
grep -q 'carried_forward = { "/"' "$TMP/next/b-2024.lua" || fail "b-2024.lua was not made"
expect_exit 0 -- "$NB" new --from "$TMP/next/b-2024.lua" -o "$TMP/next/b-2025.lua"
expect_contains err "“结转下年度继续办理·自然人”空白或无效"
expect_contains err "“行政规范性文件·现行有效件数”空白或无效"
expect_true "the carried cells are blank, not 0" -- grep -q 'carried_over = { "", 0, 0, 0, 1, 0 }' "$TMP/next/b-2025.lua"
expect_true "in force blank" -- grep -q 'normative_documents = { issued = 0, repealed = 0, in_force = "" }' "$TMP/next/b-2025.lua"
# (exit 1: the new year has no narrative yet)
expect_exit 1 -- "$NB" check --builtin-only "$TMP/next/b-2025.lua"
expect_line out VALUE.BLANK "carried_over" "自然人"

case_ "new: years outside 2021 … next year are refused with the reason"
expect_exit 2 -- "$NB" new --agency X --year 2019
expect_contains err "试行格式"
expect_exit 2 -- "$NB" new --agency X --year 2020
expect_contains err "国办公开办函〔2019〕60号"
expect_exit 2 -- "$NB" new --agency X --year 2007
expect_contains err "早于现行格式"
expect_exit 2 -- "$NB" new --agency X --year 2999
expect_contains err "尚未到来"
expect_exit 2 -- "$NB" new --from "$TMP/next/x-2024.lua" --year 2026
expect_contains err "--from"
expect_exit 2 -- "$NB" new --from "$TMP/next/missing.lua"
expect_contains err "missing.lua"

case_ "draft: the standard sentences, written back over the same file with --force"
cp "$TMP/next/x-2024.lua" "$TMP/next/d.lua"
expect_exit 2 -- "$NB" draft "$TMP/next/d.lua" -o "$TMP/next/d.lua"
expect_contains err "--force"
expect_exit 0 -- "$NB" draft "$TMP/next/d.lua" -o "$TMP/next/d.lua" --force
expect_true "the applications sentence" -- grep -qF '共收到政府信息公开申请2件，其中自然人1件、法人或其他组织1件' "$TMP/next/d.lua"
expect_true "the appeals sentence" -- grep -qF '未发生政府信息公开行政复议、行政诉讼案件' "$TMP/next/d.lua"
expect_true "the other narrative is kept" -- grep -qF '未收到依申请公开政府信息' "$TMP/next/d.lua"
expect_exit 0 -- "$NB" draft "$TMP/next/d.lua"
expect_same_file "$TMP/next/d.lua" "$OUT"
expect_exit 2 -- "$NB" draft
expect_exit 0 -- "$NB" --help
expect_contains out "draft"
