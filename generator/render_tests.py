"""Render the tests of a generated package: `ir.Api` + `Config` -> {path: text} under tests/.

    tests/conftest.py                 the `call` fixture (each offline test runs once on the
                                      sync client, once on the async one); Prism for `contract`
    tests/mock_transport.py           the transport: one canned reply, every request recorded
                                      and compared with the spec's by `assert_sent`
    tests/resources/test_<resource>.py  per operation: offline tests, a contract test

What the tests expect comes from the IR: the method, the path template, each parameter's wire
name and location, the constraints and enums. The values sent and received come from the spec's
examples or are synthesised (`generator.examples`). How the client spells things (python names,
which argument is positional, the types module a model lives in) comes from the render stage's
layout, so the tests call the client the way a user would. A client that disagrees with the spec
(a wrong path segment or method, a dropped query parameter, a body field under a wrong wire
name) fails them.

The Python side here decides everything and lays each statement out as black would
(`render.Group`), so the format stage trusts the test modules as it trusts the client; the
templates in templates/tests/ give the tests their shape and place the statements.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import quote

import jinja2

from . import ir
from .config import Config
from .examples import Example, Examples
from .render import (
    INDENT,
    LINE_LENGTH,
    Argument,
    AuthPlan,
    Group,
    Imports,
    Layout,
    Method,
    TypeNamer,
    auth_plan,
    bytes_literal,
    escape,
    flat,
    layout,
    literal_group,
    model_attribute,
    plan_method,
    prefixed,
)

TESTS = PurePosixPath("tests")
# what follows `test_<method>` in the names of an operation's tests (templates/tests/macros.j2)
TEST_SUFFIXES = (
    "",
    "_with_every_argument",
    "_raw_response",
    "_encodes_path_parameters",
    "_rejects_invalid_argument",
)

# the value a path parameter takes in the test that checks it is percent-encoded
ENCODED_PATH_VALUE = "id/with space"
_REPEAT_AT: int = 12  # strings and lists longer than this made of one repeated part: `"x" * 33`
_SHORT: int = 60  # a model's field checked is the first whose value's code is this short, if any
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")

# where the templates place the pieces laid out here
_CLASS = len(INDENT)  # decorators and def lines
_BODY = 2 * len(INDENT)  # a test's statements
_BLOCK = 3 * len(INDENT)  # statements inside `with pytest.raises(...)`


# ---------------------------------------------------------------------------------------------
# The plan: everything the templates place, decided and laid out here


@dataclass(frozen=True, slots=True)
class Credential:
    argument: str  # client constructor argument: "api_token"
    env_var: str
    header: str  # "Authorization"
    value: str  # what the tests pass: "test-api-token"
    header_value: str  # what the header carries: "Bearer test-api-token"


@dataclass(frozen=True, slots=True)
class Check:
    """One assertion: `left operator right`, or `isinstance(left, right)`."""

    left: str
    operator: Literal["==", "is", "is not", "isinstance"]
    right: Group | str

    def statement(self, indent: int = _BODY) -> str:
        """The `assert` statement at `indent` columns, laid out as black would."""
        if self.operator == "isinstance":
            return Group("assert isinstance(", [self.left, self.right], ")").layout(indent)
        if isinstance(self.right, Group):
            # black splits inside the display on the right rather than around the comparison
            return layout(prefixed(f"assert {self.left} {self.operator} ", self.right), indent)
        condition = f"{self.left} {self.operator} {self.right}"
        if indent + len("assert ") + len(condition) <= LINE_LENGTH:
            return f"assert {condition}"
        # black puts the condition in parentheses, and splits it before the operator if need be
        pad, inner = " " * indent, " " * (indent + len(INDENT))
        if len(inner) + len(condition) <= LINE_LENGTH:
            return f"assert (\n{inner}{condition}\n{pad})"
        return f"assert (\n{inner}{self.left}\n{inner}{self.operator} {self.right}\n{pad})"


@dataclass(frozen=True, slots=True)
class ExpectedRequest:
    """What one call must send: the arguments of `transport.assert_sent(...)`."""

    method: str
    path: str  # percent-encoded, relative to the base URL
    query: tuple[tuple[str, str | list[str]], ...]
    headers: tuple[tuple[str, str], ...]  # (header name, value)
    body: tuple[str, Group | str] | None  # ("json" | "content" | "form", code); None: unchecked

    def with_headers(self, headers: Sequence[tuple[str, str]]) -> ExpectedRequest:
        return ExpectedRequest(
            self.method, self.path, self.query, (*self.headers, *headers), self.body
        )

    def statement(self) -> str:
        items: list[Group | str] = [escape(self.method, "str"), escape(self.path, "str")]
        if self.query:
            items.append(prefixed("query=", literal_group(dict(self.query))))
        if self.headers:
            items.append(prefixed("headers=", literal_group(dict(self.headers))))
        if self.body is not None:
            keyword, code = self.body
            items.append(prefixed(f"{keyword}=", code))
        return Group("transport.assert_sent(", items, ")").layout(_BODY)


@dataclass(frozen=True, slots=True)
class PlannedCall:
    """One call of a method: its arguments as code, and what it must send."""

    arguments: tuple[Group | str, ...]  # the positional value, then `name=value`s
    expected: ExpectedRequest
    skip: str  # a reason to skip the tests making this call ("" to run them)


@dataclass(frozen=True, slots=True)
class OperationTests:
    """The tests of one operation: what they do, and their statements laid out."""

    operation: ir.Operation
    name: str  # method name
    target: str  # "magic.connectors.get": where the method hangs on the client
    required: PlannedCall
    every: PlannedCall | None  # with every optional argument too; None when there is none
    credentials: str  # the `credentials` marker when the test needs other credentials, or ""
    reply: str  # `transport.reply(...)`
    status: int  # the reply's status code
    required_call: str  # `result = call(lambda client: client.<target>(...))`
    required_sent: str  # `transport.assert_sent(...)`, with the credentials' headers
    result_checks: tuple[str, ...]  # on what the call returned
    every_call: str  # with every argument ("" when there is no optional one)
    every_sent: str
    every_result_checks: tuple[str, ...]  # the first of the result checks
    raw_call: str  # `response = call(lambda client: client.<raw target>(...))`
    raw_checks: tuple[str, ...]  # on `response.parse()` bound to `parsed`
    encoded_call: str  # a call with a path value that needs percent-encoding ("" if none)
    encoded_check: str  # the path it must make
    invalid_values: str  # `@pytest.mark.parametrize(...)` of the values refused ("" if none)
    invalid_call: str  # the call with one of them, inside `with pytest.raises(...)`
    contract_values: str  # `@pytest.mark.parametrize(...)` of the contract test's arguments
    contract_call: str  # the call to Prism
    contract_checks: tuple[str, ...]  # on what it returned, bound to `result`

    def skip(self, every: bool = False) -> str:
        """The skip marker of the tests sending the required (or every) argument, or ""."""
        call = self.every if every else self.required
        reason = call.skip if call is not None else ""
        return _decorator("pytest.mark.skip", [f"reason={escape(reason, 'str')}"]) if reason else ""


@dataclass(frozen=True, slots=True)
class ResourceTests:
    resource: ir.Resource
    path: PurePosixPath  # tests/resources/test_magic_connectors.py
    title: str  # "Connectors": the test classes are TestConnectors and TestConnectorsContract
    target: str  # "magic.connectors"
    operations: tuple[OperationTests, ...]
    constants: tuple[str, ...]  # module-level assignments
    imports: str


@dataclass(frozen=True, slots=True)
class ConftestPlan:
    credentials: tuple[Credential, ...]
    default_credentials: str  # the tuple of the default credential arguments, as code
    spec_path: str  # `SPEC_PATH = "..."`: the spec, relative to the output folder (POSIX)


@dataclass(slots=True)
class TestPlan:
    """The tests of one package, plus what example synthesis could not do (diagnostics)."""

    conftest: ConftestPlan
    resources: list[ResourceTests]
    diagnostics: list[object] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Entry points


def render_tests(
    api: ir.Api, config: Config, environment: jinja2.Environment
) -> dict[PurePosixPath, str]:
    """The files of the generated package's tests/ folder, by path relative to the out dir."""
    plan = plan_tests(api, config)
    common = {"api": api, "config": config, "conftest": plan.conftest, "test_def": _test_def}
    files = {
        TESTS / name: environment.get_template(f"tests/{name}.j2").render(**common)
        for name in ("conftest.py", "mock_transport.py")
    }
    template = environment.get_template("tests/test_resource.py.j2")
    for resource_tests in plan.resources:
        files[resource_tests.path] = template.render(**common, tests=resource_tests)
    return files


