#!/usr/bin/env python3
"""Benchmark our generator and generated client against peers, side by side, as ratios.

    python bench/bench_peers.py [--only gen|import|call|size] [--quick] [--json FILE]
    python bench/bench_peers.py --setup          # create .bench/venv with the pinned peers

This machine is small and shared (2 cores), so every figure is compared as a ratio against a
peer or a floor measured in the same run, contestants are interleaved round by round, and we
report medians (and minimums) of repeated runs. Nothing here is a timed test: the script only
prints tables and exits 0 (unless --strict and a target is missed, or the peer side is broken).

Sides:
  ours  /work/main/.venv/bin/python: `python -m generator generate ...`, and `cloudflare_api`
        imported from generated/src. Every measurement is a subprocess, so an unfinished
        generator or package shows up as "not available yet" instead of crashing the run.
  peers .bench/venv/bin/python (git-ignored, created by --setup / `make bench-peers`):
        openapi-python-client, the official `cloudflare` SDK, httpx, pydantic.

This file uses the standard library only: it also runs *inside* both venvs as the per-call
worker (`--_worker`) and as the loopback HTTP server (`--_serve`).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import select
import shutil
import stat
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).resolve()
OURS_PY = ROOT / ".venv" / "bin" / "python"
BENCH_VENV = ROOT / ".bench" / "venv"
PEER_PY = BENCH_VENV / "bin" / "python"
OURS_SRC = ROOT / "generated" / "src"  # --ours-src
OURS_REPO = ROOT  # --ours-repo: the checkout whose generator/ is benchmarked
REAL_SPEC = Path("/work/shared/specs/cloudflare-real/openapi-2024-02-09a.json")

# Pinned peers. httpx and pydantic are pinned to the versions in .venv so that the floor, the
# raw-httpx baseline and both clients run on the same libraries.
PEER_REQUIREMENTS = (
    "openapi-python-client==0.29.1",
    "cloudflare==4.3.1",  # latest 4.x on 2026-11-23
    "httpx==0.28.1",
    "pydantic==2.14.3",
)

TARGETS = {
    "gen": 0.30,  # ours / openapi-python-client, whole real spec
    "import_vs_official": 0.50,
    "import_vs_floor": 1.30,
    "call_vs_raw": 1.15,
}

NOT_AVAILABLE = "not available yet"

# Files copied into the sandbox used for our generator runs (everything but these).
_SANDBOX_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".bench",
    ".cache",
    "generated",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
    "*.egg-info",
    "report.json",
)


# --------------------------------------------------------------------------------------------
# small helpers


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that could steer an interpreter or a client."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "CLOUDFLARE_", "VIRTUAL_ENV"))
        and key not in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY")
    }
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(extra)
    return env


def run(
    cmd: list[str], *, env: dict[str, str], cwd: Path | None = None, timeout: float = 900
) -> tuple[int, float, str, str]:
    """Run `cmd`; return (exit code, wall seconds, stdout, stderr)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return -9, time.perf_counter() - start, "", f"timed out after {exc.timeout} s"
    return proc.returncode, time.perf_counter() - start, proc.stdout, proc.stderr


def tail(text: str, lines: int = 6) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:] if line.strip())


def summary(samples: list[float]) -> dict[str, Any]:
    if not samples:
        return {"n": 0, "median": None, "min": None, "max": None, "samples": []}
    return {
        "n": len(samples),
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "samples": samples,
    }


def paired_ratio(ours: list[float] | None, peer: list[float] | None) -> float | None:
    """Median of ours[i] / peer[i]: samples taken in the same interleaved round."""
    if not ours or not peer or len(ours) != len(peer) or not all(peer):
        return None
    return statistics.median(a / b for a, b in zip(ours, peer))


def python_ok(py: Path) -> bool:
    return py.is_file() and os.access(py, os.X_OK)


def versions(py: Path, names: tuple[str, ...]) -> dict[str, str | None]:
    code = (
        "import json, importlib.metadata as m\n"
        "out = {}\n"
        f"for n in {list(names)!r}:\n"
        "    try: out[n] = m.version(n)\n"
        "    except Exception: out[n] = None\n"
        "print(json.dumps(out))"
    )
    rc, _, out, _ = run([str(py), "-c", code], env=clean_env(), timeout=60)
    return json.loads(out) if rc == 0 else {n: None for n in names}


# --------------------------------------------------------------------------------------------
# result rows and tables


