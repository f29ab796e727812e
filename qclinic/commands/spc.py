"""``qclinic spc analyze``: control charts and capability on a table file (``qclinic msa ...`` is
in :mod:`qclinic.commands.msa`, registered with it).

Each handler returns 0; bad input raises :class:`~qclinic.errors.UserError`, which the top-level
CLI prints as ``error: <message>`` with exit code 2. ``--json`` prints the JSON-ready result
(shapes in docs/SPC.md); otherwise a short readable summary.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import TYPE_CHECKING, Any

from qclinic.core.text import Text
from qclinic.errors import UserError

if TYPE_CHECKING:
    from qclinic.core.spc.reshape import SpcData
    from qclinic.core.spc.tabular import MissingCell, Table

CHARTS = ("xbar-r", "xbar-s", "imr", "p", "np", "c", "u", "ewma", "cusum")  # --chart's order


def register(subparsers: Any) -> None:
    """Add the ``spc`` and ``msa`` command groups to an argparse subparsers object (``msa`` is
    defined in :mod:`qclinic.commands.msa`)."""
    from qclinic.commands import msa

    msa.register(subparsers)
    spc = subparsers.add_parser("spc", help="control charts and capability from a table file")
    spc_commands = spc.add_subparsers(dest="spc_command", metavar="SUBCOMMAND", required=True)
    analyze = spc_commands.add_parser(
        "analyze", help="a control chart (phase I/II, rule tests) and optional capability"
    )
    analyze.add_argument("file", help="CSV/TXT (comma, semicolon or tab) or XLSX file")
    analyze.add_argument("--chart", required=True, choices=CHARTS)
    analyze.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    _decimal_option(analyze)
    analyze.add_argument("--columns", help="wide layout: value columns C1,C2,... (one row each)")
    analyze.add_argument("--value-col", help="long layout: the value column")
    analyze.add_argument("--subgroup-col", help="long layout: the subgroup column")
    analyze.add_argument("--count-col", help="attribute charts: the count column")
    analyze.add_argument("--size-col", help="attribute charts: the sample size column")
    analyze.add_argument("--size", type=float, help="attribute charts: one constant sample size")
    analyze.add_argument(
        "--phase1", metavar="FIRST-LAST", help="1-based subgroups that estimate the limits"
    )
    analyze.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="N=REASON",
        help="leave subgroup N (1-based) out of the estimates, with a reason (repeatable)",
    )
    analyze.add_argument("--lsl", type=float, help="lower specification limit (capability)")
    analyze.add_argument("--usl", type=float, help="upper specification limit (capability)")
    analyze.add_argument("--target", type=float, help="target for Cpm (default: mid-spec)")
    analyze.add_argument(
        "--rules",
        default="nelson",
        metavar="{nelson,western-electric,none,LIST}",
        help="tests for special causes; LIST like 1,2,5 picks Nelson tests",
    )
    analyze.add_argument(
        "--rule-k", metavar="N=K,...", help="custom run lengths, e.g. 2=8 (Minitab-style)"
    )
    analyze.add_argument("--lambda", dest="lam", type=float, default=0.2, help="EWMA lambda")
    analyze.add_argument("--sigmas", type=float, default=None, help="limit width L in sigmas")
    analyze.add_argument(
        "--steady-state", action="store_true", help="EWMA: steady-state instead of exact limits"
    )
    analyze.add_argument("--k", type=float, default=0.5, help="CUSUM reference value (sigmas)")
    analyze.add_argument("--h", type=float, default=5.0, help="CUSUM decision interval (sigmas)")
    analyze.add_argument(
        "--headstart", type=float, default=0.0, help="CUSUM fast initial response, share of H"
    )
    analyze.add_argument("--mean", type=float, help="known process mean / EWMA-CUSUM target")
    analyze.add_argument("--sigma", type=float, help="known process sigma")
    analyze.add_argument(
        "--sigma-method",
        choices=("rbar", "sbar", "pooled", "mrbar"),
        help="within-subgroup sigma estimator",
    )
    analyze.add_argument(
        "--constants",
        choices=("tabled", "exact"),
        default="tabled",
        help="chart constants: as the published tables print them (default, as qcc/Minitab) "
        "or computed exactly",
    )
    analyze.add_argument(
        "--cpk-thresholds",
        metavar="NEW,CAPABLE,CONDITIONAL",
        default="1.67,1.33,1.00",
        help="Cpk thresholds of the capability verdict (default 1.67,1.33,1.00)",
    )
    analyze.add_argument(
        "--missing",
        choices=("skip", "error"),
        default="skip",
        help="empty or non-numeric cells: leave them out and list them (default), or stop",
    )
    analyze.add_argument("--json", action="store_true", help="print the result as JSON")
    analyze.set_defaults(func=analyze_command)


def _decimal_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--decimal",
        choices=("point", "comma"),
        help="decimal mark of a text file when the file cannot tell (e.g. one column of 74,000)",
    )


def _parse_phase1(text: str | None, count: int) -> tuple[int, int] | None:
    """``--phase1 FIRST-LAST`` as 1-based inclusive subgroups, checked against *count*."""
    if not text:
        return None
    parts = text.replace(" ", "").split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise UserError(f"--phase1 must look like FIRST-LAST (e.g. 1-25), got {text!r}")
    first, last = int(parts[0]), int(parts[1])
    if not 1 <= first < last <= count:
        raise UserError(f"--phase1 {text}: need 1 <= FIRST < LAST <= {count} (the subgroups)")
    return first, last


def _parse_exclude(items: list[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for item in items:
        number, _, reason = item.partition("=")
        if not number.strip().isdigit() or not reason.strip():
            raise UserError(f"--exclude must look like N=REASON, got {item!r}")
        out[int(number) - 1] = reason.strip()
    return out


def _rules(text: str, rule_k: str | None) -> dict[str, Any]:
    """``--rules`` and ``--rule-k`` as :class:`ChartSettings` fields (checked by the engine)."""
    from qclinic.core.spc.rules import make_rules

    lengths: dict[int, int] = {}
    for item in (rule_k or "").split(","):
        if not item.strip():
            continue
        number, _, k = item.partition("=")
        if not number.strip().isdigit() or not k.strip().isdigit():
            raise UserError(f"--rule-k must look like 2=8,3=7, got {rule_k!r}")
        lengths[int(number)] = int(k)
    key = text.strip().lower()
    chosen: dict[str, Any] = {"run_lengths": tuple(lengths.items())}
    if key in ("nelson", "western-electric", "we", "none"):
        make_rules(key, None, lengths)  # refuses impossible lengths before reading the file
        return {**chosen, "rules": key}
    try:
        numbers = tuple(int(n) for n in key.split(",") if n.strip())
    except ValueError:
        raise UserError(
            "--rules: use nelson, western-electric, none or a list like 1,2,5"
        ) from None
    make_rules("nelson", numbers, lengths)
    return {**chosen, "rules": "nelson", "rule_tests": numbers}


def _thresholds(text: str) -> tuple[float, float, float]:
    from qclinic.core.catalogue import text as say
    from qclinic.core.spc.capability import check_thresholds

    usage = say("spc.cpk_thresholds_usage", given=text)
    try:
        return check_thresholds([float(p) for p in str(text).split(",")])
    except ValueError:
        raise UserError(usage) from None
    except UserError as error:
        said = error.text or Text(str(error), str(error))
        raise UserError(usage + Text("：", ": ") + said) from None


def _data(args: argparse.Namespace, table: Table, missing: list[MissingCell] | None) -> SpcData:
    """The table reshaped for the chart (:mod:`qclinic.core.spc.reshape`)."""
    from qclinic.core.spc.reshape import table_attributes, table_variables

    if args.chart in ("p", "np", "c", "u"):
        if not args.count_col:
            raise UserError(f"the {args.chart} chart needs --count-col")
        if not args.size_col and args.size is None and args.chart in ("p", "u"):
            raise UserError(f"the {args.chart} chart needs --size-col or --size")
        return table_attributes(table, args.count_col, args.size_col, args.size)
    if not args.columns and not args.value_col:
        raise UserError("choose the data: --columns C1,C2,... or --value-col C [--subgroup-col C]")
    return table_variables(
        table,
        columns=[c for c in (args.columns or "").split(",") if c.strip()],
        value_col=args.value_col,
        subgroup_col=args.subgroup_col if args.value_col else None,
        variable=args.chart in ("xbar-r", "xbar-s"),
        missing=missing,
    )


def analyze_command(args: argparse.Namespace) -> int:
    """Run ``spc analyze``; an error after missing cells were left out names them too."""
    missing: list[MissingCell] | None = [] if args.missing == "skip" else None
    try:
        return _analyze(args, missing)
    except UserError as error:
        if not missing:
            raise
        from qclinic.core.catalogue import text
        from qclinic.core.spc.tabular import missing_text
        from qclinic.core.text import Text

        said = error.text or Text(str(error), str(error))
        summary = text("spc.with_missing", summary=missing_text(missing))
        raise UserError(said + Text("", " ") + summary) from None


def _analyze(args: argparse.Namespace, missing: list[MissingCell] | None) -> int:
    from dataclasses import replace

    from qclinic.core.spc.analysis import ChartSettings, analyze
    from qclinic.core.spc.tabular import read_table

    table = read_table(args.file, args.sheet, args.decimal)
    rules = _rules(args.rules, args.rule_k)
    exclude = _parse_exclude(args.exclude)
    thresholds = _thresholds(args.cpk_thresholds)
    data = _data(args, table, missing)
    if exclude:
        data = replace(data, excluded=exclude)
    if data.matrix is None and (args.lsl is not None or args.usl is not None):
        raise UserError("capability (--lsl/--usl) needs variables data, not counts")
    settings = ChartSettings(
        chart=args.chart,
        phase1=_parse_phase1(args.phase1, data.points),
        lsl=args.lsl,
        usl=args.usl,
        target=args.target,
        constants=args.constants,
        thresholds=thresholds,
        sigmas=3.0 if args.sigmas is None else args.sigmas,
        sigma_method=args.sigma_method,
        mean=args.mean,
        sigma=args.sigma,
        lam=args.lam,
        exact=not args.steady_state,
        k=args.k,
        h=args.h,
        headstart=args.headstart,
        **rules,
    )
    result = analyze(data, settings).to_dict()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, allow_nan=False, indent=2))
    else:
        print(_chart_text(result))
    return 0


CONSTANTS_TEXT = {
    "tabled": "chart constants as tabled (Montgomery App. VI)",
    "exact": "chart constants computed exactly",
}


def _fmt(value: Any, decimals: int | None = None, extra: int = 0) -> str:
    """A number as printed: *decimals* fixed places when the data's are known (see
    :func:`qclinic.core.spc.digits.limit_decimals`), else 6 significant digits."""
    if value is None:
        return "-"
    if isinstance(value, list):
        finite = [v for v in value if v is not None]
        if not finite:
            return "-"
        return (
            f"varies {_fmt(min(finite), decimals, extra)} .. {_fmt(max(finite), decimals, extra)}"
        )
    if isinstance(value, float):
        if not math.isfinite(value):
            return "-"
        if decimals is not None:
            return f"{value:.{decimals + extra}f}"
        return f"{value:.6g}"
    return str(value)


def _chart_text(result: dict[str, Any]) -> str:
    lines = [
        f"Chart {result['chart']}: {result['points']} points, phase I "
        f"{result['phase1']['first']}-{result['phase1']['last']}, "
        f"{result['phase2_points']} monitored in phase II",
    ]
    digits = result.get("decimals")
    if result.get("missing"):
        from qclinic.core.spc.tabular import MissingCell, missing_text

        cells = [MissingCell(**cell) for cell in result["missing"]]
        lines.append(f"  {missing_text(cells).en}")
    if result["sigma"] is not None:
        lines.append(
            f"  sigma = {_fmt(result['sigma'])} ({result['sigma_method']}), "
            f"{CONSTANTS_TEXT.get(str(result.get('constants')), 'no chart constants')}"
        )
    for item in result["excluded"]:
        lines.append(f"  excluded point {item['point']}: {item['reason']}")
    for chart in result["charts"]:
        lines.append(
            f"  {chart['name']}: center {_fmt(chart['center'], digits)}, "
            f"UCL {_fmt(chart['ucl'], digits)}, LCL {_fmt(chart['lcl'], digits)}"
        )
        violations = chart["violations"]
        if not violations:
            lines.append("    no violations")
        for violation in violations[:20]:
            lines.append(f"    {violation['description']['en']}")
        if len(violations) > 20:
            lines.append(f"    ... and {len(violations) - 20} more")
    cap = result.get("capability")
    if cap:
        shown = ", ".join(
            f"{name.capitalize()} {_fmt(value)}"
            for name, value in cap["indices"].items()
            if value is not None
        )
        lines.append(f"  capability: {shown}")
        if cap.get("verdict"):
            lines.append(f"  verdict: {cap['verdict']['text']['en']}")
        lines.append(
            f"  expected PPM within {_fmt(cap['ppm']['within']['total'])}, "
            f"overall {_fmt(cap['ppm']['overall']['total'])}"
        )
        warning = (cap.get("normality") or {}).get("warning")
        if warning:
            lines.append(f"  warning: {warning['en']}")
    return "\n".join(lines)
