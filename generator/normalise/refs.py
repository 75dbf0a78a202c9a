"""Walking the spec: following `$ref`s without raising, pointers for the IR, diagnostics.

`Context` is the one piece of state every normalise module shares. It turns the loader's
SpecErrors (E005 missing target, E006 pure cycle) into diagnostics so one bad reference costs
one type, not the whole run, and it formats the `file#/pointer` strings the IR carries.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity, SpecError
from ..load import Located, LoadedSpec

_BLANK_LINES = re.compile(r"\n\s*\n")
_WHITESPACE = re.compile(r"\s+")

# Where a reusable schema lives: `#/components/schemas/Name`, and in a file of loose schemas
# `#/definitions/Name` or `#/$defs/Name`.
_SCHEMA_CONTAINERS = frozenset({"schemas", "definitions", "$defs"})


class Context:
    """The spec being normalised, the diagnostics found so far and the run's options."""

    __slots__ = (
        "spec",
        "tolerant",
        "diagnostics",
        "_displayed",
        "_targets",
        "_documents",
        "_root_file",
        "_containers",
    )

    def __init__(self, spec: LoadedSpec, *, tolerant: bool) -> None:
        self.spec = spec
        self.tolerant = tolerant
        self.diagnostics: list[Diagnostic] = []
        self._displayed: dict[Path, str] = {}
        self._targets: dict[tuple[str, str], Located | None] = {}
        self._documents: dict[Path, Any] = {}
        self._root_file = spec.root_node.file
        self._containers: dict[tuple[str, str], tuple[str, ...]] = {}

    def display(self, file: Path) -> str:
        shown = self._displayed.get(file)
        if shown is None:
            shown = self._displayed[file] = self.spec.display(file)
        return shown

    def file_key(self, file: Path) -> str:
        """A cheap dictionary key for a file: "" for the entry file (hashing a Path is slow)."""
        return "" if file is self._root_file else self.display(file)

    def key(self, node: Located) -> tuple[str, str]:
        """A dictionary key for a node: its file and pointer."""
        return (self.file_key(node.file), node.pointer)

    def where(self, node: Located) -> str:
        """The IR's pointer for a node: `specs/components/common.yaml#/components/schemas/X`."""
        return self.display(node.file) + node.pointer

    def warn(self, code: str, node: Located, message: str, hint: str = "") -> None:
        self.report(code, node, message, hint, "warning")

    def report(self, code: str, node: Located, message: str, hint: str, severity: Severity) -> None:
        self.diagnostics.append(
            Diagnostic(
                self.display(node.file),
                self.spec.line(node.file, node.pointer),
                code,
                node.pointer,
                message,
                hint,
                severity,
            )
        )

    def deref(self, node: Located) -> Located | None:
        """`node` with its `$ref` chain followed; None (and a diagnostic) when it is broken.

        A missing target (E005) or a cycle of pure references (E006) is the spec's error; in
        tolerant mode it is reported as a warning and the caller types the node as `any`.
        """
        if not is_ref(node.value):
            return node
        # A `$ref` string means the same target wherever it appears in one file; resolving
        # is costly (the loader checks the file on disk each time), so remember the answer.
        key = (self.file_key(node.file), node.value["$ref"])
        if key in self._targets:
            return self._targets[key]
        target = self._local_target(node.file, node.value["$ref"])
        if target is not None:
            self._targets[key] = target
            return target
        try:
            target = self.spec.deref(node)
        except SpecError as error:
            target = None
            for diagnostic in error.diagnostics:
                if self.tolerant:
                    diagnostic = replace(diagnostic, severity="warning")
                self.diagnostics.append(diagnostic)
        self._targets[key] = target
        return target

    def _local_target(self, file: Path, ref: str) -> Located | None:
        """A same-file `#/...` target that is not itself a `$ref`, found by walking the document.

        Anything else (another file, percent-encoding, a chain, a missing target) is left to
        the loader, which knows how to report it.
        """
        if not ref.startswith("#/") or "%" in ref:
            return None
        document = self._documents.get(file)
        if document is None:
            document = self._documents[file] = self.spec.document_at(file)
        value = document
        for segment in ref[2:].split("/"):
            key = segment.replace("~1", "/").replace("~0", "~")
            if isinstance(value, dict) and key in value:
                value = value[key]
            elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
                value = value[int(key)]
            else:
                return None
        return None if is_ref(value) else Located(file, ref, value)

    def names_beside(self, node: Located) -> tuple[str, ...]:
        """The keys of the mapping that holds `node`: every component name beside its own."""
        container = node.pointer.rpartition("/")[0]
        key = (self.file_key(node.file), container)
        names = self._containers.get(key)
        if names is None:
            found = self._local_target(node.file, container)
            value = found.value if found is not None else None
            names = self._containers[key] = tuple(value) if isinstance(value, dict) else ()
        return names

    def child(self, node: Located, key: str | int) -> Located:
        return self.spec.child(node, key)

    def children(self, node: Located, key: str) -> list[Located]:
        """The items of the list under `key` (allOf, oneOf, parameters, ...); none if absent."""
        value = node.value.get(key) if isinstance(node.value, dict) else None
        if not isinstance(value, list):
            return []
        holder = self.spec.child(node, key)
        return [self.spec.child(holder, index) for index in range(len(value))]


def is_ref(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("$ref"), str)


def component_name(node: Located) -> str | None:
    """`Foo` for a node at `#/components/schemas/Foo` (or `#/definitions/Foo`), else None."""
    parts = node.pointer.split("/")
    if len(parts) >= 3 and parts[-2] in _SCHEMA_CONTAINERS:
        return parts[-1].replace("~1", "/").replace("~0", "~")
    return None


def plain_text(*candidates: Any) -> str:
    """The first non-empty text among `candidates`, whitespace-normalised, paragraphs kept."""
    for candidate in candidates:
        if isinstance(candidate, str) and _is_plain(candidate):
            return candidate
        if isinstance(candidate, str) and candidate.strip():
            paragraphs = _BLANK_LINES.split(candidate.strip())
            return "\n\n".join(_WHITESPACE.sub(" ", p).strip() for p in paragraphs)
    return ""


def _is_plain(text: str) -> bool:
    """Already normalised: one line, no runs of spaces, no space at either end."""
    return bool(text) and "\n" not in text and "  " not in text and text == text.strip()
