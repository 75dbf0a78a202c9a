"""Load an OpenAPI description: parse its files, follow `$ref`s, and find lines for diagnostics.

`load_spec` reads the entry file and checks that it is an OpenAPI 3.0.x or 3.1.x document.
Files named by cross-file `$ref`s are read only when a reference into them is resolved.

Each file's raw text is kept; lines are computed only when a diagnostic asks for one, so
loading costs little more than parsing. JSON is searched by scanning the text along the
pointer (remembering what it passed); YAML is composed into a node tree on the first lookup.

YAML is read the way JSON would be: mapping keys are always strings (`200:` is "200") and
timestamps stay strings, so a YAML spec and its JSON twin load to the same data.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote

import yaml
from yaml.constructor import ConstructorError

from .diagnostics import Diagnostic, Severity, SpecError

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_SUPPORTED_VERSION = re.compile(r"3\.[01]\.\d+")
_FIX_SYNTAX = "fix the syntax at this line."
_NOT_WHITESPACE = re.compile(r"[^ \t\n\r]")


class _SpecYamlLoader(_BaseLoader):
    """A safe YAML loader whose output matches what the same document would give as JSON."""

    yaml_implicit_resolvers = {
        first_char: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
        for first_char, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        self.flatten_mapping(node)
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found a key that is not a plain value (OpenAPI keys are strings)",
                    key_node.start_mark,
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


def escape_segment(key: str | int) -> str:
    """One JSON pointer segment for a mapping key or list index (`~` -> `~0`, `/` -> `~1`)."""
    return str(key).replace("~", "~0").replace("/", "~1")


def unescape_segment(segment: str) -> str:
    """The mapping key or list index a JSON pointer segment stands for."""
    return segment.replace("~1", "/").replace("~0", "~")


def pointer_from_path(path: Iterable[str | int]) -> str:
    """`#/a/b~1c` from the keys and indexes `["a", "b/c"]`; `#` for the empty path."""
    return "#" + "".join("/" + escape_segment(part) for part in path)


_MISSING = object()


def _member(value: Any, key: str) -> Any:
    """`value[key]` of a mapping, `value[int(key)]` of a list; `_MISSING` when there is none."""
    if isinstance(value, dict):
        return value.get(key, _MISSING)
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        return value[int(key)]
    return _MISSING


def _segments(pointer: str) -> list[str]:
    """The escaped segments of `#/a/b` (`["a", "b"]`); none for `#` or ``."""
    return pointer.lstrip("#").split("/")[1:]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, then leave it as it was (off stays off).

    For work that builds many objects and frees few: each collection they trigger would walk
    every object built so far and free nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _skip_whitespace(text: str, offset: int) -> int:
    """Offset of the first character at or after `offset` that is not JSON whitespace."""
    match = _NOT_WHITESPACE.search(text, offset)
    return len(text) if match is None else match.start()


@dataclass(frozen=True, slots=True)
class Located:
    """A node of a spec document and where it is."""

    file: Path  # the document the node lives in (absolute, normalised)
    pointer: str  # JSON pointer inside it, "#/components/schemas/Foo" ("#" for the root)
    value: Any  # the parsed node (dict/list/str/...)


class _JsonLines:
    """Finds the line of a pointer's node in JSON text without indexing the whole file.

    In a file on one line (minified JSON) every node that exists is on line 1. Otherwise
    each container is scanned member by member only as far as a lookup needs, and where every
    member passed starts is remembered, so later lookups resume instead of rescanning.
    """

    def __init__(self, text: str, document: Any) -> None:
        self._text = text
        self._document = document
        self._single_line = "\n" not in text.rstrip()
        self._decoder = json.JSONDecoder()
        self._value_offsets = {"#": _skip_whitespace(text, 0)}
        self._member_offsets: dict[str, int] = {}  # where the key (or list item) starts
        self._cursors: dict[str, tuple[int, int]] = {}  # container -> (offset, next index)
        self._finished: set[str] = set()

    def line(self, pointer: str) -> int:
        """1-based line of the node (its key, for a mapping member); 0 when there is none."""
        if self._single_line:
            return 1 if self._exists(pointer) else 0
        current = "#"
        # skipping decodes many short-lived, acyclic objects beside the loaded documents
        with collector_paused():
            for segment in _segments(pointer):
                target = f"{current}/{segment}"
                while target not in self._value_offsets:
                    if not self._scan_next_member(current):
                        return 0
                current = target
        offset = self._member_offsets.get(current, self._value_offsets[current])
        return self._text.count("\n", 0, offset) + 1

    def _exists(self, pointer: str) -> bool:
        value = self._document
        for segment in _segments(pointer):
            value = _member(value, unescape_segment(segment))
            if value is _MISSING:
                return False
        return True

    def _scan_next_member(self, container: str) -> bool:
        """Record where the next member of `container` starts; False when there is none."""
        if container in self._finished:
            return False
        text = self._text
        offset, index = self._cursors.get(container, (self._value_offsets[container], 0))
        if index == 0:
            if text[offset] not in "{[":
                self._finished.add(container)
                return False
            offset = _skip_whitespace(text, offset + 1)
        else:
            offset = _skip_whitespace(text, offset)
            if text[offset] == ",":
                offset = _skip_whitespace(text, offset + 1)
        if text[offset] in "}]":
            self._finished.add(container)
            return False
        member_start = offset
        if text[self._value_offsets[container]] == "{":
            key, offset = self._decoder.raw_decode(text, offset)
            offset = _skip_whitespace(text, offset)
            offset = _skip_whitespace(text, offset + 1)
            child = f"{container}/{escape_segment(key)}"
        else:
            child = f"{container}/{index}"
        self._member_offsets[child] = member_start
        self._value_offsets[child] = offset
        _, end = self._decoder.raw_decode(text, offset)
        self._cursors[container] = (end, index + 1)
        return True


def _yaml_line(tree: yaml.Node | None, pointer: str) -> int:
    """1-based line of the key (or list item) at `pointer` in a composed YAML tree; 0 if absent."""
    node = tree
    line = node.start_mark.line + 1 if node is not None else 0
    for segment in _segments(pointer):
        key = unescape_segment(segment)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                    line, node = key_node.start_mark.line + 1, value_node
                    break
            else:
                return 0
        elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            node = node.value[int(key)]
            line = node.start_mark.line + 1
        else:
            return 0
    return line


@dataclass(slots=True)
class _Source:
    """One parsed file, with its raw bytes and text kept for hashing and finding lines."""

    data: bytes
    text: str
    document: Any
    is_json: bool
    json_lines: _JsonLines | None = None
    yaml_tree: yaml.Node | None = None
    yaml_composed: bool = False

    def line(self, pointer: str) -> int:
        if self.is_json:
            if self.json_lines is None:
                self.json_lines = _JsonLines(self.text, self.document)
            return self.json_lines.line(pointer)
        if not self.yaml_composed:
            self.yaml_tree = yaml.compose(self.text, Loader=_SpecYamlLoader)
            self.yaml_composed = True
        return _yaml_line(self.yaml_tree, pointer)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


class LoadedSpec:
    """The entry document of a spec and every file reached from it so far.

    Files are identified by absolute, normalised paths; `display` turns one into what the user
    should see. Resolution follows JSON Reference rules: a relative file in a `$ref` is taken
    from the folder of the file that holds the `$ref`.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._root_file = _absolute(root)
        self._sources: dict[Path, _Source] = {}
        self._cwd = Path.cwd()

    @property
    def document(self) -> Any:
        """The entry file's parsed document."""
        return self.document_at(self._root_file)

    @property
    def root_node(self) -> Located:
        """The entry document as a node, to start walking from."""
        return Located(self._root_file, "#", self.document)

    @property
    def version(self) -> str:
        """The `openapi` field of the entry document, such as "3.1.0"."""
        return str(self.document["openapi"])

    @property
    def files(self) -> list[Path]:
        """Every file loaded so far, the entry file first."""
        return list(self._sources)

    def source_bytes(self, file: Path) -> bytes:
        """The raw bytes of a loaded file."""
        return self._source(file).data

    def document_at(self, file: Path) -> Any:
        """The parsed document of `file`, read on first use.

        Raises SpecError: E001 when the file does not exist, E002 when it does not parse,
        E003 when it is not a mapping.
        """
        return self._source(file).document

    def resolve(self, ref: str, base: Located) -> Located:
        """Follow one `$ref` held by the mapping `base`, relative to `base.file`.

        Accepts "#/pointer", "other.yaml#/pointer" and "other.yaml". Raises SpecError (E005,
        located at the `$ref`) when the file or the node it names does not exist.
        """
        file_part, _, fragment = ref.partition("#")
        target_file = _absolute(base.file.parent / unquote(file_part)) if file_part else base.file
        pointer = "#" + unquote(fragment)
        if "://" in file_part:
            self._raise_unresolved(ref, base, "remote references are not supported")
        if fragment and not fragment.startswith("/"):
            self._raise_unresolved(ref, base, "the part after '#' must be a JSON pointer")
        if target_file not in self._sources and not target_file.is_file():
            self._raise_unresolved(ref, base, f"file {self.display(target_file)} not found")
        value = self.document_at(target_file)
        segments = _segments(pointer)
        for depth, segment in enumerate(segments):
            value = _member(value, unescape_segment(segment))
            if value is _MISSING:
                where = self.display(target_file) if file_part else "this file"
                missing = "#" + "".join(f"/{step}" for step in segments[: depth + 1])
                self._raise_unresolved(ref, base, f"{where} has no {missing}")
        return Located(target_file, pointer, value)

    def deref(self, node: Located) -> Located:
        """Follow `$ref` after `$ref` until a node that is not a reference.

        Raises SpecError E006 when the chain comes back to a reference it has passed.
        """
        chain: list[Located] = []
        seen: set[tuple[Path, str]] = set()
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            if (node.file, node.pointer) in seen:
                self._raise_cycle(chain, node)
            seen.add((node.file, node.pointer))
            chain.append(node)
            node = self.resolve(node.value["$ref"], node)
        return node

    def child(self, node: Located, key: str | int) -> Located:
        """The node under `key` (a mapping key or list index) of `node`."""
        return Located(node.file, f"{node.pointer}/{escape_segment(key)}", node.value[key])

    def line(self, file: Path, pointer: str) -> int:
        """1-based line of the node at `pointer` in `file` (its key, for a mapping member).

        Computed on demand, never at load time; 0 when the file is not loaded or has no such
        node.
        """
        source = self._sources.get(_absolute(file))
        return 0 if source is None else source.line(pointer)

    def display(self, file: Path) -> str:
        """The path as shown to the user: relative to the current directory when inside it."""
        absolute = _absolute(file)
        try:
            return str(absolute.relative_to(self._cwd))
        except ValueError:
            return str(absolute)

    def _source(self, file: Path) -> _Source:
        source = self._sources.get(file)  # most callers pass a Located's absolute path
        if source is None:
            absolute = _absolute(file)
            source = self._sources.get(absolute)
            if source is None:
                source = self._read(absolute)
                self._sources[absolute] = source
        return source

    def _read(self, file: Path) -> _Source:
        shown = self.display(file)
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise _file_error(shown, 0, "E001", "file not found", "check the path.") from None
        except OSError as error:
            message = f"cannot read the file: {error.strerror}"
            raise _file_error(
                shown, 0, "E001", message, "check the path and permissions."
            ) from None
        text = data.decode("utf-8-sig", errors="replace")
        document, is_json = _parse(text, shown)
        if not isinstance(document, dict):
            kind = "empty" if document is None else f"a {_json_type(document)}"
            message = f"the document is {kind}, not a mapping"
            hint = "a spec file's top level is a mapping of keys such as openapi, info and paths."
            raise _file_error(shown, 1, "E003", message, hint)
        return _Source(data, text, document, is_json)

    def diagnostic(
        self,
        file: Path,
        pointer: str,
        code: str,
        message: str,
        hint: str = "",
        severity: Severity = "error",
    ) -> Diagnostic:
        """A diagnostic about the node at `pointer` in `file`, with its displayed path and line."""
        line = self.line(file, pointer)
        return Diagnostic(self.display(file), line, code, pointer, message, hint, severity)

    def _raise_unresolved(self, ref: str, base: Located, problem: str) -> NoReturn:
        message = f"$ref '{ref}' cannot be resolved: {problem}"
        hint = "fix the reference or define its target."
        raise SpecError([self.diagnostic(base.file, f"{base.pointer}/$ref", "E005", message, hint)])

    def _raise_cycle(self, chain: list[Located], again: Located) -> NoReturn:
        """E006 for the loop `chain` ran into, told the same way whichever member it entered by.

        The loop starts at its first member in (file, pointer) order, so every reference that
        leads into it yields the same diagnostic, once.
        """
        loop = chain[[(n.file, n.pointer) for n in chain].index((again.file, again.pointer)) :]
        first = min(range(len(loop)), key=lambda i: (str(loop[i].file), loop[i].pointer))
        loop = loop[first:] + loop[:first]
        start = loop[0]
        steps = " -> ".join(self._describe(node, start.file) for node in [*loop, start])
        message = f"$ref cycle with nothing in between: {steps}"
        hint = "point one of these references at a real definition."
        raise SpecError(
            [self.diagnostic(start.file, f"{start.pointer}/$ref", "E006", message, hint)]
        )

    def _describe(self, node: Located, origin: Path) -> str:
        return node.pointer if node.file == origin else f"{self.display(node.file)}{node.pointer}"


