"""Pieces the number readers of rfaflow/qa/numbers_zh.py, numbers_vi.py and numbers_native.py share: digits of any
script, separators written either way, numerals built from magnitude words, and the calendar day of a date."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping

# A run of digits with its separators: "1.234,5", "350,000", "2,8", "12".
FLEX_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_FLEX_RE = re.compile(rf"(?<![\d.,])(?:{FLEX_NUMBER})")
# Format characters (zero-width space, joiners, soft hyphen) that Lao and Khmer typists put between syllables:
# invisible, so they must not split a number from its magnitude word.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def ascii_digits(text: str, zeros: Iterable[str]) -> str:
    """`text` with the decimal digits of each block whose zero is in `zeros` (and full-width ones) written as ASCII,
    one character for one, so offsets still hold."""
    table = {ord(zero) + i: str(i) for zero in [*zeros, "０"] for i in range(10)}
    return text.translate(table)


def flex_values(number: str) -> tuple[float, ...]:
    """The values digits with separators can have. English writes 350,000 and 2.5; Vietnamese and Khmer 350.000 and
    2,5. The last separator is the decimal one when both kinds appear or when it repeats never; one repeated is a
    thousands separator; a single separator before exactly three digits (1,500 or 1.500) is either, so both values."""
    dots, commas = number.count("."), number.count(",")
    if not dots and not commas:
        return (float(number),)
    if dots and commas:
        mark = "." if number.rfind(".") > number.rfind(",") else ","
        whole, _, fraction = number.rpartition(mark)
        return (float(whole.replace(".", "").replace(",", "") + "." + fraction),)
    separator = "." if dots else ","
    if dots + commas > 1:
        return (float(number.replace(separator, "")),)
    whole, fraction = number.split(separator)
    decimal = float(f"{whole}.{fraction}")
    if len(fraction) == 3 and whole != "0":
        return (float(whole + fraction), decimal)
    return (decimal,)


def numbers_in(text: str) -> Iterable[re.Match[str]]:
    return _FLEX_RE.finditer(text)


def chain_value(values: Iterable[tuple[str, float]]) -> float:
    """The value of a numeral read as (role, value) pieces: role "n" a number, "small" a magnitude below ten thousand
    (hundred, thousand), "big" one of ten thousand or more (万, million, ລ້ານ).

    Small magnitudes multiply the number before them and add up (三千五百 = 3,500); a big one multiplies everything
    since the last bigger one (1.5万 = 15,000; 4亿5000万 = 450,000,000), and everything so far when it is bigger than
    all of that (3万亿 = 3 × 10^12; ពាន់លាន, a thousand million, is a billion).
    """
    total = section = 0.0
    current: float | None = None
    for role, value in values:
        if role == "small":
            section, current = section + (1.0 if current is None else current) * value, None
        elif role == "big":
            block = section + (current or 0.0)
            if total and total < value:
                total = (total + block) * value
            else:
                total += (block or (0.0 if total else 1.0)) * value
            section, current = 0.0, None
        else:
            current = value
    return total + section + (current or 0.0)


def magnitude_pattern(magnitudes: Mapping[str, float]) -> str:
    """An alternation of magnitude words, longest first so that ពាន់លាន is not read as ពាន់."""
    return "|".join(re.escape(word) for word in sorted(magnitudes, key=len, reverse=True))


def role(value: float) -> str:
    return "big" if value >= 1e4 else "small"


def month_shift(year: int, month: int, shift: int) -> tuple[int, int]:
    months = year * 12 + month - 1 + shift
    return months // 12, months % 12 + 1


def calendar_day(day: int, month: int | None, year: int | None, date: datetime.date) -> datetime.date | None:
    """The date a day of the month names in a draft dated `date`: in the month (and year) written with it, else the
    latest such day on or before the draft's date, since news reports what has happened."""
    y, m = date.year, date.month
    if month:
        m = month
        y = year if year else y - ((month, day) > (date.month, date.day))
    elif day > date.day:
        y, m = month_shift(y, m, -1)
    try:
        return datetime.date(y, m, day)
    except (ValueError, OverflowError):  # the 31st of a month of 30 days: no such day
        return None
