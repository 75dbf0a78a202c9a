"""The base model, the open-enum marker, the envelope models and request-value encoding."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pydantic
import pydantic_core
from pydantic import ConfigDict, ValidationInfo, ValidatorFunctionWrapHandler

__all__ = [
    "OPEN_ENUM",
    "RESPONSE_CONTEXT",
    "APIModel",
    "Envelope",
    "ErrorDetail",
    "ErrorSource",
    "ResultInfo",
    "parse_details",
    "to_jsonable",
]

RESPONSE_CONTEXT: Final[Mapping[str, object]] = {"response": True}
"""Validation context for data the server sent; see `OPEN_ENUM`."""


class APIModel(pydantic.BaseModel):
    """Base of every generated model.

    Unknown fields the server adds are kept (`extra="allow"`), fields can be set by their
    python name or their wire alias, and the schema is built on first use, not at import.
    """

    model_config = ConfigDict(
        extra="allow",
        validate_by_name=True,  # with validate_by_alias, what populate_by_name=True used to mean
        validate_by_alias=True,
        defer_build=True,
        # API specs write ECMA-262 patterns; lookarounds and backreferences are common in them
        # and Rust's regex engine, pydantic's default, rejects those when the model is built.
        regex_engine="python-re",
    )


def _keep_unknown_from_response(
    value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
) -> object:
    try:
        return handler(value)
    except pydantic.ValidationError:
        context = info.context
        from_server = isinstance(context, Mapping) and context.get("response") is True
        if from_server and isinstance(value, str | int | float) and not isinstance(value, bool):
            return value
        raise


OPEN_ENUM: Final = pydantic.WrapValidator(_keep_unknown_from_response)
"""Marks an enum as open: `Annotated[Literal["a", "b"], OPEN_ENUM]`.

A value the caller passes must be a member. A value the server sends that is not a member
(validated with `RESPONSE_CONTEXT`) is kept as it is, so a new server-side member never breaks
an old client.
"""


class ErrorSource(APIModel):
    """Where in the request an error points."""

    pointer: str | None = None


class ErrorDetail(APIModel):
    """One entry of the envelope's `errors` or `messages`."""

    code: int | None = None
    message: str
    documentation_url: str | None = None
    source: ErrorSource | None = None

    def __str__(self) -> str:
        return self.message if self.code is None else f"[{self.code}] {self.message}"


class ResultInfo(APIModel):
    """The envelope's paging information."""

    page: int | None = None
    per_page: int | None = None
    count: int | None = None
    total_count: int | None = None
    total_pages: int | None = None


class Envelope(APIModel):
    """The fields Cloudflare wraps around a result.

    `success` is None when the body is not an envelope.
    """

    success: bool | None = None
    errors: list[ErrorDetail] = []
    messages: list[ErrorDetail] = []
    result_info: ResultInfo | None = None

    @classmethod
    def from_body(cls, body: object) -> Envelope:
        """Read the envelope fields of a decoded body, tolerating malformed entries."""
        if not isinstance(body, Mapping):
            return cls()
        success = body.get("success")
        return cls(
            success=success if isinstance(success, bool) else None,
            errors=parse_details(body.get("errors")),
            messages=parse_details(body.get("messages")),
            result_info=_parse_result_info(body.get("result_info")),
        )


def parse_details(value: object) -> list[ErrorDetail]:
    """Read an `errors` or `messages` list; an entry that is not a proper object becomes its text.

    Used on error paths, so it never raises: a malformed error must not hide the real one.
    """
    if not isinstance(value, list):
        return []
    details = []
    for item in value:
        try:
            details.append(ErrorDetail.model_validate(item, context=RESPONSE_CONTEXT))
        except pydantic.ValidationError:
            message = item.get("message") if isinstance(item, Mapping) else None
            details.append(ErrorDetail(message=message if isinstance(message, str) else str(item)))
    return details


def _parse_result_info(value: object) -> ResultInfo | None:
    if not isinstance(value, Mapping):
        return None
    try:
        return ResultInfo.model_validate(value, context=RESPONSE_CONTEXT)
    except pydantic.ValidationError:
        return None


def to_jsonable(value: object) -> object:
    """Encode a request value as JSON-compatible data.

    Models are dumped by alias with only the fields that were set, so an optional field left out
    is not sent. Containers are walked so models inside plain dicts and lists get the same
    treatment; everything else (dates, enums, UUIDs, decimals, bytes) is left to pydantic.
    """
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {to_jsonable(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(item) for item in value]
    return pydantic_core.to_jsonable_python(value)
