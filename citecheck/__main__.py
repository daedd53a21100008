"""``python -m citecheck``: the same as the ``citecheck`` command."""

from __future__ import annotations

import sys

from citecheck.cli import main

sys.exit(main())
