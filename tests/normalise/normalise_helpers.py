"""Builders and lookups shared by the normalise tests (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from generator import ir
from generator.diagnostics import Diagnostic

Normalised = tuple[ir.Api, list[Diagnostic]]
Normalise = Callable[..., Normalised]  # the `normalised` fixture: a document -> Normalised


def openapi(
    paths: dict[str, Any] | None = None,
    schemas: dict[str, Any] | None = None,
    *,
    version: str = "3.0.3",
    **extra: Any,
) -> dict[str, Any]:
    """A minimal OpenAPI document with these paths and component schemas."""
    document: dict[str, Any] = {
        "openapi": version,
        "info": {"title": "Test API", "version": "1.0.0"},
        "paths": paths or {},
    }
    if schemas:
        document.setdefault("components", {})["schemas"] = schemas
    for key, value in extra.items():
        if key in ("parameters", "responses", "requestBodies", "securitySchemes"):
            document.setdefault("components", {})[key] = value
        else:
            document[key] = value
    return document


def get_returning(schema: dict[str, Any], **operation: Any) -> dict[str, Any]:
    """An operation object whose 200 response has this JSON schema."""
    return {
        "operationId": operation.pop("operationId", "op"),
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": schema}}}
        },
        **operation,
    }


T = TypeVar("T")


def named(items: Iterable[T], key: Callable[[T], str], name: str) -> T:
    """The item whose key is `name`; a failure lists the keys there are."""
    found = {key(item): item for item in items}
    assert name in found, f"no {name!r} among {sorted(found)}"
    return found[name]


def model(api: ir.Api, name: str) -> ir.Model:
    return named(api.models, lambda m: m.name, name)


def enum(api: ir.Api, name: str) -> ir.EnumType:
    return named(api.enums, lambda e: e.name, name)


def union(api: ir.Api, name: str) -> ir.Union:
    return named(api.unions, lambda u: u.name, name)


def field(definition: ir.Model, wire_name: str) -> ir.Field:
    return named(definition.fields, lambda f: f.wire_name, wire_name)


def operation(api: ir.Api, operation_id: str) -> ir.Operation:
    return named(api.operations(), lambda op: op.operation_id, operation_id)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return sorted(d.code for d in diagnostics)
