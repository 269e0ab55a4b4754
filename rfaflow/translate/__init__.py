"""Translation with provenance: approved memory first, machine translation for the rest.

Memories give `Translation`s with a translator's origin; machine engines give text, and the chain attaches the
model's origin and caches it. Machine engines are registered by name and imported lazily, so the CLI starts
without loading CTranslate2.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, Protocol

from rfaflow.errors import TranslationMissing
from rfaflow.languages import Language

OriginKind = Literal["tm", "mt", "pe"]


@dataclass(frozen=True)
class Origin:
    """Where a translation came from: a translator's approved memory ("tm"), a named machine-translation model
    ("mt"), or a translator's post-edit ("pe") of the machine translation named by engine and model, if any.
    Languages are registry tags ("zh-Hans"), as the store and manifests keep them."""

    kind: OriginKind
    source_lang: str
    target_lang: str
    translator: str | None = None
    engine: str | None = None
    model: str | None = None
    model_version: str | None = None


@dataclass(frozen=True)
class Translation:
    source: str
    text: str
    origin: Origin


class Memory(Protocol):
    """Approved translations: one `Translation`, or None where it has none, per text."""

    def translate(self, texts: Sequence[str]) -> list[Translation | None]: ...


class MachineTranslator(Protocol):
    """A loaded-on-demand MT model. `identity` names the exact model (for the cache) without loading it."""

    origin: Origin

    @property
    def identity(self) -> str: ...

    def submit(self, texts: Sequence[str]) -> Callable[[], list[str]]:
        """Start translating; the returned function waits and gives one translation per text, in order."""


class TermProtector(Protocol):
    """A glossary as the chain sees it: rewrites a source so machine translation keeps the approved terms, and
    (for QA) names the approved terms a translation lacks."""

    def protect(self, source: str) -> str: ...

    def violations(self, source: str, target: str) -> list[str]: ...


class TranslationCache(Protocol):
    def cached(self, engine: str, model: str, texts: Sequence[str]) -> dict[str, str]: ...

    def remember(self, engine: str, model: str, pairs: Sequence[tuple[str, str]]) -> None: ...


def _argos_engine(
    source: Language, target: Language, threads: int | None, batch_size: int | None
) -> MachineTranslator | None:
    from rfaflow.translate.argos import ArgosTranslator

    return ArgosTranslator.for_pair(source, target, threads, batch_size)


# Machine engines by name: factory(source, target, threads, batch size), None when no model for the pair is installed.
MACHINE_ENGINES: dict[str, Callable[[Language, Language, int | None, int | None], MachineTranslator | None]] = {
    "argos": _argos_engine
}
ENGINE_NAMES = ("argos", "tm")  # "tm": the memory alone, no machine translation


class TranslationChain:
    """Exact memory matches first, then the cache of earlier machine translations, then one batched call to the
    machine engine for the rest, each distinct text sent once. With a glossary, texts go to the cache and the
    engine with their terms protected (so a changed glossary never reuses translations made without it).

    The machine engine (and its model) is loaded on first need and reused for every later call. `counts` tallies,
    per text given, where its translation came from: memory, cache, machine or missing.
    """

    def __init__(
        self,
        memory: Memory | None,
        engine: str,
        source: Language,
        target: Language,
        cache: TranslationCache | None = None,
        threads: int | None = None,
        batch_size: int | None = None,
        glossary: TermProtector | None = None,
    ) -> None:
        if engine not in ENGINE_NAMES:
            raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINE_NAMES)}")
        self.memory, self.engine, self.cache = memory, engine, cache
        self.source, self.target = source, target
        self.threads, self.batch_size, self.glossary = threads, batch_size, glossary
        self.counts: Counter[str] = Counter()
        # Machine input queued on the engine and not yet collected: (its pool's waiter, position), so a later pool
        # submitted before that one is collected borrows the translation instead of queueing the text again.
        self._queued: dict[str, tuple[Callable[[], list[str]], int]] = {}

    @cached_property
    def machine(self) -> MachineTranslator | None:
        factory = MACHINE_ENGINES.get(self.engine)
        return factory(self.source, self.target, self.threads, self.batch_size) if factory else None

    def submit_available(self, texts: Sequence[str]) -> Callable[[], list[Translation | None]]:
        """Look `texts` up in the memory and the cache and queue the rest on the machine engine, returning at once;
        the returned function waits and gives one translation per text, in order, None where neither memory nor a
        machine engine has one. Machine translations are cached (and counted) when collected."""
        results: list[Translation | None] = self.memory.translate(texts) if self.memory else [None] * len(texts)
        self.counts["memory"] += sum(result is not None for result in results)
        missing = [i for i, result in enumerate(results) if result is None]
        machine = self.machine if missing else None
        if machine is None:
            self.counts["missing"] += len(missing)
            return lambda: results
        protect = self.glossary.protect if self.glossary else str
        machine_input = {i: protect(texts[i]) for i in missing}
        distinct = list(dict.fromkeys(machine_input.values()))
        known = self.cache.cached(self.engine, machine.identity, distinct) if self.cache else {}
        pending = [text for text in distinct if text not in known]
        fresh = [text for text in pending if text not in self._queued]
        fresh_set = set(fresh)
        # Memoised: the first collect of this pool or of a pool borrowing from it waits; the others reuse the result.
        waiter = functools.cache(machine.submit(fresh)) if fresh else list
        self._queued.update((text, (waiter, j)) for j, text in enumerate(fresh))
        waiting = {text: self._queued[text] for text in pending}

        def collect() -> list[Translation | None]:
            try:
                translated = {text: pool_waiter()[j] for text, (pool_waiter, j) in waiting.items()}
            finally:  # collected or failed, this pool's texts are no longer queued: a later pool queues them anew
                for text in fresh:
                    self._queued.pop(text, None)
            if self.cache and fresh:
                self.cache.remember(self.engine, machine.identity, [(text, translated[text]) for text in fresh])
            for i in missing:
                sent = machine_input[i]
                results[i] = Translation(texts[i], known[sent] if sent in known else translated[sent], machine.origin)
                self.counts["machine" if sent in fresh_set else "cache"] += 1
            return results

        return collect

    def translate(self, texts: Sequence[str], path: Path | None = None) -> list[Translation]:
        """One translation per text, in order; `TranslationMissing` (naming `path`) if any would stay untranslated."""
        results = self.submit_available(texts)()
        missing = sum(result is None for result in results)
        if missing:
            raise TranslationMissing(self.missing_message(missing, len(texts)), path)
        return [result for result in results if result is not None]

    def missing_message(self, missing: int, total: int, which: str = "") -> str:
        """Why `missing` of `total` segments stay untranslated and what to do; `which` names some of them."""
        lacking = f"{missing} of {total} segments have no translation in the memory" + (f" ({which})" if which else "")
        if self.engine == "tm":
            return f"{lacking}; add them to a --tm file or use --engine argos with an installed model"
        from rfaflow.translate.packages import missing_model_advice

        return f"{lacking} and {missing_model_advice(self.source, self.target)}"
