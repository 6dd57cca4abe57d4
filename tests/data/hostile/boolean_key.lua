return { [true] = 1 }
