"""Settings, read once from `[tool.generator]` in pyproject.toml into one frozen dataclass."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class AuthSetting:
    """Client argument and environment variable for one security scheme."""

    argument: str
    env_var: str


@dataclass(frozen=True, slots=True)
class Config:
    spec: Path = Path("specs/cloudflare.yaml")
    out: Path = Path("generated")
    package_name: str = "cloudflare_api"  # import name
    distribution_name: str = "cloudflare-api"  # name on the package index
    package_version: str = "0.1.0"
    client_name: str = "Cloudflare"  # the async one is "Async" + client_name
    base_url_env_var: str = "CLOUDFLARE_BASE_URL"
    # static path prefixes that become parameters rather than resources
    strip_prefixes: tuple[str, ...] = ("accounts/{account_id}", "zones/{zone_id}")
    # operationId -> "resource.path.method" or "method": overrides the derived names
    method_names: dict[str, str] = field(default_factory=dict)
    auth: dict[str, AuthSetting] = field(default_factory=dict)
    tolerant: bool = False
    # what ends a component name's namespace (`access_` of `access_policy`); "" keeps names whole
    component_namespace_separator: str = "_"

    @property
    def async_client_name(self) -> str:
        return "Async" + self.client_name


def load_config(pyproject: Path | None = None, **overrides: Any) -> Config:
    """Read `[tool.generator]` from `pyproject` (default: ./pyproject.toml), then apply overrides.

    Relative paths in the file are taken relative to the file's folder. Overrides whose value is
    None are ignored, so command-line options can be passed straight through.
    """
    pyproject = pyproject or Path("pyproject.toml")
    table: dict[str, Any] = {}
    base = pyproject.parent
    if pyproject.is_file():
        with pyproject.open("rb") as handle:
            table = dict(tomllib.load(handle).get("tool", {}).get("generator", {}))
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ValueError(
            f"{pyproject}: unknown keys in [tool.generator]: {', '.join(unknown)}. "
            f"Known keys: {', '.join(sorted(known))}."
        )
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("spec", "out"):
            value = base / value
        elif key == "strip_prefixes":
            value = tuple(value)
        elif key == "auth":
            value = {name: AuthSetting(**setting) for name, setting in value.items()}
        values[key] = value
    values.update({key: value for key, value in overrides.items() if value is not None})
    for key in ("spec", "out"):
        if key in values:
            values[key] = Path(values[key])
    return Config(**values)