class Report:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []  # the ratio tables
        self.details: list[dict[str, Any]] = []  # per-contestant raw figures
        self.notes: list[str] = []

    def detail(
        self,
        bench: str,
        name: str,
        side: str,
        unit: str,
        stats: dict[str, Any] | None,
        note: str = "",
        baseline: str | None = None,
    ) -> None:
        """One contestant's figures; `baseline` names the detail row it is divided by."""
        self.details.append(
            {
                "bench": bench,
                "name": name,
                "side": side,
                "unit": unit,
                "stats": stats,
                "note": note,
                "baseline": baseline,
            }
        )

    def versus(self, detail: dict[str, Any]) -> float | None:
        base = next(
            (
                d
                for d in self.details
                if d["bench"] == detail["bench"] and d["name"] == detail["baseline"]
            ),
            None,
        )
        if base is None or not base["stats"] or not detail["stats"]:
            return None
        if not base["stats"]["median"] or detail["stats"]["median"] is None:
            return None
        paired = paired_ratio(detail["stats"].get("samples"), base["stats"].get("samples"))
        if paired is not None:
            return paired
        return float(detail["stats"]["median"]) / float(base["stats"]["median"])

    def ratio(
        self,
        bench: str,
        name: str,
        unit: str,
        ours: float | None,
        peer: float | None,
        peer_name: str,
        target: float | None,
        note: str = "",
        ours_min: float | None = None,
        peer_min: float | None = None,
        ours_samples: list[float] | None = None,
        peer_samples: list[float] | None = None,
    ) -> None:
        """`ratio` is the median of per-round ratios when both sides have one sample per round
        (robust to the machine's load drifting during the run), else the ratio of medians."""
        of_medians = ours / peer if ours is not None and peer else None
        ratio = paired_ratio(ours_samples, peer_samples)
        if ratio is None:
            ratio = of_medians
        ratio_min = ours_min / peer_min if ours_min is not None and peer_min else None
        if peer is None:
            verdict = "peer failed"
        elif ours is None:
            verdict = NOT_AVAILABLE
        elif target is None:
            verdict = "info"
        else:
            verdict = "pass" if ratio is not None and ratio <= target else "FAIL"
        self.rows.append(
            {
                "bench": bench,
                "name": name,
                "unit": unit,
                "ours": ours,
                "peer": peer,
                "peer_name": peer_name,
                "ratio": ratio,
                "ratio_of_medians": of_medians,
                "ratio_of_min": ratio_min,
                "target": target,
                "result": verdict,
                "note": note,
            }
        )


UNITS = {
    "s": (1.0, "{:.2f} s"),
    "ms": (1e3, "{:.1f} ms"),
    "us": (1e6, "{:.1f} µs"),
    "lines": (1.0, "{:,.0f}"),
    "files": (1.0, "{:,.0f}"),
}


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    scale, pattern = UNITS[unit]
    return pattern.format(value * scale)


def table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))
        ).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


TITLES = {
    "gen": "Generation, whole real spec",
    "import": "Import + first use, fresh interpreter",
    "call": "Per-call overhead, GET on a loopback server",
    "size": "Output size, real spec",
}


def print_report(report: Report) -> None:
    for bench in ("gen", "import", "call", "size"):
        details = sorted(
            (d for d in report.details if d["bench"] == bench), key=lambda d: d["name"]
        )
        rows = sorted((r for r in report.rows if r["bench"] == bench), key=lambda r: r["name"])
        if not details and not rows:
            continue
        print(f"\n== {TITLES[bench]} ==")
        if details:
            body = []
            for d in details:
                s = d["stats"] or {}
                vs = report.versus(d)
                body.append(
                    [
                        d["name"],
                        d["side"],
                        str(s.get("n", 0)),
                        fmt(s.get("median"), d["unit"]),
                        fmt(s.get("min"), d["unit"]),
                        "-" if vs is None else f"{vs:.2f}x",
                        d["baseline"] or "-",
                        d["note"],
                    ]
                )
            print(
                table(
                    ["contestant", "side", "runs", "median", "min", "x base", "base", "note"],
                    body,
                    right={2, 3, 4, 5},
                )
            )
            print()
        if rows:
            body = []
            for r in rows:
                ratio = "-" if r["ratio"] is None else f"{r['ratio']:.2f}x"
                rmin = "-" if r["ratio_of_min"] is None else f"{r['ratio_of_min']:.2f}x"
                target = "-" if r["target"] is None else f"<= {r['target']:.2f}x"
                body.append(
                    [
                        r["name"],
                        fmt(r["ours"], r["unit"]),
                        f"{fmt(r['peer'], r['unit'])} ({r['peer_name']})",
                        ratio,
                        rmin,
                        target,
                        r["result"],
                    ]
                )
            print(
                table(
                    ["benchmark", "ours", "peer/floor", "ratio", "ratio(min)", "target", "result"],
                    body,
                    right={1, 3, 4},
                )
            )
    if report.notes:
        print("\nnotes:")
        for note in report.notes:
            print(f"  - {note}")


# --------------------------------------------------------------------------------------------
# setup of the peer venv


def setup_venv() -> int:
    base = sys.executable
    if python_ok(OURS_PY):  # same interpreter build as our side
        rc, _, out, _ = run(
            [str(OURS_PY), "-c", "import sys; print(sys._base_executable)"],
            env=clean_env(),
            timeout=60,
        )
        if rc == 0 and out.strip():
            base = out.strip()
    if not python_ok(PEER_PY):
        log(f"creating {BENCH_VENV} with {base}")
        subprocess.run([base, "-m", "venv", str(BENCH_VENV)], check=True)
    cmd = [
        str(PEER_PY),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        *PEER_REQUIREMENTS,
    ]
    log("installing: " + " ".join(PEER_REQUIREMENTS))
    return subprocess.run(cmd, env=clean_env()).returncode


