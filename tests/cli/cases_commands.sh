# nianbao new, run, --help of every command, unknown commands and options.

case_ "new: output loads and checks with only SECTION.MISSING errors"
mkdir -p "$TMP/new"
expect_exit 0 -- "$NB" new --agency 某某县民政局 --year 2024 -o "$TMP/new/a.lua"
expect_true "new -o wrote the file" -- test -s "$TMP/new/a.lua"
expect_true "new's file names 某某县民政局" -- grep -qF 某某县民政局 "$TMP/new/a.lua"
expect_exit 1 -- "$NB" check --format json "$TMP/new/a.lua"
json_assert "len(errors(objs[0])) > 0 and set(f['id'] for f in errors(objs[0])) == {'SECTION.MISSING'}"
# every cell of the three tables is present: the empty texts are the only gaps
json_assert "sorted(f['row'] for f in errors(objs[0])) == ['other_matters', 'overview', 'problems']"

case_ "new: standard output, same text as -o"
expect_exit 0 -- "$NB" new --agency 某某县民政局 --year 2024
expect_same_file "$TMP/new/a.lua" "$OUT"

case_ "new -o: refuses to overwrite an existing file"
cp "$TMP/new/a.lua" "$TMP/new/keep.lua"
expect_exit 2 -- "$NB" new --agency 另一个局 --year 2025 -o "$TMP/new/a.lua"
expect_contains err "$TMP/new/a.lua"
expect_same_file "$TMP/new/keep.lua" "$TMP/new/a.lua"

case_ "new: usage errors"
expect_exit 2 -- "$NB" new --year 2024
expect_exit 2 -- "$NB" new --agency X --year 24
expect_exit 2 -- "$NB" new --agency X --year abc
expect_contains err "实际为 abc"
expect_exit 2 -- "$NB" new --agency X
expect_contains err "需要 --year"
expect_not_contains err "nil"

case_ "run: passes arguments and the integer result is the exit code"
cat >"$TMP/args.lua" <<'EOF'
local a, b = ...
print("n=" .. #arg, "0=" .. tostring(arg[0]), "1=" .. tostring(arg[1]), "2=" .. tostring(arg[2]))
print("dots=" .. tostring(a) .. "," .. tostring(b))
return #arg + 40
EOF
expect_exit 42 -- "$NB" run "$TMP/args.lua" a "b c"
expect_contains out "n=2"
expect_contains out "0=$TMP/args.lua"
expect_contains out "1=a"
expect_contains out "2=b c"
expect_contains out "dots=a,b c"

case_ "run: options after the script belong to the script"
expect_exit 43 -- "$NB" run "$TMP/args.lua" --format json -o
expect_contains out "1=--format"

case_ "run: a script error exits 3 with file:line and a traceback"
cat >"$TMP/raise.lua" <<'EOF'
local function inner()
  error("script failed on purpose")
end
inner()
EOF
expect_exit 3 -- "$NB" run "$TMP/raise.lua"
expect_contains err "$TMP/raise.lua:2: script failed on purpose"
expect_contains err "stack traceback"
expect_contains err "$TMP/raise.lua:4:"

case_ "run: a missing script is a usage error, a syntax error a script error"
expect_exit 2 -- "$NB" run "$TMP/no-such-script.lua"
expect_contains err "无法读取脚本文件“$TMP/no-such-script.lua”：文件或目录不存在"
expect_not_contains err "No such file"
expect_exit 2 -- "$NB" run "$TMP"
expect_contains err "这是文件夹"
printf 'local x = \n' >"$TMP/broken.lua"
expect_exit 3 -- "$NB" run "$TMP/broken.lua"
expect_contains err "脚本有语法错误"
expect_contains err "$TMP/broken.lua:2:"

case_ "import: a missing file is named once, with the reason in Chinese"
expect_exit 2 -- "$NB" import "$TMP/no-such-page.txt"
expect_contains err "无法读取 $TMP/no-such-page.txt：文件或目录不存在"
expect_not_contains err "no-such-page.txt: "

case_ "run: - reads the script from standard input"
printf 'print("stdin:" .. table.concat({...}, ","))\nreturn 7\n' >"$TMP/stdin_script.lua"
expect_exit 7 -- bash -c '"$1" run - a b < "$2"' _ "$NB" "$TMP/stdin_script.lua"
expect_contains out "stdin:a,b"

case_ "help: nianbao --help lists the commands"
expect_exit 0 -- "$NB" --help
expect_contains out "用法"
commands=$(sed -n 's/^  \([a-z][a-z_-]*\)  .*/\1/p' "$OUT")
for c in check render new run; do
  case " $(echo $commands) " in *" $c "*) pass ;; *) fail "--help does not list $c" ;; esac
