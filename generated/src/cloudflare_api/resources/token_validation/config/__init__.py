"""API Shield token validation: which tokens a zone's requests carry and the keys they are signed
with.
"""

from .config import (
    AsyncConfigResource,
    AsyncConfigResourceWithRawResponse,
    ConfigResource,
    ConfigResourceWithRawResponse,
)

__all__ = [
    "AsyncConfigResource",
    "AsyncConfigResourceWithRawResponse",
    "ConfigResource",
    "ConfigResourceWithRawResponse",
]
