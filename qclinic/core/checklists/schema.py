"""The JSON Schema of the checklist format (format 1), as documented in docs/CHECKLIST_FORMAT.md.

The schema checks structure and types; :mod:`.validate` adds what a schema cannot say (unique ids,
conditions that refer to earlier questions, repeats that do not nest, options that make sense).
"""

from __future__ import annotations

from typing import Any

FORMAT_VERSION = 1

QUESTION_TYPES = (
    "yes-no",
    "vda",
    "maturity",
    "numeric",
    "single",
    "multi",
    "text",
    "date",
    "photo",
    "signature",
)

NQI_CATEGORIES = (
    "metrology",
    "standards",
    "certification-accreditation",
    "inspection-testing",
    "intellectual-property",
    "laws-regulations",
    "quality-management",
    "special-equipment",
)

#: An exact fraction written ``n/d`` (``2/3``): compared in whole numbers, never rounded.
FRACTION_PATTERN = r"^[1-9][0-9]{0,3}/[1-9][0-9]{0,3}$"

_ID = {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]*$", "maxLength": 64}
_PERCENT = {"type": "number", "minimum": 0, "maximum": 100}
_TEXT = {
    "type": "object",
    "properties": {
        "zh": {"type": "string", "minLength": 1},
        "en": {"type": "string", "minLength": 1},
    },
    "required": ["zh", "en"],
    "additionalProperties": False,
}

_CONDITION: dict[str, Any] = {
    "oneOf": [
        {
            "type": "object",
            "properties": {
                "question": _ID,
                "equals": {},
                "not_equals": {},
                "in": {"type": "array", "minItems": 1},
                "answered": {"type": "boolean"},
                "score_at_least": _PERCENT,
            },
            "required": ["question"],
            "minProperties": 2,
            "maxProperties": 2,
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {"all": {"type": "array", "items": {"$ref": "#/$defs/condition"}}},
            "required": ["all"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {"any": {"type": "array", "items": {"$ref": "#/$defs/condition"}}},
            "required": ["any"],
            "additionalProperties": False,
        },
    ]
}

_OPTION = {
    "type": "object",
    "properties": {
        "value": {"type": ["string", "number"]},
        "label": _TEXT,
        "score": _PERCENT,
    },
    "required": ["value", "label"],
    "additionalProperties": False,
}

#: One band of a numeric question: values below / at most / at least / above a limit earn a score;
#: the last band has no limit and takes every other value.
BAND_LIMITS = ("below", "at_most", "at_least", "above")
_BAND = {
    "type": "object",
    "properties": {**{key: {"type": "number"} for key in BAND_LIMITS}, "score": _PERCENT},
    "required": ["score"],
    "maxProperties": 2,
    "additionalProperties": False,
}

#: the "4 x 100%" a question may decide (``coverage:``; see docs/CHECKLIST_FORMAT.md)
COVERAGE_KEYS = ("iso9001", "apqp", "msa", "spc")

_QUESTION = {
    "type": "object",
    "properties": {
        "id": _ID,
        "type": {"enum": list(QUESTION_TYPES)},
        "text": _TEXT,
        "guidance": _TEXT,
        "clause": {"type": "string", "minLength": 1},
        "weight": {"type": "number", "exclusiveMinimum": 0},
        "critical": {"type": "boolean"},
        "statutory": {"type": "boolean"},
        "na_allowed": {"type": "boolean"},
        "show_if": {"$ref": "#/$defs/condition"},
        "note_required_at_or_below": _PERCENT,
        "photo_required_at_or_below": _PERCENT,
        "options": {"type": "array", "items": _OPTION, "minItems": 1},
        "min": {"type": "number"},
        "max": {"type": "number"},
        "unit": {"type": "string"},
        "bands": {"type": "array", "items": _BAND, "minItems": 2},
        "allow_partial": {"type": "boolean"},
        "coverage": {"enum": list(COVERAGE_KEYS)},
    },
    "required": ["id", "type", "text"],
    "additionalProperties": False,
}

_SECTION = {
    "type": "object",
    "properties": {
        "id": _ID,
        "title": _TEXT,
        "weight": {"type": "number", "exclusiveMinimum": 0},
        "category": {"enum": list(NQI_CATEGORIES)},
        "guidance": _TEXT,
        "repeat": {
            "type": "object",
            "properties": {"label": _TEXT, "min": {"type": "integer", "minimum": 0}},
            "required": ["label"],
            "additionalProperties": False,
        },
        "questions": {"type": "array", "items": _QUESTION},
        "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}},
    },
    "required": ["id", "title"],
    "anyOf": [{"required": ["questions"]}, {"required": ["sections"]}],
    "additionalProperties": False,
}

_GRADE = {
    "type": "object",
    "properties": {
        "grade": {"type": "string", "minLength": 1, "maxLength": 8},
        "min": _PERCENT,
        "label": _TEXT,
    },
    "required": ["grade", "min", "label"],
    "additionalProperties": False,
}

RULE_KINDS = (
    "section-below",
    "step-below",
    "critical-at-or-below",
    "question-at-or-below",
    "answered-below",
    "statutory-at-or-below",
)

_RULE = {
    "type": "object",
    "properties": {
        "when": {"enum": list(RULE_KINDS)},
        "percent": _PERCENT,
        "fraction": {
            "oneOf": [
                {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                {"type": "string", "pattern": FRACTION_PATTERN},
            ]
        },
        "level": {"type": "integer", "minimum": 1},
        "sections": {"type": "array", "items": _ID, "minItems": 1},
        "steps": {"type": "boolean"},
        "count": {"type": "integer", "minimum": 1},
        "cap": {"type": "string"},
        "no_grade": {"type": "boolean"},
        "veto": {"type": "boolean"},
        "reason": _TEXT,
    },
    "required": ["when"],
    "additionalProperties": False,
}

CHECKLIST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "QClinic checklist, format 1",
    "type": "object",
    "properties": {
        "format": {"const": FORMAT_VERSION},
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$", "maxLength": 64},
        "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
        "title": _TEXT,
        "description": _TEXT,
        "references": {"type": "array", "items": {"type": "string"}},
        "scoring": {
            "type": "object",
            "properties": {
                "overall": {"enum": ["sections", "pooled"]},
                "rounding": {"enum": ["none", "vda63"]},
                "grades": {"type": "array", "items": _GRADE, "minItems": 1},
                "rules": {"type": "array", "items": _RULE},
            },
            "required": ["grades"],
            "additionalProperties": False,
        },
        "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}, "minItems": 1},
    },
    "required": ["format", "id", "version", "title", "scoring", "sections"],
    "additionalProperties": False,
    "$defs": {"section": _SECTION, "condition": _CONDITION},
}
