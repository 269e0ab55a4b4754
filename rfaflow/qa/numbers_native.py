"""Number reader for languages with their own digits and magnitude words (Burmese, Khmer, Lao, Tibetan, Uyghur):
one reader, given by each language module its digit block, magnitude, percent, currency and number words.

Digits are read in the language's own script (၂၀၁၉, ២៩, ༢༠) or in Western ones, with separators in either
convention (350,000 and 350.000; 2,8 in Khmer is 2.8). A magnitude word after the number multiplies it (Khmer
"125 លាន" is 125 million, ពាន់លាន a thousand million); where the language also writes it before the number
(`magnitude_first`: Burmese "သန်း ၂၀" is 20 million, Tibetan "ས་ཡ་£11" 11 million) that is read too. Spelled
numbers are `strong` (missing in English is an error) only when followed by a classifier (`counters`: Burmese
နှစ်ယောက်, "two people"); else they only confirm, since a number word is also a piece of other words (Lao ສາມາດ
"can" holds ສາມ "three"), and "the two sides" is how these languages say "both" or "they".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence

from .numbers import MONEY, PERCENT, PLAIN, Quantity, _finite, _masked, _second_year
from .numbers_common import INVISIBLE, ascii_digits, chain_value, flex_values, magnitude_pattern, numbers_in, role

_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₩": "KRW", "៛": "KHR", "₭": "LAK"}
_SYMBOL_RE = "|".join(sorted(map(re.escape, _SYMBOLS), key=len, reverse=True))


def native_quantities(text: str, *, date: datetime.date | None = None, digits: str = "",
                      magnitudes: Mapping[str, float] | None = None, percent: Sequence[str] = (),
                      words: Mapping[str, int] | None = None, counters: Sequence[str] = (),
                      separators: str = "", letters: str = "", magnitude_first: bool = False,
                      currencies: Mapping[str, str] | None = None, not_numbers: Sequence[str] = (),
                      not_digits: str = "") -> list[Quantity]:
    """Every number in a sentence of a language bound by its module.

    digits: the zero of each digit block the language writes ("၀"; "٠۰" for both Arabic-Indic blocks).
    magnitudes: magnitude words and their values. percent: words meaning "percent", before or after the number.
    words: number words (1 to 10, tens) and their values. counters: classifiers that follow a counted number.
    separators: characters that may stand between a number and its magnitude word besides a space (the tsheg).
    letters: the letters and marks of the script (a regex class body); where given, words are matched whole, not
    next to one of them, as in a language that marks word or syllable ends.
    magnitude_first: the language also writes the magnitude before the number.
    currencies: currency words, before or after the amount. not_numbers: words that hold a number word but are not
    numbers (Burmese ခုနှစ်, "year", holds နှစ်, "two"). not_digits: a pattern that, right after digits, shows they
    were letters (Burmese typists write ၀ for the letter ဝ and ၄င်း for ၎င်း).
    `date` (the draft's date) is accepted for the common signature; these readers name no calendar days.
    """
    magnitudes, words, currencies = magnitudes or {}, words or {}, currencies or {}
    text = ascii_digits(text.translate(INVISIBLE), digits)
    found: list[Quantity] = []
    if not_digits:  # digits that are letters: blank them so no number is read there
        text = re.sub(rf"\d+(?={not_digits})", lambda m: " " * len(m.group(0)), text)
    start, end = (rf"(?<![{letters}])", rf"(?![{letters}])") if letters else ("", "")
    for word in not_numbers:
        text = text.replace(word, " " * len(word))
    percent_re = "|".join(sorted(map(re.escape, percent), key=len, reverse=True)) or "(?!)"
    mag_re = magnitude_pattern(magnitudes) or "(?!)"
    sep = rf"[\s{re.escape(separators)}]?"
    money_re = "|".join(sorted(map(re.escape, currencies), key=len, reverse=True)) or "(?!)"
    # Percent words first: Tibetan བརྒྱ་ཆ ("percent") holds བརྒྱ (a hundred), Burmese ရာခိုင်နှုန်း holds ရာ.
    percent_at = [m.span() for m in re.finditer(percent_re, text)] if percent else []
    for a, b in percent_at:
        text = text[:a] + "%" + " " * (b - a - 1) + text[b:]
    read_from = text  # before the numbers read are blanked out
    used: set[int] = set()  # where magnitude words already bound to a number begin
    last_stop = -1
    for m in numbers_in(text):
        values = flex_values(m.group(0))
        before, stop = text[:m.start()], m.end()
        scale = 1.0
        after = re.match(rf"(?:{sep}(?:{mag_re}))+", text[stop:])
        if after and after.group(0).strip(f" {separators}"):
            for word in re.findall(mag_re, after.group(0)):
                scale *= magnitudes[word]
            used.update(range(stop, stop + after.end()))
            stop += after.end()
        elif magnitude_first:
            ahead = re.search(rf"({mag_re})(?:{sep}(?:{money_re}|{_SYMBOL_RE}))?{sep}$", before)
            if ahead and ahead.start() not in used:
                scale = magnitudes[ahead.group(1)]
        values = tuple(v * scale for v in values)
        # 2 مىليارد 800 مىليون is 2.8 billion, 1 ລ້ານ 500 ພັນ 1.5 million: a smaller amount after a bigger one adds.
        if found and scale > 1 and found[-1].value > values[0] >= 1 and found[-1].value >= 1e3 \
                and last_stop >= 0 and not text[last_stop:m.start()].strip(f" {separators}"):
            values = (found.pop().value + values[0],)
        tail = text[stop:]
        percent_kind = bool(re.match(rf"{sep}%", tail)) or bool(re.search(rf"%[\s{re.escape(separators)}]*$", before))
        currency_m = re.match(rf"{sep}({money_re})", tail) or re.search(rf"({money_re}){sep}$", before)
        symbol = re.search(rf"({_SYMBOL_RE}){sep}$", before)
        currency = currencies[currency_m.group(1)] if currency_m else _SYMBOLS[symbol.group(1)] if symbol else None
        kind = PERCENT if percent_kind else MONEY if currency else PLAIN
        counted = bool(counters) and bool(re.match(rf"{sep}(?:{'|'.join(map(re.escape, counters))})", tail))
        # A count of one (1 person) is as often "a" in English: no proof of a missing "one".
        strong = values[0] != 1 or kind != PLAIN or not counted
        found.append(Quantity(values[0], text[m.start():stop], kind, currency,
                              values[1:] + _second_year(before, values[0]), strong=strong))
        text, last_stop = _masked(text, (m.start(), stop)), stop
    found += _spelled(text, read_from, words, magnitudes, counters, start, end, sep)
    return _finite(found)


def _numerals(tokens: list[str], words: Mapping[str, int]) -> list[list[str]]:
    """Number words cut into numerals: two numbers side by side are two numerals (Burmese လေးတစ်ယောက် is "little"
    and "one person"), except tens before units (Khmer ម្ភៃប្រាំ, twenty-five), which add up."""
    groups: list[list[str]] = [[]]
    for token in tokens:
        last = groups[-1][-1] if groups[-1] else ""
        # tens then units (ម្ភៃប្រាំ) add up; any other two numbers side by side are two numerals
        if token in words and last in words and not (words[last] % 10 == 0 and words[token] < 10 <= words[last]):
            groups.append([])
        groups[-1].append(token)
    return groups


def _spelled(text: str, original: str, words: Mapping[str, int], magnitudes: Mapping[str, float],
             counters: Sequence[str], start: str, end: str, sep: str) -> list[Quantity]:
    """Numbers spelled in words (Khmer ពីរនាក់, Uyghur ئىككى يىل, Tibetan ལོ་གསུམ), with the magnitudes after them
    (Burmese သုံးသောင်း, 30,000); `original` is the text before its digits were read and blanked."""
    if not words:
        return []
    word_re = "|".join(sorted(map(re.escape, [*words, *magnitudes]), key=len, reverse=True))
    counter_re = "|".join(sorted(map(re.escape, counters), key=len, reverse=True)) or "(?!)"
    found = []
    for m in re.finditer(rf"{start}(?:{word_re})(?:{sep}(?:{word_re}))*{end}", text):
        tokens = re.findall(word_re, m.group(0))
        if re.search(rf"\d{sep}$", original[:m.start()]):
            continue  # ၁၃နှစ်, 13 years: a word right after digits is their counter
        # A magnitude alone (ဆယ်, ten; but also "millions", ས་ཡ་ཁ་ཤས "several million", a size) only confirms.
        alone = not any(t in words for t in tokens)
        while not alone and tokens[0] not in words:  # a numeral begins with its number: ရာ before တစ် ends a word
            tokens.pop(0)
        groups = _numerals(tokens, words)
        for i, group in enumerate(groups):
            pieces: list[tuple[str, float]] = []
            for t in group:
                if t in words and pieces and pieces[-1][0] == "n":  # twenty, five: 25
                    pieces[-1] = ("n", pieces[-1][1] + words[t])
                else:
                    pieces.append(("n", float(words[t])) if t in words else (role(magnitudes[t]), magnitudes[t]))
            value = chain_value(pieces)
            counted = i == len(groups) - 1 and bool(re.match(rf"{sep}(?:{counter_re})", text[m.end():]))
            found.append(Quantity(value, "".join(group), PLAIN, strong=value >= 2 and not alone and counted))
    return found
