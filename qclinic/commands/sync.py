"""``qclinic sync``: sign in to a QClinic server, push and pull, show the state, sign out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sync", help="sync with a QClinic server: push local changes, then pull (docs/SYNC.md)"
    )
    parser.set_defaults(func=cmd_sync)
    _with_lang(parser)
    actions = parser.add_subparsers(dest="sync_command", metavar="ACTION")
    login = actions.add_parser("login", help="sign this device in to a server")
    login.add_argument("--server", required=True, metavar="URL")
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument("--password-file", required=True, metavar="F")
    _with_lang(login)
    login.set_defaults(func=cmd_login)
    status = actions.add_parser("status", help="server, user, last sync, pending changes")
    status.add_argument("--json", action="store_true")
    _with_lang(status)
    status.set_defaults(func=cmd_status)
    logout = actions.add_parser("logout", help="forget this device's token")
    _with_lang(logout)
    logout.set_defaults(func=cmd_logout)


def _with_lang(parser: argparse.ArgumentParser) -> None:
    # the global --lang fills it (qclinic.cli.run); without either, the locale decides
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")


def _lang(args: argparse.Namespace) -> str:
    from qclinic.cli import message_language

    return message_language(getattr(args, "lang", None))


def _services():  # type: ignore[no-untyped-def]
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    return Services(open_database())


def _account(services: Any) -> Any:
    from qclinic import paths
    from qclinic.sync.account import Account

    return Account(services, paths.data_dir())


def _tokens(services: Any) -> Any:
    return _account(services).tokens


def _password(path: str) -> str:
    from qclinic.core.catalogue import text
    from qclinic.errors import UserError

    try:
        password = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise UserError(text("sync.password_file", path=path, problem=error.strerror)) from None
    if not password:
        raise UserError(text("sync.password_empty", path=path))
    return password


def cmd_login(args: argparse.Namespace) -> int:
    from qclinic.core.catalogue import text
    from qclinic.sync.client import Unreachable

    services = _services()
    password = _password(args.password_file)
    account = _account(services)
    try:
        account.sign_in(args.server, args.user, password, source=args)
    except Unreachable:
        return _unreachable(services, args)
    user = account.status().user
    print(text("sync.logged_in", user=user, server=args.server).get(_lang(args)))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from qclinic.core.catalogue import text
    from qclinic.sync.client import Unreachable

    services = _services()
    lang = _lang(args)
    try:
        summary = _account(services).sync(
            lambda line: print(line, file=sys.stderr, flush=True), lang, source=args
        )
    except Unreachable:
        return _unreachable(services, args)
    print(
        text(
            "sync.done",
            pushed=summary.pushed,
            conflicts=summary.conflicts,
            rejected=summary.rejected,
            pulled=summary.pulled,
        ).get(lang)
    )
    if summary.closed_elsewhere:
        print(text("sync.resolved_elsewhere", count=summary.closed_elsewhere).get(lang))
    if summary.resolved_first_elsewhere:
        late = summary.resolved_first_elsewhere
        print(text("sync.resolved_first_elsewhere", count=late).get(lang))
    open_conflicts = services.conflicts.open_count()
    if open_conflicts:
        print(text("sync.conflict_open", count=open_conflicts).get(lang))
    blobs = summary.blobs
    missing = len({a.sha256 for a in services.sync.incomplete_attachments()})
    if blobs.uploaded or blobs.downloaded or missing:
        sent = f"{blobs.bytes_sent / (1 << 20):.1f}"
        print(
            text(
                "sync.blob_done",
                uploaded=blobs.uploaded,
                megabytes=sent,
                downloaded=blobs.downloaded,
                missing=missing,
            ).get(lang)
        )
    return 0


def _unreachable(services: Any, args: argparse.Namespace) -> int:
    from qclinic.core.catalogue import text

    count = services.sync.pending_count()
    print(text("sync.unreachable", count=count).get(_lang(args)), file=sys.stderr)
    return 2


def cmd_status(args: argparse.Namespace) -> int:
    from qclinic.services.sync import (
        CURSOR_PREFIX,
        KEY_LAST_SYNC,
        KEY_REJECTED,
        KEY_SERVER,
        KEY_USER,
    )

    services = _services()
    state = services.sync.state()
    tokens = _tokens(services)
    status = {
        "server": state.get(KEY_SERVER),
        "user": state.get(KEY_USER),
        "signed_in": tokens.load() is not None,
        "token_kept_in": tokens.where,
        "last_sync": state.get(KEY_LAST_SYNC),
        "pending_changes": services.sync.pending_count(),
        # blobs named by records waiting to be pushed (uploaded first, where the server lacks
        # them), and blobs of records here whose bytes have not been downloaded yet
        "pending_blobs": services.sync.pending_blob_count(),
        "missing_blobs": len({a.sha256 for a in services.sync.incomplete_attachments()}),
        "rejected_changes": int(state.get(KEY_REJECTED, "0")),
        "open_conflicts": services.conflicts.open_count(),
        # resolutions made here that the server has not heard of yet (sent at the next sync)
        "pending_resolutions": services.sync.resolutions().pending_count(),
        "organizations": sorted(
            k[len(CURSOR_PREFIX) :] for k in state if k.startswith(CURSOR_PREFIX)
        ),
    }
    if args.json:
        json.dump(status, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for key, value in status.items():
            print(f"{key:<17} {value}")
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from qclinic.core.catalogue import text

    services = _services()
    _account(services).sign_out(source=args)
    print(text("sync.logged_out").get(_lang(args)))
    return 0
