"""A schema seen whole: `$ref` siblings overlaid, `allOf` merged, OpenAPI 3.0 and 3.1 unified.

`SchemaView` is what the rest of normalise reads instead of raw keywords. It is built once
per (file, pointer) and shared, so the common envelope every Cloudflare response extends is
merged once, not once per response.

Merging `allOf` keeps each property's schemas side by side (`properties[name]` is a list);
`narrow` then decides which of them describe the property. That is where a base envelope's
vague `result: {anyOf: [object, array, string]}` gives way to an operation's concrete one.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from typing import Any

from ..load import Located, escape_segment
from .constraints import CONSTRAINT_KEYWORDS
from .refs import Context, is_ref

# Keywords that change the accepted values in ways the IR cannot express; reported once.
_UNSUPPORTED = ("not", "if", "patternProperties", "prefixItems", "dependentSchemas")

_JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})
_SINGLE_TYPES = {name: frozenset({name}) - {"null"} for name in _JSON_TYPES}
_STRUCTURAL = frozenset(
    {
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "oneOf",
        "anyOf",
        "discriminator",
    }
)
_CONSTRAINTS = frozenset(CONSTRAINT_KEYWORDS)


@dataclass(slots=True)
class SchemaView:
    """Everything a schema says, after `$ref` and `allOf` have been taken into account."""

    node: Located  # where the schema is (after `$ref`); pointers in the IR come from here
    types: frozenset[str] | None = None  # JSON types allowed besides null; None: any type
    nullable: bool = False
    properties: dict[str, list[Located]] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    additional: Located | None = None  # the schema of extra keys' values
    closed: bool = False  # additionalProperties: false
    items: Located | None = None
    enum: list[Any] | None = None  # `enum`, or `const` as a one-value enum
    alternatives: list[Located] = field(default_factory=list)  # oneOf / anyOf members
    exclusive: bool = True  # oneOf (True) or anyOf (False)
    discriminator: Located | None = None
    keywords: dict[str, Any] = field(default_factory=dict)  # constraint keywords and format
    title: str = ""
    description: str = ""
    default: Any = None
    has_default: bool = False
    example: Any = None
    has_example: bool = False
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    # When the schema is one other schema plus annotations (`allOf: [{$ref: X}]` with a
    # description, or a `$ref` with siblings), that schema: its type is this one's type.
    alias: Located | None = None
    vague: bool | None = None  # see Views.is_vague; None until asked

    @property
    def has_structure(self) -> bool:
        """Says more than a type: properties, items, values, alternatives or requirements."""
        return self.has_shape or bool(self.required)

    @property
    def has_shape(self) -> bool:
        """Says what values look like, not only which properties must be present."""
        return bool(
            self.properties
            or self.items is not None
            or self.enum is not None
            or self.alternatives
            or self.additional is not None
        )

    @property
    def is_object_like(self) -> bool:
        return bool(self.properties) or self.additional is not None


class Views:
    """Builds and caches `SchemaView`s; reports unsupported keywords and broken `allOf`s."""

    __slots__ = ("_ctx", "_cache", "_building")

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._cache: dict[tuple[str, str], SchemaView] = {}
        self._building: set[tuple[str, str]] = set()

    def of(self, node: Located) -> SchemaView:
        """The view of the schema at `node`, which may be a `$ref`."""
        key = self._ctx.key(node)
        view = self._cache.get(key)
        if view is not None:
            return view
        if key in self._building:
            self._ctx.warn(
                "W201",
                node,
                "this schema includes itself through allOf",
                "an object cannot extend itself; remove the allOf member that leads back here.",
            )
            return SchemaView(node)
        self._building.add(key)
        try:
            view = self._build(node)
        finally:
            self._building.discard(key)
        self._cache[key] = view
        return view

    def _build(self, node: Located) -> SchemaView:
        if is_ref(node.value):
            target = self._ctx.deref(node)
            if target is None:
                return SchemaView(node)
            extra = {k: v for k, v in node.value.items() if k != "$ref"}
            if not extra:
                return self.of(target)
            # 3.1 allows description and friends beside a $ref; 3.0 specs put them there too.
            view = replace(self.of(target), alias=target)
            return _overlay(view, self._constraints(node, extra), extra)
        schema = node.value
        if not isinstance(schema, dict):
            return SchemaView(node)
        own = self._own(node, schema)
        members = self._ctx.children(node, "allOf")
        if not members:
            return own
        views = [self.of(member) for member in members]
        merged = _merge(node, [*views, own])
        structured = [m for m, v in zip(members, views) if v.has_structure]
        if not own.has_structure and len(structured) == 1:
            merged.alias = structured[0]
        elif not own.has_structure and not structured and len(members) == 1:
            merged.alias = members[0]
        return merged

    def _constraints(self, node: Located, schema: dict[str, Any]) -> dict[str, Any]:
        """The constraint keywords of `schema` (its own, or those beside a `$ref`), less a
        pattern Python's re rejects (W218)."""
        keywords = {k: schema[k] for k in CONSTRAINT_KEYWORDS if k in schema}
        if "pattern" in keywords and not _python_pattern(keywords["pattern"]):
            del keywords["pattern"]
            self._ctx.warn(
                "W218",
                self._ctx.child(node, "pattern"),
                f"pattern {schema['pattern']!r} is not a regular expression Python's re "
                "accepts; the client does not check it",
                "write it in the common subset of ECMA-262 and Python syntax "
                "(no \\p{...} classes, named groups as (?P<name>...)).",
            )
        return keywords

    def _own(self, node: Located, schema: dict[str, Any]) -> SchemaView:
        """The view of a schema's own keywords, ignoring its allOf."""
        ctx = self._ctx
        view = SchemaView(node)
        declared = schema.get("type")
        if isinstance(declared, str) and declared in _JSON_TYPES:  # the usual case, quickly
            view.types = _SINGLE_TYPES[declared]
            view.nullable = declared == "null"
        elif isinstance(declared, list | str):
            names = [declared] if isinstance(declared, str) else [str(n) for n in declared]
            unknown = sorted(set(names) - _JSON_TYPES)
            if unknown:
                ctx.warn(
                    "W214",
                    node,
                    f"unknown type {', '.join(map(repr, unknown))}",
                    "use one of string, integer, number, boolean, array, object, null.",
                )
            view.types = frozenset(names) - {"null"} - set(unknown)
            view.nullable = "null" in names
        if schema.get("nullable") is True:
            view.nullable = True
        if schema.keys() & _STRUCTURAL:  # most schemas are leaves: skip the lookups
            self._structure(view, node, schema)
        if schema.keys() & _CONSTRAINTS:
            view.keywords = self._constraints(node, schema)
        if "contentMediaType" in schema and "format" not in view.keywords:
            view.keywords = {**view.keywords, "format": "binary"}  # 3.1's way of saying "a file"
        _annotate(view, schema)
        unsupported = [k for k in _UNSUPPORTED if k in schema]
        if unsupported:
            ctx.warn(
                "W203",
                node,
                f"{', '.join(unsupported)} cannot be represented; "
                "values are not checked against it",
                "the generated types accept a superset of what this schema allows.",
            )
        return view

    def _structure(self, view: SchemaView, node: Located, schema: dict[str, Any]) -> None:
        """Properties, items, values and alternatives of a schema's own keywords."""
        ctx = self._ctx
        properties = schema.get("properties")
        if isinstance(properties, dict):
            base = f"{node.pointer}/properties/"
            view.properties = {
                str(k): [Located(node.file, base + escape_segment(k), v)]
                for k, v in properties.items()
            }
        required = schema.get("required")
        if isinstance(required, list):
            view.required = frozenset(r for r in required if isinstance(r, str))
        additional = schema.get("additionalProperties")
        if isinstance(additional, dict):
            view.additional = ctx.child(node, "additionalProperties")
        elif additional is False:
            view.closed = True
        if isinstance(schema.get("items"), dict):
            view.items = ctx.child(node, "items")
        if isinstance(schema.get("enum"), list):
            view.enum = list(schema["enum"])
        if "const" in schema:
            view.enum = [schema["const"]]
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list):
                view.alternatives = ctx.children(node, keyword)
                view.exclusive = keyword == "oneOf"
                break
        if isinstance(schema.get("discriminator"), dict):
            view.discriminator = ctx.child(node, "discriminator")

    def merge(self, parts: list[Located]) -> SchemaView:
        """One view of several schemas that all apply, the last one's annotations first."""
        return _merge(parts[-1], [self.of(part) for part in parts])

    def merge_views(self, node: Located, views: list[SchemaView]) -> SchemaView:
        return _merge(node, views)

    def narrow(self, parts: list[Located]) -> list[Located]:
        """Which of a property's schemas (from several allOf members) describe it.

        A vague schema (untyped, a bare object, null only, or a union of such) gives way to a
        concrete one: that is how an operation's `result` overrides the base envelope's
        `anyOf: [object, array, string]`. Several concrete object schemas are all kept (they
        are merged); otherwise the last concrete one, the most specific override, wins.
        """
        if len(parts) == 1:
            return parts
        views = [self.of(part) for part in parts]
        concrete = [(p, v) for p, v in zip(parts, views) if not self.is_vague(v)]
        if not concrete:
            not_null = [p for p, v in zip(parts, views) if v.types != frozenset()]
            return [(not_null or parts)[-1]]
        if len(concrete) > 1 and all(v.is_object_like for _, v in concrete):
            return [p for p, _ in concrete]
        last, last_view = concrete[-1]
        for part, view in concrete[:-1]:
            if view.types and last_view.types and not view.types & last_view.types:
                self._ctx.warn(
                    "W202",
                    part,
                    f"allOf members disagree on this property's type "
                    f"({'/'.join(sorted(view.types))} here, "
                    f"{'/'.join(sorted(last_view.types))} at {last.pointer})",
                    "the later member's type is used; make the members agree.",
                )
        return [last]

    def is_vague(self, view: SchemaView) -> bool:
        """Says nothing a concrete type could be generated from (computed once per view)."""
        if view.vague is None:
            view.vague = self._is_vague(view)
        return view.vague

    def _is_vague(self, view: SchemaView) -> bool:
        if view.alias is not None:
            return self.is_vague(self.of(view.alias))
        if view.enum is not None:
            return all(value is None for value in view.enum)
        if view.is_object_like:
            return False
        if view.alternatives:
            return all(self._is_vague_or_bare(self.of(m)) for m in view.alternatives)
        types = view.types
        if view.items is not None and (types is None or "array" in types):
            return self.is_vague(self.of(view.items))
        return types is None or types <= {"object", "array"}

    def _is_vague_or_bare(self, view: SchemaView) -> bool:
        """Vague, or a plain scalar type with nothing more said (`{type: string}`)."""
        return self.is_vague(view) or (
            not view.has_structure and not view.keywords and view.types is not None
        )


