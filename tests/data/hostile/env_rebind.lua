local _ENV = _G return { agency = os.getenv("NB_HOSTILE_SECRET") }
