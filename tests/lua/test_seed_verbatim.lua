-- The rendered seed against the published report (../shared/000_49be5e48092c958c.txt):
-- every prose line appears verbatim as a line of its own, and every table row has the same
-- labels (after NFKC, without spaces; NFKC also folds full-width brackets) and numbers.
local T = ...
local nb = require "nianbao"

local function lines_of(text)
  local out = {}
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do out[#out + 1] = line end
  return out
end

-- Split a report text into its sections by the official headings: sections[i] = lines.
local function sections_of(text)
  local heading_index = {}
  for i, s in ipairs(nb.schema.sections) do heading_index[s.heading] = i end
  local sections, current = { [0] = {} }, 0
  for _, line in ipairs(lines_of(text)) do
    if heading_index[line] then
      current = heading_index[line]
      sections[current] = {}
    elseif line:find("%S") then
      table.insert(sections[current], line)
    end
  end
  return sections
end

local function normalize(cell)
  return (nb.nfkc(cell):gsub("%s", ""))
end

-- A table line as its non-empty cells, normalized.
local function cells_of(line)
  local out = {}
  for field in (line .. "\t"):gmatch("(.-)\t") do
    local n = normalize(field)
    if n ~= "" then out[#out + 1] = n end
  end
  return out
end

local function has_number(cells)
  for _, c in ipairs(cells) do if c:match("^%-?%d+%.?%d*$") then return true end end
  return false
end

local published = T.read(T.published_seed)
local rendered = nb.render(T.load_seed(), "text")

local tests = {}

function tests.every_prose_line_is_a_rendered_line()
  local have = {}
  for _, line in ipairs(lines_of(rendered)) do have[line] = true end
  local count = 0
  for _, line in ipairs(lines_of(published)) do
    if line:find("%S") and not line:find("\t") then
      count = count + 1
      T.ok(have[line], "published line not rendered verbatim: " .. line)
    end
  end
  -- title, 6 headings, 5 subsections of 一, 2 paragraphs of 五, 1 of 六
  T.eq(count, 15, "prose lines in the published seed")
  T.ok(have["(一) 主动公开：" .. T.load_seed().overview[1].text], "(一) 主动公开 line")
end

function tests.table_rows_match_the_publication()
  local pub, ren = sections_of(published), sections_of(rendered)
  for i = 2, 4 do
    local heading = nb.schema.sections[i].heading
    local p, r = pub[i], ren[i]
    T.ok(p and r, heading .. ": section missing")
    T.eq(#r, #p, heading .. ": number of table rows")
    -- the header rows (before the first row with numbers): the same labels; the published
    -- page flattened the merged header cells in another order, so they are compared as a set
    local first_data = 1
    while first_data <= #p and not has_number(cells_of(p[first_data])) do first_data = first_data + 1 end
    local ph, rh = {}, {}
    for k = 1, first_data - 1 do
      for _, c in ipairs(cells_of(p[k])) do ph[#ph + 1] = c end
      for _, c in ipairs(cells_of(r[k])) do rh[#rh + 1] = c end
    end
    table.sort(ph)
    table.sort(rh)
    T.eq(table.concat(rh, "|"), table.concat(ph, "|"), heading .. ": header labels")
    -- every further row: the same labels and numbers, in order
    local numbers = 0
    for k = first_data, #p do
      local pc, rc = cells_of(p[k]), cells_of(r[k])
      T.eq(table.concat(rc, "|"), table.concat(pc, "|"), heading .. ": row " .. k)
      for _, c in ipairs(rc) do if c:match("^%-?%d+%.?%d*$") then numbers = numbers + 1 end end
    end
    local expected = ({ [2] = 10, [3] = 175, [4] = 15 })[i]
    T.eq(numbers, expected, heading .. ": numbers compared")
  end
end

return tests
