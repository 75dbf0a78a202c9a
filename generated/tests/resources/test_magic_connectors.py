"""Tests of `client.magic.connectors`, generated from the spec.

Offline, sync and async: each method, called with its required arguments and then with every
argument, sends the request the spec describes and reads the reply into its typed result;
invalid arguments are refused before anything is sent. Contract (marked `contract`): Prism
accepts each call.
"""

from __future__ import annotations

import pytest

from cloudflare_api import NOT_GIVEN, AsyncCloudflare, Cloudflare, InvalidArgumentError
from cloudflare_api.types.magic import Connector
from mock_transport import REQUEST_ID, RecordingTransport

LIST_ARGUMENTS = {"account_id": "023e105f4ecef8ad9ca31a8372d0c353"}

LIST_RESPONSE = {
    "errors": [],
    "messages": [],
    "result": [
        {
            "id": "id",
            "activated": True,
            "interrupt_window_days_of_week": ["Sunday"],
            "interrupt_window_duration_hours": 1,
            "interrupt_window_embargo_dates": ["string"],
            "interrupt_window_hour_of_day": 0,
            "last_updated": "last_updated",
            "notes": "notes",
            "timezone": "timezone",
            "device": {"id": "id", "serial_number": "serial_number"},
            "last_heartbeat": "last_heartbeat",
            "last_seen_version": "last_seen_version",
            "license_key": "license_key",
        }
    ],
    "success": True,
}

GET_ARGUMENTS = {"account_id": "023e105f4ecef8ad9ca31a8372d0c353", "connector_id": "connector_id"}

GET_RESPONSE = {
    "errors": [],
    "messages": [{"code": 0, "message": "message"}],
    "result": {
        "id": "id",
        "activated": True,
        "interrupt_window_days_of_week": ["Sunday"],
        "interrupt_window_duration_hours": 1,
        "interrupt_window_embargo_dates": ["string"],
        "interrupt_window_hour_of_day": 0,
        "last_updated": "last_updated",
        "notes": "notes",
        "timezone": "timezone",
        "device": {"id": "id", "serial_number": "serial_number"},
        "last_heartbeat": "last_heartbeat",
        "last_seen_version": "last_seen_version",
        "license_key": "license_key",
    },
    "success": True,
}

UPDATE_ARGUMENTS = {
    "account_id": "023e105f4ecef8ad9ca31a8372d0c353",
    "connector_id": "connector_id",
}

EDIT_ARGUMENTS = {"account_id": "023e105f4ecef8ad9ca31a8372d0c353", "connector_id": "connector_id"}


