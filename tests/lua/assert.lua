-- Assertion helpers of the Lua tests (handed to each test file by run.lua). Each raises an
-- error at the caller's line, so a failure names the test file and line.
local T = {}

T.seed = "reports/yanjin-commerce-2024.lua"
T.published_seed = "../shared/000_49be5e48092c958c.txt"

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

function T.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%s: expected %s, got %s", what or "value", show(expected), show(actual)), 2)
  end
end

function T.ok(cond, what)
  if not cond then error(what or "condition is false", 2) end
  return cond
end

--- Deep equality of plain tables (pairs on both sides); returns false, path of the first difference.
function T.same(a, b, path)
  path = path or ""
  if type(a) ~= "table" or type(b) ~= "table" then
    if a == b then return true end
    return false, string.format("%s: %s ~= %s", path, show(a), show(b))
  end
  for k, v in pairs(a) do
    local ok, where = T.same(v, b[k], path .. "." .. tostring(k))
    if not ok then return false, where end
  end
  for k in pairs(b) do
    if a[k] == nil then return false, path .. "." .. tostring(k) .. ": missing on the left" end
  end
  return true
end

function T.deep_eq(actual, expected, what)
  local ok, where = T.same(actual, expected)
  if not ok then error(string.format("%s differs at %s", what or "table", where), 2) end
end

--- fn() must raise an error whose message contains text (plain).
function T.raises(fn, text, what)
  local ok, err = pcall(fn)
  if ok then error((what or "call") .. ": expected an error, none raised", 2) end
  if text and not tostring(err):find(text, 1, true) then
    error(string.format("%s: error %s does not contain %s", what or "call", show(tostring(err)), show(text)), 2)
  end
  return err
end

