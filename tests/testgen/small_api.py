"""A small `ir.Api` built by hand for the tests of example synthesis and test rendering.

One resource, `client.widgets`, whose operations cover what the generated tests handle: path
parameters with and without constraints, query parameters (a list, a number with bounds), a
JSON body with constraints, an enum, a pattern and a pattern nothing can be generated for, a
discriminated union, a paginated list, an operation with no content and one that needs other
credentials than the client's default.
"""

from __future__ import annotations

from generator import ir

SPEC = "widgets.yaml"


def pointer(path: str) -> str:
    return f"{SPEC}#/{path}"


def string(**limits: object) -> ir.TypeRef:
    return ir.TypeRef("string", constraints=ir.Constraints(**limits))  # type: ignore[arg-type]


def field(name: str, type_ref: ir.TypeRef, *, required: bool = False, **extra: object) -> ir.Field:
    return ir.Field(
        name,
        name,
        type_ref,
        required,
        "",
        pointer(f"components/schemas/x/properties/{name}"),
        **extra,  # type: ignore[arg-type]
    )


def parameter(
    name: str,
    location: ir.ParameterLocation,
    type_ref: ir.TypeRef,
    *,
    required: bool = False,
    **extra: object,
) -> ir.Parameter:
    return ir.Parameter(
        name,
        name,
        location,
        type_ref,
        required,
        "",
        pointer(f"parameters/{name}"),
        **extra,  # type: ignore[arg-type]
    )


ACCOUNT_ID = parameter(
    "account_id",
    "path",
    string(max_length=32),
    required=True,
    example="023e105f4ecef8ad9ca31a8372d0c353",
    has_example=True,
)
WIDGET_ID = parameter("widget_id", "path", string(), required=True)

COLOUR = ir.EnumType(
    "Colour",
    "string",
    (ir.EnumMember("RED", "red"), ir.EnumMember("GREEN", "green")),
    "A colour.",
    pointer("components/schemas/Colour"),
)
CIRCLE = ir.Model(
    "Circle",
    (
        field("shape", ir.TypeRef("string"), required=True),
        field(
            "radius", ir.TypeRef("number", constraints=ir.Constraints(minimum=0.5)), required=True
        ),
    ),
    "A circle.",
    pointer("components/schemas/Circle"),
)
SQUARE = ir.Model(
    "Square",
    (
        field("shape", ir.TypeRef("string"), required=True),
        field("side", ir.TypeRef("integer"), required=True),
    ),
    "A square.",
    pointer("components/schemas/Square"),
)
SHAPE = ir.Union(
    "Shape",
    (ir.TypeRef("model", name="Circle"), ir.TypeRef("model", name="Square")),
    "A shape.",
    pointer("components/schemas/Shape"),
    discriminator=ir.Discriminator("shape", (("circle", "Circle"), ("square", "Square"))),
)
WIDGET = ir.Model(
    "Widget",
    (
        field("id", ir.TypeRef("string"), required=True, example="w-1", has_example=True),
        field("name", string(min_length=1, max_length=20), required=True),
        field("created_on", ir.TypeRef("string", format="date-time"), required=True),
        field("colour", ir.TypeRef("enum", name="Colour")),
        field("shape", ir.TypeRef("union", name="Shape")),
    ),
    "A widget.",
    pointer("components/schemas/Widget"),
)
ENVELOPE = ir.Model(
    "WidgetEnvelope",
    (
        field("errors", ir.TypeRef("list", item=ir.TypeRef("object")), required=True),
        field("messages", ir.TypeRef("list", item=ir.TypeRef("object")), required=True),
        field("success", ir.TypeRef("boolean"), required=True),
        field("result", ir.TypeRef("model", name="Widget"), required=True),
    ),
    "",
    pointer("components/schemas/WidgetEnvelope"),
)
LIST_ENVELOPE = ir.Model(
    "WidgetListEnvelope",
    (
        field("errors", ir.TypeRef("list", item=ir.TypeRef("object")), required=True),
        field("messages", ir.TypeRef("list", item=ir.TypeRef("object")), required=True),
        field("success", ir.TypeRef("boolean"), required=True),
        field("result", ir.TypeRef("list", item=ir.TypeRef("model", name="Widget")), required=True),
        field("result_info", ir.TypeRef("object"), required=True),
    ),
    "",
    pointer("components/schemas/WidgetListEnvelope"),
)


def ok(envelope: str, status: str = "200") -> tuple[ir.Response, ...]:
    return (
        ir.Response(
            status,
            "application/json",
            ir.TypeRef("model", name=envelope),
            "OK",
            pointer(f"responses/{envelope}"),
            False,
        ),
    )


WIDGET_PAYLOAD = ir.Payload("result", ir.TypeRef("model", name="Widget"))

