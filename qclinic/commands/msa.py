"""``qclinic msa grr|linearity|attribute``: measurement systems analysis on a table file.

Each handler returns 0; bad input raises :class:`~qclinic.errors.UserError` (exit code 2, a
located message). ``--json`` prints the JSON-ready result (shapes in docs/SPC.md, never NaN);
otherwise a short readable summary.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from qclinic.commands.spc import _decimal_option, _fmt


def register(subparsers: Any) -> None:
    """Add the ``msa`` command group to an argparse subparsers object."""
    msa = subparsers.add_parser("msa", help="measurement systems analysis from a table file")
    msa_commands = msa.add_subparsers(dest="msa_command", metavar="SUBCOMMAND", required=True)
    grr = msa_commands.add_parser("grr", help="crossed gage R&R study")
    grr.add_argument("file")
    grr.add_argument("--sheet")
    _decimal_option(grr)
    grr.add_argument("--part-col", required=True)
    grr.add_argument("--operator-col", required=True)
    grr.add_argument("--value-col", required=True)
    grr.add_argument("--tolerance", type=float, help="USL - LSL, for %%Tolerance")
    grr.add_argument("--method", choices=("anova", "xbar-r"), default="anova")
    grr.add_argument(
        "--pool-alpha",
        type=float,
        default=0.25,
        help="pool the interaction when its p-value exceeds this (AIAG 0.25)",
    )
    grr.add_argument(
        "--study-multiplier", type=float, default=6.0, help="sigmas of study variation (6)"
    )
    grr.add_argument("--json", action="store_true")
    grr.set_defaults(func=grr_command)

    linearity = msa_commands.add_parser("linearity", help="gage linearity and bias study")
    linearity.add_argument("file")
    linearity.add_argument("--sheet")
    _decimal_option(linearity)
    linearity.add_argument("--reference-col", required=True)
    linearity.add_argument("--value-col", required=True)
    linearity.add_argument(
        "--process-variation", type=float, help="6 sigma of the process, for %%Bias"
    )
    linearity.add_argument("--json", action="store_true")
    linearity.set_defaults(func=linearity_command)

    attribute = msa_commands.add_parser(
        "attribute", help="attribute agreement analysis: percent agreement and kappa (AIAG III-C)"
    )
    attribute.add_argument("file")
    attribute.add_argument("--sheet")
    _decimal_option(attribute)
    attribute.add_argument("--part-col", required=True, help="the part (sample) column")
    attribute.add_argument("--appraiser-col", required=True, help="the appraiser column")
    attribute.add_argument("--value-col", required=True, help="the rating column (any labels)")
    attribute.add_argument(
        "--trial-col", help="the trial column (default: an appraiser's ratings of a part in order)"
    )
    attribute.add_argument("--reference-col", help="the known standard of each part (optional)")
    attribute.add_argument(
        "--confidence", type=float, default=0.95, help="of the percent intervals (0.95)"
    )
    attribute.add_argument("--json", action="store_true")
    attribute.set_defaults(func=attribute_command)


def grr_command(args: argparse.Namespace) -> int:
    """Run ``msa grr``."""
    from qclinic.core.msa import gage_rr
    from qclinic.core.spc.tabular import read_table

    table = read_table(args.file, args.sheet, args.decimal)
    result = gage_rr(
        table.labels(args.part_col),
        table.labels(args.operator_col),
        table.numbers(args.value_col),
        method=args.method,
        tolerance=args.tolerance,
        pool_alpha=args.pool_alpha,
        study_multiplier=args.study_multiplier,
    )
    out = result.to_dict()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, allow_nan=False, indent=2))
        return 0
    lines = [
        f"Gage R&R ({out['method']}): {out['parts']} parts x {out['operators']} operators x "
        f"{out['trials']} trials",
    ]
    if out["interaction_p"] is not None:
        state = "pooled" if out["interaction_pooled"] else "kept"
        lines.append(f"  interaction p = {out['interaction_p']:.4f} ({state})")
    tolerance = out["percent_tolerance"] or {}
    for key in ("repeatability", "reproducibility", "grr", "part", "total"):
        extra = f", %Tol {tolerance[key]:.2f}" if key in tolerance else ""
        lines.append(
            f"  {key:15s} sd {out['components'][key]:.5g}  %SV {out['percent_study_var'][key]:.2f}"
            f"  %Contr {out['percent_contribution'][key]:.2f}{extra}"
        )
    lines.append(f"  verdict: %GRR {out['verdict']['study_text']['en']}")
    lines.append(f"  {out['verdict']['ndc_text']['en']}")
    print("\n".join(lines))
    return 0


def linearity_command(args: argparse.Namespace) -> int:
    """Run ``msa linearity``."""
    from qclinic.core.msa import linearity_study
    from qclinic.core.spc.tabular import read_table

    table = read_table(args.file, args.sheet, args.decimal)
    result = linearity_study(
        table.numbers(args.reference_col),
        table.numbers(args.value_col),
        process_variation=args.process_variation,
    )
    out = result.to_dict()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, allow_nan=False, indent=2))
        return 0
    lines = [
        f"Linearity: bias = {out['intercept']:.5g} + {out['slope']:.5g} x reference, "
        f"R^2 = {out['r_squared']:.4f}, p(slope) = {out['slope_p']:.3g}, "
        f"%Linearity = {out['percent_linearity']:.2f}",
    ]
    for row in out["bias"]:
        lines.append(
            f"  reference {row['reference']}: bias {row['bias']:.4g}, t {_fmt(row['t'])}, "
            f"p {_fmt(row['p'])}"
        )
    print("\n".join(lines))
    return 0


def _percent(row: dict[str, Any]) -> str:
    low, high = row["ci"]
    return (
        f"{row['matched']}/{row['inspected']} = {row['percent']:.2f} % "
        f"(95 % CI {low:.2f} .. {high:.2f} %)"
    )


def _kappa(entry: dict[str, Any] | None) -> str:
    if entry is None or entry.get("kappa") is None:
        return "kappa undefined (one category only)"
    verdict = entry.get("verdict")
    return f"kappa {entry['kappa']:.4f}" + (f" ({verdict})" if verdict else "")


def attribute_text(out: dict[str, Any]) -> str:
    """The readable summary of an attribute agreement result (``to_dict`` shape)."""
    lines = [
        f"Attribute agreement: {out['parts']} parts x {len(out['appraisers'])} appraisers x "
        f"{out['trials']} trials; categories {', '.join(out['categories'])}",
    ]
    if out["within"]:
        lines.append("  within appraisers:")
        for row in out["within"]:
            lines.append(f"    {row['appraiser']}: {_percent(row)}, Fleiss {_kappa(row['kappa'])}")
    if out["vs_standard"]:
        lines.append("  each appraiser vs standard:")
        for row in out["vs_standard"]:
            lines.append(
                f"    {row['appraiser']}: {_percent(row)}, Fleiss {_kappa(row['kappa'])}, "
                f"Cohen {_kappa(row.get('cohen'))}"
            )
    if out["between"]:
        lines.append(
            f"  between appraisers: {_percent(out['between'])}, "
            f"Fleiss {_kappa(out['between']['kappa'])}"
        )
        for pair in out["pairwise"]:
            lines.append(f"    {pair['first']} x {pair['second']}: Cohen {_kappa(pair)}")
    if out["all_vs_standard"]:
        lines.append(
            f"  all appraisers vs standard: {_percent(out['all_vs_standard'])}, "
            f"Fleiss {_kappa(out['all_vs_standard']['kappa'])}"
        )
    verdict = out["verdict"]
    if verdict["text"]:
        lines.append(f"  verdict ({verdict['basis'].replace('_', ' ')}): {verdict['text']['en']}")
    return "\n".join(lines)


def attribute_command(args: argparse.Namespace) -> int:
    """Run ``msa attribute``."""
    from qclinic.core.msa import attribute_agreement
    from qclinic.core.spc.tabular import read_table

    table = read_table(args.file, args.sheet, args.decimal)
    result = attribute_agreement(
        table.labels(args.part_col),
        table.labels(args.appraiser_col),
        table.labels(args.value_col),
        trials=table.labels(args.trial_col) if args.trial_col else None,
        reference=table.labels(args.reference_col) if args.reference_col else None,
        confidence=args.confidence,
        row_numbers=table.row_numbers,
    )
    out = result.to_dict()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, allow_nan=False, indent=2))
    else:
        print(attribute_text(out))
    return 0
