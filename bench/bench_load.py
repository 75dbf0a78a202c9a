#!/usr/bin/env python3
"""Benchmark the load and validate stages against their floors, side by side, as ratios.

    python bench/bench_load.py [--spec FILE] [--rounds N] [--validation-rounds N] [--no-validation]

Load: a bare `json.load` of the file is the floor; `load_spec` should cost at most 3x that,
including one line lookup deep in the file (what the source map costs when a diagnostic
needs it). The real spec is minified, one line, where every line is 1; an indented copy
shows what a lookup costs when the text has to be scanned. Validation: openapi-spec-validator alone (all errors collected) is the floor;
`validate_spec` (uncached) should not take longer. Contestants run interleaved round by
round and the table shows medians and minimums. Nothing here is a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator  # noqa: E402

from generator.load import escape_segment, load_spec  # noqa: E402
from generator.validate import validate_spec  # noqa: E402

REAL_SPEC = REPO.parent / "shared" / "specs" / "cloudflare-real" / "openapi-2024-02-09a.json"
LOAD_TARGET = 3.0  # load_spec (+ a line lookup) at most this many times json.load
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


def deep_pointer(document: dict[str, Any]) -> str:
    """The responses of the first operation under the last path: a lookup far into the file."""
    path, path_item = list(document["paths"].items())[-1]
    method = next(key for key in path_item if key in HTTP_METHODS)
    return f"#/paths/{escape_segment(path)}/{method}/responses"


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def race(contestants: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Run every contestant once per round, in turn, and collect the wall times."""
    times: dict[str, list[float]] = {name: [] for name in contestants}
    for _ in range(rounds):
        for name, action in contestants.items():
            times[name].append(timed(action))
    return times


def print_table(title: str, times: dict[str, list[float]], floor: str) -> dict[str, float]:
    """An aligned table of median and minimum, each median as a ratio to the floor's."""
    medians = {name: statistics.median(values) for name, values in times.items()}
    width = max(len(name) for name in times)
    print(f"\n{title}")
    print(f"  {'':<{width}}  {'median':>10}  {'min':>10}  {'ratio':>6}")
    for name, values in times.items():
        ratio = medians[name] / medians[floor]
        shown_ratio = f"{ratio:.2f}x" if ratio >= 0.01 else "<0.01x"
        print(
            f"  {name:<{width}}  {format_seconds(medians[name]):>10}  "
            f"{format_seconds(min(values)):>10}  {shown_ratio:>6}"
        )
    return {name: medians[name] / medians[floor] for name in times}


def format_seconds(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def bench_load(spec_path: Path, rounds: int) -> None:
    with spec_path.open("rb") as handle:
        pointer = deep_pointer(json.load(handle))

    def bare_json_load() -> object:
        with spec_path.open("rb") as handle:
            return json.load(handle)

    def load_and_find_line() -> int:
        spec = load_spec(spec_path)
        return spec.line(spec_path, pointer)

    assert load_and_find_line() > 0, f"{pointer} not found"
    times = race(
        {
            "json.load": bare_json_load,
            "load_spec": lambda: load_spec(spec_path),
            "load_spec + line lookup": load_and_find_line,
        },
        rounds,
    )
    ratios = print_table(f"load  {spec_path.name}, {rounds} rounds", times, "json.load")
    print(f"  line lookup: {pointer}")
    worst = max(ratios["load_spec"], ratios["load_spec + line lookup"])
    verdict = "met" if worst <= LOAD_TARGET else "MISSED"
    print(f"  target load_spec <= {LOAD_TARGET:.0f}x json.load: {verdict} ({worst:.2f}x)")


def bench_validation(spec_path: Path, rounds: int) -> None:
    with spec_path.open("rb") as handle:
        document = json.load(handle)
    version = str(document.get("openapi", ""))
    validator_class = (
        OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    )
    counts: dict[str, int] = {}

    def validator_alone() -> None:
        validator = validator_class(document, base_uri=spec_path.resolve().as_uri())
        counts["openapi-spec-validator alone"] = len(list(validator.iter_errors()))

    def ours_uncached() -> None:
        spec = load_spec(spec_path)
        counts["validate_spec (no cache)"] = len(validate_spec(spec, tolerant=True, cache_dir=None))

    with tempfile.TemporaryDirectory(prefix="bench-validate-") as cache:
        cache_dir = Path(cache)
        validate_spec(load_spec(spec_path), tolerant=True, cache_dir=cache_dir)

        def ours_cached() -> None:
            spec = load_spec(spec_path)
            counts["validate_spec (cached)"] = len(
                validate_spec(spec, tolerant=True, cache_dir=cache_dir)
            )

        times = race(
            {
                "openapi-spec-validator alone": validator_alone,
                "validate_spec (no cache)": ours_uncached,
                "validate_spec (cached)": ours_cached,
            },
            rounds,
        )
    ratios = print_table(
        f"validate  {spec_path.name}, {rounds} rounds (validate_spec includes load_spec)",
        times,
        "openapi-spec-validator alone",
    )
    print("  errors found: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    verdict = "met" if ratios["validate_spec (no cache)"] <= 1.0 else "MISSED"
    print(f"  target validate_spec <= validator alone: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=REAL_SPEC, help="a large JSON spec")
    parser.add_argument("--rounds", type=int, default=15, help="rounds for the load table")
    parser.add_argument("--validation-rounds", type=int, default=2, help="rounds for validation")
    parser.add_argument("--no-validation", action="store_true", help="only the load table")
    args = parser.parse_args()
    if not args.spec.is_file():
        print(f"bench_load: {args.spec} not found; pass --spec FILE (a large JSON spec)")
        return 0
    size = args.spec.stat().st_size / 1e6
    print(f"bench_load: {args.spec} ({size:.1f} MB), Python {sys.version.split()[0]}")
    bench_load(args.spec, args.rounds)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as folder:
        pretty = Path(folder) / f"{args.spec.stem}-indented.json"
        with args.spec.open("rb") as handle:
            pretty.write_text(json.dumps(json.load(handle), indent=2), encoding="utf-8")
        bench_load(pretty, args.rounds)
    if not args.no_validation:
        bench_validation(args.spec, args.validation_rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
