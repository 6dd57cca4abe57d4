-- Benchmark inputs: N data files derived from the seed report, each with random but
-- consistent numbers (every 总计 and 勾稽关系 holds, so `nianbao check` finds no error), and
-- the published text and HTML of the first M of them for the import benchmarks.
-- Run: nianbao run bench/gen.lua SEED OUTDIR N M [RANDOM_SEED]
local nb = require "nianbao"
local datafile = require "nianbao.datafile"

local seed_path, outdir = arg[1], arg[2]
local n, m = tonumber(arg[3]) or 500, tonumber(arg[4]) or 50
assert(seed_path and outdir, "用法：nianbao run bench/gen.lua SEED OUTDIR N M [RANDOM_SEED]")
math.randomseed(tonumber(arg[5]) or 20240101) -- fixed: the same inputs in every run

local seed = assert(nb.load(seed_path)):copy()
local schema = nb.schema

local PLACES = { "延津县", "封丘县", "长垣市", "卫辉市", "辉县市", "获嘉县", "原阳县", "新乡市", "红旗区", "牧野区" }
local OFFICES = { "商务局", "民政局", "教育局", "财政局", "自然资源局", "住房和城乡建设局", "人民政府",
  "卫生健康委员会", "市场监督管理局", "人力资源和社会保障局", "交通运输局", "城关镇人民政府" }

local random = math.random

-- A count whose size varies by agency: most are small, a few are city-sized.
local function count(scale) return random(0, scale) end

-- Split `total` into `parts` random non-negative integers that add up to it, the first
-- weighted `bias` times more (most applications are disclosed).
local function split(total, parts, bias)
  local weights, sum = {}, 0
  for i = 1, parts do
    weights[i] = random() ^ 3 * (i == 1 and bias or 1)
    sum = sum + weights[i]
  end
  local out, left = {}, total
  for i = 1, parts - 1 do
    out[i] = math.min(left, math.floor(total * weights[i] / sum))
    left = left - out[i]
  end
  out[parts] = left
  return out
end

-- Table 三: per applicant column, new + carried_over = results + carried_forward.
local function requests(scale, with_total)
  local q = { withheld = {}, unavailable = {}, not_processed = {}, other = {} }
  local rows = schema.requests.rows
  local result_rows = {}
  for _, row in ipairs(rows) do
    if row.key ~= "new" and row.key ~= "carried_over" and row.key ~= "total" and row.key ~= "carried_forward" then
      result_rows[#result_rows + 1] = row
    end
  end
  local function set(row, values)
    if row.group then q[row.group][row.member] = values else q[row.key] = values end
  end
  local cols = {}
  for c = 1, 6 do
    local new = count(c == 1 and scale or scale // 4)
    local over = count(math.max(1, new // 5))
    local forward = random(0, (new + over) // 4)
    cols[c] = { new = new, over = over, forward = forward,
                results = split(new + over - forward, #result_rows, 30) }
  end
  local function row_of(f)
    local v, sum = {}, 0
    for c = 1, 6 do v[c] = f(cols[c]); sum = sum + v[c] end
    if with_total then v[7] = sum end
    return v
  end
  q.new = row_of(function(c) return c.new end)
  q.carried_over = row_of(function(c) return c.over end)
  for i, row in ipairs(result_rows) do set(row, row_of(function(c) return c.results[i] end)) end
  q.total = row_of(function(c) return c.new + c.over - c.forward end)
  q.carried_forward = row_of(function(c) return c.forward end)
  return q
end

local function appeals(scale)
  local a = {}
  for _, g in ipairs(schema.appeals.groups) do
    local v = { upheld = count(scale), corrected = count(scale // 2), other = count(scale // 2), pending = count(scale // 3) }
    v.total = v.upheld + v.corrected + v.other + v.pending
    a[g.key] = v
  end
  return a
end

-- Only a city government makes 规章 (T2.COMPETENCE warns about any other agency).
local function proactive(scale, makes_regulations)
  local function docs()
    local issued, repealed = count(scale // 5), count(scale // 10)
    return { issued = issued, repealed = repealed, in_force = issued + count(scale) }
  end
  local regulations = makes_regulations and docs() or { issued = 0, repealed = 0, in_force = 0 }
  return { regulations = regulations, normative_documents = docs(), licensing = count(scale * 20),
           punishment = count(scale * 5), coercion = count(scale), fees = random(0, 900000) / 100 }
end

local function report(i)
  local r = {} -- a shallow copy of the seed (a plain table from report:copy())
  for k, v in pairs(seed) do r[k] = v end
  local place, office = PLACES[random(#PLACES)], OFFICES[random(#OFFICES)]
  r.agency = place .. office
  r.year = random(2021, 2025)
  r.title = string.format("%s %d 年政府信息公开工作年度报告", r.agency, r.year)
  local scale = ({ 3, 10, 40, 300 })[random(4)]
  r.proactive = proactive(scale, r.agency == "新乡市人民政府")
  r.requests = requests(scale, random() < 0.5)
  r.appeals = appeals(math.max(1, scale // 20))
  -- the narrative states the counts of the table, as a real report does
  local q = r.requests
  local new, over, forward = 0, 0, 0
  for c = 1, 6 do new, over, forward = new + q.new[c], over + q.carried_over[c], forward + q.carried_forward[c] end
  local overview = {}
  for j, item in ipairs(seed.overview) do
    local text = item.text:gsub("延津县商务局", r.agency):gsub("2024", tostring(r.year))
    if item.heading == "依申请公开" then
      text = string.format("%d 年，本机关共新收政府信息公开申请 %d 件，上年结转 %d 件，结转下年度继续办理 %d 件。",
        r.year, new, over, forward)
    end
    -- longer reports repeat their paragraphs, so sizes vary from 3 to 30 KB
    overview[j] = { heading = item.heading, text = text:rep(random(1, 4), "\n") }
  end
  r.overview = overview
  r.other_matters = string.format("%d 年度未收取政府信息公开处理费。", r.year)
  return r
end

-- Plain writes: inputs in a temporary folder need no atomic, fsync'd nb.write_file.
local function write(path, text)
  local f = assert(io.open(path, "wb"))
  assert(f:write(text))
  assert(f:close())
end

local errors = 0
for i = 1, n do
  local r = report(i)
  local path = string.format("%s/data/%03d.lua", outdir, i)
  write(path, datafile.serialize(r))
  -- the inputs must be what they claim: arithmetically consistent (the built-in checks
  -- only, so that generating stays fast; the rules may still warn about the narrative)
  local view = assert(nb.load(path))
  local findings = nb.findings(nb._builtin_check(view))
  errors = errors + #findings:errors()
  if i <= m then
    write(string.format("%s/published/%03d.txt", outdir, i), nb.render(view, "text", { findings = findings }))
    write(string.format("%s/published/%03d.html", outdir, i), nb.render(view, "html", { findings = findings }))
  end
end
if errors > 0 then
  io.stderr:write(string.format("bench/gen.lua：生成的数据文件中有 %d 个错误（应为 0）\n", errors))
  return 1
end
return 0
