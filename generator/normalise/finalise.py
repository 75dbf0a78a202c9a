"""From drafts to the IR's definitions: merges, variants, pruning, names, recursion flags.

Runs once, after every operation's types have been converted:

1. Components with the same name (namespace left out, see naming.py) and the same shape
   become one definition: `access_api-response-common` and `stream_api-response-common`.
2. Request and response variants. A model with `readOnly` fields is sent without them, one
   with `writeOnly` fields is received without them; a variant (`ConnectorRequest`) is made
   only for models that differ, including those that differ only because something they
   contain does. A variant used where the original is not takes the original's name.
3. Pruning: only definitions reachable from an operation are kept.
4. Names, in a fixed order (component schemas first, then by when they were found), each
   taking its first free candidate: its component name or title; for a shape found in
   several places, what their names share (`...CreateResponse` and `...GetResponse` ->
   `...Response`); names from where it was found (`Connector` + `days_of_week` ->
   `ConnectorDaysOfWeek`); then a kind suffix (`FieldModel`); and only as a last resort a
   number (W211 when the schema has a component name or title, W212 when it is anonymous).
   Components of different shapes that want one name are told apart by context that only
   one of them has, before any takes the plain name: the top-level resource whose
   operations use it (`ZonesSettings`), then its namespace if that reads as words
   (`AccessSettings`). Context is tried the same way for a variant whose name is taken, and
   for an anonymous shape whose names from where it was found are (its namespace: that of
   the component it was found in, `access_rules` -> `AccessRule`, none when several).
5. `Model.recursive` from the strongly connected parts of the reference graph.
6. Every `TypeRef` rewritten from placeholder to final name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from .. import ir
from .definitions import Definition, Definitions, Draft, shape_of
from .naming import RESERVED_TYPE_NAMES, NameTable, is_readable, qualified, split_words, type_name
from .refs import Context

_KIND_SUFFIX = {"model": "Model", "enum": "Enum", "union": "Union"}


def placeholders_in(type_ref: ir.TypeRef | None) -> Iterator[str]:
    while type_ref is not None:
        if type_ref.kind in _KIND_SUFFIX:
            yield type_ref.name
        type_ref = type_ref.item


def references(value: Definition) -> Iterator[str]:
    """The placeholders a definition refers to."""
    if isinstance(value, ir.Model):
        for field in value.fields:
            yield from placeholders_in(field.type)
        yield from placeholders_in(value.additional_properties)
    elif isinstance(value, ir.Union):
        for member in value.members:
            yield from placeholders_in(member)


def rename_type(type_ref: ir.TypeRef, names: dict[str, str]) -> ir.TypeRef:
    """`type_ref` with every definition name looked up in `names` (unknown ones kept)."""
    item = rename_type(type_ref.item, names) if type_ref.item is not None else None
    name = names.get(type_ref.name, type_ref.name) if type_ref.kind in _KIND_SUFFIX else ""
    if item is type_ref.item and name == type_ref.name:
        return type_ref
    return ir.TypeRef(
        type_ref.kind, name, item, type_ref.nullable, type_ref.format, type_ref.constraints
    )


def _rename_field(field: ir.Field, names: dict[str, str]) -> ir.Field:
    renamed = rename_type(field.type, names)
    return field if renamed is field.type else replace(field, type=renamed)


def _rename_definition(
    value: Definition, names: dict[str, str], own: str, recursive: bool = False
) -> Definition:
    if isinstance(value, ir.Model):
        return replace(
            value,
            name=own,
            fields=tuple(_rename_field(f, names) for f in value.fields),
            additional_properties=(
                rename_type(value.additional_properties, names)
                if value.additional_properties is not None
                else None
            ),
            recursive=recursive,
        )
    if isinstance(value, ir.Union):
        discriminator = value.discriminator
        if discriminator is not None:
            mapping = tuple((tag, names.get(name, name)) for tag, name in discriminator.mapping)
            discriminator = replace(discriminator, mapping=mapping)
        return replace(
            value,
            name=own,
            # merged components can make two members one
            members=tuple(dict.fromkeys(rename_type(m, names) for m in value.members)),
            discriminator=discriminator,
        )
    return replace(value, name=own)


class Finalised:
    """The named definitions, and how to map a converted type to its final form."""

    __slots__ = ("models", "enums", "unions", "_request", "_response", "_final", "_by_name")

    def __init__(
        self,
        definitions: list[Definition],
        request: dict[str, str],
        response: dict[str, str],
        final: dict[str, str],
    ) -> None:
        self.models = tuple(sorted((d for d in definitions if isinstance(d, ir.Model)), key=_name))
        self.enums = tuple(
            sorted((d for d in definitions if isinstance(d, ir.EnumType)), key=_name)
        )
        self.unions = tuple(sorted((d for d in definitions if isinstance(d, ir.Union)), key=_name))
        self._request, self._response, self._final = request, response, final
        self._by_name = {d.name: d for d in definitions}

    def request(self, type_ref: ir.TypeRef) -> ir.TypeRef:
        """A type as sent: read-only fields left out, final names."""
        return rename_type(rename_type(type_ref, self._request), self._final)

    def response(self, type_ref: ir.TypeRef) -> ir.TypeRef:
        """A type as received: write-only fields left out, final names."""
        return rename_type(rename_type(type_ref, self._response), self._final)

    def lookup(self, name: str) -> Definition | None:
        """The definition with this final name."""
        return self._by_name.get(name)


def _name(definition: Definition) -> str:
    return definition.name


Root = tuple[str, ir.TypeRef]  # (the top-level resource of an operation, a type it uses)


def finalise(
    ctx: Context,
    definitions: Definitions,
    request_roots: Iterable[Root],
    response_roots: Iterable[Root],
) -> Finalised:
    drafts = definitions.drafts
    merged = _merge_components(definitions)
    request_roots = [(resource, rename_type(t, merged)) for resource, t in request_roots]
    response_roots = [(resource, rename_type(t, merged)) for resource, t in response_roots]
    request = _variants(definitions, [t for _, t in request_roots], "read_only", "request")
    response = _variants(definitions, [t for _, t in response_roots], "write_only", "response")
    roots = [(resource, rename_type(t, request)) for resource, t in request_roots]
    roots += [(resource, rename_type(t, response)) for resource, t in response_roots]
    reachable = _reachable(drafts, (p for _, t in roots for p in placeholders_in(t)))
    final = _Namer(ctx, drafts, reachable, _resources(drafts, roots)).assign()
    recursive = _recursive(drafts, reachable)
    values = []
    for draft_id in reachable:
        value = drafts[draft_id].value
        assert value is not None, "every reachable draft is finished"
        values.append(_rename_definition(value, final, final[draft_id], draft_id in recursive))
    for gone, kept in merged.items():  # operations still hold the merged-away placeholders
        request.setdefault(gone, request.get(kept, kept))
        response.setdefault(gone, response.get(kept, kept))
    return Finalised(values, request, response, final)


def _merge_components(definitions: Definitions) -> dict[str, str]:
    """Components of one name and one shape made one draft; {merged-away id: kept id}.

    Namespaced specs repeat a schema in each namespace (`access_api-response-common`,
    `stream_api-response-common`): one type, whatever namespace it was written in. Merging
    some makes those that use them identical too, so this repeats until nothing changes.
    """
    drafts = definitions.drafts
    merged: dict[str, str] = {}
    while True:
        first: dict[tuple[object, ...], str] = {}
        found: dict[str, str] = {}
        for draft_id, draft in drafts.items():
            if draft.component and draft.value is not None:
                shape = (draft.kind, type_name(draft.own_name), *shape_of(draft.value))
                kept = first.setdefault(shape, draft_id)
                if kept != draft_id:
                    found[draft_id] = kept
        if not found:
            return merged
        for gone, kept in found.items():
            into, away = drafts[kept], drafts.pop(gone)
            into.sites.extend(s for s in away.sites if s not in into.sites)
            into.referenced_early = into.referenced_early or away.referenced_early
            if into.namespace != away.namespace:  # not one namespace's type any more
                into.namespace = ""
        for draft in drafts.values():
            value = draft.value
            if value is not None and any(r in found for r in references(value)):
                draft.value = _rename_definition(value, found, value.name)
        merged = {gone: found.get(kept, kept) for gone, kept in merged.items()} | found


def _resources(drafts: dict[str, Draft], roots: list[Root]) -> dict[str, set[str]]:
    """The top-level resources whose operations use each draft, directly or not."""
    starts: dict[str, list[str]] = {}
    for resource, type_ref in roots:
        starts.setdefault(resource, []).extend(placeholders_in(type_ref))
    found: dict[str, set[str]] = {}
    for resource, start in starts.items():
        for draft_id in _reachable(drafts, start):
            found.setdefault(draft_id, set()).add(resource)
    return found


def _walk(start: Iterable[str], neighbours: Callable[[str], Iterable[str]]) -> list[str]:
    """Every node reachable from `start` (itself included), in the order first reached."""
    seen: dict[str, None] = {}
    stack = list(start)
    while stack:
        node = stack.pop()
        if node not in seen:
            seen[node] = None
            stack.extend(neighbours(node))
    return list(seen)


def _reachable(drafts: dict[str, Draft], start: Iterable[str]) -> list[str]:
    """Every draft reachable from `start` through the definitions' references."""

    def referenced(draft_id: str) -> Iterable[str]:
        value = drafts[draft_id].value
        return [r for r in references(value) if r in drafts] if value is not None else ()

    return _walk((d for d in start if d in drafts), referenced)


