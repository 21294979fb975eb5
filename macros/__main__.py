"""``python -m macros validate`` runs the editors' command line."""

from macros.tools.cli import main

raise SystemExit(main())
