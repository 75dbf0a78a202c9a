"""Where each operation lives: a resource path from the URL's static segments, and a method name.

`/accounts/{account_id}/magic/connectors/{connector_id}` -> `magic.connectors`, and a GET on
it is `get`. Prefixes in `config.strip_prefixes` (`accounts/{account_id}`, `zones/{zone_id}`)
are not resources: their parameters become ordinary arguments, named as in the config
whatever the spec calls them (`{accountId}`, `{account_identifier}` match by position).
A path that is nothing but a prefix (`GET /zones/{zone_id}`) keeps it: `zones.get`, its
parameter still named as in the config.

Method names: list (GET on a collection: the path does not end in a parameter), get (GET on
an item), create (POST), update (PUT), edit (PATCH), delete (DELETE). `x-codegen-name` on the
operation, then `config.method_names` (by operationId), override them; either may be
"method" or "resource.path.method".

Two operations that land on the same resource and name never replace each other. The
plainest keeps the name (no prefix before a prefix, the config's first prefix before later
ones, the item before the collection for PUT/PATCH/DELETE, fewer parameters before more);
each other
one gets what tells it apart (W210): `list_for_zone` (another prefix), `bulk_delete` (a write
to the collection beside one to the item), `create_by_kind` (a POST to an item beside one to
the collection), `list_for_policy` (an extra parameter after `policy/`), and failing those
its operationId.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .. import ir
from ..config import Config
from ..load import Located
from .naming import (
    RESERVED_ATTRIBUTE_NAMES,
    NameTable,
    python_identifier,
    singular,
    snake_case,
    type_name,
)
from .refs import Context

_PARAMETER = re.compile(r"\{([^{}]*)\}")
_DEFAULT_NAMES = {"POST": "create", "PUT": "update", "PATCH": "edit", "DELETE": "delete"}


@dataclass(frozen=True, slots=True)
class OperationSource:
    """An operation as found under `paths`."""

    path: str
    method: ir.HttpMethod
    operation_id: str
    node: Located  # the operation object
    path_item: Located


@dataclass(frozen=True, slots=True)
class Placement:
    resource: tuple[str, ...]
    name: str  # method name on the resource
    prefix_parameters: tuple[tuple[str, str], ...] = ()  # (wire name, python name) from a prefix


@dataclass(frozen=True, slots=True)
class _Facts:
    """What tells operations on one resource apart."""

    prefix: int  # index into config.strip_prefixes; -1 for none
    prefix_label: str  # "zone" for `zones/{zone_id}`
    on_item: bool  # the path ends in a parameter
    parameter_owners: tuple[str, ...]  # the static segment before each path parameter
    last_parameter: str  # the name of the path's last parameter


def segments(path: str) -> list[str]:
    return [s for s in path.strip("/").split("/") if s]


def is_parameter(segment: str) -> bool:
    return _PARAMETER.fullmatch(segment) is not None


def path_parameter_names(path: str) -> list[str]:
    return _PARAMETER.findall(path)


def _prefix_label(prefix: list[str]) -> str:
    """`zone` for `zones/{zone_id}`: the parameter's name without `_id`, else the singular."""
    for segment in prefix:
        match = _PARAMETER.fullmatch(segment)
        if match:
            name = snake_case(match.group(1))
            for suffix in ("_identifier", "_id"):
                if name.endswith(suffix) and len(name) > len(suffix):
                    return name[: -len(suffix)]
    statics = [s for s in prefix if not is_parameter(s)]
    return snake_case(singular(statics[-1])) if statics else "prefix"


def _match_prefix(
    parts: list[str], prefixes: list[list[str]]
) -> tuple[int, tuple[tuple[str, str], ...]]:
    """Which prefix `parts` starts with (by position: any parameter matches any parameter)."""
    for index, prefix in enumerate(prefixes):
        if len(parts) < len(prefix):
            continue
        renames = []
        for template, segment in zip(prefix, parts):
            if is_parameter(template) and is_parameter(segment):
                wire = segment[1:-1]
                renames.append((wire, python_identifier(template[1:-1])))
            elif template != segment:
                break
        else:
            return index, tuple(renames)
    return -1, ()


def _resource_segment(segment: str) -> str | None:
    """The resource name a static segment stands for; None for a parameter."""
    if "{" in segment:
        segment = _PARAMETER.sub("", segment)
        if not re.search(r"[0-9A-Za-z]", segment):
            return None
    return python_identifier(segment, reserved=RESERVED_ATTRIBUTE_NAMES)


def place(ctx: Context, config: Config, sources: list[OperationSource]) -> list[Placement]:
    """A resource and a unique method name for each source, in the same order."""
    prefixes = [segments(p) for p in config.strip_prefixes]
    labels = [_prefix_label(p) for p in prefixes]
    placements: list[Placement] = []
    facts: list[_Facts] = []
    for source in sources:
        parts = segments(source.path)
        prefix, renames = _match_prefix(parts, prefixes)
        if prefix >= 0 and len(parts) > len(prefixes[prefix]):
            parts = parts[len(prefixes[prefix]) :]
        resource = tuple(r for r in map(_resource_segment, parts) if r is not None)
        on_item = bool(parts) and is_parameter(parts[-1])
        at = [i for i, part in enumerate(parts) if is_parameter(part)]
        owners = tuple(parts[i - 1] if i > 0 else "" for i in at)
        last = parts[at[-1]][1:-1] if at else ""
        facts.append(_Facts(prefix, labels[prefix] if prefix >= 0 else "", on_item, owners, last))
        name = "get" if source.method == "GET" and on_item else "list"
        if source.method != "GET":
            name = _DEFAULT_NAMES.get(source.method, source.method.lower())
        resource, name = _override(config, source, resource or ("root",), name)
        placements.append(Placement(resource, name, renames))
    return _resolve_collisions(ctx, sources, placements, facts)


