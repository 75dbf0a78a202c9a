"""API Shield token validation: which tokens a zone's requests carry and the keys they are signed
with.
"""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import TYPE_CHECKING, Unpack

from pydantic import Field

from ...._endpoint import Endpoint
from ...._models import APIModel
from ...._pagination import AsyncPage, SyncPage
from ...._resource import AsyncAPIResource, SyncAPIResource
from ...._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from ...._types import NOT_GIVEN, NotGiven, RequestOptions
from ....types.token_validation import (
    Credentials,
    TokenConfig,
    TokenType,
    TokenValidationConfigDeleteResponseResult,
)

if TYPE_CHECKING:
    from .credentials import (
        AsyncCredentialsResource,
        AsyncCredentialsResourceWithRawResponse,
        CredentialsResource,
        CredentialsResourceWithRawResponse,
    )

__all__ = [
    "AsyncConfigResource",
    "AsyncConfigResourceWithRawResponse",
    "ConfigResource",
    "ConfigResourceWithRawResponse",
]


class _ListArguments(APIModel):
    """The arguments of `list` with constraints the client checks."""

    zone_id: str = Field(max_length=32)
    page: int | None = Field(None, ge=1)
    per_page: int | None = Field(None, ge=5, le=50)


class _CreateArguments(APIModel):
    """The arguments of `create` with constraints the client checks."""

    zone_id: str = Field(max_length=32)
    description: str = Field(max_length=500)
    title: str = Field(max_length=50)
    token_sources: list[str] = Field(min_length=1, max_length=4)
    token_type: TokenType


class _ZoneIdArguments(APIModel):
    """The arguments of `get` and `delete` with constraints the client checks."""

    zone_id: str = Field(max_length=32)


class _EditArguments(APIModel):
    """The arguments of `edit` with constraints the client checks."""

    zone_id: str = Field(max_length=32)
    description: str | None = Field(None, max_length=500)
    title: str | None = Field(None, max_length=50)
    token_sources: list[str] | None = Field(None, min_length=1, max_length=4)


_LIST: Endpoint[TokenConfig] = Endpoint(
    method="GET",
    path="/zones/{zone_id}/token_validation/config",
    arguments=(
        ("zone_id", "zone_id", "path"),
        ("page", "page", "query"),
        ("per_page", "per_page", "query"),
    ),
    checks=_ListArguments,
    response_type=TokenConfig,
    paginated=True,
)

_CREATE: Endpoint[TokenConfig] = Endpoint(
    method="POST",
    path="/zones/{zone_id}/token_validation/config",
    arguments=(
        ("zone_id", "zone_id", "path"),
        ("credentials", "credentials", "body"),
        ("description", "description", "body"),
        ("title", "title", "body"),
        ("token_sources", "token_sources", "body"),
        ("token_type", "token_type", "body"),
    ),
    checks=_CreateArguments,
    response_type=TokenConfig,
    body_required=True,
)

_GET: Endpoint[TokenConfig] = Endpoint(
    method="GET",
    path="/zones/{zone_id}/token_validation/config/{config_id}",
    arguments=(("zone_id", "zone_id", "path"), ("config_id", "config_id", "path")),
    checks=_ZoneIdArguments,
    response_type=TokenConfig,
)

_EDIT: Endpoint[TokenConfig] = Endpoint(
    method="PATCH",
    path="/zones/{zone_id}/token_validation/config/{config_id}",
    arguments=(
        ("zone_id", "zone_id", "path"),
        ("config_id", "config_id", "path"),
        ("description", "description", "body"),
        ("title", "title", "body"),
        ("token_sources", "token_sources", "body"),
    ),
    checks=_EditArguments,
    response_type=TokenConfig,
    body_required=True,
)

