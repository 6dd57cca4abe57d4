# Options that load code (--scripts) are taken before or after the file names (FORMAT.md §4)
# but never after "--", nor when a file of that name is in the current folder: a file named
# "--scripts=evil.lua" that a glob expands must not run that folder's code (docs/limits.md,
# "Options that load code").

case_ "options: a file named --scripts=evil.lua from a glob runs nothing"
G="$TMP/glob"
mkdir -p "$G/evil.lua/rules" "$G/evil.lua/nianbao/commands"
# a rule and a replaced command module that would each leave a marker file
printf 'io.open("%s", "w"):close()\nreturn { id = "EVIL.X", check = function() end }\n' "$G/MARKER" >"$G/evil.lua/rules/x.lua"
printf 'io.open("%s", "w"):close()\nreturn { summary = "", spec = { previous = "value" }, run = function() return 0 end }\n' "$G/MARKER" >"$G/evil.lua/nianbao/commands/check.lua"
cp "$SEED" "$G/a.lua"
: >"$G/--scripts=evil.lua"
expect_exit 2 -- bash -c 'cd "$1" && LC_ALL=C exec "$2" check *.lua' _ "$G" "$NB"
expect_contains err "--scripts=evil.lua"
expect_contains err "nianbao check -- *.lua"
expect_true "no marker (C order: the option first)" -- test ! -e "$G/MARKER"
# whatever the order a glob gives, the same names are refused
expect_exit 2 -- bash -c 'cd "$1" && exec "$2" check a.lua --scripts=evil.lua' _ "$G" "$NB"
expect_contains err "也是当前文件夹中一个文件的名字"
expect_true "no marker (after a file name)" -- test ! -e "$G/MARKER"
expect_exit 2 -- bash -c 'cd "$1" && exec "$2" check --scripts=evil.lua a.lua' _ "$G" "$NB"
expect_true "no marker (a file of that name)" -- test ! -e "$G/MARKER"
# "--" ends options: the glob's names are file names; the empty one is refused as data
expect_exit 2 -- bash -c 'cd "$1" && LC_ALL=C exec "$2" check -- *.lua' _ "$G" "$NB"
expect_contains out "a.lua: 通过"
expect_true "no marker (after --)" -- test ! -e "$G/MARKER"
# the two-argument form from a glob: files named "--scripts" and "evil.lua"
: >"$G/--scripts"
expect_exit 2 -- bash -c 'cd "$1" && LC_ALL=C exec "$2" check --scripts evil.lua' _ "$G" "$NB"
expect_contains err "--scripts=文件夹"
expect_true "no marker (--scripts is a file's name)" -- test ! -e "$G/MARKER"
rm -f "$G/--scripts"

case_ "options: --scripts before the file names still works"
expect_exit 0 -- bash -c 'cd "$1" && exec "$2" check --scripts ./evil.lua a.lua' _ "$G" "$NB"
expect_true "the folder was used" -- test -e "$G/MARKER"
rm -f "$G/MARKER"
expect_exit 0 -- bash -c 'cd "$1" && exec "$2" --scripts=./evil.lua check a.lua' _ "$G" "$NB"
expect_true "the folder was used (--scripts= before the command)" -- test -e "$G/MARKER"
rm -f "$G/MARKER"
# an option's value is not a file name: --previous FILE, then --scripts
expect_exit 0 -- bash -c 'cd "$1" && exec "$2" check --previous a.lua --scripts ./evil.lua a.lua' _ "$G" "$NB"
expect_true "the folder was used (after an option's value)" -- test -e "$G/MARKER"
rm -f "$G/MARKER"
# after a file name, as FORMAT.md §4's own example (the folder given on purpose)
expect_exit 0 -- "$NB" check "$SEED" --scripts "$G/evil.lua"
expect_true "the folder was used (after a file name)" -- test -e "$G/MARKER"
rm -f "$G/MARKER"
# a folder that is not there is a usage error, not the bundled scripts in silence
expect_exit 2 -- "$NB" check "$SEED" --scripts "$G/no-such-folder"
expect_contains err "no-such-folder"
expect_contains err "不存在"
expect_exit 2 -- "$NB" --scripts "$SEED" check "$SEED"
expect_contains err "不是文件夹"
expect_exit 2 -- "$NB" check "$SEED" --scripts
expect_true "no marker" -- test ! -e "$G/MARKER"
# after "--", "--scripts" is a file name, also for the command word search
expect_exit 2 -- "$NB" check -- --scripts "$G/evil.lua"
expect_true "no marker (--scripts after --)" -- test ! -e "$G/MARKER"