GET = ir.Operation(
    operation_id="widgets-get",
    name="get",
    method="GET",
    path="/accounts/{account_id}/widgets/{widget_id}",
    summary="Get a widget",
    description="",
    pointer=pointer("paths/~1accounts~1{account_id}~1widgets~1{widget_id}/get"),
    parameters=(
        ACCOUNT_ID,
        WIDGET_ID,
        parameter("colours", "query", ir.TypeRef("list", item=ir.TypeRef("enum", name="Colour"))),
        parameter("verbose", "query", ir.TypeRef("boolean")),
    ),
    request_body=None,
    responses=ok("WidgetEnvelope"),
    payload=WIDGET_PAYLOAD,
    security=(("api_token",), ("api_email", "api_key")),
)

CREATE_BODY = ir.RequestBody(
    content_type="application/json",
    type=ir.TypeRef("model", name="WidgetCreate"),
    required=True,
    doc="",
    pointer=pointer("paths/~1accounts~1{account_id}~1widgets/post/requestBody"),
    fields=(
        field("name", string(min_length=1, max_length=20), required=True),
        field("size", ir.TypeRef("integer", constraints=ir.Constraints(minimum=1, maximum=10))),
        field("colour", ir.TypeRef("enum", name="Colour")),
        field("code", string(pattern="^[A-Z]{3}-[0-9]{2}$")),
        # Python's re has no \p{..} classes (pydantic's Rust engine has): no value is generated
        field("secret", string(pattern=r"^(?!x)[a-z]{2}$")),
        field("shape", ir.TypeRef("union", name="Shape")),
        field("made_on", ir.TypeRef("string", format="date")),
    ),
    example={"name": "Sprocket"},
    has_example=True,
)
CREATE = ir.Operation(
    operation_id="widgets-create",
    name="create",
    method="POST",
    path="/accounts/{account_id}/widgets",
    summary="Create a widget",
    description="",
    pointer=pointer("paths/~1accounts~1{account_id}~1widgets/post"),
    parameters=(ACCOUNT_ID,),
    request_body=CREATE_BODY,
    responses=ok("WidgetEnvelope"),
    payload=WIDGET_PAYLOAD,
    security=(("api_email", "api_key"),),
    idempotent=False,
)
LIST = ir.Operation(
    operation_id="widgets-list",
    name="list",
    method="GET",
    path="/accounts/{account_id}/widgets",
    summary="List widgets",
    description="",
    pointer=pointer("paths/~1accounts~1{account_id}~1widgets/get"),
    parameters=(
        ACCOUNT_ID,
        parameter("page", "query", ir.TypeRef("integer", constraints=ir.Constraints(minimum=1))),
        parameter(
            "per_page",
            "query",
            ir.TypeRef("integer", constraints=ir.Constraints(minimum=5, maximum=50)),
        ),
    ),
    request_body=None,
    responses=ok("WidgetListEnvelope"),
    payload=ir.Payload("result", ir.TypeRef("list", item=ir.TypeRef("model", name="Widget"))),
    pagination=ir.Pagination(
        "page",
        "page",
        "per_page",
        ir.TypeRef("model", name="Widget"),
        ("page", "per_page", "count", "total_count"),
        pointer("paths/list"),
    ),
    security=(("api_token",), ("api_email", "api_key")),
)
DELETE = ir.Operation(
    operation_id="widgets-delete",
    name="delete",
    method="DELETE",
    path="/accounts/{account_id}/widgets/{widget_id}",
    summary="Delete a widget",
    description="",
    pointer=pointer("paths/~1accounts~1{account_id}~1widgets~1{widget_id}/delete"),
    parameters=(ACCOUNT_ID, WIDGET_ID),
    request_body=None,
    responses=(ir.Response("204", None, None, "Deleted", pointer("responses/204"), False),),
    payload=ir.Payload("none", None, status="204", content_type=None),
    security=(("api_token",), ("api_email", "api_key")),
)

WIDGETS = ir.Resource(
    "widgets", ("widgets",), "WidgetsResource", "widgets", "Widgets.", (GET, CREATE, LIST, DELETE)
)


def scheme(name: str, kind: str, header: str, env_var: str) -> ir.SecurityScheme:
    return ir.SecurityScheme(
        name, kind, "header", header, name, env_var, "", pointer(f"components/securitySchemes/{name}")  # type: ignore[arg-type]
    )


def small_api() -> ir.Api:
    return ir.Api(
        title="Widgets API",
        version="1.0.0",
        description="",
        base_url="https://api.example.com/client/v4",
        security_schemes=(
            scheme("api_token", "bearer", "Authorization", "WIDGETS_API_TOKEN"),
            scheme("api_email", "api_key", "X-Auth-Email", "WIDGETS_EMAIL"),
            scheme("api_key", "api_key", "X-Auth-Key", "WIDGETS_API_KEY"),
        ),
        security=(("api_token",), ("api_email", "api_key")),
        resources=(WIDGETS,),
        models=(
            CIRCLE,
            SQUARE,
            WIDGET,
            ENVELOPE,
            LIST_ENVELOPE,
            ir.Model(
                "WidgetCreate", CREATE_BODY.fields, "", pointer("components/schemas/WidgetCreate")
            ),
        ),
        enums=(COLOUR,),
        unions=(SHAPE,),
    )
