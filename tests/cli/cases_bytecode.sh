# The bundled scripts run from their embedded bytecode (tools/compile.c), which has no local
# variables' names: an error raised inside one still names scripts/FILE:LINE, and the
# traceback still names an upvalue by its name.

case_ "bytecode: an error in a bundled script names scripts/FILE:LINE"
cat >"$TMP/bad_json.lua" <<'EOF2'
local json = require "nianbao.json"
json.decode("[1 2]")
EOF2
# the line of the error call, read from the source: the embedded copy must report the same
want_line=$(grep -n 'error("JSON：数组中缺少逗号")' scripts/nianbao/json.lua | cut -d: -f1)
[ -n "$want_line" ] && pass || fail "scripts/nianbao/json.lua no longer raises the missing-comma error"
run_env="env -u NIANBAO_PATH XDG_CONFIG_HOME=$TMP/no-config"
expect_exit 3 -- $run_env "$NB" run "$TMP/bad_json.lua"
expect_contains err "scripts/nianbao/json.lua:$want_line: JSON：数组中缺少逗号"
expect_contains err "scripts/nianbao/json.lua:$want_line: in upvalue 'decode_value'"
expect_contains err "$TMP/bad_json.lua:2:"

case_ "bytecode: a script on the path identical to the embedded one runs from the bytecode"
# An installed share folder holds copies of the bundled scripts: they must not be compiled
# again on every run. The bytecode has no local names (debug.getlocal gives nil) and names
# its source scripts/NAME; a copy that differs in one byte is the user's source.
mkdir -p "$TMP/same/nianbao" "$TMP/edited/nianbao"
cp scripts/nianbao/json.lua "$TMP/same/nianbao/json.lua"
{ cat scripts/nianbao/json.lua; echo "-- edited"; } >"$TMP/edited/nianbao/json.lua"
cat >"$TMP/which_json.lua" <<'EOF2'
local decode = require("nianbao.json").decode
print(debug.getinfo(decode, "S").source, debug.getlocal(decode, 1) or "no-local-names")
EOF2
expect_exit 0 -- $run_env "$NB" --scripts "$TMP/same" run "$TMP/which_json.lua"
expect_contains out "@scripts/nianbao/json.lua	no-local-names"
expect_exit 0 -- $run_env "$NB" --scripts "$TMP/same" which nianbao/json.lua
expect_contains out "nianbao/json.lua => $TMP/same/nianbao/json.lua"
expect_exit 0 -- $run_env "$NB" --scripts "$TMP/edited" run "$TMP/which_json.lua"
expect_contains out "@$TMP/edited/nianbao/json.lua"
expect_not_contains out "no-local-names"

case_ "bytecode: nb._is_embedded and nb.load_script tell a bundled script (or an identical copy) from a user's one"
# the command line treats a command whose copy on the path is identical as the bundled one,
# and the rules module a rule loaded so (its third value) as a bundled rule
cat >"$TMP/is_embedded.lua" <<'EOF2'
local nb = require "nianbao"
print(nb._is_embedded("nianbao/json.lua"), nb._is_embedded("nianbao/no_such_module.lua"),
  "loaded:" .. tostring(select(3, nb.load_script("nianbao/json.lua"))))
EOF2
expect_exit 0 -- $run_env "$NB" run "$TMP/is_embedded.lua"
expect_contains out "true	false	loaded:true"
expect_exit 0 -- $run_env "$NB" --scripts "$TMP/same" run "$TMP/is_embedded.lua"
expect_contains out "true	false	loaded:true"
expect_exit 0 -- $run_env "$NB" --scripts "$TMP/edited" run "$TMP/is_embedded.lua"
expect_contains out "false	false	loaded:false"
