"""Spec text reaches generated code only as inert text: docstrings, string literals, checked names."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import PurePosixPath

import pytest
from sample_api import CONNECTOR, CONNECTORS, MAGIC, sample_api

from generator import ir
from generator.config import Config
from generator.format import format_source
from generator.render import (
    RenderError,
    docstring,
    escape,
    layout,
    literal_group,
    py_literal,
    render,
)

# Each tries another way out of a docstring or a template; none may become code.
HOSTILE = [
    '"""\nimport antigravity\n"""',
    'ends with a quote"',
    "ends with a backslash \\",
    "{{ PWNED }} and {% raw %}{{ PWNED }}{% endraw %} and {# comment #}",
    "'''\nPWNED = 1\n'''",
    "control \x00 \x07 \x1b[31m chars \u2028 and a tab\there",
    '\\"""\nPWNED()\n#',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_docstring_holds_any_text_as_it_is(text: str) -> None:
    source = f"def f():\n    {docstring(text, 4)}\n"
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1, "the text must not add statements"
    kept = ast.get_docstring(function, clean=False)
    assert kept is not None
    # wrapping changes the whitespace, nothing else
    assert "".join(kept.split()) == "".join(text.split())


@pytest.mark.parametrize("text", HOSTILE + ["it's", 'say "hi"', "é ü \u00a0"])
def test_a_string_literal_evaluates_to_the_text(text: str) -> None:
    literal = escape(text, "str")
    assert ast.literal_eval(literal) == text


@pytest.mark.parametrize("name", ["class", "import os", "a-b", "", "1st", "match"])
def test_an_unsafe_identifier_is_refused(name: str) -> None:
    with pytest.raises(RenderError, match="not a safe Python identifier"):
        escape(name, "ident")


def test_json_values_become_python_literals() -> None:
    value: ir.JsonValue = {"a": [1, 2.5, True, None, 'x"y'], "b": {}}
    assert ast.literal_eval(py_literal(value)) == value


@pytest.mark.parametrize(
    "value", ["it's", 'say "hi"', "a'b'c\"d", 'a\'b"c"d', "\\'\"", 1e16, 2.5e-7, [{"k": "v" * 90}]]
)
def test_a_literal_is_written_as_black_writes_it(value: object) -> None:
    source = f"x = {layout(literal_group(value))}\n"
    assert format_source(PurePosixPath("x.py"), source) == source


def test_hostile_spec_text_everywhere_renders_harmless_code() -> None:
    api = _with_hostile_text(sample_api())
    files = render(api, Config())
    for path, text in files.items():
        if path.suffix != ".py":
            continue
        tree = ast.parse(text, str(path))  # compiles
        compile(tree, str(path), "exec")
        assert format_source(path, text) == text, f"{path}: not in black's layout"
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                assert node.id != "PWNED", f"{path}: spec text became code"
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names]
                assert "antigravity" not in names, f"{path}: spec text became an import"
    assert "{{ PWNED }}" in files[PurePosixPath("src/cloudflare_api/types/magic.py")]


def test_a_name_that_is_not_an_identifier_stops_the_render() -> None:
    bad_operation = dataclasses.replace(CONNECTORS.operations[0], name="import os")
    connectors = dataclasses.replace(CONNECTORS, operations=(bad_operation,))
    api = dataclasses.replace(
        sample_api(), resources=(dataclasses.replace(MAGIC, children=(connectors,)),)
    )
    with pytest.raises(RenderError, match="'import os' is not a safe Python identifier"):
        render(api, Config())

    bad_field = dataclasses.replace(CONNECTOR.fields[0], name="class")
    models = tuple(
        dataclasses.replace(model, fields=(bad_field,)) if model is CONNECTOR else model
        for model in sample_api().models
    )
    with pytest.raises(RenderError, match="'class' is not a safe Python identifier"):
        render(dataclasses.replace(sample_api(), models=models), Config())


def _with_hostile_text(api: ir.Api) -> ir.Api:
    """The API with every piece of free text, and every wire name and value it can take,
    replaced by the hostile samples."""
    texts = iter(HOSTILE * 100)

    def swap(node: object) -> object:
        if isinstance(node, tuple):
            return tuple(swap(item) for item in node)
        if not dataclasses.is_dataclass(node) or isinstance(node, type):
            return node
        changes: dict[str, object] = {}
        for item in dataclasses.fields(node):
            value = getattr(node, item.name)
            if item.name in ("doc", "summary", "description", "title") and isinstance(value, str):
                changes[item.name] = next(texts)
            elif item.name == "wire_name" and isinstance(node, ir.Field):
                changes[item.name] = next(texts)
            elif isinstance(node, ir.EnumMember) and item.name == "value":
                changes[item.name] = f"{value} {next(texts)}"
            else:
                changes[item.name] = swap(value)
        return dataclasses.replace(node, **changes)  # type: ignore[type-var]

    swapped = swap(api)
    assert isinstance(swapped, ir.Api)
    return swapped
