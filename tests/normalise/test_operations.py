"""Operations: parameters, request bodies, responses, security, and what is dropped."""

from __future__ import annotations

from typing import Any

import pytest
from normalise_helpers import Normalise, codes, field, model, openapi, operation, union

from generator import ir
from generator.diagnostics import SpecError

OK = {"200": {"description": "ok"}}


def param(
    name: str, location: str, schema: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    found: dict[str, Any] = {"name": name, "in": location, **extra}
    if schema is not None:
        found["schema"] = schema
    return found


STRING = {"type": "string"}


def test_parameters_path_first_in_path_order_then_query_header_cookie(
    normalised: Normalise,
) -> None:
    paths = {
        "/zones/{zone_id}/dns/{record_id}": {
            "parameters": [
                param("record_id", "path", STRING, required=True),
                param("zone_id", "path", STRING, required=True),
                param("page", "query", {"type": "integer"}, description="From the path item."),
            ],
            "get": {
                "operationId": "get",
                "parameters": [
                    param("session", "cookie", STRING),
                    param("X-Trace", "header", STRING),
                    param("page", "query", {"type": "integer", "minimum": 1}),
                    param("per-page", "query", {"type": "integer"}, required=True),
                ],
                "responses": OK,
            },
        }
    }
    api, _ = normalised(openapi(paths))

    parameters = operation(api, "get").parameters
    assert [(p.name, p.wire_name, p.location, p.required) for p in parameters] == [
        ("zone_id", "zone_id", "path", True),
        ("record_id", "record_id", "path", True),
        ("page", "page", "query", False),
        ("per_page", "per-page", "query", True),
        ("x_trace", "X-Trace", "header", False),
        ("session", "session", "cookie", False),
    ]
    # The operation's `page` overrides the path item's, by (name, in).
    assert parameters[2].type.constraints.minimum == 1
    assert parameters[2].doc == ""


def test_an_undeclared_path_parameter_is_added_as_a_string(normalised: Normalise) -> None:
    paths = {
        "/things/{thing_id}": {
            "get": {
                "operationId": "get",
                "parameters": [param("other", "path", STRING, required=True)],
                "responses": OK,
            }
        }
    }
    api, diagnostics = normalised(openapi(paths))

    get = operation(api, "get")
    assert [(p.name, p.type, p.required) for p in get.parameters] == [
        ("thing_id", ir.TypeRef("string"), True)
    ]
    assert codes(diagnostics) == ["W207", "W207"]
    assert api.dropped == ()


def test_reserved_headers_are_ignored_and_argument_names_avoided(normalised: Normalise) -> None:
    paths = {
        "/things": {
            "get": {
                "operationId": "list",
                "parameters": [
                    param("Content-Type", "header", STRING),
                    param("timeout", "query", {"type": "integer"}),
                    param("class", "query", STRING),
                    param("a-b", "query", STRING),
                    param("a_b", "header", STRING),
                ],
                "responses": OK,
            }
        }
    }
    api, diagnostics = normalised(openapi(paths))

    assert [p.name for p in operation(api, "list").parameters] == [
        "timeout_",
        "class_",
        "a_b",
        "a_b_2",
    ]
    assert codes(diagnostics) == ["W208"]


def test_a_parameter_without_schema_is_any(normalised: Normalise) -> None:
    paths = {
        "/things": {
            "get": {"operationId": "list", "parameters": [param("q", "query")], "responses": OK}
        }
    }
    api, diagnostics = normalised(openapi(paths))

    assert operation(api, "list").parameters[0].type == ir.TypeRef("any")
    assert codes(diagnostics) == ["W213"]


def test_json_body_fields_are_arguments_and_clashes_are_renamed(normalised: Normalise) -> None:
    body = {
        "type": "object",
        "required": ["zone_id"],
        "properties": {
            "zone_id": {"type": "string"},
            "timeout": {"type": "integer"},
            "name": {"type": "string"},
        },
    }
    paths = {
        "/zones/{zone_id}/things": {
            "post": {
                "operationId": "create",
                "parameters": [param("zone_id", "path", STRING, required=True)],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": body}},
                },
                "responses": OK,
            }
        }
    }
    api, _ = normalised(openapi(paths))

    request = operation(api, "create").request_body
    assert request is not None and request.required
    assert [(f.name, f.wire_name) for f in request.fields] == [
        ("body_zone_id", "zone_id"),
        ("body_timeout", "timeout"),
        ("name", "name"),
    ]
    assert request.type == ir.TypeRef("model", "ThingsCreateBody")


