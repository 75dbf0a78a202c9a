"""A small `ir.Api` built by hand: every shape the templates handle, without the normaliser.

Magic WAN connectors (an enveloped `result`, aliases, a keyword-named field, an open enum) and
API Shield token validation (a paginated list, a delete with no content, a top-level `keys`
payload, a discriminated union of keys, a recursive model) under a namespace resource.
"""

from __future__ import annotations

from generator import ir

STRING = ir.TypeRef("string")
ACCOUNT = "#/components/parameters/account_id"


def ref(kind: ir.TypeKind, name: str, *, nullable: bool = False) -> ir.TypeRef:
    return ir.TypeRef(kind, name=name, nullable=nullable)


def field(
    name: str,
    type_ref: ir.TypeRef,
    *,
    required: bool = False,
    wire_name: str | None = None,
    doc: str = "",
) -> ir.Field:
    wire = wire_name or name
    return ir.Field(
        name, wire, type_ref, required, doc, f"#/components/schemas/x/properties/{wire}"
    )


def path_parameter(
    name: str, doc: str = "", constraints: ir.Constraints | None = None
) -> ir.Parameter:
    type_ref = ir.TypeRef("string", constraints=constraints or ir.Constraints())
    return ir.Parameter(name, name, "path", type_ref, True, doc, f"#/parameters/{name}")


def query_parameter(name: str, type_ref: ir.TypeRef, doc: str = "") -> ir.Parameter:
    return ir.Parameter(name, name, "query", type_ref, False, doc, f"#/parameters/{name}")


ACCOUNT_ID = path_parameter("account_id", "Account identifier.", ir.Constraints(max_length=32))
ZONE_ID = path_parameter("zone_id", "Zone identifier.", ir.Constraints(max_length=32))
FAILURE = ir.Response("4XX", "application/json", None, "Failure", "#/responses/Failure", True)


def ok(type_ref: ir.TypeRef | None, status: str = "200") -> tuple[ir.Response, ...]:
    content = "application/json" if type_ref is not None else None
    return (ir.Response(status, content, type_ref, "OK", "#/responses/ok", False), FAILURE)


DAY_OF_WEEK = ir.EnumType(
    "DayOfWeek",
    "string",
    tuple(ir.EnumMember(day.upper(), day) for day in ("Sunday", "Monday", "Tuesday")),
    "The day of the week an upgrade window starts on.",
    "#/components/schemas/DayOfWeek",
)

UPGRADE_WINDOW = ir.Model(
    "UpgradeWindow",
    (
        field("day_of_week", ref("enum", "DayOfWeek"), required=True),
        field("time_of_day", STRING, required=True, doc="The time the window opens, as HH:MM."),
    ),
    "When the connector may upgrade.",
    "#/components/schemas/UpgradeWindow",
)

CONNECTOR = ir.Model(
    "Connector",
    (
        field("id", STRING, required=True, doc="Connector identifier."),
        field("activated", ir.TypeRef("boolean"), doc="Whether the connector is active."),
        field(
            "last_updated",
            ir.TypeRef("string", format="date-time"),
            wire_name="last-updated",
            doc="When the connector last changed.",
        ),
        field("class_", STRING, wire_name="class", doc='The connector\'s class; "a" or "b".'),
        field("json", STRING, doc="A field whose name pydantic's BaseModel uses."),
        field("notes", ir.TypeRef("string", nullable=True), doc="Free-form notes."),
        field("upgrade_window", ref("model", "UpgradeWindow")),
    ),
    'A Magic WAN connector.\n\nIt says """hello""" and ends with a backslash \\',
    "#/components/schemas/Connector",
)

JWK_RSA = ir.Model(
    "JwkRsa",
    (
        field("kty", STRING, required=True, doc="Key type."),
        field("n", STRING, required=True, doc="RSA modulus."),
        field("e", STRING, required=True, doc="RSA exponent."),
    ),
    "JSON representation of an RSA key.",
    "#/components/schemas/JwkRsa",
)
JWK_EC = ir.Model(
    "JwkEc",
    (
        field("kty", STRING, required=True, doc="Key type."),
        field("crv", STRING, required=True, doc="Curve."),
    ),
    "JSON representation of an elliptic-curve key.",
    "#/components/schemas/JwkEc",
)
JWK = ir.Union(
    "Jwk",
    (ref("model", "JwkRsa"), ref("model", "JwkEc")),
    "A JSON Web Key.",
    "#/components/schemas/Jwk",
    ir.Discriminator("kty", (("RSA", "JwkRsa"), ("EC", "JwkEc"))),
)

