"""Pages: iterating across all of them, and every way iteration knows to stop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest
from runtime_fakes import Connector, FakeAPI, envelope

from generator.runtime._endpoint import Endpoint
from generator.runtime._models import ResultInfo

Answer = Callable[[httpx.Request], httpx.Response]


def items(*ids: str) -> list[dict[str, object]]:
    return [{"id": id_} for id_ in ids]


def pages(*contents: list[dict[str, object]], **result_info: int) -> Answer:
    """Answer each list request with the page it asks for (1-based); past the last, empty."""

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page", "1"))
        result = contents[number - 1] if number <= len(contents) else []
        info = {"page": number, "per_page": 2, "count": len(result), **result_info}
        return envelope(result, result_info=info)

    return answer


def requested_pages(api: FakeAPI) -> list[str | None]:
    return [request.url.params.get("page") for request in api.requests]


@dataclass(frozen=True)
class Stop:
    answer: Answer
    ids: list[str]
    requested: list[str | None]


STOPS = {
    "empty page": Stop(
        pages(items("a", "b"), items("c", "d")), ["a", "b", "c", "d"], [None, "2", "3"]
    ),
    "last page by total_pages": Stop(
        pages(items("a", "b"), items("c", "d"), items("e"), total_pages=2),
        ["a", "b", "c", "d"],
        [None, "2"],
    ),
    "all items seen by total_count": Stop(
        pages(items("a", "b"), items("c", "d"), items("e"), total_count=4),
        ["a", "b", "c", "d"],
        [None, "2"],
    ),
    "repeated page": Stop(
        lambda request: envelope(items("a", "b"), result_info={"page": 1, "per_page": 2}),
        ["a", "b"],
        [None, "2"],
    ),
    "no result_info": Stop(lambda request: envelope(items("a", "b")), ["a", "b"], [None]),
}


@pytest.mark.parametrize("stop", STOPS.values(), ids=STOPS.keys())
def test_iteration_crosses_pages_and_stops(stop: Stop) -> None:
    api = FakeAPI(stop.answer)
    with api.client() as client:
        ids = [connector.id for connector in client.connectors.list(account_id="a1")]

    assert ids == stop.ids
    assert requested_pages(api) == stop.requested


@pytest.mark.parametrize("stop", STOPS.values(), ids=STOPS.keys())
async def test_async_iteration_crosses_pages_and_stops(stop: Stop) -> None:
    api = FakeAPI(stop.answer)
    async with api.async_client() as client:
        page = await client.connectors.list(account_id="a1")
        ids = [connector.id async for connector in page]

    assert ids == stop.ids
    assert requested_pages(api) == stop.requested


def test_first_page_items_and_result_info() -> None:
    api = FakeAPI(pages(items("a", "b"), items("c"), total_pages=2, total_count=3))
    with api.client() as client:
        page = client.connectors.list(account_id="a1", per_page=2)

    assert page.items == [Connector(id="a"), Connector(id="b")]
    assert page.result_info == ResultInfo(page=1, per_page=2, count=2, total_pages=2, total_count=3)
    assert len(api.requests) == 1


def test_iter_pages_keeps_the_other_arguments_and_starts_from_the_given_page() -> None:
    api = FakeAPI(pages(items("a", "b"), items("c", "d"), items("e"), total_pages=3))
    with api.client() as client:
        first = client.connectors.list(account_id="a1", page=2, per_page=2)
        numbers = [page.result_info.page for page in first.iter_pages() if page.result_info]

    assert numbers == [2, 3]
    assert [request.url.params.get("per_page") for request in api.requests] == ["2", "2"]
    assert {request.url.path for request in api.requests} == {
        "/client/v4/accounts/a1/magic/connectors"
    }


async def test_async_iter_pages() -> None:
    api = FakeAPI(pages(items("a", "b"), items("c"), total_pages=2))
    async with api.async_client() as client:
        first = await client.connectors.list(account_id="a1")
        sizes = [len(page.items) async for page in first.iter_pages()]

    assert sizes == [2, 1]


def test_an_operation_without_a_page_argument_is_a_single_page() -> None:
    endpoint: Endpoint[Connector] = Endpoint(
        "GET", "/connectors", response_type=Connector, paginated=True
    )
    api = FakeAPI(pages(items("a", "b"), items("c")))
    with api.client() as client:
        ids = [connector.id for connector in client.request_page(endpoint, {})]

    assert ids == ["a", "b"]
    assert len(api.requests) == 1
