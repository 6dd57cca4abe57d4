return coroutine.wrap(function() return {} end)()