# --------------------------------------------------------------------------------------------
# 1 + 4. generation time and output size


def count_lines(root: Path) -> dict[str, int]:
    files = lines = code = 0
    for path in root.rglob("*.py"):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        files += 1
        for text in path.read_text(encoding="utf-8", errors="replace").splitlines():
            lines += 1
            stripped = text.strip()
            if stripped and not stripped.startswith("#"):
                code += 1
    return {"files": files, "lines": lines, "code_lines": code}


def ours_package_root(out: Path) -> Path:
    """Where the generated package's sources are inside an output folder of ours."""
    src = out / "src"
    return src if src.is_dir() else out


class OursGenerator:
    """Runs `python -m generator generate` in a sandbox copy of the repo.

    The copy (no .cache, no __pycache__, no generated/) makes a cold run really cold whatever
    the generator uses for its cache: a folder relative to the working directory or to the
    package (both land in the sandbox), or the user cache (XDG_CACHE_HOME is pointed into the
    sandbox too). If `generate --help` offers --cache-dir, it is passed as well. The real
    /work/main/.cache is never read, written or removed.
    """

    def __init__(self, spec: Path, workdir: Path) -> None:
        self.spec = spec
        self.workdir = workdir
        self.error: str | None = None
        self.cache_flag = False
        self._n = 0

    def sandbox(self, name: str) -> Path:
        box = self.workdir / name
        if box.exists():
            shutil.rmtree(box)
        shutil.copytree(OURS_REPO, box / "repo", ignore=_SANDBOX_IGNORE, symlinks=True)
        (box / "xdg-cache").mkdir()
        return box

    def _env(self, box: Path) -> dict[str, str]:
        return clean_env(PYTHONPATH=str(box / "repo"), XDG_CACHE_HOME=str(box / "xdg-cache"))

    def probe(self) -> bool:
        if not python_ok(OURS_PY):
            self.error = f"{OURS_PY} missing"
            return False
        box = self.sandbox("probe")
        rc, _, out, err = run(
            [str(OURS_PY), "-m", "generator", "generate", "--help"],
            env=self._env(box),
            cwd=box / "repo",
            timeout=120,
        )
        if rc != 0:
            self.error = f"`python -m generator generate --help` exited {rc}: {tail(err, 2)}"
            return False
        self.cache_flag = "--cache-dir" in out
        return True

    def generate(self, box: Path) -> tuple[float | None, Path, str]:
        self._n += 1
        out = self.workdir / f"ours-out-{self._n}"
        cmd = [
            str(OURS_PY),
            "-m",
            "generator",
            "generate",
            "--spec",
            str(self.spec),
            "--out",
            str(out),
            "-q",
            "--tolerant",
        ]
        if self.cache_flag:
            cmd += ["--cache-dir", str(box / "xdg-cache" / "generator")]
        rc, wall, _, err = run(cmd, env=self._env(box), cwd=box / "repo", timeout=1800)
        if rc != 0:
            self.error = f"generate exited {rc}: {tail(err)}"
            return None, out, err
        return wall, out, err

    @staticmethod
    def cache_size(box: Path) -> int:
        total = 0
        for folder in (box / "repo" / ".cache", box / "xdg-cache"):
            if folder.is_dir():
                total += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        return total


