-- T2.COMPETENCE: only the State Council's departments and the governments of provinces and
-- of cities divided into districts make 规章 (立法法第九十一、九十三条). A township, a county
-- (旗) government or a county department reporting 规章 in table 二 has most likely put its
-- 规范性文件 or the 规章 it applies in the wrong row.
local nb = require "nianbao"

-- plain suffix test: a pattern class such as [乡镇] would match single bytes, so "学校"
-- (校 ends in byte A1, as 乡 does) would read as a township
local function ends_with(s, suffix) return s:sub(-#suffix) == suffix end

-- the part of the name after its last 自治区 / 自治州 (whose own governments make 规章, and
-- whose counties and districts do not): "某某自治州某某县人民政府" -> "某某县人民政府"
local function below_autonomous(agency)
  for _, w in ipairs({ "自治区", "自治州" }) do
    local from = 1
    while true do
      local _, e = agency:find(w, from, true)
      if not e then break end
      agency, from = agency:sub(e + 1), 1
    end
  end
  return agency
end

local function level(agency)
  agency = below_autonomous(agency)
  if agency:find("街道", 1, true) or agency:find("乡人民政府", 1, true) or agency:find("镇人民政府", 1, true)
     or ends_with(agency, "乡") or ends_with(agency, "镇") or agency:find("苏木", 1, true) then
    return "乡镇、街道"
  end
  if agency:find("县", 1, true) or agency:find("旗", 1, true) then return "县级机关" end
  -- a district of a city (某某市某某区人民政府, 某某市某某区教育局) is of county level
  local _, city = agency:find("市", 1, true)
  if city and agency:find("区", city + 1, true) then return "县级机关" end
  return nil
end

return {
  id = "T2.COMPETENCE",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "无规章制定权的机关（乡镇、街道、县级政府及其部门）在表二填报了规章",
  check = function(report, ctx)
    local who = level(nb.nfkc(report.agency or ""))
    local regs = (report.proactive or {}).regulations
    if not who or type(regs) ~= "table" then return end
    for _, key in ipairs({ "issued", "repealed", "in_force" }) do
      local v = regs[key]
      if math.type(v) == "integer" and v > 0 then
        ctx:add{ section = "二", label = "规章", row = "proactive.regulations." .. key,
                 expected = 0, found = v,
                 message = string.format("%s（%s）没有规章制定权，表二“规章”一行应为0；行政规范性文件应填入下一行",
                   report.agency, who) }
      end
    end
  end,
}
