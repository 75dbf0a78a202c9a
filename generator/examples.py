"""Example values for the generated tests: the spec's own where they fit, synthesised otherwise.

Everything here reads the IR only and is deterministic: the same `ir.Api` gives the same values.

- `Examples.parameter`, `Examples.body_field`, `Examples.whole_body`: a value to send. The spec's
  example (`Parameter.example`, the request body's example, `Field.example`) is used when it
  fits the type and its constraints; otherwise one is synthesised from the `TypeRef`: the
  smallest value the constraints allow, an enum's first member, a string of the right format,
  a string matching the pattern (`matching_string`), a discriminated union's first mapping.
- `Examples.response`: the body a successful call returns: the response's example when it fits
  the type the client validates, else a synthesised Cloudflare envelope (`success: true`, no
  errors) around a synthesised payload.
- `Examples.invalid_values`: values the client must refuse before sending: one below each
  minimum, above each maximum, past each length or item-count bound, outside each enum.
- `Examples.mismatch`: why a value does not fit a type ("" when it does), as the client sees
  it: constraints and closed enums on what is sent, types and required fields on what is read.

A pattern no string could be generated for is no reason to stop: the value is still returned,
with `Example.problem` saying why it may be refused, and a W402 diagnostic is recorded; the
tests that send it are generated skipped with that reason.

Diagnostic codes:

    W401  an example in the spec does not fit its schema; a synthesised value is used instead
    W402  no value matching a pattern could be found; the tests that would send it are skipped
"""

from __future__ import annotations

import datetime
import importlib
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from . import ir
from .diagnostics import Diagnostic

Side = Literal["request", "response"]

# the standard library's regular-expression parser: its parse trees drive `matching_string`
_regex_parser: Any = importlib.import_module("re._parser")
_regex: Any = importlib.import_module("re._constants")

FORMAT_EXAMPLES: Final[dict[str, str]] = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date": "2024-01-31",
    "date-time": "2024-01-31T12:00:00Z",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "time": "12:00:00",
}
# formats the client parses (date, date-time) and so values must be real dates to be read
_PARSED_FORMATS: Final = frozenset({"date", "date-time"})
_MAX_DEPTH: Final = 8
# how many times an unbounded repeat (`*`, `+`, `{n,}`) may be stretched to reach a min length
_MAX_STRETCH: Final = 64
_ENVELOPE_LISTS: Final = ("errors", "messages")


@dataclass(frozen=True, slots=True)
class Example:
    """A value for one place, and where it came from."""

    value: ir.JsonValue
    from_spec: bool = False
    problem: str = ""  # why the client may refuse it (a pattern nothing was found for)


@dataclass(frozen=True, slots=True)
class Invalid:
    """A value the client must refuse: `label` says how it breaks the schema."""

    label: str  # "below-1", "longer-than-32", "not-a-member", ...
    value: ir.JsonValue


@dataclass(frozen=True, slots=True)
class ResponseExample:
    """The body a successful call gets back, and the part of it the method returns."""

    status: int
    content_type: str | None  # None: no content
    body: ir.JsonValue
    payload: ir.JsonValue  # the unwrapped result (the page's items for a paginated call)
    from_spec: bool = False


