"""A draft becomes a `Brief`: segmented into units, translated, its markup restored, summarised and credited, ready
for a template."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rfaflow import __version__
from rfaflow.credits import credit_line, provenance, review_status
from rfaflow.document import UNIT_KINDS, Block, Unit, segment_blocks
from rfaflow.draft import Draft
from rfaflow.errors import TranslationMissing, clip
from rfaflow.languages import ENGLISH, Language
from rfaflow.markup import Inline, restore
from rfaflow.summarize import DEFAULT_ALGORITHM, DEFAULT_SUMMARY, SummaryOptions, summarize
from rfaflow.translate import Origin, Translation, TranslationChain

# AP style abbreviates these months before a day; March to July are always spelled out.
_AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
MISSING_SHOWN = 3  # missing segments named in an error, before "and N more"
MISSING_EXCERPT = 29  # characters of each shown


def ap_date(date: dt.date) -> str:
    """"Feb. 23, 2017", "March 5, 2026": the AP stylebook's dates."""
    return f"{_AP_MONTHS.get(date.month, f'{date:%B}')} {date.day}, {date.year}"


@dataclass(frozen=True)
class BriefSentence:
    """One translated unit: the English (plain, and with its markup as `marked`), the source unit and where the
    translation came from; `problems` names marks that could only be kept at sentence level."""

    unit: Unit
    text: str
    marked: tuple[Inline, ...]
    origin: Origin
    problems: tuple[str, ...] = ()

    @property
    def index(self) -> int:
        return self.unit.index

    @property
    def id(self) -> str:
        return self.unit.id

    @property
    def kind(self) -> str:
        return self.unit.kind

    @property
    def source(self) -> str:
        return self.unit.text


@dataclass(frozen=True)
class Brief:
    headline: str
    date: dt.date
    dateline: str | None
    service: str
    language: Language  # the draft's
    blocks: list[Block[tuple[BriefSentence, ...]]]
    units: list[BriefSentence]  # every translated unit in order: headline and dateline (when translated), body
    summary: list[BriefSentence]
    credits: str
    provenance: list[str]
    review_status: str = ""
    tags: list[str] = field(default_factory=list)
    summary_algorithm: str = DEFAULT_ALGORITHM
    generator: str = f"rfaflow {__version__}"

    @property
    def sentences(self) -> list[BriefSentence]:
        """The body's sentences, the units a summary chooses from."""
        return [unit for unit in self.units if unit.kind == "sentence"]

    @property
    def date_text(self) -> str:
        return ap_date(self.date)

    @property
    def description(self) -> str:
        return describe_units([sentence.unit for sentence in self.units])


def describe_units(units: Sequence[Unit]) -> str:
    """"25 segments (1 headline, 2 subheadings, 22 sentences)": what every command counts."""
    counts = Counter(unit.kind for unit in units)
    parts = [f"{counts[kind]} {kind}{'s' * (counts[kind] != 1)}" for kind in UNIT_KINDS if counts[kind]]
    return f"{len(units)} segment{'s' * (len(units) != 1)} ({', '.join(parts)})"


@dataclass(frozen=True)
class PreparedDraft:
    """A draft as units to translate, in order: the headline and a Korean dateline (when they need translating),
    then the body's units; `blocks` holds the story's structure with each line as its units' indices."""

    draft: Draft
    units: list[Unit]
    blocks: list[Block[tuple[int, ...]]]

    @property
    def texts(self) -> list[str]:
        """What the memory and the machine are asked to translate, one per unit."""
        return [unit.tagged for unit in self.units]

    @property
    def description(self) -> str:
        return describe_units(self.units)

    def missing(self, results: Sequence[Translation | None], chain: TranslationChain) -> TranslationMissing | None:
        """The error for units left without a translation, naming the first few; None when all have one."""
        lacking = [unit for unit, result in zip(self.units, results, strict=True) if result is None]
        if not lacking:
            return None
        shown = ", ".join(f"{unit.id} '{clip(unit.text, MISSING_EXCERPT)}'" for unit in lacking[:MISSING_SHOWN])
        more = f" and {len(lacking) - MISSING_SHOWN} more" if len(lacking) > MISSING_SHOWN else ""
        return TranslationMissing(chain.missing_message(len(lacking), len(self.units), f"{shown}{more}"),
                                  self.draft.path)


def _in_source_script(text: str, language: Language) -> bool:
    return language.untranslated is not None and language.untranslated.pattern.search(text) is not None


def prepare(draft: Draft) -> PreparedDraft:
    head = []
    if not draft.english_headline:
        head.append(Unit(0, "headline", draft.headline))
    # A dateline in the source script (서울, 北京) is translated; one already in English (Seoul) is kept.
    if draft.dateline and _in_source_script(draft.dateline, draft.language):
        head.append(Unit(len(head), "dateline", draft.dateline))
    body, blocks = segment_blocks(draft.blocks, draft.language, first_index=len(head))
    return PreparedDraft(draft, head + body, blocks)


def assemble_brief(
    prepared: PreparedDraft, translations: Sequence[Translation], summary_options: SummaryOptions = DEFAULT_SUMMARY
) -> Brief:
    """The brief from a prepared draft and one translation per unit of it, in order."""
    draft = prepared.draft
    units = []
    for unit, translation in zip(prepared.units, translations, strict=True):
        restored = restore(unit.text, unit.marks, translation.text)
        units.append(BriefSentence(unit, restored.plain, restored.nodes, translation.origin, restored.problems))
    by_kind = {unit.kind: unit for unit in units if unit.kind in ("headline", "dateline")}
    headline = by_kind["headline"].text if "headline" in by_kind else draft.english_headline or draft.headline
    dateline = by_kind["dateline"].text if "dateline" in by_kind else draft.dateline
    sentences = [unit for unit in units if unit.kind == "sentence"]
    if summary_options.language == "source":
        chosen_on, language = [s.source for s in sentences], draft.language
    else:
        chosen_on, language = [s.text for s in sentences], ENGLISH
    summary = summarize(chosen_on, summary_options.sentences, summary_options.algorithm, language)
    return Brief(
        headline=headline,
        date=draft.date,
        dateline=dateline.upper() if dateline else None,
        service=draft.service,
        language=draft.language,
        blocks=[block.map(lambda _, line: tuple(units[i] for i in line)) for block in prepared.blocks],
        units=units,
        summary=[sentences[i] for i in summary.indices],
        credits=credit_line(draft, translations),
        provenance=provenance(translations),
        review_status=review_status(translations),
        tags=draft.tags,
        summary_algorithm=summary_options.algorithm,
    )


def build_brief(draft: Draft, chain: TranslationChain, summary_options: SummaryOptions = DEFAULT_SUMMARY) -> Brief:
    prepared = prepare(draft)
    results = chain.submit_available(prepared.texts)()
    missing = prepared.missing(results, chain)
    if missing:
        raise missing
    return assemble_brief(prepared, [result for result in results if result is not None], summary_options)
