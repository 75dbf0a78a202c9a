"""Pages of a list operation, iterable across every page.

Cloudflare pages by number: each response carries `result_info` with the page number and, on
most endpoints, `total_pages` or `total_count`. Iteration asks for the next page number until
one of these says it is done:

- a page comes back empty;
- the page just read is the last by `total_pages`, or the items seen reach `total_count`;
- a page repeats the previous page's items (an endpoint that ignores the page argument);
- the response has no `result_info`, or the operation has no page argument: a single page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

from ._endpoint import Endpoint
from ._models import ResultInfo
from ._types import RequestOptions

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncPage", "SyncPage"]

T = TypeVar("T")


class _BasePage(Generic[T]):
    """What both page classes share: the items and deciding which page comes next."""

    items: list[T]
    """This page's items."""
    result_info: ResultInfo | None
    """This page's `result_info`, when the response has one."""

    def __init__(
        self,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        options: RequestOptions,
        items: list[T],
        result_info: ResultInfo | None,
    ) -> None:
        self.items = items
        self.result_info = result_info
        self._endpoint = endpoint
        self._arguments = arguments
        self._options = options
        self._items_before = 0

    def _next_page_arguments(self) -> dict[str, object] | None:
        """The arguments for the next page, or None when this page is the last."""
        info = self.result_info
        page_argument = self._endpoint.page_argument
        if not self.items or info is None:
            return None
        if not any(name == page_argument for name, _, _ in self._endpoint.arguments):
            return None
        current = info.page
        if current is None:
            given = self._arguments.get(page_argument)
            current = given if isinstance(given, int) else 1
        if info.total_pages is not None and current >= info.total_pages:
            return None
        items_seen = self._items_before + len(self.items)
        if info.total_count is not None and items_seen >= info.total_count:
            return None
        return {**self._arguments, page_argument: current + 1}

    def _follows(self, previous: _BasePage[T]) -> bool:
        """Record that this page comes after `previous`; False when it only repeats it."""
        self._items_before = previous._items_before + len(previous.items)
        return self.items != previous.items

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.items)} result_info={self.result_info!r}>"


class SyncPage(_BasePage[T]):
    """One page of results; iterating it yields the items of this page and all later ones.

    ```python
    for connector in client.magic.connectors.list(account_id="..."):
        ...
    ```
    """

    def __init__(
        self,
        client: SyncAPIClient,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        options: RequestOptions,
        items: list[T],
        result_info: ResultInfo | None,
    ) -> None:
        super().__init__(endpoint, arguments, options, items, result_info)
        self._client = client

    def next_page(self) -> SyncPage[T] | None:
        """Fetch the page after this one, or return None when this is the last."""
        arguments = self._next_page_arguments()
        if arguments is None:
            return None
        page = self._client.request_page(self._endpoint, arguments, **self._options)
        return page if page._follows(self) else None

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """Yield this page, then each following page as it is fetched."""
        page: SyncPage[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_BasePage[T]):
    """One page of results; `async for` over it yields the items of this page and all later ones.

    ```python
    async for connector in await client.magic.connectors.list(account_id="..."):
        ...
    ```
    """

    def __init__(
        self,
        client: AsyncAPIClient,
        endpoint: Endpoint[T],
        arguments: Mapping[str, object],
        options: RequestOptions,
        items: list[T],
        result_info: ResultInfo | None,
    ) -> None:
        super().__init__(endpoint, arguments, options, items, result_info)
        self._client = client

    async def next_page(self) -> AsyncPage[T] | None:
        """Fetch the page after this one, or return None when this is the last."""
        arguments = self._next_page_arguments()
        if arguments is None:
            return None
        page = await self._client.request_page(self._endpoint, arguments, **self._options)
        return page if page._follows(self) else None

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """Yield this page, then each following page as it is fetched."""
        page: AsyncPage[T] | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item
