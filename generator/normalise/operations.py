"""Operations: parameters, request bodies, responses, payloads and security.

An operation is drafted while schemas are converted (its types hold placeholders) and
finished once definitions have names (`finish_operation`), when request types lose their
read-only fields and the body's fields become keyword arguments.

Parameters: path-level and operation-level merged, the operation's winning by (name, in);
path parameters first in the order the path names them, then query, header, cookie. A path
parameter the template names but nothing declares is added as a required string (W207); a
declared one the template lacks is left out (W207). Header parameters named Accept,
Content-Type or Authorization are ignored, as OpenAPI says (W208). Python names are unique
within the method, apart from the arguments every method has (`timeout`, ...), and apart
from the body's fields: a body field that clashes is renamed `body_<name>`, its wire name
kept.

Request bodies: the JSON media type is preferred, then multipart, form and octet-stream. A
JSON object body becomes keyword arguments (`RequestBody.fields`); anything else is one
`body` argument of the body's type, with its content type recorded.

Responses: every declared status (`200`, `4XX` from `4xx`, `default`, even `52X`), each with
its type. The payload comes from the lowest 2xx status with content (see envelopes.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .. import ir
from ..load import Located
from .definitions import Site
from .envelopes import pagination, payload_is_concrete, unwrap
from .finalise import Finalised
from .naming import RESERVED_ARGUMENT_NAMES, NameTable, python_identifier, snake_case
from .refs import Context, plain_text
from .resources import OperationSource, Placement, path_parameter_names
from .schemas import SchemaConverter
from .security import requirements
from .views import SchemaView

HTTP_METHODS: dict[str, ir.HttpMethod] = {
    "get": "GET",
    "put": "PUT",
    "post": "POST",
    "delete": "DELETE",
    "options": "OPTIONS",
    "head": "HEAD",
    "patch": "PATCH",
    "trace": "TRACE",
}
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3}
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
_DEFAULT_STYLE = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
_PATH_TEMPLATE = re.compile(r"[^{}]*(\{[^{}]+\}[^{}]*)*")  # balanced, not nested
_STATUS = re.compile(r"[1-5](\d\d|XX)|default")
_BODY_PREFERENCE = (
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
)


def is_json(content_type: str | None) -> bool:
    if content_type is None:
        return False
    base = content_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def choose_media_type(content: dict[str, Any]) -> str | None:
    """The media type to use: JSON, then multipart, form, octet-stream, then the first."""
    types = [t for t in content if isinstance(t, str)]
    for wanted in (is_json, lambda t: t in _BODY_PREFERENCE):
        for content_type in types:
            if wanted(content_type):
                return content_type
    return types[0] if types else None


@dataclass(frozen=True, slots=True)
class DraftOperation:
    """An operation whose types still hold placeholders, and where it goes."""

    operation: ir.Operation
    resource: tuple[str, ...]


def collect_sources(ctx: Context) -> tuple[list[OperationSource], list[ir.DroppedOperation]]:
    """Every operation under `paths`, in spec order, with operationIds made unique.

    Dropped (E300-E302): a path template with unbalanced braces, an operation that is not an
    object, a path item whose `$ref` is broken. Nothing else stops an operation from being
    called.
    """
    root = ctx.spec.root_node
    sources: list[OperationSource] = []
    dropped: list[ir.DroppedOperation] = []
    paths = root.value.get("paths")
    if not isinstance(paths, dict):
        return sources, dropped
    paths_node = ctx.child(root, "paths")
    ids = NameTable()
    for path in paths:
        raw_item = ctx.child(paths_node, path)
        item = ctx.deref(raw_item)
        if item is None or not isinstance(item.value, dict):
            dropped.append(
                _drop(ctx, "E302", raw_item, "", "*", path, "the path item is not an object")
            )
            continue
        template_ok = _PATH_TEMPLATE.fullmatch(path) is not None
        for key in item.value:  # in the spec's order
            method = HTTP_METHODS.get(key)
            if method is None:
                continue
            node = ctx.child(item, key)
            given = node.value.get("operationId") if isinstance(node.value, dict) else None
            operation_id = (
                given if isinstance(given, str) and given else f"{key}_{snake_case(path)}"
            )
            if not isinstance(node.value, dict):
                dropped.append(
                    _drop(
                        ctx,
                        "E301",
                        node,
                        operation_id,
                        method,
                        path,
                        "the operation is not an object",
                    )
                )
                continue
            if not template_ok:
                reason = "the path template has unbalanced or nested braces"
                dropped.append(_drop(ctx, "E300", node, operation_id, method, path, reason))
                continue
            unique, numbered = ids.claim([operation_id], separator="_")
            if numbered:
                ctx.warn(
                    "W215",
                    node,
                    f"operationId {operation_id!r} is used by another operation; "
                    f"this one is {unique!r} here",
                    "operationIds must be unique.",
                )
            sources.append(OperationSource(path, method, unique, node, item))
    return sources, dropped


def _drop(
    ctx: Context, code: str, node: Located, operation_id: str, method: str, path: str, reason: str
) -> ir.DroppedOperation:
    ctx.report(
        code,
        node,
        f"operation dropped: {reason}",
        "fix the spec so the operation can be called.",
        "warning" if ctx.tolerant else "error",
    )
    return ir.DroppedOperation(operation_id, method, path, reason, ctx.where(node))


class OperationDrafter:
    """Drafts operations; keeps the types to finish them with."""

    __slots__ = ("_ctx", "_converter", "_known_schemes", "_default_security")

    def __init__(
        self,
        ctx: Context,
        converter: SchemaConverter,
        known_schemes: set[str],
        default_security: tuple[tuple[str, ...], ...],
    ) -> None:
        self._ctx = ctx
        self._converter = converter
        self._known_schemes = known_schemes
        self._default_security = default_security

    def draft(self, source: OperationSource, placement: Placement) -> DraftOperation:
        ctx = self._ctx
        value = source.node.value
        words = (*placement.resource, placement.name)
        parameters = self._parameters(source, placement, words)
        body = self._request_body(source, words)
        responses = tuple(
            sorted(self._responses(source, words), key=lambda r: (r.status == "default", r.status))
        )
        payload, pages = self._payload(source, responses, parameters)
        security = (
            requirements(source.node.value, self._known_schemes)
            if "security" in value
            else self._default_security
        )
        listed_tags = value.get("tags")
        tags = (
            tuple(t for t in listed_tags if isinstance(t, str))
            if isinstance(listed_tags, list)
            else ()
        )
        operation = ir.Operation(
            operation_id=source.operation_id,
            name=placement.name,
            method=source.method,
            path=source.path,
            summary=plain_text(value.get("summary")),
            description=plain_text(value.get("description")),
            pointer=ctx.where(source.node),
            parameters=parameters,
            request_body=body,
            responses=responses,
            payload=payload,
            pagination=pages,
            security=security,
            deprecated=value.get("deprecated") is True,
            tags=tags,
            idempotent=source.method in _IDEMPOTENT,
        )
        return DraftOperation(operation, placement.resource)

    # Parameters ------------------------------------------------------------------------------

    def _declared_parameters(self, source: OperationSource) -> dict[tuple[str, str], Located]:
        """Path-level then operation-level parameters, by (name, in); the operation's prevail."""
        ctx = self._ctx
        found: dict[tuple[str, str], Located] = {}
        for owner in (source.path_item, source.node):
            for raw in ctx.children(owner, "parameters"):
                node = ctx.deref(raw)
                if node is None or not isinstance(node.value, dict):
                    continue
                name, location = node.value.get("name"), node.value.get("in")
                if (
                    not isinstance(name, str)
                    or not isinstance(location, str)
                    or (location not in _LOCATION_ORDER)
                ):
                    ctx.warn(
                        "W213",
                        node,
                        "a parameter needs a string `name`, and `in` one of path, query, "
                        "header or cookie",
                        "the parameter is left out.",
                    )
                    continue
                if location == "header" and name.lower() in _IGNORED_HEADERS:
                    ctx.warn(
                        "W208",
                        node,
                        f"header parameter {name!r} is ignored (OpenAPI leaves {name} to the "
                        "content type and security scheme)",
                        "remove it; the client sets this header itself.",
                    )
                    continue
                found[(name, location)] = node
        return found

    def _parameters(
        self, source: OperationSource, placement: Placement, words: tuple[str, ...]
    ) -> tuple[ir.Parameter, ...]:
        ctx = self._ctx
        declared = self._declared_parameters(source)
        in_path = path_parameter_names(source.path)
        for (name, location), declared_node in list(declared.items()):
            if location == "path" and name not in in_path:
                ctx.warn(
                    "W207",
                    declared_node,
                    f"path parameter {name!r} does not appear in the path {source.path}",
                    "it is left out; rename it to match the path template.",
                )
                del declared[(name, location)]
        nodes: list[tuple[str, str, Located | None]] = []
        for name in dict.fromkeys(in_path):
            if (name, "path") not in declared:
                ctx.warn(
                    "W207",
                    source.node,
                    f"path parameter {name!r} of {source.path} is not declared; "
                    "it is taken as a required string",
                    "declare it under `parameters` with `in: path`.",
                )
            nodes.append((name, "path", declared.get((name, "path"))))
        others = [(n, loc, found) for (n, loc), found in declared.items() if loc != "path"]
        nodes += sorted(others, key=lambda item: _LOCATION_ORDER[item[1]])
        fixed = dict(placement.prefix_parameters)
        table = NameTable(RESERVED_ARGUMENT_NAMES | set(fixed.values()))
        parameters = []
        for wire, location, node in nodes:
            if location == "path" and wire in fixed:
                name = fixed[wire]
            else:
                name, _ = table.claim(
                    [python_identifier(wire, reserved=RESERVED_ARGUMENT_NAMES)], separator="_"
                )
            parameters.append(self._parameter(source, name, wire, location, node, words))
        return tuple(parameters)

    def _parameter(
        self,
        source: OperationSource,
        name: str,
        wire: str,
        location: str,
        node: Located | None,
        words: tuple[str, ...],
    ) -> ir.Parameter:
        ctx = self._ctx
        if node is None:
            return ir.Parameter(
                name, wire, "path", ir.TypeRef("string"), True, "", ctx.where(source.node)
            )
        value = node.value
        schema = ctx.child(node, "schema") if isinstance(value.get("schema"), dict) else None
        if schema is None and isinstance(value.get("content"), dict) and value["content"]:
            content = ctx.child(node, "content")
            media = ctx.child(content, next(iter(value["content"])))
            if isinstance(media.value, dict) and isinstance(media.value.get("schema"), dict):
                schema = ctx.child(media, "schema")
        if schema is None:
            ctx.warn(
                "W213",
                node,
                f"parameter {wire!r} has no schema",
                "it accepts any value; add a `schema`.",
            )
        parameter_type = self._converter.convert(schema, Site(None, (*words, wire)))
        view = self._converter.views.of(schema) if schema is not None else None
        style = value.get("style") if value.get("style") != _DEFAULT_STYLE[location] else None
        explode = value.get("explode")
        default_explode = (style or _DEFAULT_STYLE[location]) == "form"
        example, has_example = self._example(node, view)
        return ir.Parameter(
            name=name,
            wire_name=wire,
            location=location,  # type: ignore[arg-type]  # checked against _LOCATION_ORDER
            type=parameter_type,
            required=location == "path" or value.get("required") is True,
            doc=plain_text(value.get("description"), view.description if view else None),
            pointer=ctx.where(node),
            style=style if isinstance(style, str) else None,
            explode=explode if isinstance(explode, bool) and explode != default_explode else None,
            deprecated=value.get("deprecated") is True,
            default=view.default if view else None,
            has_default=view.has_default if view else False,
            example=example,
            has_example=has_example,
        )

    def _example(self, node: Located | None, view: SchemaView | None) -> tuple[Any, bool]:
        """The example of a parameter or media type: `example`, else the first of `examples`.

        Entries of `examples` are often `$ref`s to components/examples; they are followed.
        """
        if node is None or not isinstance(node.value, dict):
            return None, False
        if "example" in node.value:
            return node.value["example"], True
        if isinstance(node.value.get("examples"), dict):
            holder = self._ctx.child(node, "examples")
            for key in holder.value:
                example = self._ctx.deref(self._ctx.child(holder, key))
                if example is not None and isinstance(example.value, dict):
                    if "value" in example.value:
                        return example.value["value"], True
        if view is not None and view.has_example:
            return view.example, True
        return None, False

    # Bodies ----------------------------------------------------------------------------------

    def _media(self, owner: Located) -> tuple[str | None, Located | None, Located | None]:
        """(content type, media type object, schema) of a request body or response."""
        content = owner.value.get("content")
        if not isinstance(content, dict) or not content:
            return None, None, None
        content_type = choose_media_type(content)
        if content_type is None:
            return None, None, None
        media = self._ctx.child(self._ctx.child(owner, "content"), content_type)
        has_schema = isinstance(media.value, dict) and isinstance(media.value.get("schema"), dict)
        return content_type, media, self._ctx.child(media, "schema") if has_schema else None

    def _request_body(
        self, source: OperationSource, words: tuple[str, ...]
    ) -> ir.RequestBody | None:
        if "requestBody" not in source.node.value:
            return None
        node = self._ctx.deref(self._ctx.child(source.node, "requestBody"))
        if node is None or not isinstance(node.value, dict):
            return None
        content_type, media, schema = self._media(node)
        if content_type is None:
            return None
        if schema is None and not is_json(content_type):
            body_type = ir.TypeRef("string", format="binary")
        else:
            body_type = self._converter.convert(schema, Site(None, (*words, "body")))
        example, has_example = self._example(media, None)
        return ir.RequestBody(
            content_type=content_type,
            type=body_type,
            required=node.value.get("required") is True,
            doc=plain_text(node.value.get("description")),
            pointer=self._ctx.where(node),
            example=example,
            has_example=has_example,
        )

    def _responses(self, source: OperationSource, words: tuple[str, ...]) -> list[ir.Response]:
        ctx = self._ctx
        if not isinstance(source.node.value.get("responses"), dict):
            return []
        holder = ctx.child(source.node, "responses")
        statuses = [str(s).upper() if str(s) != "default" else "default" for s in holder.value]
        # The first success and the first error are named `...Response` / `...Error`; the
        # others add their status (`...Response202`).
        errors = sorted(s for s in statuses if _is_error(s, statuses))
        successes = sorted(s for s in statuses if not _is_error(s, statuses))
        plain = {group[0] for group in (successes, errors) if group}
        responses = []
        for raw_status, status in zip(holder.value, statuses):
            node = ctx.deref(ctx.child(holder, raw_status))
            if node is None or not isinstance(node.value, dict):
                continue
            if not _STATUS.fullmatch(status):
                ctx.warn(
                    "W216",
                    node,
                    f"unusual status code {raw_status!r}",
                    "use a three-digit code, a range such as 4XX, or default.",
                )
            content_type, media, schema = self._media(node)
            is_error = _is_error(status, statuses)
            response_type = None
            if content_type is not None:
                role = "error" if is_error else "response"
                if status not in plain:
                    role += "_" + status.lower()
                response_type = self._converter.convert(schema, Site(None, (*words, role)))
                if status.startswith("2") and schema is not None:
                    self._note_untyped_payload(node, schema, response_type, content_type)
            example, has_example = self._example(media, None)
            responses.append(
                ir.Response(
                    status=status,
                    content_type=content_type,
                    type=response_type,
                    doc=plain_text(node.value.get("description")),
                    pointer=ctx.where(node),
                    is_error=is_error,
                    example=example,
                    has_example=has_example,
                )
            )
        return responses

    def _note_untyped_payload(
        self, node: Located, schema: Located, body: ir.TypeRef, content_type: str
    ) -> None:
        """W217 when a success payload is free-form because the spec says no more about it."""
        lookup = self._converter.definition
        unwrapped = unwrap(body, lookup, is_json=is_json(content_type))
        if body.kind == "any" or payload_is_concrete(unwrapped, lookup):
            return
        views = self._converter.views
        if unwrapped.kind in ("result", "fields"):
            names = (
                ["result"]
                if unwrapped.kind == "result"
                else [f.wire_name for f in unwrapped.fields]
            )
            properties = views.of(schema).properties
            parts = [part for name in names for part in properties.get(name, ())]
        else:
            parts = [schema]
        if all(views.is_vague(views.of(part)) for part in parts):
            what = "its result" if unwrapped.kind == "result" else "the body"
            self._ctx.warn(
                "W217",
                node,
                f"{what} is a free-form value in the spec, so the client returns it untyped",
                "describe it with properties or a $ref in the response schema.",
            )

    def _payload(
        self,
        source: OperationSource,
        responses: tuple[ir.Response, ...],
        parameters: tuple[ir.Parameter, ...],
    ) -> tuple[ir.Payload, ir.Pagination | None]:
        """What a successful call returns: from the lowest 2xx with content."""
        successes = [r for r in responses if r.status.startswith("2")]
        if not successes:
            successes = [r for r in responses if r.status == "default" and not r.is_error]
        if not successes:
            return ir.Payload("none", None, content_type=None), None
        chosen = next((r for r in successes if r.type is not None), successes[0])
        lookup = self._converter.definition
        unwrapped = unwrap(chosen.type, lookup, is_json=is_json(chosen.content_type))
        payload_type = unwrapped.type
        if unwrapped.kind == "fields" and payload_type is None and unwrapped.envelope is not None:
            payload_type = self._converter.fields_model(unwrapped.envelope, unwrapped.fields)
        payload = ir.Payload(
            kind=unwrapped.kind,
            type=payload_type,
            fields=tuple(f.wire_name for f in unwrapped.fields),
            content_type=chosen.content_type,
            status=chosen.status,
        )
        pointer = self._ctx.where(source.node)
        return payload, pagination(unwrapped, source.method, parameters, lookup, pointer)


