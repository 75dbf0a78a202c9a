"""Schemas -> `TypeRef`s, with the models, enums and unions they need recorded as drafts.

One `SchemaConverter` converts every schema of a run and memoises by (file, pointer), so a
component used by a thousand operations is converted once; inline leaf schemas and inline
`allOf`s of `$ref`s are memoised by what they say, since they recur verbatim. What a schema
becomes:

- an object with properties -> a Model (allOf members merged into one flat model);
  `additionalProperties` beside properties -> `Model.additional_properties`, alone -> `map`;
  an object with neither -> `object` (free-form)
- `enum` / `const` -> an EnumType (see enums.py); `null` among the values -> nullable
- `oneOf` / `anyOf` -> a Union (discriminator mapping explicit and implicit), collapsed to its
  only member when the others are `null`; a union with an `any` member is `any`
- 3.0 `nullable: true`, 3.1 `type: [x, "null"]` and a `{type: "null"}` member -> nullable;
  several non-null types -> a Union of them
- `{}`, a missing schema, or a broken `$ref` -> `any`
- scalars -> string/integer/number/boolean with format and the constraints that apply

Recursion: a definition's placeholder is memoised before its members are converted, so a
schema that refers back to itself gets a forward reference by name instead of looping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from typing import Any

from .. import ir
from ..diagnostics import SpecError
from ..load import Located
from .constraints import constraints_for, format_for
from .definitions import DefinitionKind, Definitions, Draft, Site
from .enums import enum_members, enum_value_type
from .naming import (
    RESERVED_FIELD_NAMES,
    component_namespaces,
    singular,
    split_component_name,
    unique_identifiers,
)
from .refs import Context, component_name, is_ref, plain_text
from .views import SchemaView, Views

ANY = ir.TypeRef("any")
DEFINITION_KINDS = frozenset({"model", "enum", "union"})
_SCALARS: dict[str, ir.TypeKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}

Key = tuple[object, ...]
MemberType = Callable[[int, Located, Site], ir.TypeRef]


def item_site(site: Site) -> Site:
    """Where one element of a list found at `site` is named from: the singular of its name."""
    if not site.words:
        return replace(site, words=("item",))
    return replace(site, words=(*site.words[:-1], singular(site.words[-1])))


@dataclass(frozen=True, slots=True)
class ComponentName:
    """A component's name split at its namespace: `access_rules` -> `access`, `rules`."""

    namespace: str  # "" when the name has none
    local: str  # what the type is named after


