"""Enums (named, deduplicated, open at runtime) and the constraints kept on each type."""

from __future__ import annotations

from typing import Any

from normalise_helpers import Normalise, codes, enum, field, get_returning, model, openapi

from generator import ir

DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def connector(properties: dict[str, Any], *, version: str = "3.0.3") -> dict[str, Any]:
    schemas = {"Connector": {"type": "object", "properties": properties}}
    paths = {"/connectors": {"get": get_returning({"$ref": "#/components/schemas/Connector"})}}
    return openapi(paths, schemas, version=version)


def test_an_enum_becomes_a_named_enum_type(normalised: Normalise) -> None:
    # Whether unknown values are kept (an open enum) is the runtime's business: the IR just
    # has the EnumType, with every value the spec lists.
    api, _ = normalised(connector({"status": {"type": "string", "enum": ["active", "paused"]}}))

    status = field(model(api, "Connector"), "status")
    assert status.type == ir.TypeRef("enum", "ConnectorStatus")
    found = enum(api, "ConnectorStatus")
    assert found.value_type == "string"
    assert [(m.name, m.value) for m in found.members] == [
        ("ACTIVE", "active"),
        ("PAUSED", "paused"),
    ]


def test_an_inline_enum_array_is_named_from_its_owner_in_the_singular(
    normalised: Normalise,
) -> None:
    days = {"type": "array", "items": {"type": "string", "enum": DAYS}}
    api, _ = normalised(connector({"interrupt_window_days_of_week": days}))

    days_field = field(model(api, "Connector"), "interrupt_window_days_of_week")
    assert days_field.type == ir.TypeRef(
        "list", item=ir.TypeRef("enum", "ConnectorInterruptWindowDayOfWeek")
    )
    assert [m.value for m in enum(api, "ConnectorInterruptWindowDayOfWeek").members] == DAYS


def test_identical_inline_enums_are_one_type(normalised: Normalise) -> None:
    levels = {"type": "string", "enum": ["low", "high"]}
    api, _ = normalised(connector({"priority": levels, "urgency": dict(levels)}))

    connector_model = model(api, "Connector")
    assert field(connector_model, "priority").type == field(connector_model, "urgency").type
    assert len(api.enums) == 1


def test_null_in_an_enum_makes_it_nullable(normalised: Normalise) -> None:
    api, _ = normalised(
        connector({"mode": {"type": "string", "enum": ["on", "off", None], "nullable": True}})
    )

    assert field(model(api, "Connector"), "mode").type == ir.TypeRef(
        "enum", "ConnectorMode", nullable=True
    )
    assert [m.value for m in enum(api, "ConnectorMode").members] == ["on", "off"]


def test_member_names_are_identifiers(normalised: Normalise) -> None:
    values = ["P-256", "1h", "", "already_UPPER", "a b"]
    api, _ = normalised(connector({"curve": {"type": "string", "enum": values}}))

    names = [m.name for m in enum(api, "ConnectorCurve").members]
    assert names == ["P_256", "VALUE_1H", "EMPTY", "ALREADY_UPPER", "A_B"]


def test_integer_enums_and_boolean_enums(normalised: Normalise) -> None:
    api, _ = normalised(
        connector(
            {
                "version": {"type": "integer", "enum": [1, 2]},
                "success": {"type": "boolean", "enum": [True]},
            }
        )
    )

    version = enum(api, "ConnectorVersion")
    assert version.value_type == "integer"
    assert [m.name for m in version.members] == ["VALUE_1", "VALUE_2"]
    # A boolean enum is a plain boolean: one type per envelope flag would only clutter.
    assert field(model(api, "Connector"), "success").type == ir.TypeRef("boolean")


def test_an_enum_of_mixed_values_is_reported_and_typed_without_it(normalised: Normalise) -> None:
    api, diagnostics = normalised(connector({"odd": {"type": "string", "enum": ["a", [1]]}}))

    assert codes(diagnostics) == ["W204"]
    assert field(model(api, "Connector"), "odd").type == ir.TypeRef("string")


def constraints(api: ir.Api, name: str) -> ir.Constraints:
    return field(model(api, "Connector"), name).type.constraints


def test_number_bounds_and_multiple_of(normalised: Normalise) -> None:
    api, _ = normalised(
        connector(
            {
                "hours": {"type": "number", "minimum": 1, "maximum": 24},
                "step": {"type": "integer", "multipleOf": 5},
            }
        )
    )

    assert constraints(api, "hours") == ir.Constraints(minimum=1, maximum=24)
    assert constraints(api, "step") == ir.Constraints(multiple_of=5)


