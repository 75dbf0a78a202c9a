"""Passes 2 and 3 of validation: openapi-spec-validator's meta-schema and keyword checks.

Each validator error becomes E100 (W100, a warning, in tolerant mode) located at the node it is
about, in the file that node lives in.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlparse

from jsonschema.exceptions import ValidationError, best_match
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    ParameterDuplicateError,
    UnresolvableParameterError,
)
from openapi_spec_validator.settings import get_resolved_cache_maxsize
from openapi_spec_validator.validation.validators import SpecValidator

from ..diagnostics import Diagnostic, SpecError
from ..load import Located, LoadedSpec, escape_segment, pointer_from_path

_HINTS = {
    "additionalProperties": "remove the key, or prefix it with x- to keep it as an extension.",
    "required": "add the missing field.",
    "type": "change the value to the expected type.",
    "enum": "use one of the listed values.",
    "format": "write the value in that format.",
    "pattern": "change the value to match the pattern.",
    "oneOf": "make the value match exactly one of the allowed shapes.",
    "anyOf": "make the value match one of the allowed shapes.",
}
_DEFAULT_HINT = "see the OpenAPI specification for this field."
# The validator's own checks: the key their error is about (under the node checked) and a hint.
_KEYWORD_ERRORS: dict[type[ValidationError], tuple[str | None, str]] = {
    ExtraParametersError: ("required", "define these properties or drop them from required."),
    DuplicateOperationIDError: ("operationId", "give each operation its own operationId."),
    ParameterDuplicateError: (None, "declare each (name, in) pair once."),
    UnresolvableParameterError: (
        None,
        "declare each {name} of the path as an `in: path` parameter, and no others.",
    ),
}
_LOWER_CASE_RANGE = re.compile(r"[1-5]xx")
_LONGEST_VALUE_SHOWN = 60


def validator_diagnostics(spec: LoadedSpec, tolerant: bool, *, keywords: bool) -> list[Diagnostic]:
    """The meta-schema's errors over the entry document and, with `keywords`, the validator's
    keyword checks (which follow references, so they are skipped while some are broken)."""
    validator = spec_validator(spec)
    found = _meta_schema_diagnostics(spec, validator, tolerant)
    if keywords:
        found += _keyword_diagnostics(spec, validator, tolerant)
    return found


class _IdSet(set[int]):
    """A set that answers the validator's `list.append`/`in` calls on schema ids in O(1)."""

    def append(self, schema_id: int) -> None:
        self.add(schema_id)


def _with_fast_visits(schema_validator: type[Any]) -> type[Any]:
    """`schema_validator` remembering the schemas it has visited in sets instead of lists.

    The validator checks every schema against lists of ids already seen, which is quadratic
    in the number of schemas; a spec the size of Cloudflare's spends a third of its time there.
    """

    class FastVisits(schema_validator):  # type: ignore[misc]
        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            self.visited_schema_ids = _IdSet()
            self.meta_checked_schema_ids = _IdSet()

    return FastVisits


# Attributes set on each keyword error: the parts of the node checked, and the check's keyword.
_LOCATION = "generator_location"
_KEYWORD = "generator_keyword"