def _override(
    config: Config, source: OperationSource, resource: tuple[str, ...], name: str
) -> tuple[tuple[str, ...], str]:
    """Apply `x-codegen-name`, then `config.method_names`: "method" or "resource.path.method"."""
    for override in (
        source.node.value.get("x-codegen-name"),
        config.method_names.get(source.operation_id),
    ):
        if not isinstance(override, str) or not override.strip():
            continue
        parts = [
            python_identifier(p, reserved=RESERVED_ATTRIBUTE_NAMES) for p in override.split(".")
        ]
        if len(parts) > 1:
            resource = tuple(parts[:-1])
        name = parts[-1]
    return resource, name


def _plainness(source: OperationSource, facts: _Facts) -> tuple[int, int, int, int, str]:
    write_to_collection = source.method in ("PUT", "PATCH", "DELETE") and not facts.on_item
    return (
        facts.prefix >= 0,
        facts.prefix,
        write_to_collection,
        len(facts.parameter_owners),
        source.path,
    )


def _distinguish(name: str, facts: _Facts, keeper: _Facts, operation_id: str) -> str:
    if facts.prefix != keeper.prefix and facts.prefix >= 0:
        return f"{name}_for_{facts.prefix_label}"
    if keeper.on_item and not facts.on_item:
        return f"bulk_{name}"
    if facts.on_item and not keeper.on_item:
        return f"{name}_by_{python_identifier(facts.last_parameter)}"
    extra = [o for o in facts.parameter_owners if o not in keeper.parameter_owners]
    if extra and extra[0] and not is_parameter(extra[0]):
        return f"{name}_for_{python_identifier(singular(extra[0]))}"
    return f"{name}_{python_identifier(operation_id)}"


def _resolve_collisions(
    ctx: Context,
    sources: list[OperationSource],
    placements: list[Placement],
    facts: list[_Facts],
) -> list[Placement]:
    groups: dict[tuple[tuple[str, ...], str], list[int]] = {}
    for index, placement in enumerate(placements):
        groups.setdefault((placement.resource, placement.name), []).append(index)
    taken: dict[tuple[str, ...], NameTable] = {}
    for (resource, name), _ in groups.items():
        taken.setdefault(resource, NameTable()).take(name)
    result = list(placements)
    for (resource, name), indexes in groups.items():
        if len(indexes) == 1:
            continue
        ordered = sorted(indexes, key=lambda i: _plainness(sources[i], facts[i]))
        keeper = ordered[0]
        for index in ordered[1:]:
            wanted = _distinguish(name, facts[index], facts[keeper], sources[index].operation_id)
            fallback = f"{name}_{python_identifier(sources[index].operation_id)}"
            new_name, _ = taken[resource].claim([wanted, fallback], separator="_")
            result[index] = Placement(resource, new_name, placements[index].prefix_parameters)
            ctx.warn(
                "W210",
                sources[index].node,
                f"{sources[index].method} {sources[index].path} would be "
                f"{'.'.join(resource)}.{name}, like {sources[keeper].method} "
                f"{sources[keeper].path}; it is called {'.'.join(resource)}.{new_name}",
                "set x-codegen-name on the operation, or method_names in [tool.generator], "
                "to choose the name.",
            )
    return result


def build_tree(
    placed: Iterable[tuple[tuple[str, ...], ir.Operation]], tag_docs: dict[str, str]
) -> tuple[ir.Resource, ...]:
    """The resource tree: every prefix of a resource path is a resource, sorted by name."""
    operations: dict[tuple[str, ...], list[ir.Operation]] = {}
    for resource, operation in placed:
        for depth in range(1, len(resource)):
            operations.setdefault(resource[:depth], [])
        operations.setdefault(resource, []).append(operation)
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for path in operations:
        if len(path) > 1:
            children.setdefault(path[:-1], []).append(path)

    def build(path: tuple[str, ...]) -> ir.Resource:
        kids = tuple(build(child) for child in sorted(children.get(path, ())))
        own = operations[path]
        tags = {op.tags[0] for op in own if op.tags}
        doc = tag_docs.get(next(iter(tags)), "") if len(tags) == 1 else ""
        return ir.Resource(
            name=path[-1],
            path=path,
            class_name=type_name(path[-1]) + "Resource",
            module=".".join(path),
            doc=doc,
            operations=tuple(_clear_of_children(own, {k.name for k in kids})),
            children=kids,
        )

    return tuple(build(path) for path in sorted(p for p in operations if len(p) == 1))


def _clear_of_children(operations: list[ir.Operation], children: set[str]) -> list[ir.Operation]:
    """Rename a method that has the name of a child resource (both are attributes)."""
    if not children & {op.name for op in operations}:
        return operations
    table = NameTable(children | {op.name for op in operations})
    renamed = []
    for op in operations:
        if op.name in children:
            op = replace(op, name=table.claim([f"{op.name}_{op.method.lower()}"])[0])
        renamed.append(op)
    return renamed
