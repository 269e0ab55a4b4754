"""Cantonese: RFA's Cantonese Service, written Cantonese in Traditional characters."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import HAN

LANGUAGE = Language(
    tag="yue",
    name="Cantonese",
    scripts=(HAN,),
    flores="yue_Hant",
    argos="yue",
    aliases=("yue-hant", "zh-yue"),
    normalise=Lazy("rfaflow.orthography", "normalise_han"),
    sentence_cuts=Lazy("rfaflow.segmenters", "cantonese_cuts"),
    words=Lazy("rfaflow.tokenize", "han_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="cantonese"),
    quantities=Lazy("rfaflow.qa.numbers_zh", "chinese_quantities", tens={"廿": 20, "卅": 30},
                        currencies={"蚊": "HKD"}),
    untranslated=HAN,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.96 to 4.71 (0.5th-99.5th percentile 1.48 to 4.33);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.7, 6.5),
    variant_warning=Lazy("rfaflow.orthography", "variant_warning", variant="Hant"),
)
