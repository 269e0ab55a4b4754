"""Glossaries: CSV and TBX reading, longest-match protection, and terms kept through a real model."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLES, write_draft
from rfaflow.cli import cli
from rfaflow.glossary import (
    MAX_GLOSSARY_BYTES,
    Glossary,
    GlossaryError,
    Term,
    read_glossary,
)
from rfaflow.languages import LANGUAGES

KO = LANGUAGES["ko"]

CSV_SAMPLE = SAMPLES / "glossary" / "korean-desk.csv"
TBX_SAMPLE = SAMPLES / "glossary" / "korean-desk.tbx"


def test_csv_sample_reads_header_notes_and_skips_comments() -> None:
    terms = read_glossary(CSV_SAMPLE, KO)
    assert terms[0] == Term("김정은", "Kim Jong Un", "North Korean leader; never Kim Jong-un")
    assert [t.source for t in terms] == [
        "김정은", "김정은 국무위원장", "함경북도", "평안북도", "신의주", "압록강", "자유아시아방송"]


def test_tbx_variants_map_to_the_approved_term_and_deprecated_ones_are_forbidden() -> None:
    terms = {t.source: t for t in read_glossary(TBX_SAMPLE, KO)}
    assert set(terms) == {"김정은", "김정은 국무위원장", "함경북도"}
    assert terms["김정은 국무위원장"].target == "Kim Jong Un"
    assert terms["김정은"].forbidden == ("Kim Jong-un",)
    assert terms["함경북도"] == Term("함경북도", "North Hamgyong province", "", ("North Hamgyeong",))  # ko-KR/en-US


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("short.csv", "김정은\n", "line 1: expected 'source,target[,note]', got '김정은'"),
        ("wide.csv", "김정은,Kim Jong Un,leader,extra\n", "line 1: 4 columns; quote a note that contains commas"),
        ("blank.csv", "source,target\n\n", "has no terms"),
        ("broken.tbx", "<martif><text><body><termEntry>",
         "the file ends on line 1 inside <termEntry>, opened on line 1: it is cut short; save or export it again"),
        ("mismatched.tbx", "<martif><text></martif>",
         "malformed TBX on line 1, column 24: Opening and ending tag mismatch: text line 1 and martif"),
        ("other.tbx", "<tmx version='1.4'><body/></tmx>", "not a TBX file (expected a <martif> root element)"),
        ("nothing.tbx", "<martif><text><body></body></text></martif>", "has no ko→en term entries"),
    ],
)
def test_bad_glossaries_name_the_file_and_problem(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_glossary(path, KO)
    assert str(caught.value) == f"{path}: {message}"


def test_non_utf8_and_missing_glossaries(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("café,cafe\n".encode("latin-1"))
    with pytest.raises(
        GlossaryError, match=r"latin.csv: not UTF-8 \(byte 0xe9 on line 1\); save the glossary as UTF-8"
    ):
        read_glossary(latin, KO)
    with pytest.raises(GlossaryError, match="no such glossary file"):
        read_glossary(tmp_path / "absent.csv", KO)
    with pytest.raises(GlossaryError, match="cannot read the glossary file: is a folder, not a file"):
        read_glossary(tmp_path, KO)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(MAX_GLOSSARY_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(GlossaryError, match="huge.csv: is over 20 MB, more than rfaflow reads; split it into smaller"):
        read_glossary(huge, KO)


def test_protect_prefers_the_longest_term_and_matches_across_wrapped_lines() -> None:
    glossary = Glossary(read_glossary(CSV_SAMPLE, KO))
    assert glossary.protect("김정은 국무위원장이 함경북도를 찾았다.") == (
        "Kim Jong Un이 North Hamgyong province를 찾았다.")
    assert glossary.protect("김정은\n국무위원장이") == "Kim Jong Un이"
    assert glossary.protect("김정일이 말했다.") == "김정일이 말했다."  # no term, text untouched
    assert [t.source for t in glossary.found("신의주에서 압록강을 건넌 김정은")] == ["신의주", "압록강", "김정은"]


def test_violations_name_missing_terms_and_forbidden_variants() -> None:
    glossary = Glossary(read_glossary(TBX_SAMPLE, KO))
    assert glossary.violations("김정은이 말했다.", "Kim Jong Un said.") == []
    assert glossary.violations("김정은이 말했다.", "KIM JONG UN said.") == []  # case does not matter
    assert glossary.violations("김정은이 말했다.", "Kim said.") == [
        "glossary term 김정은 should be translated as 'Kim Jong Un'"
    ]
    assert glossary.violations("김정은이 말했다.", "Kim Jong-un said.") == [
        "glossary term 김정은 should be translated as 'Kim Jong Un'",
        "uses 'Kim Jong-un'; the desk writes 'Kim Jong Un'",
    ]


def test_glossary_terms_survive_machine_translation_end_to_end(tmp_path: Path, installed_copy_model) -> None:
    """Through the real SentencePiece + CTranslate2 copy model: the approved English comes out of the engine."""
    draft = write_draft(tmp_path, body="김정은 국무위원장이 함경북도 무산군을 찾았다고 자유아시아방송이 전했다.\n")
    runner = CliRunner()
    plain = runner.invoke(cli, ["render", str(draft), "-f", "md"])
    protected = runner.invoke(cli, ["render", str(draft), "-f", "md", "--glossary", str(CSV_SAMPLE)])
    assert plain.exit_code == 0 and protected.exit_code == 0, plain.output + protected.output
    assert "Kim Jong Un" not in plain.output
    expected = "Kim Jong Un이 North Hamgyong province 무산군을 찾았다고 RFA이 전했다."
    assert expected in protected.output
    # The cache is keyed by the protected text: a render without the glossary never gets the glossary's output.
    again = runner.invoke(cli, ["render", str(draft), "-f", "md"])
    assert again.output == plain.output


def test_a_csv_term_is_found_after_the_normalisation_of_its_language(tmp_path: Path) -> None:
    """A zero-width space typed beside a space (found by bench/fuzz.py) is dropped by Korean normalisation; the term
    is keyed as the draft's text will be matched, one space between its words."""
    path = tmp_path / "zwsp.csv"
    path.write_text("source,target,note\n지난 \u200b 자유아시아방송,RFA last time,\n", encoding="utf-8")
    glossary = Glossary(read_glossary(path, KO))
    assert [term.source for term in glossary.found("지난 자유아시아방송에 말했다")] == ["지난 자유아시아방송"]
    assert glossary.protect("지난 자유아시아방송에") == "RFA last time에"
