"""The organization search key: what the searchable organization list matches typed text against."""

from __future__ import annotations


def organization_search_key(name: str, uscc: str | None, region: str | None) -> str:
    """Casefolded name, credit code and region joined by spaces, for substring search.

    Args:
        name: The organization's name.
        uscc: Its unified social credit code, if known.
        region: Its region, if known.

    Returns:
        The key stored in ``organization.search_key``.
    """
    parts = (name, uscc or "", region or "")
    return " ".join(" ".join(part.split()) for part in parts if part and part.strip()).casefold()


def like_pattern(text: str) -> str:
    """A ``LIKE`` pattern (escape character ``\\``) matching *text* anywhere, casefolded."""
    return contains_pattern(" ".join(text.split()).casefold())


def contains_pattern(text: str) -> str:
    """A ``LIKE`` pattern (escape character ``\\``) matching *text* literally, anywhere: ``%`` and
    ``_`` typed by a user are characters to find, not wildcards."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
