"""Argos Translate model packages: list, install (from a file or the package index), remove.

Argos's own `install_from_path` unzips straight into the package folder without checking anything, so a corrupt
or foreign zip leaves a half-installed package, and a zip bomb fills the disk. Here a package is checked from the
zip's directory first (entry count, sizes against the limits and the free disk space, metadata.json, no links,
duplicates or paths outside one plainly named top folder), unpacked into a staging folder beside the installed
packages while the bytes really written are counted, loaded with CTranslate2 and SentencePiece and made to translate
a sentence, and only then renamed into place. A package that fails any step leaves the installed model of its name
as it was.

Installs and removals of one name are serialised by a file lock (`.locks/NAME.lock`); a name's staging folder
(`.staging-NAME`) exists only while one holds that lock, so any such folder whose lock is free was left by a killed
install, and is swept (its retired model first put back if the kill came between the two renames).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import IO, Any

import filelock

from rfaflow import config, limits
from rfaflow.errors import ModelError, clip, from_os_error
from rfaflow.languages import Language

DOWNLOAD_TIMEOUT_S = 60
INSTALL_WAIT_S = 600  # how long an install or removal waits for another one of the same name
# Packages with the older BPE tokenizer (bpe.model) are not supported: every current Argos package uses SentencePiece.
_REQUIRED_FILES = ("metadata.json", "model/model.bin", "sentencepiece.model")
# A package's top folder becomes a folder name, a lock file name and a CLI argument: a plain name only.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")
# bzip2 and LZMA members are decompressed by zipfile without an output bound per read, so a tiny chunk can expand
# to gigabytes in memory before any count sees it; Argos packages are deflated.
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_DISK_MARGIN_BYTES = 256 * 1024**2  # left free after unpacking, for the database and the briefs
_CHUNK_BYTES = 1024 * 1024
_STAGING = ".staging-"
_RETIRED = "retired"  # the replaced model, inside the staging folder, until the new one is in place
_REMOVED = "removed"  # a removed model, inside the staging folder, being deleted
_LOCKS = ".locks"
_TEST_SENTENCE = "오늘 서울은 맑고 따뜻하겠습니다."
_GENUINE = "use a package from the Argos package index"
_REFETCH = "download it again"


@dataclass(frozen=True)
class InstalledModel:
    name: str
    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""  # a token some packages expect at the start of every translation

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 over every file of the package (names and bytes), computed once per process."""
        digest = hashlib.sha256()
        for file in sorted(p for p in self.path.rglob("*") if p.is_file()):
            digest.update(file.relative_to(self.path).as_posix().encode() + b"\0")
            with file.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        return digest.hexdigest()[:16]


def _argos_package() -> Any:
    import argostranslate.package

    return argostranslate.package


def _listed(folder: Path) -> InstalledModel | None:
    """The package in `folder` as Argos reads it, or None when it is not a translate package."""
    try:
        package = _argos_package().Package(folder)
    except (OSError, ValueError, AttributeError, TypeError):  # no metadata.json, not JSON or UTF-8, odd values
        return None
    if package.type != "translate" or not package.from_code or not package.to_code:
        return None
    return InstalledModel(
        folder.name, folder, package.from_code, package.to_code, package.package_version, package.target_prefix
    )


def installed_models(packages_dir: Path | None = None) -> list[InstalledModel]:
    """Installed translate packages, sorted by name. Folders that are not Argos packages are skipped; staging
    folders left by killed installs are swept."""
    root = packages_dir or config.packages_dir()
    if not root.is_dir():
        return []
    _sweep_staging(root)
    folders = sorted(path for path in root.iterdir() if path.is_dir() and not path.name.startswith("."))
    return [model for model in map(_listed, folders) if model is not None]


def find_model(source: Language, target: Language) -> InstalledModel | None:
    """The newest installed package for the pair (Argos codes: a "zt" package is Traditional Chinese)."""
    candidates = [m for m in installed_models() if m.from_code == source.argos and m.to_code == target.argos]
    return max(candidates, key=lambda model: _release_order(model.version), default=None)


def _name_lock(root: Path, name: str, timeout: float) -> filelock.FileLock:
    """The lock that installs and removals of `name` hold; the lock file stays, so waiters share one inode."""
    locks = root / _LOCKS
    locks.mkdir(exist_ok=True)
    return filelock.FileLock(locks / f"{name}.lock", timeout=timeout)


