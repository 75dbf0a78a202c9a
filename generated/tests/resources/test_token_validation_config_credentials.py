"""Tests of `client.token_validation.config.credentials`, generated from the spec.

Offline, each run on the sync client and on the async one (`call`): each method, called with
its required arguments and then with every argument, sends the request the spec describes and
reads the reply into its typed result, or into a raw response with its status and headers; path
values are percent-encoded; invalid arguments are refused before anything is sent. Contract
(marked `contract`): Prism accepts each call, and its reply reads into the method's type.
"""

from __future__ import annotations

import pytest

from cloudflare_api import NOT_GIVEN, Cloudflare, InvalidArgumentError
from cloudflare_api.types.token_validation import JwkEc
from mock_transport import REQUEST_ID, Call, RecordingTransport

UPDATE_ARGUMENTS = {
    "zone_id": "023e105f4ecef8ad9ca31a8372d0c353",
    "config_id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
    "keys": [
        {
            "alg": "ES256",
            "crv": "P-256",
            "kid": "38013f13-c266-4eec-a72a-92ec92779f21",
            "kty": "EC",
            "x": "KN53JRwN3wCjm2o39bvZUX2VdrsHzS8pxOAGjm8m7EQ",
            "y": "lnkkzIxaveggz-HFhcMWW15nxvOj0Z_uQsXbpK0GFcY",
        }
    ],
}

UPDATE_RESPONSE = {
    "errors": [
        {
            "code": 1000,
            "message": "message",
            "documentation_url": "documentation_url",
            "source": {"pointer": "pointer"},
        }
    ],
    "keys": [
        {
            "alg": "ES256",
            "crv": "P-256",
            "kid": "38013f13-c266-4eec-a72a-92ec92779f21",
            "kty": "EC",
            "x": "KN53JRwN3wCjm2o39bvZUX2VdrsHzS8pxOAGjm8m7EQ",
            "y": "lnkkzIxaveggz-HFhcMWW15nxvOj0Z_uQsXbpK0GFcY",
        }
    ],
    "messages": [
        {
            "code": 1000,
            "message": "message",
            "documentation_url": "documentation_url",
            "source": {"pointer": "pointer"},
        }
    ],
    "success": True,
}


class TestCredentials:
    def test_update(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        result = call(
            lambda client: client.token_validation.config.credentials.update(
                "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
                zone_id="023e105f4ecef8ad9ca31a8372d0c353",
                keys=[
                    {
                        "alg": "ES256",
                        "crv": "P-256",
                        "kid": "38013f13-c266-4eec-a72a-92ec92779f21",
                        "kty": "EC",
                        "x": "KN53JRwN3wCjm2o39bvZUX2VdrsHzS8pxOAGjm8m7EQ",
                        "y": "lnkkzIxaveggz-HFhcMWW15nxvOj0Z_uQsXbpK0GFcY",
                    }
                ],
            )
        )
        transport.assert_sent(
            "PUT",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7/credentials",
            headers={"Authorization": "Bearer test-api-token"},
            json={
                "keys": [
                    {
                        "alg": "ES256",
                        "crv": "P-256",
                        "kid": "38013f13-c266-4eec-a72a-92ec92779f21",
                        "kty": "EC",
                        "x": "KN53JRwN3wCjm2o39bvZUX2VdrsHzS8pxOAGjm8m7EQ",
                        "y": "lnkkzIxaveggz-HFhcMWW15nxvOj0Z_uQsXbpK0GFcY",
                    }
                ]
            },
        )
        assert isinstance(result, list)
        assert len(result) == 1
        assert isinstance(result[0], JwkEc)
        assert result[0].alg == "ES256"

    def test_update_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        response = call(
            lambda client: client.token_validation.config.credentials.with_raw_response.update(
                **UPDATE_ARGUMENTS
            )
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, list)

    def test_update_encodes_path_parameters(
        self, call: Call, transport: RecordingTransport
    ) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        call(
            lambda client: client.token_validation.config.credentials.update(
                **{**UPDATE_ARGUMENTS, "zone_id": "id/with space"}
            )
        )
        assert (
            transport.request.path
            == "/zones/id%2Fwith%20space/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7/credentials"
        )

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "", id="zone_id-empty"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("config_id", NOT_GIVEN, id="config_id-missing"),
            pytest.param("config_id", "", id="config_id-empty"),
            pytest.param("keys", NOT_GIVEN, id="keys-missing"),
            pytest.param("keys", [], id="keys-fewer-than-1-items"),
        ],
    )
    def test_update_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.token_validation.config.credentials.update(
                    **{**UPDATE_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []


@pytest.mark.contract
class TestCredentialsContract:
    def test_update(self, prism_client: Cloudflare) -> None:
        result = prism_client.token_validation.config.credentials.update(**UPDATE_ARGUMENTS)
        assert isinstance(result, list)
