"""The real Cloudflare specs: nothing dropped, payloads typed, no invented numbered names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.config import Config
from generator.load import load_spec
from generator.normalise import coverage, normalise
from generator.normalise.naming import type_name

SHARED = Path(__file__).parents[2].parent / "shared"
REAL_SPECS = sorted((SHARED / "specs" / "cloudflare-real").glob("*.json"))


@pytest.mark.real
@pytest.mark.skipif(not REAL_SPECS, reason=f"the real Cloudflare specs are not in {SHARED}")
@pytest.mark.parametrize("spec_path", REAL_SPECS, ids=[p.name for p in REAL_SPECS])
def test_a_real_spec_normalises_completely(spec_path: Path) -> None:
    api, diagnostics = normalise(load_spec(spec_path), Config(), tolerant=True)
    numbers = coverage(api, diagnostics)

    assert numbers.operations > 1300
    assert numbers.dropped == 0, [d.format() for d in diagnostics if d.code.startswith("E3")]
    assert numbers.payload_percent >= 98.0, numbers.lines()
    assert numbers.numbered_names == 0, [d.format() for d in diagnostics if d.code == "W211"]
    # Independently of the diagnostics: a component's model is called after the component,
    # or (when that was taken) something without an invented number.
    definitions: list[ir.Model | ir.EnumType | ir.Union] = [*api.models, *api.enums, *api.unions]
    for definition in definitions:
        _, _, pointer = definition.pointer.partition("#")
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1:3] == ["components", "schemas"]:
            own = type_name(parts[3])
            assert definition.name == own or not definition.name[-1:].isdigit(), definition
