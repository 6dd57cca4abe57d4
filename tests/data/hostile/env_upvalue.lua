_ENV = nil return { agency = x }