def peer_generate(spec: Path, workdir: Path, n: int) -> tuple[float | None, Path, str]:
    out = workdir / f"peer-out-{n}"
    # The venv's bin must be on PATH: openapi-python-client runs `ruff` from PATH as its
    # post-hooks (fix + format) and silently skips them otherwise (18 s instead of ~25 s here).
    env = clean_env(PATH=f"{BENCH_VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    cmd = [
        str(BENCH_VENV / "bin" / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--output-path",
        str(out),
        "--overwrite",
        "--meta",
        "none",
    ]
    rc, wall, stdout, stderr = run(cmd, env=env, cwd=workdir, timeout=1800)
    text = stdout + stderr
    if rc != 0 or not (out / "__init__.py").is_file():
        return None, out, f"exited {rc}: {tail(text)}"
    if "is not in PATH" in text:
        return None, out, "ruff post-hooks were skipped (not in PATH)"
    return wall, out, text


def bench_gen(
    report: Report, args: argparse.Namespace, workdir: Path, want_gen: bool, want_size: bool
) -> None:
    runs = args.gen_runs or (1 if args.quick else 3)
    if not want_gen:
        runs = 1
    spec = args.spec
    peer_ok = python_ok(PEER_PY)
    ours = OursGenerator(spec, workdir)
    ours_ok = ours.probe()
    if not ours_ok:
        report.notes.append(f"ours (generation): {NOT_AVAILABLE}: {ours.error}")

    peer_times: list[float] = []
    cold: list[float] = []
    validated: list[float] = []
    warm: list[float] = []
    peer_out: Path | None = None
    ours_out: Path | None = None
    peer_warnings = 0
    cache_note = ""

    warm_box = validated_box = None
    if ours_ok and want_gen:
        warm_box = ours.sandbox("warm")
        validated_box = ours.sandbox("validated")
        log("ours: priming the warm caches")
        wall, _, _ = ours.generate(warm_box)
        if wall is not None:
            wall, out, _ = ours.generate(validated_box)
            shutil.rmtree(out, ignore_errors=True)
        if wall is None:
            ours_ok = False
            report.notes.append(f"ours (generation): {NOT_AVAILABLE}: {ours.error}")
        else:
            size = ours.cache_size(warm_box)
            cache_note = (
                f"cache after one run: {size / 1e3:,.0f} kB"
                if size
                else "no cache written in sandbox .cache/ or XDG_CACHE_HOME"
            )
            if not size:
                report.notes.append(
                    "ours (generation): no cache files appeared in the "
                    "sandbox; if the generator caches elsewhere, warm == cold"
                )

    for i in range(runs):
        order = ["peer", "cold", "validated", "warm"] if want_gen else ["peer", "cold"]
        random.Random(i).shuffle(order)
        for who in order:
            if who == "peer" and peer_ok:
                log(f"gen round {i + 1}/{runs}: openapi-python-client")
                if peer_out is not None:
                    shutil.rmtree(peer_out, ignore_errors=True)
                wall, peer_out, text = peer_generate(spec, workdir, i)
                if wall is None:
                    peer_ok = False
                    report.notes.append(f"openapi-python-client failed: {text}")
                    peer_out = None
                else:
                    peer_times.append(wall)
                    peer_warnings = text.count("WARNING parsing")
            elif who == "cold" and ours_ok:
                log(f"gen round {i + 1}/{runs}: ours, cold")
                box = ours.sandbox("cold")
                if ours_out is not None:
                    shutil.rmtree(ours_out, ignore_errors=True)
                wall, ours_out, _ = ours.generate(box)
                shutil.rmtree(box, ignore_errors=True)
                if wall is None:
                    ours_ok = False
                    ours_out = None
                    report.notes.append(f"ours (generation): {NOT_AVAILABLE}: {ours.error}")
                else:
                    cold.append(wall)
            elif who in ("validated", "warm") and ours_ok:
                box, samples = (
                    (validated_box, validated) if who == "validated" else (warm_box, warm)
                )
                assert box is not None  # primed above
                log(f"gen round {i + 1}/{runs}: ours, {who}")
                if who == "validated":  # the validation result stays; black runs again
                    shutil.rmtree(box / "repo" / ".cache" / "black", ignore_errors=True)
                wall, out, _ = ours.generate(box)
                shutil.rmtree(out, ignore_errors=True)
                if wall is None:
                    ours_ok = False
                    report.notes.append(f"ours (generation): {NOT_AVAILABLE}: {ours.error}")
                else:
                    samples.append(wall)

    if not python_ok(PEER_PY):
        report.notes.append(
            f"peers: {PEER_PY} missing; run `make bench-peers` or "
            f"`python bench/bench_peers.py --setup`"
        )

    if want_gen:
        p, c, v, w = summary(peer_times), summary(cold), summary(validated), summary(warm)
        report.detail(
            "gen",
            "openapi-python-client 0.29.1",
            "peer",
            "s",
            p if peer_times else None,
            (
                f"--meta none, ruff post-hooks on; {peer_warnings} warnings"
                if peer_times
                else "failed"
            ),
        )
        report.detail(
            "gen",
            "ours, cold",
            "ours",
            "s",
            c if cold else None,
            "fresh sandbox, empty caches" if cold else NOT_AVAILABLE,
            baseline="openapi-python-client 0.29.1",
        )
        report.detail(
            "gen",
            "ours, validation cached",
            "ours",
            "s",
            v if validated else None,
            "validation cache warm, black cache empty, new out dir" if validated else NOT_AVAILABLE,
            baseline="openapi-python-client 0.29.1",
        )
        report.detail(
            "gen",
            "ours, warm",
            "ours",
            "s",
            w if warm else None,
            cache_note if warm else NOT_AVAILABLE,
            baseline="openapi-python-client 0.29.1",
        )
        # The target is the issue's: validation may be served from its cache, everything else
        # (format included) runs. Cold (first run on a machine) and warm are shown beside it.
        for label, ours_summary, target in (
            ("generate: validation cached", v, TARGETS["gen"]),
            ("generate: cold", c, None),
            ("generate: warm", w, None),
        ):
            report.ratio(
                "gen",
                label,
                "s",
                ours_summary["median"],
                p["median"],
                "openapi-python-client",
                target,
                ours_min=ours_summary["min"],
                peer_min=p["min"],
                ours_samples=ours_summary["samples"],
                peer_samples=p["samples"],
            )

    if want_size:
        peer_count = count_lines(peer_out) if peer_out is not None else None
        ours_count = count_lines(ours_package_root(ours_out)) if ours_out is not None else None
        tests_count = None
        if ours_out is not None and (ours_out / "tests").is_dir():
            tests_count = count_lines(ours_out / "tests")
        for key, label, unit in (
            ("files", "python files", "files"),
            ("lines", "lines, all", "lines"),
            ("code_lines", "lines, non-blank non-comment", "lines"),
        ):
            report.ratio(
                "size",
                label,
                unit,
                ours_count[key] if ours_count else None,
                peer_count[key] if peer_count else None,
                "openapi-python-client",
                None,
            )
        if tests_count:
            report.notes.append(
                f"ours also renders tests/: {tests_count['files']} files, "
                f"{tests_count['lines']:,} lines (not counted above)"
            )
        if python_ok(PEER_PY):
            code = "import cloudflare, pathlib; print(pathlib.Path(cloudflare.__file__).parent)"
            rc, _, sdk_dir, _ = run([str(PEER_PY), "-c", code], env=clean_env(), timeout=120)
            if rc == 0:
                sdk = count_lines(Path(sdk_dir.strip()))
                report.notes.append(
                    f"reference: the official cloudflare SDK package is {sdk['files']:,} files, "
                    f"{sdk['lines']:,} lines (Stainless, from a newer spec; not a ratio)"
                )
        report.detail(
            "size",
            "openapi-python-client 0.29.1",
            "peer",
            "lines",
            (
                {"n": 1, "median": peer_count["lines"], "min": peer_count["lines"]}
                if peer_count
                else None
            ),
            f"{peer_count['files']:,} files" if peer_count else "failed",
        )
        report.detail(
            "size",
            "ours",
            "ours",
            "lines",
            (
                {"n": 1, "median": ours_count["lines"], "min": ours_count["lines"]}
                if ours_count
                else None
            ),
            f"{ours_count['files']:,} files (src/ only)" if ours_count else NOT_AVAILABLE,
            baseline="openapi-python-client 0.29.1",
        )


# --------------------------------------------------------------------------------------------
# 2. import + first use


IMPORT_SNIPPETS = {
    "floor": "import httpx, pydantic; pydantic.BaseModel",
    "official": (
        "import cloudflare; c = cloudflare.Cloudflare(api_token='x'); " "c.magic_transit.connectors"
    ),
    "ours": "import cloudflare_api; c = cloudflare_api.Cloudflare(api_token='x'); c.magic.connectors",
    "bare": "pass",
}


def import_cmd(py: Path, snippet: str) -> list[str]:
    code = (
        "import time as _t; _t0 = _t.perf_counter()\n"
        + snippet
        + "\nprint('BENCH', _t.perf_counter() - _t0)"
    )
    return [str(py), "-c", code]


def bench_import(report: Report, args: argparse.Namespace) -> None:
    """Fresh interpreters, interleaved; in-process time (perf_counter) and process wall time.

    Every contestant runs in both venvs where it can: /work/main/.venv has click (through
    black), and `import httpx` then also imports httpx's command line (click, rich, pygments),
    about +150 ms here. So the targeted ratios compare within one environment: ours against the
    official SDK and the floor in the peer venv (same httpx and pydantic pins, no click: what a
    user installing the generated package gets), and ours against the floor in .venv.
    """
    runs = args.import_runs or (7 if args.quick else 21)
    envs = []
    if python_ok(PEER_PY):
        envs.append(("peer venv", PEER_PY))
    if python_ok(OURS_PY):
        envs.append((".venv", OURS_PY))
    contestants: dict[str, tuple[Path, str, dict[str, str]]] = {}
    for label, py in envs:
        contestants[f"floor ({label})"] = (py, "floor", clean_env())
        contestants[f"bare python ({label})"] = (py, "bare", clean_env())
        contestants[f"ours ({label})"] = (py, "ours", clean_env(PYTHONPATH=str(OURS_SRC)))
        if py == PEER_PY:
            contestants[f"official ({label})"] = (py, "official", clean_env())

    inproc: dict[str, list[float]] = {name: [] for name in contestants}
    wall: dict[str, list[float]] = {name: [] for name in contestants}
    errors: dict[str, str] = {}

    def once(name: str) -> None:
        py, kind, env = contestants[name]
        rc, w, out, err = run(
            import_cmd(py, IMPORT_SNIPPETS[kind]), env=env, cwd=Path("/"), timeout=120
        )
        line = next((l for l in out.splitlines() if l.startswith("BENCH ")), None)
        if rc != 0 or line is None:
            errors[name] = f"exited {rc}: {tail(err, 1)}"
            return
        inproc[name].append(float(line.split()[1]))
        wall[name].append(w)

    log(f"import: warm-up (bytecode caches), then {runs} interleaved rounds")
    for name in contestants:  # warm-up: write .pyc files, fill the page cache
        for _ in range(2):
            once(name)
    for name in contestants:
        inproc[name].clear()
        wall[name].clear()
    for i in range(runs):
        order = [n for n in contestants if n not in errors]
        random.Random(1000 + i).shuffle(order)
        for name in order:
            once(name)

    stats_in = {n: summary(v) for n, v in inproc.items() if n not in errors}
    stats_wall = {n: summary(v) for n, v in wall.items() if n not in errors}
    for name, (py, kind, _) in contestants.items():
        side = {"ours": "ours", "official": "peer"}.get(kind, "floor")
        floor = "floor (peer venv)" if py == PEER_PY else "floor (.venv)"
        base = None if name == floor else floor
        if name in errors:
            note = NOT_AVAILABLE + ": " + errors[name] if side == "ours" else errors[name]
            report.detail("import", name + " [in-process]", side, "ms", None, note)
            continue
        report.detail(
            "import",
            name + " [in-process]",
            side,
            "ms",
            stats_in[name],
            baseline=base and base + " [in-process]",
        )
        report.detail(
            "import",
            name + " [process wall]",
            side,
            "ms",
            stats_wall[name],
            baseline=base and base + " [process wall]",
        )
    for name in ("ours (peer venv)", "ours (.venv)"):
        if name in errors:
            report.notes.append(f"{name} (import): {NOT_AVAILABLE}: {errors[name]}")
            break

    def get(stats: dict[str, dict[str, Any]], name: str, key: str) -> Any:
        return stats[name][key] if name in stats else None

    pairs = (  # row label, ours, peer, peer label, target
        (
            "vs official SDK, peer venv",
            "ours (peer venv)",
            "official (peer venv)",
            "official SDK",
            TARGETS["import_vs_official"],
        ),
        (
            "vs httpx+pydantic, peer venv",
            "ours (peer venv)",
            "floor (peer venv)",
            "httpx+pydantic",
            TARGETS["import_vs_floor"],
        ),
        (
            "vs httpx+pydantic, .venv",
            "ours (.venv)",
            "floor (.venv)",
            "httpx+pydantic",
            TARGETS["import_vs_floor"],
        ),
    )
    for label, stats, targeted in (
        ("in-process", stats_in, True),
        ("process wall", stats_wall, False),
    ):
        for row, ours, peer, peer_label, target in pairs:
            if ours not in contestants:
                continue
            report.ratio(
                "import",
                f"import+use {row} [{label}]",
                "ms",
                get(stats, ours, "median"),
                get(stats, peer, "median"),
                peer_label,
                target if targeted else None,
                ours_min=get(stats, ours, "min"),
                peer_min=get(stats, peer, "min"),
                ours_samples=get(stats, ours, "samples"),
                peer_samples=get(stats, peer, "samples"),
            )


# --------------------------------------------------------------------------------------------
# 3. per-call overhead: loopback server (separate process) + one worker process per client

CONNECTOR = {
    "id": "conn-1",
    "activated": True,
    "interrupt_window_days_of_week": ["Sunday", "Wednesday"],
    "interrupt_window_duration_hours": 3,
    "interrupt_window_embargo_dates": ["2026-12-24"],
    "interrupt_window_hour_of_day": 4,
    "last_updated": "2026-11-23T10:00:00Z",
    "notes": "bench",
    "timezone": "UTC",
    "device": {"id": "dev-1", "serial_number": "SN1"},
    "last_heartbeat": "2026-11-23T10:00:00Z",
    "last_seen_version": "2026.11.0",
}
ENVELOPE = {"success": True, "errors": [], "messages": [], "result": CONNECTOR}


def serve(max_seconds: float, max_requests: int) -> None:
    """A minimal keep-alive HTTP/1.1 server on 127.0.0.1 answering every request with ENVELOPE.

    Prints its port, then stops by itself on stdin EOF (the parent went away or closed it),
    after max_seconds, or after max_requests requests, whichever comes first.
    """
    import asyncio

    body = json.dumps(ENVELOPE, separators=(",", ":")).encode()
    response = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"CF-Ray: 0000000000000000-LHR\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )
    served = 0

    async def main() -> None:
        loop = asyncio.get_running_loop()
        done = loop.create_future()

        def finish() -> None:
            if not done.done():
                done.set_result(None)

        class Proto(asyncio.Protocol):
            def connection_made(self, transport: Any) -> None:
                self.transport = transport
                self.buffer = b""

            def data_received(self, data: bytes) -> None:
                nonlocal served
                self.buffer += data
                while True:
                    end = self.buffer.find(b"\r\n\r\n")
                    if end < 0:
                        return
                    length = 0
                    close = False
                    for line in self.buffer[:end].split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        name = name.strip().lower()
                        if name == b"content-length":
                            length = int(value.strip() or 0)
                        elif name == b"connection" and value.strip().lower() == b"close":
                            close = True
                    if len(self.buffer) < end + 4 + length:
                        return
                    self.buffer = self.buffer[end + 4 + length :]
                    self.transport.write(response)
                    served += 1
                    if close:
                        self.transport.close()
                        return
                    if served >= max_requests:
                        finish()
                        return

        server = await loop.create_server(Proto, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        print(port, flush=True)

        async def watch_stdin() -> None:  # EOF: the parent closed the pipe or went away
            reader = asyncio.StreamReader()
            await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
            while await reader.read(65536):
                pass
            finish()

        watcher = asyncio.ensure_future(
            watch_stdin() if stat.S_ISFIFO(os.fstat(0).st_mode) else asyncio.sleep(0)
        )
        loop.call_later(max_seconds, finish)
        await done
        watcher.cancel()
        server.close()

    asyncio.run(main())


def worker(kind: str, port: int) -> None:
    """One client in its own process: reads `run N` lines, answers with JSON timings.

    Each call includes the attribute chain from the client, as users write it.
    """
    import importlib

    base = f"http://127.0.0.1:{port}"
    try:
        if kind == "raw":  # the floor: one GET and the JSON decode any client needs
            httpx: Any = importlib.import_module("httpx")
            http = httpx.Client(base_url=base, headers={"Authorization": "Bearer x"})
            path = "/client/v4/accounts/a/magic/connectors/conn-1"

            def call() -> Any:
                return http.get(path).json()

            def result_id(value: Any) -> str:
                return str(value["result"]["id"])

        elif kind in ("official", "ours"):
            module: Any = importlib.import_module(
                "cloudflare" if kind == "official" else "cloudflare_api"
            )
            client = module.Cloudflare(api_token="x", base_url=base + "/client/v4")
            if kind == "official":

                def call() -> Any:
                    return client.magic_transit.connectors.get("conn-1", account_id="a")

            else:

                def call() -> Any:
                    return client.magic.connectors.get("conn-1", account_id="a")

            def result_id(value: Any) -> str:
                return str(value.id)

        else:
            raise ValueError(kind)
        got = result_id(call())
        if got != "conn-1":
            raise AssertionError(f"unexpected result id {got!r}")
    except BaseException as exc:  # report, don't crash: ours may not exist yet
        print(
            json.dumps({"ready": False, "error": f"{type(exc).__name__}: {exc}"[:500]}), flush=True
        )
        return
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        n = int(words[1])
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(n):
            call()
        t1, c1 = time.perf_counter(), time.process_time()
        print(json.dumps({"wall": (t1 - t0) / n, "cpu": (c1 - c0) / n}), flush=True)


class Worker:
    """A client process driven line by line; its stderr goes to a file (no pipe to fill)."""

    TIMEOUT = 300.0  # seconds for one answer: start-up, or one batch

    def __init__(self, name: str, py: Path, kind: str, port: int, env: dict[str, str]) -> None:
        self.name = name
        self.stderr = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(
            [str(py), str(SCRIPT), "--_worker", kind, "--port", str(port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            env=env,
            cwd="/",
        )
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.error = ""
        try:
            status = json.loads(self._readline())
        except (ValueError, RuntimeError) as exc:
            status = {"ready": False, "error": str(exc)}
        self.ready = bool(status.get("ready"))
        self.error = str(status.get("error", ""))

    def _readline(self) -> str:
        assert self.proc.stdout
        ready, _, _ = select.select([self.proc.stdout], [], [], self.TIMEOUT)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.stderr.seek(0)
            why = "no answer in time" if not ready else "worker exited"
            raise RuntimeError(f"{why}: {tail(self.stderr.read(), 3)}")
        return line

    def batch(self, n: int) -> dict[str, float]:
        assert self.proc.stdin
        self.proc.stdin.write(f"run {n}\n")
        self.proc.stdin.flush()
        result: dict[str, float] = json.loads(self._readline())
        return result

    def close(self) -> None:
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()  # only this worker, which we started
            self.proc.wait()
        self.stderr.close()


def bench_call(report: Report, args: argparse.Namespace) -> None:
    batch = 200
    rounds = args.call_rounds or (10 if args.quick else 15)  # 2,000 / 3,000 calls each
    warmup = 300
    server_py = OURS_PY if python_ok(OURS_PY) else Path(sys.executable)
    max_requests = 10 * (warmup + batch * rounds + 10) + 1000
    server = subprocess.Popen(
        [
            str(server_py),
            str(SCRIPT),
            "--_serve",
            "--max-seconds",
            "900",
            "--max-requests",
            str(max_requests),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=clean_env(),
        cwd="/",
    )
    workers: list[Worker] = []
    try:
        port = int(server.stdout.readline()) if server.stdout else 0
        specs: list[tuple[str, Path, str, dict[str, str]]] = []
        if python_ok(OURS_PY):
            specs += [
                ("raw httpx (.venv)", OURS_PY, "raw", clean_env()),
                ("ours (.venv)", OURS_PY, "ours", clean_env(PYTHONPATH=str(OURS_SRC))),
            ]
        if python_ok(PEER_PY):
            specs += [
                ("raw httpx (peer venv)", PEER_PY, "raw", clean_env()),
                ("official (peer venv)", PEER_PY, "official", clean_env()),
            ]
        errors: dict[str, str] = {}
        for name, py, kind, env in specs:
            w = Worker(name, py, kind, port, env)
            if w.ready:
                workers.append(w)
            else:
                errors[name] = w.error
                w.close()
        log(
            f"call: server on 127.0.0.1:{port}; warm-up {warmup} calls each, then {rounds} "
            f"interleaved rounds of {batch}"
        )
        failed: set[str] = set()

        def measure(w: Worker, n: int) -> dict[str, float] | None:
            if w.name in failed:
                return None
            try:
                return w.batch(n)
            except (RuntimeError, ValueError, OSError) as exc:
                failed.add(w.name)
                errors[w.name] = f"failed while running: {exc}"
                return None

        for w in workers:
            measure(w, warmup)
        for i in range(rounds):
            order = list(workers)
            random.Random(2000 + i).shuffle(order)
            for w in order:
                result = measure(w, batch)
                if result is not None:
                    w.wall.append(result["wall"])
                    w.cpu.append(result["cpu"])
    finally:
        for w in workers:
            w.close()
        if server.stdin:
            server.stdin.close()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    by_name = {w.name: w for w in workers if w.name not in errors}
    for name, py, kind, _ in specs:
        side = (
            "ours"
            if name.startswith("ours")
            else "peer" if name.startswith("official") else "floor"
        )
        raw = "raw httpx (.venv)" if py == OURS_PY else "raw httpx (peer venv)"
        base = None if kind == "raw" else raw
        if name in errors:
            note = (NOT_AVAILABLE + ": " if side == "ours" else "") + errors[name]
            report.detail("call", name + " [wall]", side, "us", None, note)
            continue
        w = by_name[name]
        report.detail(
            "call",
            name + " [wall]",
            side,
            "us",
            summary(w.wall),
            f"{len(w.wall) * batch:,} calls",
            baseline=base and base + " [wall]",
        )
        report.detail(
            "call",
            name + " [client cpu]",
            side,
            "us",
            summary(w.cpu),
            baseline=base and base + " [client cpu]",
        )
    if "ours (.venv)" in errors:
        report.notes.append(f"ours (call): {NOT_AVAILABLE}: {errors['ours (.venv)']}")

    def figure(name: str, attr: str, key: str) -> Any:
        w = by_name.get(name)
        return summary(getattr(w, attr))[key] if w else None

    for attr, label, use_target in (("wall", "wall", True), ("cpu", "client cpu", False)):
        report.ratio(
            "call",
            f"GET per call vs raw httpx [{label}]",
            "us",
            figure("ours (.venv)", attr, "median"),
            figure("raw httpx (.venv)", attr, "median"),
            "raw httpx",
            TARGETS["call_vs_raw"] if use_target else None,
            ours_min=figure("ours (.venv)", attr, "min"),
            peer_min=figure("raw httpx (.venv)", attr, "min"),
            ours_samples=figure("ours (.venv)", attr, "samples"),
            peer_samples=figure("raw httpx (.venv)", attr, "samples"),
        )


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    global OURS_SRC, OURS_REPO
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        choices=["gen", "import", "call", "size"],
        action="append",
        help="run only this benchmark (repeatable)",
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument(
        "--setup",
        action="store_true",
        help=f"create/update {BENCH_VENV.relative_to(ROOT)} with the peers, exit",
    )
    parser.add_argument("--spec", type=Path, default=REAL_SPEC, help="spec for gen and size")
    parser.add_argument(
        "--ours-src",
        type=Path,
        default=OURS_SRC,
        help="folder holding the cloudflare_api package (default generated/src)",
    )
    parser.add_argument(
        "--ours-repo",
        type=Path,
        default=OURS_REPO,
        help="checkout whose generator/ is run (default: this repo)",
    )
    parser.add_argument("--gen-runs", type=int, help="generation runs per contestant")
    parser.add_argument("--import-runs", type=int, help="fresh interpreters per contestant")
    parser.add_argument("--call-rounds", type=int, help="rounds of 200 calls per client")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--_serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--_worker", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--max-seconds", type=float, default=900, help=argparse.SUPPRESS)
    parser.add_argument("--max-requests", type=int, default=1_000_000, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._serve:
        serve(args.max_seconds, args.max_requests)
        return 0
    if args._worker:
        worker(args._worker, args.port)
        return 0
    if args.setup:
        return setup_venv()

    OURS_SRC, OURS_REPO = args.ours_src.resolve(), args.ours_repo.resolve()
    only = set(args.only or ["gen", "import", "call", "size"])
    if not python_ok(PEER_PY):
        log(
            f"warning: {PEER_PY} missing: peer figures will be missing "
            "(run `make bench-peers` or `python bench/bench_peers.py --setup`)"
        )
    report = Report()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bench-peers-") as tmp:
        if only & {"gen", "size"}:
            bench_gen(report, args, Path(tmp), "gen" in only, "size" in only)
    if "import" in only:
        bench_import(report, args)
    if "call" in only:
        bench_call(report, args)

    print(
        f"bench_peers {_dt.date.today().isoformat()}  python {platform.python_version()}  "
        f"cpus {os.cpu_count()}  {'quick' if args.quick else 'full'} ({','.join(sorted(only))})  "
        f"({time.time() - started:.0f} s)"
    )
    print_report(report)

    if args.json:
        payload = {
            "date": _dt.datetime.now().isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
            },
            "quick": args.quick,
            "only": sorted(only),
            "spec": str(args.spec),
            "targets": TARGETS,
            "versions": {
                "peer_venv": (
                    versions(
                        PEER_PY,
                        ("openapi-python-client", "cloudflare", "httpx", "pydantic", "ruff"),
                    )
                    if python_ok(PEER_PY)
                    else None
                ),
                "ours_venv": (
                    versions(OURS_PY, ("httpx", "pydantic", "jinja2", "black"))
                    if python_ok(OURS_PY)
                    else None
                ),
            },
            "results": report.rows,
            "details": [{**d, "x_baseline": report.versus(d)} for d in report.details],
            "notes": report.notes,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        log(f"wrote {args.json}")

    peer_broken = any(r["result"] == "peer failed" for r in report.rows)
    missed = any(r["result"] == "FAIL" for r in report.rows)
    if peer_broken:
        return 2
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
