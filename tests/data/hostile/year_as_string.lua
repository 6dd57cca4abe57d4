return { year = "2024" }
