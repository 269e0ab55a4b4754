"""The desk's terminology: approved English for Korean names and terms, enforced through machine translation.

A glossary is a CSV file (`source,target[,note]`, an optional header row) or a TBX file (read with
translate-toolkit). Several source variants may map to one target (김정은, 김 위원장 → Kim Jong Un); in TBX, English
terms marked deprecated (Kim Jong-un) are variants the output must not use.

Protection: before machine translation each source term is replaced by its approved English, so the model sees
and copies a Latin-script name instead of translating (or transliterating) the Korean anew. This survives
SentencePiece and CTranslate2 with any model that copies names, and the glossary QA check verifies afterwards that
the approved term did come through.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from rfaflow.errors import RfaflowError, clip, decode_utf8
from rfaflow.languages import ENGLISH, Language, resolve
from rfaflow.translation_files import parse_translation_xml, read_translation_bytes, refuse_control_characters

# Below limits.MAX_TRANSLATION_FILE_BYTES: every term becomes one alternative of a single regular expression.
MAX_GLOSSARY_BYTES = 20 * 2**20
_HEADER = ("source", "target")


class GlossaryError(RfaflowError):
    """A glossary file that cannot be read."""


@dataclass(frozen=True)
class Term:
    source: str
    target: str
    note: str = ""
    forbidden: tuple[str, ...] = ()  # target-language variants the desk does not use


def _squash(text: str) -> str:
    return " ".join(text.split())


def _read_csv(path: Path, text: str) -> list[Term]:
    refuse_control_characters(text, 1, path, GlossaryError)
    terms = []
    rows = csv.reader(text.splitlines())
    try:
        for number, row in enumerate(rows, start=1):
            if not row or not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if number == 1 and tuple(cell.strip().lower() for cell in row[:2]) == _HEADER:
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise GlossaryError(f"line {number}: expected 'source,target[,note]', got {clip(','.join(row))!r}",
                                    path)
            if len(row) > 3:
                raise GlossaryError(f"line {number}: {len(row)} columns; quote a note that contains commas", path)
            note = row[2].strip() if len(row) == 3 else ""
            terms.append(Term(_squash(row[0]), _squash(row[1]), note))
    except csv.Error as err:  # a cell past the csv module's field limit
        raise GlossaryError(f"line {rows.line_num}: {clip(str(err), 80)}", path) from None
    return terms


def _read_tbx(path: Path, data: bytes, source: Language, target: Language) -> list[Term]:
    from translate.storage import tbx

    try:
        store = parse_translation_xml(data, path, GlossaryError, "TBX", tbx.tbxfile, attrgetter("document"))
    except AssertionError:
        raise GlossaryError("not a TBX file (expected a <martif> root element)", path) from None
    terms = []
    for unit in store.units:
        by_lang: dict[Language | None, list[Any]] = {}
        for node in unit.getlanguageNodes():
            lang = node.get("{http://www.w3.org/XML/1998/namespace}lang")
            by_lang.setdefault(resolve(lang), unit.get_target_terms(lang))
        sources = [t.text for t in by_lang.get(source, []) if not t.deprecated and t.text.strip()]
        targets = [t for t in by_lang.get(target, []) if t.text.strip()]
        approved = [t.text for t in targets if not t.deprecated]
        if not sources or not approved:
            continue
        forbidden = tuple(_squash(t.text) for t in targets if t.deprecated)
        notes = [note.text for note in (targets[0].notes if targets else ()) if note.scope == "concept"]
        for term in sources:
            terms.append(Term(_squash(source.normalise(term)), _squash(approved[0]), "; ".join(notes), forbidden))
    if not terms:
        raise GlossaryError(f"has no {source.tag}→{target.tag} term entries", path)
    return terms


def read_glossary(path: Path, source: Language, target: Language = ENGLISH) -> list[Term]:
    """The terms of one CSV or TBX file (by suffix: .tbx, else CSV: source term, target term, note), source terms
    in the source language's normal form."""
    data = read_translation_bytes(path, GlossaryError, "glossary file", MAX_GLOSSARY_BYTES)
    if path.suffix.lower() == ".tbx":
        return _read_tbx(path, data, source, target)
    # Squashed again: removing a zero-width space beside a space leaves two spaces.
    terms = [replace(term, source=_squash(source.normalise(term.source)))
             for term in _read_csv(path, decode_utf8(data, path, GlossaryError, "save the glossary as UTF-8"))]
    if not terms:
        raise GlossaryError("has no terms", path)
    return terms


class Glossary:
    """Longest-match lookup of source terms; a later file's entry for the same source replaces an earlier one."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: dict[str, Term] = {}
        for term in terms:
            self.terms[term.source] = term
        # Longest first, so 김정은 국무위원장 wins over 김정은 where both match.
        alternatives = sorted(self.terms, key=len, reverse=True)
        # A term matches across any run of whitespace, as a draft may wrap a line inside it.
        regexes = (r"\s+".join(map(re.escape, source.split())) for source in alternatives)
        self._pattern = re.compile("|".join(regexes)) if alternatives else None

    @classmethod
    def from_files(cls, paths: Sequence[Path], source: Language, target: Language = ENGLISH) -> Glossary:
        return cls(term for path in paths for term in read_glossary(Path(path), source, target))

    def __len__(self) -> int:
        return len(self.terms)

    def found(self, source: str) -> list[Term]:
        """The terms that occur in `source`, in order of appearance, without overlaps."""
        if self._pattern is None:
            return []
        return [self.terms[_squash(match.group())] for match in self._pattern.finditer(source)]

    def protect(self, source: str) -> str:
        """`source` with every term replaced by its approved target, ready for machine translation."""
        if self._pattern is None:
            return source
        return self._pattern.sub(lambda match: self.terms[_squash(match.group())].target, source)

    def violations(self, source: str, target: str) -> list[str]:
        """Messages for approved terms missing from `target`, and for forbidden variants it uses."""
        problems = []
        folded = _squash(target).casefold()
        for term in dict.fromkeys(self.found(source)):
            if term.target.casefold() not in folded:
                problems.append(f"glossary term {term.source} should be translated as {term.target!r}")
            for variant in term.forbidden:
                if variant.casefold() in folded:
                    problems.append(f"uses {variant!r}; the desk writes {term.target!r}")
        return problems
