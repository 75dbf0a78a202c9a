"""The rendered tests of a small hand-built API: what they check, that they are in black's
layout, and that they pass against the client rendered beside them."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from generated_run import run_generated_tests
from small_api import small_api

from generator.config import Config
from generator.format import format_source, needs_black
from generator.render import environment, render
from generator.render_tests import plan_tests, render_tests

CONFIG = Config(
    spec=Path("specs/widgets.yaml"),
    out=Path("build/widgets"),
    package_name="widgets_api",
    distribution_name="widgets-api",
    client_name="Widgets",
    base_url_env_var="WIDGETS_BASE_URL",
)
TEST_MODULE = PurePosixPath("tests/resources/test_widgets.py")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rendered() -> dict[PurePosixPath, str]:
    return render_tests(small_api(), CONFIG, environment())


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole package of the small API, client and tests, written to a folder."""
    root = tmp_path_factory.mktemp("widgets")
    for path, text in render(small_api(), CONFIG).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def test_render_writes_the_tests_beside_the_client(rendered: dict[PurePosixPath, str]) -> None:
    assert sorted(map(str, rendered)) == [
        "tests/conftest.py",
        "tests/mock_transport.py",
        "tests/resources/test_widgets.py",
    ]
    for path, text in rendered.items():
        compile(text, str(path), "exec")


def test_rendering_is_deterministic(rendered: dict[PurePosixPath, str]) -> None:
    assert render_tests(small_api(), CONFIG, environment()) == rendered


def test_the_rendered_tests_are_in_blacks_layout(rendered: dict[PurePosixPath, str]) -> None:
    # the format stage trusts them: no line black would split, and black changes nothing
    for path, text in rendered.items():
        assert not needs_black(text), f"{path} has a line black would split"
        assert format_source(path, text) == text, f"{path} is not in black's layout"


def test_the_seed_packages_tests_are_in_blacks_layout() -> None:
    tests = sorted((REPO / "generated" / "tests").rglob("*.py"))
    assert len(tests) >= 3
    for path in tests:
        text = path.read_text(encoding="utf-8")
        assert not needs_black(text), f"{path} has a line black would split"
        assert format_source(PurePosixPath(path.name), text) == text, f"{path}: not black's"


def test_the_conftest_finds_the_spec_relative_to_the_package(
    rendered: dict[PurePosixPath, str],
) -> None:
    conftest = rendered[PurePosixPath("tests/conftest.py")]
    assert 'SPEC_PATH = "../../specs/widgets.yaml"' in conftest
    assert "SPEC = Path(__file__).resolve().parent.parent / SPEC_PATH" in conftest
    assert 'BASE_URL = "https://api.example.com/client/v4"' in conftest
    assert 'DEFAULT_CREDENTIALS = ("api_token",)' in conftest


def test_a_call_is_checked_against_the_spec(rendered: dict[PurePosixPath, str]) -> None:
    module = rendered[TEST_MODULE]
    expected = """\
    def test_get(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = call(
            lambda client: client.widgets.get(
                "widget_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "GET",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/widgets/widget_id",
            headers={"Authorization": "Bearer test-api-token"},
            content=b"",
        )
        assert isinstance(result, Widget)
        assert result.id == "w-1"
"""
    assert expected in module
    assert 'query={"colours": "red", "verbose": "true"},' in module
    # every argument: given as Python values, sent as the spec's wire values
    assert '"made_on": datetime.date(2024, 1, 31),' in module
    assert '"made_on": "2024-01-31",' in module
    assert "result = call(lambda client: client.widgets.create(**CREATE_ALL_ARGUMENTS))" in module


def test_invalid_arguments_come_from_the_constraints(rendered: dict[PurePosixPath, str]) -> None:
    module = rendered[TEST_MODULE]
    for case in (
        'pytest.param("account_id", NOT_GIVEN, id="account_id-missing")',
        'pytest.param("account_id", "", id="account_id-empty")',
        'pytest.param("widget_id", "", id="widget_id-empty")',
        'pytest.param("account_id", "x" * 33, id="account_id-longer-than-32")',
        'pytest.param("name", "", id="name-shorter-than-1")',
        'pytest.param("size", 11, id="size-above-10")',
        'pytest.param("colour", "not-a-member", id="colour-not-a-member")',
        'pytest.param("colours", ["not-a-member"], id="colours-item-not-a-member")',
        'pytest.param("per_page", 4, id="per_page-below-5")',
    ):
        assert case in module


def test_an_operation_needing_other_credentials_is_marked(
    rendered: dict[PurePosixPath, str],
) -> None:
    module = rendered[TEST_MODULE]
    assert '@pytest.mark.credentials("api_email", "api_key")\n    def test_create(' in module
    assert 'headers={"X-Auth-Email": "test-api-email", "X-Auth-Key": "test-api-key"},' in module


def test_a_value_no_pattern_match_was_found_for_skips_the_tests_sending_it(
    rendered: dict[PurePosixPath, str],
) -> None:
    module = rendered[TEST_MODULE]
    reason = '@pytest.mark.skip(reason="no string matching `^(?!x)[a-z]{2}$` was found")'
    assert f"{reason}\n    def test_create_with_every_argument(" in module
    assert f"marks=pytest.mark.{reason[len('@pytest.mark.'):]}," in module  # its contract test
    # the call with the required arguments only does not send it
    assert f"{reason}\n    def test_create(" not in module
    (diagnostic,) = plan_tests(small_api(), CONFIG).diagnostics
    assert diagnostic.code == "W402"  # type: ignore[attr-defined]


def test_the_rendered_tests_pass_against_the_rendered_client(package: Path) -> None:
    outcomes = run_generated_tests(package)
    failed = [f"{o.test}: {o.message}" for o in outcomes if not o.passed and not o.skipped]
    skipped = sorted(outcome.test for outcome in outcomes if outcome.skipped)
    assert failed == []
    assert skipped == [
        "tests/resources/test_widgets.py::TestWidgets::test_create_with_every_argument[async]",
        "tests/resources/test_widgets.py::TestWidgets::test_create_with_every_argument[sync]",
    ]
    assert len(outcomes) > 60
