"""The translation desk's view of a draft: every segment with its translation, origin, QA findings and fuzzy
suggestions. `check`, `xliff export` and `review` all start from it, and `build_chain` sets up translation the same
way for every command (TMX files plus the store's post-edits, glossary protection, the shared cache). TMX and
XLIFF files are checked as they are, by `check_translation_file`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rfaflow.brief import Brief, describe_units, prepare
from rfaflow.document import Unit
from rfaflow.draft import Draft
from rfaflow.glossary import Glossary
from rfaflow.languages import ENGLISH, Language
from rfaflow.markup import restore, strip_tags
from rfaflow.qa import ERROR, WARNING, Finding
from rfaflow.qa.checks import check_pair, check_pairs, untranslated_runs
from rfaflow.store import Store
from rfaflow.translate import TermProtector, Translation, TranslationChain
from rfaflow.translate.memory import (
    DEFAULT_FUZZY_THRESHOLD,
    Suggestion,
    TranslationMemory,
    read_tmx_as_declared,
)

TRANSLATION_FILE_SUFFIXES = (".tmx", ".xlf", ".xliff")  # `check` reads these as pairs; anything else is a draft


def build_chain(
    store: Store | None,
    memories: Sequence[Path] = (),
    glossaries: Sequence[Path] = (),
    engine: str = "argos",
    *,
    source: Language,
    target: Language = ENGLISH,
    threads: int | None = None,
    batch_size: int | None = None,
) -> TranslationChain:
    """A source→target chain whose memory is the pair's units of the TMX files plus the pair's post-edits in
    `store`, newest unit winning."""
    imported = store.memory_units(source.tag, target.tag) if store else []
    memory = (
        TranslationMemory.from_files(memories, source, target, extra=imported)
        if memories or imported else None
    )
    glossary = Glossary.from_files(glossaries, source, target) if glossaries else None
    return TranslationChain(memory, engine, source, target, store, threads, batch_size, glossary)


def unit_findings(unit_id: str, source: str, english: str, language: Language, markup_problems: Sequence[str] = (),
                  glossary: TermProtector | None = None, date: dt.date | None = None) -> list[Finding]:
    """The QA findings of one translated unit (plain source in `language`, plain English), marks that could not be
    placed included."""
    findings = [Finding(unit_id, problem.check, problem.severity, problem.message)
                for problem in check_pair(source, english, language, glossary, date=date)]
    return findings + [Finding(unit_id, "markup", WARNING, problem) for problem in markup_problems]


def check_brief(brief: Brief, glossary: TermProtector | None = None, rendered: str | None = None) -> list[Finding]:
    """Every unit of a brief checked as it was translated, then the rendered brief as a whole: source-language
    script anywhere in it (a name in the front matter, a template's text) is an error."""
    findings = [finding for unit in brief.units
                for finding in unit_findings(unit.id, unit.source, unit.text, brief.language, unit.problems, glossary,
                                             brief.date)]
    shown = untranslated_runs(rendered or "", brief.language)
    if shown and brief.language.untranslated:
        findings.append(Finding("brief", "untranslated", ERROR,
                                f"the brief still contains {brief.language.untranslated.name}: {shown}"))
    return findings


def qa_line(findings: Sequence[Finding]) -> str:
    """"0 errors, 2 warnings"."""
    errors = sum(finding.severity == ERROR for finding in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


@dataclass(frozen=True)
class ReviewSegment:
    """One unit of a draft with its translation (None when neither the memory nor a model has one), the English
    with its markup restored, findings and suggestions."""

    unit: Unit
    translation: Translation | None
    english: str
    findings: list[Finding]
    suggestions: list[Suggestion]

    @property
    def id(self) -> str:
        return self.unit.id

    @property
    def source(self) -> str:
        return self.unit.text

    @property
    def has_error(self) -> bool:
        return any(finding.severity == ERROR for finding in self.findings)


@dataclass(frozen=True)
class DraftReview:
    draft: Draft
    segments: list[ReviewSegment]

    @property
    def findings(self) -> list[Finding]:
        return [finding for segment in self.segments for finding in segment.findings]

    @property
    def untranslated(self) -> list[ReviewSegment]:
        return [segment for segment in self.segments if segment.translation is None]

    @property
    def description(self) -> str:
        """The segments counted as every command counts them, and how many have no translation."""
        gaps = f", {len(self.untranslated)} without a translation" if self.untranslated else ""
        return describe_units([segment.unit for segment in self.segments]) + gaps


def review_draft(
    draft: Draft, chain: TranslationChain, fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD
) -> DraftReview:
    """Translate the draft as `render` would, then check every pair and look up suggestions for the rest. Units
    that neither the memory nor a model can translate are kept, untranslated, for the translator."""
    prepared = prepare(draft)
    results = chain.submit_available(prepared.texts)()
    memory = chain.memory if isinstance(chain.memory, TranslationMemory) else None
    segments = []
    for unit, translation in zip(prepared.units, results, strict=True):
        english, findings = "", []
        if translation is not None:
            restored = restore(unit.text, unit.marks, translation.text)
            english = restored.plain
            findings = unit_findings(unit.id, unit.text, english, draft.language, restored.problems,
                                     chain.glossary, draft.date)
        approved = translation is not None and translation.origin.kind in ("tm", "pe")
        suggestions = [] if approved or memory is None else memory.suggestions(unit.tagged, fuzzy_threshold)
        segments.append(ReviewSegment(unit, translation, english, findings, suggestions))
    return DraftReview(draft, segments)


def check_translation_file(path: Path, glossaries: Sequence[Path] = ()) -> tuple[int, list[Finding]]:
    """(segments, findings) of the source→English pairs in a TMX or XLIFF file, ids being tuids or unit ids, in the
    source language the file declares (TMX srclang, else its units' one service language; XLIFF source-language)."""
    if path.suffix.lower() == ".tmx":
        source, units = read_tmx_as_declared(path, ENGLISH)
        pairs = [(unit.id, strip_tags(unit.source), strip_tags(unit.target)) for unit in units]
    else:
        # Imported here: rfaflow.xliff imports this module.
        from rfaflow.xliff import read_pairs

        source, pairs = read_pairs(path)
    glossary = Glossary.from_files(glossaries, source) if glossaries else None
    return len(pairs), check_pairs(pairs, source, glossary)
