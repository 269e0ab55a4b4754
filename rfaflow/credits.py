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


def translation_credit(draft_translator: str | None, translations: Sequence[Translation]) -> list[str]:
    machine = list(dict.fromkeys(t.origin for t in translations if t.origin.kind == "mt"))
    machine_count = sum(t.origin.kind == "mt" for t in translations)
    engines = " and ".join(machine_description(origin) for origin in machine)
    if draft_translator:
        if machine:
            return [f"Translated by {draft_translator} from a machine translation by {engines}."]
        return [f"Translated by {draft_translator}."]
    credit = []
    memory_translators = list(
        dict.fromkeys(t.origin.translator for t in translations if t.origin.kind == "tm" and t.origin.translator)
    )
    if memory_translators:
        credit.append(f"Translated by {_names(memory_translators)}.")
    elif machine_count < len(translations):
        credit.append("Translated from an approved translation memory.")
    if machine:
        if machine_count == len(translations):
            credit.append(f"Machine-translated with {engines}; not reviewed by a translator.")
        else:
            credit.append(
                f"{machine_count} of {len(translations)} sentences machine-translated with {engines};"
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
