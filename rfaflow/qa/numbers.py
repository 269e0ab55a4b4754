"""Number check: a quantity in the Korean source must come back, with the same value, in the English translation.

Values are compared, not strings: 1천860만 and "18.6 million", 4억90만 달러 and "$400.9m", 2월 20일 and "Feb. 20"
are equal. Given the draft's date, a Korean "23일" that the English calls "Thursday" is checked on the calendar.
Each side is read into `Quantity` records; a record may carry alternates for words that honestly mean
more than one thing ("7.5m" is 7,500,000 or 7.5 metres, "3 p.m." is hour 3 or 15), and a record is `strong` only
when its absence on the other side is real evidence ("한" and "one" are too often rendered as "a", or dropped).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import ERROR, WARNING, Problem
from .numbers_common import month_shift

CHECK = "numbers"

PLAIN, PERCENT, MONEY, MONTH, DAY, TIME, FRACTION = "plain", "percent", "money", "month", "day", "time", "fraction"


@dataclass(frozen=True)
class Quantity:
    """One number found in a sentence: its value, the words it was read from, and how much its absence weighs."""

    value: float
    surface: str
    kind: str = PLAIN
    currency: str | None = None
    alts: tuple[float, ...] = ()  # other values the same words can mean
    hedge: str = ""  # "about", "over" or "under": a translation so hedged may round
    strong: bool = True  # missing on the other side is an error, not a shrug
    when: datetime.date | None = None  # the calendar day a Korean N일 names, given the draft's date

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.alts)


# ---------------------------------------------------------------- shared pieces

_DIGITS = re.compile(r"(?<!\d)(?<!\d\.)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([½¼¾])?")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_MAGNITUDE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
              "b": 1e9, "trillion": 1e12, "tn": 1e12}
_SYMBOLS = {"$": "USD", "US$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
            "JPY": "JPY", "₩": "KRW", "KRW": "KRW", "CNY": "CNY", "RMB": "CNY"}
# Currencies as words, both languages; "pound" is weight or sterling on both sides alike, so it cancels out.
_CURRENCY_WORDS = {"달러": "USD", "dollar": "USD", "dollars": "USD", "원": "KRW", "won": "KRW", "위안": "CNY",
                   "yuan": "CNY", "엔": "JPY", "yen": "JPY", "유로": "EUR", "euro": "EUR", "euros": "EUR",
                   "파운드": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP"}
_TIME_ZONE = r"(?:BST|GMT|UTC|CET|[ECMP][SD]?T)\b"


def _number(text: str, frac: str | None) -> float:
    return float(text.replace(",", "")) + _VULGAR.get(frac or "", 0.0)


def _sig(value: float) -> int:
    """Significant digits of a value (18,600,000 has 3, 3.5 has 2), which say how far it may have been rounded."""
    return len(f"{abs(value):.9e}".split("e")[0].replace(".", "").rstrip("0")) or 1


_YEAR_RANGE = re.compile(r"(?<!\d)((?:1\d|20)\d\d)\s?[-–~∼/]\s?$")


def _second_year(before: str, value: float) -> tuple[float, ...]:
    """2017-18, 2017~18 시즌: both languages shorten the second year of a range to its last two digits."""
    m = _YEAR_RANGE.search(before)
    if not m or not 0 <= value < 100 or value != int(value):
        return ()
    first = int(m.group(1))
    year = first // 100 * 100 + value
    return (year if year > first else year + 100,)


def _masked(text: str, span: tuple[int, int]) -> str:
    """Blank out a span already read, keeping offsets, so a later pattern cannot read it twice."""
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1]:]


# ---------------------------------------------------------------- Korean

_KO_BIG = {"만": 1e4, "억": 1e8, "조": 1e12}
_KO_SMALL = {"천": 1e3, "백": 1e2}
_KO_NATIVE = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "넉": 4,
              "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_KO_NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
                   "여든": 80, "아흔": 90}
_KO_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_KO_DAYS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "아흐레": 9,
            "열흘": 10, "보름": 15}
# "one or two", "three or four": either value may be the one the translation kept.
_KO_SPANS = {"한두": (1, 2), "두세": (2, 3), "서너": (3, 4), "너덧": (4, 5), "네댓": (4, 5), "대여섯": (5, 6),
             "예닐곱": (6, 7)}
# English numbers kept in sound inside names: 포 코너스 is Four Corners, 식스 네이션스 the Six Nations.
_KO_LOANS = {"투": 2, "쓰리": 3, "포": 4, "파이브": 5, "식스": 6, "세븐": 7, "에잇": 8, "나인": 9, "텐": 10}
_KO_FIRST = re.compile(r"(?<![가-힣])(?:첫|처음|최초)")
# Counters that follow native numbers (두 명, 세 번째); 달러 so that 세 달러 is money, not 세 달 + 러.
_KO_COUNTERS = ("번째", "차례", "가지", "사람", "시간", "개월", "군데", "달러", "마리", "경기", "명", "개", "번",
                "살", "달", "해", "주", "권", "대", "척", "채", "곳", "장", "잔", "병", "쌍", "배", "점", "골",
                "팀", "분", "건", "판", "발", "시", "째")
# A counter must end the word or be followed by a particle, so 두 대통령 and 세 개발자 are not counted; only a few
# may be written without the space (세명, 두번째) where 세대 or 두부 would otherwise count.
_KO_PARTICLE = "의이가을를은는에과와도만씩째으로나뿐밖까부동간당마전후정쯤였엔중"
_KO_END = r"(?=[^가-힣]|[" + _KO_PARTICLE + r"]|$)"
_KO_NATIVE_RE = re.compile(
    r"(?<![가-힣\d])(?:(?P<tens>" + "|".join(_KO_NATIVE_TENS) + r")\s?)?"
    r"(?P<unit>" + "|".join(sorted(_KO_NATIVE, key=len, reverse=True)) + r")?"
    r"(?:\s(?:" + "|".join(_KO_COUNTERS) + r")|번째|번|명|마리|가지|차례)" + _KO_END)
# Spelled Sino-Korean (십 년, 오 주, 이 피트): enough to confirm a number of the translation, too ambiguous (이 주 is
# also "this week") to demand one. The same holds for number words before a plain noun, except 두/세/다섯...
# (두 정부, "the two governments"), which are content.
_KO_SINO_RE = re.compile(r"(?<![가-힣])((?:[이삼사오육칠팔구]?십)?[일이삼사오육칠팔구]?) "
                         r"(?:년|개월|주|일|분|초|시간|점|피트|인치|마일|미터|명|위|회|차|층|세)" + _KO_END)
_KO_LOOSE_RE = re.compile(r"(?<![가-힣\d])(" + "|".join([*_KO_NATIVE, *_KO_NATIVE_TENS, *_KO_DAYS, *_KO_SPANS,
                                                        *_KO_LOANS]) + r")(?= [가-힣]|[은는이가을를의도에])")
_KO_DAYS_RE = re.compile(r"(?<![가-힣])(" + "|".join(_KO_DAYS) + r")" + _KO_END)
_KO_ORDINAL_RE = re.compile(r"(?<![가-힣])(둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열)째")
_KO_FRACTION_RE = re.compile(r"(\d+)\s?분의\s?(\d+|[일이삼사오육칠팔구])")
_KO_HALF_RE = re.compile(r"절반|반밖에|반으로|반이")
_KO_SUFFIX = re.compile(
    r"\s?(?:(?P<pct>%\s?포인트|%p|%|퍼센트\s?포인트|퍼센트|프로)"
    r"|(?P<sym>[$€£¥])|(?P<mag>bn|billion|million|trillion)\b"
    r"|(?P<cur>" + "|".join(w for w in _CURRENCY_WORDS if re.match("[가-힣]", w)) + r")"
    r"|(?P<unit>년대|년|개월|월|일|시간|시|분기|분|초|세기|세|살|배|위|번째|차|회|대|s\b))?")
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Units glue to the number (3만, 1천860만) or, in loose spacing, stand apart before a non-word (22 억 5 천만 명).
_KO_UNITS = r"(?:[천백만억조]+| [천백만억조]+(?![가-힣])| [천백만억조]+(?=[명원건개대채]|달러))"
_KO_CHAIN_RE = re.compile(rf"(?<!\d)(?<!\d\.){_NUM}[½¼¾]?(?:{_KO_UNITS}(?:{_NUM}| (?={_NUM} ?[천백만억조]){_NUM}"
                          rf"|(?<=[만억조]) {_NUM}(?![\d.,]))?)*")
_KO_SCORE = re.compile(r"\d\s?(?:대|:|&)\s?$")  # what precedes the second side of a score: 3 대 1, 3:1, 2&1
# 양국, 양측, 양당 are "the two countries, sides, parties": the 兩 of Sino-Korean is a number the English spells.
_KO_BOTH_RE = re.compile(r"(?<![가-힣])양(?=국|측|사|당|팀|쪽|가|손|일|진영|정상)")
# 정오 and 자정 are 12:00 and 0:00, which English may write "12 p.m." or "12 a.m.".
_KO_CLOCK_WORDS = {"정오": (12.0, ()), "자정": (0.0, (12.0, 24.0))}
# 5시 반, 1시간 반, 2년 반: 반 after a unit is half of it, so "5:30", "1.5 hours" or "two and a half years".
_KO_AND_HALF = re.compile(r"\s?반(?=[^가-힣]|[에의이은을만동]|$)")
# Which day an N일 is: the month or year written before it, and 오는 ("the coming") for a day still ahead.
_KO_DATE_BEFORE = re.compile(r"(?:(?:(?P<year>\d{4})\s?년|(?P<rel_year>지난해|작년|올해|내년))\s?)?"
                             r"(?:(?P<month>\d{1,2})\s?월|(?P<rel_month>지난달|지난 달|이달|이번 달|다음 달|다음달))?"
                             r"\s?(?P<coming>오는\s?)?(?:지난\s?)?$")
# A count of days (3일간, 3일 동안, 사흘째) names no date.
_KO_DAYS_LONG = re.compile(r"\s?(?:간|동안|째|만에|이내|이상|가량|정도|연속|뒤|후)")
_KO_YEAR_OFFSET = {"지난해": -1, "작년": -1, "올해": 0, "내년": 1}
_KO_MONTH_OFFSET = {"지난달": -1, "지난 달": -1, "이달": 0, "이번 달": 0, "다음 달": 1, "다음달": 1}


def _korean_value(chain: str) -> float:
    """Value of a Korean numeral such as 1천860만, 4억90만, 3조5천억, 1억 4천 2백만 or 37만 5,000.

    Below 만, pieces add up with 천/백 (1천860 = 1,860); 만/억/조 multiply everything read since the last of them.
    """
    total = section = current = 0.0
    for token in re.findall(rf"{_NUM}|[천백만억조]", chain):
        if token in _KO_SMALL:
            section, current = section + current * _KO_SMALL[token], 0.0
        elif token in _KO_BIG:
            total, section, current = total + (section + current) * _KO_BIG[token], 0.0, 0.0
        else:
            current = float(token.replace(",", ""))
    return total + section + current


def _sino_value(word: str) -> int:
    """이십오 = 25, 십 = 10, 오 = 5."""
    tens, _, units = word.rpartition("십")
    return (_KO_SINO.get(tens, 1) * 10 if "십" in word else 0) + _KO_SINO.get(units, 0)


def _always(match: re.Match[str] | None) -> re.Match[str]:
    """The match of a pattern whose every part is optional (or, for _NUM, of text already matched): never None."""
    assert match is not None
    return match


def _finite(found: list[Quantity]) -> list[Quantity]:
    """A number of 309 digits or more reads as infinity, which no check can compare or print: such a string of
    digits is not a quantity a translation states, so it is left out."""
    return [q for q in found if all(math.isfinite(value) for value in q.values)]


def _calendar_day(before: str, day: int, date: datetime.date) -> tuple[datetime.date | None, int]:
    """The date of "N일" in a draft dated `date`, and where the words that date it (2016년 2월, 지난달) begin.

    It is the latest such day on or before the draft's date (Korean news reports what happened), unless 오는 ("the
    coming") marks one ahead; a month (2월, 지난달) or year (2016년, 지난해) written before it is used.
    """
    window = before[-20:]
    m = _always(_KO_DATE_BEFORE.search(window))
    start = len(before) - len(window) + m.start()
    ahead = bool(m.group("coming"))
    year, month = date.year, date.month
    if m.group("month"):
        month = int(m.group("month"))
        if m.group("year") or m.group("rel_year"):
            year = int(m.group("year") or date.year + _KO_YEAR_OFFSET[m.group("rel_year")])
        elif ahead:
            year += (month, day) < (date.month, date.day)
        else:
            year -= (month, day) > (date.month, date.day)
    elif m.group("rel_month"):
        year, month = month_shift(year, month, _KO_MONTH_OFFSET[m.group("rel_month")])
    elif ahead and day < date.day:
        year, month = month_shift(year, month, 1)
    elif not ahead and day > date.day:
        year, month = month_shift(year, month, -1)
    try:
        return datetime.date(year, month, day), start
    except (ValueError, OverflowError):  # 31일 of a month of 30 days, or a year past any calendar: no such day
        return None, start


def korean_quantities(text: str, *, date: datetime.date | None = None) -> list[Quantity]:
    """Every number in a Korean sentence: digits with Korean units, number words, fractions, dates, times.

    With the draft's `date`, each N일 also gets the calendar day it names (`when`).
    """
    found: list[Quantity] = []
    for m in _KO_FRACTION_RE.finditer(text):  # 3분의 2 = two-thirds, read before 분 becomes minutes
        numerator, denominator = _KO_SINO.get(m.group(2)) or float(m.group(2)), float(m.group(1))
        if denominator:
            found.append(Quantity(numerator / denominator, m.group(0), FRACTION))
            text = _masked(text, m.span())
    # "노드 스트림 2(Nord Stream 2)": the original name in brackets repeats a number, it does not add one; an
    # amount in brackets ("800kph(497mph)") is a conversion, which the translation carries too.
    glosses = [m.span() for m in re.finditer(r"\((?!\s*[$€£¥\d])[^()]*[A-Za-z][^()]*\)", text)]
    chain_at: dict[int, int] = {}  # where a number read below begins -> its index in `found`
    for m in _KO_CHAIN_RE.finditer(text):
        chain, end = m.group(0), m.end()
        if text[max(m.start() - 1, 0):m.start()] == "제":  # 제3조 is Article 3, 제47회 the 47th
            chain = _always(re.match(_NUM, chain)).group(0)
            end = m.start() + len(chain)
        value = _korean_value(chain) + _VULGAR.get(chain[-1], 0.0)
        suffix = _always(_KO_SUFFIX.match(text, end))
        unit = suffix.group("unit") or ""
        symbol = text[max(m.start() - 2, 0): m.start()].strip()[-1:]
        currency = (_CURRENCY_WORDS.get(suffix.group("cur") or "") or _SYMBOLS.get(suffix.group("sym") or "")
                    or _SYMBOLS.get(symbol))
        if suffix.group("mag"):
            value *= _MAGNITUDE[suffix.group("mag")]
        kind = PERCENT if suffix.group("pct") else MONEY if currency else MONTH if unit == "월" else PLAIN
        alts: tuple[float, ...] = ()
        dated = unit == "일" and bool(re.search(r"\d\s?월\s?$", text[:m.start()]))
        half = _KO_AND_HALF.match(text, suffix.end()) if unit else None
        if unit == "시":  # 오후 3시 is "3 p.m." or "15:00"
            kind, alts = TIME, (value + 12 if value < 12 else value - 12,)
            if half:
                found.append(Quantity(30, f"{chain}시 반", TIME, strong=False))
        elif half:
            alts = (value + 0.5,)
        elif unit == "일" and not dated:
            kind = DAY  # Korean news turns "on Thursday" into 3일
        elif unit == "년대" and value < 100 and value % 10 == 0:  # 90년대 is the 1990s (or the 2090s)
            alts = (1900 + value, 2000 + value)
        elif unit == "분기" and 1 <= value <= 4:  # 3분기 is also "the July-September quarter"
            alts = (3 * value - 2, 3 * value)
        alts += _second_year(text[:m.start()], value)
        when = None
        if date and unit == "일" and value == int(value) and not _KO_DAYS_LONG.match(text, suffix.end()):
            when, dated_from = _calendar_day(text[:m.start()], int(value), date)
            for start, k in chain_at.items():  # the year and month of 2017년 2월 23일 are in the same date
                if start >= dated_from:
                    found[k] = replace(found[k], when=when)
        chain_at[m.start()] = len(found)
        # "1명", "1년", "1일", "1위" are as often "a", "a year", "a day" or "top": no proof of a missing number; but
        # the 1 of a score (3 대 1, 2&1) is a number.
        exact = (kind in (PERCENT, MONEY, MONTH, TIME) or dated or unit in ("년대", "세기", "세", "살")
                 or not re.match(r"\s?[가-힣]", text[end:]) or bool(_KO_SCORE.search(text[:m.start()])))
        gloss = any(a <= m.start() < b for a, b in glosses)
        found.append(Quantity(value, text[m.start():suffix.end()].strip(), kind, currency, alts,
                              strong=(value != 1 or exact) and not gloss, when=when))
    for m in _KO_NATIVE_RE.finditer(text):
        if m.group("tens") or m.group("unit"):
            value = _KO_NATIVE_TENS.get(m.group("tens") or "", 0) + _KO_NATIVE.get(m.group("unit") or "", 0)
            found.append(Quantity(value, m.group(0), strong=value > 1))
            text = _masked(text, m.span())
    for m in _KO_DAYS_RE.finditer(text):
        found.append(Quantity(_KO_DAYS[m.group(1)], m.group(1), strong=_KO_DAYS[m.group(1)] > 1))
        text = _masked(text, m.span())
    for m in _KO_ORDINAL_RE.finditer(text):
        found.append(Quantity(_KO_NATIVE.get(m.group(1)) or 10, m.group(0)))
    for m in _KO_SINO_RE.finditer(text):
        if m.group(1):
            found.append(Quantity(_sino_value(m.group(1)), m.group(0), strong=False))
    for m in _KO_LOOSE_RE.finditer(text):
        word = m.group(1)
        values = _KO_SPANS.get(word) or (_KO_NATIVE.get(word) or _KO_NATIVE_TENS.get(word) or _KO_DAYS.get(word)
                                         or _KO_LOANS[word],)
        strong = word in ("두", "세", "다섯", "여섯", "일곱", "여덟", "아홉") and text[m.end()] == " "  # 네 is "yes"
        found.append(Quantity(values[0], word, alts=values[1:], strong=strong))
    for m in _KO_FIRST.finditer(text):
        found.append(Quantity(1, m.group(0), strong=False))
    for m in _KO_HALF_RE.finditer(text):
        found.append(Quantity(0.5, m.group(0), FRACTION, strong=False))
    for m in _KO_BOTH_RE.finditer(text):
        found.append(Quantity(2, text[m.start():m.end() + 1], strong=False))
    for word, (hour, alts) in _KO_CLOCK_WORDS.items():
        found += [Quantity(hour, word, TIME, alts=alts, strong=False)] * text.count(word)
    return _finite(found)


# ---------------------------------------------------------------- English

_EN_UNITS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"))}
_EN_TENS = {w: 10 * i for i, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                             "ninety"), start=2)}
_EN_ORDINALS = {w: i for i, w in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth"), start=1)}
_EN_ORDINALS |= {w[:-1] + "ieth": v for w, v in _EN_TENS.items() if v > 20}
_EN_FRACTIONS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
_EN_FRACTIONS |= {w + s: v for w, v in _EN_ORDINALS.items() if 3 <= v <= 10 for s in ("", "s")}  # two-fifths
_EN_MONTHS = {m: i for i, m in enumerate((
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December"), start=1)}
_EN_MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11,
                  "Dec": 12}
# Words that carry a number but also idioms ("a couple of", "double-digit"): they confirm, never accuse.
_EN_IMPLIED = {"nil": 0, "once": 1, "single": 1, "both": 2, "twice": 2, "double": 2, "doubled": 2, "doubles": 2,
               "doubling": 2, "pair": 2, "couple": 2, "duo": 2, "dual": 2, "twin": 2, "duel": 2, "dueling": 2,
               "duelling": 2, "bilateral": 2, "bipartisan": 2, "biennial": 2, "thrice": 3, "triple": 3,
               "tripled": 3, "trio": 3, "triennial": 3, "quartet": 4, "dozen": 12, "decade": 10, "teens": 10,
               "teenage": 10, "teenager": 10, "teenagers": 10, "century": 100, "centenary": 100, "centennial": 100,
               "quarter-hour": 15, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
               "seventies": 70, "eighties": 80, "nineties": 90,
               # Golf and games name formats by head count (foursomes, fourballs), which the source spells as
               # a number (四人賽, 4 人 4 球): the number is in the word.
               "twosome": 2, "twosomes": 2, "threesome": 3, "threesomes": 3, "foursome": 4, "foursomes": 4,
               "threeball": 3, "threeballs": 3, "fourball": 4, "fourballs": 4}
_WORD = "|".join(sorted([*_EN_UNITS, *_EN_TENS, *_EN_ORDINALS], key=len, reverse=True))
_EN_WORDS_RE = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_EN_TENS)})[\s-](?=\w))?(?P<word>{_WORD})(?:-?fold)?\b"
    rf"(?:[\s-](?P<frac>{'|'.join(sorted(_EN_FRACTIONS, key=len, reverse=True))})\b)?"
    r"(?P<and_half>\sand a half\b)?"
    r"(?:\s(?P<hundred>hundred)\b)?(?:\s(?P<mag>thousand|million|billion|trillion)\b)?", re.IGNORECASE)
_EN_IMPLIED_RE = re.compile(r"\b(?:" + "|".join(_EN_IMPLIED) + r"|a quarter"
                            r"|half an? (?:dozen|hundred|thousand|million|billion)|half(?![\s-]?time)"
                            r"|a (?:hundred|thousand|million|billion))\b", re.IGNORECASE)
# "one in three", "nine out of 10": a share, which Korean may write 3명 중 1명 or as the fraction 3분의 1.
_EN_SHARE = re.compile(r"\b(" + "|".join(_EN_UNITS) + r"|\d+) (?:in|out of) $", re.IGNORECASE)
_EN_GOALLESS = re.compile(r"\b(?:goalless|scoreless)\b", re.IGNORECASE)
_EN_A_AND_HALF = re.compile(r"\ban? [a-z]+ and a half\b", re.IGNORECASE)  # an hour and a half: 1.5
# An ordinal after "a" is one more of a kind, not a rank: "a second source" is 또 다른 소식통, "a second term" 재선;
# after "a", third and up are also fractions ("a fifth of the vote" is 5분의 1).
_EN_INDEFINITE = re.compile(r"\b(?:a|an)\s$", re.IGNORECASE)
# Noon is 12:00 and midnight 0:00 or 24:00, which Korean writes 정오, 자정, 낮 12시, 0시 or 밤 12시.
_EN_CLOCK_WORDS = re.compile(r"\b(?:noon|midday|(?P<midnight>midnight))\b", re.IGNORECASE)
# "24/7" is "all the time": the 24 is Korean's 24시간, the 7 is not a number the Korean has.
_EN_ROUND_THE_CLOCK = re.compile(r"\b24/7\b")
_EN_MONTH_RE = re.compile(r"\b(" + "|".join(_EN_MONTHS) + r")\b|\b(" + "|".join(_EN_MONTH_ABBR) + r")\b\.?")
_EN_MAY_MONTH = re.compile(r"\b(?:in|since|until|by|of|last|early|late|mid|next|this)[\s-]$")
# 19:30; 7.55am (with a dot only before a clock word: 2.00-2.25% is a range of rates); the wire services' 1730 GMT.
_EN_TIME_RE = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2})|\.(?P<dot>\d{2})(?=\s?(?:[ap]\.?m\b|" + _TIME_ZONE + r"|local time)))"
    r"|\b(?P<wire_hour>[01]\d|2[0-3])(?P<wire_minute>[0-5]\d)(?=\s?(?:" + _TIME_ZONE + r"|hours\b|hrs\b|local time))",
    re.IGNORECASE)
# An amount in brackets (or after ", or") right behind another is a conversion the writer added: "1.2 trillion won
# ($1.07 billion)", "45 miles (72 kilometers)". It repeats a number, so a translation that drops it loses nothing.
_EN_CONVERSION = re.compile(r"\d[^\d()]{0,30}(?:\(|, or )\s*(?:(?i:about|around|approximately|roughly|some|nearly"
                            r"|almost|over|more than|up to)\s+)?(?:US|[A-Z]{1,2})?[$£€¥₩]?\s*$")
# "25 basis points" is 0.25%포인트: a basis point is a hundredth of a percentage point.
_EN_BASIS_POINTS = re.compile(r"\s?(?:basis[\s-]points?\b|bps?\b)", re.IGNORECASE)
_EN_SUFFIX = re.compile(
    r"(?:(?P<ord>st|nd|rd|th)\b|'?s\b)?"  # 47th, 1990s
    r"(?:(?P<mag1>[mbk]|bn|mn|tn)\b|[\s-]?(?P<mag>thousand|million|billion|trillion|bn|mn|tn)\b)?"
    r"\s?(?:(?P<pct>%|per ?cent(?:age points?)?|percentage points?|pct\b)"
    r"|(?P<cur>dollars?|won|yuan|yen|euros?|pounds?|sterling)\b|(?P<clock>[ap]\.?m\b\.?))?", re.IGNORECASE)
_EN_HEDGES = {"about": "about|around|approximately|roughly|some|estimated|an estimated|~",
              "over": "more than|over|upwards of|at least|just over|above|in excess of",
              "under": "nearly|almost|up to|under|less than|fewer than|close to|just under|at most"}
_EN_HEDGE = re.compile("|".join(rf"\b(?P<{name}>{words})\s*(?:US)?[$£€¥]?\s*$"
                               for name, words in _EN_HEDGES.items()), re.IGNORECASE)
_EN_PRONOUN_ONE = re.compile(r"\b(?:no|any|every|the|this|that|which)\s$", re.IGNORECASE)
_EN_ROMAN = re.compile(r"(?<=[A-Z][a-z]{2} )(II|III|IV|VI|VII|VIII|IX|XI|XII)\b")
# Fashion seasons are written SS19, AW18, FW19, PF20 (spring/summer, autumn/winter, fall/winter, pre-fall): the two
# digits are the year.
_EN_SEASON = re.compile(r"\b(?:SS|AW|FW|PF|SP|FA)$")
_ROMAN = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12}


def _other_clock(hour: float) -> tuple[float, ...]:
    return (hour + 12 if hour < 12 else hour - 12,)


def _share(before: str, denominator: float) -> tuple[float, ...]:
    """The fraction a denominator makes with the numerator before it: the three of "one in three" is also 1/3."""
    m = _EN_SHARE.search(before[-20:])
    if not m or not denominator:
        return ()
    numerator = m.group(1).lower()
    return ((_EN_UNITS[numerator] if numerator in _EN_UNITS else int(numerator)) / denominator,)


def english_quantities(text: str) -> list[Quantity]:
    """Every number in an English sentence: digits with units, number words, ordinals, months, clock times."""
    found: list[Quantity] = []
    for m in _EN_ROUND_THE_CLOCK.finditer(text):
        found.append(Quantity(24, m.group(0), strong=False))
        text = _masked(text, m.span())
    for m in _EN_TIME_RE.finditer(text):  # an hour (on either clock) and a minute, not a decimal
        hour = int(m.group("hour") or m.group("wire_hour"))
        minute = int(m.group("minute") or m.group("dot") or m.group("wire_minute"))
        found.append(Quantity(hour, m.group(0), TIME, alts=_other_clock(hour)))
        if minute:
            found.append(Quantity(minute, m.group(0), TIME))
        text = _masked(text, m.span())
    for m in _EN_CLOCK_WORDS.finditer(text):
        found.append(Quantity(0, m.group(0), TIME, alts=(12, 24), strong=False) if m.group("midnight")
                     else Quantity(12, m.group(0), TIME, strong=False))
    for m in _DIGITS.finditer(text):
        value = _number(m.group(1), m.group(2))
        suffix = _always(_EN_SUFFIX.match(text, m.end()))
        before = text[max(m.start() - 4, 0): m.start()].rstrip()
        symbol = next((s for s in sorted(_SYMBOLS, key=len, reverse=True) if before.endswith(s)), "")
        currency = _SYMBOLS.get(symbol) or _CURRENCY_WORDS.get((suffix.group("cur") or "").lower())
        mag = (suffix.group("mag") or suffix.group("mag1") or "").lower()
        alts: tuple[float, ...] = (value,) if mag in ("m", "b", "k") and not currency else ()  # or "7.5m" metres
        value *= _MAGNITUDE.get(mag, 1)
        kind = PERCENT if suffix.group("pct") else MONEY if currency else PLAIN
        if suffix.group("clock"):
            kind, alts = TIME, _other_clock(value)
        elif _EN_BASIS_POINTS.match(text, m.end()):
            alts = (value / 100,)
        elif text[m.start() - 1:m.start()] in ("’", "'") and text[m.end():m.end() + 1] == "s" and value < 100:
            alts = (1900 + value, 2000 + value)  # the ’90s
        elif _EN_SEASON.search(text[:m.start()]) and value < 100:
            alts = (2000 + value,)  # fashion's SS19 is spring/summer 2019
        alts += _second_year(text[:m.start()], value) + _share(text[:m.start()], value)
        hedge = _EN_HEDGE.search(text[max(m.start() - 20, 0): m.start()])
        found.append(Quantity(value, symbol + text[m.start():suffix.end()].strip(), kind, currency, alts,
                              (hedge.lastgroup or "") if hedge else "",
                              strong=not _EN_CONVERSION.search(text[max(m.start() - 50, 0): m.start()])))
    for m in _EN_WORDS_RE.finditer(text):
        word = m.group("word").lower()
        value = float(_EN_TENS.get((m.group("tens") or "").lower(), 0) + _EN_UNITS.get(word, 0)
                      + _EN_ORDINALS.get(word, 0) + _EN_TENS.get(word, 0))
        alts = ()
        if m.group("frac") and word in _EN_UNITS:  # two-thirds
            value, alts = value / _EN_FRACTIONS[m.group("frac").lower()], (value,)
        elif m.group("and_half"):  # two and a half
            value, alts = value + 0.5, (value,)
        halves = m.group("frac") and word in ("first", "second")  # of a match or a year: 전반, 하반기
        value *= (100 if m.group("hundred") else 1) * _MAGNITUDE.get((m.group("mag") or "").lower(), 1)
        if word == "one" and _EN_PRONOUN_ONE.search(text[: m.start()]):
            continue
        another = word in _EN_ORDINALS and bool(_EN_INDEFINITE.search(text[: m.start()]))
        if another and value >= 3:
            alts = (1 / value,)
        alts += _share(text[:m.start()], value) if word in _EN_UNITS else ()
        # A capitalised number word inside a sentence is a name (the Four Corners), kept in sound in Korean.
        name = m.group(0)[0].isupper() and m.start() > 0 and not re.search(r"[.!?\"“‘'(]\s*$", text[: m.start()])
        found.append(Quantity(value, m.group(0), FRACTION if alts and not another else PLAIN, alts=alts,
                              strong=(value > 1 or bool(alts)) and not (name or halves or another)))
    for m in _EN_IMPLIED_RE.finditer(text):
        phrase = m.group(0).lower()
        head = phrase.split()[-1]
        if head == "quarter":  # "a quarter" of the vote, or a quarter of the year
            found.append(Quantity(0.25, phrase, FRACTION, alts=(4.0,), strong=False))
        elif head == "half":
            found.append(Quantity(0.5, phrase, FRACTION, alts=(30.0,), strong=False))  # half an hour: 30분
        elif phrase.startswith("half"):  # half a million: 500,000
            found.append(Quantity(0.5 * (_EN_IMPLIED.get(head) or _MAGNITUDE.get(head, 100.0)), phrase, strong=False))
        else:
            found.append(Quantity(_EN_IMPLIED[head] if head in _EN_IMPLIED else _MAGNITUDE.get(head, 100.0), phrase,
                                  strong=False))
    for m in _EN_A_AND_HALF.finditer(text):
        found.append(Quantity(1.5, m.group(0), strong=False))
    for m in _EN_GOALLESS.finditer(text):  # a goalless draw is 0-0: both zeros
        found += [Quantity(0, m.group(0), strong=False)] * 2
    for m in _EN_MONTH_RE.finditer(text):
        if m.group(1) == "May" and not (re.match(r"\s+\d", text[m.end():]) or _EN_MAY_MONTH.search(text[:m.start()])):
            continue  # "may" the verb, Theresa May
        month = _EN_MONTHS.get(m.group(1) or "") or _EN_MONTH_ABBR[m.group(2)]
        found.append(Quantity(month, m.group(0), MONTH, strong=False))
    for m in _EN_ROMAN.finditer(text):  # World War II
        found.append(Quantity(_ROMAN[m.group(1)], m.group(1), strong=False))
    return _finite(found)


# ---------------------------------------------------------------- matching

_EN_YEAR = re.compile(r"(?:1\d|20)\d\d(?:'?s)?")


def _same(source: Quantity, target: Quantity, *, coarse: bool = False) -> bool:
    """Equal values, or the translation a fair rounding of the source ("about 18.6 million" for 1천859만6천).

    Only the translation may be the rounder one (a source of 1,000 is not "1,070"), and it must keep two significant
    digits; "more than 2.5 million" may stand for 2,590,000, "nearly 2.6 million" not. `coarse` also lets a hedged
    translation keep one digit ("some 20 million" for 1천859만6천), which the check reports as a warning. A year
    (English writes four digits without a comma only for years) names a year and is never a rounding: 1900 is
    not 1950.
    """
    year = bool(_EN_YEAR.fullmatch(target.surface))
    for x in source.values:
        for y in target.values:
            if abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1):
                return True
            sig = _sig(y)
            if year or y == 0 or sig >= _sig(x) or sig < (1 if coarse and target.hedge else 2):
                continue
            step = 10.0 ** (math.floor(math.log10(abs(y))) + 1 - sig)
            low, high = {"over": (0, step), "under": (-step, 0)}.get(target.hedge, (-step / 2, step / 2))
            if low - 1e-9 * step <= x - y <= high + 1e-9 * step:
                return True
    return False


def _fmt(q: Quantity) -> str:
    grouped = q.value >= 1e4 or "," in q.surface  # 18,600,000 and 1,500 won, but the year 2019
    number = f"{q.value:.4g}" if q.value != int(q.value) else f"{q.value:,.0f}" if grouped else f"{q.value:.0f}"
    if q.kind == PERCENT:
        number += "%"
    elif q.currency:
        number += f" {q.currency}"
    return f"{number} ({q.surface})" if q.surface.replace(",", "") != number.replace(",", "") else number


def _pair(src: list[Quantity], tgt: list[Quantity]) -> dict[int, int]:
    """Give each source number its own counterpart (source index -> target index), strong numbers first.

    One translation number cannot answer for two source numbers: 2차 세계대전 and 두 배 need "Second" and "twice",
    not "twice" alone. Kuhn's augmenting paths keep every number matched once matched, so the strong ones processed
    first get the largest matching there is.
    """
    owner: dict[int, int] = {}  # target index -> source index

    def augment(i: int, tried: set[int]) -> bool:
        for j, t in enumerate(tgt):
            if j not in tried and _same(src[i], t):
                tried.add(j)
                if j not in owner or augment(owner[j], tried):
                    owner[j] = i
                    return True
        return False

    for i in sorted(range(len(src)), key=lambda i: not src[i].strong):
        augment(i, set())
    return {i: j for j, i in owner.items()}


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_EN_DAY_RE = re.compile(r"\b(?:" + "|".join([*_WEEKDAYS, *_RELATIVE_DAYS]) + r")\b", re.IGNORECASE)
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _names_day(word: str, when: datetime.date, date: datetime.date) -> bool:
    """Whether an English day word ("Thursday", "yesterday") can be the day `when`, in a draft dated `date`."""
    word = word.lower()
    if word in _RELATIVE_DAYS:
        # Subtracting rather than adding, so that 0001-01-01 and 9999-12-31 cannot overflow the calendar.
        return (when - date).days == _RELATIVE_DAYS[word]
    return _WEEKDAYS[when.weekday()].lower() == word


def check_numbers(source: str, target: str, *, read_source: Callable[..., list[Quantity]],
                  date: datetime.date | None = None) -> list[Problem]:
    """Problems with the numbers of a `source` (read by its language's `read_source`, `Language.quantities`) and its
    English `target`; none when neither has numbers.

    With the draft's `date`, an N일 the English gives as a day of the week ("23일" as "Thursday") is checked
    against the calendar; without it, such a day can only be a warning.
    """
    src, tgt = read_source(source, date=date), english_quantities(target)
    days = [m.group(0) for m in _EN_DAY_RE.finditer(target)]
    problems: list[Problem] = []
    seen: set[tuple[str, float]] = set()

    def report(severity: str, where: str, q: Quantity, text: str) -> None:
        if (where, q.value) not in seen:
            seen.add((where, q.value))
            problems.append(Problem(CHECK, severity, text))

    paired = _pair(src, tgt)
    rounded: set[int] = set()  # translation numbers that round a source number to one digit
    for i, q in enumerate(src):
        if i in paired:
            t = tgt[paired[i]]
            if q.currency and t.currency and t.currency != q.currency:
                report(WARNING, "currency", q, f"source amount {_fmt(q)} has another currency in the translation "
                                              f"({t.surface})")
        elif q.strong:
            message = f"source number {_fmt(q)} not found in the translation"
            coarse: list[int] = []
            if any(_same(q, t) for t in tgt):
                message = f"source number {_fmt(q)} appears more often in the source than in the translation"
            else:
                coarse = [j for j, t in enumerate(tgt) if _same(q, t, coarse=True)]
            if coarse:
                rounded.update(coarse)
                report(WARNING, "source", q, f"source number {_fmt(q)} is rounded to {tgt[coarse[0]].surface} "
                                            f"in the translation")
            elif date and q.when and days:
                # Korean news writes "on Thursday" as 23일, and the calendar says whether it is; the year and month
                # of 2017년 2월 23일 stand or fall with their day, so only the day is reported.
                # The day is the record whose value is the calendar day's (a year is never one, a month is MONTH).
                if q.kind != MONTH and q.value == q.when.day and not any(_names_day(w, q.when, date) for w in days):
                    report(ERROR, "source", q, f"{q.surface} is {_WEEKDAYS[q.when.weekday()]}, "
                                               f"{_AP_MONTHS[q.when.month - 1]} {q.when.day}, {q.when.year}; "
                                               f"the translation says {' and '.join(dict.fromkeys(days))}")
            elif q.kind == DAY and days:
                report(WARNING, "source", q, f"{message}; the translation names a day of the week instead")
            else:
                report(ERROR, "source", q, message)
    # The other way, any source number will do: English repeats what Korean says once ("a two-thirds majority").
    for j, t in enumerate(tgt):
        if t.strong and j not in rounded and not any(_same(q, t) for q in src):
            report(ERROR, "target", t, f"translation number {_fmt(t)} not found in the source")
    return problems
