"""The production chain, in house style, from the draft's names and each sentence's origin.

Credits follow the sentences: a person is credited only for sentences a person translated or post-edited, each
name once, and machine translation nobody reviewed is always disclosed with its count. Never invents a name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal

from rfaflow.draft import Draft
from rfaflow.translate import Origin, Translation

ENGINE_DISPLAY_NAMES = {"argos": "Argos Translate"}

ReviewStatus = Literal["human", "post-edited", "unreviewed-mt"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = ("human", "post-edited", "unreviewed-mt")


def _names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _unique(names: Iterable[str | None]) -> list[str]:
    """The names given, in first-seen order, each once; None (nobody named) dropped."""
    return [name for name in dict.fromkeys(names) if name]


def _engine_name(origin: Origin) -> str:
    """House style for the public line: the engine's display name, never a model id or version."""
    return ENGINE_DISPLAY_NAMES.get(origin.engine or "", origin.engine or "an unnamed engine")


def machine_description(origin: Origin) -> str:
    """The engine with its language pair and package version, for detailed sources (never the public line)."""
    package = f", package {origin.model_version}" if origin.model_version else ""
    return f"{_engine_name(origin)} ({origin.source_lang}→{origin.target_lang}{package})"


def _machine_identity(origin: Origin) -> str:
    model = f", model {origin.model}" if origin.model else ""
    return machine_description(origin) + model


def _source_label(origin: Origin) -> str:
    if origin.kind == "tm":
        return f"from translation memory ({origin.translator or 'translator not named'})"
    if origin.kind == "pe":
        edited = f"post-edited by {origin.translator or 'a post-editor not named'}"
        return f"{edited} from {_machine_identity(origin)}" if origin.engine else edited
    return f"machine-translated with {_machine_identity(origin)}; not reviewed"


def provenance(translations: Sequence[Translation]) -> list[str]:
    """The "Translation sources": plain counts per origin, with model identities and versions, in first-seen order,
    e.g. "12 sentences from translation memory (Soo Min Jo)"."""
    counts = Counter(_source_label(translation.origin) for translation in translations)
    return [f"{count} sentence{'s' if count != 1 else ''} {label}" for label, count in counts.items()]


def review_status(translations: Sequence[Translation]) -> ReviewStatus:
    """"human": every sentence from memory; "post-edited": none left unreviewed, at least one post-edited;
    "unreviewed-mt": at least one machine translation nobody reviewed."""
    kinds = {translation.origin.kind for translation in translations}
    if "mt" in kinds:
        return "unreviewed-mt"
    return "post-edited" if "pe" in kinds else "human"


def translation_credit(draft_translator: str | None, translations: Sequence[Translation]) -> list[str]:
    """The translation sentences of the credit line; `draft_translator` (the front matter's) is credited only for
    memory units that name nobody, never for machine translation."""
    origins = [translation.origin for translation in translations]
    memory = [origin.translator or draft_translator for origin in origins if origin.kind == "tm"]
    editors = [origin.translator for origin in origins if origin.kind == "pe"]
    machine = [origin for origin in origins if origin.kind == "mt"]
    credit: list[str] = []
    translators = _unique(memory)
    if translators:
        rest = ", and from an approved translation memory" if not all(memory) else ""
        credit.append(f"Translated by {_names(translators)}{rest}.")
    elif memory:
        credit.append("Translated from an approved translation memory.")
    # Someone who also translated from memory is credited once, as translator.
    post_editors = [name for name in _unique(editors) if name not in translators]
    if post_editors:
        unnamed = ["an unnamed post-editor"] if not all(editors) else []
        credit.append(f"Post-edited by {_names(post_editors + unnamed)} from a machine translation.")
    elif not all(editors):
        credit.append("Post-edited from a machine translation.")
    if machine:
        engines = _names(list(dict.fromkeys(_engine_name(origin) for origin in machine)))
        share = (
            "Machine-translated" if len(machine) == len(origins)
            else f"{len(machine)} of {len(origins)} sentences machine-translated"
        )
        credit.append(f"{share} with {engines}; not reviewed by a translator.")
    return credit


def credit_line(draft: Draft, translations: Sequence[Translation]) -> str:
    """E.g. "Written by Kim Min-ji for RFA's Korean Service. Translated by Soo Min Jo. Written in English by Joshua
    Lipes." """
    parts = [f"Written by {draft.reporter} for {draft.service}."]
    parts += translation_credit(draft.translator, translations)
    if draft.english_writer:
        parts.append(f"Written in English by {draft.english_writer}.")
    return " ".join(parts)
