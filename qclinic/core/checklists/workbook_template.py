"""The template workbook shipped in ``resources/templates/checklist-template.xlsx``: bilingual
instructions and a small example checklist to copy. Rebuilt with
``python -m qclinic.devtools checklist-template``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qclinic.core.checklists.workbook_write import to_workbook

INSTRUCTIONS: list[tuple[str, str, str]] = [
    ("QClinic 检查表工作簿 / QClinic checklist workbook", "", ""),
    ("", "中文", "English"),
    (
        "用法 / Use",
        "在下列工作表中填写检查表，然后在“检查表库 → 从 Excel 导入…”中导入，或运行 "
        "qclinic checklists import 文件.xlsx --install。导入前会检查全部内容，每个问题都指明工作表和单元格"
        "（如 questions!D14），有问题时不会安装任何内容。",
        "Fill in the checklist on the sheets below, then import it with Checklist library → Import "
        "from Excel…, or run qclinic checklists import FILE.xlsx --install. Everything is checked "
        "first; every problem names its sheet and cell (such as questions!D14), and nothing is "
        "installed while there is one.",
    ),
    (
        "settings",
        "每行一个设置：id（小写字母、数字、连字符）、version（如 1.0.0，修改题目时递增）、"
        "title::zh / title::en、可选的 description、reference（可多行）、overall（sections 或 pooled）、"
        "rounding（none 或 vda63）。",
        "One setting a row: id (lower-case letters, digits, hyphens), version (such as 1.0.0; raise "
        "it when questions change), title::zh / title::en, optional description, reference (may "
        "repeat), overall (sections or pooled), rounding (none or vda63).",
    ),
    (
        "sections",
        "每行一个章节：id、parent（上级章节的 id，须在前面的行；顶层留空）、title::zh / title::en、"
        "weight、category、guidance、repeat（按工序等重复时的标签）与 repeat_min。",
        "One section a row: id, parent (an earlier row's id; empty at the top level), title::zh / "
        "title::en, weight, category, guidance, repeat (the label when the section repeats, per "
        "process step for example) and repeat_min.",
    ),
    (
        "questions",
        "每行一道题：section（所属章节 id；合并单元格对其覆盖的每一行都有效）、id、type（yes-no、vda、"
        "maturity、numeric、single、multi、text、date、photo、signature）、text::zh / text::en、guidance、"
        "clause、weight、critical、statutory、na_allowed、allow_partial（TRUE/FALSE、是/否）、"
        "note_required_at_or_below / photo_required_at_or_below（得分百分比）、options（choices 中的列表名）、"
        "min / max / unit、bands 与 show_if（与 YAML 相同的写法，如 {question: Q1, equals: 'yes'}）、"
        "coverage（该题判定“4个100%”中的哪一项：iso9001、apqp、msa、spc）。",
        "One question a row: section (its section's id; a merged cell counts for every row it "
        "covers), id, type (yes-no, vda, maturity, numeric, single, multi, text, date, photo, "
        "signature), text::zh / text::en, guidance, clause, weight, critical, statutory, "
        "na_allowed, allow_partial (TRUE/FALSE, yes/no, 是/否), note_required_at_or_below / "
        "photo_required_at_or_below (a score in %), options (a list name on choices), min / max / "
        "unit, bands and show_if (written as in YAML: {question: Q1, equals: 'yes'}), coverage "
        "(which of the 4 x 100% the question decides: iso9001, apqp, msa, spc).",
    ),
    (
        "choices",
        "单选、多选题的选项：list_name、value、label::zh / label::en、score（可选，百分比）。",
        "The options of single and multiple choice questions: list_name, value, label::zh / "
        "label::en, score (optional, in %).",
    ),
    (
        "grades",
        "等级，由高到低：grade、min（最低百分比；最后一级为 0）、label::zh / label::en。",
        "The grades, best first: grade, min (the lowest percentage; 0 for the last), label::zh / "
        "label::en.",
    ),
    (
        "rules",
        "降级规则（可选）：when、percent、fraction（如 2/3，单元格设为文本）、level、sections（逗号分隔）、"
        "steps、count、cap、no_grade、veto、reason::zh / reason::en。详见 docs/CHECKLIST_FORMAT.md。",
        "Downgrade rules (optional): when, percent, fraction (such as 2/3, in a text cell), level, "
        "sections (comma-separated), steps, count, cap, no_grade, veto, reason::zh / reason::en. "
        "See docs/CHECKLIST_FORMAT.md.",
    ),
    (
        "提示 / Tips",
        "空行会被跳过；全角标点（，：（））和以文本形式保存的数字按本意读取；中文和英文都要填写。",
        "Blank rows are skipped; full-width punctuation (，：（）) and numbers stored as text are read "
        "as meant; both Chinese and English are needed.",
    ),
]

EXAMPLE: dict[str, Any] = {
    "format": 1,
    "id": "my-checklist",
    "version": "1.0.0",
    "title": {"zh": "示例检查表", "en": "Example checklist"},
    "scoring": {
        "grades": [
            {"grade": "A", "min": 90, "label": {"zh": "A 优秀", "en": "A – excellent"}},
            {"grade": "B", "min": 70, "label": {"zh": "B 合格", "en": "B – acceptable"}},
            {"grade": "C", "min": 0, "label": {"zh": "C 需改进", "en": "C – needs improvement"}},
        ],
        "rules": [
            {
                "when": "critical-at-or-below",
                "percent": 0,
                "cap": "C",
                "reason": {"zh": "关键项不符合", "en": "A critical question failed"},
            }
        ],
    },
    "sections": [
        {
            "id": "S1",
            "title": {"zh": "来料检验", "en": "Incoming inspection"},
            "questions": [
                {
                    "id": "S1.1",
                    "type": "yes-no",
                    "text": {
                        "zh": "是否按检验规程检验来料？",
                        "en": "Is incoming material inspected to a plan?",
                    },
                    "guidance": {
                        "zh": "查检验规程和记录。",
                        "en": "Check the inspection plan and records.",
                    },
                    "critical": True,
                    "note_required_at_or_below": 50,
                },
                {
                    "id": "S1.2",
                    "type": "single",
                    "text": {"zh": "供应商评价等级", "en": "Supplier evaluation grade"},
                    "guidance": {"zh": "查最近一次评价。", "en": "Check the latest evaluation."},
                    "options": [
                        {"value": "A", "label": {"zh": "A 级", "en": "Level A"}, "score": 100},
                        {"value": "B", "label": {"zh": "B 级", "en": "Level B"}, "score": 60},
                        {"value": "C", "label": {"zh": "C 级", "en": "Level C"}, "score": 0},
                    ],
                    "show_if": {"question": "S1.1", "not_equals": "na"},
                },
            ],
        }
    ],
}


def write_template(path: Path) -> None:
    """Write the template workbook (instructions first, then the example) at *path*."""
    import datetime as dt

    book = to_workbook(EXAMPLE, INSTRUCTIONS)
    fixed = dt.datetime(2026, 1, 1)
    book.properties.created = fixed  # the same bytes' meaning on every rebuild
    book.properties.modified = fixed
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
