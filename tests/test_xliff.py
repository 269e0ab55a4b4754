"""The XLIFF 1.2 round trip: export, edit the targets as a CAT tool would, import, render with the post-edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import SAMPLE_TM, write_draft
from rfaflow.cli import cli

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
BODY = "김정은 위원장이 신의주를 찾았다.\n\n주민 3만 명이 모였다고 소식통이 전했다.\n"


def _invoke(*args: str):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.fixture
def exported(tmp_path: Path, installed_copy_model) -> tuple[Path, Path]:
    draft = write_draft(tmp_path, body=BODY, english_headline="Kim visits Sinuiju")
    xlf = tmp_path / "draft.xlf"
    result = _invoke("xliff", "export", draft, "-o", xlf, "--post-editor", "Soo Min Jo")
    assert result.exit_code == 0, result.output
    return draft, xlf


def test_export_writes_xliff_1_2_with_origins_findings_and_states(exported: tuple[Path, Path]) -> None:
    _, xlf = exported
    root = etree.parse(str(xlf)).getroot()
    assert root.tag == "{urn:oasis:names:tc:xliff:document:1.2}xliff" and root.get("version") == "1.2"
    file_node = root.find("x:file", NS)
    assert (file_node.get("original"), file_node.get("source-language"), file_node.get("target-language")) == (
        "draft.md", "ko", "en")
    assert root.find(".//x:phase", NS).get("contact-name") == "Soo Min Jo"
    units = root.findall(".//x:trans-unit", NS)
    assert [u.get("id") for u in units] == ["1", "2"]
    assert [u.findtext("x:source", namespaces=NS) for u in units] == [
        "김정은 위원장이 신의주를 찾았다.", "주민 3만 명이 모였다고 소식통이 전했다."]
    assert {u.find("x:target", NS).get("state") for u in units} == {"needs-review-translation"}
    notes = [n.text for n in units[1].findall("x:note", NS)]
    assert notes[0].startswith(
        "Machine translation by Argos Translate (ko→en, package 1.1), model translate-ko_en-copy")
    # The copy model leaves Korean in the "English" (and 3만 unread as 30,000): the QA notes say so.
    assert "QA error (untranslated): Hangul left in the English: 주민, 만, 명이, 모였다고, 소식통이" in notes
    assert any(note.startswith("QA error (numbers): ") and "30,000" in note for note in notes)


def test_round_trip_edit_import_render_credits_the_post_editor(exported: tuple[Path, Path]) -> None:
    draft, xlf = exported
    tree = etree.parse(str(xlf))
    target = tree.find(".//x:trans-unit[@id='2']/x:target", NS)
    target.text = "About 30,000 residents gathered, a source said."  # what the post-editor typed in the CAT tool
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")

    imported = _invoke("xliff", "import", xlf)
    assert imported.exit_code == 0, imported.output
    assert imported.output == (
        f"Imported 1 of 2 segments from {xlf}, credited to Soo Min Jo; 1 machine translations left unreviewed\n")

    rendered = _invoke("render", draft, "-f", "md")
    assert rendered.exit_code == 0, rendered.output
    assert "About 30,000 residents gathered, a source said." in rendered.output
    assert ("Post-edited by Soo Min Jo from a machine translation."
            " 1 of 2 sentences machine-translated with Argos Translate;"
            " not reviewed by a translator.") in rendered.output
    assert ("1 sentence post-edited by Soo Min Jo from Argos Translate (ko→en, package 1.1), model translate-ko_en-copy"
            in rendered.output)
    # The post-edit is now an approved pair: `check` on the draft finds the number right and no Hangul in it.
    checked = _invoke("check", draft, "--format", "json")
    assert '"id": "2"' not in checked.output
    # ... and the review page badges it as post-edited, with the post-editor's name.
    page = xlf.with_suffix(".html")
    assert _invoke("review", draft, "-o", page).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert '<tr class="segment" data-id="2" data-origin="pe">' in html
    assert '<span class="badge pe">post-edited</span>\n<span class="who">Soo Min Jo</span>' in html


def test_command_line_post_editor_overrides_the_file_and_reviewed_states_count(exported: tuple[Path, Path]) -> None:
    draft, xlf = exported
    tree = etree.parse(str(xlf))
    tree.find(".//x:trans-unit[@id='1']/x:target", NS).set("state", "final")  # accepted unchanged, marked final
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    result = _invoke("xliff", "import", xlf, "--post-editor", "Han So-ra")
    assert result.output == (
        f"Imported 1 of 2 segments from {xlf}, credited to Han So-ra; 1 machine translations left unreviewed\n")
    assert "Post-edited by Han So-ra from a machine translation" in _invoke("render", draft, "-f", "md").output


def test_memory_units_unchanged_are_not_reimported(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, body="소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다.\n",
                        english_headline="Order came without notice")
    xlf = tmp_path / "tm.xlf"
    assert _invoke("xliff", "export", draft, "--engine", "tm", "--tm", SAMPLE_TM, "-o", xlf).exit_code == 0
    root = etree.parse(str(xlf)).getroot()
    assert root.find(".//x:target", NS).get("state") == "final"
    assert root.find(".//x:note", NS).text == "Approved translation memory (Lee Jun-seo)."
    result = _invoke("xliff", "import", xlf, "--post-editor", "Soo Min Jo")
    assert result.output == f"Imported 0 of 1 segments from {xlf}, credited to Soo Min Jo\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file>",
         "the file ends on line 1 inside <file>, opened on line 1: it is cut short; save or export it again"),
        ("<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file></xliff>",
         "malformed XLIFF on line 1, column 82: Opening and ending tag mismatch: file line 1 and xliff"),
        ("<xliff version='2.0' xmlns='urn:oasis:names:tc:xliff:document:2.0'/>",
         "is XLIFF 2, which rfaflow does not read; save it as XLIFF 1.2"),
        ("<tmx version='1.4'><body/></tmx>", "not an XLIFF file (expected an <xliff> root element with a <file>)"),
        (("<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file source-language='ja-JP' "
          "target-language='en' datatype='plaintext' original='x'><body/></file></xliff>"),
         "is a ja-JP→en file; rfaflow reads a service language "
         "(ko, zh-Hans, zh-Hant, yue, bo, ug, my, km, lo, vi) into en"),
    ],
)
def test_bad_xliff_files_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    result = _invoke("xliff", "import", path, "--post-editor", "X")
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: {message}\n"


def test_missing_xliff_file(tmp_path: Path) -> None:
    result = _invoke("xliff", "import", tmp_path / "absent.xlf", "--post-editor", "X")
    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path / 'absent.xlf'}: no such XLIFF file\n")


def test_import_needs_a_post_editor(exported: tuple[Path, Path]) -> None:
    _, xlf = exported
    tree = etree.parse(str(xlf))
    phase_group = tree.find(".//x:phase-group", NS)
    phase_group.getparent().remove(phase_group)
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    result = _invoke("xliff", "import", xlf)
    assert (result.exit_code, result.output) == (
        1, f"Error: {xlf}: names no post-editor; give one with --post-editor NAME\n")


def test_check_reads_an_exported_xliff(exported: tuple[Path, Path]) -> None:
    import json

    _, xlf = exported
    result = _invoke("check", xlf, "--format", "json")
    assert result.exit_code == 4
    report = json.loads(result.stdout)
    assert report["segments"] == 2
    assert {(f["id"], f["check"]) for f in report["findings"]} >= {("1", "untranslated"), ("2", "numbers")}
