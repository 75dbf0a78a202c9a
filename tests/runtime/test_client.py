"""The request path of the clients: building requests, reading responses, raising errors."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

import httpx
import pydantic
import pytest
from runtime_fakes import BASE_URL, Connector, FakeAPI, FakeCloudflare, envelope

from generator.runtime._base_client import SyncAPIClient
from generator.runtime._endpoint import Endpoint
from generator.runtime._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    UnsuccessfulResponseError,
)
from generator.runtime._models import APIModel

CONNECTOR = {"id": "c1", "activated": True}


def call(
    api: FakeAPI, endpoint: Endpoint[Any], arguments: dict[str, object], **options: Any
) -> Any:
    with api.client() as client:
        return client.request(endpoint, arguments, **options)


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content)


# Authentication and default headers


@pytest.mark.parametrize(
    "auth_headers",
    [
        {"Authorization": "Bearer secret-token"},
        {"X-Auth-Email": "user@example.com", "X-Auth-Key": "global-key"},
    ],
    ids=["bearer", "email-and-key"],
)
def test_auth_headers_are_sent_on_every_request(auth_headers: dict[str, str]) -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client(auth_headers=auth_headers) as client:
        client.connectors.update("c1", account_id="a1")
        client.connectors.update("c2", account_id="a1")

    for request in api.requests:
        for name, value in auth_headers.items():
            assert request.headers[name] == value


def test_default_headers_user_agent_and_accept() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client(default_headers={"X-Team": "edge"}) as client:
        client.connectors.update("c1", account_id="a1")

    headers = api.requests[0].headers
    assert headers["X-Team"] == "edge"
    assert headers["Accept"] == "application/json"
    assert headers["User-Agent"].startswith("FakeCloudflare/Python 3.")


def test_a_supplied_http_client_keeps_its_headers_cookies_and_hooks() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    hooked: list[str] = []
    http = httpx.Client(
        transport=httpx.MockTransport(api._handle),
        headers={"X-Proxy-Token": "p"},
        cookies={"session": "s1"},
        event_hooks={"request": [lambda request: hooked.append(request.method)]},
    )
    with FakeCloudflare(base_url=BASE_URL, http_client=http) as client:
        client.connectors.update("c1", account_id="a1")

    headers = api.requests[0].headers
    assert (headers["X-Proxy-Token"], headers["Cookie"]) == ("p", "session=s1")
    assert hooked == ["PUT"]


def test_extra_headers_replace_defaults_whatever_their_case() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client(auth_headers={"Authorization": "Bearer a"}) as client:
        client.connectors.update(
            "c1", account_id="a1", extra_headers={"authorization": "Bearer b", "X-Extra": "1"}
        )

    headers = api.requests[0].headers
    assert headers.get_list("Authorization") == ["Bearer b"]
    assert headers["X-Extra"] == "1"


# Paths, query and body


def test_path_parameters_are_percent_encoded() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client() as client:
        client.connectors.update("a/b c", account_id="acc?#")

    assert (
        api.requests[0].url.raw_path == b"/client/v4/accounts/acc%3F%23/magic/connectors/a%2Fb%20c"
    )


@pytest.mark.parametrize("validate_requests", [True, False])
@pytest.mark.parametrize("value", ["", None])
def test_empty_path_parameter_is_rejected_before_sending(
    value: object, validate_requests: bool
) -> None:
    api = FakeAPI(envelope(CONNECTOR))
    client = api.client(validate_requests=validate_requests)
    with client, pytest.raises(InvalidArgumentError) as caught:
        client.connectors.update(value, account_id="a1")  # type: ignore[arg-type]

    assert caught.value.argument == "connector_id"
    if not validate_requests:
        assert str(caught.value) == f"connector_id: Expected a non-empty value (got {value!r})"
    assert api.requests == []


def test_missing_path_parameter_is_rejected_even_without_checks() -> None:
    endpoint: Endpoint[None] = Endpoint(
        "GET", "/zones/{zone_id}", (("zone_id", "zone_id", "path"),)
    )
    api = FakeAPI(envelope())

    with pytest.raises(InvalidArgumentError, match="zone_id: Missing required path parameter"):
        call(api, endpoint, {})
    assert api.requests == []


def test_query_lists_repeat_booleans_are_words_none_is_dropped() -> None:
    endpoint: Endpoint[None] = Endpoint(
        "GET",
        "/zones",
        (
            ("name", "name", "query"),
            ("status", "status[]", "query"),
            ("paused", "paused", "query"),
            ("match", "match", "query"),
            ("since", "since", "query"),
        ),
        response_type=None,
    )
    api = FakeAPI(envelope())

    call(
        api,
        endpoint,
        {
            "name": None,
            "status": ["active", "pending"],
            "paused": False,
            "since": datetime.date(2024, 5, 1),
        },
        extra_query={"debug": True},
    )

    assert api.requests[0].url.params.multi_items() == [
        ("status[]", "active"),
        ("status[]", "pending"),
        ("paused", "false"),
        ("since", "2024-05-01"),
        ("debug", "true"),
    ]


@pytest.mark.parametrize(
    ("style", "value", "expected"),
    [
        (None, ["a", "b"], [("tag", "a"), ("tag", "b")]),
        ("form", ["a", "b"], [("tag", "a,b")]),
        ("pipeDelimited", ["a", "b"], [("tag", "a|b")]),
        ("spaceDelimited", ["a", "b"], [("tag", "a b")]),
        (None, {"color": "red", "size": 2}, [("color", "red"), ("size", "2")]),
        ("form", {"color": "red", "size": 2}, [("tag", "color,red,size,2")]),
        ("deepObject", {"color": "red", "size": 2}, [("tag[color]", "red"), ("tag[size]", "2")]),
    ],
    ids=lambda case: repr(case),
)
def test_query_parameters_follow_their_openapi_style(
    style: Any, value: object, expected: list[tuple[str, str]]
) -> None:
    styles = (("tag", style),) if style else ()
    endpoint: Endpoint[None] = Endpoint(
        "GET", "/things", (("tag", "tag", "query"),), response_type=None, query_styles=styles
    )
    api = FakeAPI(envelope())

    call(api, endpoint, {"tag": value})

    assert api.requests[0].url.params.multi_items() == expected


def test_a_required_object_body_is_sent_empty_when_no_field_is_given() -> None:
    arguments: tuple[tuple[str, str, Any], ...] = (("notes", "notes", "body"),)
    required: Endpoint[None] = Endpoint(
        "PUT", "/things", arguments, response_type=None, body_required=True
    )
    optional: Endpoint[None] = Endpoint("PUT", "/things", arguments, response_type=None)
    api = FakeAPI(envelope())

    call(api, required, {})
    call(api, optional, {})

    assert sent_json(api.requests[0]) == {}
    assert api.requests[0].headers["Content-Type"] == "application/json"
    assert api.requests[1].content == b""


def test_body_omits_not_given_sends_none_as_null_and_merges_extra_body() -> None:
    endpoint: Endpoint[None] = Endpoint(
        "PATCH",
        "/things",
        (("name", "name", "body"), ("notes", "notes", "body"), ("ttl", "ttl", "body")),
        response_type=None,
    )
    api = FakeAPI(envelope())

    call(api, endpoint, {"name": "x", "notes": None}, extra_body={"beta": 1})

    assert sent_json(api.requests[0]) == {"name": "x", "notes": None, "beta": 1}


def test_body_models_are_dumped_by_alias_with_only_the_fields_set() -> None:
    class Rule(APIModel):
        action: str
        from_: str | None = pydantic.Field(default=None, alias="from")
        expires: datetime.datetime | None = None

    endpoint: Endpoint[None] = Endpoint(
        "PUT", "/rules", (("rules", "rules", "body_whole"),), response_type=None
    )
    api = FakeAPI(envelope())
    rules = [
        Rule.model_validate({"action": "block", "from": "10.0.0.0/8"}),
        {"nested": Rule(action="allow", expires=datetime.datetime(2030, 1, 2, 3, 4, 5))},
    ]

    call(api, endpoint, {"rules": rules})

    assert sent_json(api.requests[0]) == [
        {"action": "block", "from": "10.0.0.0/8"},
        {"nested": {"action": "allow", "expires": "2030-01-02T03:04:05"}},
    ]


def test_extra_body_cannot_be_merged_into_a_non_object_body() -> None:
    endpoint: Endpoint[None] = Endpoint("PUT", "/ids", (("ids", "ids", "body_whole"),))
    api = FakeAPI(envelope())

    with pytest.raises(InvalidArgumentError, match="^extra_body: "):
        call(api, endpoint, {"ids": ["a"]}, extra_body={"x": 1})
    assert api.requests == []


def test_header_arguments_are_sent_as_text() -> None:
    endpoint: Endpoint[None] = Endpoint(
        "GET", "/scripts", (("if_match", "If-Match", "header"), ("strict", "X-Strict", "header"))
    )
    api = FakeAPI(envelope())

    call(api, endpoint, {"if_match": "etag-1", "strict": True})

    assert api.requests[0].headers["If-Match"] == "etag-1"
    assert api.requests[0].headers["X-Strict"] == "true"


def test_multipart_body_sends_files_and_json_encoded_fields() -> None:
    endpoint: Endpoint[None] = Endpoint(
        "PUT",
        "/workers/scripts/{name}",
        (
            ("name", "name", "path"),
            ("metadata", "metadata", "body"),
            ("files", "files", "body"),
        ),
        content_type="multipart/form-data",
    )
    api = FakeAPI(envelope())

    call(
        api,
        endpoint,
        {
            "name": "worker",
            "metadata": {"main_module": "index.js"},
            "files": [("index.js", b"export default {}", "application/javascript+module")],
        },
    )

    request = api.requests[0]
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    content = request.content.decode()
    assert 'name="metadata"\r\n\r\n{"main_module":"index.js"}\r\n' in content
    assert 'name="files"; filename="index.js"' in content
    assert "Content-Type: application/javascript+module\r\n\r\nexport default {}" in content


@pytest.mark.parametrize("payload", [b"\x00\x01binary", io.BytesIO(b"\x00\x01binary")])
def test_octet_stream_body_is_sent_raw_with_its_media_type(payload: object) -> None:
    endpoint: Endpoint[None] = Endpoint(
        "PUT",
        "/objects/{key}",
        (("key", "key", "path"), ("body", "body", "body_whole")),
        content_type="application/octet-stream",
    )
    api = FakeAPI(envelope())

    call(api, endpoint, {"key": "k", "body": payload})

    assert api.requests[0].headers["Content-Type"] == "application/octet-stream"
    assert api.requests[0].content == b"\x00\x01binary"


def test_form_urlencoded_body() -> None:
    endpoint: Endpoint[None] = Endpoint(
        "POST",
        "/forms",
        (("name", "name", "body"), ("enabled", "enabled", "body")),
        content_type="application/x-www-form-urlencoded",
    )
    api = FakeAPI(envelope())

    call(api, endpoint, {"name": "a b", "enabled": True})

    assert api.requests[0].content == b"name=a+b&enabled=true"


# Client-side checks


def test_bound_violation_raises_naming_the_argument_and_sends_nothing() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.connectors.update("c1", account_id="a1", interrupt_window_duration_hours=25)

    error = caught.value
    assert isinstance(error, ValueError)
    assert error.argument == "interrupt_window_duration_hours"
    assert str(error) == (
        "interrupt_window_duration_hours: Input should be less than or equal to 24 (got 25)"
    )
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert api.requests == []


def test_checks_can_be_switched_off() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client(validate_requests=False) as client:
        client.connectors.update("c1", account_id="a1", interrupt_window_duration_hours=25)

    assert sent_json(api.requests[0]) == {"interrupt_window_duration_hours": 25}


# Open enums


def test_open_enum_keeps_an_unknown_value_from_the_server() -> None:
    api = FakeAPI(envelope({"id": "c1", "interrupt_window_day_of_week": "Caturday"}))
    with api.client() as client:
        connector = client.connectors.update("c1", account_id="a1")

    # Typed as the Literal, but the server's new member survives as a plain string.
    assert connector.model_dump()["interrupt_window_day_of_week"] == "Caturday"


def test_open_enum_rejects_an_unknown_value_from_the_caller() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.connectors.update(
            "c1", account_id="a1", interrupt_window_day_of_week="Caturday"  # type: ignore[arg-type]
        )

    assert caught.value.argument == "interrupt_window_day_of_week"
    assert api.requests == []


def test_open_enum_still_validates_known_values_and_types() -> None:
    assert (
        Connector.model_validate(
            {"id": "c", "interrupt_window_day_of_week": "Monday"}
        ).interrupt_window_day_of_week
        == "Monday"
    )
    with pytest.raises(pydantic.ValidationError):
        Connector.model_validate(
            {"id": "c", "interrupt_window_day_of_week": ["Monday"]}, context={"response": True}
        )


# Unwrapping and validating the response


def test_unwrap_result() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client() as client:
        connector = client.connectors.update("c1", account_id="a1")

    assert connector == Connector(id="c1", activated=True)


def test_unwrap_a_top_level_field() -> None:
    endpoint: Endpoint[list[str]] = Endpoint(
        "GET", "/certs", unwrap=("keys",), response_type=list[str]
    )
    body = {"success": True, "errors": [], "messages": [], "keys": ["k1", "k2"]}
    api = FakeAPI(httpx.Response(200, json=body))

    assert call(api, endpoint, {}) == ["k1", "k2"]


def test_unwrap_several_top_level_fields_as_a_model() -> None:
    class Keys(APIModel):
        keys: list[str]
        public_cert: str

    endpoint: Endpoint[Keys] = Endpoint(
        "GET", "/certs", unwrap=("keys", "public_cert"), response_type=Keys
    )
    body = {"success": True, "errors": [], "keys": ["k1"], "public_cert": "pem"}
    api = FakeAPI(httpx.Response(200, json=body))

    assert call(api, endpoint, {}) == Keys(keys=["k1"], public_cert="pem")


def test_no_unwrap_validates_the_whole_body() -> None:
    endpoint: Endpoint[dict[str, int]] = Endpoint(
        "GET", "/counts", unwrap=None, response_type=dict[str, int]
    )
    api = FakeAPI(httpx.Response(200, json={"a": 1}))

    assert call(api, endpoint, {}) == {"a": 1}


def test_no_content_returns_none() -> None:
    endpoint: Endpoint[None] = Endpoint("DELETE", "/things/1", response_type=None)
    api = FakeAPI(httpx.Response(204))

    assert call(api, endpoint, {}) is None


def test_bytes_response_is_returned_raw() -> None:
    endpoint: Endpoint[bytes] = Endpoint("GET", "/objects/k", unwrap=None, response_type=bytes)
    api = FakeAPI(httpx.Response(200, content=b"\xff\x00", headers={"Content-Type": "image/png"}))

    assert call(api, endpoint, {}) == b"\xff\x00"


def test_response_not_matching_the_spec_raises_with_the_pydantic_error() -> None:
    api = FakeAPI(envelope({"activated": "not a bool"}))
    with api.client() as client, pytest.raises(APIResponseValidationError) as caught:
        client.connectors.update("c1", account_id="a1")

    error = caught.value
    assert error.status_code == 200
    assert isinstance(error.validation_error, pydantic.ValidationError)
    assert {e["loc"] for e in error.validation_error.errors()} == {("id",), ("activated",)}
    assert str(error).startswith(
        "The 200 response to PUT /client/v4/accounts/a1/magic/connectors/c1 does not match the spec"
    )


def test_unwrapping_a_body_that_is_not_an_object_raises() -> None:
    api = FakeAPI(httpx.Response(200, text="<html>maintenance</html>"))
    with api.client() as client, pytest.raises(APIResponseValidationError, match="got str"):
        client.connectors.update("c1", account_id="a1")


# Errors


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_error_status_raises_its_class_with_errors_and_request_id(
    status: int, error_class: type[APIStatusError]
) -> None:
    response = envelope(
        success=False,
        errors=[
            {
                "code": 7003,
                "message": "Could not route to /zones/x",
                "documentation_url": "https://d",
            },
            {"code": 9109, "message": "Invalid access token", "source": {"pointer": "/zone"}},
        ],
        messages=[{"code": 1, "message": "see docs"}],
        status_code=status,
        headers={"cf-ray": "8a1b2c3d4e5f-SJC"},
    )
    api = FakeAPI(response)
    with api.client(max_retries=0) as client, pytest.raises(APIStatusError) as caught:
        client.connectors.update("c1", account_id="a1")

    error = caught.value
    assert type(error) is error_class
    assert error.status_code == status
    assert error.request_id == "8a1b2c3d4e5f-SJC"
    assert [(e.code, e.message) for e in error.errors] == [
        (7003, "Could not route to /zones/x"),
        (9109, "Invalid access token"),
    ]
    assert error.errors[0].documentation_url == "https://d"
    assert error.errors[1].source is not None and error.errors[1].source.pointer == "/zone"
    assert error.messages[0].message == "see docs"
    assert error.response.status_code == status
    assert isinstance(error.body, dict) and error.body["success"] is False


def test_status_error_message_reads_well() -> None:
    response = envelope(
        success=False,
        errors=[{"code": 7003, "message": "Could not route to /zones/x"}],
        status_code=404,
        headers={"x-request-id": "req-1"},
    )
    api = FakeAPI(response)
    with api.client() as client, pytest.raises(NotFoundError) as caught:
        client.connectors.update("c1", account_id="a1")

    assert (
        str(caught.value) == "404 Not Found: [7003] Could not route to /zones/x, request id req-1"
    )


def test_error_body_that_is_not_json_is_kept_as_text() -> None:
    api = FakeAPI(httpx.Response(502, text="<html>Bad gateway</html>"))
    with api.client(max_retries=0) as client, pytest.raises(InternalServerError) as caught:
        client.connectors.update("c1", account_id="a1")

    assert caught.value.body == "<html>Bad gateway</html>"
    assert caught.value.errors == []
    assert str(caught.value) == "502 Bad Gateway: <html>Bad gateway</html>"


def test_malformed_error_entries_do_not_hide_the_error() -> None:
    api = FakeAPI(
        httpx.Response(400, json={"success": False, "errors": ["plain text", {"code": "x"}]})
    )
    with api.client() as client, pytest.raises(BadRequestError) as caught:
        client.connectors.update("c1", account_id="a1")

    assert [e.message for e in caught.value.errors] == ["plain text", "{'code': 'x'}"]


def test_success_false_in_a_200_raises_unsuccessful_response_error() -> None:
    api = FakeAPI(
        envelope(
            success=False,
            errors=[{"code": 1001, "message": "Zone is being deleted"}],
            headers={"cf-ray": "ray-1"},
        )
    )
    with api.client() as client, pytest.raises(UnsuccessfulResponseError) as caught:
        client.connectors.update("c1", account_id="a1")

    error = caught.value
    assert error.status_code == 200
    assert error.request_id == "ray-1"
    assert [e.code for e in error.errors] == [1001]
    assert str(error) == "200 OK: [1001] Zone is being deleted, request id ray-1"


def test_timeout_raises_api_timeout_error() -> None:
    api = FakeAPI(httpx.ReadTimeout("read timed out"))
    with api.client(max_retries=0) as client, pytest.raises(APITimeoutError) as caught:
        client.connectors.update("c1", account_id="a1")

    assert isinstance(caught.value, APIConnectionError)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.request.url.path.endswith("/connectors/c1")


def test_connection_failure_raises_api_connection_error() -> None:
    api = FakeAPI(httpx.ConnectError("connection refused"))
    with api.client(max_retries=0) as client, pytest.raises(APIConnectionError) as caught:
        client.connectors.update("c1", account_id="a1")

    assert not isinstance(caught.value, APITimeoutError)
    assert str(caught.value) == "Connection error: connection refused"


def test_timeout_per_call_and_per_client() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    with api.client(timeout=12.0) as client:
        client.connectors.update("c1", account_id="a1")
        client.connectors.update("c1", account_id="a1", timeout=httpx.Timeout(3.0, connect=1.0))

    assert api.requests[0].extensions["timeout"]["read"] == 12.0
    assert api.requests[1].extensions["timeout"] == {
        "connect": 1.0,
        "read": 3.0,
        "write": 3.0,
        "pool": 3.0,
    }


# Options and lifetime


def test_with_options_changes_a_copy_that_shares_the_connection_pool() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    client = api.client(auth_headers={"Authorization": "Bearer a"})
    original_connectors = client.connectors

    copy = client.with_options(max_retries=5, timeout=1.0, default_headers={"X-Copy": "yes"})
    copy.connectors.update("c1", account_id="a1")

    assert copy._http is client._http
    assert (copy.max_retries, copy.timeout) == (5, 1.0)
    assert (client.max_retries, client.timeout) == (2, httpx.Timeout(60.0))
    assert copy.connectors._client is copy
    assert client.connectors is original_connectors and original_connectors._client is client
    headers = api.requests[0].headers
    assert (headers["Authorization"], headers["X-Copy"]) == ("Bearer a", "yes")
    assert api.requests[0].extensions["timeout"]["read"] == 1.0

    copy.close()
    assert not client._http.is_closed


def test_context_manager_closes_the_client_it_created() -> None:
    with SyncAPIClient(base_url=BASE_URL) as client:
        http = client._http
    assert http.is_closed


def test_the_clients_own_http_client_is_made_on_the_first_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    api = FakeAPI(envelope(CONNECTOR))
    http = api.http_client()
    made: list[httpx.Client] = []

    def make(**options: Any) -> httpx.Client:
        made.append(http)
        return http

    monkeypatch.setattr(httpx, "Client", make)
    client = FakeCloudflare(base_url=BASE_URL, auth_headers={"Authorization": "Bearer a"})
    copy = client.with_options(max_retries=0)
    assert made == []

    copy.connectors.update("c1", account_id="a1")
    client.connectors.update("c2", account_id="a1")

    assert len(made) == 1  # made once, shared by the copy
    headers = api.requests[0].headers
    assert (headers["Accept-Encoding"], headers["Connection"]) == ("gzip, deflate", "keep-alive")
    client.close()
    assert made[0].is_closed
    with pytest.raises(RuntimeError, match="client has been closed"):
        client.connectors.update("c3", account_id="a1")
    assert len(made) == 1


def test_closing_a_client_that_never_sent_makes_no_http_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(httpx, "Client", lambda **options: pytest.fail("made an httpx client"))
    with SyncAPIClient(base_url=BASE_URL):
        pass


def test_context_manager_leaves_a_supplied_http_client_open() -> None:
    http = FakeAPI(envelope()).http_client()
    with FakeCloudflare(base_url=BASE_URL, http_client=http):
        pass
    assert not http.is_closed
    http.close()


def test_base_url_trailing_slash_is_ignored() -> None:
    api = FakeAPI(envelope(CONNECTOR))
    client = FakeCloudflare(base_url=BASE_URL + "/", http_client=api.http_client())

    client.connectors.update("c1", account_id="a1")

    assert str(api.requests[0].url) == BASE_URL + "/accounts/a1/magic/connectors/c1"