def _is_error(status: str, statuses: list[str]) -> bool:
    """4xx and 5xx are errors, and `default` when other statuses are declared beside it."""
    return status[:1] in ("4", "5") or (status == "default" and len(statuses) > 1)


def finish_operation(operation: ir.Operation, finalised: Finalised) -> ir.Operation:
    """Final names everywhere; read-only fields out of what is sent; body fields as arguments."""
    parameters = tuple(_finish_parameter(p, finalised) for p in operation.parameters)
    body = operation.request_body
    if body is not None:
        body = _finish_body(body, finalised, {p.name for p in parameters})
    responses = tuple(
        replace(r, type=finalised.response(r.type)) if r.type is not None else r
        for r in operation.responses
    )
    payload = operation.payload
    if payload.type is not None:
        payload = replace(payload, type=finalised.response(payload.type))
    pages = operation.pagination
    if pages is not None:
        pages = replace(pages, item=finalised.response(pages.item))
    return replace(
        operation,
        parameters=parameters,
        request_body=body,
        responses=responses,
        payload=payload,
        pagination=pages,
    )


def _finish_parameter(parameter: ir.Parameter, finalised: Finalised) -> ir.Parameter:
    final = finalised.request(parameter.type)
    return parameter if final is parameter.type else replace(parameter, type=final)


def _finish_body(body: ir.RequestBody, finalised: Finalised, taken: set[str]) -> ir.RequestBody:
    body_type = finalised.request(body.type)
    model = finalised.lookup(body_type.name) if body_type.kind == "model" else None
    table = NameTable(taken | RESERVED_ARGUMENT_NAMES)
    if not is_json(body.content_type) or not isinstance(model, ir.Model) or body_type.nullable:
        body_name, _ = table.claim(["body", "request_body"], separator="_")
        return replace(body, type=body_type, body_name=body_name)
    fields = []
    for field in model.fields:
        name, _ = table.claim([field.name, f"body_{field.name}"], separator="_")
        fields.append(field if name == field.name else replace(field, name=name))
    return replace(body, type=body_type, fields=tuple(fields))
