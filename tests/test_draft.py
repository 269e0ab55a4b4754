"""Drafts: what a valid one reads as, and one exact error line (exit 1, nothing written) for every bad one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM, SAMPLES, write_draft
from rfaflow.cli import cli
from rfaflow.draft import read_draft


def test_sample_draft_fields_and_paragraphs() -> None:
    draft = read_draft(SAMPLES / "musan.md")
    assert draft.headline == "함경북도, 희토류 광물 수출 전면 중단"
    assert draft.date == dt.date(2026, 11, 20)
    assert (draft.language.tag, draft.service, draft.reporter) == ("ko", "RFA's Korean Service", "Kim Ha-eun")
    assert (draft.translator, draft.english_writer, draft.dateline) == (None, "Daniel Park", "SEOUL")
    assert draft.tags == ["north-korea", "trade", "mining"]
    assert draft.notes.startswith("First source is a trader")
    assert [block.kind for block in draft.blocks] == ["paragraph"] * 4
    # The hard-wrapped quotation in the first paragraph is joined with a space (a soft break).
    first = draft.blocks[0].lines[0].text
    assert "멈추라고 지시했다\"고 말했다." in first and "\n" not in first


def test_language_defaults_to_korean_and_notes_may_be_a_list(tmp_path: Path) -> None:
    path = write_draft(tmp_path, notes="[one, two]")
    draft = read_draft(path)
    assert draft.language.tag == "ko"
    assert draft.notes == "one\ntwo"


def test_crlf_bom_and_whitespace_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    text = "---\nheadline: 제목\ndate: 2026-01-02\nservice: S\nreporter: R\n---\n첫 줄\n둘째 줄\n   \n셋째 문단\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert [b.lines[0].text for b in read_draft(path).blocks] == ["첫 줄 둘째 줄", "셋째 문단"]


BAD_DRAFTS = [
    ("no-front-matter", "그냥 본문이다.\n",
     "no front matter: the draft must start with a '---' line, then YAML fields, then '---'"),
    ("unclosed", "---\nheadline: 제목\n\n본문이다.\n",
     "front matter is not closed: add a '---' line after the YAML fields"),
    ("malformed", "---\nheadline: [제목\ndate: 2026-01-01\n---\n본문.\n",
     "malformed front matter on line 3: expected ',' or ']', but got ':'"),
    ("list", "---\n- a\n- b\n---\n본문.\n",
     "front matter must be 'field: value' lines, not a YAML list"),
    ("missing-reporter", "---\nheadline: 제목\ndate: 2026-01-01\nservice: S\n---\n본문.\n",
     "missing field 'reporter'"),
    ("missing-date", "---\nheadline: 제목\nservice: S\nreporter: R\n---\n본문.\n",
     "missing field 'date' (write it as YYYY-MM-DD)"),
    ("bad-date", "---\nheadline: 제목\ndate: yesterday\nservice: S\nreporter: R\n---\n본문.\n",
     "field 'date' must be a date written YYYY-MM-DD, not 'yesterday'"),
    ("number-headline", "---\nheadline: 42\ndate: 2026-01-01\nservice: S\nreporter: R\n---\n본문.\n",
     "field 'headline' must be text, not a number"),
    ("bad-tags", "---\nheadline: 제목\ndate: 2026-01-01\nservice: S\nreporter: R\ntags: mining\n---\n본문.\n",
     "field 'tags' must be a list of words, e.g. [economy, trade]"),
    ("typo", "---\nheadline: 제목\ndate: 2026-01-01\nservice: S\nreporer: R\n---\n본문.\n",
     "unknown field 'reporer' (did you mean 'reporter'?)"),
    ("language", "---\nheadline: 제목\ndate: 2026-01-01\nservice: S\nreporter: R\nlanguage: ja\n---\n본문.\n",
     "field 'language': 'ja' is not a service language "
     "(write one of: ko, zh-Hans, zh-Hant, yue, bo, ug, my, km, lo, vi)"),
    ("empty-body", "---\nheadline: 제목\ndate: 2026-01-01\nservice: S\nreporter: R\n---\n\n  \n",
     "the body is empty (line 7 on); write the story below the front matter"),
    ("empty-file", "", "file is empty"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_DRAFTS, ids=[case[0] for case in BAD_DRAFTS])
def test_bad_draft_is_one_line_exit_1_nothing_written(tmp_path: Path, name: str, content: str, message: str) -> None:
    draft = tmp_path / f"{name}.md"
    draft.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(draft), "--tm", str(SAMPLE_TM), "-o", f"{out}/"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {draft}: {message}\n"
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"---\nheadline: \xc7\xd1\xb1\xdb\n---\n", "not UTF-8 (byte 0xc7 on line 2); save the file as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes), not a Markdown draft"),
    ],
    ids=["euc-kr", "png"],
)
def test_undecodable_draft(tmp_path: Path, data: bytes, message: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(data)
    result = CliRunner().invoke(cli, ["render", str(draft)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {draft}: {message}\n")


def test_missing_and_directory_drafts(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "nope.md")])
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path / 'nope.md'}: no such file\n")
    result = CliRunner().invoke(cli, ["render", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path}: is a directory, not a draft file\n")


def test_one_bad_draft_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    bad = write_draft(tmp_path, name="bad.md", date="soon")
    out = tmp_path / "out"
    args = ["render", str(SAMPLES / "musan.md"), str(bad), "--tm", str(SAMPLE_TM), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: field 'date' must be a date written YYYY-MM-DD, not 'soon'\n"
    assert not out.exists()
