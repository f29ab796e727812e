"""The frozen program's entry point: the same as ``python -m qclinic`` (see installer/qclinic.spec)."""

import sys

from qclinic.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
