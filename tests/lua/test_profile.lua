-- Profiles as the renderers apply them (nianbao/profile.lua): section headings, paragraphs
-- and subsections are prepared once and laid out by text, markdown and html alike.
local T = ...
local nb = require "nianbao"
local profiles = require "nianbao.profile"

local seed = assert(nb.load(T.seed))

-- a profile that numbers the sections its own way and remembers the titles it was given
local function numbering_profile(seen)
  return profiles.from_table({
    name = "numbering",
    heading = function(level, n, title)
      if level == 1 then seen[n] = title; return "第" .. n .. "部分 " .. title end
    end,
  }, "test")
end

local tests = {}

function tests.untitled_lead_paragraph_takes_no_number()
  -- 淮安 2024: 一、总体情况 opens with an untitled paragraph, then （一）主动公开情况
  local copy = seed:copy()
  copy.overview = { { text = "2024 年，我市坚持……" }, { heading = "主动公开情况", text = "2024 年，市政府网站……" } }
  local report = assert(nb.view(copy, "overview"))
  for _, format in ipairs({ "text", "markdown", "html" }) do
    local out = nb.render(report, format)
    T.ok(out:find("一", 1, true) and out:find("主动公开情况", 1, true), format .. ": subsection rendered")
    T.ok(not out:find("二）主动公开情况", 1, true) and not out:find("(二) 主动公开情况", 1, true),
      format .. ": the first titled subsection is 一, not 二")
  end
  local subs = profiles.overview(profiles.get(nil), report)
  T.eq(subs[1].numeral, nil, "the lead paragraph has no numeral")
  T.eq(subs[2].numeral, "一", "the first titled subsection is 一")
end

function tests.section_titles_lose_their_numeral()
  -- 一 is E4 B8 80 and 、 is E3 80 81: a byte class [^、] stopped at 一's last byte
  local seen = {}
  profiles.section_headings(numbering_profile(seen))
  T.eq(seen[1], "总体情况", "section 一")
  T.eq(seen[2], "主动公开政府信息情况", "section 二")
  T.eq(seen[4], "政府信息公开行政复议、行政诉讼情况", "section 四 keeps its inner 、")
  T.eq(seen[6], "其他需要报告的事项", "section 六")
end

function tests.default_profile_keeps_the_official_headings()
  local h = profiles.section_headings(profiles.get(nil))
  for i, s in ipairs(nb.schema.sections) do T.eq(h[i], s.heading, "heading " .. i) end
end

function tests.every_format_uses_the_profile_headings()
  local p = numbering_profile({})
  for _, format in ipairs({ "text", "markdown", "html" }) do
    local out = nb.render(seed, format, { profile = p })
    T.ok(out:find("第1部分 总体情况", 1, true), format .. ": section 一 renamed by the profile")
    T.ok(not out:find("第1部分 一、", 1, true), format .. ": numeral left in section 一")
    T.ok(out:find("第6部分 其他需要报告的事项", 1, true), format .. ": section 六 renamed")
  end
end

function tests.paragraphs_skip_an_absent_text()
  -- problems absent: improvements must still be rendered (ipairs({ nil, x }) stopped at once)
  local t = seed:copy()
  t.problems = nil
  local r = assert(nb.view(t, "no-problems"))
  local p = profiles.get(nil)
  local paras = profiles.paragraphs(p, r.problems, r.improvements)
  T.eq(#paras, #nb.paragraphs(r.improvements), "paragraphs of improvements alone")
  local first = nb.paragraphs(r.improvements)[1]
  for _, format in ipairs({ "text", "markdown", "html" }) do
    local out = nb.render(r, format)
    local probe = first:sub(1, 30) -- plain Chinese, the same in every format
    T.ok(out:find(probe, 1, true), format .. ": improvements rendered without problems")
  end
end

function tests.overview_items_carry_heading_numeral_and_paragraphs()
  local list = profiles.overview(profiles.get("gbt9704"), seed)
  T.eq(#list, #seed.overview, "one item per subsection")
  T.eq(list[2].numeral, "二", "numeral")
  T.eq(list[2].numbered, "（二）" .. list[2].heading, "the profile's own numbering")
  T.eq(#list[1].paragraphs, #nb.paragraphs(seed.overview[1].text), "paragraphs")
  T.eq(profiles.overview(profiles.get(nil), seed)[1].numbered, nil, "default: the template numbers")
end

return tests
