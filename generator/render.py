"""Render: `ir.Api` + `Config` -> {path relative to the out dir: file text}.

One Jinja2 environment renders every file from templates/. Templates read the IR, plus the
layout facts computed here from it: which module a definition lives in, the order of a
method's arguments, the imports a module needs. Spec text that lands in Python code goes
through one filter, `escape` (the `docstring` filter is built on it); types become annotations
in one place, `TypeNamer.annotation`, which also records the imports they need. Code whose
layout depends on its length goes through `Group`, which lays it out as black would.

Types modules: a definition reachable from one root resource only lives in `types/<root>.py`;
one reachable from several lives in `types/_shared.py`. Whatever a definition refers to is
reachable from everything that reaches it, so `_shared` never imports a root's module and root
modules never import each other: no import cycles, by construction.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import keyword
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

import jinja2

from . import ir
from .config import Config

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RUNTIME = Path(__file__).resolve().parent / "runtime"

LINE_LENGTH = 100  # the line length of the runtime modules, and so of all generated code
INDENT = "    "
SHARED_TYPES = "_shared"
README_EXAMPLES = 20  # resources the README shows a call of, at most

Side = Literal["request", "response"]
EscapeContext = Literal["doc", "str", "ident"]


class RenderError(Exception):
    """The IR breaks an invariant the templates rely on: a bug upstream, not a user mistake."""


# ---------------------------------------------------------------------------------------------
# Escaping: the one way spec text enters code


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@functools.lru_cache(maxsize=1 << 14)  # wire names and docs recur across sync/async and modules
def escape(text: str, context: EscapeContext) -> str:
    """Make spec text safe for one place in Python source.

    - "doc": the inside of a triple-quoted docstring. Backslashes are doubled, runs of three
      quotes broken up, control characters written as escapes, tabs expanded, a final quote
      escaped: the text can neither end the docstring early nor change meaning.
    - "str": a complete string literal, quoted the way black writes it.
    - "ident": an identifier, checked: the IR promises safe names and this holds it to that.
    """
    if context == "ident":
        if not text.isidentifier() or keyword.iskeyword(text) or keyword.issoftkeyword(text):
            raise RenderError(f"{text!r} is not a safe Python identifier")
        return text
    if context == "str":
        return _black_quotes(repr(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).replace("\\", "\\\\")
    text = _CONTROL.sub(_control_escape, text).replace('"""', '\\"\\"\\"').strip()
    # a quote at either edge would run into the docstring's own quotes
    if text.startswith('"'):
        text = "\\" + text
    if text.endswith('"') and (len(text) - len(text[:-1].rstrip("\\"))) % 2 == 1:
        text = text[:-1] + '\\"'
    return text


def bytes_literal(data: bytes) -> str:
    """A bytes literal, quoted as black quotes it."""
    return _black_quotes(repr(data))


def _black_quotes(literal: str) -> str:
    """A str or bytes `repr` in the quotes black writes: double quotes, unless the value holds
    more double quotes than single ones (repr's single quotes then escape fewer)."""
    prefix = "b" if literal[0] == "b" else ""
    if literal[len(prefix)] == '"':
        return literal
    body = literal[len(prefix) + 1 : -1]
    if body.count('"') > body.count("\\'"):
        return literal
    return f'{prefix}"' + body.replace("\\'", "'").replace('"', '\\"') + '"'


