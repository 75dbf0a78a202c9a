"""Fixtures for the render, format and write tests: the sample API rendered once per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from sample_api import sample_api

from generator.config import Config
from generator.format import format_files
from generator.render import render
from generator.write import write_tree

CONFIG = Config()


def run_python(code: str, package_root: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter that imports the package from `package_root/src`."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=package_root,
        env={"PYTHONPATH": str(package_root / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def rendered() -> dict[PurePosixPath, str]:
    return render(sample_api(), CONFIG)


@pytest.fixture(scope="session")
def package(rendered: dict[PurePosixPath, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample package, formatted (black over every file) and written to a temporary folder."""
    out = tmp_path_factory.mktemp("generated") / "out"
    formatted = format_files(rendered, cache_dir=None, trust_layout=False)
    write_tree(out, formatted.files)
    return out