class TestConnectors:
    def test_list(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        result = client.magic.connectors.list("023e105f4ecef8ad9ca31a8372d0c353")
        sent = transport.request
        assert sent.method == "GET"
        assert sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors"
        assert sent.query == {}
        assert sent.content == b""
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, list)
        assert len(result) == 1
        assert isinstance(result[0], Connector)
        assert result[0].id == "id"

    def test_list_raw_response(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        response = client.magic.connectors.with_raw_response.list(**LIST_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, list)

    def test_list_encodes_path_parameters(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, LIST_RESPONSE)
        client.magic.connectors.list(**{**LIST_ARGUMENTS, "account_id": "id/with space"})
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
        ],
    )
    def test_list_rejects_invalid_argument(
        self, client: Cloudflare, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            client.magic.connectors.list(**{**LIST_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_get(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = client.magic.connectors.get(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        sent = transport.request
        assert sent.method == "GET"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.content == b""
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, Connector)
        assert result.id == "id"

    def test_get_raw_response(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        response = client.magic.connectors.with_raw_response.get(**GET_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_get_encodes_path_parameters(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        client.magic.connectors.get(**{**GET_ARGUMENTS, "account_id": "id/with space"})
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
        ],
    )
    def test_get_rejects_invalid_argument(
        self, client: Cloudflare, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            client.magic.connectors.get(**{**GET_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_update(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = client.magic.connectors.update(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        sent = transport.request
        assert sent.method == "PUT"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {}
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, Connector)
        assert result.id == "id"

    def test_update_with_every_argument(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        result = client.magic.connectors.update(
            "connector_id",
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            activated=True,
            interrupt_window_days_of_week=["Sunday"],
            interrupt_window_duration_hours=1,
            interrupt_window_embargo_dates=["interrupt_window_embargo_date"],
            interrupt_window_hour_of_day=1,
            notes="notes",
            provision_license=True,
            timezone="timezone",
        )
        sent = transport.request
        assert sent.method == "PUT"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {
            "activated": True,
            "interrupt_window_days_of_week": ["Sunday"],
            "interrupt_window_duration_hours": 1,
            "interrupt_window_embargo_dates": ["interrupt_window_embargo_date"],
            "interrupt_window_hour_of_day": 1,
            "notes": "notes",
            "provision_license": True,
            "timezone": "timezone",
        }
        assert isinstance(result, Connector)

    def test_update_raw_response(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        response = client.magic.connectors.with_raw_response.update(**UPDATE_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_update_encodes_path_parameters(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        client.magic.connectors.update(**{**UPDATE_ARGUMENTS, "account_id": "id/with space"})
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param(
                "interrupt_window_days_of_week",
                ["not-a-member"],
                id="interrupt_window_days_of_week-item-not-a-member",
            ),
            pytest.param(
                "interrupt_window_duration_hours", 0, id="interrupt_window_duration_hours-below-1"
            ),
            pytest.param(
                "interrupt_window_duration_hours", 25, id="interrupt_window_duration_hours-above-24"
            ),
        ],
    )
    def test_update_rejects_invalid_argument(
        self, client: Cloudflare, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            client.magic.connectors.update(**{**UPDATE_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_edit(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = client.magic.connectors.edit(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        sent = transport.request
        assert sent.method == "PATCH"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {}
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, Connector)
        assert result.id == "id"

    def test_edit_with_every_argument(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        result = client.magic.connectors.edit(
            "connector_id",
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            activated=True,
            interrupt_window_days_of_week=["Saturday", "Sunday"],
            interrupt_window_duration_hours=4,
            interrupt_window_embargo_dates=["2025-12-24", "2025-12-25"],
            interrupt_window_hour_of_day=2,
            notes="Branch office, rack 3",
            provision_license=True,
            timezone="Europe/London",
        )
        sent = transport.request
        assert sent.method == "PATCH"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {
            "activated": True,
            "interrupt_window_days_of_week": ["Saturday", "Sunday"],
            "interrupt_window_duration_hours": 4,
            "interrupt_window_embargo_dates": ["2025-12-24", "2025-12-25"],
            "interrupt_window_hour_of_day": 2,
            "notes": "Branch office, rack 3",
            "provision_license": True,
            "timezone": "Europe/London",
        }
        assert isinstance(result, Connector)

    def test_edit_raw_response(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        response = client.magic.connectors.with_raw_response.edit(**EDIT_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_edit_encodes_path_parameters(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        client.magic.connectors.edit(**{**EDIT_ARGUMENTS, "account_id": "id/with space"})
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param(
                "interrupt_window_days_of_week",
                ["not-a-member"],
                id="interrupt_window_days_of_week-item-not-a-member",
            ),
            pytest.param(
                "interrupt_window_duration_hours", 0, id="interrupt_window_duration_hours-below-1"
            ),
            pytest.param(
                "interrupt_window_duration_hours", 25, id="interrupt_window_duration_hours-above-24"
            ),
        ],
    )
    def test_edit_rejects_invalid_argument(
        self, client: Cloudflare, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            client.magic.connectors.edit(**{**EDIT_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []


class TestAsyncConnectors:
    pytestmark = pytest.mark.asyncio

    async def test_list(self, async_client: AsyncCloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        result = await async_client.magic.connectors.list("023e105f4ecef8ad9ca31a8372d0c353")
        sent = transport.request
        assert sent.method == "GET"
        assert sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors"
        assert sent.query == {}
        assert sent.content == b""
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, list)
        assert len(result) == 1
        assert isinstance(result[0], Connector)
        assert result[0].id == "id"

    async def test_list_raw_response(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, LIST_RESPONSE)
        response = await async_client.magic.connectors.with_raw_response.list(**LIST_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, list)

    async def test_list_encodes_path_parameters(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, LIST_RESPONSE)
        await async_client.magic.connectors.list(
            **{**LIST_ARGUMENTS, "account_id": "id/with space"}
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
        ],
    )
    async def test_list_rejects_invalid_argument(
        self,
        async_client: AsyncCloudflare,
        transport: RecordingTransport,
        argument: str,
        value: object,
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            await async_client.magic.connectors.list(**{**LIST_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []

    async def test_get(self, async_client: AsyncCloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = await async_client.magic.connectors.get(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        sent = transport.request
        assert sent.method == "GET"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.content == b""
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, Connector)
        assert result.id == "id"

    async def test_get_raw_response(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        response = await async_client.magic.connectors.with_raw_response.get(**GET_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    async def test_get_encodes_path_parameters(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        await async_client.magic.connectors.get(**{**GET_ARGUMENTS, "account_id": "id/with space"})
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
        ],
    )
    async def test_get_rejects_invalid_argument(
        self,
        async_client: AsyncCloudflare,
        transport: RecordingTransport,
        argument: str,
        value: object,
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            await async_client.magic.connectors.get(**{**GET_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []

    async def test_update(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        result = await async_client.magic.connectors.update(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        sent = transport.request
        assert sent.method == "PUT"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {}
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, Connector)
        assert result.id == "id"

    async def test_update_with_every_argument(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        result = await async_client.magic.connectors.update(
            "connector_id",
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            activated=True,
            interrupt_window_days_of_week=["Sunday"],
            interrupt_window_duration_hours=1,
            interrupt_window_embargo_dates=["interrupt_window_embargo_date"],
            interrupt_window_hour_of_day=1,
            notes="notes",
            provision_license=True,
            timezone="timezone",
        )
        sent = transport.request
        assert sent.method == "PUT"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {
            "activated": True,
            "interrupt_window_days_of_week": ["Sunday"],
            "interrupt_window_duration_hours": 1,
            "interrupt_window_embargo_dates": ["interrupt_window_embargo_date"],
            "interrupt_window_hour_of_day": 1,
            "notes": "notes",
            "provision_license": True,
            "timezone": "timezone",
        }
        assert isinstance(result, Connector)

    async def test_update_raw_response(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        response = await async_client.magic.connectors.with_raw_response.update(**UPDATE_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    async def test_update_encodes_path_parameters(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        await async_client.magic.connectors.update(
            **{**UPDATE_ARGUMENTS, "account_id": "id/with space"}
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param(
                "interrupt_window_days_of_week",
                ["not-a-member"],
                id="interrupt_window_days_of_week-item-not-a-member",
            ),
            pytest.param(
                "interrupt_window_duration_hours", 0, id="interrupt_window_duration_hours-below-1"
            ),
            pytest.param(
                "interrupt_window_duration_hours", 25, id="interrupt_window_duration_hours-above-24"
            ),
        ],
    )
    async def test_update_rejects_invalid_argument(
        self,
        async_client: AsyncCloudflare,
        transport: RecordingTransport,
        argument: str,
        value: object,
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            await async_client.magic.connectors.update(**{**UPDATE_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []

    async def test_edit(self, async_client: AsyncCloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = await async_client.magic.connectors.edit(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        sent = transport.request
        assert sent.method == "PATCH"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {}
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, Connector)
        assert result.id == "id"

    async def test_edit_with_every_argument(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        result = await async_client.magic.connectors.edit(
            "connector_id",
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            activated=True,
            interrupt_window_days_of_week=["Saturday", "Sunday"],
            interrupt_window_duration_hours=4,
            interrupt_window_embargo_dates=["2025-12-24", "2025-12-25"],
            interrupt_window_hour_of_day=2,
            notes="Branch office, rack 3",
            provision_license=True,
            timezone="Europe/London",
        )
        sent = transport.request
        assert sent.method == "PATCH"
        assert (
            sent.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id"
        )
        assert sent.query == {}
        assert sent.json == {
            "activated": True,
            "interrupt_window_days_of_week": ["Saturday", "Sunday"],
            "interrupt_window_duration_hours": 4,
            "interrupt_window_embargo_dates": ["2025-12-24", "2025-12-25"],
            "interrupt_window_hour_of_day": 2,
            "notes": "Branch office, rack 3",
            "provision_license": True,
            "timezone": "Europe/London",
        }
        assert isinstance(result, Connector)

    async def test_edit_raw_response(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        response = await async_client.magic.connectors.with_raw_response.edit(**EDIT_ARGUMENTS)
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    async def test_edit_encodes_path_parameters(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        await async_client.magic.connectors.edit(
            **{**EDIT_ARGUMENTS, "account_id": "id/with space"}
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param(
                "interrupt_window_days_of_week",
                ["not-a-member"],
                id="interrupt_window_days_of_week-item-not-a-member",
            ),
            pytest.param(
                "interrupt_window_duration_hours", 0, id="interrupt_window_duration_hours-below-1"
            ),
            pytest.param(
                "interrupt_window_duration_hours", 25, id="interrupt_window_duration_hours-above-24"
            ),
        ],
    )
    async def test_edit_rejects_invalid_argument(
        self,
        async_client: AsyncCloudflare,
        transport: RecordingTransport,
        argument: str,
        value: object,
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            await async_client.magic.connectors.edit(**{**EDIT_ARGUMENTS, argument: value})
        assert raised.value.argument == argument
        assert transport.sent == []


@pytest.mark.contract
class TestConnectorsContract:
    def test_list(self, prism_client: Cloudflare) -> None:
        response = prism_client.magic.connectors.with_raw_response.list(
            "023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, list)

    def test_get(self, prism_client: Cloudflare) -> None:
        response = prism_client.magic.connectors.with_raw_response.get(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_update(self, prism_client: Cloudflare) -> None:
        response = prism_client.magic.connectors.with_raw_response.update(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_update_with_every_argument(self, prism_client: Cloudflare) -> None:
        response = prism_client.magic.connectors.with_raw_response.update(
            "connector_id",
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            activated=True,
            interrupt_window_days_of_week=["Sunday"],
            interrupt_window_duration_hours=1,
            interrupt_window_embargo_dates=["interrupt_window_embargo_date"],
            interrupt_window_hour_of_day=1,
            notes="notes",
            provision_license=True,
            timezone="timezone",
        )
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_edit(self, prism_client: Cloudflare) -> None:
        response = prism_client.magic.connectors.with_raw_response.edit(
            "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_edit_with_every_argument(self, prism_client: Cloudflare) -> None:
        response = prism_client.magic.connectors.with_raw_response.edit(
            "connector_id",
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            activated=True,
            interrupt_window_days_of_week=["Saturday", "Sunday"],
            interrupt_window_duration_hours=4,
            interrupt_window_embargo_dates=["2025-12-24", "2025-12-25"],
            interrupt_window_hour_of_day=2,
            notes="Branch office, rack 3",
            provision_license=True,
            timezone="Europe/London",
        )
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, Connector)
