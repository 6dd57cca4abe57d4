# Messages a clerk understands (issue 13): data files typed with a Chinese input method.

case_ "clerk: a full-width comma where Lua needs ASCII: file:line, the character, what to type"
seed_with 's/^  year = 2024,/  year = 2024，/' "$TMP/fullwidth.lua"
line=$(grep -n 'year = 2024' "$TMP/fullwidth.lua" | head -1 | cut -d: -f1)
expect_exit 2 -- "$NB" check "$TMP/fullwidth.lua"
expect_line err "$TMP/fullwidth.lua:$line:" "“，”" "请改为英文半角的“,”"
expect_not_contains err "near"

case_ "clerk: Chinese quotes, a full-width colon and a full-width digit"
seed_with 's/agency = "延津县商务局"/agency = “延津县商务局”/' "$TMP/quotes.lua"
expect_exit 2 -- "$NB" check "$TMP/quotes.lua"
expect_contains err '请改为英文半角的“"”'
seed_with 's/licensing = 0/licensing = ０/' "$TMP/digit.lua"
expect_exit 2 -- "$NB" check "$TMP/digit.lua"
expect_contains err "请改为英文半角的“0”"

case_ "clerk: a colon where a data file needs \"=\": full-width or half-width, the message says \"=\" in Chinese"
seed_with 's/^  year = 2024,/  year：2024,/' "$TMP/colon-wide.lua"
expect_exit 2 -- "$NB" check "$TMP/colon-wide.lua"
expect_contains err "请改为英文半角的“=”"
seed_with 's/^  year = 2024,/  year: 2024,/' "$TMP/colon.lua"
line=$(grep -n 'year: 2024' "$TMP/colon.lua" | head -1 | cut -d: -f1)
expect_exit 2 -- "$NB" check "$TMP/colon.lua"
expect_line err "$TMP/colon.lua:$line:" "英文等号“=”"
expect_not_contains err "expected"
seed_with 's/^  year = 2024,/  year 2024,/' "$TMP/no-equals.lua"
expect_exit 2 -- "$NB" check "$TMP/no-equals.lua"
expect_line err "$TMP/no-equals.lua:$line:" "等号“=”"

case_ "clerk: a GBK file and a UTF-16 file are named, with how to save as UTF-8"
iconv -f UTF-8 -t GB18030 "$SEED" >"$TMP/gbk.lua"
expect_exit 2 -- "$NB" check "$TMP/gbk.lua"
expect_line err "$TMP/gbk.lua" "GBK/GB18030" "另存为 UTF-8"
iconv -f UTF-8 -t UTF-16 "$SEED" >"$TMP/utf16.lua"
expect_exit 2 -- "$NB" check "$TMP/utf16.lua"
expect_line err "$TMP/utf16.lua" "UTF-16" "另存为 UTF-8"

case_ "clerk: every unknown key and wrong type of a file in one run, each with its line"
sed -e 's/state_secret = /state_secrt = /' -e 's/^  agency = /  agencey = /' \
    -e 's/licensing = 0/licensing = "无"/' "$SEED" >"$TMP/many.lua"
l_agency=$(grep -n 'agencey =' "$TMP/many.lua" | cut -d: -f1)
l_lic=$(grep -n 'licensing =' "$TMP/many.lua" | cut -d: -f1)
l_secret=$(grep -n 'state_secrt =' "$TMP/many.lua" | cut -d: -f1)
expect_exit 2 -- "$NB" check "$TMP/many.lua"
expect_line err "$TMP/many.lua:$l_agency:" "agencey" "“agency”"
expect_line err "$TMP/many.lua:$l_lic:" "proactive.licensing" "非负整数"
expect_line err "$TMP/many.lua:$l_secret:" "requests.withheld.state_secrt" "state_secret"

case_ "clerk: a year outside 2008 … next year is refused"
seed_with 's/^  year = 2024,/  year = 2042,/' "$TMP/year.lua"
expect_exit 2 -- "$NB" check "$TMP/year.lua"
expect_line err "year" "2042" "2008"
seed_with 's/^  year = 2024,/  year = 2007,/' "$TMP/year7.lua"
expect_exit 2 -- "$NB" check "$TMP/year7.lua"

case_ "clerk: a row of 6 values whose last is the sum of the other five probably lost a cell"
seed_with 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 2, 1, 0, 0, 0, 3 }/' "$TMP/lost.lua"
"$NB" check "$TMP/lost.lua" >"$TMP/lost.out" 2>&1
expect_true "T3.LOST_CELL on the row" -- grep -q 'T3.LOST_CELL.*(new).*该行只有6个数，可能漏填一格' "$TMP/lost.out"
seed_with 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 2, 1, 0, 0, 0, 3, 6 }/' "$TMP/seven.lua"
"$NB" check "$TMP/seven.lua" >"$TMP/seven.out" 2>&1
expect_true "7 values: no T3.LOST_CELL" -- sh -c "! grep -q T3.LOST_CELL '$TMP/seven.out'"
# one natural person and one other, the table adding up: a row as meant, not a lost cell
seed_with 's/new = { 0, 0, 0, 0, 0, 0, 0 }/new = { 1, 0, 0, 0, 0, 1 }/; s/^    disclosed = { 0, 0, 0, 0, 0, 0, 0 }/    disclosed = { 1, 0, 0, 0, 0, 1 }/; s/^    total = { 0, 0, 0, 0, 0, 0, 0 }/    total = { 1, 0, 0, 0, 0, 1, 2 }/' "$TMP/meant.lua"
expect_exit 0 -- "$NB" check --builtin-only "$TMP/meant.lua"
expect_not_contains out T3.LOST_CELL

case_ "clerk: OS errors and an unknown command in Chinese"
expect_exit 2 -- "$NB" check "$TMP/no-such-file.lua"
expect_contains err "文件或目录不存在"
expect_not_contains err "No such file"
expect_exit 2 -- "$NB" render "$TMP"
expect_contains err "这是一个目录"
expect_exit 2 -- "$NB" import "$TMP/no-such-report.txt"
expect_contains err "文件或目录不存在"
expect_exit 2 -- "$NB" chekc "$SEED"
expect_contains err "是否应为“check”"