def plan_tests(api: ir.Api, config: Config) -> TestPlan:
    planner = _Planner(api, config)
    resources = [planner.resource(resource) for resource in _resources(api)]
    plan = TestPlan(planner.conftest(), [tests for tests in resources if tests.operations])
    plan.diagnostics.extend(planner.examples.diagnostics)
    return plan


def _resources(api: ir.Api) -> Iterator[ir.Resource]:
    stack = list(reversed(api.resources))
    while stack:
        resource = stack.pop()
        yield resource
        stack.extend(reversed(resource.children))


# ---------------------------------------------------------------------------------------------
# Planning


class _Planner:
    def __init__(self, api: ir.Api, config: Config) -> None:
        self.api = api
        self.config = config
        self.package = escape(config.package_name, "ident")
        self.layout = Layout(api)
        self.namer = TypeNamer(self.layout)
        self.examples = Examples(api)
        self.auth = auth_plan(api)
        self.credentials = tuple(_credential(scheme, self.auth) for scheme in self.auth.schemes)
        self.default_credentials = self.auth.alternatives[0] if self.auth.alternatives else ()
        self.argument_of = {scheme.name: scheme.argument for scheme in self.auth.schemes}
        self.module_names: set[str] = set()

    def conftest(self) -> ConftestPlan:
        spec = os.path.relpath(self.config.spec.resolve(), self.config.out.resolve())
        defaults = [escape(self.argument_of[name], "str") for name in self.default_credentials]
        return ConftestPlan(
            credentials=self.credentials,
            default_credentials=Group("(", defaults, ")", display=True, one_tuple=True).flat(),
            spec_path=_assignment(
                "SPEC_PATH", escape(PurePosixPath(*spec.split(os.sep)).as_posix(), "str")
            ),
        )

    def resource(self, resource: ir.Resource) -> ResourceTests:
        module = "test_" + "_".join(resource.path)
        while module in self.module_names:
            module += "_"
        self.module_names.add(module)
        imports = Imports(depth=0)
        imports.module("pytest")
        imports.local(self.package, self.config.client_name)
        imports.local("mock_transport", "REQUEST_ID", "Call", "RecordingTransport")
        constants: dict[str, Group | str] = {}
        operations = [
            self.operation(resource, operation, imports, constants)
            for operation in resource.operations
        ]
        title = resource.class_name.removesuffix("Resource") or resource.class_name
        return ResourceTests(
            resource=resource,
            path=TESTS / "resources" / f"{module}.py",
            title=title,
            target=".".join(resource.path),
            operations=tuple(operations),
            constants=tuple(_assignment(name, code) for name, code in constants.items()),
            imports=imports.render(),
        )

    def operation(
        self,
        resource: ir.Resource,
        operation: ir.Operation,
        imports: Imports,
        constants: dict[str, Group | str],
    ) -> OperationTests:
        method = plan_method(operation, self.namer)
        values = {
            argument.name: self._argument_example(operation, argument)
            for argument in method.arguments
        }
        required = [argument for argument in method.arguments if argument.required]
        optional = [argument for argument in method.arguments if not argument.required]
        constant = escape(operation.name, "ident").upper()
        name = escape(operation.name, "ident")
        target = ".".join([*resource.path, name])
        raw_target = ".".join([*resource.path, "with_raw_response", name])

        required_call = self._call(operation, method, required, values, imports)
        every_call = (
            self._call(operation, method, method.arguments, values, imports) if optional else None
        )
        arguments = f"{constant}_ARGUMENTS"
        constants[arguments] = Group(
            "{",
            [self._keyword(argument, values, imports, ": ") for argument in required],
            "}",
            display=True,
        )
        all_arguments = ""
        if optional:
            all_arguments = f"{constant}_ALL_ARGUMENTS"
            entries = [self._keyword(argument, values, imports, ": ") for argument in optional]
            constants[all_arguments] = Group("{", [f"**{arguments}", *entries], "}", display=True)

        reply, status, payload = self._reply(operation, constant, constants)
        result_name = "page" if operation.pagination is not None else "result"
        result_checks = self._result_checks(operation, result_name, payload, imports)
        raw_checks = self._result_checks(operation, "parsed", payload, imports, brief=True)
        credentials, auth_headers = self._auth(operation)

        def call(
            arguments: Sequence[Group | str],
            assign: str = "",
            raw: bool = False,
            indent: int = _BODY,
        ) -> str:
            """`call(lambda client: client.<target>(arguments))`, assigned to `assign` if given."""
            function = f"lambda client: client.{raw_target if raw else target}("
            statement = Group("call(", [Group(function, arguments, ")")], ")")
            return _assignment(assign, statement, indent) if assign else statement.layout(indent)

        def with_required(entry: str) -> Group:
            """`**{**<required arguments>, entry}`"""
            return Group("**{", [f"**{arguments}", entry], "}", display=True)

        encoded_call = encoded_check = ""
        encoded = self._encoded(operation, method, values)
        if encoded is not None:
            entry, path = encoded
            encoded_call = call([with_required(entry)])
            encoded_check = Check("transport.request.path", "==", escape(path, "str")).statement()
        invalid = list(self._invalid(method, values, imports))
        if invalid:
            imports.local(self.package, "InvalidArgumentError")
        names = Group("(", ['"argument"', '"value"'], ")", display=True)

        contract_values = ""
        if every_call is not None:
            contract_values = _parametrize(
                '"arguments"',
                [
                    _param([arguments], "required", required_call.skip),
                    _param([all_arguments], "every", every_call.skip),
                ],
            )
        contract_checks = self._contract_checks(operation, imports)
        contract_call = Group(
            f"prism_client.{target}(", ["**arguments" if contract_values else f"**{arguments}"], ")"
        )
        markers = [escape(argument, "str") for argument in credentials]

        return OperationTests(
            operation=operation,
            name=name,
            target=target,
            required=required_call,
            every=every_call,
            credentials=_decorator("pytest.mark.credentials", markers) if markers else "",
            reply=reply,
            status=status,
            required_call=call(required_call.arguments, result_name),
            required_sent=required_call.expected.with_headers(auth_headers).statement(),
            result_checks=tuple(check.statement() for check in result_checks),
            every_call=call([f"**{all_arguments}"], result_name) if every_call else "",
            every_sent=every_call.expected.statement() if every_call else "",
            every_result_checks=tuple(check.statement() for check in result_checks[:1]),
            raw_call=call([f"**{arguments}"], "response", raw=True),
            raw_checks=tuple(check.statement() for check in raw_checks),
            encoded_call=encoded_call,
            encoded_check=encoded_check,
            invalid_values=_parametrize(names, invalid) if invalid else "",
            invalid_call=call([with_required("argument: value")], indent=_BLOCK),
            contract_values=contract_values,
            contract_call=(
                _assignment("result", contract_call, _BODY)
                if contract_checks
                else contract_call.layout(_BODY)
            ),
            contract_checks=tuple(check.statement() for check in contract_checks),
        )

    # arguments and the requests they make

    def _argument_example(self, operation: ir.Operation, argument: Argument) -> Example:
        for parameter in operation.parameters:
            if parameter.name == argument.name:
                return self.examples.parameter(parameter)
        body = operation.request_body
        assert body is not None, f"{operation.operation_id}: argument {argument.name} has no source"
        if argument.location == "body_whole":
            example = self.examples.whole_body(body)
            if _is_raw(body.content_type) and not isinstance(example.value, str):
                return Example("content")
            return example
        body_field = next(f for f in body.fields if f.name == argument.name)
        return self.examples.body_field(body, body_field)

    def _keyword(
        self, argument: Argument, values: dict[str, Example], imports: Imports, separator: str
    ) -> Group | str:
        """`name=value` (or `"name": value` with separator ": ") for one argument."""
        key = argument.name if separator == "=" else escape(argument.name, "str")
        value = self._python(values[argument.name].value, argument.type, imports)
        return prefixed(f"{key}{separator}", value)

    def _call(
        self,
        operation: ir.Operation,
        method: Method,
        arguments: Sequence[Argument],
        values: dict[str, Example],
        imports: Imports,
    ) -> PlannedCall:
        given = {argument.name for argument in arguments}
        code: list[Group | str] = []
        for argument in method.signature_order:
            if argument.name not in given:
                continue
            if argument is method.positional:
                code.append(self._python(values[argument.name].value, argument.type, imports))
            else:
                code.append(self._keyword(argument, values, imports, "="))
        problems = [
            values[argument.name].problem for argument in arguments if values[argument.name].problem
        ]
        expected = self._expected(operation, arguments, values)
        return PlannedCall(tuple(code), expected, "; ".join(dict.fromkeys(problems)))

    def _expected(
        self, operation: ir.Operation, arguments: Sequence[Argument], values: dict[str, Example]
    ) -> ExpectedRequest:
        path = operation.path
        query: list[tuple[str, str | list[str]]] = []
        headers: list[tuple[str, str]] = []
        body_fields: dict[str, ir.JsonValue] = {}
        whole: tuple[Argument, ir.JsonValue] | None = None
        parameters = {parameter.name: parameter for parameter in operation.parameters}
        for argument in arguments:
            value = values[argument.name].value
            if argument.location == "path":
                text = quote(_text(value, argument.type), safe="")
                path = path.replace("{" + argument.wire_name + "}", text)
            elif argument.location == "query":
                query.extend(_query_items(parameters[argument.name], value))
            elif argument.location == "header":
                headers.append((argument.wire_name, _text(value, argument.type)))
            elif argument.location == "body":
                body_fields[argument.wire_name] = _wire(value, argument.type)
            else:
                whole = (argument, value)
        body = self._expected_body(operation, body_fields, whole)
        return ExpectedRequest(operation.method, path, tuple(_by_name(query)), tuple(headers), body)

    def _expected_body(
        self,
        operation: ir.Operation,
        fields: dict[str, ir.JsonValue],
        whole: tuple[Argument, ir.JsonValue] | None,
    ) -> tuple[str, Group | str] | None:
        body = operation.request_body
        if body is None:
            return ("content", 'b""')
        if not fields and whole is None and not body.required:
            return None  # the spec allows no body and an empty one alike
        content_type = body.content_type
        if whole is not None:
            argument, value = whole
            if _is_json(content_type):
                return ("json", _literal(_wire(value, argument.type)))
            if content_type in _FORM_TYPES and isinstance(value, dict):
                fields = dict(value)
            else:
                text = value if isinstance(value, str) else json.dumps(value)
                return ("content", _literal(text.encode()))
        if _is_json(content_type):
            return ("json", _literal(fields))
        if content_type in _FORM_TYPES:
            entries = [
                prefixed(f"{escape(name, 'str')}: ", _form_value(value))
                for name, value in fields.items()
            ]
            return ("form", Group("{", entries, "}", display=True))
        return ("content", _literal(json.dumps(fields).encode()))

    def _python(self, value: ir.JsonValue, type_ref: ir.TypeRef, imports: Imports) -> Group | str:
        """Code for the Python value a caller passes for `value` of `type_ref`: dates as
        `datetime` objects, binary content as bytes, everything else as its JSON literal."""
        if value is None:
            return "None"
        kind, string_format = type_ref.kind, type_ref.format
        if kind == "string" and string_format == "date" and isinstance(value, str):
            imports.module("datetime")
            day = datetime.date.fromisoformat(value)
            return f"datetime.date({day.year}, {day.month}, {day.day})"
        if kind == "string" and string_format == "date-time" and isinstance(value, str):
            imports.module("datetime")
            return _datetime_code(_utc(value))
        if kind == "string" and string_format == "binary" and isinstance(value, str):
            return _literal(value.encode())
        if kind == "list" and isinstance(value, list) and type_ref.item is not None:
            item_type = type_ref.item
            items = [self._python(item, item_type, imports) for item in value]
            if not items:
                return "[]"
            return _repeated([flat(item) for item in items]) or Group("[", items, "]", display=True)
        return _literal(value)

    # the reply and what the method makes of it

    def _reply(
        self, operation: ir.Operation, constant: str, constants: dict[str, Group | str]
    ) -> tuple[str, int, ir.JsonValue]:
        """`transport.reply(...)`, the status it sets and the payload the call returns."""
        example = self.examples.response(operation)
        status = str(example.status)
        if example.content_type is None:
            return _reply([status]), example.status, None
        body = example.body
        if _raw_payload(operation.payload):
            text = body if isinstance(body, str) else json.dumps(body)
            content_type = escape(example.content_type, "str")
            arguments = [status, prefixed("content=", _literal(text.encode()))]
            return _reply([*arguments, f"content_type={content_type}"]), example.status, text
        code = _literal(body)
        name = next(
            (n for n, c in constants.items() if n.endswith("_RESPONSE") and flat(c) == flat(code)),
            "",
        )
        if not name:
            name = f"{constant}_RESPONSE"
            constants[name] = code
        return _reply([status, name]), example.status, example.payload

    def _result_checks(
        self,
        operation: ir.Operation,
        variable: str,
        payload: ir.JsonValue,
        imports: Imports,
        brief: bool = False,
    ) -> list[Check]:
        """What the call's return value (or a raw response's parse) must hold; `brief`: its
        type, without the field values."""
        if operation.payload.kind == "none" or operation.payload.type is None:
            return [Check(variable, "is", "None")]
        if operation.pagination is not None:
            items = payload if isinstance(payload, list) else []
            checks = [Check(f"len({variable}.items)", "==", str(len(items)))]
            if items:
                item_checks = self._value_checks(
                    f"{variable}.items[0]", operation.pagination.item, items[0], imports
                )
                checks += item_checks[:1] if brief else item_checks
            return checks
        if _raw_payload(operation.payload):
            if _annotation_kind(operation.payload.type) == "bytes":
                return [Check(variable, "==", _literal(str(payload).encode()))]
            return [Check(variable, "==", _literal(payload))]
        checks = self._value_checks(variable, operation.payload.type, payload, imports)
        return checks[:1] if brief else checks

    def _value_checks(
        self,
        expression: str,
        type_ref: ir.TypeRef,
        value: ir.JsonValue,
        imports: Imports,
        depth: int = 0,
    ) -> list[Check]:
        """Assertions that `expression` holds `value` read as `type_ref`: its type, and one
        field value for a model (descending one level when the top has no scalar)."""
        kind = type_ref.kind
        if value is None:
            return [Check(expression, "is", "None")]
        if kind == "model":
            model = self.layout.models[type_ref.name]
            self._import_model(imports, model.name)
            checks = [Check(expression, "isinstance", model.name)]
            return checks + self._field_check(expression, model, value, imports, depth)
        if kind == "union":
            member = self._union_member(type_ref, value)
            if member is not None:
                return self._value_checks(expression, member, value, imports, depth)
            return [Check(expression, "is not", "None")]
        if kind == "list" and isinstance(value, list) and type_ref.item is not None:
            checks = [
                Check(expression, "isinstance", "list"),
                Check(f"len({expression})", "==", str(len(value))),
            ]
            if value and depth < 2:
                checks += self._value_checks(
                    f"{expression}[0]", type_ref.item, value[0], imports, depth + 1
                )
            return checks
        if kind == "map" and isinstance(value, dict) and type_ref.item is not None:
            checks = [Check(expression, "isinstance", "dict")]
            for key, item in list(value.items())[:1]:
                checks += self._value_checks(
                    f"{expression}[{escape(key, 'str')}]", type_ref.item, item, imports, depth + 1
                )
            return checks
        if kind == "string" and type_ref.format in ("date", "date-time"):
            imports.module("datetime")
            python_type = "datetime.date" if type_ref.format == "date" else "datetime.datetime"
            return [Check(expression, "isinstance", python_type)]
        if kind == "string" and type_ref.format == "binary":
            return [Check(expression, "==", _literal(str(value).encode()))]
        return [Check(expression, "==", _literal(value))]

    def _field_check(
        self, expression: str, model: ir.Model, value: ir.JsonValue, imports: Imports, depth: int
    ) -> list[Check]:
        """The value of one scalar field read (the first with a short value, if any), else of
        one in a nested model."""
        if not isinstance(value, dict):
            return []
        nested: list[tuple[str, ir.Field]] = []
        scalars: list[Check] = []
        for model_field in model.fields:
            if model_field.wire_name not in value or model_field.write_only:
                continue
            item = value[model_field.wire_name]
            attribute = model_attribute(escape(model_field.name, "ident"))
            kind = model_field.type.kind
            scalar = isinstance(item, str | int | float) and kind in (
                "string",
                "integer",
                "number",
                "boolean",
                "enum",
            )
            if scalar and (
                kind != "string" or model_field.type.format not in ("date", "date-time", "binary")
            ):
                scalar_check = Check(f"{expression}.{attribute}", "==", _literal(item))
                if len(flat(scalar_check.right)) <= _SHORT:
                    return [scalar_check]
                scalars.append(scalar_check)
            if kind == "model" and isinstance(item, dict):
                nested.append((attribute, model_field))
        if scalars:
            return scalars[:1]
        if depth == 0:
            for attribute, model_field in nested:
                inner = self.layout.models[model_field.type.name]
                checks = self._field_check(
                    f"{expression}.{attribute}",
                    inner,
                    value[model_field.wire_name],
                    imports,
                    depth + 1,
                )
                if checks:
                    return checks
        return []

    def _union_member(self, type_ref: ir.TypeRef, value: ir.JsonValue) -> ir.TypeRef | None:
        """The member of a union a value is read as, when that is certain: the discriminator
        says, or exactly one member fits."""
        union = self.layout.unions[type_ref.name]
        found = union.discriminator
        if (
            found is not None
            and isinstance(value, dict)
            and type_ref.name in self.layout.discriminated
        ):
            model = dict(found.mapping).get(str(value.get(found.property_name)))
            if model is not None:
                return ir.TypeRef("model", name=model)
        fitting = [m for m in union.members if not self.examples.mismatch(value, m, "response")]
        if len(fitting) == 1 and fitting[0].kind != "model":
            return fitting[0]
        if len(fitting) == 1 and not any(
            m.kind == "model" and m is not fitting[0] for m in union.members
        ):
            return fitting[0]
        return None

    # the contract test

    def _contract_checks(self, operation: ir.Operation, imports: Imports) -> list[Check]:
        """What Prism's reply must be read into: the payload's type, whatever the values."""
        payload = operation.payload
        if payload.kind == "none" or payload.type is None:
            return [Check("result", "is", "None")]
        if operation.pagination is not None:
            imports.local(self.package, "SyncPage")
            return [Check("result", "isinstance", "SyncPage")]
        named: list[ir.TypeRef] = []
        python_type = self._python_type(payload.type, named)
        if python_type is None:
            return []
        for type_ref in named:
            if type_ref.kind == "model":
                self._import_model(imports, type_ref.name)
            else:
                imports.module("datetime")
        return [Check("result", "isinstance", python_type)]

    def _python_type(self, type_ref: ir.TypeRef, named: list[ir.TypeRef]) -> Group | str | None:
        """What `isinstance` checks a value of `type_ref` against, when that is certain; the
        models and dates it names are added to `named`."""
        kind = type_ref.kind
        if kind == "model":
            named.append(type_ref)
            return type_ref.name
        if kind == "list":
            return "list"
        if kind in ("map", "object"):
            return "dict"
        if kind == "string" and type_ref.format in ("date", "date-time"):
            named.append(type_ref)
            return "datetime.date" if type_ref.format == "date" else "datetime.datetime"
        if kind == "string":
            return "bytes" if type_ref.format == "binary" else "str"
        if kind == "boolean":
            return "bool"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "(int, float)"
        if kind == "union":
            members = [
                self._python_type(member, named)
                for member in self.layout.unions[type_ref.name].members
            ]
            names = [member for member in members if isinstance(member, str)]
            if len(names) == len(members) and len(set(names)) == len(names):
                if not any(name.startswith("(") for name in names):
                    return Group("(", names, ")", display=True, one_tuple=True)
        return None

    def _import_model(self, imports: Imports, name: str) -> None:
        imports.local(f"{self.package}.types.{self.layout.type_module[name]}", name)

    # authentication

    def _auth(self, operation: ir.Operation) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """The credentials a test of `operation` gives the client (empty: the default ones) and
        the headers the request must carry."""
        alternatives = [alternative for alternative in operation.security if alternative]
        if not alternatives:
            return (), ()
        supported = [a for a in alternatives if all(name in self.argument_of for name in a)]
        chosen = self.default_credentials if self.default_credentials in supported else None
        if chosen is None and supported:
            chosen = supported[0]
        if chosen is None:
            # the client has no argument for what the operation needs: check the headers the
            # spec asks for anyway, so the test names the gap
            schemes = {scheme.name: scheme for scheme in self.api.security_schemes}
            spec_headers: list[tuple[str, str]] = []
            for name in alternatives[0]:
                scheme = schemes.get(name)
                if scheme is not None and scheme.location == "header":
                    value = _credential_value(scheme.argument)
                    prefix = "Bearer " if scheme.kind == "bearer" else ""
                    header = "Authorization" if scheme.kind == "bearer" else scheme.parameter_name
                    spec_headers.append((header, prefix + value))
            return (), tuple(spec_headers)
        by_argument = {credential.argument: credential for credential in self.credentials}
        arguments = tuple(self.argument_of[name] for name in chosen)
        headers = tuple(
            (by_argument[argument].header, by_argument[argument].header_value)
            for argument in arguments
        )
        return (() if chosen == self.default_credentials else arguments), headers

    # path encoding and invalid arguments

    def _encoded(
        self, operation: ir.Operation, method: Method, values: dict[str, Example]
    ) -> tuple[str, str] | None:
        """A free-form string path parameter given a value that must be percent-encoded:
        (`"name": value` code, the path that makes)."""
        for argument in method.arguments:
            limits = argument.type.constraints
            free_form = (
                argument.location == "path"
                and argument.type.kind in ("string", "any")
                and not argument.type.format
                and not limits.pattern
                and (limits.max_length is None or limits.max_length >= len(ENCODED_PATH_VALUE))
                and (limits.min_length or 0) <= len(ENCODED_PATH_VALUE)
            )
            if not free_form:
                continue
            path = operation.path
            for other in method.arguments:
                if other.location == "path":
                    value = ENCODED_PATH_VALUE if other is argument else values[other.name].value
                    text = quote(_text(value, other.type), safe="")
                    path = path.replace("{" + other.wire_name + "}", text)
            entry = f"{escape(argument.name, 'str')}: {escape(ENCODED_PATH_VALUE, 'str')}"
            return (entry, path)
        return None

    def _invalid(
        self, method: Method, values: dict[str, Example], imports: Imports
    ) -> Iterator[Group]:
        """A `pytest.param(argument, value, id=...)` for each value the client must refuse
        before sending: a required argument missing, an empty path value, a value outside
        a constraint or an enum."""
        for argument in method.arguments:
            if argument.location == "body_whole":
                continue
            name = escape(argument.name, "str")
            checked = self.namer.has_checks(argument.type)
            path = argument.location == "path"
            invalid = (
                self.examples.invalid_values(argument.type, values[argument.name].value)
                if checked
                else []
            )
            if argument.required and (path or checked):
                imports.local(self.package, "NOT_GIVEN")
                yield _param([name, "NOT_GIVEN"], f"{argument.name}-missing")
            if path and all(bad.value != "" for bad in invalid):
                yield _param([name, '""'], f"{argument.name}-empty")
            for bad in invalid:
                code = self._python(bad.value, argument.type, imports)
                yield _param([name, code], f"{argument.name}-{bad.label}")


