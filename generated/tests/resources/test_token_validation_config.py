"""Tests of `client.token_validation.config`, generated from the spec.

Offline, each run on the sync client and on the async one (`call`): each method, called with
its required arguments and then with every argument, sends the request the spec describes and
reads the reply into its typed result, or into a raw response with its status and headers; path
values are percent-encoded; invalid arguments are refused before anything is sent. Contract
(marked `contract`): Prism accepts each call, and its reply reads into the method's type.
"""

from __future__ import annotations

import pytest

from cloudflare_api import NOT_GIVEN, Cloudflare, InvalidArgumentError, SyncPage
from cloudflare_api.types.token_validation import (
    TokenConfig,
    TokenValidationConfigDeleteResponseResult,
)
from mock_transport import REQUEST_ID, Call, RecordingTransport

LIST_ARGUMENTS = {"zone_id": "023e105f4ecef8ad9ca31a8372d0c353"}

LIST_ALL_ARGUMENTS = {**LIST_ARGUMENTS, "page": 1, "per_page": 5}

LIST_RESPONSE = {
    "errors": [],
    "messages": [],
    "result": [
        {
            "id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
            "created_at": "2014-01-01T05:20:00.12345Z",
            "credentials": {
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
            "description": "Long description for Token Validation Configuration",
            "last_updated": "2014-01-01T05:20:00.12345Z",
            "title": "Example Token Validation Configuration",
            "token_sources": [
                'http.request.headers["x-auth"][0]',
                'http.request.cookies["Authorization"][0]',
            ],
            "token_type": "JWT",
        },
        {
            "id": "9d41d0ee-3cea-4ba8-8f42-c9ac6b744a20",
            "created_at": "2024-05-02T09:14:27.5Z",
            "credentials": {
                "keys": [
                    {
                        "alg": "RS256",
                        "e": "AQAB",
                        "kid": "6ba6584f-fb4b-4427-b8f8-1c134c4b68c1",
                        "kty": "RSA",
                        "n": "u5-Bg_XS3vwfMRKaLUG67paQJQig7pcB5GAMAa26TrCA1IADmNAu4WBtaVeWk7aurwB4v4FKPN9YAq-oUiByfGgIF1JUHjzVDe5xlLNDe5gtk07g_ZEAXLApP-qSQg-ekiFgm7vzLpo0M0ssr91lUy0Vi8u_kkToP66S48oZjjYaRCKErF7Ky_B7xZas2a9uS-BA8MO8zlOghiX3DRH-TyZSz2dqVHb8P4ympYYsKNsOu0ua6EA8B7s_9NaAJqRu_snh5qkVRjjpOo-Py3VOyK1dC9MnRNSz0rL5w_lgoaRKMxFv34jf0PC8wencCKX1gVELmaVAeRp2MEWzJNRLIQ",
                    }
                ]
            },
            "description": "Tokens issued by the identity provider",
            "last_updated": "2024-05-02T09:14:27.5Z",
            "title": "Identity provider tokens",
            "token_sources": ['http.request.headers["authorization"][0]'],
            "token_type": "JWT",
        },
    ],
    "result_info": {"count": 2, "page": 1, "per_page": 20, "total_count": 2, "total_pages": 1},
    "success": True,
}

CREATE_ARGUMENTS = {
    "zone_id": "023e105f4ecef8ad9ca31a8372d0c353",
    "credentials": {
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
    "description": "Long description for Token Validation Configuration",
    "title": "Example Token Validation Configuration",
    "token_sources": [
        'http.request.headers["x-auth"][0]',
        'http.request.cookies["Authorization"][0]',
    ],
    "token_type": "JWT",
}

CREATE_RESPONSE = {
    "errors": [],
    "messages": [],
    "result": {
        "id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
        "created_at": "2014-01-01T05:20:00.12345Z",
        "credentials": {
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
        "description": "Long description for Token Validation Configuration",
        "last_updated": "2014-01-01T05:20:00.12345Z",
        "title": "Example Token Validation Configuration",
        "token_sources": [
            'http.request.headers["x-auth"][0]',
            'http.request.cookies["Authorization"][0]',
        ],
        "token_type": "JWT",
    },
    "success": True,
}

GET_ARGUMENTS = {
    "zone_id": "023e105f4ecef8ad9ca31a8372d0c353",
    "config_id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
}

EDIT_ARGUMENTS = {
    "zone_id": "023e105f4ecef8ad9ca31a8372d0c353",
    "config_id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
}

EDIT_ALL_ARGUMENTS = {
    **EDIT_ARGUMENTS,
    "description": "Long description for Token Validation Configuration",
    "title": "Header tokens only",
    "token_sources": ['http.request.headers["x-auth"][0]'],
}

DELETE_ARGUMENTS = {
    "zone_id": "023e105f4ecef8ad9ca31a8372d0c353",
    "config_id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
}

DELETE_RESPONSE = {
    "errors": [],
    "messages": [],
    "result": {"id": "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"},
    "success": True,
}


class TestConfig:
    def test_list(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        page = call(
            lambda client: client.token_validation.config.list("023e105f4ecef8ad9ca31a8372d0c353")
        )
        transport.assert_sent(
            "GET",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config",
            headers={"Authorization": "Bearer test-api-token"},
            content=b"",
        )
        assert len(page.items) == 2
        assert isinstance(page.items[0], TokenConfig)
        assert page.items[0].id == "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"

    def test_list_with_every_argument(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        page = call(lambda client: client.token_validation.config.list(**LIST_ALL_ARGUMENTS))
        transport.assert_sent(
            "GET",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config",
            query={"page": "1", "per_page": "5"},
            content=b"",
        )
        assert len(page.items) == 2

    def test_list_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        response = call(
            lambda client: client.token_validation.config.with_raw_response.list(**LIST_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert len(parsed.items) == 2
        assert isinstance(parsed.items[0], TokenConfig)

    def test_list_encodes_path_parameters(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, LIST_RESPONSE)
        call(
            lambda client: client.token_validation.config.list(
                **{**LIST_ARGUMENTS, "zone_id": "id/with space"}
            )
        )
        assert transport.request.path == "/zones/id%2Fwith%20space/token_validation/config"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "", id="zone_id-empty"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("page", 0, id="page-below-1"),
            pytest.param("per_page", 4, id="per_page-below-5"),
            pytest.param("per_page", 51, id="per_page-above-50"),
        ],
    )
    def test_list_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.token_validation.config.list(
                    **{**LIST_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_create(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        result = call(
            lambda client: client.token_validation.config.create(
                "023e105f4ecef8ad9ca31a8372d0c353",
                credentials={
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
                description="Long description for Token Validation Configuration",
                title="Example Token Validation Configuration",
                token_sources=[
                    'http.request.headers["x-auth"][0]',
                    'http.request.cookies["Authorization"][0]',
                ],
                token_type="JWT",
            )
        )
        transport.assert_sent(
            "POST",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config",
            headers={"Authorization": "Bearer test-api-token"},
            json={
                "credentials": {
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
                "description": "Long description for Token Validation Configuration",
                "title": "Example Token Validation Configuration",
                "token_sources": [
                    'http.request.headers["x-auth"][0]',
                    'http.request.cookies["Authorization"][0]',
                ],
                "token_type": "JWT",
            },
        )
        assert isinstance(result, TokenConfig)
        assert result.id == "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"

    def test_create_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        response = call(
            lambda client: client.token_validation.config.with_raw_response.create(
                **CREATE_ARGUMENTS
            )
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, TokenConfig)

    def test_create_encodes_path_parameters(
        self, call: Call, transport: RecordingTransport
    ) -> None:
        transport.reply(200, CREATE_RESPONSE)
        call(
            lambda client: client.token_validation.config.create(
                **{**CREATE_ARGUMENTS, "zone_id": "id/with space"}
            )
        )
        assert transport.request.path == "/zones/id%2Fwith%20space/token_validation/config"

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "", id="zone_id-empty"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("description", NOT_GIVEN, id="description-missing"),
            pytest.param("description", "x" * 501, id="description-longer-than-500"),
            pytest.param("title", NOT_GIVEN, id="title-missing"),
            pytest.param("title", "x" * 51, id="title-longer-than-50"),
            pytest.param("token_sources", NOT_GIVEN, id="token_sources-missing"),
            pytest.param("token_sources", [], id="token_sources-fewer-than-1-items"),
            pytest.param(
                "token_sources",
                [
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                ],
                id="token_sources-more-than-4-items",
            ),
            pytest.param("token_type", NOT_GIVEN, id="token_type-missing"),
            pytest.param("token_type", "not-a-member", id="token_type-not-a-member"),
        ],
    )
    def test_create_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.token_validation.config.create(
                    **{**CREATE_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_get(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        result = call(
            lambda client: client.token_validation.config.get(
                "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7", zone_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "GET",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
            headers={"Authorization": "Bearer test-api-token"},
            content=b"",
        )
        assert isinstance(result, TokenConfig)
        assert result.id == "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"

    def test_get_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        response = call(
            lambda client: client.token_validation.config.with_raw_response.get(**GET_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, TokenConfig)

    def test_get_encodes_path_parameters(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        call(
            lambda client: client.token_validation.config.get(
                **{**GET_ARGUMENTS, "zone_id": "id/with space"}
            )
        )
        assert (
            transport.request.path
            == "/zones/id%2Fwith%20space/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"
        )

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "", id="zone_id-empty"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("config_id", NOT_GIVEN, id="config_id-missing"),
            pytest.param("config_id", "", id="config_id-empty"),
        ],
    )
    def test_get_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.token_validation.config.get(
                    **{**GET_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_edit(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        result = call(
            lambda client: client.token_validation.config.edit(
                "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7", zone_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "PATCH",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
            headers={"Authorization": "Bearer test-api-token"},
            json={},
        )
        assert isinstance(result, TokenConfig)
        assert result.id == "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"

    def test_edit_with_every_argument(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        result = call(lambda client: client.token_validation.config.edit(**EDIT_ALL_ARGUMENTS))
        transport.assert_sent(
            "PATCH",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
            json={
                "description": "Long description for Token Validation Configuration",
                "title": "Header tokens only",
                "token_sources": ['http.request.headers["x-auth"][0]'],
            },
        )
        assert isinstance(result, TokenConfig)

    def test_edit_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        response = call(
            lambda client: client.token_validation.config.with_raw_response.edit(**EDIT_ARGUMENTS)
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, TokenConfig)

    def test_edit_encodes_path_parameters(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, CREATE_RESPONSE)
        call(
            lambda client: client.token_validation.config.edit(
                **{**EDIT_ARGUMENTS, "zone_id": "id/with space"}
            )
        )
        assert (
            transport.request.path
            == "/zones/id%2Fwith%20space/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"
        )

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "", id="zone_id-empty"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("config_id", NOT_GIVEN, id="config_id-missing"),
            pytest.param("config_id", "", id="config_id-empty"),
            pytest.param("description", "x" * 501, id="description-longer-than-500"),
            pytest.param("title", "x" * 51, id="title-longer-than-50"),
            pytest.param("token_sources", [], id="token_sources-fewer-than-1-items"),
            pytest.param(
                "token_sources",
                [
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                    'http.request.headers["x-auth"][0]',
                ],
                id="token_sources-more-than-4-items",
            ),
        ],
    )
    def test_edit_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.token_validation.config.edit(
                    **{**EDIT_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []

    def test_delete(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, DELETE_RESPONSE)
        result = call(
            lambda client: client.token_validation.config.delete(
                "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7", zone_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        )
        transport.assert_sent(
            "DELETE",
            "/zones/023e105f4ecef8ad9ca31a8372d0c353/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7",
            headers={"Authorization": "Bearer test-api-token"},
            content=b"",
        )
        assert isinstance(result, TokenValidationConfigDeleteResponseResult)
        assert result.id == "4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"

    def test_delete_raw_response(self, call: Call, transport: RecordingTransport) -> None:
        transport.reply(200, DELETE_RESPONSE)
        response = call(
            lambda client: client.token_validation.config.with_raw_response.delete(
                **DELETE_ARGUMENTS
            )
        )
        assert response.status_code == 200
        assert response.headers["cf-ray"] == REQUEST_ID
        parsed = response.parse()
        assert isinstance(parsed, TokenValidationConfigDeleteResponseResult)

    def test_delete_encodes_path_parameters(
        self, call: Call, transport: RecordingTransport
    ) -> None:
        transport.reply(200, DELETE_RESPONSE)
        call(
            lambda client: client.token_validation.config.delete(
                **{**DELETE_ARGUMENTS, "zone_id": "id/with space"}
            )
        )
        assert (
            transport.request.path
            == "/zones/id%2Fwith%20space/token_validation/config/4a7ee8d3-dd63-4ceb-9d5f-c27831854ce7"
        )

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            pytest.param("zone_id", NOT_GIVEN, id="zone_id-missing"),
            pytest.param("zone_id", "", id="zone_id-empty"),
            pytest.param("zone_id", "x" * 33, id="zone_id-longer-than-32"),
            pytest.param("config_id", NOT_GIVEN, id="config_id-missing"),
            pytest.param("config_id", "", id="config_id-empty"),
        ],
    )
    def test_delete_rejects_invalid_argument(
        self, call: Call, transport: RecordingTransport, argument: str, value: object
    ) -> None:
        with pytest.raises(InvalidArgumentError) as raised:
            call(
                lambda client: client.token_validation.config.delete(
                    **{**DELETE_ARGUMENTS, argument: value}
                )
            )
        assert raised.value.argument == argument
        assert transport.sent == []


@pytest.mark.contract
class TestConfigContract:
    @pytest.mark.parametrize(
        "arguments",
        [pytest.param(LIST_ARGUMENTS, id="required"), pytest.param(LIST_ALL_ARGUMENTS, id="every")],
    )
    def test_list(self, prism_client: Cloudflare, arguments: dict[str, object]) -> None:
        result = prism_client.token_validation.config.list(**arguments)
        assert isinstance(result, SyncPage)

    def test_create(self, prism_client: Cloudflare) -> None:
        result = prism_client.token_validation.config.create(**CREATE_ARGUMENTS)
        assert isinstance(result, TokenConfig)

    def test_get(self, prism_client: Cloudflare) -> None:
        result = prism_client.token_validation.config.get(**GET_ARGUMENTS)
        assert isinstance(result, TokenConfig)

    @pytest.mark.parametrize(
        "arguments",
        [pytest.param(EDIT_ARGUMENTS, id="required"), pytest.param(EDIT_ALL_ARGUMENTS, id="every")],
    )
    def test_edit(self, prism_client: Cloudflare, arguments: dict[str, object]) -> None:
        result = prism_client.token_validation.config.edit(**arguments)
        assert isinstance(result, TokenConfig)

    def test_delete(self, prism_client: Cloudflare) -> None:
        result = prism_client.token_validation.config.delete(**DELETE_ARGUMENTS)
        assert isinstance(result, TokenValidationConfigDeleteResponseResult)