def _variants(
    definitions: Definitions, roots: list[ir.TypeRef], flag: str, suffix: str
) -> dict[str, str]:
    """Variants without the `flag` fields (read_only / write_only); {original: variant}."""
    drafts = definitions.drafts
    reachable = _reachable(drafts, (p for t in roots for p in placeholders_in(t)))
    users: dict[str, list[str]] = {}
    differing = []
    for draft_id in reachable:
        value = drafts[draft_id].value
        if isinstance(value, ir.Model) and any(getattr(f, flag) for f in value.fields):
            differing.append(draft_id)
        for used in references(value) if value is not None else ():
            users.setdefault(used, []).append(draft_id)
    # Everything that contains a differing model differs too.
    needs = _walk(differing, lambda draft_id: users.get(draft_id, ()))
    variants = {draft_id: definitions.new_id() for draft_id in sorted(needs, key=_order(drafts))}
    for original, variant in variants.items():
        base = drafts[original]
        value = base.value
        assert value is not None, "every reachable draft is finished"
        if isinstance(value, ir.Model):
            value = replace(value, fields=tuple(f for f in value.fields if not getattr(f, flag)))
        draft = Draft(
            id=variant,
            kind=base.kind,
            order=base.order,
            own_name="",
            component=False,
            node=base.node,
            variant_of=original,
            variant_suffix=suffix,
        )
        definitions.add(draft, _rename_definition(value, variants, variant))
    return variants


