-- 一、总体情况 / 依申请公开: the applications of table 三 in the official wording. Edit the
-- sentences here (copy this file into your own draft/ folder with --scripts) to change them.
local T = require "nianbao.rules"

-- the six result groups of table 三 as the sentence names them
local RESULTS = {
  { "disclosed", "予以公开" }, { "partially_disclosed", "部分公开" }, { "withheld", "不予公开" },
  { "unavailable", "无法提供" }, { "not_processed", "不予处理" }, { "other", "其他处理" },
}

return {
  id = "requests",
  describe = "总体情况“依申请公开”：收到、结转、办结政府信息公开申请的件数（表三）",
  draft = function(report, d)
    if not report.requests or not report.year then return end
    local y = report.year
    -- every count the sentence states must be in the table: a blank or absent one would be
    -- written as a 0 the report does not show
    local blank
    local function v(key, c)
      local n = T.t3(report, key, c)
      if not n then blank = blank or key end
      return n or 0
    end
    local new, over, done, forward = v("new"), v("carried_over"), v("total"), v("carried_forward")
    local persons = v("new", 1)
    for _, r in ipairs(RESULTS) do v(r[1]) end
    if blank then
      d.skip(string.format("表三“%s”行有空白或缺失的单元格，未起草“依申请公开”中的申请件数", blank))
      return
    end
    local others = T.t3_sum(report, "new", 2, 6) or (new - persons)
    local parts = {}
    if new == 0 then
      parts[1] = d.opening() .. "本机关未收到政府信息公开申请"
    else
      parts[1] = d.opening() .. d.say("共收到政府信息公开申请%N件，其中自然人%N件、法人或其他组织%N件", new, persons, others)
    end
    if over == 0 and done == 0 and forward == 0 then
      parts[#parts + 1] = "无上年结转申请"
    else
      parts[#parts + 1] = over > 0 and d.say("上年结转%N件", over) or "无上年结转申请"
      local results = {}
      for _, r in ipairs(RESULTS) do
        local n = v(r[1])
        if n > 0 then results[#results + 1] = d.say(r[2] .. "%N件", n) end
      end
      parts[#parts + 1] = d.say("办结%N件", done) .. (#results > 0 and ("，其中" .. table.concat(results, "、")) or "")
      parts[#parts + 1] = d.say("结转下年度继续办理%N件", forward)
    end
    local paragraph = table.concat(parts, "；") .. "。"
    d.overview({ "依申请" }, "依申请公开", 2, paragraph,
      d.owns({ y .. "年，共收到政府信息公开申请", y .. "年，本机关未收到政府信息公开申请" }))
  end,
}
