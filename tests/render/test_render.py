"""The sample API rendered, formatted and written: what comes out compiles, type-checks, imports
lazily, and sends the right requests."""

from __future__ import annotations

import ast
import dataclasses
import json
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from render_helpers import CONFIG, run_python
from sample_api import CONNECTOR, CONNECTORS, DAY_OF_WEEK, UPGRADE_WINDOW, ref, sample_api

from generator import ir
from generator.format import format_source, needs_black
from generator.render import Layout, render

PACKAGE = PurePosixPath("src/cloudflare_api")


def test_rendering_twice_gives_the_same_bytes(rendered: dict[PurePosixPath, str]) -> None:
    again = render(sample_api(), CONFIG)
    assert list(again) == list(rendered)
    assert again == rendered


def test_the_package_has_the_designed_layout(rendered: dict[PurePosixPath, str]) -> None:
    paths = {str(path) for path in rendered}
    assert {
        "pyproject.toml",
        "README.md",
        f"{PACKAGE}/__init__.py",
        f"{PACKAGE}/_client.py",
        f"{PACKAGE}/_endpoint.py",
        f"{PACKAGE}/py.typed",
        f"{PACKAGE}/types/__init__.py",
        f"{PACKAGE}/types/magic.py",
        f"{PACKAGE}/types/token_validation.py",
        f"{PACKAGE}/resources/__init__.py",
        f"{PACKAGE}/resources/magic/__init__.py",
        f"{PACKAGE}/resources/magic/magic.py",
        f"{PACKAGE}/resources/magic/connectors.py",
        f"{PACKAGE}/resources/token_validation/config/__init__.py",
        f"{PACKAGE}/resources/token_validation/config/config.py",
        f"{PACKAGE}/resources/token_validation/config/credentials.py",
    } <= paths


def test_every_python_file_compiles_in_blacks_layout(rendered: dict[PurePosixPath, str]) -> None:
    for path, text in rendered.items():
        if path.suffix == ".py":
            compile(text, str(path), "exec")
            assert not needs_black(text), f"{path} has a line black would split"
            assert format_source(path, text) == text, f"{path} is not in black's layout"


