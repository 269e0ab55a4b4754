"""Sentence splitting and word tokenisation, offline, per language.

Splitting is lossless by construction: a splitter only chooses cut points in the paragraph, and the segments are
the text between them with surrounding whitespace trimmed. Korean uses kiwipiepy (its model ships in the wheel);
English uses the rule-based splitter below, since NLTK's punkt data cannot be downloaded here.

Kiwi's splitter is superlinear in the length of one text (a 1 MB run-on paragraph took minutes), so a text longer
than `limits.SEGMENTER_WINDOW_CHARS` is first cut into windows at sentence ends (else at whitespace, else hard);
each window is split on its own and its cuts shifted back. The window cuts are cuts too, so nothing is lost.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rfaflow import limits

_kiwi_lock = threading.Lock()


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    # Without the multi-word dictionary Kiwi loads in 0.55 s instead of 1.3 s, splits faster and holds about 120 MB
    # less; the sentence cuts were identical on 1,438 NTREX, sci-news and sample texts (3,460 sentences), and so were
    # the summary figures of bench/summary_eval.py.
    return Kiwi(load_multi_dict=False)


def _korean_cuts(texts: list[str]) -> list[list[int]]:
    # Given a list, Kiwi analyses the texts on all cores: twice as fast as one call per paragraph on 2 cores.
    with _kiwi_lock:  # Kiwi instances are not documented as thread-safe
        results = list(_kiwi().split_into_sents(texts))
    return [[sentence.start for sentence in sentences] for sentences in results]


# Abbreviations after which a period does not end an English sentence (lower-case, without the period).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen lt col maj capt sgt sen rep gov pres rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx dept est fig inc corp ltd co
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
_ENGLISH_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


def _english_cuts(texts: list[str]) -> list[list[int]]:
    return [_english_cuts_one(text) for text in texts]


def _english_cuts_one(text: str) -> list[int]:
    cuts = [0]
    for match in _ENGLISH_BOUNDARY.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        word = before[-1].lower() if before else ""
        if match.group().startswith(".") and (word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word)):
            continue  # "Mr. Kim", "U.S. officials", "J. Smith"
        cuts.append(match.end())
    return cuts


_CUTTERS = {"ko": _korean_cuts, "en": _english_cuts}


# A sentence end a window may be cut after: a final mark and its closing quotes or brackets, then whitespace.
_SENTENCE_END = re.compile(r"""[.!?…。！？]+["'”’)\]」』]*(?=\s)""")
_BEFORE_SPACE = re.compile(r"(?=\s)")


def _last_match_end(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> int:
    """End of the last match of `pattern` in text[pos:endpos] (its lookahead included), 0 if none."""
    return max((match.end() for match in pattern.finditer(text, pos, endpos)), default=0)


def _windows(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive windows of at most `size` characters covering `text`: each cut after the last
    sentence end in the window's back half, else before its last whitespace, else hard."""
    starts = [0]
    while len(text) - starts[-1] > size:
        start = starts[-1]
        stop = start + size  # endpos stop + 1 lets the lookahead see the character after the window
        starts.append(_last_match_end(_SENTENCE_END, text, start + size // 2, stop + 1)
                      or _last_match_end(_BEFORE_SPACE, text, start + 1, stop + 1)
                      or stop)
    return list(zip(starts, starts[1:] + [len(text)], strict=True))


def sentence_spans(texts: Sequence[str], language: str) -> list[list[tuple[int, int]]]:
    """(start, end) of every sentence of each text, outer whitespace left out: what lies between two sentences,
    and around them, is whitespace only."""
    windows = [(i, start, end) for i, text in enumerate(texts)
               for start, end in _windows(text, limits.SEGMENTER_WINDOW_CHARS)]
    # One call over every window of every text, so Kiwi runs on all cores.
    found = _CUTTERS[language]([texts[i][start:end] for i, start, end in windows])
    cuts_of: list[list[int]] = [[] for _ in texts]
    for (i, start, _), cuts in zip(windows, found, strict=True):
        cuts_of[i] += [start, *(start + cut for cut in cuts)]
    spans = []
    for text, found_cuts in zip(texts, cuts_of, strict=True):
        cuts = sorted({0, *(cut for cut in found_cuts if 0 < cut < len(text))})
        spans.append([_trimmed(text, start, end) for start, end in zip(cuts, cuts[1:] + [len(text)], strict=True)
                      if text[start:end].strip()])
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def split_paragraphs(paragraphs: Sequence[str], language: str) -> list[list[str]]:
    """Split each paragraph into sentences; joined back, a paragraph's sentences give it up to whitespace."""
    return [[text[start:end] for start, end in spans]
            for text, spans in zip(paragraphs, sentence_spans(paragraphs, language), strict=True)]


def split_sentences(text: str, language: str) -> list[str]:
    """Split one paragraph into sentences."""
    return split_paragraphs([text], language)[0]


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Hangul syllables and jamo: Korean text, wherever it turns up (a dateline to translate, Korean left in English).
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
# Content morphemes: nouns, numerals, verb and adjective stems, roots, foreign words and numbers.
_KOREAN_CONTENT_TAGS = ("NNG", "NNP", "NR", "VV", "VA", "XR", "SL", "SH", "SN")


def words_of(texts: Sequence[str], language: str) -> list[list[str]]:
    """The words a summarizer counts, per text: lower-cased regex words for English, content morphemes for Korean
    (one Kiwi call over the whole list, which runs on all cores)."""
    if language == "ko":
        with _kiwi_lock:
            analyses = _kiwi().tokenize(list(texts))
            return [
                [token.form.lower() for token in tokens if token.tag.startswith(_KOREAN_CONTENT_TAGS)]
                for tokens in analyses
            ]
    return [[word.lower() for word in _WORD.findall(text)] for text in texts]


def words(text: str, language: str) -> list[str]:
    return words_of([text], language)[0]
