-- The corpus of whole reports (tests/import/corpus.lua): data files of other agencies and
-- years 2021-2025 with consistent numbers and a few blank cells each. Writes, for each i,
--   OUTDIR/NNN.lua          the reference data file (blank cells "")
--   OUTDIR/NNN.src.lua      the same with a number in each blank cell, unique in the report
--                           (a sentinel: make.sh renders it and turns it into the layout's
--                           blank: nothing, or a blank mark)
--   OUTDIR/NNN.sentinels    the sentinels, one a line
-- Run: nianbao run tests/import/corpus/gen.lua OUTDIR N [RANDOM_SEED]
local nb = require "nianbao"
local datafile = require "nianbao.datafile"

local outdir, n = arg[1], tonumber(arg[2]) or 40
assert(outdir, "用法：nianbao run tests/import/corpus/gen.lua OUTDIR N [RANDOM_SEED]")
math.randomseed(tonumber(arg[3]) or 20260101) -- fixed: the same corpus in every run

local seed = assert(nb.load("reports/yanjin-commerce-2024.lua")):copy()
local schema = nb.schema
local random = math.random

local PLACES = { "临沂市", "兰陵县", "沂水县", "费县", "平邑县", "莒南县", "蒙阴县", "河东区", "罗庄区",
  "郯城县", "营口市", "盖州市", "大石桥市", "老边区", "鲅鱼圈区", "西市区", "站前区" }
local OFFICES = { "人民政府办公室", "发展和改革局", "教育和体育局", "公安局", "司法局", "生态环境局",
  "水利局", "农业农村局", "文化和旅游局", "应急管理局", "审计局", "统计局", "医疗保障局", "退役军人事务局",
  "城市管理局", "行政审批服务局", "人民政府", "街道办事处", "乡人民政府" }

local function count(scale) return random(0, scale) end

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

local function requests(scale)
  local q = { withheld = {}, unavailable = {}, not_processed = {}, other = {} }
  local result_rows = {}
  for _, row in ipairs(schema.requests.rows) do
    if row.key ~= "new" and row.key ~= "carried_over" and row.key ~= "total" and row.key ~= "carried_forward" then
      result_rows[#result_rows + 1] = row
    end
  end
  local cols = {}
  for c = 1, 6 do
    local new = count(c == 1 and scale or scale // 4)
    local over = count(math.max(1, new // 5))
    local forward = random(0, (new + over) // 4)
    cols[c] = { new = new, over = over, forward = forward, results = split(new + over - forward, #result_rows, 30) }
  end
  local function row_of(f)
    local v, sum = {}, 0
    for c = 1, 6 do v[c] = f(cols[c]); sum = sum + v[c] end
    v[7] = sum
    return v
  end
  q.new = row_of(function(c) return c.new end)
  q.carried_over = row_of(function(c) return c.over end)
  for i, row in ipairs(result_rows) do
    local v = row_of(function(c) return c.results[i] end)
    if row.group then q[row.group][row.member] = v else q[row.key] = v end
  end
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

local function proactive(scale, city)
  local function docs()
    local issued, repealed = count(scale // 5), count(scale // 10)
    return { issued = issued, repealed = repealed, in_force = issued + count(scale) }
  end
  return { regulations = city and docs() or { issued = 0, repealed = 0, in_force = 0 },
    normative_documents = docs(), licensing = count(scale * 20), punishment = count(scale * 5),
    coercion = count(scale), fees = random(0, 90000) / 100 }
end

-- the cells of the three tables: { get, set } pairs over a report
local function cells(r)
  local out = {}
  local p = r.proactive
  for _, k in ipairs({ "regulations", "normative_documents" }) do
    for _, c in ipairs({ "issued", "repealed", "in_force" }) do
      out[#out + 1] = { t = p[k], k = c }
    end
  end
  for _, k in ipairs({ "licensing", "punishment", "coercion", "fees" }) do out[#out + 1] = { t = p, k = k } end
  local q = r.requests
  for _, row in ipairs(schema.requests.rows) do
    local v = row.group and q[row.group][row.member] or q[row.key]
    for c = 1, 7 do out[#out + 1] = { t = v, k = c } end
  end
  for _, g in ipairs(schema.appeals.groups) do
    for _, c in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
      out[#out + 1] = { t = r.appeals[g.key], k = c }
    end
  end
  return out
end

local function write(path, text)
  local f = assert(io.open(path, "wb"))
  assert(f:write(text))
  assert(f:close())
end

local used = {}
for i = 1, n do
  local r = {}
  for k, v in pairs(seed) do r[k] = v end
  local place, office = PLACES[random(#PLACES)], OFFICES[random(#OFFICES)]
  r.agency = place .. office
  r.year = 2021 + (i - 1) % 5
  r.title = string.format("%s %d 年政府信息公开工作年度报告", r.agency, r.year)
  local scale = ({ 3, 10, 40, 300 })[random(4)]
  r.proactive = proactive(scale, office == "人民政府")
  r.requests = requests(scale)
  r.appeals = appeals(math.max(1, scale // 20))
  local overview = {}
  for j, item in ipairs(seed.overview) do
    overview[j] = { heading = item.heading, text = item.text:gsub("延津县商务局", r.agency):gsub("2024", tostring(r.year)) }
  end
  r.overview = overview
  r.other_matters = string.format("%d 年度未收取政府信息公开处理费。", r.year)
  -- blank cells: none in some reports, up to six in others, any table
  local all, blanks = cells(r), {}
  for _ = 1, ({ 0, 1, 2, 3, 6 })[random(5)] do
    local c = all[random(#all)]
    blanks[#blanks + 1] = c
  end
  -- the reports after the first 40: blanks in each of tables 二, 三 and 四 (1-2, 1-3, 1-2),
  -- drawn after the others, so that the first 40 stay as they were
  if i > 40 then
    local n3 = #schema.requests.rows * 7
    for _, t in ipairs({ { 1, 10, 2 }, { 11, 10 + n3, 3 }, { 11 + n3, #all, 2 } }) do
      for _ = 1, random(t[3]) do blanks[#blanks + 1] = all[random(t[1], t[2])] end
    end
  end
  -- the reference, then the source with a sentinel in each blank cell
  local src = datafile.serialize(r)
  local sentinels = {}
  for _, c in ipairs(blanks) do
    if c.t[c.k] ~= nb.BLANK then
      c.t[c.k] = nb.BLANK
    end
  end
  local ref = datafile.serialize(r)
  for _, c in ipairs(blanks) do
    if c.t[c.k] == nb.BLANK then
      local s
      repeat s = random(1000, 9999) until not used[s] and not src:find(tostring(s), 1, true)
      used[s] = true
      c.t[c.k] = s
      sentinels[#sentinels + 1] = tostring(s)
    end
  end
  local base = string.format("%s/%03d", outdir, i)
  write(base .. ".lua", ref)
  write(base .. ".src.lua", datafile.serialize(r))
  write(base .. ".sentinels", table.concat(sentinels, "\n") .. (#sentinels > 0 and "\n" or ""))
end
return 0
