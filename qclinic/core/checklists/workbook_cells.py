"""Reading one workbook cell as a person meant it (see :mod:`.workbook_layout` for the kinds)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import yaml

from qclinic.core.catalogue import text as say
from qclinic.core.checklists.schema import QUESTION_TYPES
from qclinic.core.text import Text

_TRUE = {"true", "yes", "y", "1", "x", "✓", "√", "是", "对"}
_FALSE = {"false", "no", "n", "0", "否", "不", "错"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "、": ","})


class CellProblem(Exception):
    """A cell that cannot be read; its message says why."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def ascii_form(value: str) -> str:
    """Full-width letters, digits and punctuation (，：（）；) read as ASCII; Chinese quotes too."""
    return unicodedata.normalize("NFKC", value).translate(_QUOTES).strip()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        raise CellProblem(say("workbook.a_date", value=value))
    return str(value)


def read(kind: str, value: Any) -> Any:
    """The cell *value* read as *kind*; ``None`` for a blank cell.

    Raises:
        CellProblem: The cell holds something that is not a *kind*.
    """
    if is_blank(value):
        return None
    if kind in ("str", "pair"):
        return _as_text(value).strip()
    if kind in ("id", "ref"):
        return ascii_form(_as_text(value))
    if kind == "enum":
        return ascii_form(_as_text(value)).lower()
    if kind == "number":
        return number(value)
    if kind == "int":
        whole = number(value)
        if isinstance(whole, float):
            raise CellProblem(say("workbook.not_an_integer", value=value))
        return whole
    if kind == "bool":
        return boolean(value)
    if kind == "value":
        return value.strip() if isinstance(value, str) else value
    if kind == "fraction":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        written = ascii_form(_as_text(value)).replace(" ", "")
        if "/" in written:
            return written
        return number(written)
    if kind == "list":
        written = ascii_form(_as_text(value)).replace(";", ",")
        return [part.strip() for part in written.split(",") if part.strip()]
    if kind == "yaml":
        return expression(_as_text(value))
    raise ValueError(kind)  # pragma: no cover - a layout bug


def number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise CellProblem(say("workbook.not_a_number", value=value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    written = ascii_form(_as_text(value)).replace(",", "").replace(" ", "").rstrip("%")
    try:
        return int(written)
    except ValueError:
        pass
    try:
        found = float(written)
    except ValueError:
        raise CellProblem(say("workbook.not_a_number", value=value)) from None
    return found


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    written = ascii_form(_as_text(value)).lower()
    if written in _TRUE:
        return True
    if written in _FALSE:
        return False
    raise CellProblem(say("workbook.not_yes_no", value=value))


def expression(written: str) -> Any:
    """A YAML flow value (a condition, a list of bands), full-width punctuation read as ASCII,
    a colon followed by a space, ``(a, b)`` as the list ``[a, b]``."""
    plain = re.sub(r":(?=[^\s/])", ": ", ascii_form(written))
    plain = plain.replace("(", "[").replace(")", "]")  # a list written (a, b), as people do
    try:
        found = yaml.safe_load(plain)
    except yaml.YAMLError as exc:
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CellProblem(say("workbook.bad_expression", what=what)) from None
    return _answers_as_written(found)


_ANSWER_KEYS = ("equals", "not_equals", "in")


def _answers_as_written(found: Any, answer: bool = False) -> Any:
    """YAML reads a bare ``yes`` / ``no`` as a boolean; compared with an answer, a person means
    the answer ``yes`` / ``no``."""
    if answer and isinstance(found, bool):
        return "yes" if found else "no"
    if isinstance(found, dict):
        return {k: _answers_as_written(v, k in _ANSWER_KEYS) for k, v in found.items()}
    if isinstance(found, list):
        return [_answers_as_written(v, answer) for v in found]
    return found


def question_type(value: str) -> None:
    """Raise for a question type the format does not know."""
    if value not in QUESTION_TYPES:
        raise CellProblem(
            say("workbook.unknown_type", value=value, allowed=", ".join(QUESTION_TYPES))
        )
