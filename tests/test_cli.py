"""The command line: exit codes, what reaches stderr, and hand-off to the pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import generator
from generator.cli import main
from generator.config import Config

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def run_generator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` in a fresh interpreter, from `cwd`."""
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_validate_exits_0_on_a_valid_spec(tmp_path: Path) -> None:
    result = run_generator("validate", str(FIXTURES / "valid.yaml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"{FIXTURES / 'valid.yaml'}: valid"
    assert result.stdout == ""


def test_validate_exits_1_on_an_invalid_spec(tmp_path: Path) -> None:
    result = run_generator(
        "validate", "-q", "--spec", str(FIXTURES / "validator_error.yaml"), cwd=tmp_path
    )
    assert result.returncode == 1
    shown = FIXTURES / "validator_error.yaml"
    assert result.stderr.splitlines() == [
        f"{shown}:11: E100 #/paths/~1zones/get/responses/4xx: '4xx' is not allowed: keys here "
        r"must match ^[1-5](?:\d{2}|XX)$ or ^x- Hint: write status code ranges in upper case: 4XX.",
        f"{shown}: 1 error",
    ]


def test_tolerant_validate_counts_warnings_and_exits_0(
    in_fixtures: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "pyproject.toml"
    assert (
        main(["validate", "validator_error.yaml", "--tolerant", "-q", "--config", str(config)]) == 0
    )
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("validator_error.yaml:11: W100 ")
    assert lines[-1] == "validator_error.yaml: 1 warning"


def test_spec_error_prints_the_diagnostic_and_exits_1(
    in_fixtures: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "pyproject.toml"
    assert main(["validate", "not_a_mapping.yaml", "--config", str(config)]) == 1
    assert capsys.readouterr().err == (
        "not_a_mapping.yaml:1: E003 #: the document is a list, not a mapping Hint: a spec "
        "file's top level is a mapping of keys such as openapi, info and paths.\n"
    )


def test_progress_goes_to_stderr_unless_quiet(
    in_fixtures: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "pyproject.toml"
    assert main(["validate", "valid.yaml", "--config", str(config)]) == 0
    stages = [line.split()[0] for line in capsys.readouterr().err.splitlines()]
    assert stages == ["[load]", "[validate]", "valid.yaml:"]


def test_report_lists_every_diagnostic(in_fixtures: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    config = tmp_path / "pyproject.toml"
    arguments = [
        "validate",
        "ref_cycle.yaml",
        "-q",
        "--report",
        str(report),
        "--config",
        str(config),
    ]
    assert main(arguments) == 1
    written = json.loads(report.read_text())
    assert (written["spec"], written["valid"], written["counts"]) == (
        "ref_cycle.yaml",
        False,
        {"E006": 1},
    )
    assert written["diagnostics"][0]["line"] == 11


def test_settings_come_from_the_config_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "api.yaml").write_text((FIXTURES / "validator_error.yaml").read_text())
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.generator]\nspec = "specs/api.yaml"\ntolerant = true\n')
    assert main(["validate", "-q", "--config", str(config)]) == 0
    assert capsys.readouterr().err.splitlines()[-1].endswith("api.yaml: 1 warning")
    assert list((tmp_path / ".cache" / "validate").glob("*.json"))


def test_bad_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.generator]\nspecification = "api.yaml"\n')
    assert main(["validate", "--config", str(config)]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: {config}: unknown keys in [tool.generator]: specification."
    )


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Config, dict[str, object]]]:
    """Stand in for generator.pipeline; returns the calls the command line makes to it."""
    calls: list[tuple[str, Config, dict[str, object]]] = []
    pipeline = types.ModuleType("generator.pipeline")
    for name in ("generate", "diff", "print_ir"):

        def record(config: Config, *, _name: str = name, **options: object) -> int:
            calls.append((_name, config, options))
            return 0

        setattr(pipeline, name, record)
    monkeypatch.setitem(sys.modules, "generator.pipeline", pipeline)
    monkeypatch.setattr(generator, "pipeline", pipeline, raising=False)
    return calls


def test_generate_diff_and_ir_hand_over_to_the_pipeline(
    tmp_path: Path, fake_pipeline: list[tuple[str, Config, dict[str, object]]]
) -> None:
    config = str(tmp_path / "pyproject.toml")
    report = tmp_path / "report.json"
    assert (
        main(
            ["generate", "--check", "--report", str(report), "--out", "build/x", "--config", config]
        )
        == 0
    )
    assert main(["diff", "old.yaml", "-q", "--spec", "new.yaml", "--config", config]) == 0
    assert main(["ir", "--tolerant", "--config", config]) == 0
    (generate, generate_config, generate_options), diff, ir = fake_pipeline
    assert (generate, generate_config.out) == ("generate", Path("build/x"))
    assert generate_options == {"check": True, "report": report, "quiet": False}
    assert (diff[0], diff[1].spec, diff[2]) == (
        "diff",
        Path("new.yaml"),
        {"old_spec": Path("old.yaml"), "quiet": True},
    )
    assert (ir[0], ir[1].tolerant, ir[2]) == ("print_ir", True, {"quiet": False})
