"""Uyghur: RFA's Uyghur Service, in the Arabic-based Uyghur script."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import ARABIC

LANGUAGE = Language(
    tag="ug",
    name="Uyghur",
    scripts=(ARABIC,),
    flores="uig_Arab",
    argos="ug",
    aliases=("uig", "ug-arab"),
    normalise=Lazy("rfaflow.orthography", "normalise_arabic"),
    sentence_cuts=Lazy("rfaflow.segmenters", "uyghur_cuts"),
    words=Lazy("rfaflow.tokenize", "prefix_words", length=6),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="uyghur", length=6),
    quantities=Lazy("rfaflow.qa.numbers_native", "native_quantities", digits="٠۰", letters="\u0621-\u06ff",
                    magnitudes={"يۈز": 100, "مىڭ": 1e3, "مىليون": 1e6, "مىليارد": 1e9, "تىرىليون": 1e12},
                    words={"بىر": 1, "ئىككى": 2, "ئۈچ": 3, "تۆت": 4, "بەش": 5, "ئالتە": 6, "يەتتە": 7, "سەككىز": 8,
                           "توققۇز": 9, "ئون": 10, "يىگىرمە": 20, "ئوتتۇز": 30, "قىرىق": 40, "ئەللىك": 50,
                           "ئاتمىش": 60, "يەتمىش": 70, "سەكسەن": 80, "توقسان": 90, "بىرىنچى": 1, "ئىككىنچى": 2,
                           "ئۈچىنچى": 3, "تۆتىنچى": 4, "بەشىنچى": 5, "ئالتىنچى": 6, "يەتتىنچى": 7, "سەككىزىنچى": 8,
                           "توققۇزىنچى": 9, "ئونىنچى": 10},
                    counters=("كىشى", "نەپەر", "ئادەم", "يىل", "ئاي", "كۈن", "ھەپتە", "سائەت", "مىنۇت", "قېتىم",
                              "دۆلەت", "تال", "پارچە", "ئورۇن", "مەيدان", "گول", "نومۇر", "خىل", "ياش"),
                    percent=("پىرسەنت", "پرسەنت"),
                    # نەچچە ("several") before a number makes a size: نەچچە ئون يىل is "decades".
                    approximate="نەچچە",
                    # 80-يىللار is the 80s, of the century written before it (20-ئەسىرنىڭ 80-يىللىرى, the 1980s).
                    decade=r"(?:(?<!\d)(?P<century>\d{1,2})\s?-?\s?ئەسىر\w*\s+)?(?<!\d)(?P<decade>[1-9]0)\s?-?\s?يىلل(?:ار|ىر)",
                    currencies={"دوللار": "USD", "يۈەن": "CNY", "فوندستېرلىڭ": "GBP", "فوند": "GBP", "ياۋرو": "EUR",
                                "يېن": "JPY"}),
    untranslated=ARABIC,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.22 to 1.87 (0.5th-99.5th percentile 0.41 to 1.33);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.2, 2.0),
)
