"""Cloudflare's response envelope, found by shape, and result_info pagination.

Cloudflare wraps every JSON body: `{success, errors, messages, result, result_info?}`. The
envelope is recognised structurally on the converted type, so it does not matter whether it
was written out, `$ref`'d, or assembled with allOf from a common base and a `result`
override (by the time a body is a model, allOf is merged and `result` narrowed, see
views.py). An object with `success` and either `errors` + `messages` or `result` is an
envelope; the Radar API's bodies carry only `success` and `result`.

What a call returns, the `Payload`:
- "result": the envelope has `result`; the method returns its value.
- "fields": no `result`, other top-level fields (`keys`); one field is returned as itself,
  several as a model of them.
- "body": no envelope (or not JSON); the whole body.
- "none": no content, or an envelope with nothing besides success/errors/messages.

Pagination: a GET whose result is a list, whose envelope has `result_info`, and which takes
a `page` query parameter (and usually `per_page`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import ir
from .definitions import Definition

ENVELOPE_FIELDS = frozenset({"success", "errors", "messages"})
_NOT_PAYLOAD = ENVELOPE_FIELDS | {"result", "result_info"}

Lookup = Callable[[str], Definition | None]


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """What a body type holds once the envelope (if any) is taken off."""

    kind: ir.PayloadKind
    type: ir.TypeRef | None  # result's type, the one field's type, or the whole body's
    fields: tuple[ir.Field, ...] = ()  # for "fields": the fields beside the envelope's own
    envelope: ir.Model | None = None


def envelope_model(body: ir.TypeRef | None, lookup: Lookup) -> ir.Model | None:
    """The model of `body` when it is a Cloudflare envelope."""
    if body is None or body.kind != "model":
        return None
    model = lookup(body.name)
    if not isinstance(model, ir.Model):
        return None
    wire_names = {f.wire_name for f in model.fields}
    if "success" in wire_names and (ENVELOPE_FIELDS <= wire_names or "result" in wire_names):
        return model
    return None


def unwrap(body: ir.TypeRef | None, lookup: Lookup, *, is_json: bool = True) -> Unwrapped:
    if body is None:
        return Unwrapped("none", None)
    model = envelope_model(body, lookup) if is_json else None
    if model is None:
        return Unwrapped("body", body)
    by_wire = {f.wire_name: f for f in model.fields}
    if "result" in by_wire:
        return Unwrapped("result", by_wire["result"].type, envelope=model)
    others = tuple(f for f in model.fields if f.wire_name not in _NOT_PAYLOAD)
    if not others:
        return Unwrapped("none", None, envelope=model)
    if len(others) == 1:
        return Unwrapped("fields", others[0].type, others, envelope=model)
    return Unwrapped("fields", None, others, envelope=model)


def is_concrete(type_ref: ir.TypeRef | None, lookup: Lookup) -> bool:
    """Not `any`, not a free-form object, nor a list, map or union with such a part."""
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


def payload_is_concrete(unwrapped: Unwrapped, lookup: Lookup) -> bool:
    if unwrapped.type is None:
        return all(is_concrete(f.type, lookup) for f in unwrapped.fields)
    return is_concrete(unwrapped.type, lookup)


def pagination(
    unwrapped: Unwrapped,
    method: str,
    parameters: tuple[ir.Parameter, ...],
    lookup: Lookup,
    pointer: str,
) -> ir.Pagination | None:
    """Page-number pagination, when the operation has all its signs (see the module docstring)."""
    result = unwrapped.type
    envelope = unwrapped.envelope
    if method != "GET" or unwrapped.kind != "result" or envelope is None:
        return None
    if result is None or result.kind != "list" or result.item is None:
        return None
    info = next((f for f in envelope.fields if f.wire_name == "result_info"), None)
    query = {p.wire_name: p for p in parameters if p.location == "query"}
    if info is None or "page" not in query:
        return None
    info_model = lookup(info.type.name) if info.type.kind == "model" else None
    info_fields = (
        tuple(f.wire_name for f in info_model.fields) if isinstance(info_model, ir.Model) else ()
    )
    per_page = query.get("per_page")
    return ir.Pagination(
        style="page",
        page_parameter=query["page"].name,
        per_page_parameter=per_page.name if per_page is not None else None,
        item=result.item,
        result_info_fields=info_fields,
        pointer=pointer,
    )
