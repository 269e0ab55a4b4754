"""Summaries in every service language: each language's words (rfaflow.tokenize's script rules), its stop words,
and the news summarizer on a short story in it, directly and through `rfaflow summarize --lang`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rfaflow import tokenize
from rfaflow.cli import cli
from rfaflow.languages import LANGUAGES, SOURCE_LANGUAGES
from rfaflow.summarize import ALGORITHMS, news_words, summarize

# A short story in each language, written for these tests: sentences 0, 1 and 3 are about a new economic policy and
# share its words, sentence 2 is about the weather.
STORIES = {
    "ko": ["정부가 새로운 경제 정책을 발표했다.", "전문가들은 경제 정책이 시장에 영향을 줄 것이라고 말했다.",
           "오늘 날씨는 맑았다.", "시장은 경제 정책에 긍정적으로 반응했다."],
    "zh-Hans": ["政府今天宣布新的经济政策。", "我们认为经济政策会影响市场。", "天气很好。", "市场对经济政策反应积极。"],
    "zh-Hant": ["政府今天宣佈新的經濟政策。", "我們認為經濟政策會影響市場。", "天氣很好。", "市場對經濟政策反應積極。"],
    "yue": ["政府今日宣佈新嘅經濟政策。", "佢哋話經濟政策會影響市場。", "今日天氣好好。", "市場對經濟政策反應積極。"],
    "bo": ["རྒྱལ་ཁབ་ཀྱིས་དཔལ་འབྱོར་སྲིད་ཇུས་གསར་པ་ཞིག་བསྒྲགས་པ་རེད།", "དཔལ་འབྱོར་སྲིད་ཇུས་དེས་ཚོང་ར་ལ་ཤུགས་རྐྱེན་ཡོད།",
           "དེ་རིང་གནམ་གཤིས་ཡག་པོ་འདུག", "ཚོང་ར་ནི་དཔལ་འབྱོར་སྲིད་ཇུས་ལ་དགའ་པོ་བྱུང་།"],
    "ug": ["ھۆكۈمەت يېڭى ئىقتىسادىي سىياسەتنى ئېلان قىلدى.", "ئىقتىسادىي سىياسەت بازارغا تەسىر كۆرسىتىدۇ.",
           "بۈگۈن ھاۋا ياخشى.", "بازار ئىقتىسادىي سىياسەتكە ياخشى ئىنكاس قايتۇردى."],
    "my": ["အစိုးရသည် စီးပွားရေးမူဝါဒသစ်ကို ကြေညာခဲ့သည်။", "စီးပွားရေးမူဝါဒသည် ဈေးကွက်ကို သက်ရောက်မည်။",
           "ယနေ့ ရာသီဥတု သာယာသည်။", "ဈေးကွက်သည် စီးပွားရေးမူဝါဒကို ကောင်းစွာ တုံ့ပြန်ခဲ့သည်။"],
    "km": ["រដ្ឋាភិបាលបានប្រកាសគោលនយោបាយសេដ្ឋកិច្ចថ្មី។", "គោលនយោបាយសេដ្ឋកិច្ចនឹងប៉ះពាល់ដល់ទីផ្សារ។",
           "ថ្ងៃនេះអាកាសធាតុល្អ។", "ទីផ្សារមានប្រតិកម្មល្អចំពោះគោលនយោបាយសេដ្ឋកិច្ច។"],
    "lo": ["ລັດຖະບານໄດ້ປະກາດນະໂຍບາຍເສດຖະກິດໃໝ່.", "ນະໂຍບາຍເສດຖະກິດຈະສົ່ງຜົນກະທົບຕໍ່ຕະຫຼາດ.", "ມື້ນີ້ອາກາດດີ.",
           "ຕະຫຼາດມີປະຕິກິລິຍາດີຕໍ່ນະໂຍບາຍເສດຖະກິດ."],
    "vi": ["Chính phủ công bố chính sách kinh tế mới.", "Chính sách kinh tế sẽ ảnh hưởng đến thị trường.",
           "Hôm nay thời tiết đẹp.", "Thị trường phản ứng tích cực với chính sách kinh tế."],
}

# Per language: a sentence, a word its words function finds in it, and a stop word it finds there that the
# summarizer then drops.
WORDS = {
    "zh-Hans": ("我们认为经济政策 AM 会影响市场。", "经济", "我们"),
    "zh-Hant": ("我們認為經濟政策會影響市場。", "經濟", "我們"),
    "yue": ("佢哋話經濟政策會影響市場。", "經濟", "佢哋"),
    "bo": ("དཔལ་འབྱོར་སྲིད་ཇུས། དང་། ཚོང་ར།", "དཔལའབྱོར", "དང"),
    "ug": ("ھۆكۈمەت بىلەن بازار سىياسەتنى مۇزاكىرە قىلدى.", "سىياسە", "بىلەن"),
    "my": ("ဈေးကွက် ဖြစ်သည်။", "ဈေးကွက်", "ဖြစ်သည်"),
    "km": ("ពួកគេ ទៅ ទីផ្សារ។", "ទីផ្សារ", "ពួកគេ"),
    "lo": ("ເຂົາເຈົ້າ ໄປ ຕະຫຼາດ.", "ຕະຫຼາດ", "ເຂົາເຈົ້າ"),
    "vi": ("Bộ trưởng của Việt Nam cho biết thị trường ổn định.", "thị trường", "cho biết"),
}


def test_every_source_language_has_a_story() -> None:
    assert set(STORIES) == {language.tag for language in SOURCE_LANGUAGES}


@pytest.mark.parametrize("tag", WORDS)
def test_words_and_stop_words(tag: str) -> None:
    language = LANGUAGES[tag]
    sentence, word, stop = WORDS[tag]
    found = language.words([sentence])[0]
    assert word in found and stop in found
    assert stop in language.stop_words()
    counted = news_words([sentence], language)[0]
    assert word in counted and stop not in counted


@pytest.mark.parametrize("tag", STORIES)
def test_news_summary_of_a_short_story_leaves_the_weather_out(tag: str) -> None:
    language = LANGUAGES[tag]
    story = STORIES[tag]
    for count in (1, 2, 3):
        indices = summarize(story, count, "news", language).indices
        assert indices == sorted(set(indices)) and len(indices) == count
        assert all(0 <= i < len(story) for i in indices)
    assert 2 not in summarize(story, 2, "news", language).indices


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("tag", STORIES)
def test_every_algorithm_works_in_every_language(tag: str, algorithm: str) -> None:
    indices = summarize(STORIES[tag], 2, algorithm, LANGUAGES[tag]).indices
    assert len(indices) == 2 and indices == sorted(set(indices)) and all(0 <= i < 4 for i in indices)


@pytest.mark.parametrize("tag", STORIES)
def test_cli_summarize_in_every_language(tmp_path: Path, tag: str) -> None:
    source = tmp_path / "story.txt"
    source.write_text("\n".join(STORIES[tag]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(source), "--lang", tag, "--split", "lines", "--format", "json",
                                      "--sentences", "2"])
    assert result.exit_code == 0, result.stderr
    chosen = json.loads(result.stdout)["sentences"]
    assert [item["text"] for item in chosen] == [STORIES[tag][item["index"]] for item in chosen]
    assert [item["index"] for item in chosen] == summarize(STORIES[tag], 2, "news", LANGUAGES[tag]).indices


def test_han_words_are_character_bigrams_within_a_run_and_latin_words_apart() -> None:
    assert tokenize.han_words(["经济政策，AM 市场"]) == [["经济", "济政", "政策", "am", "市场"]]
    assert tokenize.han_words(["经济政策"], n=1) == [["经", "济", "政", "策"]]
    assert tokenize.han_words(["市"]) == [["市"]]  # a run shorter than n is one word


def test_syllable_words_pair_syllables_but_not_across_punctuation() -> None:
    assert tokenize.syllable_words(["thị trường, kinh tế"], n=2) == [
        ["thị", "trường", "kinh", "tế", "thị trường", "kinh tế"]]
    assert tokenize.syllable_words(["thị trường"]) == [["thị", "trường"]]


def test_burmese_syllables_keep_stacked_and_killed_consonants_with_their_syllable() -> None:
    # က of ကို starts a syllable; ် kills the ည of သည် (a final); ္ stacks the second consonant of မန္တလေး.
    assert tokenize.burmese_words(["ဈေးကွက်ကို သည် မန္တလေး ၂၀၁၉"]) == [
        ["ဈေး", "ကွက်", "ကို", "သည်", "မန္တ", "လေး", "၂၀၁၉"]]
    assert tokenize.burmese_words(["နှင့်"]) == [["နှင့်"]]  # dot below before asat: still one syllable


def test_khmer_syllables_join_subscripts_and_bare_finals() -> None:
    # ្ writes ត under ន (ន្ត); the bare ន of មាន, ព of ភាព follow a vowel sign: finals.
    assert tokenize.khmer_words(["មានភាព ប៉ុន្តែ"], n=1) == [["មាន", "ភាព", "ប៉ុ", "ន្តែ"]]
    assert tokenize.khmer_words(["មានភាព"], n=1, finals=False) == [["មា", "ន", "ភា", "ព"]]


def test_lao_syllables_follow_lao_spelling() -> None:
    # Leading vowel ເ before its consonant; a vowelless ກ/ຄ joins what follows (ກວ່າ, ຄວນ); ນ, ດ are finals;
    # ອ after ື completes ເ-ືອ.
    assert tokenize.lao_words(["ເກີດກວ່າຄວນ ເມືອງ"], n=1) == [["ເກີດ", "ກວ່າ", "ຄວນ", "ເມືອງ"]]
    assert tokenize.lao_words(["ເກີດ"], n=1, finals=False) == [["ເກີ", "ດ"]]


def test_tibetan_syllables_split_on_tsheg_and_runs_on_shad() -> None:
    assert tokenize.tibetan_words(["བོད་ཀྱི་ས། ༢༠༡༩"]) == [["བོད", "ཀྱི", "ས", "༢༠༡༩"]]
    assert tokenize.tibetan_words(["བོད་ཀྱི་ས།"], n=2) == [["བོདཀྱི", "ཀྱིས"]]


def test_prefix_words_cut_suffixed_forms_to_one_stem() -> None:
    forms = tokenize.prefix_words(["پارلامېنت پارلامېنتنىڭ پارلامېنتقا"], length=6)[0]
    assert len(set(forms)) == 1
    assert len(set(tokenize.prefix_words(["پارلامېنت پارلامېنتنىڭ"])[0])) == 2


def test_listed_stop_words_skip_comments_and_cut_to_the_word_length() -> None:
    assert "#" not in "".join(tokenize.listed_stop_words("vietnamese"))
    assert {"của", "cho biết"} <= tokenize.listed_stop_words("vietnamese")
    assert all(len(word) <= 6 for word in tokenize.listed_stop_words("uyghur", length=6))