def _locating(keyword: str, validator_class: type[Any]) -> type[Any]:
    """`validator_class` recording, on each error it yields, the parts of the node it checked.

    The innermost check that yields an error records it first; outer checks leave it alone.
    A `default` check reports errors inside the default value, so its location ends there.
    """
    suffix: tuple[str, ...] = ("default",) if keyword == "default" else ()

    class Locating(validator_class):  # type: ignore[misc]
        def __call__(self, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
            checked = next(arg for arg in args if isinstance(arg, SchemaPath))
            for error in super().__call__(*args, **kwargs):
                if not hasattr(error, _LOCATION):
                    parts = (*checked.parts, *suffix, *error.absolute_path)
                    setattr(error, _LOCATION, parts)
                    setattr(error, _KEYWORD, keyword)
                yield error

    return Locating


def _validator_class(version: str) -> type[SpecValidator]:
    base = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    keyword_validators: dict[str, type[Any]] = {}
    for keyword, validator_class in base.keyword_validators.items():
        if keyword == "schema":
            validator_class = _with_fast_visits(validator_class)
        keyword_validators[keyword] = _locating(keyword, validator_class)
    return cast(
        type[SpecValidator],
        type(f"Located{base.__name__}", (base,), {"keyword_validators": keyword_validators}),
    )


def spec_validator(spec: LoadedSpec) -> SpecValidator:
    """The validator for the spec's version, reading other files through `spec`'s loader."""

    def read_file(uri: str) -> Any:
        return spec.document_at(Path(unquote(urlparse(uri).path)))

    schema_path = SchemaPath.from_dict(
        spec.document,
        base_uri=spec.root_node.file.as_uri(),
        handlers={"file": read_file},
        resolved_cache_maxsize=get_resolved_cache_maxsize(),
    )
    return _validator_class(spec.version)(schema_path)


def _meta_schema_diagnostics(
    spec: LoadedSpec, validator: SpecValidator, tolerant: bool
) -> list[Diagnostic]:
    """The OpenAPI meta-schema's errors over the entry document, each at the node it names."""
    found: list[Diagnostic] = []
    for error in validator.schema_validator.iter_errors(validator.schema):
        error, path = _most_specific(error)
        pointer = pointer_from_path(path)
        message = _shorten(error.message, error.instance)
        hint = _HINTS.get(str(error.validator), _DEFAULT_HINT)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            unexpected, patterns = _unexpected_keys(error)
            if len(unexpected) == 1:
                key = unexpected[0]
                pointer = f"{pointer}/{escape_segment(key)}"
                allowed = f": keys here must match {' or '.join(patterns)}" if patterns else ""
                message = f"{key!r} is not allowed{allowed}"
                if _LOWER_CASE_RANGE.fullmatch(key):
                    hint = f"write status code ranges in upper case: {key.upper()}."
        found.append(
            _diagnostic(spec, Located(spec.root_node.file, pointer, None), message, hint, tolerant)
        )
    return found


def _keyword_diagnostics(
    spec: LoadedSpec, validator: SpecValidator, tolerant: bool
) -> list[Diagnostic]:
    """The validator's keyword checks, each error at the node it names (across files)."""
    found: list[Diagnostic] = []
    try:
        for error in validator.root_validator(validator.schema_path):
            found.append(_keyword_diagnostic(spec, error, tolerant))
    except SpecError as error:  # a file reached through a $ref does not load
        found.extend(error.diagnostics)
    except Exception as error:  # the validator fails on input it does not expect; say so
        message = f"openapi-spec-validator stopped early: {type(error).__name__}: {error}"
        hint = "fix the other problems reported, then validate again."
        found.append(_diagnostic(spec, spec.root_node, message, hint, tolerant))
    return found


def _keyword_diagnostic(spec: LoadedSpec, error: ValidationError, tolerant: bool) -> Diagnostic:
    node = _follow(spec, getattr(error, _LOCATION, ()))
    message = _shorten(error.message, error.instance)
    if getattr(error, _KEYWORD, None) == "default":
        message = f"default value: {message}"
    else:  # the check was about the schema a reference names, not the reference
        node = spec.deref(node)
    if isinstance(error, ExtraParametersError):
        message = _with_sorted_names(message)
    key, hint = _KEYWORD_ERRORS.get(type(error), (None, ""))
    if key is not None and isinstance(node.value, dict) and key in node.value:
        node = spec.child(node, key)
    return _diagnostic(
        spec, node, message, hint or _HINTS.get(str(error.validator), _DEFAULT_HINT), tolerant
    )


def _with_sorted_names(message: str) -> str:
    """`message` ending in a list of names (in the validator's set order), with them sorted."""
    head, separator, names = message.rpartition(": ")
    try:
        listed = ast.literal_eval(names)
    except (ValueError, SyntaxError):
        return message
    return f"{head}{separator}{sorted(listed)}" if isinstance(listed, list) else message


def _most_specific(error: ValidationError) -> tuple[ValidationError, list[str | int]]:
    """For oneOf/anyOf, the sub-error that best explains the failure; with its full path.

    The alternative the value got furthest into (its deepest error) is taken to be the one
    meant: a schema with a wrong `type` is a Schema with a mistake, not a Reference without
    a `$ref`.
    """
    path = list(error.absolute_path)
    while error.validator in ("oneOf", "anyOf") and error.context:
        alternatives: dict[Any, list[ValidationError]] = {}
        for sub_error in error.context:
            alternatives.setdefault(sub_error.relative_schema_path[0], []).append(sub_error)
        meant = max(
            alternatives.values(),
            key=lambda errors: max(len(sub_error.relative_path) for sub_error in errors),
        )
        best = best_match(meant)
        path += list(best.relative_path)
        error = best
    return error, path


def _follow(spec: LoadedSpec, parts: Sequence[Any]) -> Located:
    """The node the validator reached along `parts`, following `$ref`s on the way as it did."""
    node = spec.root_node
    for part in parts:
        node = spec.deref(node)
        if isinstance(node.value, dict) and part in node.value:
            node = spec.child(node, part)
        elif isinstance(node.value, list) and isinstance(part, int) and part < len(node.value):
            node = spec.child(node, part)
        else:
            break
    return node


def _unexpected_keys(error: ValidationError) -> tuple[list[str], list[str]]:
    """For an `additionalProperties` error: the keys not allowed, and the key patterns allowed."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    properties = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    unexpected = [
        key
        for key in error.instance
        if key not in properties and not any(re.search(pattern, key) for pattern in patterns)
    ]
    return unexpected, patterns


def _diagnostic(
    spec: LoadedSpec, node: Located, message: str, hint: str, tolerant: bool
) -> Diagnostic:
    """E100 at `node`, or W100 (a warning) in tolerant mode."""
    if tolerant:
        return spec.diagnostic(node.file, node.pointer, "W100", message, hint, "warning")
    return spec.diagnostic(node.file, node.pointer, "E100", message, hint)


def _shorten(message: str, instance: Any) -> str:
    """`message` with a long rendering of the offending value cut down to its start."""
    shown = repr(instance)
    if len(shown) <= _LONGEST_VALUE_SHOWN or shown not in message:
        return message
    return message.replace(shown, shown[: _LONGEST_VALUE_SHOWN - 3] + "...", 1)
