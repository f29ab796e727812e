"""Sync fixtures: the real ``qclinic-server`` process on a free loopback port (one per module),
and desktop data folders driven through the real ``qclinic`` command line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.pop("QCLINIC_DATA_DIR", None)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    data_dir: Path
    password_file: Path
    process: subprocess.Popen[bytes]

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``qclinic-server ARGS --data-dir …``."""
        return subprocess.run(
            [sys.executable, "-m", "qclinic.server", *args, "--data-dir", str(self.data_dir)],
            capture_output=True,
            text=True,
            env=environment(),
            timeout=60,
            check=False,
        )

    def add_user(self, name: str, role: str, *orgs: str) -> None:
        org_args = [arg for org in orgs for arg in ("--org", org)]
        done = self.admin(
            "users",
            "add",
            name,
            "--role",
            role,
            *org_args,
            "--password-file",
            str(self.password_file),
        )
        assert done.returncode == 0, done.stderr

    def token(self, user: str) -> str:
        answer = httpx.post(
            f"{self.url}/v1/login", json={"user": user, "password": PASSWORD, "device": "test"}
        )
        assert answer.status_code == 200, answer.text
        return str(answer.json()["token"])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("server")) as started:
        yield started


@contextmanager
def running_server(folder: Path) -> Iterator[Server]:
    """A real ``qclinic-server serve`` on a free loopback port, its data in *folder* (other test
    folders share it through a module-scoped fixture of their own)."""
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    data_dir = folder / "data"
    init = subprocess.run(
        [
            *(sys.executable, "-m", "qclinic.server", "init", "--data-dir", str(data_dir)),
            *("--admin", "root", "--password-file", str(password_file)),
        ],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "qclinic.server", "serve", "--data-dir", str(data_dir)),
            *("--host", "127.0.0.1", "--port", str(port)),
        ],
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/v1/hello", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert process.poll() is None, "the server process died at start-up"
        assert time.monotonic() < deadline, "the server did not answer within 30 s"
        time.sleep(0.1)
    try:
        yield Server(url, data_dir, password_file, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def qclinic(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``qclinic --data-dir DIR --lang en ARGS``."""
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), "--lang", "en", *args],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
        check=False,
    )


def login(server: Server, data_dir: Path, user: str, password_file: Path | None = None) -> None:
    done = qclinic(
        data_dir,
        "sync",
        "login",
        "--server",
        server.url,
        "--user",
        user,
        "--password-file",
        str(password_file or server.password_file),
    )
    assert done.returncode == 0, done.stderr


def sync(data_dir: Path) -> subprocess.CompletedProcess[str]:
    done = qclinic(data_dir, "sync")
    assert done.returncode == 0, done.stderr
    return done
