"""A throwaway PostgreSQL cluster for the server's tests (and ``benchmarks/bench_sync.py``).

``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the ``postgres`` OS user
(``runuser``), in a temporary folder that user owns. The cluster listens on 127.0.0.1 and on a
unix socket inside that folder, trusts local connections and skips fsync (test data only); it is
stopped with ``pg_ctl stop -m immediate`` and its folder removed.

``.ci/run`` starts one cluster for the whole run and exports ``QCLINIC_TEST_POSTGRES_URL``; a
developer's plain ``python -m pytest`` finds ``pg_ctl`` and starts one per session here.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

ENV_URL = "QCLINIC_TEST_POSTGRES_URL"
_TIMEOUT_S = 60


def find_pg_ctl() -> Path | None:
    """``pg_ctl`` on PATH, or in Debian's ``/usr/lib/postgresql/VERSION/bin`` (newest first)."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found)
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]) if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running throwaway cluster; :attr:`url` names its ``postgres`` database."""

    folder: Path
    bin_dir: Path
    port: int
    as_postgres: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_postgres,
                *(str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data")),
                *("-m", "immediate", "-w", "-t", str(_TIMEOUT_S), "stop"),
            ],
            capture_output=True,
            timeout=_TIMEOUT_S + 10,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(pg_ctl: Path, *, durable: bool = False) -> Cluster:
    """initdb and start a cluster in a new temporary folder; raises RuntimeError with the log.

    Not *durable* (the tests): fsync, synchronous commit and full-page writes off. *durable*
    (the benchmark): PostgreSQL's defaults, every commit flushed to disk."""
    bin_dir = pg_ctl.parent
    folder = Path(tempfile.mkdtemp(prefix="qclinic-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        try:
            shutil.chown(folder, user="postgres", group="postgres")
        except LookupError:
            shutil.rmtree(folder, ignore_errors=True)
            raise RuntimeError(
                "initdb refuses root and there is no postgres OS user to run it as: add one"
                f" (useradd --system --user-group postgres) or set {ENV_URL}"
            ) from None
        as_postgres = ["runuser", "-u", "postgres", "--"]
    os.chmod(folder, 0o755)
    port = _free_port()
    settings = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    steps = [
        [
            *(str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", "postgres"),
            *("-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"),
        ],
        [
            *(str(pg_ctl), "-D", str(folder / "data"), "-o", settings),
            *("-l", str(folder / "log"), "-w", "-t", str(_TIMEOUT_S), "start"),
        ],
    ]
    cluster = Cluster(folder, bin_dir, port, as_postgres)
    for step in steps:
        done = subprocess.run(
            [*as_postgres, *step],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S + 10,
            check=False,
        )
        if done.returncode != 0:
            log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
            cluster.stop()
            raise RuntimeError(f"{' '.join(step[:1])} failed: {done.stderr}{done.stdout}{log}")
    return cluster


def fresh_database(admin_url: str, prefix: str = "qct") -> str:
    """CREATE a database with a unique name on *admin_url*'s server; the URL that names it."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
    finally:
        engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """DROP the database *url* names (closing any session still on it)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        engine.dispose()
