"""Base classes of the generated resources: each holds the client and forwards calls to it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar, Unpack

from ._endpoint import Endpoint
from ._types import RequestOptions

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient
    from ._pagination import AsyncPage, SyncPage

__all__ = ["AsyncAPIResource", "SyncAPIResource"]

T = TypeVar("T")


class SyncAPIResource:
    """A group of operations on the synchronous client: `client.magic.connectors`."""

    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def _request(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> T:
        return self._client.request(endpoint, arguments, **options)

    def _request_page(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> SyncPage[T]:
        return self._client.request_page(endpoint, arguments, **options)


class AsyncAPIResource:
    """A group of operations on the asynchronous client: `client.magic.connectors`."""

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def _request(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> T:
        return await self._client.request(endpoint, arguments, **options)

    async def _request_page(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> AsyncPage[T]:
        return await self._client.request_page(endpoint, arguments, **options)
