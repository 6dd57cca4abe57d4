-- Text saved by crawlers runs a whole page together: paragraphs without line breaks and
-- table cells without separators ("规章007规范性文件7777166…"). This module
--   * cuts such a page at the six official headings and after the title (sections),
--   * cuts a run-on table into row labels and the digit runs between them (cells),
--   * splits a digit run into a row's values only where that is certain (split):
--     a published number has no leading zero, a space or a minus sign starts a new
--     number, and when several splits remain, the row's own 总计 may single one out.
-- Whatever cannot be split so is left for the caller to report; no value is ever guessed.
local nb = require "nianbao"
local norm = require "nianbao.import.normalize"

local M = {}

---------------------------------------------------------------------------
-- paragraphs

--- A para that holds two or more official headings is run-on text: its pieces (before,
--- heading, after ...) as a list of strings; nil when the para is not run-on.
function M.sections(text)
  local cuts, from = {}, 1
  for _, s in ipairs(nb.schema.sections) do
    local a, b = text:find(s.heading, from, true)
    if a then
      cuts[#cuts + 1] = { a, b }
      from = b + 1
    end
  end
  if #cuts < 2 then return nil end
  local out, at = {}, 1
  local function piece(s)
    s = norm.trim(s)
    if s ~= "" then out[#out + 1] = s end
  end
  for _, c in ipairs(cuts) do
    piece(text:sub(at, c[1] - 1))
    piece(text:sub(c[1], c[2]))
    at = c[2] + 1
  end
  piece(text:sub(at))
  -- the title runs into the first sentence after a space ("…年度报告 根据《条例》…")
  local title, rest = out[1]:match("^(%S+报告)%s+(.+)$")
  if title and nb.width(title) <= 80 then
    out[1] = rest
    table.insert(out, 1, title)
  end
  return out
end

---------------------------------------------------------------------------
-- table cells

-- labels are grouped by their last 3 bytes (every label key has at least 3), so that a
-- text is compared with the few labels that can end it, not with all of them
local function last_bytes(label) return label:sub(-3) end

--- Whether key k ends with one of the labels (keys); returns the longest such label.
local function label_suffix(k, labels)
  local best
  for _, at in ipairs(norm.index(labels, last_bytes)[k:sub(-3)] or {}) do
    local label = labels[at]
    if #label <= #k and k:sub(-#label) == label and (not best or #label > #best) then best = label end
  end
  return best
end

--- Cells of a run-on table text: a list of { text = ..., blob = true|nil }, labels and the
--- number runs between them (kept raw: "200 000121"). labels: keys of the row labels, so
--- that "…对外公开总数量规章" gives the header text and the label 规章 apart. Returns nil
--- when the text is not a run-on table: fewer than two labels followed by numbers, unless
--- one run of at least 7 digits follows text (table 四's header runs into its 15 numbers).
function M.cells(text, labels)
  local t = nb.nfkc(text) or text
  if not t:find("%d") then return nil end -- no number, no table
  -- text_from: where the text not yet cut into cells starts (kept as a position: growing
  -- a string by appending made "x1.x1.x1.…" quadratic)
  local out, rows, long, text_from, pos = {}, 0, false, 1, 1
  local function add_text(s)
    local k = norm.key(s)
    if k == "" then return end
    local label = label_suffix(k, labels)
    if label and #label < #k then
      out[#out + 1] = { text = k:sub(1, #k - #label) }
      out[#out + 1] = { text = label }
    else
      out[#out + 1] = { text = k }
    end
    out[#out].label = label ~= nil
  end
  while pos <= #t do
    local a = t:find("%-?%d", pos)
    if not a then break end
    local run = t:match("^[%d%s%.%-]*", a)
    local b = a + #run - 1
    -- a label's own number ("2.其他法律…") is glued to the numbers before it
    local lead, numbered = run:match("^(.-)(%d%.)$")
    if numbered then run, b = lead, b - #numbered end
    if norm.trim(run) ~= "" then
      add_text(t:sub(text_from, a - 1))
      local prev = out[#out]
      out[#out + 1] = { text = norm.trim(run), blob = true }
      if prev and prev.label then rows = rows + 1 end
      if prev and select(2, run:gsub("%d", "")) >= 7 then long = true end
      text_from = b + 1 -- the label's own number, if any, starts the next text
    end
    pos = b + 1 + (numbered and #numbered or 0)
  end
  add_text(t:sub(text_from))
  if rows < 2 and not long then return nil end
  return out
end

---------------------------------------------------------------------------
-- values

-- a piece is a published number: no leading zero, an optional sign and decimal part
local function number(piece)
  if piece:match("^%-?0%d") or not (piece:match("^%-?%d+$") or piece:match("^%-?%d+%.%d+$")) then
    return nil
  end
  return math.tointeger(tonumber(piece)) or tonumber(piece)
end

local MAX_STEPS = 200000
-- no published value has more digits (counts stop at 10^9, 万元 amounts at 10^12 with a
-- decimal part); it also bounds each step of the walk below, so a long run stays cheap
local MAX_DIGITS = 16

--- Split a number run into n values. fits (optional) is the row's own arithmetic, a
--- function(values) -> bool. Returns values, how ("certain" when only one split exists,
--- "total" when the row's arithmetic singled it out); or nil, why (a Chinese phrase).
function M.split(raw, n, fits)
  local groups = {}
  if #raw > n * (MAX_DIGITS + 2) then return nil, "数字过多" end
  for g in raw:gmatch("%S+") do
    -- a minus sign starts a new number ("35-15" is 35 and -15)
    for part in g:gsub("(%d)%-", "%1 -"):gmatch("%S+") do groups[#groups + 1] = part end
  end
  -- numbers a space apart, each a published number on its own ("0 0 2 5 6 13"): fewer than
  -- n is a cell left blank, not a number run into the next; none is cut to make up the count
  -- (the spaces alone: a minus run into a number, "2648-18538", may be a dash of a blank)
  if #groups >= 2 and #groups < n and select(2, raw:gsub("%S+", "")) == #groups then
    local apart = true
    for _, g in ipairs(groups) do apart = apart and number(g) ~= nil end
    if apart then return nil, string.format("只有 %d 个数，应为 %d 个（可能有空白单元格）", #groups, n) end
  end
  local found, fitting, steps, current = {}, {}, 0, {}
  local function walk(gi, start)
    steps = steps + 1
    if steps > MAX_STEPS or #fitting > 1 then return end
    local g = groups[gi]
    if not g then
      if #current == n then
        local copy = table.move(current, 1, n, 1, {})
        if #found < 2 then found[#found + 1] = copy end
        found.count = (found.count or 0) + 1
        if fits and fits(copy) then fitting[#fitting + 1] = copy end
      end
      return
    end
    if start > #g then return walk(gi + 1, 1) end
    if #current >= n then return end
    -- the next value is g:sub(start, stop); a cut falls only between two digits
    for stop = start, math.min(#g, start + MAX_DIGITS - 1) do
      local cut_ok = stop == #g or (g:sub(stop, stop):match("%d") and g:sub(stop + 1, stop + 1):match("%d"))
      if cut_ok then
        local v = number(g:sub(start, stop))
        if v then
          current[#current + 1] = v
          walk(gi, stop + 1)
          current[#current] = nil
        end
      end
    end
  end
  walk(1, 1)
  if steps > MAX_STEPS then return nil, "拆分方式过多" end
  local count = found.count or 0
  if count == 1 then return found[1], "certain" end
  if count == 0 then return nil, string.format("拆不出 %d 个数", n) end
  if fits then
    if #fitting == 1 then return fitting[1], "total" end
    if #fitting == 0 then return nil, string.format("%d 种拆分都不符合本行总计", count) end
    return nil, "多种拆分都符合本行总计"
  end
  return nil, string.format("有 %d 种拆分", count)
end

return M
