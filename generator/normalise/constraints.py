"""Validation keywords -> `ir.Constraints`, keeping only those that apply to the type.

JSON Schema ignores a keyword that does not apply to the instance's type (`minLength` on an
array constrains nothing), so such keywords are dropped rather than turned into checks that
would mean something else in pydantic (where `min_length` on a list counts items).

`exclusiveMinimum`/`exclusiveMaximum` come in two forms: OpenAPI 3.0's boolean flag beside
`minimum`/`maximum`, and 3.1's (JSON Schema 2020-12) number that is itself the bound.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir

# Every keyword this module reads; allOf merging collects these from each member.
CONSTRAINT_KEYWORDS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "format",
)

_NUMERIC_KINDS = frozenset({"integer", "number"})
NO_CONSTRAINTS = ir.Constraints()


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _count(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number >= 0 else None


def constraints_for(kind: ir.TypeKind, keywords: Mapping[str, Any]) -> ir.Constraints:
    """The constraints among `keywords` that apply to a value of `kind`."""
    if not keywords:
        return NO_CONSTRAINTS
    if kind in _NUMERIC_KINDS:
        minimum, maximum = _number(keywords.get("minimum")), _number(keywords.get("maximum"))
        exclusive_minimum = exclusive_maximum = None
        lower, upper = keywords.get("exclusiveMinimum"), keywords.get("exclusiveMaximum")
        if lower is True and minimum is not None:  # 3.0: the flag moves `minimum` out
            exclusive_minimum, minimum = minimum, None
        elif lower is not True:
            exclusive_minimum = _number(lower)
        if upper is True and maximum is not None:
            exclusive_maximum, maximum = maximum, None
        elif upper is not True:
            exclusive_maximum = _number(upper)
        multiple_of = _number(keywords.get("multipleOf"))
        return ir.Constraints(
            minimum=minimum,
            maximum=maximum,
            exclusive_minimum=exclusive_minimum,
            exclusive_maximum=exclusive_maximum,
            multiple_of=multiple_of if multiple_of else None,
        )
    if kind == "string":
        pattern = keywords.get("pattern")
        return ir.Constraints(
            min_length=_count(keywords.get("minLength")),
            max_length=_count(keywords.get("maxLength")),
            pattern=pattern if isinstance(pattern, str) and pattern else None,
        )
    if kind == "list":
        return ir.Constraints(
            min_items=_count(keywords.get("minItems")),
            max_items=_count(keywords.get("maxItems")),
            unique_items=keywords.get("uniqueItems") is True,
        )
    return NO_CONSTRAINTS


def format_for(kind: ir.TypeKind, keywords: Mapping[str, Any]) -> str | None:
    """The `format` of a string or number, such as date-time, uuid, binary, int64."""
    value = keywords.get("format")
    if kind in ("string", "integer", "number") and isinstance(value, str) and value:
        return value
    return None
