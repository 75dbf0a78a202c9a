"""Python-safe names: identifiers for fields, parameters and members, PascalCase for types.

Spec names come in every style (`interrupt_window_days`, `accountId`, `X-Auth-Email`,
`legacy-jhs_rate-plan`, `0rtt`); generated code needs identifiers that are valid, do not
shadow what the generated modules use, and are unique where they live. Everything here is a
pure function of its input, except `NameTable`, which hands out unique names in a scope.

Namespaced component names. Specs merged from many files prefix each component name with
its source: Cloudflare writes `access_policy`, `legacy-jhs_rate-plan`, and random hashes
that change from one release to the next (`TEQa8DPv_certificate_authority`). The segment
before the first `component_namespace_separator` (`[tool.generator]`, default `"_"`) is a
namespace when it starts two or more names of the same `components/schemas`; a prefix that
starts a single name is a word of that name and stays. A type is named after the rest
(`CertificateAuthority`), without the merge tool's noise segments `components-schemas-` and
`schemas-` (`access_schemas-name` -> `Name`). The namespace is kept on the side: where two
different types then want one name, finalise.py tells them apart by readable context, and a
namespace is readable context only when it looks like words (`access`, `legacy-jhs`), never
when it looks random (`TEQa8DPv`, `twztnn43`). Set the option to `""` to keep component
names whole.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

# Boundaries inside a word: `accountID` -> account, ID; `HTTPServer` -> HTTP, Server.
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Za-z]+")
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# Names a generated types module or resource module imports or defines besides the spec's
# types; a model, enum or union of the same name would shadow them.
RESERVED_TYPE_NAMES = frozenset(
    {
        "Annotated",
        "Any",
        "APIModel",
        "APIResponse",
        "AsyncAPIResource",
        "AsyncPage",
        "BaseModel",
        "Body",
        "ConfigDict",
        "Dict",
        "Endpoint",
        "Field",
        "Headers",
        "List",
        "Literal",
        "Location",
        "Mapping",
        "NotGiven",
        "NOT_GIVEN",
        "OPEN_ENUM",
        "Optional",
        "Query",
        "Sequence",
        "SyncAPIResource",
        "SyncPage",
        "Timeout",
        "TypeAdapter",
        "TypeAlias",
        "Union",
    }
    | {name for name in dir(builtins) if name[:1].isupper()}
)

# Attributes of pydantic's BaseModel: a field of the same name would shadow them (pydantic
# refuses), and the types a field annotation names, which a field of that name would hide.
RESERVED_FIELD_NAMES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
        "bool",
        "bytes",
        "date",
        "datetime",
        "float",
        "int",
        "list",
        "object",
        "str",
        "time",
    }
)

# Arguments every generated method already has (see docs/design.md).
RESERVED_ARGUMENT_NAMES = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries"}
)

# Attributes a generated resource class already has.
RESERVED_ATTRIBUTE_NAMES = frozenset(
    {"with_raw_response", "with_streaming_response", "_client", "_request", "_request_page"}
)


def split_words(text: str) -> list[str]:
    """The words of a name in any style: `interruptWindow-days_of week` -> 4 words."""
    words: list[str] = []
    for chunk in _NOT_ALPHANUMERIC.split(text):
        if chunk:
            words.extend(part for part in _CAMEL_BOUNDARY.split(chunk) if part)
    return words


@lru_cache(maxsize=None)
def snake_case(text: str) -> str:
    """`accountID` -> `account_id`, `X-Auth-Email` -> `x_auth_email`; may be empty."""
    return "_".join(word.lower() for word in split_words(text))


@lru_cache(maxsize=None)
def pascal_case(text: str) -> str:
    """`legacy-jhs_rate-plan` -> `LegacyJhsRatePlan`; capitals inside a word are kept (`SaaS`)."""
    return "".join(word[:1].upper() + word[1:] for word in split_words(text))


@lru_cache(maxsize=None)
def upper_snake_case(text: str) -> str:
    return "_".join(word.upper() for word in split_words(text))


def _without_leading_digits(name: str, separator: str) -> str:
    """`0rtt` -> `zero_rtt`; a longer run of digits gets an `n` in front: `100x` -> `n100x`."""
    digits = len(name) - len(name.lstrip("0123456789"))
    if digits == 0:
        return name
    if digits == 1:
        rest = name[1:].lstrip("_")
        return _DIGIT_WORDS[int(name[0])] + (separator + rest if rest else "")
    return "n" + name


@lru_cache(maxsize=None)
def python_identifier(
    text: str, *, reserved: frozenset[str] = frozenset(), fallback: str = "value"
) -> str:
    """A snake_case identifier for a field, parameter or resource named `text` on the wire.

    Keywords and `reserved` names get a trailing underscore (`class` -> `class_`), a leading
    digit is spelled out (`0rtt` -> `zero_rtt`), and a name with no letters or digits at all
    becomes `fallback`. Never starts with an underscore: pydantic treats those as private.
    """
    name = _without_leading_digits(snake_case(text), "_") or fallback
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return name


@lru_cache(maxsize=None)
def type_name(text: str) -> str:
    """A PascalCase type name from a component name, title or joined words; may be empty."""
    name = _without_leading_digits(pascal_case(text), "")
    return name[:1].upper() + name[1:]


def enum_member_name(value: object) -> str:
    """UPPER_SNAKE name for an enum value: `Sunday` -> `SUNDAY`, 1 -> `VALUE_1`, "" -> `EMPTY`."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        text = str(value).replace("-", "minus_").replace(".", "_")
        return "VALUE_" + upper_snake_case(text)
    name = upper_snake_case(str(value))
    if not name:
        return "EMPTY"
    return "VALUE_" + name if name[0].isdigit() else name


