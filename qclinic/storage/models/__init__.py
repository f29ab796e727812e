"""The ORM models; importing this package registers every table on :data:`Base.metadata`."""

from qclinic.storage.models.assessment import (
    Answer,
    Assessment,
    AssessmentMember,
    Attachment,
    Signature,
    Visit,
)
from qclinic.storage.models.base import (
    DEVICE_ID_KEY,
    Base,
    ChangeLog,
    ChangeOperation,
    LocalState,
    Record,
)
from qclinic.storage.models.chains import Chain, ChainMember
from qclinic.storage.models.directory import Organization, Person, Site
from qclinic.storage.models.documents import AssessmentSeal, IssuedChainDocument, IssuedDocument
from qclinic.storage.models.improvement import Action, ClinicCase, Finding
from qclinic.storage.models.library import ChecklistVersion
from qclinic.storage.models.outcomes import Outcome
from qclinic.storage.models.portfolio import (
    PortfolioChainEvent,
    PortfolioCoverage,
    PortfolioEvent,
    PortfolioSummary,
)
from qclinic.storage.models.referrals import Provider, Referral
from qclinic.storage.models.spc_data import Dataset, DatasetKind, DatasetValue
from qclinic.storage.models.sync import SyncConflict, SyncedState

__all__ = [
    "DEVICE_ID_KEY",
    "Action",
    "Answer",
    "Assessment",
    "AssessmentMember",
    "AssessmentSeal",
    "Attachment",
    "Base",
    "Chain",
    "ChainMember",
    "ChangeLog",
    "ChangeOperation",
    "ChecklistVersion",
    "ClinicCase",
    "Dataset",
    "DatasetKind",
    "DatasetValue",
    "Finding",
    "IssuedChainDocument",
    "IssuedDocument",
    "LocalState",
    "Organization",
    "Outcome",
    "Person",
    "PortfolioChainEvent",
    "PortfolioCoverage",
    "PortfolioEvent",
    "PortfolioSummary",
    "Provider",
    "Record",
    "Referral",
    "Signature",
    "Site",
    "SyncConflict",
    "SyncedState",
    "Visit",
]
