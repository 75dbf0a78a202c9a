"""Magic WAN connectors of an account, and the windows in which they may upgrade."""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import Unpack

from pydantic import Field

from ..._endpoint import Endpoint
from ..._models import APIModel
from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from ..._types import NOT_GIVEN, NotGiven, RequestOptions
from ...types.magic import Connector, DayOfWeek

__all__ = [
    "AsyncConnectorsResource",
    "AsyncConnectorsResourceWithRawResponse",
    "ConnectorsResource",
    "ConnectorsResourceWithRawResponse",
]


class _AccountIdArguments(APIModel):
    """The arguments of `list` and `get` with constraints the client checks."""

    account_id: str = Field(max_length=32)


class _UpdateArguments(APIModel):
    """The arguments of `update` and `edit` with constraints the client checks."""

    account_id: str = Field(max_length=32)
    interrupt_window_days_of_week: list[DayOfWeek] | None = None
    interrupt_window_duration_hours: float | None = Field(None, ge=1, le=24)


_LIST: Endpoint[list[Connector]] = Endpoint(
    method="GET",
    path="/accounts/{account_id}/magic/connectors",
    arguments=(("account_id", "account_id", "path"),),
    checks=_AccountIdArguments,
    response_type=list[Connector],
)

_GET: Endpoint[Connector] = Endpoint(
    method="GET",
    path="/accounts/{account_id}/magic/connectors/{connector_id}",
    arguments=(("account_id", "account_id", "path"), ("connector_id", "connector_id", "path")),
    checks=_AccountIdArguments,
    response_type=Connector,
)

_UPDATE: Endpoint[Connector] = Endpoint(
    method="PUT",
    path="/accounts/{account_id}/magic/connectors/{connector_id}",
    arguments=(
        ("account_id", "account_id", "path"),
        ("connector_id", "connector_id", "path"),
        ("activated", "activated", "body"),
        ("interrupt_window_days_of_week", "interrupt_window_days_of_week", "body"),
        ("interrupt_window_duration_hours", "interrupt_window_duration_hours", "body"),
        ("interrupt_window_embargo_dates", "interrupt_window_embargo_dates", "body"),
        ("interrupt_window_hour_of_day", "interrupt_window_hour_of_day", "body"),
        ("notes", "notes", "body"),
        ("provision_license", "provision_license", "body"),
        ("timezone", "timezone", "body"),
    ),
    checks=_UpdateArguments,
    response_type=Connector,
    body_required=True,
)

_EDIT: Endpoint[Connector] = Endpoint(
    method="PATCH",
    path="/accounts/{account_id}/magic/connectors/{connector_id}",
    arguments=(
        ("account_id", "account_id", "path"),
        ("connector_id", "connector_id", "path"),
        ("activated", "activated", "body"),
        ("interrupt_window_days_of_week", "interrupt_window_days_of_week", "body"),
        ("interrupt_window_duration_hours", "interrupt_window_duration_hours", "body"),
        ("interrupt_window_embargo_dates", "interrupt_window_embargo_dates", "body"),
        ("interrupt_window_hour_of_day", "interrupt_window_hour_of_day", "body"),
        ("notes", "notes", "body"),
        ("provision_license", "provision_license", "body"),
        ("timezone", "timezone", "body"),
    ),
    checks=_UpdateArguments,
    response_type=Connector,
    body_required=True,
)


