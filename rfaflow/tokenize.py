"""Words for summaries, per language family: each takes texts and returns, per text, the words a summarizer
counts. The registry (rfaflow/languages) names which one a language uses, with its stop words; what each chose
and why is measured by bench/summary_agreement.py.

Scripts written without spaces between words (Han, Myanmar, Khmer, Lao, Tibetan) are cut into units by their
script's own rules (characters, syllables, orthographic clusters), and a summary word is `n` adjacent units of one
run of the script: a word of these languages is mostly one to three units, so adjacent pairs catch the two-unit
words that single units (often function units) miss. Text in another script inside such a run (a Latin name, a
number) is one word, as `latin_words` finds it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from rfaflow.segmenters import kiwi, kiwi_lock

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Content morphemes: nouns, numerals, verb and adjective stems, roots, foreign words and numbers.
_KOREAN_CONTENT_TAGS = ("NNG", "NNP", "NR", "VV", "VA", "XR", "SL", "SH", "SN")

# Korean stop words, as morphemes (rfaflow's Korean words are content morphemes): these function morphemes, which
# survive the content-tag filter but say nothing about the topic, plus sumy's "korean" list (mostly whole phrases,
# with a few single morphemes such as 이번, 동안, 후). A longer list of news function morphemes (통하, 대하, 위하,
# 밝히, 설명, 최근, 관련, ...) was tried with the news summarizer and lost on sci-news-kr-dev, so this one stays.
_KOREAN_MORPHEME_STOP_WORDS = frozenset(
    ("것", "수", "등", "때", "중", "및", "그", "이", "저", "있", "하", "되", "않", "없", "같", "보", "년", "월", "일",
     "명", "개", "씨")
)

# Runs of each script's letters and marks (its punctuation and digits left out: a digit run is a word of its own,
# found by _WORD, and punctuation separates words). Combining marks are not \w to Python's re, so _WORD alone would
# cut a Burmese, Khmer, Lao or Tibetan word apart at every vowel sign.
_HAN_RUN = re.compile(r"[\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_MYANMAR_RUN = re.compile(r"[\u1000-\u103f\u104c-\u108f\u109a-\u109f\uaa60-\uaa7f\ua9e0-\ua9ef\ua9fa-\ua9ff]+")
_KHMER_RUN = re.compile(r"[\u1780-\u17d3\u17d7\u17dd]+")
_LAO_RUN = re.compile(r"[\u0e81-\u0ecd\u0edc-\u0edf]+")
_TIBETAN_RUN = re.compile(r"[\u0f00\u0f0b\u0f0c\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0fbc\u0fc6]+")

# Burmese syllables (the rule of Ye Kyaw Thu's sylbreak): a syllable starts at a consonant, unless the consonant is
# stacked under the previous one (after virama U+1039) or is itself a final (followed by asat U+103A or virama);
# an independent vowel (ဣ ဥ ဦ ဧ ဩ ဪ) or the ၎ ligature starts one too. Medials, vowel signs and tones attach.
_MYANMAR_SYLLABLE_START = re.compile(
    r"(?<!\u1039)[\u1000-\u1021](?!\u1037?[\u103a\u1039])|[\u1023-\u102a\u103f\u104c-\u104f]")
# Khmer orthographic clusters: a consonant (U+1780-17A2) or independent vowel (U+17A3-17B3) starts one unless it
# follows coeng (U+17D2, which writes it as a subscript of the previous consonant).
_KHMER_CLUSTER_START = re.compile(r"(?<!\u17d2)[\u1780-\u17b3]")
# A Khmer syllable's final consonant is written bare after its vowel (ភាព = ភា + ព): a lone consonant right after a
# cluster with a vowel sign (U+17B6-17C6) closes that syllable. (After a cluster without one it may be a syllable
# with the inherent vowel, and stays a unit.)
_KHMER_FINAL = re.compile(r"[\u1780-\u17a2]")
_KHMER_VOWEL = re.compile(r"[\u17b6-\u17c6]")
# Lao clusters: a syllable's vowel may be written before its consonant (ເ ແ ໂ ໃ ໄ, U+0EC0-0EC4), so a cluster starts
# at such a vowel, or at a consonant that does not follow one.
_LAO_CLUSTER_START = re.compile(r"[\u0ec0-\u0ec4]|(?<![\u0ec0-\u0ec4])[\u0e81-\u0eae\u0edc-\u0edf]")
# Lao writes every vowel, so a cluster with none (ກ of ກວ່າ, ຄ of ຄວນ, ຫ of ຫວ່າງ) is the start of a syllable that
# goes on in the next cluster; a lone consonant after a cluster with a vowel is that syllable's final, when it is one
# of the eight that can end a Lao syllable (ກ ງ ດ ນ ບ ມ ຍ ວ); and ອ after ື completes the vowel ເ-ືອ (ເມືອງ).
_LAO_FINAL = re.compile("[ກງດນບມຍວ]")
_LAO_VOWEL = re.compile(r"[\u0eb0-\u0ebd\u0ec0-\u0ec4]")
_LAO_VOWEL_LETTER = re.compile("\u0eb7[\u0ec8-\u0ecb]?ອ$")
# Tibetan marks the end of every syllable with a tsheg (U+0F0B, U+0F0C non-breaking), which a run holds; shad and
# the other marks left out of _TIBETAN_RUN end a run.
_TSHEG = re.compile(r"[\u0f0b\u0f0c]+")


def _split_before(run: str, start: re.Pattern[str]) -> list[str]:
    """The run cut before every match of `start` (a unit's first character)."""
    cuts = [match.start() for match in start.finditer(run) if match.start() > 0]
    return [run[i:j] for i, j in zip([0, *cuts], [*cuts, len(run)], strict=True)]


def _with_finals(clusters: list[str], final: re.Pattern[str], vowel: re.Pattern[str], *, bare_joins: bool = False,
                 vowel_letter: re.Pattern[str] | None = None) -> list[str]:
    """Clusters joined into syllables: a lone final consonant joins the cluster before it when that one holds a
    vowel and has no final yet; with `bare_joins`, a cluster with no vowel joins the next (it cannot be a syllable);
    a lone `vowel_letter` joins an open cluster whose vowel it completes (the vowel_letter pattern sees the pair)."""
    syllables: list[str] = []
    state = "closed"  # of the last syllable: "bare" (no vowel yet), "open" (a vowel, no final) or "closed"
    for cluster in clusters:
        lone = len(cluster) == 1 and bool(syllables)
        if bare_joins and state == "bare":
            syllables[-1] += cluster
            state = "open" if vowel.search(syllables[-1]) else "bare"
        elif lone and state == "open" and vowel_letter is not None and vowel_letter.search(syllables[-1] + cluster):
            syllables[-1] += cluster
        elif lone and state == "open" and final.fullmatch(cluster):
            syllables[-1] += cluster
            state = "closed"
        else:
            syllables.append(cluster)
            state = "open" if vowel.search(cluster) else "bare"
    return syllables


def _ngrams(units: Sequence[str], n: int) -> list[str]:
    """Adjacent `n`-unit words; a run shorter than `n` is one word."""
    if len(units) <= n:
        return ["".join(units)] if units else []
    return ["".join(units[i:i + n]) for i in range(len(units) - n + 1)]


def _script_words(texts: Sequence[str], run: re.Pattern[str], units: Callable[[str], list[str]],
                  n: int) -> list[list[str]]:
    """Per text: the `n`-grams of `units` of each run of the script, and the other words as `latin_words` finds
    them, in text order."""
    found = []
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        words: list[str] = []
        position = 0
        for match in run.finditer(text):
            words.extend(word.lower() for word in _WORD.findall(text, position, match.start()))
            words.extend(_ngrams([unit for unit in units(match.group()) if unit], n))
            position = match.end()
        words.extend(word.lower() for word in _WORD.findall(text, position))
        found.append(words)
    return found


def latin_words(texts: Sequence[str]) -> list[list[str]]:
    """Lower-cased letter runs, an apostrophe inside a word kept (Korea's, don't)."""
    return [[word.lower() for word in _WORD.findall(text)] for text in texts]


def syllable_words(texts: Sequence[str], n: int = 1) -> list[list[str]]:
    """For scripts that put a space between syllables (Vietnamese): `latin_words`, or with `n` > 1 also the
    `n`-syllable words of adjacent syllables not parted by punctuation (most Vietnamese words are two syllables,
    written apart: "quốc hội"). Syllables are kept too, for the one-syllable words."""
    found = []
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        words = [word.lower() for word in _WORD.findall(text)]
        if n > 1:
            for phrase in re.split(r"[^\w\s'’]+", text):
                words.extend(" ".join(gram) for gram in _phrase_ngrams(phrase, n))
        found.append(words)
    return found


def _phrase_ngrams(phrase: str, n: int) -> list[tuple[str, ...]]:
    syllables = [word.lower() for word in _WORD.findall(phrase)]
    return [tuple(syllables[i:i + n]) for i in range(len(syllables) - n + 1)]


def han_words(texts: Sequence[str], n: int = 2) -> list[list[str]]:
    """Han characters, `n` adjacent ones a word (character bigrams: most Chinese words are two characters)."""
    return _script_words(texts, _HAN_RUN, list, n)


def burmese_words(texts: Sequence[str], n: int = 1) -> list[list[str]]:
    """Burmese syllables (Unicode encoding; convert Zawgyi first), `n` adjacent ones a word."""
    return _script_words(texts, _MYANMAR_RUN, lambda run: _split_before(run, _MYANMAR_SYLLABLE_START), n)


def khmer_words(texts: Sequence[str], n: int = 2, finals: bool = True) -> list[list[str]]:
    """Khmer syllables (clusters, a bare final joined to its vowel's when `finals`), `n` adjacent ones a word."""
    def units(run: str) -> list[str]:
        clusters = _split_before(run, _KHMER_CLUSTER_START)
        return _with_finals(clusters, _KHMER_FINAL, _KHMER_VOWEL) if finals else clusters

    return _script_words(texts, _KHMER_RUN, units, n)


def lao_words(texts: Sequence[str], n: int = 2, finals: bool = True) -> list[list[str]]:
    """Lao syllables (clusters, a final consonant joined to its vowel's when `finals`), `n` adjacent ones a word."""
    def units(run: str) -> list[str]:
        clusters = _split_before(run, _LAO_CLUSTER_START)
        return (_with_finals(clusters, _LAO_FINAL, _LAO_VOWEL, bare_joins=True, vowel_letter=_LAO_VOWEL_LETTER)
                if finals else clusters)

    return _script_words(texts, _LAO_RUN, units, n)


def tibetan_words(texts: Sequence[str], n: int = 1) -> list[list[str]]:
    """Tibetan syllables (tsheg-separated), `n` adjacent ones a word."""
    return _script_words(texts, _TIBETAN_RUN, _TSHEG.split, n)


def prefix_words(texts: Sequence[str], length: int | None = None) -> list[list[str]]:
    """`latin_words` (any script whose words are spaced and written in letters, Arabic-script Uyghur too), each cut
    to its first `length` letters when given: a crude stem for a suffixing language, where one stem takes many
    case and possessive endings (Uyghur پارلامېنت, پارلامېنتنىڭ, پارلامېنتقا)."""
    words = latin_words([unicodedata.normalize("NFC", text) for text in texts])
    return words if length is None else [[word[:length] for word in sentence] for sentence in words]


def korean_words(texts: Sequence[str]) -> list[list[str]]:
    """Content morphemes (one Kiwi call over the whole list, which runs on all cores)."""
    with kiwi_lock:
        analyses = kiwi().tokenize(list(texts))
    return [[token.form.lower() for token in tokens if token.tag.startswith(_KOREAN_CONTENT_TAGS)]
            for tokens in analyses]


def sumy_stop_words(language: str) -> frozenset[str]:
    from sumy.utils import get_stop_words

    return get_stop_words(language)


def korean_stop_words() -> frozenset[str]:
    return sumy_stop_words("korean") | _KOREAN_MORPHEME_STOP_WORDS


@cache
def listed_stop_words(listing: str, length: int | None = None) -> frozenset[str]:
    """The stop words in rfaflow/languages/stopwords/LISTING.txt: one a line, '#' starts a comment (each list says
    why its words are there), NFC; cut to `length` letters, as `prefix_words` cuts words."""
    text = resources.files("rfaflow.languages").joinpath("stopwords", f"{listing}.txt").read_text(encoding="utf-8")
    words = (unicodedata.normalize("NFC", line.split("#", 1)[0].strip()).lower() for line in text.splitlines())
    return frozenset(word[:length] for word in words if word)
