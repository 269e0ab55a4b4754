"""Front matter: dates, YAML's plain-value pitfalls, duplicate fields and values YAML cannot build are each one exact
error line, never a traceback, and never a value read other than as typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM
from rfaflow.cli import cli
from rfaflow.draft import split_front_matter, validate_front_matter
from rfaflow.errors import DraftError

PATH = Path("draft.md")


def front(**fields: str | None) -> str:
    """Front matter lines for a valid draft with `fields` overriding in place (None removes one): the headline is
    on line 2 of the file, the date on line 3, and added fields from line 6 on."""
    meta = {"headline": "제목", "date": "2026-11-20", "service": "S", "reporter": "R", **fields}
    return "".join(f"{name}: {value}\n" for name, value in meta.items() if value is not None)


def load(yaml_text: str) -> dict[str, Any]:
    meta, _, _ = split_front_matter(PATH, f"---\n{yaml_text}---\n\n본문.\n")
    return validate_front_matter(PATH, meta)


def error(yaml_text: str) -> str:
    with pytest.raises(DraftError) as caught:
        load(yaml_text)
    message = str(caught.value)
    assert "\n" not in message
    return message.removeprefix(f"{PATH}: ")


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "0000-01-01", "'2026-02-30'", "2026-02-30 10:00:00"])
def test_impossible_date(date: str) -> None:
    day = date.strip("'")[:10]
    assert error(front(date=date)) == f"field 'date': {day} is not a real date (write it as YYYY-MM-DD)"


@pytest.mark.parametrize(
    ("date", "shown"),
    [("yesterday", "'yesterday'"), ("20261120", "20261120"), ("2026-11-20 25:00:00", "'2026-11-20 25:00:00'"),
     ("x" * 100, f"'{'x' * 40}…'"), ("[2026-11-20]", "['2026-11-20']")],
    ids=["word", "number", "bad-time", "long", "list"],
)
def test_date_not_written_as_a_date(date: str, shown: str) -> None:
    assert error(front(date=date)) == f"field 'date' must be a date written YYYY-MM-DD, not {shown}"


@pytest.mark.parametrize(
    "date", ["2026-11-20", "'2026-11-20'", "2026-11-20 10:00:00", "2026-11-20T10:00:00+09:00", "!!timestamp 2026-11-20",
             "!!timestamp 2026-11-20 10:00:00"],
)
def test_dates_that_read(date: str) -> None:
    assert load(front(date=date))["date"] == dt.date(2026, 11, 20)


def test_unquoted_dates_stay_text_in_other_fields() -> None:
    assert load(front(headline="2026-11-20", tags="[2026-11-20]"))["tags"] == ["2026-11-20"]


@pytest.mark.parametrize("value", ["2026-02-30", "soon"])
def test_bad_explicit_timestamp(value: str) -> None:
    assert error(front(date=f"!!timestamp {value}")) == (
        f"malformed front matter on line 3: cannot read '{value}' as a date (write it as YYYY-MM-DD)")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (f"reporter: {'1' * 5000}\n", f"malformed front matter on line 5: cannot read '{'1' * 40}…' as int"),
        ('reporter: "\\UFFFFFFFF"\n', "malformed front matter on line 5: a number too large for YAML"),
        ("reporter: " + "[" * 5000 + "\n", "malformed front matter on line 5: lists or mappings nested too deeply"),
        ("reporter: R\x07\n", "malformed front matter on line 5: character #x0007 is not allowed"),
        # Aliases are refused before YAML looks their anchor up, so a long name is never quoted.
        (f"reporter: *{'a' * 200}\n", "malformed front matter on line 5: aliases (*name) are not allowed; write the "
                                      "value out"),
        # A 529-byte alias bomb would expand to gigabytes (and its repr to a 312 MB error line).
        ("reporter: [&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]]\n",
         "malformed front matter on line 5: aliases (*name) are not allowed; write the value out"),
        (f"tags: [{', '.join(['t'] * 10_001)}]\nreporter: R\n",
         "malformed front matter on line 5: more than 10,000 values"),
        ('reporter: "R\\e[2J"\n', "malformed front matter on line 5: the value holds the control character U+001B, "
                                 "which is not text; remove it"),
        ('reporter: "\\ud800"\n', "malformed front matter on line 5: the value holds \\ud800, half of a UTF-16 pair, "
                                  "which is not a character; write the character itself"),
    ],
    ids=["int-over-4300-digits", "escape-too-large", "deep-nesting", "control-character", "long-alias", "alias-bomb",
         "too-many-values", "escaped-control-character", "lone-surrogate"],
)
def test_values_yaml_cannot_build(extra: str, message: str) -> None:
    assert error(front(reporter=None) + extra) == message


def test_yaml_directive_with_a_huge_number() -> None:
    assert error(f"%YAML {'1' * 5000}.1\n") == "malformed front matter on line 2: a number too large for YAML"


def test_bad_field_names_and_values_are_cut_and_escaped() -> None:
    assert error(front() + f"{'x' * 60}: 1\n").startswith(f"unknown field '{'x' * 40}…';")
    assert error(front(language=f'"k\\u200f{"o" * 60}"')) == (
        f"field 'language': 'k\\u200f{'o' * 38}…' is not a service language "
        "(write one of: ko, zh-Hans, zh-Hant, yue, bo, ug, my, km, lo, vi)")

PITFALLS = [
    ("hash", front(headline="북한 신의주 #2 공장"),
     "line 2: field 'headline' has ' #', which YAML reads as the start of a comment and would cut the headline to "
     "'북한 신의주'; put the whole value in quotes: headline: \"북한 신의주 #2 공장\""),
    ("hash-after-tab", front(dateline="서울\t#2"),
     "line 6: field 'dateline' has ' #', which YAML reads as the start of a comment and would cut the dateline to "
     "'서울'; put the whole value in quotes: dateline: '서울\\t#2'"),
    ("hash-opens-value", front(english_headline="#2 plant"),
     "line 6: field 'english_headline' has ' #', which YAML reads as the start of a comment and would leave the "
     "english headline empty; put the whole value in quotes: english_headline: \"#2 plant\""),
    ("hash-on-continuation-line", front(headline="북한 신의주\n  #2 공장"),
     "line 3: field 'headline' has ' #', which YAML reads as the start of a comment and would cut the headline to "
     "'북한 신의주'; put the whole value in quotes: headline: \"북한 신의주 #2 공장\""),
    ("hash-in-notes", front(notes="소식통 #2 확인 필요"),
     "line 6: field 'notes' has ' #', which YAML reads as the start of a comment and would cut the notes to "
     "'소식통'; put the whole value in quotes: notes: \"소식통 #2 확인 필요\""),
    ("hash-long-value", front(headline="가" * 50 + " #2"),
     f"line 2: field 'headline' has ' #', which YAML reads as the start of a comment and would cut the headline to "
     f"'{'가' * 40}…'; put the whole value in quotes: headline: \"{'가' * 40}…\""),
    ("colon", front(headline="북한: 핵실험 준비"),
     "line 2: field 'headline' has ': ' inside its value, which YAML cannot read unquoted; put the whole value in "
     "quotes: headline: \"북한: 핵실험 준비\""),
    ("colon-ends-line", front(headline="북한:\n  핵실험 준비"),
     "line 2: field 'headline' has ': ' inside its value, which YAML cannot read unquoted; put the whole value in "
     "quotes: headline: \"북한: 핵실험 준비\""),
    ("colon-on-continuation-line", front(headline="북한 외무성\n  대변인: 담화"),
     "line 3: field 'headline' has ': ' inside its value, which YAML cannot read unquoted; put the whole value in "
     "quotes: headline: \"북한 외무성 대변인: 담화\""),
    ("quote-then-text", front(headline='"핵실험" 준비 정황'),
     "line 2: field 'headline' starts with a quotation mark but goes on after the closing one, which YAML cannot "
     "read; put the whole value in quotes: headline: '\"핵실험\" 준비 정황'"),
    ("single-quote-then-text", front(reporter="'Kim' Ha-eun's desk"),
     "line 5: field 'reporter' starts with a quotation mark but goes on after the closing one, which YAML cannot "
     "read; put the whole value in quotes: reporter: \"'Kim' Ha-eun's desk\""),
    ("quote-on-next-line", front(headline='\n  "핵실험" 준비'),
     "line 3: field 'headline' starts with a quotation mark but goes on after the closing one, which YAML cannot "
     "read; put the whole value in quotes: headline: '\"핵실험\" 준비'"),
]


@pytest.mark.parametrize(("name", "yaml_text", "message"), PITFALLS, ids=[case[0] for case in PITFALLS])
def test_plain_value_pitfalls_are_refused_with_the_quoted_fix(name: str, yaml_text: str, message: str) -> None:
    assert error(yaml_text) == message


def test_the_suggested_fix_reads_as_typed() -> None:
    assert load(front(headline='\'"핵실험" 준비 정황\''))["headline"] == '"핵실험" 준비 정황'
    assert load(front(dateline="'서울\t#2'"))["dateline"] == "서울 #2"  # whitespace is collapsed, as always


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ('"북한 신의주 #2 공장"', "북한 신의주 #2 공장"),
        ("'북한: 핵실험 준비'", "북한: 핵실험 준비"),
        ("'It''s \"핵\" #2' # an editor's comment", 'It\'s "핵" #2'),
        ('"북한 \\"핵\\" #2"', '북한 "핵" #2'),
        ('"북한 신의주\n  #2 공장"', "북한 신의주 #2 공장"),
        ('북한 "핵실험" 준비', '북한 "핵실험" 준비'),
        ("신의주#2 공장", "신의주#2 공장"),
        ("오전 11:30 발표", "오전 11:30 발표"),
        ("북한\n  핵실험\n\n  준비", "북한 핵실험 준비"),
        (">\n  북한 #2:\n  공장", "북한 #2: 공장"),
        ("|\n  북한 #2\n  \"공장\"", '북한 #2 "공장"'),
    ],
    ids=["double-quoted", "single-quoted", "quoted-then-comment", "escaped-quotes", "quoted-over-two-lines",
         "quotes-inside-plain", "hash-without-space", "colon-without-space", "plain-over-lines", "folded", "literal"],
)
def test_values_that_read_as_typed(value: str, read: str) -> None:
    assert load(front(headline=value))["headline"] == read


def test_comment_lines_and_lists_are_left_to_yaml() -> None:
    fields = load(
        "# 편집자 메모: 제목 확인 #1\n" + front(notes="\n  - '첫째: 소식통 #1'\n  - 둘째", tags="[a, b] # 태그"))
    assert (fields["notes"], fields["tags"]) == ("첫째: 소식통 #1\n둘째", ["a", "b"])


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (front(notes="첫째 메모") + "notes: |\n  둘째 메모\n",
         "field 'notes' is given twice, on lines 6 and 7; keep one (YAML would silently keep the last)"),
        (front() + "'headline': 다른 제목\n",
         "field 'headline' is given twice, on lines 2 and 6; keep one (YAML would silently keep the last)"),
        ("{headline: a, headline: b}\n",
         "field 'headline' is given twice, on lines 2 and 2; keep one (YAML would silently keep the last)"),
    ],
    ids=["notes", "quoted-key", "flow"],
)
def test_duplicate_fields(yaml_text: str, message: str) -> None:
    assert error(yaml_text) == message


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (front(date="2026-02-30"), "field 'date': 2026-02-30 is not a real date (write it as YYYY-MM-DD)"),
        (front(headline="북한 신의주 #2 공장"), PITFALLS[0][2]),
        (front(notes="a") + "notes: b\n",
         "field 'notes' is given twice, on lines 6 and 7; keep one (YAML would silently keep the last)"),
    ],
    ids=["date", "hash", "duplicate"],
)
def test_cli_reports_one_line_and_writes_nothing(tmp_path: Path, yaml_text: str, message: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\n{yaml_text}---\n\n본문이다.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(draft), "--tm", str(SAMPLE_TM), "-o", f"{out}/"])
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"Error: {draft}: {message}\n", "")
    assert not out.exists()
