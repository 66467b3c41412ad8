"""registry: the incoming and outgoing documents registers (sổ văn bản đến / đi)."""
