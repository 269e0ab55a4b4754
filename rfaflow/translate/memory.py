"""Translation memory from TMX 1.4b files: exact matches, each credited to the translator who approved it.

A unit's translator is its `changeid`, else its `creationid` (on the <tu>, else on the target <tuv>). When several
units share a source sentence, the most recently changed one wins. Parsing goes through defusedxml, so a hostile
file cannot expand entities or reach the network.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from rfaflow.errors import MemoryFileError
from rfaflow.translate import Origin, Translation

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NATIVE_CODES = {"bpt", "ept", "it", "ph", "ut"}  # inline markup whose content is not text


@dataclass(frozen=True)
class MemoryUnit:
    source: str
    target: str
    translator: str | None
    changed: str  # TMX timestamp (YYYYMMDDThhmmssZ) or "", sortable as text


def normalize_source(text: str) -> str:
    """The lookup key: NFC with runs of whitespace collapsed, so re-wrapped or re-typed text still matches."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _primary_language(tuv: Element) -> str:
    lang = tuv.get(_XML_LANG) or tuv.get("lang") or ""
    return lang.split("-")[0].split("_")[0].lower()


def _segment_text(seg: Element) -> str:
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in _NATIVE_CODES:
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx(path: Path, source_lang: str, target_lang: str) -> list[MemoryUnit]:
    """The source→target units of one TMX file (other languages in a multilingual file are ignored)."""
    try:
        root = SafeET.parse(path).getroot()
    except ParseError as err:
        line, column = err.position
        problem = re.sub(r": line \d+, column \d+$", "", str(err))
        raise MemoryFileError(f"malformed TMX on line {line}, column {column + 1}: {problem}", path) from None
    except DefusedXmlException as err:
        raise MemoryFileError(f"refused TMX with unsafe XML ({type(err).__name__})", path) from None
    except FileNotFoundError:
        raise MemoryFileError("no such translation memory file", path) from None
    except OSError as err:
        raise MemoryFileError(f"cannot read translation memory: {err.strerror}", path) from None
    if root.tag != "tmx" or root.find("body") is None:
        raise MemoryFileError(f"not a TMX file (root element <{root.tag}>, expected <tmx> with a <body>)", path)

    units: list[MemoryUnit] = []
    languages: set[str] = set()
    for tu in root.iter("tu"):
        by_lang: dict[str, Element] = {}
        for tuv in tu.findall("tuv"):
            lang = _primary_language(tuv)
            languages.add(lang)
            by_lang.setdefault(lang, tuv)
        source_tuv, target_tuv = by_lang.get(source_lang), by_lang.get(target_lang)
        if source_tuv is None or target_tuv is None:
            continue
        source_seg, target_seg = source_tuv.find("seg"), target_tuv.find("seg")
        if source_seg is None or target_seg is None:
            raise MemoryFileError(f"unit {tu.get('tuid', '?')} has a <tuv> without <seg>", path)
        source, target = normalize_source(_segment_text(source_seg)), " ".join(_segment_text(target_seg).split())
        if not source or not target:
            continue
        translator = (
            tu.get("changeid") or target_tuv.get("changeid") or tu.get("creationid") or target_tuv.get("creationid")
        )
        changed = tu.get("changedate") or tu.get("creationdate") or ""
        units.append(MemoryUnit(source, target, translator, changed))
    if not units:
        found = ", ".join(sorted(languages - {""})) or "none"
        raise MemoryFileError(f"has no {source_lang}→{target_lang} translation units (languages found: {found})", path)
    return units


class TranslationMemory:
    """Exact-match lookup over one or more TMX files."""

    def __init__(self, units: Iterable[MemoryUnit], source_lang: str, target_lang: str) -> None:
        self.source_lang, self.target_lang = source_lang, target_lang
        self._units: dict[str, MemoryUnit] = {}
        for unit in units:
            current = self._units.get(unit.source)
            if current is None or unit.changed >= current.changed:
                self._units[unit.source] = unit

    @classmethod
    def from_files(cls, paths: Sequence[Path], source_lang: str, target_lang: str) -> TranslationMemory:
        units = [unit for path in paths for unit in read_tmx(Path(path), source_lang, target_lang)]
        return cls(units, source_lang, target_lang)

    def __len__(self) -> int:
        return len(self._units)

    def translate(self, texts: Sequence[str]) -> list[Translation | None]:
        results: list[Translation | None] = []
        for text in texts:
            unit = self._units.get(normalize_source(text))
            if unit is None:
                results.append(None)
                continue
            origin = Origin("tm", self.source_lang, self.target_lang, translator=unit.translator)
            results.append(Translation(source=text, text=unit.target, origin=origin))
        return results
