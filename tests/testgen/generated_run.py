"""Running a generated package's own tests in a fresh interpreter, and reading the outcome.

The package under test is put first on PYTHONPATH, so its tests import it and not another
installed copy (the Makefile installs generated/ in editable mode).
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """One generated test's result: `tests/resources/test_x.py::TestX::test_y[id]`."""

    test: str
    passed: bool
    skipped: bool
    message: str  # the first line of the failure, or the skip reason


def run_generated_tests(
    package: Path,
    *tests: str,
    marker: str = "not contract",
    workers: int = 0,
    timeout: float = 600,
) -> list[Outcome]:
    """Run pytest on `tests` (node ids relative to `package`; default all) selected by
    `marker`, and return every outcome."""
    report = package / ".pytest-report.xml"
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "asyncio_default_fixture_loop_scope=function",
        f"--junitxml={report}",
        f"--rootdir={package}",
        *(("-m", marker) if marker else ()),
        *(("-n", str(workers)) if workers else ()),
        *(tests or ("tests",)),
    ]
    environment = {**os.environ, "PYTHONPATH": str(package / "src")}
    completed = subprocess.run(
        command,
        cwd=package,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode not in (0, 1) or not report.exists():
        raise AssertionError(
            f"pytest could not run the generated tests (exit {completed.returncode}):\n"
            f"{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}"
        )
    return read_junit(report)


def read_junit(report: Path) -> list[Outcome]:
    outcomes = []
    for case in ElementTree.parse(report).iter("testcase"):
        module = case.get("classname", "")
        name = case.get("name", "")
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        skipped = case.find("skipped")
        outcomes.append(
            Outcome(
                test=_node_id(module, name),
                passed=failure is None and skipped is None,
                skipped=skipped is not None,
                message=_first_line(failure if failure is not None else skipped),
            )
        )
    return outcomes


def _node_id(classname: str, name: str) -> str:
    """`tests.resources.test_x.TestX` + `test_y` -> `tests/resources/test_x.py::TestX::test_y`."""
    parts = classname.split(".")
    for index in range(len(parts), 0, -1):
        if parts[index - 1].startswith("test_"):
            path = "/".join(parts[:index]) + ".py"
            return "::".join([path, *parts[index:], name])
    return f"{classname}::{name}"


def _first_line(element: ElementTree.Element | None) -> str:
    if element is None:
        return ""
    text = element.get("message") or element.text or ""
    return text.strip().splitlines()[0] if text.strip() else ""
