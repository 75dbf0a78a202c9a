"""Retries: which failures, how many times, and the delays between attempts (never slept)."""

from __future__ import annotations

import email.utils
from typing import Any

import httpx
import pytest
from runtime_fakes import FakeAPI, FakeClock, envelope

from generator.runtime._endpoint import Endpoint
from generator.runtime._exceptions import APITimeoutError, InternalServerError, RateLimitError
from generator.runtime._retry import RetryPolicy, parse_retry_after

CONNECTOR = {"id": "c1"}
NOW = 1_700_000_000.0

_CREATE: Endpoint[None] = Endpoint("POST", "/things", response_type=None)


def failing(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return envelope(
        success=False, errors=[{"code": 1, "message": "busy"}], status_code=status, headers=headers
    )


# The policy's arithmetic


def test_backoff_doubles_from_half_a_second_up_to_eight_seconds() -> None:
    policy = RetryPolicy(clock=FakeClock(jitter=0.0))

    assert [policy.backoff(n) for n in range(7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_jitter_shortens_the_backoff_by_at_most_a_quarter() -> None:
    assert RetryPolicy(clock=FakeClock(jitter=0.999)).backoff(1) == pytest.approx(0.75, abs=1e-3)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses(status: int) -> None:
    assert RetryPolicy(clock=FakeClock()).delay(0, httpx.Response(status)) == 0.5


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert RetryPolicy(clock=FakeClock()).delay(0, httpx.Response(status)) is None


def test_transport_errors_are_retried_but_not_redirect_loops() -> None:
    policy = RetryPolicy(clock=FakeClock())

    assert policy.delay(1, httpx.ConnectError("refused")) == 1.0
    assert policy.delay(1, httpx.ReadTimeout("slow")) == 1.0
    assert policy.delay(1, httpx.TooManyRedirects("loop")) is None


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After-Ms": "250"}, 0.25),
        ({"Retry-After-Ms": "250", "Retry-After": "9"}, 0.25),
        ({"Retry-After": email.utils.formatdate(NOW + 7, usegmt=True)}, 7.0),
        ({"Retry-After": "60"}, 60.0),
        ({"Retry-After": "61"}, 0.5),  # too long: the backoff applies
        ({"Retry-After": "0"}, 0.5),
        ({"Retry-After": "-4"}, 0.5),
        ({"Retry-After": "soon"}, 0.5),
        ({"Retry-After": email.utils.formatdate(NOW - 30, usegmt=True)}, 0.5),
    ],
)
def test_retry_after_is_honoured_between_zero_and_sixty_seconds(
    headers: dict[str, str], expected: float
) -> None:
    policy = RetryPolicy(clock=FakeClock(now=NOW))

    assert policy.delay(0, httpx.Response(429, headers=headers)) == pytest.approx(expected)


def test_parse_retry_after_without_headers() -> None:
    assert parse_retry_after(httpx.Headers(), NOW) is None


def test_only_idempotent_methods_are_retried_unless_opted_in() -> None:
    policy = RetryPolicy(max_retries=3)
    opted_in = RetryPolicy(max_retries=3, retry_non_idempotent=True)

    assert [policy.retries_allowed(m) for m in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")] == [
        3
    ] * 5
    assert [policy.retries_allowed(m) for m in ("POST", "PATCH")] == [0, 0]
    assert [opted_in.retries_allowed(m) for m in ("POST", "PATCH")] == [3, 3]
    assert policy.retries_allowed("GET", 7) == 7


# The client's retry loop


def test_retries_up_to_max_retries_then_raises() -> None:
    api = FakeAPI(failing(503))
    with api.client() as client, pytest.raises(InternalServerError):
        client.connectors.update("c1", account_id="a1")

    assert len(api.requests) == 3
    assert api.clock.sleeps == [0.5, 1.0]


def test_retry_succeeds_after_transient_failures() -> None:
    api = FakeAPI(failing(500), httpx.ConnectError("reset"), envelope(CONNECTOR))
    with api.client() as client:
        connector = client.connectors.update("c1", account_id="a1")

    assert connector.id == "c1"
    assert len(api.requests) == 3
    assert api.clock.sleeps == [0.5, 1.0]


def test_retry_after_headers_set_the_delays() -> None:
    api = FakeAPI(
        failing(429, {"Retry-After": "2"}),
        failing(429, {"Retry-After-Ms": "1500"}),
        envelope(CONNECTOR),
    )
    with api.client() as client:
        client.connectors.update("c1", account_id="a1")

    assert api.clock.sleeps == [2.0, 1.5]


def test_max_retries_per_call_overrides_the_client() -> None:
    api = FakeAPI(failing(429))
    with api.client(max_retries=5) as client, pytest.raises(RateLimitError):
        client.connectors.update("c1", account_id="a1", max_retries=1)

    assert len(api.requests) == 2


def test_max_retries_zero_sends_once() -> None:
    api = FakeAPI(failing(500))
    with api.client(max_retries=0) as client, pytest.raises(InternalServerError):
        client.connectors.update("c1", account_id="a1")

    assert len(api.requests) == 1
    assert api.clock.sleeps == []


def test_post_is_not_retried_by_default() -> None:
    api = FakeAPI(failing(503))
    with api.client() as client, pytest.raises(InternalServerError):
        client.request(_CREATE, {})

    assert len(api.requests) == 1


def test_post_is_retried_when_the_client_opts_in() -> None:
    api = FakeAPI(failing(503), envelope())
    with api.client(retry_non_idempotent=True) as client:
        client.request(_CREATE, {})

    assert len(api.requests) == 2


def test_timeouts_are_retried_then_raised() -> None:
    api = FakeAPI(httpx.ConnectTimeout("slow"))
    with api.client(max_retries=1) as client, pytest.raises(APITimeoutError):
        client.connectors.update("c1", account_id="a1")

    assert len(api.requests) == 2
    assert api.clock.sleeps == [0.5]


async def test_async_client_retries_with_the_same_delays() -> None:
    api = FakeAPI(failing(502), failing(429, {"Retry-After": "4"}), envelope(CONNECTOR))
    async with api.async_client() as client:
        connector = await client.connectors.update("c1", account_id="a1")

    assert connector.id == "c1"
    assert api.clock.sleeps == [0.5, 4.0]


async def test_async_post_is_not_retried_by_default() -> None:
    api = FakeAPI(failing(503))
    client: Any
    async with api.async_client() as client:
        with pytest.raises(InternalServerError):
            await client.request(_CREATE, {})

    assert len(api.requests) == 1