def _control_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def py_literal(value: object) -> str:
    """A JSON value (None, bool, number, string, list, dict) as the Python expression that
    evaluates to it."""
    if isinstance(value, str):
        return escape(value, "str")
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        # JSON numbers are finite; black writes `1e16` where JSON has `1e+16`
        return json.dumps(value).replace("e+", "e")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        items = (f"{escape(str(key), 'str')}: {py_literal(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"not a JSON value: {value!r}")


# ---------------------------------------------------------------------------------------------
# Docstrings


_KEEP_LINE = re.compile(r"\s|[>|]")  # indented code, quotes, tables: kept as written
_ITEM = re.compile(r"([-*+]|\d+[.)]|#+)\s")  # list items and headings: a line each, wrapped


def _wrap(text: str, width: int) -> list[str]:
    """Wrap prose to `width`: paragraphs joined and filled, list items and headings filled with a
    hanging indent; code blocks, indented lines, quotes and tables stay as written."""
    lines: list[str] = []
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        if paragraph:
            lines.extend(_fill(" ".join(paragraph), width))
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.lstrip().startswith("```"):
            flush()
            in_fence = not in_fence
            lines.append(line)
        elif not line:
            flush()
            if lines and lines[-1]:
                lines.append("")
        elif in_fence or _KEEP_LINE.match(line):
            flush()
            lines.append(line)
        elif item := _ITEM.match(line):
            flush()
            hanging = " " * (item.end() if item.group(1)[0] != "#" else 0)
            lines.extend(
                textwrap.wrap(
                    line,
                    width,
                    subsequent_indent=hanging,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or [line]
            )
        else:
            paragraph.append(line.strip())
    flush()
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _fill(text: str, width: int) -> list[str]:
    if len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


@functools.lru_cache(maxsize=1 << 10)  # a method's sync and async twins share theirs
def docstring(text: str, indent: int = 0, args: tuple[tuple[str, str], ...] = ()) -> str:
    """The docstring for spec text, laid out as black leaves it; "" when there is nothing to say.

    `args` adds a Google-style `Args:` section, one (name, description) per argument. Body lines
    are indented by `indent` columns; the opening line is not (the template places it).
    """
    escaped = escape(text, "doc").strip()
    # the first line shares its line with the opening quotes
    lines = _wrap(escaped, LINE_LENGTH - indent - 3)
    if len(lines) == 1 and not args and indent + len(lines[0]) + 7 > LINE_LENGTH:
        # black keeps a one-line docstring on one line however long: make it two
        lines = _wrap(escaped, LINE_LENGTH - indent - 6)
    if args:
        if lines:
            lines.append("")
        lines.append("Args:")
        width = LINE_LENGTH - indent - len(INDENT)
        for name, description in args:
            flat = " ".join(escape(description, "doc").split())
            first, *rest = _fill(f"{name}: {flat}", width)
            lines.append(INDENT + first)
            if rest:
                lines.extend(
                    INDENT * 2 + line for line in _fill(" ".join(rest), width - len(INDENT))
                )
    if not lines:
        return ""
    # black pads a final quote from the closing quotes
    padding = " " if lines[0].endswith('"') else ""
    if len(lines) == 1 and indent + len(lines[0]) + len(padding) + 6 <= LINE_LENGTH:
        return f'"""{lines[0]}{padding}"""'
    pad = " " * indent
    # the body's common indentation is the docstring's own, as black (and inspect) see it
    body_lines = textwrap.dedent("\n".join(lines[1:])).split("\n")
    body = "".join(f"{pad}{line}\n" if line else "\n" for line in body_lines)
    return f'"""{lines[0]}\n{body}{pad}"""'


def paragraphs(*parts: str) -> str:
    """Text parts joined as paragraphs, the empty ones left out."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def first_sentence(text: str) -> str:
    paragraph = text.strip().split("\n\n")[0]
    flat = " ".join(paragraph.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


# ---------------------------------------------------------------------------------------------
# Layout of bracketed code the way black writes it


@dataclass(frozen=True, slots=True)
class Group:
    """`head` + items + `tail`: a call, a signature, a subscript or a collection display.

    `layout` writes it as black does: on one line when it fits; else, for anything but a
    collection display with several items, the items together on a line of their own when
    they fit ("hugging"); else one item per line with a trailing comma, each item laid out
    again at its new depth (a lone item, split inside, takes no comma but a def's parameter
    or a one-tuple's). A `separator` of "|" splits a union one member per line instead.
    """

    head: str
    items: Sequence[Group | str]
    tail: str
    display: bool = False  # a tuple, list or dict display: black never hugs its items
    one_tuple: bool = False  # a tuple display: one item is written `(item,)`
    separator: str = ","
    optional_parens: bool = False  # head ends in "(" and tail is ")", left out on one line
    signature: bool = False  # a def's parameters: black gives a lone one a trailing comma
    expression: bool = False  # parentheses around one expression, which takes no comma
    # The items on one line, joined; computed once: a group nested n deep is asked n times.
    _inner: str | None = field(default=None, init=False, repr=False, compare=False)

    def flat(self) -> str:
        inner = self._flat_items()
        if self.one_tuple and len(self.items) == 1:
            inner += ","
        if self.optional_parens:
            return self.head[:-1] + inner
        return self.head + inner + self.tail

    def _flat_items(self) -> str:
        inner = self._inner
        if inner is None:
            inner = self._joiner().join(flat(item) for item in self.items)
            object.__setattr__(self, "_inner", inner)  # a cache: the group stays as it was
        return inner

    def layout(self, indent: int = 0, reserve: int = 0) -> str:
        """The group at `indent` columns, with `reserve` characters following its last line."""
        one_line = self.flat()
        if indent + len(one_line) + reserve <= LINE_LENGTH:
            return one_line
        pad = " " * indent
        inner = self._flat_items()
        hug = not (self.display and len(self.items) > 1) and not (
            self.signature and len(self.items) == 1
        )
        if not self.head and self.separator != ",":
            # a bare union inside brackets: one member per line, each after the operator
            lines = [layout(item, indent) for item in self.items]
            return f"\n{pad}{self.separator} ".join(lines)
        if hug and indent + len(INDENT) + len(inner) <= LINE_LENGTH:
            return f"{self.head}\n{pad}{INDENT}{inner}\n{pad}{self.tail}"
        depth = indent + len(INDENT)
        if self.separator != ",":
            lines = [layout(item, depth) for item in self.items]
            body = f"\n{pad}{INDENT}{self.separator} ".join(lines)
            return f"{self.head}\n{pad}{INDENT}{body}\n{pad}{self.tail}"
        lone = len(self.items) == 1 and not (self.signature or self.one_tuple)
        comma = "" if self.expression or lone else ","
        body = "".join(
            f"{pad}{INDENT}{layout(item, depth, len(comma))}{comma}\n" for item in self.items
        )
        return f"{self.head}\n{body}{pad}{self.tail}"

    def _joiner(self) -> str:
        return ", " if self.separator == "," else f" {self.separator} "


def prefixed(prefix: str, item: Group | str) -> Group | str:
    """`item` with `prefix` before it: `name=` before an argument's value, say."""
    if isinstance(item, str):
        return prefix + item
    return dataclasses.replace(item, head=prefix + item.head)


def flat(item: Group | str) -> str:
    return item if isinstance(item, str) else item.flat()


def literal_group(
    value: object, shorter: Callable[[object], str | None] | None = None
) -> Group | str:
    """A JSON value as a Python expression that `layout` splits across lines as black would.

    `shorter` may give shorter code for a value (`"x" * 40`), at any depth; None keeps it."""
    if shorter is not None:
        code = shorter(value)
        if code is not None:
            return code
    if isinstance(value, list | tuple) and value:
        return Group("[", [literal_group(item, shorter) for item in value], "]", display=True)
    if isinstance(value, dict) and value:
        entries = [
            prefixed(f"{escape(str(key), 'str')}: ", literal_group(item, shorter))
            for key, item in value.items()
        ]
        return Group("{", entries, "}", display=True)
    return py_literal(value)


def layout(item: Group | str, indent: int = 0, reserve: int = 0) -> str:
    """Lay out code at `indent` columns (its first line is placed by the caller)."""
    return item if isinstance(item, str) else item.layout(indent, reserve)


# ---------------------------------------------------------------------------------------------
# Imports


_STDLIB = frozenset({"builtins", "collections.abc", "datetime", "functools", "os", "typing"})


@dataclass(slots=True)
class Imports:
    """The imports of one module, collected while it renders, written sorted as isort does.

    Internal modules are named from the package root ("_types", "types.magic") and written as
    relative imports from a module `depth` levels below the root; "." + name is a sibling.
    """

    depth: int
    plain: set[str] = field(default_factory=set)
    names: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    local_names: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    checking_names: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def module(self, name: str) -> str:
        """`import name`; returns "" so a template can call it inline."""
        self.plain.add(name)
        return ""

    def add(self, module: str, *names: str) -> str:
        """`from module import names` for a standard-library or third-party module."""
        self.names[module].update(names)
        return ""

    def local(self, module: str, *names: str) -> str:
        """`from .module import names` for a module of the generated package."""
        self.local_names[module].update(names)
        return ""

    def for_type_checking(self, module: str, *names: str) -> str:
        """Names the module imports lazily at run time and only annotates with up front."""
        self.checking_names[module].update(names)
        return ""

    def render(self) -> str:
        if self.checking_names:
            self.add("typing", "TYPE_CHECKING")
        stdlib = [f"import {name}" for name in sorted(self.plain) if name in _STDLIB]
        third_party = [f"import {name}" for name in sorted(self.plain) if name not in _STDLIB]
        for module, names in sorted(self.names.items()):
            (stdlib if module in _STDLIB else third_party).append(_from(module, names))
        local = self._local(self.local_names, 0)
        groups = ["\n".join(group) for group in (stdlib, third_party, local) if group]
        if self.checking_names:
            groups.append("if TYPE_CHECKING:\n" + "\n".join(self._local(self.checking_names, 1)))
        return "\n\n".join(groups)

    def _local(self, modules: Mapping[str, set[str]], level: int) -> list[str]:
        lines = []
        for module, names in sorted(modules.items(), key=lambda item: _relative_order(item[0])):
            relative = module if module.startswith(".") else "." * self.depth + module
            lines.append(textwrap.indent(_from(relative, names, level), INDENT * level))
        return lines


def _relative_order(module: str) -> tuple[bool, str]:
    # from the package root first, siblings last, as isort orders "..x" before ".y"
    return (module.startswith("."), module)


def _name_order(name: str) -> tuple[int, str]:
    # isort's order_by_type: CONSTANTS, Classes, then functions and variables
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[0].isupper() else 2
    return (kind, name)


def _from(module: str, names: Iterable[str], level: int = 0) -> str:
    ordered = sorted(names, key=_name_order)
    line = f"from {module} import {', '.join(ordered)}"
    if level * len(INDENT) + len(line) <= LINE_LENGTH:
        return line
    # black always splits an import one name per line
    return f"from {module} import (\n" + "".join(f"{INDENT}{name},\n" for name in ordered) + ")"


# ---------------------------------------------------------------------------------------------
# Where definitions and resources live


@dataclass(frozen=True, slots=True)
class ResourceFile:
    """Where a resource's classes are written, and how its parent imports them."""

    path: PurePosixPath  # relative to the package root: resources/magic/connectors.py
    depth: int  # how many levels below the package root the module sits
    import_from: str  # the module its parent imports from: ".connectors" (a package re-exports)


class Layout:
    """The decisions about which module holds what, computed once from the IR."""

    def __init__(self, api: ir.Api) -> None:
        self.models = {model.name: model for model in api.models}
        self.enums = {enum.name: enum for enum in api.enums}
        self.unions = {union.name: union for union in api.unions}
        # per (model, wire name) of a discriminator property: the tag values of that member,
        # written as its type instead of the property's declared one
        self.tags, self.discriminated = _discriminator_tags(api, self)
        self.type_module = _assign_type_modules(api, self)
        self.resource_files: dict[tuple[str, ...], ResourceFile] = {}
        for root in api.resources:
            self._place(root, PurePosixPath("resources"))

    def _place(self, resource: ir.Resource, folder: PurePosixPath) -> None:
        name = escape(resource.name, "ident")
        if resource.children:
            package = folder / name
            own = name if all(child.name != name for child in resource.children) else f"_{name}"
            path = package / f"{own}.py"
            for child in resource.children:
                self._place(child, package)
        else:
            path = folder / f"{name}.py"
        self.resource_files[resource.path] = ResourceFile(path, len(path.parts), f".{name}")

    def references(self, type_ref: ir.TypeRef | None) -> Iterator[str]:
        """Names of the definitions a type refers to directly."""
        while type_ref is not None:
            if type_ref.kind in ("model", "enum", "union"):
                yield type_ref.name
            type_ref = type_ref.item

    def definition_references(self, name: str) -> Iterator[str]:
        """Names of the definitions a definition refers to directly."""
        if name in self.models:
            model = self.models[name]
            for model_field in model.fields:
                if (name, model_field.wire_name) not in self.tags:
                    yield from self.references(model_field.type)
            yield from self.references(model.additional_properties)
        elif name in self.unions:
            for member in self.unions[name].members:
                yield from self.references(member)
        elif name not in self.enums:
            raise RenderError(f"{name!r} is referred to but not defined")


def operation_types(operation: ir.Operation) -> Iterator[ir.TypeRef]:
    """Every type an operation's method mentions."""
    for parameter in operation.parameters:
        yield parameter.type
    body = operation.request_body
    if body is not None:
        if body.fields:
            yield from (body_field.type for body_field in body.fields)
        else:
            yield body.type
    if operation.payload.type is not None:
        yield operation.payload.type
    if operation.pagination is not None:
        yield operation.pagination.item


def _walk(resource: ir.Resource) -> Iterator[ir.Resource]:
    yield resource
    for child in resource.children:
        yield from _walk(child)


def _assign_type_modules(api: ir.Api, layout: Layout) -> dict[str, str]:
    """definition name -> types module: the root that reaches it, or `_shared` for several."""
    users: dict[str, set[str]] = defaultdict(set)
    for root in api.resources:
        stack = [
            name
            for resource in _walk(root)
            for operation in resource.operations
            for type_ref in operation_types(operation)
            for name in layout.references(type_ref)
        ]
        while stack:
            name = stack.pop()
            if root.name not in users[name]:
                users[name].add(root.name)
                stack.extend(layout.definition_references(name))
    return {
        name: next(iter(roots)) if len(roots) == 1 else SHARED_TYPES
        for name, roots in users.items()
    }


def _discriminator_tags(
    api: ir.Api, layout: Layout
) -> tuple[dict[tuple[str, str], tuple[str, ...]], frozenset[str]]:
    """The tag values each member model of a discriminated union takes, and which unions can be
    validated by their tag (every member a model with the tag property)."""
    tags: dict[tuple[str, str], list[str]] = defaultdict(list)
    discriminated = set()
    for union in api.unions:
        found = union.discriminator
        if found is None or not all(member.kind == "model" for member in union.members):
            continue
        members: dict[str, list[str]] = {member.name: [] for member in union.members}
        for value, model in found.mapping:
            if model in members:
                members[model].append(value)
        tagged = all(
            values and any(f.wire_name == found.property_name for f in layout.models[name].fields)
            for name, values in members.items()
        )
        if not tagged:
            continue  # pydantic needs a literal tag on every member: a plain union instead
        discriminated.add(union.name)
        for model, values in members.items():
            known = tags[(model, found.property_name)]
            known.extend(value for value in values if value not in known)
    return {key: tuple(values) for key, values in tags.items()}, frozenset(discriminated)


# ---------------------------------------------------------------------------------------------
# Types


_BUILTIN_TYPES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "object"})
_SCALARS: dict[str, str] = {
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
    "any": "object",
}
_STRING_FORMATS: dict[str, str] = {
    "date": "datetime.date",
    "date-time": "datetime.datetime",
    "binary": "bytes",
}
# names a field or argument of a pydantic model must not take: BaseModel's own attributes, and
# the names annotations are written with (a field named `list` hides `list` in the class body)
_MODEL_RESERVED = _BUILTIN_TYPES | frozenset(
    {
        "builtins", "construct", "copy", "datetime", "from_orm", "json", "model_config",
        "model_construct", "model_copy", "model_dump", "model_dump_json", "model_extra",
        "model_fields", "model_fields_set", "model_computed_fields", "model_json_schema",
        "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
        "model_validate_json", "model_validate_strings", "parse_file", "parse_obj", "parse_raw",
        "schema", "schema_json", "update_forward_refs", "validate",
    }
)  # fmt: skip


def model_attribute(name: str) -> str:
    """The python name of a model field: `name`, with a trailing `_` when pydantic reserves it."""
    while name in _MODEL_RESERVED:
        name += "_"
    return name


@dataclass(frozen=True, slots=True)
class Where:
    """Where an annotation is written: the module's imports, and what is in scope there."""

    imports: Imports
    types_module: str | None = None  # the types module being written; its names need no import
    shadowed: frozenset[str] = frozenset()  # builtins hidden by a class attribute (`def list`)


class TypeNamer:
    """Python annotations for IR types, recording the imports they need on the way."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def annotation(
        self, type_ref: ir.TypeRef, where: Where, side: Side = "response", checks: bool = False
    ) -> str:
        """The annotation for `type_ref`.

        The request side differs in one way: where the type is an object model (or a union of
        them) a plain dict is accepted too, since the client encodes both alike. With `checks`,
        constraints on list items and map values become `Annotated[..., Field(...)]`.
        """
        text = self._annotation(type_ref, where, side, checks)
        if type_ref.nullable and text not in ("None", "object"):
            text += " | None"
        return text

    def _annotation(self, type_ref: ir.TypeRef, where: Where, side: Side, checks: bool) -> str:
        kind = type_ref.kind
        if kind == "string":
            text = _STRING_FORMATS.get(type_ref.format or "", "str")
            if text.startswith("datetime."):
                where.imports.module("datetime")
                return text
            return self._builtin(text, where)
        if kind in _SCALARS:
            return self._builtin(_SCALARS[kind], where)
        if kind == "object":
            return self._dict_of(self._builtin("object", where), where)
        if kind in ("list", "map"):
            if type_ref.item is None:
                raise RenderError(f"a {kind} type without an item type: {type_ref}")
            item = self.annotation(type_ref.item, where, side, checks)
            arguments = constraint_arguments(type_ref.item.constraints) if checks else ""
            if arguments:
                where.imports.add("typing", "Annotated")
                where.imports.add("pydantic", "Field")
                item = f"Annotated[{item}, Field({arguments})]"
            if kind == "list":
                return f"{self._builtin('list', where)}[{item}]"
            return self._dict_of(item, where)
        return self._definition(type_ref, where, side)

    def _definition(self, type_ref: ir.TypeRef, where: Where, side: Side) -> str:
        name = escape(type_ref.name, "ident")
        module = self.layout.type_module.get(name)
        if module is None:
            raise RenderError(f"{type_ref.kind} {name!r} is used but not reachable")
        if module != where.types_module:
            where.imports.local(
                f"types.{module}" if where.types_module is None else f".{module}", name
            )
        if side == "request" and self.takes_dict(type_ref):
            return f"{name} | {self._dict_of(self._builtin('object', where), where)}"
        return name

    def takes_dict(self, type_ref: ir.TypeRef) -> bool:
        """Whether a request value of this type may be a plain dict: it is an object model."""
        if type_ref.kind == "union":
            return any(
                member.kind == "model" for member in self.layout.unions[type_ref.name].members
            )
        return type_ref.kind == "model"

    def _dict_of(self, value: str, where: Where) -> str:
        return f"{self._builtin('dict', where)}[str, {value}]"

    @staticmethod
    def _builtin(name: str, where: Where) -> str:
        if name in where.shadowed:
            where.imports.module("builtins")
            return f"builtins.{name}"
        return name

    def has_checks(self, type_ref: ir.TypeRef) -> bool:
        """Whether the client has something to check in a value of this type before sending it:
        constraints or an enum, on the value or on its items (not inside models)."""
        current: ir.TypeRef | None = type_ref
        while current is not None:
            if current.kind == "enum" or constraint_arguments(current.constraints):
                return True
            current = current.item
        return False

    def describe(self, type_ref: ir.TypeRef) -> str:
        """A sentence describing a value of this type, for an argument the spec leaves undocumented."""
        text = self._describe(type_ref)
        if type_ref.nullable:
            text += ", or None"
        return text + "."

    def _describe(self, type_ref: ir.TypeRef) -> str:
        kind = type_ref.kind
        limits = type_ref.constraints
        if kind == "enum":
            values = [member.value for member in self.layout.enums[type_ref.name].members]
            if len(values) <= 8:
                return "One of " + ", ".join(f"`{json.dumps(value)}`" for value in values)
            return f"A `{type_ref.name}` value"
        if kind in ("model", "union"):
            definition = self.layout.models.get(type_ref.name) or self.layout.unions[type_ref.name]
            doc = first_sentence(definition.doc).rstrip(".")
            return doc or f"A `{type_ref.name}`"
        if kind == "list" and type_ref.item is not None:
            text = "A list; each item: " + self._describe(type_ref.item)[0].lower()
            return text + self._describe(type_ref.item)[1:] + _count_limits(limits)
        if kind == "map" and type_ref.item is not None:
            item = self._describe(type_ref.item)
            return f"A mapping of names to values; each value: {item[0].lower()}{item[1:]}"
        if kind == "string":
            text = _STRING_WORDS.get(type_ref.format or "", "A string")
            text += _length_limits(limits)
            if limits.pattern:
                text += f" matching `{limits.pattern}`"
            return text
        if kind in ("integer", "number"):
            return ("An integer" if kind == "integer" else "A number") + _number_limits(limits)
        return _KIND_WORDS[kind]


_STRING_WORDS = {
    "date": "A date (YYYY-MM-DD)",
    "date-time": "A date and time (ISO 8601)",
    "uuid": "A UUID",
    "email": "An email address",
    "uri": "A URL",
    "url": "A URL",
    "binary": "Binary content",
    "ipv4": "An IPv4 address",
    "ipv6": "An IPv6 address",
    "hostname": "A host name",
}
_KIND_WORDS = {
    "boolean": "True or False",
    "null": "None",
    "any": "Any JSON value",
    "object": "A JSON object",
}


def _length_limits(limits: ir.Constraints) -> str:
    counted = _counted(limits.min_length, limits.max_length, "characters")
    return f" of {counted}" if counted else ""


def _count_limits(limits: ir.Constraints) -> str:
    counted = _counted(limits.min_items, limits.max_items, "items")
    return f" ({counted})" if counted else ""


def _counted(low: int | None, high: int | None, unit: str) -> str:
    """ "3 to 5 items", "at most 5 items", ... or "" without limits."""
    if low is not None and high is not None:
        return f"exactly {low} {unit}" if low == high else f"{low} to {high} {unit}"
    if high is not None:
        return f"at most {high} {unit}"
    if low:
        return f"at least {low} {unit}"
    return ""


def _number_limits(limits: ir.Constraints) -> str:
    parts = []
    if limits.minimum is not None and limits.maximum is not None:
        parts.append(f"from {limits.minimum} to {limits.maximum}")
    elif limits.minimum is not None:
        parts.append(f"at least {limits.minimum}")
    elif limits.maximum is not None:
        parts.append(f"at most {limits.maximum}")
    if limits.exclusive_minimum is not None:
        parts.append(f"greater than {limits.exclusive_minimum}")
    if limits.exclusive_maximum is not None:
        parts.append(f"less than {limits.exclusive_maximum}")
    if limits.multiple_of is not None:
        parts.append(f"a multiple of {limits.multiple_of}")
    return " " + " and ".join(parts) if parts else ""


def constraint_arguments(limits: ir.Constraints) -> str:
    """The keyword arguments of `pydantic.Field` that enforce the constraints, or ""."""
    if limits.is_empty():
        return ""
    pairs = (
        ("ge", limits.minimum),
        ("gt", limits.exclusive_minimum),
        ("le", limits.maximum),
        ("lt", limits.exclusive_maximum),
        ("multiple_of", limits.multiple_of),
        ("min_length", limits.min_length if limits.min_length is not None else limits.min_items),
        ("max_length", limits.max_length if limits.max_length is not None else limits.max_items),
        ("pattern", limits.pattern),
    )
    return ", ".join(f"{name}={py_literal(value)}" for name, value in pairs if value is not None)


# ---------------------------------------------------------------------------------------------
# Models and their fields


@dataclass(frozen=True, slots=True)
class FieldLine:
    """One field of a pydantic model, ready to write: `name: annotation = default` + its doc."""

    text: str
    doc: str


@dataclass(frozen=True, slots=True)
class ChecksModel:
    """The model that checks the constrained arguments of one or more operations."""

    name: str  # _UpdateArguments, or _ZoneIdArguments when shared by path parameters alone
    operations: tuple[str, ...]
    fields: tuple[FieldLine, ...]

    @property
    def doc(self) -> str:
        named = [f"`{name}`" for name in self.operations]
        listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        return f"The arguments of {listed} with constraints the client checks."


def field_line(
    imports: Imports,
    name: str,
    key: str,
    annotation: str,
    *,
    required: bool,
    doc: str = "",
    constraints: str = "",
) -> FieldLine:
    """A field of a model class body. `key` is the field's name in the data it validates; when
    the python name differs (a name pydantic reserves, or a wire name that is no identifier)
    the key becomes its alias."""
    python_name = model_attribute(name)
    options = []
    if not required:
        if "None" not in _top_level_parts(annotation):
            annotation += " | None"
        options.append("None")
    if python_name != key:
        literal = escape(key, "str")
        options += [f"validation_alias={literal}", f"serialization_alias={literal}"]
    if constraints:
        options.append(constraints)
    value: Group | str = "None"
    if options != ["None"]:
        imports.add("pydantic", "Field")
        value = Group("Field(", options, ")")
    text = annotated_assignment(python_name, annotation, value, len(INDENT)) if options else None
    return FieldLine(text or f"{python_name}: {annotation}", doc)


def annotated_assignment(name: str, annotation: str, value: Group | str, indent: int) -> str:
    """`name: annotation = value`, split the way black splits it when it is too long.

    In black's order: inside the value's brackets; the value in parentheses of its own; the
    annotation in parentheses (a union) or split inside its brackets (a subscript). Past that,
    the line is left long, and the format stage hands the file to black.
    """
    pad = " " * indent
    head = f"{name}: {annotation} = "
    value_text = flat(value)
    if indent + len(head) + len(value_text) <= LINE_LENGTH:
        return head + value_text
    if isinstance(value, Group) and indent + len(head) + len(value.head) <= LINE_LENGTH:
        return dataclasses.replace(value, head=head + value.head).layout(indent)
    inner = indent + len(INDENT)
    if indent + len(head) + 1 <= LINE_LENGTH:
        return f"{head}(\n{pad}{INDENT}{layout(value, inner)}\n{pad})"
    tail: Group | str = f") = {value_text}"
    if isinstance(value, Group):
        tail = dataclasses.replace(value, head=f") = {value.head}")
    if len(_top_level_parts(annotation)) > 1 and inner + len(annotation) <= LINE_LENGTH:
        return f"{name}: (\n{pad}{INDENT}{annotation}\n{pad}{layout(tail, indent)}"
    subscript = _subscript(annotation)
    if subscript is not None and inner + len(subscript[1]) <= LINE_LENGTH:
        base, items = subscript
        return f"{name}: {base}[\n{pad}{INDENT}{items}\n{pad}]{layout(tail, indent)[1:]}"
    return head + value_text


def _subscript(annotation: str) -> tuple[str, str] | None:
    """("dict", "str, Model") for "dict[str, Model]"; None for anything but one subscript."""
    start = annotation.find("[")
    if start <= 0 or not annotation.endswith("]") or len(_top_level_parts(annotation)) > 1:
        return None
    depth = 0
    for index, char in enumerate(annotation):
        depth += (char == "[") - (char == "]")
        if depth == 0 and index >= start and index != len(annotation) - 1:
            return None  # the first bracket closes before the end: `A[x] | ...` or `A[x][y]`
    return annotation[:start], annotation[start + 1 : -1]


# ---------------------------------------------------------------------------------------------
# Operations


Location = Literal["path", "query", "header", "body", "body_whole"]


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a generated method."""

    name: str
    wire_name: str
    location: Location
    type: ir.TypeRef
    required: bool
    doc: str


@dataclass(frozen=True, slots=True)
class Method:
    """Everything a template needs to write one operation's method, constant and checks."""

    operation: ir.Operation
    constant: str  # _UPDATE
    arguments: tuple[Argument, ...]  # in the order they are sent: path, query, header, body
    positional: Argument | None  # the last path parameter
    keyword: tuple[Argument, ...]  # the others: required first, each group in spec order
    options_name: str  # the `**options` parameter, renamed if an argument is called `options`
    checked: tuple[Argument, ...]  # the arguments with constraints or enums the client checks
    checks_class: str | None  # _UpdateArguments; None when nothing is checked

    @property
    def doc(self) -> str:
        operation = self.operation
        summary = operation.summary.strip() or f"{operation.method} {operation.path}"
        description = operation.description.strip()
        if description == summary:
            description = ""
        deprecated = "Deprecated." if operation.deprecated else ""
        return paragraphs(summary, deprecated, description)

    @property
    def signature_order(self) -> tuple[Argument, ...]:
        return ((self.positional,) if self.positional else ()) + self.keyword


def _union_members(texts: Iterable[str]) -> list[str]:
    """Union members without repeats; None, split out of nullable members, once at the end."""
    members: list[str] = []
    nullable = False
    for text in texts:
        for part in _top_level_parts(text):
            if part == "None":
                nullable = True
            elif part not in members:
                members.append(part)
    return members + ["None"] if nullable else members


def _top_level_parts(annotation: str) -> list[str]:
    """The members of an annotation's outermost `|` union."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(annotation[start:index].strip())
            start = index + 1
    parts.append(annotation[start:].strip())
    return parts


_OPTIONS_DOC = "Per-call timeout, max_retries, extra_headers, extra_query and extra_body."


def query_style(parameter: ir.Parameter) -> str | None:
    """The runtime's `query_styles` entry for a query parameter, or None for exploded `form`."""
    style = parameter.style or "form"
    explode = parameter.explode if parameter.explode is not None else style == "form"
    if style == "deepObject":
        return style
    if explode or style not in ("form", "spaceDelimited", "pipeDelimited"):
        return None
    return style


def plan_method(operation: ir.Operation, namer: TypeNamer) -> Method:
    arguments = list(_arguments(operation, namer))
    names = [argument.name for argument in arguments]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RenderError(f"{operation.operation_id}: arguments share names: {duplicates}")
    path = [argument for argument in arguments if argument.location == "path"]
    positional = path[-1] if path else None
    others = [argument for argument in arguments if argument is not positional]
    keyword_only = [a for a in others if a.required] + [a for a in others if not a.required]
    name = escape(operation.name, "ident")
    checked = tuple(argument for argument in arguments if namer.has_checks(argument.type))
    return Method(
        operation=operation,
        constant="_" + name.upper(),
        arguments=tuple(arguments),
        positional=positional,
        keyword=tuple(keyword_only),
        options_name="request_options" if "options" in names else "options",
        checked=checked,
        checks_class=f"_{_pascal(name)}Arguments" if checked else None,
    )


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _arguments(operation: ir.Operation, namer: TypeNamer) -> Iterator[Argument]:
    for parameter in operation.parameters:
        if parameter.location == "cookie":
            raise RenderError(f"{parameter.pointer}: cookie parameters are not supported")
        yield Argument(
            name=escape(parameter.name, "ident"),
            wire_name=parameter.wire_name,
            location=parameter.location,
            type=parameter.type,
            required=parameter.required,
            doc=_argument_doc(parameter, namer),
        )
    body = operation.request_body
    if body is None:
        return
    if not body.fields:
        yield Argument(
            name=escape(body.body_name, "ident"),
            wire_name=body.body_name,
            location="body_whole",
            type=body.type,
            required=body.required,
            doc=body.doc.strip() or namer.describe(body.type),
        )
        return
    for body_field in body.fields:
        if body_field.read_only:
            continue
        yield Argument(
            name=escape(body_field.name, "ident"),
            wire_name=body_field.wire_name,
            location="body",
            type=body_field.type,
            # a field the body requires is optional when the body itself is
            required=body_field.required and body.required,
            doc=_argument_doc(body_field, namer),
        )


def _argument_doc(source: ir.Parameter | ir.Field, namer: TypeNamer) -> str:
    text = source.doc.strip() or namer.describe(source.type)
    if source.deprecated:
        text = "Deprecated. " + text
    if source.has_default:
        text = text.rstrip() + f" Defaults to `{json.dumps(source.default)}` on the server."
    return text


# ---------------------------------------------------------------------------------------------
# Code: the pieces of Python the templates place


class Code:
    """Builds the lines templates place whose layout depends on their length: signatures,
    calls, constants, model fields. Templates call it; it reads the IR through the plans."""

    def __init__(self, layout: Layout, config: Config) -> None:
        self.layout = layout
        self.config = config
        self.types = TypeNamer(layout)

    # types modules

    def enum_alias(self, enum: ir.EnumType, where: Where) -> str:
        """`Name = Annotated[Literal[...], OPEN_ENUM]`; a float enum is only a float."""
        name = escape(enum.name, "ident")
        values = [member.value for member in enum.members]
        if enum.value_type == "number" and not all(float(v).is_integer() for v in values):
            return f"{name} = float"
        literals = [py_literal(int(v) if enum.value_type == "number" else v) for v in values]
        where.imports.add("typing", "Annotated", "Literal")
        where.imports.local("_models", "OPEN_ENUM")
        return Group(
            f"{name} = Annotated[", [Group("Literal[", literals, "]"), "OPEN_ENUM"], "]"
        ).layout()

    def union_alias(self, union: ir.Union, where: Where) -> str:
        name = escape(union.name, "ident")
        members = _union_members(self.types.annotation(member, where) for member in union.members)
        if union.name in self.layout.discriminated and union.discriminator is not None:
            where.imports.add("typing", "Annotated")
            where.imports.add("pydantic", "Field")
            model = self.layout.models[union.members[0].name]
            tag = next(f for f in model.fields if f.wire_name == union.discriminator.property_name)
            tag_field = field_line(where.imports, tag.name, tag.wire_name, "str", required=True)
            python_name = tag_field.text.split(":")[0]
            options = [f"discriminator={escape(python_name, 'str')}"]
            union_group = Group("(", members, ")", separator="|", optional_parens=True)
            return Group(
                f"{name} = Annotated[", [union_group, Group("Field(", options, ")")], "]"
            ).layout()
        if len(members) == 1:
            return f"{name} = {members[0]}"
        return Group(f"{name} = (", members, ")", separator="|", optional_parens=True).layout()

    def model_fields(self, model: ir.Model, where: Where) -> list[FieldLine]:
        lines = []
        for model_field in model.fields:
            tags = self.layout.tags.get((model.name, model_field.wire_name))
            if tags:
                where.imports.add("typing", "Literal")
                annotation = f"Literal[{', '.join(escape(tag, 'str') for tag in tags)}]"
                required = True
            else:
                annotation = self.types.annotation(model_field.type, where)
                required = model_field.required
            doc = model_field.doc
            if model_field.deprecated:
                doc = paragraphs("Deprecated.", doc)
            lines.append(
                field_line(
                    where.imports,
                    escape(model_field.name, "ident"),
                    model_field.wire_name,
                    annotation,
                    required=required,
                    doc=doc,
                )
            )
        extra = model.additional_properties
        if extra is not None and extra.kind != "any":
            where.imports.add("pydantic", "Field")
            annotation = self.types.annotation(extra, where)
            text = annotated_assignment(
                "__pydantic_extra__", f"dict[str, {annotation}]", "Field(init=False)", len(INDENT)
            )
            lines.append(FieldLine(text, "The keys beyond the declared fields."))
        return lines

    # resource modules

    def checks_fields(self, method: Method, where: Where) -> list[FieldLine]:
        """The fields of a method's checks model: the arguments with something to check."""
        where.imports.local("_models", "APIModel")
        lines = []
        for argument in method.checked:
            annotation = self.types.annotation(argument.type, where, checks=True)
            constraints = constraint_arguments(argument.type.constraints)
            lines.append(
                field_line(
                    where.imports,
                    argument.name,
                    argument.name,
                    annotation,
                    required=argument.required,
                    constraints=constraints,
                )
            )
        return lines

    def endpoint(self, method: Method, where: Where) -> str:
        """The module-level `Endpoint` constant of a method."""
        operation = method.operation
        options: list[Group | str] = [
            f"method={escape(operation.method, 'str')}",
            f"path={escape(operation.path, 'str')}",
        ]
        if method.arguments:
            triples = [
                Group(
                    "(",
                    [
                        escape(argument.name, "str"),
                        escape(argument.wire_name, "str"),
                        escape(argument.location, "str"),
                    ],
                    ")",
                    display=True,
                )
                for argument in method.arguments
            ]
            options.append(Group("arguments=(", triples, ")", display=True, one_tuple=True))
        if method.checks_class:
            options.append(f"checks={method.checks_class}")
        payload = operation.payload
        unwrap = self._unwrap(payload)
        if unwrap is not None:
            options.append(f"unwrap={unwrap}")
        result = self.result_type(method, where)
        if result != "None":
            options.append(f"response_type={result}")
        body = operation.request_body
        if body is not None and body.content_type != "application/json":
            options.append(f"content_type={escape(body.content_type, 'str')}")
        if body is not None and body.required and body.fields:
            options.append("body_required=True")
        styles = [
            Group("(", [escape(p.wire_name, "str"), escape(style, "str")], ")", display=True)
            for p in operation.parameters
            if p.location == "query" and (style := query_style(p)) is not None
        ]
        if styles:
            options.append(Group("query_styles=(", styles, ")", display=True, one_tuple=True))
        if operation.pagination is not None:
            options.append("paginated=True")
            if operation.pagination.page_parameter != "page":
                options.append(
                    f"page_argument={escape(operation.pagination.page_parameter, 'str')}"
                )
        where.imports.local("_endpoint", "Endpoint")
        # annotated rather than `Endpoint[T](...)`: a frozen, slotted dataclass refuses the
        # `__orig_class__` that calling a subscripted generic sets
        call = Group("Endpoint(", options, ")")
        return annotated_assignment(method.constant, f"Endpoint[{result}]", call, 0)

    @staticmethod
    def _unwrap(payload: ir.Payload) -> str | None:
        if payload.kind == "body":
            return "None"
        if payload.kind == "fields":
            return Group(
                "(",
                [escape(name, "str") for name in payload.fields],
                ")",
                display=True,
                one_tuple=True,
            ).flat()
        return None  # "result" is the default; "none" reads no body

    def result_type(self, method: Method, where: Where) -> str:
        """What one call returns (the item type for a paginated operation)."""
        operation = method.operation
        if operation.pagination is not None:
            return self.types.annotation(operation.pagination.item, where)
        payload = operation.payload
        if payload.kind == "none" or payload.type is None:
            return "None"
        return self.types.annotation(payload.type, where)

    def signature(self, method: Method, where: Where, is_async: bool) -> str:
        where.imports.add("typing", "Unpack")
        where.imports.local("_types", "RequestOptions")
        parameters: list[Group | str] = ["self"]
        if method.positional is not None:
            parameters.append(self._parameter(method.positional, where))
        if method.keyword:
            parameters.append("*")
            parameters += [self._parameter(argument, where) for argument in method.keyword]
        parameters.append(f"**{method.options_name}: Unpack[RequestOptions]")
        returns = self.result_type(method, where)
        if method.operation.pagination is not None:
            page = "AsyncPage" if is_async else "SyncPage"
            where.imports.local("_pagination", page)
            returns = f"{page}[{returns}]"
        head = f"{'async ' if is_async else ''}def {method.operation.name}("
        return Group(head, parameters, f") -> {returns}:", signature=True).layout(len(INDENT))

    def _parameter(self, argument: Argument, where: Where) -> str:
        annotation = self.types.annotation(argument.type, where, "request")
        default = ""
        if not argument.required:
            where.imports.local("_types", "NOT_GIVEN", "NotGiven")
            annotation += " | NotGiven"
            default = " = NOT_GIVEN"
        line = f"{argument.name}: {annotation}{default}"
        if 2 * len(INDENT) + len(line) + 1 <= LINE_LENGTH:
            return line
        subscript = _subscript(annotation)
        if not default:
            # black splits a long annotation without a default inside its brackets
            if subscript is None or 3 * len(INDENT) + len(subscript[1]) > LINE_LENGTH:
                return line  # left long: the format stage hands the file to black
            base, items = subscript
            return f"{argument.name}: {base}[\n{INDENT * 3}{items}\n{INDENT * 2}]"
        # black puts a long annotation with a default in parentheses of its own
        members = Group("", _top_level_parts(annotation), "", separator="|")
        parenthesized = Group(f"{argument.name}: (", [members], f"){default}", expression=True)
        return parenthesized.layout(2 * len(INDENT), 1)

    def call(self, method: Method, is_async: bool) -> str:
        """The body of a method: hand the arguments to the client."""
        function = "_request_page" if method.operation.pagination is not None else "_request"
        entries = [f"{escape(a.name, 'str')}: {a.name}" for a in method.arguments]
        items: list[Group | str] = [method.constant, Group("{", entries, "}", display=True)]
        items.append(f"**{method.options_name}")
        head = f"return {'await ' if is_async else ''}self.{function}("
        return Group(head, items, ")").layout(2 * len(INDENT))

    def method_doc(self, method: Method) -> str:
        entries = tuple((argument.name, argument.doc) for argument in method.signature_order)
        entries += ((f"**{method.options_name}", _OPTIONS_DOC),)
        return docstring(method.doc, 2 * len(INDENT), entries)

    def raw_wrapper(self, method: Method, is_async: bool, imports: Imports) -> str:
        wrapper = "async_to_raw_response_wrapper" if is_async else "to_raw_response_wrapper"
        imports.local("_response", wrapper)
        name = method.operation.name
        return Group(f"self.{name} = {wrapper}(", [f"resource.{name}"], ")").layout(2 * len(INDENT))

    # the client

    def client_doc(self, api: ir.Api, config: Config, auth: AuthPlan, is_async: bool) -> str:
        kind = "asynchronous" if is_async else "synchronous"
        http_client = "httpx.AsyncClient" if is_async else "httpx.Client"
        entries = [
            (
                scheme.argument,
                paragraphs(
                    first_sentence(scheme.doc) or f"The `{scheme.parameter_name}` credential.",
                    f"Defaults to the `{scheme.env_var}` environment variable.",
                ),
            )
            for scheme in auth.schemes
        ]
        entries += [
            (
                "base_url",
                f"The API root. Defaults to the `{config.base_url_env_var}` environment variable, "
                f"else `{api.base_url}`.",
            ),
            (
                "timeout",
                "Seconds to wait for each attempt, or an `httpx.Timeout`; None waits forever.",
            ),
            ("max_retries", "How often a failed idempotent request is retried."),
            ("default_headers", "Headers sent with every request."),
            (
                "http_client",
                f"An `{http_client}` to send with (proxies, transports, ...); the caller closes "
                "it. By default the client makes its own and closes it.",
            ),
            ("validate_requests", "Check arguments against the spec's constraints before sending."),
            ("retry_non_idempotent", "Retry POST and PATCH requests too."),
        ]
        summary = f"The {kind} client of the {api.title}."
        if auth.alternatives:
            ways = ", or with ".join(
                " and ".join(f"`{self.auth_argument(auth, name)}`" for name in alternative)
                for alternative in auth.alternatives
            )
            summary = paragraphs(summary, f"Authenticate with {ways}.")
        return docstring(summary, len(INDENT), tuple(entries))

    @staticmethod
    def auth_argument(auth: AuthPlan, scheme_name: str) -> str:
        """The client argument of a security scheme."""
        return next(scheme.argument for scheme in auth.schemes if scheme.name == scheme_name)

    def auth_call(self, auth: AuthPlan) -> str:
        entries = [
            f"{escape(scheme.argument, 'str')}: {escape(scheme.argument, 'ident')}"
            for scheme in auth.schemes
        ]
        return Group(
            "auth_headers=_auth_headers(", [Group("{", entries, "}", display=True)], ")"
        ).layout(3 * len(INDENT))

    def credentials_table(self, auth: AuthPlan) -> str:
        rows: list[Group | str] = []
        for scheme in auth.schemes:
            header, prefix = auth.header(scheme)
            values = [scheme.argument, scheme.env_var, header, prefix]
            rows.append(Group("(", [escape(value, "str") for value in values], ")", display=True))
        return Group("_CREDENTIALS: Final = (", rows, ")", display=True, one_tuple=True).layout()

    def alternatives_table(self, auth: AuthPlan) -> str:
        rows: list[Group | str] = [
            Group(
                "(",
                [escape(self.auth_argument(auth, name), "str") for name in alternative],
                ")",
                display=True,
                one_tuple=True,
            )
            for alternative in auth.alternatives
        ]
        return Group("_ALTERNATIVES: Final = (", rows, ")", display=True, one_tuple=True).layout()

    # README examples

    def example(self, resource: ir.Resource, operation: ir.Operation, client: str) -> str:
        """A README snippet calling one operation and using what it returns."""
        call = self.example_call(resource, operation, "", indent=0)
        if operation.pagination is not None:
            return f"client = {client}()\nfor item in {call.removeprefix('result = ')}:\n    print(item)"
        if operation.payload.kind == "none":
            return f"client = {client}()\n{call.removeprefix('result = ')}"
        return f"client = {client}()\n{call}\nprint(result)"

    def example_call(
        self, resource: ir.Resource, operation: ir.Operation, await_: str, indent: int = 8
    ) -> str:
        method = plan_method(operation, self.types)
        body = operation.request_body
        body_example = body.example if body is not None and isinstance(body.example, dict) else {}
        arguments: list[Group | str] = []
        optional = 0
        for argument in method.signature_order:
            source = self._example_source(operation, argument)
            value: Group | str
            if argument.wire_name in body_example and argument.location == "body":
                value = literal_group(body_example[argument.wire_name])
            elif source is not None and source.has_example:
                value = literal_group(source.example)
            elif argument.required:
                value = self._placeholder(argument.type)
            else:
                continue
            if not argument.required:
                optional += 1
                if optional > 3:
                    continue
            if argument is not method.positional:
                value = prefixed(f"{argument.name}=", value)
            arguments.append(value)
        target = f"client.{'.'.join(resource.path)}.{operation.name}("
        return Group(f"result = {await_}{target}", arguments, ")").layout(indent)

    @staticmethod
    def _example_source(
        operation: ir.Operation, argument: Argument
    ) -> ir.Parameter | ir.Field | None:
        for parameter in operation.parameters:
            if parameter.name == argument.name:
                return parameter
        body = operation.request_body
        if body is not None:
            for body_field in body.fields:
                if body_field.name == argument.name:
                    return body_field
        return None

    def _placeholder(self, type_ref: ir.TypeRef, depth: int = 0) -> Group | str:
        """A value of the right type when the spec gives no example: an object model is a dict
        of its required fields (their examples where the spec has them), a union its first
        member, an enum its first value."""
        kind = type_ref.kind
        if kind == "enum":
            return py_literal(self.layout.enums[type_ref.name].members[0].value)
        if kind == "integer":
            return str(type_ref.constraints.minimum or 1)
        if kind == "number":
            return str(float(type_ref.constraints.minimum or 1))
        if kind == "boolean":
            return "True"
        if kind == "list" and type_ref.item is not None:
            return Group("[", [self._placeholder(type_ref.item, depth)], "]", display=True)
        if kind == "union":
            return self._placeholder(self.layout.unions[type_ref.name].members[0], depth)
        if kind == "model" and depth < 3:
            entries: list[Group | str] = []
            for model_field in self.layout.models[type_ref.name].fields:
                tags = self.layout.tags.get((type_ref.name, model_field.wire_name))
                value: Group | str
                if tags:
                    value = py_literal(tags[0])
                elif model_field.has_example:
                    value = py_literal(model_field.example)
                elif model_field.required:
                    value = self._placeholder(model_field.type, depth + 1)
                else:
                    continue
                entries.append(prefixed(f"{escape(model_field.wire_name, 'str')}: ", value))
            return Group("{", entries, "}", display=True)
        if kind in ("model", "map", "object"):
            return "{}"
        return '"..."'


# ---------------------------------------------------------------------------------------------
# The environment and the render entry point


def group(
    head: str, items: Sequence[str], tail: str, indent: int = 0, display: bool = False
) -> str:
    """Template access to `Group`: a bracketed list of items laid out as black would."""
    return Group(head, items, tail, display=display).layout(indent)


def long_string(text: str, indent: int) -> str:
    """A string literal, split into adjacent literals on lines of their own when it is long."""
    width = LINE_LENGTH - indent - 2
    if len(text) <= width:
        return escape(text, "str")
    pieces = textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)
    return ("\n" + " " * indent).join(escape(piece, "str") for piece in pieces)


