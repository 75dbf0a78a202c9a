"""The load stage: parsing, the errors a user sees, $ref resolution and line lookup."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.load import Located, LoadedSpec, load_spec, pointer_from_path

SpecErrorOf = Callable[[Callable[[], object]], Diagnostic]


def node_at(spec: LoadedSpec, *path: str | int) -> Located:
    node = spec.root_node
    for key in path:
        node = spec.child(node, key)
    return node


# Each failure, as the user sees it.


def test_missing_file(in_fixtures: Path, spec_error: SpecErrorOf) -> None:
    diagnostic = spec_error(lambda: load_spec(Path("no_such_spec.yaml")))
    assert diagnostic.format() == "no_such_spec.yaml: E001 #: file not found Hint: check the path."
    assert (diagnostic.file, diagnostic.line) == ("no_such_spec.yaml", 0)


def test_invalid_yaml_reports_the_parsers_line(in_fixtures: Path, spec_error: SpecErrorOf) -> None:
    diagnostic = spec_error(lambda: load_spec(Path("invalid_yaml.yaml")))
    assert diagnostic.format() == (
        "invalid_yaml.yaml:5: E002 #: not valid YAML: did not find expected ',' or ']' "
        "(column 6) Hint: fix the syntax at this line."
    )


def test_invalid_json_reports_the_parsers_line(in_fixtures: Path, spec_error: SpecErrorOf) -> None:
    diagnostic = spec_error(lambda: load_spec(Path("invalid_json.json")))
    assert diagnostic.format() == (
        "invalid_json.json:5: E002 #: not valid JSON: Expecting property name enclosed in "
        "double quotes (column 1) Hint: fix the syntax at this line."
    )


def test_document_that_is_not_a_mapping(in_fixtures: Path, spec_error: SpecErrorOf) -> None:
    diagnostic = spec_error(lambda: load_spec(Path("not_a_mapping.yaml")))
    assert diagnostic.format() == (
        "not_a_mapping.yaml:1: E003 #: the document is a list, not a mapping Hint: a spec "
        "file's top level is a mapping of keys such as openapi, info and paths."
    )


def test_unknown_openapi_version_points_at_the_field(
    in_fixtures: Path, spec_error: SpecErrorOf
) -> None:
    diagnostic = spec_error(lambda: load_spec(Path("unknown_version.yaml")))
    assert diagnostic.format() == (
        "unknown_version.yaml:4: E004 #/openapi: unsupported OpenAPI version '3.2.0'; only "
        "3.0.x and 3.1.x are supported Hint: use the 3.1.x or 3.0.x version the spec follows."
    )


def test_swagger_2_is_not_openapi_3(in_fixtures: Path, spec_error: SpecErrorOf) -> None:
    diagnostic = spec_error(lambda: load_spec(Path("swagger.yaml")))
    assert diagnostic.format() == (
        "swagger.yaml:1: E004 #: not an OpenAPI 3 document: swagger 2.0 Hint: convert it to "
        "OpenAPI 3 first (for example with swagger2openapi)."
    )


def test_unquoted_version_number(tmp_path: Path, spec_error: SpecErrorOf) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text("info: {title: T, version: '1'}\nopenapi: 3.0\n")
    diagnostic = spec_error(lambda: load_spec(spec))
    assert (diagnostic.code, diagnostic.line, diagnostic.pointer) == ("E004", 2, "#/openapi")
    assert diagnostic.hint == "write the version as a quoted string such as '3.1.0' or '3.0.3'."


def test_ref_to_a_missing_target_points_at_the_ref(
    in_fixtures: Path, spec_error: SpecErrorOf
) -> None:
    spec = load_spec(Path("missing_ref.yaml"))
    owner = node_at(spec, "components", "schemas", "Zone", "properties", "owner")
    diagnostic = spec_error(lambda: spec.deref(owner))
    assert diagnostic.format() == (
        "missing_ref.yaml:12: E005 #/components/schemas/Zone/properties/owner/$ref: "
        "$ref '#/components/schemas/Owner' cannot be resolved: this file has no "
        "#/components/schemas/Owner Hint: fix the reference or define its target."
    )


def test_ref_to_a_missing_file(tmp_path: Path, spec_error: SpecErrorOf) -> None:
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Zone:\n      $ref: gone.yaml#/Zone\n"
    )
    spec = load_spec(tmp_path / "api.yaml")
    diagnostic = spec_error(lambda: spec.deref(node_at(spec, "components", "schemas", "Zone")))
    assert (diagnostic.code, diagnostic.line) == ("E005", 7)
    assert diagnostic.message == (
        f"$ref 'gone.yaml#/Zone' cannot be resolved: file {tmp_path / 'gone.yaml'} not found"
    )


def test_pure_ref_cycle_is_one_diagnostic_whichever_way_in(
    in_fixtures: Path, spec_error: SpecErrorOf
) -> None:
    spec = load_spec(Path("ref_cycle.yaml"))
    expected = (
        "ref_cycle.yaml:11: E006 #/components/schemas/Domain/$ref: $ref cycle with nothing in "
        "between: #/components/schemas/Domain -> #/components/schemas/Zone -> "
        "#/components/schemas/Domain Hint: point one of these references at a real definition."
    )
    for name in ("Zone", "Domain", "Account"):
        node = node_at(spec, "components", "schemas", name)
        assert spec_error(lambda: spec.deref(node)).format() == expected


# Resolution and the source map.


def test_cross_file_ref_resolves_lazily_with_lines_in_the_other_file(in_fixtures: Path) -> None:
    spec = load_spec(Path("cross_file/api.yaml"))
    assert spec.files == [in_fixtures / "cross_file" / "api.yaml"]
    schema = node_at(
        spec, "paths", "/zones", "get", "responses", "200", "content", "application/json", "schema"
    )
    zone = spec.deref(schema)
    other = in_fixtures / "cross_file" / "schemas.yaml"
    assert (zone.file, zone.pointer, zone.value["type"]) == (other, "#/Zone", "object")
    assert spec.files == [in_fixtures / "cross_file" / "api.yaml", other]
    owner = spec.deref(spec.child(spec.child(zone, "properties"), "owner"))
    assert (owner.file, owner.pointer) == (other, "#/Owner")
    assert spec.line(other, owner.pointer) == 9
    assert spec.line(other, "#/Zone/properties/paused/default") == 6
    assert spec.display(other) == "cross_file/schemas.yaml"


def test_resolve_a_whole_file_and_an_escaped_pointer(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"
        "paths:\n  /a/{b}~c:\n    x-whole: {$ref: 'parts/part.yaml'}\n"
        "    x-item: {$ref: '#/paths/~1a~1%7Bb%7D~0c/x-list/1'}\n    x-list: [zero, one]\n"
    )
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "part.yaml").write_text("kind: part\n")
    spec = load_spec(tmp_path / "api.yaml")
    path_item = node_at(spec, "paths", "/a/{b}~c")
    assert path_item.pointer == "#/paths/~1a~1{b}~0c"
    whole = spec.deref(spec.child(path_item, "x-whole"))
    assert (whole.file, whole.pointer, whole.value) == (
        tmp_path / "parts" / "part.yaml",
        "#",
        {"kind": "part"},
    )
    item = spec.deref(spec.child(path_item, "x-item"))
    assert (item.pointer, item.value) == ("#/paths/~1a~1{b}~0c/x-list/1", "one")
    assert spec.line(tmp_path / "api.yaml", item.pointer) == 7


def test_yaml_reads_like_json(tmp_path: Path) -> None:
    """Keys are strings and timestamps stay strings, as they would in the JSON twin."""
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: 1.0}\npaths: {}\n"
        "x-codes:\n  200: ok\n  true: yes\nx-when: 2024-01-01\n"
    )
    document = load_spec(tmp_path / "api.yaml").document
    assert document["x-codes"] == {"200": "ok", "true": True}
    assert document["x-when"] == "2024-01-01"
    assert document["info"]["version"] == 1.0


def test_json_lines_are_found_by_scanning_the_text(tmp_path: Path) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a/b": {"get": {"tags": ["x", {"y": "}{"}, "z"]}}},
    }
    (tmp_path / "api.json").write_text(json.dumps(document, indent=2))
    spec = load_spec(tmp_path / "api.json")
    lines = (tmp_path / "api.json").read_text().splitlines()
    expected: list[tuple[list[str | int], str]] = [
        (["info", "version"], '"version": "1"'),
        (["paths", "/a/b", "get"], '"get": {'),
        (["paths", "/a/b", "get", "tags", 2], '"z"'),
    ]
    for path, text in expected:
        assert text in lines[spec.line(tmp_path / "api.json", pointer_from_path(path)) - 1]
    assert spec.line(tmp_path / "api.json", "#") == 1
    assert spec.line(tmp_path / "api.json", "#/paths/~1a~1b/put") == 0
    assert spec.line(tmp_path / "api.json", "#/info/title/deeper") == 0


def test_every_node_of_minified_json_is_on_line_1(tmp_path: Path) -> None:
    (tmp_path / "api.json").write_text('{"openapi":"3.0.3","info":{"title":"T"},"paths":{}}\n')
    spec = load_spec(tmp_path / "api.json")
    assert spec.line(tmp_path / "api.json", "#/info/title") == 1
    assert spec.line(tmp_path / "api.json", "#/info/version") == 0


def test_yaml_line_of_a_list_item_and_an_unknown_pointer(in_fixtures: Path) -> None:
    spec = load_spec(Path("valid.yaml"))
    parameters = "#/paths/~1zones~1{zone_id}/get/parameters"
    assert spec.line(Path("valid.yaml"), f"{parameters}/0") == 10
    assert spec.line(Path("valid.yaml"), f"{parameters}/0/in") == 11
    assert spec.line(Path("valid.yaml"), f"{parameters}/1") == 0
    assert spec.line(Path("not_loaded.yaml"), "#") == 0


@pytest.mark.parametrize(
    "text", ['{"openapi": "3.1.0", "info": {}, "paths": {}}', "{openapi: 3.1.0}"]
)
def test_format_is_chosen_by_content(tmp_path: Path, text: str) -> None:
    (tmp_path / "api.spec").write_text(f"  \n{text}\n")
    assert load_spec(tmp_path / "api.spec").document["openapi"] == "3.1.0"
