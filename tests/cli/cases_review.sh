# The reviewer's commands on many reports: import -d, check of folders (CSV, JSON with agency
# and year, summary table on a terminal), year pairs and --previous refusal. The real reports
# of ../shared/real-reports are imported first; generated ones come from bench/gen.lua.
REAL=../shared/real-reports
RV=$TMP/review
mkdir -p "$RV"

# py_assert FILE EXPR: a Python expression over the text `t` of FILE (read as UTF-8) is true.
py_assert() {
  if python3 -c '
import sys, csv, io
t = open(sys.argv[1], encoding="utf-8", newline="").read()
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
' "$1" "$2"; then pass; else fail "not true of $1: $2"; head -c 1500 "$1" | sed "s/^/  /"; fi
}

case_ "import -d: one data file per published report, then what each could not read"
expect_exit 1 -- "$NB" import "$REAL"/*.txt "$REAL"/*.html -d "$RV/data"
for f in "$REAL"/*.txt "$REAL"/*.html; do
  base=$(basename "$f"); base=${base%.*}
  if [ -s "$RV/data/$base.lua" ]; then pass; else fail "import -d wrote no $RV/data/$base.lua"; fi
done
# the crawler text of 2020 has table 二 run together: named in the table with what was lost
expect_line out "12-pingtan-zone-2020-trial-crawler.txt" "12-pingtan-zone-2020-trial-crawler.lua" "处未能读取"
expect_line out "08-pingtan-zone-2024.html" "完整"

case_ "import -d: never overwrites without --force; an unreadable input is named, the others written"
cp "$RV/data/08-pingtan-zone-2024.lua" "$RV/keep.lua"
echo "-- hand-edited" >>"$RV/data/08-pingtan-zone-2024.lua"
expect_exit 2 -- "$NB" import "$REAL/08-pingtan-zone-2024.html" -d "$RV/data"
expect_line out "08-pingtan-zone-2024.html" "已存在，未覆盖"
expect_contains err "已存在"
if grep -q "hand-edited" "$RV/data/08-pingtan-zone-2024.lua"; then pass; else fail "import -d overwrote without --force"; fi
expect_exit 2 -- "$NB" import "$TMP/no-such-page.html" "$REAL/08-pingtan-zone-2024.html" -d "$RV/again" --force
expect_line out "no-such-page.html" "无法读取"
if cmp -s "$RV/keep.lua" "$RV/again/08-pingtan-zone-2024.lua"; then pass; else fail "the readable input was not written after an unreadable one"; fi
expect_exit 0 -- "$NB" import "$REAL/08-pingtan-zone-2024.html" -d "$RV/data" --force
if grep -q "hand-edited" "$RV/data/08-pingtan-zone-2024.lua"; then fail "--force did not overwrite"; else pass; fi
expect_exit 2 -- "$NB" import "$REAL/08-pingtan-zone-2024.html" -d "$RV/x" -o "$RV/x.lua"
# -d creates missing parent folders too; a folder that cannot be made is named in Chinese
expect_exit 0 -- "$NB" import "$REAL/08-pingtan-zone-2024.html" -d "$RV/new/2024/"
[ -s "$RV/new/2024/08-pingtan-zone-2024.lua" ] && pass || fail "import -d did not create new/2024"
: >"$RV/plain-file"
expect_exit 2 -- "$NB" import "$REAL/08-pingtan-zone-2024.html" -d "$RV/plain-file/sub"
expect_line err "无法创建文件夹" "plain-file" "文件已存在"

case_ "import -d: two inputs of the same name from two folders: the second is named, not written over the first"
mkdir -p "$RV/same/a" "$RV/same/b"
cp "$REAL/08-pingtan-zone-2024.html" "$RV/same/a/x.html"
cp "$REAL/07-pingtan-zone-2023.html" "$RV/same/b/x.html"
expect_exit 2 -- "$NB" import "$RV/same/a/x.html" "$RV/same/b/x.html" -d "$RV/same/out"
expect_line out "same/b/x.html" "同名，未写出"
py_assert "$RV/same/out/x.lua" "'year = 2024' in t"

case_ "import -d: a folder saved by a download tool (names such as download.jsp?id=7) gives a data file each"
mkdir -p "$RV/dl"
cp "$REAL/08-pingtan-zone-2024.html" "$RV/dl/download.jsp?id=7"
cp "$REAL/07-pingtan-zone-2023.html" "$RV/dl/download.jsp?id=8"
expect_exit 0 -- "$NB" import "$RV/dl" -d "$RV/dl-out"
py_assert "$RV/dl-out/download.jsp?id=7.lua" "'year = 2024' in t"
py_assert "$RV/dl-out/download.jsp?id=8.lua" "'year = 2023' in t"

case_ "check DIR: every data file, in name order, year pairs of the same agency"
expect_exit 1 -- "$NB" check --format json "$RV/data"
json_assert "[o['file'].rsplit('/', 1)[1] for o in objs] == sorted(o['file'].rsplit('/', 1)[1] for o in objs) and len(objs) == 8"
json_assert "all(o['agency'] in ('淮安市人民政府', '平潭综合实验区') and isinstance(o['year'], int) for o in objs)"
# Pingtan 2019..2025 are consecutive: each but 2019 is compared with the year before
json_assert "sorted(o['year'] for o in objs if o.get('previous')) == [2020, 2021, 2022, 2023, 2024, 2025]"
json_assert "all(p['year'] == o['year'] - 1 for o in objs for p in objs if o.get('previous') == p['file'])"
json_assert "any(f['id'].startswith('YEAR.') for o in objs for f in o['findings'])"
# the same 2025 report alone has no YEAR findings (nothing to pair with)
expect_exit 0 -- "$NB" check --format json "$RV/data/10-pingtan-zone-2025.lua"
json_assert "not any(f['id'].startswith('YEAR.') for f in objs[0]['findings']) and 'previous' not in objs[0]"

case_ "check DIR: reports without an agency name are never a year pair"
# two cut-off samples of different agencies, 2024 and 2025, both imported without a title
"$NB" import ../shared/samples/01-longgang-dept-2024.txt ../shared/samples/03-changchun-linkong-zone-2025.txt \
  -d "$RV/untitled" >/dev/null 2>&1
expect_exit 1 -- "$NB" check --format json "$RV/untitled"
json_assert "len(objs) == 2 and [o['agency'] for o in objs] == ['', ''] and sorted(o['year'] for o in objs) == [2024, 2025]"
json_assert "not any('previous' in o for o in objs) and not any(f['id'].startswith('YEAR.') for o in objs for f in o['findings'])"
# the summary page's charts name such a report by its file, not by a bare year
expect_exit 0 -- "$NB" summary "$RV/untitled" -o "$RV/untitled.html"
py_assert "$RV/untitled.html" "__import__('re').findall(r'<rect class=\"bar\"[^>]*><title>([^<]*)：', t) == ['01-longgang-dept-2024 2024', '03-changchun-linkong-zone-2025 2025']"
# compare of the two says that they need not be of one agency (the other check pairs no such reports)
expect_exit 0 -- "$NB" compare "$RV/untitled/01-longgang-dept-2024.lua" "$RV/untitled/03-changchun-linkong-zone-2025.lua"
expect_contains out "都没有机关名称"
expect_exit 0 -- "$NB" compare "$RV/data/07-pingtan-zone-2023.lua" "$RV/data/08-pingtan-zone-2024.lua"
expect_not_contains out "注意"

case_ "check --previous: another agency or a year that is not the one before is refused"
expect_exit 2 -- "$NB" check "$RV/data/10-pingtan-zone-2025.lua" --previous "$RV/data/01-huaian-city-gov-2024.lua"
expect_line err "淮安市人民政府" "平潭综合实验区" "不作比较"
expect_not_contains out YEAR.CARRY
expect_exit 2 -- "$NB" check "$RV/data/10-pingtan-zone-2025.lua" --previous "$RV/data/09-pingtan-zone-2022.lua"
expect_line err "2022 年" "2025 年" "不作比较"
# spaces and traditional characters do not make another agency
sed 's/agency = "平潭综合实验区"/agency = "平潭 綜合實驗區"/' "$RV/data/08-pingtan-zone-2024.lua" >"$RV/trad-2024.lua"
if grep -q '綜合實驗區' "$RV/trad-2024.lua"; then pass; else fail "could not make the traditional copy"; fi
expect_exit 0 -- "$NB" check --format json "$RV/data/10-pingtan-zone-2025.lua" --previous "$RV/trad-2024.lua"
json_assert "any(f['id'] == 'YEAR.IN_FORCE' for f in objs[0]['findings'])"

case_ "check --format csv: a BOM, a header, one row per finding, quoted where needed, rejected files named"
printf 'return { agency = 1 }\n' >"$RV/rejected.lua"
expect_exit 2 -- "$NB" check --format csv "$RV/data" "$RV/rejected.lua" "$TMP/no-such.lua"
py_assert "$OUT" "t.startswith('\ufeff') and t.splitlines()[0] == '\ufefffile,agency,year,id,severity,section,row,column,expected,found,message,fingerprint,review'"
py_assert "$OUT" "all(len(r) == 13 for r in csv.reader(io.StringIO(t.lstrip('\ufeff'))))"
py_assert "$OUT" "sum(1 for r in csv.reader(io.StringIO(t.lstrip('\ufeff'))) if r[3] == 'T3.RESULT_TOTAL' and r[1] == '平潭综合实验区' and r[2] == '2020') == 2"
py_assert "$OUT" "[r[3] for r in csv.reader(io.StringIO(t.lstrip('\ufeff'))) if r[0].endswith(('rejected.lua', 'no-such.lua'))] == ['FILE.REJECTED', 'FILE.REJECTED']"
py_assert "$OUT" "'\r\n' in t and any(',' in r[10] for r in csv.reader(io.StringIO(t.lstrip('\ufeff'))))"
# the row count equals the JSON findings count
expect_exit 1 -- "$NB" check --format json "$RV/data"
n_json=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["findings"]) for l in open(sys.argv[1])))' "$OUT")
expect_exit 1 -- "$NB" check --format csv "$RV/data"
n_csv=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))) - 1)' "$OUT")
if [ "$n_json" = "$n_csv" ] && [ "$n_csv" -gt 0 ]; then pass; else fail "CSV rows $n_csv, JSON findings $n_json"; fi

case_ "check DIR: folders without data files and unreadable files are named, the batch goes on"
mkdir -p "$RV/empty"
expect_exit 2 -- "$NB" check "$RV/empty" "$RV/data/08-pingtan-zone-2024.lua"
expect_line err "$RV/empty" "没有数据文件"
expect_line out "08-pingtan-zone-2024.lua" "通过"
# a subfolder that cannot be read is named once, in Chinese (root reads it anyway: not tried then)
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$RV/locked/sub"; cp "$SEED" "$RV/locked/sub/a.lua"; chmod 000 "$RV/locked/sub"
  expect_exit 2 -- "$NB" check "$RV/locked"
  chmod 755 "$RV/locked/sub"
  expect_line err "locked/sub" "无法读取文件夹：没有权限"
  expect_not_contains err "没有数据文件"
fi

case_ "check on a terminal: summary table and total line after the findings; none in a pipe"
expect_exit 2 -- "$NB" check "$RV/data" "$RV/rejected.lua"
expect_not_contains out "合计："
run_cmd script -qec "'$NB' check '$RV/data' '$RV/rejected.lua'" /dev/null
[ "$RC" -eq 2 ] && pass || fail "check on a terminal exited $RC, expected 2"
expect_line out "12-pingtan-zone-2020-trial-crawler.lua" "平潭综合实验区" "2020" "2"
expect_line out "rejected.lua" "无法检查"
expect_line out "合计：9 个文件" "7 个通过" "1 个未通过" "1 个无法检查"
# the table comes after the last finding
py_assert "$OUT" "t.rindex('合计：') > t.rindex('14-pingtan-zone-2019-trial-crawler.lua: ')"
# one file on a terminal: its own last line says it all, no table
run_cmd script -qec "'$NB' check '$RV/data/08-pingtan-zone-2024.lua'" /dev/null
expect_contains out "08-pingtan-zone-2024.lua: 通过"
expect_not_contains out "合计："

case_ "summary: CSV with one row per report, key figures then every cell under its official label"
expect_exit 2 -- "$NB" summary "$RV/data" "$RV/rejected.lua" -o "$RV/s.csv"
expect_contains err "rejected.lua"
py_assert "$RV/s.csv" "t.startswith('\ufeff') and len(list(csv.reader(io.StringIO(t.lstrip('\ufeff'))))) == 10"
py_assert "$RV/s.csv" "list(csv.reader(io.StringIO(t.lstrip('\ufeff'))))[0][:13] == ['文件','机关','年度','检查结果','新收','办结','结转','予以公开','复议','诉讼','收费（元）','错误','警告']"
py_assert "$RV/s.csv" "'表三 一、本年新收政府信息公开申请数量 总计' in t and '表四 行政诉讼 复议后起诉 尚未审结' in t and '表二 行政事业性收费 本年收费金额（单位：万元）' in t"
# 淮安 2024: 新收 3119 is also its cell 表三 一、本年新收 总计
py_assert "$RV/s.csv" "(lambda rows: [r for r in rows if r[1] == '淮安市人民政府'][0][4] == '3119' == [r for r in rows if r[1] == '淮安市人民政府'][0][rows[0].index('表三 一、本年新收政府信息公开申请数量 总计')])(list(csv.reader(io.StringIO(t.lstrip('\ufeff')))))"
py_assert "$RV/s.csv" "any(r[0].endswith('rejected.lua') and r[3].startswith('无法读取') for r in csv.reader(io.StringIO(t.lstrip('\ufeff'))))"
expect_exit 2 -- "$NB" summary "$RV/data" -o "$RV/s.csv"
expect_contains err "已存在"
expect_exit 2 -- "$NB" summary "$RV/data" -o "$RV/s.txt"

case_ "summary: JSON figures and cells agree with check's error counts"
expect_exit 0 -- "$NB" summary "$RV/data" -o "$RV/s.json"
py_assert "$RV/s.json" "(lambda d: len(d['reports']) == 8 and [r['figures']['errors'] for r in d['reports'] if r['year'] == 2020] == [2] and all(r['cells']['requests.new.7'] == r['figures']['new'] for r in d['reports']))(__import__('json').loads(t))"

case_ "summary: a real XLSX workbook read by openpyxl"
expect_exit 0 -- "$NB" summary "$RV/data" -o "$RV/s.xlsx"
if /usr/bin/python3 - "$RV/s.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["汇总"]
head = [c.value for c in ws[1]]
assert head[:5] == ["文件", "机关", "年度", "检查结果", "新收"], head[:5]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.max_row == 9, ws.max_row
rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
huaian = rows["淮安市人民政府"]
assert huaian[2] == 2024 and huaian[4] == 3119 and isinstance(huaian[4], int), huaian[:6]
fee = head.index("表二 行政事业性收费 本年收费金额（单位：万元）")
assert all(r[fee] is None or isinstance(r[fee], (int, float)) for r in ws.iter_rows(min_row=2, values_only=True))
assert all(ws.column_dimensions[c].width and ws.column_dimensions[c].width >= 6 for c in ("A", "B", "E"))
assert ws.column_dimensions["A"].width > ws.column_dimensions["E"].width
assert ws["A1"].font.b
problems = wb["问题清单"]
ids = [r[3] for r in problems.iter_rows(min_row=2, values_only=True)]
assert ids.count("T3.RESULT_TOTAL") == 2, ids
PY
then pass; else fail "openpyxl could not read the summary workbook as expected"; fi

case_ "aggregate: two 2024 reports summed into the government's data file"
A=$RV/data/01-huaian-city-gov-2024.lua
B=$RV/data/08-pingtan-zone-2024.lua
expect_exit 0 -- "$NB" aggregate "$A" "$B" --agency "测试市人民政府" -o "$RV/sum.lua"
# sections 五 and 六 are left for the government to write (SECTION.MISSING); no other error
expect_exit 1 -- "$NB" check --format json "$RV/sum.lua"
json_assert "objs[0]['agency'] == '测试市人民政府' and objs[0]['year'] == 2024"
json_assert "sorted(f['section'] for f in errors(objs[0])) == ['五', '六'] and all(f['id'] == 'SECTION.MISSING' for f in errors(objs[0]))"
expect_exit 0 -- "$NB" summary "$A" "$B" "$RV/sum.lua" -o "$RV/sum.json"
py_assert "$RV/sum.json" "(lambda r: all(r[2]['cells'][k] == r[0]['cells'][k] + r[1]['cells'][k] for k in r[2]['cells'] if isinstance(r[0]['cells'][k], int) and isinstance(r[1]['cells'][k], int)))(__import__('json').loads(t)['reports'])"
py_assert "$RV/sum.json" "(lambda r: r[2]['cells']['requests.new.7'] == 3119 + 218)(__import__('json').loads(t)['reports'])"
py_assert "$RV/sum.lua" "'淮安市人民政府、平潭综合实验区' in t"
expect_exit 2 -- "$NB" aggregate "$A" "$B" --agency "测试市人民政府" -o "$RV/sum.lua"

case_ "aggregate: mixed years are refused, naming files and years, nothing written"
expect_exit 2 -- "$NB" aggregate "$A" "$RV/data/07-pingtan-zone-2023.lua" --agency X -o "$RV/mixed.lua"
expect_line err "2024 年" "01-huaian-city-gov-2024.lua" "2023 年" "07-pingtan-zone-2023.lua"
[ -e "$RV/mixed.lua" ] && fail "aggregate wrote a file for mixed years" || pass

case_ "aggregate: a unit whose own checks fail is named and refused unless --force"
expect_exit 1 -- "$NB" aggregate "$RV/data/12-pingtan-zone-2020-trial-crawler.lua" --agency X -o "$RV/fail.lua"
expect_line err "12-pingtan-zone-2020-trial-crawler.lua" "错误"
[ -e "$RV/fail.lua" ] && fail "aggregate wrote a file for a failing unit" || pass
expect_exit 0 -- "$NB" aggregate "$RV/data/12-pingtan-zone-2020-trial-crawler.lua" --agency X -o "$RV/fail.lua" --force
# the trial-format table 二 has none of the 2021 cells: blank in the sum and reported
expect_line err "表二 规章 本年制发件数" "空白"

case_ "aggregate: a blank cell in one unit makes that cell blank in the sum, and is reported"
sed 's/^\(    new = { \)[0-9]*,/\1"",/' "$B" >"$RV/blank-2024.lua"
if cmp -s "$B" "$RV/blank-2024.lua"; then fail "could not blank a cell"; else pass; fi
# (the blank breaks the unit's own 总计, so --force)
expect_exit 1 -- "$NB" aggregate "$A" "$RV/blank-2024.lua" --agency Y -o "$RV/blank-sum.lua"
expect_exit 0 -- "$NB" aggregate "$A" "$RV/blank-2024.lua" --agency Y -o "$RV/blank-sum.lua" --force
expect_line err "表三 一、本年新收政府信息公开申请数量 自然人" "blank-2024.lua" "空白"
py_assert "$RV/blank-sum.lua" "'new = { \"\", ' in t"

case_ "aggregate and check --units: no unit counted twice; a unit without a name is named by its file"
mkdir -p "$RV/units"
cp "$A" "$B" "$RV/units/"
expect_exit 2 -- "$NB" aggregate "$RV/units" "$RV/units/01-huaian-city-gov-2024.lua" --agency Z -o "$RV/twice.lua"
expect_line err "01-huaian-city-gov-2024.lua" "同一个文件"
[ -e "$RV/twice.lua" ] && fail "aggregate wrote a sum counting a file twice" || pass
cp "$B" "$RV/units/copy-of-pingtan.lua"
expect_exit 2 -- "$NB" aggregate "$RV/units" --agency Z -o "$RV/twice.lua"
expect_line err "copy-of-pingtan.lua" "08-pingtan-zone-2024.lua" "同一机关"
expect_contains err "未汇总（确是不同单位时加 --force）"
[ -e "$RV/twice.lua" ] && fail "aggregate wrote a sum with one agency twice" || pass
# a shared name may be right (a department's own office): --force sums, with a note
expect_exit 0 -- "$NB" aggregate "$RV/units" --agency Z -o "$RV/twice.lua" --force
expect_line err "注意" "copy-of-pingtan.lua" "同一机关"
# check --units only notes a shared name
expect_exit 1 -- "$NB" check --units "$RV/twice.lua" "$RV/units"
expect_line err "注意" "copy-of-pingtan.lua" "同一机关"
rm "$RV/units/copy-of-pingtan.lua"
# last run's sum left in the units' folder: neither it nor a copy of it is a unit
expect_exit 0 -- "$NB" aggregate "$RV/units" --agency 测试市人民政府 -o "$RV/units/sum.lua"
expect_exit 2 -- "$NB" aggregate "$RV/units" --agency 测试市人民政府 -o "$RV/units/sum.lua" --force
expect_line err "units/sum.lua" "汇总的输出文件"
expect_not_contains err "注意"
expect_exit 2 -- "$NB" aggregate "$RV/units" --agency 测试市人民政府 -o "$RV/elsewhere.lua"
expect_line err "units/sum.lua" "就是汇总的机关"
expect_exit 2 -- "$NB" check --units "$RV/units/sum.lua" "$RV/units"
expect_line err "units/sum.lua" "政府自己的报告"
expect_not_contains out HIER.SUM
rm "$RV/units/sum.lua"
# a report imported without a title: named by its file in the sum's narrative, not by ""
sed 's/^  agency = "[^"]*",/  agency = "",/' "$A" >"$RV/units/untitled-2024.lua"
grep -q '^  agency = "",' "$RV/units/untitled-2024.lua" && pass || fail "could not blank the agency"
# its blank agency is an error of its own (SECTION.MISSING): summed only with --force
expect_exit 1 -- "$NB" aggregate "$RV/units/untitled-2024.lua" "$B" --agency Z -o "$RV/named.lua"
expect_contains err "机关名称（agency）为空"
expect_exit 0 -- "$NB" aggregate "$RV/units/untitled-2024.lua" "$B" --agency Z -o "$RV/named.lua" --force
py_assert "$RV/named.lua" "'逐格相加得出：untitled-2024.lua（机关名称空白）、平潭综合实验区。' in t"

case_ "check --units: the sum agrees with its units; a changed cell is named with the difference"
expect_exit 1 -- "$NB" check --units "$RV/sum.lua" "$A" "$B" --format json
json_assert "not [f for f in objs[0]['findings'] if f['id'] == 'HIER.SUM'] and objs[0]['units'] == 2"
json_assert "all(f['id'] == 'SECTION.MISSING' for f in errors(objs[0]))"
sed 's/^\(    review = { upheld = \)\([0-9]*\)/\1999/' "$RV/sum.lua" >"$RV/sum-changed.lua"
expect_exit 1 -- "$NB" check --units "$RV/sum-changed.lua" "$A" "$B"
expect_line out HIER.SUM "行政复议 结果维持" "政府报告为 999" "相差"
expect_exit 2 -- "$NB" check --units "$RV/sum.lua" "$RV/data/07-pingtan-zone-2023.lua"
expect_contains err "2023"

case_ "compare: changed cells with old, new, change and percent; key figures; identical paragraphs"
O=$RV/data/07-pingtan-zone-2023.lua
N=$RV/data/08-pingtan-zone-2024.lua
expect_exit 0 -- "$NB" compare "$O" "$N"
expect_line out "新收" "81" "218" "+137" "+169.1%"
expect_line out "表三 一、本年新收政府信息公开申请数量 自然人：80 → 217（+137，+171.2%）"
expect_line out "表二 行政事业性收费 本年收费金额（单位：万元）：5949.088667 → 18651.06（+12701.971333，+213.5%）"
expect_contains out "与上年完全相同的段落（0 段）"
expect_not_contains out "不早于新报告"
# the two reports in the wrong order: said, since every change reads backwards
expect_exit 0 -- "$NB" compare "$N" "$O"
expect_contains out "注意：旧报告的年度（2024）不早于新报告（2023）"
# this year's report repeating a paragraph of last year's: named
python3 - "$N" "$RV/copied-2024.lua" <<'PY'
import sys, re
t = open(sys.argv[1], encoding="utf-8").read()
t2 = t.replace('other_matters = ', 'other_matters = "本机关严格落实政府信息公开工作要求，持续完善工作机制。\\n" .. ', 1)
assert t2 != t
open(sys.argv[2], "w", encoding="utf-8").write(t2)
PY
python3 - "$O" "$RV/copied-2023.lua" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t2 = t.replace('problems = ', 'problems = "本机关严格落实政府信息公开工作要求，持续完善工作机制。\\n" .. ', 1)
assert t2 != t
open(sys.argv[2], "w", encoding="utf-8").write(t2)
PY
expect_exit 0 -- "$NB" compare "$RV/copied-2023.lua" "$RV/copied-2024.lua" --format json
json_assert "[p['text'] for p in objs[0]['identical']] == ['本机关严格落实政府信息公开工作要求，持续完善工作机制。'] and objs[0]['identical'][0]['where'].startswith('六')"
json_assert "[(c['old'], c['new'], c['change']) for c in objs[0]['cells'] if c['id'] == 'requests.new.1'] == [(80, 217, 137)]"
json_assert "len(objs[0]['figures']) == 7 and objs[0]['old']['year'] == 2023 and objs[0]['new']['year'] == 2024"
# every changed cell is a real difference, and no unchanged cell is listed
json_assert "all(c['old'] != c['new'] for c in objs[0]['cells'])"
expect_exit 0 -- "$NB" compare "$N" "$N" --format json
json_assert "objs[0]['cells'] == [] and all(f['change'] == 0 for f in objs[0]['figures'] if f['old'] is not None)"
expect_exit 0 -- "$NB" compare "$O" "$N" -o "$RV/cmp.csv"
py_assert "$RV/cmp.csv" "t.startswith('\ufeff类别,项目,旧,新,增减,增减%') and '单元格,表三 一、本年新收政府信息公开申请数量 自然人,80,217,137,171.2' in t"
# a fall is a negative number for the spreadsheet, not text behind an apostrophe
py_assert "$RV/cmp.csv" "'单元格,表二 行政规范性文件 本年制发件数,77,62,-15,-19.5\r\n' in t and \"'\" not in t"
expect_exit 0 -- "$NB" compare "$O" "$N" -o "$RV/cmp.html"
py_assert "$RV/cmp.html" "t.count('<svg') == 1 and t.count('class=\"new\"') == 8 and '表三 一、本年新收政府信息公开申请数量 自然人' in t"
if tidy -errors -quiet "$RV/cmp.html" >/dev/null 2>&1; then pass; else fail "tidy finds errors in the compare page"; fi
expect_exit 2 -- "$NB" compare "$O"
expect_exit 2 -- "$NB" compare "$O" "$TMP/none.lua"

case_ "generated reports: a long batch shows progress on a terminal only; summary has a row for each"
mkdir -p "$RV/gen/data"
"$NB" run bench/gen.lua "$SEED" "$RV/gen" 24 0 11 >/dev/null 2>&1
n=$(ls "$RV/gen/data" | wc -l)
[ "$n" -eq 24 ] && pass || fail "bench/gen.lua wrote $n files, expected 24"
expect_exit 0 -- "$NB" check "$RV/gen/data"
expect_not_contains err "检查 1/24"
run_cmd script -qec "'$NB' check '$RV/gen/data'" /dev/null
[ "$RC" -eq 0 ] && pass || fail "check of generated reports on a terminal exited $RC"
expect_contains out "检查 24/24"
expect_line out "合计：24 个文件" "24 个通过" "共 0 个错误"
# fewer files than the threshold: no progress line even on a terminal
run_cmd script -qec "'$NB' check '$RV/gen/data/001.lua' '$RV/gen/data/002.lua'" /dev/null
expect_not_contains out "检查 1/2"
expect_exit 0 -- "$NB" summary "$RV/gen/data" -o "$RV/gen.csv"
py_assert "$RV/gen.csv" "len(list(csv.reader(io.StringIO(t.lstrip('\ufeff'))))) == 25 and all(r[3] == '通过' for r in list(csv.reader(io.StringIO(t.lstrip('\ufeff'))))[1:])"
expect_exit 2 -- "$NB" import - -d "$RV/stdin"

case_ "check --format csv: report text that a spreadsheet would run as a formula stays text"
sed 's/agency = "[^"]*"/agency = "=HYPERLINK(\\"http:\/\/x\\",\\"a,b\\")"/' "$SEED" >"$RV/formula.lua"
grep -q 'HYPERLINK' "$RV/formula.lua" && pass || fail "could not make the formula agency"
STDIN= expect_exit 0 -- "$NB" check --format csv "$RV/formula.lua" --rules TEXT.FEES
run_cmd "$NB" summary "$RV/formula.lua" -o "$RV/formula.csv"
py_assert "$RV/formula.csv" "list(csv.reader(io.StringIO(t.lstrip('\ufeff'))))[1][1] == '\\'=HYPERLINK(\"http://x\",\"a,b\")'"

case_ "a file name in GBK (a ZIP from Chinese Windows) and a stray byte: JSON, CSV and the workbook stay UTF-8"
mkdir -p "$RV/gbk"
cp "$RV/data/08-pingtan-zone-2024.lua" "$RV/gbk/$(printf '\xc3\xf1\xd5\xfe').lua"   # 民政 in GBK
cp "$RV/data/07-pingtan-zone-2023.lua" "$RV/gbk/"
printf 'return {\n \x9f }\n' >"$RV/gbk/stray.lua"
utf8_ok() { if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$1"; then pass; else fail "$2 is not UTF-8"; fi; }
expect_exit 2 -- "$NB" check "$RV/gbk" --format json
utf8_ok "$OUT" "check --format json"
json_assert "sorted(o['file'].rsplit('/', 1)[1] for o in objs) == ['07-pingtan-zone-2023.lua', 'stray.lua', '\ufffd\ufffd\ufffd\ufffd.lua']"
json_assert "[o.get('previous', '').rsplit('/', 1)[-1] for o in objs if o['file'].endswith('\ufffd.lua')] == ['07-pingtan-zone-2023.lua']"
json_assert "[o['error'] for o in objs if o['file'].endswith('stray.lua')][0].count('0x9F') == 1"
cp "$OUT" "$RV/gbk-j1.json"
expect_exit 2 -- "$NB" check "$RV/gbk" --format json -j 2
if cmp -s "$RV/gbk-j1.json" "$OUT"; then pass; else fail "check -j 2 differs for a GBK file name"; fi
expect_exit 2 -- "$NB" check "$RV/gbk" --format csv
utf8_ok "$OUT" "check --format csv"
expect_exit 2 -- "$NB" summary "$RV/gbk" -o "$RV/gbk.json"
utf8_ok "$RV/gbk.json" "summary .json"
expect_exit 2 -- "$NB" summary "$RV/gbk" -o "$RV/gbk.html"
utf8_ok "$RV/gbk.html" "summary .html"
expect_exit 0 -- "$NB" compare "$RV/gbk/07-pingtan-zone-2023.lua" "$RV/gbk/$(printf '\xc3\xf1\xd5\xfe').lua" -o "$RV/gbk-cmp.html"
utf8_ok "$RV/gbk-cmp.html" "compare .html"
expect_exit 2 -- "$NB" summary "$RV/gbk" -o "$RV/gbk.xlsx"
if /usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = [r[0] for r in wb["汇总"].iter_rows(min_row=2, values_only=True)]
assert any(n.endswith("\ufffd\ufffd\ufffd\ufffd.lua") for n in names), names
' "$RV/gbk.xlsx"; then pass; else fail "openpyxl cannot read the workbook of a GBK file name"; fi

case_ "check/summary -j N: the same output, in the same order, as one process"
cp "$RV"/data/*.lua "$RV/gen/data/"
"$NB" check "$RV/gen/data" --format json >"$RV/j1.json" 2>/dev/null
expect_exit 1 -- "$NB" check "$RV/gen/data" --format json -j 3
if cmp -s "$RV/j1.json" "$OUT"; then pass; else fail "check -j 3 JSON differs from one process"; diff "$RV/j1.json" "$OUT" | head -5; fi
"$NB" check "$RV/gen/data" >"$RV/j1.txt" 2>/dev/null
expect_exit 1 -- "$NB" check "$RV/gen/data" -j 2
if cmp -s "$RV/j1.txt" "$OUT"; then pass; else fail "check -j 2 text differs from one process"; fi
expect_contains out "与上一年度报告"
expect_exit 0 -- "$NB" summary "$RV/gen/data" -o "$RV/j1.csv"
expect_exit 0 -- "$NB" summary "$RV/gen/data" -o "$RV/j2.csv" -j 2
if cmp -s "$RV/j1.csv" "$RV/j2.csv"; then pass; else fail "summary -j 2 differs from one process"; fi
expect_exit 2 -- "$NB" check "$RV/gen/data" -j 0
# the children really run, and get the --scripts folders: a local rule notes each process
mkdir -p "$RV/jscripts/rules"
cat >"$RV/jscripts/rules/pid_note.lua" <<LUA
-- the process id (math.random is seeded alike in two children started together under ASan)
local token = io.open("/proc/self/stat"):read("l"):match("^%d+")
return { id = "LOCAL.NOTE", severity = "warning", describe = "notes the process",
  check = function(report, ctx)
    local f = io.open("$RV/processes.txt", "a"); f:write(token, "\n"); f:close()
  end }
LUA
rm -f "$RV/processes.txt"
# and a file that cannot be loaded, which its child leaves to the parent (the files after it
# stay the child's: none is checked twice)
cp -r "$RV/gen/data" "$RV/jpid"
printf 'return {\n' >"$RV/jpid/000-broken.lua"
# a scripts folder anyone may write to: the warning is the parent's, once; a child does not
# repeat it (a child that prints anything has its answers refused)
chmod o+w "$RV/jscripts"
expect_exit 2 -- "$NB" --scripts "$RV/jscripts" check "$RV/jpid" --format json -j 2
[ "$(grep -c "可被其他用户写入" "$ERR")" -eq 1 ] && pass || fail "the warning about the scripts folder is not there once"
chmod o-w "$RV/jscripts"
expect_contains err "000-broken.lua"
n_files=$(ls "$RV/gen/data" | wc -l)
n_paired=$(grep -c "与上一年度报告" "$RV/j1.txt")
n_checked=$(wc -l <"$RV/processes.txt")
n_procs=$(sort -u "$RV/processes.txt" | wc -l)
# each file alone by one of two children, then each file with a year before again with its
# pair (by one or two more); the parent checks none
if [ "$n_paired" -gt 0 ] && [ "$n_checked" -eq $((n_files + n_paired)) ] && [ "$n_procs" -ge 3 ] && [ "$n_procs" -le 4 ]; then pass
else fail "-j 2: $n_checked checks by $n_procs processes (expected $n_files + $n_paired paired by 3 or 4)"; fi

case_ "check -j N: standard input, a file that cannot be loaded and CSV, as one process"
mkdir -p "$RV/jmix"
cp "$RV/data/07-pingtan-zone-2023.lua" "$RV/data/08-pingtan-zone-2024.lua" "$RV/jmix/"
printf 'return {\n year = 2024,\n' >"$RV/jmix/broken.lua"
for fmt in text json csv; do
  STDIN=$SEED run_cmd "$NB" check --format "$fmt" "$RV/jmix" - "$RV/jmix/08-pingtan-zone-2024.lua"
  cp "$OUT" "$RV/jmix-1.$fmt"; cp "$ERR" "$RV/jmix-1.$fmt.err"; rc1=$RC
  STDIN=$SEED run_cmd "$NB" check --format "$fmt" -j 3 "$RV/jmix" - "$RV/jmix/08-pingtan-zone-2024.lua"
  if [ "$rc1" -eq 2 ] && [ "$RC" -eq 2 ] && cmp -s "$RV/jmix-1.$fmt" "$OUT" && cmp -s "$RV/jmix-1.$fmt.err" "$ERR"; then pass
  else fail "check --format $fmt -j 3 differs from one process (exit $RC, one process $rc1)"; diff "$RV/jmix-1.$fmt" "$OUT" | head -5; fi
done
grep -qF "broken.lua" "$RV/jmix-1.text.err" && pass || fail "the broken file is not named on stderr"

case_ "check -j N: a year pair read from standard input or a pipe is checked as one process checks it"
P23=$RV/jmix/07-pingtan-zone-2023.lua P24=$RV/jmix/08-pingtan-zone-2024.lua
STDIN=$P23 run_cmd "$NB" check - "$P24"
cp "$OUT" "$RV/jpipe-1.out"; rc1=$RC
expect_contains out "与上一年度报告 - 比较衔接"
STDIN=$P23 expect_exit "$rc1" -- "$NB" check -j 2 - "$P24"
expect_same_file "$RV/jpipe-1.out" "$OUT"
STDIN=$P23 run_cmd "$NB" summary - "$P24" -o - --format csv
cp "$OUT" "$RV/jpipe-s1.csv"
STDIN=$P23 run_cmd "$NB" summary - "$P24" -o - --format csv -j 2
expect_same_file "$RV/jpipe-s1.csv" "$OUT"
# a named pipe can be read once: a child must not wait on it (timeout: a hang fails)
rm -f "$RV/fifo"; mkfifo "$RV/fifo"
(timeout 130 sh -c 'cat "$1" >"$2"' sh "$P23" "$RV/fifo" &) # opening the pipe waits for a reader
expect_exit "$rc1" -- timeout 120 "$NB" check -j 2 "$RV/fifo" "$P24"
sed "s|$RV/fifo|-|" "$OUT" | cmp -s - "$RV/jpipe-1.out" && pass || fail "check -j 2 of a named pipe and its pair differs"

case_ "check -j N: what a rule prints, on standard output or error, comes out as in one process"
mkdir -p "$RV/jprint/rules"
cat >"$RV/jprint/rules/printer.lua" <<'LUA'
return { id = "LOCAL.PRINTER", severity = "warning", describe = "prints",
  check = function(report, ctx)
    if report.year == 2023 then io.write("-\n") end -- what a child's skipped frame once was
    io.stderr:write("note: ", tostring(report.year), "\n")
  end }
LUA
run_cmd "$NB" --scripts "$RV/jprint" check "$RV/gen/data"
cp "$OUT" "$RV/jprint-1.out"; cp "$ERR" "$RV/jprint-1.err"; rc1=$RC
grep -q "^note: " "$RV/jprint-1.err" && pass || fail "the rule printed nothing on stderr"
expect_exit "$rc1" -- "$NB" --scripts "$RV/jprint" check -j 3 "$RV/gen/data"
expect_same_file "$RV/jprint-1.out" "$OUT"
expect_same_file "$RV/jprint-1.err" "$ERR"

case_ "check --job (a -j child's work list) refuses a list it cannot read"
printf 'answers\0a.lua\0' >"$RV/bad.job"
expect_exit 2 -- "$NB" check --job "$RV/bad.job"
expect_contains err "bad.job"
expect_exit 2 -- "$NB" check --job "$RV/no-such.job"
expect_contains err "no-such.job"
expect_contains err "不存在" # in Chinese, the name said once
[ "$(grep -o "no-such.job" "$ERR" | wc -l)" -eq 1 ] && pass || fail "the list's name said twice: $(cat "$ERR")"
expect_exit 2 -- "$NB" import --job "$RV/no-such.job"
expect_contains err "不存在"
expect_exit 2 -- "$NB" import --job "$RV/bad.job"
expect_contains err "不是 -j 的任务清单"
expect_exit 2 -- "$NB" import --job "$RV/ok.job" -d "$RV/out"
expect_contains err "--job"
[ ! -e "$RV/answers" ] && [ ! -e "$RV/out" ] && pass || fail "a refused import --job wrote something"
# and it is -j's alone
printf '%s\0%s\0\0' "$RV/answers" "$P24" >"$RV/ok.job"
expect_exit 2 -- "$NB" check --job "$RV/ok.job" "$P24"
expect_contains err "--job"
expect_exit 2 -- "$NB" check --job "$RV/ok.job" -j 2
[ ! -e "$RV/answers" ] && pass || fail "a refused --job wrote its answers"

case_ "check DIR: a symbolic link back up the tree is walked once"
mkdir -p "$RV/loop/sub"
cp "$SEED" "$RV/loop/sub/a.lua"
ln -s "$RV/loop" "$RV/loop/sub/up"
run_cmd timeout 60 "$NB" check "$RV/loop" --format json
[ "$RC" -eq 0 ] && pass || fail "check of a folder with a link loop exited $RC"
json_assert "len(objs) == 1"