@lru_cache(maxsize=None)
def singular(word: str) -> str:
    """The singular of an English plural, for naming one item of a list: `policies` -> `policy`.

    In a name with `of`, the word before it is the plural: `days_of_week` -> `day_of_week`.
    """
    words = split_words(word)
    if not words:
        return word
    lowered = [w.lower() for w in words]
    head = lowered.index("of") - 1 if "of" in lowered[1:] else len(words) - 1
    words[head] = _singular_word(words[head])
    return "_".join(words)


_SAME_IN_THE_SINGULAR = frozenset({"series", "species", "news", "headquarters"})


def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _SAME_IN_THE_SINGULAR:
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


# Cloudflare's merge tool marks a schema taken from another file's `components/schemas`:
# `components-schemas-certificate_authority`, `device-dex-test-schemas-http`. `schemas` is a
# word of the name only when it ends one (`parameter_schemas`).
_NOISE = re.compile(r"(^|[-_])(?:components-)?schemas-(?=[0-9A-Za-z])")
# A word as people write it: `access`, `d1`, `Stream`, `DNS`; not `TEQa8DPv` or `4L7ec3zG`.
_WORD = re.compile(r"[a-z]+[0-9]*|[A-Z][a-z]+[0-9]*|[A-Z]+[0-9]*")
_VOWELS = frozenset("aeiouyAEIOUY")


def component_namespaces(names: Iterable[str], separator: str) -> frozenset[str]:
    """The prefixes before `separator` that start two or more of `names`.

    `access_policy` and `access_rule` make `access` a namespace; `rate_plan` alone keeps
    `rate` as a word of its name. An empty separator finds none.
    """
    if not separator:
        return frozenset()
    counts = Counter(
        prefix
        for prefix, found, rest in (name.partition(separator) for name in names)
        if found and prefix and type_name(rest)
    )
    return frozenset(prefix for prefix, count in counts.items() if count >= 2)


@lru_cache(maxsize=None)
def split_component_name(name: str, namespaces: frozenset[str], separator: str) -> tuple[str, str]:
    """(namespace, local name) of a component name; the namespace is "" when it has none.

    `TEQa8DPv_components-schemas-certificate_authority` -> (`TEQa8DPv`,
    `certificate_authority`). The local name keeps whatever noise it needs to name anything.
    """
    namespace, found, rest = name.partition(separator) if separator else ("", "", name)
    if not found or namespace not in namespaces or not type_name(rest):
        namespace, rest = "", name
    local = _NOISE.sub(r"\1", rest) if separator else rest
    return namespace, local if type_name(local) else rest


@lru_cache(maxsize=None)
def is_readable(text: str) -> bool:
    """Whether a namespace reads as words (`legacy-jhs`, `d1`) rather than a random hash.

    Every part is a lowercase, Capitalised or UPPERCASE word, digits only at its end, and a
    lowercase word of five letters or more has a vowel: `twztnn43` is not a word.
    """
    parts = [part for part in _NOT_ALPHANUMERIC.split(text) if part]
    if not parts:
        return False
    for part in parts:
        if not _WORD.fullmatch(part):
            return False
        letters = part.rstrip("0123456789")
        if len(letters) > 4 and letters.islower() and not _VOWELS.intersection(letters):
            return False
    return True


def qualified(context: str, name: str) -> str:
    """`name` (a type name) prefixed with `context`'s words; "" when it starts with them.

    `qualified("dns_records", "Settings")` -> `DnsRecordsSettings`; `qualified("zones",
    "ZoneSetting")` -> "": the name already says where it belongs.
    """
    prefix = type_name(context)
    if not prefix:
        return ""
    words = [word.lower() for word in split_words(name)]
    for said in (split_words(context), split_words(singular(context))):
        if [word.lower() for word in said] == words[: len(said)]:
            return ""
    return prefix + name


class NameTable:
    """Unique names within one scope: the first to ask gets the plain name.

    `claim` tries candidates in order and falls back to numbering the first one (2, 3, ...),
    returning the name and whether a number had to be added.
    """

    __slots__ = ("_taken",)

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)

    def __contains__(self, name: str) -> bool:
        return name in self._taken

    def take(self, name: str) -> None:
        self._taken.add(name)

    def claim(self, candidates: Iterable[str], *, separator: str = "") -> tuple[str, bool]:
        first = ""
        for candidate in candidates:
            if not candidate:
                continue
            first = first or candidate
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate, False
        base = first.rstrip(separator) if separator else first
        number = 2
        while f"{base}{separator}{number}" in self._taken:
            number += 1
        name = f"{base}{separator}{number}"
        self._taken.add(name)
        return name, True


@lru_cache(maxsize=None)
def unique_identifiers(
    wire_names: tuple[str, ...], reserved: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Python names for `wire_names` (in order), unique, and none equal to another's wire name.

    A wire name that is already a valid identifier keeps it; one that had to change
    (`fooBar`, `class`, `x-id`) gives way when that collides, getting `_`, then a number.
    Claiming the unchanged names first also keeps every python name apart from the other
    fields' wire names, which matters because pydantic accepts both the alias and the
    python name on input: `{"foo_bar": ..}` must not mean two fields.
    """
    natural = [python_identifier(wire, reserved=reserved) for wire in wire_names]
    table = NameTable(reserved)
    names = [""] * len(wire_names)
    for index, wire in enumerate(wire_names):
        if natural[index] == wire and wire not in table:
            table.take(wire)
            names[index] = wire
    for index, name in enumerate(natural):
        if not names[index]:
            escaped = () if name.endswith("_") else (name + "_",)
            names[index], _ = table.claim([name, *escaped], separator="_")
    return tuple(names)
