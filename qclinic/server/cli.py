"""``qclinic-server``: set up a data directory, manage accounts, serve the API.

Exit codes as the desktop's: 0 ok, 2 bad input (a message on stderr), 1 an internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_PORT = 8470


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qclinic-server", description="The QClinic sync server.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_data(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--data-dir", required=True, metavar="DIR")
        sub.add_argument("--database-url", metavar="URL", help="default: SQLite in DIR")
        return sub

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
    add.add_argument("--org", action="append", default=[], metavar="ID")
    add.add_argument("--password-file", required=True, metavar="F")
    add.set_defaults(func=cmd_users_add)
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


class Refused(Exception):
    """Bad input: printed as ``error: …``, exit 2."""


def _engine(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    from qclinic.server import db

    data_dir = Path(args.data_dir).expanduser()
    if create:
        data_dir.mkdir(parents=True, exist_ok=True)
    elif not data_dir.is_dir():
        raise Refused(f"{data_dir}: no such directory (run qclinic-server init first)")
    engine = db.make_engine(db.database_url(data_dir, args.database_url))
    if not create and not db.is_initialised(engine):
        raise Refused(f"{data_dir}: not a QClinic server directory (run qclinic-server init)")
    db.upgrade(engine)  # a newer release's migrations, if any
    return engine


def _password(path: str) -> str:
    try:
        password = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise Refused(f"{path}: {error.strerror}") from None
    if not password:
        raise Refused(f"{path}: the password file is empty")
    return password


def _in_transaction(args: argparse.Namespace, work, *, create: bool = False):  # type: ignore[no-untyped-def]
    from qclinic.server.accounts import AccountError
    from qclinic.server.db import sessions

    engine = _engine(args, create=create)
    try:
        with sessions(engine)() as session, session.begin():
            return work(session)
    except AccountError as error:
        raise Refused(str(error)) from None
    finally:
        engine.dispose()


def cmd_init(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import add_user

    password = _password(args.password_file)
    _in_transaction(args, lambda s: add_user(s, args.admin, "admin", password, []), create=True)
    print(f"initialised {args.data_dir}; admin {args.admin}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qclinic.server.app import DEFAULT_TOKEN_DAYS, create_app
    from qclinic.server.db import sessions
    from qclinic.server.limits import DEFAULT_MAX_BODY

    max_body = DEFAULT_MAX_BODY if args.max_body_bytes is None else args.max_body_bytes
    token_days = DEFAULT_TOKEN_DAYS if args.token_days is None else args.token_days
    if max_body < 1024 or token_days <= 0:
        raise Refused("--max-body-bytes needs at least 1024 and --token-days more than 0")
    engine = _engine(args)
    app = create_app(sessions(engine), max_body=max_body, token_days=token_days)
    print(f"qclinic-server listening on http://{args.host}:{args.port}", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import add_user

    password = _password(args.password_file)
    _in_transaction(args, lambda s: add_user(s, args.name, args.role, password, args.org))
    print(f"added {args.name} ({args.role})")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from qclinic.server.models import User, UserOrganization

    def listing(session):  # type: ignore[no-untyped-def]
        for user in session.scalars(select(User).order_by(User.name)):
            orgs = session.scalars(
                select(UserOrganization.organization_id).where(UserOrganization.user_id == user.id)
            ).all()
            state = "disabled" if user.disabled else "active"
            print(f"{user.name}\t{user.role}\t{state}\t{','.join(orgs)}")

    _in_transaction(args, listing)
    return 0


def cmd_users_disable(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import find_user, revoke_tokens

    def disable(session):  # type: ignore[no-untyped-def]
        find_user(session, args.name).disabled = True
        revoke_tokens(session, args.name)

    _in_transaction(args, disable)
    print(f"disabled {args.name}")
    return 0


def cmd_tokens_revoke(args: argparse.Namespace) -> int:
    from qclinic.server.accounts import revoke_tokens

    count = _in_transaction(args, lambda s: revoke_tokens(s, args.name))
    print(f"revoked {count} token(s) of {args.name}")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from qclinic.server.audit import verify

    problems = _in_transaction(args, verify)
    for problem in problems:
        print(problem, file=sys.stderr)
    print("the change log is intact" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 2


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from qclinic.errors import UserError
    from qclinic.server.accounts import AccountError, Caller, find_user
    from qclinic.server.db import sessions
    from qclinic.server.models import User
    from qclinic.server.push import Forbidden, apply_push
    from qclinic.sync.bundle import read_bundle

    try:
        bundle = read_bundle(Path(args.file), args.trust)
    except UserError as error:
        raise Refused(error.message("en")) from None

    def apply(session: Session) -> list[dict[str, Any]]:
        if args.as_user:
            user = find_user(session, args.as_user)
        else:
            first_admin = select(User).where(User.role == "admin").order_by(User.id).limit(1)
            user = session.scalars(first_admin).one()
        if user.disabled:
            raise Refused(f"user {user.name!r} is disabled")
        caller = Caller(user.id, user.name, user.role, f"bundle {bundle.manifest.device_id}")
        changes = list(bundle.changes())  # re-hashed as read: a file changed since the check raises
        if any(change["organization_id"] is None for change in changes):
            raise Refused(f"{args.file}: a change names no organization")
        try:
            return apply_push(session, caller, changes)
        except Forbidden as error:
            raise Refused(f"{args.file}: {error} (as {user.name})") from None

    engine = _engine(args)
    try:
        with bundle, sessions(engine)() as session:  # apply_push commits, or nothing is written
            results = apply(session)
    except UserError as error:
        raise Refused(error.message("en")) from None
    except AccountError as error:
        raise Refused(str(error)) from None
    finally:
        engine.dispose()
    counts: dict[str, int] = {}
    for result in results:
        counts[result["outcome"]] = counts.get(result["outcome"], 0) + 1
    shown = ", ".join(f"{outcome} {count}" for outcome, count in sorted(counts.items()))
    print(f"imported {args.file}: {len(results)} change(s)" + (f" ({shown})" if shown else ""))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Refused as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
