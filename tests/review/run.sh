#!/usr/bin/env bash
# check --dismiss: fingerprints in text and JSON, a dismissal that survives re-runs and lapses
# when its sentence or number changes, built-in errors refused, a hostile review file.
# Usage: bash tests/review/run.sh PATH/TO/nianbao. Ends with "N passed, M failed".
set -u
NB=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../.." || exit 2
SEED=reports/yanjin-commerce-2024.lua
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. tests/cli/lib.sh
export USER=reviewer-a LOGNAME=reviewer-a

# the seed with one narrative sentence that disagrees with table 三 (a TEXT.REQUESTS warning)
D=$TMP/r.lua
sed 's/有序开展。/有序开展。全年共收到政府信息公开申请75件。/' "$SEED" >"$D"
# the fingerprint shown between 〔 〕 on the first finding line
# (the fingerprint ends the line; no bracket expression, which a C locale would apply to bytes)
fp_of() { sed -n 's/.* 〔\(.*\)〕$/\1/p' "$OUT" | head -1; }

case_ "review: the finding has a fingerprint in text and JSON"
expect_exit 0 -- "$NB" check "$D"
expect_line out "TEXT.REQUESTS" "〔TEXT.REQUESTS@一/new/总计#"
FP=$(fp_of)
expect_exit 0 -- "$NB" check --format json "$D"
json_assert "[f['fingerprint'] for f in objs[0]['findings']] == ['$FP']"
# stable: the same on a second run
expect_exit 0 -- "$NB" check "$D"
[ "$(fp_of)" = "$FP" ] && pass || fail "fingerprint changed between runs: $(fp_of) vs $FP"

case_ "review: --dismiss needs --reason and a known fingerprint"
expect_exit 2 -- "$NB" check "$D" --dismiss "$FP"
expect_contains err "--reason"
expect_exit 2 -- "$NB" check "$D" --dismiss "TEXT.REQUESTS@一/new/总计#00000000" --reason "x"
expect_contains err "没有指纹为"
[ ! -e "$D.review.lua" ] && pass || fail "a refused dismissal wrote $D.review.lua"

case_ "review: dismiss, then the finding is listed as 已核实 and not counted"
expect_exit 0 -- "$NB" check "$D" --dismiss "$FP" --reason "叙述中的75件含上年结转1件，已核实"
[ -f "$D.review.lua" ] && pass || fail "no review file written"
grep -qF 'by = "reviewer-a"' "$D.review.lua" && pass || fail "review file does not name the reviewer"
grep -qE 'at = "[0-9]{4}-[0-9]{2}-[0-9]{2}T' "$D.review.lua" && pass || fail "review file has no time"
expect_exit 0 -- "$NB" check "$D"
expect_line out "已核实" "$FP" "理由：叙述中的75件含上年结转1件，已核实" "reviewer-a"
expect_contains out "0 个警告，1 个已核实"
expect_exit 0 -- "$NB" check --format json "$D"
json_assert "objs[0]['findings'] == [] and [(f['fingerprint'], f['reason'], f['by']) for f in objs[0]['dismissed']] == [('$FP', '叙述中的75件含上年结转1件，已核实', 'reviewer-a')] and objs[0]['stale'] == []"

case_ "review: the decision survives re-runs"
expect_exit 0 -- "$NB" check "$D"
expect_contains out "1 个已核实"

case_ "review: the decision survives an edit elsewhere in the same paragraph"
cp "$D" "$TMP/before-edit.lua"
sed -i 's/坚决执行信息公开制度。/坚决执行信息公开制度，认真落实。/' "$D"
grep -q '认真落实' "$D" && pass || fail "the edit did not apply"
expect_exit 0 -- "$NB" check "$D"
expect_contains out "1 个已核实"
expect_not_contains out "核实记录已失效"
cp "$TMP/before-edit.lua" "$D"

case_ "review: --ignore-reviews shows the finding; check -j 2 of a folder applies the decision as one process does"
expect_exit 0 -- "$NB" check --ignore-reviews "$D"
expect_line out "警告 TEXT.REQUESTS" "$FP"
expect_not_contains out "已核实"
mkdir -p "$TMP/folder"
cp "$D" "$D.review.lua" "$TMP/folder/"
cp "$SEED" "$TMP/folder/b.lua"
expect_exit 0 -- "$NB" check "$TMP/folder"
cp "$OUT" "$TMP/serial.out"
expect_contains out "1 个已核实"
expect_exit 0 -- "$NB" check -j 2 "$TMP/folder"
expect_same_file "$TMP/serial.out" "$OUT"

case_ "review: the summary workbook lists the dismissed finding with its reason on 问题清单"
expect_exit 0 -- "$NB" summary "$D" -o "$TMP/summary.xlsx"
expect_true "xlsx: 问题清单 has the fingerprint and 已核实：reason" -- /usr/bin/python3 -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["问题清单"]
rows = list(ws.iter_rows(values_only=True))
head = list(rows[0])
r = [dict(zip(head, x)) for x in rows[1:] if x[head.index("编号")] == "TEXT.REQUESTS"]
sys.exit(0 if len(r) == 1 and r[0]["指纹"] == sys.argv[2] and r[0]["核实"].startswith("已核实：叙述中的75件含上年结转1件，已核实（reviewer-a") else 1)
' "$TMP/summary.xlsx" "$FP"

