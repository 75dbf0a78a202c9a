"""Named definitions (models, enums, unions) while they are being built, before they have names.

A definition is named only once every schema has been converted, because a good name
depends on things found later: whether a component already owns the name, whether an
identical inline shape appears elsewhere, whether a request variant is needed. Until then a
definition is a `Draft` with a placeholder id (`$12`) that `TypeRef.name` holds, and the
places it was found (`Site`s) to name it from.

Identical anonymous shapes are merged here as they are finished: two inline
`{code, message}` objects become one draft with two sites. Identical components are merged
later, once every shape they refer to is known (finalise.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from .. import ir
from ..load import Located

DefinitionKind = Literal["model", "enum", "union"]
Definition = ir.Model | ir.EnumType | ir.Union


@dataclass(frozen=True, slots=True)
class Site:
    """A position a type was found at, to name it from: inside `owner`, under `words`.

    `Site(None, ("connector",))` is a top-level name; `Site("$3", ("days_of_week",))` is the
    `days_of_week` property of the definition `$3`. A top-level name taken from a namespaced
    component name (`access_rules` -> `("rules",)`) keeps the namespace, as context.
    """

    owner: str | None
    words: tuple[str, ...]
    namespace: str = ""


@dataclass(slots=True)
class Draft:
    """A model, enum or union being built, or built and waiting for its name."""

    id: str  # the placeholder `TypeRef.name` holds until names are given
    kind: DefinitionKind
    order: int  # when conversion started; owners start before what they contain
    own_name: str  # the component name (its namespace left out) or title; "" when neither
    component: bool  # a reusable schema (`#/components/schemas/X`)
    node: Located  # where the schema is, for diagnostics
    sites: list[Site] = field(default_factory=list)
    value: Definition | None = None
    referenced_early: bool = False  # its id was handed out before it was finished (recursion)
    variant_of: str | None = None  # the draft this is a request/response variant of
    variant_suffix: str = ""
    namespace: str = ""  # the component name's namespace (`access` of `access_policy`)


def placeholder(number: int) -> str:
    return f"${number}"


class Definitions:
    """Every draft, by id, with identical anonymous shapes merged."""

    __slots__ = ("drafts", "_by_shape", "_count")

    def __init__(self) -> None:
        self.drafts: dict[str, Draft] = {}
        self._by_shape: dict[tuple[object, ...], str] = {}
        self._count = 0

    def start(
        self,
        kind: DefinitionKind,
        site: Site,
        own_name: str,
        component: bool,
        node: Located,
        namespace: str = "",
    ) -> Draft:
        draft = Draft(
            self.new_id(), kind, self._count, own_name, component, node, [site], namespace=namespace
        )
        self.drafts[draft.id] = draft
        return draft

    def add(self, draft: Draft, value: Definition) -> None:
        """Register a finished draft built outside conversion (a request or response variant)."""
        draft.value = value
        self.drafts[draft.id] = draft

    def new_id(self) -> str:
        self._count += 1
        return placeholder(self._count)

    def finish(self, draft: Draft, value: Definition) -> str:
        """Store the finished definition; the id to use for it (an identical draft's, if any)."""
        draft.value = value
        if draft.component or draft.referenced_early:
            return draft.id
        shape = (draft.kind, draft.own_name, *shape_of(value))
        existing = self._by_shape.get(shape)
        if existing is None:
            self._by_shape[shape] = draft.id
            return draft.id
        self.drafts[existing].sites.extend(draft.sites)
        del self.drafts[draft.id]
        return existing

    def abandon(self, draft: Draft) -> None:
        """Forget a draft that turned out not to need a definition (a one-member union)."""
        del self.drafts[draft.id]

    def add_site(self, draft_id: str, site: Site) -> None:
        """Note another place a definition is used, for naming it if its own name is taken.

        A few are enough: a component used a thousand times needs no thousand candidates.
        """
        draft = self.drafts.get(draft_id)
        if draft is not None and len(draft.sites) < 8 and site not in draft.sites:
            draft.sites.append(site)


def _default_key(value: ir.JsonValue) -> object:
    """A hashable stand-in for a default value (lists and objects are not hashable)."""
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True)
    return (type(value), value)


def shape_of(value: Definition) -> tuple[object, ...]:
    """What makes two definitions the same type: everything but name, pointer and examples."""
    if isinstance(value, ir.Model):
        fields = tuple(
            (
                f.name,
                f.wire_name,
                f.type,
                f.required,
                f.doc,
                f.read_only,
                f.write_only,
                f.deprecated,
                _default_key(f.default) if f.has_default else None,
            )
            for f in value.fields
        )
        return (fields, value.additional_properties)
    if isinstance(value, ir.EnumType):
        return (value.value_type, tuple((m.value, type(m.value)) for m in value.members))
    return (value.members, value.discriminator, value.exclusive)
