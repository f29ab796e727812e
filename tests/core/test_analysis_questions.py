"""Which questions an SPC/MSA analysis is offered for (the attach-evidence dialog's ranking)."""

from __future__ import annotations

from qclinic.core.checklists import Question, Text, builtin
from qclinic.core.checklists.analysis_questions import matches, mentions_analysis


def _question(en: str, zh: str = "问题", guidance: Text | None = None) -> Question:
    return Question(id="X.1", type="yes-no", text=Text(zh, en), guidance=guidance)


def test_terms_in_either_language_text_or_guidance() -> None:
    assert mentions_analysis(_question("Is Cpk of key characteristics at least 1.33?"))
    assert mentions_analysis(_question("Is a gage R&R study done?"))
    assert mentions_analysis(_question("Are control charts kept at the line?"))
    assert mentions_analysis(_question("Whatever", "关键特性的过程能力是否评价？"))
    assert mentions_analysis(_question("Whatever", "是否对测量系统进行分析？"))
    assert mentions_analysis(_question("Are records kept?", guidance=Text("看控制图", "look")))
    # whole words only: "engagement" holds "gage", "inspection" holds no "spc"
    assert not mentions_analysis(_question("Is staff engagement measured at inspection?"))
    assert not mentions_analysis(_question("Is there a quality policy?", "是否有质量方针？"))


def test_built_in_checklists() -> None:
    library = {checklist.id: checklist for checklist in builtin().all()}
    spc = library["spc"]
    assert all(mentions_analysis(q, spc) for q in spc.questions())  # the whole checklist
    clinic = library["nqi-clinic"]
    offered = {q.id for q in clinic.questions() if mentions_analysis(q, clinic)}
    assert {"SPC.1", "SPC.4", "MSA.1", "MSA.2"} <= offered  # its SPC and MSA sections
    assert "QMS.1" not in offered and "SE.3" not in offered  # pressure gauges are not a GRR


def test_search_by_id_or_words_in_either_language() -> None:
    question = _question("Is a gage R&R study done?", "是否开展量具重复性和再现性研究？")
    assert matches("x.1", question)
    assert matches("R&R study", question)
    assert matches("重复性", question)
    assert not matches("capability", question)
