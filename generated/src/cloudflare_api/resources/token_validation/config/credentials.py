"""API Shield token validation: which tokens a zone's requests carry and the keys they are signed
with.
"""

from __future__ import annotations

from functools import cached_property
from typing import Unpack

from pydantic import Field

from ...._endpoint import Endpoint
from ...._models import APIModel
from ...._resource import AsyncAPIResource, SyncAPIResource
from ...._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from ...._types import RequestOptions
from ....types.token_validation import Jwk

__all__ = [
    "AsyncCredentialsResource",
    "AsyncCredentialsResourceWithRawResponse",
    "CredentialsResource",
    "CredentialsResourceWithRawResponse",
]


class _UpdateArguments(APIModel):
    """The arguments of `update` with constraints the client checks."""

    zone_id: str = Field(max_length=32)
    keys: list[Jwk] = Field(min_length=1)


_UPDATE: Endpoint[list[Jwk]] = Endpoint(
    method="PUT",
    path="/zones/{zone_id}/token_validation/config/{config_id}/credentials",
    arguments=(
        ("zone_id", "zone_id", "path"),
        ("config_id", "config_id", "path"),
        ("keys", "keys", "body"),
    ),
    checks=_UpdateArguments,
    unwrap=("keys",),
    response_type=list[Jwk],
    body_required=True,
)


class CredentialsResource(SyncAPIResource):
    """API Shield token validation: which tokens a zone's requests carry and the keys they are
    signed with.
    """

    @cached_property
    def with_raw_response(self) -> CredentialsResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return CredentialsResourceWithRawResponse(self)

    def update(
        self,
        config_id: str,
        *,
        zone_id: str,
        keys: list[Jwk | dict[str, object]],
        **options: Unpack[RequestOptions],
    ) -> list[Jwk]:
        """Update Token Configuration credentials

        Replaces the keys a token validation configuration checks token signatures with. The
        response carries the new keys in `keys`, beside the envelope's fields; it has no
        `result`.

        Args:
            config_id: UUID.
            zone_id: Identifier
            keys: JSON Web Keys used to validate token signatures.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(
            _UPDATE, {"zone_id": zone_id, "config_id": config_id, "keys": keys}, **options
        )


class AsyncCredentialsResource(AsyncAPIResource):
    """API Shield token validation: which tokens a zone's requests carry and the keys they are
    signed with.
    """

    @cached_property
    def with_raw_response(self) -> AsyncCredentialsResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return AsyncCredentialsResourceWithRawResponse(self)

    async def update(
        self,
        config_id: str,
        *,
        zone_id: str,
        keys: list[Jwk | dict[str, object]],
        **options: Unpack[RequestOptions],
    ) -> list[Jwk]:
        """Update Token Configuration credentials

        Replaces the keys a token validation configuration checks token signatures with. The
        response carries the new keys in `keys`, beside the envelope's fields; it has no
        `result`.

        Args:
            config_id: UUID.
            zone_id: Identifier
            keys: JSON Web Keys used to validate token signatures.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(
            _UPDATE, {"zone_id": zone_id, "config_id": config_id, "keys": keys}, **options
        )


class CredentialsResourceWithRawResponse:
    """`CredentialsResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: CredentialsResource) -> None:
        self.update = to_raw_response_wrapper(resource.update)


class AsyncCredentialsResourceWithRawResponse:
    """`AsyncCredentialsResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: AsyncCredentialsResource) -> None:
        self.update = async_to_raw_response_wrapper(resource.update)
