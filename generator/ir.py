"""The intermediate representation: the one contract between normalising and rendering.

Every class is a frozen, slotted dataclass holding plain data that has already been settled:
names are safe Python identifiers, docs are plain text (escaping for code happens in one filter
at render time), types are `TypeRef` trees that point at named `Model`, `EnumType` and `Union`
definitions by name. Every node carries the JSON pointer (``file#/json/pointer``) it came from,
so a later stage can always say where in the spec a problem lies.

Templates read these objects and nothing else; no stage reaches back to the raw spec once an
`Api` exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]

TypeKind = Literal[
    "string",  # str; `format` refines it (date, date-time, uuid, email, uri, binary, ...)
    "integer",  # int
    "number",  # float (ints accepted)
    "boolean",  # bool
    "null",  # only None (a schema of `type: null`)
    "any",  # `{}` or a missing schema: any JSON value
    "object",  # a free-form JSON object: dict[str, Any]
    "list",  # `item` is the element type
    "map",  # additionalProperties: `item` is the value type
    "model",  # `name` is a Model in Api.models
    "enum",  # `name` is an EnumType in Api.enums
    "union",  # `name` is a Union in Api.unions
]

ParameterLocation = Literal["path", "query", "header", "cookie"]
HttpMethod = Literal["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]


@dataclass(frozen=True, slots=True)
class Constraints:
    """Validation keywords kept for the client to enforce and the generated tests to probe."""

    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None  # the value itself is excluded
    exclusive_maximum: int | float | None = None
    multiple_of: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False

    def is_empty(self) -> bool:
        return self == _NO_CONSTRAINTS


_NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A use of a type. Scalars are inline; objects, enums and unions are named definitions."""

    kind: TypeKind
    name: str = ""  # for model / enum / union: the definition's name
    item: TypeRef | None = None  # for list / map
    nullable: bool = False  # null is an accepted value as well
    format: str | None = None  # for string / integer / number: the OpenAPI format
    constraints: Constraints = field(default_factory=Constraints)


@dataclass(frozen=True, slots=True)
class Field:
    """A property of a model, or a keyword argument of a request body."""

    name: str  # python identifier, already safe (no keywords, no clashes)
    wire_name: str  # name in JSON
    type: TypeRef
    required: bool
    doc: str  # plain text; escaped at render time
    pointer: str
    default: JsonValue = None
    has_default: bool = False
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    example: JsonValue = None
    has_example: bool = False


@dataclass(frozen=True, slots=True)
class Model:
    """An object schema rendered as a pydantic model."""

    name: str  # PascalCase, unique across the Api
    fields: tuple[Field, ...]
    doc: str
    pointer: str
    additional_properties: TypeRef | None = None  # extra keys allowed, with this value type
    example: JsonValue = None
    has_example: bool = False
    recursive: bool = False  # refers back to itself (directly or through others)


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: str  # UPPER_SNAKE python identifier for the value
    value: str | int | float | bool
    doc: str = ""


@dataclass(frozen=True, slots=True)
class EnumType:
    """A named, open enum: unknown values from the server are kept; values sent are checked."""

    name: str
    value_type: Literal["string", "integer", "number", "boolean"]
    members: tuple[EnumMember, ...]
    doc: str
    pointer: str


@dataclass(frozen=True, slots=True)
class Discriminator:
    property_name: str  # wire name of the tag property
    mapping: tuple[tuple[str, str], ...]  # (tag value, model name); implicit ones filled in


@dataclass(frozen=True, slots=True)
class Union:
    """oneOf / anyOf: one of several types."""

    name: str
    members: tuple[TypeRef, ...]
    doc: str
    pointer: str
    discriminator: Discriminator | None = None
    exclusive: bool = True  # oneOf (True) or anyOf (False)


@dataclass(frozen=True, slots=True)
class Parameter:
    """A path, query, header or cookie parameter of an operation."""

    name: str  # python identifier
    wire_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    doc: str
    pointer: str
    style: str | None = None  # OpenAPI serialisation style, when not the default
    explode: bool | None = None
    deprecated: bool = False
    default: JsonValue = None
    has_default: bool = False
    example: JsonValue = None
    has_example: bool = False


@dataclass(frozen=True, slots=True)
class RequestBody:
    """The body of a request.

    When the body is a JSON object, `fields` lists its properties (readOnly ones left out) and
    the method takes them as keyword arguments. Otherwise `fields` is empty and the method
    takes the whole body as one argument named `body_name` of type `type`.
    """

    content_type: str  # application/json, multipart/form-data, application/octet-stream, ...
    type: TypeRef
    required: bool
    doc: str
    pointer: str
    fields: tuple[Field, ...] = ()
    body_name: str = "body"
    example: JsonValue = None
    has_example: bool = False


