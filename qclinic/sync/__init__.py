"""Sync (issue 12): the bundle file for air-gapped sites (:mod:`qclinic.sync.bundle`). No Qt."""
