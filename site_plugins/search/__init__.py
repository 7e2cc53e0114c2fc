"""The ``cip-search`` plugin: each page searches its own language, accents ignored."""
