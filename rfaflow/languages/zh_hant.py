"""Mandarin (Traditional Chinese): RFA's Mandarin Service, in Traditional characters."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import HAN

LANGUAGE = Language(
    tag="zh-Hant",
    name="Mandarin (Traditional Chinese)",
    scripts=(HAN,),
    flores="zho_Hant",
    argos="zt",
    argos_indexed=True,
    engines=("Argos Translate", "OPUS-MT", "NLLB-200", "MADLAD-400"),
    aliases=("zh-tw", "zh-hk", "zh-mo", "cmn-hant"),
    normalise=Lazy("rfaflow.orthography", "normalise_han"),
    sentence_cuts=Lazy("rfaflow.segmenters", "chinese_cuts"),
    words=Lazy("rfaflow.tokenize", "han_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="chinese"),
    quantities=Lazy("rfaflow.qa.numbers_zh", "chinese_quantities"),
    untranslated=HAN,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.59 to 6.67 (0.5th-99.5th percentile 1.00 to 4.15);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.5, 7.0),
    variant_warning=Lazy("rfaflow.orthography", "variant_warning", variant="Hant"),
)