--- A random text of 0..max_pieces pieces drawn from the list pieces (after math.randomseed,
--- the same texts on every run).
function T.random_text(pieces, max_pieces)
  local t = {}
  for i = 1, math.random(0, max_pieces) do t[i] = pieces[math.random(#pieces)] end
  return table.concat(t)
end

function T.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

--- text with the one place the pattern `from` matches replaced by `to` (a test's near case
--- made from a fixture); an error when it matches no place or several (the fixture changed).
function T.edited(text, from, to)
  local out, count = text:gsub(from, to)
  assert(count == 1, "the fixture's text, edited where it matches " .. from .. ": " .. count .. " places")
  return out
end

--- A report (an import's, or one a test built) as `import | check -` sees it: serialized to
--- a data file, then loaded back by the sandboxed loader (nb.load); an error when it does not load.
function T.reloaded(r)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(require("nianbao.datafile").serialize(r))
  f:close()
  local view, err = require("nianbao").load(path)
  os.remove(path)
  return assert(view, err)
end

--- A deep copy of a plain table (a data file's, an import's), to edit without touching the
--- original; nb.BLANK is kept as it is.
function T.copy(v)
  if type(v) ~= "table" or v == require("nianbao").BLANK then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = T.copy(x) end
  return out
end

--- The text of tests/import/fixtures/NAME (the importer's tests read their inputs there).
function T.fixture(name) return T.read("tests/import/fixtures/" .. name) end

--- A PDF's layout text (pdftotext -layout) imported as `nianbao import X.pdf` reads it: the
--- PDF front end, then the importer; the report and the notes of both steps, the front end's
--- first.
function T.import_layout(text)
  local pnotes = {}
  local r, notes = require("nianbao.import").import(require("nianbao.import.pdf").from_layout(text, pnotes), "attachment.txt")
  if type(notes) == "table" then table.move(notes, 1, #notes, #pnotes + 1, pnotes) end
  return r, pnotes
end

--- A cell as the importer's tests write what they expect: a blank (nb.BLANK) as "".
function T.plain(v)
  if v == require("nianbao").BLANK then return "" end
  return v
end

--- Whether the list of cells a equals the list b of expected values (blanks written "").
function T.same_cells(a, b)
  if type(a) ~= "table" or #a ~= #b then return false end
  for i = 1, #b do if T.plain(a[i]) ~= b[i] then return false end end
  return true
end

--- Table 四 of a report as three lists { upheld, corrected, other, pending, total }, one per
--- group in the schema's order (false for a group the report lacks), or nil without table 四.
function T.t4_lists(r)
  local a = r and r.appeals
  if not a then return nil end
  local out = {}
  for k, g in ipairs(require("nianbao").schema.appeals.groups) do
    local x = a[g.key]
    out[k] = x and { x.upheld, x.corrected, x.other, x.pending, x.total } or false
  end
  return out
end

--- A list of cells as a message shows it: "{1,,3}" (a blank as nothing).
function T.show_cells(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = tostring(T.plain(v)) end
  return "{" .. table.concat(out, ",") .. "}"
end

--- Asserts (with ok, a tally's) that table 四 of r holds want: three lists, one per group,
--- { upheld, corrected, other, pending, total }, blanks written "".
function T.check_appeals(ok, r, want, what)
  local lists = T.t4_lists(r)
  if not lists then ok(false, what .. ": table 四 not read") return end
  for k, g in ipairs(require("nianbao").schema.appeals.groups) do
    ok(T.same_cells(lists[k], want[k]), string.format("%s: table 四 %s is %s, want %s", what, g.key,
      T.show_cells(lists[k] or nil), T.show_cells(want[k])))
  end
end

--- The row of table 三 of a report (a data file's table, or a view) for a data-file key
--- ("new", "withheld.state_secret"), or nil.
function T.t3_row(r, key)
  local q = r and r.requests
  if not q then return nil end
  local group, member = key:match("^(.-)%.(.+)$")
  if group then return q[group] and q[group][member] end
  return q[key]
end

--- The first import note with this id (and section, and text in its message, when given).
function T.note(notes, id, section, text)
  for _, n in ipairs(notes) do
    if n.id == id and (not section or n.section == section)
      and (not text or n.message:find(text, 1, true)) then return n end
  end
end

--- A tally for a runner that goes on after a failed check (tests/import, tests/rules,
--- tests/repl, tests/browser): ok() counts and prints a failure with the caller's file:line,
--- finish() prints "N passed, M failed" and returns the exit code.
---   local tally = T.tally(); local ok = tally.ok ... os.exit(tally.finish())
function T.tally(out)
  out = out or io.stdout
  local t = { passed = 0, failed = 0 }
  function t.ok(cond, what, level)
    if cond then
      t.passed = t.passed + 1
    else
      t.failed = t.failed + 1
      local info = debug.getinfo((level or 1) + 1, "Sl")
      out:write(string.format("FAIL %s:%d: %s\n", info and info.short_src or "?", info and info.currentline or 0,
        tostring(what)))
    end
    return cond
  end
  function t.eq(actual, expected, what)
    local r = t.ok(actual == expected, string.format("%s\n  expected: %s\n  actual:   %s", what or "value",
      show(expected), show(actual)), 2)
    return r -- not a tail call: level 2 must be this function's caller
  end
  --- Whether the list got equals want item by item (texts, numbers); a failure shows both.
  function t.same_list(got, want, what)
    local good = #got == #want
    for i = 1, #want do good = good and got[i] == want[i] end
    local function list(l) return "{" .. table.concat(l, " | ") .. "}" end
    local r = t.ok(good, what .. ": " .. list(got) .. ", want " .. list(want), 2)
    return r
  end
  --- Run fn as one named test: an error in it is one failure, with its traceback.
  function t.test(name, fn)
    local ok, err = xpcall(fn, debug.traceback)
    local r = t.ok(ok, name .. "\n" .. tostring(err), 2)
    return r
  end
  function t.finish()
    print(string.format("%d passed, %d failed", t.passed, t.failed))
    return t.failed == 0 and 0 or 1
  end
  return t
end

--- The loaded seed report (the frozen view).
function T.load_seed()
  local nb = require "nianbao"
  return assert(nb.load(T.seed))
end

return T
