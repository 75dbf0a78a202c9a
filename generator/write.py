"""Write: the rendered files into the out dir, all at once or not at all.

Ownership. `.generator-manifest.json` in the out dir lists every file the generator wrote last
time, with its sha256. The generator only ever replaces or removes files listed there; a file
it wants to write that exists but is not listed belongs to the user, and the run stops before
touching anything. Files listed last time but no longer generated are removed (stale).

Atomicity. The new tree is built in full in a temporary sibling directory: files that stay the
same, and every file the user added, are hard-linked from the current tree (so they keep their
inode and mtime), new and changed files are written fresh, the manifest last. Then the two
directories are swapped: with one `renameat2(RENAME_EXCHANGE)` on Linux, or two renames
elsewhere, and the old tree is deleted. A run that fails before the swap leaves the out dir as
it was; the only window is between the two fallback renames, where the previous tree is
still complete under `<out>.previous`.

When nothing changes, nothing is touched at all.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = PurePosixPath(".generator-manifest.json")


class WriteError(Exception):
    """The output cannot be written without destroying files the generator does not own."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write does, or would do with `check`."""

    added: list[PurePosixPath] = field(default_factory=list)
    changed: list[PurePosixPath] = field(default_factory=list)
    removed: list[PurePosixPath] = field(default_factory=list)
    unchanged: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def lines(self) -> list[str]:
        """`added    path` ..., sorted by path, the status column aligned."""
        rows = [("added", path) for path in self.added]
        rows += [("changed", path) for path in self.changed]
        rows += [("removed", path) for path in self.removed]
        return [f"{status:<7}  {path}" for status, path in sorted(rows, key=_by_path)]


def _by_path(row: tuple[str, PurePosixPath]) -> tuple[str, str]:
    return (str(row[1]), row[0])


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def read_manifest(out: Path) -> dict[PurePosixPath, str]:
    """{path: sha256} of the files the generator wrote last time; empty when there is none."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise WriteError(
            f"{out / MANIFEST} is unreadable ({error}); without it the generator cannot tell "
            "its files from yours. Restore it, or remove the out dir's generated files by hand."
        ) from None
    return {PurePosixPath(entry["path"]): entry["sha256"] for entry in data["files"]}


def plan(out: Path, files: Mapping[PurePosixPath, str]) -> Changes:
    """What writing `files` into `out` changes. Raises WriteError on a file the user owns."""
    owned = read_manifest(out)
    added, changed, conflicts = [], [], []
    unchanged = 0
    for path, text in files.items():
        if path == MANIFEST:
            raise WriteError(
                f"{MANIFEST} is the generator's own manifest; no template may write it"
            )
        target = out / path
        if not target.exists() and not target.is_symlink():
            added.append(path)
        elif path not in owned:
            conflicts.append(path)
        elif _reads(target) == text:
            unchanged += 1
        else:
            changed.append(path)
    if conflicts:
        listing = "\n".join(f"  {path}" for path in sorted(conflicts))
        raise WriteError(
            f"{out}: these files exist but were not written by the generator (they are not in "
            f"{MANIFEST}), so nothing was written:\n{listing}\n"
            "Move or delete them, or generate into another directory with --out."
        )
    removed = [path for path in owned if path not in files and (out / path).exists()]
    return Changes(sorted(added), sorted(changed), sorted(removed), unchanged)


def write_tree(out: Path, files: Mapping[PurePosixPath, str], *, check: bool = False) -> Changes:
    """Make `out` hold exactly `files` (plus whatever the user keeps there); see the module doc.

    With `check`, only report what would change.
    """
    changes = plan(out, files)
    manifest_text = _manifest(files)
    if check or (not changes and _reads(out / MANIFEST) == manifest_text):
        return changes
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    # mkdtemp makes a private folder; the out dir keeps the permissions it had (or its parent's)
    shutil.copymode(out if out.exists() else out.parent, staging)
    try:
        if out.exists():
            _link_tree(out, staging, skip={*changes.changed, *changes.removed, MANIFEST})
        for path in [*changes.added, *changes.changed]:
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[path], encoding="utf-8")
        for path in changes.removed:
            _prune_empty_parents(staging, path)
        (staging / MANIFEST).write_text(manifest_text, encoding="utf-8")
        _swap(staging, out)
    finally:
        # after a swap this is the previous tree; after a failure, the half-built new one
        shutil.rmtree(staging, ignore_errors=True)
    return changes


def _reads(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        return None


def _manifest(files: Mapping[PurePosixPath, str]) -> str:
    entries = [{"path": str(path), "sha256": sha256(files[path])} for path in sorted(files)]
    return json.dumps({"files": entries}, indent=1) + "\n"


def _link_tree(source: Path, target: Path, skip: set[PurePosixPath]) -> None:
    """Recreate `source` under `target` with hard links (copies where links are refused)."""
    for folder, folders, names in os.walk(source):
        relative = Path(folder).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            path = (
                PurePosixPath(relative.as_posix(), name) if relative.parts else PurePosixPath(name)
            )
            if path in skip:
                continue
            origin, copy = Path(folder) / name, target / relative / name
            if origin.is_symlink():
                copy.symlink_to(os.readlink(origin))
                continue
            try:
                os.link(origin, copy)
            except OSError:
                shutil.copy2(origin, copy)
        for name in folders:
            if (Path(folder) / name).is_symlink():
                (target / relative / name).symlink_to(os.readlink(Path(folder) / name))
        folders[:] = [name for name in folders if not (Path(folder) / name).is_symlink()]


def _prune_empty_parents(root: Path, removed: PurePosixPath) -> None:
    """Remove folders a stale file leaves empty."""
    for parent in removed.parents:
        if parent == PurePosixPath("."):
            return
        folder = root / parent
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in the place of `out`, leaving the previous tree at `staging`."""
    if not out.exists():
        staging.rename(out)
        staging.mkdir()  # the caller removes it
        return
    if _exchange(staging, out):
        return
    previous = out.with_name(f"{out.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    out.rename(previous)
    staging.rename(out)
    previous.rename(staging)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(result == 0)
