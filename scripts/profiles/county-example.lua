-- An example of a local profile: a county's own conventions on top of the national ones.
-- Copy it to ~/.config/nianbao/profiles/NAME.lua (or a --scripts folder) and edit.
-- base = "gbt9704" keeps the national text, heading and amount conventions (the gbt9704
-- profile found along the search path); the hooks below replace only what differs.
-- Subsection headings end in 情况 ("（一）主动公开情况"), and the title always reads
-- "<机关><年份>年度政府信息公开工作年度报告".
return {
  name = "county-example",
  base = "gbt9704",
  describe = "示例：在国家标准之上，小标题统一为“××情况”，标题统一为“××2024年度政府信息公开工作年度报告”",
  title = function(report)
    return string.format("%s%d年度政府信息公开工作年度报告", report.agency, report.year)
  end,
  subsections = function(list)
    local out = {}
    for i, item in ipairs(list) do
      local h = item.heading or ""
      if h ~= "" and not h:find("情况$") and not h:find("方面$") then h = h .. "情况" end
      out[i] = { heading = h, text = item.text }
    end
    return out
  end,
}
