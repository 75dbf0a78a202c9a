"""`with_raw_response`: the response before parsing, for headers, status and envelope messages."""

from __future__ import annotations

import httpx
import pytest
from runtime_fakes import Connector, FakeAPI, envelope

from generator.runtime._exceptions import NotFoundError
from generator.runtime._models import ErrorDetail, ResultInfo
from generator.runtime._response import APIResponse, raw_response_requested

CONNECTOR = {"id": "c1", "activated": True}


def test_raw_response_exposes_status_headers_and_envelope() -> None:
    api = FakeAPI(
        envelope(
            CONNECTOR,
            messages=[{"code": 10000, "message": "Connector will restart"}],
            status_code=201,
            headers={"cf-ray": "ray-9", "X-RateLimit-Remaining": "99"},
        )
    )
    with api.client() as client:
        response = client.connectors.with_raw_response.update("c1", account_id="a1", activated=True)

        assert isinstance(response, APIResponse)
        assert response.status_code == 201
        assert response.headers["x-ratelimit-remaining"] == "99"
        assert response.request_id == "ray-9"
        assert response.http_response.request.method == "PUT"
        assert response.envelope.success is True
        assert response.envelope.errors == []
        assert response.envelope.messages == [
            ErrorDetail(code=10000, message="Connector will restart")
        ]
        assert response.parse() == Connector(id="c1", activated=True)
        assert repr(response).startswith("<APIResponse [201] PUT https://api.test/")

        # The flag is gone once the raw call returns.
        assert raw_response_requested() is False
        assert client.connectors.update("c1", account_id="a1") == Connector(id="c1", activated=True)


def test_raw_response_of_a_list_parses_to_a_page() -> None:
    api = FakeAPI(
        envelope([{"id": "a"}], result_info={"page": 1, "per_page": 20, "total_pages": 1})
    )
    with api.client() as client:
        response = client.connectors.with_raw_response.list(account_id="a1")

    assert response.envelope.result_info == ResultInfo(page=1, per_page=20, total_pages=1)
    assert [connector.id for connector in response.parse()] == ["a"]


def test_raw_response_still_raises_errors() -> None:
    api = FakeAPI(
        envelope(success=False, errors=[{"code": 7003, "message": "nope"}], status_code=404)
    )
    with api.client() as client, pytest.raises(NotFoundError):
        client.connectors.with_raw_response.update("c1", account_id="a1")


def test_envelope_of_a_body_without_one_is_empty() -> None:
    response: APIResponse[None] = APIResponse(
        httpx.Response(200), ["not", "an envelope"], lambda: None
    )

    assert response.envelope.success is None
    assert response.envelope.messages == []
    assert response.envelope.result_info is None


async def test_async_raw_response() -> None:
    api = FakeAPI(envelope(CONNECTOR, headers={"cf-ray": "ray-async"}))
    async with api.async_client() as client:
        response = await client.connectors.with_raw_response.update("c1", account_id="a1")

    assert response.request_id == "ray-async"
    assert response.parse() == Connector(id="c1", activated=True)
    assert raw_response_requested() is False
