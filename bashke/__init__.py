"""Bashkë: co-creating and monitoring OGP action plans."""
