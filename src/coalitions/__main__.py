"""``python -m coalitions``: the same as the ``coalitions`` command."""

from __future__ import annotations

import sys

from coalitions._cli import main

if __name__ == "__main__":
    sys.exit(main())
