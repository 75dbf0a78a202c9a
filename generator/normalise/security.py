"""Security schemes the client can use, and which of them each operation accepts.

Supported: HTTP bearer and basic (the Authorization header) and apiKey in a header, query
parameter or cookie. Anything else (oauth2, openIdConnect, mutualTLS) is reported (W209)
and left out; a requirement that needs a scheme left out is dropped from the alternatives,
and the caller can still send credentials with `extra_headers`.

The client argument and environment variable for each scheme come from `[tool.generator.auth]`
when set, else from the scheme's name: `api_token` -> `api_token`, `CLOUDFLARE_API_TOKEN`.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import ir
from ..config import Config
from ..load import Located
from .naming import python_identifier, snake_case
from .refs import Context, plain_text

_HTTP_SCHEMES: dict[str, Literal["bearer", "basic"]] = {"bearer": "bearer", "basic": "basic"}
_API_KEY_LOCATIONS: dict[str, Literal["header", "query", "cookie"]] = {
    "header": "header",
    "query": "query",
    "cookie": "cookie",
}

Requirements = tuple[tuple[str, ...], ...]


def security_schemes(
    ctx: Context, config: Config
) -> tuple[tuple[ir.SecurityScheme, ...], Requirements]:
    """The supported schemes, in spec order, and the document's default requirement."""
    root = ctx.spec.root_node
    components = root.value.get("components")
    schemes: list[ir.SecurityScheme] = []
    if isinstance(components, dict) and isinstance(components.get("securitySchemes"), dict):
        holder = ctx.child(ctx.child(root, "components"), "securitySchemes")
        client = snake_case(config.client_name).upper()
        for name in holder.value:
            node = ctx.deref(ctx.child(holder, name))
            if node is not None and isinstance(node.value, dict):
                scheme = _scheme(ctx, config, str(name), node, client)
                if scheme is not None:
                    schemes.append(scheme)
    return tuple(schemes), requirements(root.value, {s.name for s in schemes})


def requirements(owner: dict[str, Any], known: set[str]) -> Requirements:
    """`security` of an operation or the document: alternatives, each a set of scheme names.

    `[]` means no authentication; `{}` among the alternatives means it is optional.
    """
    listed = owner.get("security")
    alternatives = []
    for requirement in listed if isinstance(listed, list) else ():
        if isinstance(requirement, dict):
            names = tuple(str(name) for name in requirement)
            if all(name in known for name in names):
                alternatives.append(names)
    return tuple(alternatives)


def _scheme(
    ctx: Context, config: Config, name: str, node: Located, client: str
) -> ir.SecurityScheme | None:
    value = node.value
    kind = value.get("type")
    http_scheme = str(value.get("scheme", "")).lower()
    location = _API_KEY_LOCATIONS.get(str(value.get("in")))
    scheme_kind: Literal["bearer", "basic", "api_key"]
    if kind == "http" and http_scheme in _HTTP_SCHEMES:
        scheme_kind, location, parameter = _HTTP_SCHEMES[http_scheme], "header", "Authorization"
    elif kind == "apiKey" and location is not None and value.get("name"):
        scheme_kind, parameter = "api_key", str(value["name"])
    else:
        described = " ".join(str(part) for part in (kind, value.get("scheme")) if part)
        ctx.warn(
            "W209",
            node,
            f"security scheme {name!r} ({described}) is not supported",
            "the client cannot authenticate with it; pass credentials with extra_headers.",
        )
        return None
    setting = config.auth.get(name)
    argument = setting.argument if setting else python_identifier(name)
    env_var = setting.env_var if setting else f"{client}_{argument.upper().rstrip('_')}"
    return ir.SecurityScheme(
        name=name,
        kind=scheme_kind,
        location=location,
        parameter_name=parameter,
        argument=argument,
        env_var=env_var,
        doc=plain_text(value.get("description")),
        pointer=ctx.where(node),
    )
