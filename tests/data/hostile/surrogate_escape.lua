return { agency = "\u{D800}" }
