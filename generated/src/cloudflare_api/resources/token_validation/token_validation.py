"""The `token_validation` operations."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._resource import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .config import (
        AsyncConfigResource,
        AsyncConfigResourceWithRawResponse,
        ConfigResource,
        ConfigResourceWithRawResponse,
    )

__all__ = [
    "AsyncTokenValidationResource",
    "AsyncTokenValidationResourceWithRawResponse",
    "TokenValidationResource",
    "TokenValidationResourceWithRawResponse",
]


class TokenValidationResource(SyncAPIResource):
    """The `token_validation` operations."""

    @cached_property
    def with_raw_response(self) -> TokenValidationResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return TokenValidationResourceWithRawResponse(self)

    @cached_property
    def config(self) -> ConfigResource:
        """API Shield token validation: which tokens a zone's requests carry and the keys they are
        signed with.
        """
        from .config import ConfigResource

        return ConfigResource(self._client)


class AsyncTokenValidationResource(AsyncAPIResource):
    """The `token_validation` operations."""

    @cached_property
    def with_raw_response(self) -> AsyncTokenValidationResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return AsyncTokenValidationResourceWithRawResponse(self)

    @cached_property
    def config(self) -> AsyncConfigResource:
        """API Shield token validation: which tokens a zone's requests carry and the keys they are
        signed with.
        """
        from .config import AsyncConfigResource

        return AsyncConfigResource(self._client)


class TokenValidationResourceWithRawResponse:
    """`TokenValidationResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: TokenValidationResource) -> None:
        self._resource = resource

    @cached_property
    def config(self) -> ConfigResourceWithRawResponse:
        from .config import ConfigResourceWithRawResponse

        return ConfigResourceWithRawResponse(self._resource.config)


class AsyncTokenValidationResourceWithRawResponse:
    """`AsyncTokenValidationResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: AsyncTokenValidationResource) -> None:
        self._resource = resource

    @cached_property
    def config(self) -> AsyncConfigResourceWithRawResponse:
        from .config import AsyncConfigResourceWithRawResponse

        return AsyncConfigResourceWithRawResponse(self._resource.config)
