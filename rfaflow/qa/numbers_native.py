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

from .numbers import FRACTION, MONEY, PERCENT, PLAIN, TIME, Quantity, _finite, _masked, _second_year
from .numbers_common import INVISIBLE, ascii_digits, chain_value, flex_values, magnitude_pattern, numbers_in, role

_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₩": "KRW", "៛": "KHR", "₭": "LAK"}
_SYMBOL_RE = "|".join(sorted(map(re.escape, _SYMBOLS), key=len, reverse=True))
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# A name's original in Latin letters, in brackets or guillemets after the name (លីវី ១១ (Livi 11), ៦០ នាទី «60
# Minutes»): any number there repeats one the source already wrote, so it only confirms.
_GLOSS = re.compile(r"[(«][^()«»]*[A-Za-z][^()«»]*[)»]")
# Vowel signs, tone marks and killers of Burmese, Khmer, Lao and Tibetan, or a Burmese consonant then its killer: a
# classifier followed by one is only the start of another syllable (Burmese လ, "month", in လူ "person" and လယ်
# "middle"), so it counts nothing.
_MARK = ("[\u102b-\u103e\u17b6-\u17d3\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f71-\u0f84\u0f8d-\u0fbc]"
         "|[\u1000-\u1021][\u103a\u1039]")


