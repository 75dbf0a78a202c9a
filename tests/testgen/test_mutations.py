"""The generated tests catch a client that disagrees with the spec.

Each case copies generated/, breaks one method of the client by hand the way a bug in the
generator or the runtime would, runs the generated tests of that method in a fresh interpreter,
and expects the named test to fail while a test of another method still passes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from generated_run import run_generated_tests

REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "generated"
CONNECTORS = "src/cloudflare_api/resources/magic/connectors.py"
CONFIG = "src/cloudflare_api/resources/token_validation/config/config.py"
CONNECTORS_TESTS = "tests/resources/test_magic_connectors.py"
CONFIG_TESTS = "tests/resources/test_token_validation_config.py"


@dataclass(frozen=True)
class Mutation:
    module: str  # the client module broken, relative to the package
    before: str  # the text replaced (its first occurrence)
    after: str
    fails: str  # the generated test that must fail
    passes: str  # a test of another method, which must still pass


MUTATIONS = {
    "wrong path segment": Mutation(
        CONNECTORS,
        'path="/accounts/{account_id}/magic/connectors/{connector_id}"',
        'path="/accounts/{account_id}/magic/connector/{connector_id}"',
        f"{CONNECTORS_TESTS}::TestConnectors::test_get[sync]",
        f"{CONNECTORS_TESTS}::TestConnectors::test_list[sync]",
    ),
    "wrong method": Mutation(
        CONNECTORS,
        'method="PATCH"',
        'method="POST"',
        f"{CONNECTORS_TESTS}::TestConnectors::test_edit_with_every_argument[async]",
        f"{CONNECTORS_TESTS}::TestConnectors::test_get[async]",
    ),
    "dropped query parameter": Mutation(
        CONFIG,
        '("per_page", "per_page", "query"),',
        "",
        f"{CONFIG_TESTS}::TestConfig::test_list_with_every_argument[sync]",
        f"{CONFIG_TESTS}::TestConfig::test_get[sync]",
    ),
    "body field under a wrong wire name": Mutation(
        CONFIG,
        '("title", "title", "body")',
        '("title", "name", "body")',
        f"{CONFIG_TESTS}::TestConfig::test_create[async]",
        f"{CONFIG_TESTS}::TestConfig::test_get[async]",
    ),
}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of generated/, brought up to date with the generator (a no-op when it is)."""
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy)
    generate = [sys.executable, "-m", "generator", "generate", "--out", str(copy), "-q"]
    subprocess.run(generate, cwd=REPO, check=True, capture_output=True)
    return copy


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_a_broken_method_fails_its_generated_test(package: Path, mutation: Mutation) -> None:
    module = package / mutation.module
    source = module.read_text(encoding="utf-8")
    assert mutation.before in source, f"{mutation.module} no longer has {mutation.before!r}"
    module.write_text(source.replace(mutation.before, mutation.after, 1), encoding="utf-8")

    outcomes = {o.test: o for o in run_generated_tests(package, mutation.fails, mutation.passes)}

    assert set(outcomes) == {mutation.fails, mutation.passes}
    assert not outcomes[mutation.fails].passed
    assert not outcomes[mutation.fails].skipped
    assert outcomes[mutation.passes].passed, outcomes[mutation.passes].message


def test_the_unbroken_copy_passes_the_same_tests(package: Path) -> None:
    tests = sorted({m.fails for m in MUTATIONS.values()} | {m.passes for m in MUTATIONS.values()})
    outcomes = run_generated_tests(package, *tests)
    assert sorted(o.test for o in outcomes if o.passed) == tests