def _recover(root: Path, name: str) -> None:
    """With `name`'s lock held: put back a model that a killed install retired but never replaced, then remove the
    name's staging folder."""
    staging = root / f"{_STAGING}{name}"
    retired = staging / _RETIRED
    if retired.is_dir() and not os.path.lexists(root / name):
        retired.rename(root / name)
    if staging.is_dir():
        shutil.rmtree(staging)


def _sweep_staging(root: Path) -> None:
    """Recover every staging folder whose name's lock is free (its install was killed). Best effort: one that cannot
    be removed now is tried again by the next sweep."""
    for staging in root.glob(f"{_STAGING}*"):
        if not staging.is_dir():
            continue
        name = staging.name.removeprefix(_STAGING)
        # filelock.Timeout is an OSError: an install of that name is running.
        with contextlib.suppress(OSError), _name_lock(root, name, timeout=0):
            _recover(root, name)


def _size(count: int) -> str:
    return f"{count:,} bytes" if count < 1_000_000 else f"{count / 1e6:,.1f} MB"


def _check_directory(archive: zipfile.ZipFile, path: Path) -> tuple[str, list[zipfile.ZipInfo]]:
    """The package's top folder name and its entries, checked from the zip's directory alone."""
    members = archive.infolist()
    if len(members) > limits.MAX_PACKAGE_ENTRIES:
        raise ModelError(f"refused: {len(members):,} archive entries, over the limit of {limits.MAX_PACKAGE_ENTRIES:,};"
                         f" {_GENUINE}", path)
    seen: set[str] = set()
    files: set[str] = set()
    folders: set[str] = set()
    for info in members:
        name = info.filename
        if not name:  # ZipInfo.is_dir() would index an empty name
            raise ModelError(f"refused: an archive entry has no name; {_GENUINE}", path)
        parts = (name.removesuffix("/") if info.is_dir() else name).split("/")
        if name.startswith("/") or "\\" in name or ".." in parts:
            raise ModelError(f"refused: archive entry '{clip(name)}' points outside the package; {_GENUINE}", path)
        if any(part in ("", ".") for part in parts):
            raise ModelError(f"refused: archive entry '{clip(name)}' is not a plain path; {_GENUINE}", path)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise ModelError(f"refused: archive entry '{clip(name)}' is a symbolic link; {_GENUINE}", path)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise ModelError(f"refused: archive entry '{clip(name)}' is not a file or folder; {_GENUINE}", path)
        if info.flag_bits & 0x1:
            raise ModelError(f"refused: archive entry '{clip(name)}' is encrypted; {_GENUINE}", path)
        if info.compress_type not in _COMPRESSIONS:
            raise ModelError(f"refused: archive entry '{clip(name)}' uses compression method {info.compress_type}"
                             f" (only stored and deflated are read); {_GENUINE}", path)
        key = "/".join(parts)
        if key.casefold() in seen:  # case too: on macOS and Windows the second would overwrite the first
            raise ModelError(f"refused: archive entry '{clip(name)}' appears twice; {_GENUINE}", path)
        seen.add(key.casefold())
        (folders if info.is_dir() else files).add(key)
        folders.update("/".join(parts[:depth]) for depth in range(1, len(parts)))
    clash = sorted(files & folders)
    if clash:
        raise ModelError(f"refused: archive entry '{clip(clash[0])}' is both a file and a folder; {_GENUINE}", path)
    tops = {key.split("/")[0] for key in files | folders}
    top = tops.pop() if len(tops) == 1 else ""
    if top not in folders:
        raise ModelError(f"not an Argos model package (expected one top-level folder); {_GENUINE}", path)
    if not _PLAIN_NAME.fullmatch(top):
        raise ModelError(f"refused: package folder '{clip(top)}' is not a plain name (letters, digits and '._-', not"
                         f" starting with '.' or '-'); {_GENUINE}", path)
    missing = [f for f in _REQUIRED_FILES if f"{top}/{f}" not in files]
    if missing:
        raise ModelError(f"not an Argos model package (no {missing[0]} inside); {_GENUINE}", path)
    total = sum(info.file_size for info in members)
    if total > limits.MAX_PACKAGE_BYTES:
        raise ModelError(f"refused: unpacks to {_size(total)}, over the limit of {_size(limits.MAX_PACKAGE_BYTES)};"
                         f" {_GENUINE}", path)
    return top, members


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Iterator[bytes]:
    """The member's decompressed bytes; any failure of the zip reader or the decompressor is a corrupt package."""
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_CHUNK_BYTES):
                yield chunk
    except Exception as err:  # noqa: BLE001 - BadZipFile (checksum, header), zlib.error, EOFError: damaged data
        name = clip(info.filename)
        if isinstance(err, zipfile.BadZipFile) and "CRC" in str(err):
            raise ModelError(f"corrupt package: '{name}' fails its checksum; {_REFETCH}", path) from None
        reason = clip(str(err) or type(err).__name__)
        raise ModelError(f"corrupt package: '{name}' cannot be unpacked ({reason}); {_REFETCH}", path) from None


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, sink: IO[bytes], budget: int, too_big: str,
                 path: Path) -> int:
    """Stream the member into `sink` and return the bytes written, counted as they come: never more than its
    declared size nor `budget` (else ModelError `too_big`), whatever its header claims."""
    written = 0
    for chunk in _chunks(archive, info, path):
        written += len(chunk)
        if written > info.file_size:
            raise ModelError(f"corrupt package: '{clip(info.filename)}' holds more than its header declares; "
                             f"{_REFETCH}", path)
        if written > budget:
            raise ModelError(too_big, path)
        sink.write(chunk)
    return written


