"""Fixtures of the generated tests.

Offline: `call` makes a test's call on a client sending through a `RecordingTransport`
(`transport`), which records each request and answers with the reply the test sets. Its two
params run every offline test twice: on the sync client, and on the async one.

Contract (tests marked `contract`): `prism_client` sends to the Prism mock server, started once
per session on a free loopback port from the spec these tests were generated from. Prism checks
every request against the spec and refuses one that breaks it, which fails the test. Prism is
found through $PRISM_BIN, else in a node_modules/.bin above this folder; the spec through
$OPENAPI_SPEC, else at the path the generator wrote below. Without node or Prism the contract
tests are skipped.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudflare_api import AsyncCloudflare, Cloudflare
from mock_transport import Call, RecordingTransport

BASE_URL = "https://api.cloudflare.com/client/v4"
CREDENTIALS = {
    "api_token": "test-api-token",
    "api_email": "test-api-email",
    "api_key": "test-api-key",
}
"""A made-up value for each credential the client takes."""
DEFAULT_CREDENTIALS = ("api_token",)
"""The credentials a client gets unless a test's `credentials` marker names others."""
ENVIRONMENT = (
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_EMAIL",
    "CLOUDFLARE_API_KEY",
    "CLOUDFLARE_BASE_URL",
)
"""Variables the client reads; cleared so the machine's settings cannot leak into a test."""
SPEC_PATH = "../specs/cloudflare.yaml"
"""Where the spec these tests were generated from is, from the package's folder."""
SPEC = Path(__file__).resolve().parent.parent / SPEC_PATH
"""The spec these tests were generated from (unless $OPENAPI_SPEC names another)."""
PRISM_START_TIMEOUT = 60.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "contract: calls the Prism mock server (needs node)")
    config.addinivalue_line(
        "markers", "credentials(*arguments): the client credentials a test needs"
    )


# ---------------------------------------------------------------------------------------------
# Offline


@pytest.fixture
def transport() -> RecordingTransport:
    return RecordingTransport(BASE_URL)


@pytest.fixture
def credentials(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The credential arguments a client gets, with the environment's cleared."""
    for variable in ENVIRONMENT:
        monkeypatch.delenv(variable, raising=False)
    marker = request.node.get_closest_marker("credentials")
    names = marker.args if marker is not None else DEFAULT_CREDENTIALS
    return {name: CREDENTIALS[name] for name in names}


@pytest.fixture(params=["sync", "async"])
def call(
    request: pytest.FixtureRequest, transport: RecordingTransport, credentials: dict[str, str]
) -> Iterator[Call]:
    """Calls on a client sending through `transport`: the sync one, or the async one."""
    options: dict[str, Any] = {"base_url": BASE_URL, "max_retries": 0, **credentials}
    if request.param == "sync":
        with httpx.Client(transport=transport) as http_client:
            yield Call(Cloudflare(http_client=http_client, **options))
        return
    with asyncio.Runner() as runner:
        async_http_client = httpx.AsyncClient(transport=transport)
        yield Call(AsyncCloudflare(http_client=async_http_client, **options), runner)
        runner.run(async_http_client.aclose())


# ---------------------------------------------------------------------------------------------
# Contract: Prism


def find_prism() -> Path | None:
    """$PRISM_BIN, else the first node_modules/.bin/prism in this folder or one above it."""
    configured = os.environ.get("PRISM_BIN")
    if configured:
        return Path(configured)
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "node_modules" / ".bin" / "prism"
        if candidate.is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def stop_process_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a process and the children it spawned (Prism runs node workers), by its group id."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + PRISM_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Prism exited with status {process.returncode}:\n{log.read_text()}")
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"Prism did not answer within {PRISM_START_TIMEOUT:.0f} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a Prism mock server of the spec, started for the session."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the Prism contract tests need it")
    prism = find_prism()
    if prism is None or not prism.exists():
        pytest.skip("Prism not found: run `npm ci` or set PRISM_BIN")
    spec = Path(os.environ.get("OPENAPI_SPEC") or SPEC)
    if not spec.is_file():
        pytest.skip(f"the spec {spec} is not there: set OPENAPI_SPEC")
    port = free_port()
    log = tmp_path_factory.mktemp("prism") / "prism.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(prism), "mock", str(spec), "--host", "127.0.0.1", "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so its children stop with it
        )
    atexit.register(stop_process_group, process)  # should the session end without teardown
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_answering(url, process, log)
        yield url
    finally:
        stop_process_group(process)


def fail_when_refused(response: httpx.Response) -> None:
    """Fail the test with Prism's reasons when it refuses a request (422: breaks the spec)."""
    if response.status_code >= 400:
        response.read()
        request = response.request
        pytest.fail(
            f"Prism refused {request.method} {request.url}: {response.status_code} {response.text}"
        )


@pytest.fixture
def prism_client(prism_url: str, credentials: dict[str, str]) -> Iterator[Cloudflare]:
    options: dict[str, Any] = {"base_url": prism_url, "max_retries": 0, **credentials}
    with httpx.Client(event_hooks={"response": [fail_when_refused]}) as http_client:
        yield Cloudflare(http_client=http_client, **options)
