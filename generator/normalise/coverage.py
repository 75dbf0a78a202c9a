"""How much of a spec the IR types exactly: the numbers the pipeline report prints.

- operations generated and dropped;
- payload coverage: of the 2xx responses that declare a schema, how many give the caller a
  concrete type once the envelope is unwrapped (not `any`, not a free-form object, nor a
  list, map or union of those);
- numbered names: types that had a component name or title and still needed a number (W211).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..diagnostics import Diagnostic
from .envelopes import Lookup, unwrap
from .operations import is_json


@dataclass(frozen=True, slots=True)
class Coverage:
    operations: int
    dropped: int
    typed_successes: int  # 2xx responses that declare a schema
    concrete_payloads: int  # ... whose payload has a concrete type
    numbered_names: int  # named schemas whose type name needed a number

    @property
    def payload_percent(self) -> float:
        if not self.typed_successes:
            return 100.0
        return 100.0 * self.concrete_payloads / self.typed_successes

    def lines(self) -> list[str]:
        return [
            f"operations: {self.operations} generated, {self.dropped} dropped",
            f"typed payloads: {self.concrete_payloads}/{self.typed_successes} "
            f"({self.payload_percent:.1f}%) of the 2xx responses that declare a schema",
            f"numbered names of named schemas: {self.numbered_names}",
        ]


def is_concrete(type_ref: ir.TypeRef | None, lookup: Lookup) -> bool:
    if type_ref is None:
        return True
    if type_ref.kind in ("any", "object"):
        return False
    if type_ref.kind in ("list", "map"):
        return is_concrete(type_ref.item, lookup)
    if type_ref.kind == "union":
        union = lookup(type_ref.name)
        return isinstance(union, ir.Union) and all(
            is_concrete(member, lookup) for member in union.members
        )
    return True


def coverage(api: ir.Api, diagnostics: list[Diagnostic]) -> Coverage:
    definitions: dict[str, ir.Model | ir.EnumType | ir.Union] = {}
    for group in (api.models, api.enums, api.unions):
        definitions.update((d.name, d) for d in group)
    lookup = definitions.get
    operations = api.operations()
    typed = concrete = 0
    for operation in operations:
        for response in operation.responses:
            if not response.status.startswith("2") or response.type is None:
                continue
            if response.type.kind == "any":
                continue  # `{}` or no schema: nothing was declared
            typed += 1
            unwrapped = unwrap(response.type, lookup, is_json=is_json(response.content_type))
            if unwrapped.type is None:
                ok = all(is_concrete(f.type, lookup) for f in unwrapped.fields)
            else:
                ok = is_concrete(unwrapped.type, lookup)
            concrete += ok
    return Coverage(
        operations=len(operations),
        dropped=len(api.dropped),
        typed_successes=typed,
        concrete_payloads=concrete,
        numbered_names=sum(1 for d in diagnostics if d.code == "W211"),
    )
