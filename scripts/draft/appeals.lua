-- 四、行政复议和行政诉讼 in words: table 四 as a sentence. The data file has no text of its
-- own for section 四 (FORMAT §2), so the sentence goes into 一's 依申请公开 part, after the
-- applications, where published reports state it.
local GROUPS = {
  { label = "被申请行政复议", groups = { "review" } },
  { label = "被提起行政诉讼", groups = { "litigation_direct", "litigation_after_review" } },
}
local FIELDS = { { "upheld", "结果维持" }, { "corrected", "结果纠正" }, { "other", "其他结果" }, { "pending", "尚未审结" } }

return {
  id = "appeals",
  describe = "行政复议、行政诉讼的件数（表四），写在总体情况“依申请公开”中",
  draft = function(report, d)
    if not report.appeals or not report.year then return end
    local y = report.year
    -- every count the sentence states must be in table 四: a blank or absent one would be
    -- written as a 0 the report does not show
    local blank
    local function sum(groups, key)
      local s = 0
      for _, g in ipairs(groups) do
        local v = (report.appeals[g] or {})[key]
        if math.type(v) ~= "integer" then blank = blank or (g .. "." .. key) end
        s = s + (math.type(v) == "integer" and v or 0)
      end
      return s
    end
    for _, g in ipairs(GROUPS) do
      sum(g.groups, "total")
      for _, f in ipairs(FIELDS) do sum(g.groups, f[1]) end
    end
    if blank then
      d.skip(string.format("表四“%s”空白或缺失，未起草“依申请公开”中的行政复议、行政诉讼件数", blank))
      return
    end
    local review, litigation = sum(GROUPS[1].groups, "total"), sum(GROUPS[2].groups, "total")
    local paragraph
    if review == 0 and litigation == 0 then
      paragraph = d.opening() .. "本机关未发生政府信息公开行政复议、行政诉讼案件。"
    else
      local parts = {}
      for _, g in ipairs(GROUPS) do
        local total = sum(g.groups, "total")
        if total == 0 then
          parts[#parts + 1] = (g.groups[1] == "review" and "未发生政府信息公开行政复议案件" or "未发生政府信息公开行政诉讼案件")
        else
          local fields = {}
          for _, f in ipairs(FIELDS) do fields[#fields + 1] = d.say(f[2] .. "%N件", sum(g.groups, f[1])) end
          parts[#parts + 1] = d.say("因政府信息公开" .. g.label .. "%N件，其中", total) .. table.concat(fields, "、")
        end
      end
      paragraph = d.opening() .. "本机关" .. table.concat(parts, "；") .. "。"
    end
    d.overview({ "依申请" }, "依申请公开", 2, paragraph,
      d.owns({ y .. "年，本机关未发生政府信息公开行政复议", y .. "年，本机关因政府信息公开",
               y .. "年，本机关未发生政府信息公开行政复议案件" }))
  end,
}
