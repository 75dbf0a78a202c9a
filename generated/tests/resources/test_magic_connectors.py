"""Tests of `client.magic.connectors`, generated from the spec.

Offline, each run on the sync client and on the async one (`call`): each method, called with
its required arguments and then with every argument, sends the request the spec describes and
reads the reply into its typed result, or into a raw response with its status and headers; path
values are percent-encoded; invalid arguments are refused before anything is sent. Contract
(marked `contract`): Prism accepts each call, and its reply reads into the method's type.
"""

from __future__ import annotations

import pytest

from cloudflare_api import NOT_GIVEN, Cloudflare, InvalidArgumentError
from cloudflare_api.types.magic import Connector
from mock_transport import REQUEST_ID, Call, RecordingTransport

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

UPDATE_ALL_ARGUMENTS = {
    **UPDATE_ARGUMENTS,
    "activated": True,
    "interrupt_window_days_of_week": ["Sunday"],
    "interrupt_window_duration_hours": 1,
    "interrupt_window_embargo_dates": ["interrupt_window_embargo_date"],
    "interrupt_window_hour_of_day": 1,
    "notes": "notes",
    "provision_license": True,
    "timezone": "timezone",
}

EDIT_ARGUMENTS = {"account_id": "023e105f4ecef8ad9ca31a8372d0c353", "connector_id": "connector_id"}

EDIT_ALL_ARGUMENTS = {
    **EDIT_ARGUMENTS,
    "activated": True,
    "interrupt_window_days_of_week": ["Saturday", "Sunday"],
    "interrupt_window_duration_hours": 4,
    "interrupt_window_embargo_dates": ["2025-12-24", "2025-12-25"],
    "interrupt_window_hour_of_day": 2,
    "notes": "Branch office, rack 3",
    "provision_license": True,
    "timezone": "Europe/London",
}


