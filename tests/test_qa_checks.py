"""The QA checks besides numbers, the `rfaflow check` command over TMX, XLIFF and drafts, and NTREX precision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM, SAMPLES, write_draft
from rfaflow.cli import cli
from rfaflow.glossary import Glossary, read_glossary
from rfaflow.languages import LANGUAGES
from rfaflow.qa import ERROR, WARNING, Problem
from rfaflow.qa.checks import check_pair

KO = LANGUAGES["ko"]

GLOSSARY = SAMPLES / "glossary" / "korean-desk.csv"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("주민들이 모였다.", "Residents gathered.", []),
        ("주민들이 모였다.", "  ", [Problem("empty", ERROR, "the translation is empty")]),
        ("주민들이 장마당에 모였다.", "Residents gathered at the 장마당.",
         [Problem("untranslated", ERROR, "Hangul left in the English: 장마당")]),
        ("세관 측은 금지 기간이 언제까지인지 밝히지 않았다.", "No.",
         [Problem("length", WARNING, "the English is 0.14× the Korean's length; something may be cut")]),
        ("아닙니다.", "No, no, no, no, no.", []),  # a single word five times is still English
        ("주민들이 모였다고 전했다.", "Residents said that the the the the the the market closed.",
         [Problem("repetition", ERROR, "'the' repeated 6 times in a row (a machine loop)")]),
        ("주민들이 모였다고 전했다.", "Residents at the market, at the market, at the market said so.",
         [Problem("repetition", ERROR, "'at the market' repeated 3 times in a row (a machine loop)")]),
        ("그는 \"돈이 없다\"고 말했다.", "He said, \"We have no money.",
         [Problem("brackets", WARNING, 'unbalanced " in the English, not in the Korean')]),
        ("그는 (평양에서) 말했다.", "He said (in Pyongyang.",
         [Problem("brackets", WARNING, "unbalanced (…) in the English, not in the Korean")]),
        ("\"돈이 없다.", "\"We have no money.", []),  # a quotation that goes on: unbalanced on both sides
    ],
)
def test_checks_other_than_numbers(source: str, target: str, expected: list[Problem]) -> None:
    assert check_pair(source, target, KO) == expected


@pytest.mark.parametrize("target", [
    "Residents can’t leave.", "Kim’s order stands.", "The miners’ union met.", "Prices of the ’90s are back.",
    "Residents can't leave.", "Kim's order stands.", "The miners' union met.", "Prices of the '90s are back.",
    "He called them ‘traitors’ and the miners’ union agreed.", "He called them 'traitors' and left.",
])
def test_an_apostrophe_is_not_a_quote(target: str) -> None:
    # ’ and ' also write apostrophes: inside a word (can’t, Kim’s), before a decade (’90s) and after a plural's s
    # (the miners’), where they may as well be a possessive as the end of a quotation.
    assert [p for p in check_pair("1990년대 주민들이 모였다.", target, KO) if p.check == "brackets"] == []


@pytest.mark.parametrize(("target", "broken"), [("He said ‘we have no money.", "‘…’"),
                                                ("He said 'we have no money.", "'")])
def test_an_unclosed_single_quote_is_still_found(target: str, broken: str) -> None:
    assert check_pair("그는 돈이 없다고 말했다.", target, KO) == [
        Problem("brackets", WARNING, f"unbalanced {broken} in the English, not in the Korean")]


def test_glossary_check() -> None:
    glossary = Glossary(read_glossary(GLOSSARY, KO))
    assert check_pair("김정은이 말했다.", "Kim Jong Un said.", KO, glossary) == []
    assert check_pair("김정은이 말했다.", "Kim Jong-un said.", KO, glossary) == [
        Problem("glossary", ERROR, "glossary term 김정은 should be translated as 'Kim Jong Un'")]


def _check(*args: str | Path):
    return CliRunner().invoke(cli, ["check", *map(str, args)])


def test_check_a_clean_tmx_exits_0() -> None:
    result = _check(SAMPLE_TM, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["findings"] == [] and report["segments"] == 11


def test_check_tmx_errors_exit_4_with_tuids(tmp_path: Path) -> None:
    tmx = tmp_path / "bad.tmx"
    tmx.write_text(
        """<tmx version="1.4"><header srclang="ko"/><body>
        <tu tuid="coal-1"><tuv xml:lang="ko"><seg>김정은이 신의주를 찾았다.</seg></tuv>
                          <tuv xml:lang="en"><seg>Kim Jong-un visited 신의주.</seg></tuv></tu>
        <tu tuid="coal-2"><tuv xml:lang="ko"><seg>주민들이 모였다.</seg></tuv>
                          <tuv xml:lang="en"><seg>Residents gathered.</seg></tuv></tu>
        </body></tmx>""",
        encoding="utf-8",
    )
    result = _check(tmx, "--glossary", GLOSSARY, "--format", "json")
    assert result.exit_code == 4
    assert json.loads(result.stdout) == {"segments": 2, "untranslated": [], "findings": [
        {"id": "coal-1", "check": "untranslated", "severity": "error", "message": "Hangul left in the English: 신의주"},
        {"id": "coal-1", "check": "glossary", "severity": "error",
         "message": "glossary term 김정은 should be translated as 'Kim Jong Un'"},
        {"id": "coal-1", "check": "glossary", "severity": "error",
         "message": "glossary term 신의주 should be translated as 'Sinuiju'"},
    ]}
    text = _check(tmx, "--glossary", GLOSSARY)
    assert text.stdout.splitlines()[0] == f"{tmx}:coal-1: error: untranslated: Hangul left in the English: 신의주"
    assert text.stderr == f"{tmx}: 2 segments: 3 errors, 0 warnings\n"


def test_check_a_draft_translates_it_as_render_would(tmp_path: Path, installed_copy_model) -> None:
    draft = write_draft(tmp_path, body="소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다.\n\n주민들이 모였다.\n",
                        english_headline="Order came without notice")
    result = _check(draft, "--tm", SAMPLE_TM, "--format", "json")
    assert result.exit_code == 4
    report = json.loads(result.stdout)
    assert report["segments"] == 2
    # Segment 1 comes from the memory and is clean; the copy model leaves segment 2 in Korean.
    assert [(f["id"], f["check"]) for f in report["findings"]] == [("2", "untranslated")]


def test_check_reports_unreadable_input_as_one_line(tmp_path: Path) -> None:
    result = _check(tmp_path / "absent.tmx")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {tmp_path / 'absent.tmx'}: no such translation memory file\n")


def test_human_translations_raise_few_findings(ntrex_documents: list[dict]) -> None:
    """Every check on NTREX's professional translations: errors on at most 2% of segments."""
    pairs = [(ko, en) for document in ntrex_documents for ko, en in zip(document["ko"], document["en"], strict=True)]
    flagged = [(ko, en, problems) for ko, en in pairs
               if (problems := [p for p in check_pair(ko, en, KO) if p.severity == ERROR])]
    assert len(flagged) <= 0.02 * len(pairs), flagged[:10]
