-- check -j N's children answer in frames (scripts/nianbao/parallel.lua): the parent takes
-- a child's answers only when every frame and the trailer are there, so that a child cut
-- short (a full disk, a kill) or one whose output was shifted leaves its files to the
-- parent instead of printing them wrong.
local T = ...
local par = require "nianbao.parallel"

local tests = {}

local function answers()
  return par.frame(1, "a.lua: 通过\n", 0, 0, "某机关", 2024) .. par.skipped(2)
    .. par.frame(3, "c.lua: 未通过\n多行\n", 2, 1, nil, nil) .. par.trailer(3)
end

function tests.frames_read_back()
  local f = par.parse_answers(answers(), 3)
  T.ok(f, "complete answers are taken")
  T.eq(f[1].output, "a.lua: 通过\n")
  T.eq(f[1].agency, "某机关")
  T.eq(f[1].year, 2024)
  T.eq(f[1].errors, 0)
  T.eq(f[2], false, "a file left to the parent")
  T.eq(f[3].output, "c.lua: 未通过\n多行\n")
  T.eq(f[3].errors, 2)
  T.eq(f[3].warnings, 1)
  T.eq(f[3].agency, nil)
  T.eq(f[3].year, nil)
  -- an agency that is empty is not a missing one
  local e = par.parse_answers(par.frame(1, "x", 0, 0, "", 2020) .. par.trailer(1), 1)
  T.eq(e[1].agency, "")
end

function tests.anything_short_or_shifted_is_refused()
  local full = answers()
  -- cut anywhere: in a frame, between frames, in the trailer
  for cut = 0, #full - 1 do
    T.eq(par.parse_answers(full:sub(1, cut), 3), nil, "cut after " .. cut .. " bytes")
  end
  T.eq(par.parse_answers(full .. "x", 3), nil, "bytes after the trailer")
  T.eq(par.parse_answers(full, 4), nil, "fewer frames than files")
  T.eq(par.parse_answers(full, 2), nil, "more frames than files")
  -- frames out of order, or a stray line where a frame should start
  T.eq(par.parse_answers(par.skipped(2) .. par.skipped(1) .. par.trailer(2), 2), nil, "numbers out of order")
  T.eq(par.parse_answers("-\n" .. par.skipped(1) .. par.trailer(1), 1), nil, "a stray line")
  T.eq(par.parse_answers(par.frame(1, "abc", 0, 0, "x", 2024):gsub(" 3 ", " 9 ", 1) .. par.trailer(1), 1), nil,
    "a length past the end")
end

function tests.job_lists_round_trip()
  local path = os.tmpname()
  local records = { { "a b.lua", nil }, { "目录/c'.lua", "目录/b.lua" }, { "-x\nnewline.lua" } }
  assert(par.write_job(path, "/tmp/answers", records))
  local out, back = par.read_job(path)
  T.eq(out, "/tmp/answers")
  T.eq(#back, 3)
  T.eq(back[1][1], "a b.lua")
  T.eq(back[1][2], nil)
  T.eq(back[2][2], "目录/b.lua")
  T.eq(back[3][1], "-x\nnewline.lua")
  -- not a list: an odd field count, a missing answers file, a last field without its NUL
  for _, bad in ipairs({ "/tmp/x\0a.lua\0", "\0a.lua\0\0", "/tmp/x\0a.lua\0\0b" }) do
    local f = assert(io.open(path, "wb"))
    f:write(bad)
    f:close()
    T.eq((par.read_job(path)), nil, ("%q"):format(bad))
  end
  os.remove(path)
end

return tests
