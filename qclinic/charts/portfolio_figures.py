"""The campaign dashboard's figures: grades now and before, 4 × 100% coverage, problems by NQI
field, services over time.

Pure matplotlib (no pyplot state, no widgets), like :mod:`qclinic.charts.spc_figures`: each
function fills a :class:`~matplotlib.figure.Figure` from plain numbers (counts keyed by the
stored values), so the desktop's canvas and a printed report draw the same picture. Every bar
carries a *gid* naming the figure it shows — ``grades:now:B``, ``coverage:spc``,
``problems:metrology:solved``, ``services:2026-03:visits``, ``services:2026-03:referrals`` — which is what a click on it opens
(:func:`bar_at`): the companies behind that figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, MaxNLocator

from qclinic.charts.fonts import register_cjk_font
from qclinic.core.catalogue import say
from qclinic.core.vocabulary import NqiCategory

#: The 4-level grades in the order drawn, and "not yet graded".
GRADES = ("A", "B", "C", "D", "ungraded")
#: The four of "4 × 100%", in the order drawn.
COVERAGE = ("iso9001", "apqp", "msa", "spc")
#: The kinds of clinic service, in the order stacked (referrals: delivered by a provider, 供需对接).
SERVICES = ("visits", "assessments", "cases", "referrals")

GRADE_COLOURS = {"now": "#1f6fd1", "previous": "#b7cbe8"}
COVERAGE_COLOURS = {"covered": "#2e7d32", "missing": "#e6e6e6"}
PROBLEM_COLOURS = {"received": "#e39b3b", "solved": "#2e7d32"}
SERVICE_COLOURS = {
    "visits": "#1f6fd1",
    "assessments": "#6bb36b",
    "cases": "#e39b3b",
    "referrals": "#8e5bb5",
}
#: the services chart keeps room for this many months, so one month is not one wide block
MIN_MONTH_SLOTS = 6
TITLE_SIZE = 10
LABEL_SIZE = 8


def _axes(figure: Figure, title: str) -> Axes:
    register_cjk_font()
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    # placed at the top (no ticks there): matplotlib need not measure the axis at every drawing
    ax.set_title(title, fontsize=TITLE_SIZE, loc="left", y=1.0)
    ax.tick_params(labelsize=LABEL_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _empty(ax: Axes, lang: str) -> None:
    ax.text(
        0.5,
        0.5,
        say("dashboard.no_data", lang),
        ha="center",
        va="center",
        fontsize=LABEL_SIZE + 1,
        color="#777777",
        transform=ax.transAxes,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)


def _legend(ax: Axes) -> None:
    """The legend in one row on the title's line, right-aligned: never over a bar."""
    handles = len(ax.get_legend_handles_labels()[0])
    ax.legend(
        fontsize=LABEL_SIZE - 1,
        frameon=False,
        ncols=handles,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        borderaxespad=0.2,
        handlelength=1.2,
        columnspacing=1.0,
    )


def _tag_labels(labels: Sequence[Text], bars: Sequence[Rectangle]) -> None:
    """Name each bar's label after its bar (``label:<gid>``), so an update finds it."""
    for label, bar in zip(labels, bars, strict=True):
        label.set_gid(f"label:{bar.get_gid()}")


def _fit(figure: Figure) -> None:
    figure.set_layout_engine("constrained")


def grade_label(grade: str, lang: str) -> str:
    """ "A 级" / "A", and "未评级" / "Not graded"."""
    if grade == "ungraded":
        return say("dashboard.ungraded", lang)
    return say("dashboard.grade", lang, grade=grade)


