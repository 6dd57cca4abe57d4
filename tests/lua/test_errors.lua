-- Errors raised by the Lua half of the module name the caller's file and line (or the script
-- at fault) and say in Chinese what was expected.
local T = ...
local nb = require "nianbao"

local HERE = "test_errors.lua:"

local function message_of(fn)
  local ok, err = pcall(fn)
  T.ok(not ok, "an error was expected")
  return tostring(err)
end

local tests = {}

function tests.numeral_names_the_caller_and_the_value()
  local err = message_of(function() local _ = nb.numeral(-3) end) -- not a tail call: keep the frame
  T.ok(err:find(HERE, 1, true), "the caller's file:line in: " .. err)
  T.ok(err:find("0 至 9999", 1, true) and err:find("-3", 1, true), "what was expected and found: " .. err)
  err = message_of(function() local _ = nb.numeral(1.5) end)
  T.ok(err:find("1.5", 1, true), "a fraction is named: " .. err)
end

function tests.renderer_names_the_caller_and_the_value()
  local err = message_of(function() local _ = nb.renderer("../etc") end)
  T.ok(err:find(HERE, 1, true), "the caller's file:line in: " .. err)
  T.ok(err:find("输出格式名", 1, true) and err:find("../etc", 1, true), "Chinese message with the value: " .. err)
end

function tests.which_says_what_it_could_not_find()
  local cli = require "nianbao.cli"
  local saved = cli.say
  local said
  cli.say = function(fmt, ...) said = string.format(fmt, ...) end
  package.loaded["nianbao.commands.which"] = nil -- load it again so that it takes the stub
  local ok, code = pcall(require("nianbao.commands.which").run, {}, { "render/no-such" })
  cli.say = saved
  package.loaded["nianbao.commands.which"] = nil
  T.ok(ok, tostring(code))
  T.eq(code, 2, "exit code")
  T.ok(said and said:find("nianbao which：", 1, true) and said:find("render/no-such.lua", 1, true),
    "the command and the name in: " .. tostring(said))
end

return tests
