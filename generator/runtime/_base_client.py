"""The clients the generated `Cloudflare` / `AsyncCloudflare` classes extend.

A call goes: arguments -> client-side checks -> `httpx.Request` -> send, retrying what is worth
retrying -> error statuses raised as `APIStatusError`s -> envelope checked -> result unwrapped
and validated. Everything but the sending is shared by the sync and async clients.
"""

from __future__ import annotations

import copy
import functools
import logging
import sys
from collections.abc import Callable, Mapping
from enum import Enum
from types import TracebackType
from typing import (
    Any,
    Generic,
    Protocol,
    Required,
    Self,
    TypedDict,
    TypeVar,
    Unpack,
    cast,
    runtime_checkable,
)
from urllib.parse import quote

import httpx
import pydantic
import pydantic_core

from ._endpoint import Endpoint, QueryStyle
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    InvalidArgumentError,
    make_status_error,
)
from ._models import Envelope, ResultInfo, to_jsonable
from ._pagination import AsyncPage, SyncPage
from ._resource import AsyncAPIResource, SyncAPIResource
from ._response import APIResponse, raw_response_requested
from ._retry import Clock, RetryPolicy
from ._types import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    NotGiven,
    RequestOptions,
    Timeout,
)

__all__ = ["AsyncAPIClient", "ClientOptions", "SyncAPIClient"]

T = TypeVar("T")
R = TypeVar("R")
PageT = TypeVar("PageT")

log = logging.getLogger(__name__)


class ClientOptions(TypedDict, total=False):
    """The constructor arguments both clients take besides `http_client`; see `SyncAPIClient`."""

    base_url: Required[str | httpx.URL]
    auth_headers: Mapping[str, str] | None
    timeout: float | Timeout | None
    max_retries: int
    default_headers: Mapping[str, str] | None
    validate_requests: bool
    retry_non_idempotent: bool
    clock: Clock | None


H = TypeVar("H", httpx.Client, httpx.AsyncClient)

# What a client the runtime makes itself sends besides our own headers (httpx's defaults,
# minus the User-Agent and Accept we set): known up front, so the client can be made later.
_OWN_CLIENT_HEADERS = httpx.Headers(
    {"Accept-Encoding": "gzip, deflate", "Connection": "keep-alive"}
)


class _Pool(Generic[H]):
    """The httpx client that a client and its `with_options` copies send with.

    The runtime's own httpx client is made on the first request, not in the constructor:
    making one imports httpcore and builds an SSL context, a large share of the time it takes
    to import the package and create a client that may never send anything.
    """

    __slots__ = ("_client", "_make", "_closed")
    _client: H | None
    _make: Callable[[], H]
    _closed: bool

    def __init__(self, client: H | None, make: Callable[[], H]) -> None:
        self._client = client
        self._make = make
        self._closed = False

    def get(self) -> H:
        client = self._client
        if client is None:
            if self._closed:
                raise RuntimeError("Cannot send a request, as the client has been closed.")
            client = self._client = self._make()
        return client

    @property
    def made(self) -> H | None:
        """The httpx client, if one was given or has been made yet."""
        return self._client

    def mark_closed(self) -> H | None:
        """Refuse to make a client from now on; return the one to close, if any."""
        self._closed = True
        return self._client


