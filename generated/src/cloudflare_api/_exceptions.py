"""The exceptions the client raises.

APIError
├── InvalidArgumentError (also ValueError)  a client-side check failed; nothing was sent
├── APIConnectionError                      no response: DNS, refused connection, reset, ...
│   └── APITimeoutError
├── APIResponseValidationError              the body does not match the spec
└── APIStatusError                          the server answered with an error
    ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
    ├── NotFoundError 404, ConflictError 409, UnprocessableEntityError 422,
    ├── RateLimitError 429, InternalServerError >= 500
    └── UnsuccessfulResponseError  a 2xx whose envelope says success: false
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Final

import httpx
import pydantic

from ._models import ErrorDetail, parse_details

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "UnsuccessfulResponseError",
    "make_status_error",
    "request_id_of",
]

_MAX_BODY_IN_MESSAGE: Final = 200


class APIError(Exception):
    """Base of every error the client raises."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidArgumentError(APIError, ValueError):
    """An argument failed a client-side check; the request was not sent.

    `argument` is the python name of the offending argument, as the method spells it.
    """

    argument: str

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(f"{argument}: {message}")
        self.argument = argument

    @classmethod
    def from_validation_error(cls, error: pydantic.ValidationError) -> InvalidArgumentError:
        """Describe the first failure of validating the arguments by their python names."""
        failures = error.errors(include_url=False)
        first = failures[0]
        location = first["loc"]
        argument = str(location[0]) if location else "arguments"
        message = first["msg"]
        if len(location) > 1:
            message = f"at {'.'.join(map(str, location[1:]))}: {message}"
        if first["type"] != "missing":
            message = f"{message} (got {first['input']!r})"
        if len(failures) > 1:
            message = f"{message}; and {len(failures) - 1} more"
        return cls(argument, message)


class APIConnectionError(APIError):
    """The request got no response: the connection failed or broke."""

    request: httpx.Request

    def __init__(self, request: httpx.Request, message: str = "Connection error") -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request, "Request timed out")


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the type the spec declares.

    `validation_error` is pydantic's error, with the location of each mismatch in the body.
    """

    response: httpx.Response
    status_code: int
    body: object
    validation_error: pydantic.ValidationError | None

    def __init__(
        self,
        response: httpx.Response,
        body: object,
        message: str,
        validation_error: pydantic.ValidationError | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.validation_error = validation_error


class APIStatusError(APIError):
    """The server answered with an error status (or a 2xx that says it failed).

    `errors` and `messages` come from the Cloudflare envelope when the body has one; `body` is the
    decoded JSON body (or its text); `request_id` is the `cf-ray` (or `x-request-id`) header.
    """

    response: httpx.Response
    status_code: int
    request_id: str | None
    errors: list[ErrorDetail]
    messages: list[ErrorDetail]
    body: object

    def __init__(self, response: httpx.Response, body: object) -> None:
        self.response = response
        self.status_code = response.status_code
        self.request_id = request_id_of(response.headers)
        self.body = body
        envelope = body if isinstance(body, Mapping) else {}
        self.errors = parse_details(envelope.get("errors"))
        self.messages = parse_details(envelope.get("messages"))
        super().__init__(self._describe())

    def _describe(self) -> str:
        try:
            reason = HTTPStatus(self.status_code).phrase
        except ValueError:
            reason = self.response.reason_phrase
        message = f"{self.status_code} {reason}".rstrip()
        if self.errors:
            message += ": " + "; ".join(map(str, self.errors))
        elif isinstance(self.body, str) and self.body.strip():
            message += ": " + _shorten(self.body.strip())
        if self.request_id:
            message += f", request id {self.request_id}"
        return message


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: the credentials are missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the credentials lack a permission."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests."""


class InternalServerError(APIStatusError):
    """A 5xx status."""


class UnsuccessfulResponseError(APIStatusError):
    """A 2xx response whose envelope says `success: false`."""


_ERRORS_BY_STATUS: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(response: httpx.Response, body: object) -> APIStatusError:
    """Build the error for a response that failed, choosing the class by its status."""
    status = response.status_code
    if status >= 500:
        return InternalServerError(response, body)
    if response.is_success:
        return UnsuccessfulResponseError(response, body)
    return _ERRORS_BY_STATUS.get(status, APIStatusError)(response, body)


def request_id_of(headers: httpx.Headers) -> str | None:
    """The id Cloudflare gives a request (`cf-ray`), or a generic `x-request-id`."""
    request_id: str | None = headers.get("cf-ray") or headers.get("x-request-id")
    return request_id


def _shorten(text: str) -> str:
    if len(text) <= _MAX_BODY_IN_MESSAGE:
        return text
    return text[: _MAX_BODY_IN_MESSAGE - 1] + "…"
