"""``qclinic-server`` administration in process: init, accounts, tokens, audit; its own
migrations beside (even inside) a desktop database."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from qclinic.server import accounts, db
from qclinic.server.accounts import AccountError
from qclinic.server.cli import main
from qclinic.server.models import ServerBase, Token, User
from tests.server.conftest import PASSWORD


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    srv, pw = str(tmp_path / "srv"), str(tmp_path / "pw")
    assert main(["init", "--data-dir", srv, "--admin", "root", "--password-file", pw]) == 0
    return tmp_path


def _users(folder: Path) -> dict[str, tuple[str, bool]]:
    engine = db.make_engine(db.database_url(folder / "srv"))
    with db.sessions(engine)() as session:
        found = {u.name: (u.role, u.disabled) for u in session.scalars(select(User))}
    engine.dispose()
    return found


def test_init_adds_users_lists_and_disables_them(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(folder / "srv")]
    password = ["--password-file", str(folder / "pw")]

    assert main(["users", "add", "wang", "--role", "consultant", *password, *data]) == 0
    assert (
        main(["users", "add", "cqo", "--role", "company", "--org", "ORG-1", *password, *data]) == 0
    )
    capsys.readouterr()
    assert main(["--lang", "en", "users", "list", *data]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert main(["users", "disable", "wang", *data]) == 0

    assert listed == [
        "user\trole\tstate\torganizations\tchains\tregions",
        "cqo\tcompany\tactive\tORG-1\t\t",
        "root\tadmin\tactive\t\t\t",
        "wang\tconsultant\tactive\t\t\t",
    ]
    assert _users(folder) == {
        "root": ("admin", False),
        "wang": ("consultant", True),
        "cqo": ("company", False),
    }


def test_bad_input_exits_2_with_a_message(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(folder / "srv")]
    (folder / "short").write_text("short", encoding="utf-8")

    weak = main(
        [
            "users",
            "add",
            "x",
            "--role",
            "consultant",
            "--password-file",
            str(folder / "short"),
            *data,
        ]
    )
    weak_err = capsys.readouterr().err
    company = main(
        ["users", "add", "y", "--role", "company", "--password-file", str(folder / "pw"), *data]
    )
    company_err = capsys.readouterr().err
    nowhere = main(["users", "list", "--data-dir", str(folder / "missing")])
    nowhere_err = capsys.readouterr().err

    assert (weak, company, nowhere) == (2, 2, 2)
    assert "at least 8 characters" in weak_err
    assert "exactly one --org" in company_err
    assert "no such directory" in nowhere_err
    assert set(_users(folder)) == {"root"}


def test_revoking_refuses_every_token_of_the_user(folder: Path) -> None:
    engine = db.make_engine(db.database_url(folder / "srv"))
    factory = db.sessions(engine)
    with factory() as session, session.begin():
        first = accounts.login(session, "root", PASSWORD, "laptop")
        second = accounts.login(session, "root", PASSWORD, "desktop")

    assert main(["tokens", "revoke", "root", "--data-dir", str(folder / "srv")]) == 0

    with factory() as session:
        for token in (first, second):
            with pytest.raises(AccountError) as refused:
                accounts.caller_for(session, token)
            assert refused.value.code == "bad_token"
        # tokens are kept only as their hash
        stored = set(session.scalars(select(Token.token_hash)))
    assert first not in stored and accounts.token_hash(first) in stored
    engine.dispose()


def test_the_audit_of_a_fresh_log_passes(folder: Path) -> None:
    assert main(["audit", "verify", "--data-dir", str(folder / "srv")]) == 0


def test_the_servers_migrations_match_its_models(server_database_url: str) -> None:
    """On SQLite and on PostgreSQL: upgrade to head, then nothing differs from the models."""
    engine = db.make_engine(server_database_url)
    db.upgrade(engine)
    options = {
        "include_name": lambda name, kind, _parent: kind != "table" or name != db.VERSION_TABLE
    }
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts=options)
        differences = compare_metadata(context, ServerBase.metadata)
    engine.dispose()
    assert differences == []


def test_the_servers_tables_and_versions_leave_a_desktop_schema_alone(tmp_path: Path) -> None:
    from qclinic.storage.schema import HEAD_REVISION
    from qclinic.storage.startup import open_database

    desktop = open_database(tmp_path / "shared.sqlite", attachments_dir=tmp_path / "att")
    desktop.dispose()
    engine = db.make_engine(f"sqlite:///{tmp_path / 'shared.sqlite'}")

    db.upgrade(engine)

    tables = set(inspect(engine).get_table_names())
    assert {"alembic_version", db.VERSION_TABLE, "organization", "server_record"} <= tables
    with engine.connect() as connection:
        desktop_version = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
        server_version = connection.exec_driver_sql(f"SELECT version_num FROM {db.VERSION_TABLE}")
        assert (desktop_version.scalar(), server_version.scalar()) == (HEAD_REVISION, "s0004")
    engine.dispose()