def _check_metadata(archive: zipfile.ZipFile, top: str, path: Path) -> None:
    """metadata.json read with a cap, and holding what rfaflow and Argos read as it expects."""
    info = archive.getinfo(f"{top}/metadata.json")
    limit = limits.MAX_PACKAGE_METADATA_BYTES
    too_big = f"refused: metadata.json is {_size(info.file_size)}, over the limit of {_size(limit)}; {_GENUINE}"
    if info.file_size > limit:
        raise ModelError(too_big, path)
    raw = io.BytesIO()
    _copy_member(archive, info, raw, limit, too_big, path)
    try:
        metadata = json.loads(raw.getvalue())
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past Python's recursion limit
        raise ModelError(f"corrupt package: metadata.json is not valid JSON; {_REFETCH}", path) from None
    if not isinstance(metadata, dict):
        raise ModelError(f"not a translation package (metadata.json is not a JSON object); {_GENUINE}", path)
    kind = metadata.get("type", "translate")  # Argos's default
    if kind != "translate":
        raise ModelError(f"not a translation package (metadata.json has type '{clip(str(kind))}'); {_GENUINE}", path)
    if not all(isinstance(metadata.get(key), str) and metadata[key] for key in ("from_code", "to_code")):
        raise ModelError(f"not a translation package (metadata.json lacks from_code/to_code); {_GENUINE}", path)
    for key in ("package_version", "target_prefix"):  # read as text by find_model and the translator
        if not isinstance(metadata.get(key, ""), str):
            raise ModelError(f"corrupt package: metadata.json field '{key}' is not text; {_GENUINE}", path)


def _check_space(root: Path, members: list[zipfile.ZipInfo], path: Path) -> None:
    total = sum(info.file_size for info in members)
    free = shutil.disk_usage(root).free
    if total + _DISK_MARGIN_BYTES > free:
        raise ModelError(f"not enough disk space: the package unpacks to {_size(total)} and {root} has {_size(free)}"
                         " free; free some space and rerun", path)


def _unpack(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], folder: Path, path: Path) -> None:
    """Unpack the checked entries under `folder`, stopping as soon as the bytes written pass the size limit."""
    too_big = f"refused: unpacks to more than the limit of {_size(limits.MAX_PACKAGE_BYTES)}; {_GENUINE}"
    budget = limits.MAX_PACKAGE_BYTES
    for info in members:
        target = folder.joinpath(*PurePosixPath(info.filename).parts)  # a plain relative path, checked
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as sink:
            budget -= _copy_member(archive, info, sink, budget, too_big, path)


