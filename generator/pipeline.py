"""The pipeline: load -> validate -> normalise -> render -> format -> write, and nothing else.

`generate` runs every stage; validation runs in a forked process beside normalise, render and
format (it is the slowest stage on a cold cache and needs nothing from them), and its verdict
is awaited before anything is written. `print_ir` stops after normalise; `diff` normalises two
specs and compares the APIs they describe.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import ir
from .config import Config
from .diagnostics import Diagnostic, SpecError
from .format import FormatError, format_files
from .load import LoadedSpec, collector_paused, load_spec
from .normalise import coverage, format_api, format_type, normalise
from .render import RenderError, render
from .write import WriteError, write_tree

# The spec a forked validation process reads: set before the fork, so it is never pickled.
_FORKED_SPEC: LoadedSpec | None = None


@dataclass(slots=True)
class Progress:
    """Per-stage timings, and the progress lines on stderr unless quiet."""

    quiet: bool
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[list[str]]:
        """Time a stage; what the body appends to the yielded list is printed after its name."""
        notes: list[str] = []
        started = time.perf_counter()
        yield notes
        elapsed = time.perf_counter() - started
        self.timings[name] = round(elapsed, 3)
        self.say(f"[{name}] {', '.join(notes)}  {elapsed:.2f} s")

    def say(self, line: str) -> None:
        if not self.quiet:
            print(line, file=sys.stderr)


def generate(config: Config, *, check: bool, report: Path | None, quiet: bool) -> int:
    """Generate the package into `config.out` (or with `check`, report what would change).

    Returns the exit code: 0 done (or up to date), 1 errors in the spec, a file the generator
    does not own in the way, or with `check`, an out-of-date output.
    """
    # The stages build millions of objects and drop few before the end; the cycle collector
    # would walk them again and again for nothing (a fifth of normalise's and render's time).
    with collector_paused():
        return _generate(config, check=check, report=report, quiet=quiet)


def _generate(config: Config, *, check: bool, report: Path | None, quiet: bool) -> int:
    progress = Progress(quiet)
    started = time.perf_counter()
    try:
        with progress.stage("load") as notes:
            spec = load_spec(config.spec)
            notes.append(spec.display(config.spec))
        with _validation_beside(spec, config.tolerant) as validation:
            with progress.stage("normalise") as notes:
                api, normalise_diagnostics = normalise(spec, config, tolerant=config.tolerant)
                notes.append(f"{len(api.operations())} operations, {len(api.models)} models")
            with progress.stage("render") as notes:
                rendered = render(api, config)
                lines = sum(text.count("\n") for text in rendered.values())
                notes.append(f"{len(rendered)} files, {lines} lines")
            with progress.stage("format") as notes:
                formatted = format_files(rendered)
                notes.append(
                    f"{formatted.formatted} files through black ({formatted.changed} changed), "
                    f"{formatted.cached} cached, {formatted.trusted} already in its layout"
                )
            waited = time.perf_counter()
            validate_diagnostics, validate_seconds = validation.result()
            waited = time.perf_counter() - waited
            progress.timings["validate"] = round(validate_seconds, 3)
            progress.say(
                f"[validate] {_count(validate_diagnostics)}  {validate_seconds:.2f} s "
                f"beside the others, {waited:.2f} s waited for"
            )
    except SpecError as error:
        _print_diagnostics(error.diagnostics, tolerant=False)
        return 1
    except (RenderError, FormatError) as error:
        print(f"error: {error} (a bug in the generator, not in the spec)", file=sys.stderr)
        return 1
    diagnostics = sorted(set(validate_diagnostics + normalise_diagnostics))
    _print_diagnostics(diagnostics, tolerant=config.tolerant, dropped=api.dropped)
    errors = [diagnostic for diagnostic in diagnostics if diagnostic.severity == "error"]
    status = 1 if errors else 0
    if not errors:
        try:
            with progress.stage("write") as notes:
                changes = write_tree(config.out, formatted.files, check=check)
                notes.append(
                    f"{len(changes.added)} added, {len(changes.changed)} changed, "
                    f"{len(changes.removed)} removed, {changes.unchanged} unchanged"
                )
        except WriteError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        if check and changes:
            print(f"{config.out} is not up to date; `generate` would change:", file=sys.stderr)
            for line in changes.lines():
                print(f"  {line}", file=sys.stderr)
            status = 1
    progress.timings["total"] = round(time.perf_counter() - started, 3)
    if report is not None:
        _write_report(report, api, diagnostics, progress.timings)
    return status


@contextmanager
def _validation_beside(
    spec: LoadedSpec, tolerant: bool
) -> Iterator[Future[tuple[list[Diagnostic], float]]]:
    """Validate in a forked process while the caller goes on; the future holds the result."""
    global _FORKED_SPEC
    _FORKED_SPEC = spec
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        yield pool.submit(_validate_forked, tolerant)
    _FORKED_SPEC = None


def _validate_forked(tolerant: bool) -> tuple[list[Diagnostic], float]:
    """The diagnostics, and how long finding them took."""
    # imported here, in the forked process: the validator's imports alone take half a second
    from .validate import DEFAULT_CACHE_DIR, validate_spec

    assert _FORKED_SPEC is not None, "set before the fork"
    started = time.perf_counter()
    found = validate_spec(_FORKED_SPEC, tolerant=tolerant, cache_dir=DEFAULT_CACHE_DIR)
    return found, time.perf_counter() - started


def print_ir(config: Config, *, quiet: bool) -> int:
    """Print the IR of the spec (`python -m generator ir`)."""
    progress = Progress(quiet)
    try:
        with progress.stage("load"):
            spec = load_spec(config.spec)
        with progress.stage("normalise") as notes:
            api, diagnostics = normalise(spec, config, tolerant=config.tolerant)
            notes.append(f"{len(api.operations())} operations, {len(api.models)} models")
    except SpecError as error:
        _print_diagnostics(error.diagnostics, tolerant=False)
        return 1
    _print_diagnostics(diagnostics, tolerant=config.tolerant, dropped=api.dropped)
    print(format_api(api), end="")
    return 0


def diff(config: Config, *, old_spec: Path, quiet: bool) -> int:
    """Print how the API described by `config.spec` differs from the one `old_spec` describes."""
    progress = Progress(quiet)
    try:
        with progress.stage("normalise") as notes:
            old, _ = normalise(load_spec(old_spec), config, tolerant=True)
            new, _ = normalise(load_spec(config.spec), config, tolerant=True)
            notes.append(f"{len(old.operations())} -> {len(new.operations())} operations")
    except SpecError as error:
        _print_diagnostics(error.diagnostics, tolerant=False)
        return 1
    for line in api_diff(old, new):
        print(line)
    return 0


# ---------------------------------------------------------------------------------------------
# Comparing two APIs


def api_diff(old: ir.Api, new: ir.Api) -> list[str]:
    """Operations and models added, removed and changed, as sorted, aligned lines."""
    lines = []
    sections = (
        ("operations", _operation_signatures(old), _operation_signatures(new)),
        ("models", _model_signatures(old), _model_signatures(new)),
    )
    for title, before, after in sections:
        rows = _compare(before, after)
        counts = Counter(status for status, _, _ in rows)
        summary = ", ".join(f"{counts[s]} {s}" for s in ("added", "removed", "changed"))
        lines.append(f"{title}: {summary}")
        name_width = max((len(name) for _, name, _ in rows), default=0)
        for status, name, detail in rows:
            lines.append(f"  {status:<7}  {name:<{name_width}}  {detail}".rstrip())
    return lines


Signature = dict[str, str]  # part of the API -> how it reads


def _operation_signatures(api: ir.Api) -> dict[str, tuple[str, Signature]]:
    """python path of each method -> (METHOD /path, its parameters, body fields and return)."""
    found = {}
    for resource in _resources(api.resources):
        for operation in resource.operations:
            parts: Signature = {}
            for parameter in operation.parameters:
                required = "" if parameter.required else "?"
                text = f"{format_type(parameter.type)} ({parameter.location}){required}"
                parts[f"{parameter.name}"] = text
            body = operation.request_body
            if body is not None:
                if body.fields:
                    for body_field in body.fields:
                        required = "" if body_field.required else "?"
                        parts[body_field.name] = f"{format_type(body_field.type)} (body){required}"
                else:
                    parts[body.body_name] = f"{format_type(body.type)} (body)"
            parts["return"] = format_type(operation.payload.type)
            name = ".".join((*resource.path, operation.name))
            found[name] = (f"{operation.method} {operation.path}", parts)
    return found


def _model_signatures(api: ir.Api) -> dict[str, tuple[str, Signature]]:
    found = {}
    for model in api.models:
        parts = {
            model_field.name: format_type(model_field.type) + ("" if model_field.required else "?")
            for model_field in model.fields
        }
        found[model.name] = (f"{len(parts)} fields", parts)
    return found


def _compare(
    before: dict[str, tuple[str, Signature]], after: dict[str, tuple[str, Signature]]
) -> list[tuple[str, str, str]]:
    rows = []
    for name in sorted(before.keys() | after.keys()):
        if name not in before:
            rows.append(("added", name, after[name][0]))
        elif name not in after:
            rows.append(("removed", name, before[name][0]))
        else:
            changes = _signature_changes(before[name][1], after[name][1])
            if changes:
                rows.append(("changed", name, "; ".join(changes)))
    return rows


def _signature_changes(before: Signature, after: Signature) -> list[str]:
    changes = []
    for part in sorted(before.keys() | after.keys()):
        if part not in before:
            changes.append(f"+{part}: {after[part]}")
        elif part not in after:
            changes.append(f"-{part}")
        elif before[part] != after[part]:
            changes.append(f"{part}: {before[part]} -> {after[part]}")
    return changes


def _resources(roots: Sequence[ir.Resource]) -> Iterator[ir.Resource]:
    for resource in roots:
        yield resource
        yield from _resources(resource.children)


# ---------------------------------------------------------------------------------------------
# Diagnostics and the report


def _print_diagnostics(
    diagnostics: Sequence[Diagnostic],
    *,
    tolerant: bool,
    dropped: Sequence[ir.DroppedOperation] = (),
) -> None:
    """All of them; in tolerant mode, a count per code and the dropped operations instead."""
    ordered = sorted(set(diagnostics))
    if not tolerant:
        for diagnostic in ordered:
            print(diagnostic.format(), file=sys.stderr)
        return
    for code, count in sorted(Counter(d.code for d in ordered).items()):
        example = next(d for d in ordered if d.code == code)
        print(f"{code}  {count:>5}  e.g. {example.format()}", file=sys.stderr)
    for operation in dropped:
        print(
            f"dropped {operation.method} {operation.path} ({operation.operation_id}): "
            f"{operation.reason}",
            file=sys.stderr,
        )


def _count(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(1 for diagnostic in diagnostics if diagnostic.severity == "error")
    return f"{errors} errors, {len(diagnostics) - errors} warnings"


def _write_report(
    path: Path, api: ir.Api, diagnostics: Sequence[Diagnostic], timings: dict[str, float]
) -> None:
    numbers = coverage(api, list(diagnostics))
    report = {
        "operations": {
            "total": numbers.operations + numbers.dropped,
            "generated": numbers.operations,
            "dropped": [
                f"{operation.method} {operation.path} ({operation.operation_id})"
                for operation in api.dropped
            ],
        },
        "models": len(api.models),
        "enums": len(api.enums),
        "unions": len(api.unions),
        "payload_coverage": {
            "percent": round(numbers.payload_percent, 1),
            "raw_percent": round(numbers.raw_payload_percent, 1),
            "typed_successes": numbers.typed_successes,
            "concrete_payloads": numbers.concrete_payloads,
            "untyped_in_spec": numbers.untyped_in_spec,
        },
        "diagnostics": dict(sorted(Counter(d.code for d in diagnostics).items())),
        "timings": timings,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
