-- The core that extension scripts stand on: renderers, rules, profiles, the importer and
-- datafile.lua are leaves; text, markup, document and nb.list are shared; each fact of the
-- format has one home in host/; nb.check on a mutable copy sees the copy as it is now.
local T = ...
local nb = require "nianbao"
local text = require "nianbao.text"
local markup = require "nianbao.markup"
local document = require "nianbao.document"
local profiles = require "nianbao.profile"

local tests = {}

-- the modules a file requires, by name
local function requires(path)
  local out = {}
  local src = T.read(path)
  for name in src:gmatch("require%s*%(?%s*[\"']([%w_%.%-]+)[\"']") do out[#out + 1] = name end
  return out
end

local function lua_files(dir)
  local lfs = require "lfs"
  local out = {}
  for f in lfs.dir(dir) do
    if f:match("%.lua$") then out[#out + 1] = dir .. "/" .. f end
  end
  table.sort(out)
  return out
end

-- files a user may replace (and the importer and datafile.lua) must not lean on one another
function tests.extension_scripts_are_leaves()
  local checked = 0
  local groups = {
    { files = lua_files("scripts/render") }, { files = lua_files("scripts/rules") },
    { files = lua_files("scripts/profiles") }, { files = lua_files("scripts/draft") },
    { files = lua_files("scripts/nianbao/import"), own = "^nianbao%.import" },
    { files = { "scripts/nianbao/datafile.lua" } },
  }
  for _, g in ipairs(groups) do
    T.ok(#g.files > 0, "no files found")
    for _, path in ipairs(g.files) do
      for _, name in ipairs(requires(path)) do
        local replaceable = name:match("^render%.") or name:match("^rules%.") or name:match("^profiles%.")
          or name:match("^draft%.")
          or (name:match("^nianbao%.import") and not (g.own and name:match(g.own)))
          or name == "nianbao.rules" and g.own
        T.ok(not replaceable, path .. " requires " .. name)
      end
      checked = checked + 1
    end
  end
  T.ok(checked >= 20, "checked " .. checked .. " files")
  -- and the core modules they stand on require none of them either
  for _, path in ipairs({ "scripts/nianbao/text.lua", "scripts/nianbao/markup.lua", "scripts/nianbao/document.lua",
                          "scripts/nianbao/layout.lua", "scripts/nianbao/profile.lua" }) do
    for _, name in ipairs(requires(path)) do
      -- profile.lua loads "profiles." .. name: the one place that loads a profile by name
      T.ok(name:sub(-1) == "." or name == "nianbao" or name == "lfs" or name:match("^nianbao%.[%w_]+$") and name ~= "nianbao.rules",
        path .. " requires " .. name)
    end
  end
  -- no core module or command leans on a file a user may replace (summary's and compare's
  -- web pages once took el/raw from render/html.lua); profile.lua and rules.lua load by name
  local core = lua_files("scripts/nianbao")
  for _, f in ipairs(lua_files("scripts/nianbao/commands")) do core[#core + 1] = f end
  T.ok(#core >= 30, "checked " .. #core .. " core files")
  for _, path in ipairs(core) do
    for _, name in ipairs(requires(path)) do
      local leaf = (name:match("^render%.") or name:match("^rules%.") or name:match("^profiles%.")
        or name:match("^draft%.")) and name:sub(-1) ~= "."
      T.ok(not leaf, path .. " requires " .. name)
    end
  end
end

-- nianbao.json reads back what it writes (check -j N reads its children's output this way)
function tests.json_reads_back_what_it_writes()
  local json = require "nianbao.json"
  local value = { "a\"b\\c\n\t\1", 42, -7, 2.5, true, false,
    json.object({ "a", "z" }, { z = "年报", a = { 1, { x = "" } } }) } -- read back as a plain table: keys sorted
  local back = json.decode(json.encode(value))
  T.eq(json.encode(back), json.encode(value), "encode, decode, encode again")
  T.eq(back[1], value[1], "control characters and escapes")
  T.eq(math.type(back[2]), "integer", "an integer stays an integer")
  T.eq(back[7].z, "年报", "UTF-8 text")
  T.ok(not pcall(json.decode, '{"a" 1}'), "a missing colon is an error")
end

function tests.text_numerals_both_ways()
  for _, n in ipairs({ 1, 9, 10, 11, 20, 21, 99, 100, 105, 1010, 9999 }) do
    T.eq(text.cn_int(text.numeral(n)), n, "numeral " .. n)
  end
  T.eq(nb.numeral, text.numeral, "nb.numeral is nianbao.text's")
  T.ok(text.is_numeral("十二") and not text.is_numeral("十二件") and not text.is_numeral(""), "is_numeral")
  T.eq(text.numeral(10001), "一万〇一", "past 9,999")
  T.raises(function() text.numeral(100000000) end, "0 至 99999999")
end

function tests.text_sentences_and_clauses()
  local s = text.normalize("本年度新收申请 两件，办结 3 件。其中：予以公开1件；")
  T.eq(s, "本年度新收申请2件,办结3件。其中:予以公开1件;", "normalized")
  T.deep_eq(text.sentences(s), { "本年度新收申请2件,办结3件", "其中:予以公开1件" }, "sentences")
  T.deep_eq(text.clauses(s), { "本年度新收申请2件", "办结3件", "其中", "予以公开1件" }, "clauses")
  T.eq(text.first_count(s), 2, "first count")
  -- the rule helpers are the same functions
  local R = require "nianbao.rules"
  T.eq(R.normalize, text.normalize, "R.normalize")
  T.eq(R.clauses, text.clauses, "R.clauses")
  T.deep_eq(text.numbers("共1,200元，其中 05 件"), { 1200, 5 }, "numbers")
end

function tests.list_one_folder_along_the_path()
  local names, places = nb.list("rules")
  local seen = {}
  for i, n in ipairs(names) do
    T.ok(not seen[n], "listed twice: " .. n)
    seen[n] = true
    if i > 1 then T.ok(names[i - 1] < n, "sorted") end
    T.ok(#places[n] >= 1, "a place for " .. n)
  end
  T.ok(seen["text_style.lua"], "text_style.lua listed")
  local where = places["text_style.lua"]
  T.eq(where[#where], "embedded", "the embedded copy comes last")
  -- profiles and rules are discovered through it
  local from_list = {}
  for _, f in ipairs(nb.list("profiles")) do from_list[#from_list + 1] = f:match("^(.-)%.lua$") end
  T.deep_eq(profiles.names(), from_list, "profile names")
  T.deep_eq(nb.list("no-such-folder"), {}, "an absent folder")
  T.deep_eq(require("nianbao.draft").names(), { "appeals.lua", "fees.lua", "requests.lua" }, "draft scripts")
  -- nb.list is the one walk of a folder along the search path (draft.lua once had its own)
  for _, dir in ipairs({ "scripts/nianbao", "scripts/nianbao/commands" }) do
    for _, path in ipairs(lua_files(dir)) do
      local src = T.read(path)
      T.ok(path:match("/api%.lua$") or not (src:find("search_path()", 1, true) and src:find("lfs.dir", 1, true)),
        path .. " lists a folder along the search path itself; use nb.list")
    end
  end
  T.raises(function() nb.list("../etc") end, "nb.list")
end

function tests.embedded_names_of_one_folder()
  local all = nb.embedded_names()
  -- the folder's own files, as filtering the whole list gives them, in the same order
  for _, dir in ipairs({ "rules", "nianbao", "nianbao/commands", "templates/html", "render", "x", "rule" }) do
    local want = {}
    for _, name in ipairs(all) do
      local rest = name:sub(#dir + 2)
      if name:sub(1, #dir + 1) == dir .. "/" and rest ~= "" and not rest:find("/", 1, true) then
        want[#want + 1] = name
      end
    end
    T.deep_eq(nb.embedded_names(dir), want, "embedded names in " .. dir)
  end
  T.ok(#nb.embedded_names("rules") > 5, "the bundled rules are embedded")
  T.deep_eq(nb.embedded_names("nianbao/commands/check.lua"), {}, "a file is no folder")
  T.eq(#all, #nb.embedded_names(nil), "without a folder: every name")
  -- a NUL byte: no name holds one (an embedded name with "\0" after it once read past its end)
  T.deep_eq(nb.embedded_names("rules\0"), {}, "a folder with a NUL byte")
  T.deep_eq(nb.embedded_names(all[1] .. "\0"), {}, "a name with a NUL byte")
  T.deep_eq(nb.embedded_names(all[1]:match("^(.*)/") .. "\0x"), {}, "a folder, NUL, more")
end

function tests.markup_escapes_once()
  local el, raw, node = markup.el, markup.raw, markup.node
  T.eq(node(el("p", { class = "a&b" }, { "x<y", raw("<br>") })), '<p class="a&amp;b">x&lt;y<br></p>', "p")
  -- the official table markup, shared by HTML and Markdown
  local r = T.load_seed()
  local html = node(markup.table(require("nianbao.layout").requests(r), { caption = false, columns = false }))
  T.ok(html:find('<th colspan="3" rowspan="3" class="note"', 1, true) or html:find('class="note" colspan="3" rowspan="3"', 1, true),
    "the corner note spans three rows and columns")
  T.eq(require("render.html").table, markup.table, "the HTML renderer's table is markup.table")
end

-- node() puts a tree into one buffer and walks lists without ipairs; row_markup has ready-made
-- opening tags: the same markup as before, at the edges (holes, __index lists, spans, align)
function tests.markup_lists_and_cells()
  local el, raw, node = markup.el, markup.raw, markup.node
  T.eq(node({ "a", { "<", { raw("<i>"), 1 }, {} }, "b" }), "a&lt;<i>1b", "nested lists, raw and a number")
  T.eq(node({ "a", "b", nil, "c" }), "ab", "a list stops at its first nil, as ipairs")
  local by_index = setmetatable({}, { __index = function(_, i) if i <= 3 then return "x" .. i end end })
  T.eq(node(by_index), "x1x2x3", "a list given by __index, as ipairs reads it")
  T.eq(node(el("br", nil)), "<br>", "an element without attributes or content")
  T.eq(node(el("td", { b = 2, a = false, c = "<" }, "")), '<td b="2" c="&lt;"></td>', "attributes by name, false left out")
  T.eq(node(el("p", nb.freeze({ class = "x", id = 1.5 }), raw("<b>"))), '<p class="x" id="1.5"><b></p>',
    "attributes of a frozen table, as pairs gives them")
  local grid = { columns = 3, header_rows = 1, rows = {
    { { text = "表", colspan = 3, header = true } },
    { { text = "甲&", rowspan = 2, header = true }, { text = "1", number = true }, { text = "2", number = true, colspan = 1 } },
    { { text = "注", note = true, colspan = 2 }, nil, { text = "x" } },
    { { text = raw("<b>"), number = true }, { number = true }, block_header = true },
  } }
  T.eq(node(markup.table(grid, { caption = false, columns = false })), table.concat({
    '<table>\n<thead>\n<tr><th colspan="3" scope="col">表</th></tr>\n</thead>',
    '\n<tbody>\n<tr><th rowspan="2" scope="row">甲&amp;</th><td class="num">1</td><td class="num">2</td></tr>',
    '\n<tr><td class="note" colspan="2">注</td></tr>',
    '\n</tbody>\n<tbody>\n<tr><td class="num"><b></td><td class="num"></tr>\n</tbody>\n</table>' }), "cells, spans, holes")
  T.ok(node(markup.table(grid, { align_attribute = true })):find('<td align="right" class="num">1</td>', 1, true),
    "align on the numbers")
  -- a long number's class names its length (the stylesheet sets it smaller); text that is no
  -- number gets none, and beyond ten characters the class of ten, the smallest type
  local long = { columns = 5, header_rows = 0, rows = { {
    { text = "1234", number = true }, { text = "123456.78", number = true }, { text = "不适用", number = true },
    { text = raw("<b>12</b>"), number = true }, { text = "123456789012", number = true } } } }
  T.eq(node(markup.table(long, { caption = false, columns = false })), '<table>\n<tbody>\n<tr>'
    .. '<td class="num len4">1234</td><td class="num len9">123456.78</td><td class="num">不适用</td>'
    .. '<td class="num"><b>12</b></td><td class="num len10">123456789012</td></tr>\n</tbody>\n</table>',
    "lenN of numbers only")
  -- spans are kept by count: an integer and the float of the same value stay apart
  local spans = { columns = 200, header_rows = 0, rows = { {
    { text = "a", colspan = 2, header = true }, { text = "b", colspan = 2.0, header = true },
    { text = "c", colspan = 2, rowspan = 150, header = true }, { text = "d", rowspan = 150, header = true } } } }
  for round = 1, 2 do
    T.eq(node(markup.table(spans, { caption = false, columns = false })), '<table>\n<tbody>\n<tr>'
      .. '<th colspan="2" scope="row">a</th><th colspan="2.0" scope="row">b</th>'
      .. '<th colspan="2" rowspan="150" scope="row">c</th><th rowspan="150" scope="row">d</th></tr>\n</tbody>\n</table>',
      "spans, round " .. round)
  end
end

function tests.document_is_what_renderers_consume()
  local r = T.load_seed()
  local doc = document.build(r, "gbt9704")
  T.eq(#doc.headings, 6, "six headings")
  T.eq(doc.headings[1], nb.schema.sections[1].heading, "official heading")
  T.ok(#doc.overview > 0 and doc.overview[1].paragraphs, "overview")
  T.eq(doc.overview[1].numbered, "（一）" .. doc.overview[1].heading, "gbt9704 numbers subsections")
  T.eq(doc.requests.columns, 10, "table 三 grid")
  T.eq(doc.profile.name, "gbt9704", "profile applied")
  T.eq(document.build(r).title, r.title, "no profile: the title as written")
  -- where a long title breaks (docx's line break, the HTML <h1>'s unbreakable tail)
  local head, tail = document.title_parts("某局 2024 年" .. nb.schema.title_suffix)
  T.eq(head, "某局 2024 年", "title head")
  T.eq(tail, nb.schema.title_suffix, "title tail")
  T.eq(select(2, document.title_parts(nb.schema.title_suffix)), nil, "the suffix alone does not break")
  T.eq(select(2, document.title_parts("某局年报")), nil, "a title without the suffix does not break")
end

function tests.profile_builds_on_a_base()
  local p = profiles.from_table({ name = "mine", base = "gbt9704",
    title = function() return "本地标题" end }, "mine.lua")
  T.eq(p.title({}), "本地标题", "own hook")
  T.eq(p.text("2024 年"), "2024年", "text from the base")
  T.eq(p.heading(2, 2, "x"), "（二）x", "heading from the base")
  T.eq(p.amount(1.5), "1.50", "amount from the base")
  T.raises(function() profiles.from_table({ name = "x", base = "no-such" }, "x.lua") end, "no-such")
  T.raises(function() profiles.from_table({ name = "x", base = 3 }, "x.lua") end, "base")
  -- county-example names its base instead of requiring the file
  local county = nb.profile("county-example")
  T.eq(county.text("2024 年"), "2024年", "county-example keeps the national text rules")
end

-- Every table under root is a frozen proxy like nb.freeze's: empty itself, read-only, with #,
-- ipairs and pairs going to its fields. nb.BLANK (a blank cell) is the one shared marker and
-- stays as it is. empty_ok: a table may have no field (a report's appeals group whose cells
-- are all left out). Returns the number of tables walked.
local function assert_frozen_throughout(root, name, empty_ok)
  local tag = getmetatable(nb.freeze({}))
  local tables = 0
  local function walk(t, path)
    tables = tables + 1
    T.eq(type(t), "table", path)
    T.eq(getmetatable(t), tag, path .. " is frozen")
    T.eq(nb.freeze(t), t, path .. ": freezing it again gives it back")
    T.eq(rawlen(t), 0, path .. ": the proxy holds nothing itself")
    T.eq(next(t), nil, path .. ": nothing raw")
    local n = 0
    for i in ipairs(t) do n = i end
    T.eq(#t, n, path .. ": # as ipairs counts")
    local keys = 0
    for k, v in pairs(t) do
      keys = keys + 1
      T.eq(t[k], v, path .. ": pairs gives the fields")
      if type(v) == "table" and v ~= nb.BLANK then walk(v, path .. "." .. tostring(k)) end
    end
    T.ok(keys >= n and (keys > 0 or empty_ok), path .. ": pairs sees every field")
    T.raises(function() t[1] = "x" end, "只读", path .. ": no write")
    T.raises(function() t.new_field = "x" end, "只读", path .. ": no new field")
  end
  walk(root, name)
  return tables
end

-- nb.schema's tables are sealed as they are built (host/binding.c seal()), not frozen by a
-- walk afterwards
function tests.schema_is_frozen_throughout()
  T.ok(assert_frozen_throughout(nb.schema, "nb.schema") >= 90, "every table walked")
  T.deep_eq(nb._severities, nb.schema.severities, "the severities a check reads without the schema")
  T.deep_eq(nb._blanks, nb.schema.blanks, "the blank markers a check reads without the schema")
end

-- Table 三's rows as FORMAT §1 lays them out: the label area is three grid columns wide; 一、二
-- and 四 cover all three, （一）…（七） two, a group's numbered items one
function tests.schema_rows_level_and_span()
  local by_key = {}
  for _, row in ipairs(nb.schema.requests.rows) do by_key[row.key] = row end
  local expect = { new = 3, carried_over = 3, disclosed = 2, partially_disclosed = 2, ["withheld.state_secret"] = 1,
    ["other.other"] = 1, total = 2, carried_forward = 3 }
  for key, span in pairs(expect) do
    T.eq(by_key[key].span, span, key .. ".span")
    T.eq(by_key[key].level + by_key[key].span, 4, key .. ": level and span fill the label area")
  end
  T.eq(#nb.schema.requests.rows, 25, "25 rows")
end

-- A report's view is sealed table by table as it is built, too: every part of it, in both
-- formats and with every optional section, is read-only, and holds what the file says
function tests.report_view_is_frozen_throughout()
  local seed = T.load_seed()
  T.ok(assert_frozen_throughout(seed, "seed", true) >= 30, "every table of the seed walked")
  T.eq(seed:cell("requests.withheld.third_party", 7), seed.requests.withheld.third_party[7],
    "the report's methods through the sealed root")
  T.eq(#seed.overview, #seed:copy().overview, "the overview's items")
  -- the 2019 format, every optional section, a group of table 三 left out, a group the last
  -- row of table 三
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write([[return { format = 2019, agency = "某局", year = 2019, title = "某局2019年报告",
    overview = { { heading = "主动公开", text = "甲" }, { text = "乙" } },
    proactive_2019 = { ["规章"] = { 1, 2 }, ["行政事业性收费"] = 3 },
    requests = { new = { 1, 2, 3, 4, 5, 6, 21 }, withheld = { third_party = { 0, 0, 0, 0, 0, "/", 0 } } },
    appeals = { review = { upheld = 1, total = 1 } },
    processing_fees = { notices = 1, notified = 1.5, collected = 0 },
    problems = "丙", improvements = "丁", other_matters = "戊",
    signature = { agency = "某局", date = "2020年1月20日" } }
]])
  f:close()
  local r = assert(nb.load(path))
  os.remove(path)
  T.ok(assert_frozen_throughout(r, "2019", true) >= 15, "every table of the 2019 report walked")
  T.eq(r.proactive_2019["规章"][2], 2, "a 2019 row")
  T.eq(r.requests.withheld.third_party[7], 0, "a row of a group")
  T.eq(r.requests.withheld.third_party[6], nb.BLANK, "a blank cell is nb.BLANK")
  T.eq(r.requests.unavailable, nil, "a group the file leaves out")
  T.eq(r.signature.date, "2020年1月20日", "the signature")
  T.eq(r.overview[1].heading, "主动公开", "an overview item")
  T.eq(r.overview[2].heading, nil, "an item without a heading")
  T.eq(r.processing_fees.notified, 1.5, "an amount")
end

-- host/schema.c is the only host file that spells a key of the format
function tests.each_key_spelled_once_in_host()
  local lfs = require "lfs"
  local sources = {}
  for f in lfs.dir("host") do
    if f:match("%.[ch]$") then sources[#sources + 1] = { name = f, text = T.read("host/" .. f) } end
  end
  table.sort(sources, function(a, b) return a.name < b.name end)
  local s = nb.schema
  local keys = {}
  local function add(k) if k then keys[k] = true end end
  for _, sec in ipairs(s.sections) do add(sec.key) end
  for _, b in ipairs(s.proactive.blocks) do
    for _, row in ipairs(b.rows) do
      add(row.key)
      for _, c in ipairs(row.cells or {}) do add(c) end
    end
  end
  for _, row in ipairs(s.requests.rows) do add(row.group); add(row.member); if not row.group then add(row.key) end end
  for _, c in ipairs(s.requests.columns) do add(c.key) end
  for _, g in ipairs(s.appeals.groups) do add(g.key) end
  for _, c in ipairs(s.appeals.columns) do add(c.key) end
  for _, c in ipairs(s.processing_fees.fields) do add(c.key) end
  for _, k in ipairs({ "format", "agency", "year", "title", "improvements", "proactive_2019", "processing_fees" }) do
    add(k)
  end
  local facts = { s.title_suffix }
  -- ("-" also names standard output, so the one-character ASCII markers are left out here)
  for _, b in ipairs(s.blanks) do if #b > 1 or b == "/" then facts[#facts + 1] = '"' .. b .. '"' end end
  for _, row in ipairs(s.proactive_2019.rows) do facts[#facts + 1] = '"' .. row.label .. '"' end
  local n = 0
  local function spelled_once(quoted)
    local homes = {}
    for _, src in ipairs(sources) do
      -- html.c names HTML elements, and <title> is one: not the report's key
      if src.text:find(quoted, 1, true) and not (src.name == "html.c" and quoted == '"title"') then
        homes[#homes + 1] = src.name
      end
    end
    T.eq(table.concat(homes, " "), "schema.c", quoted .. " is spelled in")
    n = n + 1
  end
  for k in pairs(keys) do spelled_once('"' .. k .. '"') end
  for _, f in ipairs(facts) do spelled_once(f) end
  T.ok(n >= 60, "checked " .. n .. " keys and facts")
  -- the Lua side reads them from nb.schema
  local norm = require "nianbao.import.normalize"
  for _, b in ipairs(s.blanks) do T.eq(norm.value(b), nb.BLANK, "blank marker " .. b) end
  T.eq(s.severities[1].key, "error", "severity names")
  T.eq(nb.exit.usage, 2, "exit codes")
  -- the default title has one pattern, in host/report.c
  T.eq(nb.default_title("某局", 2024), "某局2024年" .. s.title_suffix, "default title")
  T.eq(nb.default_title("某局"), "某局" .. s.title_suffix, "default title without a year")
  T.ok(require("nianbao.datafile").blank("某局", 2024):find(nb.default_title("某局", 2024), 1, true),
    "a new data file's title")
  local unit = { agency = "甲单位" } -- a unit's report without a year: no "某局年……"
  T.eq(require("nianbao.aggregate").report({ unit }, "某局", { "甲单位" }).title, nb.default_title("某局"),
    "an aggregate's title")
  -- and no other Lua file composes it (after a year or a %s) or spells the suffix alone
  local suffix = s.title_suffix
  local function composes(line)
    return line:find("年" .. suffix, 1, true) or line:find("%s" .. suffix, 1, true) or line:find('"' .. suffix .. '"', 1, true)
  end
  local lua = {}
  for _, dir in ipairs({ "scripts/nianbao", "scripts/nianbao/import", "scripts/nianbao/commands", "scripts/render" }) do
    for _, f in ipairs(lua_files(dir)) do lua[#lua + 1] = f end
  end
  for _, path in ipairs(lua) do
    if not path:match("/help_zh%.lua$") then
      for line in T.read(path):gmatch("[^\n]+") do
        T.ok(line:match("^%s*%-%-") or not composes(line), path .. " spells the default title: " .. line)
        -- the Chinese severity names come from nb.schema.severities (nb.severity_label)
        for _, sev in ipairs(s.severities) do
          T.ok(line:match("^%s*%-%-") or not line:find('"' .. sev.label .. '"', 1, true),
            path .. " spells the severity name " .. sev.label .. ": " .. line)
        end
      end
    end
  end
end

-- nb.check converts a mutable table on every call: the built-in checks and the rules see
-- the same numbers, whichever order the edits and checks come in
local function t3_errors(findings)
  local n = 0
  for _, f in ipairs(findings) do if f.id:match("^T3%.") and f.severity == "error" then n = n + 1 end end
  return n
end

function tests.check_sees_the_copy_as_it_is_now()
  local r = T.load_seed():copy()
  T.eq(t3_errors(nb.check(r)), 0, "clean copy")
  local before = r.requests.withheld.third_party[2]
  r.requests.withheld.third_party[2] = before + 4
  T.ok(t3_errors(nb.check(r)) > 0, "edit after a check is seen")
  r.requests.withheld.third_party[2] = before
  T.eq(t3_errors(nb.check(r)), 0, "edit back is seen")
  -- the other order: edit first, then check, edit, check
  local q = T.load_seed():copy()
  q.requests.new[1] = q.requests.new[1] + 1
  T.ok(t3_errors(nb.check(q)) > 0, "edited before the first check")
  q.requests.new[1] = q.requests.new[1] - 1
  T.eq(t3_errors(nb.check(q)), 0, "then fixed")
  -- as the previous year's report too
  local prev = T.load_seed():copy()
  local carry = function(f)
    for _, x in ipairs(f) do if x.id == "YEAR.CARRY" then return true end end
    return false
  end
  local this = T.load_seed():copy()
  for c = 1, 7 do prev.requests.carried_forward[c] = this.requests.carried_over[c] end
  T.ok(not carry(nb.check(this, { previous = prev })), "carry matches")
  prev.requests.carried_forward[1] = prev.requests.carried_forward[1] + 1
  T.ok(carry(nb.check(this, { previous = prev })), "edited previous year is seen")
end

-- html.parse refuses a page with nil, message whatever the reason (one convention)
function tests.html_parse_refuses_with_nil_and_message()
  local html = require "nianbao.html"
  local tree = html.parse("<p>一</p>")
  T.ok(type(tree) == "table", "a page parses")
  local none, why = html.parse(string.rep("<div>", 5000))
  T.eq(none, nil, "too deep")
  T.ok(tostring(why):find("嵌套过深", 1, true), "too deep: " .. tostring(why))
  none, why = html.parse(string.rep("x", (32 << 20) + 1))
  T.eq(none, nil, "too large")
  T.ok(tostring(why):find("过大", 1, true), "too large: " .. tostring(why))
end

-- a page on which gumbo fails one of its own assertions (found by fuzzing) is refused, not
-- the end of the program, and the next pages parse as before; twice, so the catch is set again
function tests.html_parse_refuses_a_page_that_breaks_a_gumbo_assertion()
  local html = require "nianbao.html"
  for round = 1, 2 do
    local none, why = html.parse("<table><svg><desc></><![CDATA[>]]>\n")
    T.eq(none, nil, "refused, round " .. round)
    T.ok(tostring(why):find("gumbo 无法解析", 1, true), "the reason: " .. tostring(why))
    local tree = html.parse("<p>一</p>")
    T.ok(type(tree) == "table", "the next page parses, round " .. round)
  end
end

return tests
