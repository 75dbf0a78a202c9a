"""The generated tests of the whole real Cloudflare description (`make test-real`).

The package is generated into a temporary folder in tolerant mode, its offline tests run in
two workers, and a report lists the failures by operation with their reasons:
build/test-real/generated-tests.json, and the same as a sorted, aligned text summary in
build/test-real/generated-tests.txt. At least 95% of the tests must pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from generated_run import Outcome, run_generated_tests

from generator.config import load_config
from generator.load import load_spec
from generator.normalise import normalise
from generator.render_tests import TEST_SUFFIXES, plan_tests

REPO = Path(__file__).resolve().parents[2]
REAL_SPEC = REPO.parent / "shared" / "specs" / "cloudflare-real" / "openapi-2024-02-09a.json"
REPORT = REPO / "build" / "test-real"
REQUIRED_PASS_RATE = 0.95

pytestmark = pytest.mark.real


def test_the_generated_tests_of_the_real_spec_pass(tmp_path: Path) -> None:
    if not REAL_SPEC.is_file():
        pytest.skip(f"the real Cloudflare spec is not available ({REAL_SPEC} is missing)")
    package = tmp_path / "cloudflare"
    started = time.perf_counter()
    generate = [
        sys.executable, "-m", "generator", "generate",
        "--spec", str(REAL_SPEC), "--out", str(package), "--tolerant", "-q",
    ]  # fmt: skip
    subprocess.run(generate, cwd=REPO, check=True, capture_output=True, text=True)
    generated = time.perf_counter()
    outcomes = run_generated_tests(package, workers=2, timeout=3000)
    finished = time.perf_counter()

    operations = _operations_by_test()
    report = _report(outcomes, operations, generated - started, finished - generated)
    REPORT.mkdir(parents=True, exist_ok=True)
    (REPORT / "generated-tests.json").write_text(json.dumps(report, indent=2) + "\n")
    (REPORT / "generated-tests.txt").write_text(_summary(report))

    assert report["tests"] > 10_000
    assert report["pass_rate"] >= REQUIRED_PASS_RATE, _summary(report)


def _operations_by_test() -> dict[tuple[str, str], dict[str, str]]:
    """(test module, test function) -> the operation it tests, from the same plan the
    generator rendered the tests from."""
    config = load_config(REPO / "pyproject.toml", spec=REAL_SPEC, tolerant=True)
    api, _ = normalise(load_spec(REAL_SPEC), config, tolerant=True)
    found = {}
    for resource in plan_tests(api, config).resources:
        for tests in resource.operations:
            operation = tests.operation
            described = {
                "operation_id": operation.operation_id,
                "method": operation.method,
                "path": operation.path,
                "call": f"client.{tests.target}",
            }
            for suffix in TEST_SUFFIXES:
                found[(str(resource.path), f"test_{tests.name}{suffix}")] = described
    return found


def _report(
    outcomes: list[Outcome],
    operations: dict[tuple[str, str], dict[str, str]],
    generate_seconds: float,
    test_seconds: float,
) -> dict[str, object]:
    failures: dict[str, dict[str, object]] = {}
    by_operation: defaultdict[str, list[dict[str, str]]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.passed or outcome.skipped:
            continue
        module, *_, function = outcome.test.split("::")
        described = operations.get((module, function.split("[")[0]))
        key = described["operation_id"] if described else outcome.test
        failures.setdefault(key, dict(described or {"operation_id": key}))
        by_operation[key].append({"test": outcome.test, "reason": outcome.message})
    for key, tests in by_operation.items():
        failures[key]["failed_tests"] = sorted(tests, key=lambda test: test["test"])
    passed = sum(outcome.passed for outcome in outcomes)
    skipped = sum(outcome.skipped for outcome in outcomes)
    ran = len(outcomes) - skipped
    return {
        "spec": str(REAL_SPEC),
        "tests": len(outcomes),
        "passed": passed,
        "failed": ran - passed,
        "skipped": skipped,
        "pass_rate": round(passed / ran, 4) if ran else 0.0,
        "operations_with_failures": len(failures),
        "generate_seconds": round(generate_seconds, 1),
        "test_seconds": round(test_seconds, 1),
        "failures": [failures[key] for key in sorted(failures)],
    }


def _summary(report: dict[str, object]) -> str:
    """The report as text: totals, then one line per failed test, sorted by operation."""
    lines = [
        f"{report['passed']} passed, {report['failed']} failed, {report['skipped']} skipped "
        f"of {report['tests']} generated tests ({float(str(report['pass_rate'])):.2%} pass); "
        f"generated in {report['generate_seconds']} s, run in {report['test_seconds']} s",
        f"{report['operations_with_failures']} operations with failures:",
    ]
    rows = []
    failures = report["failures"]
    assert isinstance(failures, list)
    for failure in failures:
        for test in failure.get("failed_tests", []):
            name = test["test"].split("::", 1)[1]
            rows.append((failure["operation_id"], name, test["reason"][:160]))
    widths = [max((len(row[column]) for row in rows), default=0) for column in (0, 1)]
    for operation_id, name, reason in rows:
        lines.append(f"  {operation_id:<{widths[0]}}  {name:<{widths[1]}}  {reason}")
    return "\n".join(lines) + "\n"
