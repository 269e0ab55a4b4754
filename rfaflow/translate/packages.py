"""Argos Translate model packages: list, install (from a file or the package index), remove.

Argos's own `install_from_path` unzips straight into the package folder without checking anything, so a corrupt
or foreign zip leaves a half-installed package. Here a package is checked, unpacked into a staging folder beside
the package folder, loaded with `argostranslate.package.Package`, and only then renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from rfaflow import config
from rfaflow.errors import ModelError

DOWNLOAD_TIMEOUT_S = 60
# Packages with the older BPE tokenizer (bpe.model) are not supported: every current Argos package uses SentencePiece.
_REQUIRED_FILES = ("metadata.json", "model/model.bin", "sentencepiece.model")


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


def installed_models(packages_dir: Path | None = None) -> list[InstalledModel]:
    """Installed translate packages, sorted by name. Folders that are not Argos packages are skipped."""
    root = packages_dir or config.packages_dir()
    if not root.is_dir():
        return []
    argos = _argos_package()
    models = []
    for folder in sorted(path for path in root.iterdir() if path.is_dir() and not path.name.startswith(".")):
        try:
            package = argos.Package(folder)
        except (FileNotFoundError, json.JSONDecodeError):
            continue
        if package.type == "translate" and package.from_code and package.to_code:
            models.append(
                InstalledModel(
                    folder.name, folder, package.from_code, package.to_code, package.package_version,
                    package.target_prefix,
                )
            )
    return models


def find_model(from_code: str, to_code: str) -> InstalledModel | None:
    """The newest installed package for the pair."""
    from packaging.version import InvalidVersion, Version

    def version_key(model: InstalledModel) -> tuple[int, Any]:
        try:
            return (1, Version(model.version))
        except InvalidVersion:
            return (0, model.version)

    candidates = [m for m in installed_models() if m.from_code == from_code and m.to_code == to_code]
    return max(candidates, key=version_key, default=None)


def _check_archive(path: Path) -> tuple[str, dict[str, Any]]:
    """The package's top folder name and metadata, or a ModelError saying what is wrong with the file."""
    if not path.is_file():
        raise ModelError("no such file", path)
    if not zipfile.is_zipfile(path):
        raise ModelError("not an Argos model package (not a zip archive)", path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            tops = {PurePosixPath(name).parts[0] for name in names if name.strip("/")}
            unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts or "\\" in n]
            if unsafe:
                raise ModelError(f"refused: archive entry '{unsafe[0]}' points outside the package", path)
            if len(tops) != 1:
                raise ModelError("not an Argos model package (expected one top-level folder)", path)
            top = tops.pop()
            missing = [f for f in _REQUIRED_FILES if f"{top}/{f}" not in names]
            if missing:
                raise ModelError(f"not an Argos model package (no {missing[0]} inside)", path)
            broken = archive.testzip()
            if broken is not None:
                raise ModelError(f"corrupt package: '{broken}' fails its checksum", path)
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
    except (zipfile.BadZipFile, EOFError, OSError) as err:
        raise ModelError(f"corrupt package ({err})", path) from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ModelError("corrupt package: metadata.json is not valid JSON", path) from None
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise ModelError("not a translation package (metadata.json lacks from_code/to_code)", path)
    return top, metadata


def install_file(path: Path | str) -> InstalledModel:
    """Install a `.argosmodel` file; an installed package of the same name is replaced. All or nothing."""
    path = Path(path)
    top, _ = _check_archive(path)
    root = config.packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root, prefix=".staging-") as staging:
        try:
            with zipfile.ZipFile(path) as archive:
                archive.extractall(staging)
            _argos_package().Package(Path(staging) / top)
        except (OSError, zipfile.BadZipFile, ValueError) as err:
            raise ModelError(f"cannot unpack package ({err})", path) from None
        target = root / top
        if target.exists():
            retired = Path(staging) / ".retired"
            target.rename(retired)  # removed with the staging folder
        (Path(staging) / top).rename(target)
    return next(model for model in installed_models(root) if model.name == top)


def remove(name: str) -> InstalledModel:
    models = {model.name: model for model in installed_models()}
    if name not in models:
        installed = ", ".join(models) or "none"
        raise ModelError(f"no installed model named '{name}' (installed: {installed})")
    shutil.rmtree(models[name].path)
    return models[name]


def _offline_hint(from_code: str, to_code: str) -> str:
    return (
        f"on a connected machine download translate-{from_code}_{to_code}-*.argosmodel, copy it here and run "
        "'rfaflow models install FILE.argosmodel'"
    )


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "rfaflow"})
    with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_S) as response:
        return response.read()


def install_from_index(from_code: str, to_code: str) -> InstalledModel:
    """Download the newest package for the pair listed in the Argos package index, then install it."""
    from packaging.version import InvalidVersion, Version

    index_url = config.package_index_url()
    try:
        index = json.loads(_fetch(index_url))
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ModelError(
            f"cannot reach the Argos package index at {index_url} ({reason}); {_offline_hint(from_code, to_code)}"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ModelError(f"the package index at {index_url} is not valid JSON") from None
    argos = _argos_package()
    offers = [
        argos.AvailablePackage(entry)
        for entry in (index if isinstance(index, list) else [])
        if isinstance(entry, dict) and entry.get("from_code") == from_code and entry.get("to_code") == to_code
    ]
    if not offers:
        raise ModelError(f"the package index at {index_url} lists no {from_code}→{to_code} package")

    def version_key(offer: Any) -> Any:
        try:
            return Version(offer.package_version)
        except InvalidVersion:
            return Version("0")

    offer = max(offers, key=version_key)
    errors = []
    for link in offer.links:
        try:
            data = _fetch(link)
        except (urllib.error.URLError, OSError) as err:
            errors.append(f"{link}: {getattr(err, 'reason', err)}")
            continue
        config.data_home().mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=config.data_home(), prefix=".download-") as folder:
            name = PurePosixPath(urllib.parse.urlparse(link).path).name or "package.argosmodel"
            download = Path(folder) / name
            download.write_bytes(data)
            return install_file(download)
    raise ModelError(
        f"download of {from_code}→{to_code} package {offer.package_version} failed ({'; '.join(errors) or 'no links'});"
        f" {_offline_hint(from_code, to_code)}"
    )
