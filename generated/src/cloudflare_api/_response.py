"""Raw responses: `APIResponse` and the wrappers behind each resource's `with_raw_response`."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, ParamSpec, TypeVar, cast

import httpx

from ._exceptions import request_id_of
from ._models import Envelope

__all__ = [
    "APIResponse",
    "async_to_raw_response_wrapper",
    "raw_response_requested",
    "to_raw_response_wrapper",
]

P = ParamSpec("P")
T = TypeVar("T")

_raw_response: ContextVar[bool] = ContextVar("raw_response", default=False)


class APIResponse(Generic[T]):
    """A successful response, before its result is parsed.

    ```python
    response = client.zones.with_raw_response.get(zone_id="...")
    print(response.request_id, response.envelope.messages)
    zone = response.parse()
    ```
    """

    http_response: httpx.Response
    """The underlying httpx response, body already read."""

    def __init__(self, http_response: httpx.Response, body: object, parse: Callable[[], T]) -> None:
        self.http_response = http_response
        self._body = body
        self._parse = parse
        self._envelope: Envelope | None = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The `cf-ray` (or `x-request-id`) header."""
        return request_id_of(self.http_response.headers)

    @property
    def envelope(self) -> Envelope:
        """The envelope's `success`, `errors`, `messages` and `result_info`; empty without one."""
        if self._envelope is None:
            self._envelope = Envelope.from_body(self._body)
        return self._envelope

    def parse(self) -> T:
        """Unwrap and validate the result, as the method without `with_raw_response` returns it."""
        return self._parse()

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url}>"


def raw_response_requested() -> bool:
    """Whether the current call was made through `with_raw_response`; read by the client."""
    return _raw_response.get()


@contextmanager
def _requesting_raw_response() -> Iterator[None]:
    token = _raw_response.set(True)
    try:
        yield
    finally:
        _raw_response.reset(token)


def to_raw_response_wrapper(func: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Make a generated method return its `APIResponse` instead of the parsed result."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        with _requesting_raw_response():
            # The client sees the flag and returns the APIResponse in place of the result.
            return cast("APIResponse[T]", func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    """Make a generated async method return its `APIResponse` instead of the parsed result."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        with _requesting_raw_response():
            return cast("APIResponse[T]", await func(*args, **kwargs))

    return wrapped