class SchemaConverter:
    __slots__ = (
        "_ctx",
        "views",
        "definitions",
        "_separator",
        "_namespaces",
        "_memo",
        "_building",
        "_active",
    )

    def __init__(
        self, ctx: Context, views: Views, definitions: Definitions, namespace_separator: str = "_"
    ) -> None:
        self._ctx = ctx
        self.views = views
        self.definitions = definitions
        self._separator = namespace_separator
        self._namespaces: dict[tuple[str, str], frozenset[str]] = {}
        self._memo: dict[Key, ir.TypeRef] = {}
        self._building: dict[Key, Draft] = {}  # definitions whose members are being converted
        self._active: set[Key] = set()  # every schema being converted, to catch bad recursion

    def convert(self, node: Located | None, site: Site) -> ir.TypeRef:
        """The type of the schema at `node` (None: no schema, so `any`), found at `site`."""
        if node is None:
            return ANY
        if not is_ref(node.value):
            return self._convert_at(node, site, None)
        target = self._ctx.deref(node)
        if target is None:
            return ANY
        name = component_name(target)
        component = self._component(target, name) if name else None
        own_site = site
        if component is not None:
            own_site = Site(None, (component.local,), component.namespace)
        result = self._convert_at(target, own_site, component)
        if component is not None and result.kind in DEFINITION_KINDS:
            self.definitions.add_site(result.name, site)
        if len(node.value) > 1:  # siblings beside the $ref: nullable, constraints
            result = self._overlay(result, self.views.of(node))
        return result

    def convert_merged(self, parts: list[Located], site: Site) -> ir.TypeRef:
        """The type of several schemas that all apply (a property from several allOf members)."""
        if len(parts) == 1:
            return self.convert(parts[0], site)
        key: Key = tuple(self._ctx.key(part) for part in parts)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._from_view(key, self.views.merge(parts), site, None)
        return found

    def fields_model(self, envelope: ir.Model, fields: tuple[ir.Field, ...]) -> ir.TypeRef:
        """A model of an envelope's own top-level fields, for a payload of several of them."""
        key: Key = ("fields", envelope.name)
        found = self._memo.get(key)
        if found is None:
            node = self.definitions.drafts[envelope.name].node
            draft = self.definitions.start(
                "model", Site(envelope.name, ("fields",)), "", False, node
            )
            model = ir.Model(draft.id, fields, envelope.doc, envelope.pointer)
            found = self._memo[key] = ir.TypeRef("model", self.definitions.finish(draft, model))
        return found

    def _component(self, node: Located, name: str) -> ComponentName:
        """The name of the component at `node`, split at its namespace (see naming.py)."""
        if not self._separator:
            return ComponentName("", name)
        container = (self._ctx.file_key(node.file), node.pointer.rpartition("/")[0])
        namespaces = self._namespaces.get(container)
        if namespaces is None:
            names = self._ctx.names_beside(node)
            namespaces = self._namespaces[container] = component_namespaces(names, self._separator)
        return ComponentName(*split_component_name(name, namespaces, self._separator))

    def definition(self, name: str) -> ir.Model | ir.EnumType | ir.Union | None:
        draft = self.definitions.drafts.get(name)
        return draft.value if draft is not None else None

    def _convert_at(self, node: Located, site: Site, component: ComponentName | None) -> ir.TypeRef:
        leaf = _leaf_key(node.value) if component is None else None
        key = leaf or _composition_key(node, self._ctx) or self._ctx.key(node)
        found = self._memo.get(key)
        if found is not None:
            draft = self._building.get(key)
            if draft is not None:
                draft.referenced_early = True
            return found
        if key in self._active:
            pending = self._pending_list(node)
            if pending is not None:
                return pending
            self._ctx.warn(
                "W205",
                node,
                "this schema contains itself without an object in between",
                "a list or union that holds itself directly has no finite type; "
                "it is typed as any JSON value.",
            )
            return ANY
        if not isinstance(node.value, dict):
            if node.value is False:
                self._ctx.warn("W203", node, "the schema `false` accepts nothing", "")
            return ANY
        self._active.add(key)
        try:
            result = self._from_view(key, self.views.of(node), site, component)
        finally:
            self._active.discard(key)
            self._building.pop(key, None)
        self._memo[key] = result
        return result

    def _pending_list(self, node: Located) -> ir.TypeRef | None:
        """A list met again while its own items are being built: a list of their placeholder.

        `trace: {type: array, items: {properties: {trace: {$ref: trace}}}}` recurses through
        the item model, which has a placeholder by now; the list itself has no definition.
        """
        view = self.views.of(node)
        items = self._ctx.deref(view.items) if view.items is not None else None
        draft = self._building.get(self._ctx.key(items)) if items is not None else None
        if draft is None:
            return None
        draft.referenced_early = True
        item = ir.TypeRef(draft.kind, draft.id)
        return ir.TypeRef("list", item=item, nullable=view.nullable)

    def _from_view(
        self, key: Key, view: SchemaView, site: Site, component: ComponentName | None
    ) -> ir.TypeRef:
        if view.alias is not None:
            return self._overlay(self.convert(view.alias, site), view)
        if view.enum is not None:
            return self._enum(key, view, site, component)
        if view.alternatives:
            if not view.is_object_like:
                return self._union(key, view, site, component, self._alternative)
            if any(self.views.of(m).has_shape for m in view.alternatives):
                return self._union(key, view, site, component, self._distributed(view))
            # `oneOf: [{required: [a]}, {required: [b]}]` beside properties only says which
            # properties must be present together; the object's fields are the type.
        types = view.types
        if types is None:
            if view.is_object_like:
                types = frozenset({"object"})
            elif view.items is not None:
                types = frozenset({"array"})
            else:
                return ANY
        if not types:
            return ir.TypeRef("null")
        if types == {"integer", "number"}:
            types = frozenset({"number"})
        if len(types) > 1:
            return self._type_list(key, view, site, component, sorted(types))
        (kind,) = types
        if kind == "object":
            return self._object(key, view, site, component)
        if kind == "array":
            item = self.convert(view.items, item_site(site))
            return ir.TypeRef(
                "list",
                item=item,
                nullable=view.nullable,
                constraints=constraints_for("list", view.keywords),
            )
        scalar = _SCALARS[kind]  # views keep only JSON types, and null is apart
        return ir.TypeRef(
            scalar,
            nullable=view.nullable,
            format=format_for(scalar, view.keywords),
            constraints=constraints_for(scalar, view.keywords),
        )

    def _overlay(self, result: ir.TypeRef, view: SchemaView) -> ir.TypeRef:
        """`result` with what a wrapper adds: nullable, and constraints of its own."""
        extra = constraints_for(result.kind, view.keywords)
        changes: dict[str, Any] = {}
        if view.nullable and not result.nullable:
            changes["nullable"] = True
        if not extra.is_empty():
            merged = {
                item.name: value
                for item in dataclass_fields(extra)
                if (value := getattr(extra, item.name)) not in (None, False)
            }
            changes["constraints"] = replace(result.constraints, **merged)
        if result.format is None and (fmt := format_for(result.kind, view.keywords)):
            changes["format"] = fmt
        return replace(result, **changes) if changes else result

    def _start(
        self,
        key: Key,
        kind: DefinitionKind,
        site: Site,
        view: SchemaView,
        component: ComponentName | None,
    ) -> Draft:
        """A draft for the definition at `key`, memoised before its members are converted."""
        own_name = component.local if component is not None else view.title
        namespace = component.namespace if component is not None else ""
        draft = self.definitions.start(
            kind, site, own_name, component is not None, view.node, namespace
        )
        self._memo[key] = ir.TypeRef(kind, draft.id)
        self._building[key] = draft
        return draft

    def _finish(self, key: Key, draft: Draft, value: ir.Model | ir.EnumType | ir.Union) -> str:
        self._building.pop(key, None)
        return self.definitions.finish(draft, value)

    def _object(
        self, key: Key, view: SchemaView, site: Site, component: ComponentName | None
    ) -> ir.TypeRef:
        if not view.properties:
            if view.additional is not None:
                value_site = replace(site, words=(*site.words, "value"))
                item = self.convert(view.additional, value_site)
                return ir.TypeRef("map", item=item, nullable=view.nullable)
            return ir.TypeRef("object", nullable=view.nullable)
        draft = self._start(key, "model", site, view, component)
        fields = self._fields(view, draft.id)
        additional = None
        if view.additional is not None:
            additional = self.convert(view.additional, Site(draft.id, ("value",)))
        model = ir.Model(
            name=draft.id,
            fields=fields,
            doc=plain_text(view.description, view.title),
            pointer=self._ctx.where(view.node),
            additional_properties=additional,
            example=view.example,
            has_example=view.has_example,
        )
        return ir.TypeRef("model", self._finish(key, draft, model), nullable=view.nullable)

    def _fields(self, view: SchemaView, owner: str) -> tuple[ir.Field, ...]:
        wire_names = tuple(view.properties)
        names = unique_identifiers(wire_names, RESERVED_FIELD_NAMES)
        fields = []
        for name, wire in zip(names, wire_names):
            parts = self.views.narrow(view.properties[wire])
            field_type = self.convert_merged(parts, Site(owner, (wire,)))
            described = [self.views.of(part) for part in reversed(parts)]
            last = described[0]
            fields.append(
                ir.Field(
                    name=name,
                    wire_name=wire,
                    type=field_type,
                    required=wire in view.required,
                    doc=plain_text(*(v.description for v in described)),
                    pointer=self._ctx.where(parts[-1]),
                    default=last.default,
                    has_default=last.has_default,
                    read_only=any(v.read_only for v in described),
                    write_only=any(v.write_only for v in described),
                    deprecated=any(v.deprecated for v in described),
                    example=last.example,
                    has_example=last.has_example,
                )
            )
        return tuple(fields)

    def _enum(
        self, key: Key, view: SchemaView, site: Site, component: ComponentName | None
    ) -> ir.TypeRef:
        listed = view.enum or []
        nullable = view.nullable or None in listed
        values = [v for v in listed if v is not None]
        if not values:
            return ir.TypeRef("null")
        value_type = None
        if all(isinstance(v, str | int | float) for v in values):
            value_type = enum_value_type(view.types, values)
        if value_type is None:
            self._ctx.warn(
                "W204",
                view.node,
                "the enum's values are not all of one scalar type",
                "the values are not checked; split the enum or make its values one type.",
            )
            return self._from_view(key, replace(view, enum=None), site, component)
        if value_type == "boolean":
            return ir.TypeRef("boolean", nullable=nullable)
        draft = self._start(key, "enum", site, view, component)
        enum = ir.EnumType(
            name=draft.id,
            value_type=value_type,
            members=enum_members(values),
            doc=plain_text(view.description, view.title),
            pointer=self._ctx.where(view.node),
        )
        return ir.TypeRef("enum", self._finish(key, draft, enum), nullable=nullable)

    # Unions ---------------------------------------------------------------------------------

    def _alternative(self, index: int, member: Located, site: Site) -> ir.TypeRef:
        return self.convert(member, site)

    def _distributed(self, view: SchemaView) -> MemberType:
        """Members of `{properties: ..., oneOf: [...]}`: the object's properties plus each one."""
        base = replace(view, alternatives=[], discriminator=None, alias=None)

        def member_type(index: int, member: Located, site: Site) -> ir.TypeRef:
            key: Key = ("distributed", *self._ctx.key(view.node), index)
            found = self._memo.get(key)
            if found is None:
                merged = self.views.merge_views(member, [base, self.views.of(member)])
                found = self._memo[key] = self._from_view(key, merged, site, None)
            return found

        return member_type

    def _type_list(
        self,
        key: Key,
        view: SchemaView,
        site: Site,
        component: ComponentName | None,
        types: list[str],
    ) -> ir.TypeRef:
        """`type: [string, integer]`: a union of the schema restricted to each type."""
        members = [(index, view.node) for index in range(len(types))]

        def member_type(index: int, member: Located, site: Site) -> ir.TypeRef:
            one = replace(view, types=frozenset({types[index]}), nullable=False)
            return self._from_view((*key, types[index]), one, site, None)

        return self._build_union(key, view, site, component, members, types, {}, member_type)

    def _union(
        self,
        key: Key,
        view: SchemaView,
        site: Site,
        component: ComponentName | None,
        member_type: MemberType,
    ) -> ir.TypeRef:
        """oneOf / anyOf: null members make the rest nullable; one member left is the type."""
        nullable = view.nullable
        kept: list[tuple[int, Located]] = []
        for index, member in enumerate(view.alternatives):
            if _is_null_only(self.views.of(member)):
                nullable = True
            else:
                kept.append((index, member))
        if not kept:
            return ir.TypeRef("null")
        if len(kept) == 1:
            only = member_type(kept[0][0], kept[0][1], site)
            return replace(only, nullable=True) if nullable and not only.nullable else only
        view = replace(view, nullable=nullable) if nullable != view.nullable else view
        tags = self._tags(view)
        words = self._member_words(view, kept, tags)
        return self._build_union(key, view, site, component, kept, words, tags, member_type)

    def _build_union(
        self,
        key: Key,
        view: SchemaView,
        site: Site,
        component: ComponentName | None,
        kept: list[tuple[int, Located]],
        words: list[str],
        tags: dict[Key, str],
        member_type: MemberType,
    ) -> ir.TypeRef:
        nullable = view.nullable
        draft = self._start(key, "union", site, view, component)
        results = [
            member_type(index, member, Site(draft.id, (word,)))
            for (index, member), word in zip(kept, words)
        ]
        types = list(dict.fromkeys(results))
        if len(types) == 1 or any(t.kind == "any" for t in types):
            only = types[0] if len(types) == 1 else ANY
            if not draft.referenced_early:
                self._building.pop(key, None)
                self.definitions.abandon(draft)
                return replace(only, nullable=nullable or only.nullable)
        union = ir.Union(
            name=draft.id,
            members=tuple(types),
            doc=plain_text(view.description, view.title),
            pointer=self._ctx.where(view.node),
            discriminator=self._discriminator(view, kept, results, tags),
            exclusive=view.exclusive,
        )
        return ir.TypeRef("union", self._finish(key, draft, union), nullable=nullable)

    def _tags(self, view: SchemaView) -> dict[Key, str]:
        """Discriminator values from the explicit mapping, by the target schema's key."""
        if view.discriminator is None:
            return {}
        mapping = view.discriminator.value.get("mapping")
        tags: dict[Key, str] = {}
        if not isinstance(mapping, dict):
            return tags
        for value, ref in mapping.items():
            target = self._mapping_target(view.discriminator, str(value), ref)
            if target is not None:
                tags[self._ctx.key(target)] = str(value)
        return tags

    def _mapping_target(self, discriminator: Located, value: str, ref: Any) -> Located | None:
        """The schema a discriminator mapping names: a `$ref` string or a bare schema name."""
        if isinstance(ref, str):
            text = ref if "#" in ref or "/" in ref else f"#/components/schemas/{ref}"
            try:
                return self._ctx.spec.deref(self._ctx.spec.resolve(text, discriminator))
            except SpecError:
                pass
        self._ctx.warn(
            "W206",
            discriminator,
            f"the discriminator mapping for {value!r} names no schema ({ref!r})",
            "map each value to a $ref of one of the union's members.",
        )
        return None

    def _member_words(
        self, view: SchemaView, kept: list[tuple[int, Located]], tags: dict[Key, str]
    ) -> list[str]:
        """What each member is called inside the union, for naming anonymous ones.

        In order of preference: its discriminator value, its title, a property no other member
        has (`{index}` / `{before}` -> `...Index` / `...Before`), and only then its position.
        """
        views = [self.views.of(member) for _, member in kept]
        property_name = _discriminator_property(view)
        words = []
        for position, ((index, member), member_view) in enumerate(zip(kept, views)):
            target = self._ctx.deref(member) if is_ref(member.value) else member
            key: Key = self._ctx.key(target) if target is not None else ()
            tag = tags.get(key) or self._single_value(member_view, property_name)
            others = set().union(*(v.properties for i, v in enumerate(views) if i != position))
            own = [p for p in member_view.properties if p not in others]
            if member_view.types and len(member_view.types) == 1 and not member_view.properties:
                own = sorted(member_view.types)
            words.append(tag or member_view.title or (own[0] if own else f"variant_{index + 1}"))
        return words

    def _single_value(self, view: SchemaView, property_name: str | None) -> str | None:
        """The one value the discriminator property can have in this member, if it is fixed."""
        if property_name is None or property_name not in view.properties:
            return None
        values = self.views.of(view.properties[property_name][-1]).enum
        if values is not None and len(values) == 1 and isinstance(values[0], str | int):
            return str(values[0])
        return None

    def _discriminator(
        self,
        view: SchemaView,
        kept: list[tuple[int, Located]],
        results: list[ir.TypeRef],
        tags: dict[Key, str],
    ) -> ir.Discriminator | None:
        """The tag property and (value, model) pairs: the explicit mapping, then implicit ones.

        An implicit value is the member's fixed value of the tag property when it has one,
        else (as OpenAPI defines it) the member's schema name.
        """
        property_name = _discriminator_property(view)
        if property_name is None or view.discriminator is None:
            return None
        pairs: list[tuple[str, str]] = []
        for target_key, value in tags.items():
            found = self._memo.get(target_key)
            if found is not None and found.kind == "model":
                pairs.append((value, found.name))
        mapped = {name for _, name in pairs}
        for (_, member), member_type in zip(kept, results):
            if member_type.kind != "model" or member_type.name in mapped:
                continue
            target = self._ctx.deref(member) if is_ref(member.value) else None
            tag = self._single_value(self.views.of(member), property_name) or (
                component_name(target) if target is not None else None
            )
            if tag is None:
                self._ctx.warn(
                    "W206",
                    member,
                    f"no discriminator value for this member of the union "
                    f"(its {property_name!r} is not fixed and it has no schema name)",
                    f"add it to the discriminator's mapping or give {property_name!r} a const.",
                )
                continue
            pairs.append((tag, member_type.name))
            mapped.add(member_type.name)
        return ir.Discriminator(property_name, tuple(pairs))


