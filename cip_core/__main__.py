from cip_core.cli import main

raise SystemExit(main())
