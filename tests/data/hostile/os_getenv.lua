return { agency = os.getenv("NB_HOSTILE_SECRET") }