def draw_grades(
    figure: Figure,
    now: Mapping[str, int],
    previous: Mapping[str, int] | None,
    lang: str = "zh",
) -> None:
    """Suppliers by their latest 4-level grade, this period beside the previous one (grouped
    bars, the count on each); a missing grade counts 0."""
    ax = _axes(figure, say("dashboard.grades_title", lang))
    positions = range(len(GRADES))
    if not any(now.get(g, 0) for g in GRADES) and not any(
        (previous or {}).get(g, 0) for g in GRADES
    ):
        _empty(ax, lang)
        _fit(figure)
        return
    periods: list[tuple[str, Mapping[str, int]]] = []
    if previous is not None:
        periods.append(("previous", previous))
    periods.append(("now", now))
    width = 0.8 / len(periods)
    for p, (period, counts) in enumerate(periods):
        offset = (p - (len(periods) - 1) / 2) * width
        heights = [int(counts.get(g, 0)) for g in GRADES]
        bars = ax.bar(
            [x + offset for x in positions],
            heights,
            width,
            color=GRADE_COLOURS[period],
            label=say(f"dashboard.period_{period}", lang),
        )
        for bar, grade in zip(bars, GRADES, strict=True):
            bar.set_gid(f"grades:{period}:{grade}")
        _tag_labels(ax.bar_label(bars, fontsize=LABEL_SIZE - 1, padding=1), bars)
    ax.set_xticks(list(positions), [grade_label(g, lang) for g in GRADES])
    ax.set_ylabel(say("dashboard.companies", lang), fontsize=LABEL_SIZE)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(y=0.15)
    _legend(ax)
    _fit(figure)


def coverage_label(key: str) -> str:
    """ISO 9001, APQP, MSA, SPC (the same in both languages)."""
    return {"iso9001": "ISO 9001"}.get(key, key.upper())


def draw_coverage(
    figure: Figure, coverage: Mapping[str, tuple[int, int]], lang: str = "zh"
) -> None:
    """4 × 100%: for ISO 9001, APQP, MSA and SPC the share of companies where it is in place,
    as horizontal bars out of 100 % labelled "covered / of · share"."""
    ax = _axes(figure, say("dashboard.coverage_title", lang))
    if not any(coverage.get(k, (0, 0))[1] for k in COVERAGE):
        _empty(ax, lang)
        _fit(figure)
        return
    rows = list(reversed(COVERAGE))  # ISO 9001 on top
    shares = []
    for key in rows:
        covered, of = coverage.get(key, (0, 0))
        shares.append(100.0 * covered / of if of else 0.0)
    track = ax.barh(range(len(rows)), [100.0] * len(rows), 0.6, color=COVERAGE_COLOURS["missing"])
    for bar, key in zip(track, rows, strict=True):
        bar.set_gid(f"coverage:{key}:missing")  # the companies where it is not in place
    bars = ax.barh(range(len(rows)), shares, 0.6, color=COVERAGE_COLOURS["covered"])
    for bar, key, share in zip(bars, rows, shares, strict=True):
        covered, of = coverage.get(key, (0, 0))
        bar.set_gid(f"coverage:{key}")
        label = ax.text(
            101,
            bar.get_y() + bar.get_height() / 2,
            say("dashboard.share", lang, covered=covered, of=of, share=share),
            va="center",
            fontsize=LABEL_SIZE,
        )
        label.set_gid(f"label:coverage:{key}")
    ax.set_yticks(range(len(rows)), [coverage_label(k) for k in rows])
    ax.set_xlim(0, 135)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(say("dashboard.share_axis", lang), fontsize=LABEL_SIZE)
    _fit(figure)


def field_label(field: str, lang: str) -> str:
    """An NQI field's vocabulary label (计量 / Metrology)."""
    return say(f"vocabulary.{field}", lang)


def draw_problems(
    figure: Figure, by_field: Mapping[str, tuple[int, int]], lang: str = "zh"
) -> None:
    """Problems received and solved per NQI field (grouped horizontal bars), the fields in the
    vocabulary's order; a field the data does not name counts 0."""
    ax = _axes(figure, say("dashboard.problems_title", lang))
    fields = [str(f) for f in NqiCategory]
    if not any(sum(by_field.get(f, (0, 0))) for f in fields):
        _empty(ax, lang)
        _fit(figure)
        return
    rows = list(reversed(fields))  # the vocabulary's first field on top
    height = 0.38
    for k, kind in enumerate(("received", "solved")):
        offset = height / 2 if kind == "received" else -height / 2
        values = [int(by_field.get(f, (0, 0))[k]) for f in rows]
        bars = ax.barh(
            [y + offset for y in range(len(rows))],
            values,
            height,
            color=PROBLEM_COLOURS[kind],
            label=say(f"dashboard.{kind}", lang),
        )
        for bar, field in zip(bars, rows, strict=True):
            bar.set_gid(f"problems:{field}:{kind}")
        labels = [str(v) if v else "" for v in values]  # eight fields of zeros would be noise
        _tag_labels(ax.bar_label(bars, labels=labels, fontsize=LABEL_SIZE - 1, padding=2), bars)
    ax.set_yticks(range(len(rows)), [field_label(f, lang) for f in rows])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.15)
    _legend(ax)
    _fit(figure)


