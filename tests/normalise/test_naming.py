"""Python-safe identifiers, readable type names, clashes, and identical shapes merged."""

from __future__ import annotations

from typing import Any

import pytest
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
from generator.config import Config
from generator.normalise.naming import (
    component_namespaces,
    is_readable,
    python_identifier,
    singular,
    snake_case,
    split_component_name,
    type_name,
    unique_identifiers,
)


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("accountId", "account_id"),
        ("X-Auth-Email", "x_auth_email"),
        ("interrupt window.days", "interrupt_window_days"),
        ("HTTPServer", "http_server"),
        ("class", "class_"),
        ("match", "match_"),  # a soft keyword
        ("0rtt", "zero_rtt"),
        ("100x", "n100x"),
        ("_id", "id"),
        ("$", "value"),
    ],
)
def test_python_identifier(wire: str, python: str) -> None:
    assert python_identifier(wire) == python


def test_type_names_and_singulars() -> None:
    assert type_name("legacy-jhs_rate-plan") == "LegacyJhsRatePlan"
    assert type_name("SaaS Application") == "SaaSApplication"
    assert snake_case("zoneIdentifier") == "zone_identifier"
    assert singular("days_of_week") == "day_of_week"
    assert singular("policies") == "policy"
    assert singular("addresses") == "address"
    assert singular("status") == "status"
    assert singular("time_series") == "time_series"


def test_unique_identifiers_keep_names_apart_from_aliases() -> None:
    # `foo_bar` keeps its name; `fooBar` would become `foo_bar` too and gives way.
    assert unique_identifiers(("fooBar", "foo_bar")) == ("foo_bar_", "foo_bar")
    assert unique_identifiers(("class", "class_")) == ("class_2", "class_")
    assert unique_identifiers(("json", "date"), frozenset({"json", "date"})) == ("json_", "date_")


def thing(properties: dict[str, Any], **schemas: Any) -> dict[str, Any]:
    schemas = {"Thing": {"type": "object", "properties": properties}, **schemas}
    return openapi(
        {"/things": {"get": get_returning({"$ref": "#/components/schemas/Thing"})}}, schemas
    )


def test_fields_named_like_keywords_builtins_and_each_other(normalised: Normalise) -> None:
    api, _ = normalised(
        thing(
            {
                "class": {"type": "string"},
                "json": {"type": "string"},  # would shadow BaseModel.json
                "date": {"type": "string"},  # would hide the `date` type in annotations
                "fooBar": {"type": "string"},
                "foo_bar": {"type": "string"},
            }
        )
    )

    names = {f.wire_name: f.name for f in model(api, "Thing").fields}
    assert names == {
        "class": "class_",
        "json": "json_",
        "date": "date_",
        "fooBar": "foo_bar_",
        "foo_bar": "foo_bar",
    }


def test_component_names_that_shadow_generated_code_get_a_kind_suffix(
    normalised: Normalise,
) -> None:
    schemas = {
        "Field": {"type": "object", "properties": {"x": {"type": "string"}}},
        "Literal": {"type": "string", "enum": ["a", "b"]},
    }
    api, diagnostics = normalised(
        thing(
            {
                "field": {"$ref": "#/components/schemas/Field"},
                "lit": {"$ref": "#/components/schemas/Literal"},
            },
            **schemas,
        )
    )

    assert {m.name for m in api.models} == {"FieldModel", "Thing"}
    assert [e.name for e in api.enums] == ["LiteralEnum"]
    assert codes(diagnostics) == []


def test_two_inline_shapes_wanting_one_name_are_told_apart_by_context(
    normalised: Normalise,
) -> None:
    # `Thing.owner_info` and the component `ThingOwnerInfo` both want `ThingOwnerInfo`:
    # the component keeps it, the inline shape takes a name from where it was found.
    schemas = {
        "ThingOwnerInfo": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Other": {
            "type": "object",
            "properties": {"ref": {"$ref": "#/components/schemas/ThingOwnerInfo"}},
        },
    }
    inline = {"type": "object", "properties": {"name": {"type": "string"}}}
    api, diagnostics = normalised(
        thing({"owner_info": inline, "other": {"$ref": "#/components/schemas/Other"}}, **schemas)
    )

    owner = field(model(api, "Thing"), "owner_info").type
    assert owner.name != "ThingOwnerInfo"
    assert owner.name == "ThingOwnerInfoModel"
    assert [f.wire_name for f in model(api, "ThingOwnerInfo").fields] == ["id"]
    assert not any(name[-1].isdigit() for name in (m.name for m in api.models))
    assert codes(diagnostics) == []


def test_components_differing_only_in_spelling_get_distinct_names(normalised: Normalise) -> None:
    schemas = {
        "rate-plan": {"type": "object", "properties": {"a": {"type": "string"}}},
        "rate_plan": {"type": "object", "properties": {"b": {"type": "string"}}},
    }
    api, diagnostics = normalised(
        thing(
            {
                "first": {"$ref": "#/components/schemas/rate-plan"},
                "second": {"$ref": "#/components/schemas/rate_plan"},
            },
            **schemas,
        )
    )

    names = sorted(m.name for m in api.models if m.name != "Thing")
    assert names[0] == "RatePlan"
    assert names[1] in ("ThingFirst", "ThingSecond")  # named from where it is used, no number
    assert "W211" not in codes(diagnostics)


