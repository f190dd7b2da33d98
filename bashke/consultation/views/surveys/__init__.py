"""Survey pages: building (``build``), answering (``answer``), results (``results``) and
exports (``export``)."""
