return { agency = "延津县\0商务局" }
