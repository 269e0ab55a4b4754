"""The number check: Korean and English numbers compared by value, with the conventions translators follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfaflow.qa import ERROR, WARNING, Problem
from rfaflow.qa.numbers import check_numbers, english_quantities, korean_quantities

NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-ko-en" / "dev.jsonl"


def errors(source: str, target: str) -> list[str]:
    return [p.message for p in check_numbers(source, target) if p.severity == ERROR]


@pytest.mark.parametrize(("text", "value"), [
    ("인구는 1천860만 명이다", 18_600_000),
    ("4억90만 달러", 400_900_000),
    ("3조5천억 원", 3_500_000_000_000),
    ("2.5조 원", 2_500_000_000_000),
    ("1억 4천 2백만 명의 팔로워", 142_000_000),
    ("1억 2500만 파운드", 125_000_000),
    ("37만 5,000달러", 375_000),
    ("7만 6천 헥타르", 76_000),
    ("22 억 5 천만 명", 2_250_000_000),
    ("1,860명", 1_860),
    ("3.5%", 3.5),
    ("3분의 2", 2 / 3),
    ("열 다섯 마리", 15),
    ("이틀 동안", 2),
])
def test_korean_numerals_are_read_by_value(text: str, value: float) -> None:
    assert value in [q.value for q in korean_quantities(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("18.6 million people", 18_600_000),
    ("$400.9m", 400_900_000),
    ("£1.2bn", 1_200_000_000),
    ("3 billion", 3_000_000_000),
    ("1,500 won", 1_500),
    ("twenty-five", 25),
    ("two-thirds", 2 / 3),
    ("the 47th match", 47),
    ("14½", 14.5),
])
def test_english_numbers_are_read_by_value(text: str, value: float) -> None:
    assert value in [q.value for q in english_quantities(text)]


@pytest.mark.parametrize(("source", "target"), [
    ("인구는 1천860만 명이다", "The population is 18.6 million."),
    ("인구는 1천859만6천 명이다", "The population is about 18.6 million."),
    ("4억90만 달러를 투자했다", "It invested $400.9 million."),
    ("4억90만 달러를 투자했다", "It invested $400.9m."),
    ("750만 달러", "$7.5m"),
    ("3조5천억 원의 예산", "a budget of 3.5 trillion won"),
    ("커피는 1,500원이다", "Coffee costs 1,500 won."),
    ("관객 3만 명", "an audience of 30,000"),
    ("관객 3만 명", "an audience of 30 thousand"),
    ("실업률은 13%다", "Unemployment is 13 percent."),
    ("실업률은 13퍼센트다", "Unemployment is 13 per cent."),
    ("5%포인트 올랐다", "It rose 5 percentage points."),
    ("2019년 2월 20일에 만났다", "They met on Feb. 20, 2019."),
    ("2월 20일에 만났다", "They met on 20 February."),
    ("3명이 다쳤다", "Three people were hurt."),
    ("세 명이 다쳤다", "Three people were hurt."),
    ("한 명이 숨졌다", "A man died."),
    ("두 배로 늘었다", "It doubled."),
    ("두 번째 회담", "the second summit"),
    ("3분의 1이 반대했다", "A third opposed it."),
    ("절반이 반대했다", "Half opposed it."),
    ("1990년대에", "in the 1990s"),
    ("오후 3시에 열린다", "It starts at 3 p.m."),
    ("오후 7시 30분경", "at about 19:30 BST"),
    ("10여 명이 참석했다", "About 10 people attended."),
    ("37세의 남성", "a 37-year-old man"),
    ("10년 전", "a decade ago"),
    ("리비 11과 함께", "with the same Livi 11"),
    ("비가 오지 않았다", "It did not rain."),
])
def test_faithful_translations_pass(source: str, target: str) -> None:
    assert errors(source, target) == []


@pytest.mark.parametrize(("source", "target", "named"), [
    ("인구는 1천860만 명이다", "The population is 18.6 thousand.", "18,600,000 (1천860만)"),
    ("인구는 1천860만 명이다", "The population is 1.86 million.", "18,600,000"),
    ("인구는 1천860만 명이다", "The population is 18.6.", "18,600,000"),
    ("인구는 1천859만6천 명이다", "The population is about 18.7 million.", "18,596,000"),
    ("4억90만 달러를 투자했다", "It invested $40.09 million.", "400,900,000 USD"),
    ("750만 달러", "$7.5", "7,500,000 USD"),
    ("3조5천억 원의 예산", "a budget of 3.5 billion won", "3,500,000,000,000 KRW"),
    ("커피는 1,500원이다", "Coffee costs 1,600 won.", "1,500 KRW"),
    ("관객 3만 명", "an audience of 3,000", "30,000 (3만)"),
    ("관객 3만 명", "an audience of 3 thousand", "30,000 (3만)"),
    ("1억 명", "10 million people", "100,000,000 (1억)"),
    ("실업률은 13%다", "Unemployment is 31 percent.", "13%"),
    ("12.5% 증가", "up 12.6%", "12.5%"),
    ("2월 20일에 만났다", "They met on Feb. 21.", "20 (20일)"),
    ("2019년에 만났다", "They met in 2018.", "2019 (2019년)"),
    ("3명이 다쳤다", "Four people were hurt.", "source number 3"),
    ("세 명이 다쳤다", "Two people were hurt.", "3 (세 명)"),
    ("두 번째 회담", "the third summit", "2 (두 번째)"),
    ("오후 3시에 열린다", "It starts at 4 p.m.", "3 (3시)"),
    ("1,000명이 넘는 사람들", "more than 1,070 people", "1,000"),
    ("비가 오지 않았다", "It did not rain for 3 days.", "translation number 3"),
])
def test_wrong_numbers_are_errors_that_name_the_value(source: str, target: str, named: str) -> None:
    assert any(named in message for message in errors(source, target)), check_numbers(source, target)


def test_problems_are_number_problems() -> None:
    problems = check_numbers("관객 3만 명", "an audience of 3,000")
    assert problems and all(isinstance(p, Problem) and p.check == "numbers" for p in problems)
    assert "source number 30,000 (3만) not found in the translation" in [p.message for p in problems]


def test_sentences_without_numbers_have_no_problems() -> None:
    assert check_numbers("정부는 새 정책을 발표했다.", "The government announced a new policy.") == []


def test_a_number_said_twice_must_be_translated_twice() -> None:
    assert errors("2차 세계대전 당시의 배보다 두 배 무겁다", "twice as heavy as ships in the First World War")
    assert not errors("2차 세계대전 당시의 배보다 두 배 무겁다", "twice as heavy as ships in the Second World War")


def test_weaker_evidence_is_a_warning() -> None:
    other_currency = check_numbers("4억90만 달러를 투자했다", "It invested 400.9 million pounds.")
    assert [p.severity for p in other_currency] == [WARNING]
    weekday = check_numbers("25일 발표했다", "It was announced on Saturday.")  # Korean news dates the weekday
    assert [p.severity for p in weekday] == [WARNING]
    assert [p.severity for p in check_numbers("25일 발표했다", "It was announced on the 26th.")].count(ERROR) == 2
    rounded = check_numbers("인구는 1천859만6천 명이다", "The population is some 20 million.")
    assert [p.severity for p in rounded] == [WARNING]
    assert [p.severity for p in check_numbers("인구는 1천859만6천 명이다", "It is 20 million.")] == [ERROR, ERROR]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789,.%$£€ 만억조천백원명년월일시분의 한두세열 milonbtwhrdfs-:", max_size=40),
       st.text(alphabet="0123456789,.%$£€ milonbtwhrdfs-:apm", max_size=40))
def test_any_text_gives_a_list_of_problems(source: str, target: str) -> None:
    assert isinstance(check_numbers(source, target), list)


# Real human pairs (NTREX-128, ko translated from en): number-rich ones pass, and a digit changed is caught.
NTREX_PAIRS = ["dailymail.co.uk.298732:2", "bbc.381780:2", "reuters.218932:9", "newsweek.51318:10",
               "scotsman.133773:16", "rt.com.91334:4", "rt.com.91334:5", "newsweek.51331:4"]


def bump_first_digit(text: str) -> str:
    i = next(i for i, c in enumerate(text) if c.isdigit() and c != "0")
    return text[:i] + str(int(text[i]) % 9 + 1) + text[i + 1:]


@pytest.fixture(scope="module")
def ntrex() -> dict[str, tuple[str, str]]:
    if not NTREX.is_file():
        pytest.skip(f"NTREX data not found at {NTREX}")
    pairs = {}
    for line in NTREX.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        pairs.update({f"{doc['doc_id']}:{i}": pair for i, pair in enumerate(zip(doc["ko"], doc["en"], strict=True))})
    return pairs


@pytest.mark.parametrize("pair_id", NTREX_PAIRS)
def test_real_pairs_pass_and_their_corruption_does_not(ntrex: dict[str, tuple[str, str]], pair_id: str) -> None:
    ko, en = ntrex[pair_id]
    assert errors(ko, en) == []
    if any(c.isdigit() for c in en):
        assert errors(ko, bump_first_digit(en)), bump_first_digit(en)
    else:  # "two-thirds", "15" written 열 다섯: change the Korean instead
        assert errors(bump_first_digit(ko), en), bump_first_digit(ko)


def test_human_translations_are_rarely_flagged(ntrex: dict[str, tuple[str, str]]) -> None:
    flagged = [pid for pid, (ko, en) in ntrex.items() if errors(ko, en)]
    assert len(ntrex) == 1316
    assert len(flagged) / len(ntrex) <= 0.02, flagged
