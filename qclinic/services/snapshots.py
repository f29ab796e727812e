"""One assessment as the runner, the scoring and the reports see it: read only.

The snapshot (:mod:`qclinic.storage.snapshot`) is loaded in one read session and carries no ORM
rows; its answers become an answer set through the one builder
(:func:`qclinic.core.scoring.answer_set.build_answer_set`), so the runner, ``qclinic score`` and
the printed report give the same figures. Nothing here writes, so nothing is published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qclinic.services.base import Service

if TYPE_CHECKING:
    from qclinic.core.scoring import AnswerSet, Evaluation, ScoreResult
    from qclinic.reports.data import ReportData
    from qclinic.storage.snapshot import AssessmentSnapshot


class SnapshotService(Service):
    """Reads of one assessment whole: its snapshot, its score, its report's data."""

    def snapshot(self, assessment_id: str) -> AssessmentSnapshot:
        """The assessment, its frozen checklist, answers, evidence and process steps.

        Raises:
            qclinic.storage.errors.NotFound: No such live assessment.
        """
        from qclinic.storage.snapshot import load_snapshot

        with self._reading() as session:
            return load_snapshot(session, assessment_id)

    def answer_set(self, assessment_id: str) -> AnswerSet:
        """The assessment's answers as scoring takes them."""
        return self.snapshot(assessment_id).answer_set()

    def evaluation(self, assessment_id: str) -> Evaluation:
        """The numbers behind the assessment's score (visibility, per-question scores)."""
        return self.snapshot(assessment_id).evaluation()

    def score(self, assessment_id: str, *, with_what_if: bool = True) -> ScoreResult:
        """The assessment's score: percentages, grade with its trace, gaps and (unless asked
        not to) the what-if."""
        from qclinic.storage.assessment_scoring import score_snapshot

        return score_snapshot(self.snapshot(assessment_id), with_what_if=with_what_if)

    def scores(self, assessment_ids: list[str]) -> list[ScoreResult]:
        """The scores of several assessments, read in one session (comparing, sign-off)."""
        from qclinic.storage.assessment_scoring import score_snapshot
        from qclinic.storage.snapshot import load_snapshot

        with self._reading() as session:
            snapshots = [load_snapshot(session, i) for i in assessment_ids]
        return [score_snapshot(s) for s in snapshots]

    def report_data(self, assessment_id: str) -> ReportData:
        """Everything the assessment's report and plan print (scored as :meth:`score` does)."""
        from qclinic.reports.assembly import assemble_report, read_analyses
        from qclinic.storage.repositories.report_sources import load_report_sources

        with self._reading() as session:
            sources = load_report_sources(session, assessment_id)
        return assemble_report(
            sources, read_analyses(sources.snapshot, self._database.blobs.read_bytes)
        )
