"""The user's medium is the problem, not QClinic: a located message and exit 2, never a traceback.

Read-only and full media are real small tmpfs mounts (the tests need root to mount; they skip with
the reason otherwise). Root ignores chmod, so a read-only bind of the folder is not simulated with
permissions but with a filesystem remounted read-only, as a write-protected USB stick behaves.
"""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from qclinic import cli


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_user_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("error: "), err
    assert "Traceback" not in err and "internal error" not in err
    for word in words:
        assert word in err, err


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs of the test's own (skipped where mounting is not allowed)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the demo, copied onto each test's medium."""
    from qclinic.services.demo import seed
    from qclinic.storage.startup import open_database

    folder = tmp_path_factory.mktemp("demo-data")
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    ids = seed(database)
    database.dispose()
    (folder / "ids.json").write_text(json.dumps(ids))
    return folder


def test_data_dir_pointing_at_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    code, _, err = _run(capsys, "--data-dir", str(a_file), "demo")
    _assert_user_error(code, err, str(a_file), "not a folder")
    code, _, err = _run(capsys, "--data-dir", str(a_file / "below"), "demo")
    _assert_user_error(code, err, str(a_file / "below"), "cannot be created")
    # also for a command that would not touch the data folder (it exited 0 before)
    code, _, err = _run(capsys, "--data-dir", str(a_file), "checklists", "list")
    _assert_user_error(code, err, str(a_file), "not a folder")


@pytest.mark.parametrize(
    "command", [["report", "--demo", "--out"], ["export", "xlsx", "some-id", "--out"]]
)
def test_out_naming_a_folder(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, *command, str(tmp_path))
    _assert_user_error(code, err, f"--out {tmp_path}", "folder")


def test_a_read_only_medium_still_allows_read_only_commands(
    mount_point: Path, demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = mount_point / "qclinic"
    shutil.copytree(demo_folder, data)
    ids = json.loads((data / "ids.json").read_text())
    assessment = ids["completed_assessment"]
    out = tmp_path / "report.pdf"  # issued while the stick was writable (the register is a write)
    code, stdout, err = _run(
        capsys, "--data-dir", str(data), "report", assessment, "--out", str(out)
    )
    assert code == 0 and "pages" in stdout, err
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    before = (data / "qclinic.sqlite").read_bytes()
    code, stdout, err = _run(capsys, "--data-dir", str(data), "report", "verify", str(out))
    assert code == 0 and "MATCH" in stdout, err
    word = tmp_path / "report.docx"  # an editable copy is not registered: it can be made
    code, stdout, err = _run(
        capsys, "--data-dir", str(data), "report", assessment, "--out", str(word)
    )
    assert code == 0 and word.stat().st_size > 0, err
    code, _, err = _run(  # a new PDF must be recorded as issued: refused, saying why
        capsys, "--data-dir", str(data), "report", assessment, "--out", str(tmp_path / "2.pdf")
    )
    _assert_user_error(code, err, "read-only", "recorded as issued")
    code, _, err = _run(capsys, "--data-dir", str(data), "checklists", "list")
    assert code == 0, err
    code, _, err = _run(capsys, "--data-dir", str(data), "demo")  # writes: refused, clearly
    _assert_user_error(code, err, "read-only")
    code, _, err = _run(capsys, "--data-dir", str(mount_point / "new"), "demo")
    _assert_user_error(code, err, str(mount_point / "new"))
    assert (data / "qclinic.sqlite").read_bytes() == before


def test_a_full_medium_is_told_as_full(
    mount_point: Path, demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = mount_point / "qclinic"
    shutil.copytree(demo_folder, data)
    with (
        (mount_point / "filler").open("wb", buffering=0) as stream,  # fill it to the last block
        pytest.raises(OSError) as filled,
    ):
        while True:
            stream.write(b"\0" * 4096)
    assert filled.value.errno == errno.ENOSPC
    code, _, err = _run(capsys, "--data-dir", str(data), "demo")
    _assert_user_error(code, err, "disk is full")


def test_a_bug_when_the_log_cannot_be_written_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qclinic import paths
    from qclinic.commands import checklists

    def bug(_args: object) -> int:
        raise RuntimeError("a bug of ours")

    def full_disk() -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "logs"))

    monkeypatch.setattr(checklists, "cmd_list", bug, raising=False)
    monkeypatch.setattr(paths, "logs_dir", full_disk)
    parser_command = ["checklists", "list"]
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), *parser_command)
    assert code == 1
    assert "Traceback" not in err
    assert err.count("\n") == 1 and "internal error" in err
    assert "RuntimeError: a bug of ours" in err and "log could not be written" in err


def test_medium_os_errors_are_user_errors() -> None:
    from qclinic.errors import medium_error

    for number in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EISDIR):
        friendly = medium_error(OSError(number, "x", "/media/usb/file"))
        assert friendly is not None and str(friendly).startswith("/media/usb/file: ")
    assert medium_error(OSError(errno.EINVAL, "x", "/f")) is None  # not the medium: a bug
