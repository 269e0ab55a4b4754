"""rfaflow/orthography.py: Zawgyi detection and conversion, the script check, Simplified vs Traditional, and the
per-script normalisers, on samples written here and (when the shared data is present) on NTREX-128."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rfaflow import orthography
from rfaflow.languages import LANGUAGES, SOURCE_LANGUAGES, get

NTREX_128 = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ntrex-128" / "dev.jsonl"

# Zawgyi -> Unicode pairs, each checked against ICU's "Zawgyi-my" transform; the first is myanmartools' own example.
ZAWGYI_PAIRS = [
    ("မ္း", "မ်း"),
    ("ဉာဏ္ႀကီးရွင္", "ဉာဏ်ကြီးရှင်"),
    ("အက်ိဳးတရား", "အကျိုးတရား"),
    ("ေက်ာင္းသား", "ကျောင်းသား"),  # the vowel sign E comes first in Zawgyi, after its consonant in Unicode
    ("ရန္ကုန္ၿမိဳ႕", "ရန်ကုန်မြို့"),
    ("ႏိုင္ငံ", "နိုင်ငံ"),
]
UNICODE_BURMESE = ["မင်္ဂလာပါ", "မြန်မာနိုင်ငံ", "ရန်ကုန်မြို့တွင် ကျောင်းသားများ စုဝေးကြသည်။"]


@pytest.fixture(scope="module")
def ntrex128() -> list[dict]:
    if not NTREX_128.exists():
        pytest.skip(f"shared data set not present: {NTREX_128}")
    return [json.loads(line) for line in NTREX_128.read_text(encoding="utf-8").splitlines()]


# --- Zawgyi ---

@pytest.mark.parametrize("zawgyi", [zawgyi for zawgyi, _ in ZAWGYI_PAIRS])
def test_zawgyi_samples_are_detected(zawgyi: str) -> None:
    assert orthography.looks_zawgyi(zawgyi)


@pytest.mark.parametrize("text", UNICODE_BURMESE + [unicode for _, unicode in ZAWGYI_PAIRS])
def test_unicode_burmese_is_not_taken_for_zawgyi(text: str) -> None:
    assert not orthography.looks_zawgyi(text)


def test_text_without_myanmar_has_zawgyi_probability_zero() -> None:
    # The detector itself answers -inf here.
    assert orthography.zawgyi_probability("Il faut bien le faire.") == 0.0
    assert orthography.zawgyi_probability("") == 0.0


@pytest.mark.parametrize(("zawgyi", "unicode"), ZAWGYI_PAIRS)
def test_zawgyi_conversion(zawgyi: str, unicode: str) -> None:
    pytest.importorskip("icu")
    assert orthography.zawgyi_to_unicode(zawgyi) == unicode


def test_burmese_is_wired_to_the_zawgyi_functions() -> None:
    pytest.importorskip("icu")
    legacy = get("my").legacy_encoding
    assert legacy is not None and legacy.name == "Zawgyi"
    zawgyi, unicode = ZAWGYI_PAIRS[1]
    assert legacy.detect(zawgyi) and not legacy.detect(unicode)
    assert legacy.convert(zawgyi) == unicode


def test_ntrex_burmese_is_zawgyi_and_converts_to_unicode(ntrex128: list[dict]) -> None:
    icu = pytest.importorskip("icu")
    lines = [line for document in ntrex128 for line in document["my"]]
    burmese = [line for line in lines if orthography.script_counts(line)]
    assert sum(map(orthography.looks_zawgyi, burmese)) >= 0.99 * len(burmese)
    converted = [orthography.zawgyi_to_unicode(line) for line in lines]
    assert not any(map(orthography.looks_zawgyi, converted))
    reference = icu.Transliterator.createInstance("Zawgyi-my")
    assert converted == [unicodedata.normalize("NFC", reference.transliterate(line)) for line in lines]


# --- Script check ---

def test_script_counts_count_letters_only() -> None:
    counts = orthography.script_counts("서울 2024년 BBC, 3.5%!")
    assert counts == {get("ko").scripts[0]: 3, get("en").scripts[0]: 3}
    # Myanmar digits and the Tibetan tsheg are in their scripts' blocks but are not letters.
    assert orthography.script_counts("၁၂၃ ༄།་") == {}


def test_script_problem_names_the_script_found() -> None:
    korean = "서울시는 오늘 새로운 교통 정책을 발표했다. 시민들의 반응은 엇갈렸다."
    assert orthography.script_problem(korean, get("zh-Hans")) == (
        "the text is in Hangul (100% of its letters), not Han (Chinese characters) as language 'zh-Hans' declares")
    assert orthography.script_problem(korean, get("ko")) is None


def test_korean_may_hold_hanja_and_latin() -> None:
    assert orthography.script_problem("北 외무성은 UN 안보리 결의를 비난했다고 KCNA가 전했다.", get("ko")) is None


def test_chinese_declared_korean_is_a_problem_although_korean_declares_han() -> None:
    problem = orthography.script_problem("北京今天宣布了新的交通政策，市民反应不一。", get("ko"))
    assert problem is not None and problem.startswith("the text is in Han (Chinese characters)")


def test_any_language_may_hold_some_latin_but_not_be_latin() -> None:
    chinese_with_names = "美国总统Donald Trump周二在White House会见了NATO秘书长，双方讨论了军费问题。"
    assert orthography.script_problem(chinese_with_names, get("zh-Hans")) is None
    english = "The president met the NATO secretary general on Tuesday to discuss military spending targets."
    assert "is in Latin" in (orthography.script_problem(english, get("zh-Hans")) or "")
    # A short Latin text (an acronym, a name) says nothing.
    assert orthography.script_problem("NATO", get("zh-Hans")) is None


def test_vietnamese_needs_its_own_letters() -> None:
    vietnamese = "Chính phủ Việt Nam hôm thứ Ba công bố kế hoạch mới nhằm thúc đẩy tăng trưởng kinh tế."
    english = "The government announced on Tuesday a new plan to speed up economic growth in the coming years."
    assert orthography.script_problem(vietnamese, get("vi")) is None
    problem = orthography.script_problem(english, get("vi"))
    assert problem is not None and "Vietnamese's own letters" in problem
    assert "is in Hangul" in (orthography.script_problem("정부는 새로운 경제 계획을 발표했다", get("vi")) or "")


def test_zawgyi_burmese_is_myanmar_script() -> None:
    assert orthography.script_problem(ZAWGYI_PAIRS[1][0], get("my")) is None
    assert "is in Myanmar" in (orthography.script_problem(ZAWGYI_PAIRS[1][0], get("km")) or "")


def test_script_check_on_ntrex(ntrex128: list[dict]) -> None:
    """No error on any document in its own language; an error for every document declared in a language of another
    script (the three Han languages share one script, so they are `variant_warning`'s to tell apart)."""
    missed, false, checked = [], [], 0
    for document in ntrex128:
        for source in LANGUAGES.values():
            text = "\n".join(document[source.tag])
            for declared in SOURCE_LANGUAGES:
                problem = orthography.script_problem(text, declared)
                if declared is source:
                    if problem:
                        false.append((source.tag, problem))
                # Told apart by script, or by letters of the declared language's own (Vietnamese's, against English).
                elif declared.scripts[0] != source.scripts[0] or declared.untranslated not in declared.scripts:
                    checked += 1
                    if problem is None:
                        missed.append((source.tag, declared.tag))
    assert false == [] and missed == [] and checked > 0


# --- Simplified vs Traditional ---

def test_han_variant() -> None:
    assert orthography.han_variant("国会议员说这个问题很复杂") == "Hans"
    assert orthography.han_variant("國會議員說這個問題很複雜") == "Hant"
    assert orthography.han_variant("中国") is None  # one telling character is not enough
    assert orthography.han_variant("人民大会") is None
    assert orthography.han_variant("国会议员說這個問題") is None  # four Simplified-only, five Traditional-only


def test_variant_warnings() -> None:
    simplified, traditional = "国会议员说这个问题很复杂", "國會議員說這個問題很複雜"
    for tag in ("zh-Hant", "yue"):
        warning = get(tag).variant_warning
        assert warning is not None and warning(traditional) is None
        assert "is in Simplified Chinese characters" in (warning(simplified) or "")
    warning = get("zh-Hans").variant_warning
    assert warning is not None and warning(simplified) is None
    assert "is in Traditional Chinese characters" in (warning(traditional) or "")
    assert "mixes Simplified and Traditional" in (warning("国会议员說這個問題") or "")


def test_variants_on_ntrex(ntrex128: list[dict]) -> None:
    for document in ntrex128:
        for tag, variant, other in (("zh-Hans", "Hans", "zh-Hant"), ("zh-Hant", "Hant", "zh-Hans"),
                                    ("yue", "Hant", "zh-Hans")):
            text = "\n".join(document[tag])
            assert orthography.han_variant(text) == variant
            assert get(tag).variant_warning(text) is None
            assert get(other).variant_warning(text) is not None


# --- Normalisation ---

NORMALISERS = [orthography.normalise_hangul, orthography.normalise_han, orthography.normalise_tibetan,
               orthography.normalise_myanmar, orthography.normalise_khmer, orthography.normalise_lao,
               orthography.normalise_arabic, orthography.normalise_latin]
# Characters the rules act on, mixed with letters, combining marks and spaces of the scripts concerned.
_TRICKY = st.text(alphabet=st.sampled_from(
    ["\u200b", "\u200c", "\u200d", " ", "\n", "\u2000", "e", "\u0301", "\u0323", "\u1037", "\u103a", "\u1000",
     "\u1025", "\u102e", "\u0ec8", "\u0eb9", "\u0e81", "\ufb56", "\ufe8d", "\ufc5e", "\ufdfa", "\u0628", "\u17d2",
     "\u1780", "\u1100", "\u1161", "\uf900", "\uff21"]), max_size=30)


@pytest.mark.parametrize("normalise", NORMALISERS, ids=lambda function: function.__name__)
@given(text=st.one_of(st.text(max_size=40), _TRICKY))
def test_normalisers_are_idempotent(normalise, text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)


def test_every_language_normalises_with_its_scripts_function() -> None:
    assert {tag: language.normalise.name for tag, language in LANGUAGES.items()} == {  # type: ignore[attr-defined]
        "en": "normalise_latin", "ko": "normalise_hangul", "zh-Hans": "normalise_han", "zh-Hant": "normalise_han",
        "yue": "normalise_han", "bo": "normalise_tibetan", "ug": "normalise_arabic", "my": "normalise_myanmar",
        "km": "normalise_khmer", "lo": "normalise_lao", "vi": "normalise_latin"}


def test_zero_width_space_goes_in_scripts_without_spaces() -> None:
    assert orthography.normalise_lao("ສະບາຍ\u200bດີ") == "ສະບາຍດີ"
    assert orthography.normalise_khmer("កីឡាករ\u200bលោក") == "កីឡាករលោក"
    assert orthography.normalise_myanmar("မြန်မာ\u200bနိုင်ငံ") == "မြန်မာနိုင်ငံ"
    assert orthography.normalise_han("中国\u200b人民") == "中国人民"
    assert orthography.normalise_tibetan("བོད་\u200bཡིག") == "བོད་ཡིག"


def test_zero_width_space_stays_between_letters_in_spaced_scripts() -> None:
    # Beside a space it is debris; between two letters it may be the only word boundary.
    assert orthography.normalise_latin("kiến \u200b\u200bđều\u200b") == "kiến đều"
    assert orthography.normalise_latin("a\u200bb") == "a\u200bb"
    assert orthography.normalise_hangul("\u200b서울 \u200b시") == "서울 시"


def test_joiners_are_kept() -> None:
    for normalise, text in ((orthography.normalise_myanmar, "မည့် \u200cဒေါ်လာ"),
                            (orthography.normalise_arabic, "می\u200cخواهم"),
                            (orthography.normalise_khmer, "ស\u200dន")):
        assert normalise(text) == text


def test_nfc_fixes_mark_order_and_decomposed_tones() -> None:
    assert orthography.normalise_myanmar("သူ\u103a\u1037") == "သူ\u1037\u103a"  # dot below before asat (UTN #11)
    assert orthography.normalise_myanmar("\u1025\u102e") == "\u1026"  # ဦ as one character
    assert orthography.normalise_lao("\u0e81\u0ec8\u0eb9") == "\u0e81\u0eb9\u0ec8"  # vowel sign before tone mark
    assert orthography.normalise_latin("Vie\u0323\u0302t") == "Việt"
    assert orthography.normalise_hangul("\u1100\u1161") == "가"


def test_arabic_presentation_forms_become_letters() -> None:
    # ﺑ (beh, initial form) and ﺎ (alef, final form) -> ب ا; the ligature ﻻ -> لا.
    assert orthography.normalise_arabic("\ufe91\ufe8e \ufefb") == "\u0628\u0627 \u0644\u0627"
    # Only there: full-width letters and Arabic look-alikes (Persian yeh, keheh) are left as written.
    assert orthography.normalise_arabic("\uff21 \u06cc\u06a9") == "\uff21 \u06cc\u06a9"


def test_what_normalisation_leaves_alone() -> None:
    # Full-width forms are normal Chinese typography.
    assert orthography.normalise_han("ＢＢＣ报道，１２人") == "ＢＢＣ报道，１２人"
    assert orthography.normalise_latin("hoà hòa") == "hoà hòa"  # both Vietnamese tone placements are in use
    assert orthography.normalise_arabic("دىيەت ـــ دېڭىز") == "دىيەت ـــ دېڭىز"  # tatweel used as a dash


def test_normalisation_on_ntrex_changes_only_what_the_rules_say(ntrex128: list[dict]) -> None:
    """NTREX's text is NFC but for a few Vietnamese and Lao sentences; beyond that the normalisers take out only
    zero-width spaces (Lao has one between most words; the two in Vietnamese sit beside spaces)."""
    for tag, language in LANGUAGES.items():
        for document in ntrex128:
            for sentence in document[tag]:
                if language.legacy_encoding is not None:
                    pytest.importorskip("icu")
                    sentence = language.legacy_encoding.convert(sentence)
                expected = unicodedata.normalize("NFC", sentence.replace(orthography.ZWSP, ""))
                assert language.normalise(sentence) == expected