def test_exclusive_bounds_in_the_30_boolean_form(normalised: Normalise) -> None:
    hours = {
        "type": "number",
        "minimum": 0,
        "exclusiveMinimum": True,
        "maximum": 24,
        "exclusiveMaximum": False,
    }
    api, _ = normalised(connector({"hours": hours}))

    assert constraints(api, "hours") == ir.Constraints(exclusive_minimum=0, maximum=24)


def test_exclusive_bounds_in_the_31_numeric_form(normalised: Normalise) -> None:
    hours = {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 24}
    api, _ = normalised(connector({"hours": hours}, version="3.1.0"))

    assert constraints(api, "hours") == ir.Constraints(exclusive_minimum=0, exclusive_maximum=24)


def test_string_and_array_constraints_and_format(normalised: Normalise) -> None:
    api, _ = normalised(
        connector(
            {
                "name": {"type": "string", "minLength": 1, "maxLength": 32, "pattern": "^[a-z]+$"},
                "id": {"type": "string", "format": "uuid"},
                "tags": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 1,
                    "maxItems": 4,
                    "uniqueItems": True,
                },
            }
        )
    )

    assert constraints(api, "name") == ir.Constraints(
        min_length=1, max_length=32, pattern="^[a-z]+$"
    )
    assert field(model(api, "Connector"), "id").type == ir.TypeRef("string", format="uuid")
    assert constraints(api, "tags") == ir.Constraints(min_items=1, max_items=4, unique_items=True)


def test_keywords_that_do_not_apply_to_the_type_are_dropped(normalised: Normalise) -> None:
    # minLength on an array constrains nothing in JSON Schema; kept, pydantic would count items.
    api, _ = normalised(
        connector(
            {
                "errors": {"type": "array", "items": {"type": "string"}, "minLength": 1},
                "count": {"type": "integer", "maxLength": 3, "format": "int64"},
            }
        )
    )

    assert constraints(api, "errors").is_empty()
    count = field(model(api, "Connector"), "count").type
    assert count == ir.TypeRef("integer", format="int64")


def test_constraints_beside_a_ref_apply_to_the_referenced_type(normalised: Normalise) -> None:
    schemas = {
        "Name": {"type": "string", "maxLength": 50},
        "Connector": {
            "type": "object",
            "properties": {
                "name": {"allOf": [{"$ref": "#/components/schemas/Name"}], "minLength": 2}
            },
        },
    }
    paths = {"/connectors": {"get": get_returning({"$ref": "#/components/schemas/Connector"})}}
    api, _ = normalised(openapi(paths, schemas))

    assert constraints(api, "name") == ir.Constraints(min_length=2, max_length=50)


def test_a_pattern_pythons_re_rejects_is_reported_and_not_kept(normalised: Normalise) -> None:
    api, diagnostics = normalised(
        connector(
            {
                "name": {"type": "string", "pattern": r"^\p{Lu}+$", "maxLength": 9},
                "slug": {"type": "string", "pattern": r"^(?!-)[a-z-]+$"},
            }
        )
    )

    assert constraints(api, "name") == ir.Constraints(max_length=9)
    assert constraints(api, "slug") == ir.Constraints(pattern=r"^(?!-)[a-z-]+$")
    assert codes(diagnostics) == ["W218"]
    assert diagnostics[0].pointer.endswith("/properties/name/pattern")


def test_a_pattern_beside_a_ref_is_checked_like_one_in_the_schema(normalised: Normalise) -> None:
    schemas = {
        "Name": {"type": "string", "maxLength": 50},
        "Connector": {
            "type": "object",
            "properties": {
                "name": {"$ref": "#/components/schemas/Name", "pattern": r"^\p{L}+$"},
                "slug": {"$ref": "#/components/schemas/Name", "pattern": r"^[a-z]+$"},
            },
        },
    }
    paths = {"/connectors": {"get": get_returning({"$ref": "#/components/schemas/Connector"})}}
    api, diagnostics = normalised(openapi(paths, schemas, version="3.1.0"))

    assert constraints(api, "name") == ir.Constraints(max_length=50)
    assert constraints(api, "slug") == ir.Constraints(max_length=50, pattern=r"^[a-z]+$")
    assert codes(diagnostics) == ["W218"]
    assert diagnostics[0].pointer.endswith("/properties/name/pattern")
