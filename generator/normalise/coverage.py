"""How much of a spec the IR types exactly: the numbers the pipeline report prints.

- operations generated and dropped;
- payload coverage: of the 2xx responses that declare a schema, how many give the caller a
  concrete type once the envelope is unwrapped (not `any`, not a free-form object, nor a
  list, map or union with such a part). Responses whose payload the spec itself leaves
  free-form (`result: {type: object}`, reported as W217) are counted apart: no generator can
  type them, so `payload_percent` is measured without them and `raw_payload_percent` with;
- numbered names: types that had a component name or title and still needed a number (W211).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..diagnostics import Diagnostic
from .envelopes import payload_is_concrete, unwrap
from .operations import is_json


@dataclass(frozen=True, slots=True)
class Coverage:
    operations: int
    dropped: int
    typed_successes: int  # 2xx responses that declare a schema
    untyped_in_spec: int  # ... whose payload the spec leaves free-form (W217)
    concrete_payloads: int  # ... whose payload has a concrete type
    numbered_names: int  # named schemas whose type name needed a number

    @property
    def payload_percent(self) -> float:
        """Concrete payloads among those the spec describes."""
        described = self.typed_successes - self.untyped_in_spec
        return 100.0 * self.concrete_payloads / described if described else 100.0

    @property
    def raw_payload_percent(self) -> float:
        """Concrete payloads among all 2xx responses that declare a schema."""
        if not self.typed_successes:
            return 100.0
        return 100.0 * self.concrete_payloads / self.typed_successes

    def lines(self) -> list[str]:
        described = self.typed_successes - self.untyped_in_spec
        return [
            f"operations: {self.operations} generated, {self.dropped} dropped",
            f"typed payloads: {self.concrete_payloads}/{described} "
            f"({self.payload_percent:.1f}%) of the 2xx responses whose payload the spec "
            f"describes; {self.raw_payload_percent:.1f}% of all {self.typed_successes} "
            f"({self.untyped_in_spec} left free-form by the spec, W217)",
            f"numbered names of named schemas: {self.numbered_names}",
        ]


def coverage(api: ir.Api, diagnostics: list[Diagnostic]) -> Coverage:
    definitions: dict[str, ir.Model | ir.EnumType | ir.Union] = {}
    for group in (api.models, api.enums, api.unions):
        definitions.update((d.name, d) for d in group)
    lookup = definitions.get
    untyped_in_spec = {d.file + d.pointer for d in diagnostics if d.code == "W217"}
    operations = api.operations()
    typed = vague = concrete = 0
    for operation in operations:
        for response in operation.responses:
            if not response.status.startswith("2") or response.type is None:
                continue
            if response.type.kind == "any":
                continue  # `{}` or no schema: nothing was declared
            typed += 1
            vague += response.pointer in untyped_in_spec
            unwrapped = unwrap(response.type, lookup, is_json=is_json(response.content_type))
            concrete += payload_is_concrete(unwrapped, lookup)
    return Coverage(
        operations=len(operations),
        dropped=len(api.dropped),
        typed_successes=typed,
        untyped_in_spec=vague,
        concrete_payloads=concrete,
        numbered_names=sum(1 for d in diagnostics if d.code == "W211"),
    )
