"""The ``cip-figures`` plugin: ``{{cip ...}}`` figure markers, hand-typed amounts, glossary."""
