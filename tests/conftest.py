"""Shared fixtures: the broken specs under tests/fixtures and the real Cloudflare specs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, SpecError


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files of tests/normalise from the current output",
    )


REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# Read-only material shared between the team's checkouts, next to the repo.
REAL_SPECS = Path(__file__).parents[1].parent / "shared" / "specs" / "cloudflare-real"


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from tests/fixtures, so diagnostics show paths like `valid.yaml`."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


@pytest.fixture
def real_specs() -> list[Path]:
    """The real Cloudflare OpenAPI files; the test is skipped when ../shared is not there."""
    specs = sorted(REAL_SPECS.glob("*.json"))
    if not specs:
        pytest.skip(f"the real Cloudflare specs are not available ({REAL_SPECS} is missing)")
    return specs


SpecErrorOf = Callable[[Callable[[], object]], Diagnostic]


@pytest.fixture
def spec_error() -> SpecErrorOf:
    """A function returning the single diagnostic of the SpecError an action raises."""

    def single_diagnostic(action: Callable[[], object]) -> Diagnostic:
        with pytest.raises(SpecError) as raised:
            action()
        (diagnostic,) = raised.value.diagnostics
        return diagnostic

    return single_diagnostic
