"""Sentence splitting, offline, for every language in the registry, and lossless by construction.

A language's splitter (rfaflow.segmenters, chosen by the registry) only chooses cut points in a paragraph; the
segments are the text between them with surrounding whitespace trimmed.

Some splitters are superlinear in the length of one text (Kiwi took minutes on a 1 MB run-on paragraph), so a text
longer than `limits.SEGMENTER_WINDOW_CHARS` is first cut into windows at sentence ends (else at whitespace, else
hard); each window is split on its own and its cuts shifted back. The window cuts are cuts too, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rfaflow import limits
from rfaflow.languages import Language

# A sentence end a window may be cut after: a final mark and its closing quotes or brackets, then whitespace.
# Full-width marks (Chinese) end a sentence without a space after them.
_SENTENCE_END = re.compile(r"""[.!?…။།༎។៕؟۔]+["'”’)\]」』»]*(?=\s)|[。！？]+["'”’)\]」』）]*""")
_BEFORE_SPACE = re.compile(r"(?=\s)")


def _last_match_end(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> int:
    """End of the last match of `pattern` in text[pos:endpos] that ends before `endpos` (the last character is there
    only for a lookahead to see), 0 if none."""
    return max((match.end() for match in pattern.finditer(text, pos, endpos) if match.end() < endpos), default=0)


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


def sentence_spans(texts: Sequence[str], language: Language) -> list[list[tuple[int, int]]]:
    """(start, end) of every sentence of each text, outer whitespace left out: what lies between two sentences,
    and around them, is whitespace only."""
    windows = [(i, start, end) for i, text in enumerate(texts)
               for start, end in _windows(text, limits.SEGMENTER_WINDOW_CHARS)]
    # One call over every window of every text, so Kiwi runs on all cores.
    found = language.sentence_cuts([texts[i][start:end] for i, start, end in windows])
    cuts_of: list[set[int]] = [set() for _ in texts]
    for (i, start, _), cuts in zip(windows, found, strict=True):
        cuts_of[i].update(start + cut for cut in cuts)
    at_marks = [(i, start) for i, start, _ in windows if start and _after_sentence_mark(texts[i], start)]
    for i, cut in _unconfirmed(at_marks, texts, language):
        cuts_of[i].discard(cut)
    spans = []
    for text, found_cuts in zip(texts, cuts_of, strict=True):
        cuts = sorted({0, *(cut for cut in found_cuts if 0 < cut < len(text))})
        spans.append([_trimmed(text, start, end) for start, end in zip(cuts, cuts[1:] + [len(text)], strict=True)
                      if text[start:end].strip()])
    return spans


def _unconfirmed(window_cuts: list[tuple[int, int]], texts: Sequence[str],
                 language: Language) -> list[tuple[int, int]]:
    """The window cuts (made after a sentence mark) the splitter itself would not make, given the text around them:
    a window ends after any mark, a Tibetan shad after a clause particle say, where the language's vetoes may see
    no sentence end. Those are dropped, joining the two pieces back into one segment. Cuts at a space or mid-word,
    made only where no mark was near, stay: they bound a run-on paragraph's segments."""
    contexts = [(i, cut, max(0, cut - _CONTEXT_CHARS)) for i, cut in window_cuts]
    found = language.sentence_cuts([texts[i][start:cut + _CONTEXT_CHARS] for i, cut, start in contexts]) \
        if contexts else []
    return [(i, cut) for (i, cut, start), cuts in zip(contexts, found, strict=True)
            if not any(not texts[i][min(cut, start + c):max(cut, start + c)].strip() for c in cuts)]


def _after_sentence_mark(text: str, cut: int) -> bool:
    return any(match.end() == cut for match in _SENTENCE_END.finditer(text, max(0, cut - 20), cut + 1))


# Text on each side of a window cut that the splitter sees to confirm it: more than any veto looks at.
_CONTEXT_CHARS = 200


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def split_paragraphs(paragraphs: Sequence[str], language: Language) -> list[list[str]]:
    """Split each paragraph into sentences; joined back, a paragraph's sentences give it up to whitespace."""
    return [[text[start:end] for start, end in spans]
            for text, spans in zip(paragraphs, sentence_spans(paragraphs, language), strict=True)]


def split_sentences(text: str, language: Language) -> list[str]:
    """Split one paragraph into sentences."""
    return split_paragraphs([text], language)[0]
