"""Models of `client.token_validation` and its resources."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field

from .._models import OPEN_ENUM, APIModel

__all__ = [
    "Credentials",
    "Jwk",
    "JwkEc",
    "JwkEcAlg",
    "JwkEcCrv",
    "JwkRsa",
    "JwkRsaAlg",
    "TokenConfig",
    "TokenType",
    "TokenValidationConfigDeleteResponseResult",
]

JwkEcAlg = Annotated[Literal["ES256", "ES384"], OPEN_ENUM]
"""Algorithm"""

JwkEcCrv = Annotated[Literal["P-256", "P-384"], OPEN_ENUM]
"""Curve"""

JwkRsaAlg = Annotated[Literal["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"], OPEN_ENUM]
"""Algorithm"""

TokenType = Annotated[Literal["JWT"], OPEN_ENUM]
"""Type of the tokens the configuration validates."""


class Credentials(APIModel):
    keys: list[Jwk]
    """JSON Web Keys used to validate token signatures."""


class JwkEc(APIModel):
    """JSON representation of an EC key."""

    alg: JwkEcAlg
    """Algorithm"""
    crv: JwkEcCrv
    """Curve"""
    kid: str
    """Key ID"""
    kty: Literal["EC"]
    """Key Type"""
    x: str
    """X EC coordinate"""
    y: str
    """Y EC coordinate"""


class JwkRsa(APIModel):
    """JSON representation of an RSA key."""

    alg: JwkRsaAlg
    """Algorithm"""
    e: str
    """RSA exponent"""
    kid: str
    """Key ID"""
    kty: Literal["RSA"]
    """Key Type"""
    n: str
    """RSA modulus"""


class TokenConfig(APIModel):
    id: str
    """UUID."""
    created_at: datetime.datetime
    credentials: Credentials
    description: str
    """A human-readable description that gives more details than title."""
    last_updated: datetime.datetime
    title: str
    """A human-readable name for the configuration."""
    token_sources: list[str]
    """Where in the request the token is read from: Ruleset Engine field expressions naming a header
    or a cookie.
    """
    token_type: TokenType
    """Type of the tokens the configuration validates."""


class TokenValidationConfigDeleteResponseResult(APIModel):
    id: str
    """UUID."""


Jwk = Annotated[JwkRsa | JwkEc, Field(discriminator="kty")]
"""A public JSON Web Key that token signatures are checked against."""
