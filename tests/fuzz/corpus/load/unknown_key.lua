return { format = 2021, agnecy = "延津县商务局", year = 2024 }
