"""The `magic` operations."""

from .magic import (
    AsyncMagicResource,
    AsyncMagicResourceWithRawResponse,
    MagicResource,
    MagicResourceWithRawResponse,
)

__all__ = [
    "AsyncMagicResource",
    "AsyncMagicResourceWithRawResponse",
    "MagicResource",
    "MagicResourceWithRawResponse",
]