def test_identical_inline_shapes_are_one_model_named_by_what_they_share(
    normalised: Normalise,
) -> None:
    token = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "value": {"type": "string"}},
    }
    paths = {
        "/tokens": {
            "get": get_returning(
                {"type": "object", "properties": {"token": token}}, operationId="list"
            ),
            "post": get_returning(
                {"type": "object", "properties": {"token": dict(token)}}, operationId="create"
            ),
        }
    }
    api, _ = normalised(openapi(paths))

    listed = operation(api, "list").responses[0].type
    created = operation(api, "create").responses[0].type
    assert listed == created
    assert listed is not None
    # `TokensListResponse` and `TokensCreateResponse` share `Tokens...Response`.
    assert listed.name == "TokensResponse"
    assert field(model(api, "TokensResponse"), "token").type == ir.TypeRef(
        "model", "TokensResponseToken"
    )


def test_union_members_are_named_by_what_sets_them_apart(normalised: Normalise) -> None:
    position = {
        "oneOf": [
            {"type": "object", "properties": {"index": {"type": "integer"}}},
            {"type": "object", "properties": {"before": {"type": "string"}}},
            {"type": "object", "title": "At the end", "properties": {"after": {"type": "string"}}},
        ]
    }
    api, _ = normalised(thing({"position": position}))

    members = union(api, field(model(api, "Thing"), "position").type.name).members
    assert [m.name for m in members] == [
        "ThingPositionIndex",
        "ThingPositionBefore",
        "AtTheEnd",
    ]


# Namespaced component names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("access_policy", ("access", "policy")),
        (
            "TEQa8DPv_components-schemas-certificate_authority",
            ("TEQa8DPv", "certificate_authority"),
        ),
        ("access_apps_components-schemas-name", ("access", "apps_name")),
        ("access_schemas-name-2", ("access", "name-2")),
        ("teams-devices_device-dex-test-schemas-http", ("teams-devices", "device-dex-test-http")),
        ("access_parameter_schemas", ("access", "parameter_schemas")),  # a word: kept
        ("rate_plan", ("", "rate_plan")),  # `rate` starts one name: not a namespace
        ("access_", ("", "access_")),  # nothing after the namespace: kept whole
    ],
)
def test_a_component_name_splits_at_a_namespace_its_siblings_share(
    name: str, split: tuple[str, str]
) -> None:
    names = ["access_rule", "TEQa8DPv_rule", "teams-devices_rule", name]
    assert split_component_name(name, component_namespaces(names, "_"), "_") == split


def test_namespaces_that_read_as_words_and_random_ones() -> None:
    readable = ["access", "legacy-jhs", "zero-trust-gateway", "d1", "r2", "dnssec", "Stream"]
    random = ["TEQa8DPv", "4L7ec3zG", "twztnn43", "kBoJuUbv", "ONNRRHqx", "VVQH9BGE", ""]
    assert [w for w in readable if not is_readable(w)] == []
    assert [w for w in random if is_readable(w)] == []