def _translation_failure(model: InstalledModel) -> str | None:
    """None when the package's model and tokenizer load and translate a test sentence, else why not (clipped)."""
    import ctranslate2
    import sentencepiece

    try:
        tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(model.path / "sentencepiece.model"))
        translator = ctranslate2.Translator(str(model.model_dir), device="cpu", inter_threads=1, intra_threads=1)
        tokens = tokenizer.encode(_TEST_SENTENCE, out_type=str)
        prefix = model.target_prefix
        result = translator.translate_batch(
            [tokens], target_prefix=[[prefix]] if prefix else None, beam_size=1,
            max_decoding_length=2 * len(tokens) + 16,
        )
        tokenizer.decode(result[0].hypotheses[0])
    # A bad file makes these libraries raise RuntimeError, ValueError, IndexError, UnicodeDecodeError, OSError...
    except Exception as err:  # noqa: BLE001
        return clip(str(err) or type(err).__name__)
    return None


def _stage_and_swap(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], root: Path, top: str,
                    path: Path) -> InstalledModel:
    """With `top`'s lock held: unpack, prove the package translates, then put it in place of any installed one."""
    staging = root / f"{_STAGING}{top}"
    target = root / top
    _recover(root, top)
    staging.mkdir()
    try:
        _unpack(archive, members, staging, path)
        staged = _listed(staging / top)
        failure = _translation_failure(staged) if staged else "Argos Translate cannot read its metadata.json"
        if staged is None or failure is not None:
            kept = "the installed model is unchanged" if os.path.lexists(target) else "nothing was installed"
            raise ModelError(f"cannot translate with this package ({failure}); {kept}", path)
        retired = staging / _RETIRED
        replacing = os.path.lexists(target)
        if replacing:
            target.rename(retired)
        try:
            staged.path.rename(target)
        except OSError:
            if replacing:
                retired.rename(target)  # should this fail too, the next sweep puts it back
            raise
    finally:
        with contextlib.suppress(OSError):  # a staging folder left here is swept by the next install or listing
            _recover(root, top)
    return dataclasses.replace(staged, path=target)


def _install(path: Path) -> InstalledModel:
    if path.is_dir():
        raise ModelError("is a folder, not a .argosmodel file; give the package file", path)
    if not path.is_file():
        raise ModelError("no such file", path)
    if not zipfile.is_zipfile(path):
        raise ModelError("not an Argos model package (not a zip archive); give a .argosmodel file", path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as err:  # NotImplementedError: a zip
        raise ModelError(f"corrupt package ({clip(str(err))}); {_REFETCH}", path) from None  # version Python lacks
    with archive:
        top, members = _check_directory(archive, path)
        _check_metadata(archive, top, path)
        root = config.packages_dir()
        root.mkdir(parents=True, exist_ok=True)
        _sweep_staging(root)
        _check_space(root, members, path)
        lock = _name_lock(root, top, INSTALL_WAIT_S)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise ModelError(f"another install or removal of {top} is still running after {INSTALL_WAIT_S} s; wait"
                             " for it to finish and rerun", path) from None
        try:
            return _stage_and_swap(archive, members, root, top, path)
        finally:
            lock.release()


def install_file(path: Path | str) -> InstalledModel:
    """Install a `.argosmodel` file; an installed package of the same name is replaced only by one that translates.
    All or nothing."""
    path = Path(path)
    try:
        return _install(path)
    except OSError as err:
        raise from_os_error(err, path, ModelError, "cannot install") from None


def remove(name: str) -> InstalledModel:
    models = {model.name: model for model in installed_models()}
    if name not in models:
        installed = ", ".join(models) or "none"
        raise ModelError(f"no installed model named '{clip(name)}' (installed: {installed})")
    model = models[name]
    root = model.path.parent
    try:
        with _name_lock(root, name, INSTALL_WAIT_S):
            _recover(root, name)
            staging = root / f"{_STAGING}{name}"
            staging.mkdir()
            model.path.rename(staging / _REMOVED)  # gone at once; a killed removal leaves only a folder to sweep
            shutil.rmtree(staging, ignore_errors=True)
    except filelock.Timeout:
        raise ModelError(f"another install or removal of {name} is still running after {INSTALL_WAIT_S} s; wait for"
                         " it to finish and rerun", model.path) from None
    except OSError as err:
        raise from_os_error(err, model.path, ModelError, "cannot remove") from None
    return model


def _offline_hint(source: Language, target: Language) -> str:
    return (
        f"on a connected machine download translate-{source.argos}_{target.argos}-*.argosmodel, copy it here and run "
        "'rfaflow models install FILE.argosmodel'"
    )


def missing_model_advice(source: Language, target: Language) -> str:
    """Says that no model for the pair is installed, and what covers it: the Argos index's package (how to install
    it) or, where Argos has none, the model families published for the pair."""
    pair = f"{source.tag}→{target.tag}"
    if source.argos_indexed:
        return (f"no {pair} model is installed; install one with 'rfaflow models install "
                f"translate-{source.argos}_{target.argos}-1_1.argosmodel' "
                f"(or 'rfaflow models install {source.tag} {target.tag}' when online)")
    others = ", ".join(source.engines) or "none known"
    return (f"no {pair} model is installed, and the Argos index offers none for {source.name}; "
            f"published models for {pair}: {others} (install an Argos-format package for the pair with "
            "'rfaflow models install FILE.argosmodel')")


def _download(url: str, sink: IO[bytes], limit: int) -> None:
    """`url`'s body into `sink` in chunks, refused past `limit` bytes (a hostile index or mirror cannot fill the
    memory or the disk)."""
    request = urllib.request.Request(url, headers={"User-Agent": "rfaflow"})
    received = 0
    with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_S) as response:
        while chunk := response.read(1 << 20):
            received += len(chunk)
            if received > limit:
                raise ModelError(f"refused: {clip(url, 80)} sends more than {_size(limit)}")
            sink.write(chunk)