_DELETE: Endpoint[TokenValidationConfigDeleteResponseResult] = Endpoint(
    method="DELETE",
    path="/zones/{zone_id}/token_validation/config/{config_id}",
    arguments=(("zone_id", "zone_id", "path"), ("config_id", "config_id", "path")),
    checks=_ZoneIdArguments,
    response_type=TokenValidationConfigDeleteResponseResult,
)


class ConfigResource(SyncAPIResource):
    """API Shield token validation: which tokens a zone's requests carry and the keys they are
    signed with.
    """

    @cached_property
    def with_raw_response(self) -> ConfigResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return ConfigResourceWithRawResponse(self)

    @cached_property
    def credentials(self) -> CredentialsResource:
        """API Shield token validation: which tokens a zone's requests carry and the keys they are
        signed with.
        """
        from .credentials import CredentialsResource

        return CredentialsResource(self._client)

    def list(
        self,
        zone_id: str,
        *,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SyncPage[TokenConfig]:
        """List token validation configurations

        Lists the zone's token validation configurations, one page at a time.

        Args:
            zone_id: Identifier
            page: Page number of paginated results. Defaults to `1` on the server.
            per_page: Maximum number of results per page. Defaults to `20` on the server.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request_page(
            _LIST, {"zone_id": zone_id, "page": page, "per_page": per_page}, **options
        )

    def create(
        self,
        zone_id: str,
        *,
        credentials: Credentials | dict[str, object],
        description: str,
        title: str,
        token_sources: builtins.list[str],
        token_type: TokenType,
        **options: Unpack[RequestOptions],
    ) -> TokenConfig:
        """Create a token validation configuration

        Creates a token validation configuration on the zone.

        Args:
            zone_id: Identifier
            credentials: A `Credentials`.
            description: A human-readable description that gives more details than title.
            title: A human-readable name for the configuration.
            token_sources: Where in the request the token is read from: Ruleset Engine field
                expressions naming a header or a cookie.
            token_type: Type of the tokens the configuration validates.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(
            _CREATE,
            {
                "zone_id": zone_id,
                "credentials": credentials,
                "description": description,
                "title": title,
                "token_sources": token_sources,
                "token_type": token_type,
            },
            **options,
        )

    def get(
        self, config_id: str, *, zone_id: str, **options: Unpack[RequestOptions]
    ) -> TokenConfig:
        """Get a token validation configuration

        Gets one token validation configuration.

        Args:
            config_id: UUID.
            zone_id: Identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(_GET, {"zone_id": zone_id, "config_id": config_id}, **options)

    def edit(
        self,
        config_id: str,
        *,
        zone_id: str,
        description: str | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        token_sources: builtins.list[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> TokenConfig:
        """Edit a token validation configuration

        Changes the title, description or token sources of a token validation configuration. Its
        keys are replaced with Update Token Configuration credentials.

        Args:
            config_id: UUID.
            zone_id: Identifier
            description: A human-readable description that gives more details than title.
            title: A human-readable name for the configuration.
            token_sources: Where in the request the token is read from: Ruleset Engine field
                expressions naming a header or a cookie.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(
            _EDIT,
            {
                "zone_id": zone_id,
                "config_id": config_id,
                "description": description,
                "title": title,
                "token_sources": token_sources,
            },
            **options,
        )

    def delete(
        self, config_id: str, *, zone_id: str, **options: Unpack[RequestOptions]
    ) -> TokenValidationConfigDeleteResponseResult:
        """Delete a token validation configuration

        Deletes a token validation configuration.

        Args:
            config_id: UUID.
            zone_id: Identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(_DELETE, {"zone_id": zone_id, "config_id": config_id}, **options)


class AsyncConfigResource(AsyncAPIResource):
    """API Shield token validation: which tokens a zone's requests carry and the keys they are
    signed with.
    """

    @cached_property
    def with_raw_response(self) -> AsyncConfigResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return AsyncConfigResourceWithRawResponse(self)

    @cached_property
    def credentials(self) -> AsyncCredentialsResource:
        """API Shield token validation: which tokens a zone's requests carry and the keys they are
        signed with.
        """
        from .credentials import AsyncCredentialsResource

        return AsyncCredentialsResource(self._client)

    async def list(
        self,
        zone_id: str,
        *,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> AsyncPage[TokenConfig]:
        """List token validation configurations

        Lists the zone's token validation configurations, one page at a time.

        Args:
            zone_id: Identifier
            page: Page number of paginated results. Defaults to `1` on the server.
            per_page: Maximum number of results per page. Defaults to `20` on the server.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request_page(
            _LIST, {"zone_id": zone_id, "page": page, "per_page": per_page}, **options
        )

    async def create(
        self,
        zone_id: str,
        *,
        credentials: Credentials | dict[str, object],
        description: str,
        title: str,
        token_sources: builtins.list[str],
        token_type: TokenType,
        **options: Unpack[RequestOptions],
    ) -> TokenConfig:
        """Create a token validation configuration

        Creates a token validation configuration on the zone.

        Args:
            zone_id: Identifier
            credentials: A `Credentials`.
            description: A human-readable description that gives more details than title.
            title: A human-readable name for the configuration.
            token_sources: Where in the request the token is read from: Ruleset Engine field
                expressions naming a header or a cookie.
            token_type: Type of the tokens the configuration validates.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(
            _CREATE,
            {
                "zone_id": zone_id,
                "credentials": credentials,
                "description": description,
                "title": title,
                "token_sources": token_sources,
                "token_type": token_type,
            },
            **options,
        )

    async def get(
        self, config_id: str, *, zone_id: str, **options: Unpack[RequestOptions]
    ) -> TokenConfig:
        """Get a token validation configuration

        Gets one token validation configuration.

        Args:
            config_id: UUID.
            zone_id: Identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(_GET, {"zone_id": zone_id, "config_id": config_id}, **options)

    async def edit(
        self,
        config_id: str,
        *,
        zone_id: str,
        description: str | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        token_sources: builtins.list[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> TokenConfig:
        """Edit a token validation configuration

        Changes the title, description or token sources of a token validation configuration. Its
        keys are replaced with Update Token Configuration credentials.

        Args:
            config_id: UUID.
            zone_id: Identifier
            description: A human-readable description that gives more details than title.
            title: A human-readable name for the configuration.
            token_sources: Where in the request the token is read from: Ruleset Engine field
                expressions naming a header or a cookie.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(
            _EDIT,
            {
                "zone_id": zone_id,
                "config_id": config_id,
                "description": description,
                "title": title,
                "token_sources": token_sources,
            },
            **options,
        )

    async def delete(
        self, config_id: str, *, zone_id: str, **options: Unpack[RequestOptions]
    ) -> TokenValidationConfigDeleteResponseResult:
        """Delete a token validation configuration

        Deletes a token validation configuration.

        Args:
            config_id: UUID.
            zone_id: Identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(_DELETE, {"zone_id": zone_id, "config_id": config_id}, **options)


class ConfigResourceWithRawResponse:
    """`ConfigResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: ConfigResource) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.get = to_raw_response_wrapper(resource.get)
        self.edit = to_raw_response_wrapper(resource.edit)
        self.delete = to_raw_response_wrapper(resource.delete)

    @cached_property
    def credentials(self) -> CredentialsResourceWithRawResponse:
        from .credentials import CredentialsResourceWithRawResponse

        return CredentialsResourceWithRawResponse(self._resource.credentials)


class AsyncConfigResourceWithRawResponse:
    """`AsyncConfigResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: AsyncConfigResource) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.edit = async_to_raw_response_wrapper(resource.edit)
        self.delete = async_to_raw_response_wrapper(resource.delete)

    @cached_property
    def credentials(self) -> AsyncCredentialsResourceWithRawResponse:
        from .credentials import AsyncCredentialsResourceWithRawResponse

        return AsyncCredentialsResourceWithRawResponse(self._resource.credentials)
