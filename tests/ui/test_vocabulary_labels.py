"""Vocabulary labels and errors from below follow the interface language, from the catalogue."""

from __future__ import annotations

import pytest

from qclinic.core import vocabulary as v

LABELLED = (
    v.IndustryChain,
    v.ChainRole,
    v.SizeClass,
    v.PersonRole,
    v.VisitKind,
    v.AssessmentStatus,
    v.FindingSeverity,
    v.NqiCategory,
    v.CaseStatus,
    v.ActionStatus,
    v.Priority,
    v.SignerRole,
    v.TeamRole,
)


@pytest.fixture
def chinese(qapp):
    from qclinic.ui import i18n

    i18n.install_translators(qapp, "zh")
    yield
    i18n.install_translators(qapp, "en")


def test_labels_in_chinese(chinese) -> None:
    from qclinic.ui.labels import choices, label

    assert label(v.IndustryChain.STEEL) == "钢铁"
    assert label("chain-leader") == "链主企业"  # a stored value read as a plain string
    assert label(v.SizeClass.MEDIUM) == "中型"  # a company's size…
    assert label(v.Priority.MEDIUM) == "中"  # …is not a priority
    assert label("medium") == "中"
    assert choices(v.ActionStatus)[0] == ("待处理", v.ActionStatus.OPEN)


def test_labels_in_english(qapp) -> None:
    from qclinic.ui import i18n
    from qclinic.ui.labels import label

    i18n.install_translators(qapp, "en")
    assert label(v.IndustryChain.STEEL) == "Steel"
    assert label(v.SizeClass.MEDIUM) == "Medium"
    assert label(v.NqiCategory.CERTIFICATION) == "Certification and accreditation"
    assert label(None) == ""
    assert label("not-a-vocabulary-value") == "not-a-vocabulary-value"


def test_every_labelled_value_has_an_entry() -> None:
    from qclinic.core.catalogue import find

    missing = [
        f"{enum.__name__}.{member.name}"
        for enum in LABELLED
        for member in enum
        if find(f"vocabulary.{member}") is None
    ]
    assert not missing, missing


def test_an_spc_error_reaches_the_chinese_ui_in_chinese(chinese) -> None:
    from qclinic.core.spc.tabular import parse_text
    from qclinic.errors import UserError
    from qclinic.ui.errors import user_message

    with pytest.raises(UserError) as raised:
        parse_text("a,b\n1,x\n", "paste").numbers("b")
    assert user_message(raised.value) == "paste：第 2 行、b 列：'x' 不是数字"