def _annotate(view: SchemaView, schema: dict[str, Any]) -> None:
    """Copy annotation keywords from `schema` onto `view` (its own values win)."""
    if isinstance(schema.get("title"), str):
        view.title = schema["title"]
    if isinstance(schema.get("description"), str):
        view.description = schema["description"]
    if "default" in schema:
        view.default, view.has_default = schema["default"], True
    if "example" in schema:
        view.example, view.has_example = schema["example"], True
    elif isinstance(schema.get("examples"), list) and schema["examples"]:
        view.example, view.has_example = schema["examples"][0], True
    view.read_only = view.read_only or schema.get("readOnly") is True
    view.write_only = view.write_only or schema.get("writeOnly") is True
    view.deprecated = view.deprecated or schema.get("deprecated") is True


def _python_pattern(pattern: object) -> bool:
    """Whether the generated client, which checks patterns with Python's re, can use it."""
    if not isinstance(pattern, str):
        return False
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _overlay(view: SchemaView, constraints: dict[str, Any], extra: dict[str, Any]) -> SchemaView:
    """`view` with a `$ref`'s sibling keywords applied on top (`constraints`, those of them
    that constrain values)."""
    view.keywords = {**view.keywords, **constraints}
    view.nullable = view.nullable or extra.get("nullable") is True
    _annotate(view, extra)
    return view


