"""Cloudflare's envelope found by shape, `result` narrowed through allOf, and pagination."""

from __future__ import annotations

from typing import Any

from normalise_helpers import Normalise, codes, field, get_returning, model, openapi, operation

from generator import ir

MESSAGES = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"code": {"type": "integer"}, "message": {"type": "string"}},
    },
}
# Cloudflare's common envelope: `result` is deliberately vague, operations narrow it.
COMMON = {
    "type": "object",
    "required": ["success", "errors", "messages", "result"],
    "properties": {
        "errors": {"$ref": "#/components/schemas/Messages"},
        "messages": {"$ref": "#/components/schemas/Messages"},
        "result": {
            "anyOf": [{"type": "object"}, {"type": "array", "items": {}}, {"type": "string"}]
        },
        "success": {"type": "boolean", "enum": [True]},
    },
}
SINGLE = {
    "allOf": [
        {"$ref": "#/components/schemas/Common"},
        {
            "properties": {
                "result": {
                    "anyOf": [
                        {"type": "object", "nullable": True},
                        {"type": "string", "nullable": True},
                    ]
                }
            }
        },
    ],
    "type": "object",
}
ROUTE = {"type": "object", "properties": {"id": {"type": "string"}, "prefix": {"type": "string"}}}
RESULT_INFO = {
    "type": "object",
    "properties": {
        "page": {"type": "number"},
        "per_page": {"type": "number"},
        "count": {"type": "number"},
        "total_count": {"type": "number"},
    },
}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def cloudflare(paths: dict[str, Any], **schemas: Any) -> dict[str, Any]:
    base = {
        "Messages": MESSAGES,
        "Common": COMMON,
        "Single": SINGLE,
        "Route": ROUTE,
        "ResultInfo": RESULT_INFO,
    }
    return openapi(paths, {**base, **schemas})


def test_result_narrowed_through_nested_allof(normalised: Normalise) -> None:
    # Single (allOf Common + vague result) + a concrete result: the concrete one wins, at
    # any depth of allOf.
    response = {"allOf": [ref("Single"), {"properties": {"result": ref("Route")}}]}
    api, _ = normalised(
        cloudflare(
            {"/routes/{id}": {"get": get_returning(ref("RouteResponse"))}}, RouteResponse=response
        )
    )

    get = operation(api, "op")
    assert get.payload == ir.Payload("result", ir.TypeRef("model", "Route"), status="200")
    envelope = model(api, "RouteResponse")
    assert [f.wire_name for f in envelope.fields] == ["errors", "messages", "result", "success"]
    assert field(envelope, "result").type == ir.TypeRef("model", "Route")


def test_an_inline_result_object_is_named_after_the_envelope(normalised: Normalise) -> None:
    response = {
        "allOf": [
            ref("Single"),
            {
                "properties": {
                    "result": {"properties": {"routes": {"type": "array", "items": ref("Route")}}}
                }
            },
        ]
    }
    api, _ = normalised(
        cloudflare(
            {"/routes": {"get": get_returning(ref("RoutesResponse"))}}, RoutesResponse=response
        )
    )

    payload = operation(api, "op").payload
    assert payload.type == ir.TypeRef("model", "RoutesResponseResult")
    assert field(model(api, "RoutesResponseResult"), "routes").type == ir.TypeRef(
        "list", item=ir.TypeRef("model", "Route")
    )


def envelope_with(**fields: Any) -> dict[str, Any]:
    """An envelope without `result`, carrying `fields` beside errors, messages, success."""
    own = {"errors": ref("Messages"), "messages": ref("Messages"), "success": {"type": "boolean"}}
    return {"type": "object", "properties": {**own, **fields}}


KEYS = {"type": "array", "items": {"type": "string"}}


def test_an_envelope_without_result_returns_its_own_fields(normalised: Normalise) -> None:
    api, _ = normalised(cloudflare({"/keys": {"put": get_returning(envelope_with(keys=KEYS))}}))

    payload = operation(api, "op").payload
    assert payload.kind == "fields"
    assert payload.fields == ("keys",)
    assert payload.type == ir.TypeRef("list", item=ir.TypeRef("string"))


