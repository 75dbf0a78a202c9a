"""The seed spec's IR as text, compared with tests/normalise/golden/seed_ir.txt.

Rewrite the snapshot with `pytest tests/normalise --update-golden` and review the diff like
code. The explicit checks below say what the snapshot must show, so a bad update fails too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.config import load_config
from generator.load import load_spec
from generator.normalise import format_api, normalise

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "specs" / "cloudflare.yaml"
GOLDEN = Path(__file__).parent / "golden" / "seed_ir.txt"


@pytest.fixture
def seed(monkeypatch: pytest.MonkeyPatch) -> ir.Api:
    """The seed spec normalised with the repo's own config, as `python -m generator ir` does."""
    monkeypatch.chdir(REPO)  # pointers then read `specs/components/magic.yaml#/...`
    api, diagnostics = normalise(
        load_spec(SEED.relative_to(REPO)), load_config(REPO / "pyproject.toml"), tolerant=False
    )
    assert [d.format() for d in diagnostics] == []
    return api


def by_id(api: ir.Api, operation_id: str) -> ir.Operation:
    return next(op for op in api.operations() if op.operation_id == operation_id)


def test_the_seed_ir_matches_the_golden_snapshot(seed: ir.Api, update_golden: bool) -> None:
    text = format_api(seed)
    if update_golden:
        GOLDEN.write_text(text)
    assert GOLDEN.is_file(), "no golden file yet: run pytest tests/normalise --update-golden"
    assert text == GOLDEN.read_text()


def test_the_connector_model(seed: ir.Api) -> None:
    connector = next(m for m in seed.models if m.name == "Connector")
    fields = {f.wire_name: f for f in connector.fields}
    assert fields["interrupt_window_days_of_week"].type == ir.TypeRef(
        "list", item=ir.TypeRef("enum", "DayOfWeek")
    )
    hours = fields["interrupt_window_duration_hours"].type
    assert (hours.kind, hours.constraints.minimum, hours.constraints.maximum) == ("number", 1, 24)
    days = next(e for e in seed.enums if e.name == "DayOfWeek")
    assert [m.value for m in days.members][:2] == ["Sunday", "Monday"]


def test_the_resource_tree(seed: ir.Api) -> None:
    magic, token_validation = seed.resources
    assert [(r.name, [o.name for o in r.operations]) for r in magic.children] == [
        ("connectors", ["list", "get", "update", "edit"])
    ]
    (config,) = token_validation.children
    assert [o.name for o in config.operations] == ["list", "create", "get", "edit", "delete"]
    assert [(c.name, [o.name for o in c.operations]) for c in config.children] == [
        ("credentials", ["update"])
    ]


def test_both_envelopes_are_unwrapped(seed: ir.Api) -> None:
    fetched = by_id(seed, "mconn-connector-fetch").payload
    assert (fetched.kind, fetched.type) == ("result", ir.TypeRef("model", "Connector"))
    keys = by_id(seed, "token-validation-config-credentials-update").payload
    assert (keys.kind, keys.fields) == ("fields", ("keys",))
    assert keys.type is not None and keys.type.kind == "list"
    assert keys.type.item == ir.TypeRef("union", "Jwk")


def test_the_jwk_union_is_discriminated_by_kty(seed: ir.Api) -> None:
    jwk = next(u for u in seed.unions if u.name == "Jwk")
    assert jwk.members == (ir.TypeRef("model", "JwkRsa"), ir.TypeRef("model", "JwkEc"))
    assert jwk.discriminator == ir.Discriminator("kty", (("RSA", "JwkRsa"), ("EC", "JwkEc")))


def test_the_config_list_is_paginated(seed: ir.Api) -> None:
    pagination = by_id(seed, "token-validation-config-list").pagination
    assert pagination is not None
    assert (pagination.page_parameter, pagination.per_page_parameter) == ("page", "per_page")
    assert pagination.item == ir.TypeRef("model", "TokenConfig")
    assert "total_count" in pagination.result_info_fields


def test_both_security_schemes(seed: ir.Api) -> None:
    schemes = {s.name: s for s in seed.security_schemes}
    assert (schemes["api_token"].kind, schemes["api_token"].parameter_name) == (
        "bearer",
        "Authorization",
    )
    assert (schemes["api_email"].kind, schemes["api_email"].parameter_name) == (
        "api_key",
        "X-Auth-Email",
    )
    assert schemes["api_key"].env_var == "CLOUDFLARE_API_KEY"
    assert seed.security == (("api_token",), ("api_email", "api_key"))
