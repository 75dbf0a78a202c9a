"""The write stage: ownership by manifest, stale files, --check, all-or-nothing, mtimes kept."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

import pytest

from generator import write as write_stage
from generator.write import MANIFEST, WriteError, read_manifest, write_tree

FILES = {
    PurePosixPath("README.md"): "# pkg\n",
    PurePosixPath("src/pkg/__init__.py"): '"""pkg."""\n',
    PurePosixPath("src/pkg/old.py"): "OLD = 1\n",
}


def test_a_first_write_creates_the_tree_and_its_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    changes = write_tree(out, FILES)
    assert changes.added == sorted(FILES) and not changes.changed and not changes.removed
    for path, text in FILES.items():
        assert (out / path).read_text() == text
    assert sorted(read_manifest(out)) == sorted(FILES)
    manifest = json.loads((out / MANIFEST).read_text())
    assert [entry["path"] for entry in manifest["files"]] == sorted(str(p) for p in FILES)


def test_a_file_the_generator_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    (out / "src/pkg/mine.py").write_text("MINE = 1\n")
    new = {**FILES, PurePosixPath("src/pkg/mine.py"): "GENERATED = 1\n"}
    new[PurePosixPath("README.md")] = "# changed\n"
    with pytest.raises(WriteError, match=r"(?s)not written by the generator.*src/pkg/mine.py"):
        write_tree(out, new)
    assert (out / "src/pkg/mine.py").read_text() == "MINE = 1\n"
    assert (out / "README.md").read_text() == "# pkg\n", "nothing written"


def test_user_files_are_kept_and_stale_files_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    (out / "notes.txt").write_text("mine\n")
    (out / "src/pkg/extra").mkdir()
    (out / "src/pkg/extra/keep.py").write_text("KEEP = 1\n")
    new = {path: text for path, text in FILES.items() if path.name != "old.py"}
    new[PurePosixPath("src/pkg/new/module.py")] = "NEW = 1\n"
    changes = write_tree(out, new)
    assert changes.removed == [PurePosixPath("src/pkg/old.py")]
    assert changes.added == [PurePosixPath("src/pkg/new/module.py")]
    assert not (out / "src/pkg/old.py").exists()
    assert (out / "notes.txt").read_text() == "mine\n"
    assert (out / "src/pkg/extra/keep.py").read_text() == "KEEP = 1\n"
    assert PurePosixPath("src/pkg/old.py") not in read_manifest(out)


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    readme = out / "README.md"
    os.utime(readme, (1_000_000_000, 1_000_000_000))
    changes = write_tree(out, {**FILES, PurePosixPath("src/pkg/old.py"): "OLD = 2\n"})
    assert changes.changed == [PurePosixPath("src/pkg/old.py")] and changes.unchanged == 2
    assert readme.stat().st_mtime == 1_000_000_000
    assert (out / "src/pkg/old.py").read_text() == "OLD = 2\n"


def test_nothing_to_change_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    before = {path: (out / path).stat().st_ino for path in FILES}
    manifest_mtime = (out / MANIFEST).stat().st_mtime_ns
    assert not write_tree(out, FILES)
    assert {path: (out / path).stat().st_ino for path in FILES} == before
    assert (out / MANIFEST).stat().st_mtime_ns == manifest_mtime


def test_check_writes_nothing_and_lists_the_changes_aligned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)
    new = {path: text for path, text in FILES.items() if path.name != "old.py"}
    new[PurePosixPath("README.md")] = "# changed\n"
    new[PurePosixPath("src/pkg/added.py")] = "A = 1\n"
    changes = write_tree(out, new, check=True)
    assert changes.lines() == [
        "changed  README.md",
        "added    src/pkg/added.py",
        "removed  src/pkg/old.py",
    ]
    assert (out / "README.md").read_text() == "# pkg\n"
    assert not (out / "src/pkg/added.py").exists()
    assert not write_tree(out, FILES, check=True)


def test_a_failure_before_the_swap_leaves_the_out_dir_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_tree(out, FILES)

    def broken_swap(staging: Path, target: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(write_stage, "_swap", broken_swap)
    with pytest.raises(OSError, match="disk full"):
        write_tree(out, {path: "changed\n" for path in FILES})
    assert all((out / path).read_text() == text for path, text in FILES.items())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "no staging left behind"


def test_the_swap_works_without_an_atomic_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_stage, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    write_tree(out, FILES)
    write_tree(out, {**FILES, PurePosixPath("README.md"): "# two\n"})
    assert (out / "README.md").read_text() == "# two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
