"""MkDocs plugins of the CIP guide: thin adapters over plain Python (see README.md)."""
