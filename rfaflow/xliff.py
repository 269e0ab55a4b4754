"""The post-editing round trip in XLIFF 1.2: export a draft's segments for a CAT tool, import the edited targets.

XLIFF 1.2 because it is the version OmegaT's built-in filter, Trados Studio, memoQ, Phrase and Okapi Rainbow all
open and save without plug-ins; 2.x support is still partial in several of them. Files are read and written with
translate-toolkit, and read through rfaflow.translate.memory's checks for every translation file (size, encoding,
entities, nesting, control characters).

Each unit carries its machine or memory translation as the target (machine ones marked needs-review-translation),
the origin and QA findings as notes, fuzzy memory matches as alt-trans suggestions, and, in a context group the
tools leave alone, the origin and exported target in machine-readable form. On import a unit counts as
post-edited when its target changed, or when the tool marked it translated/final/signed-off; the post-editor is
the one named on the command line, else the contact of the file's post-editing phase.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from rfaflow import __version__
from rfaflow.credits import machine_description
from rfaflow.desk import DraftReview
from rfaflow.errors import RfaflowError, clip
from rfaflow.languages import ENGLISH, SOURCE_LANGUAGES, Language, resolve
from rfaflow.markup import TAG, ordered, strip_tags
from rfaflow.translate import Origin
from rfaflow.translate.memory import MemoryUnit, normalize_source
from rfaflow.translation_files import parse_translation_xml, read_translation_bytes

XLIFF_1_2 = "urn:oasis:names:tc:xliff:document:1.2"
_CONTEXT_GROUP = "rfaflow"
_REVIEWED_STATES = {"translated", "final", "signed-off"}
_SKELETON = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="" source-language="" target-language="" datatype="plaintext">
<header/>
<body/>
</file>
</xliff>
"""


class XliffError(RfaflowError):
    """An XLIFF file that cannot be read or imported."""


@cache
def _xliff_file_class() -> Any:
    """translate-toolkit's XLIFF store, writing the 1.2 namespace (its default is 1.1); imported on first use."""
    from translate.storage import xliff

    class Unit(xliff.xliffunit):
        namespace = XLIFF_1_2

    class File(xliff.xlifffile):
        UnitClass = Unit
        namespace = XLIFF_1_2

    return File


def _origin_note(origin: Origin) -> str:
    if origin.kind == "mt":
        return f"Machine translation by {machine_description(origin)}, model {origin.model}; review it."
    if origin.kind == "pe":
        return f"Post-edited by {origin.translator or 'an unnamed post-editor'}."
    return f"Approved translation memory ({origin.translator or 'translator not named'})."


def _origin_code(origin: Origin) -> str:
    return "|".join([origin.kind, origin.engine or "", origin.model or "", origin.model_version or ""])


def export_xliff(review: DraftReview, post_editor: str | None = None) -> bytes:
    """The draft's segments as one XLIFF 1.2 document."""
    from lxml import etree

    store = _xliff_file_class().parsestring(_SKELETON.encode())
    file_node = next(store.document.getroot().iterchildren(f"{{{XLIFF_1_2}}}file"))
    file_node.set("original", review.draft.path.name)
    file_node.set("source-language", review.draft.language.tag)
    file_node.set("target-language", ENGLISH.tag)
    header = file_node.find(f"{{{XLIFF_1_2}}}header")
    etree.SubElement(header, f"{{{XLIFF_1_2}}}tool", {
        "tool-id": "rfaflow", "tool-name": "rfaflow", "tool-version": __version__,
    })
    if post_editor:
        group = etree.SubElement(header, f"{{{XLIFF_1_2}}}phase-group")
        etree.SubElement(group, f"{{{XLIFF_1_2}}}phase", {
            "phase-name": "post-editing", "process-name": "post-editing", "tool-id": "rfaflow",
            "contact-name": post_editor,
        })
    for segment in review.segments:
        translation = segment.translation
        unit = store.UnitClass(segment.source)
        store.addunit(unit)
        unit.setid(segment.id)
        _set_inline(unit.xmlelement.find(f"{{{XLIFF_1_2}}}source"), segment.unit.tagged, segment.unit.marks)
        unit.settarget(translation.text if translation else "")
        target = unit.xmlelement.find(f"{{{XLIFF_1_2}}}target")
        if translation is None:  # nothing to start from: the translator writes it
            target.set("state", "new")
            unit.addnote(f"No translation in the memory and no model ({segment.unit.kind}).", origin="rfaflow")
            continue
        _set_inline(target, translation.text, segment.unit.marks)
        machine = translation.origin.kind == "mt"
        unit.markapproved(not machine)
        target.set("state", "needs-review-translation" if machine else "final")
        unit.addnote(_origin_note(translation.origin), origin="rfaflow")
        for finding in segment.findings:
            unit.addnote(f"QA {finding.severity} ({finding.check}): {finding.message}", origin="rfaflow-qa")
        for suggestion in segment.suggestions:
            unit.addalttrans(suggestion.target, origin=f"translation memory ({suggestion.translator or 'unnamed'})",
                             lang=ENGLISH.tag, sourcetxt=suggestion.source, matchquality=f"{suggestion.score:g}")
        unit.createcontextgroup(_CONTEXT_GROUP, [("x-rfaflow-origin", _origin_code(translation.origin)),
                                                 ("x-rfaflow-exported-target", translation.text)], "information")
    return bytes(store)


