return "延津县商务局"
