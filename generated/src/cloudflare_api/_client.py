"""The `Cloudflare` and `AsyncCloudflare` clients: authentication, the base URL, and the API's
resources.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Final

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._exceptions import APIError
from ._types import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from .resources.magic import AsyncMagicResource, MagicResource
    from .resources.token_validation import AsyncTokenValidationResource, TokenValidationResource

__all__ = ["AsyncCloudflare", "Cloudflare", "DEFAULT_BASE_URL", "MissingCredentialsError"]


DEFAULT_BASE_URL: Final = "https://api.cloudflare.com/client/v4"
_DISTRIBUTION: Final = "cloudflare-api"

# Each credential: the client argument, the environment variable, the header and its prefix.
_CREDENTIALS: Final = (
    ("api_token", "CLOUDFLARE_API_TOKEN", "Authorization", "Bearer "),
    ("api_email", "CLOUDFLARE_EMAIL", "X-Auth-Email", ""),
    ("api_key", "CLOUDFLARE_API_KEY", "X-Auth-Key", ""),
)
# The combinations of credentials the API accepts, in the order they are tried.
_ALTERNATIVES: Final = (("api_token",), ("api_email", "api_key"))


class MissingCredentialsError(APIError, ValueError):
    """Raised by the clients when neither their arguments nor the environment hold credentials."""


def _auth_headers(given: Mapping[str, str | None]) -> dict[str, str]:
    """The headers of the first complete set of credentials: arguments first, then environment."""
    values = {name: given[name] or os.environ.get(env_var) for name, env_var, _, _ in _CREDENTIALS}
    headers = {name: (header, prefix) for name, _, header, prefix in _CREDENTIALS}
    for alternative in _ALTERNATIVES:
        found = {name: values[name] for name in alternative}
        if all(found.values()):
            return {headers[name][0]: f"{headers[name][1]}{value}" for name, value in found.items()}
    raise MissingCredentialsError(
        "No credentials: pass api_token= (or set CLOUDFLARE_API_TOKEN), or pass api_email= and "
        "api_key= (or set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY)."
    )


class Cloudflare(SyncAPIClient):
    """The synchronous client of the Cloudflare API.

    Authenticate with `api_token`, or with `api_email` and `api_key`.

    Args:
        api_token: The preferred authorization scheme for interacting with the Cloudflare API.
            Defaults to the `CLOUDFLARE_API_TOKEN` environment variable.
        api_email: The previous authorization scheme for interacting with the Cloudflare API, used
            in conjunction with a Global API key. Defaults to the `CLOUDFLARE_EMAIL` environment
            variable.
        api_key: The previous authorization scheme for interacting with the Cloudflare API. Defaults
            to the `CLOUDFLARE_API_KEY` environment variable.
        base_url: The API root. Defaults to the `CLOUDFLARE_BASE_URL` environment variable, else
            `https://api.cloudflare.com/client/v4`.
        timeout: Seconds to wait for each attempt, or an `httpx.Timeout`; None waits forever.
        max_retries: How often a failed idempotent request is retried.
        default_headers: Headers sent with every request.
        http_client: An `httpx.Client` to send with (proxies, transports, ...); the caller closes
            it. By default the client makes its own and closes it.
        validate_requests: Check arguments against the spec's constraints before sending.
        retry_non_idempotent: Retry POST and PATCH requests too.
    """

    def __init__(
        self,
        *,
        api_token: str | None = None,
        api_email: str | None = None,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        validate_requests: bool = True,
        retry_non_idempotent: bool = False,
    ) -> None:
        super().__init__(
            base_url=base_url or os.environ.get("CLOUDFLARE_BASE_URL") or DEFAULT_BASE_URL,
            auth_headers=_auth_headers(
                {"api_token": api_token, "api_email": api_email, "api_key": api_key}
            ),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
            validate_requests=validate_requests,
            retry_non_idempotent=retry_non_idempotent,
        )

    @property
    def user_agent(self) -> str:
        return f"{_DISTRIBUTION}/{__version__} {super().user_agent}"

    @cached_property
    def magic(self) -> MagicResource:
        from .resources.magic import MagicResource

        return MagicResource(self)

    @cached_property
    def token_validation(self) -> TokenValidationResource:
        from .resources.token_validation import TokenValidationResource

        return TokenValidationResource(self)


class AsyncCloudflare(AsyncAPIClient):
    """The asynchronous client of the Cloudflare API.

    Authenticate with `api_token`, or with `api_email` and `api_key`.

    Args:
        api_token: The preferred authorization scheme for interacting with the Cloudflare API.
            Defaults to the `CLOUDFLARE_API_TOKEN` environment variable.
        api_email: The previous authorization scheme for interacting with the Cloudflare API, used
            in conjunction with a Global API key. Defaults to the `CLOUDFLARE_EMAIL` environment
            variable.
        api_key: The previous authorization scheme for interacting with the Cloudflare API. Defaults
            to the `CLOUDFLARE_API_KEY` environment variable.
        base_url: The API root. Defaults to the `CLOUDFLARE_BASE_URL` environment variable, else
            `https://api.cloudflare.com/client/v4`.
        timeout: Seconds to wait for each attempt, or an `httpx.Timeout`; None waits forever.
        max_retries: How often a failed idempotent request is retried.
        default_headers: Headers sent with every request.
        http_client: An `httpx.AsyncClient` to send with (proxies, transports, ...); the caller
            closes it. By default the client makes its own and closes it.
        validate_requests: Check arguments against the spec's constraints before sending.
        retry_non_idempotent: Retry POST and PATCH requests too.
    """

    def __init__(
        self,
        *,
        api_token: str | None = None,
        api_email: str | None = None,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        validate_requests: bool = True,
        retry_non_idempotent: bool = False,
    ) -> None:
        super().__init__(
            base_url=base_url or os.environ.get("CLOUDFLARE_BASE_URL") or DEFAULT_BASE_URL,
            auth_headers=_auth_headers(
                {"api_token": api_token, "api_email": api_email, "api_key": api_key}
            ),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
            validate_requests=validate_requests,
            retry_non_idempotent=retry_non_idempotent,
        )

    @property
    def user_agent(self) -> str:
        return f"{_DISTRIBUTION}/{__version__} {super().user_agent}"

    @cached_property
    def magic(self) -> AsyncMagicResource:
        from .resources.magic import AsyncMagicResource

        return AsyncMagicResource(self)

    @cached_property
    def token_validation(self) -> AsyncTokenValidationResource:
        from .resources.token_validation import AsyncTokenValidationResource

        return AsyncTokenValidationResource(self)