@dataclass(slots=True)
class _Synthesis:
    """State of one synthesis: the models being built (recursion) and problems met."""

    side: Side
    visiting: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Examples:
    """Examples for the operations of one `ir.Api`."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.models = {model.name: model for model in api.models}
        self.enums = {enum.name: enum for enum in api.enums}
        self.unions = {union.name: union for union in api.unions}
        self.tags = _discriminator_tags(api, self.models)
        # unions the client tells apart by their tag alone: every member a model carrying it
        self.discriminated = frozenset(
            union.name
            for union in api.unions
            if union.discriminator is not None
            and all(
                member.kind == "model"
                and member.name in self.models
                and any(
                    model_field.wire_name == union.discriminator.property_name
                    for model_field in self.models[member.name].fields
                )
                for member in union.members
            )
        )
        self.diagnostics: list[Diagnostic] = []

    # -----------------------------------------------------------------------------------------
    # What the generated tests send and receive

    def parameter(self, parameter: ir.Parameter) -> Example:
        return self._example(
            parameter.type,
            parameter.example,
            parameter.has_example,
            parameter.pointer,
            hint=parameter.wire_name,
        )

    def body_field(self, body: ir.RequestBody, body_field: ir.Field) -> Example:
        """A value for one field of an object body: the body's example for it, the field's own
        example, or a synthesised one, the first that fits."""
        if (
            body.has_example
            and isinstance(body.example, dict)
            and body_field.wire_name in body.example
        ):
            value = body.example[body_field.wire_name]
            reason = self.mismatch(value, body_field.type, "request")
            if not reason:
                return Example(value, from_spec=True)
            self._warn_unfit(body.pointer + "/" + _escape_pointer(body_field.wire_name), reason)
        return self._example(
            body_field.type,
            body_field.example,
            body_field.has_example,
            body_field.pointer,
            hint=body_field.wire_name,
        )

    def whole_body(self, body: ir.RequestBody) -> Example:
        """A value for a body sent whole (an array, a scalar, raw content)."""
        return self._example(
            body.type, body.example, body.has_example, body.pointer, hint=body.body_name
        )

    def response(self, operation: ir.Operation) -> ResponseExample:
        """The successful response of `operation`: its example when that fits, else synthesised."""
        payload = operation.payload
        status = int(payload.status) if payload.status.isdigit() else 200
        if payload.kind == "none" or payload.type is None:
            return ResponseExample(status, None, None, None)
        response = next(
            (r for r in operation.responses if r.status == payload.status and not r.is_error), None
        )
        if response is not None and response.has_example:
            reason = self._response_mismatch(operation, response.example)
            if not reason:
                unwrapped = self.unwrap(operation, response.example)
                return ResponseExample(
                    status, payload.content_type, response.example, unwrapped, from_spec=True
                )
            self._warn_unfit(response.pointer, reason)
        body = self._synthesise_response(operation, response)
        return ResponseExample(status, payload.content_type, body, self.unwrap(operation, body))

    def unwrap(self, operation: ir.Operation, body: ir.JsonValue) -> ir.JsonValue:
        """The part of a response body the method returns (a page's items when paginated)."""
        payload = operation.payload
        if payload.kind == "result":
            return body.get("result") if isinstance(body, dict) else None
        if payload.kind == "fields":
            if not isinstance(body, dict):
                return None
            if len(payload.fields) == 1:
                return body.get(payload.fields[0])
            return {name: body[name] for name in payload.fields if name in body}
        return body

    # -----------------------------------------------------------------------------------------
    # Values the client must refuse

    def invalid_values(self, type_ref: ir.TypeRef, valid: ir.JsonValue) -> list[Invalid]:
        """One value past each bound the client checks on a value of this type: the value's own
        constraints and enum, and those of its items (for a list), never inside models."""
        found = list(self._invalid(type_ref, valid))
        labels: dict[str, int] = {}
        unique = []
        for invalid in found:
            if invalid.label not in labels:
                labels[invalid.label] = 1
                unique.append(invalid)
        return unique

    def _invalid(self, type_ref: ir.TypeRef, valid: ir.JsonValue) -> Iterator[Invalid]:
        limits = type_ref.constraints
        kind = type_ref.kind
        if kind in ("integer", "number"):
            step: int | float = 1
            if limits.minimum is not None:
                yield Invalid(f"below-{_number(limits.minimum)}", _number(limits.minimum - step))
            if limits.exclusive_minimum is not None:
                yield Invalid(
                    f"not-above-{_number(limits.exclusive_minimum)}",
                    _number(limits.exclusive_minimum),
                )
            if limits.maximum is not None:
                yield Invalid(f"above-{_number(limits.maximum)}", _number(limits.maximum + step))
            if limits.exclusive_maximum is not None:
                yield Invalid(
                    f"not-below-{_number(limits.exclusive_maximum)}",
                    _number(limits.exclusive_maximum),
                )
        elif kind == "string" and (type_ref.format or "") not in _PARSED_FORMATS:
            if limits.max_length is not None:
                yield Invalid(f"longer-than-{limits.max_length}", "x" * (limits.max_length + 1))
            if limits.min_length:
                yield Invalid(f"shorter-than-{limits.min_length}", "x" * (limits.min_length - 1))
        elif kind == "enum":
            outside = self._outside_enum(self.enums[type_ref.name])
            if outside is not None:
                yield Invalid("not-a-member", outside)
        elif kind == "list" and type_ref.item is not None:
            items = valid if isinstance(valid, list) else []
            item = items[0] if items else self.synthesise(type_ref.item, "request").value
            if limits.min_items:
                yield Invalid(
                    f"fewer-than-{limits.min_items}-items", [item] * (limits.min_items - 1)
                )
            if limits.max_items is not None:
                yield Invalid(
                    f"more-than-{limits.max_items}-items", [item] * (limits.max_items + 1)
                )
            for invalid in self._invalid(type_ref.item, item):
                yield Invalid(f"item-{invalid.label}", [invalid.value])

    @staticmethod
    def _outside_enum(enum: ir.EnumType) -> ir.JsonValue:
        values = [member.value for member in enum.members]
        if enum.value_type == "string":
            candidate = "not-a-member"
            while candidate in values:
                candidate += "-really"
            return candidate
        if enum.value_type in ("integer", "number"):
            numbers = [value for value in values if isinstance(value, int | float)]
            return _number(max(numbers) + 1) if numbers else None
        return None  # a boolean enum: both values may be members, nothing is outside

    # -----------------------------------------------------------------------------------------
    # Synthesis

    def synthesise(self, type_ref: ir.TypeRef, side: Side, hint: str = "") -> Example:
        """A value of `type_ref` that the client accepts on `side`, made up deterministically."""
        state = _Synthesis(side)
        value = self._value(type_ref, state, hint or "value", 0)
        return Example(value, problem="; ".join(dict.fromkeys(state.problems)))

    def _example(
        self,
        type_ref: ir.TypeRef,
        example: ir.JsonValue,
        has_example: bool,
        pointer: str,
        hint: str,
    ) -> Example:
        if has_example:
            reason = self.mismatch(example, type_ref, "request")
            if not reason:
                return Example(example, from_spec=True)
            self._warn_unfit(pointer, reason)
        synthesised = self.synthesise(type_ref, "request", hint)
        if synthesised.problem:
            self.diagnostics.append(
                _diagnostic(
                    pointer,
                    "W402",
                    f"no value found that matches the schema ({synthesised.problem})",
                    "the generated tests that send this value are skipped; add an `example`",
                )
            )
        return synthesised

    def _value(
        self, type_ref: ir.TypeRef, state: _Synthesis, hint: str, depth: int
    ) -> ir.JsonValue:
        kind = type_ref.kind
        limits = type_ref.constraints
        if kind == "string":
            return self._string(type_ref, state, hint)
        if kind in ("integer", "number"):
            return _number_within(limits, integer=kind == "integer")
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        if kind == "any":
            return _fit_length(_word(hint), limits)
        if kind == "object":
            return {"key": "value"}
        if kind == "enum":
            return self.enums[type_ref.name].members[0].value
        if kind == "list":
            assert type_ref.item is not None
            count = limits.min_items or 1
            if limits.max_items is not None:
                count = min(count, limits.max_items)
            if depth >= _MAX_DEPTH:
                count = limits.min_items or 0
            item_hint = _singular(hint)
            items = [self._value(type_ref.item, state, item_hint, depth + 1) for _ in range(count)]
            if limits.unique_items and count > 1:
                items = self._distinct(type_ref.item, items, state, item_hint, depth)
            return items
        if kind == "map":
            assert type_ref.item is not None
            return {"key": self._value(type_ref.item, state, "value", depth + 1)}
        if kind == "model":
            return self._model(self.models[type_ref.name], state, depth, tag=None)
        if kind == "union":
            return self._union(self.unions[type_ref.name], state, hint, depth)
        raise ValueError(f"unknown type kind {kind!r}")

    def _distinct(
        self,
        item: ir.TypeRef,
        items: list[ir.JsonValue],
        state: _Synthesis,
        hint: str,
        depth: int,
    ) -> list[ir.JsonValue]:
        """Make the items of a `uniqueItems` list differ from each other where the type allows."""
        if item.kind == "enum":
            members = [member.value for member in self.enums[item.name].members]
            return [members[index % len(members)] for index in range(len(items))]
        if item.kind in ("integer", "number"):
            return [
                _number(value + index) if isinstance(value, int | float) else value
                for index, value in enumerate(items)
            ]
        if item.kind == "string" and not item.format and not item.constraints.pattern:
            return [
                _fit_length(f"{value}{index}" if index else str(value), item.constraints)
                for index, value in enumerate(items)
            ]
        return items

    def _string(self, type_ref: ir.TypeRef, state: _Synthesis, hint: str) -> str:
        limits = type_ref.constraints
        if type_ref.format in FORMAT_EXAMPLES:
            return FORMAT_EXAMPLES[type_ref.format]
        if type_ref.format == "binary":
            return _fit_length("content", limits)
        if limits.pattern and state.side == "request":
            found = matching_string(limits.pattern, limits.min_length, limits.max_length)
            if found is not None:
                return found
            state.problems.append(f"no string matching `{limits.pattern}` was found")
        return _fit_length(_word(hint), limits)

    def _model(
        self, model: ir.Model, state: _Synthesis, depth: int, tag: str | None
    ) -> ir.JsonValue:
        if model.has_example and not self.mismatch(model.example, _model_ref(model), state.side):
            if tag is None or _tag_of(model.example, self._tag_wire_name(model)) == tag:
                return model.example
        recursive = model.name in state.visiting
        state.visiting.append(model.name)
        try:
            value: dict[str, ir.JsonValue] = {}
            for model_field in model.fields:
                tags = self.tags.get((model.name, model_field.wire_name))
                if tags:
                    # a discriminated union reads the tag to tell its members apart
                    value[model_field.wire_name] = tag if tag in tags else tags[0]
                elif not self._include(model_field, state, depth, recursive):
                    continue
                elif model_field.has_example and not self.mismatch(
                    model_field.example, model_field.type, state.side
                ):
                    value[model_field.wire_name] = model_field.example
                else:
                    value[model_field.wire_name] = self._value(
                        model_field.type, state, model_field.wire_name, depth + 1
                    )
            return value
        finally:
            state.visiting.pop()

    def _include(
        self, model_field: ir.Field, state: _Synthesis, depth: int, recursive: bool
    ) -> bool:
        if state.side == "request" and model_field.read_only:
            return False
        if state.side == "response" and model_field.write_only:
            return False
        if model_field.required:
            return True
        # a response's own optional scalars give the tests a field value to check
        return (
            state.side == "response"
            and depth == 0
            and not recursive
            and model_field.type.kind in ("string", "integer", "number", "boolean", "enum")
        )

    def _tag_wire_name(self, model: ir.Model) -> str | None:
        return next((wire for name, wire in self.tags if name == model.name), None)

    def _union(self, union: ir.Union, state: _Synthesis, hint: str, depth: int) -> ir.JsonValue:
        if union.discriminator is not None and union.discriminator.mapping:
            tag, model_name = union.discriminator.mapping[0]
            if model_name in self.models:
                return self._model(self.models[model_name], state, depth, tag=tag)
        members = sorted(union.members, key=lambda member: member.kind == "null")
        return self._value(members[0], state, hint, depth + 1)

    def _synthesise_response(
        self, operation: ir.Operation, response: ir.Response | None
    ) -> ir.JsonValue:
        payload = operation.payload
        assert payload.type is not None
        state = _Synthesis("response")
        if operation.pagination is not None:
            item = self._value(operation.pagination.item, state, "item", 1)
            result: ir.JsonValue = [item]
        else:
            result = self._value(payload.type, state, "result", 0)
        if payload.kind == "body":
            return result
        envelope_type = response.type if response is not None else None
        body: dict[str, ir.JsonValue] = {}
        if envelope_type is not None and envelope_type.kind == "model":
            envelope = self.models[envelope_type.name]
            for model_field in envelope.fields:
                wire = model_field.wire_name
                if wire == "success":
                    body[wire] = True
                elif wire in _ENVELOPE_LISTS:
                    body[wire] = []
                elif wire == "result_info" and operation.pagination is not None:
                    body[wire] = _result_info(operation.pagination, 1)
                elif model_field.required and wire not in ("result", *payload.fields):
                    body[wire] = self._value(model_field.type, state, wire, 1)
        else:
            body = {"success": True, "errors": [], "messages": []}
        if payload.kind == "result":
            body["result"] = result
        elif len(payload.fields) == 1:
            body[payload.fields[0]] = result
        elif isinstance(result, dict):
            body.update(result)
        return body

    # -----------------------------------------------------------------------------------------
    # Does a value fit a type?

    def mismatch(
        self, value: ir.JsonValue, type_ref: ir.TypeRef, side: Side, where: str = ""
    ) -> str:
        """Why `value` does not fit `type_ref` as the client checks it on `side`; "" when it fits.

        The request side checks constraints, patterns and closed enums; the response side checks
        types and required fields only (the client reads enums as open and leaves constraints to
        the server).
        """
        if value is None:
            if type_ref.nullable or type_ref.kind in ("null", "any"):
                return ""
            return _at(where, "null is not allowed")
        kind = type_ref.kind
        limits = type_ref.constraints
        if kind == "any":
            return ""
        if kind == "string":
            if not isinstance(value, str):
                return _at(where, f"expected a string, got {_json_type(value)}")
            if type_ref.format in _PARSED_FORMATS and not _parses(value, type_ref.format or ""):
                return _at(where, f"{value!r} is not a {type_ref.format}")
            if side == "request":
                return _at(where, _string_limits(value, limits))
            return ""
        if kind in ("integer", "number"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return _at(where, f"expected a number, got {_json_type(value)}")
            if kind == "integer" and not float(value).is_integer():
                return _at(where, f"expected an integer, got {value!r}")
            return _at(where, _number_limits(value, limits)) if side == "request" else ""
        if kind == "boolean":
            return (
                ""
                if isinstance(value, bool)
                else _at(where, f"expected a boolean, got {_json_type(value)}")
            )
        if kind == "null":
            return _at(where, "expected null")
        if kind in ("object", "map", "model"):
            if not isinstance(value, dict):
                return _at(where, f"expected an object, got {_json_type(value)}")
            if kind == "map" and type_ref.item is not None:
                return _first(
                    self.mismatch(item, type_ref.item, side, f"{where}.{key}")
                    for key, item in value.items()
                )
            if kind == "model":
                return self._model_mismatch(self.models[type_ref.name], value, side, where)
            return ""
        if kind == "enum":
            enum = self.enums[type_ref.name]
            members = [member.value for member in enum.members]
            if side == "request" and value not in members:
                return _at(where, f"{value!r} is not one of {members!r}")
            if not isinstance(value, str | int | float):
                return _at(where, f"expected a scalar, got {_json_type(value)}")
            return ""
        if kind == "list":
            if not isinstance(value, list):
                return _at(where, f"expected a list, got {_json_type(value)}")
            if side == "request":
                reason = _count_limits(value, limits)
                if reason:
                    return _at(where, reason)
            assert type_ref.item is not None
            item_type = type_ref.item
            return _first(
                self.mismatch(item, item_type, side, f"{where}[{index}]")
                for index, item in enumerate(value)
            )
        if kind == "union":
            return self._union_mismatch(self.unions[type_ref.name], value, side, where)
        return _at(where, f"unknown type kind {kind!r}")

    def _model_mismatch(
        self, model: ir.Model, value: dict[str, Any], side: Side, where: str
    ) -> str:
        for model_field in model.fields:
            skipped = model_field.read_only if side == "request" else model_field.write_only
            if skipped:
                continue
            here = f"{where}.{model_field.wire_name}"
            if model_field.wire_name not in value:
                if model_field.required:
                    return _at(here, "a required field is missing")
                continue
            item = value[model_field.wire_name]
            tags = self.tags.get((model.name, model_field.wire_name))
            if tags and item not in tags:
                return _at(here, f"{item!r} is not one of the tags {list(tags)!r}")
            if item is None and not model_field.required and side == "response":
                continue
            reason = self.mismatch(item, model_field.type, side, here)
            if reason:
                return reason
        extra = model.additional_properties
        if extra is not None and extra.kind != "any":
            known = {model_field.wire_name for model_field in model.fields}
            return _first(
                self.mismatch(item, extra, side, f"{where}.{key}")
                for key, item in value.items()
                if key not in known
            )
        return ""

    def _union_mismatch(self, union: ir.Union, value: ir.JsonValue, side: Side, where: str) -> str:
        discriminator = union.discriminator
        if discriminator is not None and isinstance(value, dict) and discriminator.mapping:
            tag = value.get(discriminator.property_name)
            models = dict(discriminator.mapping)
            if tag in models and models[tag] in self.models:
                return self.mismatch(value, ir.TypeRef("model", name=models[tag]), side, where)
            if union.name in self.discriminated:
                here = f"{where}.{discriminator.property_name}"
                return _at(here, f"{tag!r} is none of the tags {list(models)!r}")
        reasons = [self.mismatch(value, member, side, where) for member in union.members]
        if all(reasons):
            return (
                reasons[0] if len(reasons) == 1 else _at(where, f"fits no member of {union.name}")
            )
        return ""

    def _response_mismatch(self, operation: ir.Operation, body: ir.JsonValue) -> str:
        payload = operation.payload
        assert payload.type is not None
        if payload.kind in ("result", "fields"):
            if not isinstance(body, dict):
                return "expected a JSON object (the envelope)"
            if body.get("success") is False:
                return "the envelope says `success: false`"
        unwrapped = self.unwrap(operation, body)
        if operation.pagination is not None:
            item = ir.TypeRef("list", item=operation.pagination.item)
            return self.mismatch(unwrapped, item, "response", "$.result")
        return self.mismatch(unwrapped, payload.type, "response", "$")

    def _warn_unfit(self, pointer: str, reason: str) -> None:
        self.diagnostics.append(
            _diagnostic(
                pointer,
                "W401",
                f"the example does not fit its schema: {reason}",
                "fix the example; the generated tests use a synthesised value",
            )
        )


# ---------------------------------------------------------------------------------------------
# Strings matching a pattern


def matching_string(
    pattern: str, min_length: int | None = None, max_length: int | None = None
) -> str | None:
    """A short string `re.search(pattern, ...)` finds, within the length bounds; None when the
    pattern uses what this cannot generate (lookarounds, conditionals) or no try fits."""
    try:
        compiled = re.compile(pattern)
        tree = _regex_parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    low = min_length or 0
    high = max_length if max_length is not None else math.inf
    for stretch in _stretches(low):
        try:
            text = _Generator(stretch).generate(tree)
        except _Unsupported:
            return None
        if low <= len(text) <= high and compiled.search(text):
            return text
        if len(text) > high:
            break
    return None


def _stretches(min_length: int) -> Sequence[int]:
    """Extra repetitions to try for unbounded repeats: none first, then enough for a min length."""
    if min_length <= 1:
        return (0,)
    return (0, *sorted({min(step, _MAX_STRETCH) for step in (1, 2, min_length // 2, min_length)}))


class _Unsupported(Exception):
    """The pattern uses a construct strings are not generated for."""


class _Generator:
    """Walks a `re._parser` tree, choosing the first option everywhere and the fewest repeats
    (at least one), plus `stretch` more for unbounded ones."""

    def __init__(self, stretch: int) -> None:
        self.stretch = stretch
        self.groups: dict[int, str] = {}

    def generate(self, tree: Any) -> str:
        return "".join(self._item(op, argument) for op, argument in tree)

    def _item(self, op: Any, argument: Any) -> str:
        if op is _regex.LITERAL:
            return chr(argument)
        if op is _regex.NOT_LITERAL:
            return "a" if chr(argument) != "a" else "b"
        if op is _regex.ANY:
            return "a"
        if op is _regex.AT:
            return ""
        if op is _regex.IN:
            return _choose_in(argument)
        if op is _regex.CATEGORY:
            return _CATEGORY_CHARS[argument]
        if op is _regex.BRANCH:
            return self.generate(argument[1][0])
        if op is _regex.SUBPATTERN:
            group, _, _, tree = argument
            text = self.generate(tree)
            if group is not None:
                self.groups[group] = text
            return text
        if op in (_regex.MAX_REPEAT, _regex.MIN_REPEAT, _regex.POSSESSIVE_REPEAT):
            low, high, tree = argument
            count = max(low, 1) if high != 0 else 0
            if high is _regex.MAXREPEAT or high > count:
                limit = high if high is not _regex.MAXREPEAT else count + self.stretch
                count = min(count + self.stretch, limit)
            return "".join(self.generate(tree) for _ in range(count))
        if op is _regex.ATOMIC_GROUP:
            return self.generate(argument)
        if op is _regex.GROUPREF:
            return self.groups.get(argument, "")
        raise _Unsupported(str(op))


_CATEGORY_CHARS: Final[dict[Any, str]] = {
    _regex.CATEGORY_DIGIT: "0",
    _regex.CATEGORY_NOT_DIGIT: "a",
    _regex.CATEGORY_SPACE: " ",
    _regex.CATEGORY_NOT_SPACE: "a",
    _regex.CATEGORY_WORD: "a",
    _regex.CATEGORY_NOT_WORD: "-",
    _regex.CATEGORY_LINEBREAK: "\n",
    _regex.CATEGORY_NOT_LINEBREAK: "a",
}
# characters tried, in order, for a negated class: readable ones first
_CANDIDATES: Final = "a0-_.xA~ "


def _choose_in(items: Any) -> str:
    """A character of a class `[...]`: the first it names, or for `[^...]` the first it allows."""
    negated = bool(items) and items[0][0] is _regex.NEGATE
    if not negated:
        op, argument = items[0]
        if op is _regex.LITERAL:
            return chr(argument)
        if op is _regex.RANGE:
            return chr(argument[0])
        if op is _regex.CATEGORY:
            return _CATEGORY_CHARS[argument]
        raise _Unsupported(str(op))
    for candidate in _CANDIDATES:
        if not _in_class(candidate, items[1:]):
            return candidate
    raise _Unsupported("a negated class excluding every candidate")


def _in_class(char: str, items: Any) -> bool:
    code = ord(char)
    for op, argument in items:
        if op is _regex.LITERAL and argument == code:
            return True
        if op is _regex.RANGE and argument[0] <= code <= argument[1]:
            return True
        if op is _regex.CATEGORY and re.fullmatch(_CATEGORY_PATTERNS[argument], char):
            return True
    return False


_CATEGORY_PATTERNS: Final[dict[Any, str]] = {
    _regex.CATEGORY_DIGIT: r"\d",
    _regex.CATEGORY_NOT_DIGIT: r"\D",
    _regex.CATEGORY_SPACE: r"\s",
    _regex.CATEGORY_NOT_SPACE: r"\S",
    _regex.CATEGORY_WORD: r"\w",
    _regex.CATEGORY_NOT_WORD: r"\W",
    _regex.CATEGORY_LINEBREAK: r"\n",
    _regex.CATEGORY_NOT_LINEBREAK: r".",
}


# ---------------------------------------------------------------------------------------------
# Small helpers


def _discriminator_tags(
    api: ir.Api, models: dict[str, ir.Model]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """(model name, tag property wire name) -> the tag values the model takes in the unions
    whose discriminator maps to it."""
    tags: dict[tuple[str, str], list[str]] = {}
    for union in api.unions:
        found = union.discriminator
        if found is None:
            continue
        for value, model_name in found.mapping:
            model = models.get(model_name)
            if model is None or all(f.wire_name != found.property_name for f in model.fields):
                continue
            values = tags.setdefault((model_name, found.property_name), [])
            if value not in values:
                values.append(value)
    return {key: tuple(values) for key, values in tags.items()}


def _model_ref(model: ir.Model) -> ir.TypeRef:
    return ir.TypeRef("model", name=model.name)


def _tag_of(value: ir.JsonValue, wire_name: str | None) -> ir.JsonValue:
    return value.get(wire_name) if isinstance(value, dict) and wire_name else None


def _result_info(pagination: ir.Pagination, count: int) -> dict[str, ir.JsonValue]:
    known: dict[str, ir.JsonValue] = {
        "page": 1,
        "per_page": 20,
        "count": count,
        "total_count": count,
        "total_pages": 1,
    }
    return {name: known[name] for name in pagination.result_info_fields if name in known}


_WORD: Final = re.compile(r"[^A-Za-z0-9]+")


def _word(hint: str) -> str:
    """A string value named after where it goes: `connector_id` -> "connector_id"."""
    word = _WORD.sub("_", hint).strip("_")
    return word or "value"


def _singular(hint: str) -> str:
    return hint[:-1] if hint.endswith("s") and len(hint) > 1 else hint


def _fit_length(text: str, limits: ir.Constraints) -> str:
    low = limits.min_length or 0
    if len(text) < low:
        text = (text * (low // max(len(text), 1) + 1))[:low] if text else "x" * low
    if limits.max_length is not None and len(text) > limits.max_length:
        text = text[: limits.max_length]
    return text


def _number_within(limits: ir.Constraints, integer: bool) -> int | float:
    """The smallest value the bounds allow (1 when unbounded), a multiple of `multiple_of`."""
    low: float | None = None
    if limits.minimum is not None:
        low = limits.minimum
    if limits.exclusive_minimum is not None:
        bound = limits.exclusive_minimum + (
            1 if integer or _is_whole(limits.exclusive_minimum) else 0.5
        )
        low = bound if low is None else max(low, bound)
    high: float | None = None
    if limits.maximum is not None:
        high = limits.maximum
    if limits.exclusive_maximum is not None:
        bound = limits.exclusive_maximum - (1 if integer else 0.5)
        high = bound if high is None else min(high, bound)
    value: float = low if low is not None else 1
    if high is not None and value > high:
        value = high
    if limits.multiple_of:
        value = math.ceil(value / limits.multiple_of) * limits.multiple_of
    if integer:
        value = math.ceil(value)
    return _number(value)


def _is_whole(value: float) -> bool:
    return float(value).is_integer()


def _number(value: float) -> int | float:
    """Whole numbers as ints, so `1` is written `1`, not `1.0`."""
    return int(value) if float(value).is_integer() else value


def _parses(text: str, string_format: str) -> bool:
    try:
        if string_format == "date":
            datetime.date.fromisoformat(text)
        else:
            datetime.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _string_limits(value: str, limits: ir.Constraints) -> str:
    if limits.min_length is not None and len(value) < limits.min_length:
        return f"shorter than {limits.min_length} characters"
    if limits.max_length is not None and len(value) > limits.max_length:
        return f"longer than {limits.max_length} characters"
    if limits.pattern:
        try:
            if not re.search(limits.pattern, value):
                return f"does not match {limits.pattern!r}"
        except re.error:
            return f"the pattern {limits.pattern!r} is not a Python regular expression"
    return ""


def _number_limits(value: float, limits: ir.Constraints) -> str:
    if limits.minimum is not None and value < limits.minimum:
        return f"below the minimum {limits.minimum}"
    if limits.exclusive_minimum is not None and value <= limits.exclusive_minimum:
        return f"not above {limits.exclusive_minimum}"
    if limits.maximum is not None and value > limits.maximum:
        return f"above the maximum {limits.maximum}"
    if limits.exclusive_maximum is not None and value >= limits.exclusive_maximum:
        return f"not below {limits.exclusive_maximum}"
    if limits.multiple_of and not float(value / limits.multiple_of).is_integer():
        return f"not a multiple of {limits.multiple_of}"
    return ""


def _count_limits(value: list[Any], limits: ir.Constraints) -> str:
    if limits.min_items is not None and len(value) < limits.min_items:
        return f"fewer than {limits.min_items} items"
    if limits.max_items is not None and len(value) > limits.max_items:
        return f"more than {limits.max_items} items"
    return ""


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _at(where: str, reason: str) -> str:
    if not reason:
        return ""
    return f"at {where}: {reason}" if where else reason


def _first(reasons: Iterator[str]) -> str:
    return next((reason for reason in reasons if reason), "")


def _escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _diagnostic(pointer: str, code: str, message: str, hint: str) -> Diagnostic:
    file, _, json_pointer = pointer.partition("#")
    return Diagnostic(
        file=file,
        line=0,
        code=code,
        pointer="#" + json_pointer if json_pointer else "",
        message=message,
        hint=hint,
        severity="warning",
    )
