"""Summary agreement across languages: does the "news" summary chosen on a language's sentences pick the same
sentences as the one chosen on the aligned English?

    python bench/summary_agreement.py [--counts 3,5] [--languages ko,zh-Hans,...] [--candidates] [--json]

For each document of ../shared/data/ntrex-128/dev.jsonl (80 news documents, sentence-aligned in every service
language; the sentence lists are used as given, so index i is the same sentence in every language) and each count
N, "news" chooses N sentences on the English (rfaflow's English words, stop words and stemmer) and N on the
language's own sentences (its registry words, stop words, stemmer and parameters); the score is the sentence F1
between the two index sets, 2|A & B| / (|A| + |B|), averaged over documents. Beside it, the lead-N baseline's F1
against the same English choice: a tokenizer that does no better than lead-N has not read the language. Burmese
is in Zawgyi in NTREX and is converted to Unicode first (the registry's legacy-encoding converter).

--candidates scores, per language, the word functions tried before choosing the registry's (CANDIDATES below),
each without and with the language's stop words.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ntrex-128" / "dev.jsonl"
sys.path.insert(0, str(ROOT))

from rfaflow import tokenize  # noqa: E402
from rfaflow.languages import ENGLISH, LANGUAGES, SOURCE_LANGUAGES, Language  # noqa: E402
from rfaflow.summarize import summarize  # noqa: E402

Words = Callable[[Sequence[str]], list[list[str]]]


def _jieba(texts: Sequence[str]) -> list[list[str]]:
    import logging
    import warnings

    with warnings.catch_warnings():  # jieba 0.42 imports the deprecated pkg_resources
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.WARNING)
    return [[word.lower() for word in jieba.lcut(text) if tokenize._WORD.search(word)] for text in texts]


def _pycantonese(texts: Sequence[str]) -> list[list[str]]:
    import pycantonese

    return [[word.lower() for word in pycantonese.segment(text) if tokenize._WORD.search(word)] for text in texts]


def _khmer_nltk(texts: Sequence[str]) -> list[list[str]]:
    import logging

    logging.getLogger("khmer-nltk").setLevel(logging.WARNING)
    from khmernltk import word_tokenize

    return [[word.lower() for word in word_tokenize(text) if word.strip() and not word.isspace()
             and any(ch.isalnum() for ch in word)] for text in texts]


def _laonlp(texts: Sequence[str]) -> list[list[str]]:
    from laonlp.tokenize import word_tokenize

    return [[word.lower() for word in word_tokenize(text) if any(ch.isalnum() for ch in word)] for text in texts]


_HAN = {
    "whole \\w runs (before)": tokenize.latin_words,
    "characters": partial(tokenize.han_words, n=1),
    "character bigrams": partial(tokenize.han_words, n=2),
    "jieba": _jieba,
}
# Optional libraries (not rfaflow dependencies) are tried when installed.
CANDIDATES: dict[str, dict[str, Words]] = {
    "ko": {"Kiwi content morphemes": tokenize.korean_words},
    "zh-Hans": _HAN,
    "zh-Hant": _HAN,
    "yue": {**_HAN, "pycantonese": _pycantonese},
    "bo": {"whole \\w runs (before)": tokenize.latin_words, "syllables": partial(tokenize.tibetan_words, n=1),
           "syllable bigrams": partial(tokenize.tibetan_words, n=2)},
    "ug": {"words": tokenize.prefix_words, "words cut to 5 letters": partial(tokenize.prefix_words, length=5),
           "words cut to 6 letters": partial(tokenize.prefix_words, length=6),
           "words cut to 7 letters": partial(tokenize.prefix_words, length=7)},
    "my": {"whole \\w runs (before)": tokenize.latin_words, "syllables": partial(tokenize.burmese_words, n=1),
           "syllable bigrams": partial(tokenize.burmese_words, n=2)},
    "km": {"whole \\w runs (before)": tokenize.latin_words,
           "clusters": partial(tokenize.khmer_words, n=1, finals=False),
           "cluster bigrams": partial(tokenize.khmer_words, n=2, finals=False),
           "syllables": partial(tokenize.khmer_words, n=1), "syllable bigrams": partial(tokenize.khmer_words, n=2),
           "khmer-nltk (CRF)": _khmer_nltk},
    "lo": {"whole \\w runs (before)": tokenize.latin_words,
           "clusters": partial(tokenize.lao_words, n=1, finals=False),
           "cluster bigrams": partial(tokenize.lao_words, n=2, finals=False),
           "syllables": partial(tokenize.lao_words, n=1), "syllable bigrams": partial(tokenize.lao_words, n=2),
           "LaoNLP": _laonlp},
    "vi": {"syllables": partial(tokenize.syllable_words, n=1),
           "syllables + syllable bigrams": partial(tokenize.syllable_words, n=2)},
}


def load() -> list[dict]:
    if not DATA.is_file():
        sys.exit(f"summary_agreement: {DATA} not found (the shared data folder must sit beside the project)")
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences_of(document: dict, language: Language) -> list[str]:
    sentences = document[language.tag]
    legacy = language.legacy_encoding
    return [legacy.convert(s) for s in sentences] if legacy is not None else sentences


def f1(a: Sequence[int], b: Sequence[int]) -> float:
    return 2 * len(set(a) & set(b)) / (len(a) + len(b)) if a or b else 1.0


def agreement(documents: list[dict], language: Language, count: int, english: list[list[int]]) -> tuple[float, float]:
    """Mean F1 of news on the language vs news on the English, and of lead-N vs news on the English."""
    news, lead = [], []
    for document, chosen in zip(documents, english, strict=True):
        sentences = sentences_of(document, language)
        news.append(f1(summarize(sentences, count, "news", language).indices, chosen))
        lead.append(f1(summarize(sentences, count, "lead", language).indices, chosen))
    return mean(news), mean(lead)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="3,5")
    parser.add_argument("--languages", default=",".join(language.tag for language in SOURCE_LANGUAGES))
    parser.add_argument("--candidates", action="store_true", help="score every candidate word function")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    documents = load()
    counts = [int(count) for count in args.counts.split(",")]
    english = {count: [summarize(d["en"], count, "news", ENGLISH).indices for d in documents] for count in counts}
    rows = []
    for tag in args.languages.split(","):
        language = LANGUAGES[tag]
        variants = {"registry": language}
        if args.candidates:
            empty: Callable[[], frozenset[str]] = frozenset
            for name, words in CANDIDATES.get(tag, {}).items():
                variants[name] = replace(language, words=words, stop_words=empty)
                variants[f"{name} + stop words"] = replace(language, words=words)
        for name, variant in variants.items():
            try:
                scores = {count: agreement(documents, variant, count, english[count]) for count in counts}
            except ImportError as error:  # an optional library that is not installed
                print(f"summary_agreement: {tag} {name}: skipped ({error})", file=sys.stderr)
                continue
            rows.append({"language": tag, "words": name, **{
                f"news@{count}": round(news, 3) for count, (news, _) in scores.items()}, **{
                f"lead@{count}": round(lead, 3) for count, (_, lead) in scores.items()}})
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    print("| language | words | " + " | ".join(f"news F1 @{c} | lead-{c} F1" for c in counts) + " |")
    print("|---|---|" + "---|---|" * len(counts))
    for row in rows:
        cells = " | ".join(f"{row[f'news@{c}']:.3f} | {row[f'lead@{c}']:.3f}" for c in counts)
        print(f"| {row['language']} | {row['words']} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
