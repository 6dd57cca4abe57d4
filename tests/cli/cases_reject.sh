# Files the loader refuses (exit 2): syntax errors, unknown keys, hostile files, missing files.
# Hostile files must do nothing they ask for and finish quickly.

case_ "reject: syntax error names file:line"
seed_with 's/third_party = { 0, 0, 0, 0, 0, 0, 0 }/third_party = { 0, 0, 0, 0, 0, 0 0 }/' "$TMP/syntax.lua"
line=$(grep -n 'third_party = ' "$TMP/syntax.lua" | head -1 | cut -d: -f1)
expect_exit 2 -- "$NB" check "$TMP/syntax.lua"
expect_contains err "$TMP/syntax.lua:$line:"
expect_contains err "语法错误"

case_ "reject: unknown key names the key path and the nearest valid key"
seed_with 's/state_secret = /state_secrt = /' "$TMP/unknown_key.lua"
expect_exit 2 -- "$NB" check "$TMP/unknown_key.lua"
expect_line err "$TMP/unknown_key.lua" "requests.withheld.state_secrt" "state_secret"

case_ "reject: unknown top-level key"
seed_with 's/^  agency = /  agencey = /' "$TMP/unknown_top.lua"
expect_exit 2 -- "$NB" check "$TMP/unknown_top.lua"
expect_line err "agencey" "agency"

# Lua keeps the last of two values of one key without a word: the first would be lost
case_ "reject: a key given twice in one table names both lines and the path"
seed_with 's/^    carried_over = { 0, 0, 0, 0, 0, 0, 0 },/&\n    new = { 5, 0, 0, 0, 0, 0, 5 },/' "$TMP/dup_row.lua"
first=$(grep -n '^    new = ' "$TMP/dup_row.lua" | head -1 | cut -d: -f1)
second=$(grep -n '^    new = ' "$TMP/dup_row.lua" | tail -1 | cut -d: -f1)
expect_exit 2 -- "$NB" check "$TMP/dup_row.lua"
expect_line err "$TMP/dup_row.lua:$second:" "requests.new" "重复" "第 $first 行"
seed_with 's/^  year = 2024,/  year = 2024, ["year"] = 2023,/' "$TMP/dup_year.lua"
expect_exit 2 -- "$NB" render "$TMP/dup_year.lua"
expect_line err "$TMP/dup_year.lua:6:" "year" "重复"
# in a list item, and the same key in two tables or inside a text is no duplicate
seed_with 's/heading = "监督保障",/heading = "监督保障", heading = "保障",/' "$TMP/dup_item.lua"
expect_exit 2 -- "$NB" check "$TMP/dup_item.lua"
expect_contains err "overview[5].heading"
seed_with 's/^  problems = "/  problems = "year = 1, year = 2 { a = 1, a = 2 } /' "$TMP/dup_text.lua"
expect_exit 0 -- "$NB" check --builtin-only "$TMP/dup_text.lua"
# a row's list item and a key [1] are one key: Lua keeps the item, the 3 would be lost
seed_with 's/^    carried_over = { 0, 0, 0, 0, 0, 0, 0 },/    carried_over = { 0, 0, 0, 0, 0, 0, 0, [1] = 3 },/' "$TMP/dup_place.lua"
line=$(grep -n '^    carried_over = ' "$TMP/dup_place.lua" | head -1 | cut -d: -f1)
expect_exit 2 -- "$NB" check "$TMP/dup_place.lua"
expect_line err "$TMP/dup_place.lua:$line:" "requests.carried_over[1]" "重复" "列表的各项"
# a key spelt with an escape, on a line that a lone \r (old Mac line end) begins
seed_with 's/^  year = 2024,/  year = 2024,\r  ["\\121ear"] = 2023,/' "$TMP/dup_escape.lua"
expect_exit 2 -- "$NB" check "$TMP/dup_escape.lua"
expect_line err "$TMP/dup_escape.lua:7:" "121ear" "第 6 行"

case_ "reject: missing file"
expect_exit 2 -- "$NB" check "$TMP/no-such-report.lua"
expect_contains err "$TMP/no-such-report.lua"
expect_exit 2 -- "$NB" render "$TMP/no-such-report.lua"

