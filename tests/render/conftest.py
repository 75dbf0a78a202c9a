"""Fixtures for the render, format and write tests: the sample API rendered once per session."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from render_helpers import CONFIG
from sample_api import sample_api

from generator.format import format_files
from generator.render import render
from generator.write import write_tree


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
