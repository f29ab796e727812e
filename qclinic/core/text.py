"""A bilingual string: the one way QClinic holds words outside Qt.

Checklist questions, catalogue messages (:mod:`qclinic.core.catalogue`), errors a user can meet
and report wording are all :class:`Text`; the reader's language picks a part at the last moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Text:
    """A bilingual string."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The part in *lang* ("zh…" → Chinese, anything else → English)."""
        return self.zh if lang.startswith("zh") else self.en

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}

    def format(self, **fields: Any) -> Text:
        """Both parts with ``{name}`` placeholders filled from *fields*.

        A field that is itself a :class:`Text` fills each part with its own part, so a located
        message can name its place (``text("spc.cell", …)``) in the reader's language.
        """
        zh = {k: v.zh if isinstance(v, Text) else v for k, v in fields.items()}
        en = {k: v.en if isinstance(v, Text) else v for k, v in fields.items()}
        return Text(self.zh.format(**zh), self.en.format(**en))

    def both(self) -> str:
        """English first, then Chinese, on separate lines (a log line, a CLI without ``--lang``)."""
        return self.en if self.en == self.zh else f"{self.en}\n{self.zh}"

    def __add__(self, other: Text | str) -> Text:
        if isinstance(other, Text):
            return Text(self.zh + other.zh, self.en + other.en)
        return Text(self.zh + other, self.en + other)
