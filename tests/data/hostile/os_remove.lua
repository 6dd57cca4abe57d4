os.remove("keep.txt") return {}
