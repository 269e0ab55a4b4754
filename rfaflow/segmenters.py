"""Sentence splitters, one per language family: each takes texts and returns, per text, the offsets where its
sentences start. The registry (rfaflow/languages) names which one a language uses; rfaflow.segment does the windowing,
trimming and bookkeeping that make every splitter lossless.

Korean uses kiwipiepy (its model ships in the wheel); the others are rules on each script's own sentence marks,
with vetoes where a mark also has another use, measured against ICU and the language libraries in
bench/segmenters.py (see README). Each takes Unicode text already normalised (Zawgyi Burmese converted).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

kiwi_lock = threading.Lock()


@lru_cache(maxsize=1)
def kiwi() -> Any:
    from kiwipiepy import Kiwi

    # Without the multi-word dictionary Kiwi loads in 0.55 s instead of 1.3 s, splits faster and holds about 120 MB
    # less; the sentence cuts were identical on 1,438 NTREX, sci-news and sample texts (3,460 sentences), and so were
    # the summary figures of bench/summary_eval.py.
    return Kiwi(load_multi_dict=False)


def korean_cuts(texts: list[str]) -> list[list[int]]:
    # Given a list, Kiwi analyses the texts on all cores: twice as fast as one call per paragraph on 2 cores.
    with kiwi_lock:  # Kiwi instances are not documented as thread-safe
        results = list(kiwi().split_into_sents(texts))
    return [[sentence.start for sentence in sentences] for sentences in results]


# Abbreviations after which a period does not end an English sentence (lower-case, without the period).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen lt col maj capt sgt sen rep gov pres rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx dept est fig inc corp ltd co
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
_ENGLISH_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


def english_cuts(texts: list[str]) -> list[list[int]]:
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


def _cuts_after(pattern: re.Pattern[str], texts: list[str],
                veto: Callable[[str, re.Match[str]], bool] | None = None) -> list[list[int]]:
    """A cut after every match of `pattern` that `veto` (if any) does not reject."""
    return [[0, *(match.end() for match in pattern.finditer(text) if not (veto and veto(text, match)))]
            for text in texts]


# Quotes and brackets that close a sentence's quotation: they stay with the sentence, before the cut.
_CLOSERS = "\"'”’»›)]"
_OPENERS = "\"'“‘«‹(["


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end`, opening quotes left out; "" if longer than a word."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
        if end - start > 30:
            return ""
    return text[start:end].lstrip(_OPENERS)


# Latin words written into non-Latin text (names, titles, quoted English) follow English's abbreviations: a period
# after a title, a single initial ("George W. Bush") or a dotted abbreviation ("U.S.") does not end the sentence.
def _latin_abbreviation_before(text: str, end: int) -> bool:
    word = re.search(r"[A-Za-z][A-Za-z.]*\Z", text[max(0, end - 20):end])
    if word is None:
        return False
    letters = word.group().lower().rstrip(".")
    return len(letters) == 1 or "." in letters or letters in _ABBREVIATIONS


# --- Chinese and Cantonese --------------------------------------------------------------------------------------
# Chinese typography (GB/T 15834; Taiwan and Hong Kong alike, and written Cantonese) ends a sentence with full-width
# 。！？; they never stand inside a number or an abbreviation (those take ASCII "."), so no veto is needed and no
# space follows them. Typists also use half-width ! ?. A closing quote, bracket or title mark after the mark belongs
# to the sentence it closes (“…。” 「…。」 （…。）). Not marks: ASCII "." (3.5, embedded English), and ……, an
# omission inside a sentence. A quotation of several sentences is split into them: each is a sentence of its own.
_HAN_END = re.compile(r"[。！？!?]+[" + re.escape("」』”’）)》〉】〕\"'") + "]*")


def chinese_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_HAN_END, texts)


cantonese_cuts = chinese_cuts


# --- Vietnamese -------------------------------------------------------------------------------------------------
# Latin script with case: a sentence ends in . ! ? … (and closing quotes), then a space, and the next one starts
# with a capital, a digit or an opening quote or bracket. The space is required because "." also groups thousands
# (1.000.000) and ends web addresses.
_VIETNAMESE_END = re.compile(r"(?P<mark>[.!?…]+)[" + re.escape(_CLOSERS) + r"]*(?=\s+(?P<next>\S))")
# Vietnamese abbreviations end in "." and come before a name or a number, so the period is no sentence end:
# TP. (thành phố, city) Hồ Chí Minh, Q. (quận, district) 1, P. (phường, ward), TX. (thị xã, town), TT. (thị trấn),
# titles GS. PGS. TS. ThS. BS. KS. LS. CN. (professor, associate professor, doctor, master, physician, engineer,
# lawyer, bachelor), NXB. (publisher), Tr. (trang, page). Not v.v. ("etc."): it closes a list, often the sentence.
_VIETNAMESE_ABBREVIATIONS = frozenset("tp q p tx tt gs pgs ts ths bs ks ls cn nxb tr".split())


def vietnamese_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_VIETNAMESE_END, texts, _vietnamese_veto)


def _vietnamese_veto(text: str, match: re.Match[str]) -> bool:
    following = match.group("next")
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return True  # a lower-case word goes on the same sentence ("3 giờ... sáng")
    if match.group("mark") != ".":
        return False
    word = _word_before(text, match.start())
    if word.lower() in _VIETNAMESE_ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return True  # "TP. Hồ Chí Minh", an initial
    # English abbreviations come into Vietnamese news inside names, capitalised ("Mr. Smith", "U.S. Army", "Co."):
    # lower case, the same letters are Vietnamese words that can end a sentence ("ăn no.", "hoa sen.").
    return word[:1].isupper() and word.lower() in _ABBREVIATIONS


# --- Uyghur -----------------------------------------------------------------------------------------------------
# Uyghur in Arabic script (UEY) ends sentences with . ! and the Arabic question mark ؟ (some texts use the Arabic full
# stop ۔), then a space. The script has no case to test the next word by. The Arabic comma ، and semicolon ؛
# separate clauses, not sentences. Uyghur typesetting often puts a space before a closing guillemet (". »"): » only
# ever closes, so it stays with the sentence.
_UYGHUR_END = re.compile(r"(?P<mark>[.!?؟۔]+)[" + re.escape(_CLOSERS) + r"]*(?:\s+[»›”])*(?=\s)")
# Reported speech is «…» دېدى ("…, said"): after a closing quote, a form of the verb دېمەك "to say" goes on the
# sentence the quotation belongs to.
_UYGHUR_SAY = frozenset("دېدى دېدىم دېدۇق دېدىڭىز دېدىكى دەپ دەيدۇ دەيمەن دېگەن دېيىشتى دېيىلدى دەيدىكەن".split())


def uyghur_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_UYGHUR_END, texts, _uyghur_veto)


def _uyghur_veto(text: str, match: re.Match[str]) -> bool:
    if match.group()[-1] in _CLOSERS:
        following = text[match.end():match.end() + 20].split(None, 1)
        if following and following[0].rstrip(".!?؟،,") in _UYGHUR_SAY:
            return True
    if match.group("mark") != ".":
        return False
    # A period after a one-letter initial, of either script, or after a Latin abbreviation in a foreign name.
    word = _word_before(text, match.start())
    return (len(word) == 1 and word.isalpha()) or _latin_abbreviation_before(text, match.start())


# --- Burmese ----------------------------------------------------------------------------------------------------
# Burmese ends a sentence with the section mark ။ (U+104B; a doubled ။။ ends a section), with or without a space
# after it; ? ! come in with mixed text. The little section ၊ (U+104A) is a comma, although Unicode gives it
# Sentence_Terminal (which is why ICU splits there), so it is not a cut.
_BURMESE_END = re.compile(r"[။?!]+[" + re.escape(_CLOSERS) + "]*")


def burmese_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_BURMESE_END, texts)


# --- Khmer ------------------------------------------------------------------------------------------------------
# Khmer ends a sentence with khan ។ or bariyoosan ៕ (end of a text), a space after it usual but not required; ? !
# are borrowed. ។ល។ is "etc." (khan, lo, khan), inside a sentence. Not ends, though khmer-nltk treats them so: ៖
# (colon), ៗ (repeat the previous word), ៛ (the riel sign).
_KHMER_END = re.compile(r"។ល។|[។៕?!]+[" + re.escape(_CLOSERS) + "]*")


def khmer_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_KHMER_END, texts, _khmer_veto)


def _khmer_veto(text: str, match: re.Match[str]) -> bool:
    return match.group() == "។ល។"


# --- Lao --------------------------------------------------------------------------------------------------------
# Lao writes no word spaces; a space separates phrases, and sentences end with Latin . ! ? and a space. Lao's own
# ຯ (abbreviation, ຯລຯ "etc.") and ໆ (repeat the word) are not ends. A period needs the space because it also
# stands inside numbers (3.5); one after a Latin initial, title or dotted abbreviation (Dr. U.S.) is not an end.
_LAO_END = re.compile(r"[.!?]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")


def lao_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_LAO_END, texts, _lao_veto)


def _lao_veto(text: str, match: re.Match[str]) -> bool:
    return text[match.start()] == "." and _latin_abbreviation_before(text, match.start())


# --- Tibetan ----------------------------------------------------------------------------------------------------
# The shad ། ends a clause or a sentence (after ང a tsheg stands before it: ང་།), ༎ (nyis shad) a section, and ༏ ༐ ༑
# are shad variants; "། །" is one mark. After a syllable ending in ག or ཤ the shad is not written, a space stands alone.
_TIBETAN_END = re.compile(r"[།༎༏༐༑]+(?:\s*[།༎])*[" + re.escape(_CLOSERS) + r"]*|(?<=[གཤ])[" + re.escape(_CLOSERS)
                          + r"]*(?=\s)")
# Tibetan also puts a shad after a clause that ends in a connective or case particle; the sentence goes on: ན
# (when, if), ནས (after), དང (and), སྟེ ཏེ དེ (and so), ཅིང ཞིང ཤིང (and), ལ (to, at), ཀྱང ཡང འང རུང ནའང (even,
# although), ཅེས ཞེས (quoting: "so said"), པས བས (because), ཀྱི གི གྱི (of). Not the quotative's third form ཤེས:
# it is also the verb "know", and མི་ཤེས། "(I) don't know" ends sentences.
_TIBETAN_CONNECTIVES = frozenset("ན ནས དང སྟེ ཏེ དེ ཅིང ཞིང ཤིང ལ ཀྱང ཡང འང རུང ནའང ཅེས ཞེས པས བས ཀྱི གི གྱི".split())
# A quotation ends with its own shad (and closing quote), and the quotative ཞེས or ཅེས after it ties it to the verb
# of saying: "…མེད།” ཅེས་བཤད།" is one sentence. (Not ཤེས, which also begins words like ཤེས་ཡོན "education".)
_TIBETAN_QUOTATIVE = re.compile(r"\s*(?:ཞེས|ཅེས)(?:[་།\s]|\Z)")


def tibetan_cuts(texts: list[str]) -> list[list[int]]:
    return _cuts_after(_TIBETAN_END, texts, _tibetan_veto)


def _tibetan_veto(text: str, match: re.Match[str]) -> bool:
    syllables = re.split(r"[་\s།]", text[max(0, match.start() - 30):match.start()].rstrip("་"))
    return syllables[-1] in _TIBETAN_CONNECTIVES or _TIBETAN_QUOTATIVE.match(text, match.end()) is not None