# ---------------------------------------------------------------------------------------------
# Code, laid out as black writes it


def _assignment(target: str, value: Group | str, indent: int = 0) -> str:
    """`target = value`: on one line, else split inside the value's brackets, else with the
    value in parentheses of its own when that makes every line fit (black's second opinion)."""
    split = layout(prefixed(f"{target} = ", value), indent)
    if "\n" not in split or len(split.split("\n", 1)[0]) + indent <= LINE_LENGTH:
        return split
    pad = " " * indent
    wrapped = f"{target} = (\n{pad}{INDENT}{layout(value, indent + len(INDENT))}\n{pad})"
    lines = wrapped.split("\n")
    if indent + len(lines[0]) <= LINE_LENGTH and all(
        len(line) <= LINE_LENGTH for line in lines[1:]
    ):
        return wrapped
    return split


def _test_def(name: str, parameters: Sequence[str]) -> str:
    """The def line of a test method."""
    return Group(f"def {name}(", parameters, ") -> None:", signature=True).layout(_CLASS)


def _decorator(name: str, arguments: Sequence[Group | str]) -> str:
    return Group(f"@{name}(", arguments, ")").layout(_CLASS)


def _parametrize(names: Group | str, params: Sequence[Group | str]) -> str:
    values = Group("[", params, "]", display=True)
    return _decorator("pytest.mark.parametrize", [names, values])


