# The libraries only some commands use are opened when first needed (host/dynlib.c): the
# binary does not name libedit, gumbo or expat among its libraries (every command would load
# them), and an import whose library cannot be used says which and stops (exit 2). The prompt
# without libedit: tests/repl/libedit_on_demand.sh.

case_ "on demand: the binary links neither libedit, gumbo nor expat"
needed=$(readelf -d "$NB" | grep NEEDED)
# (libc: a library it certainly links, so that an empty readelf cannot pass; Lua is static)
if echo "$needed" | grep -q libc.so; then pass; else fail "readelf shows no NEEDED libc: $needed"; fi
for lib in libedit libgumbo libexpat; do
  if echo "$needed" | grep -q "$lib"; then fail "the binary links $lib: $needed"; else pass; fi
done

case_ "on demand: a web page and a Word file are still read, and their libraries named when missing"
mkdir -p "$TMP/ondemand/lib"
expect_exit 0 -- "$NB" render "$SEED" -f docx -o "$TMP/ondemand/seed.docx"
expect_exit 0 -- "$NB" render "$SEED" -f html -o "$TMP/ondemand/seed.html"
expect_exit 0 -- "$NB" import "$TMP/ondemand/seed.html" -o "$TMP/ondemand/from-html.lua"
expect_exit 0 -- "$NB" import "$TMP/ondemand/seed.docx" -o "$TMP/ondemand/from-docx.lua"
# libraries of those names without any of their functions, found first by the loader
for so in libgumbo.so.1 libexpat.so.1; do
  cc -shared -fPIC -o "$TMP/ondemand/lib/$so" -x c /dev/null || fail "cc could not make $so"
done
expect_exit 2 -- env LD_LIBRARY_PATH="$TMP/ondemand/lib" "$NB" import "$TMP/ondemand/seed.html" -o "$TMP/ondemand/x.lua"
expect_contains err "无法载入网页解析库 libgumbo（gumbo_parse_with_options）"
expect_exit 2 -- env LD_LIBRARY_PATH="$TMP/ondemand/lib" "$NB" import "$TMP/ondemand/seed.docx" -o "$TMP/ondemand/y.lua"
expect_contains err "无法载入 XML 解析库 libexpat（XML_ParserCreateNS）"
[ ! -e "$TMP/ondemand/x.lua" ] && [ ! -e "$TMP/ondemand/y.lua" ] && pass || fail "an import that failed wrote a data file"
# the other commands never need them
expect_exit 0 -- env LD_LIBRARY_PATH="$TMP/ondemand/lib" "$NB" render "$SEED" -f html -o "$TMP/ondemand/again.html"
