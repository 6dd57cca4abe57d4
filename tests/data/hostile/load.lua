return load("return { agency = \"x\" }")()
