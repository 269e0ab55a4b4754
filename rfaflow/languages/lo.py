"""Lao: RFA's Lao Service."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import LAO

LANGUAGE = Language(
    tag="lo",
    name="Lao",
    scripts=(LAO,),
    flores="lao_Laoo",
    argos="lo",
    aliases=("lao",),
    normalise=Lazy("rfaflow.orthography", "normalise_lao"),
    sentence_cuts=Lazy("rfaflow.segmenters", "lao_cuts"),
    words=Lazy("rfaflow.tokenize", "lao_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="lao"),
    quantities=Lazy("rfaflow.qa.numbers_native", "native_quantities", digits="໐",
                    magnitudes={"ສິບ": 10, "ຮ້ອຍ": 100, "ພັນ": 1e3, "ໝື່ນ": 1e4, "ຫມື່ນ": 1e4, "ແສນ": 1e5,
                                "ລ້ານ": 1e6, "ຕື້": 1e9},
                    words={"ໜຶ່ງ": 1, "ຫນຶ່ງ": 1, "ນຶ່ງ": 1, "ສອງ": 2, "ສາມ": 3, "ສີ່": 4, "ຫ້າ": 5, "ຫົກ": 6,
                           "ເຈັດ": 7, "ແປດ": 8, "ເກົ້າ": 9, "ຊາວ": 20},
                    counters=("ຄົນ", "ປີ", "ເດືອນ", "ມື້", "ວັນ", "ອາທິດ", "ຊົ່ວໂມງ", "ນາທີ", "ຄັ້ງ", "ເທື່ອ", "ເທົ່າ",
                              "ແຫ່ງ", "ປະເທດ", "ຄັນ", "ລຳ", "ໂຕ", "ຕົວ", "ຮ້ານ", "ສາຂາ", "ທີມ", "ປະຕູ", "ສິບ",
                              "ຮ້ອຍ", "ພັນ", "ລ້ານ"),
                    percent=("ເປີເຊັນ", "ສ່ວນຮ້ອຍ"),
                    # ທີ before a number makes an ordinal (ທີສອງ, "second"); ທີ່ with its tone mark is "that", "at".
                    ordinal_before="ທີ\\s?",
                    # ຫຼາຍ / ຫລາຍ ("many") before a magnitude is "thousands", "millions": a size.
                    approximate="ຫຼາຍ|ຫລາຍ",
                    # ສາມາດ ("can") and ຫ້າມ ("forbid") hold ສາມ (three) and ຫ້າ (five).
                    not_numbers=("ສາມາດ", "ຫ້າມ"),
                    currencies={"ໂດລາ": "USD", "ກີບ": "LAK", "ປອນ": "GBP", "ເອີໂຣ": "EUR", "ຢວນ": "CNY", "ເຢນ": "JPY",
                                "ບາດ": "THB"}),
    untranslated=LAO,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.34 to 1.62 (0.5th-99.5th percentile 0.42 to 1.34);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.2, 2.0),
)
