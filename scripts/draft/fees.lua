-- 六、其他需要报告的事项: the information-processing fee (国办函〔2020〕109号) from
-- processing_fees, in the wording TEXT.FEES reads.
return {
  id = "fees",
  describe = "第六部分：信息处理费的收费通知和收取金额（processing_fees）",
  draft = function(report, d)
    if not report.year then return end
    local y = report.year
    local f = report.processing_fees or {}
    local function v(x) return type(x) == "number" and x or 0 end
    local notices, notified, collected = v(f.notices), v(f.notified), v(f.collected)
    local paragraph
    if notices == 0 and collected == 0 then
      -- the notices are named only when the file states them (0 then)
      paragraph = d.opening() .. (f.notices ~= nil and "本机关未发出收费通知，未收取信息处理费。" or "本机关未收取信息处理费。")
    else
      paragraph = d.opening() .. d.say("本机关发出收费通知%N件，通知收费金额%N元，实际收取信息处理费%N元。",
        notices, notified, collected)
    end
    d.field("other_matters", paragraph,
      d.owns({ y .. "年，本机关未收取信息处理费", y .. "年，本机关未发出收费通知", y .. "年，本机关发出收费通知" }))
  end,
}