def _param(values: Sequence[Group | str], test_id: str, skip: str = "") -> Group:
    """`pytest.param(*values, id=test_id)`, skipped with reason `skip` when there is one."""
    items = [*values, f"id={escape(test_id, 'str')}"]
    if skip:
        items.append(
            prefixed("marks=", Group("pytest.mark.skip(", [f"reason={escape(skip, 'str')}"], ")"))
        )
    return Group("pytest.param(", items, ")")


def _reply(arguments: Sequence[Group | str]) -> str:
    return Group("transport.reply(", arguments, ")").layout(_BODY)


# ---------------------------------------------------------------------------------------------
# Values as code and on the wire


def _credential(scheme: ir.SecurityScheme, auth: AuthPlan) -> Credential:
    value = _credential_value(scheme.argument)
    header, prefix = auth.header(scheme)
    return Credential(scheme.argument, scheme.env_var, header, value, prefix + value)


def _credential_value(argument: str) -> str:
    return "test-" + argument.replace("_", "-")


def _literal(value: object) -> Group | str:
    """A value as code: bytes as black writes them, long runs of one repeated character or
    item as `x * n`."""
    return literal_group(value, _shorter)


def _shorter(value: object) -> str | None:
    if isinstance(value, bytes):
        return bytes_literal(value)
    if isinstance(value, str) and len(value) > _REPEAT_AT and len(set(value)) == 1:
        return f"{escape(value[0], 'str')} * {len(value)}"
    if isinstance(value, list) and len(value) > _REPEAT_AT:
        return _repeated([flat(_literal(item)) for item in value])
    return None


