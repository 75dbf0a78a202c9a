"""Diagnostics: the user's mistakes reported as data, never as tracebacks.

A stage that finds a problem in the spec records a `Diagnostic` and carries on where it can;
the command decides at the end whether errors stop the run. Each diagnostic has a stable code a
user can search for, the file and line, the JSON pointer, what is wrong and what to do.

Codes (keep this table in step with README.md):

    E001  file not found            E002  file is not valid YAML/JSON
    E003  document is not a mapping E004  unknown or missing OpenAPI version
    E005  $ref target missing       E006  $ref cycle with nothing in between
    E100  openapi-spec-validator error (W100 in tolerant mode)
    W2xx  normalise: what cannot be represented exactly (see generator/normalise)
    E3xx  operation dropped: it cannot be called at all
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    file: str  # path as given by the user (relative where possible)
    line: int  # 1-based; 0 when unknown
    code: str
    pointer: str  # JSON pointer inside `file`, "#/paths/~1zones/get"; "" for the whole file
    message: str
    hint: str = ""
    severity: Severity = "error"

    def format(self) -> str:
        """`FILE:LINE: CODE POINTER: message. Hint: ...` on one line."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.code} {self.pointer or '#'}: {self.message}"
        if self.hint:
            text += f" Hint: {self.hint}"
        return text


@dataclass(slots=True)
class Diagnostics:
    """An ordered collection of diagnostics, printed sorted by file, line and pointer."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    def counts_by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(d.code for d in self.items).items()))

    def __len__(self) -> int:
        return len(self.items)


class SpecError(Exception):
    """Raised by a stage when the spec cannot be processed any further.

    Carries the diagnostics that explain why; the command prints them and exits non-zero.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(set(diagnostics))
        super().__init__("\n".join(d.format() for d in self.diagnostics))
