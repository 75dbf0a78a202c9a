"""Render the tests of a generated package: `ir.Api` + `Config` -> {path: text} under tests/.

    tests/conftest.py                 clients on a recording mock transport; Prism for `contract`
    tests/mock_transport.py           the transport: one canned reply, every request recorded
    tests/resources/test_<resource>.py  per operation: offline tests (sync and async), one
                                      contract test against Prism

What the tests expect comes from the IR: the method, the path template, each parameter's wire
name and location, the constraints and enums. The values sent and received come from the spec's
examples or are synthesised (`generator.examples`). How the client spells things (python names,
which argument is positional, the types module a model lives in) comes from the render stage's
layout, so the tests call the client the way a user would. A client that disagrees with the spec
(a wrong path segment or method, a dropped query parameter, a body field under a wrong wire
name) fails them.

The Python side here decides everything and builds the code snippets; the templates in
templates/tests/ only lay them out.
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
from .examples import Example, Examples, Invalid
from .format import format_files
from .render import (
    Argument,
    AuthPlan,
    Layout,
    Method,
    TypeNamer,
    auth_plan,
    escape,
    model_attribute,
    plan_method,
    py_literal,
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
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


# ---------------------------------------------------------------------------------------------
# The plan: everything the templates place, decided here


@dataclass(frozen=True, slots=True)
class Credential:
    argument: str  # client constructor argument: "api_token"
    env_var: str
    header: str  # "Authorization"
    value: str  # what the tests pass: "test-api-token"
    header_value: str  # what the header carries: "Bearer test-api-token"


@dataclass(frozen=True, slots=True)
class ExpectedRequest:
    """What one call must send, as code snippets compared with a recorded `SentRequest`."""

    method: str
    path: str  # percent-encoded, relative to the base URL
    query: str  # code of a dict literal
    headers: tuple[tuple[str, str], ...]  # (header name, code of the value)
    body: tuple[tuple[str, str], ...]  # (expression on `sent`, code of the expected value)


@dataclass(frozen=True, slots=True)
class Call:
    """One call of a method: its arguments as code, and what it must send."""

    arguments: tuple[str, ...]  # "value" for the positional one, "name=value" for the others
    expected: ExpectedRequest
    skip: str  # a reason to skip the tests making this call ("" to run them)


@dataclass(frozen=True, slots=True)
class Reply:
    """How the mock transport answers: `transport.reply(...)` arguments as code."""

    arguments: str


@dataclass(frozen=True, slots=True)
class OperationTests:
    operation: ir.Operation
    name: str  # method name
    target: str  # "magic.connectors.get": where the method hangs on the client
    raw_target: str  # "magic.connectors.with_raw_response.get"
    constant: str  # "GET": prefix of the module's constants for this operation
    required: Call
    every: Call | None  # with every optional argument too; None when there is none
    required_arguments: str  # code of the dict of the required arguments by python name
    reply: Reply
    reply_constant: str  # the module constant holding the reply body ("" when none)
    status: int  # the reply's status code
    result_name: str  # what the call's return value is named: "result", or "page"
    result_checks: tuple[str, ...]  # assertions on it
    every_result_checks: tuple[str, ...]  # the first of them
    raw_checks: tuple[str, ...]  # assertions on `response.parse()` bound to `parsed`
    paginated: bool
    credentials: tuple[str, ...]  # credential arguments this operation needs, when not the default
    auth_checks: tuple[tuple[str, str], ...]  # (header, code of the value)
    path_parameters: tuple[str, ...]  # python names, for the empty-value test
    encoded: tuple[str, str, str] | None  # (python name, value code, expected path)
    invalid: tuple[tuple[str, str, str], ...]  # (python name, value code, pytest id)
    contract_checks: tuple[str, ...]  # assertions on `parsed` from Prism's reply


@dataclass(frozen=True, slots=True)
class ResourceTests:
    resource: ir.Resource
    path: PurePosixPath  # tests/resources/test_magic_connectors.py
    title: str  # "Connectors": the test classes are TestConnectors, TestAsyncConnectors, ...
    target: str  # "magic.connectors"
    operations: tuple[OperationTests, ...]
    constants: tuple[tuple[str, str], ...]  # (name, code) at module level
    imports: tuple[str, ...]  # import lines, sorted


@dataclass(frozen=True, slots=True)
class ConftestPlan:
    credentials: tuple[Credential, ...]
    default_credentials: tuple[str, ...]
    spec_path: str  # the spec, relative to the output folder (POSIX)


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
    common = {"api": api, "config": config, "conftest": plan.conftest}
    files = {
        TESTS / "conftest.py": environment.get_template("tests/conftest.py.j2").render(**common),
        TESTS
        / "mock_transport.py": environment.get_template("tests/mock_transport.py.j2").render(
            **common
        ),
    }
    template = environment.get_template("tests/test_resource.py.j2")
    for resource_tests in plan.resources:
        files[resource_tests.path] = template.render(**common, tests=resource_tests)
    # The example values are nested literals of any size, which the templates cannot lay out
    # as black would; black does (cached by content, so an unchanged test costs nothing).
    return dict(sorted(format_files(files, trust_layout=False).files.items()))


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
        return ConftestPlan(
            credentials=self.credentials,
            default_credentials=tuple(self.argument_of[name] for name in self.default_credentials),
            spec_path=PurePosixPath(*spec.split(os.sep)).as_posix(),
        )

    def resource(self, resource: ir.Resource) -> ResourceTests:
        module = "test_" + "_".join(resource.path)
        while module in self.module_names:
            module += "_"
        self.module_names.add(module)
        imports = _Imports(self.package, (self.config.client_name, self.config.async_client_name))
        constants: dict[str, str] = {}
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
            constants=tuple(constants.items()),
            imports=imports.lines(),
        )

    def operation(
        self,
        resource: ir.Resource,
        operation: ir.Operation,
        imports: _Imports,
        constants: dict[str, str],
    ) -> OperationTests:
        method = plan_method(operation, self.namer)
        values = {
            argument.name: self._argument_example(operation, argument)
            for argument in method.arguments
        }
        required = [argument for argument in method.arguments if argument.required]
        optional = [argument for argument in method.arguments if not argument.required]
        constant = escape(operation.name, "ident").upper()

        required_call = self._call(operation, method, required, values, imports)
        every_call = (
            self._call(operation, method, method.arguments, values, imports) if optional else None
        )

        arguments_constant = f"{constant}_ARGUMENTS"
        constants[arguments_constant] = _dict_code(
            (
                escape(argument.name, "str"),
                self._python(values[argument.name].value, argument.type, imports),
            )
            for argument in required
        )

        reply, reply_constant, status, payload = self._reply(operation, constant, constants)
        paginated = operation.pagination is not None
        result_name = "page" if paginated else "result"
        result_checks = self._result_checks(operation, result_name, payload, imports, paginated)
        credentials, auth_checks = self._auth(operation)
        name = escape(operation.name, "ident")
        resource_target = ".".join(resource.path)
        return OperationTests(
            operation=operation,
            name=name,
            target=f"{resource_target}.{name}",
            raw_target=f"{resource_target}.with_raw_response.{name}",
            constant=constant,
            required=required_call,
            every=every_call,
            required_arguments=arguments_constant,
            reply=reply,
            reply_constant=reply_constant,
            status=status,
            result_name=result_name,
            result_checks=result_checks,
            every_result_checks=result_checks[:1],
            raw_checks=self._result_checks(
                operation, "parsed", payload, imports, paginated, brief=True
            ),
            paginated=paginated,
            credentials=credentials,
            auth_checks=auth_checks,
            path_parameters=tuple(a.name for a in method.arguments if a.location == "path"),
            encoded=self._encoded(operation, method, values),
            invalid=tuple(self._invalid(method, values, imports)),
            contract_checks=self._contract_checks(operation, imports),
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

    def _call(
        self,
        operation: ir.Operation,
        method: Method,
        arguments: Sequence[Argument],
        values: dict[str, Example],
        imports: _Imports,
    ) -> Call:
        given = {argument.name for argument in arguments}
        code: list[str] = []
        for argument in method.signature_order:
            if argument.name not in given:
                continue
            value = self._python(values[argument.name].value, argument.type, imports)
            code.append(value if argument is method.positional else f"{argument.name}={value}")
        problems = [
            values[argument.name].problem for argument in arguments if values[argument.name].problem
        ]
        expected = self._expected(operation, arguments, values, imports)
        return Call(tuple(code), expected, "; ".join(dict.fromkeys(problems)))

    def _expected(
        self,
        operation: ir.Operation,
        arguments: Sequence[Argument],
        values: dict[str, Example],
        imports: _Imports,
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
                headers.append((argument.wire_name, escape(_text(value, argument.type), "str")))
            elif argument.location == "body":
                body_fields[argument.wire_name] = _wire(value, argument.type)
            else:
                whole = (argument, value)
        body = self._expected_body(operation, body_fields, whole, imports)
        query_code = _dict_code(
            (escape(name, "str"), py_literal(value)) for name, value in _group(query)
        )
        return ExpectedRequest(operation.method, path, query_code, tuple(headers), body)

    def _expected_body(
        self,
        operation: ir.Operation,
        fields: dict[str, ir.JsonValue],
        whole: tuple[Argument, ir.JsonValue] | None,
        imports: _Imports,
    ) -> tuple[tuple[str, str], ...]:
        body = operation.request_body
        if body is None:
            return (("sent.content", 'b""'),)
        if not fields and whole is None and not body.required:
            return ()  # the spec allows no body and an empty one alike
        content_type = body.content_type
        if whole is not None:
            argument, value = whole
            if _is_json(content_type):
                return (("sent.json", _literal(_wire(value, argument.type))),)
            if content_type in _FORM_TYPES and isinstance(value, dict):
                fields = dict(value)
            else:
                text = value if isinstance(value, str) else json.dumps(value)
                return (("sent.content", _literal(text.encode())),)
        if _is_json(content_type):
            return (("sent.json", _literal(fields)),)
        if content_type in _FORM_TYPES:
            imports.plain("json")
            checks = [
                (f"sent.form[{escape(name, 'str')}]", _form_value(value))
                for name, value in fields.items()
            ]
            return (("sorted(sent.form)", py_literal(sorted(fields))), *checks)
        text = json.dumps(fields)
        return (("sent.content", _literal(text.encode())),)

    def _python(self, value: ir.JsonValue, type_ref: ir.TypeRef, imports: _Imports) -> str:
        """Code for the Python value a caller passes for `value` of `type_ref`: dates as
        `datetime` objects, binary content as bytes, everything else as its JSON literal."""
        if value is None:
            return "None"
        kind, string_format = type_ref.kind, type_ref.format
        if kind == "string" and string_format == "date" and isinstance(value, str):
            imports.plain("datetime")
            day = datetime.date.fromisoformat(value)
            return f"datetime.date({day.year}, {day.month}, {day.day})"
        if kind == "string" and string_format == "date-time" and isinstance(value, str):
            imports.plain("datetime")
            return _datetime_code(_utc(value))
        if kind == "string" and string_format == "binary" and isinstance(value, str):
            return _literal(value.encode())
        if kind == "list" and isinstance(value, list) and type_ref.item is not None:
            item_type = type_ref.item
            items = [self._python(item, item_type, imports) for item in value]
            if len(items) > _REPEAT_AT and len(set(items)) == 1:
                return f"[{items[0]}] * {len(items)}"
            return "[" + ", ".join(items) + "]"
        return _literal(value)

    # the reply and what the method makes of it

    def _reply(
        self, operation: ir.Operation, constant: str, constants: dict[str, str]
    ) -> tuple[Reply, str, int, ir.JsonValue]:
        example = self.examples.response(operation)
        if example.content_type is None:
            return Reply(str(example.status)), "", example.status, None
        body = example.body
        if _raw_payload(operation.payload):
            text = body if isinstance(body, str) else json.dumps(body)
            content_type = escape(example.content_type, "str")
            arguments = (
                f"{example.status}, content={_literal(text.encode())}, content_type={content_type}"
            )
            return Reply(arguments), "", example.status, text
        code = _literal(body)
        name = next((n for n, c in constants.items() if c == code and n.endswith("_RESPONSE")), "")
        if not name:
            name = f"{constant}_RESPONSE"
            constants[name] = code
        return Reply(f"{example.status}, {name}"), name, example.status, example.payload

    def _result_checks(
        self,
        operation: ir.Operation,
        variable: str,
        payload: ir.JsonValue,
        imports: _Imports,
        paginated: bool,
        brief: bool = False,
    ) -> tuple[str, ...]:
        kind = operation.payload.kind
        if kind == "none" or operation.payload.type is None:
            return (f"{variable} is None",)
        if paginated:
            assert operation.pagination is not None
            imports.package("SyncPage")
            items = payload if isinstance(payload, list) else []
            checks = [f"len({variable}.items) == {len(items)}"]
            if items and not brief:
                checks += self._value_checks(
                    f"{variable}.items[0]", operation.pagination.item, items[0], imports
                )
            elif items:
                checks += self._value_checks(
                    f"{variable}.items[0]", operation.pagination.item, items[0], imports
                )[:1]
            return tuple(checks)
        if _raw_payload(operation.payload):
            if _annotation_kind(operation.payload.type) == "bytes":
                return (f"{variable} == {_literal(str(payload).encode())}",)
            return (f"{variable} == {_literal(payload)}",)
        checks = self._value_checks(variable, operation.payload.type, payload, imports)
        return tuple(checks[:1] if brief and len(checks) > 1 else checks)

    def _value_checks(
        self,
        expression: str,
        type_ref: ir.TypeRef,
        value: ir.JsonValue,
        imports: _Imports,
        depth: int = 0,
    ) -> list[str]:
        """Assertions that `expression` holds `value` read as `type_ref`: its type, and one
        field value for a model (descending one level when the top has no scalar)."""
        kind = type_ref.kind
        if value is None:
            return [f"{expression} is None"]
        if kind == "model":
            model = self.layout.models[type_ref.name]
            imports.model(self.layout, model.name)
            checks = [f"isinstance({expression}, {model.name})"]
            field_check = self._field_check(expression, model, value, imports, depth)
            return checks + field_check
        if kind == "union":
            member = self._union_member(type_ref, value)
            if member is not None:
                return self._value_checks(expression, member, value, imports, depth)
            return [f"{expression} is not None"]
        if kind == "list" and isinstance(value, list) and type_ref.item is not None:
            checks = [f"isinstance({expression}, list)", f"len({expression}) == {len(value)}"]
            if value and depth < 2:
                checks += self._value_checks(
                    f"{expression}[0]", type_ref.item, value[0], imports, depth + 1
                )
            return checks
        if kind == "map" and isinstance(value, dict) and type_ref.item is not None:
            checks = [f"isinstance({expression}, dict)"]
            for key, item in list(value.items())[:1]:
                checks += self._value_checks(
                    f"{expression}[{escape(key, 'str')}]", type_ref.item, item, imports, depth + 1
                )
            return checks
        if kind == "string" and type_ref.format in ("date", "date-time"):
            imports.plain("datetime")
            python_type = "datetime.date" if type_ref.format == "date" else "datetime.datetime"
            return [f"isinstance({expression}, {python_type})"]
        if kind == "string" and type_ref.format == "binary":
            return [f"{expression} == {_literal(str(value).encode())}"]
        return [f"{expression} == {_literal(value)}"]

    def _field_check(
        self, expression: str, model: ir.Model, value: ir.JsonValue, imports: _Imports, depth: int
    ) -> list[str]:
        if not isinstance(value, dict):
            return []
        nested: list[tuple[str, ir.Field]] = []
        for model_field in model.fields:
            if model_field.wire_name not in value or model_field.write_only:
                continue
            item = value[model_field.wire_name]
            attribute = _attribute(model_field.name)
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
                return [f"{expression}.{attribute} == {_literal(item)}"]
            if kind == "model" and isinstance(item, dict):
                nested.append((attribute, model_field))
        if depth == 0:
            for attribute, model_field in nested:
                inner = self.layout.models[model_field.type.name]
                check = self._field_check(
                    f"{expression}.{attribute}",
                    inner,
                    value[model_field.wire_name],
                    imports,
                    depth + 1,
                )
                if check:
                    return check
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

    def _contract_checks(self, operation: ir.Operation, imports: _Imports) -> tuple[str, ...]:
        """What Prism's reply must parse into: the payload's type, whatever the values."""
        payload = operation.payload
        if payload.kind == "none" or payload.type is None:
            return ("parsed is None",)
        if operation.pagination is not None:
            imports.package("SyncPage")
            return ("isinstance(parsed, SyncPage)",)
        python_type = self._python_type(payload.type, imports)
        if python_type is None:
            return ()
        return (f"isinstance(parsed, {python_type})",)

    def _python_type(self, type_ref: ir.TypeRef, imports: _Imports) -> str | None:
        kind = type_ref.kind
        if kind == "model":
            imports.model(self.layout, type_ref.name)
            return type_ref.name
        if kind == "list":
            return "list"
        if kind in ("map", "object"):
            return "dict"
        if kind == "string":
            return {
                "date": "datetime.date",
                "date-time": "datetime.datetime",
                "binary": "bytes",
            }.get(type_ref.format or "", "str")
        if kind == "boolean":
            return "bool"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "(int, float)"
        if kind == "union":
            members = [
                self._python_type(member, imports)
                for member in self.layout.unions[type_ref.name].members
            ]
            if (
                all(members)
                and len(set(members)) == len(members)
                and all("(" not in m for m in members if m)
            ):
                return "(" + ", ".join(m for m in members if m) + ")"
        return None

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
            spec_checks: list[tuple[str, str]] = []
            for name in alternatives[0]:
                scheme = schemes.get(name)
                if scheme is not None and scheme.location == "header":
                    value = _credential_value(scheme.argument)
                    prefix = "Bearer " if scheme.kind == "bearer" else ""
                    header = "Authorization" if scheme.kind == "bearer" else scheme.parameter_name
                    spec_checks.append((header, escape(prefix + value, "str")))
            return (), tuple(spec_checks)
        by_argument = {credential.argument: credential for credential in self.credentials}
        arguments = tuple(self.argument_of[name] for name in chosen)
        checks = tuple(
            (by_argument[argument].header, escape(by_argument[argument].header_value, "str"))
            for argument in arguments
        )
        return (() if chosen == self.default_credentials else arguments), checks

    # path encoding and invalid arguments

    def _encoded(
        self, operation: ir.Operation, method: Method, values: dict[str, Example]
    ) -> tuple[str, str, str] | None:
        """A free-form string path parameter given a value that must be percent-encoded."""
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
            return (argument.name, escape(ENCODED_PATH_VALUE, "str"), path)
        return None

    def _invalid(
        self, method: Method, values: dict[str, Example], imports: _Imports
    ) -> Iterator[tuple[str, str, str]]:
        """(argument, value code, id) for each value the client must refuse before sending."""
        for argument in method.arguments:
            if argument.location == "body_whole":
                continue
            checked = self.namer.has_checks(argument.type)
            if argument.required and (argument.location == "path" or checked):
                imports.package("NOT_GIVEN")
                yield argument.name, "NOT_GIVEN", f"{argument.name}-missing"
            if not checked:
                continue
            invalid: Invalid
            for invalid in self.examples.invalid_values(argument.type, values[argument.name].value):
                code = self._python(invalid.value, argument.type, imports)
                yield argument.name, code, f"{argument.name}-{invalid.label}"


# ---------------------------------------------------------------------------------------------
# Imports of a test module


class _Imports:
    def __init__(self, package: str, clients: tuple[str, str]) -> None:
        self.package_name = package
        self.clients = clients
        self.modules: set[str] = set()
        self.from_package: set[str] = set()
        self.types: dict[str, set[str]] = {}

    def plain(self, module: str) -> None:
        self.modules.add(module)

    def package(self, *names: str) -> None:
        self.from_package.update(names)

    def model(self, layout: Layout, name: str) -> None:
        module = layout.type_module[name]
        self.types.setdefault(module, set()).add(name)

    def lines(self) -> tuple[str, ...]:
        lines = [f"import {module}" for module in sorted(self.modules)]
        lines.append("")
        lines.append("import pytest")
        lines.append("")
        names = sorted(self.from_package | {"InvalidArgumentError", *self.clients}, key=_name_order)
        lines.append(f"from {self.package_name} import {', '.join(names)}")
        for module, type_names in sorted(self.types.items()):
            ordered = ", ".join(sorted(type_names, key=_name_order))
            lines.append(f"from {self.package_name}.types.{module} import {ordered}")
        lines.append("from mock_transport import REQUEST_ID, RecordingTransport")
        while lines and lines[0] == "":
            lines.pop(0)
        return tuple(lines)


def _name_order(name: str) -> tuple[int, str]:
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[0].isupper() else 2
    return (kind, name)


# ---------------------------------------------------------------------------------------------
# Values as code and on the wire


def _credential(scheme: ir.SecurityScheme, auth: AuthPlan) -> Credential:
    value = _credential_value(scheme.argument)
    header, prefix = auth.header(scheme)
    return Credential(scheme.argument, scheme.env_var, header, value, prefix + value)


def _credential_value(argument: str) -> str:
    return "test-" + argument.replace("_", "-")


def _attribute(name: str) -> str:
    """The attribute a model field is read by, as the render stage names it."""
    return model_attribute(escape(name, "ident"))


def _literal(value: object) -> str:
    """A Python literal, with a long run of one repeated character or item written `x * n`."""
    if isinstance(value, bytes):
        return repr(value)
    if isinstance(value, str) and len(value) > _REPEAT_AT and len(set(value)) == 1:
        return f"{escape(value[0], 'str')} * {len(value)}"
    if (
        isinstance(value, list)
        and len(value) > _REPEAT_AT
        and all(item == value[0] for item in value)
    ):
        return f"[{_literal(value[0])}] * {len(value)}"
    return py_literal(value)


def _dict_code(items: Iterator[tuple[str, str]] | Sequence[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in items) + "}"


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
        flat = [
            part for key, item in value.items() for part in (key, _text(item, ir.TypeRef("any")))
        ]
        return [(name, ",".join(flat))]
    return [(name, _text(value, parameter.type))]


def _group(items: list[tuple[str, str | list[str]]]) -> list[tuple[str, str | list[str]]]:
    """Query items by name: one value as a string, a repeated name as the list of its values."""
    grouped: dict[str, list[str]] = {}
    for name, value in items:
        grouped.setdefault(name, []).extend(value if isinstance(value, list) else [value])
    return [(name, values[0] if len(values) == 1 else values) for name, values in grouped.items()]


def _form_value(value: ir.JsonValue) -> str:
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
