"""Summaries: indices into the input's sentences, in document order, for every algorithm, in English and Korean."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rfaflow import news_summary
from rfaflow.cli import cli
from rfaflow.languages import ENGLISH as EN
from rfaflow.languages import LANGUAGES, Language
from rfaflow.news_summary import quotation_units
from rfaflow.summarize import ALGORITHMS, DEFAULT_ALGORITHM, news_words, summarize

ENGLISH = [
    "North Korea has halted exports of rare-earth minerals from North Hamgyong province.",
    "The weather in Seoul was mild on Tuesday.",
    "Traders said the halt on mineral exports came without warning.",
    "Mineral cargo already at the border was sent back to the mines.",
    "A football match drew a large crowd.",
    "Officials gave no reason for halting the mineral exports.",
]
KO = LANGUAGES["ko"]
KOREAN = [
    "북한 함경북도가 희토류 광물 수출을 중단했다.",
    "서울의 화요일 날씨는 포근했다.",
    "무역업자들은 광물 수출 중단이 예고 없이 이뤄졌다고 말했다.",
    "국경에 도착한 광물 화물은 광산으로 돌려보내졌다.",
    "축구 경기에 많은 관중이 몰렸다.",
    "당국은 광물 수출 중단의 이유를 밝히지 않았다.",
]


# A two-sentence quotation (2-3) whose first half is central and second half is not.
QUOTED = [
    "North Korea has halted exports of rare-earth minerals from North Hamgyong province.",
    "Traders in the border city said the halt on mineral exports came without warning.",
    '"Mineral exports from the province have stopped, and the rare-earth trade is over for now.',
    'Nobody told us anything," one trader said.',
    "The weather in Seoul was mild on Tuesday.",
    "Officials gave no reason for halting the rare-earth mineral exports.",
    "A football match drew a large crowd.",
]
KOREAN_QUOTED = [
    "북한 함경북도가 희토류 광물 수출을 중단했다.",
    "무역업자들은 광물 수출 중단이 예고 없이 이뤄졌다고 말했다.",
    "한 무역업자는 “희토류 광물 수출이 완전히 중단돼 광물 무역업자들이 큰 손실을 입었다.",
    "아무도 이유를 알려주지 않았다”고 말했다.",
    "서울의 화요일 날씨는 포근했다.",
    "당국은 광물 수출 중단의 이유를 밝히지 않았다.",
]
# 1 and 2 say the same thing; the lede (0) is central but not the most central sentence.
NEAR_DUPLICATES = [
    "North Korea has halted exports of rare-earth minerals from North Hamgyong province.",
    "Traders said the halt on rare-earth mineral exports came without warning.",
    "Traders said the halt on rare-earth mineral exports came without any warning.",
    "The weather in Seoul was mild on Tuesday.",
    "Officials gave no reason for halting the mineral exports.",
    "A football match drew a large crowd.",
]


def _select(sentences: list[str], count: int, language: Language = EN, units: list[list[int]] | None = None,
            **changes: float) -> list[int]:
    """The news selection with its parameters changed, or with other units: to show what a rule changes."""
    parameters = replace(news_summary.parameters(language), **changes)
    units = quotation_units(sentences) if units is None else units
    return news_summary.select(news_words(sentences, language), units, count, parameters)


def test_news_is_the_default_and_every_algorithm_stays_selectable() -> None:
    assert DEFAULT_ALGORITHM == "news"
    assert set(ALGORITHMS) == {"news", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "lead"}
    assert summarize(ENGLISH).algorithm == "news"


@pytest.mark.parametrize(("language", "sentences"), [(EN, QUOTED), (KO, KOREAN_QUOTED)])
def test_news_never_cuts_a_quotation_apart(language: Language, sentences: list[str]) -> None:
    assert quotation_units(sentences)[2] == [2, 3]
    summaries = [summarize(sentences, count, "news", language).indices for count in range(1, len(sentences))]
    assert all({2, 3} <= set(indices) or not {2, 3} & set(indices) for indices in summaries)
    assert any({2, 3} <= set(indices) for indices in summaries)  # the quotation is chosen when it fits
    # Sentence by sentence, the central half would have been taken alone.
    alone = [[i] for i in range(len(sentences))]
    assert any(2 in picked and 3 not in picked
               for picked in (_select(sentences, count, language, alone) for count in range(1, len(sentences))))


def test_news_skips_a_quotation_that_overflows_the_budget_for_the_next_unit_that_fits() -> None:
    sentences = [
        "North Korea has halted exports of rare-earth minerals from North Hamgyong province.",
        '"The rare-earth mineral exports from the province have stopped.',
        'No rare-earth minerals will cross the border," a trader said.',
        "The weather in Seoul was mild on Tuesday.",
        "Officials gave no reason for halting the mineral exports.",
        "A football match drew a large crowd.",
    ]
    # After the lede, the quotation (1-2) is the best unit; with one slot left it does not fit, sentence 4 does.
    assert summarize(sentences, 2).indices == [0, 4]
    assert _select(sentences, 2, units=[[i] for i in range(len(sentences))]) == [0, 1]
    assert summarize(sentences, 3).indices == [0, 1, 2]


def test_news_takes_a_whole_quotation_over_budget_rather_than_nothing() -> None:
    sentences = ['"Exports of minerals stopped.', 'Nobody knows why."', '"Prices of minerals rose.', 'Traders left."']
    assert quotation_units(sentences) == [[0, 1], [2, 3]]
    assert len(summarize(sentences, 1).indices) == 2
    assert summarize(sentences, 1).indices in ([0, 1], [2, 3])


def test_news_keeps_the_lede_when_it_carries_the_story() -> None:
    assert summarize(NEAR_DUPLICATES, 1).indices == [0]
    assert summarize(ENGLISH, 1).indices == [0]
    assert _select(NEAR_DUPLICATES, 1, lede=1.1) == [1]  # without the rule, a more central sentence wins
    assert _select(ENGLISH, 1, lede=1.1) == [2]


def test_news_does_not_force_a_byline_lede() -> None:
    byline = ["By Kim Min-ji, Seoul correspondent", *NEAR_DUPLICATES]
    assert 0 not in summarize(byline, 3).indices
    assert 0 in _select(byline, 3, lede=0.0)  # forcing every lede would take it


def test_news_does_not_choose_two_near_duplicates() -> None:
    assert not {1, 2} <= set(summarize(NEAR_DUPLICATES, 3).indices)
    assert {1, 2} <= set(_select(NEAR_DUPLICATES, 3, duplicate=1.01, redundancy=0.0))  # they are both central


@pytest.mark.parametrize(("language", "sentences"), [(EN, ENGLISH), (KO, KOREAN)])
def test_news_picks_the_mineral_story_and_is_deterministic(language: Language, sentences: list[str]) -> None:
    assert summarize(sentences, 3, "news", language).indices == [0, 2, 5]
    summarize(QUOTED, 4, "news", EN)
    assert [summarize(sentences, count, "news", language).indices for count in range(1, 6)] == [
        summarize(list(sentences), count, "news", language).indices for count in range(1, 6)
    ]


def test_news_with_fewer_sentences_than_asked_returns_them_all() -> None:
    assert summarize(QUOTED[:3], 5).indices == [0, 1, 2]
    assert summarize(KOREAN_QUOTED, 6, language=KO).indices == list(range(6))
    assert summarize(["Only one."], 3).indices == [0]


@pytest.mark.parametrize(
    ("sentences", "units"),
    [
        (["“Exports stopped.", "“Nobody knows why,” he said.", "Next."], [[0, 1], [2]]),  # a new paragraph reopens
        (['"Exports stopped.', '"Nobody knows why," he said.', "Next."], [[0, 1], [2]]),
        (['He said "no" today.', "Next."], [[0], [1]]),
        (["Korea’s exports fell.", "Traders don’t know why."], [[0], [1]]),  # apostrophes
        (["‘Korea’s mines are idle.", "Nobody knows why,’ a trader said.", "Next."], [[0, 1], [2]]),
        (["‘Caution: staged.", "Stay safe.’", "Next."], [[0, 1], [2]]),
        (["이런 ‘연잎 효과’를 흔히 ‘초소수성’이라고 한다", "다음 문장이다"], [[0], [1]]),  # ’ before a particle closes
        (["그는 ‘효과’를 설명했다", "‘다음’ 문장이다"], [[0], [1]]),
        (["이 위원은 “소용이 없다", "지원 방식이 중요하다”고 말했다", "다음"], [[0, 1], [2]]),
        (["‘알록달록한 과녁", "연구단이 제작했다", "IBS가 ‘아트 인 사이언스’ 선정작을 공개했다"],
         [[0], [1], [2]]),  # stray
        (['He said "this never closes.', "Another sentence."], [[0], [1]]),
        (['"Opened here.', *["More."] * 8, 'Closed."'], [[i] for i in range(10)]),  # too long for one quotation
    ],
)
def test_quotation_units(sentences: list[str], units: list[list[int]]) -> None:
    assert quotation_units(sentences) == units


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab d“”\"‘’.", min_size=0, max_size=20), min_size=1, max_size=12), st.integers(1, 5))
def test_news_summaries_keep_units_whole_and_the_budget(sentences: list[str], count: int) -> None:
    indices = summarize(sentences, count).indices
    units = quotation_units(sentences)
    assert sorted(i for unit in units for i in unit) == list(range(len(sentences)))
    assert indices == sorted(set(indices))
    assert all(set(unit) <= set(indices) or not set(unit) & set(indices) for unit in units)
    if len(sentences) <= count or all(len(unit) == 1 for unit in units):
        assert len(indices) == min(count, len(sentences))
    elif len(indices) > count:  # over budget only for one whole unit when no unit fits at all
        assert len([unit for unit in units if set(unit) <= set(indices)]) == 1
        assert min(len(unit) for unit in units) > count


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize(("language", "sentences"), [(EN, ENGLISH), (KO, KOREAN)])
def test_every_algorithm_returns_n_ordered_indices(algorithm: str, language: Language, sentences: list[str]) -> None:
    summary = summarize(sentences, 3, algorithm, language)
    assert len(summary.indices) == 3
    assert summary.indices == sorted(set(summary.indices))
    assert all(0 <= i < len(sentences) for i in summary.indices)


def test_textrank_picks_the_mineral_story_over_the_weather_and_football() -> None:
    assert summarize(ENGLISH, 3, "textrank", EN).indices == [0, 2, 5]
    assert summarize(KOREAN, 3, "textrank", KO).indices == [0, 2, 5]


def test_short_input_returns_everything_and_lead_is_the_first() -> None:
    assert summarize(ENGLISH[:2], 3).indices == [0, 1]
    assert summarize(ENGLISH, 2, "lead").indices == [0, 1]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abc de.", min_size=0, max_size=30), min_size=1, max_size=12), st.integers(1, 5))
def test_any_sentences_give_count_distinct_ordered_indices(sentences: list[str], count: int) -> None:
    indices = summarize(sentences, count, "lexrank", EN).indices
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
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {latin}: not UTF-8 (byte 0xe9 on line 1); save the file as UTF-8\n")
    result = CliRunner().invoke(cli, ["summarize", "-", "--sentences", "0"], input="A.")
    assert result.exit_code == 2


def test_cli_summarizes_a_draft_body_never_its_front_matter() -> None:
    from conftest import SAMPLES

    result = CliRunner().invoke(cli, ["summarize", str(SAMPLES / "musan.md"), "--lang", "ko", "--sentences", "8"])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 8
    assert "notes" not in result.stdout and "Musan county" not in result.stdout and "---" not in result.stdout
