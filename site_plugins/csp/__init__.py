"""The ``cip-csp`` plugin: each page's Content-Security-Policy, from its final HTML."""
