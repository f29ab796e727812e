"""The domain: checklists, scoring, statistics, plans. Pure Python — no Qt, no SQL."""
