"""Machine translation with an installed Argos Translate package, driving its CTranslate2 model directly.

rfaflow's own sentences go in; Argos's sentence splitters (MiniSBD, Stanza, spaCy) would download models at run
time and are never used. A document's (or a batch pool's) segments are tokenised with the package's SentencePiece
model, sorted by length and queued with `translate_batch(asynchronous=True)` in calls of up to `CALL_SIZE`
sentences (one call for any ordinary document), which split them into batches of `max_batch_size` run one per
worker thread in parallel; the caller collects the translations when it needs them.

The model's position table (1,024 for Argos's Transformers) bounds both input and output, so a tokenised sentence
longer than `limits.MAX_MT_INPUT_TOKENS` is cut into pieces of at most that many tokens (at the last clause end in
the back half of the window, else at the last word start, else hard); the pieces go into the same sorted, batched
submit as every other input, and their translations are joined with a space.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from typing import Any

from rfaflow import limits
from rfaflow.languages import Language
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
# Decoding stays inside the position table of Argos's Transformers (1,024, with room for the start token and a
# target prefix) however high MAX_MT_INPUT_TOKENS is set; at the shipped limit, twice the input plus 16 is under it.
MAX_DECODING_LENGTH = 1_000
# A SentencePiece piece ending in one of these, before a word start, ends a clause: a good place to cut.
_CLAUSE_ENDS = frozenset(",;:)]}\"'”’»」』.!?…。！？，、；：）")
_BYTE_PIECE = re.compile(r"<0x([0-7][0-9A-F])>")  # byte fallback spells rare ASCII, "," say, as "<0x2C>"
_WORD_START = "▁"


def _ends_clause(token: str) -> bool:
    byte = _BYTE_PIECE.fullmatch(token)
    return (chr(int(byte[1], 16)) if byte else token[-1:]) in _CLAUSE_ENDS


def token_pieces(tokens: Sequence[str], limit: int) -> list[list[str]]:
    """`tokens` cut into consecutive pieces of at most `limit` tokens, each cut at the last clause end in the back
    half of the window, else at the last word start, else at the limit; input within the limit is one piece."""
    pieces = []
    start = 0
    while len(tokens) - start > limit:
        stop = start + limit  # a cut at `end` keeps tokens[start:end]; tokens[stop] exists here
        word_starts = [end for end in range(stop, start, -1) if tokens[end].startswith(_WORD_START)]
        end = next((end for end in word_starts if end > start + limit // 2 and _ends_clause(tokens[end - 1])),
                   word_starts[0] if word_starts else stop)
        pieces.append(list(tokens[start:end]))
        start = end
    pieces.append(list(tokens[start:]))
    return pieces


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

    def __init__(self, model: InstalledModel, source: Language, target: Language, threads: int | None = None,
                 max_batch_size: int | None = None) -> None:
        self.model = model
        self.threads = threads or os.cpu_count() or 1
        self.max_batch_size = max_batch_size or MAX_BATCH_SIZE
        self.origin = Origin(
            "mt", source.tag, target.tag, engine=self.engine, model=model.name, model_version=model.version
        )

    @classmethod
    def for_pair(
        cls, source: Language, target: Language, threads: int | None = None, max_batch_size: int | None = None
    ) -> ArgosTranslator | None:
        model = find_model(source, target)
        return cls(model, source, target, threads, max_batch_size) if model else None

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
        limit = limits.MAX_MT_INPUT_TOKENS  # read now, so a test can lower it
        pieces, owners = [], []  # every input to the model, and the text each belongs to
        for owner, tokens in enumerate(self._tokenizer.encode(list(texts), out_type=str)):
            for piece in token_pieces(tokens, limit):
                pieces.append(piece)
                owners.append(owner)
        prefix = self.model.target_prefix
        by_length = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        queued = []
        for start in range(0, len(by_length), CALL_SIZE):
            chunk = by_length[start : start + CALL_SIZE]
            batch = [pieces[i] for i in chunk]
            results = self._translator.translate_batch(
                batch,
                target_prefix=[[prefix] for _ in batch] if prefix else None,
                beam_size=BEAM_SIZE,
                max_batch_size=self.max_batch_size,
                max_input_length=0,  # never truncate a long sentence silently
                max_decoding_length=min(2 * len(batch[-1]) + 16, MAX_DECODING_LENGTH),
                replace_unknowns=True,
                asynchronous=True,
            )
            queued.append((chunk, results))

        def collect() -> list[str]:
            translated = [""] * len(pieces)
            for chunk, results in queued:
                for i, result in zip(chunk, results, strict=True):
                    hypothesis = _wait(result).hypotheses[0]
                    if prefix and hypothesis[:1] == [prefix]:
                        hypothesis = hypothesis[1:]
                    translated[i] = self._tokenizer.decode(hypothesis).strip()
            parts: list[list[str]] = [[] for _ in texts]
            for owner, translation in zip(owners, translated, strict=True):
                parts[owner].append(translation)
            return [" ".join(part) for part in parts]

        return collect
