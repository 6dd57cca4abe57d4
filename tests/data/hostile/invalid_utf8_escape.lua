return { agency = "\xff\xfe延津" }
