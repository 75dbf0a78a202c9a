"""The offline tests' mock transport: it answers every request with one canned reply and
records what the client sent, in the form the tests compare with the spec."""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qsl, urlsplit

import httpx

REQUEST_ID = "8f1e2d3c4b5a6978-LHR"
"""The `cf-ray` header of every reply: the id Cloudflare gives a request."""


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
            fields[str(name)] = (
                payload.decode(errors="replace") if isinstance(payload, bytes) else ""
            )
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
