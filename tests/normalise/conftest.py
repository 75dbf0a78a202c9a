"""Fixtures for the normalise tests: write a small spec to disk, load it, normalise it.

`--update-golden` (or UPDATE_GOLDEN=1) rewrites tests/normalise/golden/ from the current
output instead of comparing with it; the option is declared in tests/conftest.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from normalise_helpers import Normalise, Normalised

from generator.config import Config
from generator.load import load_spec
from generator.normalise import normalise


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False)) or (
        os.environ.get("UPDATE_GOLDEN") == "1"
    )


@pytest.fixture
def normalised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Normalise:
    """Write `document` (and `files`, relative path -> document) under tmp_path; normalise it.

    Runs from tmp_path, so pointers read `openapi.yaml#/...`.
    """
    monkeypatch.chdir(tmp_path)

    def run(
        document: dict[str, Any],
        *,
        files: dict[str, dict[str, Any]] | None = None,
        config: Config | None = None,
        tolerant: bool = True,
        as_json: bool = False,
    ) -> Normalised:
        for name, content in (files or {}).items():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(yaml.safe_dump(content, sort_keys=False))
        entry = tmp_path / ("openapi.json" if as_json else "openapi.yaml")
        entry.write_text(
            json.dumps(document) if as_json else yaml.safe_dump(document, sort_keys=False)
        )
        return normalise(load_spec(entry), config or Config(), tolerant=tolerant)

    return run
