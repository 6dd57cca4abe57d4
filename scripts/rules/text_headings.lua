-- TEXT.HEADINGS: the subsections of 一、总体情况 carry no numbering of their own (the renderer
-- numbers them) and cover the usual topics (主动公开, 依申请公开, 政府信息管理, 平台建设,
-- 监督保障); a sentence listing the report's parts ("由…组成", "包括…等六个部分") names the
-- six official sections and no others.
local R = require "nianbao.rules"

local TOPICS = {
  { words = { "主动公开" }, label = "主动公开" },
  -- headings as agencies word them: 政府信息公开申请办理情况, 政府信息资源管理, 公开渠道建设
  { words = { "依申请", "申请" }, label = "依申请公开" },
  { words = { "信息管理", "管理" }, label = "政府信息管理" },
  { words = { "平台", "载体", "渠道", "网站", "新媒体" }, label = "政府信息公开平台建设" },
  { words = { "监督", "保障" }, label = "监督保障" },
}
local SECTIONS = {
  { words = { "总体情况" }, label = "总体情况" },
  { words = { "主动公开政府信息" }, label = "主动公开政府信息情况" },
  { words = { "收到和处理", "处理政府信息公开申请" }, label = "收到和处理政府信息公开申请情况" },
  { words = { "复议" }, label = "政府信息公开行政复议、行政诉讼情况" },
  { words = { "问题" }, label = "存在的主要问题及改进情况" },
  { words = { "其他需要报告" }, label = "其他需要报告的事项" },
}
-- parts of the 2019 trial format that the 2021 format dropped
local OLD_PARTS = { "收费及减免", "概述", "附指标统计表" }
-- 一 … 十, the characters a heading's own number is written with (written out: ten calls of
-- nb.numeral at every start cost more than the list)
local CN_NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" }

-- does a (normalized) heading start with its own number: (一) 1. 1、 一、 第一
local function numbered(h)
  if h:find("^%(") or h:find("^%d+%.") or h:find("^%d+、") then return true end
  local rest, ordinal = h, false
  if rest:sub(1, 3) == "第" then rest, ordinal = rest:sub(4), true end
  local n = 0
  repeat
    local hit = false
    for _, d in ipairs(CN_NUMERALS) do
      if rest:sub(1, #d) == d then rest, hit, n = rest:sub(#d + 1), true, n + 1 break end
    end
  until not hit
  return n > 0 and (ordinal or rest:sub(1, 3) == "、")
end

-- a sentence that says what the report is made of ("本报告由……六个部分组成")
local THIS_REPORT, MADE_OF = { "本报告", "本年报" }, { "组成", "部分", "包括" }

return {
  id = "TEXT.HEADINGS",
  severity = "warning",
  warnings_only = true, -- render can leave it out of a report without errors
  describe = "总体情况的小标题不自带序号并涵盖常见内容；“由…组成”列出的部分与六个法定部分一致",
  check = function(report, ctx)
    local headings = {}
    for i, item in ipairs(report.overview or {}) do
      local h = R.normalize(item.heading or "")
      if h ~= "" then
        headings[#headings + 1] = h
        if numbered(h) then
          ctx:add{ section = "一", label = item.heading, found = item.heading,
                   expected = "不带序号的小标题",
                   message = string.format("第%d个小标题自带序号，排版时会再加序号（%s）", i, item.heading) }
        end
      end
    end
    if #headings > 0 then
      local all = table.concat(headings, "|")
      local missing = {}
      for _, t in ipairs(TOPICS) do
        if not R.has(all, t.words) then missing[#missing + 1] = t.label end
      end
      if #missing > 0 then
        ctx:add{ section = "一", label = "总体情况", expected = "主动公开、依申请公开、政府信息管理、平台建设、监督保障",
                 found = table.concat(missing, "、") .. "缺失",
                 message = "总体情况缺少常见的小标题：" .. table.concat(missing, "、") }
      end
    end
    local function parts_list(sentence, part)
      -- the rare words first: most sentences say neither 本报告 nor 本年报 and need no count
      if not (R.has(sentence, THIS_REPORT) and R.has(sentence, MADE_OF)) then return end
      local named = 0
      for _, s in ipairs(SECTIONS) do if R.has(sentence, s.words) then named = named + 1 end end
      if named >= 2 then
        local missing = {}
        for _, s in ipairs(SECTIONS) do
          if not R.has(sentence, s.words) then missing[#missing + 1] = s.label end
        end
        local stated = tonumber(sentence:match("%f[%d](%d+)个部分")) -- "六个部分" is normalized to "6个部分"
        -- (%f[%d]: tried at the start of a digit run only, so a long run is not quadratic)
        local old = R.has(sentence, OLD_PARTS)
        if #missing > 0 or (stated and stated ~= 6) or old then
          ctx:add{ section = part.section, label = part.label, sentence = sentence,
                   expected = "六个部分：总体情况……其他需要报告的事项",
                   found = stated and (stated .. "个部分") or (#missing > 0 and ("缺少" .. table.concat(missing, "、")) or "含旧格式部分"),
                   message = "报告组成的说明与现行格式（国办公开办函〔2021〕30号）的六个部分不一致" ..
                     (#missing > 0 and ("，未提及：" .. table.concat(missing, "、")) or "") }
        end
      end
    end
    -- the list of parts is usually in the preamble, before 一、总体情况
    local lead = { label = "前言" }
    for _, sentence in ipairs(R.sentences(R.normalize(report.preamble or ""))) do parts_list(sentence, lead) end
    R.each_sentence(report, parts_list)
  end,
}
