"""`Endpoint`: the static description of one operation that a generated method hands the client."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import GenericAlias
from typing import Any, Generic, Literal, TypeAlias, TypeVar, cast

import pydantic

from ._models import RESPONSE_CONTEXT

__all__ = ["Argument", "Endpoint", "Location", "QueryStyle"]

T = TypeVar("T")

Location: TypeAlias = Literal["path", "query", "header", "body", "body_whole"]
"""Where an argument goes.

`"body"` makes the argument one field of an object body (JSON object, form or multipart fields);
`"body_whole"` makes it the entire body: a JSON array or scalar, or the raw content of an
`application/octet-stream` (or other non-JSON) request. An operation has either `"body"`
arguments or one `"body_whole"` argument, never both.
"""

QueryStyle: TypeAlias = Literal["form", "spaceDelimited", "pipeDelimited", "deepObject"]
"""How a query parameter that is not an exploded `form` parameter is serialised (OpenAPI `style`)."""

Argument: TypeAlias = tuple[str, str, Location]
"""(python name, wire name, location)."""


@dataclass(frozen=True, slots=True, eq=False)
class Endpoint(Generic[T]):
    """One operation, described once as a module-level constant of a generated resource module.

    `T` is what the generated method returns, or the item type for a paginated operation.

    Attributes:
        method: the HTTP method, upper case.
        path: the path template with wire names in braces: `/zones/{zone_id}/dns_records`.
        arguments: every argument the method takes, as (python name, wire name, location).
        checks: a pydantic model whose fields are the arguments' python names, carrying the
            spec's constraints; the client validates the given arguments with it before sending.
        unwrap: what to return from a JSON body. A string or a 1-tuple returns that top-level
            field (`"result"`, `("keys",)`); a longer tuple returns a dict of those fields;
            None returns the whole body.
        response_type: anything `pydantic.TypeAdapter` accepts; None when the operation returns
            no content (the method returns None). `bytes` returns the raw body untouched.
        content_type: the request body's media type: JSON, `multipart/form-data`,
            `application/x-www-form-urlencoded`, or anything else sent as raw content.
        paginated: the operation pages by number with Cloudflare's `result_info`; `unwrap`
            yields a list of `response_type` items and the method returns a page.
        page_argument: the python name of the page-number argument of a paginated operation.
        body_required: the spec requires a body; an object body is sent as `{}` when the caller
            gives none of its (all optional) fields.
        query_styles: (wire name, style) for query parameters not serialised the default way
            (`form`, exploded): `"form"` with explode false joins a list with commas and an
            object as `k,v,k,v`; `"spaceDelimited"` and `"pipeDelimited"` join a list;
            `"deepObject"` sends an object as `name[key]=value`. An exploded `"form"` object
            (style absent) sends each of its keys as a parameter of its own.
    """

    method: str
    path: str
    arguments: tuple[Argument, ...] = ()
    checks: type[pydantic.BaseModel] | None = None
    unwrap: str | tuple[str, ...] | None = "result"
    response_type: Any = None  # a type form: pydantic accepts classes, unions, Annotated, ...
    content_type: str = "application/json"
    paginated: bool = False
    page_argument: str = "page"
    body_required: bool = False
    query_styles: tuple[tuple[str, QueryStyle], ...] = ()
    # Built on first use: building a TypeAdapter per operation at import time would make
    # importing a large client slow.
    _adapter: pydantic.TypeAdapter[Any] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def validate_response(self, data: object) -> T:
        """Validate the unwrapped response of a non-paginated operation."""
        return cast(T, self._validator().validate_python(data, context=RESPONSE_CONTEXT))

    def validate_items(self, data: object) -> list[T]:
        """Validate the unwrapped items of one page of a paginated operation."""
        return cast(list[T], self._validator().validate_python(data, context=RESPONSE_CONTEXT))

    def _validator(self) -> pydantic.TypeAdapter[Any]:
        adapter = self._adapter
        if adapter is None:
            adapted: Any = self.response_type
            if self.paginated:
                adapted = GenericAlias(list, (adapted,))
            adapter = pydantic.TypeAdapter(adapted)
            # A frozen dataclass allows no assignment; this cache is invisible from outside.
            object.__setattr__(self, "_adapter", adapter)
        return adapter
