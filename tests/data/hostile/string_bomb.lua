local s = "xxxxxxxx" while true do s = s .. s end return { agency = s }