case_ "review: the CSV findings and the summary carry the dismissal and its reason"
expect_exit 0 -- "$NB" check --format csv "$D"
expect_true "CSV: the dismissed finding has its fingerprint and 已核实 with the reason" -- python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8-sig").read())))
head, body = rows[0], rows[1:]
r = [dict(zip(head, x)) for x in body if x[3] == "TEXT.REQUESTS"]
sys.exit(0 if len(r) == 1 and r[0]["fingerprint"] == sys.argv[2] and r[0]["review"].startswith("已核实：叙述中的75件含上年结转1件，已核实（reviewer-a") else 1)
' "$OUT" "$FP"
expect_exit 0 -- "$NB" summary "$D" -o "$TMP/summary.csv"
expect_true "summary: 1 已核实, 0 warnings for the report" -- python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
sys.exit(0 if len(rows) == 1 and rows[0]["已核实"] == "1" and rows[0]["警告"] == "0" else 1)
' "$TMP/summary.csv"

case_ "review: dismissing twice keeps one record"
expect_exit 0 -- "$NB" check "$D" --dismiss "$FP" --reason "再次核实"
[ "$(grep -c 'fingerprint =' "$D.review.lua")" = 1 ] && pass || fail "two records for one fingerprint"

case_ "review: the decision lapses when the sentence changes (same number)"
cp "$D.review.lua" "$TMP/keep.review.lua"
sed -i 's/全年共收到政府信息公开申请75件。/全年共新收到政府信息公开申请75件。/' "$D"
expect_exit 0 -- "$NB" check "$D"
expect_line out "警告 TEXT.REQUESTS" "实际 75"
expect_not_contains out "1 个已核实"
expect_line out "核实记录已失效" "$FP"
expect_exit 0 -- "$NB" check --format json "$D"
json_assert "[s['fingerprint'] for s in objs[0]['stale']] == ['$FP'] and len(objs[0]['findings']) == 1"

case_ "review: the decision lapses when the number changes"
sed 's/有序开展。/有序开展。全年共收到政府信息公开申请76件。/' "$SEED" >"$D"
expect_exit 0 -- "$NB" check "$D"
expect_line out "警告 TEXT.REQUESTS" "实际 76"
expect_line out "核实记录已失效" "$FP"

case_ "review: built-in arithmetic errors cannot be dismissed"
E=$TMP/e.lua
sed 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 0, 0, 3, 0, 0, 0, 0 }/' "$SEED" >"$E"
expect_exit 1 -- "$NB" check "$E"
EFP=$(grep 'T3.ROW_TOTAL' "$OUT" | sed -n 's/.* 〔\(.*\)〕$/\1/p' | head -1)
[ -n "$EFP" ] && pass || fail "no T3.ROW_TOTAL fingerprint"
expect_exit 2 -- "$NB" check "$E" --dismiss "$EFP" --reason "不想改"
expect_contains err "不能核实忽略，必须改正"
[ ! -e "$E.review.lua" ] && pass || fail "a refused dismissal wrote $E.review.lua"
# and a hand-written record for it does not hide it
printf 'return { dismissed = { { fingerprint = "%s", reason = "手写" } } }\n' "$EFP" >"$E.review.lua"
expect_exit 1 -- "$NB" check "$E"
expect_line out "错误 T3.ROW_TOTAL"
expect_not_contains out "1 个已核实"

case_ "review: the review file is data, loaded in the sandbox"
printf 'os.remove("%s")\nreturn {}\n' "$SEED" >"$D.review.lua"
expect_exit 2 -- "$NB" check "$D"
expect_contains err "$D.review.lua"
[ -f "$SEED" ] && pass || fail "the review file ran code"
printf 'return { dismissed = { { fingerprint = 1 } } }\n' >"$D.review.lua"
expect_exit 2 -- "$NB" check "$D"
expect_contains err "dismissed[1]"
printf 'return { dismissed = {}, x = function() end }\n' >"$D.review.lua"
expect_exit 2 -- "$NB" check "$D"
expect_contains err "不能调用函数"   # refused by the chunk check before it runs
printf 'return { dismissed = {}, x = {{{{{{{{{{{{}}}}}}}}}}}} }\n' >"$D.review.lua"
expect_exit 2 -- "$NB" check "$D"
expect_contains err "嵌套层数过多"
printf 'while true do end\n' >"$D.review.lua"
expect_exit 2 -- "$NB" check "$D"
expect_contains err "循环"

case_ "review: check -j 2 names a review file it cannot read as one process does"
mkdir -p "$TMP/jbad"
cp "$D" "$D.review.lua" "$TMP/jbad/"
cp "$SEED" "$TMP/jbad/b.lua"
expect_exit 2 -- "$NB" check "$TMP/jbad"
cp "$OUT" "$TMP/jbad-1.out"; cp "$ERR" "$TMP/jbad-1.err"
expect_contains err "r.lua.review.lua"
expect_exit 2 -- "$NB" check -j 2 "$TMP/jbad"
expect_same_file "$TMP/jbad-1.out" "$OUT"
expect_same_file "$TMP/jbad-1.err" "$ERR"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