def test_multipart_octet_stream_and_array_bodies(normalised: Normalise) -> None:
    upload = {
        "type": "object",
        "properties": {"file": {"type": "string", "format": "binary"}},
    }
    paths = {
        "/scripts": {
            "put": {
                "operationId": "upload",
                "requestBody": {"content": {"multipart/form-data": {"schema": upload}}},
                "responses": OK,
            },
            "post": {
                "operationId": "raw",
                "requestBody": {"content": {"application/octet-stream": {}}},
                "responses": OK,
            },
            "patch": {
                "operationId": "many",
                "requestBody": {
                    "content": {"application/json": {"schema": {"type": "array", "items": STRING}}}
                },
                "responses": OK,
            },
        }
    }
    api, _ = normalised(openapi(paths))

    upload_body = operation(api, "upload").request_body
    assert upload_body is not None
    assert (upload_body.content_type, upload_body.fields, upload_body.body_name) == (
        "multipart/form-data",
        (),
        "body",
    )
    raw = operation(api, "raw").request_body
    assert raw is not None
    assert (raw.content_type, raw.type) == (
        "application/octet-stream",
        ir.TypeRef("string", format="binary"),
    )
    many = operation(api, "many").request_body
    assert many is not None and many.fields == ()
    assert many.type == ir.TypeRef("list", item=ir.TypeRef("string"))


def test_every_declared_status_is_kept(normalised: Normalise) -> None:
    failure = {"type": "object", "properties": {"message": STRING}}
    content = {"application/json": {"schema": failure}}
    responses = {
        "200": {"description": "ok", "content": {"application/json": {"schema": STRING}}},
        "4xx": {"description": "client error", "content": content},
        "404": {"description": "missing", "content": content},
        "52x": {"description": "cloudflare origin errors", "content": content},
        "default": {"description": "anything else", "content": content},
    }
    api, diagnostics = normalised(
        openapi({"/x": {"get": {"operationId": "get", "responses": responses}}})
    )

    found = [(r.status, r.is_error) for r in operation(api, "get").responses]
    assert found == [
        ("200", False),
        ("404", True),
        ("4XX", True),
        ("52X", True),
        ("default", True),
    ]
    assert codes(diagnostics) == ["W216"]  # 52x is not a range OpenAPI defines
    assert operation(api, "get").payload == ir.Payload("body", ir.TypeRef("string"))


def test_security_per_operation_or_global(normalised: Normalise) -> None:
    schemes = {
        "api_token": {"type": "http", "scheme": "bearer"},
        "api_email": {"type": "apiKey", "in": "header", "name": "X-Auth-Email"},
        "api_key": {"type": "apiKey", "in": "header", "name": "X-Auth-Key"},
        "oauth": {"type": "oauth2", "flows": {}},
    }
    paths = {
        "/a": {"get": {"operationId": "default", "responses": OK}},
        "/b": {
            "get": {
                "operationId": "key_only",
                "security": [{"api_email": [], "api_key": []}],
                "responses": OK,
            }
        },
        "/c": {"get": {"operationId": "public", "security": [], "responses": OK}},
    }
    document = openapi(
        paths,
        securitySchemes=schemes,
        security=[{"api_token": []}, {"api_email": [], "api_key": []}],
    )
    api, diagnostics = normalised(document)

    assert [
        (s.name, s.kind, s.location, s.parameter_name, s.env_var) for s in api.security_schemes
    ] == [
        ("api_token", "bearer", "header", "Authorization", "CLOUDFLARE_API_TOKEN"),
        ("api_email", "api_key", "header", "X-Auth-Email", "CLOUDFLARE_API_EMAIL"),
        ("api_key", "api_key", "header", "X-Auth-Key", "CLOUDFLARE_API_KEY"),
    ]
    assert api.security == (("api_token",), ("api_email", "api_key"))
    assert operation(api, "default").security == api.security
    assert operation(api, "key_only").security == (("api_email", "api_key"),)
    assert operation(api, "public").security == ()
    assert codes(diagnostics) == ["W209"]


def test_idempotence_follows_the_method(normalised: Normalise) -> None:
    methods = ("get", "put", "post", "patch", "delete")
    paths = {"/x": {m: {"operationId": m, "responses": OK} for m in methods}}
    api, _ = normalised(openapi(paths))

    assert {m: operation(api, m).idempotent for m in methods} == {
        "get": True,
        "put": True,
        "post": False,
        "patch": False,
        "delete": True,
    }