# XLIFF 1.2 ctype values for rfaflow's marks, so CAT tools show what each tag stands for.
_CTYPES = {"em": "italic", "strong": "bold", "link": "link", "code": "x-code", "url": "x-url"}


def _set_inline(element, text: str, marks) -> None:
    """Write placeholder text (rfaflow.markup) into `element` as XLIFF inline elements: <gN>…</gN> as
    <g id="N">…</g>, <xN/> as <x id="N"/>; placeholders that name no mark of the unit stay text."""
    from lxml import etree

    kinds = {number: mark.kind for number, mark in enumerate(ordered(marks), start=1)}
    for child in list(element):
        element.remove(child)
    element.text = ""
    stack = [element]  # the open <g> elements, innermost last
    position = 0
    for match in TAG.finditer(text):
        number = int(match.group(2) or match.group(3))
        if number not in kinds or (match.group(1) and (len(stack) == 1 or stack[-1].get("id") != str(number))):
            continue
        _append_text(stack[-1], text[position : match.start()])
        position = match.end()
        if match.group(1):  # a close
            stack.pop()
            continue
        tag = "x" if match.group(3) else "g"
        attributes = {"id": str(number), "ctype": _CTYPES[kinds[number]]}
        node = etree.SubElement(stack[-1], f"{{{XLIFF_1_2}}}{tag}", attributes)
        if tag == "g":
            stack.append(node)
    _append_text(stack[-1], text[position:])


def _append_text(parent, text: str) -> None:
    """Text at the end of `parent`: its last child's tail, or its own text while it has no child."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _inline_text(element) -> str:
    """The placeholder text of an XLIFF <source> or <target>: <g id="N"> as <gN>…</gN>, <x id="N"/> (and <ph>,
    <bx>, <ex>) as <xN/>; other inline elements' text kept, comments' and processing instructions' not. Recursion
    is bounded: parse_translation_xml refuses nesting past MAX_XML_DEPTH."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else None
        number = child.get("id", "")
        if name == "g" and number.isdigit():
            parts.append(f"<g{number}>{_inline_text(child)}</g{number}>")
        elif name in ("x", "ph", "bx", "ex") and number.isdigit():
            parts.append(f"<x{number}/>")
        elif name not in (None, "x", "ph", "bx", "ex", "bpt", "ept", "it"):
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass(frozen=True)
class ImportReport:
    units: int
    post_editor: str
    imported: list[MemoryUnit]
    unchanged_machine: int  # machine translations nobody changed or marked reviewed: left as they were
    language: Language  # the source language of the file's pairs


def _context(unit, context_type: str) -> str | None:
    for group in unit.xmlelement.iterchildren(f"{{{XLIFF_1_2}}}context-group"):
        for context in group.iterchildren(f"{{{XLIFF_1_2}}}context"):
            if context.get("context-type") == context_type:
                return context.text or ""
    return None


