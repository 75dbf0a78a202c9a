"""`format_api`: the IR as indented text, for `python -m generator ir` and the golden snapshot.

One line per resource, operation, parameter, field, response, enum and union member, with
types written compactly: `list[DayOfWeek]`, `string<date-time>?` (nullable),
`number{minimum=1, maximum=24}`. The output depends only on the IR, so it is stable.
"""

from __future__ import annotations

import json
from dataclasses import fields as dataclass_fields

from .. import ir

_INDENT = "  "


def format_type(type_ref: ir.TypeRef | None) -> str:
    if type_ref is None:
        return "none"
    if type_ref.kind in ("list", "map"):
        text = f"{type_ref.kind}[{format_type(type_ref.item)}]"
    elif type_ref.kind in ("model", "enum", "union"):
        text = type_ref.name
    else:
        text = type_ref.kind + (f"<{type_ref.format}>" if type_ref.format else "")
    if type_ref.nullable:
        text += "?"
    if not type_ref.constraints.is_empty():
        text += format_constraints(type_ref.constraints)
    return text


def format_constraints(constraints: ir.Constraints) -> str:
    parts = []
    for item in dataclass_fields(constraints):
        value = getattr(constraints, item.name)
        if value is None or value is False:
            continue
        parts.append(f"{item.name}={json.dumps(value)}")
    return "{" + ", ".join(parts) + "}"


def _flags(**flags: bool) -> str:
    return "".join(f" {name.replace('_', '-')}" for name, on in flags.items() if on)


def _json(value: ir.JsonValue) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def _field(item: ir.Field, prefix: str) -> str:
    wire = f" (wire {item.wire_name})" if item.wire_name != item.name else ""
    line = f"{prefix}{item.name}{wire}: {format_type(item.type)}"
    line += _flags(
        required=item.required,
        read_only=item.read_only,
        write_only=item.write_only,
        deprecated=item.deprecated,
    )
    if item.has_default:
        line += f" default={_json(item.default)}"
    return line


def _security(alternatives: tuple[tuple[str, ...], ...]) -> str:
    return " | ".join("+".join(names) or "(none)" for names in alternatives) or "(none)"


def _operation(operation: ir.Operation, depth: int) -> list[str]:
    pad = _INDENT * depth
    inner = pad + _INDENT
    lines = [
        f"{pad}{operation.name}: {operation.method} {operation.path} [{operation.operation_id}]"
        + _flags(deprecated=operation.deprecated, idempotent=operation.idempotent)
    ]
    if operation.summary:
        lines.append(f"{inner}summary: {_first_line(operation.summary)}")
    for parameter in operation.parameters:
        wire = f" {parameter.wire_name}" if parameter.wire_name != parameter.name else ""
        line = f"{inner}param {parameter.name} ({parameter.location}{wire}): "
        line += format_type(parameter.type)
        line += _flags(required=parameter.required, deprecated=parameter.deprecated)
        if parameter.has_default:
            line += f" default={_json(parameter.default)}"
        if parameter.style or parameter.explode is not None:
            line += f" style={parameter.style} explode={parameter.explode}"
        lines.append(line)
    body = operation.request_body
    if body is not None:
        line = f"{inner}body {body.content_type}: {format_type(body.type)}"
        line += _flags(required=body.required)
        if not body.fields:
            line += f" as {body.body_name}"
        lines.append(line)
        lines.extend(_field(item, inner + _INDENT + "field ") for item in body.fields)
    for response in operation.responses:
        content = f" {response.content_type}" if response.content_type else ""
        lines.append(
            f"{inner}response {response.status}{content}: {format_type(response.type)}"
            + _flags(error=response.is_error)
        )
    payload = operation.payload
    fields = f" fields={','.join(payload.fields)}" if payload.fields else ""
    lines.append(
        f"{inner}payload {payload.kind} {payload.status}: {format_type(payload.type)}{fields}"
    )
    pages = operation.pagination
    if pages is not None:
        lines.append(
            f"{inner}pagination {pages.style} page={pages.page_parameter} "
            f"per_page={pages.per_page_parameter} item={format_type(pages.item)} "
            f"result_info={','.join(pages.result_info_fields)}"
        )
    lines.append(f"{inner}security: {_security(operation.security)}")
    return lines


def _resource(resource: ir.Resource, depth: int) -> list[str]:
    pad = _INDENT * depth
    lines = [f"{pad}{resource.name} ({resource.class_name}, {resource.module})"]
    for operation in resource.operations:
        lines.extend(_operation(operation, depth + 1))
    for child in resource.children:
        lines.extend(_resource(child, depth + 1))
    return lines


def format_api(api: ir.Api) -> str:
    """The whole IR as text: API, security, resources, models, enums, unions, dropped."""
    lines = [f"api {api.title} {api.version}", f"{_INDENT}base_url: {api.base_url}"]
    lines.append(f"{_INDENT}security: {_security(api.security)}")
    lines.append("security_schemes")
    for scheme in api.security_schemes:
        lines.append(
            f"{_INDENT}{scheme.name}: {scheme.kind} {scheme.location} {scheme.parameter_name} "
            f"argument={scheme.argument} env={scheme.env_var}"
        )
    lines.append("resources")
    for resource in api.resources:
        lines.extend(_resource(resource, 1))
    lines.append("models")
    for model in api.models:
        lines.append(f"{_INDENT}{model.name} @ {model.pointer}" + _flags(recursive=model.recursive))
        lines.extend(_field(item, _INDENT * 2) for item in model.fields)
        if model.additional_properties is not None:
            lines.append(f"{_INDENT * 2}[*]: {format_type(model.additional_properties)}")
    lines.append("enums")
    for enum in api.enums:
        values = ", ".join(_json(member.value) for member in enum.members)
        lines.append(f"{_INDENT}{enum.name} {enum.value_type} @ {enum.pointer}: {values}")
    lines.append("unions")
    for union in api.unions:
        kind = "oneOf" if union.exclusive else "anyOf"
        lines.append(f"{_INDENT}{union.name} {kind} @ {union.pointer}")
        lines.extend(f"{_INDENT * 2}| {format_type(member)}" for member in union.members)
        if union.discriminator is not None:
            mapping = ", ".join(f"{tag}->{name}" for tag, name in union.discriminator.mapping)
            lines.append(
                f"{_INDENT * 2}discriminator {union.discriminator.property_name}: {mapping}"
            )
    if api.dropped:
        lines.append("dropped")
        for dropped in api.dropped:
            where = f"{dropped.method} {dropped.path} [{dropped.operation_id}]"
            lines.append(f"{_INDENT}{where}: {dropped.reason}")
    return "\n".join(lines) + "\n"
