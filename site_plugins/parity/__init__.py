"""The ``cip-parity`` plugin: every page in every language, with the same structure."""
