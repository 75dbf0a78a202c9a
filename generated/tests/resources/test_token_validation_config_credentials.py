"""Tests of `client.token_validation.config.credentials`, generated from the spec.

Offline, sync and async: each method, called with its required arguments and then with every
argument, sends the request the spec describes and reads the reply into its typed result;
invalid arguments are refused before anything is sent. Contract (marked `contract`): Prism
accepts each call.
"""

from __future__ import annotations

import pytest

from cloudflare_api import NOT_GIVEN, AsyncCloudflare, Cloudflare, InvalidArgumentError
from cloudflare_api.types.token_validation import JwkEc
from mock_transport import REQUEST_ID, RecordingTransport

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
    def test_update(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        result = client.token_validation.config.credentials.update(
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
        sent = transport.request
        assert sent.method == "PUT"
        assert (
            sent.path
            == "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7/credentials"
        )
        assert sent.query == {}
        assert sent.json == {
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
        }
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, list)
        assert len(result) == 1
        assert isinstance(result[0], JwkEc)
        assert result[0].alg == "ES256"

    def test_update_raw_response(self, client: Cloudflare, transport: RecordingTransport) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        response = client.token_validation.config.credentials.with_raw_response.update(
            **UPDATE_ARGUMENTS
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, list)

    def test_update_encodes_path_parameters(
        self, client: Cloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        client.token_validation.config.credentials.update(
            **{**UPDATE_ARGUMENTS, "zone_id": "id/with space"}
        )
        assert (
            transport.request.path
            == "/zones/id%2Fwith%20space/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7/credentials"
        )

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("config_id", NOT_GIVEN, id="config_id-missing"),
            pytest.param("keys", NOT_GIVEN, id="keys-missing"),
            pytest.param("keys", [], id="keys-fewer-than-1-items"),
        ],
    )
    def test_update_rejects_invalid_argument(
        self, client: Cloudflare, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            client.token_validation.config.credentials.update(
                **{**UPDATE_ARGUMENTS, argument: value}
            )
        assert raised.value.argument == argument
        assert transport.sent == []


class TestAsyncCredentials:
    pytestmark = pytest.mark.asyncio

    async def test_update(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        result = await async_client.token_validation.config.credentials.update(
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
        sent = transport.request
        assert sent.method == "PUT"
        assert (
            sent.path
            == "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7/credentials"
        )
        assert sent.query == {}
        assert sent.json == {
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
        }
        assert sent.headers["Authorization"] == "Bearer test-api-token"
        assert isinstance(result, list)
        assert len(result) == 1
        assert isinstance(result[0], JwkEc)
        assert result[0].alg == "ES256"

    async def test_update_raw_response(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        response = await async_client.token_validation.config.credentials.with_raw_response.update(
            **UPDATE_ARGUMENTS
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, list)

    async def test_update_encodes_path_parameters(
        self, async_client: AsyncCloudflare, transport: RecordingTransport
    ) -> None:
        transport.reply(200, UPDATE_RESPONSE)
        await async_client.token_validation.config.credentials.update(
            **{**UPDATE_ARGUMENTS, "zone_id": "id/with space"}
        )
        assert (
            transport.request.path
            == "/zones/id%2Fwith%20space/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7/credentials"
        )

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("config_id", NOT_GIVEN, id="config_id-missing"),
            pytest.param("keys", NOT_GIVEN, id="keys-missing"),
            pytest.param("keys", [], id="keys-fewer-than-1-items"),
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
            await async_client.token_validation.config.credentials.update(
                **{**UPDATE_ARGUMENTS, argument: value}
            )
        assert raised.value.argument == argument
        assert transport.sent == []


@pytest.mark.contract
class TestCredentialsContract:
    def test_update(self, prism_client: Cloudflare) -> None:
        response = prism_client.token_validation.config.credentials.with_raw_response.update(
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
        assert 200 <= response.status_code < 300
        parsed = response.parse()
        assert isinstance(parsed, list)
