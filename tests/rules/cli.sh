#!/usr/bin/env bash
# Command-line tests of rules, profiles, overrides and script errors. Usage: cli.sh NIANBAO
set -u
NB=$(realpath "$1")
SEED=reports/yanjin-commerce-2024.lua
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME=$T/home XDG_CONFIG_HOME=$T/xdg   # no user config folder from the machine
unset NIANBAO_PATH
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# nianbao rules: id, severity, file and description of each of the eleven bundled rules
"$NB" rules > "$T/rules.txt"; rc=$?
check "rules exits 0" '[ $rc -eq 0 ]'
check "rules lists 11 rules" '[ "$(grep -c "^[A-Z0-9]*\.[A-Z_]* *warning *scripts/rules/[a-z0-9_]*\.lua" "$T/rules.txt")" -eq 11 ]'
check "rules shows a description" 'grep -q "TEXT.PERIOD.*统计期限" "$T/rules.txt"'

# the seed passes every rule
"$NB" check "$SEED" > "$T/out" 2>&1; rc=$?
check "seed passes: exit 0" '[ $rc -eq 0 ]'
check "seed passes: no warning" 'grep -q "0 个错误，0 个警告" "$T/out"'

# a user rule from --scripts flags something new; --no-rules / --rules select
mkdir -p "$T/u/rules"
cat > "$T/u/rules/no_placeholder.lua" <<'LUA'
return { id = "LOCAL.PLACEHOLDER", severity = "warning", describe = "叙述中残留“XX”占位符",
  check = function(report, ctx)
    if (report.other_matters or ""):find("XX", 1, true) then
      ctx:add{ section = "六", message = "第六部分残留占位符 XX" }
    end
  end }
LUA
sed 's/2024 年度未收取/XX 年度未收取/' "$SEED" > "$T/placeholder.lua"
"$NB" check --scripts "$T/u" "$T/placeholder.lua" > "$T/out" 2>&1
check "user rule finds the placeholder" 'grep -q "LOCAL.PLACEHOLDER" "$T/out"'
"$NB" check --scripts "$T/u" "$T/placeholder.lua" --no-rules LOCAL.PLACEHOLDER > "$T/out" 2>&1
check "--no-rules leaves it out" '! grep -q "LOCAL.PLACEHOLDER" "$T/out"'
"$NB" --scripts "$T/u" rules > "$T/out"
check "rules lists the user rule with its file" 'grep -q "LOCAL.PLACEHOLDER.*$T/u/rules/no_placeholder.lua" "$T/out"'
NIANBAO_PATH="$T/u" "$NB" check "$T/placeholder.lua" --rules LOCAL.PLACEHOLDER --format json > "$T/out" 2>&1
check "NIANBAO_PATH works, --rules selects, json names the rule file" 'grep -q "\"id\":\"LOCAL.PLACEHOLDER\"" "$T/out" && grep -q "no_placeholder.lua" "$T/out"'
sed 's/2024 年度未收取政府信息公开处理费。/本年度无其他需要报告的事项。/' "$SEED" > "$T/nofee.lua"
"$NB" check "$T/nofee.lua" --rules TEXT.FEES > "$T/out" 2>&1; rc=$?
check "TEXT.FEES warns, exit stays 0" '[ $rc -eq 0 ] && grep -q "警告 TEXT.FEES" "$T/out"'

# overriding a bundled renderer from the user config folder; which / --which
mkdir -p "$T/xdg/nianbao/render"
cat > "$T/xdg/nianbao/render/html.lua" <<'LUA'
local nb = require "nianbao"
return { name = "html", extension = "html",
  render = function(report) return "<h1>" .. nb.escape_html(report.title) .. "</h1>\n" end }
LUA
"$NB" render "$SEED" -f html > "$T/out"
check "user html renderer wins" '[ "$(cat "$T/out")" = "<h1>延津县商务局 2024 年政府信息公开工作年度报告</h1>" ]'
"$NB" which render/html > "$T/out"
check "which names the user file" 'grep -q "render/html.lua => $T/xdg/nianbao/render/html.lua" "$T/out"'
check "which lists the path searched" 'grep -q "^  $T/xdg/nianbao  ← 使用此文件" "$T/out" && grep -q "（内置于程序）" "$T/out"'
"$NB" --which render/html > "$T/out2"
check "--which is the same as which" 'cmp -s "$T/out" "$T/out2"'
rm -rf "$T/xdg/nianbao"

# a custom renderer is a new file render/NAME.lua; -f NAME finds it
mkdir -p "$T/u/render"
printf '%s\n' 'return { name = "count", render = function(r) return tostring(r.requests.new[7]) .. "\n" end }' > "$T/u/render/count.lua"
check "-f NAME finds render/NAME.lua" '[ "$("$NB" render --scripts "$T/u" "$SEED" -f count)" = 0 ]'