@dataclass(frozen=True, slots=True)
class Response:
    """One declared response: a status code ("200", "4XX", "default") and what it carries."""

    status: str
    content_type: str | None  # None when no content is declared
    type: TypeRef | None  # the whole body's type (the envelope, when there is one)
    doc: str
    pointer: str
    is_error: bool  # 4XX/5XX and `default` (when not the only response)
    example: JsonValue = None
    has_example: bool = False


@dataclass(frozen=True, slots=True)
class Pagination:
    """How a list operation pages: page-number paging described by Cloudflare's result_info."""

    style: Literal["page"]
    page_parameter: str  # python name of the page-number argument
    per_page_parameter: str | None  # python name of the page-size argument
    item: TypeRef  # the type of one element of the page
    # wire names present in result_info: page, per_page, count, total_count, total_pages, ...
    result_info_fields: tuple[str, ...]
    pointer: str


PayloadKind = Literal[
    "result",  # Cloudflare envelope: return `result`
    "fields",  # Cloudflare envelope without `result`: return the other top-level fields
    "body",  # no envelope: return the whole body
    "none",  # no content
]


@dataclass(frozen=True, slots=True)
class Payload:
    """What a successful call returns, after the envelope is unwrapped."""

    kind: PayloadKind
    type: TypeRef | None  # None when kind == "none"
    # for kind == "fields": wire names of the top-level fields carried beside errors, messages
    # and success; when there is exactly one (like `keys`), `type` is that field's type and the
    # method returns it.
    fields: tuple[str, ...] = ()
    content_type: str | None = "application/json"
    status: str = "200"  # the success status the payload was taken from


@dataclass(frozen=True, slots=True)
class Operation:
    """One HTTP operation, rendered as one method on its resource (sync and async)."""

    operation_id: str
    name: str  # method name on the resource: list, get, create, update, edit, delete, ...
    method: HttpMethod
    path: str  # the spec's path template, with wire names in braces
    summary: str
    description: str
    pointer: str
    parameters: tuple[Parameter, ...]  # path parameters first, in path order; then query, header
    request_body: RequestBody | None
    responses: tuple[Response, ...]
    payload: Payload
    pagination: Pagination | None = None
    security: tuple[tuple[str, ...], ...] = ()  # alternatives, each a set of scheme names
    deprecated: bool = False
    tags: tuple[str, ...] = ()
    idempotent: bool = True  # GET/HEAD/OPTIONS/PUT/DELETE; POST/PATCH are not


@dataclass(frozen=True, slots=True)
class Resource:
    """A node of the resource tree: `client.token_validation.config.credentials`."""

    name: str  # attribute name on the parent: "credentials"
    path: tuple[str, ...]  # from the root: ("token_validation", "config", "credentials")
    class_name: str  # "CredentialsResource"
    # dotted module under the package's resources: "token_validation.config.credentials"
    module: str
    doc: str
    operations: tuple[Operation, ...]
    children: tuple[Resource, ...] = ()


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """A way to authenticate, and the client argument and environment variable that feed it."""

    name: str  # key in components/securitySchemes: "api_token"
    kind: Literal["bearer", "basic", "api_key"]
    location: Literal["header", "query", "cookie"]
    parameter_name: str  # header/query/cookie name: "Authorization", "X-Auth-Email"
    argument: str  # client constructor argument: "api_token"
    env_var: str  # "CLOUDFLARE_API_TOKEN"
    doc: str
    pointer: str


@dataclass(frozen=True, slots=True)
class DroppedOperation:
    """An operation that cannot be called at all, and why."""

    operation_id: str
    method: str
    path: str
    reason: str
    pointer: str


@dataclass(frozen=True, slots=True)
class Api:
    title: str
    version: str
    description: str
    base_url: str
    security_schemes: tuple[SecurityScheme, ...]
    # default alternatives: (("api_token",), ("api_email", "api_key"))
    security: tuple[tuple[str, ...], ...]
    resources: tuple[Resource, ...]  # roots of the resource tree
    models: tuple[Model, ...]
    enums: tuple[EnumType, ...]
    unions: tuple[Union, ...]
    dropped: tuple[DroppedOperation, ...] = ()

    def operations(self) -> list[Operation]:
        """Every operation, depth first in resource order."""
        found: list[Operation] = []
        stack = list(reversed(self.resources))
        while stack:
            resource = stack.pop()
            found.extend(resource.operations)
            stack.extend(reversed(resource.children))
        return found
