"""``python -m kit`` runs the ``medialit`` command."""

from kit.cli import main

raise SystemExit(main())
