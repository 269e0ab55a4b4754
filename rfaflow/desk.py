"""The translation desk's view of a draft: every segment with its translation, origin, QA findings and fuzzy
suggestions. `check`, `xliff export` and `review` all start from it, and `build_chain` sets up translation the same
way for every command (TMX files plus the store's post-edits, glossary protection, the shared cache). TMX and
XLIFF files are checked as they are, by `check_translation_file`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rfaflow.brief import prepare
from rfaflow.draft import Draft
from rfaflow.glossary import Glossary
from rfaflow.qa import ERROR, Finding
from rfaflow.qa.checks import check_pair, check_pairs
from rfaflow.store import Store
from rfaflow.translate import Translation, TranslationChain
from rfaflow.translate.memory import (
    DEFAULT_FUZZY_THRESHOLD,
    Suggestion,
    TranslationMemory,
    read_tmx,
)

TRANSLATION_FILE_SUFFIXES = (".tmx", ".xlf", ".xliff")  # `check` reads these as pairs; anything else is a draft


def build_chain(
    store: Store | None,
    memories: Sequence[Path] = (),
    glossaries: Sequence[Path] = (),
    engine: str = "argos",
    source_lang: str = "ko",
    target_lang: str = "en",
    threads: int | None = None,
    batch_size: int | None = None,
) -> TranslationChain:
    """A chain whose memory is the TMX files plus the post-edits in `store`, newest unit winning."""
    imported = store.memory_units(source_lang, target_lang) if store else []
    memory = (
        TranslationMemory.from_files(memories, source_lang, target_lang, extra=imported)
        if memories or imported else None
    )
    glossary = Glossary.from_files(glossaries, source_lang, target_lang) if glossaries else None
    return TranslationChain(memory, engine, source_lang, target_lang, store, threads, batch_size, glossary)


@dataclass(frozen=True)
class ReviewSegment:
    """`id` is "headline", "dateline" or the body segment's index (from 0), as in QA findings and XLIFF units."""

    id: str
    translation: Translation
    findings: list[Finding]
    suggestions: list[Suggestion]

    @property
    def source(self) -> str:
        return self.translation.source

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


def review_draft(
    draft: Draft, chain: TranslationChain, fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD
) -> DraftReview:
    """Translate the draft as `render` would, then check every pair and look up suggestions for the rest."""
    prepared = prepare(draft)
    translations = chain.translate(prepared.texts, path=draft.path)
    ids = ["headline"] * prepared.translate_headline + ["dateline"] * prepared.translate_dateline
    ids += [str(segment.index) for segment in prepared.segments]
    memory = chain.memory if isinstance(chain.memory, TranslationMemory) else None
    glossary = chain.glossary if isinstance(chain.glossary, Glossary) else None
    segments = []
    for segment_id, translation in zip(ids, translations):
        findings = [
            Finding(segment_id, problem.check, problem.severity, problem.message)
            for problem in check_pair(translation.source, translation.text, glossary)
        ]
        approved = translation.origin.kind in ("tm", "pe")
        suggestions = [] if approved or memory is None else memory.suggestions(translation.source, fuzzy_threshold)
        segments.append(ReviewSegment(segment_id, translation, findings, suggestions))
    return DraftReview(draft, segments)


def check_translation_file(path: Path, glossaries: Sequence[Path] = ()) -> tuple[int, list[Finding]]:
    """(segments, findings) of the ko→en pairs in a TMX or XLIFF file, ids being tuids or unit ids."""
    if path.suffix.lower() == ".tmx":
        pairs = [(unit.id, unit.source, unit.target) for unit in read_tmx(path, "ko", "en")]
    else:
        # Imported here: rfaflow.xliff imports this module.
        from rfaflow.xliff import read_pairs

        pairs = read_pairs(path)
    glossary = Glossary.from_files(glossaries) if glossaries else None
    return len(pairs), check_pairs(pairs, glossary)
