return { appeals = { review = { upheld = "三" } } }