def test_several_own_fields_become_a_model_of_them(normalised: Normalise) -> None:
    body = envelope_with(keys=KEYS, expires={"type": "string"})
    api, _ = normalised(cloudflare({"/keys": {"get": get_returning(body)}}))

    payload = operation(api, "op").payload
    assert payload.kind == "fields"
    assert payload.fields == ("keys", "expires")
    assert payload.type is not None and payload.type.kind == "model"
    assert [f.wire_name for f in model(api, payload.type.name).fields] == ["keys", "expires"]


def test_a_body_without_an_envelope_is_returned_whole(normalised: Normalise) -> None:
    api, _ = normalised(cloudflare({"/ips": {"get": get_returning(ref("Route"))}}))

    assert operation(api, "op").payload == ir.Payload("body", ir.TypeRef("model", "Route"))


def test_radar_style_success_and_result_is_an_envelope(normalised: Normalise) -> None:
    body = {
        "type": "object",
        "properties": {"success": {"type": "boolean"}, "result": ref("Route")},
    }
    api, _ = normalised(cloudflare({"/radar": {"get": get_returning(body)}}))

    assert operation(api, "op").payload.kind == "result"


def test_a_result_the_spec_leaves_free_form_is_reported(normalised: Normalise) -> None:
    response = {"allOf": [ref("Single"), {"properties": {"result": {"type": "object"}}}]}
    api, diagnostics = normalised(cloudflare({"/ca": {"get": get_returning(response)}}))

    assert codes(diagnostics) == ["W217"]
    assert operation(api, "op").payload.type == ir.TypeRef("object")


def test_no_content_and_lowest_success_status(normalised: Normalise) -> None:
    paths = {
        "/things": {
            "delete": {"operationId": "delete", "responses": {"204": {"description": "gone"}}},
            "post": {
                "operationId": "create",
                "responses": {
                    "202": {"description": "accepted"},
                    "201": {
                        "description": "made",
                        "content": {"application/json": {"schema": ref("Route")}},
                    },
                },
            },
        }
    }
    api, _ = normalised(cloudflare(paths))

    assert operation(api, "delete").payload == ir.Payload(
        "none", None, content_type=None, status="204"
    )
    assert operation(api, "create").payload.status == "201"


def list_operation(parameters: list[dict[str, Any]], result: dict[str, Any]) -> dict[str, Any]:
    response = {
        "allOf": [
            ref("Common"),
            {"properties": {"result": result, "result_info": ref("ResultInfo")}},
        ]
    }
    return {"/routes": {"get": {**get_returning(response), "parameters": parameters}}}


PAGE = {"name": "page", "in": "query", "schema": {"type": "number", "default": 1}}
PER_PAGE = {"name": "per_page", "in": "query", "schema": {"type": "number", "default": 20}}


def test_page_pagination_is_detected(normalised: Normalise) -> None:
    paths = list_operation([PAGE, PER_PAGE], {"type": "array", "items": ref("Route")})
    api, _ = normalised(cloudflare(paths))

    pagination = operation(api, "op").pagination
    assert pagination is not None
    assert pagination.style == "page"
    assert pagination.page_parameter == "page"
    assert pagination.per_page_parameter == "per_page"
    assert pagination.item == ir.TypeRef("model", "Route")
    assert pagination.result_info_fields == ("page", "per_page", "count", "total_count")


def test_no_pagination_without_page_or_a_list_result(normalised: Normalise) -> None:
    no_page = list_operation([PER_PAGE], {"type": "array", "items": ref("Route")})
    not_a_list = list_operation([PAGE, PER_PAGE], ref("Route"))

    assert operation(normalised(cloudflare(no_page))[0], "op").pagination is None
    assert operation(normalised(cloudflare(not_a_list))[0], "op").pagination is None
