"""A synthetic province for demos and benchmarks: ``qclinic demo --chains N --organizations M``.

Chains (one per sector in turn, each in a city of the province) with leader companies and
suppliers in tiers 1–3, each supplier naming its customer; about one supplier in twelve also
supplies a second chain. Over the last three years before ``end``: visits, five assessments per
company (:data:`ASSESSMENTS_PER_COMPANY`; suppliers are evaluated on ``supplier-4level`` every
year, with a clinic diagnosis and an MSA / SPC / APQP audit between), each answering
:data:`ANSWERS_PER_ASSESSMENT` questions of its checklist (the 4 × 100% questions always among
them), signed, completed or still a draft, now and then amended; clinic cases by NQI field,
resolved or not; improvement actions, some overdue. 10,000 companies make 50,000 assessments
and 1,000,000 answers — the benchmark's size.

Deterministic: the same ``seed`` and ``end`` give the same rows, ids included (UUIDv7-shaped ids
drawn from the seeded generator, their time part rising with creation order).

How it is written, and why:

- **Bulk, in one transaction**: plain ``executemany`` inserts on the service's write session
  (SQLAlchemy Core's connection), not ORM objects — 1.2 million rows in seconds, all or nothing.
- **No change-log rows.** The province is made up; ``change_log`` is what ``qclinic sync``
  pushes, and made-up companies must never reach a real server. Without log rows none of it is
  pending; an edit made to it later is logged (and would sync) like any other. For the same
  reason it is only written into a data folder without organizations (refused otherwise).
- **Scores and grades** are cached as the lists show them, from the answers given (the mean
  answer score, graded by the checklist's bands), not re-scored with the grade rules; ``qclinic
  score --assessment ID`` gives the full result of any of them. Signed ones carry no seal (the
  app shows them as signed before seals existed).
- Each assessment holds its frozen checklist (the built-in one), as the app's own do.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from qclinic.core import uscc
from qclinic.core.catalogue import text
from qclinic.core.checklists import Checklist, Question
from qclinic.core.checklists.library import builtin
from qclinic.core.scoring import score_of
from qclinic.core.vocabulary import (
    ActionStatus,
    AssessmentStatus,
    CaseStatus,
    ChainRole,
    IndustryChain,
    NqiCategory,
    Priority,
    SizeClass,
    VisitKind,
)
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.demo import province_words as words
from qclinic.storage.search import organization_search_key

ASSESSMENTS_PER_COMPANY = 5
ANSWERS_PER_ASSESSMENT = 21  # ~20 on average: msa and spc have fewer answerable questions
YEARS = 3
#: checklists a supplier's five assessments use, in time order (slot 3 picks one of the audits)
SUPPLIER_PLAN = ("supplier-4level", "nqi-clinic", "supplier-4level", "audit", "supplier-4level")
LEADER_PLAN = ("nqi-clinic", "apqp", "audit", "nqi-clinic", "audit")
AUDITS = ("msa", "spc", "apqp")
_ANSWERABLE = ("yes-no", "maturity", "vda", "single")
_RECORD = ("id", "created_at", "updated_at", "revision", "deleted_at")
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


class _Ids:
    """UUIDv7-shaped ids from the seeded generator; the time part rises with each id."""

    def __init__(self, rng: random.Random, start: datetime) -> None:
        self._rng = rng
        self._ms = int(start.timestamp() * 1000)

    def __call__(self) -> str:
        self._ms += 1
        value = (self._ms & 0xFFFF_FFFF_FFFF) << 80 | 7 << 76 | self._rng.getrandbits(12) << 64
        value |= 0b10 << 62 | self._rng.getrandbits(62)
        return str(uuid.UUID(int=value))


def _stamp(day: date, hour: int = 9) -> str:
    """A UTC timestamp as the database stores it."""
    return f"{day.isoformat()} {hour:02d}:00:00.000000"


class ProvinceService(Service):
    """Writes the synthetic province (see the module docstring)."""

    def build(
        self,
        chains: int,
        organizations: int,
        *,
        seed: int = 1,
        end: date | None = None,
        source: object | None = None,
    ) -> dict[str, int]:
        """Write the province; returns how many rows of each kind were written.

        Raises:
            UserError: The counts are out of range, or the data folder already has companies.
        """
        if chains < 1 or organizations < 2 * chains:
            raise UserError(text("portfolio.province_sizes"))
        from sqlalchemy import text as sql

        from qclinic.services.portfolio import PortfolioService
        from qclinic.storage import portfolio_summary

        end = end or date.today()
        made = _Province(random.Random(seed), end, chains, organizations)
        questions = PortfolioService(self._database, self._bus).coverage_questions()
        with self._writing(source) as session:
            existing = session.execute(sql("SELECT COUNT(*) FROM organization")).scalar_one()
            if existing:
                raise UserError(text("portfolio.province_not_empty", count=existing))
            connection = session.connection()
            # visits are drawn with their assessments but written after them: parents are
            # checked at commit
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            counts = {}
            for table, columns, rows in made.tables():
                counts[table] = _insert(connection, table, columns, rows)
            # no change-log lines tell the portfolio's summary: it is rebuilt here, whole
            portfolio_summary.invalidate(session)
            portfolio_summary.refresh(session, questions)
            also: dict[str, list[str]] = {table: [] for table in counts}
        # one event per table, without ids: listeners reload (the ids would be a million)
        self._publish(also, source=source)
        return counts


def _insert(
    connection: Any, table: str, columns: Sequence[str], rows: Iterator[tuple[Any, ...]]
) -> int:
    statement = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    written = 0
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 20_000:
            connection.exec_driver_sql(statement, batch)
            written += len(batch)
            batch = []
    if batch:
        connection.exec_driver_sql(statement, batch)
        written += len(batch)
    return written


class _Province:
    """The province's rows, drawn in a fixed order from one seeded generator."""

    def __init__(self, rng: random.Random, end: date, chains: int, organizations: int) -> None:
        self.rng = rng
        self.end = end
        self.begin = end - timedelta(days=365 * YEARS)
        self.new_id = _Ids(rng, datetime(self.begin.year, 1, 1, tzinfo=UTC))
        library = builtin()
        self.checklists: dict[str, Checklist] = {
            cid: library.load(cid) for cid in (*AUDITS, "supplier-4level", "nqi-clinic")
        }
        self.frozen = {
            cid: json.dumps(dict(c.source), ensure_ascii=False, separators=(",", ":"))
            for cid, c in self.checklists.items()
        }
        self.pools = {cid: _pools(c) for cid, c in self.checklists.items()}
        self.n_chains = chains
        self.n_orgs = organizations
        self._plan()

    # --- the structure: chains, companies, members ---------------------------------------------
    def _plan(self) -> None:
        rng = self.rng
        sectors = list(IndustryChain)
        self.chains = []
        for n in range(self.n_chains):
            sector = sectors[n % len(sectors)]
            city = words.CITIES[(n * 5 + n // len(sectors)) % len(words.CITIES)]
            label = words.SECTORS[sector][0]
            round_ = n // len(sectors)
            name = f"{city}{label}产业链" + (f"（{round_ + 1}）" if round_ else "")
            self.chains.append((self.new_id(), name, sector, city))
        self.orgs: list[dict[str, Any]] = []
        taken: set[str] = set()
        for n in range(self.n_orgs):
            chain = self.chains[n % self.n_chains]
            self.orgs.append(self._company(n, chain, taken))
        self.members: list[tuple[str, str, str, str | None, int]] = []
        for c, chain in enumerate(self.chains):
            own = self.orgs[c :: self.n_chains]
            leaders = max(1, len(own) // 300)
            tiers: list[list[dict[str, Any]]] = [own[:leaders], [], [], []]
            for org in own[leaders:]:
                draw = rng.random()
                tier = 1 if draw < 0.3 else 2 if draw < 0.75 else 3
                tier = min(tier, next(t for t in (3, 2, 1) if tiers[t - 1] or t == 1))
                customer = rng.choice(tiers[tier - 1])
                tiers[tier].append(org)
                org["role"] = ChainRole.SUPPLIER.value
                self.members.append((chain[0], org["id"], org["role"], customer["id"], tier))
            for org in tiers[0]:
                org["role"] = ChainRole.CHAIN_LEADER.value
                self.members.append((chain[0], org["id"], org["role"], None, 0))
        if self.n_chains > 1:  # some suppliers also supply another chain's leader
            leaders_of = {m[0]: m[1] for m in self.members if m[4] == 0}
            for n, org in enumerate(self.orgs):
                if org["role"] == ChainRole.SUPPLIER.value and rng.random() < 0.08:
                    other = self.chains[(n + 1 + rng.randrange(self.n_chains - 1)) % self.n_chains]
                    self.members.append(
                        (other[0], org["id"], ChainRole.SUPPLIER.value, leaders_of[other[0]], 1)
                    )

    def _company(self, n: int, chain: tuple[Any, ...], taken: set[str]) -> dict[str, Any]:
        rng = self.rng
        _cid, _name, sector, city = chain
        lines = words.SECTORS[sector][1]
        home = city if rng.random() < 0.6 else rng.choice(words.CITIES)
        for _ in range(20):
            name = (
                home + rng.choice(words.TRADE_NAMES) + rng.choice(lines)
                + rng.choice(words.LEGAL_FORMS)
            )  # fmt: skip
            if name not in taken:
                break
        else:
            name = f"{home}{rng.choice(words.TRADE_NAMES)}{rng.choice(lines)}{n}号有限公司"
        taken.add(name)
        body = "9136" + f"{words.CITIES.index(home):02d}00" + _code(n, 9)
        return {
            "id": self.new_id(),
            "name": name,
            "uscc": body + uscc.check_character(body),
            "sector": sector.value,
            "region": home,
            "quality": rng.uniform(0.62, 0.98),
            "trend": rng.uniform(-0.03, 0.06),
            "cqo": self.person() if rng.random() < 0.55 else None,
            "size": rng.choice(list(SizeClass)).value,
            "role": ChainRole.SUPPLIER.value,
        }

    def person(self) -> str:
        return self.rng.choice(words.SURNAMES) + self.rng.choice(words.GIVEN_NAMES)

    def day(self, low: date, high: date) -> date:
        return low + timedelta(days=self.rng.randrange(max(1, (high - low).days)))

    # --- the rows -----------------------------------------------------------------------------
    def tables(self) -> Iterator[tuple[str, Sequence[str], Iterator[tuple[Any, ...]]]]:
        created = _stamp(self.begin)
        yield (
            "chain",
            (*_RECORD, "name", "sector", "region", "notes"),
            ((c[0], created, created, 1, None, c[1], c[2].value, c[3], "") for c in self.chains),
        )
        yield (
            "organization",
            (*_RECORD, "name", "uscc", "industry_chain", "chain_role", "size_class", "region",
             "cqo_name", "notes", "search_key"),
            (
                (o["id"], created, created, 1, None, o["name"], o["uscc"], o["sector"], o["role"],
                 o["size"], o["region"], o["cqo"], "",
                 organization_search_key(o["name"], o["uscc"], o["region"]))
                for o in self.orgs
            ),
        )  # fmt: skip
        yield (
            "chain_member",
            (*_RECORD, "chain_id", "organization_id", "role", "customer_id", "tier"),
            ((self.new_id(), created, created, 1, None, *m) for m in self.members),
        )
        visits: list[tuple[Any, ...]] = []
        answers: list[tuple[Any, ...]] = []
        cases: list[tuple[Any, ...]] = []
        actions: list[tuple[Any, ...]] = []
        yield (
            "assessment",
            (*_RECORD, "visit_id", "organization_id", "checklist_id", "checklist_version",
             "checklist_json", "title", "status", "amends_id", "revision_no", "completed_at",
             "signed_at", "score_percent", "grade"),
            self._assessments(visits, answers),
        )  # fmt: skip
        yield (
            "visit",
            (*_RECORD, "organization_id", "kind", "visit_date", "notes"),
            iter(visits),
        )
        yield (
            "answer",
            (*_RECORD, "assessment_id", "question_id", "instance_key", "value", "is_na", "note",
             "answered_at"),
            iter(answers),
        )  # fmt: skip
        self._cases_and_actions(cases, actions)
        yield (
            "clinic_case",
            (*_RECORD, "organization_id", "nqi_category", "title", "symptom", "diagnosis",
             "prescription", "status", "resolved_on"),
            iter(cases),
        )  # fmt: skip
        yield (
            "action",
            (*_RECORD, "case_id", "organization_id", "title", "description", "owner", "due_date",
             "priority", "status", "verification_note", "effectiveness_note"),
            iter(actions),
        )  # fmt: skip

    def _assessments(
        self, visits: list[tuple[Any, ...]], answers: list[tuple[Any, ...]]
    ) -> Iterator[tuple[Any, ...]]:
        rng = self.rng
        span = (self.end - self.begin).days
        for org in self.orgs:
            plan = LEADER_PLAN if org["role"] == ChainRole.CHAIN_LEADER.value else SUPPLIER_PLAN
            previous: tuple[str, str, date] | None = None  # a signed one that may be amended
            for slot, planned in enumerate(plan):
                low = self.begin + timedelta(days=span * slot // len(plan))
                high = self.begin + timedelta(days=span * (slot + 1) // len(plan))
                day = self.day(low, high)
                checklist_id = rng.choice(AUDITS) if planned == "audit" else planned
                amends: str | None = None
                if previous is not None and rng.random() < 0.03:
                    amends, checklist_id, signed_on = previous
                    day = min(self.end, signed_on + timedelta(days=rng.randrange(3, 30)))
                last = slot == len(plan) - 1
                draw = rng.random()
                status = (
                    AssessmentStatus.DRAFT if last and draw < 0.15
                    else AssessmentStatus.COMPLETED if draw < (0.4 if last else 0.2)
                    else AssessmentStatus.SIGNED
                )  # fmt: skip
                level = min(0.99, max(0.05, org["quality"] + org["trend"] * slot / 1.7))
                assessment_id, visit_id = self.new_id(), self.new_id()
                kind = VisitKind.SELF_ASSESSMENT if rng.random() < 0.1 else VisitKind.ONSITE_CLINIC
                stamp = _stamp(day)
                visits.append((visit_id, stamp, stamp, 1, None, org["id"], kind.value,
                               day.isoformat(), ""))  # fmt: skip
                score = self._answers(answers, assessment_id, checklist_id, level, stamp)
                checklist = self.checklists[checklist_id]
                done = status != AssessmentStatus.DRAFT
                grade = _grade(checklist, score) if done else None
                signed = _stamp(day, 16) if status == AssessmentStatus.SIGNED else None
                yield (
                    assessment_id, stamp, signed or stamp, 1, None, visit_id, org["id"],
                    checklist_id, checklist.version, self.frozen[checklist_id],
                    checklist.title.zh, status.value, amends, 2 if amends else 1,
                    _stamp(day, 15) if done else None, signed, round(score, 1), grade,
                )  # fmt: skip
                previous = (
                    (assessment_id, checklist_id, day)
                    if status == AssessmentStatus.SIGNED and amends is None
                    else None
                )

    def _answers(
        self,
        answers: list[tuple[Any, ...]],
        assessment_id: str,
        checklist_id: str,
        level: float,
        stamp: str,
    ) -> float:
        rng = self.rng
        tagged, others = self.pools[checklist_id]
        count = max(0, min(len(others), ANSWERS_PER_ASSESSMENT - len(tagged)))
        chosen = [*tagged, *rng.sample(others, count)]
        scores = []
        for question in chosen:
            value = _value(rng, question, level)
            scores.append(score_of(question, value) or 0.0)
            answers.append(
                (self.new_id(), stamp, stamp, 1, None, assessment_id, question.id, "",
                 json.dumps(value, ensure_ascii=False), 0, "", stamp)
            )  # fmt: skip
        return sum(scores) / len(scores) if scores else 0.0

    def _cases_and_actions(
        self, cases: list[tuple[Any, ...]], actions: list[tuple[Any, ...]]
    ) -> None:
        rng = self.rng
        fields = list(NqiCategory)
        for org in self.orgs:
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                field = rng.choice(fields)
                registered = self.day(self.begin, self.end)
                resolved: date | None = registered + timedelta(days=rng.randrange(10, 150))
                status = CaseStatus.RESOLVED
                if rng.random() > 0.6 or resolved is None or resolved > self.end:
                    resolved = None
                    status = rng.choice(
                        (CaseStatus.REGISTERED, CaseStatus.DIAGNOSED, CaseStatus.PRESCRIBED)
                    )
                case_id, stamp = self.new_id(), _stamp(registered, 10)
                title = rng.choice(words.PROBLEMS[field])
                cases.append((case_id, stamp, stamp, 1, None, org["id"], field.value, title, title,
                              "", "", status.value,
                              resolved.isoformat() if resolved else None))  # fmt: skip
                self._action(actions, org, case_id, title, registered)
            for _ in range(rng.choice((0, 1, 2, 3, 4))):
                self._action(actions, org, None, rng.choice(words.PROBLEMS[rng.choice(fields)]),
                              self.day(self.begin, self.end))  # fmt: skip

    def _action(
        self,
        actions: list[tuple[Any, ...]],
        org: dict[str, Any],
        case_id: str | None,
        problem: str,
        raised: date,
    ) -> None:
        rng = self.rng
        due = raised + timedelta(days=rng.randrange(14, 180))
        late = due < self.end
        draw = rng.random()
        if late:  # most actions past their due date were finished; the rest are overdue
            status = (
                ActionStatus.VERIFIED if draw < 0.45
                else ActionStatus.DONE if draw < 0.86
                else ActionStatus.OPEN if draw < 0.94
                else ActionStatus.IN_PROGRESS
            )  # fmt: skip
        else:
            status = ActionStatus.OPEN if draw < 0.5 else ActionStatus.IN_PROGRESS
        stamp = _stamp(raised, 11)
        title = f"{rng.choice(words.ACTION_VERBS)}：{problem}"
        actions.append((self.new_id(), stamp, stamp, 1, None, case_id, org["id"], title, "",
                        self.person(), due.isoformat(), rng.choice(list(Priority)).value,
                        status.value, "", ""))  # fmt: skip


def _code(n: int, width: int) -> str:
    """*n* in the credit code's alphabet, *width* characters (unique per company)."""
    digits = []
    for _ in range(width):
        n, rest = divmod(n, len(_USCC_ALPHABET))
        digits.append(_USCC_ALPHABET[rest])
    return "".join(reversed(digits))


def _pools(checklist: Checklist) -> tuple[list[Question], list[Question]]:
    """The questions a synthetic assessment answers: the 4 × 100% ones, and the others it draws
    from (only those with a finite set of answers, outside repeated sections)."""
    usable = [
        q for q in checklist.questions() if q.type in _ANSWERABLE and q.repeat_section is None
    ]
    tagged = [q for q in usable if q.coverage is not None]
    return tagged, [q for q in usable if q.coverage is None]


def _value(rng: random.Random, question: Question, level: float) -> Any:
    """An answer near *level* (0–1) of full marks."""
    draw = min(1.0, max(0.0, rng.gauss(level, 0.18)))
    if question.type == "yes-no":
        if draw >= 0.7:
            return "yes"
        return "partial" if draw >= 0.4 and question.allow_partial else "no"
    if question.type == "maturity":
        return round(draw * 5)
    if question.type == "vda":
        return min((0, 4, 6, 8, 10), key=lambda points: abs(points - draw * 10))
    options = sorted(question.options, key=lambda o: o.score or 0.0)
    return options[min(len(options) - 1, int(draw * len(options)))].value


def _grade(checklist: Checklist, score: float) -> str | None:
    return next((band.grade for band in checklist.scoring.grades if score >= band.min), None)
