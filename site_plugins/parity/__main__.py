"""``python -m site_plugins.parity DOCS_DIR``: the parity check without MkDocs (see check.py)."""

from site_plugins.parity.check import main

raise SystemExit(main())
