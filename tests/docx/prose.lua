-- Every prose line of a data file (title, section headings, subsection headings and
-- paragraphs), one per line, as the default profile writes them: what a PDF of the report
-- must hold. Run: nianbao run tests/docx/prose.lua FILE
local nb = require "nianbao"
local profiles = require "nianbao.profile"
local report = assert(nb.load(arg[1]))
local p = profiles.get(nil)
print(profiles.title(p, report))
for _, h in ipairs(profiles.section_headings(p)) do print(h) end
for _, sub in ipairs(profiles.overview(p, report)) do
  if sub.heading then print(sub.heading) end
  for _, para in ipairs(sub.paragraphs) do print(para) end
end
for _, para in ipairs(profiles.paragraphs(p, report.problems, report.improvements, report.other_matters)) do
  print(para)
end
