"""The QA checks run on every source/English pair, and the runner that ties their problems to segment ids.

Each check takes the pair and the source `Language`, whose registry entry gives what varies: its number reader,
the script that means "left untranslated", the range of length ratios its human translations keep. Thresholds are
set so that the professional human translations of NTREX raise no finding; brackets and quotes are only flagged
when the source is balanced and the English is not (a sentence inside a multi-sentence quotation legitimately
opens or closes one).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Protocol

from rfaflow.languages import ENGLISH, Language
from rfaflow.qa import ERROR, WARNING, Finding, Problem
from rfaflow.qa.numbers import check_numbers

MIN_RATIO_SOURCE_CHARS = 12  # below this, a ratio says little ("네." → "Yes, that's right.")
LOOP_REPEATS = 3  # a phrase repeated this many times in a row is an MT loop
WORD_LOOP_REPEATS = 6  # a single word needs more: NTREX has a human "No, no, no, no, no."
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("「", "」"), ("『", "』"))
# ’ and ' are apostrophes as well as quotes. Inside a word (can’t, Kim’s) or before a decade (’90s) they never
# close a quotation; after a final s (the miners’ union, Jones' firm) they may be a possessive or may close one.
_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)|(?<!\w)[’'](?=\d0s\b)")
_AFTER_S = re.compile(r"(?<=[sS])([’'])(?!\w)")


class TermChecker(Protocol):
    def violations(self, source: str, target: str) -> list[str]: ...


def _empty(source: str, target: str, language: Language) -> list[Problem]:
    if source.strip() and not target.strip():
        return [Problem("empty", ERROR, "the translation is empty")]
    return []


def untranslated_runs(text: str, language: Language) -> str:
    """The first runs of the language's own script in `text` (the English), as a finding shows them: "" when none."""
    script = language.untranslated
    return ", ".join(dict.fromkeys(script.pattern.findall(text)[:5])) if script else ""


def _untranslated(source: str, target: str, language: Language) -> list[Problem]:
    shown = untranslated_runs(target, language)
    if shown and language.untranslated:
        return [Problem("untranslated", ERROR, f"{language.untranslated.name} left in the English: {shown}")]
    return []


def _length_ratio(source: str, target: str, language: Language) -> list[Problem]:
    source_chars, target_chars = len("".join(source.split())), len("".join(target.split()))
    if source_chars < MIN_RATIO_SOURCE_CHARS or not target_chars:
        return []
    ratio = target_chars / source_chars
    low, high = language.length_ratio
    if ratio < low:
        return [Problem("length", WARNING,
                        f"the English is {ratio:.2f}× the {language.name}'s length; something may be cut")]
    if ratio > high:
        return [Problem("length", WARNING,
                        f"the English is {ratio:.1f}× the {language.name}'s length; something may be added")]
    return []


def _repeats(source: str, target: str, language: Language) -> list[Problem]:
    tokens = ENGLISH.words([target])[0]
    for size in range(1, 5):
        needed = WORD_LOOP_REPEATS if size == 1 else LOOP_REPEATS
        for start in range(len(tokens) - size * needed + 1):
            gram = tokens[start : start + size]
            run = 1
            while tokens[start + run * size : start + (run + 1) * size] == gram:
                run += 1
            if run >= needed:
                phrase = " ".join(gram)
                return [Problem("repetition", ERROR, f"'{phrase}' repeated {run} times in a row (a machine loop)")]
    return []


def _unbalanced(text: str) -> list[str]:
    found = [f"{opening}…{closing}" for opening, closing in _PAIRS if text.count(opening) != text.count(closing)]
    if text.count('"') % 2:
        found.append('"')
    quotes = _APOSTROPHE.sub("", text)
    maybe_possessive = [m.group(1) for m in _AFTER_S.finditer(quotes)]
    closing = quotes.count("’")
    if not closing - maybe_possessive.count("’") <= quotes.count("‘") <= closing:
        found.append("‘…’")
    if quotes.count("'") % 2 and "'" not in maybe_possessive:  # a possessive s' can make the count even
        found.append("'")
    return found


def _brackets(source: str, target: str, language: Language) -> list[Problem]:
    if _unbalanced(source):
        return []
    broken = _unbalanced(target)
    if broken:
        return [Problem("brackets", WARNING,
                        f"unbalanced {' and '.join(broken)} in the English, not in the {language.name}")]
    return []


def _numbers(source: str, target: str, language: Language, date: datetime.date | None = None) -> list[Problem]:
    if language.quantities is None:  # no reader for the language's numbers: nothing to compare against
        return []
    return check_numbers(source, target, read_source=language.quantities, date=date)


# Each check: (source, target, source language) -> problems.
CHECKS: dict[str, Callable[[str, str, Language], list[Problem]]] = {
    "empty": _empty,
    "untranslated": _untranslated,
    "numbers": _numbers,
    "length": _length_ratio,
    "repetition": _repeats,
    "brackets": _brackets,
}


def check_pair(source: str, target: str, language: Language, glossary: TermChecker | None = None, *,
               date: datetime.date | None = None) -> list[Problem]:
    """Every problem of one pair with its source in `language`; an empty translation is only reported as empty.

    `date` is the draft's date, against which the number check reads a Korean "23일" given as "Thursday".
    """
    empty = _empty(source, target, language)
    if empty:
        return empty
    checks: dict[str, Callable[[str, str, Language], list[Problem]]] = {
        **CHECKS, "numbers": partial(_numbers, date=date)}
    problems = [problem for name, check in checks.items() if name != "empty"
                for problem in check(source, target, language)]
    if glossary is not None:
        problems += [Problem("glossary", ERROR, message) for message in glossary.violations(source, target)]
    return problems


def check_pairs(pairs: Iterable[tuple[str, str, str]], language: Language, glossary: TermChecker | None = None, *,
                date: datetime.date | None = None) -> list[Finding]:
    """Findings for (id, source, target) triples with sources in `language`, in their order; `date` as for
    `check_pair`."""
    return [
        Finding(pair_id, problem.check, problem.severity, problem.message)
        for pair_id, source, target in pairs
        for problem in check_pair(source, target, language, glossary, date=date)
    ]