def def_line(name: str, returns: str, indent: int) -> str:
    """`def name(self) -> returns:` for a property, laid out as black would."""
    return Group(f"def {name}(", ["self"], f") -> {returns}:", signature=True).layout(indent)


def import_line(module: str, names: Sequence[str], indent: int) -> str:
    """A `from module import names` statement at `indent` columns."""
    return _from(module, names, indent // len(INDENT)).replace("\n", "\n" + " " * indent)


def all_list(names: Iterable[str]) -> str:
    """The `__all__` statement of a module."""
    items = [escape(name, "str") for name in sorted(set(names))]
    return Group("__all__ = [", items, "]", display=True).layout()


def enum_doc(enum: ir.EnumType) -> str:
    """An enum's docstring: its description, then its documented members."""
    members = [
        f"- `{json.dumps(m.value)}`: {' '.join(m.doc.split())}"
        for m in enum.members
        if m.doc.strip()
    ]
    return paragraphs(enum.doc, "\n".join(members))


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, but for DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        auto_reload=False,  # templates do not change during a run: no stat() per use
        extensions=["jinja2.ext.do"],
    )
    environment.filters.update(
        escape=escape,
        literal=py_literal,
        docstring=docstring,
        first_sentence=first_sentence,
        enum_doc=enum_doc,
        toml=toml_string,
        long_string=long_string,
    )
    environment.globals.update(
        group=group,
        all_list=all_list,
        def_line=def_line,
        import_line=import_line,
    )
    return environment


