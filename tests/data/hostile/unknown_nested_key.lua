return { requests = { withheld = { state_secrt = { 0, 0, 0, 0, 0, 0 } } } }
