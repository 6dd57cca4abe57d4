return { agency = string.dump(function() return {} end) }
