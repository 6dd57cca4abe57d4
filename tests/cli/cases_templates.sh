# nb.template scans from one "{{" to the next instead of trying its pattern at every byte
# (issue 15): over random templates in a --scripts folder it must give what the plain
# text:gsub("{{%s*([%w_]+)%s*}}", ...) gives, the same text or the same error.

mkdir -p "$TMP/tpldir/templates/prop"
cat >"$TMP/tpldir/template_property.lua" <<'EOF'
local nb = require "nianbao"
local dir = ...
local path = dir .. "/templates/prop/t.txt"
local vars = { a = "甲", b_2 = "{{a}}", x = 7, c = "%1" }
local function reference(text, where)
  return (text:gsub("{{%s*([%w_]+)%s*}}", function(key)
    local v = vars[key]
    if v == nil then error(string.format("%s：模板变量 {{%s}} 没有提供", where, key), 0) end
    return tostring(v)
  end))
end
local pieces = { "{{", "{{", "}}", "}}", " ", "a", "x", "b_2", "zz", "{", "}", "\n", "中", "-", "%",
  "{{a}}", "{{ x }}", "{{c }}", "{{\tb_2}}", "{{zz}}" }
math.randomseed(15)
local cases = { "", "no variables at all", "{{a}}", "{{ a }}{{x}}", "{{{a}}}", "{{{{x}}", "{{a}", "{{ }}",
  "{{a-}}", "前{{ b_2 }}后{{c}}", "{{zz}}", "tail {{" }
for _ = 1, 400 do
  local t = {}
  for i = 1, math.random(0, 10) do t[i] = pieces[math.random(#pieces)] end
  cases[#cases + 1] = table.concat(t)
end
local bad = 0
for _, text in ipairs(cases) do
  local f = assert(io.open(path, "wb")); f:write(text); f:close()
  local _, where = nb.find("templates/prop/t.txt")
  local ok1, got = pcall(nb.template, "prop/t.txt", vars)
  local ok2, want = pcall(reference, text, where)
  if ok1 ~= ok2 or got ~= want then
    bad = bad + 1
    print(string.format("differs on %q: %s %q, expected %s %q", text, ok1, got, ok2, want))
  end
end
print(#cases .. " templates, " .. bad .. " different")
EOF

case_ "templates: the find-based expansion equals the gsub one on random templates"
expect_exit 0 -- "$NB" --scripts "$TMP/tpldir" run "$TMP/tpldir/template_property.lua" "$TMP/tpldir"
expect_contains out "412 templates, 0 different"
