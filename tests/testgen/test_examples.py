"""Example synthesis: the spec's examples where they fit, values within every constraint
otherwise, values past each bound for the negative tests, and the same values every time."""

from __future__ import annotations

import re

import pytest
from small_api import CREATE, CREATE_BODY, GET, LIST, WIDGET_ID, small_api

from generator import ir
from generator.examples import Examples, matching_string


@pytest.fixture
def examples() -> Examples:
    return Examples(small_api())


def string(**limits: object) -> ir.TypeRef:
    return ir.TypeRef("string", constraints=ir.Constraints(**limits))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[0-9a-f]{32}$",
        r"^[a-z0-9_][a-z0-9-_]*$",
        r"^([a-z]+[a-z0-9_-]*[a-z0-9]+)$",
        r"^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$",
        r"^([a-zA-Z0-9][\-a-zA-Z0-9]*\.)+[\-a-zA-Z0-9]{2,20}$",
        r"^[^/\s]+\.(com|net)$",
        r"^(?P<word>ab)\d+(?P=word)$",
        r"^\w+@\w+$",
        r"[A-Z]{3}-\d{2}",
    ],
)
def test_matching_string_matches_common_patterns(pattern: str) -> None:
    found = matching_string(pattern)
    assert found is not None
    assert re.search(pattern, found)


def test_matching_string_respects_length_bounds() -> None:
    found = matching_string(r"^[a-z]+$", min_length=8, max_length=10)
    assert found is not None
    assert 8 <= len(found) <= 10
    assert re.fullmatch("[a-z]+", found)


def test_matching_string_gives_up_on_lookarounds_and_impossible_lengths() -> None:
    assert matching_string(r"^(?=x)y$") is None
    assert matching_string(r"^[a-z]{3}$", max_length=2) is None
    assert matching_string("[") is None


def test_a_parameter_example_from_the_spec_is_used(examples: Examples) -> None:
    example = examples.parameter(GET.parameters[0])
    assert example == examples.parameter(GET.parameters[0])
    assert example.value == "023e105f4ecef8ad9ca31a8372d0c353"
    assert example.from_spec


def test_a_body_example_is_used_for_its_fields(examples: Examples) -> None:
    name = examples.body_field(CREATE_BODY, CREATE_BODY.fields[0])
    assert name.value == "Sprocket"
    assert name.from_spec


def test_an_example_that_breaks_its_constraints_is_replaced_with_a_warning() -> None:
    examples = Examples(small_api())
    too_long = ir.Parameter(
        "account_id",
        "account_id",
        "path",
        string(max_length=4),
        True,
        "",
        "widgets.yaml#/p",
        example="far too long",
        has_example=True,
    )
    example = examples.parameter(too_long)
    assert example.value == "acco"
    assert not example.from_spec
    (diagnostic,) = examples.diagnostics
    assert diagnostic.code == "W401"
    assert diagnostic.file == "widgets.yaml"
    assert diagnostic.pointer == "#/p"
    assert "longer than 4 characters" in diagnostic.message


