"""``python -m qclinic.server``: the same as the ``qclinic-server`` console script."""

from __future__ import annotations

import sys

from qclinic.server.cli import main

if __name__ == "__main__":
    sys.exit(main())
