"""Summaries: indices into the input's sentences, in document order, for every algorithm, in English and Korean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rfaflow.cli import cli
from rfaflow.summarize import ALGORITHMS, summarize

ENGLISH = [
    "North Korea has halted exports of rare-earth minerals from North Hamgyong province.",
    "The weather in Seoul was mild on Tuesday.",
    "Traders said the halt on mineral exports came without warning.",
    "Mineral cargo already at the border was sent back to the mines.",
    "A football match drew a large crowd.",
    "Officials gave no reason for halting the mineral exports.",
]
KOREAN = [
    "북한 함경북도가 희토류 광물 수출을 중단했다.",
    "서울의 화요일 날씨는 포근했다.",
    "무역업자들은 광물 수출 중단이 예고 없이 이뤄졌다고 말했다.",
    "국경에 도착한 광물 화물은 광산으로 돌려보내졌다.",
    "축구 경기에 많은 관중이 몰렸다.",
    "당국은 광물 수출 중단의 이유를 밝히지 않았다.",
]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize(("language", "sentences"), [("en", ENGLISH), ("ko", KOREAN)])
def test_every_algorithm_returns_n_ordered_indices(algorithm: str, language: str, sentences: list[str]) -> None:
    summary = summarize(sentences, 3, algorithm, language)
    assert len(summary.indices) == 3
    assert summary.indices == sorted(set(summary.indices))
    assert all(0 <= i < len(sentences) for i in summary.indices)


def test_textrank_picks_the_mineral_story_over_the_weather_and_football() -> None:
    assert summarize(ENGLISH, 3, "textrank", "en").indices == [0, 2, 5]
    assert summarize(KOREAN, 3, "textrank", "ko").indices == [0, 2, 5]


def test_short_input_returns_everything_and_lead_is_the_first() -> None:
    assert summarize(ENGLISH[:2], 3).indices == [0, 1]
    assert summarize(ENGLISH, 2, "lead").indices == [0, 1]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abc de.", min_size=0, max_size=30), min_size=1, max_size=12), st.integers(1, 5))
def test_any_sentences_give_count_distinct_ordered_indices(sentences: list[str], count: int) -> None:
    indices = summarize(sentences, count, "lexrank", "en").indices
    assert indices == sorted(set(indices)) and len(indices) == min(count, len(sentences))


def _run_json(tmp_path: Path, lines: list[str], *args: str) -> dict:
    source = tmp_path / "input.txt"
    source.write_text("\n\n".join(lines[:3]) + "\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(source), "--split", "lines", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("language", "lines"), [("en", ENGLISH), ("ko", KOREAN)])
def test_cli_split_lines_json_indexes_the_non_empty_lines(tmp_path: Path, language: str, lines: list[str]) -> None:
    output = _run_json(tmp_path, lines, "--lang", language, "--algorithm", "textrank", "--sentences", "3")
    assert output == {"sentences": [{"index": i, "text": lines[i]} for i in (0, 2, 5)]}
    default = _run_json(tmp_path, lines, "--lang", language)
    assert len(default["sentences"]) == 3
    assert all(lines[item["index"]] == item["text"] for item in default["sentences"])


def test_cli_text_output_from_stdin_splits_sentences() -> None:
    text = "First story sentence. Second one here.\n\nThird in a new paragraph. Fourth!\n"
    result = CliRunner().invoke(cli, ["summarize", "-", "--algorithm", "lead", "--sentences", "2"], input=text)
    assert (result.exit_code, result.stdout) == (0, "First story sentence.\nSecond one here.\n")


def test_cli_summarize_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(empty)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {empty}: no sentences to summarize\n")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café\n".encode("latin-1"))
    result = CliRunner().invoke(cli, ["summarize", str(latin)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {latin}: not UTF-8 (byte 0xe9 at offset 3)\n")
    result = CliRunner().invoke(cli, ["summarize", "-", "--sentences", "0"], input="A.")
    assert result.exit_code == 2


def test_cli_summarizes_a_draft_body_never_its_front_matter() -> None:
    from conftest import SAMPLES

    result = CliRunner().invoke(cli, ["summarize", str(SAMPLES / "musan.md"), "--lang", "ko", "--sentences", "8"])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 8
    assert "notes" not in result.stdout and "Musan county" not in result.stdout and "---" not in result.stdout
