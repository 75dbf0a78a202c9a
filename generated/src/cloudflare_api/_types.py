"""Small shared types: the NOT_GIVEN sentinel, option aliases and the default limits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias, TypedDict

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "Body",
    "Headers",
    "NotGiven",
    "Query",
    "RequestOptions",
    "Timeout",
]


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out, as opposed to one set to None.

    ```python
    client.magic.connectors.update("id", account_id="acc", notes=None)  # sends "notes": null
    client.magic.connectors.update("id", account_id="acc")  # sends no "notes" at all
    ```
    """

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        # Pickles and copies as the module-level singleton.
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Headers: TypeAlias = Mapping[str, str]
"""Extra request headers; they replace the client's headers of the same name."""

Query: TypeAlias = Mapping[str, object]
"""Extra query parameters; they replace the operation's parameters of the same name."""

Body: TypeAlias = Mapping[str, object]
"""Extra fields merged into an object request body."""

Timeout: TypeAlias = httpx.Timeout

DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0)
DEFAULT_MAX_RETRIES: Final = 2


class RequestOptions(TypedDict, total=False):
    """Per-call options every generated method accepts and passes through to the client."""

    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | Timeout | None | NotGiven
    max_retries: int | NotGiven
