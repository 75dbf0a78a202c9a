"""Cloudflare API: the `Cloudflare` and `AsyncCloudflare` clients, their errors and helper types."""

from ._client import AsyncCloudflare, Cloudflare, MissingCredentialsError
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    UnsuccessfulResponseError,
)
from ._pagination import AsyncPage, SyncPage
from ._response import APIResponse
from ._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCloudflare",
    "AsyncPage",
    "AuthenticationError",
    "BadRequestError",
    "Cloudflare",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "MissingCredentialsError",
    "NOT_GIVEN",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "SyncPage",
    "Timeout",
    "UnprocessableEntityError",
    "UnsuccessfulResponseError",
    "__version__",
]
