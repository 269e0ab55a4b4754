"""Weekdays against the draft's date: Korean news dates a day (23일) where English names it (Thursday)."""

from __future__ import annotations

import datetime
from functools import partial

import pytest

from rfaflow.languages import LANGUAGES
from rfaflow.qa import ERROR, WARNING, Finding, Problem
from rfaflow.qa.checks import check_pair, check_pairs
from rfaflow.qa.numbers import check_numbers, korean_quantities

# The number check with Korean sources, as the registry's Korean module binds it.
check_korean = partial(check_numbers, read_source=korean_quantities)

KO = LANGUAGES["ko"]

DRAFT = datetime.date(2017, 2, 23)  # a Thursday


def findings(source: str, target: str) -> list[tuple[str, str]]:
    return [(p.severity, p.message) for p in check_korean(source, target, date=DRAFT)]


def test_the_right_weekday_is_no_finding() -> None:
    assert findings("23일 발표했다.", "It was announced on Thursday.") == []


def test_a_wrong_weekday_is_an_error_naming_both() -> None:
    assert findings("23일 발표했다.", "It was announced on Friday.") == [
        (ERROR, "23일 is Thursday, Feb. 23, 2017; the translation says Friday")]


def test_without_a_date_a_weekday_stays_a_warning() -> None:
    # Nothing tells which month 23일 is in, so the weekday can be neither confirmed nor refuted.
    assert [p.severity for p in check_korean("23일 발표했다.", "It was announced on Friday.")] == [WARNING]


def test_a_day_after_the_draft_day_is_last_month() -> None:
    # News reports what happened: 25일 in a draft of Feb. 23 is Jan. 25, a Wednesday.
    assert findings("25일 발표했다.", "It was announced on Wednesday.") == []
    assert findings("25일 발표했다.", "It was announced on Saturday.") == [
        (ERROR, "25일 is Wednesday, Jan. 25, 2017; the translation says Saturday")]


def test_a_day_in_the_coming_days() -> None:
    # 오는 ("the coming") puts the day ahead: 오는 25일 is Saturday, Feb. 25.
    assert findings("오는 25일 열린다.", "It will be held on Saturday.") == []
    assert findings("오는 25일 열린다.", "It will be held on Wednesday.") == [
        (ERROR, "25일 is Saturday, Feb. 25, 2017; the translation says Wednesday")]


@pytest.mark.parametrize(("source", "weekday"), [
    ("지난달 25일 발표했다.", "Wednesday"),  # Jan. 25, 2017
    ("1월 25일 발표했다.", "Wednesday"),
    ("지난 3일 발표했다.", "Friday"),  # Feb. 3
    ("12월 25일 발표했다.", "Sunday"),  # a month after the draft's is last year's
    ("2016년 12월 25일 발표했다.", "Sunday"),
    ("지난해 12월 25일 발표했다.", "Sunday"),
])
def test_a_month_or_year_written_before_the_day(source: str, weekday: str) -> None:
    # The month and year of the date go with its weekday: none of them is a number missing from "on Sunday".
    assert findings(source, f"It was announced on {weekday}.") == []


def test_a_wrong_weekday_of_a_full_date_is_one_error() -> None:
    assert findings("2016년 12월 25일 발표했다.", "It was announced on Monday.") == [
        (ERROR, "25일 is Sunday, Dec. 25, 2016; the translation says Monday")]


def test_today_yesterday_and_tomorrow() -> None:
    # English counts from the day of writing where Korean dates the day: 22일 in a draft of the 23rd is yesterday.
    assert findings("22일 발표했다.", "It was announced yesterday.") == []
    assert findings("23일 발표했다.", "It was announced today.") == []
    assert findings("오는 24일 발표한다.", "It will be announced tomorrow.") == []
    assert findings("21일 발표했다.", "It was announced yesterday.") == [
        (ERROR, "21일 is Tuesday, Feb. 21, 2017; the translation says yesterday")]
    # and 어제 for "yesterday" has no number at all
    assert findings("어제 발표했다.", "It was announced yesterday.") == []


def test_a_count_of_days_is_not_a_date() -> None:
    # 3일간 is "for three days", not the 3rd.
    assert findings("3일간 열렸다.", "It ran for three days from Monday.") == []


def test_a_date_the_english_gives_by_number() -> None:
    assert findings("23일 발표했다.", "It was announced on Feb. 23.") == []
    assert (ERROR, "source number 23 (23일) not found in the translation") in findings(
        "23일 발표했다.", "It was announced on Feb. 24.")


def test_check_pair_and_check_pairs_take_the_date() -> None:
    wrong = Problem("numbers", ERROR, "23일 is Thursday, Feb. 23, 2017; the translation says Friday")
    assert check_pair("23일 발표했다.", "It was announced on Friday.", KO, None, date=DRAFT) == [wrong]
    assert check_pair("23일 발표했다.", "It was announced on Friday.", KO, None) == [
        Problem("numbers", WARNING, "source number 23 (23일) not found in the translation; "
                                    "the translation names a day of the week instead")]
    pairs = [("s1", "23일 발표했다.", "It was announced on Friday."),
             ("s2", "23일 발표했다.", "It was announced on Thursday.")]
    assert check_pairs(pairs, KO, None, date=DRAFT) == [Finding("s1", wrong.check, wrong.severity, wrong.message)]
    assert [f.severity for f in check_pairs(pairs, KO)] == [WARNING, WARNING]


def test_the_calendar_edges_never_overflow() -> None:
    """A draft dated on the calendar's first or last day: "yesterday"/"tomorrow" are compared, not computed."""
    import datetime as dt

    from rfaflow.qa.checks import check_pair

    for date in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        assert isinstance(check_pair("지난 1일 회의가 열렸다.", "The meeting was held yesterday.", KO, date=date), list)
