"""How a draft's text is written: legacy encodings (Burmese Zawgyi), whether its script is the declared language's,
Simplified vs Traditional Chinese characters, and the per-script normalisation applied before memory look-up and MT.

Language modules bind these functions (rfaflow/languages/); nothing here names a language. Heavy data (the Zawgyi
model, ICU, the CC-CEDICT character lists) loads on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from rfaflow.languages.scripts import LATIN, SCRIPTS, Script

if TYPE_CHECKING:
    from rfaflow.languages.base import Language

# --- Zawgyi -------------------------------------------------------------------------------------------------------

# Google's myanmartools docs: where conversion runs automatically, over-predicting Zawgyi is the costly mistake, and
# 0.95 keeps wrongly flagged Unicode strings under 1%. (Converting Unicode as if it were Zawgyi garbles it.)
ZAWGYI_THRESHOLD = 0.95


@cache
def _zawgyi_detector() -> Any:
    from myanmartools import ZawgyiDetector  # its Markov model ships in the wheel

    return ZawgyiDetector()


@cache
def _zawgyi_transliterator() -> Any:
    try:
        import icu  # PyICU's module, from the `pyicu-wheels` wheels or a PyICU build
    except ImportError as error:
        raise RuntimeError("converting Zawgyi Burmese needs ICU's 'Zawgyi-my' transliterator: "
                           "pip install pyicu-wheels") from error
    return icu.Transliterator.createInstance("Zawgyi-my")


def zawgyi_probability(text: str) -> float:
    """The probability (0 to 1) that `text` is Burmese in the Zawgyi encoding rather than Unicode; 0 for text with no
    Myanmar characters (the detector says -inf there)."""
    return max(0.0, float(_zawgyi_detector().get_zawgyi_probability(text)))


def looks_zawgyi(text: str) -> bool:
    return zawgyi_probability(text) > ZAWGYI_THRESHOLD


def zawgyi_to_unicode(text: str) -> str:
    """Zawgyi-encoded Burmese as Unicode, by ICU's CLDR "Zawgyi-my" transform (the one myanmartools recommends),
    then NFC (ICU's output is not always in canonical order). Convert before any normalisation: NFC applied to Zawgyi
    reorders its marks as if they were Unicode's."""
    return unicodedata.normalize("NFC", _zawgyi_transliterator().transliterate(text))


# --- Script check -------------------------------------------------------------------------------------------------

# Below this many Latin letters (about ten English words) a text's Latin may be names and acronyms alone, which any
# language's text can hold: the Latin-based checks below say nothing.
MIN_LATIN_LETTERS = 50
# A text declared in a non-Latin-script language whose letters are at least this share Latin is not in that
# language: names, acronyms and quotations leave its own script the bulk even in a Chinese text (one character per
# syllable) that quotes English.
LATIN_SHARE = 0.9
# For a Latin-script language with letters of its own (Vietnamese: ă â đ ê ô ơ ư and the tone-marked vowels), the
# least share of its Latin letters that are those: most Vietnamese syllables carry a tone mark or a modified vowel,
# while English or French text has none of them outside a name.
OWN_LETTER_SHARE = 0.05


def script_counts(text: str) -> dict[Script, int]:
    """How many letters (with their combining marks) of each script in `SCRIPTS` the text holds; digits, punctuation
    and spaces, which a text may share with any script, are not counted. Scripts it has none of are left out."""
    letters = "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch)[0] in "LM")
    counts = {script: sum(map(len, script.pattern.findall(letters))) for script in SCRIPTS}
    return {script: count for script, count in counts.items() if count}


def script_problem(text: str, language: Language) -> str | None:
    """None when `text` is written in `language`'s scripts; otherwise a one-line message naming the script found.

    Any language's text may hold some Latin (names, acronyms, quotations), and a secondary script the language
    declares (Korean's Han, for hanja) as a minority, so: the language's main script must hold a majority of the
    letters outside Latin, and Latin must not make up nearly all of the text (`LATIN_SHARE`). A Latin-script language
    needs Latin to outnumber the other scripts, and, where it has letters of its own (its `untranslated` marker, a
    subset of Latin), some of them (`OWN_LETTER_SHARE`). Sibling languages of one script (Simplified Chinese,
    Traditional Chinese, Cantonese) are told apart by `variant_warning`, not here.
    """
    text = unicodedata.normalize("NFC", text)
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters:
        return None
    main = language.scripts[0]
    latin = counts.get(LATIN, 0)
    others = {script: count for script, count in counts.items() if script != LATIN}
    dominant = max(others, key=others.__getitem__) if others else LATIN
    if main == LATIN:
        if sum(others.values()) > latin:
            return _found(dominant, others[dominant] / letters, language)
        marker = language.untranslated
        if marker is not None and marker not in language.scripts and latin >= MIN_LATIN_LETTERS:
            own = sum(map(len, marker.pattern.findall(text)))
            if own < OWN_LETTER_SHARE * latin:
                return (f"the text has almost none of {marker.name}'s own letters ({own / latin:.1%} of its Latin "
                        f"letters), so it is not {language.name} as language '{language.tag}' declares")
        return None
    if latin >= MIN_LATIN_LETTERS and latin >= LATIN_SHARE * letters:
        return _found(LATIN, latin / letters, language)
    if others and 2 * others.get(main, 0) <= sum(others.values()):
        return _found(dominant, others[dominant] / letters, language)
    return None


def _found(script: Script, share: float, language: Language) -> str:
    return (f"the text is in {script.name} ({share:.0%} of its letters), not {language.scripts[0].name} as language "
            f"'{language.tag}' declares")


# --- Simplified vs Traditional ------------------------------------------------------------------------------------

HanVariant = Literal["Hans", "Hant"]
_VARIANT_NAMES: dict[HanVariant, str] = {"Hans": "Simplified", "Hant": "Traditional"}
# Fewer characters that exist in only one of the two sets than this say nothing: a name or a quoted word can hold one
# or two of the other set in any Chinese text.
MIN_VARIANT_EVIDENCE = 5
# The share of those characters one set must have for the text to be in it. Real text is rarely pure: written
# Cantonese borrows Simplified forms (NTREX's reaches 11%), Taiwanese text quotes a mainland name.
VARIANT_SHARE = 2 / 3


@cache
def _variant_only_characters() -> dict[HanVariant, frozenset[str]]:
    """Characters in only one of CC-CEDICT's Simplified and Traditional headword sets, as the `zhon` package ships
    them: 2,325 Simplified-only (国 会 说) and 2,703 Traditional-only (國 會 說). Characters both sets use (人, 中) and
    variants that both standards accept (群/羣) are in neither, which makes CC-CEDICT's lists cleaner for this than
    OpenCC's conversion tables."""
    from zhon import cedict

    simplified, traditional = set(cedict.simplified), set(cedict.traditional)
    return {"Hans": frozenset(simplified - traditional), "Hant": frozenset(traditional - simplified)}


def han_variant_counts(text: str) -> dict[HanVariant, int]:
    """How many of the text's characters exist only in Simplified, and only in Traditional, Chinese."""
    only = _variant_only_characters()
    return {variant: sum(ch in characters for ch in text) for variant, characters in only.items()}


def han_variant(text: str) -> HanVariant | None:
    """"Hans" or "Hant" when at least `VARIANT_SHARE` of the text's set-specific characters are of that set; None
    when it has too few of them (`MIN_VARIANT_EVIDENCE`) or mixes the two."""
    counts = han_variant_counts(text)
    total = sum(counts.values())
    if total < MIN_VARIANT_EVIDENCE:
        return None
    return next((variant for variant, count in counts.items() if count >= VARIANT_SHARE * total), None)


def variant_warning(text: str, variant: HanVariant) -> str | None:
    """A one-line warning when a text that should be in `variant` characters is in the other set or mixes the two,
    else None."""
    counts = han_variant_counts(text)
    total = sum(counts.values())
    other: HanVariant = "Hant" if variant == "Hans" else "Hans"
    if total < MIN_VARIANT_EVIDENCE or counts[other] <= (1 - VARIANT_SHARE) * total:
        return None
    share = f"{counts[other] / total:.0%} of its {total} characters that differ between the two sets"
    if counts[other] >= VARIANT_SHARE * total:
        return (f"the text is in {_VARIANT_NAMES[other]} Chinese characters ({share}), but this language is written "
                f"in {_VARIANT_NAMES[variant]} ones")
    return (f"the text mixes Simplified and Traditional Chinese characters ({_VARIANT_NAMES[other]}: {share}); this "
            f"language is written in {_VARIANT_NAMES[variant]} ones")


# --- Normalisation ------------------------------------------------------------------------------------------------
# Every normaliser applies NFC (canonical composition and mark order: Vietnamese tone marks typed as combining
# characters, Hangul jamo sequences, Burmese dot below before asat by their combining classes 7 and 9 as UTN #11's
# storage order has it, Lao vowel before tone mark) and is idempotent. ZWNJ and ZWJ are kept everywhere: they choose
# glyph shapes (Arabic joining, Khmer and Myanmar conjunct forms) and are never word separators.

ZWSP = "\u200b"
# In a script that separates words with spaces, a zero-width space next to a space or at an end is editor debris; one
# between two letters may be the only word boundary there, so it stays.
_STRAY_ZWSP = re.compile(f"(?<=\\s){ZWSP}+|{ZWSP}+(?=\\s|$)|^{ZWSP}+")
# Arabic Presentation Forms-A and -B (U+FB50-FDFF, U+FE70-FEFE): contextual glyph shapes that old software and PDF
# extraction leave in Arabic-script text; NFKC maps each to its letter (or letters, for a ligature). NFKC is applied
# to these characters only, since elsewhere it would rewrite digits, full-width forms and more.
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


def _spaced(text: str) -> str:
    # NFC last: removing a character can leave a letter and a combining mark side by side, to be composed.
    return unicodedata.normalize("NFC", _STRAY_ZWSP.sub("", text))


def _unspaced(text: str) -> str:
    # Scripts written without spaces between words: a zero-width space is an invisible word-break hint (some
    # keyboards, sites and Lao corpora insert one between every pair of words) that carries no text, and leaving it in
    # makes the same sentence look up differently in the memory.
    return unicodedata.normalize("NFC", text.replace(ZWSP, ""))


def normalise_hangul(text: str) -> str:
    return _spaced(text)


def normalise_han(text: str) -> str:
    # Full-width ASCII (，。１２) is ordinary Chinese typography, not an error: it is left alone.
    return _unspaced(text)


def normalise_tibetan(text: str) -> str:
    # The tsheg, not a space, separates Tibetan syllables.
    return _unspaced(text)


def normalise_myanmar(text: str) -> str:
    # Unicode text: convert Zawgyi first (`zawgyi_to_unicode`).
    return _unspaced(text)


def normalise_khmer(text: str) -> str:
    return _unspaced(text)


def normalise_lao(text: str) -> str:
    return _unspaced(text)


def normalise_arabic(text: str) -> str:
    # Look-alike letters (Persian yeh U+06CC, keheh U+06A9) are not mapped: Uyghur tells ي, ى and ې apart, so a
    # Persian yeh has no one Uyghur equivalent, and no standard maps them. Tatweel stays too (it is used as a dash).
    return _spaced(_PRESENTATION_FORM.sub(lambda forms: unicodedata.normalize("NFKC", forms.group()), text))


def normalise_latin(text: str) -> str:
    # Vietnamese has two tone placements in oa/oe/uy ("hoà", "hòa"); both are in use and no standard makes one wrong,
    # so they are left as written.
    return _spaced(text)