RULE = ir.Model(
    "Rule",
    (
        field("expression", STRING, required=True, doc="The rule's expression."),
        field("rules", ir.TypeRef("list", item=ref("model", "Rule")), doc="Nested rules."),
    ),
    "A rule, made of further rules.",
    "#/components/schemas/Rule",
    recursive=True,
)

TOKEN_CONFIG = ir.Model(
    "TokenConfig",
    (
        field("id", STRING, required=True, doc="UUID."),
        field("title", STRING, required=True, doc="A human-readable name for the configuration."),
        field("credentials", ir.TypeRef("list", item=ref("union", "Jwk")), doc="The keys."),
        field("rule", ref("model", "Rule"), doc="The configuration's rule."),
        field("created_at", ir.TypeRef("string", format="date-time"), doc="Creation time."),
    ),
    "A token validation configuration.",
    "#/components/schemas/TokenConfig",
)

CONNECTOR_ID = path_parameter("connector_id", "", ir.Constraints(max_length=32))

CONNECTORS = ir.Resource(
    "connectors",
    ("magic", "connectors"),
    "ConnectorsResource",
    "magic.connectors",
    "Magic WAN connectors of an account.",
    (
        ir.Operation(
            "mconn-connector-list",
            "list",
            "GET",
            "/accounts/{account_id}/magic/connectors",
            "List Connectors",
            "Lists the account's Magic WAN connectors.",
            "#/paths/connectors/get",
            (ACCOUNT_ID,),
            None,
            ok(ir.TypeRef("list", item=ref("model", "Connector"))),
            ir.Payload("result", ir.TypeRef("list", item=ref("model", "Connector"))),
        ),
        ir.Operation(
            "mconn-connector-update",
            "edit",
            "PATCH",
            "/accounts/{account_id}/magic/connectors/{connector_id}",
            "Edit Connector",
            "Changes some of the connector's settings.",
            "#/paths/connector/patch",
            (ACCOUNT_ID, CONNECTOR_ID),
            ir.RequestBody(
                "application/json",
                ir.TypeRef("object"),
                True,
                "",
                "#/paths/connector/patch/requestBody",
                (
                    field(
                        "activated", ir.TypeRef("boolean"), doc="Whether the connector is active."
                    ),
                    field(
                        "interrupt_window_duration_hours",
                        ir.TypeRef("number", constraints=ir.Constraints(minimum=1, maximum=24)),
                    ),
                    field("notes", ir.TypeRef("string", nullable=True), doc="Free-form notes."),
                    field("upgrade_window", ref("model", "UpgradeWindow")),
                    field("day_of_week", ref("enum", "DayOfWeek")),
                ),
            ),
            ok(ref("model", "Connector")),
            ir.Payload("result", ref("model", "Connector")),
            idempotent=False,
        ),
    ),
)

MAGIC = ir.Resource("magic", ("magic",), "MagicResource", "magic", "", (), (CONNECTORS,))

CREDENTIALS = ir.Resource(
    "credentials",
    ("token_validation", "config", "credentials"),
    "CredentialsResource",
    "token_validation.config.credentials",
    "The keys a token validation configuration checks signatures with.",
    (
        ir.Operation(
            "token-validation-config-credentials-update",
            "update",
            "PUT",
            "/zones/{zone_id}/token_validation/config/{config_id}/credentials",
            "Update Token Configuration credentials",
            "Replaces the keys.",
            "#/paths/credentials/put",
            (ZONE_ID, path_parameter("config_id", "UUID.")),
            ir.RequestBody(
                "application/json",
                ir.TypeRef("object"),
                True,
                "",
                "#/paths/credentials/put/requestBody",
                (field("keys", ir.TypeRef("list", item=ref("union", "Jwk")), required=True),),
            ),
            ok(ir.TypeRef("list", item=ref("union", "Jwk"))),
            ir.Payload("fields", ir.TypeRef("list", item=ref("union", "Jwk")), ("keys",)),
        ),
    ),
)