def object_with(*properties: str) -> dict[str, Any]:
    return {"type": "object", "properties": {p: {"type": "string"} for p in properties}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_namespace_prefixes_and_noise_are_dropped_from_type_names(normalised: Normalise) -> None:
    schemas = {
        "access_policy": object_with("decision"),
        "access_rule": object_with("email"),
        "TEQa8DPv_components-schemas-certificate_authority": object_with("issuer"),
        "TEQa8DPv_hostname": object_with("name"),
        "rate_plan": object_with("currency"),
    }
    api, diagnostics = normalised(thing({name: ref(name) for name in schemas}, **schemas))

    names = {m.name for m in api.models}
    assert names == {"Policy", "Rule", "CertificateAuthority", "Hostname", "RatePlan", "Thing"}
    assert codes(diagnostics) == []


def test_the_namespace_is_kept_when_the_option_is_off(normalised: Normalise) -> None:
    schemas = {"access_policy": object_with("decision"), "access_rule": object_with("email")}
    api, _ = normalised(
        thing({name: ref(name) for name in schemas}, **schemas),
        config=Config(component_namespace_separator=""),
    )

    assert {m.name for m in api.models} == {"AccessPolicy", "AccessRule", "Thing"}


def test_identical_components_in_different_namespaces_are_one_model(
    normalised: Normalise,
) -> None:
    schemas: dict[str, Any] = {}
    for namespace in ("access", "4L7ec3zG"):
        messages = {"type": "array", "items": object_with("code", "message")}
        schemas[f"{namespace}_messages"] = messages
        schemas[f"{namespace}_api-response-common"] = {
            "type": "object",
            "properties": {"errors": ref(f"{namespace}_messages"), "success": {"type": "boolean"}},
        }
    paths = {
        f"/{resource}": {
            "get": get_returning(ref(f"{namespace}_api-response-common"), operationId=resource)
        }
        for resource, namespace in (("apps", "access"), ("scripts", "4L7ec3zG"))
    }
    api, _ = normalised(openapi(paths, schemas))

    assert {m.name for m in api.models} == {"ApiResponseCommon", "Message"}
    apps, scripts = operation(api, "apps"), operation(api, "scripts")
    assert apps.payload.type == scripts.payload.type == ir.TypeRef("model", "ApiResponseCommon")


def returned(normalised: Normalise, paths: dict[str, str]) -> tuple[list[str], list[str]]:
    """(the type each path returns, the diagnostic codes) of a spec made of `paths`.

    Each path returns its component; the components are objects of different shapes.
    """
    schemas = {name: object_with(f"property_{index}") for index, name in enumerate(paths.values())}
    for name in paths.values():  # make each prefix a namespace
        schemas[name.split("_")[0] + "_other"] = object_with("other")
    operations = {p: {"get": get_returning(ref(name), operationId=p)} for p, name in paths.items()}
    api, diagnostics = normalised(openapi(operations, schemas))
    types = [op.payload.type for op in api.operations()]
    return [t.name for t in types if t is not None], codes(diagnostics)


@pytest.mark.parametrize(
    ("paths", "names"),
    [
        # The top-level resource whose operations use it: neither is more `Settings`.
        (
            {"/apps": "access_settings", "/videos": "stream_settings"},
            ["AppsSettings", "VideosSettings"],
        ),
        # Both used by one resource: their namespaces, which read as words.
        (
            {"/things/a": "access_settings", "/things/b": "stream_settings"},
            ["AccessSettings", "StreamSettings"],
        ),
        # Random namespaces tell nothing: names from where the second is used.
        (
            {"/things/a": "TEQa8DPv_settings", "/things/b": "YNgEFcb2_settings"},
            ["Settings", "ThingsBListResponse"],
        ),
    ],
)
def test_a_clash_after_dropping_namespaces_is_resolved_with_readable_context(
    normalised: Normalise, paths: dict[str, str], names: list[str]
) -> None:
    assert returned(normalised, paths) == (names, [])


def test_the_same_schema_gets_the_same_name_whatever_its_hash_namespace(
    normalised: Normalise,
) -> None:
    def names(first: str, second: str) -> list[str]:
        return returned(
            normalised, {"/apps": f"{first}_settings", "/things": f"{second}_settings"}
        )[0]

    assert names("TEQa8DPv", "YNgEFcb2") == ["AppsSettings", "ThingsSettings"]
    assert names("Xfa222DW", "twztnn43") == ["AppsSettings", "ThingsSettings"]


def test_a_number_is_the_last_resort_and_reported(normalised: Normalise) -> None:
    # Rivals in one namespace and one resource, and every name from where the second one is
    # used already a component's: nothing tells them apart but a number.
    schemas = {
        "access_settings": object_with("colour"),
        "access_schemas-settings": object_with("size"),
        "ThingFirst": object_with("x"),
        "ThingSecond": object_with("y"),
        "ThingSettings": object_with("z"),
        "SettingsModel": object_with("w"),
    }
    properties = {
        "first": ref("access_settings"),
        "second": ref("access_schemas-settings"),
        **{name.lower(): ref(name) for name in ("ThingFirst", "ThingSecond", "ThingSettings")},
        "model": ref("SettingsModel"),
    }
    api, diagnostics = normalised(thing(properties, **schemas))

    assert field(model(api, "Thing"), "first").type.name == "Settings"
    assert field(model(api, "Thing"), "second").type.name == "Settings2"
    assert codes(diagnostics) == ["W211"]


def test_an_anonymous_shape_whose_name_is_taken_takes_the_context_it_was_found_in(
    normalised: Normalise,
) -> None:
    # The items of both lists want `Rule`, which a component has: the one used by one
    # resource takes it (`VideosRule`), the one used by two its namespace (`AccessRule`).
    schemas = {
        "access_rules": {"type": "array", "items": object_with("email")},
        "access_other": object_with("other"),
        "stream_rules": {"type": "array", "items": object_with("origin")},
        "stream_other": object_with("other"),
        "Rule": object_with("id"),
    }
    returning = {"/apps": "access_rules", "/links": "access_rules", "/videos": "stream_rules"}
    paths = {p: {"get": get_returning(ref(name), operationId=p)} for p, name in returning.items()}
    paths["/rules"] = {"get": get_returning(ref("Rule"), operationId="rules")}
    api, diagnostics = normalised(openapi(paths, schemas))

    items = {op.operation_id: op.payload.type.item for op in api.operations() if op.payload.type}
    assert {op: item.name for op, item in items.items() if item} == {
        "/apps": "AccessRule",
        "/links": "AccessRule",
        "/videos": "VideosRule",
    }
    assert codes(diagnostics) == []
