"""The format stage: black where needed, a content-keyed cache, work spread over processes."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from generator import format as format_stage
from generator.format import FormatError, cache_key, format_files, format_source, needs_black

UGLY = PurePosixPath("pkg/ugly.py")
NEAT = PurePosixPath("pkg/neat.py")
LONG_CALL = "x = call(" + ", ".join(f"argument_{n}" for n in range(12)) + ")\n"


def test_black_formats_python_and_leaves_other_files() -> None:
    files = {UGLY: "x = {  'a':1 }\n", PurePosixPath("README.md"): "x = {  'a':1 }\n"}
    result = format_files(files, cache_dir=None, trust_layout=False)
    assert result.files[UGLY] == 'x = {"a": 1}\n'
    assert result.files[PurePosixPath("README.md")] == files[PurePosixPath("README.md")]
    assert (result.formatted, result.changed, result.cached) == (1, 1, 0)


def test_a_file_in_blacks_layout_is_trusted_and_a_long_line_is_not() -> None:
    files = {NEAT: "x = {'a': 1}\n", UGLY: LONG_CALL}
    result = format_files(files, cache_dir=None)
    assert result.trusted == 1 and result.formatted == 1
    assert result.files[NEAT] == files[NEAT]  # trusted: not read by black
    assert result.files[UGLY].startswith("x = call(\n")


def test_long_docstring_lines_and_lone_strings_need_no_black() -> None:
    url = "https://developers.cloudflare.com/" + "a" * 90
    text = (
        f'def f():\n    """Read more:\n\n    {url}\n    """\n' f'PATH = (\n    "/{"p" * 110}",\n)\n'
    )
    assert not needs_black(text)
    assert needs_black(text + LONG_CALL)


LONG = "v" * 100
UNSPLITTABLE = {
    "dict entry": f'X = {{\n    "key": "{LONG}",\n    "other": 1,\n}}\n',
    "single quotes": f'X = {{\n    "key": \'say "{LONG}"\',\n    "other": 1,\n}}\n',
    "compared": f'assert (\n    some.value\n    == "{LONG}"\n)\n',
    "bytes argument": f'call(\n    1,\n    content=b"{LONG}",\n)\n',
    "call head": f"call(\n    lambda client: client.{'very_long.' * 9}get(\n        **ARGUMENTS\n    )\n)\n",
    "def head": f"def test_{'x' * 100}(\n    self,\n) -> None:\n    pass\n",
}


@pytest.mark.parametrize("text", UNSPLITTABLE.values(), ids=UNSPLITTABLE.keys())
def test_a_long_line_black_cannot_split_needs_no_black(text: str) -> None:
    assert not needs_black(text)
    assert format_source(PurePosixPath("x.py"), text) == text


def test_the_cache_answers_the_second_time(tmp_path: Path) -> None:
    files = {UGLY: LONG_CALL}
    first = format_files(files, cache_dir=tmp_path)
    second = format_files(files, cache_dir=tmp_path)
    assert (first.formatted, first.cached) == (1, 0)
    assert (second.formatted, second.cached) == (0, 1)
    assert second.files == first.files
    key = cache_key(LONG_CALL)
    assert (tmp_path / key[:2] / key[2:]).read_text() == first.files[UGLY]


def test_many_files_are_formatted_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(format_stage, "PARALLEL_THRESHOLD_BYTES", 0)
    files = {PurePosixPath(f"pkg/m{n}.py"): LONG_CALL.replace("x", f"x{n}") for n in range(9)}
    result = format_files(files, cache_dir=None, workers=2)
    assert result.formatted == 9 and result.changed == 9
    for path, text in files.items():
        assert result.files[path] == format_stage.format_source(path, text)


def test_chunks_are_balanced_by_size() -> None:
    files = {
        PurePosixPath(f"{n}.py"): "x" * size for n, size in enumerate([90, 50, 40, 30, 20, 10])
    }
    chunks = format_stage._balanced_chunks(files, 2)
    sizes = sorted(sum(len(text) for _, text in chunk) for chunk in chunks)
    assert sizes == [120, 120]


def test_invalid_python_is_reported_with_its_path() -> None:
    with pytest.raises(FormatError, match="pkg/ugly.py: black cannot parse"):
        format_files({UGLY: "def (:\n"}, cache_dir=None, trust_layout=False)
