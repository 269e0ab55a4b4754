"""English: the language every brief is written in (the target of translation)."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import LATIN

LANGUAGE = Language(
    tag="en",
    name="English",
    scripts=(LATIN,),
    flores="eng_Latn",
    argos="en",
    engines=(),
    aliases=("eng",),
    normalise=Lazy("rfaflow.orthography", "normalise_latin"),
    sentence_cuts=Lazy("rfaflow.segmenters", "english_cuts"),
    words=Lazy("rfaflow.tokenize", "latin_words"),
    stop_words=Lazy("rfaflow.tokenize", "sumy_stop_words", language="english"),
    stemmer="english",
    quantities=Lazy("rfaflow.qa.numbers", "english_quantities"),
)
