"""The offline tests' machinery: a mock transport that answers every request with one canned
reply and records what the client sent, in the form the tests compare with the spec, and `Call`,
which makes a test's call on the sync client or on the async one."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

REQUEST_ID = "8f1e2d3c4b5a6978-LHR"
"""The `cf-ray` header of every reply: the id Cloudflare gives a request."""
UNCHECKED = object()
"""`assert_sent(json=...)`'s default: the body is not checked as JSON."""


@dataclass(frozen=True)
class SentRequest:
    """One request the client sent."""

    method: str
    path: str
    """Percent-encoded, as sent, without the base URL's path: `/zones/023e.../dns_records`."""
    query: dict[str, str | list[str]]
    """Decoded; a name sent several times maps to the list of its values."""
    headers: httpx.Headers
    content: bytes

    @property
    def json(self) -> object:
        """The body decoded as JSON; None when there is no body."""
        return json.loads(self.content) if self.content else None

    @property
    def form(self) -> dict[str, str]:
        """The fields of a form (urlencoded or multipart) body, by name, as text."""
        content_type = self.headers.get("content-type", "")
        if content_type.startswith("application/x-www-form-urlencoded"):
            return dict(parse_qsl(self.content.decode(), keep_blank_values=True))
        header = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(header + self.content)
        fields = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            text = payload.decode(errors="replace") if isinstance(payload, bytes) else ""
            fields[str(name)] = text
        return fields


class RecordingTransport(httpx.MockTransport):
    """Serves both `httpx.Client` and `httpx.AsyncClient`; `reply` sets what it answers."""

    def __init__(self, base_url: str) -> None:
        super().__init__(self._handle)
        self.sent: list[SentRequest] = []
        self._base_path = urlsplit(base_url).path.rstrip("/")
        self._status_code = 200
        self._content = b""
        self._content_type: str | None = None

    def reply(
        self,
        status_code: int = 200,
        json_body: object = None,
        *,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> None:
        """Answer every request from now on with this status and body (JSON, or raw content)."""
        self._status_code = status_code
        if content is not None:
            self._content, self._content_type = content, content_type
        elif json_body is not None:
            self._content, self._content_type = json.dumps(json_body).encode(), "application/json"
        else:
            self._content, self._content_type = b"", None

    @property
    def request(self) -> SentRequest:
        """The one request sent; fails the test when there was not exactly one."""
        assert len(self.sent) == 1, f"expected one request, {len(self.sent)} were sent"
        return self.sent[0]

    def assert_sent(
        self,
        method: str,
        path: str,
        *,
        query: dict[str, str | list[str]] | None = None,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        json: object = UNCHECKED,
        form: dict[str, str] | None = None,
    ) -> None:
        """Check the one request sent: its method, path (percent-encoded), query (none unless
        given), the `headers` given, and the body when given as `content` (bytes), `json` (the
        decoded value) or `form` (the fields, as text)."""
        sent = self.request
        _check("method", sent.method, method)
        _check("path", sent.path, path)
        _check("query", sent.query, query or {})
        for name, value in (headers or {}).items():
            _check(f"header {name}", sent.headers.get(name), value)
        if content is not None:
            _check("content", sent.content, content)
        if json is not UNCHECKED:
            _check("json", sent.json, json)
        if form is not None:
            _check("form", sent.form, form)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(self._record(request))
        headers = {"cf-ray": REQUEST_ID}
        if self._content_type is not None:
            headers["content-type"] = self._content_type
        return httpx.Response(self._status_code, headers=headers, content=self._content)

    def _record(self, request: httpx.Request) -> SentRequest:
        path, _, query = request.url.raw_path.decode("ascii").partition("?")
        assert path.startswith(self._base_path + "/"), f"{path} is not under the base URL"
        values: dict[str, list[str]] = {}
        for name, value in parse_qsl(query, keep_blank_values=True):
            values.setdefault(name, []).append(value)
        return SentRequest(
            method=request.method,
            path=path.removeprefix(self._base_path),
            query={name: items[0] if len(items) == 1 else items for name, items in values.items()},
            headers=request.headers,
            content=request.read(),
        )


def _check(part: str, sent: object, expected: object) -> None:
    if sent == expected:
        return
    if isinstance(sent, dict) and isinstance(expected, dict):
        differences = [f"{key!r} missing" for key in expected if key not in sent]
        differences += [f"{key!r} not expected" for key in sent if key not in expected]
        differences += [
            f"{key!r} is {sent[key]!r}, expected {expected[key]!r}"
            for key in expected
            if key in sent and sent[key] != expected[key]
        ]
        raise AssertionError(f"{part}: " + "; ".join(differences))
    raise AssertionError(f"{part}: sent {sent!r}, expected {expected!r}")


class Call:
    """Makes a test's call (`lambda client: client.zones.get(...)`) on the sync client, or on
    the async one and awaits it: the `call` fixture gives each offline test one of each."""

    def __init__(self, client: Any, runner: asyncio.Runner | None = None) -> None:
        self.client = client
        self._runner = runner

    def __call__(self, action: Callable[[Any], Any]) -> Any:
        result = action(self.client)
        return result if self._runner is None else self._runner.run(result)
