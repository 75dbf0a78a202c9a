"""Schemas -> types: composition, nullability, maps, recursion, $ref problems, variants."""

from __future__ import annotations

from typing import Any

from normalise_helpers import (
    Normalise,
    codes,
    field,
    get_returning,
    model,
    openapi,
    operation,
    union,
)

from generator import ir


def returning(schema: dict[str, Any], schemas: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return openapi({"/things": {"get": get_returning(schema)}}, schemas, **extra)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_a_pure_ref_cycle_is_reported_as_e006_and_typed_any(normalised: Normalise) -> None:
    api, diagnostics = normalised(returning(ref("A"), {"A": ref("B"), "B": ref("A")}))

    assert "E006" in codes(diagnostics)
    (cycle,) = [d for d in diagnostics if d.code == "E006"]
    assert cycle.severity == "warning"  # tolerant mode: the run goes on
    assert operation(api, "op").responses[0].type == ir.TypeRef("any")


def test_a_pure_ref_cycle_is_an_error_when_not_tolerant(normalised: Normalise) -> None:
    _, diagnostics = normalised(returning(ref("A"), {"A": ref("B"), "B": ref("A")}), tolerant=False)

    assert [d.severity for d in diagnostics if d.code == "E006"] == ["error"]


def test_a_missing_ref_target_is_reported_once_and_typed_any(normalised: Normalise) -> None:
    schema = {"type": "object", "properties": {"a": ref("Missing"), "b": ref("Missing")}}
    api, diagnostics = normalised(returning(ref("Thing"), {"Thing": schema}))

    assert codes(diagnostics) == ["E005"]
    assert field(model(api, "Thing"), "a").type == ir.TypeRef("any")


def test_a_recursive_schema_is_a_forward_reference(normalised: Normalise) -> None:
    node = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "children": {"type": "array", "items": ref("Node")},
            "parent": {"allOf": [ref("Node")], "nullable": True},
        },
    }
    api, _ = normalised(returning(ref("Node"), {"Node": node}))

    tree = model(api, "Node")
    assert tree.recursive
    assert field(tree, "children").type == ir.TypeRef("list", item=ir.TypeRef("model", "Node"))
    assert field(tree, "parent").type == ir.TypeRef("model", "Node", nullable=True)


def test_mutual_recursion_marks_both_models(normalised: Normalise) -> None:
    schemas = {
        "Folder": {
            "type": "object",
            "properties": {"files": {"type": "array", "items": ref("File")}},
        },
        "File": {"type": "object", "properties": {"folder": ref("Folder")}},
        "Leaf": {"type": "object", "properties": {"x": {"type": "string"}}},
    }
    api, _ = normalised(
        returning({"type": "object", "properties": {"f": ref("Folder"), "l": ref("Leaf")}}, schemas)
    )

    assert model(api, "Folder").recursive and model(api, "File").recursive
    assert not model(api, "Leaf").recursive


def test_a_list_that_recurses_through_its_items(normalised: Normalise) -> None:
    trace = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"step": {"type": "string"}, "trace": ref("Trace")},
        },
    }
    api, diagnostics = normalised(returning(ref("Trace"), {"Trace": trace}))

    assert codes(diagnostics) == []
    item = operation(api, "op").responses[0].type
    assert item is not None and item.kind == "list" and item.item is not None
    step = model(api, item.item.name)
    assert step.recursive
    assert field(step, "trace").type == item


def test_nullable_in_openapi_30(normalised: Normalise) -> None:
    schema = {
        "type": "object",
        "properties": {
            "plain": {"type": "string", "nullable": True},
            "via_ref": {"allOf": [ref("Other")], "nullable": True},
            "null_member": {"oneOf": [ref("Other"), {"nullable": True}]},
        },
    }
    other = {"type": "object", "properties": {"a": {"type": "integer"}}}
    api, _ = normalised(returning(ref("Thing"), {"Thing": schema, "Other": other}))

    thing = model(api, "Thing")
    assert field(thing, "plain").type == ir.TypeRef("string", nullable=True)
    assert field(thing, "via_ref").type == ir.TypeRef("model", "Other", nullable=True)
    assert field(thing, "null_member").type == ir.TypeRef("model", "Other", nullable=True)


