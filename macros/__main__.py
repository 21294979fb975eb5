"""``python -m macros validate`` runs the editors' command line."""

from macros.cli import main

raise SystemExit(main())
