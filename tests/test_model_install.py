"""Hostile model packages: each is refused with one line, and the working model of the same name stays installed
and keeps translating. Also the locks, the staging sweep and the rename dance that keep installs all or nothing."""

from __future__ import annotations

import errno
import io
import json
import re
import shutil
import stat
import struct
import subprocess
import sys
import threading
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from rfaflow import limits
from rfaflow.cli import cli
from rfaflow.errors import ModelError
from rfaflow.languages import ENGLISH, LANGUAGES
from rfaflow.translate import packages
from rfaflow.translate.argos import ArgosTranslator
from rfaflow.translate.packages import InstalledModel, find_model, install_file, installed_models

KO = LANGUAGES["ko"]

TOP = "translate-ko_en-copy"
GENUINE = "use a package from the Argos package index"
PLAIN = "letters, digits and '._-', not starting with '.' or '-'"
SENTENCE = "북한은 오늘 새 미사일을 시험 발사했다."


def _repack(
    source: Path,
    target: Path,
    replace: dict[str, bytes | None] | None = None,
    add: tuple[tuple[zipfile.ZipInfo | str, bytes], ...] = (),
    top: str = TOP,
) -> Path:
    """`source` rewritten: members named in `replace` (paths inside the top folder) get new bytes or are dropped
    (None), the top folder is renamed `top`, and `add` is appended as it is."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            inner = item.filename.split("/", 1)[1]
            data = replace.get(inner, old.read(item))
            if data is not None:
                new.writestr(f"{top}/{inner}", data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate names some tests add on purpose
            for name, data in add:
                new.writestr(name, data)
    return target


def _metadata(source: Path, **changes: object) -> bytes:
    with zipfile.ZipFile(source) as archive:
        metadata = json.loads(archive.read(f"{TOP}/metadata.json"))
    metadata.update(changes)
    return json.dumps(metadata).encode()


def _member(source: Path, inner: str) -> bytes:
    with zipfile.ZipFile(source) as archive:
        return archive.read(f"{TOP}/{inner}")


def _symlink(name: str, points_to: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, points_to.encode()


def _declare_size(archive: Path, name: str, size: int) -> Path:
    """Make the zip's central directory claim `size` uncompressed bytes for `name`, the data left as it is."""
    data = bytearray(archive.read_bytes())
    encoded = name.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == encoded:
            struct.pack_into("<I", data, at + 24, size)
            archive.write_bytes(bytes(data))
            return archive
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{name} not in {archive}")


@pytest.fixture
def working(installed_copy_model: InstalledModel) -> InstalledModel:
    """The copy model, installed and hashed now: before any test installs over it."""
    assert installed_copy_model.content_hash
    return installed_copy_model


def _install(package: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["models", "install", str(package)])
    return result.exit_code, result.stderr


def _assert_still_working(original: InstalledModel) -> None:
    """The model installed before is the only one, byte for byte, it translates, and no staging folder is left."""
    models = installed_models()
    assert [(m.name, m.content_hash) for m in models] == [(original.name, original.content_hash)]
    assert ArgosTranslator(models[0], KO, ENGLISH, threads=1).submit([SENTENCE])() == [SENTENCE]
    assert not list(models[0].path.parent.glob(".staging-*"))


