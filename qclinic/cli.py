"""The command line: global options, the sub-commands, and how errors reach the user.

``qclinic`` alone starts the desktop app; ``qclinic COMMAND …`` runs a headless command. Exit codes:
0 ok, 2 bad input (a located message on stderr), 1 an internal error (a short message on stderr and
the traceback in the log file, never a raw traceback on the terminal).

Messages follow ``--lang zh|en``, given before the command or as a command's own ``--lang``
(``report --lang en``); without it, the locale decides: Chinese when the first of ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set starts with ``zh``, English otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from qclinic import paths, version
from qclinic.errors import UserError, medium_error

log = logging.getLogger(__name__)

#: Modules in :mod:`qclinic.commands` whose ``register(subparsers)`` adds sub-commands
#: (``report`` registers both ``report`` and ``export``).
COMMAND_MODULES = (
    "checklists",
    "score",
    "demo",
    "spc",
    "report",
    "sync",
    "bundle",
    "listing",
    "portfolio",
    "referrals",
    "outcomes",
)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser; without commands it knows only the global options (the app's fast path)."""
    parser = argparse.ArgumentParser(
        prog="qclinic",
        add_help=with_commands,
        description="QClinic (质量门诊): quality-clinic assessments, SPC/MSA and reports, offline.",
    )
    if with_commands:
        parser.add_argument("--version", action="version", version=f"qclinic {version()}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep the database and attachments in DIR (also ${paths.ENV_DATA_DIR}); "
        "default: the platform's user data directory",
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help="start the app, wait until its first screen is painted with data, then exit 0",
    )
    parser.add_argument(
        "--quit-after",
        metavar="SECONDS",
        type=float,
        help="start the app, let it run SECONDS after its first screen (background work included), "
        "then quit as a user would (smoke and soak tests)",
    )
    parser.add_argument(
        "--lang",
        choices=["zh", "en"],
        help="the language of the app, of error messages and of commands' output "
        "(default: the locale's — zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en)",
    )
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(f"qclinic.commands.{name}").register(subparsers)
    return parser


def run(argv: Sequence[str]) -> int:
    argv = list(argv)
    # Starting the app must not pay for importing every command (numpy, YAML, ...): parse the
    # global options alone first, and build the full parser only when a command is given.
    args, rest = build_parser(with_commands=False).parse_known_args(argv)
    requested: str | None = args.lang  # the last --lang given, before the command or in it
    if rest:
        args = build_parser().parse_args(argv)
        if requested is not None and hasattr(args, "lang"):
            args.lang = requested  # the global --lang is every command's default
    lang = message_language(requested)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    try:
        if args.data_dir and Path(args.data_dir).expanduser().exists():
            # a wrong --data-dir is wrong for every command, also one that would not use it
            paths.data_dir()
        if handler is None:
            from qclinic.app import start  # the desktop app; heavy imports stay inside

            return start(args)
        return handler(args)
    except UserError as exc:
        _print_error(exc, lang)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        friendly = medium_error(exc)
        if friendly is None:
            return _report_bug()
        _print_error(friendly, lang)
        return friendly.exit_code
    except Exception:
        return _report_bug()


def message_language(requested: str | None) -> str:
    """The language of messages: *requested* (``--lang``), else the locale's (see the module)."""
    if requested:
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _print_error(error: UserError, lang: str) -> None:
    from qclinic.core.catalogue import say

    print(say("common.error", lang, message=error.message(lang)), file=sys.stderr)


def _report_bug() -> int:
    """Log the current exception and tell the user, in one line, where the details are."""
    log_file = _log_bug()
    print(
        "internal error: this is a bug in QClinic, not something you did. "
        f"The details are in {log_file}.",
        file=sys.stderr,
    )
    return 1


def _log_bug() -> str:
    """Write the current exception's traceback to the log file and say where it went.

    When the log cannot be written (a full or read-only medium, a data folder that is a file),
    the terminal still gets no traceback: one line naming the error and why it was not logged.
    """
    import traceback

    bug = sys.exc_info()[1]
    try:
        log_file = paths.logs_dir() / "qclinic.log"
        with log_file.open("a", encoding="utf-8") as stream:
            stream.write(f"--- qclinic {version()}: {' '.join(sys.argv)}\n")
            traceback.print_exc(file=stream)
        return str(log_file)
    except (OSError, UserError) as log_error:
        summary = "".join(traceback.format_exception_only(bug)).strip() if bug else "unknown"
        return f"this line only ({summary}); the log could not be written: {log_error}"
