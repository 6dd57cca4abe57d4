# Leaves, tried as a user would: each bundled renderer, rule, profile and draft script in turn
# is replaced (--scripts DIR) by a minimal valid file of its kind, and every command that does
# not need that very file must still work (exit 0 or 1, never a usage or script error). The
# static check (tests/lua/test_core.lua) reads require lines; this one also catches a module
# that reaches a replaceable file another way. (summary's and compare's web pages once took
# el/raw from render/html.lua and broke with a user's own html.lua.)

case_ "leaves: replacing any one renderer, rule, profile or draft breaks no other command"
LEAF=$TMP/leaves
mkdir -p "$LEAF"
"$NB" render "$SEED" -f html -o "$LEAF/seed.html" || fail "render the seed to HTML"
leaf_stub() { # kind name: a minimal valid script of that kind
  case $1 in
    render) echo "return { name = '$2', extension = 'txt', render = function() return 'stub\\n' end }" ;;
    rules) local id
      id=$(grep -m1 -o 'id = "[^"]*"' "scripts/rules/$2.lua" | cut -d'"' -f2)
      echo "return { id = '$id', severity = 'warning', describe = 'stub', check = function() end }" ;;
    profiles) echo "return { name = '$2', describe = 'stub' }" ;;
    draft) echo "return { id = '$2', describe = 'stub', draft = function() end }" ;;
  esac
}
leaf_tried=0
for kind in render rules profiles draft; do
  for script in scripts/$kind/*.lua; do
    name=$(basename "$script" .lua)
    dir=$LEAF/$kind-$name
    mkdir -p "$dir/$kind"
    leaf_stub "$kind" "$name" >"$dir/$kind/$name.lua"
    broke=""
    # the commands a user runs; a command may exit 1 (findings), not 2 or 3
    while IFS= read -r cmdline; do
      [ -z "$cmdline" ] && continue
      # the replaced renderer's own format is the user's business, not a leaf's
      [ "$kind" = render ] && [[ $cmdline == *"-f $name "* ]] && continue
      rm -f "$dir"/out.*
      eval "set -- $cmdline"
      run_cmd "$NB" --scripts "$dir" "$@"
      leaf_tried=$((leaf_tried + 1))
      [ "$RC" -le 1 ] || broke="$broke
    [$cmdline] exit $RC: $(head -c 300 "$ERR")"
    done <<EOF
render -f text "$SEED" -o -
render -f markdown "$SEED" -o -
render -f html "$SEED" -o -
render -f docx "$SEED" -o "$dir/out.docx"
render --profile gbt9704 "$SEED" -o -
render --profile county-example "$SEED" -o -
check "$SEED"
summary "$SEED" -o "$dir/out.html"
summary "$SEED" -o "$dir/out.xlsx"
compare "$SEED" "$SEED" --format html
import "$LEAF/seed.html" -o "$dir/out.lua"
draft "$SEED" -o -
new --agency 某局 --year 2024 -o "$dir/out.new.lua"
rules
EOF
    if [ -z "$broke" ]; then pass; else fail "a stub $kind/$name.lua broke:$broke"; fi
  done
done
expect_true "tried the commands with each replaced file (${leaf_tried} runs)" -- test "$leaf_tried" -ge 250
