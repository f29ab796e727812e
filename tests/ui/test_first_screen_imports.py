"""The organization list is on screen before SQLAlchemy (or Alembic) is imported.

Run in a fresh process: the window is painted, the database opened at head and the list loaded
through the services, with the detail's background import held back; only then may SQLAlchemy
arrive (with the detail panel).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
import qclinic.ui.pages.organizations as page_module

page_module.run_task = lambda *args, **kwargs: None  # hold back the detail's background import
from qclinic.storage.library import install_builtin_library
from qclinic.storage.startup import open_database
from qclinic.ui.main_window import MainWindow
from qclinic.ui.signals import AppSignals

def heavy():
    return sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic"})

window = MainWindow(AppSignals(), lang="zh", start_page="organizations")
window.show()
app.processEvents()
assert heavy() == [], f"before the first paint: {heavy()}"
database = open_database()
install_builtin_library(database)
window.attach_database(database)
app.processEvents()
page = window.page("organizations")
assert page.model.rowCount() == 4, page.model.rowCount()  # the demo chain's companies
assert heavy() == [], f"with the organization list: {heavy()}"
print("ok")
"""


def test_the_organization_list_shows_before_sqlalchemy_is_imported(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QCLINIC_DATA_DIR": str(data_dir)}
    subprocess.run(
        [sys.executable, "-m", "qclinic", "demo"], env=env, check=True, capture_output=True
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


HOME_PROBE = """
import sys
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from qclinic.ui import tasks

computed = []
tasks.run_task = lambda fn, **kwargs: computed.append(fn)  # hold back the figures' worker
from qclinic.storage.library import install_builtin_library
from qclinic.storage.startup import open_database
from qclinic.ui.main_window import MainWindow
from qclinic.ui.signals import AppSignals

HEAVY = {"sqlalchemy", "alembic", "matplotlib", "numpy"}

def heavy():
    return sorted({m.split(".")[0] for m in sys.modules} & HEAVY)

window = MainWindow(AppSignals(), lang="zh")
window.show()
app.processEvents()
assert heavy() == [], f"before the first paint: {heavy()}"
database = open_database()
install_builtin_library(database)
window.attach_database(database)
app.processEvents()
assert window.stack.currentWidget() is window.page("dashboard")
assert len(computed) == 2, computed  # the figures and the outcome totals wait for workers
assert heavy() == [], f"with the dashboard's frame: {heavy()}"
computed[0](tasks.Progress())  # what the worker does imports them, off the UI thread
assert {"sqlalchemy", "matplotlib"} <= set(heavy()), heavy()
print("ok")
"""


def test_the_dashboard_paints_its_frame_before_sqlalchemy_or_matplotlib(data_dir: Path) -> None:
    """The home page: an empty frame first, its figures (and their imports) on a worker."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QCLINIC_DATA_DIR": str(data_dir)}
    subprocess.run(
        [sys.executable, "-m", "qclinic", "demo"], env=env, check=True, capture_output=True
    )
    done = subprocess.run(
        [sys.executable, "-c", HOME_PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
