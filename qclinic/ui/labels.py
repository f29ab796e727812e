"""Display labels for the stored vocabularies, translated through Qt Linguist.

``label(IndustryChain.STEEL)`` → "Steel" / "钢铁". Marked with ``QT_TRANSLATE_NOOP`` so lupdate
collects them into the "labels" context.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from qclinic.core import vocabulary as v

_LABELS: dict[StrEnum, str] = {
    v.IndustryChain.ELECTRONICS: QT_TRANSLATE_NOOP("labels", "Electronics"),
    v.IndustryChain.NON_FERROUS_METALS: QT_TRANSLATE_NOOP("labels", "Non-ferrous metals"),
    v.IndustryChain.EQUIPMENT: QT_TRANSLATE_NOOP("labels", "Equipment manufacturing"),
    v.IndustryChain.NEW_ENERGY: QT_TRANSLATE_NOOP("labels", "New energy"),
    v.IndustryChain.PETROCHEMICAL: QT_TRANSLATE_NOOP("labels", "Petrochemical"),
    v.IndustryChain.BUILDING_MATERIALS: QT_TRANSLATE_NOOP("labels", "Building materials"),
    v.IndustryChain.STEEL: QT_TRANSLATE_NOOP("labels", "Steel"),
    v.IndustryChain.AVIATION: QT_TRANSLATE_NOOP("labels", "Aviation"),
    v.IndustryChain.FOOD: QT_TRANSLATE_NOOP("labels", "Food"),
    v.IndustryChain.TEXTILES_GARMENTS: QT_TRANSLATE_NOOP("labels", "Textiles and garments"),
    v.IndustryChain.PHARMACEUTICALS: QT_TRANSLATE_NOOP("labels", "Pharmaceuticals"),
    v.IndustryChain.MODERN_FURNITURE: QT_TRANSLATE_NOOP("labels", "Modern furniture"),
    v.ChainRole.CHAIN_LEADER: QT_TRANSLATE_NOOP("labels", "Chain leader"),
    v.ChainRole.SUPPLIER: QT_TRANSLATE_NOOP("labels", "Supplier"),
    v.ChainRole.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    v.SizeClass.LARGE: QT_TRANSLATE_NOOP("labels", "Large"),
    v.SizeClass.MEDIUM: QT_TRANSLATE_NOOP("labels", "Medium"),
    v.SizeClass.SMALL: QT_TRANSLATE_NOOP("labels", "Small"),
    v.SizeClass.MICRO: QT_TRANSLATE_NOOP("labels", "Micro"),
    v.PersonRole.CONSULTANT: QT_TRANSLATE_NOOP("labels", "Consultant"),
    v.PersonRole.COMPANY_CONTACT: QT_TRANSLATE_NOOP("labels", "Company contact"),
    v.PersonRole.CHIEF_QUALITY_OFFICER: QT_TRANSLATE_NOOP("labels", "Chief quality officer"),
    v.VisitKind.ONSITE_CLINIC: QT_TRANSLATE_NOOP("labels", "On-site clinic"),
    v.VisitKind.SELF_ASSESSMENT: QT_TRANSLATE_NOOP("labels", "Self-assessment"),
    v.VisitKind.FOLLOW_UP: QT_TRANSLATE_NOOP("labels", "Follow-up"),
    v.AssessmentStatus.DRAFT: QT_TRANSLATE_NOOP("labels", "Draft"),
    v.AssessmentStatus.COMPLETED: QT_TRANSLATE_NOOP("labels", "Completed"),
    v.AssessmentStatus.SIGNED: QT_TRANSLATE_NOOP("labels", "Signed"),
    v.FindingSeverity.MAJOR_NC: QT_TRANSLATE_NOOP("labels", "Major nonconformity"),
    v.FindingSeverity.MINOR_NC: QT_TRANSLATE_NOOP("labels", "Minor nonconformity"),
    v.FindingSeverity.OBSERVATION: QT_TRANSLATE_NOOP("labels", "Observation"),
    v.FindingSeverity.OPPORTUNITY: QT_TRANSLATE_NOOP("labels", "Opportunity for improvement"),
    v.FindingSeverity.GOOD_PRACTICE: QT_TRANSLATE_NOOP("labels", "Good practice"),
    v.NqiCategory.METROLOGY: QT_TRANSLATE_NOOP("labels", "Metrology"),
    v.NqiCategory.STANDARDS: QT_TRANSLATE_NOOP("labels", "Standards"),
    v.NqiCategory.CERTIFICATION: QT_TRANSLATE_NOOP("labels", "Certification and accreditation"),
    v.NqiCategory.INSPECTION_TESTING: QT_TRANSLATE_NOOP("labels", "Inspection and testing"),
    v.NqiCategory.INTELLECTUAL_PROPERTY: QT_TRANSLATE_NOOP("labels", "Intellectual property"),
    v.NqiCategory.LAWS_REGULATIONS: QT_TRANSLATE_NOOP("labels", "Laws and regulations"),
    v.NqiCategory.QUALITY_MANAGEMENT: QT_TRANSLATE_NOOP("labels", "Quality management"),
    v.NqiCategory.SPECIAL_EQUIPMENT: QT_TRANSLATE_NOOP("labels", "Special equipment"),
    v.CaseStatus.REGISTERED: QT_TRANSLATE_NOOP("labels", "Registered"),
    v.CaseStatus.DIAGNOSED: QT_TRANSLATE_NOOP("labels", "Diagnosed"),
    v.CaseStatus.PRESCRIBED: QT_TRANSLATE_NOOP("labels", "Prescribed"),
    v.CaseStatus.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved"),
    v.ActionStatus.OPEN: QT_TRANSLATE_NOOP("labels", "Open"),
    v.ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
    v.ActionStatus.DONE: QT_TRANSLATE_NOOP("labels", "Done"),
    v.ActionStatus.VERIFIED: QT_TRANSLATE_NOOP("labels", "Verified"),
    v.Priority.HIGH: QT_TRANSLATE_NOOP("labels", "High"),
    v.Priority.MEDIUM: QT_TRANSLATE_NOOP("labels", "Medium"),
    v.Priority.LOW: QT_TRANSLATE_NOOP("labels", "Low"),
    v.SignerRole.CONSULTANT: QT_TRANSLATE_NOOP("labels", "Consultant"),
    v.SignerRole.COMPANY_REPRESENTATIVE: QT_TRANSLATE_NOOP("labels", "Company representative"),
    v.SignerRole.LEAD: QT_TRANSLATE_NOOP("labels", "Lead expert"),
    v.TeamRole.MEMBER: QT_TRANSLATE_NOOP("labels", "Team member"),
}


def label(value: StrEnum | str | None) -> str:
    """The translated label of a vocabulary value ("" for None)."""
    if value is None:
        return ""
    if value is v.SizeClass.MEDIUM:  # "Medium" is a priority too: 中型 (size) is not 中 (priority)
        return QCoreApplication.translate("labels", "Medium", "company size")
    source = _LABELS.get(value)  # type: ignore[call-overload]
    if source is None:
        return str(value)
    return QCoreApplication.translate("labels", source)


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(label, value) pairs for a combo box, in the enum's order."""
    return [(label(member), member) for member in enum]


def fill_filter_combo(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
    """Refill a filter combo: "all" first (data None), then *items* as (label, value) with each
    value stored as its string; keeps the current choice and emits no signal while refilling."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, str(value))
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