def test_every_import_is_used(rendered: dict[PurePosixPath, str]) -> None:
    for path, text in rendered.items():
        if path.suffix != ".py" or path.name.startswith("_") and path.parent.name != "types":
            continue
        tree = ast.parse(text)
        imported = {
            (alias.asname or alias.name).split(".")[0]
            for node in tree.body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        exported = set(_all_of(tree))
        unused = imported - used - exported - {"annotations"}
        assert not unused, f"{path}: unused imports {sorted(unused)}"


def test_a_model_used_by_two_roots_lives_in_shared() -> None:
    api = sample_api()
    # the connectors' list now returns a TokenConfig too: used by both roots
    listing = dataclasses.replace(
        CONNECTORS.operations[0],
        payload=ir.Payload("result", ir.TypeRef("list", item=ref("model", "TokenConfig"))),
    )
    connectors = dataclasses.replace(CONNECTORS, operations=(listing, CONNECTORS.operations[1]))
    magic = dataclasses.replace(api.resources[0], children=(connectors,))
    api = dataclasses.replace(api, resources=(magic, api.resources[1]))
    layout = Layout(api)
    assert layout.type_module["TokenConfig"] == "_shared"
    # what a shared model refers to is shared too, so _shared never imports a root's module
    assert layout.type_module["Rule"] == "_shared"
    assert layout.type_module["Jwk"] == "_shared"
    assert layout.type_module["Connector"] == "magic"
    files = render(api, CONFIG)
    shared = files[PACKAGE / "types/_shared.py"]
    assert "from .magic" not in shared and "from .token_validation" not in shared


def test_an_unused_definition_is_not_rendered() -> None:
    orphan = dataclasses.replace(CONNECTOR, name="Orphan")
    api = dataclasses.replace(sample_api(), models=(*sample_api().models, orphan))
    files = render(api, CONFIG)
    assert not any("class Orphan" in text for text in files.values())


def test_a_number_enum_with_fractions_is_a_float() -> None:
    enum = ir.EnumType(
        "Ratio",
        "number",
        (ir.EnumMember("HALF", 0.5), ir.EnumMember("ONE", 1)),
        "A ratio.",
        "#/Ratio",
    )
    window = dataclasses.replace(
        UPGRADE_WINDOW,
        fields=(
            *UPGRADE_WINDOW.fields,
            dataclasses.replace(
                UPGRADE_WINDOW.fields[0], name="ratio", wire_name="ratio", type=ref("enum", "Ratio")
            ),
        ),
    )
    models = tuple(window if m is UPGRADE_WINDOW else m for m in sample_api().models)
    api = dataclasses.replace(sample_api(), models=models, enums=(DAY_OF_WEEK, enum))
    types = render(api, CONFIG)[PACKAGE / "types/magic.py"]
    assert "Ratio = float" in types
    assert 'DayOfWeek = Annotated[Literal["Sunday", "Monday", "Tuesday"], OPEN_ENUM]' in types


def test_the_package_passes_mypy_strict(package: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "src"],
        cwd=package,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_package_imports_no_resource_and_no_model(package: Path) -> None:
    result = run_python(
        "import sys, cloudflare_api\n"
        "from cloudflare_api import Cloudflare, AsyncCloudflare, NOT_GIVEN, APIError\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('cloudflare_api.')))\n",
        package,
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "cloudflare_api._client" in loaded
    assert not [
        m for m in loaded if m.startswith(("cloudflare_api.resources", "cloudflare_api.types"))
    ]


CALLS = r"""
import asyncio, json, sys
import httpx
from cloudflare_api import AsyncCloudflare, Cloudflare, InvalidArgumentError, MissingCredentialsError

sent = []

def reply(request):
    sent.append({"method": request.method, "url": str(request.url),
                 "auth": request.headers.get("authorization"),
                 "body": json.loads(request.content) if request.content else None})
    path = request.url.path
    if request.method == "DELETE":
        return httpx.Response(204)
    if request.method == "PUT":
        return httpx.Response(200, json={"success": True, "errors": [], "messages": [],
                                         "keys": [{"kty": "EC", "crv": "P-256"}]})
    if path.endswith("/token_validation/config"):
        page = int(request.url.params.get("page", "1"))
        return httpx.Response(200, json={"success": True, "errors": [], "messages": [],
            "result": [{"id": f"c{page}", "title": "t",
                        "rule": {"expression": "a", "rules": [{"expression": "b"}]}}],
            "result_info": {"page": page, "per_page": 1, "total_pages": 2}})
    return httpx.Response(200, json={"success": True, "errors": [], "messages": [],
        "result": {"id": "c1", "last-updated": "2024-02-09T10:00:00Z", "class": "x",
                   "upgrade_window": {"day_of_week": "Someday", "time_of_day": "02:00"}}})

client = Cloudflare(api_token="t0k", http_client=httpx.Client(transport=httpx.MockTransport(reply)))
connector = client.magic.connectors.edit("c1", account_id="a1", activated=True, notes=None)
out = {"connector": [type(connector).__name__, connector.id, connector.class_,
                     connector.last_updated.year, connector.upgrade_window.day_of_week]}
out["pages"] = [config.id for config in client.token_validation.config.list(zone_id="z1")]
out["rule"] = type(client.token_validation.config.list(zone_id="z1").items[0].rule.rules[0]).__name__
out["delete"] = client.token_validation.config.delete("cfg", zone_id="z1")
keys = client.token_validation.config.credentials.update(
    "cfg", zone_id="z1", keys=[{"kty": "EC", "crv": "P-256"}])
out["keys"] = [type(key).__name__ for key in keys]
raw = client.magic.connectors.with_raw_response.edit("c1", account_id="a1")
out["raw"] = [raw.status_code, type(raw.parse()).__name__]
try:
    client.magic.connectors.edit("c1", account_id="a1", interrupt_window_duration_hours=25)
except InvalidArgumentError as error:
    out["checked"] = str(error)
try:
    client.magic.connectors.edit("c1", account_id="a1", day_of_week="Someday")
except InvalidArgumentError as error:
    out["enum_checked"] = str(error)
try:
    Cloudflare()
except MissingCredentialsError as error:
    out["missing"] = str(error)

async def main():
    async with AsyncCloudflare(api_email="me@example.com", api_key="k3y",
                               http_client=httpx.AsyncClient(transport=httpx.MockTransport(reply))) as aclient:
        connector = await aclient.magic.connectors.edit("c1", account_id="a1")
        items = [config.id async for config in await aclient.token_validation.config.list(zone_id="z1")]
        return [connector.id, items, sent[-1]["auth"]]
out["async"] = asyncio.run(main())
out["sent"] = sent
print(json.dumps(out))
"""


def test_calls_send_the_right_requests_and_return_typed_payloads(package: Path) -> None:
    result = run_python(CALLS, package)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    # aliases, a keyword-named field, a date-time, an open enum keeping an unknown value
    assert out["connector"] == ["Connector", "c1", "x", 2024, "Someday"]
    assert out["pages"] == ["c1", "c2"]  # a paginated list follows the pages
    assert out["rule"] == "Rule"  # a recursive model
    assert out["delete"] is None  # no content
    assert out["keys"] == ["JwkEc"]  # the top-level `keys`, through the discriminated union
    assert out["raw"] == [200, "Connector"]
    assert "interrupt_window_duration_hours" in out["checked"]
    assert "day_of_week" in out["enum_checked"]
    assert "api_token=" in out["missing"] and "CLOUDFLARE_API_TOKEN" in out["missing"]
    assert out["async"] == ["c1", ["c1", "c2"], None]
    edit = out["sent"][0]
    assert edit == {
        "method": "PATCH",
        "url": "https://api.cloudflare.com/client/v4/accounts/a1/magic/connectors/c1",
        "auth": "Bearer t0k",
        "body": {"activated": True, "notes": None},
    }
    assert out["sent"][1]["url"].endswith("/zones/z1/token_validation/config")
    assert out["sent"][2]["url"].endswith("/zones/z1/token_validation/config?page=2")
    put = next(request for request in out["sent"] if request["method"] == "PUT")
    assert put["body"] == {"keys": [{"kty": "EC", "crv": "P-256"}]}


def _all_of(tree: ast.Module) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return value
    return []


@pytest.mark.parametrize("name", ["README.md", "pyproject.toml"])
def test_the_project_files_name_the_package(rendered: dict[PurePosixPath, str], name: str) -> None:
    text = rendered[PurePosixPath(name)]
    assert "cloudflare-api" in text or "cloudflare_api" in text


def test_a_discriminated_union_types_each_member_tag_as_a_literal() -> None:
    kty = ir.EnumType("KeyType", "string", (ir.EnumMember("EC", "EC"),), "Key type.", "#/KeyType")
    models = tuple(
        (
            dataclasses.replace(
                model, fields=(dataclasses.replace(model.fields[0], type=ref("enum", "KeyType")),)
            )
            if model.name == "JwkEc"
            else model
        )
        for model in sample_api().models
    )
    api = dataclasses.replace(sample_api(), models=models, enums=(*sample_api().enums, kty))
    types = render(api, CONFIG)[PACKAGE / "types/token_validation.py"]
    assert 'kty: Literal["EC"]' in types and 'kty: Literal["RSA"]' in types
    assert 'Jwk = Annotated[JwkRsa | JwkEc, Field(discriminator="kty")]' in types
    assert "KeyType" not in types, "the tag's own enum is no longer used"


def test_a_union_with_an_untagged_member_is_a_plain_union() -> None:
    api = sample_api()
    jwk = api.unions[0]
    assert jwk.discriminator is not None
    only_rsa = dataclasses.replace(
        jwk, discriminator=dataclasses.replace(jwk.discriminator, mapping=(("RSA", "JwkRsa"),))
    )
    types = render(dataclasses.replace(api, unions=(only_rsa,)), CONFIG)[
        PACKAGE / "types/token_validation.py"
    ]
    assert "Jwk = JwkRsa | JwkEc" in types
    assert "kty: str" in types


@pytest.mark.parametrize(
    ("style", "explode", "expected"),
    [
        (None, None, None),
        ("form", False, "form"),
        ("form", True, None),
        ("pipeDelimited", False, "pipeDelimited"),
        ("spaceDelimited", None, "spaceDelimited"),
        ("deepObject", True, "deepObject"),
    ],
)
def test_query_styles_other_than_exploded_form_reach_the_endpoint(
    style: str | None, explode: bool | None, expected: str | None
) -> None:
    tags = ir.Parameter(
        "tag", "tag", "query", ir.TypeRef("list", item=ir.TypeRef("string")), False, "", "#/t"
    )
    tags = dataclasses.replace(tags, style=style, explode=explode)
    api = sample_api()
    resource = api.resources[0].children[0]  # magic.connectors
    listing = dataclasses.replace(
        resource.operations[0], parameters=(*resource.operations[0].parameters, tags)
    )
    resource = dataclasses.replace(resource, operations=(listing, *resource.operations[1:]))
    magic = dataclasses.replace(api.resources[0], children=(resource,))
    source = render(dataclasses.replace(api, resources=(magic, *api.resources[1:])), CONFIG)[
        PurePosixPath("src/cloudflare_api/resources/magic/connectors.py")
    ]

    if expected is None:
        assert "query_styles" not in source
    else:
        assert f'query_styles=(("tag", "{expected}"),)' in source


def test_a_required_body_with_fields_is_marked_on_the_endpoint(
    rendered: dict[PurePosixPath, str],
) -> None:
    credentials = rendered[
        PurePosixPath("src/cloudflare_api/resources/token_validation/config/credentials.py")
    ]
    assert "body_required=True" in credentials


def test_operations_with_the_same_checks_share_one_checks_model() -> None:
    api = sample_api()
    resource = api.resources[0].children[0]  # magic.connectors: list, edit
    listing, edit = resource.operations
    get = dataclasses.replace(listing, operation_id="mconn-get", name="get")
    put = dataclasses.replace(edit, operation_id="mconn-put", name="update", method="PUT")
    resource = dataclasses.replace(resource, operations=(listing, edit, get, put))
    magic = dataclasses.replace(api.resources[0], children=(resource,))
    source = render(dataclasses.replace(api, resources=(magic, *api.resources[1:])), CONFIG)[
        PurePosixPath("src/cloudflare_api/resources/magic/connectors.py")
    ]

    module = ast.parse(source)
    models = {
        node.name: ast.get_docstring(node)
        for node in module.body
        if isinstance(node, ast.ClassDef) and node.name.endswith("Arguments")
    }
    assert models == {
        # the same path parameters checked: named after them
        "_AccountIdArguments": "The arguments of `list` and `get` with constraints the client checks.",
        # the same body: named after the first operation
        "_EditArguments": "The arguments of `edit` and `update` with constraints the client checks.",
    }
    assert source.count("checks=_AccountIdArguments") == 2
    assert source.count("checks=_EditArguments") == 2
