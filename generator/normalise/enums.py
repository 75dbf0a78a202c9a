"""`enum` and `const` -> the value type and members of an `ir.EnumType`.

Every enum becomes a named EnumType, inline ones included (named from their owner, such as
`ConnectorStatus`, or for an array of them the singular of the property:
`interrupt_window_days_of_week` -> `ConnectorInterruptWindowDayOfWeek`). Identical inline
enums are merged like any identical inline shape (see definitions.py). Whether an enum is
open (a value the server adds later is kept) is decided by the runtime, not here.

`null` among the values makes the type nullable instead of being a member. A boolean enum
(`success: {enum: [true]}` in every Cloudflare envelope) stays a plain boolean: one type per
envelope for a single flag would only clutter, and it must still read `false` in a failure.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from .. import ir
from .naming import enum_member_name

EnumValueType = Literal["string", "integer", "number", "boolean"]


def enum_value_type(declared: Iterable[str] | None, values: list[Any]) -> EnumValueType | None:
    """The one type all `values` share (honouring a declared `type`); None when they are mixed."""
    declared_types = set(declared or ()) - {"null"}
    if all(isinstance(v, bool) for v in values):
        found: EnumValueType = "boolean"
    elif all(isinstance(v, str) for v in values):
        found = "string"
    elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        found = "number" if declared_types == {"number"} else "integer"
    elif all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        found = "number"
    else:
        return None
    if (
        declared_types
        and found not in declared_types
        and not (found == "integer" and "number" in declared_types)
    ):
        return None
    return found


def enum_members(values: list[str | int | float | bool]) -> tuple[ir.EnumMember, ...]:
    """Members with unique UPPER_SNAKE names, in the spec's order, duplicates dropped."""
    members: list[ir.EnumMember] = []
    seen_values: set[tuple[type, str | int | float | bool]] = set()
    names: set[str] = set()
    for value in values:
        if (type(value), value) in seen_values:
            continue
        seen_values.add((type(value), value))
        name = base = enum_member_name(value)
        number = 2
        while name in names:
            name, number = f"{base}_{number}", number + 1
        names.add(name)
        members.append(ir.EnumMember(name, value))
    return tuple(members)