def draw_services(
    figure: Figure,
    months: Sequence[str],
    series: Mapping[str, Sequence[int]],
    lang: str = "zh",
) -> None:
    """Clinic services per month (``YYYY-MM``): visits, assessments, cases and referrals
    delivered stacked."""
    ax = _axes(figure, say("dashboard.services_title", lang))
    if not months or not any(any(series.get(k, ())) for k in SERVICES):
        _empty(ax, lang)
        _fit(figure)
        return
    bottoms = [0] * len(months)
    for kind in SERVICES:
        values = [int(v) for v in series.get(kind, [0] * len(months))]
        bars = ax.bar(
            range(len(months)),
            values,
            0.7,
            bottom=bottoms,
            color=SERVICE_COLOURS[kind],
            label=say(f"dashboard.{kind}", lang),
        )
        for bar, month in zip(bars, months, strict=True):
            bar.set_gid(f"services:{month}:{kind}")
            # a stacked bar sticks the axis to its bottom: an empty top kind (no referrals yet)
            # would pin the tallest stack to the frame; only the baseline sticks
            bar.sticky_edges.y[:] = [0]
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    step = max(1, len(months) // 12)  # at most about twelve month labels
    ticks = list(range(0, len(months), step))
    ax.set_xticks(ticks, [months[i] for i in ticks], rotation=45, ha="right")
    ax.set_ylabel(say("dashboard.services_axis", lang), fontsize=LABEL_SIZE)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(-0.6, max(len(months), MIN_MONTH_SLOTS) - 0.4)  # a few months stay narrow bars
    _legend(ax)
    _fit(figure)


def layout_key(figure: Figure) -> tuple[object, ...]:
    """What decides where the constrained layout puts a chart's axes: the figure's size and, per
    axes, its words and tick labels and how many digits its data reach. Two drawings with the same
    key can share one layout (see :func:`reuse_layout`), which is most of a redraw's cost."""
    parts: list[object] = [tuple(figure.get_size_inches()), figure.dpi]
    for ax in figure.axes:
        parts.append(
            (
                ax.get_title(loc="left"),
                ax.get_xlabel(),
                ax.get_ylabel(),
                _named_ticks(ax.xaxis),
                _named_ticks(ax.yaxis),
                f"{ax.dataLim.xmax:.0f}".__len__(),
                f"{ax.dataLim.ymax:.0f}".__len__(),
            )
        )
    return tuple(parts)


def _named_ticks(axis: Axis) -> tuple[str, ...]:
    """The labels of an axis of named ticks (grades, fields, months); () for a numeric one, whose
    width the digits of its data stand for."""
    if not isinstance(axis.get_major_formatter(), FixedFormatter):
        return ()
    return tuple(t.get_text() for t in axis.get_ticklabels())


def reuse_layout(figure: Figure, positions: Sequence[object]) -> None:
    """Place the axes where an earlier drawing with the same :func:`layout_key` had them, and
    draw without the layout engine."""
    figure.set_layout_engine("none")
    for ax, position in zip(figure.axes, positions, strict=True):
        ax.set_position(position)  # type: ignore[arg-type]
        ax.set_in_layout(True)  # set_position takes it out; a later layout (a resize) needs it


def bars(figure: Figure) -> dict[str, Rectangle]:
    """Every bar that stands for a figure, by its gid."""
    found: dict[str, Rectangle] = {}
    for ax in figure.axes:
        for patch in ax.patches:
            gid = patch.get_gid()
            if gid and isinstance(patch, Rectangle):
                found[gid] = patch
    return found


def bar_at(figure: Figure, x: float, y: float) -> str | None:
    """The gid of the bar under the display point (*x*, *y*) — a mouse event's pixels — or
    ``None``; where bars overlap, the one drawn last (on top) wins."""
    for gid, patch in reversed(bars(figure).items()):
        if patch.contains_point((x, y)):
            return gid
    return None
