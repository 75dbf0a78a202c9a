"""The `magic` operations."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._resource import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .connectors import (
        AsyncConnectorsResource,
        AsyncConnectorsResourceWithRawResponse,
        ConnectorsResource,
        ConnectorsResourceWithRawResponse,
    )

__all__ = [
    "AsyncMagicResource",
    "AsyncMagicResourceWithRawResponse",
    "MagicResource",
    "MagicResourceWithRawResponse",
]


class MagicResource(SyncAPIResource):
    """The `magic` operations."""

    @cached_property
    def with_raw_response(self) -> MagicResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return MagicResourceWithRawResponse(self)

    @cached_property
    def connectors(self) -> ConnectorsResource:
        """Magic WAN connectors of an account, and the windows in which they may upgrade."""
        from .connectors import ConnectorsResource

        return ConnectorsResource(self._client)


class AsyncMagicResource(AsyncAPIResource):
    """The `magic` operations."""

    @cached_property
    def with_raw_response(self) -> AsyncMagicResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return AsyncMagicResourceWithRawResponse(self)

    @cached_property
    def connectors(self) -> AsyncConnectorsResource:
        """Magic WAN connectors of an account, and the windows in which they may upgrade."""
        from .connectors import AsyncConnectorsResource

        return AsyncConnectorsResource(self._client)


class MagicResourceWithRawResponse:
    """`MagicResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: MagicResource) -> None:
        self._resource = resource

    @cached_property
    def connectors(self) -> ConnectorsResourceWithRawResponse:
        from .connectors import ConnectorsResourceWithRawResponse

        return ConnectorsResourceWithRawResponse(self._resource.connectors)


class AsyncMagicResourceWithRawResponse:
    """`AsyncMagicResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: AsyncMagicResource) -> None:
        self._resource = resource

    @cached_property
    def connectors(self) -> AsyncConnectorsResourceWithRawResponse:
        from .connectors import AsyncConnectorsResourceWithRawResponse

        return AsyncConnectorsResourceWithRawResponse(self._resource.connectors)
