"""The normalise stage: a loaded spec -> `ir.Api`, plus what could not be represented exactly.

    normalise(spec, config, tolerant=...) -> (Api, diagnostics)
    format_api(api) -> str           the IR as text (`python -m generator ir`, golden tests)
    coverage(api, diagnostics)       operations, payload coverage, numbered names

Modules, in the order the stage uses them:

    refs.py         $ref following that reports instead of raising; pointers; plain text
    resources.py    resource paths, method names, collisions between operations
    views.py        a schema seen whole: $ref siblings, allOf merged, `result` narrowed
    schemas.py      schemas -> TypeRefs and draft models / enums / unions
    enums.py        enum values and member names
    constraints.py  validation keywords that apply to each type
    definitions.py  drafts, placeholders, identical inline shapes merged
    operations.py   parameters, bodies, responses, payloads
    security.py     security schemes and requirements
    envelopes.py    Cloudflare's envelope and result_info pagination, by shape
    finalise.py     request/response variants, pruning, names, recursion
    naming.py       identifiers and type names
    dump.py         format_api
    coverage.py     the coverage numbers

A schema of `{}`, or no schema where one is expected (a media type without `schema`), is
typed `any`: any JSON value. That is what the spec says, so it is not reported, except for a
parameter without schema or content (W213).

Diagnostic codes (warnings: the IR is produced and the operation works, less exactly typed):

    W201  an allOf leads back to the schema itself; that member is ignored
    W202  allOf members give one property incompatible types; the later member wins
    W203  not / if / patternProperties / prefixItems / dependentSchemas / `false`: not checked
    W204  an enum's values are not of one scalar type; typed without the enum
    W205  a list or union contains itself with no object between; typed `any`
    W206  a discriminator value names no schema, or a member has no value; left out of mapping
    W207  path parameter declared but not in the template (left out), or in the template but
          not declared (added as a required string)
    W208  header parameter Accept / Content-Type / Authorization; ignored, as OpenAPI says
    W209  security scheme other than HTTP bearer/basic or apiKey; not offered by the client
    W210  two operations wanted the same resource and method name; this one was renamed
    W211  a named schema (component name or title) needed a number to be unique
    W212  an anonymous schema needed a number to be unique
    W213  a parameter without a usable name/in (left out) or without schema (typed `any`)
    W214  an unknown `type` value; ignored
    W215  a duplicate operationId; numbered
    W216  a status code that is neither three digits, a range (4XX) nor `default`; kept
    W217  a success payload the spec leaves free-form (`result: {type: object}`); untyped
    W218  a pattern Python's re rejects (`\\p{L}`, `(?<name>...)`); not checked by the client

E005 (missing $ref target) and E006 (pure $ref cycle) come from the loader; here they cost
the one type (`any`), and are warnings in tolerant mode.

Errors (the operation is dropped and named in `Api.dropped`; warnings in tolerant mode):

    E300  the path template's braces are unbalanced or nested
    E301  the operation is not an object
    E302  the path item is not an object (or its $ref is broken)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .. import ir
from ..config import Config
from ..diagnostics import Diagnostic, SpecError
from ..load import LoadedSpec
from .coverage import Coverage, coverage
from .definitions import Definitions
from .dump import format_api, format_type
from .finalise import finalise
from .operations import DraftOperation, OperationDrafter, collect_sources, finish_operation
from .refs import Context, plain_text
from .resources import build_tree, place
from .schemas import SchemaConverter
from .security import security_schemes
from .views import Views

__all__ = ["Coverage", "coverage", "format_api", "format_type", "normalise"]


def normalise(
    spec: LoadedSpec, config: Config, *, tolerant: bool
) -> tuple[ir.Api, list[Diagnostic]]:
    """Build the IR of `spec`. Raises SpecError only when every operation had to be dropped."""
    with _fewer_collections():
        return _normalise(spec, config, tolerant=tolerant)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Let the garbage collector run less often while the IR is built.

    The stage allocates hundreds of thousands of small objects that all live on, beside the
    millions of the parsed spec, so each collection scans a lot and frees nothing; running
    them a hundred times less often saves about a quarter of the stage's time.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(100_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _normalise(
    spec: LoadedSpec, config: Config, *, tolerant: bool
) -> tuple[ir.Api, list[Diagnostic]]:
    ctx = Context(spec, tolerant=tolerant)
    document = spec.document
    schemes, default_security = security_schemes(ctx, config)
    sources, dropped = collect_sources(ctx)
    if dropped and not sources and not tolerant:
        raise SpecError(ctx.diagnostics)
    placements = place(ctx, config, sources)
    converter = SchemaConverter(
        ctx, Views(ctx), Definitions(), config.component_namespace_separator
    )
    drafter = OperationDrafter(ctx, converter, {s.name for s in schemes}, default_security)
    drafts = [drafter.draft(source, placement) for source, placement in zip(sources, placements)]
    finalised = finalise(
        ctx, converter.definitions, _request_types(drafts), _response_types(drafts)
    )
    operations = [(d.resource, finish_operation(d.operation, finalised)) for d in drafts]
    info = document.get("info") if isinstance(document.get("info"), dict) else {}
    api = ir.Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        description=plain_text(info.get("description")),
        base_url=_base_url(document),
        security_schemes=schemes,
        security=default_security,
        resources=build_tree(operations, _tag_docs(document)),
        models=finalised.models,
        enums=finalised.enums,
        unions=finalised.unions,
        dropped=tuple(dropped),
    )
    return api, list(dict.fromkeys(ctx.diagnostics))


def _request_types(drafts: list[DraftOperation]) -> list[tuple[str, ir.TypeRef]]:
    """(top-level resource, type) of everything operations send."""
    found: list[tuple[str, ir.TypeRef]] = []
    for draft in drafts:
        root = draft.resource[0] if draft.resource else ""
        found.extend((root, p.type) for p in draft.operation.parameters)
        if draft.operation.request_body is not None:
            found.append((root, draft.operation.request_body.type))
    return found


def _response_types(drafts: list[DraftOperation]) -> list[tuple[str, ir.TypeRef]]:
    """(top-level resource, type) of everything operations receive."""
    found: list[tuple[str, ir.TypeRef]] = []
    for draft in drafts:
        operation = draft.operation
        root = draft.resource[0] if draft.resource else ""
        found.extend((root, r.type) for r in operation.responses if r.type is not None)
        if operation.payload.type is not None:
            found.append((root, operation.payload.type))
        if operation.pagination is not None:
            found.append((root, operation.pagination.item))
    return found


def _base_url(document: dict[str, Any]) -> str:
    """The first server's URL, its variables replaced by their defaults."""
    servers = document.get("servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    variables = servers[0].get("variables")
    if isinstance(variables, dict):
        for name, variable in variables.items():
            if isinstance(variable, dict) and "default" in variable:
                url = url.replace("{" + str(name) + "}", str(variable["default"]))
    return url


def _tag_docs(document: dict[str, Any]) -> dict[str, str]:
    tags = document.get("tags")
    return (
        {
            str(tag["name"]): plain_text(tag.get("description"))
            for tag in tags
            if isinstance(tags, list) and isinstance(tag, dict) and "name" in tag
        }
        if isinstance(tags, list)
        else {}
    )
