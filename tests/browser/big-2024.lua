-- A made-up report with seven-digit numbers in the result rows of table 三 (eight and nine
-- digits in its totals), eight digits in table 四 and table 二, consistent with the checks, for the browser
-- tests: numbers must stay inside their cells at the print text width (156 mm), and the
-- chart's longest bar must leave room for its number.
return {
  format = 2021,
  agency = "某某省测试厅",
  year = 2024,
  title = "某某省测试厅 2024 年政府信息公开工作年度报告",
  overview = {
    { heading = "主动公开", text = "2024 年，本厅主动公开政府信息 12345678 条。" },
    { heading = "依申请公开", text = "本年度新收政府信息公开申请 540119997 件。" },
  },
  proactive = {
    regulations = { issued = 12345678, repealed = 23456789, in_force = 34567890 },
    normative_documents = { issued = 45678901, repealed = 56789012, in_force = 67890123 },
    licensing = 78901234, punishment = 89012345, coercion = 90123456,
    fees = 123456.78,
  },
  requests = {
    new = { 95517002, 93318111, 91119220, 88920339, 86721558, 84523767 },
    carried_over = { 1234567, 2345678, 3456789, 4567890, 5678901, 6789012 },
    disclosed = { 4013456, 4014567, 4015678, 4016789, 4017900, 4019011 },
    partially_disclosed = { 4025801, 4026912, 4028023, 4029134, 4030245, 4031356 },
    withheld = {
      state_secret = { 4038146, 4039257, 4040368, 4041479, 4042590, 4043701 },
      prohibited_by_law = { 4050491, 4051602, 4052713, 4053824, 4054935, 4056046 },
      security_stability = { 4062836, 4063947, 4065058, 4066169, 4067280, 4068391 },
      third_party = { 4075181, 4076292, 4077403, 4078514, 4079625, 4080736 },
      internal_affairs = { 4087526, 4088637, 4089748, 4090859, 4091970, 4093081 },
      process_info = { 4099871, 4100982, 4102093, 4103204, 4104315, 4105426 },
      enforcement_files = { 4112216, 4113327, 4114438, 4115549, 4116660, 4117771 },
      inquiry = { 4124561, 4125672, 4126783, 4127894, 4129005, 4130116 },
    },
    unavailable = {
      not_held = { 4136906, 4138017, 4139128, 4140239, 4141350, 4142461 },
      needs_creation = { 4149251, 4150362, 4151473, 4152584, 4153695, 4154806 },
      unclear = { 4161596, 4162707, 4163818, 4164929, 4166040, 4167151 },
    },
    not_processed = {
      petition = { 4173941, 4175052, 4176163, 4177274, 4178385, 4179496 },
      duplicate = { 4186286, 4187397, 4188508, 4189619, 4190730, 4191841 },
      publication = { 4198631, 4199742, 4200853, 4201964, 4203075, 4204186 },
      mass_repeated = { 4210976, 4212087, 4213198, 4214309, 4215420, 4216531 },
      reconfirmation = { 4223321, 4224432, 4225543, 4226654, 4227765, 4228876 },
    },
    other = {
      no_correction = { 4235666, 4236777, 4237888, 4238999, 4240110, 4241221 },
      no_fee_payment = { 4248011, 4249122, 4250233, 4251344, 4252455, 4253566 },
      other = { 4260356, 4261467, 4262578, 4263689, 4264800, 4265911 },
    },
    total = { 86875026, 86898357, 86921688, 86945019, 86968350, 86991681 },
    carried_forward = { 9876543, 8765432, 7654321, 6543210, 5432109, 4321098 },
  },
  appeals = {
    review = { upheld = 12345678, corrected = 23456789, other = 34567890, pending = 45678901, total = 116049258 },
    litigation_direct = { upheld = 12345678, corrected = 23456789, other = 34567890, pending = 45678901, total = 116049258 },
    litigation_after_review = { upheld = 12345678, corrected = 23456789, other = 34567890, pending = 45678901, total = 116049258 },
  },
  problems = "存在的主要问题：无。",
  improvements = "改进情况：无。",
  other_matters = "2024 年度未收取政府信息公开处理费。",
}
