"""Application services: the one path for every change, and for the reads the screens need.

``Services(database)`` bundles one service per area; the desktop builds it once and hands it to
every page, the command line builds it per command. Each service owns its sessions and commits,
raises :class:`~qclinic.errors.UserError` with catalogue messages, and announces each commit on
:attr:`Services.bus` (see :mod:`.events`). No Qt here.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from qclinic.services.events import ChangeEvent, EventBus, Origin

if TYPE_CHECKING:
    from qclinic.services.actions import ActionService
    from qclinic.services.analyses import AnalysisService
    from qclinic.services.answers import AnswerService
    from qclinic.services.assessments import AssessmentService
    from qclinic.services.bundles import BundleService
    from qclinic.services.cases import CaseService
    from qclinic.services.chain_reports import ChainReportService
    from qclinic.services.chains import ChainService
    from qclinic.services.conflicts import ConflictService
    from qclinic.services.datasets import DatasetService
    from qclinic.services.findings import FindingService
    from qclinic.services.library import LibraryService
    from qclinic.services.organizations import OrganizationService
    from qclinic.services.outcomes import OutcomeService
    from qclinic.services.portfolio import PortfolioService
    from qclinic.services.printing import PrintingService
    from qclinic.services.providers import ProviderService
    from qclinic.services.referrals import ReferralService
    from qclinic.services.settings import SettingsService
    from qclinic.services.snapshots import SnapshotService
    from qclinic.services.sync import SyncService
    from qclinic.services.team import TeamService
    from qclinic.storage.database import Database

__all__ = ["ChangeEvent", "EventBus", "Origin", "Services"]


class Services:
    """The application services over one database, sharing one event bus.

    Each service is built on first use (importing a service imports its storage code, and the
    first screen must not wait for the ones it does not use).
    """

    def __init__(self, database: Database, bus: EventBus | None = None) -> None:
        self.database = database
        self.bus = bus if bus is not None else EventBus()

    @cached_property
    def answers(self) -> AnswerService:
        """Answering: values, notes, photos, process steps, what-if."""
        from qclinic.services.answers import AnswerService

        return AnswerService(self.database, self.bus)

    @cached_property
    def assessments(self) -> AssessmentService:
        """The assessment lifecycle: start, team, complete, sign, amend; the snapshot; comparing."""
        from qclinic.services.assessments import AssessmentService

        return AssessmentService(self.database, self.bus)

    @cached_property
    def snapshots(self) -> SnapshotService:
        """One assessment as the runner, the scoring and the reports see it (read only)."""
        from qclinic.services.snapshots import SnapshotService

        return SnapshotService(self.database, self.bus)

    @cached_property
    def organizations(self) -> OrganizationService:
        """Organizations and sites: create, edit, delete and restore, lists."""
        from qclinic.services.organizations import OrganizationService

        return OrganizationService(self.database, self.bus)

    @cached_property
    def outcomes(self) -> OutcomeService:
        """Outcomes: a company's quality figures per period, their series and changes."""
        from qclinic.services.outcomes import OutcomeService

        return OutcomeService(self.database, self.bus)

    @cached_property
    def chains(self) -> ChainService:
        """Industrial chains: their fields, the companies in them and their tree."""
        from qclinic.services.chains import ChainService

        return ChainService(self.database, self.bus)

    @cached_property
    def findings(self) -> FindingService:
        from qclinic.services.findings import FindingService

        return FindingService(self.database, self.bus)

    @cached_property
    def actions(self) -> ActionService:
        """Improvement actions: the plan."""
        from qclinic.services.actions import ActionService

        return ActionService(self.database, self.bus)

    @cached_property
    def cases(self) -> CaseService:
        """Clinic cases: register, diagnose, prescribe, resolve."""
        from qclinic.services.cases import CaseService

        return CaseService(self.database, self.bus)

    @cached_property
    def providers(self) -> ProviderService:
        """The directory of NQI service providers (服务机构)."""
        from qclinic.services.providers import ProviderService

        return ProviderService(self.database, self.bus)

    @cached_property
    def referrals(self) -> ReferralService:
        """Referrals (供需对接) of a case or a finding to a provider, and their evidence."""
        from qclinic.services.referrals import ReferralService

        return ReferralService(self.database, self.bus)

    @cached_property
    def datasets(self) -> DatasetService:
        """SPC and MSA datasets: import, edit, attach as evidence."""
        from qclinic.services.datasets import DatasetService

        return DatasetService(self.database, self.bus)

    @cached_property
    def analyses(self) -> AnalysisService:
        """Running SPC and MSA analyses of stored datasets (pure computation in core)."""
        from qclinic.services.analyses import AnalysisService

        return AnalysisService(self.database, self.bus)

    @cached_property
    def printing(self) -> PrintingService:
        """Reports and plans: PDF, Word, XLSX; issuing a copy."""
        from qclinic.services.printing import PrintingService

        return PrintingService(self.database, self.bus)

    @cached_property
    def chain_reports(self) -> ChainReportService:
        """The chain report: a chain's figures as a verifiable PDF, its tables as XLSX."""
        from qclinic.services.chain_reports import ChainReportService

        return ChainReportService(self.database, self.bus)

    @cached_property
    def library(self) -> LibraryService:
        """The checklist library."""
        from qclinic.services.library import LibraryService

        return LibraryService(self.database, self.bus)

    @cached_property
    def settings(self) -> SettingsService:
        """The user's settings (language, report defaults, logo)."""
        from qclinic.services.settings import SettingsService

        return SettingsService(self.database, self.bus)

    @cached_property
    def bundles(self) -> BundleService:
        """Bundles through the sync path: what an export carries, applying an import."""
        from qclinic.services.bundles import BundleService

        return BundleService(self.database, self.bus)

    @cached_property
    def conflicts(self) -> ConflictService:
        """The sync conflicts kept on this computer, and resolving them (the inbox)."""
        from qclinic.services.conflicts import ConflictService

        return ConflictService(self.database, self.bus)

    @cached_property
    def sync(self) -> SyncService:
        """Sync's local side: pending changes, the server's answers, pulled pages."""
        from qclinic.services.sync import SyncService

        return SyncService(self.database, self.bus)

    @cached_property
    def portfolio(self) -> PortfolioService:
        """The chain view's figures, read-only: grades, 4 x 100%, services, problems, actions."""
        from qclinic.services.portfolio import PortfolioService

        return PortfolioService(self.database, self.bus)

    @cached_property
    def team(self) -> TeamService:
        """Team work: who I am, my server role, assigning organizations and visits, my visits."""
        from qclinic.services.team import TeamService

        return TeamService(self.database, self.bus)
