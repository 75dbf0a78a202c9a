"""Helpers shared by the render, format and write tests (fixtures live in conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.config import Config

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
