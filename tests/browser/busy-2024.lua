-- A made-up report with non-zero numbers in every table, consistent with the checks (so it
-- renders without --force), for the browser tests: the numbers, the chart, the escaping.
-- Result groups (总计): 予以公开 17, 部分公开 5, 不予公开 5, 无法提供 8, 不予处理 2, 其他处理 3.
return {
  format = 2021,
  agency = "某某市测试局",
  year = 2024,
  title = "某某市测试局 2024 年政府信息公开工作年度报告",
  overview = {
    { heading = "主动公开", text = "2024 年，本局主动公开政府信息 152 条。\n转义检查：<b>不是标签</b> & “引号” 'single' \"double\" &amp; 原样显示。" },
    { heading = "依申请公开", text = "本年度新收政府信息公开申请 40 件，上年结转 3 件，结转下年度继续办理 3 件。" },
  },
  proactive = {
    regulations = { issued = 0, repealed = 0, in_force = 0 },
    normative_documents = { issued = 2, repealed = 1, in_force = 15 },
    licensing = 120, punishment = 35, coercion = 2,
    fees = 12.5,
  },
  requests = {
    new = { 30, 6, 1, 0, 2, 1 },
    carried_over = { 2, 1, 0, 0, 0, 0 },
    disclosed = { 12, 3, 1, 0, 1, 0 },
    partially_disclosed = { 4, 1, 0, 0, 0, 0 },
    withheld = {
      state_secret = { 1, 0, 0, 0, 0, 0 },
      prohibited_by_law = { 0, 0, 0, 0, 0, 0 },
      security_stability = { 0, 0, 0, 0, 0, 0 },
      third_party = { 2, 1, 0, 0, 0, 0 },
      internal_affairs = { 0, 0, 0, 0, 0, 0 },
      process_info = { 1, 0, 0, 0, 0, 0 },
      enforcement_files = { 0, 0, 0, 0, 0, 0 },
      inquiry = { 0, 0, 0, 0, 0, 0 },
    },
    unavailable = {
      not_held = { 5, 1, 0, 0, 1, 0 },
      needs_creation = { 1, 0, 0, 0, 0, 0 },
      unclear = { 0, 0, 0, 0, 0, 0 },
    },
    not_processed = {
      petition = { 0, 0, 0, 0, 0, 0 },
      duplicate = { 1, 0, 0, 0, 0, 1 },
      publication = { 0, 0, 0, 0, 0, 0 },
      mass_repeated = { 0, 0, 0, 0, 0, 0 },
      reconfirmation = { 0, 0, 0, 0, 0, 0 },
    },
    other = {
      no_correction = { 1, 0, 0, 0, 0, 0 },
      no_fee_payment = { 0, 0, 0, 0, 0, 0 },
      other = { 1, 1, 0, 0, 0, 0 },
    },
    carried_forward = { 3, 0, 0, 0, 0, 0 },
  },
  appeals = {
    review = { upheld = 1, corrected = 0, other = 0, pending = 1, total = 2 },
    litigation_direct = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 },
    litigation_after_review = { upheld = 0, corrected = 0, other = 0, pending = 0, total = 0 },
  },
  problems = "存在的主要问题：一是公开的及时性有待提高。",
  improvements = "改进情况：一是完善制度。",
  other_matters = "2024 年度未收取政府信息公开处理费。",
}
