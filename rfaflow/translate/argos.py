"""Machine translation with an installed Argos Translate package, driving its CTranslate2 model directly.

rfaflow's own sentences go in; Argos's sentence splitters (MiniSBD, Stanza, spaCy) would download models at run
time and are never used. A document's segments are tokenised with the package's SentencePiece model and sent to
`translate_batch` in one call, which sorts them by length into batches.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from rfaflow.translate import Origin, Translation
from rfaflow.translate.packages import InstalledModel, find_model

BEAM_SIZE = 4
MAX_BATCH_SIZE = 32


class ArgosTranslator:
    engine = "argos"

    def __init__(self, model: InstalledModel, threads: int | None = None) -> None:
        self.model = model
        self.threads = threads or os.cpu_count() or 1
        self.origin = Origin(
            "mt", model.from_code, model.to_code, engine=self.engine, model=model.name, model_version=model.version
        )

    @classmethod
    def for_pair(cls, source_lang: str, target_lang: str) -> ArgosTranslator | None:
        model = find_model(source_lang, target_lang)
        return cls(model) if model else None

    @cached_property
    def _translator(self) -> Any:
        import ctranslate2

        return ctranslate2.Translator(str(self.model.model_dir), device="cpu", intra_threads=self.threads)

    @cached_property
    def _tokenizer(self) -> Any:
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=str(self.model.path / "sentencepiece.model"))

    @cached_property
    def _target_prefix(self) -> str:
        import argostranslate.package

        return argostranslate.package.Package(self.model.path).target_prefix

    def translate(self, texts: Sequence[str]) -> list[Translation | None]:
        if not texts:
            return []
        tokens = self._tokenizer.encode(list(texts), out_type=str)
        prefix = self._target_prefix
        results = self._translator.translate_batch(
            tokens,
            target_prefix=[[prefix] for _ in tokens] if prefix else None,
            beam_size=BEAM_SIZE,
            max_batch_size=MAX_BATCH_SIZE,
            max_input_length=0,  # never truncate a long sentence silently
            max_decoding_length=2 * max(len(t) for t in tokens) + 16,
            replace_unknowns=True,
        )
        translations: list[Translation | None] = []
        for text, result in zip(texts, results):
            pieces = result.hypotheses[0]
            if prefix and pieces[:1] == [prefix]:
                pieces = pieces[1:]
            translations.append(Translation(source=text, text=self._tokenizer.decode(pieces).strip(), origin=self.origin))
        return translations
