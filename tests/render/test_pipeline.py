"""The pipeline end to end on the seed spec, `diff` and `ir`, and the whole real spec (`real`)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from render_helpers import run_python
from sample_api import CONNECTORS, MAGIC, UPGRADE_WINDOW, field, sample_api

from generator import ir, pipeline
from generator.config import Config, load_config
from generator.format import format_files
from generator.render import RenderError

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
REAL_SPEC = SHARED / "specs" / "cloudflare-real" / "openapi-2024-02-09a.json"


def seed_config(out: Path, **overrides: object) -> Config:
    return load_config(REPO / "pyproject.toml", out=out, **overrides)


def test_generate_writes_the_package_and_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert pipeline.generate(seed_config(out), check=False, report=report, quiet=False) == 0
    assert (out / "src/cloudflare_api/_client.py").is_file()
    assert (out / ".generator-manifest.json").is_file()
    numbers = json.loads(report.read_text())
    assert numbers["operations"]["generated"] == numbers["operations"]["total"] > 0
    assert numbers["operations"]["dropped"] == []
    assert {"models", "enums", "unions", "payload_coverage", "diagnostics", "peak_rss_mib"} <= set(
        numbers
    )
    assert {"load", "normalise", "render", "format", "validate", "write"} <= set(numbers["timings"])
    progress = capsys.readouterr().err
    assert "[normalise] " in progress and " operations, " in progress and "[write] " in progress


def test_check_reports_a_stale_output_and_then_a_fresh_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    config = seed_config(out)
    assert pipeline.generate(config, check=True, report=None, quiet=True) == 1
    assert not out.exists(), "--check writes nothing"
    assert "added    README.md" in capsys.readouterr().err
    assert pipeline.generate(config, check=False, report=None, quiet=True) == 0
    assert pipeline.generate(config, check=True, report=None, quiet=True) == 0


def test_a_failed_render_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(api: ir.Api, config: Config) -> object:
        raise RenderError("union 'X' is built from itself with no model between")

    monkeypatch.setattr(pipeline, "render", broken)
    out = tmp_path / "out"
    assert pipeline.generate(seed_config(out), check=False, report=None, quiet=True) == 1
    assert not out.exists()
    assert "a bug in the generator" in capsys.readouterr().err


def test_spec_errors_stop_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    config = seed_config(out, spec=REPO / "tests/fixtures/validator_error.yaml")
    assert pipeline.generate(config, check=False, report=None, quiet=True) == 1
    assert not out.exists()
    assert "E100" in capsys.readouterr().err


def test_print_ir_prints_the_normalised_api(capsys: pytest.CaptureFixture[str]) -> None:
    assert pipeline.print_ir(seed_config(Path("unused")), quiet=True) == 0
    assert "mconn-connector-list" in capsys.readouterr().out


def test_diff_of_a_spec_with_itself_is_empty(capsys: pytest.CaptureFixture[str]) -> None:
    config = seed_config(Path("unused"))
    assert pipeline.diff(config, old_spec=config.spec, quiet=True) == 0
    assert capsys.readouterr().out.splitlines() == [
        "operations: 0 added, 0 removed, 0 changed",
        "models: 0 added, 0 removed, 0 changed",
    ]


def test_diff_names_added_removed_and_changed_parts() -> None:
    old = sample_api()
    listing, edit = CONNECTORS.operations
    edit = dataclasses.replace(edit, parameters=edit.parameters[:1])  # connector_id removed
    get = dataclasses.replace(listing, name="get", operation_id="get", path=listing.path + "/{id}")
    connectors = dataclasses.replace(CONNECTORS, operations=(edit, get))
    window = dataclasses.replace(
        UPGRADE_WINDOW, fields=(*UPGRADE_WINDOW.fields, field("timezone", ir.TypeRef("string")))
    )
    new = dataclasses.replace(
        old,
        resources=(dataclasses.replace(MAGIC, children=(connectors,)), *old.resources[1:]),
        models=tuple(window if model is UPGRADE_WINDOW else model for model in old.models),
    )
    assert pipeline.api_diff(old, new) == [
        "operations: 1 added, 1 removed, 1 changed",
        "  changed  magic.connectors.edit  -connector_id",
        "  added    magic.connectors.get   GET /accounts/{account_id}/magic/connectors/{id}",
        "  removed  magic.connectors.list  GET /accounts/{account_id}/magic/connectors",
        "models: 0 added, 0 removed, 1 changed",
        "  changed  UpgradeWindow  +timezone: string?",
    ]


@pytest.mark.real
def test_the_whole_real_spec_generates_a_package_that_imports_and_type_checks(
    tmp_path: Path,
) -> None:
    if not REAL_SPEC.is_file():
        pytest.skip(f"the real Cloudflare spec is not available ({REAL_SPEC} is missing)")
    out, report = tmp_path / "out", tmp_path / "report.json"
    config = seed_config(out, spec=REAL_SPEC, tolerant=True)
    assert pipeline.generate(config, check=False, report=report, quiet=True) == 0
    numbers = json.loads(report.read_text())
    spec = json.loads(REAL_SPEC.read_text())
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    in_spec = sum(1 for item in spec["paths"].values() for method in item if method in methods)
    assert numbers["operations"]["generated"] == in_spec, numbers["operations"]

    imported = run_python(
        "import cloudflare_api, cloudflare_api.types._shared\n"
        "client = cloudflare_api.Cloudflare(api_token='t')\n"
        "print(type(client.zones).__name__, type(client.dns_records).__name__)\n",
        out,
    )
    assert imported.returncode == 0, imported.stderr

    # everything the format stage trusted in the package is what black would write
    files = {
        PurePosixPath(path.relative_to(out)): path.read_text()
        for path in (out / "src").rglob("*.py")
    }
    checked = format_files(files, cache_dir=None, trust_layout=False)
    assert checked.changed == 0

    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert typed.returncode == 0, typed.stdout[-5000:]
