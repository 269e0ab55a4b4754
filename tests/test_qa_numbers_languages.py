"""The number readers of the service languages other than Korean: one test per rule, on sentences written here."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from rfaflow import languages
from rfaflow.qa import ERROR
from rfaflow.qa.numbers import check_numbers
from rfaflow.qa.numbers_common import chain_value, flex_values

NTREX_128 = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-128" / "dev.jsonl"


def read(tag: str, text: str, date: datetime.date | None = None) -> list:
    reader = languages.get(tag).quantities
    assert reader is not None
    return reader(text, date=date)


def values(tag: str, text: str) -> list[float]:
    return [q.value for q in read(tag, text)]


def strong(tag: str, text: str) -> list[float]:
    return [q.value for q in read(tag, text) if q.strong]


def errors(tag: str, source: str, target: str, date: datetime.date | None = None) -> list[str]:
    return [p.message for p in check_numbers(source, target, read_source=languages.get(tag).quantities, date=date)
            if p.severity == ERROR]


# ---------------------------------------------------------------- shared pieces

@pytest.mark.parametrize(("number", "expected"), [
    ("1,350,000", (1_350_000,)),  # a repeated separator groups thousands
    ("1.234.567", (1_234_567,)),
    ("1.234,5", (1234.5,)),  # both kinds: the last is the decimal one
    ("1,234.5", (1234.5,)),
    ("2,8", (2.8,)),  # Khmer and Vietnamese decimal comma
    ("1,500", (1500, 1.5)),  # one separator before three digits: either convention
])
def test_separators_are_read_in_either_convention(number: str, expected: tuple[float, ...]) -> None:
    assert flex_values(number) == pytest.approx(expected)


def test_a_bigger_magnitude_multiplies_everything_before_it() -> None:
    # 3万亿: 3 × 10,000 × 100,000,000; 4亿5000万: the 万 only multiplies what follows 亿.
    assert chain_value([("n", 3), ("big", 1e4), ("big", 1e8)]) == 3e12
    assert chain_value([("n", 4), ("big", 1e8), ("n", 5000), ("big", 1e4)]) == 450_000_000


# ---------------------------------------------------------------- Chinese

@pytest.mark.parametrize(("text", "value"), [
    ("人口达到1.5万人", 15_000),
    ("损失约3亿元", 300_000_000),
    ("预算为三千五百万美元", 35_000_000),
    ("共有 2,000 万 名观众", 20_000_000),
    ("市值约3万亿元", 3e12),
    ("一亿两千万人", 120_000_000),
])
def test_chinese_magnitudes_multiply(text: str, value: float) -> None:
    assert value in values("zh-Hans", text)


def test_chinese_percentages_and_tenths() -> None:
    assert 50 in values("zh-Hans", "支持率为百分之五十")  # a hundredth-share is a percentage
    assert 57 in values("zh-Hant", "百分之 57 的受訪者")
    assert 30 in values("zh-Hans", "三成的人")  # 成 is a tenth
    assert 2 / 3 in values("zh-Hans", "三分之二的议员")


def test_chinese_full_width_digits() -> None:
    assert 2024 in values("zh-Hans", "２０２４年的选举")


def test_chinese_dates_give_year_month_and_day() -> None:
    found = read("zh-Hans", "2024年3月5日发生")
    assert [q.value for q in found] == [2024, 3, 5]
    assert found[1].kind == "month"
    assert not errors("zh-Hans", "他于2024年3月5日抵达。", "He arrived on March 5, 2024.")


def test_a_chinese_day_is_checked_on_the_calendar() -> None:
    date = datetime.date(2024, 3, 9)  # a Saturday; 3月7日 was a Thursday
    assert not errors("zh-Hans", "他3月7日抵达。", "He arrived on Thursday.", date)
    assert errors("zh-Hans", "他3月7日抵达。", "He arrived on Friday.", date)


def test_chinese_year_is_read_digit_by_digit() -> None:
    assert 2019 in values("zh-Hant", "二〇一九年")


def test_a_counted_chinese_numeral_is_strong_and_a_bare_one_only_confirms() -> None:
    assert 3 in strong("zh-Hans", "三名记者被捕")  # before a classifier: a count
    assert 3 not in strong("zh-Hans", "三星公司")  # inside a name
    assert 1 not in strong("zh-Hans", "一名男子")  # 一 is "a" as often as "one"
    assert 10 not in strong("zh-Hans", "他十分高兴")  # 十分 is "very"
    assert errors("zh-Hans", "三名记者被捕。", "Four journalists were arrested.")


def test_chinese_weekdays_are_not_numbers() -> None:
    assert 4 not in values("zh-Hans", "周四举行会议")
    assert 4 in strong("zh-Hans", "一周四天工作制")  # four days a week: the numeral counts 天


def test_chinese_both_sides_only_confirm() -> None:
    # 两国 is "the two countries", which English says as "both" or leaves out.
    assert not errors("zh-Hans", "两国关系紧张。", "Relations are tense.")


def test_chinese_several_is_not_a_number() -> None:
    assert 100 not in strong("zh-Hans", "数百人参加")


def test_chinese_clock_time_is_on_either_clock() -> None:
    assert not errors("zh-Hans", "会议在下午3点开始。", "The meeting began at 3 p.m.")
    assert not errors("zh-Hans", "会议在15:30开始。", "The meeting began at 3:30 p.m.")


def test_chinese_money_has_its_currency() -> None:
    found = read("zh-Hans", "35万美元")
    assert found[0].value == 350_000 and found[0].currency == "USD"


def test_chinese_decade_of_a_century() -> None:
    assert not errors("zh-Hans", "他们在20世纪30年代离开。", "They left in the 1930s.")


def test_cantonese_reads_its_own_numerals_and_dollar() -> None:
    assert 25 in values("yue", "廿五個人")  # 廿 is twenty
    assert 30 in values("yue", "卅個")
    found = read("yue", "要俾50蚊")
    assert found[0].currency == "HKD"


def test_simplified_does_not_bind_cantonese_numerals() -> None:
    assert 25 not in values("zh-Hans", "廿五")


def test_these_two_points_back_and_only_confirms() -> None:
    # 这两个 / 呢兩個 is "both" or "the two" in English, or left out.
    assert 2 not in strong("zh-Hans", "他们买下了这两个品牌")
    assert 2 not in strong("yue", "佢哋買咗呢兩個品牌")
    assert 2 in strong("zh-Hans", "他们买下了两个品牌")


def test_next_in_rank_confirms_second() -> None:
    assert not errors("zh-Hant", "其次為 ABC 的 326 萬人。", "ABC was second with 3.26 million.")


def test_more_than_before_ten_thousand() -> None:
    found = [q for q in read("yue", "30多萬人喺嗰度住") if q.value == 300_000]
    assert found and found[0].hedge == "over"
    assert not errors("zh-Hans", "承诺金额达370多亿美元。", "Pledges worth $37 billion.")
    assert errors("zh-Hans", "承诺金额达370多亿美元。", "Pledges worth $3.7 billion.")


def test_full_width_thousands_separator() -> None:
    assert 30_000 in strong("yue", "全蘇格蘭有多達30，000名學生")
    assert 3 in values("zh-Hans", "第3，第4名")  # a clause comma before one digit stays a comma


def test_numeral_idioms_count_nothing() -> None:
    assert not errors("yue", "呢件事已經七國咁亂。", "This is already a mess.")
    assert not errors("zh-Hans", "记者从四面八方赶来。", "Reporters came from everywhere.")


def test_a_century_is_also_its_hundreds() -> None:
    assert not errors("zh-Hant", "21世紀初，雙方開始合作。", "In the early 2000s, they began to work together.")


def test_vulgar_half_after_chinese_digits() -> None:
    assert not errors("zh-Hant", "最終比數 14½-13½。", "The final score was 14½-13½.")
    assert errors("zh-Hant", "最終比數 14½-13½。", "The final score was 14-12.")


def test_english_head_count_formats_confirm() -> None:
    # foursomes and fourballs hold the number four that the source spells out.
    assert not errors("zh-Hant", "禮拜六的四球局和四人賽", "Saturday's fourballs and foursomes")
    assert errors("zh-Hant", "禮拜六的四人賽", "Saturday's singles")


def test_english_fashion_season_is_a_year() -> None:
    assert not errors("zh-Hant", "他們的 2019 年春夏系列", "their SS19 collection")


# ---------------------------------------------------------------- Vietnamese

@pytest.mark.parametrize(("text", "value"), [
    ("thiệt hại 350.000 đô la", 350_000),
    ("dân số 1,5 triệu người", 1_500_000),
    ("khoảng 2,5 tỷ đồng", 2_500_000_000),
    ("tổng cộng 1 tỷ 200 triệu đồng", 1_200_000_000),
    ("có 2.5 million", 2.5),
])
def test_vietnamese_numbers_and_magnitudes(text: str, value: float) -> None:
    assert value in values("vi", text)


def test_vietnamese_percent_and_money() -> None:
    found = read("vi", "tăng 57 phần trăm")
    assert found[0].kind == "percent" and found[0].value == 57
    assert read("vi", "trị giá 5 triệu đô la")[0].currency == "USD"


def test_vietnamese_dates() -> None:
    assert not errors("vi", "ngày 5 tháng 3 năm 2024", "March 5, 2024")
    assert not errors("vi", "vào ngày 29/03", "on 29 March")
    assert [q.value for q in read("vi", "vào tháng Ba")] == [3]  # month names are ordinals


def test_vietnamese_spelled_numbers() -> None:
    assert 25 in values("vi", "hai mươi lăm người")
    assert 3 in strong("vi", "ba người bị thương")  # a numeral before its noun is a count
    assert 5 not in values("vi", "hai năm trước")  # năm after a number is "year"
    assert 2 in strong("vi", "hai năm trước")
    assert 3 not in strong("vi", "Quan hệ với Ba Lan rất tốt")  # capitalised inside a sentence: Poland


def test_vietnamese_hedged_quantities_are_sizes() -> None:
    assert 1e6 not in strong("vi", "hàng triệu người")


def test_vietnamese_clock() -> None:
    assert not errors("vi", "lúc 7 giờ sáng", "at 7 a.m.")
    assert not errors("vi", "lúc 19h30", "at 7:30 p.m.")


def test_vietnamese_weekday_is_capitalised_and_ordinal_is_not() -> None:
    assert values("vi", "Họ gặp nhau vào thứ Hai") == []  # Monday
    assert 2 in strong("vi", "cuộc họp thứ hai sẽ diễn ra")  # the second meeting
    assert 2 not in strong("vi", "họ gặp nhau vào thứ hai tuần này")  # a lowercase weekday after vào only confirms
    assert errors("vi", "hội nghị thượng đỉnh lần thứ hai", "a third summit")


def test_vietnamese_rank_after_time_or_degree() -> None:
    assert errors("vi", "tội giết người cấp độ hai.", "a third-degree murder charge.")
    assert not errors("vi", "một cuộc gặp lần hai.", "a second meeting.")


def test_vietnamese_five_before_a_counted_noun() -> None:
    assert 5 in strong("vi", "năm người bị thương")
    assert 5 not in strong("vi", "sau 100 năm ngày ông mất")  # năm after digits is "year"
    assert 5 not in strong("vi", "năm ngoái")


def test_vietnamese_these_two_points_back() -> None:
    assert not errors("vi", "Hai tuyển thủ này đã đấu cặp.", "The pair played together.")
    assert not errors("vi", "chênh lệch tuổi tác giữa hai người", "the age gap")
    assert not errors("vi", "hàng hóa nhập khẩu của hai bên", "each other's imports")
    assert errors("vi", "hai tuyển thủ đã đấu cặp.", "Three players played.")


def test_vietnamese_junctions_are_not_counts() -> None:
    assert not errors("vi", "gần ngã ba đường Bestwood", "near the junction of Bestwood Street")


def test_vietnamese_fraction() -> None:
    assert not errors("vi", "cần hai phần ba số phiếu", "needs a two-thirds majority")


# ---------------------------------------------------------------- native digits

@pytest.mark.parametrize(("tag", "text", "value"), [
    ("my", "လူ ၁၂၅ ဦး", 125),
    ("km", "មនុស្ស ២៤ នាក់", 24),
    ("lo", "ຄົນ ໒໔ ຄົນ", 24),
    ("bo", "མི་༢༤", 24),
    ("ug", "٢٤ ياشلىق", 24),
])
def test_native_digits_are_read(tag: str, text: str, value: float) -> None:
    assert value in values(tag, text)


@pytest.mark.parametrize(("tag", "text", "value"), [
    ("km", "តម្លៃ 2,8 ពាន់លានដុល្លារ", 2.8e9),  # a thousand million, with Khmer's decimal comma
    ("km", "១២៥ លានផោន", 125e6),
    ("lo", "ມູນຄ່າ 2.8 ພັນລ້ານ", 2.8e9),
    ("lo", "໕ ແສນ ຄົນ", 500_000),
    ("my", "၁.၅ သန်း", 1.5e6),
    ("my", "လူ ၁ သောင်း", 10_000),
    ("ug", "2 مىليارد 800 مىليون دوللار", 2.8e9),  # a smaller amount after a bigger one adds
    ("ug", "350 مىڭ", 350_000),
])
def test_a_magnitude_after_the_number_multiplies_it(tag: str, text: str, value: float) -> None:
    assert value in values(tag, text)


@pytest.mark.parametrize(("tag", "text", "value"), [
    ("my", "လူပေါင်း သန်း ၂၀ ကျော်", 20e6),
    ("bo", "དབྱིན་སྒོར་ས་ཡ་£11", 11e6),
])
def test_burmese_and_tibetan_also_write_the_magnitude_first(tag: str, text: str, value: float) -> None:
    assert value in values(tag, text)


def test_khmer_writes_the_magnitude_after_only() -> None:
    assert 20e6 not in values("km", "លាន ២០")


@pytest.mark.parametrize(("tag", "text"), [
    ("my", "၄၀ ရာခိုင်နှုန်း"),
    ("km", "40 ភាគរយ"),
    ("lo", "40 ເປີເຊັນ"),
    ("bo", "བརྒྱ་ཆ་40"),
    ("ug", "%40"),
    ("ug", "40 پىرسەنت"),
])
def test_percent_words(tag: str, text: str) -> None:
    found = read(tag, text)
    assert [(q.value, q.kind) for q in found] == [(40, "percent")]


def test_tibetan_percent_is_not_a_hundred() -> None:
    assert 100 not in values("bo", "བརྒྱ་ཆ་40")


def test_burmese_digits_written_for_letters_are_not_numbers() -> None:
    # ၄င်း is the pronoun ၎င်း, ၀င် is ဝင် "enter": a digit before a vowel sign or a killed consonant is a letter.
    assert values("my", "၄င်းသည် အိမ်ထဲ ၀င်သည်") == []


def test_counted_number_words_are_strong_and_bare_ones_confirm() -> None:
    assert 2 in strong("km", "បុរសពីរនាក់")  # before the classifier នាក់
    assert 2 in strong("my", "စတိုးနှစ်ခု")
    assert 2 in strong("lo", "ສອງຄົນ")
    assert 2 in strong("ug", "ئىككى كىشى")
    assert 2 not in strong("bo", "ཚོང་ཁང་གཉིས")  # no classifier: it only confirms
    assert 2 in values("bo", "ཚོང་ཁང་གཉིས")


def test_a_word_after_digits_is_their_counter() -> None:
    assert values("my", "၁၃နှစ်") == [13]  # 13 years, not 13 and two


def test_words_holding_a_number_word_are_not_numbers() -> None:
    assert 3 not in values("lo", "ລາວສາມາດເຮັດໄດ້")  # ສາມາດ "can"
    assert 2 not in values("my", "၂၀၁၇ ခုနှစ်")  # ခုနှစ် "year"


def test_tens_then_units_add_up_and_other_neighbours_do_not() -> None:
    assert 25 in values("km", "ម្ភៃប្រាំនាក់")
    assert 5 not in values("my", "ကောင်လေးတစ်ယောက်")  # "little" and "one person", not 4 + 1


def test_uyghur_whole_words_only() -> None:
    assert 10 not in values("ug", "ئونۋېرسىتېت")  # a word that starts like ئون (ten)
    assert 2 in values("ug", "ئىككىنچى قېتىم")  # the ordinal "second"


def test_native_check_catches_a_changed_digit() -> None:
    assert errors("km", "មនុស្ស ២៤ នាក់បានស្លាប់។", "25 people died.")
    assert not errors("km", "មនុស្ស ២៤ នាក់បានស្លាប់។", "24 people died.")


def test_no_language_module_reader_is_missing() -> None:
    for language in languages.SOURCE_LANGUAGES:
        assert language.quantities is not None, language.tag


# ---------------------------------------------------------------- NTREX-128

@pytest.mark.skipif(not NTREX_128.is_file(), reason="NTREX-128 data not present (../shared/data/ntrex-128)")
@pytest.mark.parametrize("tag", ["zh-Hans", "zh-Hant", "yue", "vi", "km", "lo", "bo", "ug"])
def test_human_pairs_are_rarely_flagged(tag: str) -> None:
    pairs = [(src, en) for line in NTREX_128.read_text(encoding="utf-8").splitlines()
             for doc in [json.loads(line)] for src, en in zip(doc[tag], doc["en"], strict=True)]
    flagged = sum(bool(errors(tag, src, en)) for src, en in pairs)
    assert flagged / len(pairs) <= 0.035


# ---------------------------------------------------------------- rules for the number-check targets

def test_a_vulgar_half_after_native_digits_adds_to_them() -> None:
    assert 14.5 in values("km", "ឈ្នះ ១៤½ ពិន្ទុ")


def test_arabic_script_thousands_and_decimal_separators() -> None:
    assert 40_000 in values("ug", "40،000 كىشى")
    assert 2.5e6 in values("ug", "2٫5 مىليون")


def test_a_lone_burmese_zero_among_letters_is_the_letter_wa() -> None:
    assert values("my", "အပြည့်အ၀ အသုံးပြုသည်") == []  # အပြည့်အဝ, "fully"
    assert 0 in values("my", "၁-၀ ဖြင့် နိုင်သည်")  # a score keeps its zero


def test_ordinal_words_and_marks_are_strong() -> None:
    assert 2 in strong("my", "ဒုတိယအကြိမ် ရောက်လာသည်")  # the Pali ordinal "second"
    assert errors("my", "ဒုတိယအကြိမ် ရောက်လာသည်။", "He came for the third time.")
    assert 2 in strong("km", "ជាលើកទីពីរ")  # ទី before a number
    assert 2 in strong("lo", "ເປັນຄັ້ງທີສອງ")  # ທີ before a number
    assert 2 not in strong("lo", "ທີ່ສອງ")  # ທີ່ with its tone mark is "that"
    assert 2 in strong("bo", "ཐེངས་གཉིས་པ་")  # པ after a number


def test_several_and_tens_of_make_a_size() -> None:
    assert 10 not in strong("ug", "نەچچە ئون يىل")  # "decades"
    assert 10 in values("ug", "نەچچە ئون يىل")
    assert 1000 not in strong("km", "រាប់ពាន់នាក់")  # "thousands of people"
    assert 10 not in strong("bo", "ལོ་བཅུ་ཕྲག་ཁ་ཤས")  # "several decades"


def test_burmese_all_n_of_only_confirms() -> None:
    assert 2 not in strong("my", "နှစ်နိုင်ငံလုံး")  # "both countries"
    assert 3 in strong("my", "သုံးနိုင်ငံ")  # a bare နှစ်နိုင်ငံ is "the two countries", see the pairs test


def test_khmer_koti_is_also_a_billion() -> None:
    assert not errors("km", "ចំណាយ 37 កោដិដុល្លារ។", "It cost $37 billion.")
    assert not errors("km", "ចំណាយ 37 កោដិដុល្លារ។", "It cost $370 million.")


def test_uyghur_decade_of_a_century() -> None:
    assert not errors("ug", "20-ئەسىرنىڭ 80-يىللىرىدا ئوقۇغان.", "He studied in the 1980s.")
    assert not errors("ug", "80-يىللاردا ئوقۇغان.", "He studied in the 1980s.")


def test_clock_times_in_native_scripts() -> None:
    assert not errors("my", "(၁၁း၁၅) အချိန်တွင်", "at 11:15")  # the colon written as the visarga
    assert not errors("km", "នៅម៉ោង 4.40 ព្រឹក", "at 4.40 am")


def test_burmese_homographs_need_a_classifier() -> None:
    assert 2 not in values("my", "ယခင်နှစ်မေလတွင်")  # နှစ် "year"
    assert 2 in strong("my", "စတိုးနှစ်ခု")
    assert 4 not in values("my", "ဒူးလေးလည်း")  # လေး in "crossbow"


def test_a_classifier_must_end_its_syllable() -> None:
    assert 5 in strong("my", "ငါးလ ကြာသည်")  # လ "month"
    assert 2 not in values("my", "နှစ်လယ် ရွေးကောက်ပွဲ")  # လယ် "middle": the midterm election
    assert 5 not in values("my", "ငါးလုပ်ငန်း")  # "fishery"


def test_a_number_word_that_is_a_classifier_after_a_numeral() -> None:
    assert values("my", "သုံးနှစ်ကြာ") == [3]  # three years, not 3 and 2
    assert strong("my", "သုံးနှစ်ကြာ") == [3]
    assert 10 in values("my", "ဆယ်နှစ်ကြာ")  # ten years
    assert 2 not in values("my", "ဆယ်နှစ်ကြာ")


def test_two_consecutive_numbers_are_a_few() -> None:
    assert strong("km", "ពីរបីថ្ងៃទៀត") == []  # "a few days"
    assert not errors("km", "ពីរបីថ្ងៃទៀត", "in a few days")


def test_khmer_words_that_start_like_two() -> None:
    assert 2 not in values("km", "កាលពីរសៀលថ្ងៃសៅរ៍")  # ពី + រសៀល, "on Saturday afternoon"


def test_tibetan_case_endings_and_counted_nouns() -> None:
    assert 4 in values("bo", "ཚོང་ཁང་བཞིར་")  # "in four shops"
    assert 4 in strong("bo", "ལོ་བཞི་རིང་")  # the noun comes first: "four years"


def test_a_magnitude_word_must_end_its_syllable() -> None:
    assert 7.5e6 not in values("bo", "རིམ་པ་7.5ས་ཡོམ་")  # ས་ཡོམ, "earthquake"
    assert 7.5 in values("bo", "རིམ་པ་7.5ས་ཡོམ་")


def test_burmese_bracketed_figures_and_centuries() -> None:
    assert 11e9 in values("my", "ဒေါ်လာ (၁၁) ဘီလျံ")
    assert not errors("my", "၁၉ရာစု အမြင်", "19th century opinion")  # ရာစု is "century"
    assert [q.kind for q in read("my", "(၃၂) ရာခိုင်းနှုန်း")] == ["percent"]  # the percent word with a stray visarga


def test_a_latin_gloss_in_native_text_only_confirms() -> None:
    # the original name in brackets or guillemets repeats the number the native text already wrote
    assert not errors("km", "កម្មវិធី ៦០ នាទី «60 Minutes»", "the show 60 Minutes")
    assert errors("km", "កម្មវិធី ៦០ នាទី", "the show")


def test_burmese_parts_fraction() -> None:
    # သုံးပုံ နှစ်ပုံ, "of three parts, two parts", is two-thirds
    assert not errors("my", "လွှတ်တော်တွင် သုံးပုံ နှစ်ပုံ မဲလိုအပ်သည်။", "It needs a two-thirds majority.")
    assert errors("my", "လွှတ်တော်တွင် သုံးပုံ နှစ်ပုံ မဲလိုအပ်သည်။", "It needs a three-quarters majority.")


def test_burmese_dotted_clock_after_a_time_of_day() -> None:
    assert not errors("my", "နေ့လည် ၁၂.၅၅ တွင် စတင်သည်။", "It started at 12:55.")
    assert 12.55 in values("my", "ပျမ်းမျှ ၁၂.၅၅ ရှိသည်")  # no time of day: a decimal


def test_burmese_two_countries_and_deputy_only_confirm() -> None:
    assert not errors("my", "နှစ်နိုင်ငံ ကုန်သွယ်ရေး", "their trade")
    assert errors("my", "သုံးနိုင်ငံ ကုန်သွယ်ရေး", "their trade")
    assert not errors("my", "ဒုတိယဝန်ကြီး ပြောကြားသည်", "The deputy minister said")
    assert errors("my", "ဒုတိယ အကြိမ် ပြောကြားသည်", "He said it a third time")


def test_burmese_units_are_classifiers() -> None:
    assert 2 in strong("my", "မိုးရေချိန် နှစ်လက်မ")  # two inches


def test_tibetan_ordinal_takes_case_endings() -> None:
    assert 2 in strong("bo", "རིམ་པ་གཉིས་པའི་ཉེས་བགྲང")  # of the second degree


def test_tibetan_next_day_only_confirms() -> None:
    assert not errors("bo", "ཉིན་གཉིས་པའི་ཞོགས་པར་ཁོ་ཤི་སོང་།", "The following morning he was dead.")