done

for c in $commands; do
  case_ "help: nianbao $c --help"
  expect_exit 0 -- "$NB" "$c" --help
  expect_contains out "用法"
  expect_exit 0 -- "$NB" help "$c"
  expect_contains out "用法"
done

case_ "version"
expect_exit 0 -- "$NB" --version
expect_contains out "nianbao "
expect_contains out "网页导入（gumbo）：有"

# --version is a global option, and FORMAT.md §4 accepts options after the command name and
# the file names too
case_ "version after the command or the files"
for c in check render new summary compare; do
  expect_exit 0 -- "$NB" "$c" --version
  expect_contains out "nianbao "
done
expect_exit 0 -- "$NB" check "$SEED" --version
expect_contains out "nianbao "
expect_not_contains out "通过"
expect_exit 0 -- "$NB" --version render "$SEED"
expect_contains out "nianbao "
# after --, --version is a file name
expect_exit 2 -- "$NB" check -- --version

case_ "usage errors: unknown command or option, no command"
expect_exit 2 -- "$NB" frobnicate
expect_contains err "frobnicate"
expect_exit 2 -- "$NB" check --frobnicate "$SEED"
expect_contains err "--frobnicate"
expect_exit 2 -- "$NB" render "$SEED" -z
expect_exit 2 -- "$NB" check --format yaml "$SEED"
expect_exit 2 -- "$NB" check
expect_exit 2 -- "$NB" check --previous
expect_exit 2 -- "$NB"
expect_exit 2 -- "$NB" --scripts
# an option without a command is named, not answered with the whole usage alone
expect_exit 2 -- "$NB" --frobnicate
expect_contains err "“--frobnicate”是选项，不是命令"
# a command word after "--" is a file name: say so instead of "unknown command check"
expect_exit 2 -- "$NB" -- check "$SEED"
expect_contains err "“check”写在了 -- 之后"

case_ "options around the command: before, after, --name=value"
# an option the command does not take is refused even before the command name
expect_exit 2 -- "$NB" --force check "$SEED"
expect_contains err "--force"
expect_exit 1 -- "$NB" check "$TMP/t3_new.lua" --format=json
json_assert "objs[0]['file'] == '$TMP/t3_new.lua'"
expect_exit 0 -- "$NB" check -- "$SEED"

case_ "start-up: the collector's lazier pause ends before every command but the bundled check and render"
mkdir -p "$TMP/probe/nianbao/commands"
cat >"$TMP/probe/nianbao/commands/probe.lua" <<'EOF2'
return { summary = "probe", run = function() print("pause=" .. collectgarbage("setpause", 200)) return 0 end }
EOF2
expect_exit 0 -- "$NB" --scripts "$TMP/probe" probe
expect_contains out "pause=200"
# a user's own command named check is a user's command
cp "$TMP/probe/nianbao/commands/probe.lua" "$TMP/probe/nianbao/commands/check.lua"
expect_exit 0 -- "$NB" --scripts "$TMP/probe" check
expect_contains out "pause=200"
# a script run by `run` (which may hold much data and never check) and the prompt
cat >"$TMP/pause.lua" <<'EOF2'
print("script " .. collectgarbage("setpause", 200))
EOF2
expect_exit 0 -- "$NB" run "$TMP/pause.lua"
expect_contains out "script 200"
printf 'print("prompt " .. collectgarbage("setpause", 200))\n' | "$NB" repl >"$TMP/repl.out" 2>&1
expect_true "the prompt runs at the default pause" -- grep -q "prompt 200" "$TMP/repl.out"