def _order(drafts: dict[str, Draft]) -> Callable[[str], tuple[int, int]]:
    def key(draft_id: str) -> tuple[int, int]:
        draft = drafts[draft_id]
        return (draft.order, 1 if draft.variant_of else 0)

    return key


class _Namer:
    """Gives every reachable draft its final name (see the module docstring for the order)."""

    __slots__ = (
        "_ctx",
        "_drafts",
        "_reachable",
        "_resources",
        "_names",
        "_naming",
        "_table",
        "_components",
        "_rivals",
    )

    def __init__(
        self,
        ctx: Context,
        drafts: dict[str, Draft],
        reachable: list[str],
        resources: dict[str, set[str]],
    ) -> None:
        self._ctx = ctx
        self._drafts = drafts
        self._reachable = set(reachable)
        self._resources = resources
        self._names: dict[str, str] = {}
        self._naming: set[str] = set()
        self._table = NameTable(RESERVED_TYPE_NAMES)
        # Component names are spoken for: an inline shape found first must not take one.
        wanting: dict[str, list[str]] = {}
        for draft_id in reachable:
            if drafts[draft_id].component:
                wanting.setdefault(type_name(drafts[draft_id].own_name), []).append(draft_id)
        self._components = set(wanting)
        # Components that want one name (`access_name`, `stream_name`): told apart by context.
        self._rivals = {name: ids for name, ids in wanting.items() if len(ids) > 1}

    def assign(self) -> dict[str, str]:
        key = _order(self._drafts)
        ordered = sorted(self._reachable, key=lambda d: (not self._drafts[d].component, key(d)))
        for draft_id in ordered:
            self._name_of(draft_id)
        return self._names

    def _name_of(self, draft_id: str) -> str | None:
        """The final name of a draft, named now if need be; None while it is being named."""
        if draft_id in self._names:
            return self._names[draft_id]
        if draft_id in self._naming or draft_id not in self._drafts:
            return None
        draft = self._drafts[draft_id]
        self._naming.add(draft_id)
        try:
            if draft_id not in self._reachable:  # only an owner's name is wanted: don't claim
                return next(iter(self._candidates(draft_id)), None)
            own = type_name(draft.own_name) if draft.component else ""
            candidates = (
                c for c in self._candidates(draft_id) if c == own or c not in self._components
            )
            fallback = "Anonymous" + _KIND_SUFFIX[draft.kind]
            name, numbered = self._table.claim(_or_else(candidates, fallback))
        finally:
            self._naming.discard(draft_id)
        if numbered:
            self._ctx.warn(
                "W211" if self._has_own_name(draft) else "W212",
                draft.node,
                f"the names this type could have are taken by others, so it is called {name!r}",
                "give the schema a title or a different component name.",
            )
        self._names[draft_id] = name
        return name

    def _has_own_name(self, draft: Draft) -> bool:
        """Whether the schema has a component name or title (variants: the original's)."""
        while draft.variant_of is not None:
            draft = self._drafts[draft.variant_of]
        return bool(draft.own_name)

    def _resource(self, draft_id: str) -> str:
        """The one top-level resource whose operations use the draft; "" for none or several."""
        resources = self._resources.get(draft_id, ())
        return next(iter(resources)) if len(resources) == 1 else ""

    def _candidates(self, draft_id: str) -> Iterator[str]:
        draft = self._drafts[draft_id]
        if draft.variant_of is not None:
            if draft.variant_of in self._reachable:
                base_name = self._name_of(draft.variant_of)
                if base_name:
                    name = base_name + type_name(draft.variant_suffix)
                    yield name
                    yield from self._in_context(draft_id, name)
                    yield name + _KIND_SUFFIX[draft.kind]
            else:
                yield from self._candidates(draft.variant_of)
            return
        own = type_name(draft.own_name)
        if own:
            if draft.component and own in self._rivals:
                yield from self._told_apart(draft_id, own, self._rivals[own])
            yield own
            if own in RESERVED_TYPE_NAMES:  # `Field`: the generated code needs that name
                yield own + _KIND_SUFFIX[draft.kind]
        found_at = []  # (owner's name, name from this site)
        for site in draft.sites:
            owner_name = "" if site.owner is None else self._name_of(site.owner)
            if owner_name is not None:
                found_at.append((owner_name, owner_name + type_name("_".join(site.words))))
        names = list(dict.fromkeys(name for _, name in found_at))
        if not own and len(names) > 1:
            yield _common_name(names)
        for owner_name, name in found_at:
            yield name
            if own and owner_name:
                yield owner_name + own
        if not own and names:  # an anonymous shape: where it is used, or its one namespace
            yield qualified(self._resource(draft_id), names[0])
            namespaces = {site.namespace for site in draft.sites if site.owner is None}
            if len(namespaces) == 1 and is_readable(namespace := namespaces.pop()):
                yield qualified(namespace, names[0])
        yield (own or (names[0] if names else "Anonymous")) + _KIND_SUFFIX[draft.kind]

    def _in_context(self, draft_id: str, name: str) -> Iterator[str]:
        """`name` after the top-level resource that uses the draft, then its readable namespace."""
        yield qualified(self._resource(draft_id), name)
        draft = self._drafts[draft_id]
        while draft.variant_of is not None:
            draft = self._drafts[draft.variant_of]
        if is_readable(draft.namespace):
            yield qualified(draft.namespace, name)

    def _told_apart(self, draft_id: str, own: str, rivals: Sequence[str]) -> Iterator[str]:
        """`own` with context that no other component wanting it has, for each the same way.

        First the top-level resource whose operations use it (`ZonesSettings`), then its
        namespace when that reads as words (`AccessSettings`); never a random namespace. Only
        a component without such context takes the plain name, so which one gets it does not
        depend on the order they were found in unless several lack context.
        """
        others = [self._drafts[r] for r in rivals if r != draft_id]
        resource = self._resource(draft_id)
        if resource and all(self._resource(other.id) != resource for other in others):
            yield qualified(resource, own)
        namespace = self._drafts[draft_id].namespace
        if is_readable(namespace) and all(other.namespace != namespace for other in others):
            yield qualified(namespace, own)


