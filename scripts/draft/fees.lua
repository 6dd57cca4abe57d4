-- 六、其他需要报告的事项: the information-processing fee (国办函〔2020〕109号) from
-- processing_fees, in the wording TEXT.FEES reads.
return {
  id = "fees",
  describe = "第六部分：信息处理费的收费通知和收取金额（processing_fees）",
  draft = function(report, d)
    if not report.year then return end
    local y = report.year
    local f = report.processing_fees or {}
    local FIELDS = { { "notices", "发出收费通知%N件" }, { "notified", "通知收费金额%N元" },
                     { "collected", "实际收取信息处理费%N元" } }
    for _, field in ipairs(FIELDS) do
      if f[field[1]] ~= nil and type(f[field[1]]) ~= "number" then
        d.skip(string.format("第六部分信息处理费“%s”空白，未起草信息处理费的语句", field[1]))
        return
      end
    end
    local paragraph
    if (f.notices or 0) == 0 and (f.collected or 0) == 0 and (f.notified or 0) == 0 then
      -- the notices are named only when the file states them (0 then)
      paragraph = d.opening() .. (f.notices ~= nil and "本机关未发出收费通知，未收取信息处理费。" or "本机关未收取信息处理费。")
    else
      -- only what the file states: a field it leaves out is not written as 0
      local parts = {}
      for _, field in ipairs(FIELDS) do
        if f[field[1]] ~= nil then parts[#parts + 1] = d.say(field[2], f[field[1]]) end
      end
      paragraph = d.opening() .. "本机关" .. table.concat(parts, "，") .. "。"
    end
    d.field("other_matters", paragraph,
      d.owns({ y .. "年，本机关未收取信息处理费", y .. "年，本机关未发出收费通知", y .. "年，本机关发出收费通知",
               y .. "年，本机关通知收费金额", y .. "年，本机关实际收取信息处理费" }))
  end,
}
