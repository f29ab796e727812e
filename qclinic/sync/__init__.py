"""The desktop's sync client (no Qt): credentials, the HTTP transport, push-then-pull, and the
bundle file for air-gapped sites (:mod:`qclinic.sync.bundle`).

The local database side is :class:`qclinic.services.sync.SyncService`; the protocol is
``docs/SYNC.md``, the bundle format ``docs/BUNDLE.md``.
"""