def _repeated(items: Sequence[str]) -> str | None:
    """`[item] * n` for a long list of one short item repeated, else None."""
    if len(items) > _REPEAT_AT and len(set(items)) == 1 and len(items[0]) <= _REPEAT_AT:
        return f"[{items[0]}] * {len(items)}"
    return None


def _utc(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(datetime.timezone.utc)


def _datetime_code(moment: datetime.datetime) -> str:
    parts = [moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second]
    if moment.microsecond:
        parts.append(moment.microsecond)
    while len(parts) > 3 and parts[-1] == 0:
        parts.pop()
    numbers = ", ".join(str(part) for part in parts)
    return f"datetime.datetime({numbers}, tzinfo=datetime.timezone.utc)"


def _wire(value: ir.JsonValue, type_ref: ir.TypeRef) -> ir.JsonValue:
    """The JSON a value is sent as: what the caller passed, dates in their ISO form."""
    if isinstance(value, str) and type_ref.kind == "string" and type_ref.format == "date-time":
        return _utc(value).isoformat().replace("+00:00", "Z")
    if isinstance(value, list) and type_ref.kind == "list" and type_ref.item is not None:
        item_type = type_ref.item
        return [_wire(item, item_type) for item in value]
    return value


def _text(value: ir.JsonValue, type_ref: ir.TypeRef) -> str:
    """A scalar as it appears in a path segment, query value or header."""
    value = _wire(value, type_ref)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, separators=(",", ":"))