def _release_order(version: Any) -> tuple[int, Any]:
    """Sort key of package versions: PEP 440 versions in order, above anything else (compared as text)."""
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(str(version)))
    except (InvalidVersion, ValueError):  # ValueError: a release number past Python's 4,300-digit int limit
        return (0, str(version))


def _offered(entry: Any, source: Language, target: Language) -> bool:
    return (isinstance(entry, dict) and entry.get("from_code") == source.argos and entry.get("to_code") == target.argos
            and isinstance(entry.get("links"), list) and all(isinstance(link, str) for link in entry["links"]))


def install_from_index(source: Language, target: Language) -> InstalledModel:
    """Download the newest package for the pair listed in the Argos package index, then install it."""
    index_url = config.package_index_url()
    try:
        listing = io.BytesIO()
        _download(index_url, listing, limits.MAX_PACKAGE_INDEX_BYTES)
        index = json.loads(listing.getvalue())
    except (urllib.error.URLError, OSError, ValueError) as err:  # ValueError: a malformed URL
        reason = getattr(err, "reason", err)
        raise ModelError(
            f"cannot reach the Argos package index at {index_url} ({clip(str(reason), 80)}); "
            f"{_offline_hint(source, target)}"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise ModelError(f"the package index at {index_url} is not valid JSON") from None
    argos = _argos_package()
    offers = [argos.AvailablePackage(entry) for entry in (index if isinstance(index, list) else [])
              if _offered(entry, source, target)]
    if not offers:
        raise ModelError(f"the package index at {index_url} lists no {source.tag}→{target.tag} package")
    offer = max(offers, key=lambda offer: _release_order(offer.package_version))
    errors = []
    for link in offer.links:
        name = PurePosixPath(urllib.parse.urlparse(link).path).name
        try:
            config.data_home().mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=config.data_home(), prefix=".download-") as folder:
                download = Path(folder) / (name if _PLAIN_NAME.fullmatch(name) else "package.argosmodel")
                try:
                    with download.open("wb") as sink:
                        _download(link, sink, limits.MAX_PACKAGE_BYTES)
                except (urllib.error.URLError, ValueError) as err:
                    errors.append(f"{clip(link, 80)}: {clip(str(getattr(err, 'reason', err)), 80)}")
                    continue
                return install_file(download)
        except OSError as err:
            raise from_os_error(err, config.data_home(), ModelError, "cannot save the download") from None
    raise ModelError(
        f"download of {source.tag}→{target.tag} package {offer.package_version} failed "
        f"({'; '.join(errors) or 'no links'}); {_offline_hint(source, target)}"
    )
