"""The `token_validation` operations."""

from .token_validation import (
    AsyncTokenValidationResource,
    AsyncTokenValidationResourceWithRawResponse,
    TokenValidationResource,
    TokenValidationResourceWithRawResponse,
)

__all__ = [
    "AsyncTokenValidationResource",
    "AsyncTokenValidationResourceWithRawResponse",
    "TokenValidationResource",
    "TokenValidationResourceWithRawResponse",
]
