"""Render's QA line and --strict, output paths for every command that writes one file, and desk tools with gaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM, SAMPLES, write_draft
from rfaflow.cli import cli

MUSAN = SAMPLES / "musan.md"
QA_LINE = f"{MUSAN}: 9 segments (1 headline, 8 sentences): QA 0 errors, 0 warnings\n"


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def test_the_suffix_gives_the_format(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    result = invoke("render", MUSAN, "--tm", SAMPLE_TM, "-o", target)
    assert (result.exit_code, result.stderr) == (0, QA_LINE + f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("RFA's Korean Service\n\n# North Hamgyong")


@pytest.mark.parametrize("args, message", [
    (["-o", "brief.md", "-f", "html"], "-o brief.md is .md but -f asks for html; drop one of them"),
    (["-o", "brief.txt"], "-o brief.txt: a brief is .html or .md; or give a folder (a name without a suffix)"),
])
def test_a_conflicting_or_unknown_suffix_is_a_usage_error(tmp_path: Path, monkeypatch, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("render", MUSAN, "--tm", SAMPLE_TM, *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert list(tmp_path.iterdir()) == []


def test_a_name_without_suffix_is_a_folder_created_when_missing(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    result = invoke("render", MUSAN, "--tm", SAMPLE_TM, "-o", folder, "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["musan.md"]


def test_dash_is_stdout(tmp_path: Path) -> None:
    result = invoke("render", MUSAN, "--tm", SAMPLE_TM, "-o", "-", "-f", "md")
    assert result.exit_code == 0 and result.stdout.startswith("RFA's Korean Service")
    review = invoke("review", MUSAN, "--tm", SAMPLE_TM, "--engine", "tm", "-o", "-")
    assert review.exit_code == 0 and review.stdout.startswith("<!DOCTYPE html>")
    assert review.stderr == "Wrote stdout: 9 segments (1 headline, 8 sentences), 0 QA findings\n"
    exported = invoke("xliff", "export", MUSAN, "--tm", SAMPLE_TM, "--engine", "tm", "-o", "-")
    assert exported.exit_code == 0 and exported.stdout.startswith("<?xml")
    tm = invoke("tm", "export", "--tm", SAMPLE_TM, "-o", "-")
    assert tm.exit_code == 0 and "<tmx" in tm.stdout


def test_review_and_xliff_into_a_folder(tmp_path: Path) -> None:
    for command, name in (("review", "musan-review.html"), (("xliff", "export"), "musan.xlf")):
        parts = command if isinstance(command, tuple) else (command,)
        result = invoke(*parts, MUSAN, "--tm", SAMPLE_TM, "--engine", "tm", "-o", tmp_path / "desk")
        assert result.exit_code == 0, result.stderr
        assert (tmp_path / "desk" / name).is_file()


def _hangul_name_draft(tmp_path: Path) -> Path:
    """A draft whose memory covers it, with the reporter's name left in Hangul: the brief would carry Korean."""
    return write_draft(tmp_path, "소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다.\n", english_headline="Notice",
                       reporter="김하은")


def test_render_reports_qa_and_strict_writes_nothing(tmp_path: Path) -> None:
    draft = _hangul_name_draft(tmp_path)
    out = tmp_path / "out"
    lenient = invoke("render", draft, "--tm", SAMPLE_TM, "--engine", "tm", "-o", out)
    assert lenient.exit_code == 0
    assert lenient.stderr.splitlines()[0] == f"{draft}: 1 segment (1 sentence): QA 1 error, 0 warnings"
    strict_out = tmp_path / "strict"
    strict = invoke("render", draft, "--tm", SAMPLE_TM, "--engine", "tm", "--strict", "-o", strict_out)
    assert strict.exit_code == 4
    assert strict.stderr.splitlines()[-1] == f"Error: QA errors in {draft}; nothing written (see rfaflow check)"
    assert not strict_out.exists()


def test_batch_records_qa_and_review_status(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    _hangul_name_draft(archive)
    result = invoke("batch", archive, "-o", tmp_path / "out", "--tm", SAMPLE_TM, "--engine", "tm")
    assert result.exit_code == 0, result.stderr
    [entry] = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["drafts"]
    assert entry["review"] == "human"
    assert entry["qa"]["errors"] == 1
    assert entry["qa"]["findings"] == [{"id": "brief", "check": "untranslated", "severity": "error",
                                        "message": "the brief still contains Hangul: 김하은"}]


def test_desk_tools_list_what_has_no_translation(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, "소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다. 아무도 모르는 문장이다.\n",
                        english_headline="Notice")
    checked = invoke("check", draft, "--tm", SAMPLE_TM, "--engine", "tm")
    assert checked.exit_code == 0
    assert checked.stdout == f"{draft}:2: no translation: 아무도 모르는 문장이다.\n"
    assert checked.stderr == f"{draft}: 2 segments (2 sentences), 1 without a translation: 0 errors, 0 warnings\n"
    xlf = tmp_path / "gaps.xlf"
    exported = invoke("xliff", "export", draft, "--tm", SAMPLE_TM, "--engine", "tm", "-o", xlf)
    assert exported.exit_code == 0, exported.stderr
    from lxml import etree

    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    units = etree.parse(str(xlf)).getroot().findall(".//x:trans-unit", ns)
    assert [(u.get("id"), u.find("x:target", ns).get("state"), u.findtext("x:target", namespaces=ns))
            for u in units] == [
        ("1", "final", "According to the source, the order came without any advance notice."), ("2", "new", "")]
    page = tmp_path / "review.html"
    assert invoke("review", draft, "--tm", SAMPLE_TM, "--engine", "tm", "-o", page).exit_code == 0
    assert '<span class="badge none">no translation</span>' in page.read_text(encoding="utf-8")


def test_inline_markup_goes_to_xliff_as_g_and_x_elements(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, "**소식통**에 따르면 `v2` 조치다.\n", english_headline="Notice")
    xlf = tmp_path / "marks.xlf"
    assert invoke("xliff", "export", draft, "--engine", "tm", "-o", xlf).exit_code == 0
    text = xlf.read_text(encoding="utf-8")
    assert '<source><g id="1" ctype="bold">소식통</g>에 따르면 <x id="2" ctype="x-code"/> 조치다.</source>' in text
