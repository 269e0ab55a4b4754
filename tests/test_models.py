"""Model packages: install from a file or a package index (served on 127.0.0.1), list, remove.

Bad files are refused whole.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import serving
from rfaflow.cli import cli
from rfaflow.translate.packages import installed_models

GENUINE = "use a package from the Argos package index"


def _packages(home: Path) -> list[str]:
    """Everything in the packages folder but the install locks (staging folders included: none may be left)."""
    folder = home / "packages"
    return sorted(p.name for p in folder.iterdir() if p.name != ".locks") if folder.exists() else []


def test_install_list_remove(copy_model_file: Path, rfaflow_home: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["models", "list"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "No models installed; install one with 'rfaflow models install FILE.argosmodel'.\n"

    result = runner.invoke(cli, ["models", "install", str(copy_model_file)])
    package = rfaflow_home / "packages" / "translate-ko_en-copy"
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Installed translate-ko_en-copy (ko→en, package 1.1) in {package}\n"
    assert runner.invoke(cli, ["models", "list"]).stdout == f"translate-ko_en-copy\tko→en\t1.1\t{package}\n"

    # Installing again replaces the package in place; nothing else is left behind.
    assert runner.invoke(cli, ["models", "install", str(copy_model_file)]).exit_code == 0
    assert _packages(rfaflow_home) == ["translate-ko_en-copy"]

    result = runner.invoke(cli, ["models", "remove", "translate-ko_en-copy"])
    assert (result.exit_code, result.stdout) == (0, "Removed translate-ko_en-copy\n")
    assert _packages(rfaflow_home) == []
    result = runner.invoke(cli, ["models", "remove", "translate-ko_en-copy"])
    assert (result.exit_code, result.stderr) == (
        1, "Error: no installed model named 'translate-ko_en-copy' (installed: none)\n")


def _rewrite_zip(source: Path, target: Path, drop: str | None = None, add: tuple[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if drop is None or not item.filename.endswith(drop):
                new.writestr(item, old.read(item))
        if add:
            new.writestr(*add)
    return target


def _corrupt(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("translate-ko_en-copy/model/model.bin")
    middle = info.header_offset + 100 + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda src, dst: (dst.write_text("not a zip"), dst)[1],
         "not an Argos model package (not a zip archive); give a .argosmodel file"),
        (lambda src, dst: _rewrite_zip(src, dst, drop="metadata.json"),
         f"not an Argos model package (no metadata.json inside); {GENUINE}"),
        (lambda src, dst: _rewrite_zip(src, dst, drop="sentencepiece.model"),
         f"not an Argos model package (no sentencepiece.model inside); {GENUINE}"),
        (lambda src, dst: _rewrite_zip(src, dst, add=("../evil.txt", b"x")),
         f"refused: archive entry '../evil.txt' points outside the package; {GENUINE}"),
        (lambda src, dst: _rewrite_zip(
            src, dst, drop="metadata.json", add=("translate-ko_en-copy/metadata.json", b"{")),
         "corrupt package: metadata.json is not valid JSON; download it again"),
        (_corrupt, "corrupt package: 'translate-ko_en-copy/model/model.bin' fails its checksum; download it again"),
    ],
    ids=["not-zip", "no-metadata", "no-tokenizer", "zip-slip", "bad-json", "bad-crc"],
)
def test_bad_package_is_refused_and_nothing_is_installed(
    copy_model_file: Path, rfaflow_home: Path, tmp_path: Path, make, message: str
) -> None:
    bad = make(copy_model_file, tmp_path / "bad.argosmodel")
    result = CliRunner().invoke(cli, ["models", "install", str(bad)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {bad}: {message}\n")
    assert _packages(rfaflow_home) == []
    assert not (tmp_path.parent / "evil.txt").exists()


@pytest.fixture
def package_server(copy_model_file: Path, tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving an Argos-style index.json and the package it links to."""
    (tmp_path / "translate-ko_en-copy.argosmodel").write_bytes(copy_model_file.read_bytes())
    with serving(tmp_path) as base:
        index = [
            {"from_code": "ko", "to_code": "en", "package_version": "1.0", "links": [f"{base}/missing.argosmodel"]},
            {"from_code": "ko", "to_code": "en", "package_version": "1.1",
             "links": [f"{base}/translate-ko_en-copy.argosmodel"]},
            {"from_code": "en", "to_code": "ko", "package_version": "9.0", "links": [f"{base}/nothing"]},
        ]
        (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
        yield base


def test_install_from_index_downloads_the_newest_package(package_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RFAFLOW_PACKAGE_INDEX", f"{package_server}/index.json")
    result = CliRunner().invoke(cli, ["models", "install", "ko", "en"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Installed translate-ko_en-copy (ko→en, package 1.1) in ")
    assert [(m.name, m.version) for m in installed_models()] == [("translate-ko_en-copy", "1.1")]


def test_index_without_the_pair(package_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RFAFLOW_PACKAGE_INDEX", f"{package_server}/index.json")
    result = CliRunner().invoke(cli, ["models", "install", "vi", "en"])
    assert (result.exit_code, result.stderr) == (
        1, f"Error: the package index at {package_server}/index.json lists no vi→en package\n"
    )
    unknown = CliRunner().invoke(cli, ["models", "install", "ko", "fr"])
    assert unknown.exit_code == 2 and "unknown language 'fr'; use one of: en, ko, zh-Hans" in unknown.stderr


def test_offline_index_says_how_to_install_from_a_file(rfaflow_home: Path) -> None:
    result = CliRunner().invoke(cli, ["models", "install", "ko", "en"])  # conftest points the index at a closed port
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Argos package index at http://127.0.0.1:9/index.json (")
    assert result.stderr.endswith(
        "); on a connected machine download translate-ko_en-*.argosmodel, copy it here and run"
        " 'rfaflow models install FILE.argosmodel'\n"
    )
    assert _packages(rfaflow_home) == []


def test_install_usage_errors() -> None:
    result = CliRunner().invoke(cli, ["models", "install", "ko", "en", "ja"])
    assert result.exit_code == 2
    assert "give one FILE.argosmodel, or two language codes such as 'ko en'" in result.stderr


def test_an_index_that_sends_too_much_is_refused(package_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile index or mirror cannot fill the memory or the disk: downloads are counted as they arrive."""
    from rfaflow import limits

    monkeypatch.setenv("RFAFLOW_PACKAGE_INDEX", f"{package_server}/index.json")
    monkeypatch.setattr(limits, "MAX_PACKAGE_INDEX_BYTES", 100)
    result = CliRunner().invoke(cli, ["models", "install", "ko", "en"])
    assert (result.exit_code, result.stderr) == (
        1, f"Error: refused: {package_server}/index.json sends more than 100 bytes\n")