def _query_items(parameter: ir.Parameter, value: ir.JsonValue) -> list[tuple[str, str | list[str]]]:
    """The query items a parameter's value becomes, by its OpenAPI style (form, exploded, by
    default; deepObject for objects when the spec says so)."""
    if value is None:
        return []
    name = parameter.wire_name
    explode = (
        parameter.explode if parameter.explode is not None else parameter.style in (None, "form")
    )
    if isinstance(value, list):
        item_type = parameter.type.item or ir.TypeRef("any")
        texts = [_text(item, item_type) for item in value if item is not None]
        if explode:
            return [(name, text) for text in texts]
        return [(name, ",".join(texts))]
    if isinstance(value, dict):
        if parameter.style == "deepObject":
            return [
                (f"{name}[{key}]", _text(item, ir.TypeRef("any"))) for key, item in value.items()
            ]
        if explode:
            return [(key, _text(item, ir.TypeRef("any"))) for key, item in value.items()]
        flat_items = [
            part for key, item in value.items() for part in (key, _text(item, ir.TypeRef("any")))
        ]
        return [(name, ",".join(flat_items))]
    return [(name, _text(value, parameter.type))]


def _by_name(items: list[tuple[str, str | list[str]]]) -> list[tuple[str, str | list[str]]]:
    """Query items by name: one value as a string, a repeated name as the list of its values."""
    grouped: dict[str, list[str]] = {}
    for name, value in items:
        grouped.setdefault(name, []).extend(value if isinstance(value, list) else [value])
    return [(name, values[0] if len(values) == 1 else values) for name, values in grouped.items()]


def _form_value(value: ir.JsonValue) -> Group | str:
    """What a form field carries: a scalar's text, an object or list as JSON."""
    if isinstance(value, dict | list):
        return _literal(json.dumps(value, separators=(",", ":")))
    return _literal(_text(value, ir.TypeRef("any")))


def _is_json(content_type: str | None) -> bool:
    return content_type is not None and (
        content_type == "application/json" or content_type.endswith("+json")
    )


def _is_raw(content_type: str) -> bool:
    return not _is_json(content_type) and content_type not in _FORM_TYPES


def _raw_payload(payload: ir.Payload) -> bool:
    """Whether a response is read as text or bytes: a string payload of a media type other than
    JSON. (A structured payload is read as JSON whatever media type the spec names.)"""
    return (
        not _is_json(payload.content_type)
        and payload.type is not None
        and payload.type.kind in ("string", "any")
    )


def _annotation_kind(type_ref: ir.TypeRef | None) -> Literal["bytes", "other"]:
    if type_ref is not None and type_ref.kind == "string" and type_ref.format == "binary":
        return "bytes"
    return "other"
