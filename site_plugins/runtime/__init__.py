"""The ``cip-runtime`` plugin: the Pyodide runtime and the core's wheel in the built site."""
