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

import numpy as np

from qclinic.errors import UserError

if TYPE_CHECKING:
    from qclinic.core.spc.tabular import MissingCell, Table

CHARTS = ("xbar-r", "xbar-s", "imr", "p", "np", "c", "u", "ewma", "cusum")


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
    if not text:
        return None
    parts = text.replace(" ", "").split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise UserError(f"--phase1 must look like FIRST-LAST (e.g. 1-25), got {text!r}")
    first, last = int(parts[0]), int(parts[1])
    if not 1 <= first < last <= count:
        raise UserError(f"--phase1 {text}: need 1 <= FIRST < LAST <= {count} (the subgroups)")
    return first - 1, last


def _parse_exclude(items: list[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for item in items:
        number, _, reason = item.partition("=")
        if not number.strip().isdigit() or not reason.strip():
            raise UserError(f"--exclude must look like N=REASON, got {item!r}")
        out[int(number) - 1] = reason.strip()
    return out


def _rules(text: str, rule_k: str | None) -> tuple[Any, ...]:
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
    if key in ("nelson", "western-electric", "we", "none"):
        return make_rules(key, None, lengths)
    try:
        numbers = [int(n) for n in key.split(",") if n.strip()]
    except ValueError:
        raise UserError(
            "--rules: use nelson, western-electric, none or a list like 1,2,5"
        ) from None
    return make_rules("nelson", numbers, lengths)


def _thresholds(text: str) -> tuple[float, float, float]:
    from qclinic.core.catalogue import text as say
    from qclinic.core.spc.capability import check_thresholds
    from qclinic.core.text import Text

    usage = say("spc.cpk_thresholds_usage", given=text)
    try:
        return check_thresholds([float(p) for p in str(text).split(",")])
    except ValueError:
        raise UserError(usage) from None
    except UserError as error:
        said = error.text or Text(str(error), str(error))
        raise UserError(usage + Text("：", ": ") + said) from None


def _variables_data(
    args: argparse.Namespace, table: Table, missing: list[MissingCell] | None
) -> np.ndarray:
    """The subgroup matrix; missing cells are NaN (and listed in *missing*) when skipped."""
    from qclinic.core.spc.tabular import long_subgroups, number_column, wide_subgroups

    if args.columns:
        columns = [c for c in args.columns.split(",") if c.strip()]
        return wide_subgroups(table, columns, missing)
    if args.value_col and args.subgroup_col:
        variable = args.chart in ("xbar-r", "xbar-s")
        matrix: np.ndarray = long_subgroups(
            table, args.value_col, args.subgroup_col, missing, variable=variable
        )[0]
        return matrix
    if args.value_col:
        values = number_column(table, args.value_col, missing)
        return values[~np.isnan(values)][:, None]  # individuals: a missing value is no point
    raise UserError("choose the data: --columns C1,C2,... or --value-col C [--subgroup-col C]")


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
    from qclinic.core.spc import (
        attribute_chart,
        capability,
        cusum_chart,
        ewma_chart,
        imr_chart,
        xbar_chart,
    )
    from qclinic.core.spc.tabular import attribute_columns, read_table

    table = read_table(args.file, args.sheet, args.decimal)
    rules = _rules(args.rules, args.rule_k)
    exclude = _parse_exclude(args.exclude)
    sigmas = 3.0 if args.sigmas is None else args.sigmas
    thresholds = _thresholds(args.cpk_thresholds)
    chart = args.chart
    data: np.ndarray | None = None
    if chart in ("p", "np", "c", "u"):
        if not args.count_col:
            raise UserError(f"the {chart} chart needs --count-col")
        counts, sizes = attribute_columns(table, args.count_col, args.size_col)
        if sizes is None:
            if args.size is None and chart in ("p", "u"):
                raise UserError(f"the {chart} chart needs --size-col or --size")
            sizes_arg: Any = 1.0 if args.size is None else args.size
        else:
            sizes_arg = sizes
        phase1 = _parse_phase1(args.phase1, counts.size)
        analysis = attribute_chart(
            chart, counts, sizes_arg, phase1=phase1, exclude=exclude, rules=rules, sigmas=sigmas
        )
    else:
        data = _variables_data(args, table, missing)
        if np.isnan(data).any() and chart not in ("xbar-r", "xbar-s"):
            raise UserError(
                f"the {chart} chart needs subgroups of one size; empty or non-numeric cells "
                "left some subgroups short: use an X-bar-R or X-bar-S chart (limits per "
                "subgroup size) or fill the cells"
            )
        phase1 = _parse_phase1(args.phase1, data.shape[0])
        common = {
            "phase1": phase1,
            "exclude": exclude,
            "mean": args.mean,
            "sigma": args.sigma,
            "constants": args.constants,
        }
        if chart in ("xbar-r", "xbar-s"):
            analysis = xbar_chart(
                data,
                dispersion=chart[-1],
                sigma_method=args.sigma_method,
                rules=rules,
                sigmas=sigmas,
                **common,
            )
        elif chart == "imr":
            if data.shape[1] != 1:
                raise UserError("the I-MR chart takes one value column (--value-col)")
            analysis = imr_chart(data[:, 0], rules=rules, sigmas=sigmas, **common)
        elif chart == "ewma":
            analysis = ewma_chart(
                data,
                lam=args.lam,
                sigmas=sigmas if args.sigmas is not None else 3.0,
                exact=not args.steady_state,
                sigma_method=args.sigma_method,
                **common,
            )
        else:
            analysis = cusum_chart(
                data,
                k=args.k,
                h=args.h,
                headstart=args.headstart,
                sigma_method=args.sigma_method,
                **common,
            )
    result = analysis.to_dict()
    result["missing"] = [cell.to_dict() for cell in missing or []]
    result["capability"] = None
    if args.lsl is not None or args.usl is not None:
        if data is None:
            raise UserError("capability (--lsl/--usl) needs variables data, not counts")
        used = data[analysis.estimate_mask]
        method = args.sigma_method
        if method is None and chart == "xbar-r":
            method = "rbar"
        elif method is None and chart == "xbar-s":
            method = "sbar"
        cap = capability(
            used,
            lsl=args.lsl,
            usl=args.usl,
            target=args.target,
            sigma_method=method,
            constants=args.constants,
            thresholds=thresholds,
        )
        result["capability"] = cap.to_dict()
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
        from qclinic.core.spc.tabular import MissingCell, missing_summary

        cells = [MissingCell(**cell) for cell in result["missing"]]
        lines.append(f"  {missing_summary(cells)['en']}")
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
