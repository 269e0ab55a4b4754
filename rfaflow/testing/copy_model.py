"""Build a genuine Argos Translate package whose CTranslate2 model copies its input.

No real ko→en model can be downloaded here, so tests and benchmarks use this one: a SentencePiece model trained
on Korean text plus a Transformer built from numpy weights with ``ctranslate2.specs`` (no torch). It runs through
exactly the code paths a real package does, and because it reproduces its input token for token, every test can
assert exactness: each sentence comes back, in order, none dropped or duplicated.

How the weights copy: every hidden vector is split into a token block and a position block, both holding
balanced ±1 codes, so layer norm is a fixed scaling. The encoder passes its input through untouched. The
decoder's input carries only its position; its cross-attention compares that position with the encoder's and
attends (sharply, by a large query scale) to the source token at the same position, whose token code it copies
into the output projection, which is tied to the token codes. The source gets an end token
(``add_source_eos``), so the step after the last token copies ``</s>`` and decoding stops. All other layers have
zero output projections and leave the residual stream as it is.

Usage: ``python -m rfaflow.testing.copy_model -o FILE.argosmodel [--size tiny|base] [--from LANG --to en]``. The
SentencePiece model is trained on text of the source language (rfaflow/testing/corpus_ko.txt for Korean, the
language's sample drafts under samples/ for the others, or --corpus), so its pieces are that language's.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from rfaflow.languages import DEFAULT_SOURCE, ENGLISH, LANGUAGES, Language, get

HEAD_DIM = 64
MAX_POSITIONS = 1024
PACKAGE_VERSION = "1.1"


@dataclass(frozen=True)
class ModelSize:
    d_model: int
    layers: int
    ffn: int
    vocab: int


SIZES = {
    "tiny": ModelSize(d_model=256, layers=1, ffn=256, vocab=600),
    # Transformer-base shape, as Argos's own models: for benchmarks, where the arithmetic must be realistic.
    "base": ModelSize(d_model=512, layers=6, ffn=2048, vocab=8000),
}


def _balanced_codes(count: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """`count` distinct ±1 vectors of length `dim`, each summing to zero (so layer norm cannot shift them)."""
    base = np.array([1.0, -1.0] * (dim // 2), dtype=np.float32)
    codes = np.stack([rng.permutation(base) for _ in range(count)])
    gram = codes @ codes.T
    np.fill_diagonal(gram, -dim)
    if gram.max() >= dim:  # two identical codes: astronomically rare, but then the copy would be ambiguous
        raise RuntimeError("code collision; try another seed")
    return codes


def train_sentencepiece(corpus: list[str], vocab_size: int, model_prefix: Path) -> Path:
    """Train a unigram SentencePiece model that reproduces any text exactly (identity normalisation, byte fallback)."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        byte_fallback=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        character_coverage=0.9995,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    path = model_prefix.with_suffix(".model")
    path.write_bytes(model.getvalue())
    return path


def _set_linear(spec, weight: np.ndarray, bias: np.ndarray | None = None) -> None:
    spec.weight = weight.astype(np.float32)
    spec.bias = (np.zeros(weight.shape[0]) if bias is None else bias).astype(np.float32)


def _set_norm(spec, dim: int) -> None:
    spec.gamma = np.ones(dim, dtype=np.float32)
    spec.beta = np.zeros(dim, dtype=np.float32)


def _inert_attention(spec, dim: int, self_attention: bool, rng: np.random.Generator) -> None:
    """Attention whose output projection is zero: it computes like a real layer but adds nothing."""
    _set_norm(spec.layer_norm, dim)
    fused = 3 if self_attention else 2
    noise = lambda rows: rng.normal(0, 0.02, (rows, dim)).astype(np.float32)  # noqa: E731
    if self_attention:
        _set_linear(spec.linear[0], noise(fused * dim))
    else:
        _set_linear(spec.linear[0], noise(dim))
        _set_linear(spec.linear[1], noise(2 * dim))
    _set_linear(spec.linear[-1], np.zeros((dim, dim)))


def _inert_ffn(spec, dim: int, ffn: int, rng: np.random.Generator) -> None:
    _set_norm(spec.layer_norm, dim)
    _set_linear(spec.linear_0, rng.normal(0, 0.02, (ffn, dim)))
    _set_linear(spec.linear_1, np.zeros((dim, ffn)))