class _BaseClient:
    """Configuration, request building and response handling shared by both clients."""

    base_url: str
    """The API root; paths are appended to it."""
    timeout: float | Timeout | None
    """The timeout of each attempt, unless a call passes its own."""
    validate_requests: bool
    """Whether arguments are checked against the spec's constraints before sending."""

    _pool: _Pool[Any]
    _owns_http: bool
    _transport_headers: httpx.Headers  # what the httpx client sends besides our headers

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        auth_headers: Mapping[str, str] | None = None,
        timeout: float | Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        validate_requests: bool = True,
        retry_non_idempotent: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self.base_url = str(base_url).rstrip("/")
        self.timeout = timeout
        self.validate_requests = validate_requests
        self._retry = RetryPolicy(max_retries, retry_non_idempotent, clock or Clock())
        self._auth_headers: Mapping[str, str] = dict(auth_headers or {})
        self._default_headers: Mapping[str, str] = dict(default_headers or {})
        # Every request's headers, merged once: httpx's own per-request merge (build_request)
        # was a third of the client's overhead. Later names replace earlier ones, whatever
        # their case.
        self._headers = httpx.Headers(self._transport_headers)
        self._headers.update({"Accept": "application/json", "User-Agent": self.user_agent})
        self._headers.update(self._auth_headers)
        self._headers.update(self._default_headers)

    @property
    def user_agent(self) -> str:
        """The `User-Agent` header; a generated client may override it to add its version."""
        python = f"{sys.version_info.major}.{sys.version_info.minor}"
        return f"{type(self).__name__}/Python {python} httpx/{httpx.__version__}"

    @property
    def max_retries(self) -> int:
        """How often a failed idempotent request is retried, unless a call passes its own."""
        return self._retry.max_retries

    @property
    def retry_non_idempotent(self) -> bool:
        """Whether POST and PATCH requests are retried too."""
        return self._retry.retry_non_idempotent

    def with_options(
        self,
        *,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        auth_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        validate_requests: bool | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with some options changed, sharing its connection pool.

        `default_headers` replaces the current default headers. Closing the copy leaves the
        shared pool open; close the original for that.
        """
        clone = copy.copy(self)
        # The shared initialiser recomputes the merged headers and the retry policy.
        _BaseClient.__init__(
            clone,
            base_url=self.base_url if isinstance(base_url, NotGiven) else base_url,
            auth_headers=_given(auth_headers, self._auth_headers),
            timeout=_given(timeout, self.timeout),
            max_retries=_given(max_retries, self.max_retries),
            default_headers=_given(default_headers, self._default_headers),
            validate_requests=_given(validate_requests, self.validate_requests),
            retry_non_idempotent=_given(retry_non_idempotent, self.retry_non_idempotent),
            clock=self._retry.clock,
        )
        clone._owns_http = False
        _rebind_resources(clone)
        return clone

    def _cookies(self) -> httpx.Cookies | None:
        """The cookies the httpx client has collected, if it exists and has any."""
        http = self._pool.made
        return http.cookies if http is not None and http.cookies else None

    def _build_request(
        self, endpoint: Endpoint[Any], arguments: Mapping[str, object], options: RequestOptions
    ) -> httpx.Request:
        if endpoint.checks is not None and self.validate_requests:
            _check_arguments(endpoint.checks, arguments)

        path = endpoint.path
        query: dict[str, object] = {}
        header_arguments: dict[str, str] = {}
        fields: dict[str, object] = {}
        body: object = NOT_GIVEN
        body_name = "extra_body"
        for name, wire_name, location in endpoint.arguments:
            value = arguments.get(name, NOT_GIVEN)
            if location == "path":
                path = path.replace("{" + wire_name + "}", _path_segment(name, value))
            elif isinstance(value, NotGiven):
                continue
            elif location == "query":
                query[wire_name] = value
            elif location == "header":
                if value is not None:
                    header_arguments[wire_name] = _format_scalar(value)
            elif location == "body":
                fields[wire_name] = value
            else:
                body, body_name = value, name

        headers = self._headers
        extra_headers = options.get("extra_headers")
        if header_arguments or extra_headers:
            headers = httpx.Headers(headers)
            headers.update(header_arguments)
            headers.update(extra_headers or {})

        extra_query = options.get("extra_query")
        if extra_query:
            query.update(extra_query)

        if fields or (
            endpoint.body_required
            and isinstance(body, NotGiven)
            and any(location == "body" for _, _, location in endpoint.arguments)
        ):
            body = fields
        extra_body = options.get("extra_body")
        if extra_body:
            if isinstance(body, NotGiven):
                body = dict(extra_body)
            elif isinstance(body, Mapping):
                body = {**body, **extra_body}
            else:
                raise InvalidArgumentError("extra_body", "The request body is not an object")

        timeout = options.get("timeout", NOT_GIVEN)
        timeout = self.timeout if isinstance(timeout, NotGiven) else timeout
        encoded_body = _encode_body(endpoint.content_type, body, body_name)
        request = httpx.Request(
            endpoint.method,
            self.base_url + path,
            params=_encode_query(query, endpoint.query_styles) if query else None,
            headers=headers,
            cookies=self._cookies(),
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
            **encoded_body,
        )
        if "content" in encoded_body:
            # httpx names no media type for raw content; an extra_headers one wins.
            request.headers.setdefault("Content-Type", endpoint.content_type)
        return request


class SyncAPIClient(_BaseClient):
    """The synchronous client, on `httpx.Client`.

    Args:
        base_url: the API root, like `https://api.cloudflare.com/client/v4`.
        auth_headers: the authentication headers, computed by the generated client.
        timeout: the timeout of each attempt in seconds, or an `httpx.Timeout`; None waits forever.
        max_retries: how often a failed idempotent request is retried.
        default_headers: headers sent with every request.
        http_client: an `httpx.Client` to send with (proxies, transports, auth, event hooks,
            cookies, ...). Its headers are read once, here; its `base_url` and `params` are not
            used. The caller keeps ownership and closes it; by default the client creates and
            closes its own.
        validate_requests: check arguments against the spec's constraints before sending.
        retry_non_idempotent: retry POST and PATCH requests too.
        clock: the time source retries use; tests pass a fake one.
    """

    _pool: _Pool[httpx.Client]

    def __init__(
        self, *, http_client: httpx.Client | None = None, **options: Unpack[ClientOptions]
    ) -> None:
        self._owns_http = http_client is None
        self._pool = _Pool(http_client, lambda: httpx.Client(follow_redirects=True))
        self._transport_headers = (
            _OWN_CLIENT_HEADERS if http_client is None else http_client.headers
        )
        super().__init__(**options)

    @property
    def _http(self) -> httpx.Client:
        return self._pool.get()

    def request(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> T:
        """Call a non-paginated operation and return its validated result."""
        request = self._build_request(endpoint, arguments, options)
        return _respond(endpoint, self._send(endpoint, request, options))

    def request_page(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> SyncPage[T]:
        """Call a paginated operation and return its first page."""
        request = self._build_request(endpoint, arguments, options)
        response = self._send(endpoint, request, options)
        return _respond_page(
            endpoint,
            response,
            lambda items, info: SyncPage(self, endpoint, arguments, options, items, info),
        )

    def _send(
        self, endpoint: Endpoint[Any], request: httpx.Request, options: RequestOptions
    ) -> httpx.Response:
        retries = self._retry.retries_allowed(
            endpoint.method, options.get("max_retries", NOT_GIVEN)
        )
        retries_taken = 0
        while True:
            outcome: httpx.Response | httpx.RequestError
            try:
                outcome = self._http.send(request)
            except httpx.RequestError as error:
                outcome = error
            delay = self._retry.delay(retries_taken, outcome) if retries_taken < retries else None
            if delay is None:
                return _response_or_raise(request, outcome)
            _log_retry(request, outcome, delay)
            self._retry.clock.sleep(delay)
            retries_taken += 1

    def close(self) -> None:
        """Close the connection pool, unless it belongs to a caller-supplied `http_client`."""
        if self._owns_http and (http := self._pool.mark_closed()) is not None:
            http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(_BaseClient):
    """The asynchronous client, on `httpx.AsyncClient`; arguments as for `SyncAPIClient`."""

    _pool: _Pool[httpx.AsyncClient]

    def __init__(
        self, *, http_client: httpx.AsyncClient | None = None, **options: Unpack[ClientOptions]
    ) -> None:
        self._owns_http = http_client is None
        self._pool = _Pool(http_client, lambda: httpx.AsyncClient(follow_redirects=True))
        self._transport_headers = (
            _OWN_CLIENT_HEADERS if http_client is None else http_client.headers
        )
        super().__init__(**options)

    @property
    def _http(self) -> httpx.AsyncClient:
        return self._pool.get()

    async def request(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> T:
        """Call a non-paginated operation and return its validated result."""
        request = self._build_request(endpoint, arguments, options)
        return _respond(endpoint, await self._send(endpoint, request, options))

    async def request_page(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> AsyncPage[T]:
        """Call a paginated operation and return its first page."""
        request = self._build_request(endpoint, arguments, options)
        response = await self._send(endpoint, request, options)
        return _respond_page(
            endpoint,
            response,
            lambda items, info: AsyncPage(self, endpoint, arguments, options, items, info),
        )

    async def _send(
        self, endpoint: Endpoint[Any], request: httpx.Request, options: RequestOptions
    ) -> httpx.Response:
        retries = self._retry.retries_allowed(
            endpoint.method, options.get("max_retries", NOT_GIVEN)
        )
        retries_taken = 0
        while True:
            outcome: httpx.Response | httpx.RequestError
            try:
                outcome = await self._http.send(request)
            except httpx.RequestError as error:
                outcome = error
            delay = self._retry.delay(retries_taken, outcome) if retries_taken < retries else None
            if delay is None:
                return _response_or_raise(request, outcome)
            _log_retry(request, outcome, delay)
            await self._retry.clock.async_sleep(delay)
            retries_taken += 1

    async def close(self) -> None:
        """Close the connection pool, unless it belongs to a caller-supplied `http_client`."""
        if self._owns_http and (http := self._pool.mark_closed()) is not None:
            await http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


def _rebind_resources(clone: _BaseClient) -> None:
    """Replace the resources a client copy inherited (bound to the original) by its own."""
    for name, value in list(vars(clone).items()):
        if isinstance(value, SyncAPIResource) and isinstance(clone, SyncAPIClient):
            setattr(clone, name, type(value)(clone))
        elif isinstance(value, AsyncAPIResource) and isinstance(clone, AsyncAPIClient):
            setattr(clone, name, type(value)(clone))


def _given(value: T | NotGiven, default: T) -> T:
    return default if isinstance(value, NotGiven) else value


def _check_arguments(checks: type[pydantic.BaseModel], arguments: Mapping[str, object]) -> None:
    """Validate the given arguments against the spec's constraints, by their python names."""
    given = {name: value for name, value in arguments.items() if not isinstance(value, NotGiven)}
    try:
        checks.model_validate(given)
    except pydantic.ValidationError as error:
        raise InvalidArgumentError.from_validation_error(error) from error


def _format_scalar(value: object) -> str:
    """Text for a path segment, query value, header or form field."""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return _format_scalar(value.value)
    if isinstance(value, str | int | float):
        return str(value)
    encoded = to_jsonable(value)
    return encoded if isinstance(encoded, str) else pydantic_core.to_json(encoded).decode()


def _path_segment(name: str, value: object) -> str:
    if isinstance(value, NotGiven):
        raise InvalidArgumentError(name, "Missing required path parameter")
    if value is None or value == "":
        raise InvalidArgumentError(name, f"Expected a non-empty value (got {value!r})")
    return quote(_format_scalar(value), safe="")


_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def _encode_query(
    query: Mapping[str, object], styles: tuple[tuple[str, QueryStyle], ...] = ()
) -> tuple[tuple[str, str], ...]:
    """Query pairs, serialised as each parameter's OpenAPI style says.

    By default (`form`, exploded) lists become repeated parameters and an object's keys become
    parameters of their own; booleans are `true`/`false`; None values are left out.
    """
    style_of = dict(styles)
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is None:
            continue
        style = style_of.get(name)
        encoded = to_jsonable(value) if isinstance(value, pydantic.BaseModel) else value
        if isinstance(encoded, Mapping):
            items = [(str(key), item) for key, item in encoded.items() if item is not None]
            if style == "deepObject":
                pairs.extend((f"{name}[{key}]", _format_scalar(item)) for key, item in items)
            elif style in _DELIMITERS:
                flat = [text for key, item in items for text in (key, _format_scalar(item))]
                pairs.append((name, _DELIMITERS[style].join(flat)))
            else:
                pairs.extend((key, _format_scalar(item)) for key, item in items)
        elif isinstance(encoded, list | tuple):
            texts = [_format_scalar(item) for item in encoded if item is not None]
            if style in _DELIMITERS:
                pairs.append((name, _DELIMITERS[style].join(texts)))
            else:
                pairs.extend((name, text) for text in texts)
        else:
            pairs.append((name, _format_scalar(encoded)))
    return tuple(pairs)


@runtime_checkable
class _Readable(Protocol):
    def read(self) -> bytes | str: ...


def _encode_body(content_type: str, body: object, name: str) -> dict[str, Any]:
    """The `httpx.Request` keyword arguments that carry `body`.

    `name` is the argument the body came from, for error messages.
    """
    if isinstance(body, NotGiven):
        return {}
    if content_type == "application/json" or content_type.endswith("+json"):
        return {"json": to_jsonable(body)}
    if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        if not isinstance(body, Mapping):
            raise InvalidArgumentError(name, f"A {content_type} body must be a mapping of fields")
        if content_type == "multipart/form-data":
            return {"files": _multipart_parts(body)}
        return {
            "data": {key: _format_scalar(value) for key, value in body.items() if value is not None}
        }
    if isinstance(body, str | bytes):
        return {"content": body}
    if isinstance(body, _Readable):
        # Read whole, so that a retry sends the same bytes again.
        return {"content": body.read()}
    raise InvalidArgumentError(name, f"A {content_type} body must be bytes, str or a binary file")


def _multipart_parts(body: Mapping[str, object]) -> list[tuple[str, object]]:
    """File parts for files (bytes, binary files, `(filename, content[, media type])` tuples; a
    list of files repeats the part), text parts for the rest (objects and lists as JSON)."""
    parts: list[tuple[str, object]] = []
    for name, value in body.items():
        if value is None:
            continue
        items = value if isinstance(value, list) and all(map(_is_file, value)) else [value]
        for item in items:
            parts.append((name, item if _is_file(item) else (None, _format_scalar(item))))
    return parts


def _is_file(value: object) -> bool:
    return isinstance(value, bytes | tuple | _Readable)


def _respond(endpoint: Endpoint[T], response: httpx.Response) -> T:
    """The result of a call from its final response (or its `APIResponse`, when raw)."""
    body = _read_body(endpoint, response)
    if raw_response_requested():
        # The raw-response wrapper casts this back to what it promises.
        parse = functools.partial(_result, endpoint, response, body)
        return cast(T, APIResponse(response, body, parse))
    return _result(endpoint, response, body)


def _respond_page(
    endpoint: Endpoint[T],
    response: httpx.Response,
    make_page: Callable[[list[T], ResultInfo | None], PageT],
) -> PageT:
    """The first page of a paginated call (or its `APIResponse`, when raw)."""
    body = _read_body(endpoint, response)

    def parse() -> PageT:
        items = _validate(endpoint.validate_items, endpoint, response, body)
        return make_page(items, Envelope.from_body(body).result_info)

    if raw_response_requested():
        return cast(PageT, APIResponse(response, body, parse))
    return parse()


def _read_body(endpoint: Endpoint[Any], response: httpx.Response) -> object:
    """Decode a response body, raising the error it reports, if any."""
    if not response.is_success:
        raise make_status_error(response, _decode_body(response))
    if endpoint.response_type is bytes:
        return None
    body = _decode_body(response)
    if isinstance(body, dict) and body.get("success") is False:
        raise make_status_error(response, body)
    return body


def _result(endpoint: Endpoint[T], response: httpx.Response, body: object) -> T:
    if endpoint.response_type is None:
        return cast(T, None)
    if endpoint.response_type is bytes:
        return cast(T, response.content)
    return _validate(endpoint.validate_response, endpoint, response, body)


def _decode_body(response: httpx.Response) -> object:
    """The body as JSON when it parses as JSON, else as text; None when empty.

    The media type is not consulted: some endpoints send JSON under another one.
    """
    content = response.content
    if not content:
        return None
    try:
        return pydantic_core.from_json(content)
    except ValueError:
        return response.text


def _validate(
    validate: Callable[[object], R], endpoint: Endpoint[Any], response: httpx.Response, body: object
) -> R:
    unwrap = endpoint.unwrap
    data = body
    if unwrap is not None:
        if not isinstance(body, dict):
            raise APIResponseValidationError(
                response,
                body,
                f"{_describe(response)}: expected a JSON object, got {type(body).__name__}",
            )
        if isinstance(unwrap, str):
            data = body.get(unwrap)
        elif len(unwrap) == 1:
            data = body.get(unwrap[0])
        else:
            data = {name: body[name] for name in unwrap if name in body}
    try:
        return validate(data)
    except pydantic.ValidationError as error:
        message = f"{_describe(response)} does not match the spec: {error}"
        raise APIResponseValidationError(response, body, message, error) from error


def _describe(response: httpx.Response) -> str:
    request = response.request
    return f"The {response.status_code} response to {request.method} {request.url.path}"


def _response_or_raise(
    request: httpx.Request, outcome: httpx.Response | httpx.RequestError
) -> httpx.Response:
    if isinstance(outcome, httpx.Response):
        return outcome
    if isinstance(outcome, httpx.TimeoutException):
        raise APITimeoutError(request) from outcome
    raise APIConnectionError(request, f"Connection error: {outcome}") from outcome


def _log_retry(
    request: httpx.Request, outcome: httpx.Response | httpx.RequestError, delay: float
) -> None:
    reason = (
        f"status {outcome.status_code}"
        if isinstance(outcome, httpx.Response)
        else type(outcome).__name__
    )
    log.info("Retrying %s %s in %.2f s after %s", request.method, request.url, delay, reason)