# profiles: default is byte-identical; gbt9704 rewrites "2024 年" and never a number
"$NB" render "$SEED" > "$T/plain.txt"
"$NB" render "$SEED" --profile default > "$T/default.txt"
check "default profile is byte-identical" 'cmp -s "$T/plain.txt" "$T/default.txt"'
"$NB" render "$SEED" --profile gbt9704 -o "$T/gb.txt"
check "gbt9704 writes 2024年" 'grep -q "^延津县商务局2024年政府信息公开工作年度报告$" "$T/gb.txt" && ! grep -q "2024 年" "$T/gb.txt"'
check "gbt9704 numbers subsections （一）" 'grep -q "^（二）依申请公开：未收到" "$T/gb.txt"'
check "gbt9704 shows the amount with two decimals" 'grep -q "^行政事业性收费	0.00" "$T/gb.txt"'
digits() { grep -o "[0-9]\+" "$1" | sed 's/^0*\([0-9]\)/\1/' | grep -v "^0$" | tr '\n' ' '; }
check "gbt9704 changes no number (non-zero numbers in order)" '[ "$(digits "$T/plain.txt")" = "$(digits "$T/gb.txt")" ]'
"$NB" render "$SEED" --profile county-example > "$T/county.txt"
check "county-example renames subsections and the title" 'grep -q "^延津县商务局2024年度政府信息公开工作年度报告$" "$T/county.txt" && grep -q "^（一）主动公开情况：" "$T/county.txt"'
"$NB" render "$SEED" --profile nope > "$T/out" 2>&1; rc=$?
check "unknown profile: exit 2 and the names available" '[ $rc -eq 2 ] && grep -q "gbt9704" "$T/out"'

# a profile that changes a number is refused: exit 3, no output file
mkdir -p "$T/u/profiles"
printf '%s\n' 'return { name = "liar", text = function(s) return (s:gsub("2024", "2025")) end }' > "$T/u/profiles/liar.lua"
"$NB" render --scripts "$T/u" "$SEED" --profile liar -o "$T/liar.txt" > "$T/out" 2>&1; rc=$?
check "profile changing a number: exit 3, names the file, no output" '[ $rc -eq 3 ] && grep -q "profiles/liar.lua" "$T/out" && grep -q "改变了文中的数字" "$T/out" && [ ! -e "$T/liar.txt" ]'

# script errors: exit 3, traceback with the script's file:line, no output file
mkdir -p "$T/e/render" "$T/e/rules" "$T/e/profiles"
printf '%s\n' 'return { name = "broken",' '  render = function(report)' '    return report.nothing.here' '  end }' > "$T/e/render/broken.lua"
"$NB" render --scripts "$T/e" "$SEED" -f broken -o "$T/broken.txt" > "$T/out" 2>&1; rc=$?
check "renderer error: exit 3" '[ $rc -eq 3 ]'
check "renderer error: file:line" 'grep -q "$T/e/render/broken.lua:3:" "$T/out"'
check "renderer error: traceback" 'grep -q "stack traceback" "$T/out"'
check "renderer error: no output file" '[ ! -e "$T/broken.txt" ] && [ -z "$(ls "$T" | grep "^broken\|\.tmp")" ]'
printf '%s\n' 'return { id = "LOCAL.BROKEN", severity = "warning", describe = "坏规则",' '  check = function(report, ctx)' '    ctx:add{ message = 1 + {} }' '  end }' > "$T/e/rules/broken.lua"
"$NB" check --scripts "$T/e" "$SEED" > "$T/out" 2>&1; rc=$?
check "rule error: exit 3 with file:line" '[ $rc -eq 3 ] && grep -q "$T/e/rules/broken.lua:3:" "$T/out"'
"$NB" render --scripts "$T/e" "$SEED" -o "$T/r.txt" > "$T/out" 2>&1; rc=$?
check "rule error during render: exit 3, no output" '[ $rc -eq 3 ] && [ ! -e "$T/r.txt" ]'
rm "$T/e/rules/broken.lua"
printf '%s\n' 'return { id = "LOCAL.BAD", severity = "fatal", describe = "x", check = function() end }' > "$T/e/rules/bad.lua"
"$NB" check --scripts "$T/e" "$SEED" > "$T/out" 2>&1; rc=$?
check "rule with a wrong severity: exit 3 naming the file" '[ $rc -eq 3 ] && grep -q "rules/bad.lua" "$T/out" && grep -q "severity" "$T/out"'
rm "$T/e/rules/bad.lua"
printf '%s\n' 'return { name = "p", text = function(s)' '  return s .. nil' 'end }' > "$T/e/profiles/p.lua"
"$NB" render --scripts "$T/e" "$SEED" --profile p -o "$T/p.txt" > "$T/out" 2>&1; rc=$?
check "profile error: exit 3, file:line, no output" '[ $rc -eq 3 ] && grep -q "$T/e/profiles/p.lua:2:" "$T/out" && [ ! -e "$T/p.txt" ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
