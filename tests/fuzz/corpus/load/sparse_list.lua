return { overview = { [1] = { text = "a" }, [3] = { text = "c" } } }
