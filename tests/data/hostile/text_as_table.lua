return { agency = { "延津县商务局" } }
