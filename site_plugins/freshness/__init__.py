"""The ``cip-freshness`` plugin: the build warns (never fails) when a figure's sources were last
checked more than 90 days ago (issue 17)."""
