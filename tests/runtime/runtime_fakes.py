"""A hand-written slice of a generated package, and a fake API to run it against.

The resources below are what the generator renders for an operation; the tests drive the
runtime through them, the way users will.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Annotated, Any, Literal

import httpx
import pydantic

from generator.runtime._base_client import AsyncAPIClient, SyncAPIClient
from generator.runtime._endpoint import Endpoint
from generator.runtime._models import OPEN_ENUM, APIModel
from generator.runtime._pagination import AsyncPage, SyncPage
from generator.runtime._resource import AsyncAPIResource, SyncAPIResource
from generator.runtime._response import (
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from generator.runtime._retry import Clock
from generator.runtime._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

BASE_URL = "https://api.test/client/v4"

DayOfWeek = Annotated[Literal["Sunday", "Monday"], OPEN_ENUM]


class Connector(APIModel):
    id: str
    activated: bool = False
    interrupt_window_day_of_week: DayOfWeek | None = None


class _UpdateArguments(pydantic.BaseModel):
    account_id: str
    connector_id: str
    activated: bool | None = None
    interrupt_window_duration_hours: float | None = pydantic.Field(default=None, ge=3, le=24)
    interrupt_window_day_of_week: DayOfWeek | None = None


_UPDATE: Endpoint[Connector] = Endpoint(
    method="PUT",
    path="/accounts/{account_id}/magic/connectors/{connector_id}",
    arguments=(
        ("account_id", "account_id", "path"),
        ("connector_id", "connector_id", "path"),
        ("activated", "activated", "body"),
        ("interrupt_window_duration_hours", "interrupt_window_duration_hours", "body"),
        ("interrupt_window_day_of_week", "interrupt_window_day_of_week", "body"),
    ),
    checks=_UpdateArguments,
    response_type=Connector,
)

_LIST: Endpoint[Connector] = Endpoint(
    method="GET",
    path="/accounts/{account_id}/magic/connectors",
    arguments=(
        ("account_id", "account_id", "path"),
        ("page", "page", "query"),
        ("per_page", "per_page", "query"),
    ),
    response_type=Connector,
    paginated=True,
)


class ConnectorsResource(SyncAPIResource):
    def update(
        self,
        connector_id: str,
        *,
        account_id: str,
        activated: bool | NotGiven = NOT_GIVEN,
        interrupt_window_duration_hours: float | NotGiven = NOT_GIVEN,
        interrupt_window_day_of_week: DayOfWeek | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Connector:
        return self._request(
            _UPDATE,
            {
                "account_id": account_id,
                "connector_id": connector_id,
                "activated": activated,
                "interrupt_window_duration_hours": interrupt_window_duration_hours,
                "interrupt_window_day_of_week": interrupt_window_day_of_week,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list(
        self,
        *,
        account_id: str,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Connector]:
        return self._request_page(
            _LIST, {"account_id": account_id, "page": page, "per_page": per_page}
        )

    @cached_property
    def with_raw_response(self) -> ConnectorsResourceWithRawResponse:
        return ConnectorsResourceWithRawResponse(self)


class ConnectorsResourceWithRawResponse:
    def __init__(self, resource: ConnectorsResource) -> None:
        self.update = to_raw_response_wrapper(resource.update)
        self.list = to_raw_response_wrapper(resource.list)


class AsyncConnectorsResource(AsyncAPIResource):
    async def update(
        self,
        connector_id: str,
        *,
        account_id: str,
        activated: bool | NotGiven = NOT_GIVEN,
    ) -> Connector:
        return await self._request(
            _UPDATE,
            {"account_id": account_id, "connector_id": connector_id, "activated": activated},
        )

    async def list(
        self,
        *,
        account_id: str,
        page: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPage[Connector]:
        return await self._request_page(_LIST, {"account_id": account_id, "page": page})

    @cached_property
    def with_raw_response(self) -> AsyncConnectorsResourceWithRawResponse:
        return AsyncConnectorsResourceWithRawResponse(self)


class AsyncConnectorsResourceWithRawResponse:
    def __init__(self, resource: AsyncConnectorsResource) -> None:
        self.update = async_to_raw_response_wrapper(resource.update)


class FakeCloudflare(SyncAPIClient):
    """What the generated `Cloudflare` client adds: auth headers and the resource tree."""

    @cached_property
    def connectors(self) -> ConnectorsResource:
        return ConnectorsResource(self)


class AsyncFakeCloudflare(AsyncAPIClient):
    @cached_property
    def connectors(self) -> AsyncConnectorsResource:
        return AsyncConnectorsResource(self)


class FakeClock(Clock):
    """Records the sleeps instead of sleeping; time stands still and jitter is fixed."""

    def __init__(self, now: float = 1_700_000_000.0, jitter: float = 0.0) -> None:
        self.sleeps: list[float] = []
        self._now = now
        self._jitter = jitter

    def now(self) -> float:
        return self._now

    def random(self) -> float:
        return self._jitter

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


Reply = httpx.Response | Exception
Handler = Callable[[httpx.Request], Reply]


class FakeAPI:
    """A MockTransport that records each request and answers in turn from `replies`.

    A reply is a response, an exception to raise, or a function of the request; the last reply
    is repeated once the others are used.
    """

    def __init__(self, *replies: Reply | Handler) -> None:
        self.requests: list[httpx.Request] = []
        self._replies = list(replies)
        self.clock = FakeClock()

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self._replies.pop(0) if len(self._replies) > 1 else self._replies[0]
        if callable(reply) and not isinstance(reply, httpx.Response | Exception):
            reply = reply(request)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def http_client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self._handle))

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self._handle))

    def client(self, **options: Any) -> FakeCloudflare:
        return FakeCloudflare(
            base_url=BASE_URL, http_client=self.http_client(), clock=self.clock, **options
        )

    def async_client(self, **options: Any) -> AsyncFakeCloudflare:
        return AsyncFakeCloudflare(
            base_url=BASE_URL, http_client=self.async_http_client(), clock=self.clock, **options
        )


def envelope(
    result: object = None,
    *,
    success: bool = True,
    errors: Iterable[Mapping[str, object]] = (),
    messages: Iterable[Mapping[str, object]] = (),
    result_info: Mapping[str, object] | None = None,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """A response with Cloudflare's envelope around `result`."""
    body: dict[str, object] = {
        "success": success,
        "errors": list(errors),
        "messages": list(messages),
        "result": result,
    }
    if result_info is not None:
        body["result_info"] = dict(result_info)
    return httpx.Response(status_code, json=body, headers=headers)
