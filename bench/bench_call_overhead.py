#!/usr/bin/env python3
"""Per-call overhead of the runtime client against raw `httpx.Client.get`, on loopback.

    .venv/bin/python bench/bench_call_overhead.py [--calls 200] [--rounds 25] [--max-ratio 1.15]

A stdlib HTTP server in a thread answers every GET with a small Cloudflare envelope over a
kept-alive connection. Each round times `--calls` sequential calls of raw httpx and of the client
making the same request, in random order; the table shows medians over the rounds of the
per-call times and of the per-round ratio. Raw httpx neither decodes nor validates the body, so
the ratio counts all of the client's work: building the request, retries bookkeeping, decoding
JSON, unwrapping and validating the result. Exits 1 when a ratio exceeds `--max-ratio`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pydantic

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.runtime._base_client import SyncAPIClient  # noqa: E402
from generator.runtime._endpoint import Endpoint  # noqa: E402
from generator.runtime._models import APIModel  # noqa: E402

BODY = json.dumps(
    {
        "success": True,
        "errors": [],
        "messages": [],
        "result": {
            "id": "023e105f4ecef8ad9ca31a8372d0c353",
            "name": "example.com",
            "paused": False,
        },
    }
).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep the connection alive, as a real API does
    disable_nagle_algorithm = True  # headers and body go in two writes; don't hold the second

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Zone(APIModel):
    id: str
    name: str
    paused: bool


class _ListArguments(pydantic.BaseModel):
    zone_id: str
    per_page: int = pydantic.Field(ge=5, le=50)


_GET: Endpoint[Zone] = Endpoint(
    method="GET",
    path="/zones/{zone_id}",
    arguments=(("zone_id", "zone_id", "path"),),
    response_type=Zone,
)

_GET_CHECKED: Endpoint[Zone] = Endpoint(
    method="GET",
    path="/zones/{zone_id}",
    arguments=(("zone_id", "zone_id", "path"), ("per_page", "per_page", "query")),
    checks=_ListArguments,
    response_type=Zone,
)


def measure(call: Callable[[], object], calls: int) -> float:
    """Seconds per call over `calls` sequential calls."""
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="calls per contestant per round")
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--max-ratio", type=float, help="exit 1 when a ratio is above this")
    options = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/client/v4"
    zone_url = base_url + "/zones/023e105f4ecef8ad9ca31a8372d0c353"
    auth = {"Authorization": "Bearer benchmark-token"}

    raw = httpx.Client(headers=auth)
    client = SyncAPIClient(base_url=base_url, auth_headers=auth)
    arguments = {"zone_id": "023e105f4ecef8ad9ca31a8372d0c353"}
    checked_arguments = {**arguments, "per_page": 20}
    # Each case pits raw httpx against the client making the same HTTP request.
    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "GET /zones/{zone_id}": (
            lambda: raw.get(zone_url),
            lambda: client.request(_GET, arguments),
        ),
        "  + a query and checks": (
            lambda: raw.get(zone_url, params={"per_page": 20}),
            lambda: client.request(_GET_CHECKED, checked_arguments),
        ),
    }

    for pair in cases.values():  # warm up the connections, schemas and caches
        for call in pair:
            measure(call, 20)
    # Ratios are taken within a round, where both sides saw the same machine load.
    raw_times: dict[str, list[float]] = {name: [] for name in cases}
    ratios: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(options.rounds):
        for name in random.sample(list(cases), len(cases)):
            raw_call, our_call = cases[name]
            raw_first = random.random() < 0.5
            first, second = (raw_call, our_call) if raw_first else (our_call, raw_call)
            first_time, second_time = measure(first, options.calls), measure(second, options.calls)
            raw_time, our_time = (
                (first_time, second_time) if raw_first else (second_time, first_time)
            )
            raw_times[name].append(raw_time)
            ratios[name].append(our_time / raw_time)

    raw.close()
    client.close()
    server.shutdown()

    width = max(map(len, cases))
    print(f"{'case':<{width}}  {'httpx µs':>9}  {'client µs':>9}  {'ratio':>6}")
    worst = 0.0
    for name in cases:
        raw_time = statistics.median(raw_times[name])
        ratio = statistics.median(ratios[name])
        worst = max(worst, ratio)
        print(
            f"{name:<{width}}  {raw_time * 1e6:>9.1f}  {raw_time * ratio * 1e6:>9.1f}  {ratio:>6.3f}"
        )
    print(f"(medians of {options.rounds} rounds of {options.calls} calls per side)")
    return 1 if options.max_ratio is not None and worst > options.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
