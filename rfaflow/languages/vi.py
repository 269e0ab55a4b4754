"""Vietnamese: RFA's Vietnamese Service, in the Latin-based chữ Quốc ngữ."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import LATIN, VIETNAMESE_LETTERS

LANGUAGE = Language(
    tag="vi",
    name="Vietnamese",
    scripts=(LATIN,),
    flores="vie_Latn",
    argos="vi",
    aliases=("vie",),
    normalise=Lazy("rfaflow.orthography", "normalise_latin"),
    sentence_cuts=Lazy("rfaflow.segmenters", "vietnamese_cuts"),
    words=Lazy("rfaflow.tokenize", "syllable_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="vietnamese"),
    quantities=Lazy("rfaflow.qa.numbers_vi", "vietnamese_quantities"),
    untranslated=VIETNAMESE_LETTERS,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.37 to 2.27 (0.5th-99.5th percentile 0.55 to 1.54);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.27, 2.4),
)
