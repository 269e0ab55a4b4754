"""Long input: one huge paragraph through the sentence splitter, one huge sentence through machine translation.

    python bench/long_input.py [--sizes 0.5,1,2,5] [--before-up-to 1]

Prints one line per measurement:
  segment     a run-on Korean paragraph of each size (MB of UTF-8; NTREX sentences, or the copy model's corpus,
              repeated and joined with spaces) split by `rfaflow.segment.split_sentences`: seconds and sentences,
              with windowing ("after", limits.SEGMENTER_WINDOW_CHARS) and without ("before", the window set
              beyond the text, which is the splitter as it was) for sizes up to --before-up-to MB, since the
              unwindowed splitter is superlinear and takes minutes beyond
  ntrex       (when ../shared/data/ntrex-ko-en/dev.jsonl is there) the largest document's length in characters,
              whether every document's text is cut identically with and without windowing, how many cuts differ
              from splitting each document alone when all 80 documents are run together into one paragraph, with
              and without windows, and the longest sentence in the copy model's SentencePiece tokens against
              limits.MAX_MT_INPUT_TOKENS
  translate   a 3,000-token sentence through the tiny copy model with the limit and without it (which CTranslate2
              refuses: its position table has 1,024 entries)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rfaflow import limits  # noqa: E402
from rfaflow.segment import sentence_spans, split_sentences  # noqa: E402
from rfaflow.testing.copy_model import build_package, default_corpus  # noqa: E402

T = TypeVar("T")
NTREX = ROOT.parent / "shared" / "data" / "ntrex-ko-en" / "dev.jsonl"


def ntrex_documents() -> list[list[str]]:
    return [json.loads(line)["ko"] for line in NTREX.read_text(encoding="utf-8").splitlines() if line.strip()]


@contextmanager
def limit(name: str, value: int) -> Iterator[None]:
    old = getattr(limits, name)
    setattr(limits, name, value)
    try:
        yield
    finally:
        setattr(limits, name, old)


def paragraph(sentences: list[str], megabytes: float) -> str:
    """Sentences repeated and joined with spaces until the text holds `megabytes` of UTF-8."""
    target, parts, size = int(megabytes * 1024 * 1024), [], 0
    while size < target:
        for sentence in sentences:
            parts.append(sentence)
            size += len(sentence.encode()) + 1
            if size >= target:
                break
    return " ".join(parts)


def timed(function: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def segment(sentences: list[str], sizes: list[float], before_up_to: float) -> None:
    split_sentences("준비한다.", "ko")  # load Kiwi outside the timings
    for megabytes in sizes:
        text = paragraph(sentences, megabytes)
        runs = [("after", limits.SEGMENTER_WINDOW_CHARS)] + ([("before", len(text) + 1)] if megabytes <= before_up_to
                                                             else [])
        for label, window in runs:
            with limit("SEGMENTER_WINDOW_CHARS", window):
                seconds, found = timed(partial(split_sentences, text, "ko"))
            print(f"segment {label:6} {megabytes:4} MB {len(text):>9,} chars  {seconds:7.2f} s  "
                  f"{len(found):>7,} sentences", flush=True)


def copy_tokenizer(model_file: Path) -> Any:
    """The copy model's SentencePiece model, read from its package."""
    import sentencepiece

    with zipfile.ZipFile(model_file) as archive:
        name = next(name for name in archive.namelist() if name.endswith("sentencepiece.model"))
        return sentencepiece.SentencePieceProcessor(model_proto=archive.read(name))


def ntrex(tokenizer: Any) -> None:
    documents = ntrex_documents()
    texts = [" ".join(sentences) for sentences in documents]
    unbounded = max(map(len, texts)) + 1
    windowed = sentence_spans(texts, "ko")
    with limit("SEGMENTER_WINDOW_CHARS", unbounded):
        whole = sentence_spans(texts, "ko")
    print(f"ntrex   largest document {max(map(len, texts)):,} chars (window {limits.SEGMENTER_WINDOW_CHARS:,}); "
          f"documents cut identically: {sum(a == b for a, b in zip(windowed, whole, strict=True))} of {len(texts)}")

    # All documents run together, split with and without windows, against each document split on its own.
    joined = " ".join(texts)
    offsets = [sum(len(text) + 1 for text in texts[:i]) for i in range(len(texts))]
    alone = {offset + start for offset, spans in zip(offsets, windowed, strict=True) for start, _ in spans}
    for label, window in [("windowed", limits.SEGMENTER_WINDOW_CHARS), ("unwindowed", len(joined) + 1)]:
        with limit("SEGMENTER_WINDOW_CHARS", window):
            cuts = {start for start, _ in sentence_spans([joined], "ko")[0]}
        print(f"ntrex   all documents as one paragraph ({len(joined):,} chars), {label}: {len(cuts):,} sentences, "
              f"{len(cuts ^ alone)} cuts differ from splitting each document alone ({len(alone):,} sentences)")

    lengths = sorted(len(tokens) for tokens in tokenizer.encode([s for d in documents for s in d], out_type=str))
    print(f"ntrex   copy-model tokens per sentence: longest {lengths[-1]}, 99th percentile "
          f"{lengths[int(0.99 * len(lengths))]}, median {lengths[len(lengths) // 2]}; "
          f"limit {limits.MAX_MT_INPUT_TOKENS}, {sum(n > limits.MAX_MT_INPUT_TOKENS for n in lengths)} over it")


def translate(model_file: Path, tokenizer: Any, words: list[str]) -> None:
    from rfaflow.translate.argos import ArgosTranslator
    from rfaflow.translate.packages import install_file

    engine = ArgosTranslator(install_file(model_file))
    chosen: list[str] = []
    more = itertools.cycle(words)
    while len(tokenizer.encode(" ".join(chosen))) < 3000:
        chosen += itertools.islice(more, 100)
    sentence = " ".join(chosen)
    tokens = len(tokenizer.encode(sentence))
    for label, value in [("after", limits.MAX_MT_INPUT_TOKENS), ("before", tokens + 1)]:
        with limit("MAX_MT_INPUT_TOKENS", value):
            try:
                seconds, result = timed(lambda: engine.submit([sentence])())
                outcome = f"{seconds:.2f} s, copied exactly: {result == [sentence]}"
            except RuntimeError as error:
                outcome = f"fails: {error}"
        print(f"translate {label:6} one sentence of {tokens:,} tokens: {outcome}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,5", help="paragraph sizes in MB, comma-separated")
    parser.add_argument("--before-up-to", type=float, default=1, help="time the unwindowed splitter up to this MB")
    args = parser.parse_args(argv)
    sentences = [s for d in ntrex_documents() for s in d] if NTREX.is_file() else default_corpus()
    with tempfile.TemporaryDirectory() as home:
        os.environ["RFAFLOW_HOME"] = home
        model_file = build_package(Path(home) / "copy.argosmodel", size="tiny")
        tokenizer = copy_tokenizer(model_file)
        if NTREX.is_file():
            ntrex(tokenizer)
        translate(model_file, tokenizer, " ".join(sentences).split())
    segment(sentences, [float(size) for size in args.sizes.split(",")], args.before_up_to)
    return 0


if __name__ == "__main__":
    sys.exit(main())
