"""Number reader for Vietnamese: digits in either convention (1.234,5 as Vietnamese writes them, 1,234.5 as news
copied from English does), magnitude words (nghìn/ngàn, triệu, tỷ/tỉ: "2,5 tỷ", "1 tỷ 200 triệu"), percentages
(%, phần trăm), dates (ngày 5 tháng 3 năm 2024, 29/3, tháng Ba), clock times (7 giờ, 7h30) and spelled numbers
(hai mươi lăm, ba người). Values are compared with the English by `rfaflow.qa.numbers.check_numbers`.

Vietnamese puts a numeral before the noun it counts, so a spelled number 2 to 10 followed by a word is a count the
English must have; "một" is "a" as often as "one", and "năm" is also "year", so those only confirm.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import replace

from .numbers import DAY, FRACTION, MONEY, MONTH, PERCENT, PLAIN, TIME, Quantity, _finite, _masked, _second_year
from .numbers_common import FLEX_NUMBER, calendar_day, chain_value, flex_values, role

_UNITS = {"không": 0, "linh": 0, "lẻ": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
          "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
# Forms of a unit used only after a ten (hai mươi mốt, mười lăm) or a hundred (một trăm linh năm).
_AFTER_TENS = ("mốt", "lăm", "linh", "lẻ")
# mười is ten, mươi the tens of hai mươi (20), chục ten as a count; trăm a hundred; the rest multiply.
_TENS = {"mười": 10, "mươi": 10, "chục": 10, "trăm": 100}
_MAGNITUDES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_MAGNITUDES], key=len, reverse=True))
_WORDS_RE = re.compile(rf"(?<!\w)(?:{_WORD})(?:\s(?:{_WORD}))*(?!\w)", re.IGNORECASE)
_MAG = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))
_AMOUNT_RE = re.compile(rf"(?<![\d.,])({FLEX_NUMBER})(?:\s?({_MAG})(?:\s({_MAG}))?(?!\w))?")
_MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_MONTH_WORD_RE = re.compile(r"\btháng\s(" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")(?!\w)",
                            re.IGNORECASE)
# 29/03/2019, 29/3: day first, as in all Vietnamese dates.
_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
# 7:30, 7h30, 19h: an hour on either clock.
_CLOCK_RE = re.compile(r"(?<![\d.,])([01]?\d|2[0-3])(?::|h|\.(?=\d\d\s?giờ))([0-5]\d)?(?![\d\w])")
# 24/7 is "all the time", not the 24th of July.
_ROUND_THE_CLOCK = re.compile(r"(?<![\d/])24/7(?![\d/])")
# hai phần ba is two-thirds (phần trăm, hundredths, is a percentage and read with the digits).
_FRACTION_RE = re.compile(rf"(?<!\w)((?:{'|'.join(_UNITS)})|\d+) phần ((?:{'|'.join(_UNITS)})|mười|\d+)(?!\w)",
                          re.IGNORECASE)
_CURRENCIES = {"đô la mỹ": "USD", "đô la": "USD", "đô-la": "USD", "đôla": "USD", "usd": "USD", "đô": "USD",
               "đồng": "VND", "vnd": "VND", "bảng anh": "GBP", "bảng": "GBP", "euro": "EUR", "yên": "JPY",
               "nhân dân tệ": "CNY", "won": "KRW", "rúp": "RUB"}
_CURRENCY_RE = re.compile(r"\s?(" + "|".join(sorted(map(re.escape, _CURRENCIES), key=len, reverse=True)) + r")(?!\w)",
                          re.IGNORECASE)
_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₫": "VND"}
_PERCENT_RE = re.compile(r"\s?(?:%|phần trăm|điểm phần trăm)", re.IGNORECASE)
# hàng trăm, vài nghìn, hàng triệu: hundreds, a few thousand, millions: a size, not a number the English states.
_APPROXIMATE = re.compile(r"(?:hàng|vài|mấy|nhiều|hàng chục|cả)\s$", re.IGNORECASE)
# thứ hai is "second" and thứ Hai Monday: Vietnamese capitalises the number of a weekday (thứ Hai to thứ Bảy), which
# names a day, not a number, so it is left out.
_WEEKDAY = re.compile(r"(?<!\w)[Tt]hứ\s(?:Hai|Ba|Tư|Năm|Sáu|Bảy)(?!\w)")
_ORDINAL = re.compile(r"(?:thứ|Thứ)\s$")
# A lowercase ordinal right after the noun it ranks (cuộc họp thứ hai, lần thứ hai, quốc gia thứ ba) is a firm
# "second", "third"; after a time word or preposition (vào thứ hai, hôm thứ hai, ngày thứ hai) or opening a clause it
# may still be a weekday typed in lowercase, or "secondly", so it only confirms.
_FIRM_ORDINAL = re.compile(r"(?<!\w)(?!(?:vào|hôm|sáng|trưa|chiều|tối|đêm|ngày|từ|đến|tới|và|hoặc|là|cho|sau|trước)"
                           r"\s)[^\W\d]+\sthứ\s$", re.IGNORECASE)
# lần hai, cấp độ hai, hạng ba: the number after "time", "degree", "class" is a rank ("second-degree murder"), even
# with nothing after it.
_RANK = re.compile(r"(?<!\w)(?:lần|cấp độ|cấp|hạng)\s$", re.IGNORECASE)
# Nouns a numeral counts: năm is "five" before one of them (năm người, năm ngày), not "year".
_COUNTED = re.compile(r"\s(?:người|ngày|tháng|năm|tuần|giờ|phút|giây|lần|chiếc|cái|con|quả|trận|bàn|điểm|tuổi"
                      r"|nước|quốc gia|thành phố|tỉnh|vụ|ca|học sinh|trẻ em)(?!\w)", re.IGNORECASE)
# hai bên, hai nước, hai anh em: "the two sides, countries, brothers" is how Vietnamese says "both" or "they",
# which English often leaves unsaid.
_BOTH = re.compile(r"\s(?:bên|nước|phía|phe|đảng|anh em|chị em|vợ chồng)(?!\w)", re.IGNORECASE)
# hai tuyển thủ này, hai cách làm đó ("these two players, those two ways") and giữa hai ("between the two") point back
# at a pair already named, which English calls "both", "the two" or "they".
_THESE = re.compile(r"(?:\s[^\W\d]+){1,2}\s(?:này|đó|ấy|kia)(?!\w)", re.IGNORECASE)
_BETWEEN = re.compile(r"(?<!\w)giữa\s$", re.IGNORECASE)
# ngã ba, ngã tư, ngã năm: a T-junction, a crossroads, a five-way junction: the numeral names the road, not a count.
_JUNCTION = re.compile(r"(?<!\w)ngã\s(?:ba|tư|năm|sáu|bảy)(?!\w)", re.IGNORECASE)
_GLOSS = re.compile(r"\((?!\s*[$€£¥\d])[^()]*\)")


def _words_value(words: list[str]) -> float:
    pieces: list[tuple[str, float]] = []
    for word in words:
        word = word.lower()
        if word in _UNITS:
            pieces.append(("n", _UNITS[word]))
        elif word in _TENS:
            pieces.append(("small", _TENS[word]))
        else:
            pieces.append((role(_MAGNITUDES[word]), _MAGNITUDES[word]))
    return chain_value(pieces)


def _numerals(text: str) -> list[tuple[re.Match[str], list[str]]]:
    """Runs of number words, each cut where a unit follows a unit: Vietnamese never writes two side by side inside
    one numeral, so in "hai năm" (two years) năm is the noun "year", and "ba bốn" is three or four, two numbers."""
    runs = []
    for m in _WORDS_RE.finditer(text):
        words = m.group(0).split()
        # After mười/mươi five is lăm, so năm there is "year" too (mười năm: ten years).
        cut = [i for i in range(1, len(words))
               if words[i].lower() == "năm" or (words[i - 1].lower() in _UNITS and words[i].lower() in _UNITS)]
        for a, b in zip([0, *cut], [*cut, len(words)], strict=True):
            if not (a and words[a].lower() == "năm"):  # hai năm: two years
                runs.append((m, words[a:b]))
    return runs


def vietnamese_quantities(text: str, *, date: datetime.date | None = None) -> list[Quantity]:
    """Every number in a Vietnamese sentence."""
    text = unicodedata.normalize("NFC", text)
    found: list[Quantity] = []
    for m in _ROUND_THE_CLOCK.finditer(text):
        found.append(Quantity(24, m.group(0), strong=False))
        text = _masked(text, m.span())
    for m in _FRACTION_RE.finditer(text):
        numerator, denominator = (float(g) if g.isdigit() else _UNITS.get(g.lower(), 10) for g in m.groups())
        if denominator:
            found.append(Quantity(numerator / denominator, m.group(0), FRACTION))
            text = _masked(text, m.span())
    for m in _CLOCK_RE.finditer(text):
        if m.group(0).endswith(":") or (":" in m.group(0) and not m.group(2)):
            continue
        hour = int(m.group(1))
        found.append(Quantity(hour, m.group(0), TIME, alts=(hour + 12 if hour < 12 else hour - 12,)))
        if m.group(2) and int(m.group(2)):
            found.append(Quantity(int(m.group(2)), m.group(0), TIME))
        text = _masked(text, m.span())
    for m in _DATE_RE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        year = int(m.group(3)) if m.group(3) and len(m.group(3)) == 4 else None
        when = calendar_day(day, month, year, date) if date else None
        found += [Quantity(day, m.group(0), PLAIN, when=when), Quantity(month, m.group(0), MONTH, when=when)]
        if m.group(3):
            found.append(Quantity(int(m.group(3)), m.group(0), PLAIN, when=when))
        text = _masked(text, m.span())
    for m in (*_WEEKDAY.finditer(text), *_JUNCTION.finditer(text)):
        text = _masked(text, m.span())
    for m in _MONTH_WORD_RE.finditer(text):  # tháng Ba is March
        found.append(Quantity(_MONTH_WORDS[m.group(1).lower()], m.group(0), MONTH))
        text = _masked(text, m.span())
    glosses = [m.span() for m in _GLOSS.finditer(text)]
    dated_at: dict[int, int] = {}
    for m in _AMOUNT_RE.finditer(text):
        values = flex_values(m.group(1))
        scale = 1.0
        for word in (m.group(2), m.group(3)):
            scale *= _MAGNITUDES.get((word or "").lower(), 1.0)  # nghìn tỷ is a thousand billion
        values = tuple(v * scale for v in values)
        before, end = text[:m.start()], m.end()
        # 1 tỷ 200 triệu is 1.2 billion: a smaller amount right after a bigger one adds to it.
        if found and scale > 1 and re.fullmatch(r"\s?", before[-1:] or "") and found[-1].kind in (PLAIN, MONEY) \
                and found[-1].surface and before.rstrip().endswith(found[-1].surface) and found[-1].value > values[0]:
            previous = found.pop()
            values = (previous.value + values[0],)
        percent = _PERCENT_RE.match(text, end)
        currency_m = _CURRENCY_RE.match(text, percent.end() if percent else end)
        symbol = next((s for s in sorted(_SYMBOLS, key=len, reverse=True) if before.rstrip().endswith(s)), "")
        currency = _CURRENCIES[currency_m.group(1).lower()] if currency_m else _SYMBOLS.get(symbol)
        kind = PERCENT if percent else MONEY if currency else PLAIN
        head = before.rstrip().lower()
        alts = values[1:] + _second_year(before, values[0])
        when = None
        if head.endswith("tháng"):
            kind = MONTH
        elif head.endswith(("ngày", "mùng", "mồng")) and values[0] == int(values[0]) and 1 <= values[0] <= 31:
            month_m = re.match(r"\s(?:tháng\s)?(\d{1,2})(?:\s(?:năm\s)?(\d{4}))?", text[end:])
            kind = PLAIN if month_m else DAY
            if date:
                when = calendar_day(int(values[0]), int(month_m.group(1)) if month_m else None,
                                    int(month_m.group(2)) if month_m and month_m.group(2) else None, date)
                dated_at[end] = len(found)
        elif head.endswith(("giờ", "lúc")):
            kind = TIME
        if re.match(r"\s?giờ", text[end:]):  # 7 giờ sáng is "7 a.m." or 19:00
            kind, alts = TIME, alts + ((values[0] + 12 if values[0] < 12 else values[0] - 12),)
        # A count of one (1 người) is as often "a" in English: no proof of a missing "one".
        strong = (values[0] != 1 or kind != PLAIN) and not any(a <= m.start() < b for a, b in glosses)
        found.append(Quantity(values[0], text[m.start():(currency_m or percent or m).end()].strip(), kind, currency,
                              alts, strong=strong, when=when))
    for start, k in dated_at.items():  # the month and year of ngày 5 tháng 3 năm 2024 are in the same date
        for j in range(k + 1, min(k + 3, len(found))):
            if found[j].surface and text.find(found[j].surface, start) < start + 14:
                found[j] = replace(found[j], when=found[k].when)
    for m, words in _numerals(text):
        if words[0].lower() in _AFTER_TENS:
            continue
        if all(w.lower() in _MAGNITUDES or w.lower() in _TENS and w.lower() != "mười" for w in words):
            continue  # nghìn, triệu, trăm alone: "thousands", "millions", a size
        value = _words_value(words)
        before, after = text[:m.start()], text[m.end():]
        first = words[0]
        # A capitalised number word inside a sentence is part of a name (Ba Lan is Poland, Hai Bà Trưng).
        name = first[0].isupper() and bool(re.search(r"\w\s*$", before))
        counted = bool(re.match(r"\s[^\W\d]", after))
        spelled = (len(words) > 1 or first.lower() not in ("một", "năm", "tư")
                   or (first.lower() == "năm" and bool(_COUNTED.match(after)) and not re.search(r"\d\s*$", before)))
        ranked = bool(_RANK.search(before) or (first.islower() and _FIRM_ORDINAL.search(before[-30:])))
        plain_count = counted and spelled and not _ORDINAL.search(before)
        pair = value == 2 and bool(_BOTH.match(after) or _THESE.match(after) or _BETWEEN.search(before))
        strong = value >= 2 and not (name or pair) and not _APPROXIMATE.search(before) and (ranked or plain_count)
        found.append(Quantity(value, " ".join(words), PLAIN, strong=strong))
    for m in re.finditer(r"(?<!\w)(?:một nửa|nửa|rưỡi)(?!\w)", text, re.IGNORECASE):  # half
        found.append(Quantity(0.5, m.group(0), FRACTION, alts=(30.0,), strong=False))
    for m in re.finditer(r"(?<!\w)(?:gấp đôi|đôi|cả hai)(?!\w)", text, re.IGNORECASE):  # double, a pair, both
        found.append(Quantity(2, m.group(0), strong=False))
    return _finite(found)
