"""``python -m site_plugins.csp SITE_DIR``: the policy without MkDocs (see policy.py)."""

from site_plugins.csp.policy import main

raise SystemExit(main())