def test_nullable_in_openapi_31(normalised: Normalise) -> None:
    schema = {
        "type": "object",
        "properties": {
            "type_list": {"type": ["string", "null"]},
            "null_member": {"oneOf": [ref("Other"), {"type": "null"}]},
            "only_null": {"type": "null"},
            "two_types": {"type": ["string", "integer"]},
        },
    }
    other = {"type": "object", "properties": {"a": {"type": "integer"}}}
    api, _ = normalised(returning(ref("Thing"), {"Thing": schema, "Other": other}, version="3.1.0"))

    thing = model(api, "Thing")
    assert field(thing, "type_list").type == ir.TypeRef("string", nullable=True)
    assert field(thing, "null_member").type == ir.TypeRef("model", "Other", nullable=True)
    assert field(thing, "only_null").type == ir.TypeRef("null")
    two = field(thing, "two_types").type
    assert two.kind == "union"
    assert union(api, two.name).members == (ir.TypeRef("integer"), ir.TypeRef("string"))


def test_additional_properties_become_maps_or_extra_fields(normalised: Normalise) -> None:
    schema = {
        "type": "object",
        "properties": {
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "free": {"type": "object"},
            "anything": {},
            "extended": {
                "type": "object",
                "properties": {"id": {"type": "string"}},
                "additionalProperties": {"type": "integer"},
            },
        },
    }
    api, _ = normalised(returning(ref("Thing"), {"Thing": schema}))

    thing = model(api, "Thing")
    assert field(thing, "labels").type == ir.TypeRef("map", item=ir.TypeRef("string"))
    assert field(thing, "free").type == ir.TypeRef("object")
    assert field(thing, "anything").type == ir.TypeRef("any")
    extended = model(api, field(thing, "extended").type.name)
    assert extended.additional_properties == ir.TypeRef("integer")


def test_allof_members_merge_into_one_flat_model(normalised: Normalise) -> None:
    schemas = {
        "Base": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}, "kind": {"type": "string"}},
        },
        "Derived": {
            "description": "A base with more.",
            "allOf": [
                ref("Base"),
                {"required": ["size"], "properties": {"size": {"type": "integer"}}},
            ],
        },
    }
    api, _ = normalised(returning(ref("Derived"), schemas))

    derived = model(api, "Derived")
    assert [(f.wire_name, f.required) for f in derived.fields] == [
        ("id", True),
        ("kind", False),
        ("size", True),
    ]
    assert derived.doc == "A base with more."


def test_an_allof_of_one_ref_with_a_description_is_that_type(normalised: Normalise) -> None:
    schema = {
        "type": "object",
        "properties": {"owner": {"allOf": [ref("Person")], "description": "Who owns it."}},
    }
    person = {"type": "object", "properties": {"name": {"type": "string"}}}
    api, _ = normalised(returning(ref("Thing"), {"Thing": schema, "Person": person}))

    owner = field(model(api, "Thing"), "owner")
    assert owner.type == ir.TypeRef("model", "Person")
    assert owner.doc == "Who owns it."
    assert [m.name for m in api.models] == ["Person", "Thing"]


def test_const_is_a_single_value_enum(normalised: Normalise) -> None:
    schema = {"type": "object", "properties": {"kind": {"const": "widget"}}}
    api, _ = normalised(returning(ref("Thing"), {"Thing": schema}, version="3.1.0"))

    kind = field(model(api, "Thing"), "kind").type
    assert kind.kind == "enum"
    (only,) = [e for e in api.enums if e.name == kind.name]
    assert [m.value for m in only.members] == ["widget"]


def test_an_object_with_required_only_alternatives_is_just_the_object(
    normalised: Normalise,
) -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
        "oneOf": [{"required": ["a"]}, {"required": ["b"]}],
    }
    api, _ = normalised(returning(ref("Thing"), {"Thing": schema}))

    assert [f.wire_name for f in model(api, "Thing").fields] == ["a", "b"]
    assert api.unions == ()


def test_unsupported_keywords_are_reported(normalised: Normalise) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string", "not": {"enum": ["x"]}}}}
    _, diagnostics = normalised(returning(ref("Thing"), {"Thing": schema}))

    assert codes(diagnostics) == ["W203"]