def _read(path: Path):
    data = read_translation_bytes(path, XliffError, "XLIFF file")
    try:
        store = parse_translation_xml(data, path, XliffError, "XLIFF", _xliff_file_class().parsestring,
                                      attrgetter("document"))
    except ValueError:  # translate-toolkit's refusal of XLIFF 2.x
        raise XliffError("is XLIFF 2, which rfaflow does not read; save it as XLIFF 1.2", path) from None
    except (AssertionError, StopIteration):  # translate-toolkit's checks for the root and its <file>
        raise XliffError("not an XLIFF file (expected an <xliff> root element with a <file>)", path) from None
    namespace = store.document.getroot().nsmap.get(None)
    if namespace != XLIFF_1_2:  # read as 1.2, its units would come out empty
        raise XliffError(f"is not in the XLIFF 1.2 namespace ({clip(namespace or 'none')}); save it as XLIFF 1.2",
                         path)
    return store


def read_pairs(path: Path) -> tuple[Language, list[tuple[str, str, str]]]:
    """The file's source language and (unit id, source, target) of every unit, for QA checks."""
    store = _read(path)
    return _source_language(store, path), [
        (unit.xmlelement.get("id") or str(number), strip_tags(_inline_text(_part(unit, "source"))),
         strip_tags(_inline_text(_part(unit, "target"))))
        for number, unit in enumerate(store.units, start=1)]


def _source_language(store, path: Path) -> Language:
    """The one service language every <file> translates into English; anything else is an error."""
    languages = set()
    for file_node in store.document.getroot().iterchildren(f"{{{XLIFF_1_2}}}file"):
        codes = [file_node.get(side) or "" for side in ("source-language", "target-language")]
        source, target = (resolve(code) for code in codes)
        if source not in SOURCE_LANGUAGES or target is not ENGLISH:
            known = ", ".join(language.tag for language in SOURCE_LANGUAGES)
            raise XliffError(f"is a {'→'.join(clip(code or '?') for code in codes)} file; rfaflow reads a service "
                             f"language ({known}) into {ENGLISH.tag}", path)
        languages.add(source)
    if len(languages) != 1:
        raise XliffError("holds files in several source languages; export one XLIFF per language", path)
    return languages.pop()


def _part(unit, name: str):
    return unit.xmlelement.find(f"{{{XLIFF_1_2}}}{name}")


def _phase_contact(store) -> str | None:
    root = store.document.getroot()
    for phase in root.iter(f"{{{XLIFF_1_2}}}phase"):
        if phase.get("contact-name"):
            return phase.get("contact-name")
    return None


def _timestamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def read_post_edits(path: Path, post_editor: str | None = None, now: dt.datetime | None = None) -> ImportReport:
    """The post-edited units of an XLIFF file, as memory units credited to the post-editor."""
    store = _read(path)
    language = _source_language(store, path)
    editor = post_editor or _phase_contact(store)
    if not editor:
        raise XliffError("names no post-editor; give one with --post-editor NAME", path)
    changed = _timestamp(now or dt.datetime.now(dt.UTC))
    imported, unchanged_machine = [], 0
    for unit in store.units:
        source = normalize_source(_inline_text(_part(unit, "source")), language)
        target = " ".join(_inline_text(_part(unit, "target")).split())
        if not source or not target:
            continue
        # Padded: a CAT tool (or a hand) may have cut the code short.
        kind, engine, model, version = f"{_context(unit, 'x-rfaflow-origin') or ''}|||".split("|")[:4]
        exported = " ".join((_context(unit, "x-rfaflow-exported-target") or "").split())
        target_node = unit.xmlelement.find(f"{{{XLIFF_1_2}}}target")
        reviewed = target_node is not None and target_node.get("state") in _REVIEWED_STATES
        if target == exported and (kind != "mt" or not reviewed):
            unchanged_machine += kind == "mt"
            continue  # approved already, or a machine translation nobody looked at
        basis = kind == "mt"
        imported.append(MemoryUnit(
            source, target, editor, changed, id=unit.xmlelement.get("id") or "", kind="pe",
            engine=(engine or None) if basis else None, model=(model or None) if basis else None,
            model_version=(version or None) if basis else None,
        ))
    return ImportReport(len(store.units), editor, imported, unchanged_machine, language)
