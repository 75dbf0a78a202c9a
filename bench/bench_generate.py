#!/usr/bin/env python3
"""Benchmark `generate` on the whole real Cloudflare spec: cold and warm caches, per stage.

    python bench/bench_generate.py [--spec FILE] [--rounds N]

Each run is `python -m generator generate --tolerant` in a fresh process (so interpreter start
and imports count, as they do for a user), in a scratch folder that holds its caches:

    cold    no black cache, no validation cache, a new out dir
    black   no black cache, the validation cache warm, a new out dir (the target: <= 6 s)
    warm    both caches warm, the out dir up to date (nothing to write)

It prints the wall time and the pipeline's own per-stage timings (from --report), the peak
RSS, and the size of what was written. `time_openapi_python_client` times the peer on the
same spec; it is not called here (the peer lives in another venv, see bench_peers.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
REAL_SPEC = ROOT.parent / "shared" / "specs" / "cloudflare-real" / "openapi-2024-02-09a.json"
STAGES = ("load", "normalise", "render", "format", "validate", "write")


def generate_once(spec: Path, out: Path, scratch: Path) -> dict[str, object]:
    """One `generate` run in `scratch` (its caches live in scratch/.cache); wall time + report."""
    report = scratch / "report.json"
    command = [
        str(PYTHON), "-m", "generator", "generate", "--quiet", "--tolerant",
        "--config", str(ROOT / "pyproject.toml"), "--spec", str(spec), "--out", str(out),
        "--report", str(report),
    ]  # fmt: skip
    # the generator of this checkout, whatever the venv has installed
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=scratch, env=environment, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"generate failed ({done.returncode}):\n{done.stderr[-3000:]}")
    numbers: dict[str, object] = json.loads(report.read_text())
    numbers["wall"] = wall
    return numbers


def output_size(out: Path) -> tuple[int, int, int]:
    """(files, Python files, lines of Python) under `out`."""
    files = [path for path in out.rglob("*") if path.is_file()]
    python = [path for path in files if path.suffix == ".py"]
    lines = sum(path.read_text(encoding="utf-8").count("\n") for path in python)
    return len(files), len(python), lines


def time_openapi_python_client(spec: Path, python: Path, out: Path) -> float:
    """Seconds openapi-python-client (installed in `python`'s venv) takes to generate `spec`
    into `out`, as `openapi-python-client generate --path SPEC --output-path OUT`."""
    command = [
        str(python), "-m", "openapi_python_client", "generate", "--path", str(spec),
        "--output-path", str(out), "--overwrite",
    ]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def run(spec: Path, rounds: int) -> None:
    results: dict[str, list[dict[str, object]]] = {"cold": [], "black": [], "warm": []}
    size = (0, 0, 0)
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="bench-generate-") as folder:
            scratch = Path(folder)
            results["cold"].append(generate_once(spec, scratch / "out-cold", scratch))
            shutil.rmtree(scratch / ".cache" / "black")
            results["black"].append(generate_once(spec, scratch / "out", scratch))
            results["warm"].append(generate_once(spec, scratch / "out", scratch))
            size = output_size(scratch / "out")
    print(f"spec: {spec} ({rounds} round{'s' if rounds > 1 else ''}, medians)")
    print(f"output: {size[0]} files, {size[1]} Python files, {size[2]} lines of Python")
    header = f"{'run':<6} {'wall':>7} " + " ".join(f"{stage:>9}" for stage in STAGES)
    print(header + f" {'peak RSS':>9}")
    for name, runs in results.items():
        wall = statistics.median(float(str(r["wall"])) for r in runs)
        stages = []
        for stage in STAGES:
            values = [r["timings"].get(stage) for r in runs]  # type: ignore[attr-defined]
            known = [float(v) for v in values if v is not None]
            stages.append(f"{statistics.median(known):>8.2f}s" if known else f"{'-':>9}")
        rss = statistics.median(float(str(r["peak_rss_mib"])) for r in runs)
        print(f"{name:<6} {wall:>6.2f}s " + " ".join(stages) + f" {rss:>6.0f} MiB")
    print("validate runs in a forked process beside normalise/render/format; its column is its")
    print("own duration, not time added to the wall clock unless the others finish first.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=REAL_SPEC)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if not args.spec.is_file():
        print(f"skipped: {args.spec} is not there (the real specs live in ../shared)")
        return 0
    run(args.spec, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
