"""Korean (RFA's Korean Service): Hangul, split and tokenised by Kiwi (its model ships in the kiwipiepy wheel)."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import HAN, HANGUL

LANGUAGE = Language(
    tag="ko",
    name="Korean",
    scripts=(HANGUL, HAN),
    flores="kor_Hang",
    argos="ko",
    argos_indexed=True,
    engines=("Argos Translate", "OPUS-MT", "NLLB-200", "MADLAD-400"),
    aliases=("kor", "ko-kore"),
    normalise=Lazy("rfaflow.orthography", "normalise_hangul"),
    sentence_cuts=Lazy("rfaflow.segmenters", "korean_cuts"),
    words=Lazy("rfaflow.tokenize", "korean_words"),
    stop_words=Lazy("rfaflow.tokenize", "korean_stop_words"),
    quantities=Lazy("rfaflow.qa.numbers", "korean_quantities"),
    untranslated=HANGUL,
    # Chosen by bench/summary_eval.py --grid (see rfaflow/news_summary.py).
    summary={"length": 3.0},
    # NTREX's human translations run 0.9 to 2.9 English characters per Korean one (see rfaflow/qa/checks.py).
    length_ratio=(0.45, 4.5),
)