case_ "reject: a file that is not a table"
printf 'return 42\n' >"$TMP/number.lua"
expect_exit 2 -- "$NB" check "$TMP/number.lua"
expect_contains err "$TMP/number.lua"

case_ "hostile: os.execute does nothing"
cat >"$TMP/execute.lua" <<EOF
os.execute("touch $TMP/pwned")
return { format = 2021 }
EOF
expect_exit 2 -- "$NB" check "$TMP/execute.lua"
expect_contains err "$TMP/execute.lua:1"
expect_true "os.execute must not have run" -- test ! -e "$TMP/pwned"

case_ "hostile: io.open / require / load do nothing"
cat >"$TMP/io.lua" <<EOF
local f = io.open("$TMP/pwned2", "w")
return { format = 2021 }
EOF
expect_exit 2 -- "$NB" check "$TMP/io.lua"
expect_true "io.open must not have run" -- test ! -e "$TMP/pwned2"
printf 'return { agency = require("os").getenv("HOME") }\n' >"$TMP/require.lua"
expect_exit 2 -- "$NB" check "$TMP/require.lua"
printf 'return { agency = load("return 1")() }\n' >"$TMP/load.lua"
expect_exit 2 -- "$NB" check "$TMP/load.lua"

# Limits are asserted by their reason (the message names the limit that stopped the file);
# the time only against a hang, at ten times the promised second: CI shares two cores and
# runs under the sanitizers, and the promise itself is measured in bench/.
HANG_MS=10000

case_ "hostile: an infinite loop is refused before it runs (the chunk check)"
printf 'while true do end\nreturn {}\n' >"$TMP/loop.lua"
expect_exit 2 -- "$NB" check "$TMP/loop.lua"
expect_contains err "$TMP/loop.lua"
expect_contains err "循环"
echo "  measured: infinite loop refused in ${MS} ms"
expect_true "infinite loop hung: ${MS} ms" -- test "$MS" -lt "$HANG_MS"
# a loop that calls nothing but runs inside a table constructor is stopped too
printf 'return { agency = (function() while true do end end)() }\n' >"$TMP/loop_fn.lua"
expect_exit 2 -- "$NB" check "$TMP/loop_fn.lua"
expect_contains err "定义了函数"
expect_true "function loop hung: ${MS} ms" -- test "$MS" -lt "$HANG_MS"

case_ "hostile: memory growth by a loop is refused before it runs (the chunk check)"
printf 'local s = "xxxxxxxx"\nwhile true do s = s .. s end\n' >"$TMP/memory.lua"
expect_exit 2 -- "$NB" check "$TMP/memory.lua"
expect_contains err "循环"
echo "  measured: memory bomb refused in ${MS} ms"
expect_true "memory bomb hung: ${MS} ms" -- test "$MS" -lt "$HANG_MS"
printf 'local t = {}\nfor i = 1, 1e9 do t[i] = {} end\nreturn t\n' >"$TMP/tables.lua"
expect_exit 2 -- "$NB" check "$TMP/tables.lua"
expect_contains err "循环"
expect_true "table bomb hung: ${MS} ms" -- test "$MS" -lt "$HANG_MS"

case_ "hostile: straight-line growth passes the chunk check and is stopped by the memory limit"
{ echo 'local s1 = "xxxxxxxx"'; for i in $(seq 2 40); do echo "local s$i = s$((i - 1)) .. s$((i - 1))"; done
  echo 'return { agency = s40 }'; } >"$TMP/doubling.lua"
expect_exit 2 -- "$NB" check "$TMP/doubling.lua"
expect_contains err "内存上限"
expect_true "doubling hung: ${MS} ms" -- test "$MS" -lt "$HANG_MS"

case_ "hostile: an oversized file is refused"
{ printf 'return { agency = "'; head -c 2000000 /dev/zero | tr '\0' 'x'; printf '" }\n'; } >"$TMP/big.lua"
expect_exit 2 -- "$NB" check "$TMP/big.lua"
expect_contains err "$TMP/big.lua"

case_ "hostile: binary (precompiled) chunks are refused"
printf '\033Lua\124\000' >"$TMP/binary.lua"
expect_exit 2 -- "$NB" check "$TMP/binary.lua"