class ConnectorsResource(SyncAPIResource):
    """Magic WAN connectors of an account, and the windows in which they may upgrade."""

    @cached_property
    def with_raw_response(self) -> ConnectorsResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return ConnectorsResourceWithRawResponse(self)

    def list(self, account_id: str, **options: Unpack[RequestOptions]) -> builtins.list[Connector]:
        """List Connectors

        Lists the account's Magic WAN connectors.

        Accepted permissions (at least one required): Magic WAN Write, Magic WAN Read.

        Args:
            account_id: Account identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(_LIST, {"account_id": account_id}, **options)

    def get(
        self, connector_id: str, *, account_id: str, **options: Unpack[RequestOptions]
    ) -> Connector:
        """Fetch Connector

        Gets one Magic WAN connector.

        Accepted permissions (at least one required): Magic WAN Write, Magic WAN Read.

        Args:
            connector_id: Connector identifier.
            account_id: Account identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(
            _GET, {"account_id": account_id, "connector_id": connector_id}, **options
        )

    def update(
        self,
        connector_id: str,
        *,
        account_id: str,
        activated: bool | NotGiven = NOT_GIVEN,
        interrupt_window_days_of_week: builtins.list[DayOfWeek] | NotGiven = NOT_GIVEN,
        interrupt_window_duration_hours: float | NotGiven = NOT_GIVEN,
        interrupt_window_embargo_dates: builtins.list[str] | NotGiven = NOT_GIVEN,
        interrupt_window_hour_of_day: float | NotGiven = NOT_GIVEN,
        notes: str | NotGiven = NOT_GIVEN,
        provision_license: bool | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Connector:
        """Replace Connector or Re-provision License Key

        Replaces the connector's settings. With `provision_license: true`, also regenerates the
        connector's license key.

        Accepted permissions (at least one required): Magic WAN Write.

        Args:
            connector_id: Connector identifier.
            account_id: Account identifier
            activated: True or False.
            interrupt_window_days_of_week: Allowed days of the week for upgrades. Default is all
                days.
            interrupt_window_duration_hours: A number from 1 to 24.
            interrupt_window_embargo_dates: List of dates (YYYY-MM-DD) when upgrades are blocked.
            interrupt_window_hour_of_day: A number.
            notes: A string.
            provision_license: When true, regenerate license key for the connector.
            timezone: A string.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(
            _UPDATE,
            {
                "account_id": account_id,
                "connector_id": connector_id,
                "activated": activated,
                "interrupt_window_days_of_week": interrupt_window_days_of_week,
                "interrupt_window_duration_hours": interrupt_window_duration_hours,
                "interrupt_window_embargo_dates": interrupt_window_embargo_dates,
                "interrupt_window_hour_of_day": interrupt_window_hour_of_day,
                "notes": notes,
                "provision_license": provision_license,
                "timezone": timezone,
            },
            **options,
        )

    def edit(
        self,
        connector_id: str,
        *,
        account_id: str,
        activated: bool | NotGiven = NOT_GIVEN,
        interrupt_window_days_of_week: builtins.list[DayOfWeek] | NotGiven = NOT_GIVEN,
        interrupt_window_duration_hours: float | NotGiven = NOT_GIVEN,
        interrupt_window_embargo_dates: builtins.list[str] | NotGiven = NOT_GIVEN,
        interrupt_window_hour_of_day: float | NotGiven = NOT_GIVEN,
        notes: str | NotGiven = NOT_GIVEN,
        provision_license: bool | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Connector:
        """Edit Connector

        Changes some of the connector's settings. Takes the same body as Replace Connector.

        Accepted permissions (at least one required): Magic WAN Write.

        Args:
            connector_id: Connector identifier.
            account_id: Account identifier
            activated: True or False.
            interrupt_window_days_of_week: Allowed days of the week for upgrades. Default is all
                days.
            interrupt_window_duration_hours: A number from 1 to 24.
            interrupt_window_embargo_dates: List of dates (YYYY-MM-DD) when upgrades are blocked.
            interrupt_window_hour_of_day: A number.
            notes: A string.
            provision_license: When true, regenerate license key for the connector.
            timezone: A string.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return self._request(
            _EDIT,
            {
                "account_id": account_id,
                "connector_id": connector_id,
                "activated": activated,
                "interrupt_window_days_of_week": interrupt_window_days_of_week,
                "interrupt_window_duration_hours": interrupt_window_duration_hours,
                "interrupt_window_embargo_dates": interrupt_window_embargo_dates,
                "interrupt_window_hour_of_day": interrupt_window_hour_of_day,
                "notes": notes,
                "provision_license": provision_license,
                "timezone": timezone,
            },
            **options,
        )


class AsyncConnectorsResource(AsyncAPIResource):
    """Magic WAN connectors of an account, and the windows in which they may upgrade."""

    @cached_property
    def with_raw_response(self) -> AsyncConnectorsResourceWithRawResponse:
        """The same operations, each returning the raw `APIResponse` rather than its result."""
        return AsyncConnectorsResourceWithRawResponse(self)

    async def list(
        self, account_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[Connector]:
        """List Connectors

        Lists the account's Magic WAN connectors.

        Accepted permissions (at least one required): Magic WAN Write, Magic WAN Read.

        Args:
            account_id: Account identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(_LIST, {"account_id": account_id}, **options)

    async def get(
        self, connector_id: str, *, account_id: str, **options: Unpack[RequestOptions]
    ) -> Connector:
        """Fetch Connector

        Gets one Magic WAN connector.

        Accepted permissions (at least one required): Magic WAN Write, Magic WAN Read.

        Args:
            connector_id: Connector identifier.
            account_id: Account identifier
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(
            _GET, {"account_id": account_id, "connector_id": connector_id}, **options
        )

    async def update(
        self,
        connector_id: str,
        *,
        account_id: str,
        activated: bool | NotGiven = NOT_GIVEN,
        interrupt_window_days_of_week: builtins.list[DayOfWeek] | NotGiven = NOT_GIVEN,
        interrupt_window_duration_hours: float | NotGiven = NOT_GIVEN,
        interrupt_window_embargo_dates: builtins.list[str] | NotGiven = NOT_GIVEN,
        interrupt_window_hour_of_day: float | NotGiven = NOT_GIVEN,
        notes: str | NotGiven = NOT_GIVEN,
        provision_license: bool | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Connector:
        """Replace Connector or Re-provision License Key

        Replaces the connector's settings. With `provision_license: true`, also regenerates the
        connector's license key.

        Accepted permissions (at least one required): Magic WAN Write.

        Args:
            connector_id: Connector identifier.
            account_id: Account identifier
            activated: True or False.
            interrupt_window_days_of_week: Allowed days of the week for upgrades. Default is all
                days.
            interrupt_window_duration_hours: A number from 1 to 24.
            interrupt_window_embargo_dates: List of dates (YYYY-MM-DD) when upgrades are blocked.
            interrupt_window_hour_of_day: A number.
            notes: A string.
            provision_license: When true, regenerate license key for the connector.
            timezone: A string.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(
            _UPDATE,
            {
                "account_id": account_id,
                "connector_id": connector_id,
                "activated": activated,
                "interrupt_window_days_of_week": interrupt_window_days_of_week,
                "interrupt_window_duration_hours": interrupt_window_duration_hours,
                "interrupt_window_embargo_dates": interrupt_window_embargo_dates,
                "interrupt_window_hour_of_day": interrupt_window_hour_of_day,
                "notes": notes,
                "provision_license": provision_license,
                "timezone": timezone,
            },
            **options,
        )

    async def edit(
        self,
        connector_id: str,
        *,
        account_id: str,
        activated: bool | NotGiven = NOT_GIVEN,
        interrupt_window_days_of_week: builtins.list[DayOfWeek] | NotGiven = NOT_GIVEN,
        interrupt_window_duration_hours: float | NotGiven = NOT_GIVEN,
        interrupt_window_embargo_dates: builtins.list[str] | NotGiven = NOT_GIVEN,
        interrupt_window_hour_of_day: float | NotGiven = NOT_GIVEN,
        notes: str | NotGiven = NOT_GIVEN,
        provision_license: bool | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Connector:
        """Edit Connector

        Changes some of the connector's settings. Takes the same body as Replace Connector.

        Accepted permissions (at least one required): Magic WAN Write.

        Args:
            connector_id: Connector identifier.
            account_id: Account identifier
            activated: True or False.
            interrupt_window_days_of_week: Allowed days of the week for upgrades. Default is all
                days.
            interrupt_window_duration_hours: A number from 1 to 24.
            interrupt_window_embargo_dates: List of dates (YYYY-MM-DD) when upgrades are blocked.
            interrupt_window_hour_of_day: A number.
            notes: A string.
            provision_license: When true, regenerate license key for the connector.
            timezone: A string.
            **options: Per-call timeout, max_retries, extra_headers, extra_query and extra_body.
        """
        return await self._request(
            _EDIT,
            {
                "account_id": account_id,
                "connector_id": connector_id,
                "activated": activated,
                "interrupt_window_days_of_week": interrupt_window_days_of_week,
                "interrupt_window_duration_hours": interrupt_window_duration_hours,
                "interrupt_window_embargo_dates": interrupt_window_embargo_dates,
                "interrupt_window_hour_of_day": interrupt_window_hour_of_day,
                "notes": notes,
                "provision_license": provision_license,
                "timezone": timezone,
            },
            **options,
        )


class ConnectorsResourceWithRawResponse:
    """`ConnectorsResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: ConnectorsResource) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.get = to_raw_response_wrapper(resource.get)
        self.update = to_raw_response_wrapper(resource.update)
        self.edit = to_raw_response_wrapper(resource.edit)


class AsyncConnectorsResourceWithRawResponse:
    """`AsyncConnectorsResource` with each method returning an `APIResponse`."""

    def __init__(self, resource: AsyncConnectorsResource) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.edit = async_to_raw_response_wrapper(resource.edit)