def test_an_operation_with_a_broken_path_template_is_dropped(normalised: Normalise) -> None:
    paths = {
        "/things/{id": {"get": {"operationId": "broken", "responses": OK}},
        "/things": {"get": {"operationId": "fine", "responses": OK}},
    }
    api, diagnostics = normalised(openapi(paths))

    assert [op.operation_id for op in api.operations()] == ["fine"]
    assert [(d.operation_id, d.method, d.path) for d in api.dropped] == [
        ("broken", "GET", "/things/{id")
    ]
    assert codes(diagnostics) == ["E300"]


def test_nothing_left_to_generate_raises_when_not_tolerant(normalised: Normalise) -> None:
    paths = {"/things/{id": {"get": {"operationId": "broken", "responses": OK}}}

    with pytest.raises(SpecError) as raised:
        normalised(openapi(paths), tolerant=False)
    assert [d.code for d in raised.value.diagnostics] == ["E300"]


def jwk_schemas(mapping: bool) -> dict[str, Any]:
    def key(kty: str, extra: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["kty", extra],
            "properties": {"kty": {"type": "string", "enum": [kty]}, extra: STRING},
        }

    discriminator: dict[str, Any] = {"propertyName": "kty"}
    if mapping:
        discriminator["mapping"] = {"RSA": "#/components/schemas/JwkRsa"}
    return {
        "Jwk": {
            "oneOf": [
                {"$ref": "#/components/schemas/JwkRsa"},
                {"$ref": "#/components/schemas/JwkEc"},
            ],
            "discriminator": discriminator,
        },
        "JwkRsa": key("RSA", "n"),
        "JwkEc": key("EC", "x"),
    }


@pytest.mark.parametrize("mapping", [True, False], ids=["explicit", "implicit"])
def test_discriminator_mapping_explicit_and_implicit(normalised: Normalise, mapping: bool) -> None:
    response = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Jwk"}}}}
    paths = {
        "/keys": {
            "get": {"operationId": "get", "responses": {"200": {"description": "ok", **response}}}
        }
    }
    api, diagnostics = normalised(openapi(paths, jwk_schemas(mapping)))

    jwk = union(api, "Jwk")
    assert jwk.members == (ir.TypeRef("model", "JwkRsa"), ir.TypeRef("model", "JwkEc"))
    assert jwk.discriminator == ir.Discriminator("kty", (("RSA", "JwkRsa"), ("EC", "JwkEc")))
    assert jwk.exclusive
    assert codes(diagnostics) == []


def test_implicit_discriminator_values_fall_back_to_the_schema_name(normalised: Normalise) -> None:
    schemas = {
        "Pet": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {"propertyName": "pet_type"},
        },
        "Cat": {"type": "object", "properties": {"pet_type": STRING, "purrs": {"type": "boolean"}}},
        "Dog": {"type": "object", "properties": {"pet_type": STRING, "barks": {"type": "boolean"}}},
    }
    response = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
    paths = {
        "/pets": {
            "get": {"operationId": "get", "responses": {"200": {"description": "ok", **response}}}
        }
    }
    api, _ = normalised(openapi(paths, schemas))

    pet = union(api, "Pet")
    assert pet.discriminator == ir.Discriminator("pet_type", (("Cat", "Cat"), ("Dog", "Dog")))
    assert field(model(api, "Cat"), "purrs").type == ir.TypeRef("boolean")


def test_examples_are_taken_from_refs_to_components_examples(normalised: Normalise) -> None:
    thing = {"type": "object", "properties": {"name": STRING}}
    media = {"schema": thing, "examples": {"first": {"$ref": "#/components/examples/Thing"}}}
    document = openapi(
        {
            "/things/{name}": {
                "put": {
                    "operationId": "put",
                    "parameters": [
                        param(
                            "name",
                            "path",
                            STRING,
                            required=True,
                            examples={"one": {"$ref": "#/components/examples/Name"}},
                        )
                    ],
                    "requestBody": {"content": {"application/json": media}},
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": media}}
                    },
                }
            }
        }
    )
    document["components"] = {
        "examples": {"Thing": {"value": {"name": "edge"}}, "Name": {"value": "edge"}}
    }
    api, _ = normalised(document)

    put = operation(api, "put")
    assert (put.parameters[0].example, put.parameters[0].has_example) == ("edge", True)
    assert put.request_body is not None
    assert (put.request_body.example, put.request_body.has_example) == ({"name": "edge"}, True)
    assert (put.responses[0].example, put.responses[0].has_example) == ({"name": "edge"}, True)
