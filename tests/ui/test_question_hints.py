"""The question card says what the checklist says about scoring: statutory items and score bands."""

from __future__ import annotations

import pytest

from qclinic.core.checklists import builtin


def _card(qtbot, checklist_id: str, question_id: str, lang: str):
    from qclinic.ui.runner.question_card import QuestionCard

    question = next(q for q in builtin().load(checklist_id).questions() if q.id == question_id)
    card = QuestionCard(question, "", lang)
    qtbot.addWidget(card)
    card.show()
    return card


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_statutory_question_is_marked_and_an_ordinary_one_is_not(qtbot, lang: str) -> None:
    """nqi-clinic STD.3 (mandatory standards) is statutory: its failure is stated whatever the %."""
    statutory = _card(qtbot, "nqi-clinic", "STD.3", lang)
    ordinary = _card(qtbot, "nqi-clinic", "QMS.1", lang)
    assert statutory.statutory_mark.isVisible()
    assert not ordinary.statutory_mark.isVisible()


def test_a_banded_numeric_question_shows_its_bands(qtbot) -> None:
    """msa M3.2, %GRR: below 10 full marks, up to 30 half (AIAG MSA 4th ed. acceptance bands)."""
    card = _card(qtbot, "msa", "M3.2", "en")
    assert card.bands_label.isVisible()
    text = card.bands_label.text()
    assert "< 10% → 100%" in text and "≤ 30% → 50%" in text and "otherwise → 0%" in text
    plain = _card(qtbot, "nqi-clinic", "QMS.1", "en")
    assert not plain.bands_label.isVisible()
