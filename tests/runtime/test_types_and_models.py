"""The sentinel, request-value encoding, the error detail model and the Endpoint cache."""

from __future__ import annotations

import copy
import datetime
import enum
import pickle
import uuid

import pydantic
import pytest
from runtime_fakes import Connector

from generator.runtime._endpoint import Endpoint
from generator.runtime._exceptions import InvalidArgumentError
from generator.runtime._models import APIModel, ErrorDetail, to_jsonable
from generator.runtime._types import NOT_GIVEN, NotGiven


def test_not_given_is_a_falsy_singleton() -> None:
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert isinstance(NOT_GIVEN, NotGiven)
    assert copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN


def test_to_jsonable_dumps_models_by_alias_with_only_the_fields_set() -> None:
    class Color(enum.Enum):
        RED = "red"

    class Origin(APIModel):
        address: str
        weight: float = 1.0
        class_: str | None = pydantic.Field(default=None, alias="class")

    value = {
        "origins": (Origin.model_validate({"address": "1.1.1.1", "class": "a"}),),
        "when": datetime.date(2024, 1, 31),
        "color": Color.RED,
        "id": uuid.UUID(int=1),
        "extra": Origin.model_validate({"address": "x", "unknown_field": True}),
    }

    assert to_jsonable(value) == {
        "origins": [{"address": "1.1.1.1", "class": "a"}],
        "when": "2024-01-31",
        "color": "red",
        "id": "00000000-0000-0000-0000-000000000001",
        "extra": {"address": "x", "unknown_field": True},
    }


def test_models_accept_python_names_and_aliases_and_keep_unknown_fields() -> None:
    class Record(APIModel):
        type_: str = pydantic.Field(alias="type")

    assert Record.model_validate({"type_": "A"}).type_ == "A"
    assert Record.model_validate({"type": "A", "new": 1}).model_extra == {"new": 1}


def test_invalid_argument_error_from_a_nested_failure() -> None:
    class Arguments(pydantic.BaseModel):
        origins: list[int]
        name: str

    with pytest.raises(pydantic.ValidationError) as caught:
        Arguments.model_validate({"origins": [1, "x"]})
    error = InvalidArgumentError.from_validation_error(caught.value)

    assert error.argument == "origins"
    assert str(error) == (
        "origins: at 1: Input should be a valid integer, unable to parse string as an integer"
        " (got 'x'); and 1 more"
    )


def test_error_detail_reads_like_cloudflare_prints_it() -> None:
    assert str(ErrorDetail(code=1003, message="Invalid zone")) == "[1003] Invalid zone"
    assert str(ErrorDetail(message="no code")) == "no code"


def test_endpoint_builds_its_type_adapter_once_and_lazily() -> None:
    endpoint: Endpoint[Connector] = Endpoint("GET", "/c", response_type=Connector)

    assert endpoint._adapter is None
    assert endpoint.validate_response({"id": "a"}) == Connector(id="a")
    adapter = endpoint._adapter
    assert adapter is not None
    endpoint.validate_response({"id": "b"})
    assert endpoint._adapter is adapter


def test_endpoint_is_immutable() -> None:
    endpoint: Endpoint[None] = Endpoint("GET", "/c")

    with pytest.raises(AttributeError):
        endpoint.path = "/d"  # type: ignore[misc]


def test_patterns_with_lookarounds_are_checked() -> None:
    class Arguments(APIModel):
        name: str = pydantic.Field(pattern=r"^(?!-)[a-z-]+$")

    assert Arguments(name="edge").name == "edge"
    with pytest.raises(pydantic.ValidationError):
        Arguments(name="-edge")
