return { agency = "\u{7FFFFFFF}" }