_ENVIRONMENT: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The one environment, built on first use; its templates are compiled once per process."""
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        _ENVIRONMENT = _environment()
    return _ENVIRONMENT


def render(api: ir.Api, config: Config) -> dict[PurePosixPath, str]:
    """Every file of the generated package, by path relative to the out dir."""
    return _Renderer(api, config).files()


@dataclass(slots=True)
class TypesModule:
    enums: list[ir.EnumType] = field(default_factory=list)
    models: list[ir.Model] = field(default_factory=list)
    unions: list[ir.Union] = field(default_factory=list)


class _Renderer:
    def __init__(self, api: ir.Api, config: Config) -> None:
        self.api = api
        self.config = config
        self.layout = Layout(api)
        self.code = Code(self.layout, config)
        self.package = PurePosixPath("src") / escape(config.package_name, "ident")
        self.env = environment()
        self.auth = auth_plan(api)

    def files(self) -> dict[PurePosixPath, str]:
        out: dict[PurePosixPath, str] = {}
        common = {"api": self.api, "config": self.config, "code": self.code, "auth": self.auth}
        out[PurePosixPath("pyproject.toml")] = self._template("pyproject.toml.j2", **common)
        examples = self._examples()
        resources = sum(1 for root in self.api.resources for _ in _walk(root))
        out[PurePosixPath("README.md")] = self._template(
            "README.md.j2", **common, examples=examples, resource_count=resources
        )
        out[self.package / "py.typed"] = ""
        for source in sorted(RUNTIME.glob("_*.py")):
            if source.name != "__init__.py":
                out[self.package / source.name] = source.read_text(encoding="utf-8")
        out[self.package / "__init__.py"] = self._template(
            "package_init.py.j2", **common, imports=Imports(depth=1)
        )
        out[self.package / "_version.py"] = self._template("version.py.j2", **common)
        out[self.package / "_client.py"] = self._client()
        modules = self._types_modules()
        example = next((module for module in modules if module != SHARED_TYPES), SHARED_TYPES)
        out[self.package / "types" / "__init__.py"] = self._template(
            "types_init.py.j2", **common, example_module=example
        )
        for module, content in modules.items():
            out[self.package / "types" / f"{module}.py"] = self._types_module(module, content)
        out[self.package / "resources" / "__init__.py"] = self._template(
            "resources_init.py.j2", **common
        )
        for root in self.api.resources:
            for resource in _walk(root):
                out.update(self._resource(resource))
        from .render_tests import render_tests  # it builds on this module's layout

        out.update(render_tests(self.api, self.config, self.env))
        return dict(sorted(out.items()))

    def _template(self, name: str, **context: object) -> str:
        return self.env.get_template(name).render(**context)

    def _types_modules(self) -> dict[str, TypesModule]:
        """Each types module and the definitions it holds, in the IR's order."""
        modules: dict[str, TypesModule] = {}
        for kind, definitions in (
            ("enums", self.api.enums),
            ("models", self.api.models),
            ("unions", self.api.unions),
        ):
            for definition in definitions:
                module = self.layout.type_module.get(definition.name)
                if module is not None:
                    getattr(modules.setdefault(module, TypesModule()), kind).append(definition)
        return dict(sorted(modules.items()))

    def _types_module(self, module: str, content: TypesModule) -> str:
        where = Where(Imports(depth=2), types_module=module)
        return self._template(
            "types.py.j2",
            api=self.api,
            config=self.config,
            code=self.code,
            module=module,
            module_doc=(
                "Models used by the resources of several top-level groups."
                if module == SHARED_TYPES
                else f"Models of `client.{module}` and its resources."
            ),
            where=where,
            imports=where.imports,
            enums=content.enums,
            models=content.models,
            unions=_dependency_order(content.unions),
        )

    def _client(self) -> str:
        imports = Imports(depth=1)
        return self._template(
            "client.py.j2",
            api=self.api,
            config=self.config,
            code=self.code,
            imports=imports,
            roots=self.api.resources,
            auth=self.auth,
        )

    def _resource(self, resource: ir.Resource) -> dict[PurePosixPath, str]:
        file = self.layout.resource_files[resource.path]
        imports = Imports(depth=file.depth)
        module_where = Where(imports)
        methods = [plan_method(operation, self.code.types) for operation in resource.operations]
        methods, checks_models = self._checks_models(methods, module_where)
        names = [method.operation.name for method in methods]
        names += [child.name for child in resource.children] + ["with_raw_response"]
        clashes = sorted({name for name in names if names.count(name) > 1})
        if clashes:
            raise RenderError(f"{resource.class_name}: methods and children share names {clashes}")
        shadowed = frozenset(names) & _BUILTIN_TYPES
        text = self._template(
            "resource.py.j2",
            api=self.api,
            config=self.config,
            code=self.code,
            resource=resource,
            methods=methods,
            checks_models=checks_models,
            imports=imports,
            module_where=module_where,
            class_where=Where(imports, shadowed=shadowed),
            children=[
                (child, self.layout.resource_files[child.path]) for child in resource.children
            ],
        )
        files = {self.package / file.path: text}
        if resource.children:
            init = self._template("resource_package.py.j2", resource=resource, own=file.path.stem)
            files[self.package / file.path.parent / "__init__.py"] = init
        return files

    def _checks_models(
        self, methods: list[Method], where: Where
    ) -> tuple[list[Method], list[ChecksModel]]:
        """The methods' checks models, one per distinct set of fields, and the methods pointing
        at the one they use.

        Operations that check the same arguments share a model: a PUT and a PATCH of one body
        share the first one's (`_UpdateArguments`); operations that check only the same path
        parameters share one named after them (`_ZoneIdArguments`).
        """
        users: dict[tuple[FieldLine, ...], list[Method]] = {}
        for method in methods:
            if method.checks_class is not None:
                users.setdefault(tuple(self.code.checks_fields(method, where)), []).append(method)
        taken = {method.checks_class for method in methods}
        models: list[ChecksModel] = []
        name_of: dict[str, str] = {}  # operation name -> its checks model
        for fields, sharing in users.items():
            name = sharing[0].checks_class
            assert name is not None
            checked = sharing[0].checked
            if len(sharing) > 1 and all(argument.location == "path" for argument in checked):
                by_arguments = "_" + "".join(_pascal(a.name) for a in checked) + "Arguments"
                if by_arguments not in taken:
                    name = by_arguments
                    taken.add(name)
            models.append(ChecksModel(name, tuple(m.operation.name for m in sharing), fields))
            name_of.update((method.operation.name, name) for method in sharing)
        planned = [
            (
                dataclasses.replace(method, checks_class=name_of[method.operation.name])
                if method.checks_class is not None
                else method
            )
            for method in methods
        ]
        return planned, models

    def _examples(self) -> list[tuple[ir.Resource, ir.Operation]]:
        """One operation per resource to show in the README (the first that reads, else the
        first): for every resource of a small API, for the largest ones of a big API."""
        resources = [
            resource
            for root in self.api.resources
            for resource in _walk(root)
            if resource.operations
        ]
        if len(resources) > README_EXAMPLES:
            largest = sorted(resources, key=lambda resource: -len(resource.operations))
            chosen = {resource.path for resource in largest[:README_EXAMPLES]}
            resources = [resource for resource in resources if resource.path in chosen]
        examples = []
        for resource in resources:
            reads = [op for op in resource.operations if op.method == "GET"]
            examples.append((resource, (reads or list(resource.operations))[0]))
        return examples


