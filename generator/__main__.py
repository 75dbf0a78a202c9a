"""`python -m generator`: see generator.cli."""

from .cli import main

raise SystemExit(main())
