"""Validate a loaded spec: its `$ref`s, then openapi-spec-validator, every error as a diagnostic.

Three passes, each collecting everything it finds rather than stopping at the first problem:

1. `$ref` check (ours): every reference in every file reached resolves (E005) and no chain of
   references comes back to itself with nothing in between (E006). Files named by references
   are loaded here, so the result cache can cover them.
2. The OpenAPI meta-schema (openapi-spec-validator's JSON Schema for 3.0 or 3.1) over the
   entry document as written.
3. openapi-spec-validator's keyword checks (schemas, defaults, parameters, operation ids),
   which follow references; skipped when pass 1 found broken ones, since they would fail.

Each validator error becomes E100 (W100, a warning, in tolerant mode) located at the node it is
about, in the file that node lives in.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, SpecError
from ..load import Located, LoadedSpec, pointer_from_path

DEFAULT_CACHE_DIR = Path(".cache/validate")

# The code that turns a spec into diagnostics: when it changes, old cache entries miss.
_OWN_SOURCES = (
    Path(__file__),
    Path(__file__).with_name("openapi.py"),
    Path(__file__).parents[1] / "load.py",
)

# Mappings whose keys are names the spec's author chose (so a key such as "default" or "enum"
# is a name there, not a keyword holding a literal value).
_NAMED_MAPS = frozenset(
    {
        "$defs",
        "callbacks",
        "content",
        "definitions",
        "dependentSchemas",
        "encoding",
        "examples",
        "headers",
        "links",
        "parameters",
        "pathItems",
        "paths",
        "patternProperties",
        "properties",
        "requestBodies",
        "responses",
        "schemas",
        "securitySchemes",
        "variables",
        "webhooks",
    }
)
# Keywords whose value is literal data: a "$ref" key inside is data, not a reference.
_LITERAL_KEYWORDS = frozenset({"const", "default", "enum", "example", "value"})


def validate_spec(
    spec: LoadedSpec, *, tolerant: bool, cache_dir: Path | None = DEFAULT_CACHE_DIR
) -> list[Diagnostic]:
    """Every problem openapi-spec-validator and the `$ref` check find, sorted.

    Validator errors are E100 errors, or W100 warnings when `tolerant`; broken references are
    always errors. With a `cache_dir`, the result is stored there under a key made of every
    loaded file's bytes, the validator's version, `tolerant` and this stage's own code, and
    reused while all of them match.
    """
    cache = _ValidationCache(cache_dir, spec, tolerant) if cache_dir is not None else None
    if cache is not None:
        cached = cache.read()
        if cached is not None:
            return cached
    reference_problems = _check_references(spec)
    # openapi-spec-validator takes half a second to import: only a run that validates pays it
    from .openapi import validator_diagnostics

    diagnostics = reference_problems + validator_diagnostics(
        spec, tolerant, keywords=not reference_problems
    )
    result = sorted(set(diagnostics))
    if cache is not None and not reference_problems:  # a missing file may appear: not cached
        cache.write(result)
    return result


def _check_references(spec: LoadedSpec) -> list[Diagnostic]:
    """E005/E006 for every broken `$ref` in every file reachable from the entry file.

    Following references loads the files they name; each file loaded is walked in turn, so
    files reached only in the middle of a chain of references are checked as well.
    """
    found: list[Diagnostic] = []
    walked: set[Path] = set()
    while unwalked := [file for file in spec.files if file not in walked]:
        for file in unwalked:
            walked.add(file)
            for holder in _reference_holders(Located(file, "#", spec.document_at(file))):
                try:
                    spec.deref(holder)
                except SpecError as error:
                    found.extend(error.diagnostics)
    return found


# Where a node sits, as (where its parent sits, its key); None for the root. Pointers are
# spelled out only for the few nodes reported, not for every node walked.
_Trail = tuple["_Trail", str | int] | None


def _reference_holders(root: Located) -> Iterator[Located]:
    """Every mapping in `root`'s document that holds a `$ref` string."""
    stack: list[tuple[Any, _Trail, bool]] = [(root.value, None, False)]
    while stack:
        value, trail, named = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("$ref"), str):
                yield Located(root.file, pointer_from_path(_path_of(trail)), value)
            stack.extend(
                (child, (trail, key), key in _NAMED_MAPS)
                for key, child in value.items()
                if isinstance(child, (dict, list))
                and (named or (key not in _LITERAL_KEYWORDS and not key.startswith("x-")))
            )
        elif isinstance(value, list):
            stack.extend(
                (child, (trail, index), False)
                for index, child in enumerate(value)
                if isinstance(child, (dict, list))
            )


def _path_of(trail: _Trail) -> list[str | int]:
    path: list[str | int] = []
    while trail is not None:
        trail, key = trail
        path.append(key)
    return path[::-1]


class _ValidationCache:
    """Diagnostics stored per spec, valid while every file it was built from is unchanged.

    The entry for a spec is found by its entry file (path and bytes), the validator version,
    `tolerant` and this module's own source; it lists every other file that was loaded with a
    sha256 of its bytes, so a change to any of them misses as well.
    """

    def __init__(self, directory: Path, spec: LoadedSpec, tolerant: bool) -> None:
        self._spec = spec
        root = spec.root_node.file
        key = hashlib.sha256()
        for part in (version("openapi-spec-validator"), str(tolerant), str(root)):
            key.update(part.encode() + b"\0")
        for source in _OWN_SOURCES:
            key.update(source.read_bytes())
        key.update(spec.source_bytes(root))
        self._entry = directory / f"{key.hexdigest()}.json"

    def read(self) -> list[Diagnostic] | None:
        """The stored diagnostics; None when there are none or any file changed since."""
        try:
            entry = json.loads(self._entry.read_text(encoding="utf-8"))
            files = {Path(name): digest for name, digest in entry["files"].items()}
            if any(_sha256(file.read_bytes()) != digest for file, digest in files.items()):
                return None
            stored = [Diagnostic(**fields) for fields in entry["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing or damaged
            return None
        for file in files:
            self._spec.document_at(file)  # loaded, as an uncached run would leave them
        return [replace(d, file=self._spec.display(Path(d.file))) for d in stored]

    def write(self, diagnostics: list[Diagnostic]) -> None:
        """Store `diagnostics` with the digest of every file loaded (paths made absolute)."""
        shown_to_file = {self._spec.display(file): str(file) for file in self._spec.files}
        entry = {
            "files": {
                str(file): _sha256(self._spec.source_bytes(file)) for file in self._spec.files[1:]
            },
            "diagnostics": [
                {**asdict(d), "file": shown_to_file.get(d.file, d.file)} for d in diagnostics
            ],
        }
        self._entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._entry.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry, indent=1), encoding="utf-8")
        temporary.replace(self._entry)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
