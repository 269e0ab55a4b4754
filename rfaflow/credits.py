"""The production chain, in house style, from the draft's names and each sentence's origin. Never invents a name."""

from __future__ import annotations

from collections.abc import Sequence

from rfaflow.draft import Draft
from rfaflow.translate import Origin, Translation

ENGINE_DISPLAY_NAMES = {"argos": "Argos Translate"}


def _names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def machine_description(origin: Origin) -> str:
    engine = ENGINE_DISPLAY_NAMES.get(origin.engine or "", origin.engine or "an unnamed engine")
    return f"{engine} ({origin.source_lang}→{origin.target_lang}, package {origin.model_version})"


def _engines(origins: Sequence[Origin]) -> str:
    return " and ".join(dict.fromkeys(machine_description(origin) for origin in origins))


def _post_edit_credit(translations: Sequence[Translation]) -> list[str]:
    """"Post-edited by X from a machine translation by E." for sentences brought back from an XLIFF round trip."""
    edits = [t.origin for t in translations if t.origin.kind == "pe"]
    if not edits:
        return []
    editors = _names(list(dict.fromkeys(origin.translator or "an unnamed post-editor" for origin in edits)))
    bases = [origin for origin in edits if origin.engine]
    return [f"Post-edited by {editors} from a machine translation by {_engines(bases)}." if bases
            else f"Post-edited by {editors}."]


def translation_credit(draft_translator: str | None, translations: Sequence[Translation]) -> list[str]:
    machine = [t.origin for t in translations if t.origin.kind == "mt"]
    engines = _engines(machine)
    if draft_translator:
        basis = f" from a machine translation by {engines}" if machine else ""
        return [f"Translated by {draft_translator}{basis}.", *_post_edit_credit(translations)]
    credit = []
    memory = [t.origin for t in translations if t.origin.kind == "tm"]
    memory_translators = list(dict.fromkeys(origin.translator for origin in memory if origin.translator))
    if memory_translators:
        credit.append(f"Translated by {_names(memory_translators)}.")
    elif memory:
        credit.append("Translated from an approved translation memory.")
    credit += _post_edit_credit(translations)
    if machine:
        if len(machine) == len(translations):
            credit.append(f"Machine-translated with {engines}; not reviewed by a translator.")
        else:
            credit.append(
                f"{len(machine)} of {len(translations)} sentences machine-translated with {engines};"
                " not reviewed by a translator."
            )
    return credit


def credit_line(draft: Draft, translations: Sequence[Translation]) -> str:
    """E.g. "Written by Kim Min-ji for RFA's Korean Service. Translated by Soo Min Jo. Written in English by Joshua Lipes." """
    parts = [f"Written by {draft.reporter} for {draft.service}."]
    parts += translation_credit(draft.translator, translations)
    if draft.english_writer:
        parts.append(f"Written in English by {draft.english_writer}.")
    return " ".join(parts)
