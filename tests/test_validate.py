"""The validate stage: validator errors as located diagnostics, $ref checks, tolerant mode, cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.validate.openapi
from generator.load import load_spec
from generator.validate import validate_spec

OPENAPI_30_HEADER = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"


def test_valid_spec_has_no_diagnostics(in_fixtures: Path) -> None:
    assert validate_spec(load_spec(Path("valid.yaml")), tolerant=False, cache_dir=None) == []


def test_validator_error_is_located_at_the_offending_key(in_fixtures: Path) -> None:
    (diagnostic,) = validate_spec(
        load_spec(Path("validator_error.yaml")), tolerant=False, cache_dir=None
    )
    assert diagnostic.format() == (
        r"validator_error.yaml:11: E100 #/paths/~1zones/get/responses/4xx: '4xx' is not "
        r"allowed: keys here must match ^[1-5](?:\d{2}|XX)$ or ^x- Hint: write status code "
        r"ranges in upper case: 4XX."
    )
    assert diagnostic.severity == "error"


def test_tolerant_mode_turns_validator_errors_into_warnings(in_fixtures: Path) -> None:
    (diagnostic,) = validate_spec(
        load_spec(Path("validator_error.yaml")), tolerant=True, cache_dir=None
    )
    assert (diagnostic.code, diagnostic.severity, diagnostic.line) == ("W100", "warning", 11)


def test_error_in_another_file_is_reported_in_that_file(in_fixtures: Path) -> None:
    (diagnostic,) = validate_spec(
        load_spec(Path("cross_file/api.yaml")), tolerant=False, cache_dir=None
    )
    assert diagnostic.format() == (
        "cross_file/schemas.yaml:6: E100 #/Zone/properties/paused/default: default value: "
        "'no' is not of type 'boolean' Hint: change the value to the expected type."
    )


def test_every_error_is_collected(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        OPENAPI_30_HEADER + "paths:\n"
        "  /zones/{zone_id}:\n"
        "    get:\n      operationId: zones\n      responses: {'200': {description: ok}}\n"
        "    put:\n      operationId: zones\n"
        "      parameters: [{name: zone_id, in: path, required: true, schema: {type: string}}]\n"
        "      responses: {5xx: {description: down}}\n"
        "components:\n  schemas:\n    Zone:\n      type: object\n      required: [b, a]\n"
        "      allOf: [{type: object}]\n"
    )
    diagnostics = validate_spec(load_spec(tmp_path / "api.yaml"), tolerant=False, cache_dir=None)
    assert [(d.line, d.pointer, d.message) for d in diagnostics] == [
        (
            5,
            "#/paths/~1zones~1{zone_id}/get",
            "Path parameter 'zone_id' for 'get' operation in '/zones/{zone_id}' was not resolved",
        ),
        (
            9,
            "#/paths/~1zones~1{zone_id}/put/operationId",
            "Operation ID 'zones' for 'put' in '/zones/{zone_id}' is not unique",
        ),
        (
            11,
            "#/paths/~1zones~1{zone_id}/put/responses/5xx",
            r"'5xx' is not allowed: keys here must match ^[1-5](?:\d{2}|XX)$ or ^x-",
        ),
        (
            16,
            "#/components/schemas/Zone/required",
            "Required list has not defined properties: ['a', 'b']",
        ),
    ]


def test_validator_failing_on_unexpected_input_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        OPENAPI_30_HEADER + "paths:\n  /zones:\n    parameters:\n      - in: query\n"
    )
    diagnostics = validate_spec(load_spec(tmp_path / "api.yaml"), tolerant=True, cache_dir=None)
    assert [(d.code, d.line, d.pointer, d.message) for d in diagnostics] == [
        ("W100", 1, "#", "openapi-spec-validator stopped early: KeyError: 'name'"),
        ("W100", 6, "#/paths/~1zones/parameters/0", "'name' is a required property"),
    ]


def test_broken_refs_are_errors_even_in_tolerant_mode(in_fixtures: Path) -> None:
    for name, code, line in (("missing_ref.yaml", "E005", 12), ("ref_cycle.yaml", "E006", 11)):
        (diagnostic,) = validate_spec(load_spec(Path(name)), tolerant=True, cache_dir=None)
        assert (diagnostic.file, diagnostic.code, diagnostic.line) == (name, code, line)
        assert diagnostic.severity == "error"


def test_ref_inside_an_example_is_data_not_a_reference(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        OPENAPI_30_HEADER + "paths: {}\ncomponents:\n  schemas:\n    Ref:\n      type: object\n"
        "      example: {$ref: '#/nowhere'}\n      properties:\n"
        "        default: {$ref: '#/components/schemas/Ref'}\n"
    )
    assert validate_spec(load_spec(tmp_path / "api.yaml"), tolerant=False, cache_dir=None) == []


def test_file_passed_through_in_a_chain_of_refs_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        OPENAPI_30_HEADER + "paths: {}\ncomponents:\n  schemas:\n    Zone: {$ref: 'a.yaml#/Zone'}\n"
    )
    (tmp_path / "a.yaml").write_text("Zone: {$ref: 'b.yaml#/Zone'}\nBroken: {$ref: '#/Nope'}\n")
    (tmp_path / "b.yaml").write_text("Zone: {type: object}\n")
    (diagnostic,) = validate_spec(load_spec(tmp_path / "api.yaml"), tolerant=False, cache_dir=None)
    assert (diagnostic.code, diagnostic.file, diagnostic.line, diagnostic.pointer) == (
        "E005",
        str(tmp_path / "a.yaml"),
        2,
        "#/Broken/$ref",
    )


def test_invalid_file_reached_by_a_ref_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        OPENAPI_30_HEADER + "paths: {}\ncomponents:\n  schemas:\n    Zone: {$ref: 'zone.yaml'}\n"
    )
    (tmp_path / "zone.yaml").write_text("type: [object\n")
    (diagnostic,) = validate_spec(load_spec(tmp_path / "api.yaml"), tolerant=False, cache_dir=None)
    assert (diagnostic.code, diagnostic.file, diagnostic.line) == (
        "E002",
        str(tmp_path / "zone.yaml"),
        2,
    )


def test_version_picks_the_validator(tmp_path: Path) -> None:
    """`type: [string, "null"]` is JSON Schema 2020-12: valid in 3.1, an error in 3.0."""
    schemas = "paths: {}\ncomponents:\n  schemas:\n    Name: {type: [string, 'null']}\n"
    (tmp_path / "v31.yaml").write_text("openapi: 3.1.0\ninfo: {title: T, version: '1'}\n" + schemas)
    (tmp_path / "v30.yaml").write_text(OPENAPI_30_HEADER + schemas)
    assert validate_spec(load_spec(tmp_path / "v31.yaml"), tolerant=False, cache_dir=None) == []
    diagnostics = validate_spec(load_spec(tmp_path / "v30.yaml"), tolerant=False, cache_dir=None)
    assert {d.pointer for d in diagnostics} == {"#/components/schemas/Name/type"}


def test_cache_reuses_the_result_until_any_loaded_file_changes(
    in_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    for name in ("api.yaml", "schemas.yaml"):
        (spec_dir / name).write_text((in_fixtures / "cross_file" / name).read_text())
    cache_dir = tmp_path / "cache"
    first = validate_spec(load_spec(spec_dir / "api.yaml"), tolerant=False, cache_dir=cache_dir)
    assert len(list(cache_dir.glob("*.json"))) == 1

    def not_called(*args: object) -> None:
        raise AssertionError("validated again although nothing changed")

    with monkeypatch.context() as patch:
        patch.setattr(generator.validate.openapi, "validator_diagnostics", not_called)
        cached_spec = load_spec(spec_dir / "api.yaml")
        assert validate_spec(cached_spec, tolerant=False, cache_dir=cache_dir) == first
        assert cached_spec.files == [spec_dir / "api.yaml", spec_dir / "schemas.yaml"]

    tolerant = validate_spec(load_spec(spec_dir / "api.yaml"), tolerant=True, cache_dir=cache_dir)
    assert [d.code for d in tolerant] == ["W100"]

    schemas = spec_dir / "schemas.yaml"
    schemas.write_text(schemas.read_text().replace('default: "no"', "default: false"))
    assert (
        validate_spec(load_spec(spec_dir / "api.yaml"), tolerant=False, cache_dir=cache_dir) == []
    )


def test_broken_references_are_not_cached(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        OPENAPI_30_HEADER + "paths: {}\ncomponents:\n  schemas:\n    Zone: {$ref: 'zone.yaml'}\n"
    )
    cache_dir = tmp_path / "cache"
    (diagnostic,) = validate_spec(
        load_spec(tmp_path / "api.yaml"), tolerant=False, cache_dir=cache_dir
    )
    assert diagnostic.code == "E005"
    (tmp_path / "zone.yaml").write_text("type: object\n")
    assert (
        validate_spec(load_spec(tmp_path / "api.yaml"), tolerant=False, cache_dir=cache_dir) == []
    )


def test_damaged_cache_entry_is_ignored(in_fixtures: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first = validate_spec(
        load_spec(Path("validator_error.yaml")), tolerant=False, cache_dir=cache_dir
    )
    (entry,) = cache_dir.glob("*.json")
    entry.write_text('{"files": {}, "diagnostics": [{"line": 3}]}')
    assert (
        validate_spec(load_spec(Path("validator_error.yaml")), tolerant=False, cache_dir=cache_dir)
        == first
    )


@pytest.mark.real
def test_real_cloudflare_specs_give_about_180_warnings(real_specs: list[Path]) -> None:
    for path in real_specs:
        diagnostics = validate_spec(load_spec(path), tolerant=True, cache_dir=None)
        assert all(d.code == "W100" and d.severity == "warning" for d in diagnostics)
        assert 150 <= len(diagnostics) <= 210, f"{path.name}: {len(diagnostics)} warnings"
