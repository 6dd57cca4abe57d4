-- The report as every renderer consumes it: title, the six section headings, the subsections
-- of 一, the three official tables as grids and the paragraphs of 五 and 六, all after the
-- profile is applied. A renderer (render/*.lua, a user's own, docx, summaries) lays this out
-- and needs nothing from another renderer.
--
--   local doc = require("nianbao.document").build(report, opts.profile)
--   doc.title                   -- string
--   doc.headings[1..6]          -- "一、总体情况" or the profile's own
--   doc.overview                -- { { numeral, heading, numbered, paragraphs = {...} }, ... }
--   doc.proactive, doc.requests, doc.appeals -- grids of nianbao.layout (amounts as the profile writes them)
--   doc.problems, doc.other_matters          -- lists of paragraphs
--   doc.preamble                -- list of paragraphs before 一 (may be empty)
--   doc.signature               -- { agency, date } lines present (落款), may be empty
--   doc.profile                 -- the guarded profile that was applied
local nb = require "nianbao"
local layout = require "nianbao.layout"
local profiles = require "nianbao.profile"

local M = {}

--- The document of a report under a profile (a guarded profile, a table, a name, or nil
--- for the text as written).
function M.build(report, profile)
  profile = profiles.get(profile)
  return {
    profile = profile,
    title = profiles.title(profile, report),
    headings = profiles.section_headings(profile),
    overview = profiles.overview(profile, report),
    proactive = profiles.format_grid(profile, layout.proactive(report)),
    requests = layout.requests(report),
    appeals = layout.appeals(report),
    problems = profiles.paragraphs(profile, report.problems, report.improvements),
    other_matters = profiles.paragraphs(profile, report.other_matters),
    preamble = profiles.paragraphs(profile, report.preamble),
    signature = profiles.signature(profile, report),
  }
end

--- The title cut where a long one breaks, as published reports set it: before the official
--- suffix ("某某局 2024 年" / "政府信息公开工作年度报告"), so that a line never ends inside it
--- ("……2024 年政" / "府信息……"). Returns head, tail; tail is nil when the title does not end
--- in the suffix after some other text.
function M.title_parts(title)
  local at = title:find(nb.schema.title_suffix, 2, true)
  if not at then return title, nil end
  -- (a backward scan: "%s+$" was quadratic on a long run of inner spaces)
  return require("nianbao.text").rstrip(title:sub(1, at - 1)), title:sub(at)
end

--- The template variables every report template shares: heading1..heading6.
function M.heading_vars(doc, vars, wrap)
  for i, heading in ipairs(doc.headings) do vars["heading" .. i] = wrap and wrap(heading) or heading end
  return vars
end

return M
