return { format = 2019, agency = "某局", year = 2019, proactive_2019 = { ["规章"] = { 1, 2 }, ["其他"] = 3 },
  requests = { new = { 1, 2, 3, 4, 5, 6, 21 }, total = { 0, 0, 0, 0, 0, "/" } },
  appeals = { review = { upheld = 1, total = 1 } }, processing_fees = { notices = 1, notified = 1.5, collected = 0 } }
