"""Checklists: the format's schema, validation with located problems, the model, the library."""

from qclinic.core.checklists.library import BUILTIN_IDS, Library, builtin
from qclinic.core.checklists.loader import build, check_file, from_frozen, load_file
from qclinic.core.checklists.model import (
    NA,
    Checklist,
    Condition,
    GradeBand,
    Option,
    Question,
    Rule,
    Scoring,
    Section,
    Text,
)
from qclinic.core.checklists.problems import ChecklistError, Problem

__all__ = [
    "BUILTIN_IDS",
    "NA",
    "Checklist",
    "ChecklistError",
    "Condition",
    "GradeBand",
    "Library",
    "Option",
    "Problem",
    "Question",
    "Rule",
    "Scoring",
    "Section",
    "Text",
    "build",
    "builtin",
    "check_file",
    "from_frozen",
    "load_file",
]
