"""``qclinic-server``: set up a data directory, manage accounts, serve the API.

Exit codes as the desktop's: 0 ok, 2 bad input (a message on stderr), 1 an internal error.
Messages come from the catalogue's ``server`` area, in the language of ``--lang zh|en`` (before
or after the command), else of the locale.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qclinic.core.catalogue import say, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.core.text import Text

DEFAULT_PORT = 8470


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qclinic-server", description="The QClinic sync server.")
    parser.add_argument("--lang", choices=LANGS, help="message language (default: the locale)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_data(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--data-dir", required=True, metavar="DIR")
        sub.add_argument("--database-url", metavar="URL", help="default: SQLite in DIR")
        # also after the command; SUPPRESS keeps a --lang given before it
        sub.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="zh or en")
        return sub

    def assignments(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--org", action="append", default=[], metavar="ID")
        sub.add_argument("--chain", action="append", default=[], metavar="ID", help="lead only")
        sub.add_argument("--region", action="append", default=[], metavar="R", help="lead only")

    init = with_data(commands.add_parser("init", help="create the database and the first admin"))
    init.add_argument("--admin", required=True, metavar="NAME")
    init.add_argument("--password-file", required=True, metavar="F")
    init.set_defaults(func=cmd_init)

    serve = with_data(commands.add_parser("serve", help="serve the sync API"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--max-body-bytes",
        type=int,
        default=None,
        metavar="N",
        help="refuse request bodies over N bytes with 413 (default 16 MiB)",
    )
    serve.add_argument(
        "--token-days",
        type=float,
        default=None,
        metavar="DAYS",
        help="a device token unused for DAYS days expires (default 90; each use renews it)",
    )
    serve.set_defaults(func=cmd_serve)

    users = commands.add_parser("users", help="accounts").add_subparsers(
        dest="users_command", required=True, metavar="ACTION"
    )
    add = with_data(users.add_parser("add", help="add a user"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("admin", "lead", "consultant", "company"))
    assignments(add)
    add.add_argument("--password-file", required=True, metavar="F")
    add.set_defaults(func=cmd_users_add)
    assign = with_data(
        users.add_parser("assign", help="give a user organizations, chains, regions")
    )
    assign.add_argument("name")
    assignments(assign)
    assign.set_defaults(func=cmd_users_assign, undo=False)
    unassign = with_data(users.add_parser("unassign", help="take assignments from a user"))
    unassign.add_argument("name")
    assignments(unassign)
    unassign.set_defaults(func=cmd_users_assign, undo=True)
    listing = with_data(users.add_parser("list", help="list users"))
    listing.set_defaults(func=cmd_users_list)
    disable = with_data(users.add_parser("disable", help="disable a user"))
    disable.add_argument("name")
    disable.set_defaults(func=cmd_users_disable)

    tokens = commands.add_parser("tokens", help="device tokens").add_subparsers(
        dest="tokens_command", required=True, metavar="ACTION"
    )
    revoke = with_data(tokens.add_parser("revoke", help="revoke every device token of a user"))
    revoke.add_argument("name")
    revoke.set_defaults(func=cmd_tokens_revoke)

    bundle = with_data(
        commands.add_parser(
            "import-bundle",
            help="apply a .qcbundle's changes through the push path (docs/BUNDLE.md)",
        )
    )
    bundle.add_argument("file", metavar="F.qcbundle")
    bundle.add_argument(
        "--as", dest="as_user", metavar="USER", help="apply as this user (default: the first admin)"
    )
    bundle.add_argument("--trust", action="append", metavar="KEY", help="a trusted device key")
    bundle.set_defaults(func=cmd_import_bundle)

    audit = commands.add_parser("audit", help="the change log").add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    check = with_data(audit.add_parser("verify", help="check the change log's hash chain"))
    check.set_defaults(func=cmd_audit_verify)
    return parser


LANGS = ("zh", "en")


class Refused(Exception):
    """Bad input: printed as ``error: …``, exit 2; *message* from the catalogue."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.text = message


