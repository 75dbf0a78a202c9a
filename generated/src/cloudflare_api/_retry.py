"""When to retry a request, and how long to wait before the next attempt."""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass, field
from typing import Final

import httpx

from ._types import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven

__all__ = ["Clock", "RetryPolicy"]

INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
"""A server's `Retry-After` is honoured up to this many seconds; past it, the backoff applies."""

IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES: Final = frozenset({408, 409, 429})


class Clock:
    """The time, sleep and randomness retries use: the system's here, a fake one in tests."""

    def now(self) -> float:
        """Seconds since the epoch, to read `Retry-After` dates."""
        return time.time()

    def random(self) -> float:
        """A number in [0, 1), for jitter."""
        return random.random()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        import asyncio  # here, so that sync-only programs do not pay for importing it

        await asyncio.sleep(seconds)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Which failures are retried, how often, and after what delay.

    Connection errors, timeouts and the statuses 408, 409, 429 and 5xx are retried, at most
    `max_retries` times, with exponential backoff (0.5 s doubling up to 8 s, minus up to 25 %
    jitter) unless the response says how long to wait. Only idempotent methods are retried
    unless `retry_non_idempotent` is set: a POST that reached the server may have taken effect.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    retry_non_idempotent: bool = False
    clock: Clock = field(default_factory=Clock)

    def retries_allowed(self, method: str, max_retries: int | NotGiven = NOT_GIVEN) -> int:
        """How many times a request may be retried; `max_retries` overrides the policy's."""
        if not self.retry_non_idempotent and method not in IDEMPOTENT_METHODS:
            return 0
        return self.max_retries if isinstance(max_retries, NotGiven) else max_retries

    def delay(
        self, retries_taken: int, outcome: httpx.Response | httpx.RequestError
    ) -> float | None:
        """Seconds to wait before retrying after `outcome`, or None when it is not worth a retry."""
        if isinstance(outcome, httpx.RequestError):
            # Transport errors (refused, reset, timed out) are transient; others, such as too
            # many redirects, would fail the same way again.
            return (
                self.backoff(retries_taken) if isinstance(outcome, httpx.TransportError) else None
            )
        status = outcome.status_code
        if status < 500 and status not in RETRYABLE_STATUSES:
            return None
        retry_after = parse_retry_after(outcome.headers, self.clock.now())
        if retry_after is not None and 0 < retry_after <= MAX_RETRY_AFTER:
            return retry_after
        return self.backoff(retries_taken)

    def backoff(self, retries_taken: int) -> float:
        """The exponential delay before retry number `retries_taken + 1`, with jitter."""
        base = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 32), MAX_RETRY_DELAY)
        return base * (1.0 - 0.25 * self.clock.random())


def parse_retry_after(headers: httpx.Headers, now: float) -> float | None:
    """Seconds the server asks to wait, from `Retry-After-Ms` or `Retry-After` (seconds or date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return email.utils.mktime_tz(parsed) - now
