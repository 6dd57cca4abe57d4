-- datafile.lua: serialize a report and read it back; every value must survive.
local T = ...
local nb = require "nianbao"
local datafile = require "nianbao.datafile"

-- nb.view of the table a data file text returns (the text is our own output: plain load is fine).
local function reload(text, name)
  local chunk = assert(load(text, "=" .. name, "t", {}))
  local view, err = nb.view(chunk(), name)
  T.ok(view, "the serialized text does not load back: " .. tostring(err))
  return view
end

-- A copy of the seed where every cell differs, plus multi-line texts, a blank and a fee amount.
local function varied_seed()
  local r = T.load_seed():copy()
  for i, row in ipairs(nb.schema.requests.rows) do
    local v = {}
    for c = 1, 6 do v[c] = i * 10 + c end
    v[7] = 60 * i + 21
    if row.group then r.requests[row.group][row.member] = v else r.requests[row.key] = v end
  end
  r.requests.withheld.inquiry[4] = nb.BLANK
  r.proactive.fees = 5125.11
  r.proactive.regulations = { issued = 1, repealed = 2, in_force = 3 }
  r.appeals.review = { upheld = 1, corrected = 2, other = 3, pending = 4, total = 10 }
  r.overview[2].text = "第一段。\n\n第二段包含 ]] 和 \"引号\"。"
  r.problems = "\n以换行开头的文字"
  r.processing_fees = { notices = 1, notified = 200, collected = 150 }
  return r
end

local tests = {}

function tests.seed_round_trip()
  local seed = T.load_seed()
  local back = reload(datafile.serialize(seed), "seed.lua")
  T.deep_eq(back:copy(), seed:copy(), "seed after serialize + load")
end

function tests.varied_round_trip()
  local r = varied_seed()
  local view = assert(nb.view(r, "varied"))
  local text = datafile.serialize(view)
  local back = reload(text, "varied.lua")
  T.deep_eq(back:copy(), view:copy(), "varied report after serialize + load")
  T.eq(back.requests.withheld.inquiry[4], nb.BLANK, "a blank cell stays blank")
  T.eq(back.proactive.fees, 5125.11, "fee amount")
  T.eq(back.problems, "\n以换行开头的文字", "text starting with a newline")
  T.ok(text:find("-- 4.保护第三方合法权益", 1, true), "rows carry a Chinese comment")
end

-- An amount is written back as published, not rounded (5949.088667 万元 in a real report).
function tests.amount_keeps_its_decimals()
  for _, fees in ipairs({ 5949.088667, 0.123456789, 96171.6, 1234567.891011 }) do
    local r = T.load_seed():copy()
    r.proactive.fees = fees
    local back = reload(datafile.serialize(assert(nb.view(r, "fees"))), "fees.lua")
    T.eq(back.proactive.fees, fees, "fee amount " .. tostring(fees))
  end
end

-- Imported text is hostile: no title or text may end its comment or long string early.
-- A row or cell of table 二 or 四 the report lacks (an import that could not read it) is left
-- out, not written as a blank: check names it as missing, an error, instead of a blank cell's
-- warning that lets the lost number pass
function tests.missing_cells_stay_missing()
  local r = T.load_seed():copy()
  r.proactive.fees = nil
  r.proactive.regulations.repealed = nil
  r.appeals.litigation_direct.upheld = nil
  local text = datafile.serialize(assert(nb.view(r, "lost")))
  T.ok(not text:find("fees =", 1, true), "no fees row")
  T.ok(text:find("regulations = { issued = 0, in_force = 0 }", 1, true), "the row without its lost cell")
  T.ok(not text:find('""', 1, true), "nothing written as a blank")
  local back = reload(text, "lost.lua")
  local missing = {}
  for _, f in ipairs(nb.check(back, { no_rules = { "all" } })) do
    if f.id == "SECTION.MISSING" then missing[#missing + 1] = f.row end
    T.ok(f.id ~= "VALUE.BLANK", "no blank cell: " .. tostring(f))
  end
  table.sort(missing)
  T.deep_eq(missing, { "litigation_direct", "proactive.fees", "proactive.regulations.repealed" }, "each named as missing")
end

function tests.hostile_text_stays_text()
  local r = T.load_seed():copy()
  local texts = {
    "标题\rreturn { agency = \"被篡改\" } --",
    "标题\nreturn { agency = \"被篡改\" } --",
    "一行\n两行]", "一行\n两行]]", "一行\n]=]\n]]\n]==", "一行\n两行]=", "\n]]", "a\n\27]0;标题\7",
  }
  for i, t in ipairs(texts) do
    r.title, r.problems, r.overview[1].heading, r.overview[1].text = t, t, t, t
    local text = datafile.serialize(assert(nb.view(r, "hostile")))
    local back = reload(text, "hostile-" .. i .. ".lua")
    T.eq(back.title, t, "title " .. i)
    T.eq(back.problems, t, "problems " .. i)
    T.eq(back.overview[1].text, t, "overview text " .. i)
    T.eq(back.agency, r.agency, "the agency is unchanged " .. i)
    -- the sandboxed loader takes it too
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write(text)
    f:close()
    local loaded, err = nb.load(path)
    os.remove(path)
    T.ok(loaded, "the loader refused hostile text " .. i .. ": " .. tostring(err))
  end
end

function tests.serialized_seed_checks_clean()
  -- the text must also pass the sandboxed loader itself, not just load()
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write(datafile.serialize(T.load_seed()))
  f:close()
  local r, err = nb.load(path)
  os.remove(path)
  T.ok(r, "sandboxed loader refused the serialized seed: " .. tostring(err))
  T.eq(#nb.check(r):errors(), 0, "errors in the serialized seed")
end

function tests.blank_has_every_cell()
  local back = reload(datafile.blank("某某县民政局", 2025), "blank.lua")
  T.eq(back.agency, "某某县民政局", "agency")
  T.eq(back.year, 2025, "year")
  local cells = 0
  for _, row in ipairs(nb.schema.requests.rows) do
    local v = back:cell("requests." .. row.key)
    T.ok(v, "missing row " .. row.key)
    for c = 1, 7 do
      T.eq(v[c], 0, row.key .. " column " .. c)
      cells = cells + 1
    end
  end
  T.eq(cells, 175, "table 三 cells")
end

return tests
