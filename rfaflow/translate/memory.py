"""Translation memory from TMX 1.4b files: exact matches, each credited to the translator who approved it.

A unit's translator is its `changeid`, else its `creationid` (on the <tu>, else on the target <tuv>). When several
units share a source sentence, the most recently changed one wins. The file is read as every translation file is
(rfaflow.translation_files).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rfaflow import __version__
from rfaflow.errors import MemoryFileError, clip
from rfaflow.languages import SOURCE_LANGUAGES, Language, resolve
from rfaflow.markup import TAG, strip_tags
from rfaflow.translate import Origin, OriginKind, Translation
from rfaflow.translation_files import parse_translation_xml, read_translation_bytes

if TYPE_CHECKING:
    from lxml.etree import _Element, _ElementTree

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class MemoryUnit:
    """One approved pair. A post-edited unit (kind "pe", from an XLIFF import) names the machine translation it
    was edited from, if any, so credits stay truthful."""

    source: str
    target: str
    translator: str | None
    changed: str  # TMX timestamp (YYYYMMDDThhmmssZ) or "", sortable as text
    id: str = ""
    kind: OriginKind = "tm"
    engine: str | None = None
    model: str | None = None
    model_version: str | None = None

    def origin(self, source: Language, target: Language) -> Origin:
        return Origin(self.kind, source.tag, target.tag, self.translator, self.engine, self.model, self.model_version)


@dataclass(frozen=True)
class Suggestion:
    """A fuzzy match: an approved pair whose source is close to, but not the same as, the text looked up."""

    source: str
    target: str
    score: float  # 0-100, rapidfuzz's normalised similarity of the normalised sources
    translator: str | None


def normalize_source(text: str, language: Language) -> str:
    """The lookup key: the language's normal form (NFC and its script's rules) with runs of whitespace collapsed, so
    re-wrapped or re-typed text still matches."""
    return " ".join(language.normalise(text).split())


def _segment_text(seg: _Element, numbers: dict[tuple[str, str], int], fill: bool) -> str:
    """A <seg>'s text with TMX inline markup as rfaflow's placeholders (rfaflow.markup): a <bpt>/<ept> pair becomes
    <gN>…</gN> and a <ph> or <x> becomes <xN/>, numbered in the source's order of appearance. `numbers` is filled
    while reading the source (`fill`) and consulted for the target, where a code the source lacks is left out.
    Recursion is bounded: parse_translation_xml refuses nesting past MAX_XML_DEPTH."""
    parts = [seg.text or ""]
    for child in seg:
        tag = child.tag
        if tag in ("bpt", "ept", "ph", "x", "it"):
            key = ("g" if tag in ("bpt", "ept") else "x", child.get("i") or child.get("x") or "")
            if fill and tag not in ("ept", "it"):
                numbers.setdefault(key, len(numbers) + 1)
            number = numbers.get(key)
            if number is not None:
                parts.append({"bpt": f"<g{number}>", "ept": f"</g{number}>"}.get(tag, f"<x{number}/>"))
        elif isinstance(tag, str) and tag != "ut":  # <ut>'s content is native code, <hi> and <sub> hold text;
            parts.append(_segment_text(child, numbers, fill))  # a comment's or processing instruction's is not
        parts.append(child.tail or "")
    return "".join(parts)


def _parse_tmx(data: bytes) -> _Element:
    from lxml import etree

    # As translate-toolkit parses XLIFF and TBX: entities left unexpanded (parse_translation_xml refuses them), no
    # DTD or anything else fetched.
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def read_tmx(path: Path, source: Language, target: Language) -> list[MemoryUnit]:
    """The source→target units of one TMX file (other languages in a multilingual file are ignored)."""
    return _units(_tmx_root(path), path, source, target)


def read_tmx_as_declared(path: Path, target: Language) -> tuple[Language, list[MemoryUnit]]:
    """The source language a TMX file declares, and its units into `target` (the file read once)."""
    root = _tmx_root(path)
    source = _declared_source(root, path)
    return source, _units(root, path, source, target)


def _tmx_root(path: Path) -> _Element:
    data = read_translation_bytes(path, MemoryFileError, "translation memory file")
    root = parse_translation_xml(data, path, MemoryFileError, "TMX", _parse_tmx, _root_tree)
    if root.tag != "tmx" or root.find("body") is None:
        raise MemoryFileError(f"not a TMX file (root element <{clip(str(root.tag))}>, expected <tmx> with a <body>)",
                              path)
    return root


def _declared_source(root: _Element, path: Path) -> Language:
    """The header's srclang where it names a service language; else ("*all*", TMX's "any", or none) the one service
    language the units hold."""
    header = root.find("header")
    declared = header.get("srclang", "") if header is not None else ""
    language = resolve(declared)
    if language in SOURCE_LANGUAGES:
        return language
    held = {resolve(_tuv_code(tuv)) for tuv in root.iter("tuv")}
    found = [language for language in SOURCE_LANGUAGES if language in held]
    if len(found) == 1:
        return found[0]
    which = ", ".join(language.tag for language in found) or "none"
    raise MemoryFileError(f"its header's srclang {clip(declared, 40)!r} names no service language, and its units hold "
                          f"{'several' if found else 'no service language'} ({which}); set srclang to the source "
                          "language", path)


def _tuv_code(tuv: _Element) -> str:
    return tuv.get(_XML_LANG) or tuv.get("lang") or ""


def _units(root: _Element, path: Path, source: Language, target: Language) -> list[MemoryUnit]:
    units: list[MemoryUnit] = []
    languages: set[str] = set()
    for number, tu in enumerate(root.iter("tu"), start=1):
        by_lang: dict[Language, _Element] = {}
        for tuv in tu.findall("tuv"):
            code = _tuv_code(tuv)
            language = resolve(code)
            languages.add(language.tag if language else code)
            if language is not None:
                by_lang.setdefault(language, tuv)
        source_tuv, target_tuv = by_lang.get(source), by_lang.get(target)
        if source_tuv is None or target_tuv is None:
            continue
        source_seg, target_seg = source_tuv.find("seg"), target_tuv.find("seg")
        if source_seg is None or target_seg is None:
            raise MemoryFileError(f"unit {clip(tu.get('tuid', '?'))} on line {tu.sourceline} has a <tuv> without "
                                  "<seg>", path)
        numbers: dict[tuple[str, str], int] = {}
        source_text = normalize_source(_segment_text(source_seg, numbers, fill=True), source)
        target_text = " ".join(_segment_text(target_seg, numbers, fill=False).split())
        if not source_text or not target_text:
            continue
        translator = (
            tu.get("changeid") or target_tuv.get("changeid") or tu.get("creationid") or target_tuv.get("creationid")
        )
        changed = tu.get("changedate") or tu.get("creationdate") or ""
        units.append(MemoryUnit(source_text, target_text, translator, changed, id=tu.get("tuid") or str(number)))
    if not units:
        found = clip(", ".join(sorted(languages - {""})) or "none", 100)
        raise MemoryFileError(f"has no {source.tag}→{target.tag} translation units (languages found: {found})", path)
    return units


def _root_tree(root: _Element) -> _ElementTree:
    return root.getroottree()


DEFAULT_FUZZY_THRESHOLD = 85.0


class TranslationMemory:
    """Exact-match lookup over one or more TMX files (and the post-edits imported into the store); fuzzy matches
    are only ever offered as suggestions."""

    def __init__(self, units: Iterable[MemoryUnit], source: Language, target: Language) -> None:
        self.source, self.target = source, target
        self._units: dict[str, MemoryUnit] = {}
        for unit in units:
            current = self._units.get(unit.source)
            if current is None or unit.changed >= current.changed:
                self._units[unit.source] = unit
        self._sources = list(self._units)  # the choices rapidfuzz scans for suggestions

    @classmethod
    def from_files(
        cls, paths: Sequence[Path], source: Language, target: Language, extra: Iterable[MemoryUnit] = ()
    ) -> TranslationMemory:
        units = [unit for path in paths for unit in read_tmx(Path(path), source, target)]
        return cls([*units, *extra], source, target)

    @property
    def units(self) -> list[MemoryUnit]:
        return list(self._units.values())

    def __len__(self) -> int:
        return len(self._units)

    def translate(self, texts: Sequence[str]) -> list[Translation | None]:
        results: list[Translation | None] = []
        for text in texts:
            unit = self._units.get(normalize_source(text, self.source))
            if unit is None and TAG.search(text):
                # An approved translation of the sentence without its markup still serves: its marks are then kept
                # at sentence level, and reported (see rfaflow.markup.restore).
                unit = self._units.get(normalize_source(strip_tags(text), self.source))
            if unit is None:
                results.append(None)
                continue
            origin = unit.origin(self.source, self.target)
            results.append(Translation(source=text, text=unit.target, origin=origin))
        return results

    def suggestions(
        self, text: str, threshold: float = DEFAULT_FUZZY_THRESHOLD, limit: int = 3
    ) -> list[Suggestion]:
        """The closest approved pairs scoring at least `threshold`, best first; never the exact match itself."""
        from rapidfuzz import fuzz, process

        key = normalize_source(text, self.source)
        found = process.extract(key, self._sources, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit + 1)
        return [
            Suggestion(source, self._units[source].target, round(score, 1), self._units[source].translator)
            for source, score, _ in found
            if source != key
        ][:limit]


def tmx_bytes(units: Sequence[MemoryUnit], source: Language, target: Language) -> bytes:
    """TMX 1.4b (written by translate-toolkit), with each unit's translator as changeid and its date as changedate."""
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=source.tag, targetlanguage=target.tag)
    for number, unit in enumerate(units, start=1):
        store.addtranslation(unit.source, source.tag, unit.target, target.tag)
        element = store.units[-1].xmlelement
        element.set("tuid", unit.id or str(number))
        if unit.translator:
            element.set("changeid", unit.translator)
        if unit.changed:
            element.set("changedate", unit.changed)
    header = store.document.getroot().find("header")
    header.set("creationtool", "rfaflow")
    header.set("creationtoolversion", __version__)
    return bytes(store)