PAGE = query_parameter(
    "page", ir.TypeRef("integer", constraints=ir.Constraints(minimum=1)), "Page number."
)
PER_PAGE = query_parameter(
    "per_page",
    ir.TypeRef("integer", constraints=ir.Constraints(minimum=5, maximum=50)),
    "Configurations per page.",
)

CONFIG = ir.Resource(
    "config",
    ("token_validation", "config"),
    "ConfigResource",
    "token_validation.config",
    "Token validation configurations of a zone.",
    (
        ir.Operation(
            "token-validation-config-list",
            "list",
            "GET",
            "/zones/{zone_id}/token_validation/config",
            "List token validation configurations",
            "Lists the zone's token validation configurations, one page at a time.",
            "#/paths/config/get",
            (ZONE_ID, PAGE, PER_PAGE),
            None,
            ok(ir.TypeRef("list", item=ref("model", "TokenConfig"))),
            ir.Payload("result", ir.TypeRef("list", item=ref("model", "TokenConfig"))),
            ir.Pagination(
                "page",
                "page",
                "per_page",
                ref("model", "TokenConfig"),
                ("page", "per_page", "count", "total_count"),
                "#/paths/config/get",
            ),
        ),
        ir.Operation(
            "token-validation-config-create",
            "create",
            "POST",
            "/zones/{zone_id}/token_validation/config",
            "Create a token validation configuration",
            "",
            "#/paths/config/post",
            (ZONE_ID,),
            ir.RequestBody(
                "application/json",
                ir.TypeRef("object"),
                True,
                "",
                "#/paths/config/post/requestBody",
                (
                    field(
                        "title",
                        ir.TypeRef("string", constraints=ir.Constraints(max_length=50)),
                        required=True,
                        doc="A human-readable name for the configuration.",
                    ),
                    field(
                        "token_sources",
                        ir.TypeRef(
                            "list",
                            item=ir.TypeRef("string", constraints=ir.Constraints(max_length=200)),
                            constraints=ir.Constraints(min_items=1, max_items=4),
                        ),
                        required=True,
                    ),
                    field(
                        "credentials", ir.TypeRef("list", item=ref("union", "Jwk")), required=True
                    ),
                    field("rule", ref("model", "Rule")),
                ),
            ),
            ok(ref("model", "TokenConfig")),
            ir.Payload("result", ref("model", "TokenConfig")),
            idempotent=False,
        ),
        ir.Operation(
            "token-validation-config-delete",
            "delete",
            "DELETE",
            "/zones/{zone_id}/token_validation/config/{config_id}",
            "Delete a token validation configuration",
            "",
            "#/paths/config_id/delete",
            (ZONE_ID, path_parameter("config_id", "UUID.")),
            None,
            ok(None, "204"),
            ir.Payload("none", None, status="204"),
        ),
    ),
    (CREDENTIALS,),
)

TOKEN_VALIDATION = ir.Resource(
    "token_validation",
    ("token_validation",),
    "TokenValidationResource",
    "token_validation",
    "API Shield token validation.",
    (),
    (CONFIG,),
)

API_TOKEN = ir.SecurityScheme(
    "api_token", "bearer", "header", "Authorization", "api_token", "CLOUDFLARE_API_TOKEN",
    "An API token.", "#/components/securitySchemes/api_token",
)  # fmt: skip
API_EMAIL = ir.SecurityScheme(
    "api_email", "api_key", "header", "X-Auth-Email", "api_email", "CLOUDFLARE_EMAIL",
    "The account's email address.", "#/components/securitySchemes/api_email",
)  # fmt: skip
API_KEY = ir.SecurityScheme(
    "api_key", "api_key", "header", "X-Auth-Key", "api_key", "CLOUDFLARE_API_KEY",
    "The Global API key.", "#/components/securitySchemes/api_key",
)  # fmt: skip


def sample_api() -> ir.Api:
    return ir.Api(
        title="Cloudflare API",
        version="4.0.0",
        description="Interact with Cloudflare's products and services.",
        base_url="https://api.cloudflare.com/client/v4",
        security_schemes=(API_TOKEN, API_EMAIL, API_KEY),
        security=(("api_token",), ("api_email", "api_key")),
        resources=(MAGIC, TOKEN_VALIDATION),
        models=(UPGRADE_WINDOW, CONNECTOR, JWK_RSA, JWK_EC, RULE, TOKEN_CONFIG),
        enums=(DAY_OF_WEEK,),
        unions=(JWK,),
    )