def _dependency_order(unions: list[ir.Union]) -> list[ir.Union]:
    """Unions ordered so that each comes after the unions of this module it is built from
    (a union alias is evaluated when the module is imported; models and enums come first)."""
    by_name = {union.name: union for union in unions}
    ordered: list[ir.Union] = []
    state: dict[str, bool] = {}  # False while visiting, True once placed

    def visit(union: ir.Union) -> None:
        if state.get(union.name) is True:
            return
        if state.get(union.name) is False:
            raise RenderError(f"union {union.name!r} is built from itself with no model between")
        state[union.name] = False
        for member in union.members:
            current: ir.TypeRef | None = member
            while current is not None:
                if current.kind == "union" and current.name in by_name:
                    visit(by_name[current.name])
                current = current.item
        state[union.name] = True
        ordered.append(union)

    for union in unions:
        visit(union)
    return ordered


# ---------------------------------------------------------------------------------------------
# Authentication and examples


@dataclass(frozen=True, slots=True)
class AuthPlan:
    """The ways the client can authenticate: schemes it takes credentials for, and the
    combinations of them the API accepts, tried in order."""

    schemes: tuple[ir.SecurityScheme, ...]
    alternatives: tuple[tuple[str, ...], ...]
    optional: bool  # some operations need no credentials at all

    def header(self, scheme: ir.SecurityScheme) -> tuple[str, str]:
        """(header name, value prefix) of a scheme."""
        if scheme.kind == "bearer":
            return ("Authorization", "Bearer ")
        if scheme.kind == "api_key" and scheme.location == "header":
            return (scheme.parameter_name, "")
        raise RenderError(
            f"{scheme.pointer}: {scheme.kind} credentials in a {scheme.location} are not supported"
        )

    def missing_message(self) -> str:
        """What the error says when no alternative is complete."""
        by_name = {scheme.name: scheme for scheme in self.schemes}
        ways = []
        for alternative in self.alternatives:
            schemes = [by_name[name] for name in alternative]
            arguments = " and ".join(f"{scheme.argument}=" for scheme in schemes)
            variables = " and ".join(scheme.env_var for scheme in schemes)
            ways.append(f"pass {arguments} (or set {variables})")
        return "No credentials: " + ", or ".join(ways) + "."


def auth_plan(api: ir.Api) -> AuthPlan:
    """The schemes the client takes credentials for and the alternatives it tries, in order."""
    alternatives = list(api.security)
    if not alternatives:
        # no default: the alternatives operations accept, the most widely accepted first
        counts: dict[tuple[str, ...], int] = {}
        for operation in api.operations():
            for alternative in operation.security:
                counts[alternative] = counts.get(alternative, 0) + 1
        alternatives = sorted(counts, key=lambda alternative: -counts[alternative])
    optional = () in alternatives or not alternatives
    kept = tuple(alternative for alternative in alternatives if alternative)
    used = {name for alternative in kept for name in alternative}
    schemes = tuple(scheme for scheme in api.security_schemes if scheme.name in used)
    known = {scheme.name for scheme in schemes}
    missing = sorted(used - known)
    if missing:
        raise RenderError(f"security alternatives name undefined schemes: {missing}")
    return AuthPlan(schemes, kept, optional)
