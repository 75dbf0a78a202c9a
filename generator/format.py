"""Format: black over the rendered Python files, cached by content, in parallel.

The templates lay code out as black does (tests/render check it file by file, on the whole
real Cloudflare spec too), and black reads about 3,000 lines a second here: formatting the
200,000 lines of the real spec's package would take a minute of CPU to change nothing. So by
default a file whose lines all fit the line length is taken as black's output unread
(`trusted`); one with a longer line, where black might split something the templates could
not lay out, goes through black. `trust_layout=False` sends every file through black.

A file black has formatted before is not read again: its output is kept under
`.cache/black/`, keyed by the sha256 of black's version, the mode and the input. The rest are
formatted in worker processes when there is enough of them to pay for starting the workers,
in chunks of similar total size.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from functools import cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from .render import LINE_LENGTH

if TYPE_CHECKING:
    from black.mode import Mode

DEFAULT_CACHE_DIR = Path(".cache/black")
# Below this much uncached source, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD_BYTES = 256 * 1024
CHUNKS_PER_WORKER = 4

# black is imported on first use: most runs trust every file and need none of it
_KEY_PREFIX = f"black {version('black')}\npy311, line length {LINE_LENGTH}\n".encode()


@cache
def black_mode() -> Mode:
    from black.mode import Mode, TargetVersion

    return Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


class FormatError(Exception):
    """Black could not parse a rendered file: the templates produced invalid Python."""


@dataclass(frozen=True, slots=True)
class Formatted:
    files: dict[PurePosixPath, str]
    trusted: int  # Python files taken as laid out by black (see the module doc)
    cached: int  # Python files found in the cache
    formatted: int  # Python files black read this time
    changed: int  # ... of which black changed


def format_files(
    files: Mapping[PurePosixPath, str],
    *,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    workers: int | None = None,
    trust_layout: bool = True,
) -> Formatted:
    """The files with every `.py` one formatted by black; other files are returned as they are."""
    result = dict(files)
    pending: dict[PurePosixPath, str] = {}
    keys: dict[PurePosixPath, str] = {}
    cached = trusted = 0
    for path, text in files.items():
        if path.suffix != ".py":
            continue
        if trust_layout and not needs_black(text):
            trusted += 1
            continue
        key = cache_key(text)
        hit = _read_cache(cache_dir, key)
        if hit is None:
            pending[path] = text
            keys[path] = key
        else:
            result[path] = hit
            cached += 1
    changed = 0
    for path, text in _format_all(pending, workers):
        changed += text != pending[path]
        result[path] = text
        _write_cache(cache_dir, keys[path], text)
    return Formatted(result, trusted, cached, len(pending), changed)


# Lines black has nothing to split in: one string (or bytes) literal, alone, as a keyword
# argument, as a dict entry's value or as the operand after `==` in a split comparison; and a
# dotted name opening a call, alone or after `def ` or `lambda name: `.
_STRING = r"""b?(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
_LONE_STRING = re.compile(rf"\s*(\w+=|{_STRING}: |== )?{_STRING}[,)]*")
_CALL_HEAD = re.compile(r"\s*(def |lambda \w+: )?[\w.]+\(")


def needs_black(text: str) -> bool:
    """Whether a rendered file has a line black might split: one past the line length that is
    not docstring text, a lone string literal or a call's dotted name (black leaves those as
    they are).

    Rendered docstrings open with triple quotes at the start of a line and close with them at
    the end of one; quotes inside them are escaped, so nothing else looks like their edges.
    """
    in_docstring = False
    for line in text.split("\n"):
        stripped = line.strip()
        if in_docstring:
            in_docstring = not stripped.endswith('"""')
            continue
        if stripped.startswith('"""'):
            in_docstring = len(stripped) < 6 or not stripped.endswith('"""')
            continue
        if len(line) > LINE_LENGTH and not _unsplittable(line):
            return True
    return False


def _unsplittable(line: str) -> bool:
    return bool(_LONE_STRING.fullmatch(line) or _CALL_HEAD.fullmatch(line))


def cache_key(text: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + text.encode()).hexdigest()


def format_source(path: PurePosixPath, text: str) -> str:
    """`text` as black writes it."""
    import black
    from black.parsing import InvalidInput
    from black.report import NothingChanged

    try:
        return black.format_file_contents(text, fast=True, mode=black_mode())
    except NothingChanged:
        return text
    except InvalidInput as error:
        raise FormatError(f"{path}: black cannot parse the rendered file: {error}") from None


def _format_chunk(chunk: list[tuple[PurePosixPath, str]]) -> list[tuple[PurePosixPath, str]]:
    return [(path, format_source(path, text)) for path, text in chunk]


def _format_all(
    pending: Mapping[PurePosixPath, str], workers: int | None
) -> Iterable[tuple[PurePosixPath, str]]:
    if not pending:
        return []
    workers = workers or os.cpu_count() or 1
    size = sum(len(text) for text in pending.values())
    if workers == 1 or size < PARALLEL_THRESHOLD_BYTES:
        return _format_chunk(list(pending.items()))
    chunks = _balanced_chunks(pending, workers * CHUNKS_PER_WORKER)
    black_mode()  # imported here, before the workers fork, rather than once in each
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [item for done in pool.map(_format_chunk, chunks) for item in done]


def _balanced_chunks(
    files: Mapping[PurePosixPath, str], count: int
) -> list[list[tuple[PurePosixPath, str]]]:
    """Split the files into `count` chunks of about equal size: largest first, each into the
    lightest chunk so far (one pickled message per chunk, not per file)."""
    chunks: list[list[tuple[PurePosixPath, str]]] = [[] for _ in range(count)]
    weights = [0] * count
    for path, text in sorted(files.items(), key=lambda item: (-len(item[1]), item[0])):
        lightest = weights.index(min(weights))
        chunks[lightest].append((path, text))
        weights[lightest] += len(text)
    return [chunk for chunk in chunks if chunk]


def _cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / key[2:]


def _read_cache(cache_dir: Path | None, key: str) -> str | None:
    if cache_dir is None:
        return None
    try:
        return _cache_path(cache_dir, key).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None


def _write_cache(cache_dir: Path | None, key: str, text: str) -> None:
    if cache_dir is None:
        return
    path = _cache_path(cache_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    # written aside and renamed, so a reader never sees half an entry
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
