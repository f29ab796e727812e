"""The radar chart: both series drawn, Chinese labels rendered with the bundled font."""

from __future__ import annotations

import io
import math

import pytest

from qclinic.charts.radar import radar_figure, wrap_label

LABELS_ZH = ["质量管理体系", "计量", "标准", "统计过程控制（SPC）", "特种设备"]
FIRST = [65.7, 60.0, 68.0, 60.0, 76.0]
SECOND = [77.1, 71.4, 80.0, 68.0, 80.0]


def _lines(figure):
    axes = figure.axes[0]
    return {line.get_gid(): line for line in axes.get_lines() if line.get_gid()}


def test_both_series_are_drawn_as_closed_outlines() -> None:
    figure = radar_figure(LABELS_ZH, [("2025 自评", FIRST), ("2026 门诊", SECOND)], "zh")
    lines = _lines(figure)
    assert set(lines) == {"series-0", "series-1"}
    for gid, values in (("series-0", FIRST), ("series-1", SECOND)):
        ydata = list(lines[gid].get_ydata())
        assert ydata == [*values, values[0]]  # closed back to the first spoke
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["2025 自评", "2026 门诊"]
    assert figure.axes[0].get_ylim() == (0, 100)


def test_chinese_labels_render_to_png_without_missing_glyphs() -> None:
    # pyproject's filterwarnings=error turns matplotlib's "Glyph … missing" warning into a failure.
    figure = radar_figure(LABELS_ZH, [("甲", FIRST), ("乙", SECOND)], "zh")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    data = buffer.getvalue()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_english_figure_and_a_gap_for_an_unscored_section() -> None:
    labels = ["Quality management system", "Metrology", "Standards"]
    figure = radar_figure(labels, [("A", [50.0, None, 70.0])], "en")
    assert figure.axes[0].get_title() == "Section scores (%)"
    ydata = list(_lines(figure)["series-0"].get_ydata())
    assert math.isnan(ydata[1])
    figure.savefig(io.BytesIO(), format="png")


def test_a_series_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        radar_figure(["a", "b", "c"], [("A", [1.0, 2.0])], "en")


def test_fewer_than_three_sections_gives_a_message_not_a_polygon() -> None:
    figure = radar_figure(["a", "b"], [("A", [1.0, 2.0])], "en")
    assert not _lines(figure)
    figure.savefig(io.BytesIO(), format="png")


def test_long_labels_wrap_without_splitting_words_or_brackets() -> None:
    assert wrap_label("统计过程控制（SPC）") == "统计过程控制\n（SPC）"
    assert (
        wrap_label("Advanced product quality planning", 16) == "Advanced product\nquality planning"
    )


def test_an_unscored_section_is_not_drawn_at_zero_and_its_spoke_says_na() -> None:
    """Issue 10: an N/A section pulled the shaded area to the centre as if it scored 0."""
    labels = ["Quality management system", "Metrology", "Standards", "Special equipment"]
    figure = radar_figure(
        labels,
        [("A · 2025", [50.0, None, 70.0, 60.0]), ("B · 2026", [55.0, 65.0, 75.0, 62.0])],
        "en",
    )
    axes = figure.axes[0]
    fills = {patch.get_gid(): patch for patch in axes.patches if patch.get_gid()}
    assert set(fills) == {"fill-0", "fill-1"}
    radii_a = [round(float(r), 6) for _, r in fills["fill-0"].get_xy()]
    assert 0.0 not in radii_a  # the old fill went through the centre at the N/A spoke
    assert sorted(set(radii_a)) == [50.0, 60.0, 70.0]  # the three scored sections only
    assert sorted({round(float(r), 6) for _, r in fills["fill-1"].get_xy()}) == [55, 62, 65, 75]
    ticks = [t.get_text() for t in axes.get_xticklabels()]
    assert ticks[1] == "Metrology\n(N/A: A)"
    assert all("N/A" not in t for i, t in enumerate(ticks) if i != 1)
    both = radar_figure(["计量", "标准", "特种设备"], [("甲", [None, 1.0, 2.0])], "zh")
    assert both.axes[0].get_xticklabels()[0].get_text() == "计量\n(不适用)"


def test_long_english_legend_stays_inside_a_narrow_chart() -> None:
    """The compare dialog's chart at its minimum size (460×420 px) with long assessment titles."""
    names = [
        "A · 2025 annual quality self-assessment, rod line",
        "B · 2026 quality clinic diagnosis across the national quality infrastructure",
    ]
    labels = ["Quality management system", "Metrology", "Standards", "Special equipment"]
    figure = radar_figure(
        labels, [(names[0], FIRST[:4]), (names[1], SECOND[:4])], "en", figsize=(4.6, 4.2)
    )
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # lays the figure out (constrained layout) and places the legend
    renderer = canvas.get_renderer()
    legend_box = figure.legends[0].get_window_extent(renderer)
    figure_box = figure.bbox
    assert legend_box.x0 >= figure_box.x0 - 0.5 and legend_box.x1 <= figure_box.x1 + 0.5
    assert legend_box.y0 >= figure_box.y0 - 0.5
    texts = [t.get_text() for t in figure.legends[0].get_texts()]
    assert texts[0] == names[0] and texts[1].endswith("…") and texts[1].startswith("B · 2026")
