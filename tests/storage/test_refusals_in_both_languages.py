"""Storage refusals are catalogue messages: the Chinese interface and ``--lang zh`` read Chinese.

Before, these were English only, so a damaged or newer database reached the Chinese UI in
English. Each check below reads both parts of the same refusal.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from qclinic.errors import DatabaseRefused, UserError, medium_error
from qclinic.storage.database import Database
from qclinic.storage.errors import DatabaseReadOnly
from qclinic.storage.startup import open_database


def test_a_newer_database_is_refused_in_both_languages(tmp_path: Path, head_template: Path) -> None:
    path = tmp_path / "newer.sqlite"
    shutil.copyfile(head_template, path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused) as refused:
        open_database(path)
    zh, en = refused.value.message("zh"), refused.value.message("en")
    assert zh.startswith(
        f"{path}：该文件由更新版本的 QClinic 写入（数据库结构 9999_from_the_future"
    )
    assert zh.endswith("请升级 QClinic 后再打开。QClinic 没有改动该文件。")
    assert en.startswith(f"{path}: it was written by a newer QClinic (schema 9999_from_the_future")
    assert en.endswith("Update QClinic to open it. QClinic left the file untouched.")
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("this is a text file, not a database\n" * 10, encoding="utf-8")
    with pytest.raises(DatabaseRefused) as refused:
        open_database(path)
    assert "这不是 SQLite 数据库文件（文件头不符）" in refused.value.message("zh")
    assert "this is not a SQLite database file (wrong header)" in refused.value.message("en")


def test_the_read_only_refusal_in_both_languages(tmp_path: Path, head_template: Path) -> None:
    path = tmp_path / "ro.sqlite"
    shutil.copyfile(head_template, path)
    database = Database(path, read_only=True)
    with pytest.raises(DatabaseReadOnly) as refused, database.session():
        pass
    assert "数据库位于只读的磁盘或文件夹上" in refused.value.message("zh")
    assert "the database is on a read-only disk or folder" in refused.value.message("en")
    assert "read-only disk" not in refused.value.message("zh")  # one language, not both


@pytest.mark.parametrize(
    ("number", "zh", "en"),
    [
        (errno.ENOSPC, "磁盘已满。请腾出一些空间后重试。", "the disk is full. Free some space"),
        (errno.EROFS, "磁盘或 U 盘为只读", "the disk or USB stick is read-only"),
        (errno.EACCES, "权限不足", "permission denied"),
    ],
)
def test_a_medium_error_names_its_file_in_both_languages(number: int, zh: str, en: str) -> None:
    friendly = medium_error(OSError(number, "os words", "/media/usb/qclinic.sqlite"))
    assert isinstance(friendly, UserError)
    assert friendly.message("zh").startswith(
        "/media/usb/qclinic.sqlite："
    ) and zh in friendly.message("zh")
    assert friendly.message("en").startswith(
        "/media/usb/qclinic.sqlite: "
    ) and en in friendly.message("en")


def test_a_medium_error_without_a_file_says_so_in_both_languages() -> None:
    friendly = medium_error(OSError(errno.ENOSPC, "No space left on device"))
    assert friendly is not None
    assert friendly.message("zh").startswith("（未知文件）：磁盘已满")
    assert friendly.message("en").startswith("(unknown file): the disk is full")
    assert medium_error(OSError(errno.ECONNRESET, "reset")) is None  # not the medium: a bug