HOSTILE: dict[str, tuple[Callable[[Path, Path], Path], str | re.Pattern[str]]] = {
    # case: (make the package from the copy model's file, the message or a pattern of it)
    "garbage-model-bin": (
        lambda src, dst: _repack(src, dst, {"model/model.bin": b"\xff" * 50_000}),
        re.compile(r"cannot translate with this package \(Unsupported model binary version[^\n]*…\); "
                   r"the installed model is unchanged"),
    ),
    "empty-model-bin": (
        lambda src, dst: _repack(src, dst, {"model/model.bin": b""}),
        re.compile(r"cannot translate with this package \(File model\.bin is incomplete[^\n]*…\); "
                   r"the installed model is unchanged"),
    ),
    "truncated-model-bin": (
        lambda src, dst: _repack(src, dst, {"model/model.bin": _member(src, "model/model.bin")[:100_000]}),
        re.compile(r"cannot translate with this package \([^\n]+\); the installed model is unchanged"),
    ),
    "symlinked-model-bin": (
        lambda src, dst: _repack(src, dst, {"model/model.bin": None},
                                 add=(_symlink(f"{TOP}/model/model.bin", "/etc/passwd"),)),
        f"refused: archive entry '{TOP}/model/model.bin' is a symbolic link; {GENUINE}",
    ),
    "symlink-elsewhere": (
        lambda src, dst: _repack(src, dst, add=(_symlink(f"{TOP}/model/extra", "../../../../.bashrc"),)),
        f"refused: archive entry '{TOP}/model/extra' is a symbolic link; {GENUINE}",
    ),
    "garbage-sentencepiece": (
        lambda src, dst: _repack(src, dst, {"sentencepiece.model": b"not a tokenizer " * 300}),
        re.compile(r"cannot translate with this package \(INTERNAL: could not parse ModelProto[^\n]*…\); "
                   r"the installed model is unchanged"),
    ),
    "duplicate-entry": (
        lambda src, dst: _repack(src, dst, add=((f"{TOP}/model/model.bin", b"\xff" * 5000),)),
        f"refused: archive entry '{TOP}/model/model.bin' appears twice; {GENUINE}",
    ),
    "case-duplicate": (
        lambda src, dst: _repack(src, dst, add=((f"{TOP}/MODEL/model.bin", b"\xff" * 5000),)),
        f"refused: archive entry '{TOP}/MODEL/model.bin' appears twice; {GENUINE}",
    ),
    "file-and-folder": (
        lambda src, dst: _repack(src, dst, add=((f"{TOP}/model/model.bin/x", b"x"),)),
        f"refused: archive entry '{TOP}/model/model.bin' is both a file and a folder; {GENUINE}",
    ),
    "type-sbd": (
        lambda src, dst: _repack(src, dst, {"metadata.json": _metadata(src, type="sbd")}),
        f"not a translation package (metadata.json has type 'sbd'); {GENUINE}",
    ),
    "metadata-list": (
        lambda src, dst: _repack(src, dst, {"metadata.json": b'["ko", "en"]'}),
        f"not a translation package (metadata.json is not a JSON object); {GENUINE}",
    ),
    "codes-not-text": (
        lambda src, dst: _repack(src, dst, {"metadata.json": _metadata(src, from_code=["ko"])}),
        f"not a translation package (metadata.json lacks from_code/to_code); {GENUINE}",
    ),
    "version-not-text": (
        lambda src, dst: _repack(src, dst, {"metadata.json": _metadata(src, package_version=1.1)}),
        f"corrupt package: metadata.json field 'package_version' is not text; {GENUINE}",
    ),
    "metadata-bomb": (
        lambda src, dst: _repack(src, dst, {"metadata.json": b"{" + b" " * (2 * 1024 * 1024) + b"}"}),
        f"refused: metadata.json is 2.1 MB, over the limit of 1.0 MB; {GENUINE}",
    ),
    "metadata-too-deep": (
        lambda src, dst: _repack(src, dst, {"metadata.json": b"[" * 200_000 + b"]" * 200_000}),
        "corrupt package: metadata.json is not valid JSON; download it again",
    ),
    "hidden-top": (
        lambda src, dst: _repack(src, dst, top=".evil"),
        f"refused: package folder '.evil' is not a plain name ({PLAIN}); {GENUINE}",
    ),
    "spaced-top": (
        lambda src, dst: _repack(src, dst, top="evil name"),
        f"refused: package folder 'evil name' is not a plain name ({PLAIN}); {GENUINE}",
    ),
    "dash-top": (
        lambda src, dst: _repack(src, dst, top="-rf"),
        f"refused: package folder '-rf' is not a plain name ({PLAIN}); {GENUINE}",
    ),
    "control-char-top": (
        lambda src, dst: _repack(src, dst, top="evil\x1b[2J"),
        f"refused: package folder 'evil\\x1b[2J' is not a plain name ({PLAIN}); {GENUINE}",
    ),
    "two-tops": (
        lambda src, dst: _repack(src, dst, add=(("other/metadata.json", b"{}"),)),
        f"not an Argos model package (expected one top-level folder); {GENUINE}",
    ),
    "absolute-path": (
        lambda src, dst: _repack(src, dst, add=((f"/{TOP}/x", b"x"),)),
        f"refused: archive entry '/{TOP}/x' points outside the package; {GENUINE}",
    ),
    "dot-path": (
        lambda src, dst: _repack(src, dst, add=((f"{TOP}/./x", b"x"),)),
        f"refused: archive entry '{TOP}/./x' is not a plain path; {GENUINE}",
    ),
    "lying-size": (
        lambda src, dst: _declare_size(_repack(src, dst), f"{TOP}/model/model.bin", 1000),
        f"corrupt package: '{TOP}/model/model.bin' fails its checksum; download it again",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_package_is_refused_and_the_working_model_stays(
    case: str, copy_model_file: Path, working: InstalledModel, tmp_path: Path
) -> None:
    make, message = HOSTILE[case]
    bad = make(copy_model_file, tmp_path / "bad.argosmodel")
    code, stderr = _install(bad)
    assert code == 1, stderr
    pattern = message.pattern if isinstance(message, re.Pattern) else re.escape(message)
    assert re.fullmatch(re.escape(f"Error: {bad}: ") + pattern + "\n", stderr), stderr
    _assert_still_working(working)
    assert not (tmp_path.parent / ".bashrc").exists()


def test_bzip2_members_are_refused(copy_model_file: Path, working: InstalledModel, tmp_path: Path) -> None:
    """bzip2 expands without a bound per read, so no streaming count could stop a bomb in time."""
    bad = tmp_path / "bad.argosmodel"
    with zipfile.ZipFile(copy_model_file) as old, zipfile.ZipFile(bad, "w", zipfile.ZIP_BZIP2) as new:
        for item in old.infolist():
            new.writestr(item.filename, old.read(item))
    message = f"refused: archive entry '{TOP}/README.md' uses compression method 12 (only stored and deflated are read)"
    assert _install(bad) == (1, f"Error: {bad}: {message}; {GENUINE}\n")
    _assert_still_working(working)


def test_size_bomb_is_refused_from_the_directory(
    copy_model_file: Path, working: InstalledModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PACKAGE_BYTES", 6_000_000)
    bomb = _repack(copy_model_file, tmp_path / "bomb.argosmodel", add=((f"{TOP}/padding.bin", bytes(20_000_000)),))
    assert bomb.stat().st_size < 6_000_000
    with zipfile.ZipFile(bomb) as archive:
        total = sum(info.file_size for info in archive.infolist())
    assert _install(bomb) == (
        1, f"Error: {bomb}: refused: unpacks to {total / 1e6:.1f} MB, over the limit of 6.0 MB; {GENUINE}\n"
    )
    _assert_still_working(working)


def test_too_many_entries(
    copy_model_file: Path, working: InstalledModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PACKAGE_ENTRIES", 3)
    with zipfile.ZipFile(copy_model_file) as archive:
        count = len(archive.infolist())
    assert _install(copy_model_file) == (
        1, f"Error: {copy_model_file}: refused: {count} archive entries, over the limit of 3; {GENUINE}\n"
    )
    _assert_still_working(working)


def test_not_enough_disk_space(
    copy_model_file: Path, working: InstalledModel, rfaflow_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda path: real(path)._replace(free=1000))
    with zipfile.ZipFile(copy_model_file) as archive:
        total = sum(info.file_size for info in archive.infolist())
    message = (f"not enough disk space: the package unpacks to {total / 1e6:.1f} MB and {rfaflow_home / 'packages'}"
               " has 1,000 bytes free; free some space and rerun")
    assert _install(copy_model_file) == (1, f"Error: {copy_model_file}: {message}\n")
    _assert_still_working(working)


class _LyingArchive:
    """A zip reader that returns more data for a member than its header says."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def open(self, info: zipfile.ZipInfo) -> io.BytesIO:
        return io.BytesIO(self.data)


def test_unpacking_counts_the_bytes_really_written(tmp_path: Path) -> None:
    """CPython's zipfile stops at the declared size itself; the count must not depend on that."""
    info = zipfile.ZipInfo(f"{TOP}/model/model.bin")
    info.file_size = 10
    archive = _LyingArchive(b"x" * 3_000_000)
    with pytest.raises(ModelError) as raised:
        packages._copy_member(archive, info, io.BytesIO(), 10**9, "too big", tmp_path)  # type: ignore[arg-type]
    assert str(raised.value) == (
        f"{tmp_path}: corrupt package: '{TOP}/model/model.bin' holds more than its header declares; download it again"
    )
    info.file_size = 3_000_000
    sink = io.BytesIO()
    with pytest.raises(ModelError, match="^.*: too big$"):
        packages._copy_member(archive, info, sink, 1_500_000, "too big", tmp_path)  # type: ignore[arg-type]
    assert len(sink.getvalue()) <= 1_500_000


def test_failed_final_rename_restores_the_old_model(
    copy_model_file: Path, working: InstalledModel, rfaflow_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = rfaflow_home / "packages" / f".staging-{TOP}" / TOP
    real = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == staged:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    assert _install(copy_model_file) == (1, f"Error: {copy_model_file}: cannot install: permission denied ({staged})\n")
    _assert_still_working(working)


def test_failed_restore_is_retried_before_the_install_returns(
    copy_model_file: Path, working: InstalledModel, rfaflow_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staging = rfaflow_home / "packages" / f".staging-{TOP}"
    real = Path.rename
    failed_restores: list[Path] = []

    def rename(self: Path, target: Path) -> Path:
        if self == staging / TOP:
            raise OSError(errno.EIO, "Input/output error", str(self))
        if self == staging / "retired" and not failed_restores:
            failed_restores.append(self)
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    code, stderr = _install(copy_model_file)
    assert (code, stderr.count("\n")) == (1, 1)
    assert "cannot install: input/output error from the disk" in stderr
    assert failed_restores
    _assert_still_working(working)


def test_a_model_retired_by_a_killed_install_is_put_back(
    working: InstalledModel, rfaflow_home: Path
) -> None:
    root = rfaflow_home / "packages"
    staging = root / f".staging-{TOP}"
    (staging / TOP / "model").mkdir(parents=True)  # the new package, half unpacked
    (root / TOP).rename(staging / "retired")  # killed between the two renames
    _assert_still_working(working)
    assert not staging.exists()


def test_install_sweeps_stale_staging_folders_but_not_held_ones(
    copy_model_file: Path, rfaflow_home: Path
) -> None:
    root = rfaflow_home / "packages"
    for stale in (root / ".staging-x" / "junk", root / f".staging-{TOP}" / TOP / "model"):
        stale.mkdir(parents=True)
        (stale / "model.bin").write_bytes(b"left by a killed install")
    (root / ".staging-held").mkdir()
    with packages._name_lock(root, "held", timeout=0):  # an install of 'held' is running
        assert _install(copy_model_file) == (0, "")
        assert sorted(p.name for p in root.iterdir()) == [".locks", ".staging-held", TOP]
        assert [m.name for m in installed_models()] == [TOP]
        assert (root / ".staging-held").is_dir()
    assert CliRunner().invoke(cli, ["models", "list"]).exit_code == 0
    assert sorted(p.name for p in root.iterdir()) == [".locks", TOP]


def test_an_install_waits_for_another_of_the_same_name(
    copy_model_file: Path, working: InstalledModel, rfaflow_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rfaflow_home / "packages"
    done: list[InstalledModel] = []
    with packages._name_lock(root, TOP, timeout=0):
        monkeypatch.setattr(packages, "INSTALL_WAIT_S", 0.2)
        message = f"another install or removal of {TOP} is still running after 0.2 s; wait for it to finish and rerun"
        assert _install(copy_model_file) == (1, f"Error: {copy_model_file}: {message}\n")
        monkeypatch.setattr(packages, "INSTALL_WAIT_S", 60)
        waiting = threading.Thread(target=lambda: done.append(install_file(copy_model_file)))
        waiting.start()
        time.sleep(1.0)
        assert waiting.is_alive()
        assert not (root / f".staging-{TOP}").exists()
    waiting.join(60)
    assert [model.name for model in done] == [TOP]
    _assert_still_working(working)


def test_concurrent_installs_of_one_name_all_succeed(copy_model_file: Path, rfaflow_home: Path) -> None:
    runs = [
        subprocess.Popen([sys.executable, "-m", "rfaflow", "models", "install", str(copy_model_file)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outcomes = [(run.wait(120), *run.communicate()) for run in runs]
    package = rfaflow_home / "packages" / TOP
    expected = f"Installed {TOP} (ko→en, package 1.1) in {package}\n"
    assert outcomes == [(0, expected, "")] * 3
    models = installed_models()
    assert [m.name for m in models] == [TOP]
    assert ArgosTranslator(models[0], KO, ENGLISH, threads=1).submit([SENTENCE])() == [SENTENCE]
    assert sorted(p.name for p in package.parent.iterdir()) == [".locks", TOP]


def test_remove_waits_for_an_install_of_the_name(
    working: InstalledModel, rfaflow_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rfaflow_home / "packages"
    monkeypatch.setattr(packages, "INSTALL_WAIT_S", 0.2)
    with packages._name_lock(root, TOP, timeout=0):
        result = CliRunner().invoke(cli, ["models", "remove", TOP])
    message = f"another install or removal of {TOP} is still running after 0.2 s; wait for it to finish and rerun"
    assert (result.exit_code, result.stderr) == (1, f"Error: {root / TOP}: {message}\n")
    _assert_still_working(working)


def test_listing_skips_folders_argos_cannot_read(working: InstalledModel, rfaflow_home: Path) -> None:
    root = rfaflow_home / "packages"
    for name, metadata in [("list", b"[1]"), ("odd-languages", b'{"from_code": "ko", "to_code": "en", "languages": 5}'),
                           ("not-utf8", b'{"from_code": "\xff"}')]:
        (root / name).mkdir()
        (root / name / "metadata.json").write_bytes(metadata)
    _assert_still_working(working)


# Crashers bench/fuzz.py found (inputs as it shrank them), each now a one-line refusal.
EMPTY_NAME_ZIP = (
    b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00!\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
    b"\x00PK\x01\x02\x14\x03\x14\x00\x00\x00\x00\x00\x00\x00!\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
    b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01\x00\x00\x00\x00PK\x05\x06\x00\x00\x00\x00\x01\x00"
    b"\x01\x00.\x00\x00\x00\x1e\x00\x00\x00\x00\x00"
)
FUTURE_ZIP_VERSION = (
    b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00!\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00"
    b"\x00aPK\x01\x02\x14\x03\xff\x00\x00\x00\x00\x00\x00\x00!\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
    b"\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01\x00\x00\x00\x00aPK\x05\x06\x00\x00\x00\x00\x01\x00"
    b"\x01\x00/\x00\x00\x00\x1f\x00\x00\x00\x00\x00"
)


@pytest.mark.parametrize(("data", "message"), [
    (EMPTY_NAME_ZIP, "refused: an archive entry has no name; "),
    (FUTURE_ZIP_VERSION, "corrupt package (zip file version 25.5); "),
], ids=["entry-without-a-name", "zip-version-python-lacks"])
def test_fuzzed_zips_are_refused(working: InstalledModel, tmp_path: Path, data: bytes, message: str) -> None:
    package = tmp_path / "fuzzed.argosmodel"
    package.write_bytes(data)
    code, stderr = _install(package)
    assert code == 1 and stderr.startswith(f"Error: {package}: {message}") and stderr.count("\n") == 1
    _assert_still_working(working)


def test_a_version_past_the_int_limit_sorts_below_real_ones(copy_model_file: Path, tmp_path: Path) -> None:
    """packaging's Version() raises a bare ValueError for a release number of over 4,300 digits."""
    package = _repack(copy_model_file, tmp_path / "huge-version.argosmodel",
                      {"metadata.json": _metadata(copy_model_file, package_version="9" * 5000)})
    assert _install(package)[0] == 0
    model = find_model(KO, ENGLISH)
    assert model is not None and model.version == "9" * 5000


def test_a_package_for_a_code_no_language_has_installs_lists_and_is_never_chosen(
        copy_model_file: Path, tmp_path: Path) -> None:
    """A package may name any code, even one with a newline (found by bench/fuzz.py): it installs, `models list`
    shows its code escaped, and no draft's pair picks it."""
    package = _repack(copy_model_file, tmp_path / "odd-code.argosmodel",
                      {"metadata.json": _metadata(copy_model_file, from_code="ko\nen")})
    assert _install(package)[0] == 0
    assert find_model(KO, ENGLISH) is None
    listed = CliRunner().invoke(cli, ["models", "list"])
    assert listed.exit_code == 0 and "ko\\nen→en" in listed.stdout
