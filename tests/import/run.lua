-- Tests of `nianbao import` (scripts/nianbao/import/): run inside the host with
--   nianbao run tests/import/run.lua        (from the repository root)
-- Prints one line per failed check and "N passed, M failed"; exits 1 when any failed.
local nb = require "nianbao"
local imp = require "nianbao.import"
local datafile = require "nianbao.datafile"

local SHARED = "../shared"
local HERE = "tests/import"
local T = dofile(((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/../lua/assert.lua")
local tally = T.tally()
local ok = tally.ok

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- the first difference between two plain values, as a path, or nil
local function diff(a, b, path)
  path = path or ""
  if type(a) ~= "table" or type(b) ~= "table" then
    if a == b then return nil end
    return string.format("%s: %s ~= %s", path, tostring(a), tostring(b))
  end
  for k, v in pairs(a) do
    local d = diff(v, b[k], path .. "." .. tostring(k))
    if d then return d end
  end
  for k, v in pairs(b) do
    if a[k] == nil then return string.format("%s.%s: absent ~= %s", path, tostring(k), tostring(v)) end
  end
end

-- import bytes, write the data file, load it back through the sandboxed loader
local tmp = os.tmpname()
local function import_view(bytes, name)
  local r, notes = imp.import(bytes, name)
  assert(r, notes)
  local f = assert(io.open(tmp, "wb"))
  f:write(datafile.serialize(r))
  f:close()
  local view, err = nb.load(tmp)
  assert(view, err)
  return view, notes, r
end

local function has_note(notes, id, section)
  for _, n in ipairs(notes) do
    if n.id == id and (not section or n.section == section) then return n end
  end
end

-- the parts that an import must reproduce (everything but comments and layout)
local function content(view)
  local c = view:copy()
  c.title = c.title or nil
  return c
end

local function same_report(name, got, want)
  local g = content(got)
  -- the fee sentence of 六 is parsed into processing_fees, which a hand-written data file
  -- may leave out; those tests compare everything else, fees.lua has its own tests
  if want.processing_fees == nil then g.processing_fees = nil end
  local d = diff(g, content(want))
  return ok(not d, name .. (d and (": " .. d) or ""))
end

---------------------------------------------------------------------------
-- generated reports with non-zero numbers (deterministic)

local function generated(seed)
  math.randomseed(seed)
  local function n() return math.random(0, 3000) end
  local headings = { "主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障" }
  local r = { format = 2021, agency = "某某县第" .. seed .. "局", year = 2020 + seed % 6 }
  r.title = r.agency .. r.year .. "年政府信息公开工作年度报告"
  r.overview = {}
  for i, h in ipairs(headings) do
    local text = string.format("%d年，我局收到申请%d件，公开信息%d条（其中“重点”%d条）。", r.year, n(), n(), n())
    if i % 2 == 0 then text = text .. "\n第二段：继续推进 ABC-" .. n() .. " 工作；完成率 " .. n() .. "%。" end
    r.overview[i] = { heading = h, text = text }
  end
  r.proactive = {
    regulations = { issued = n(), repealed = n(), in_force = n() },
    normative_documents = { issued = n(), repealed = n(), in_force = n() },
    licensing = n(), punishment = n(), coercion = n(), fees = n() + math.random(1, 99) / 100,
  }
  r.requests = {}
  for _, row in ipairs(nb.schema.requests.rows) do
    local v = {}
    for c = 1, 7 do v[c] = n() end
    if row.group then
      r.requests[row.group] = r.requests[row.group] or {}
      r.requests[row.group][row.member] = v
    else
      r.requests[row.key] = v
    end
  end
  r.appeals = {}
  for _, g in ipairs(nb.schema.appeals.groups) do
    r.appeals[g.key] = { upheld = n(), corrected = n(), other = n(), pending = n(), total = n() }
  end
  r.problems = "存在的主要问题：一是公开不够及时。\n二是解读形式单一（共" .. n() .. "篇）。"
  r.improvements = "改进情况：下一步将加强培训" .. n() .. "人次。"
  r.other_matters = r.year .. "年度未收取信息处理费。"
  local view = assert(nb.view(r))
  return view
end

local subjects = { { "bundled report", assert(nb.load("reports/yanjin-commerce-2024.lua")) } }
for seed = 1, 4 do subjects[#subjects + 1] = { "generated report " .. seed, generated(seed) } end

---------------------------------------------------------------------------
-- 1. the seed: equal in every number and paragraph to the bundled data file

do
  local view, notes = import_view(read(SHARED .. "/000_49be5e48092c958c.txt"), "seed.txt")
  same_report("seed import equals reports/yanjin-commerce-2024.lua", view, subjects[1][2])
  ok(#notes == 0, "seed import has no notes (" .. #notes .. ")")
end

---------------------------------------------------------------------------
-- 2. round trips: import(render(x)) == x for text (both table styles) and HTML

local html_renderer = nb.find("render/html.lua")
for _, s in ipairs(subjects) do
  local name, x = s[1], s[2]
  local findings = nb.findings({})
  local text = nb.render(x, "text", { findings = findings })
  same_report("text round trip of " .. name, import_view(text, "x.txt"), x)
  local aligned = nb.render(x, "text", { findings = findings, table_style = "aligned" })
  same_report("aligned text round trip of " .. name, import_view(aligned, "x.txt"), x)
  -- nianbao's own Markdown (its tables are HTML <table> blocks), under its name and from stdin
  local md = nb.render(x, "markdown", { findings = findings })
  same_report("Markdown round trip of " .. name, import_view(md, "x.md"), x)
  same_report("Markdown round trip (no name) of " .. name, import_view(md, "-"), x)
  if html_renderer then
    local page = nb.render(x, "html", { findings = findings })
    same_report("HTML round trip of " .. name, import_view(page, "x.html"), x)
    -- the same page in GB18030, as Chinese portals often serve it
    local gb = assert(require("nianbao.html").iconv(page:gsub('charset="?[Uu][Tt][Ff]%-8"?', "charset=gbk"), "UTF-8", "GB18030"))
    local view, notes = import_view(gb, "x.html")
    same_report("GB18030 HTML round trip of " .. name, view, x)
    ok(has_note(notes, "IMPORT.CHARSET"), "GB18030 page is reported as converted")
  end
end
-- Markdown's backslash escapes (\<b\>, \&) are text: the busy report's escape test paragraph
do
  local busy = assert(nb.load("tests/browser/busy-2024.lua"))
  same_report("Markdown round trip of the busy report (escapes)", import_view(nb.render(busy, "markdown"), "busy.md"), busy)
end
-- the text saved by Windows Notepad as "Unicode" (UTF-16 with its mark) or as UTF-16 without one
for _, s in ipairs(subjects) do
  local name, x = s[1], s[2]
  local text = nb.render(x, "text", { findings = nb.findings({}) })
  local iconv = require("nianbao.html").iconv
  for _, enc in ipairs({ { "UTF-16LE", "\255\254" }, { "UTF-16BE", "\254\255" }, { "UTF-16LE", "" } }) do
    local bytes = enc[2] .. assert(iconv(text, "UTF-8", enc[1]))
    local view, notes = import_view(bytes, "x.txt")
    same_report(enc[1] .. (enc[2] == "" and " (no mark)" or "") .. " text round trip of " .. name, view, x)
    local n = has_note(notes, "IMPORT.CHARSET")
    ok(n and n.message:find("UTF-16", 1, true), "UTF-16 text is reported as converted")
  end
  -- a page that declares charset=gbk saved again as UTF-16 (Notepad's "Unicode") keeps its
  -- declaration: the UTF-16 decides, the page is not decoded as GB18030 a second time
  if html_renderer then
    local page = nb.render(x, "html", { findings = nb.findings({}) }):gsub('charset="?[Uu][Tt][Ff]%-8"?', "charset=gbk")
    local bytes = "\255\254" .. assert(iconv(page, "UTF-8", "UTF-16LE"))
    local r, notes = imp.import(bytes, "x.html")
    ok(r, "UTF-16 page declaring gbk is imported: " .. tostring(notes))
    if r then
      same_report("UTF-16 HTML declaring gbk round trip of " .. name, import_view(bytes, "x.html"), x)
      for _, n in ipairs(notes) do
        ok(not (n.id == "IMPORT.CHARSET" and n.message:find("GB18030", 1, true)), "UTF-16 page is not also read as GB18030")
      end
    end
  end
end
if not html_renderer then print("NOTE render/html.lua not found: HTML round trip skipped") end

---------------------------------------------------------------------------
-- 3. text variants, made from the rendered seed-like report with non-zero numbers

local x = subjects[2][2]
local base = nb.render(x, "text", { findings = nb.findings({}) })

local function lines_of(s)
  local out = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
  return out
end

-- each tab row as a pipe row: "| a | b |"
local pipes = {}
for _, line in ipairs(lines_of(base)) do
  if line:find("\t") then
    local cells = {}
    for c in (line .. "\t"):gmatch("(.-)\t") do if c ~= "" then cells[#cells + 1] = c end end
    line = "| " .. table.concat(cells, " | ") .. " |"
  end
  pipes[#pipes + 1] = line
end
same_report("pipe-separated rows (merged cells missing)", import_view(table.concat(pipes, "\n"), "p.txt"), x)

-- one cell per line, merged cells left out, numbers with leading spaces, blank lines between
local percell = {}
for _, line in ipairs(lines_of(base)) do
  if line:find("\t") then
    for c in (line .. "\t"):gmatch("(.-)\t") do
      if c ~= "" then percell[#percell + 1] = (c:match("^%d") and "  " or "") .. c .. "\n" end
    end
  else
    percell[#percell + 1] = line
  end
end
do
  local view = import_view(table.concat(percell, "\n"), "c.txt")
  same_report("one cell per line (四、结转下年度继续办理 alone on its line)", view, x)
end

-- spaces inside labels, full-width numbering and half-width brackets
do
  local t = base:gsub("自然人", "自 然 人"):gsub("结果维持", "结果 维持"):gsub("1%.属于", "1．属于")
    :gsub("2%.其他法律", "2、其他法律"):gsub("（一）予以公开", "(一) 予以公开"):gsub("3%.其他\t", "3. 其他\t")
  same_report("label variants (spaces, 1．, 1、, half-width brackets)", import_view(t, "v.txt"), x)
end

-- traditional characters, as mirror sites convert whole pages
do
  local t = read(HERE .. "/fixtures/traditional.txt")
  local view, notes, r = import_view(t, "t.txt")
  ok(has_note(notes, "IMPORT.TRADITIONAL"), "traditional copy is reported")
  ok(view.requests.new[1] == 12 and view.requests.new[7] == 15, "traditional: new applications read")
  ok(view.requests.other.no_fee_payment[1] == 1, "traditional: 逾期未按收費通知 row read")
  ok(view.appeals.review.total == 2, "traditional: table 四 read")
  ok(view.proactive.normative_documents.in_force == 25, "traditional: table 二 read")
  ok(r.overview[1] and r.overview[1].heading == "主動公開", "traditional: narrative kept as published")
  ok(not has_note(notes, "SECTION.MISSING"), "traditional: nothing missing")
end

-- blank cells and placeholders become blanks (not zeros) and are reported
do
  local view, notes = import_view(read(HERE .. "/fixtures/blanks.txt"), "b.txt")
  ok(view.proactive.regulations.issued == nb.BLANK, "placeholder / is a blank cell")
  ok(view.requests.new[2] == nb.BLANK and view.requests.new[3] == nb.BLANK, "— and - are blank cells")
  ok(view.requests.new[1] == 3 and view.requests.new[7] == 3, "numbers around blanks keep their columns")
  ok(view.requests.carried_over[6] == nb.BLANK and view.requests.carried_over[7] == 0, "empty cell among pipes is blank")
  ok(has_note(notes, "VALUE.BLANK", "三") and has_note(notes, "VALUE.BLANK", "二"), "blanks are reported")
  local f = nb.check(view)
  local blank_findings = 0
  for _, x in ipairs(f) do if x.id == "VALUE.BLANK" then blank_findings = blank_findings + 1 end end
  ok(blank_findings >= 4, "check reports the imported blanks as VALUE.BLANK")
end

-- the 2019 trial format: recognised, its numbers imported
do
  local view, notes, r = import_view(read(HERE .. "/fixtures/trial-2019.txt"), "o.txt")
  ok(view.format == 2019, "2019 trial format gets format = 2019")
  ok(has_note(notes, "FORMAT.OLD_TEMPLATE"), "2019 trial format is reported")
  ok(r.proactive_2019 and r.proactive_2019["规范性文件"][3] == 166, "2019 table 二 kept under its own labels")
  ok(r.proactive_2019 and r.proactive_2019["政府集中采购"][1] == 39, "2019 procurement row read")
  ok(view.requests.other.other[7] == 2, "2019 single （六）其他处理 row kept as other.other")
  local found = false
  for _, f in ipairs(nb.check(view)) do if f.id == "FORMAT.OLD_TEMPLATE" then found = true end end
  ok(found, "check reports FORMAT.OLD_TEMPLATE on the imported 2021-or-later trial report")
end

-- tables published as images: SECTION.MISSING, the narrative still imported
do
  local view, notes, r = import_view(read(HERE .. "/fixtures/images.html"), "i.html")
  ok(has_note(notes, "SECTION.MISSING", "三") and has_note(notes, "SECTION.MISSING", "四"), "absent tables reported")
  ok(r.requests == nil and r.appeals == nil, "absent tables are not invented")
  ok(r.agency == "某某市交通运输局" and r.year == 2023, "title, agency and year read past the page chrome")
  ok(#r.overview == 2 and r.overview[2].heading == "依申请公开", "overview subsections read from <p> headings")
  ok(r.overview[2].text == "全年收到申请5件。\n均已按时答复。", "subsection text verbatim, paragraphs kept")
  ok(r.other_matters == "未收取信息处理费。", "other matters read, page footer left out")
  ok(r.problems:find("^存在问题") and r.improvements:find("^下一步"), "problems and improvements split")
  ok(view.proactive.licensing == 7, "table 二 with <p>/<span>/&nbsp; in cells read")
end

---------------------------------------------------------------------------
-- 4. real excerpts: import what they contain, report what is cut off

do
  local expect = {
    ["01-longgang-dept-2024.txt"] = function(v) return v.requests.new[7] == 66 and v.proactive.normative_documents.in_force == 25 end,
    ["03-changchun-linkong-zone-2025.txt"] = function(v) return v.proactive.licensing == 239 and v.requests.withheld.third_party[1] == 1 end,
    ["04-jinxian-civil-affairs-2023.txt"] = function(v) return v.format == 2019 end,
    ["06-changtu-qijiazi-town-2023.txt"] = function(v) return v.proactive.punishment == 30 and v.agency == "昌图县七家子镇" end,
    ["09-district-stats-bureau-2023.txt"] = function(v) return v.requests.new[1] == nb.BLANK and v.requests.new[7] == 0 end,
  }
  for file, check in pairs(expect) do
    local view, notes = import_view(read(SHARED .. "/samples/" .. file), file)
    ok(check(view), "sample " .. file .. ": its numbers are imported")
    ok(has_note(notes, "SECTION.MISSING") ~= nil, "sample " .. file .. ": what is cut off is reported")
    local cut_row = view.requests and view.requests.withheld and view.requests.withheld.enforcement_files
    if file:find("^01") then ok(cut_row == nil, "sample 01: the row cut in the middle is not imported") end
  end
  local view = import_view(read(SHARED .. "/real-reports/01-huaian-city-gov-2024.txt"), "h.txt")
  ok(view.requests.total[7] == 3050 and view.appeals.litigation_after_review.total == 20
    and view.proactive.fees == 96171.6, "pdftotext -layout report: tables read")
  local errors = #nb.check(view):errors()
  ok(errors == 0, "pdftotext -layout report imports without errors (" .. errors .. ")")
  for _, f in ipairs({ "07-pingtan-zone-2023.html", "08-pingtan-zone-2024.html", "11-pingtan-zone-2021.html" }) do
    local v, notes = import_view(read(SHARED .. "/real-reports/" .. f), f)
    ok(#nb.check(v):errors() == 0 and not has_note(notes, "SECTION.MISSING", "三"), "real HTML " .. f .. " imports completely")
  end
end

---------------------------------------------------------------------------
-- 5. never crash or hang: random bytes, truncated files (time-bounded)

do
  local started = os.clock()
  local inputs = {}
  math.randomseed(42)
  for i = 1, 40 do
    local t = {}
    for k = 1, math.random(0, 4000) do t[k] = string.char(math.random(0, 255)) end
    inputs[#inputs + 1] = table.concat(t)
  end
  local seed = read(SHARED .. "/000_49be5e48092c958c.txt")
  local page = read(SHARED .. "/real-reports/07-pingtan-zone-2023.html")
  for cut = 1, #seed, 97 do inputs[#inputs + 1] = seed:sub(1, cut) end
  for cut = 1, #page, 211 do inputs[#inputs + 1] = page:sub(1, cut) end
  inputs[#inputs + 1] = string.rep("<div>", 50000)
  inputs[#inputs + 1] = string.rep("<table><tr><td>", 3000)
  inputs[#inputs + 1] = string.rep("一、总体情况\n", 20000)
  inputs[#inputs + 1] = string.rep("|", 200000)
  inputs[#inputs + 1] = "<html>" .. string.rep("\t0", 100000)
  local crashed = 0
  for i, bytes in ipairs(inputs) do
    local okcall, r, notes = pcall(imp.import, bytes, (i % 2 == 0) and "f.html" or "f.txt")
    if not okcall then
      crashed = crashed + 1
      print("  input " .. i .. ": " .. tostring(r))
    elseif r then
      -- whatever was read must be a loadable data file
      local okser, text = pcall(datafile.serialize, r)
      local f = io.open(tmp, "wb") f:write(okser and text or "") f:close()
      local v, err = nb.load(tmp)
      if not v then crashed = crashed + 1 print("  input " .. i .. ": unloadable output: " .. tostring(err)) end
    end
  end
  local took = os.clock() - started
  ok(crashed == 0, string.format("%d hostile or truncated inputs import without error (%d failed)", #inputs, crashed))
  ok(took < 60, string.format("hostile inputs take %.1f s (< 60 s)", took))
  print(string.format("hostile inputs: %d in %.1f s", #inputs, took))
end

os.remove(tmp)
os.exit(tally.finish())