def _merge(node: Located, views: list[SchemaView]) -> SchemaView:
    """One view of all of `views` (allOf members, then the schema's own keywords last)."""
    own = views[-1]
    merged = SchemaView(node, exclusive=own.exclusive)
    merged.nullable = own.nullable or all(v.nullable for v in views[:-1])
    required: set[str] = set()
    for view in views:
        if view.types is not None:
            merged.types = view.types if merged.types is None else merged.types & view.types
        for name, parts in view.properties.items():
            merged.properties.setdefault(name, []).extend(parts)
        required |= view.required
        merged.additional = view.additional or merged.additional
        merged.closed = merged.closed or view.closed
        merged.items = view.items or merged.items
        if view.enum is not None:
            merged.enum = view.enum
        if view.alternatives and not merged.alternatives:
            merged.alternatives, merged.exclusive = view.alternatives, view.exclusive
        merged.discriminator = view.discriminator or merged.discriminator
        merged.keywords.update(view.keywords)
        merged.read_only = merged.read_only or view.read_only
        merged.write_only = merged.write_only or view.write_only
        merged.deprecated = merged.deprecated or view.deprecated
        if view.has_default:
            merged.default, merged.has_default = view.default, True
        if view.has_example:
            merged.example, merged.has_example = view.example, True
    merged.required = frozenset(required)
    merged.title = own.title
    merged.description = own.description or next(
        (v.description for v in views if v.description), ""
    )
    return merged