def _file_error(shown: str, line: int, code: str, message: str, hint: str) -> SpecError:
    """A SpecError about a whole file (no pointer inside it)."""
    return SpecError([Diagnostic(shown, line, code, "", message, hint)])


def _json_type(value: Any) -> str:
    names = {list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), type(value).__name__)


def _parse(text: str, shown: str) -> tuple[Any, bool]:
    """Parse JSON or YAML, whichever the text is; (document, is_json).

    Text starting with "{" is JSON, unless it fails as JSON but reads as YAML (a flow
    mapping) in a file not named *.json.
    """
    if text.lstrip()[:1] == "{":
        try:
            return json.loads(text), True
        except json.JSONDecodeError as json_error:
            if not shown.endswith(".json"):
                with suppress(yaml.YAMLError):
                    return yaml.load(text, Loader=_SpecYamlLoader), False
            message = f"not valid JSON: {json_error.msg} (column {json_error.colno})"
            raise _file_error(shown, json_error.lineno, "E002", message, _FIX_SYNTAX) from None
    try:
        return yaml.load(text, Loader=_SpecYamlLoader), False
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        column = f" (column {mark.column + 1})" if mark else ""
        message = f"not valid YAML: {problem}{column}"
        raise _file_error(
            shown, mark.line + 1 if mark else 0, "E002", message, _FIX_SYNTAX
        ) from None


