"""The hand-written spec in specs/ is valid OpenAPI 3.1 and every example in it matches its schema.

Generated tests parse the spec's examples into typed models, so an example that breaks its
schema would surface there as a confusing failure; here it fails with the example's location.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urldefrag, urljoin

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPECS = Path(__file__).resolve().parent.parent / "specs"
ROOT = SPECS / "cloudflare.yaml"
SPEC_FILES = sorted(SPECS.rglob("*.yaml"))
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Keys whose values are data, not spec structure: the walk does not descend into them.
DATA_KEYS = frozenset({"example", "examples", "value", "default", "enum", "const"})


@dataclass(frozen=True)
class Case:
    where: str  # URI of the example where it is used
    source: str  # URI of the example where it is written: `where`, or the target of its $ref
    instance: Any
    schema: str  # URI of the schema the example must match


def load_documents() -> dict[str, Any]:
    """Every spec file, parsed, by its file URI."""
    return {path.as_uri(): yaml.safe_load(path.read_text()) for path in SPEC_FILES}


def build_registry(documents: dict[str, Any]) -> Registry:
    # OpenAPI 3.1 schemas are JSON Schema 2020-12; cross-file $refs resolve by file URI.
    return Registry().with_resources(
        (uri, DRAFT202012.create_resource(document)) for uri, document in documents.items()
    )


def resolve(documents: dict[str, Any], base: str, node: Any) -> tuple[str, Any]:
    """Follow a Reference Object (and any chain of them); return (URI, target)."""
    uri = base
    while isinstance(node, dict) and "$ref" in node:
        uri = urljoin(uri, node["$ref"])
        file_uri, fragment = urldefrag(uri)
        node = documents[file_uri]
        for segment in fragment.lstrip("/").split("/") if fragment else ():
            node = node[segment.replace("~1", "/").replace("~0", "~")]
    return uri, node


def pointer_uri(file_uri: str, segments: tuple[str, ...]) -> str:
    escaped = (str(s).replace("~", "~0").replace("/", "~1") for s in segments)
    return f"{file_uri}#" + quote("".join("/" + s for s in escaped), safe="/~")


def iter_cases(documents: dict[str, Any]) -> Iterator[Case]:
    """Every example in every file, each with the schema it must match."""

    def walk(
        file_uri: str, node: Any, path: tuple[str, ...], in_properties: bool
    ) -> Iterator[Case]:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(file_uri, item, path + (str(index),), False)
            return
        if not isinstance(node, dict):
            return
        here = pointer_uri(file_uri, path)
        if in_properties:
            pass  # keys of `properties` are names, not keywords
        elif "schema" in node:
            # A Media Type or Parameter Object: `example`, or `examples` of Example Objects.
            schema = pointer_uri(file_uri, path + ("schema",))
            if "example" in node:
                yield Case(f"{here}/example", f"{here}/example", node["example"], schema)
            for name, example in (node.get("examples") or {}).items():
                where = pointer_uri(file_uri, path + ("examples", name))
                source, example = resolve(documents, where, example)
                if "value" in example:
                    yield Case(where, source, example["value"], schema)
        else:
            # A Schema Object: JSON Schema's `examples` list, or OpenAPI's deprecated `example`.
            if isinstance(node.get("examples"), list):
                for index, value in enumerate(node["examples"]):
                    where = f"{here}/examples/{index}"
                    yield Case(where, where, value, here)
            if "example" in node:
                yield Case(f"{here}/example", f"{here}/example", node["example"], here)
        for key, child in node.items():
            if (key in DATA_KEYS and not in_properties) or key.startswith("x-"):
                continue
            yield from walk(
                file_uri, child, path + (key,), key == "properties" and not in_properties
            )

    for file_uri, document in documents.items():
        yield from walk(file_uri, document, (), False)


def schema_errors(registry: Registry, case: Case) -> list[str]:
    validator = Draft202012Validator(
        {"$ref": case.schema},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in validator.iter_errors(case.instance)
    ]


DOCUMENTS = load_documents()
REGISTRY = build_registry(DOCUMENTS)
CASES = list(iter_cases(DOCUMENTS))


def short(uri: str) -> str:
    return unquote(uri.removeprefix(SPECS.as_uri() + "/"))


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(SPECS)))
def test_file_is_valid_openapi(path: Path) -> None:
    # Each file is checked on its own too: checking the root does not look inside the
    # schemas its $refs point to in other files.
    document = yaml.safe_load(path.read_text())
    assert document["openapi"] == "3.1.0"
    validate_openapi(document, base_uri=path.as_uri())


@pytest.mark.parametrize("case", CASES, ids=lambda c: short(c.where))
def test_example_matches_its_schema(case: Case) -> None:
    assert schema_errors(REGISTRY, case) == [], f"{short(case.source)} against {short(case.schema)}"


def test_every_operation_has_examples() -> None:
    root = DOCUMENTS[ROOT.as_uri()]
    missing = []
    for path, item in root["paths"].items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            bodies = {"request": operation.get("requestBody")}
            bodies |= {
                status: r for status, r in operation["responses"].items() if status.startswith("2")
            }
            for label, body in bodies.items():
                if body is None:
                    continue
                _, body = resolve(DOCUMENTS, ROOT.as_uri(), body)
                for media_type in body.get("content", {}).values():
                    if "example" not in media_type and not media_type.get("examples"):
                        missing.append(f"{method.upper()} {path} {label}")
    assert missing == []


def test_every_named_example_is_used() -> None:
    used = {case.source for case in CASES}
    unused = [
        f"{short(uri)}#/components/examples/{name}"
        for uri, document in DOCUMENTS.items()
        for name in document.get("components", {}).get("examples", {})
        if pointer_uri(uri, ("components", "examples", name)) not in used
    ]
    assert unused == [], "named examples nothing refers to are never checked"


def case_at(suffix: str) -> Case:
    return next(case for case in CASES if case.source.endswith(suffix))


def test_a_broken_example_is_caught() -> None:
    # Constraints reached through cross-file $refs, allOf and oneOf must all be enforced.
    connector = copy.deepcopy(case_at("magic.yaml#/components/examples/ConnectorResponse"))
    connector.instance["result"]["interrupt_window_duration_hours"] = 25
    connector.instance["errors"] = [{"code": 0, "message": "message"}]
    assert len(schema_errors(REGISTRY, connector)) == 2

    credentials = copy.deepcopy(
        case_at("token_validation.yaml#/components/examples/CredentialsResponse")
    )
    credentials.instance["messages"][0]["code"] = 999
    credentials.instance["keys"][0]["kty"] = "RSA"
    errors = schema_errors(REGISTRY, credentials)
    assert any(error.startswith("messages/0/code") for error in errors), errors
    assert any(error.startswith("keys/0") for error in errors), errors

    config = copy.deepcopy(
        case_at("token_validation.yaml#/components/examples/TokenConfigResponse")
    )
    config.instance["result"]["created_at"] = "yesterday"
    assert schema_errors(REGISTRY, config) != []