def _or_else(candidates: Iterable[str], fallback: str) -> Iterator[str]:
    """`candidates`, or `fallback` when they are all empty.

    A type with names to choose from is numbered after the first of them when all are taken
    (W211/W212), not called `AnonymousModel`.
    """
    given = False
    for candidate in candidates:
        given = given or bool(candidate)
        yield candidate
    if not given:
        yield fallback


def _common_name(names: list[str]) -> str:
    """What the names one shape was found under share: their first and last words.

    `TokenValidationConfigCreateResponse` and `TokenValidationConfigGetResponse` ->
    `TokenValidationConfigResponse`. Empty when they share fewer than two words.
    """
    split = [split_words(name) for name in names]
    shortest = min(len(words) for words in split)
    head = 0
    while head < shortest and len({tuple(w[: head + 1]) for w in split}) == 1:
        head += 1
    tail = 0
    while tail < shortest - head and len({tuple(w[len(w) - tail - 1 :]) for w in split}) == 1:
        tail += 1
    if head + tail < 2:
        return ""
    return "".join(split[0][:head] + split[0][len(split[0]) - tail :])


def _recursive(drafts: dict[str, Draft], reachable: list[str]) -> set[str]:
    """Drafts that refer back to themselves, directly or through others (Tarjan's SCCs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    edges = {
        d: [r for r in references(drafts[d].value) if r in drafts]  # type: ignore[arg-type]
        for d in reachable
    }
    for root in reachable:
        if root in index:
            continue
        # Iterative Tarjan: (node, iterator over its edges).
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    found.update(component)
    return found
