"""Machine translation with an installed Argos Translate package, driving its CTranslate2 model directly.

rfaflow's own sentences go in; Argos's sentence splitters (MiniSBD, Stanza, spaCy) would download models at run
time and are never used. A document's (or a batch pool's) segments are tokenised with the package's SentencePiece
model, sorted by length and queued with `translate_batch(asynchronous=True)` in calls of up to `CALL_SIZE`
sentences (one call for any ordinary document), which split them into batches of `max_batch_size` run one per
worker thread in parallel; the caller collects the translations when it needs them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from typing import Any

from rfaflow.translate import Origin
from rfaflow.translate.packages import InstalledModel, find_model

BEAM_SIZE = 4
# Tuned on a 2-core machine with a Transformer-base model, beam 4 (int8): one single-threaded worker per core,
# each taking batches of 16 sentences, ran 40 sentences/s against 24 for one 2-thread worker at its best batch (64).
MAX_BATCH_SIZE = 16
# Sentences per translate_batch call, taken in length order: each call's decoding limit (twice its longest input)
# stays tight, which keeps peak memory flat however long the pool, at no cost in speed (measured: 600 NTREX
# sentences at 33.6/s in calls of 256 against 31.8/s in one call; peak RSS 512 against 551 MB).
CALL_SIZE = 256


def _wait(result: Any) -> Any:
    """An asynchronous result, waited for in short sleeps: `result()` blocks inside CTranslate2, where Python
    cannot deliver a Ctrl-C until the batch is done."""
    while not result.done():
        time.sleep(0.02)
    return result.result()


@lru_cache(maxsize=4)
def _load_translator(model_dir: str, identity: str, threads: int) -> Any:
    """One loaded model per package identity and thread count, kept for the life of the process: later chains in
    the same process reuse it, and a process leaving after an error or Ctrl-C is not held up by the model's
    destructor, which would first finish every batch still queued."""
    import ctranslate2

    return ctranslate2.Translator(
        model_dir,
        device="cpu",
        inter_threads=threads,
        intra_threads=1,
        max_queued_batches=-1,  # queueing a pool never blocks (a blocked call would also defer Ctrl-C)
    )


class ArgosTranslator:
    engine = "argos"

    def __init__(self, model: InstalledModel, threads: int | None = None, max_batch_size: int | None = None) -> None:
        self.model = model
        self.threads = threads or os.cpu_count() or 1
        self.max_batch_size = max_batch_size or MAX_BATCH_SIZE
        self.origin = Origin(
            "mt", model.from_code, model.to_code, engine=self.engine, model=model.name, model_version=model.version
        )

    @classmethod
    def for_pair(
        cls, source_lang: str, target_lang: str, threads: int | None = None, max_batch_size: int | None = None
    ) -> ArgosTranslator | None:
        model = find_model(source_lang, target_lang)
        return cls(model, threads, max_batch_size) if model else None

    @property
    def identity(self) -> str:
        """Name, version and content hash: a rebuilt or replaced package never reuses old cached translations."""
        return f"{self.model.name}@{self.model.version}#{self.model.content_hash}"

    @cached_property
    def _translator(self) -> Any:
        return _load_translator(str(self.model.model_dir), self.identity, self.threads)

    @cached_property
    def _tokenizer(self) -> Any:
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=str(self.model.path / "sentencepiece.model"))

    def submit(self, texts: Sequence[str]) -> Callable[[], list[str]]:
        """Queue `texts` on the model's workers and return at once; calling the result waits for the translations.

        Every call of a pool is queued before any is awaited, so the workers never idle between calls, and a batch
        run prepares its next drafts and writes its last briefs while this pool is being translated."""
        if not texts:
            return list
        tokens = self._tokenizer.encode(list(texts), out_type=str)
        prefix = self.model.target_prefix
        by_length = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        queued = []
        for start in range(0, len(by_length), CALL_SIZE):
            chunk = by_length[start : start + CALL_SIZE]
            batch = [tokens[i] for i in chunk]
            results = self._translator.translate_batch(
                batch,
                target_prefix=[[prefix] for _ in batch] if prefix else None,
                beam_size=BEAM_SIZE,
                max_batch_size=self.max_batch_size,
                max_input_length=0,  # never truncate a long sentence silently
                max_decoding_length=2 * len(batch[-1]) + 16,
                replace_unknowns=True,
                asynchronous=True,
            )
            queued.append((chunk, results))

        def collect() -> list[str]:
            translations = [""] * len(tokens)
            for chunk, results in queued:
                for i, result in zip(chunk, results):
                    pieces = _wait(result).hypotheses[0]
                    if prefix and pieces[:1] == [prefix]:
                        pieces = pieces[1:]
                    translations[i] = self._tokenizer.decode(pieces).strip()
            return translations

        return collect
