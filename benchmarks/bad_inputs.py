"""A fault campaign against the command line: bad inputs and tampered reports, counted.

    python benchmarks/bad_inputs.py

Each case runs the real ``qclinic`` in a subprocess and is judged by its exit code and its stderr:
a bad input must exit 2 with a one-line message naming what is wrong (never exit 0, never an
internal error 1, never a traceback); a tampered PDF must not verify (exit 1, 2 or 3, never 0).
Prints one line per case and the totals (issue 9's "reliability figures").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def qclinic(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        data = t / "data"
        ids = json.loads(qclinic(data, "demo", "--json").stdout)
        done = ids["completed_assessment"]

        def w(name: str, text: str) -> str:
            (t / name).write_text(text, encoding="utf-8")
            return str(t / name)

        bad: list[tuple[str, list[str]]] = [
            (
                "decimal-comma column, no header",
                [
                    "spc",
                    "analyze",
                    w("dc.csv", "74,030\n74,002\n73,995\n"),
                    "--chart",
                    "imr",
                    "--columns",
                    "1",
                ],
            ),
            (
                "ragged row",
                [
                    "spc",
                    "analyze",
                    w("rag.csv", "a,b\n1,2\n3,4,5\n6,7\n"),
                    "--chart",
                    "xbar-r",
                    "--columns",
                    "a,b",
                ],
            ),
            (
                "not a number",
                ["spc", "analyze", w("nan.csv", "x\n1\nfoo\n"), "--chart", "imr", "--columns", "x"],
            ),
            (
                "missing file",
                ["spc", "analyze", str(t / "nope.csv"), "--chart", "imr", "--columns", "x"],
            ),
            (
                "unknown column",
                ["spc", "analyze", w("ok.csv", "x\n1\n2\n3\n"), "--chart", "imr", "--columns", "y"],
            ),
            (
                "empty file",
                ["spc", "analyze", w("empty.csv", ""), "--chart", "imr", "--columns", "x"],
            ),
            (
                "binary file",
                [
                    "spc",
                    "analyze",
                    str(ROOT / "resources/fonts/DroidSansFallbackFull.ttf"),
                    "--chart",
                    "imr",
                    "--columns",
                    "x",
                ],
            ),
            (
                "grr: bad tolerance",
                [
                    "msa",
                    "grr",
                    w("g.csv", "part,operator,value\n1,A,2\n"),
                    "--part-col",
                    "part",
                    "--operator-col",
                    "operator",
                    "--value-col",
                    "value",
                    "--tolerance",
                    "-1",
                ],
            ),
            (
                "checklist weight .nan",
                ["checklists", "validate", w("nan.yaml", "id: x\nversion: '1'\nweight: .nan\n")],
            ),
            (
                "yaml alias bomb",
                [
                    "checklists",
                    "validate",
                    w(
                        "bomb.yaml",
                        "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
                    ),
                ],
            ),
            ("show ../../x", ["checklists", "show", "../../x"]),
            ("unknown checklist", ["checklists", "show", "no-such-list"]),
            (
                "answers nested 100000 deep",
                ["score", "nqi-clinic", w("deep.json", "[" * 100000 + "]" * 100000)],
            ),
            ("answers 1e308", ["score", "nqi-clinic", w("big.json", json.dumps({"QMS.1": 1e308}))]),
            ("answers not JSON", ["score", "nqi-clinic", w("bad.json", "{oops")]),
            (
                "answers bad value",
                ["score", "nqi-clinic", w("val.json", json.dumps({"QMS.1": "seven"}))],
            ),
            ("data dir is a file", ["--data-dir", w("afile", "x"), "checklists", "list"]),
            ("report --out is a folder", ["report", done, "--out", str(t)]),
            ("report unknown assessment", ["report", "no-such-id", "--out", str(t / "r.pdf")]),
            ("verify a missing file", ["report", "verify", str(t / "missing.pdf")]),
            ("verify random bytes", ["report", "verify", w("rnd.pdf", "%PDF-1.4 garbage")]),
            ("verify a folder", ["report", "verify", str(t)]),
            ("score unknown checklist", ["score", "no-such", w("a.json", "{}")]),
            ("export xlsx unknown id", ["export", "xlsx", "nope", "--out", str(t / "x.xlsx")]),
        ]
        counts = {"cases": 0, "exit 2": 0, "wrong exit 0": 0, "internal error": 0, "traceback": 0}
        for name, args in bad:
            if args[0] == "--data-dir":
                result = subprocess.run(
                    [sys.executable, "-m", "qclinic", *args],
                    capture_output=True,
                    text=True,
                    env=ENV,
                    timeout=300,
                )
            else:
                result = qclinic(data, *args)
            counts["cases"] += 1
            counts["exit 2"] += result.returncode == 2
            counts["wrong exit 0"] += result.returncode == 0
            counts["internal error"] += result.returncode == 1
            counts["traceback"] += "Traceback" in result.stderr
            line = (result.stderr.strip().splitlines() or [""])[0][:110]
            print(f"{result.returncode}  {name:32} {line}")
        print("bad inputs:", counts)

        # tamperings of a signed report
        signed = (
            ids["assessments"][0]
            if ids.get("signed_assessment") is None
            else ids["signed_assessment"]
        )
        pdf = t / "signed.pdf"
        qclinic(data, "report", signed, "--out", str(pdf))
        original = pdf.read_bytes()
        tampered = {
            "flipped byte": original[: len(original) // 2]
            + bytes([original[len(original) // 2] ^ 1])
            + original[len(original) // 2 + 1 :],
            "appended bytes": original + b"\n%extra\n",
            "truncated": original[: len(original) * 3 // 4],
        }
        caught = 0
        for name, content in tampered.items():
            target = t / f"t-{name.replace(' ', '-')}.pdf"
            target.write_bytes(content)
            code = qclinic(data, "report", "verify", str(target)).returncode
            caught += code != 0
            print(f"{code}  tampered: {name}")
        ok = qclinic(data, "report", "verify", str(pdf)).returncode
        print(f"{ok}  the untouched copy")
        print(f"tamperings: {len(tampered)} tried, {caught} caught; untouched copy exit {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