def test_read_only_fields_are_left_out_of_request_bodies(normalised: Normalise) -> None:
    schemas = {
        "Widget": {
            "type": "object",
            "required": ["id", "name"],
            "properties": {
                "id": {"type": "string", "readOnly": True},
                "name": {"type": "string"},
                "part": ref("Part"),
            },
        },
        "Part": {
            "type": "object",
            "properties": {
                "serial": {"type": "string", "readOnly": True},
                "size": {"type": "integer"},
            },
        },
        "Plain": {"type": "object", "properties": {"x": {"type": "string"}}},
    }
    body = {"content": {"application/json": {"schema": ref("Widget")}}}
    paths = {
        "/widgets": {
            "post": {**get_returning(ref("Widget"), operationId="create"), "requestBody": body},
            "put": {
                **get_returning(ref("Plain"), operationId="replace"),
                "requestBody": {"content": {"application/json": {"schema": ref("Plain")}}},
            },
        }
    }
    api, _ = normalised(openapi(paths, schemas))

    create = operation(api, "create")
    assert create.request_body is not None
    assert create.request_body.type == ir.TypeRef("model", "WidgetRequest")
    assert [f.wire_name for f in create.request_body.fields] == ["name", "part"]
    assert field(model(api, "WidgetRequest"), "part").type == ir.TypeRef("model", "PartRequest")
    assert [f.wire_name for f in model(api, "PartRequest").fields] == ["size"]
    # The response keeps the full models; a model without read-only fields has no variant.
    assert create.responses[0].type == ir.TypeRef("model", "Widget")
    assert field(model(api, "Widget"), "id").read_only
    replace = operation(api, "replace").request_body
    assert replace is not None and replace.type == ir.TypeRef("model", "Plain")
    assert "PlainRequest" not in {m.name for m in api.models}


def test_write_only_fields_are_left_out_of_responses(normalised: Normalise) -> None:
    schemas = {
        "Login": {
            "type": "object",
            "properties": {
                "user": {"type": "string"},
                "password": {"type": "string", "writeOnly": True},
            },
        }
    }
    paths = {
        "/login": {
            "post": {
                **get_returning(ref("Login"), operationId="login"),
                "requestBody": {"content": {"application/json": {"schema": ref("Login")}}},
            }
        }
    }
    api, _ = normalised(openapi(paths, schemas))

    login = operation(api, "login")
    assert login.request_body is not None
    assert [f.wire_name for f in login.request_body.fields] == ["user", "password"]
    assert login.responses[0].type == ir.TypeRef("model", "LoginResponse")
    assert [f.wire_name for f in model(api, "LoginResponse").fields] == ["user"]


def test_a_variant_used_alone_takes_the_original_name(normalised: Normalise) -> None:
    schemas = {
        "Note": {
            "type": "object",
            "properties": {"id": {"type": "string", "readOnly": True}, "text": {"type": "string"}},
        }
    }
    paths = {
        "/notes": {
            "post": {
                "operationId": "create",
                "requestBody": {"content": {"application/json": {"schema": ref("Note")}}},
                "responses": {"204": {"description": "created"}},
            }
        }
    }
    api, _ = normalised(openapi(paths, schemas))

    assert [m.name for m in api.models] == ["Note"]
    assert [f.wire_name for f in model(api, "Note").fields] == ["text"]


def test_ref_siblings_in_31_describe_and_narrow(normalised: Normalise) -> None:
    schemas = {
        "Base": {"type": "object", "properties": {"result": {"type": "object"}}},
        "Route": {"type": "object", "properties": {"id": {"type": "string"}}},
        "RouteResponse": {
            "allOf": [
                ref("Base"),
                {"properties": {"result": {**ref("Route"), "description": "The route."}}},
            ]
        },
    }
    api, diagnostics = normalised(returning(ref("RouteResponse"), schemas, version="3.1.0"))

    result = field(model(api, "RouteResponse"), "result")
    assert (result.type, result.doc) == (ir.TypeRef("model", "Route"), "The route.")
    assert codes(diagnostics) == []


def test_docs_are_plain_text_and_pointers_name_the_file(normalised: Normalise) -> None:
    described = {
        "type": "object",
        "description": "First   line\n  continues here.\n\n\nSecond paragraph.\n",
        "properties": {"id": {"type": "string", "description": "  The id. "}},
    }
    files = {"components/common.yaml": {"components": {"schemas": {"Thing": described}}}}
    document = openapi(
        {
            "/things": {
                "get": get_returning({"$ref": "components/common.yaml#/components/schemas/Thing"})
            }
        }
    )
    api, _ = normalised(document, files=files)

    thing = model(api, "Thing")
    assert thing.doc == "First line continues here.\n\nSecond paragraph."
    assert field(thing, "id").doc == "The id."
    assert thing.pointer == "components/common.yaml#/components/schemas/Thing"
    assert field(thing, "id").pointer == (
        "components/common.yaml#/components/schemas/Thing/properties/id"
    )
    assert operation(api, "op").pointer == "openapi.yaml#/paths/~1things/get"
