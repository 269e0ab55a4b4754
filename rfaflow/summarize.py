"""Extractive summaries: pick the sentences that carry the story, in document order.

sumy's rankers are fed rfaflow's own sentences and words (its default tokenizer needs NLTK data that is not
available offline). Every algorithm returns indices into the input sentences, so a summary always points back to
its segments and their translations. The default, "news" (rfaflow.news_summary), scores sentences by directed
centrality over sumy's document model and words, with lede and length priors, and never cuts a quotation apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rfaflow.languages import ENGLISH, Language

DEFAULT_ALGORITHM = "news"
DEFAULT_SENTENCES = 3

_SUMY_CLASSES = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
}
ALGORITHMS = ("news", *_SUMY_CLASSES, "lead")


# Which text a brief's summary is chosen on. "source": the reporter's language, shown in its English translation, so
# the choice does not depend on the quality of machine translation; "target": the English.
SUMMARY_LANGUAGES = ("source", "target")


@dataclass(frozen=True)
class SummaryOptions:
    """How a brief's summary is chosen."""

    algorithm: str = DEFAULT_ALGORITHM
    sentences: int = DEFAULT_SENTENCES
    language: str = "source"  # one of SUMMARY_LANGUAGES


DEFAULT_SUMMARY = SummaryOptions()


@dataclass(frozen=True)
class Summary:
    """The chosen sentences, by index into the summarised sentences, in document order."""

    algorithm: str
    indices: list[int]


class _Tokenizer:
    """The tokenizer interface sumy's document model calls: the language's words, found for all of a document's
    sentences at once (Korean: one Kiwi call on all cores instead of one per sentence)."""

    def __init__(self, language: Language, sentences: Sequence[str] = ()) -> None:
        self.language = language
        self._found = dict(zip(sentences, language.words(sentences), strict=True)) if sentences else {}

    def to_words(self, text: str) -> list[str]:
        found = self._found.get(text)
        return found if found is not None else self.language.words([text])[0]

    def to_sentences(self, text: str) -> list[str]:
        raise NotImplementedError("sentences are split by rfaflow before sumy sees them")


@cache
def _sumy_ranker(algorithm: str, language: Language) -> Any:
    """One ranker per algorithm and language (they keep no state between documents), with memoised stems."""
    import importlib

    from sumy.nlp.stemmers import Stemmer, null_stemmer

    module_name, class_name = _SUMY_CLASSES[algorithm]
    summarizer_class = getattr(importlib.import_module(module_name), class_name)
    stemmer = null_stemmer if language.stemmer is None else lru_cache(maxsize=1 << 16)(Stemmer(language.stemmer))
    summarizer = summarizer_class(stemmer)
    summarizer.stop_words = language.stop_words()
    return summarizer


def _sumy_select(algorithm: str) -> Callable[[Sequence[str], int, Language], list[int]]:
    def select(sentences: Sequence[str], count: int, language: Language) -> list[int]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        tokenizer = _Tokenizer(language, sentences)
        objects = [Sentence(text, tokenizer) for text in sentences]
        document = ObjectDocumentModel([Paragraph(objects)])
        position = {id(sentence): index for index, sentence in enumerate(objects)}
        import numpy

        with numpy.errstate(divide="ignore", invalid="ignore"):  # word-less sentences: the fill-up handles them
            chosen = _sumy_ranker(algorithm, language)(document, count)
        return [position[id(sentence)] for sentence in chosen]

    return select


def news_words(sentences: Sequence[str], language: Language) -> list[list[str]]:
    """Each sentence's words as sumy's TextRank counts them: through sumy's document model (the language's words),
    lower-cased, its stop words dropped, stemmed where it has a stemmer."""
    from sumy.models.dom import Sentence

    ranker = _sumy_ranker("textrank", language)
    tokenizer = _Tokenizer(language, sentences)
    stop_words, normalize, stem = ranker.stop_words, ranker.normalize_word, ranker.stem_word
    return [
        [stem(word) for word in map(normalize, Sentence(text, tokenizer).words) if word not in stop_words]
        for text in sentences
    ]


def _news(sentences: Sequence[str], count: int, language: Language) -> list[int]:
    """Whole units (a quotation spanning sentences stays together), chosen by rfaflow.news_summary."""
    from rfaflow import news_summary

    parameters = news_summary.parameters(language)
    units = news_summary.quotation_units(sentences)
    return news_summary.select(news_words(sentences, language), units, count, parameters)


def _lead(sentences: Sequence[str], count: int, language: Language) -> list[int]:
    return list(range(min(count, len(sentences))))


SELECTORS: dict[str, Callable[[Sequence[str], int, Language], list[int]]] = {
    "news": _news,
    **{name: _sumy_select(name) for name in _SUMY_CLASSES},
    "lead": _lead,
}


def summarize(
    sentences: Sequence[str], count: int = DEFAULT_SENTENCES, algorithm: str = DEFAULT_ALGORITHM,
    language: Language = ENGLISH,
) -> Summary:
    """Choose `count` sentences. If a ranker finds fewer (no scorable words), the earliest unchosen ones fill up.

    "news" fills up by itself and keeps every quotation that spans sentences whole, so it may return fewer than
    `count` when no whole quotation fits what is left of the budget.
    """
    if algorithm not in SELECTORS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    if count < 1:
        raise ValueError("a summary needs at least one sentence")
    if len(sentences) <= count:
        return Summary(algorithm, list(range(len(sentences))))
    chosen = set(SELECTORS[algorithm](sentences, count, language))
    if algorithm == "news":
        return Summary(algorithm, sorted(chosen))
    for index in range(len(sentences)):
        if len(chosen) >= count:
            break
        chosen.add(index)
    return Summary(algorithm, sorted(chosen))
