"""The main window's pages. Each is a QWidget built by a factory from the narrow things it needs.

A page module exposes ``create(services, signals, lang) -> QWidget``; the widget may define
``load()`` (called the first time it is shown, after the database is open) and
``retranslate()`` (called when the language changes).
"""