def native_quantities(text: str, *, date: datetime.date | None = None, digits: str = "",
                      magnitudes: Mapping[str, float] | None = None, percent: Sequence[str] = (),
                      words: Mapping[str, int] | None = None, counters: Sequence[str] = (),
                      separators: str = "", letters: str = "", magnitude_first: bool = False,
                      currencies: Mapping[str, str] | None = None, not_numbers: Sequence[str] = (),
                      not_digits: str = "", letter_digits: tuple[str, str] | None = None,
                      ordinals: Mapping[str, int] | None = None, ordinal_before: str = "", ordinal_after: str = "",
                      approximate: str = "", approximate_after: str = "", collective: str = "",
                      magnitude_alts: Mapping[str, float] | None = None, decade: str = "",
                      clock: str = "", homographs: Sequence[str] = (), fused: str = "",
                      counters_before: Sequence[str] = (), fraction: str = "", pairs: Sequence[str] = (),
                      deputy: str = "", loose_ordinal: str = "") -> list[Quantity]:
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
    were letters (Burmese typists write ၀ for the letter ဝ and ၄င်း for ၎င်း). letter_digits: (pattern, letter), a
    digit the pattern finds among letters, written for the letter that looks the same (Burmese ၀ for ဝ).
    ordinals: ordinal words and their values (Burmese ဒုတိယ, "second"); ordinal_before / ordinal_after: a pattern
    that, before (Khmer ទី) or after (Tibetan ་པ) a number, makes it an ordinal. Both are strong from two up: no
    other word is spelled so, and English keeps ranks ("second", "third").
    approximate / approximate_after: patterns right before (Uyghur نەچچە, "several") or after (Tibetan ཕྲག,
    "tens of") a number that make it a size ("decades", "thousands"), which only confirms.
    collective: a pattern after a number's classifier that makes it "all N" (Burmese နှစ်နိုင်ငံလုံး, "both
    countries"), which English says as "both", "all" or "they": it only confirms.
    magnitude_alts: a second value a magnitude word is used for (Khmer news writes កោដិ, ten million, for a billion).
    decade: a pattern for a decade (Uyghur 80-يىللىرى, the 1980s) with groups `decade` and, optionally, `century`.
    homographs: number words that, with no classifier or magnitude after them, are another word (Burmese နှစ်
    "year", လေး "little", ငါး "fish"): there they are no number at all, not even one that confirms.
    fused: case endings written into a number word's last syllable (Tibetan བཞིར "in four", བཅུའི "of ten"), which
    still end the word. counters_before: nouns a counted number follows (Tibetan ལོ་བཞི, "four years").
    clock: a pattern for a clock time with groups `hour` and `minute` (Burmese ၁၁း၁၅, the colon written း).
    fraction: a pattern for a fraction with groups `numerator` and `denominator`, each digits or one number word
    (Burmese သုံးပုံ နှစ်ပုံ, "of three parts, two": two-thirds). pairs: classifiers after which a two is "the two"
    of a pair already named (Burmese နှစ်နိုင်ငံ, "the two countries"), which English calls "both" or "they": it
    only confirms. deputy: a pattern after an ordinal that makes it a title (Burmese ဒုတိယဝန်ကြီး, "deputy
    minister", ဒုတိယ being "second"): it only confirms. loose_ordinal: a pattern before a spelled ordinal that
    makes it a word English says another way (Tibetan ཉིན་གཉིས་པ "the second day" for "the next day", ལོ་རིམ་བཞི་པ
    "fourth-year" for "a senior"): it only confirms.
    `date` (the draft's date) is accepted for the common signature; these readers name no calendar days.
    """
    magnitudes, words, currencies = magnitudes or {}, words or {}, currencies or {}
    ordinals, magnitude_alts = ordinals or {}, magnitude_alts or {}
    if letter_digits:
        text = re.sub(letter_digits[0], letter_digits[1], text)
    # Arabic-script writers separate thousands with ، or ٬ and decimals with ٫ (40،000; 2٫5): the same as , and .
    text = re.sub(r"(?<=[\d٠-٩۰-۹])[،٬](?=[\d٠-٩۰-۹]{3}(?![\d٠-٩۰-۹]))", ",", text).replace("٫", ".")
    text = ascii_digits(text.translate(INVISIBLE), digits)
    glosses = [m.span() for m in _GLOSS.finditer(text)]
    found: list[Quantity] = []
    if not_digits:  # digits that are letters: blank them so no number is read there
        text = re.sub(rf"\d+(?={not_digits})", lambda m: " " * len(m.group(0)), text)
    start, end = (rf"(?<![{letters}])", rf"(?:{fused or '(?!)'})?(?![{letters}])") if letters else ("", "")
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
    for m in re.finditer(clock or "(?!)", text):  # an hour on either clock, and a minute
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        found.append(Quantity(hour, m.group(0), TIME, alts=(hour + 12 if hour < 12 else hour - 12,)))
        if minute:
            found.append(Quantity(minute, m.group(0), TIME))
        text = _masked(text, m.span())
    if decade:
        for m in re.finditer(decade, text):
            value = float(m.group("decade"))
            century = m.groupdict().get("century")
            if century:  # the 80s of the 20th century are the 1980s
                found.append(Quantity((float(century) - 1) * 100 + value, m.group(0)))
            else:
                found.append(Quantity(value, m.group(0), alts=(1900 + value, 2000 + value)))
            text = _masked(text, m.span())
    for m in re.finditer(fraction or "(?!)", text):
        numerator, denominator = (float(words[g]) if g in words else float(g)
                                  for g in (m.group("numerator"), m.group("denominator")))
        if denominator:
            found.append(Quantity(numerator / denominator, m.group(0), FRACTION))
            text = _masked(text, m.span())
    for word, value in ordinals.items():
        for m in re.finditer(rf"{start}{re.escape(word)}", text):
            title = bool(deputy) and bool(re.match(deputy, text[m.end():]))
            found.append(Quantity(value, word, strong=value >= 2 and not title))
            text = _masked(text, m.span())
    size_before = re.compile(rf"(?:{approximate})[\s{re.escape(separators)}]*$") if approximate else None
    size_after = re.compile(rf"[\s{re.escape(separators)}]*(?:{approximate_after})") if approximate_after else None
    read_from = text  # before the numbers read are blanked out
    used: set[int] = set()  # where magnitude words already bound to a number begin
    last_stop = -1
    counter_re = f"(?:{'|'.join(sorted(map(re.escape, counters), key=len, reverse=True)) or '(?!)'})(?!{_MARK})"
    collective_re = re.compile(rf"{sep}(?:{counter_re}){sep}(?:{collective})") if collective else None
    pair_re = re.compile(rf"{sep}(?:{'|'.join(map(re.escape, pairs))})") if pairs else None
    for m in numbers_in(text):
        values = flex_values(m.group(0))
        before, stop = text[:m.start()], m.end()
        if text[stop:stop + 1] in _VULGAR:  # 14½
            values, stop = tuple(v + _VULGAR[text[stop]] for v in values), stop + 1
        scales = [1.0]
        # Burmese and Tibetan style put figures in brackets, "(၁၁) ဘီလီယံ": the magnitude after the bracket counts.
        # A magnitude word must end its syllable: Tibetan ས་ཡོམ ("earthquake") starts like ས་ཡ (a million).
        after = re.match(rf"\)?(?:{sep}(?:{mag_re})(?!{_MARK}))+", text[stop:])
        if after and after.group(0).strip(f" {separators}"):
            for word in re.findall(mag_re, after.group(0)):
                scales = [s * magnitudes[word] for s in scales] + [s * magnitude_alts[word] for s in scales
                                                                   if word in magnitude_alts]
            used.update(range(stop, stop + after.end()))
            stop += after.end()
        elif magnitude_first:
            ahead = re.search(rf"({mag_re})(?:{sep}(?:{money_re}|{_SYMBOL_RE}))?{sep}$", before)
            if ahead and ahead.start() not in used:
                scales = [magnitudes[ahead.group(1)]]
        scale = scales[0]
        values = tuple(v * s for s in scales for v in values)
        # 2 مىليارد 800 مىليون is 2.8 billion, 1 ລ້ານ 500 ພັນ 1.5 million: a smaller amount after a bigger one adds.
        if found and scale > 1 and found[-1].value > values[0] >= 1 and found[-1].value >= 1e3 \
                and last_stop >= 0 and not text[last_stop:m.start()].strip(f" {separators}"):
            values = (found.pop().value + values[0],)
        tail = text[stop:]
        percent_kind = (bool(re.match(rf"\)?{sep}%", tail))
                        or bool(re.search(rf"%[\s{re.escape(separators)}]*$", before)))
        currency_m = re.match(rf"{sep}({money_re})", tail) or re.search(rf"({money_re}){sep}$", before)
        symbol = re.search(rf"({_SYMBOL_RE}){sep}$", before)
        currency = currencies[currency_m.group(1)] if currency_m else _SYMBOLS[symbol.group(1)] if symbol else None
        kind = PERCENT if percent_kind else MONEY if currency else PLAIN
        counted = bool(counters) and bool(re.match(rf"{sep}{counter_re}", tail))
        # A count of one (1 person) is as often "a" in English: no proof of a missing "one".
        strong = values[0] != 1 or kind != PLAIN or not counted
        sized = bool(size_before and size_before.search(before)) or bool(size_after and size_after.match(tail))
        if kind == PLAIN and (sized or (collective_re and collective_re.match(tail))):
            strong = False
        if any(a <= m.start() < b for a, b in glosses) or (values[0] == 2 and pair_re and pair_re.match(tail)):
            strong = False
        found.append(Quantity(values[0], text[m.start():stop], kind, currency,
                              values[1:] + _second_year(before, values[0]), strong=strong))
        text, last_stop = _masked(text, (m.start(), stop)), stop
    found += _spelled(text, read_from, words, magnitudes, counters, start, end, sep,
                      ordinal_before, ordinal_after, size_before, size_after, collective_re, homographs,
                      counters_before, pair_re, loose_ordinal)
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
             counters: Sequence[str], start: str, end: str, sep: str, ordinal_before: str = "",
             ordinal_after: str = "", size_before: re.Pattern[str] | None = None,
             size_after: re.Pattern[str] | None = None, collective: re.Pattern[str] | None = None,
             homographs: Sequence[str] = (), counters_before: Sequence[str] = (),
             pairs: re.Pattern[str] | None = None, loose_ordinal: str = "") -> list[Quantity]:
    """Numbers spelled in words (Khmer ពីរនាក់, Uyghur ئىككى يىل, Tibetan ལོ་གསུམ), with the magnitudes after them
    (Burmese သုံးသောင်း, 30,000); `original` is the text before its digits were read and blanked."""
    if not words:
        return []
    word_re = "|".join(sorted(map(re.escape, [*words, *magnitudes]), key=len, reverse=True))
    counter_re = f"(?:{'|'.join(sorted(map(re.escape, counters), key=len, reverse=True)) or '(?!)'})(?!{_MARK})"
    before_re = re.compile(rf"(?:{ordinal_before})$") if ordinal_before else None
    loose_re = re.compile(rf"(?:{loose_ordinal}){sep}$") if loose_ordinal else None
    after_re = re.compile(ordinal_after) if ordinal_after else None
    nouns = "|".join(map(re.escape, counters_before))
    noun_re = re.compile(rf"{start}(?:{nouns}){sep}$") if counters_before else None
    found: list[Quantity] = []
    for m in re.finditer(rf"{start}(?:{word_re})(?:{sep}(?:{word_re}))*{end}", text):
        if re.search(rf"\d{sep}$", original[:m.start()]):
            continue  # ၁၃နှစ်, 13 years: a word right after digits is their counter
        # A number word that is also a classifier (Burmese နှစ်, "two" and "year") is the classifier after a
        # numeral: နှစ်နှစ် is two years, ဆယ်နှစ် ten years.
        runs: list[tuple[list[tuple[str, int, int]], bool]] = []
        run: list[tuple[str, int, int]] = []
        for w in re.finditer(word_re, m.group(0)):
            if run and w.group(0) in words and w.group(0) in counters:
                runs.append((run, True))
                run = []
            else:
                run.append((w.group(0), m.start() + w.start(), m.start() + w.end()))
        if run:
            runs.append((run, bool(re.match(rf"{sep}(?:{counter_re})", text[m.end():]))))
        for run, counted_run in runs:
            # A magnitude alone (ဆယ်, ten; but also "millions", ས་ཡ་ཁ་ཤས "several million", a size) only confirms.
            alone = not any(t[0] in words for t in run)
            while not alone and run[0][0] not in words:  # a numeral begins with its number: ရာ before တစ် ends a word
                run.pop(0)
            groups = _numerals([t[0] for t in run], words)
            at = 0
            for i, group in enumerate(groups):
                first, last = run[at], run[at + len(group) - 1]
                at += len(group)
                pieces: list[tuple[str, float]] = []
                for t in group:
                    if t in words and pieces and pieces[-1][0] == "n":  # twenty, five: 25
                        pieces[-1] = ("n", pieces[-1][1] + words[t])
                    else:
                        pieces.append(("n", float(words[t])) if t in words else (role(magnitudes[t]), magnitudes[t]))
                value = chain_value(pieces)
                before, after = text[:first[1]], text[last[2]:]
                counted = (i == len(groups) - 1 and counted_run) or bool(i == 0 and noun_re and noun_re.search(before))
                ordinal = bool(before_re and before_re.search(before)) or bool(after_re and after_re.match(after))
                sized = bool(size_before and size_before.search(before)) or bool(size_after and size_after.match(after))
                whole = (bool(counted and collective and collective.match(after))
                         or bool(value == 2 and pairs and pairs.match(after))
                         or bool(ordinal and loose_re and loose_re.search(before)))
                if group == [group[0]] and group[0] in homographs and not (counted or ordinal):
                    continue
                # Two numbers side by side, one more than the other, are "two or three", "a few" (Khmer ពីរបីថ្ងៃ):
                # either value, and no count to demand.
                span = bool(found) and found[-1].surface == groups[i - 1][-1] if i else False
                if span and value == found[-1].value + 1:
                    found[-1] = Quantity(found[-1].value, found[-1].surface, PLAIN, strong=False)
                    found.append(Quantity(value, "".join(group), PLAIN, alts=(value - 1,), strong=False))
                    continue
                strong = value >= 2 and not alone and (counted or ordinal) and not (sized or whole)
                found.append(Quantity(value, "".join(group), PLAIN, strong=strong))
    return found
