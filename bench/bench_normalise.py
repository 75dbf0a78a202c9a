#!/usr/bin/env python3
"""Benchmark load + normalise of the real Cloudflare specs against a bare `json.load`.

    python bench/bench_normalise.py [--rounds N] [SPEC ...]

For each spec (default: both files in shared/specs/cloudflare-real), a fresh interpreter
runs `--rounds` rounds of: `json.load` of the file (the floor), `load_spec`, and `normalise`
(tolerant) of what it loaded. The table shows medians over the rounds, in wall seconds and
in CPU seconds (the machine is shared; CPU time is the steadier figure), the ratio of load +
normalise to json.load (median of the per-round ratios), and the child's peak RSS.

Targets: load + normalise at most 30x json.load; peak RSS under 300 MiB. Nothing here is a
test: it prints a table and exits 0.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

REAL_SPECS = REPO.parent / "shared" / "specs" / "cloudflare-real"
RATIO_TARGET = 30.0
RSS_TARGET_MIB = 300.0


def measure(spec_path: Path, rounds: int) -> dict[str, Any]:
    """Run in the child: every stage once per round; wall and CPU seconds per stage."""
    from generator.config import Config
    from generator.load import load_spec
    from generator.normalise import coverage, normalise

    samples: dict[str, list[float]] = {}

    def timed(name: str, action: Any) -> Any:
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        samples.setdefault(f"{name} wall", []).append(time.perf_counter() - wall)
        samples.setdefault(f"{name} cpu", []).append(time.process_time() - cpu)
        return result

    numbers = {}
    for _ in range(rounds):
        with spec_path.open("rb") as handle:
            timed("json.load", lambda: json.load(handle))
        spec = timed("load_spec", lambda: load_spec(spec_path))
        api, diagnostics = timed("normalise", lambda: normalise(spec, Config(), tolerant=True))
        numbers = coverage(api, diagnostics)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "samples": samples,
        "peak_rss_mib": peak,
        "operations": numbers.operations,
        "dropped": numbers.dropped,
        "payload_percent": numbers.payload_percent,
        "raw_payload_percent": numbers.raw_payload_percent,
        "numbered_names": numbers.numbered_names,
    }


def ratios(samples: dict[str, list[float]], clock: str) -> list[float]:
    floor = samples[f"json.load {clock}"]
    load = samples[f"load_spec {clock}"]
    normalise = samples[f"normalise {clock}"]
    return [(a + b) / f for a, b, f in zip(load, normalise, floor)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.rounds)))
        return
    specs = args.specs or sorted(REAL_SPECS.glob("*.json"))
    if not specs:
        print(f"no specs given and none in {REAL_SPECS}")
        return
    rows = [("spec", "stage", "wall median", "cpu median")]
    summary = [
        (
            "spec",
            "ops",
            "dropped",
            "payload %",
            "raw %",
            "numbered",
            "ratio wall",
            "ratio cpu",
            "peak RSS",
        )
    ]
    for spec in specs:
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(spec), "--rounds", str(args.rounds)],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(child.stdout)
        samples = result["samples"]
        for stage in ("json.load", "load_spec", "normalise"):
            wall = statistics.median(samples[f"{stage} wall"])
            cpu = statistics.median(samples[f"{stage} cpu"])
            rows.append((spec.name, stage, f"{wall:.3f} s", f"{cpu:.3f} s"))
        wall_ratio = statistics.median(ratios(samples, "wall"))
        cpu_ratio = statistics.median(ratios(samples, "cpu"))
        summary.append(
            (
                spec.name,
                str(result["operations"]),
                str(result["dropped"]),
                f"{result['payload_percent']:.1f}",
                f"{result['raw_payload_percent']:.1f}",
                str(result["numbered_names"]),
                f"{wall_ratio:.1f}x",
                f"{cpu_ratio:.1f}x",
                f"{result['peak_rss_mib']:.0f} MiB",
            )
        )
    print_table(rows)
    print()
    print_table(summary)
    print(
        f"\ntargets: load + normalise <= {RATIO_TARGET:.0f}x json.load; "
        f"peak RSS < {RSS_TARGET_MIB:.0f} MiB ({args.rounds} rounds, medians)"
    )


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [
            cell.ljust(width) if index == 0 or not cell[:1].isdigit() else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths))
        ]
        print("  ".join(cells).rstrip())


if __name__ == "__main__":
    main()
