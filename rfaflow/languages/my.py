"""Burmese: RFA's Burmese Service."""

from rfaflow.languages.base import Language, Lazy, LegacyEncoding
from rfaflow.languages.scripts import MYANMAR

LANGUAGE = Language(
    tag="my",
    name="Burmese",
    scripts=(MYANMAR,),
    flores="mya_Mymr",
    argos="my",
    aliases=("mya", "bur"),
    normalise=Lazy("rfaflow.orthography", "normalise_myanmar"),
    sentence_cuts=Lazy("rfaflow.segmenters", "burmese_cuts"),
    words=Lazy("rfaflow.tokenize", "burmese_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="burmese"),
    quantities=Lazy("rfaflow.qa.numbers_native", "native_quantities", digits="၀", magnitude_first=True,
                    magnitudes={"ဆယ်": 10, "ရာ": 100, "ထောင်": 1e3, "သောင်း": 1e4, "သိန်း": 1e5, "သန်း": 1e6,
                                "ကုဋေ": 1e7, "မီလီယံ": 1e6, "မီလီယမ်": 1e6, "မီလျံ": 1e6, "ဘီလီယံ": 1e9, "ဘီလီယမ်": 1e9,
                                "ဘီလျံ": 1e9},
                    words={"တစ်": 1, "နှစ်": 2, "သုံး": 3, "လေး": 4, "ငါး": 5, "ခြောက်": 6, "ခုနစ်": 7, "ရှစ်": 8,
                           "ကိုး": 9},
                    counters=("ယောက်", "ဦး", "ခု", "ကောင်", "နှစ်", "ရက်", "ပတ်", "နာရီ", "မိနစ်", "ကြိမ်", "စီး",
                              "လုံး", "ဆိုင်", "နိုင်ငံ", "မြို့", "ပါး", "မျိုး", "ချက်", "ပွဲ", "ဂိုး", "မှတ်", "ထပ်", "လ", "လွှာ",
                              # units of measure are classifiers too (နှစ်လက်မ, two inches)
                              "လက်မ", "မိုင်", "မီတာ", "ကီလိုမီတာ"),
                    percent=("ရာခိုင်နှုန်း", "ရာခိုင်းနှုန်း"),  # also typed with a stray visarga
                    # Words holding နှစ် ("two", also "year") or ရာ (a hundred) that are no numbers: ခုနှစ် "year",
                    # ရာစု "century" (၁၉ရာစု is the 19th), နှစ်ပတ်လည် "anniversary", နှစ်ဦးပိုင်း "early in the
                    # year", နှစ်ဦးနှစ်ဖက် "mutual", နှစ်မြို့ "be pleased".
                    not_numbers=("ခုနှစ်", "ရာစု", "နှစ်ပတ်လည်", "နှစ်ဦးပိုင်း", "နှစ်ဦးနှစ်ဖက်", "နှစ်မြို့"),
                    # The Pali ordinals, first to ninth (ဒသမ, tenth, is also the decimal point).
                    ordinals={"ပထမ": 1, "ဒုတိယ": 2, "တတိယ": 3, "စတုတ္ထ": 4, "ပဉ္စမ": 5, "ဆဋ္ဌမ": 6, "သတ္တမ": 7,
                              "အဋ္ဌမ": 8, "နဝမ": 9},
                    # A classifier then (စ)လုံး is "all N" (နှစ်နိုင်ငံလုံး, "both countries"), then တွဲ "paired"
                    # (နှစ်ယောက်တွဲ, a pairs match): English says "both", "they" or names the format.
                    collective="စ?လုံး|တွဲ",
                    # Burmese counts noun, number, classifier: without a classifier these are "year", "little"
                    # (or "bow"), "fish" and "use".
                    homographs=("နှစ်", "လေး", "ငါး", "သုံး"),
                    # A lone ၀ against a letter is the letter ဝ, which looks the same (အပြည့်အ၀, ၀ရမ်း).
                    letter_digits=("(?<=[\u1000-\u103f])၀(?![၀-၉])|(?<![-–:.,/း၀-၉])၀(?=[\u1000-\u103f])", "ဝ"),
                    # Clock times write the colon as the visarga း (so not_digits leaves it out): ၁၁း၁၅ is 11:15.
                    # After a time of day (နံနက် morning, နေ့လည် midday, ညနေ evening, ည night) the dot is one too:
                    # နေ့လည် ၁၂.၅၅ is 12:55.
                    clock=r"(?:(?P<day>နံနက်|မနက်|နေ့လည်|ညနေ|ည)\s?)?(?<![\d.])(?P<hour>[01]?\d|2[0-3])\s?"
                          r"(?:[း:]|(?(day)\.|(?!)))(?P<minute>[0-5]\d)(?!\d)",
                    # သုံးပုံ နှစ်ပုံ, "of three parts, two parts", is two-thirds; လေးပုံတစ်ပုံ a quarter.
                    fraction=r"(?P<denominator>\d+|တစ်|နှစ်|သုံး|လေး|ငါး|ခြောက်|ခုနစ်|ရှစ်|ကိုး|ဆယ်)\s?ပုံ\s?"
                             r"(?P<numerator>\d+|တစ်|နှစ်|သုံး|လေး|ငါး|ခြောက်|ခုနစ်|ရှစ်|ကိုး)\s?ပုံ",
                    # နှစ်နိုင်ငံ, "the two countries", is how Burmese says "both", as Chinese 两国 does.
                    pairs=("နိုင်ငံ",),
                    # ဒုတိယ ("second") before a title is "deputy" or "vice" (ဒုတိယဝန်ကြီး, ဒုတိယဗိုလ်မှူးကြီး).
                    deputy=r"\s?(?:ဝန်ကြီး|သမ္မတ|ဗိုလ်|ဥက္ကဋ္ဌ|ဥက္ကဌ|အတွင်းရေးမှူး|ညွှန်ကြားရေးမှူး|ရဲ|ဝန်|ခေါင်းဆောင်)",
                    currencies={"ဒေါ်လာ": "USD", "ကျပ်": "MMK", "ယူရို": "EUR", "ယွမ်": "CNY", "ယန်း": "JPY"},
                    # A digit before a vowel sign, or before a consonant with a killer mark, is a letter: Burmese
                    # typists write ၀ for ဝ (၀င် "enter") and ၄င်း for ၎င်း.
                    not_digits="[\u102b-\u1037\u1039-\u103e]|[\u1000-\u1021][\u103a\u1039]"),
    untranslated=MYANMAR,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.25 to 1.59 (0.5th-99.5th percentile 0.38 to 1.43), in Unicode;
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.2, 2.2),
    legacy_encoding=LegacyEncoding("Zawgyi", detect=Lazy("rfaflow.orthography", "looks_zawgyi"),
                                    convert=Lazy("rfaflow.orthography", "zawgyi_to_unicode")),
)
