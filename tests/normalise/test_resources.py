"""The resource tree, method names, configured prefixes and collisions between operations."""

from __future__ import annotations

from typing import Any

from normalise_helpers import Normalise, codes, openapi, operation

from generator import ir
from generator.config import Config

OK = {"200": {"description": "ok"}}


def op(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": OK, **extra}


def path_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def tree(api: ir.Api) -> dict[str, list[str]]:
    """{"magic.connectors": ["list", "get"], ...} for every resource with operations."""
    found: dict[str, list[str]] = {}
    stack = list(api.resources)
    while stack:
        resource = stack.pop()
        if resource.operations:
            found[".".join(resource.path)] = [o.name for o in resource.operations]
        stack.extend(resource.children)
    return found


def test_prefixes_are_stripped_by_position_whatever_the_parameter_is_called(
    normalised: Normalise,
) -> None:
    paths = {
        "/accounts/{accountId}/magic/connectors": {"get": op("list_connectors")},
        "/accounts/{account_identifier}/magic/connectors/{connector_id}": {
            "get": op("get_connector"),
            "put": op("replace_connector"),
            "patch": op("edit_connector"),
        },
        "/zones/{zone_id}/token_validation/config": {
            "get": op("list_configs"),
            "post": op("create_config"),
        },
        "/zones/{zone_id}/token_validation/config/{config_id}": {"delete": op("delete_config")},
        "/zones/{zone_id}/token_validation/config/{config_id}/credentials": {
            "put": op("update_credentials")
        },
    }
    api, diagnostics = normalised(openapi(paths))

    assert tree(api) == {
        "magic.connectors": ["list", "get", "update", "edit"],
        "token_validation.config": ["list", "create", "delete"],
        "token_validation.config.credentials": ["update"],
    }
    connectors = api.resources[0].children[0]
    assert (connectors.name, connectors.class_name, connectors.module) == (
        "connectors",
        "ConnectorsResource",
        "magic.connectors",
    )
    # The prefix's parameter is an ordinary argument, named as in the config.
    listed = operation(api, "list_connectors")
    assert [(p.name, p.wire_name) for p in listed.parameters] == [("account_id", "accountId")]
    assert listed.path == "/accounts/{accountId}/magic/connectors"
    assert "W210" not in codes(diagnostics)


def test_a_path_that_is_only_a_prefix_keeps_it(normalised: Normalise) -> None:
    paths = {
        "/zones": {"get": op("list_zones")},
        "/zones/{identifier}": {"get": op("get_zone"), "delete": op("delete_zone")},
    }
    api, _ = normalised(openapi(paths))

    assert tree(api) == {"zones": ["list", "get", "delete"]}
    assert [p.name for p in operation(api, "get_zone").parameters] == ["zone_id"]


def test_an_account_and_a_zone_variant_are_both_kept(normalised: Normalise) -> None:
    paths = {
        "/accounts/{account_id}/rulesets": {"get": op("account_rulesets")},
        "/zones/{zone_id}/rulesets": {"get": op("zone_rulesets")},
    }
    api, diagnostics = normalised(openapi(paths))

    assert tree(api) == {"rulesets": ["list", "list_for_zone"]}
    (collision,) = [d for d in diagnostics if d.code == "W210"]
    assert "rulesets.list_for_zone" in collision.message


def test_collection_and_item_writes_and_extra_parameters(normalised: Normalise) -> None:
    paths = {
        "/zones/{zone_id}/filters": {"put": op("update_filters"), "delete": op("delete_filters")},
        "/zones/{zone_id}/filters/{id}": {
            "delete": op("delete_filter"),
            "put": op("update_filter"),
        },
        "/accounts/{account_id}/devices/policy/exclude": {"get": op("default_exclude")},
        "/accounts/{account_id}/devices/policy/{uuid}/exclude": {"get": op("policy_exclude")},
    }
    api, diagnostics = normalised(openapi(paths))

    assert tree(api) == {
        "filters": ["bulk_update", "bulk_delete", "delete", "update"],
        "devices.policy.exclude": ["list", "list_for_policy"],
    }
    assert codes(diagnostics).count("W210") == 3


def test_a_post_to_an_item_beside_one_to_the_collection(
    normalised: Normalise,
) -> None:
    paths = {
        "/zones/{zone_id}/purge_cache": {
            "post": op("purge-everything"),
            "parameters": [],
        },
        "/zones/{zone_id}/purge_cache/{kind}": {
            "post": op("purge-by-kind"),
        },
    }
    api, diagnostics = normalised(openapi(paths))

    assert tree(api) == {"purge_cache": ["create", "create_by_kind"]}
    assert codes(diagnostics).count("W210") == 1


def test_names_from_x_codegen_name_and_the_config(normalised: Normalise) -> None:
    paths = {
        "/zones/{zone_id}/purge_cache": {"post": op("zone-purge", **{"x-codegen-name": "purge"})},
        "/zones/{zone_id}/settings/0rtt": {"get": op("get-0rtt")},
        "/user": {"get": op("user-details")},
    }
    config = Config(method_names={"user-details": "me.get", "get-0rtt": "get"})
    api, _ = normalised(openapi(paths), config=config)

    assert tree(api) == {
        "purge_cache": ["purge"],
        "settings.zero_rtt": ["get"],
        "me": ["get"],
    }


def test_a_method_named_like_a_child_resource_is_renamed(normalised: Normalise) -> None:
    paths = {
        "/things": {"get": op("things", **{"x-codegen-name": "export"})},
        "/things/export": {"get": op("export_things")},
    }
    api, _ = normalised(openapi(paths))

    assert tree(api) == {"things": ["export_get"], "things.export": ["list"]}


def test_resources_are_sorted_and_take_their_doc_from_the_tag(normalised: Normalise) -> None:
    paths = {
        "/zebras": {"get": op("zebras", tags=["Zoo"])},
        "/ants": {"get": op("ants", tags=["Insects"])},
    }
    document = openapi(paths, tags=[{"name": "Insects", "description": "Small things."}])
    api, _ = normalised(document)

    assert [r.name for r in api.resources] == ["ants", "zebras"]
    assert api.resources[0].doc == "Small things."
    assert api.resources[1].doc == ""
