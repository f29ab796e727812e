"""What sync decides without a server or a network: how concurrent edits of a record merge
(:mod:`qclinic.core.sync.merge`). Pure Python: no Qt, no SQL."""