def build_spec(vocabulary: list[str], size: ModelSize, seed: int = 0):
    """The CTranslate2 TransformerSpec of a copy model over `vocabulary` (shared by source and target)."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    dim, heads = size.d_model, size.d_model // HEAD_DIM
    token_dim = dim - HEAD_DIM  # the last head's slice carries the position code
    token_codes = _balanced_codes(len(vocabulary), token_dim, rng)
    position_codes = _balanced_codes(MAX_POSITIONS, HEAD_DIM, rng)

    spec = transformer_spec.TransformerSpec.from_config((size.layers, size.layers), heads)
    spec.config.add_source_eos = True

    def embed(token_part: np.ndarray) -> np.ndarray:
        return np.concatenate([token_part, np.zeros((len(token_part), HEAD_DIM))], axis=1).astype(np.float32)

    def positions() -> np.ndarray:
        return np.concatenate([np.zeros((MAX_POSITIONS, token_dim)), position_codes], axis=1).astype(np.float32)

    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = False
    encoder.embeddings[0].weight = embed(token_codes)
    encoder.position_encodings.encodings = positions()
    for layer in encoder.layer:
        _inert_attention(layer.self_attention, dim, True, rng)
        _inert_ffn(layer.ffn, dim, size.ffn, rng)
    _set_norm(encoder.layer_norm, dim)

    # The decoder's input is its position alone: what it emits depends only on where it is.
    decoder.scale_embeddings = False
    decoder.embeddings.weight = embed(np.zeros_like(token_codes))
    decoder.position_encodings.encodings = positions()

    # Layer norms scale a vector of the encoder (all entries ±1) by 1 and the decoder input (64 of `dim`
    # entries ±1) by sqrt(dim / 64). Keys and queries read the position code; each head scores
    # sharp_scale * (q_t · q_s), so the right position wins by at least the code gap times that scale.
    gram = position_codes @ position_codes.T
    np.fill_diagonal(gram, -HEAD_DIM)
    gap = HEAD_DIM - gram.max()
    decoder_norm_gain = np.sqrt(dim / HEAD_DIM)
    sharp_scale = 60.0 / gap * np.sqrt(HEAD_DIM)  # ≥ 60 logits between the right position and any other
    position_reader = np.zeros((HEAD_DIM, dim), dtype=np.float32)
    position_reader[:, token_dim:] = np.eye(HEAD_DIM)
    query = np.tile(position_reader * (sharp_scale / decoder_norm_gain), (heads, 1))
    keys = np.tile(position_reader, (heads, 1))
    # Each of the first heads copies one 64-wide slice of the source token code; the last head copies nothing.
    values = np.zeros((dim, dim), dtype=np.float32)
    values[:token_dim, :token_dim] = np.eye(token_dim)

    last = len(decoder.layer) - 1
    for index, layer in enumerate(decoder.layer):
        _inert_attention(layer.self_attention, dim, True, rng)
        _inert_ffn(layer.ffn, dim, size.ffn, rng)
        if index != last:
            _inert_attention(layer.attention, dim, False, rng)
            continue
        _set_norm(layer.attention.layer_norm, dim)
        _set_linear(layer.attention.linear[0], query)
        _set_linear(layer.attention.linear[1], np.concatenate([keys, values]))
        output = np.zeros((dim, dim), dtype=np.float32)
        output[:token_dim, :token_dim] = np.eye(token_dim) * 4.0  # the copied code outweighs the position code
        _set_linear(layer.attention.linear[2], output)
    _set_norm(decoder.layer_norm, dim)
    # Tied to the token codes: the logit of token v is proportional to code_v · copied code.
    _set_linear(decoder.projection, np.concatenate([token_codes, np.zeros((len(vocabulary), HEAD_DIM))], axis=1))

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def package_name(source: Language, target: Language = ENGLISH) -> str:
    return f"translate-{source.argos}_{target.argos}-copy"


def default_corpus(language: Language = DEFAULT_SOURCE) -> list[str]:
    """Sentences of `language` to train SentencePiece on: the bundled Korean corpus, else the language's sample
    drafts (their body sentences, split as rfaflow splits them)."""
    bundled = resources.files("rfaflow.testing").joinpath(f"corpus_{language.tag}.txt")
    if bundled.is_file():
        text = bundled.read_text(encoding="utf-8")
        return [line.strip() for line in text.splitlines() if line.strip()]
    from rfaflow.brief import prepare
    from rfaflow.draft import read_draft

    drafts = [draft for draft in map(read_draft, sorted(SAMPLES.glob("*.md"))) if draft.language is language]
    sentences = [text for draft in drafts for text in prepare(draft).texts]
    if not sentences:
        raise ValueError(f"no {language.tag} text to train on: no sample draft in {SAMPLES}; give --corpus")
    return sentences


def build_package(
    output: Path,
    size: str = "tiny",
    corpus: list[str] | None = None,
    quantization: str | None = None,
    seed: int = 0,
    source: Language = DEFAULT_SOURCE,
    target: Language = ENGLISH,
) -> Path:
    """Write a source→target `.argosmodel` (a zip of metadata.json, sentencepiece.model and model/) to `output`."""
    import sentencepiece as spm

    model_size = SIZES[size]
    with tempfile.TemporaryDirectory() as workdir:
        root = Path(workdir) / package_name(source, target)
        (root / "model").mkdir(parents=True)
        sp_path = train_sentencepiece(corpus or default_corpus(source), model_size.vocab, Path(workdir) / "sp")
        shutil.move(sp_path, root / "sentencepiece.model")
        processor = spm.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
        vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
        spec = build_spec(vocabulary, model_size, seed)
        spec.validate()
        spec.optimize(quantization=quantization)
        spec.save(str(root / "model"))
        metadata = {
            "package_version": PACKAGE_VERSION,
            "argos_version": "1.9",
            "from_code": source.argos,
            "from_name": source.name,
            "to_code": target.argos,
            "to_name": target.name,
            "type": "translate",
            "description": f"rfaflow copy model ({size}): reproduces its {source.name} input, for tests and benchmarks",
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text(metadata["description"] + "\n", encoding="utf-8")
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                archive.write(path, path.relative_to(root.parent).as_posix())
        partial.replace(output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .argosmodel file to write")
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--from", dest="source", type=get, default=DEFAULT_SOURCE,
                        help=f"source language tag (default {DEFAULT_SOURCE.tag}): {', '.join(LANGUAGES)}")
    parser.add_argument("--to", dest="target", type=get, default=ENGLISH, help=f"target language tag (default "
                        f"{ENGLISH.tag})")
    parser.add_argument("--corpus", type=Path, help="source-language text to train SentencePiece on (one sentence a "
                        "line)")
    parser.add_argument("--quantization", choices=["int8", "int8_float32", "int16", "float16"], default=None)
    args = parser.parse_args(argv)
    corpus = None
    if args.corpus:
        corpus = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    build_package(args.output, args.size, corpus, args.quantization, source=args.source, target=args.target)
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
