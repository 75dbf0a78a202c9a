"""The real Cloudflare specs: nothing dropped, payloads typed, no invented numbered names."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from generator import ir
from generator.config import Config
from generator.load import load_spec
from generator.normalise import coverage, normalise
from generator.normalise.naming import component_namespaces, split_component_name, type_name
from generator.pipeline import api_diff

SHARED = Path(__file__).parents[2].parent / "shared"
REAL_SPECS = sorted((SHARED / "specs" / "cloudflare-real").glob("*.json"))
needs_real_specs = pytest.mark.skipif(
    not REAL_SPECS, reason=f"the real Cloudflare specs are not in {SHARED}"
)


def component_names(spec_path: Path) -> list[str]:
    return list(json.loads(spec_path.read_bytes())["components"]["schemas"])


@cache
def random_namespaces() -> frozenset[str]:
    """The namespaces that differ between the snapshots: Cloudflare's random hashes."""
    found = [component_namespaces(component_names(path), "_") for path in REAL_SPECS]
    return frozenset().union(*found) - frozenset.intersection(*found)


@pytest.mark.real
@needs_real_specs
@pytest.mark.parametrize("spec_path", REAL_SPECS, ids=[p.name for p in REAL_SPECS])
def test_a_real_spec_normalises_completely(spec_path: Path) -> None:
    api, diagnostics = normalise(load_spec(spec_path), Config(), tolerant=True)
    numbers = coverage(api, diagnostics)

    assert numbers.operations > 1300
    assert numbers.dropped == 0, [d.format() for d in diagnostics if d.code.startswith("E3")]
    assert numbers.payload_percent >= 98.0, numbers.lines()
    assert numbers.numbered_names == 0, [d.format() for d in diagnostics if d.code == "W211"]
    # Independently of the diagnostics: a component's model is called after the component
    # (its namespace left out), or (when that was taken) something without an invented number.
    names = component_names(spec_path)
    namespaces = component_namespaces(names, "_")
    definitions: list[ir.Model | ir.EnumType | ir.Union] = [*api.models, *api.enums, *api.unions]
    for definition in definitions:
        _, _, pointer = definition.pointer.partition("#")
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1:3] == ["components", "schemas"]:
            own = type_name(split_component_name(parts[3], namespaces, "_")[1])
            assert definition.name == own or not definition.name[-1:].isdigit(), definition
    # No name carries a namespace that changes from one snapshot to the next.
    assert len(random_namespaces()) > 30
    hashes = [type_name(namespace).lower() for namespace in random_namespaces()]
    assert [d.name for d in definitions if any(h in d.name.lower() for h in hashes)] == []


@pytest.mark.real
@pytest.mark.skipif(len(REAL_SPECS) < 2, reason=f"two real Cloudflare specs are not in {SHARED}")
def test_consecutive_snapshots_differ_where_the_api_does() -> None:
    # The snapshots differ in their random namespaces and in a handful of operations; names
    # that followed the namespaces made nearly 200 operations and 900 models look changed.
    old, new = (normalise(load_spec(p), Config(), tolerant=True)[0] for p in REAL_SPECS[:2])
    lines = api_diff(old, new)
    changed = [line for line in lines if line.startswith("  changed")]

    assert lines[0].startswith("operations: 0 added, 2 removed"), lines[0]
    assert len(changed) <= 15, "\n".join(changed)
