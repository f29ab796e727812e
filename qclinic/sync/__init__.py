"""The desktop's sync client: credentials, the HTTP transport, push-then-pull (no Qt).

The local database side is :class:`qclinic.services.sync.SyncService`; the protocol is
``docs/SYNC.md``.
"""
