"""The command line: `python -m generator {validate,generate,diff,ir} [options]`.

Settings come from `[tool.generator]` in pyproject.toml; options given on the command line win.
Exit codes: 0 success, 1 the spec has errors (or `generate --check` found the output stale),
2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from .config import Config, load_config
from .diagnostics import Diagnostic, Diagnostics, SpecError
from .load import load_spec
from .validate import DEFAULT_CACHE_DIR, validate_spec

Command = Callable[[argparse.Namespace, Config], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(
            args.config,
            spec=getattr(args, "spec_argument", None) or args.spec,
            out=args.out,
            tolerant=args.tolerant,
        )
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    command: Command = args.command
    try:
        return command(args, config)
    except SpecError as error:
        _print_diagnostics(error.diagnostics)
        return 1


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--spec", type=Path, help="the OpenAPI file (default: [tool.generator] spec)"
    )
    common.add_argument(
        "--out", type=Path, help="where the package goes (default: [tool.generator] out)"
    )
    common.add_argument("--report", type=Path, help="also write a JSON report to this file")
    common.add_argument(
        "--tolerant",
        action="store_true",
        default=None,
        help="report validator errors as warnings (W100) and carry on",
    )
    common.add_argument(
        "--check",
        action="store_true",
        help="generate: write nothing; exit 1 when the output is not up to date",
    )
    common.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    common.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        metavar="PYPROJECT",
        help="the pyproject.toml holding [tool.generator] (default: ./pyproject.toml)",
    )

    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate a typed Python client package from an OpenAPI 3.0/3.1 description.",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", parents=[common], help="check the spec and print every problem found"
    )
    validate.add_argument(
        "spec_argument", nargs="?", type=Path, metavar="SPEC", help="the same as --spec"
    )
    validate.set_defaults(command=_validate)

    generate = commands.add_parser(
        "generate", parents=[common], help="write the client package (or --check it)"
    )
    generate.set_defaults(command=_generate)

    diff = commands.add_parser(
        "diff", parents=[common], help="show how the generated API changes from an older spec"
    )
    diff.add_argument("old_spec", type=Path, metavar="OLD_SPEC", help="the spec to compare with")
    diff.set_defaults(command=_diff)

    ir = commands.add_parser("ir", parents=[common], help="print the intermediate representation")
    ir.set_defaults(command=_print_ir)
    return parser


def _validate(args: argparse.Namespace, config: Config) -> int:
    started = time.perf_counter()
    spec = load_spec(config.spec)
    shown = spec.display(config.spec)
    _progress(args, f"[load] {shown}", started)
    started = time.perf_counter()
    cache_dir = args.config.parent / DEFAULT_CACHE_DIR
    diagnostics = Diagnostics(validate_spec(spec, tolerant=config.tolerant, cache_dir=cache_dir))
    _progress(args, f"[validate] {shown}", started)
    _print_diagnostics(diagnostics.sorted())
    print(f"{shown}: {_summary(diagnostics)}", file=sys.stderr)
    if args.report is not None:
        _write_report(args.report, shown, diagnostics)
    return 1 if diagnostics.errors else 0


def _generate(args: argparse.Namespace, config: Config) -> int:
    from . import pipeline

    return pipeline.generate(config, check=args.check, report=args.report, quiet=args.quiet)


def _diff(args: argparse.Namespace, config: Config) -> int:
    from . import pipeline

    return pipeline.diff(config, old_spec=args.old_spec, quiet=args.quiet)


def _print_ir(args: argparse.Namespace, config: Config) -> int:
    from . import pipeline

    return pipeline.print_ir(config, quiet=args.quiet)


def _progress(args: argparse.Namespace, what: str, started: float) -> None:
    if not args.quiet:
        print(f"{what}  {time.perf_counter() - started:.2f} s", file=sys.stderr)


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in sorted(set(diagnostics)):
        print(diagnostic.format(), file=sys.stderr)


def _summary(diagnostics: Diagnostics) -> str:
    """ "valid", or the counts: "2 errors, 180 warnings"."""
    counts = [
        _plural(len(diagnostics.errors), "error"),
        _plural(len(diagnostics.warnings), "warning"),
    ]
    shown = [count for count in counts if not count.startswith("0 ")]
    return ", ".join(shown) if shown else "valid"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _write_report(path: Path, shown: str, diagnostics: Diagnostics) -> None:
    report = {
        "spec": shown,
        "valid": not diagnostics.errors,
        "counts": diagnostics.counts_by_code(),
        "diagnostics": [asdict(diagnostic) for diagnostic in diagnostics.sorted()],
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