@pytest.mark.parametrize(
    ("type_ref", "expected"),
    [
        (ir.TypeRef("integer"), 1),
        (ir.TypeRef("integer", constraints=ir.Constraints(minimum=5, maximum=50)), 5),
        (ir.TypeRef("integer", constraints=ir.Constraints(exclusive_minimum=0)), 1),
        (ir.TypeRef("integer", constraints=ir.Constraints(maximum=-3)), -3),
        (ir.TypeRef("integer", constraints=ir.Constraints(minimum=3, multiple_of=5)), 5),
        (ir.TypeRef("number", constraints=ir.Constraints(exclusive_minimum=0.5)), 1),
        (ir.TypeRef("boolean"), True),
        (string(min_length=12), "hint_valuehi"),
        (string(max_length=3), "hin"),
        (ir.TypeRef("string", format="uuid"), "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        (ir.TypeRef("string", format="date-time"), "2024-01-31T12:00:00Z"),
        (ir.TypeRef("string", format="email"), "user@example.com"),
        (ir.TypeRef("enum", name="Colour"), "red"),
        (
            ir.TypeRef("list", item=ir.TypeRef("integer"), constraints=ir.Constraints(min_items=2)),
            [1, 1],
        ),
        (
            ir.TypeRef(
                "list",
                item=ir.TypeRef("enum", name="Colour"),
                constraints=ir.Constraints(min_items=2, unique_items=True),
            ),
            ["red", "green"],
        ),
        (ir.TypeRef("map", item=ir.TypeRef("integer")), {"key": 1}),
    ],
)
def test_synthesised_values_keep_within_the_constraints(
    examples: Examples, type_ref: ir.TypeRef, expected: ir.JsonValue
) -> None:
    example = examples.synthesise(type_ref, "request", hint="hint_value")
    assert example.value == expected
    assert examples.mismatch(example.value, type_ref, "request") == ""


def test_a_discriminated_union_gets_its_first_mapping_and_tag(examples: Examples) -> None:
    example = examples.synthesise(ir.TypeRef("union", name="Shape"), "request")
    assert example.value == {"shape": "circle", "radius": 0.5}


def test_a_pattern_nothing_matches_is_reported_and_flagged(examples: Examples) -> None:
    secret = next(f for f in CREATE_BODY.fields if f.name == "secret")
    example = examples.body_field(CREATE_BODY, secret)
    assert example.problem == "no string matching `^(?!x)[a-z]{2}$` was found"
    (diagnostic,) = examples.diagnostics
    assert diagnostic.code == "W402"
    assert diagnostic.severity == "warning"


def test_a_pattern_is_matched(examples: Examples) -> None:
    code = next(f for f in CREATE_BODY.fields if f.name == "code")
    assert examples.body_field(CREATE_BODY, code).value == "AAA-00"


def test_invalid_values_cross_each_bound(examples: Examples) -> None:
    size = ir.TypeRef("integer", constraints=ir.Constraints(minimum=1, maximum=10))
    name = string(min_length=2, max_length=5)
    colours = ir.TypeRef(
        "list", item=ir.TypeRef("enum", name="Colour"), constraints=ir.Constraints(max_items=2)
    )
    assert [(i.label, i.value) for i in examples.invalid_values(size, 1)] == [
        ("below-1", 0),
        ("above-10", 11),
    ]
    assert [(i.label, i.value) for i in examples.invalid_values(name, "ab")] == [
        ("longer-than-5", "xxxxxx"),
        ("shorter-than-2", "x"),
    ]
    assert [(i.label, i.value) for i in examples.invalid_values(colours, ["red"])] == [
        ("more-than-2-items", ["red", "red", "red"]),
        ("item-not-a-member", ["not-a-member"]),
    ]
    for type_ref, label_value in ((size, 1), (name, "ab"), (colours, ["red"])):
        for invalid in examples.invalid_values(type_ref, label_value):
            assert examples.mismatch(invalid.value, type_ref, "request") != ""


def test_the_response_is_an_envelope_around_a_valid_payload(examples: Examples) -> None:
    response = examples.response(GET)
    assert response.status == 200
    assert isinstance(response.body, dict)
    assert response.body["success"] is True
    assert response.body["errors"] == []
    assert response.payload == response.body["result"]
    assert response.payload == {
        "id": "w-1",
        "name": "name",
        "created_on": "2024-01-31T12:00:00Z",
        "colour": "red",
    }


def test_a_paginated_response_carries_result_info(examples: Examples) -> None:
    response = examples.response(LIST)
    assert isinstance(response.body, dict)
    assert response.body["result_info"] == {"page": 1, "per_page": 20, "count": 1, "total_count": 1}
    assert isinstance(response.payload, list)
    assert len(response.payload) == 1


def test_a_response_example_that_does_not_fit_is_replaced() -> None:
    broken = ir.Response(
        "200",
        "application/json",
        ir.TypeRef("model", name="WidgetEnvelope"),
        "OK",
        "widgets.yaml#/responses/ok",
        False,
        example={"success": True, "errors": [], "messages": [], "result": {"id": 7}},
        has_example=True,
    )
    operation = ir.Operation(**{**_fields(GET), "responses": (broken,)})
    examples = Examples(small_api())
    response = examples.response(operation)
    assert not response.from_spec
    (diagnostic,) = examples.diagnostics
    assert diagnostic.code == "W401"
    assert "at $.id: expected a string, got a number" in diagnostic.message


def test_synthesis_is_deterministic() -> None:
    first, second = Examples(small_api()), Examples(small_api())
    for operation in (GET, CREATE, LIST):
        assert first.response(operation) == second.response(operation)
    assert first.parameter(WIDGET_ID) == second.parameter(WIDGET_ID) == first.parameter(WIDGET_ID)


def _fields(operation: ir.Operation) -> dict[str, object]:
    return {name: getattr(operation, name) for name in operation.__dataclass_fields__}
