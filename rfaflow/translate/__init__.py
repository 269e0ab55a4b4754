"""Translation with provenance: approved memory first, machine translation for the rest.

Engines share one small interface: texts in, one `Translation` (or None where they have nothing) out per text.
Machine engines are registered by name and imported lazily, so the CLI starts without loading CTranslate2.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, Protocol

from rfaflow.errors import TranslationMissing


@dataclass(frozen=True)
class Origin:
    """Where a translation came from: a translator's approved memory, or a named machine-translation model."""

    kind: Literal["tm", "mt"]
    source_lang: str
    target_lang: str
    translator: str | None = None
    engine: str | None = None
    model: str | None = None
    model_version: str | None = None

    def describe(self) -> str:
        if self.kind == "tm":
            return f"translation memory ({self.translator or 'unnamed translator'})"
        return f"{self.engine} {self.model} {self.model_version} ({self.source_lang}→{self.target_lang})"


@dataclass(frozen=True)
class Translation:
    source: str
    text: str
    origin: Origin


class Translator(Protocol):
    """Translates what it can. Memory returns None for texts it has no approved translation of."""

    def translate(self, texts: Sequence[str]) -> list[Translation | None]: ...


def _argos_engine(source_lang: str, target_lang: str) -> Translator | None:
    from rfaflow.translate.argos import ArgosTranslator

    return ArgosTranslator.for_pair(source_lang, target_lang)


# Machine engines by name; each factory returns None when no model for the pair is installed.
MACHINE_ENGINES: dict[str, Callable[[str, str], Translator | None]] = {"argos": _argos_engine}
ENGINE_NAMES = ("argos", "tm")  # "tm": the memory alone, no machine translation


class TranslationChain:
    """Exact memory matches first, then one batched call to the machine engine for the rest.

    The machine engine (and its model) is loaded on first need and reused for every later document.
    """

    def __init__(self, memory: Translator | None, engine: str, source_lang: str, target_lang: str) -> None:
        if engine not in ENGINE_NAMES:
            raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINE_NAMES)}")
        self.memory, self.engine = memory, engine
        self.source_lang, self.target_lang = source_lang, target_lang

    @cached_property
    def machine(self) -> Translator | None:
        factory = MACHINE_ENGINES.get(self.engine)
        return factory(self.source_lang, self.target_lang) if factory else None

    def translate(self, texts: Sequence[str], path: Path | None = None) -> list[Translation]:
        """One translation per text, in order; `TranslationMissing` (naming `path`) if any would stay untranslated."""
        results = self.memory.translate(texts) if self.memory else [None] * len(texts)
        missing = [i for i, result in enumerate(results) if result is None]
        if missing:
            if self.machine is None:
                message = _missing_message(len(missing), len(texts), self.engine, self.source_lang, self.target_lang)
                raise TranslationMissing(message, path)
            for i, translation in zip(missing, self.machine.translate([texts[i] for i in missing])):
                results[i] = translation
        return [result for result in results if result is not None]


def _missing_message(missing: int, total: int, engine: str, source_lang: str, target_lang: str) -> str:
    lacking = f"{missing} of {total} segments have no translation in the memory"
    if engine == "tm":
        return f"{lacking}; add them to a --tm file or use --engine argos with an installed model"
    return (
        f"{lacking} and no {source_lang}→{target_lang} model is installed; install one with "
        f"'rfaflow models install translate-{source_lang}_{target_lang}-1_1.argosmodel' "
        f"(or 'rfaflow models install {source_lang} {target_lang}' when online)"
    )