class TestConnectors:
    def test_list(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        result = call(
            lambda client: client.magic.connectors.list("023e105f4ecef8ad9ca31a8372d0c353")
        )
        transport.assert_sent(
            "GET",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors",
            headers={"Authorization": "Bearer test-api-token"},
            content=b"",
        )
        assert isinstance(result, list)
        assert len(result) == 1
        assert isinstance(result[0], Connector)
        assert result[0].id == "id"

    def test_list_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        response = call(
            lambda client: client.magic.connectors.with_raw_response.list(**LIST_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, list)

    def test_list_encodes_path_parameters(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        call(
            lambda client: client.magic.connectors.list(
                **{**LIST_ARGUMENTS, "account_id": "id/with space"}
            )
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "", id="account_id-empty"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
        ],
    )
    def test_list_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(lambda client: client.magic.connectors.list(**{**LIST_ARGUMENTS, argument: value}))
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_get(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = call(
            lambda client: client.magic.connectors.get(
                "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "GET",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id",
            headers={"Authorization": "Bearer test-api-token"},
            content=b"",
        )
        assert isinstance(result, Connector)
        assert result.id == "id"

    def test_get_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        response = call(
            lambda client: client.magic.connectors.with_raw_response.get(**GET_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_get_encodes_path_parameters(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        call(
            lambda client: client.magic.connectors.get(
                **{**GET_ARGUMENTS, "account_id": "id/with space"}
            )
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "", id="account_id-empty"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param("connector_id", "", id="connector_id-empty"),
        ],
    )
    def test_get_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(lambda client: client.magic.connectors.get(**{**GET_ARGUMENTS, argument: value}))
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_update(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = call(
            lambda client: client.magic.connectors.update(
                "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "PUT",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id",
            headers={"Authorization": "Bearer test-api-token"},
            json={},
        )
        assert isinstance(result, Connector)
        assert result.id == "id"

    def test_update_with_every_argument(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = call(lambda client: client.magic.connectors.update(**UPDATE_ALL_ARGUMENTS))
        transport.assert_sent(
            "PUT",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id",
            json={
                "activated": True,
                "interrupt_window_days_of_week": ["Sunday"],
                "interrupt_window_duration_hours": 1,
                "interrupt_window_embargo_dates": ["interrupt_window_embargo_date"],
                "interrupt_window_hour_of_day": 1,
                "notes": "notes",
                "provision_license": True,
                "timezone": "timezone",
            },
        )
        assert isinstance(result, Connector)

    def test_update_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        response = call(
            lambda client: client.magic.connectors.with_raw_response.update(**UPDATE_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_update_encodes_path_parameters(
        self, call: Call, transport: RecordingTransport
    ) -> None:
        transport.reply(200, GET_RESPONSE)
        call(
            lambda client: client.magic.connectors.update(
                **{**UPDATE_ARGUMENTS, "account_id": "id/with space"}
            )
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "", id="account_id-empty"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param("connector_id", "", id="connector_id-empty"),
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
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.magic.connectors.update(
                    **{**UPDATE_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_edit(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = call(
            lambda client: client.magic.connectors.edit(
                "connector_id", account_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "PATCH",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id",
            headers={"Authorization": "Bearer test-api-token"},
            json={},
        )
        assert isinstance(result, Connector)
        assert result.id == "id"

    def test_edit_with_every_argument(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        result = call(lambda client: client.magic.connectors.edit(**EDIT_ALL_ARGUMENTS))
        transport.assert_sent(
            "PATCH",
            "/accounts/023e105f4ecef8ad9ca31a8372d0c353/magic/connectors/connector_id",
            json={
                "activated": True,
                "interrupt_window_days_of_week": ["Saturday", "Sunday"],
                "interrupt_window_duration_hours": 4,
                "interrupt_window_embargo_dates": ["2025-12-24", "2025-12-25"],
                "interrupt_window_hour_of_day": 2,
                "notes": "Branch office, rack 3",
                "provision_license": True,
                "timezone": "Europe/London",
            },
        )
        assert isinstance(result, Connector)

    def test_edit_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        response = call(
            lambda client: client.magic.connectors.with_raw_response.edit(**EDIT_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, Connector)

    def test_edit_encodes_path_parameters(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, GET_RESPONSE)
        call(
            lambda client: client.magic.connectors.edit(
                **{**EDIT_ARGUMENTS, "account_id": "id/with space"}
            )
        )
        assert transport.request.path == "/accounts/id%2Fwith%20space/magic/connectors/connector_id"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("account_id", NOT_GIVEN, id="account_id-missing"),
            pytest.param("account_id", "", id="account_id-empty"),
            pytest.param("account_id", "x" * 33, id="account_id-longer-than-32"),
            pytest.param("connector_id", NOT_GIVEN, id="connector_id-missing"),
            pytest.param("connector_id", "", id="connector_id-empty"),
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
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(lambda client: client.magic.connectors.edit(**{**EDIT_ARGUMENTS, argument: value}))
        assert raised.value.argument == argument
        assert transport.sent == []


@pytest.mark.contract
class TestConnectorsContract:
    def test_list(self, prism_client: Cloudflare) -> None:
        result = prism_client.magic.connectors.list(**LIST_ARGUMENTS)
        assert isinstance(result, list)

    def test_get(self, prism_client: Cloudflare) -> None:
        result = prism_client.magic.connectors.get(**GET_ARGUMENTS)
        assert isinstance(result, Connector)

    @pytest.mark.parametrize(
        "arguments",
        [
            pytest.param(UPDATE_ARGUMENTS, id="required"),
            pytest.param(UPDATE_ALL_ARGUMENTS, id="every"),
        ],
    )
    def test_update(self, prism_client: Cloudflare, arguments: dict[str, object]) -> None:
        result = prism_client.magic.connectors.update(**arguments)
        assert isinstance(result, Connector)

    @pytest.mark.parametrize(
        "arguments",
        [pytest.param(EDIT_ARGUMENTS, id="required"), pytest.param(EDIT_ALL_ARGUMENTS, id="every")],
    )
    def test_edit(self, prism_client: Cloudflare, arguments: dict[str, object]) -> None:
        result = prism_client.magic.connectors.edit(**arguments)
        assert isinstance(result, Connector)
