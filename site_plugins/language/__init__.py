"""The ``cip-language`` plugin: official terms, per-language links, each language's typography."""