# What a leaf schema's type does not depend on (unless it is an enum, whose doc they are).
_NOT_IN_TYPE = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "default",
        "readOnly",
        "writeOnly",
        "deprecated",
        "externalDocs",
        "xml",
        "$comment",
    }
)


def _leaf_key(value: Any) -> Key | None:
    """A key by content for an inline leaf schema: scalar keywords only, no `$ref`.

    `{type: integer, minimum: 1}` written beside a hundred `page` parameters is one type;
    keyed by what it says (not its description), it is converted once.
    """
    if not isinstance(value, dict) or "$ref" in value:
        return None
    items = []
    for name, keyword in value.items():
        if isinstance(keyword, list):
            if not all(isinstance(v, str | int | float | bool | None) for v in keyword):
                return None
            keyword = tuple(keyword)
        elif isinstance(keyword, dict):
            return None
        if name not in _NOT_IN_TYPE or "enum" in value or "const" in value:
            items.append((name, keyword))
    return ("leaf", *sorted(items, key=lambda item: item[0]))


def _composition_key(node: Located, ctx: Context) -> Key | None:
    """A key by content for `{allOf: [{$ref: A}, {$ref: B}]}` written inline.

    Cloudflare writes the same composition inline in a thousand error responses; keyed by
    what it says rather than where it is, it is merged and converted once.
    """
    value = node.value
    if not isinstance(value, dict) or len(value) != 1 or not isinstance(value.get("allOf"), list):
        return None
    refs = []
    for member in value["allOf"]:
        if not isinstance(member, dict) or len(member) != 1 or not is_ref(member):
            return None
        refs.append(member["$ref"])
    return (ctx.file_key(node.file), "allOf", *refs)


def _discriminator_property(view: SchemaView) -> str | None:
    if view.discriminator is None:
        return None
    name = view.discriminator.value.get("propertyName")
    return name if isinstance(name, str) and name else None


def _is_null_only(view: SchemaView) -> bool:
    """`{type: "null"}`, `{enum: [null]}`, or 3.0's `{nullable: true}` with nothing else."""
    if view.enum is not None:
        return all(value is None for value in view.enum)
    if view.alias is not None:
        return False
    return view.types == frozenset() or (
        view.types is None and view.nullable and not view.has_structure
    )
