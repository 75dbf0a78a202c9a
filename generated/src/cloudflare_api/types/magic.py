"""Models of `client.magic` and its resources."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .._models import OPEN_ENUM, APIModel

__all__ = ["Connector", "ConnectorDevice", "DayOfWeek"]

DayOfWeek = Annotated[
    Literal["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"], OPEN_ENUM
]


class Connector(APIModel):
    id: str
    """Connector identifier."""
    activated: bool
    interrupt_window_days_of_week: list[DayOfWeek]
    """Allowed days of the week for upgrades. Default is all days."""
    interrupt_window_duration_hours: float
    interrupt_window_embargo_dates: list[str]
    """List of dates (YYYY-MM-DD) when upgrades are blocked."""
    interrupt_window_hour_of_day: float
    last_updated: str
    notes: str
    timezone: str
    device: ConnectorDevice | None = None
    last_heartbeat: str | None = None
    last_seen_version: str | None = None
    license_key: str | None = None


class ConnectorDevice(APIModel):
    id: str
    serial_number: str | None = None