def load_spec(path: Path) -> LoadedSpec:
    """Read the entry file of a spec and check that it is OpenAPI 3.0.x or 3.1.x.

    Raises SpecError with one diagnostic: E001 missing file, E002 invalid YAML/JSON, E003 not
    a mapping, E004 missing or unsupported `openapi` version.
    """
    spec = LoadedSpec(path)
    document = spec.document
    version = document.get("openapi")
    if isinstance(version, str) and _SUPPORTED_VERSION.fullmatch(version):
        return spec
    shown = spec.display(path)
    if version is None:
        found = "swagger 2.0" if "swagger" in document else "no 'openapi' field"
        hint = (
            "convert it to OpenAPI 3 first (for example with swagger2openapi)."
            if "swagger" in document
            else "add `openapi: 3.1.0` (or 3.0.3) at the top."
        )
        raise _file_error(shown, 1, "E004", f"not an OpenAPI 3 document: {found}", hint)
    message = f"unsupported OpenAPI version {version!r}; only 3.0.x and 3.1.x are supported"
    hint = (
        "use the 3.1.x or 3.0.x version the spec follows."
        if isinstance(version, str)
        else "write the version as a quoted string such as '3.1.0' or '3.0.3'."
    )
    raise SpecError([spec.diagnostic(path, "#/openapi", "E004", message, hint)])
