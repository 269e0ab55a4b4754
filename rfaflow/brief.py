"""A draft becomes a `Brief`: segmented, translated, summarised and credited, ready for a template."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rfaflow import __version__
from rfaflow.credits import credit_line, machine_description
from rfaflow.draft import Draft
from rfaflow.segment import HANGUL, Segment, segment_paragraphs
from rfaflow.summarize import (
    DEFAULT_ALGORITHM,
    DEFAULT_SUMMARY,
    SummaryOptions,
    summarize,
)
from rfaflow.translate import Origin, Translation, TranslationChain

TARGET_LANGUAGE = "en"


@dataclass(frozen=True)
class BriefSentence:
    """One English sentence with the Korean it came from and where its translation came from."""

    index: int
    paragraph: int
    text: str
    source: str
    origin: Origin


@dataclass(frozen=True)
class Brief:
    headline: str
    date: dt.date
    dateline: str | None
    service: str
    paragraphs: list[list[BriefSentence]]
    summary: list[BriefSentence]
    credits: str
    provenance: list[str]
    tags: list[str] = field(default_factory=list)
    summary_algorithm: str = DEFAULT_ALGORITHM
    generator: str = f"rfaflow {__version__}"

    @property
    def sentences(self) -> list[BriefSentence]:
        return [sentence for paragraph in self.paragraphs for sentence in paragraph]

    @property
    def date_text(self) -> str:
        return f"{self.date:%B} {self.date.day}, {self.date.year}"


def _provenance(translations: list[Translation]) -> list[str]:
    """Plain counts per origin, e.g. "12 sentences from translation memory (Soo Min Jo)"."""
    counts: dict[str, int] = {}
    for translation in translations:
        origin = translation.origin
        if origin.kind == "tm":
            label = f"from translation memory ({origin.translator or 'translator not named'})"
        elif origin.kind == "pe":
            label = f"post-edited by {origin.translator or 'a post-editor not named'}"
        else:
            label = f"machine-translated with {machine_description(origin)}, model {origin.model}"
        counts[label] = counts.get(label, 0) + 1
    return [f"{count} sentence{'s' if count != 1 else ''} {label}" for label, count in counts.items()]


@dataclass(frozen=True)
class PreparedDraft:
    """A draft split into what must be translated: the headline and a Korean dateline (when any), then the body."""

    draft: Draft
    segments: list[Segment]
    texts: list[str]
    translate_headline: bool
    translate_dateline: bool

    @property
    def extras(self) -> int:
        """How many of `texts` come before the body segments."""
        return self.translate_headline + self.translate_dateline


def prepare(draft: Draft) -> PreparedDraft:
    segments = segment_paragraphs(draft.paragraphs, draft.language)
    translate_headline = not draft.english_headline
    translate_dateline = bool(draft.dateline and HANGUL.search(draft.dateline))
    extras = [draft.headline] * translate_headline + [draft.dateline] * translate_dateline
    texts = extras + [segment.text for segment in segments]
    return PreparedDraft(draft, segments, texts, translate_headline, translate_dateline)


def assemble_brief(
    prepared: PreparedDraft, translations: list[Translation], summary_options: SummaryOptions = DEFAULT_SUMMARY
) -> Brief:
    """The brief from a prepared draft and one translation per text of it, in order."""
    draft, segments = prepared.draft, prepared.segments
    extra_translations, body = translations[: prepared.extras], translations[prepared.extras :]
    headline = extra_translations[0].text if prepared.translate_headline else draft.english_headline
    dateline = extra_translations[-1].text if prepared.translate_dateline else draft.dateline

    sentences = [
        BriefSentence(segment.index, segment.paragraph, translation.text, segment.text, translation.origin)
        for segment, translation in zip(segments, body)
    ]
    paragraphs: list[list[BriefSentence]] = [[] for _ in draft.paragraphs]
    for sentence in sentences:
        paragraphs[sentence.paragraph].append(sentence)
    if summary_options.language == "source":
        chosen_on, language = [s.source for s in sentences], draft.language
    else:
        chosen_on, language = [s.text for s in sentences], TARGET_LANGUAGE
    summary = summarize(chosen_on, summary_options.sentences, summary_options.algorithm, language)
    return Brief(
        headline=headline,
        date=draft.date,
        dateline=dateline.upper() if dateline else None,
        service=draft.service,
        paragraphs=[paragraph for paragraph in paragraphs if paragraph],
        summary=[sentences[i] for i in summary.indices],
        credits=credit_line(draft, translations),
        provenance=_provenance(translations),
        tags=draft.tags,
        summary_algorithm=summary_options.algorithm,
    )


def build_brief(draft: Draft, chain: TranslationChain, summary_options: SummaryOptions = DEFAULT_SUMMARY) -> Brief:
    prepared = prepare(draft)
    return assemble_brief(prepared, chain.translate(prepared.texts, path=draft.path), summary_options)
