"""The clinic's controlled vocabularies, each a ``StrEnum`` whose value is what is stored.

Labels for display live with the UI (Qt translations) and reports; the values here never change
once released, because they are written to the database and exchanged by sync.
"""

from __future__ import annotations

from enum import StrEnum


class IndustryChain(StrEnum):
    """The twelve key manufacturing chains of the provincial plan."""

    ELECTRONICS = "electronics"
    NON_FERROUS_METALS = "non-ferrous-metals"
    EQUIPMENT = "equipment"
    NEW_ENERGY = "new-energy"
    PETROCHEMICAL = "petrochemical"
    BUILDING_MATERIALS = "building-materials"
    STEEL = "steel"
    AVIATION = "aviation"
    FOOD = "food"
    TEXTILES_GARMENTS = "textiles-garments"
    PHARMACEUTICALS = "pharmaceuticals"
    MODERN_FURNITURE = "modern-furniture"


class ChainRole(StrEnum):
    CHAIN_LEADER = "chain-leader"
    SUPPLIER = "supplier"
    OTHER = "other"


class SizeClass(StrEnum):
    """Enterprise size classes as used in Chinese statistics (大型 / 中型 / 小型 / 微型)."""

    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    MICRO = "micro"


class PersonRole(StrEnum):
    CONSULTANT = "consultant"
    COMPANY_CONTACT = "company-contact"
    CHIEF_QUALITY_OFFICER = "chief-quality-officer"


class VisitKind(StrEnum):
    ONSITE_CLINIC = "onsite-clinic"
    SELF_ASSESSMENT = "self-assessment"
    FOLLOW_UP = "follow-up"


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"
    SIGNED = "signed"


class FindingSeverity(StrEnum):
    MAJOR_NC = "major-nc"
    MINOR_NC = "minor-nc"
    OBSERVATION = "observation"
    OPPORTUNITY = "opportunity"
    GOOD_PRACTICE = "good-practice"


class NqiCategory(StrEnum):
    """The elements of the national quality infrastructure a clinic covers."""

    METROLOGY = "metrology"
    STANDARDS = "standards"
    CERTIFICATION = "certification-accreditation"
    INSPECTION_TESTING = "inspection-testing"
    INTELLECTUAL_PROPERTY = "intellectual-property"
    LAWS_REGULATIONS = "laws-regulations"
    QUALITY_MANAGEMENT = "quality-management"
    SPECIAL_EQUIPMENT = "special-equipment"


class CaseStatus(StrEnum):
    """A clinic case moves symptom → diagnosis → prescription → resolved."""

    REGISTERED = "registered"
    DIAGNOSED = "diagnosed"
    PRESCRIBED = "prescribed"
    RESOLVED = "resolved"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    VERIFIED = "verified"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class SignerRole(StrEnum):
    CONSULTANT = "consultant"  # a consultant of the expert team (a member)
    COMPANY_REPRESENTATIVE = "company-representative"
    LEAD = "lead"  # the lead expert of the team (组长)


class TeamRole(StrEnum):
    """A consultant's place in the expert team of an assessment."""

    LEAD = "lead"
    MEMBER = "member"


class ProviderKind(StrEnum):
    """The kinds of NQI service institution a referral can go to (服务机构)."""

    METROLOGY = "metrology-calibration"
    TEST_LABORATORY = "test-laboratory"
    CERTIFICATION_BODY = "certification-body"
    STANDARDS_BODY = "standards-body"
    IP_SERVICE = "ip-service"
    LAW_FIRM = "law-firm"
    SPECIAL_EQUIPMENT = "special-equipment-inspection"


class ReferralStatus(StrEnum):
    """A referral (供需对接) moves requested → accepted → delivered → closed."""

    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DELIVERED = "delivered"
    CLOSED = "closed"


#: Allowed moves of a referral's status: one step forward, or back from accepted; closed is final.
REFERRAL_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.REQUESTED: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.CLOSED}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.REQUESTED, ReferralStatus.DELIVERED}),
    ReferralStatus.DELIVERED: frozenset({ReferralStatus.CLOSED}),
    ReferralStatus.CLOSED: frozenset(),
}

#: Allowed moves of an action's status; ``verified`` is final.
ACTION_TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.OPEN: frozenset({ActionStatus.IN_PROGRESS, ActionStatus.DONE}),
    ActionStatus.IN_PROGRESS: frozenset({ActionStatus.OPEN, ActionStatus.DONE}),
    ActionStatus.DONE: frozenset({ActionStatus.IN_PROGRESS, ActionStatus.VERIFIED}),
    ActionStatus.VERIFIED: frozenset(),
}

#: Allowed moves of an assessment's status; a signed assessment never changes (amend instead).
ASSESSMENT_TRANSITIONS: dict[AssessmentStatus, frozenset[AssessmentStatus]] = {
    AssessmentStatus.DRAFT: frozenset({AssessmentStatus.COMPLETED}),
    AssessmentStatus.COMPLETED: frozenset({AssessmentStatus.DRAFT, AssessmentStatus.SIGNED}),
    AssessmentStatus.SIGNED: frozenset(),
}

#: The built-in checklist library, in the order lists show it.
BUILTIN_CHECKLIST_IDS: tuple[str, ...] = (
    "nqi-clinic",
    "iso9001-2015",
    "apqp",
    "msa",
    "spc",
    "supplier-4level",
    "vda63-process",
)


class OutcomeKind(StrEnum):
    """A quality figure a company reports at a visit or a quarter's end (the unit follows)."""

    PASS_RATE = "pass-rate"  # first-pass yield / product pass rate, per cent
    COMPLAINTS = "complaints"  # customer complaints, a count
    PPM = "ppm"  # defective parts per million
    CERTIFICATES = "certificates"  # certificates held, a count
    STANDARDS = "standards"  # standards drafted or revised, a count (with their level)
    PATENTS = "patents"  # patents granted, a count
    AWARDS = "awards"  # quality awards won, a count


class StandardLevel(StrEnum):
    """The level of a standard drafted or revised (国家 / 行业 / 地方 / 团体 / 企业“领跑者”)."""

    NATIONAL = "national"
    SECTOR = "sector"
    LOCAL = "local"
    ASSOCIATION = "association"
    ENTERPRISE_LEADER = "enterprise-leader"
