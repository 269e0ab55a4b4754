"""Sentence splitting in the rule-based service languages: one test per rule and veto of rfaflow/segmenters.py,
losslessness on generated text in each script and on the real NTREX-128 text, and windowing of unspaced Chinese."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED_DATA
from rfaflow import limits
from rfaflow.languages import LANGUAGES, Language, Lazy
from rfaflow.segment import sentence_spans, split_sentences

NTREX_128 = SHARED_DATA / "ntrex-128" / "dev.jsonl"
RULE_BASED = ("zh-Hans", "zh-Hant", "yue", "vi", "ug", "my", "km", "lo", "bo")


def split(text: str, tag: str) -> list[str]:
    return split_sentences(text, LANGUAGES[tag])


# --- Chinese and Cantonese -------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["zh-Hans", "zh-Hant", "yue"])
def test_han_full_width_marks_end_a_sentence_without_a_space(tag: str) -> None:
    assert split("今天下雨。明天呢？太好了！", tag) == ["今天下雨。", "明天呢？", "太好了！"]


def test_han_half_width_question_and_exclamation_marks_end_a_sentence() -> None:
    assert split("真的吗?真的!", "zh-Hans") == ["真的吗?", "真的!"]


@pytest.mark.parametrize(("tag", "text", "sentences"), [
    ("zh-Hans", "他说：“我们走。”然后走了。", ["他说：“我们走。”", "然后走了。"]),
    ("zh-Hant", "他說：「好。」大家笑了。", ["他說：「好。」", "大家笑了。"]),
    ("yue", "佢話：『得。』）大家都笑咗。", ["佢話：『得。』）", "大家都笑咗。"]),
])
def test_han_closing_quotes_and_brackets_stay_with_their_sentence(tag: str, text: str, sentences: list[str]) -> None:
    assert split(text, tag) == sentences


def test_han_ascii_period_and_ellipsis_do_not_end_a_sentence() -> None:
    assert split("经济增长3.5%，他说……我们再看看。", "zh-Hans") == ["经济增长3.5%，他说……我们再看看。"]


def test_a_long_unspaced_chinese_paragraph_is_windowed_at_a_full_stop() -> None:
    """No whitespace to fall back on: the window must end after a 。 in its back half, not at its last character."""
    sentence = "今天我们讨论了很多重要问题。"  # 14 characters: no window of 4,000 ends on a sentence end by chance
    text = sentence * (3 * limits.SEGMENTER_WINDOW_CHARS // len(sentence))
    language = LANGUAGES["zh-Hans"]
    splitter = language.sentence_cuts
    assert isinstance(splitter, Lazy)
    cut, windows = splitter.function, []

    def recording(texts: list[str]) -> list[list[int]]:
        windows.append(texts)
        return cut(texts)

    with mock.patch.object(splitter, "_function", recording):
        sentences = split_sentences(text, language)
    pieces = windows[0]  # then the text around each window cut, to confirm it
    assert len(pieces) >= 3 and "".join(pieces) == text
    assert all(len(piece) <= limits.SEGMENTER_WINDOW_CHARS and piece.endswith("。") for piece in pieces)
    assert sentences == [sentence] * (len(text) // len(sentence))


# --- Vietnamese -------------------------------------------------------------------------------------------------

def test_vietnamese_period_space_capital_ends_a_sentence_and_closers_stay() -> None:
    assert split('Trời mưa. Ông nói: "Tôi ở nhà." 3 người đến!', "vi") == [
        "Trời mưa.", 'Ông nói: "Tôi ở nhà."', "3 người đến!"]


def test_vietnamese_needs_a_space_after_the_mark() -> None:
    assert split("Giá là 1.000.000 đồng.Không đổi.", "vi") == ["Giá là 1.000.000 đồng.Không đổi."]


def test_vietnamese_lower_case_after_the_mark_continues_the_sentence() -> None:
    assert split("Ông ấy nói... và rồi đi về.", "vi") == ["Ông ấy nói... và rồi đi về."]


def test_vietnamese_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    assert split("Ông sống ở TP. Hồ Chí Minh, Q. 1 với PGS. TS. Nguyễn Văn Nam. Bà gặp George W. Bush.", "vi") == [
        "Ông sống ở TP. Hồ Chí Minh, Q. 1 với PGS. TS. Nguyễn Văn Nam.", "Bà gặp George W. Bush."]


def test_vietnamese_english_titles_only_capitalised() -> None:
    # "Mr." before a name; "no" (full) and "sen" (lotus) are Vietnamese words that end sentences.
    assert split("Ông Mr. Smith đã ăn no. Sau đó ông ngắm hoa sen. Xong.", "vi") == [
        "Ông Mr. Smith đã ăn no.", "Sau đó ông ngắm hoa sen.", "Xong."]


def test_vietnamese_etc_ends_a_list_and_may_end_the_sentence() -> None:
    assert split("Họ bán táo, cam v.v. Sau đó họ về.", "vi") == ["Họ bán táo, cam v.v.", "Sau đó họ về."]


# --- Uyghur -----------------------------------------------------------------------------------------------------

def test_uyghur_marks_and_a_space_end_a_sentence() -> None:
    assert split("سىز كەلدىڭىزمۇ؟ مەن كەلدىم. ياخشى!", "ug") == ["سىز كەلدىڭىزمۇ؟", "مەن كەلدىم.", "ياخشى!"]


def test_uyghur_comma_semicolon_and_decimals_do_not_end_a_sentence() -> None:
    assert split("ئۇ كەلدى، مەن كەتتىم؛ باھا 3.5 يۈەن.", "ug") == ["ئۇ كەلدى، مەن كەتتىم؛ باھا 3.5 يۈەن."]


def test_uyghur_initials_and_latin_abbreviations_do_not_end_a_sentence() -> None:
    assert split("م. ئەخمەت بىلەن Dr. Smith ۋە George W. Bush كەلدى.", "ug") == [
        "م. ئەخمەت بىلەن Dr. Smith ۋە George W. Bush كەلدى."]


def test_uyghur_closing_guillemet_after_a_space_stays_with_its_sentence() -> None:
    assert split("ئۇ: «مەن كەلدىم. » ئاندىن كەتتى.", "ug") == ["ئۇ: «مەن كەلدىم. »", "ئاندىن كەتتى."]


def test_uyghur_verb_of_saying_after_a_quotation_continues_the_sentence() -> None:
    assert split("«مەن كەلدىم.» دېدى ئۇ. «بىز كەتتۇق.» دېڭىز يىراق.", "ug") == [
        "«مەن كەلدىم.» دېدى ئۇ.", "«بىز كەتتۇق.»", "دېڭىز يىراق."]


# --- Burmese ----------------------------------------------------------------------------------------------------

def test_burmese_section_mark_ends_a_sentence_with_or_without_a_space() -> None:
    assert split("မိုးရွာသည်။မနက်ဖြန် နေသာမည်။ သွားမလား?", "my") == ["မိုးရွာသည်။", "မနက်ဖြန် နေသာမည်။", "သွားမလား?"]


def test_burmese_little_section_is_a_comma() -> None:
    assert split("ကျွန်တော်၊ သူ နှင့် သူမ သွားသည်။", "my") == ["ကျွန်တော်၊ သူ နှင့် သူမ သွားသည်။"]


# --- Khmer ------------------------------------------------------------------------------------------------------

def test_khmer_khan_and_bariyoosan_end_a_sentence_without_a_space() -> None:
    assert split("ភ្លៀងធ្លាក់។ថ្ងៃស្អែកក្តៅ៕ អ្នកទៅទេ?", "km") == ["ភ្លៀងធ្លាក់។", "ថ្ងៃស្អែកក្តៅ៕", "អ្នកទៅទេ?"]


def test_khmer_etc_colon_and_repetition_do_not_end_a_sentence() -> None:
    assert split("គេលក់ស្វាយ ចេក ។ល។ នៅផ្សារ ហើយគាត់និយាយថា៖ ល្អៗ។", "km") == [
        "គេលក់ស្វាយ ចេក ។ល។ នៅផ្សារ ហើយគាត់និយាយថា៖ ល្អៗ។"]


# --- Lao --------------------------------------------------------------------------------------------------------

def test_lao_latin_marks_and_a_space_end_a_sentence() -> None:
    assert split("ມື້ນີ້ຝົນຕົກ. ມື້ອື່ນແດດອອກບໍ? ດີ!", "lo") == ["ມື້ນີ້ຝົນຕົກ.", "ມື້ອື່ນແດດອອກບໍ?", "ດີ!"]


def test_lao_decimals_and_lao_marks_do_not_end_a_sentence() -> None:
    assert split("ລາຄາ 3.5 ກີບ ແລະ ອື່ນໆ ຯລຯ ແມ່ນດີ.", "lo") == ["ລາຄາ 3.5 ກີບ ແລະ ອື່ນໆ ຯລຯ ແມ່ນດີ."]


def test_lao_latin_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    assert split("ທ່ານ Dr. Smith ຈາກ U.S. ແລະ John F. Kennedy ເວົ້າ.", "lo") == [
        "ທ່ານ Dr. Smith ຈາກ U.S. ແລະ John F. Kennedy ເວົ້າ."]


# --- Tibetan ----------------------------------------------------------------------------------------------------

def test_tibetan_shad_ends_a_sentence_space_or_not_and_a_double_shad_is_one_mark() -> None:
    assert split("ང་བོད་པ་ཡིན། ཁོ་རྒྱ་མི་རེད། །ང་སྐྱིད་པོ་བྱུང་།ད་ལྟ་ཡོང་།", "bo") == [
        "ང་བོད་པ་ཡིན།", "ཁོ་རྒྱ་མི་རེད། །", "ང་སྐྱིད་པོ་བྱུང་།", "ད་ལྟ་ཡོང་།"]


def test_tibetan_space_after_final_ga_ends_a_sentence_without_a_shad() -> None:
    assert split("ཁོ་ཚོས་ལས་ཀ་བྱེད་ཀྱི་འདུག ད་ལྟ་ཁོ་ཚོ་ཁང་པར་ཡོད།", "bo") == [
        "ཁོ་ཚོས་ལས་ཀ་བྱེད་ཀྱི་འདུག", "ད་ལྟ་ཁོ་ཚོ་ཁང་པར་ཡོད།"]


def test_tibetan_shad_after_a_clause_particle_does_not_end_the_sentence() -> None:
    assert split("ཁོ་ཁང་པར་སླེབས་ནས། ཟ་མ་ཟོས་ཤིང་། གཉིད་ཁུག་སོང་། ཁོ་སྐྱིད་པོ་རེད།", "bo") == [
        "ཁོ་ཁང་པར་སླེབས་ནས། ཟ་མ་ཟོས་ཤིང་། གཉིད་ཁུག་སོང་།", "ཁོ་སྐྱིད་པོ་རེད།"]


def test_tibetan_know_is_no_clause_particle() -> None:
    assert split("ང་ཚོས་མི་ཤེས། ཁོ་ཚོ་ཡོང་གི་རེད།", "bo") == ["ང་ཚོས་མི་ཤེས།", "ཁོ་ཚོ་ཡོང་གི་རེད།"]


def test_tibetan_quotative_after_a_quotation_continues_the_sentence() -> None:
    assert split("ཁོས་“ཉོ་མཁན་མེད།” ཅེས་བཤད། ཁོ་ཚོ་ཡོང་གི་རེད།", "bo") == ["ཁོས་“ཉོ་མཁན་མེད།” ཅེས་བཤད།", "ཁོ་ཚོ་ཡོང་གི་རེད།"]


# --- lossless on any text in each script ------------------------------------------------------------------------

_COMMON = [" ", "  ", "\n", "\t", "\u3000", "\u00a0", '"', "'", "“", "”", "(", ")", "«", "»", ".", "!", "?", "…",
           "1", "3.5", "A", "b", "Mr", "U.S", "Dr"]
# Characters of each script, its marks, and words its rules and vetoes look at.
_SCRIPT = {
    "zh-Hans": list("我们国家中文说话今天") + list("。！？，、；：「」『』（）《》【】……") + ["他说：“好。”"],
    "zh-Hant": list("我們國家中文說話今天") + list("。！？，、；：「」『』（）《》【】……") + ["他說：「好。」"],
    "yue": list("佢哋嘅咗唔係冇嚟") + list("。！？，、「」『』（）") + ["佢話：「得。」"],
    "vi": list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃĂÂĐÊÔƠƯ") + ["TP", "Q", "PGS", "v.v", "no", "Sen", "Ông"],
    "ug": list("ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي") + list("؟۔،؛") + ["م", "ئەخمەت"],
    "my": list("ကခဂငစဆဇညတထဒနပဖဗဘမယရလဝသဟအ") + list("ါာိီုူေဲံ့း်ျြွှ") + list("။၊၀၁၂"),
    "km": list("កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ") + list("ាិីឹឺុូួើឿៀេែៃោៅំះ់្") + list("។៕៖ៗ៛") + ["។ល។"],
    "lo": list("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ") + list("ະາິີຶືຸູເແໂໃໄ່້໊໋ໆຯ") + ["ຯລຯ"],
    "bo": list("ཀཁགངཅཆཇཉཏཐདནཔཕབམཙཚཛཝཞཟའཡརལཤསཧཨ") + list("ིེོུྱྲླ་།༎༏༑") + ["ནས", "དང", "ཞིང", "འདུག", "ཡིན"],
}


def _assert_lossless(text: str, spans: list[tuple[int, int]]) -> None:
    """Segments are non-empty and trimmed, only whitespace lies between and around them: joined, whitespace aside,
    they give the text back."""
    ends = [0] + [end for _, end in spans]
    for (start, end), previous_end in zip(spans, ends, strict=False):
        segment = text[start:end]
        assert segment.strip() == segment != ""
        assert text[previous_end:start].strip() == ""
    assert text[ends[-1]:].strip() == ""
    assert "".join("".join(text[start:end].split()) for start, end in spans) == "".join(text.split())


@pytest.mark.parametrize("tag", RULE_BASED)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_split_loses_nothing_on_text_in_the_script(tag: str, data: st.DataObject) -> None:
    pieces = data.draw(st.lists(st.sampled_from(_SCRIPT[tag] + _COMMON), max_size=300))
    window = data.draw(st.integers(min_value=1, max_value=400))
    text = "".join(pieces)
    with mock.patch.object(limits, "SEGMENTER_WINDOW_CHARS", window):  # windows cut in the script's text too
        spans = sentence_spans([text], LANGUAGES[tag])[0]
    _assert_lossless(text, spans)


# --- the real NTREX-128 text ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ntrex_128() -> list[dict]:
    if not NTREX_128.is_file():
        pytest.skip(f"shared data set not present: {NTREX_128}")
    return [json.loads(line) for line in NTREX_128.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("tag", RULE_BASED)
def test_real_news_loses_nothing(ntrex_128: list[dict], tag: str) -> None:
    """Each document run together, and each sentence alone; Burmese as the data set has it, in Zawgyi."""
    texts = [" ".join(document[tag]) for document in ntrex_128] + [s for d in ntrex_128 for s in d[tag]]
    for text, spans in zip(texts, sentence_spans(texts, LANGUAGES[tag]), strict=True):
        _assert_lossless(text, spans)


def _boundary_f1(documents: list[dict], tag: str, language: Language) -> float:
    found = gold = hits = 0
    for document in documents:
        sentences = [s.strip() for s in document[tag] if s.strip()]
        text = " ".join(sentences)
        starts = {sum(len(s) + 1 for s in sentences[:i]) for i in range(1, len(sentences))}
        cuts = {start for start, _ in sentence_spans([text], language)[0]} - {0}
        found, gold, hits = found + len(cuts), gold + len(starts), hits + len(cuts & starts)
    return 2 * hits / (found + gold)


@pytest.mark.parametrize("tag", RULE_BASED)
def test_real_news_mostly_splits_where_the_translators_did(ntrex_128: list[dict], tag: str) -> None:
    """bench/segmenters.py measures 0.89 to 0.95 boundary F1; headlines without a final mark cap the recall."""
    language = LANGUAGES[tag]
    documents = ntrex_128
    if language.legacy_encoding is not None:
        pytest.importorskip("icu", reason="converting Zawgyi needs PyICU")
        legacy = language.legacy_encoding
        documents = [{tag: [legacy.convert(s) if legacy.detect(s) else s for s in d[tag]]} for d in ntrex_128]
    assert _boundary_f1(documents, tag, language) > 0.85
