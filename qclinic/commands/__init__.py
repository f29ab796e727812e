"""The headless sub-commands; each module has ``register(subparsers)`` (see :mod:`qclinic.cli`)."""