def language(requested: str | None) -> str:
    """*requested* (``--lang``), else the locale's: Chinese for a ``zh`` locale, else English."""
    if requested:
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _say(args: argparse.Namespace, key: str, **fields: Any) -> str:
    return say(f"server.{key}", language(args.lang), **fields)


def _refused(key: str, **fields: Any) -> Refused:
    from qclinic.core.catalogue import text

    return Refused(text(f"server.{key}", **fields))


def _engine(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    from qclinic.server import db

    data_dir = Path(args.data_dir).expanduser()
    if create:
        data_dir.mkdir(parents=True, exist_ok=True)
    elif not data_dir.is_dir():
        raise _refused("no_dir", path=data_dir)
    engine = db.make_engine(db.database_url(data_dir, args.database_url))
    if not create and not db.is_initialised(engine):
        raise _refused("not_server_dir", path=data_dir)
    db.upgrade(engine)  # a newer release's migrations, if any
    return engine


def _password(path: str) -> str:
    try:
        password = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise _refused("password_unreadable", path=path, problem=error.strerror) from None
    if not password:
        raise _refused("password_empty", path=path)
    return password


def _in_transaction(args: argparse.Namespace, work, *, create: bool = False):  # type: ignore[no-untyped-def]
    from qclinic.server.accounts import AccountError
    from qclinic.server.db import sessions

    engine = _engine(args, create=create)
    try:
        with sessions(engine)() as session, session.begin():
            return work(session)
    except AccountError as error:
        raise Refused(error.text) from None
    finally:
        engine.dispose()


def cmd_init(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import add_user

    password = _password(args.password_file)
    _in_transaction(args, lambda s: add_user(s, args.admin, "admin", password, []), create=True)
    print(_say(args, "initialised", path=args.data_dir, admin=args.admin))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qclinic.server.app import DEFAULT_TOKEN_DAYS, create_app
    from qclinic.server.db import sessions
    from qclinic.server.limits import DEFAULT_MAX_BODY

    max_body = DEFAULT_MAX_BODY if args.max_body_bytes is None else args.max_body_bytes
    token_days = DEFAULT_TOKEN_DAYS if args.token_days is None else args.token_days
    if max_body < 2 * 1024 * 1024 or token_days <= 0:
        raise Refused(text("sync.fault_server_options"))
    engine = _engine(args)
    app = create_app(
        sessions(engine),
        blobs_dir=Path(args.data_dir).expanduser() / "blobs",
        max_body=max_body,
        token_days=token_days,
    )
    print(_say(args, "listening", host=args.host, port=args.port), file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import add_user

    password = _password(args.password_file)
    _in_transaction(
        args,
        lambda s: add_user(
            s, args.name, args.role, password, args.org, chains=args.chain, regions=args.region
        ),
    )
    print(_say(args, "added", user=args.name, role=args.role))
    return 0


def cmd_users_assign(args: argparse.Namespace) -> int:
    """``users assign`` and ``users unassign`` (``args.undo``)."""
    from qclinic.server.accounts import assign, unassign

    if not (args.org or args.chain or args.region):
        raise _refused("nothing_to_assign")
    change = unassign if args.undo else assign
    _in_transaction(args, lambda s: change(s, args.name, args.org, args.chain, args.region))
    what = " ".join(
        [f"--org {i}" for i in args.org]
        + [f"--chain {i}" for i in args.chain]
        + [f"--region {r}" for r in args.region]
    )
    print(_say(args, "unassigned" if args.undo else "assigned", user=args.name, what=what))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    """One line per user: name, role, state, then their organizations, chains and regions."""
    from sqlalchemy import select

    from qclinic.server.accounts import assignments
    from qclinic.server.models import User

    def listing(session: Session) -> None:
        print(_say(args, "list_header"))
        for user in session.scalars(select(User).order_by(User.name)):
            held = assignments(session, user)
            state = _say(args, "state_disabled" if user.disabled else "state_active")
            lists = (held.organizations, held.chains, held.regions)
            print("\t".join([user.name, user.role, state, *map(",".join, lists)]))

    _in_transaction(args, listing)
    return 0


def cmd_users_disable(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import find_user, revoke_tokens

    def disable(session):  # type: ignore[no-untyped-def]
        find_user(session, args.name).disabled = True
        revoke_tokens(session, args.name)

    _in_transaction(args, disable)
    print(_say(args, "disabled", user=args.name))
    return 0


def cmd_tokens_revoke(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import revoke_tokens

    count = _in_transaction(args, lambda s: revoke_tokens(s, args.name))
    print(_say(args, "revoked", count=count, user=args.name))
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from qclinic.core.catalogue import text
    from qclinic.server.audit import verify
    from qclinic.server.blobs import ServerBlobs, lacking

    blobs = ServerBlobs(Path(args.data_dir).expanduser() / "blobs")
    problems = _in_transaction(args, verify)
    lang = language(args.lang)
    problems += [text("server.blob_damaged", sha256=sha256) for sha256 in blobs.verify_all()]
    for problem in problems:
        print(problem.get(lang), file=sys.stderr)
    count = len(problems)
    print(_say(args, "log_problems", count=count) if count else _say(args, "log_intact"))
    waiting = _in_transaction(args, lambda session: lacking(session, blobs))
    if waiting:  # not a fault: a laptop has not uploaded them (yet)
        print(_say(args, "blobs_waiting", count=len(waiting)))
    return 0 if not problems else 2


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from qclinic.core.catalogue import text
    from qclinic.errors import UserError
    from qclinic.server.accounts import AccountError, Caller, find_user
    from qclinic.server.blobs import BLOB_FIELDS, ServerBlobs, grant
    from qclinic.server.db import sessions
    from qclinic.server.models import User
    from qclinic.server.push import Forbidden, apply_push
    from qclinic.sync.bundle import read_bundle

    try:
        bundle = read_bundle(Path(args.file), args.trust)
    except UserError as error:
        raise Refused(error.text or _plain(error)) from None

    def apply(session: Session) -> list[dict[str, Any]]:
        if args.as_user:
            user = find_user(session, args.as_user)
        else:
            first_admin = select(User).where(User.role == "admin").order_by(User.id).limit(1)
            user = session.scalars(first_admin).one()
        if user.disabled:
            raise _refused("user_disabled", user=user.name)
        caller = Caller(user.id, user.name, user.role, f"bundle {bundle.manifest.device_id}")
        changes = list(bundle.changes())  # re-hashed as read: a file changed since the check raises
        if any(change["organization_id"] is None for change in changes):
            raise _refused("bundle_no_org", path=args.file)
        blobs = ServerBlobs(Path(args.data_dir).expanduser() / "blobs")
        bundle.copy_blobs_into(blobs.store)  # the bytes first, hash checked as copied
        granted = set(bundle.blob_names())
        for change in changes:  # the bundle holds the bytes: possession proved for its records
            sha256 = (change.get("fields") or {}).get(BLOB_FIELDS.get(change["entity"], ""))
            if sha256 in granted and change["organization_id"] is not None:
                grant(session, caller, sha256, change["organization_id"])
        try:
            return apply_push(session, caller, changes)
        except Forbidden as error:
            problem = text("server.no_access", organization=error.organization_id)
            raise _refused(
                "bundle_forbidden", path=args.file, problem=problem, user=user.name
            ) from None

    engine = _engine(args)
    try:
        with bundle, sessions(engine)() as session:  # apply_push commits, or nothing is written
            results = apply(session)
    except UserError as error:
        raise Refused(error.text or _plain(error)) from None
    except AccountError as error:
        raise Refused(error.text) from None
    finally:
        engine.dispose()
    counts: dict[str, int] = {}
    for result in results:
        counts[result["outcome"]] = counts.get(result["outcome"], 0) + 1
    shown = ", ".join(f"{outcome} {count}" for outcome, count in sorted(counts.items()))
    imported = _say(args, "imported", path=args.file, count=len(results))
    print(imported + (f" ({shown})" if shown else ""))
    return 0


def _plain(error: Exception) -> Text:
    from qclinic.core.text import Text

    return Text(str(error), str(error))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Refused as error:
        message = error.text.get(language(args.lang))
        print(say("common.error", language(args.lang), message=message), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
