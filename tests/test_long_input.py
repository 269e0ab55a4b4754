"""Long input is bounded, not fatal: a huge paragraph is split in windows, a huge sentence translated in pieces."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write_draft
from rfaflow import limits, segment
from rfaflow.cli import cli
from rfaflow.languages import ENGLISH, LANGUAGES, Language
from rfaflow.segment import sentence_spans, split_sentences
from rfaflow.testing.copy_model import MAX_POSITIONS, default_corpus
from rfaflow.translate import TranslationChain
from rfaflow.translate.argos import ArgosTranslator, token_pieces

KO = LANGUAGES["ko"]


def _recording(cutter: Callable[[list[str]], list[list[int]]], calls: list[list[str]]) -> Callable:
    """`cutter`, noting every list of texts it is given."""

    def cut(texts: list[str]) -> list[list[int]]:
        calls.append(texts)
        return cutter(texts)

    return cut


@pytest.fixture
def splitter_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """What the Korean splitter is given, call by call."""
    calls: list[list[str]] = []
    # The registry's reference to the splitter, pointed at a recording wrapper for this test only.
    monkeypatch.setattr(KO.sentence_cuts, "_function", _recording(KO.sentence_cuts.function, calls))
    return calls


def _assert_lossless(text: str, spans: list[tuple[int, int]]) -> None:
    """The spans are in order, each trimmed and non-empty, and only whitespace lies around and between them."""
    gaps = zip([0, *(end for _, end in spans)], [start for start, _ in spans] + [len(text)], strict=True)
    assert all(end <= start and not text[end:start].strip() for end, start in gaps)
    assert all(text[start:end] and text[start:end] == text[start:end].strip() for start, end in spans)


# Segmentation.

def test_paragraphs_under_the_window_reach_the_splitter_whole(splitter_calls: list[list[str]]) -> None:
    paragraphs = ["첫째다. 둘째다.", "  셋째다. ", ""]
    assert sentence_spans(paragraphs, KO) == [[(0, 4), (5, 9)], [(2, 6)], []]
    assert splitter_calls[-1] == paragraphs


def test_real_news_is_cut_as_without_windows(ntrex_documents: list[dict]) -> None:
    texts = [" ".join(document["ko"]) for document in ntrex_documents]
    assert max(map(len, texts)) < limits.SEGMENTER_WINDOW_CHARS
    windowed = sentence_spans(texts, KO)
    with mock.patch.object(limits, "SEGMENTER_WINDOW_CHARS", sys.maxsize):
        assert sentence_spans(texts, KO) == windowed


@pytest.mark.parametrize(("text", "windows"), [
    # After the last sentence end in the window's back half, not at its later spaces.
    ("가나다. 라마바 사아. 자차카 타파 하", ["가나다. 라마바 사아.", " 자차카 타파 하"]),
    # No sentence end in the back half (the one in the front half would leave a short window): at the last space.
    ("가나. 다라마바사 아자차 카타", ["가나. 다라마바사", " 아자차 카타"]),
    # Neither: hard, at the window's size.
    ("가나다라마바사아자차카타파하", ["가나다라마바사아자차카타", "파하"]),
])
def test_windows_are_cut_at_sentence_ends_then_spaces_then_hard(
    text: str, windows: list[str], splitter_calls: list[list[str]]
) -> None:
    with mock.patch.object(limits, "SEGMENTER_WINDOW_CHARS", 12):
        _assert_lossless(text, sentence_spans([text], KO)[0])
    assert splitter_calls[0] == windows  # (a second call may look at the text around a cut after a mark)


long_text = st.text(
    alphabet=st.sampled_from(list("가나다라한국어북의은는이다요abc") + list(" .!?\"'“”…。！？)」,\n\t")), max_size=3000
)


@settings(max_examples=50, deadline=None)
@given(long_text, st.integers(min_value=1, max_value=300), st.sampled_from([KO, ENGLISH]))
def test_windowed_split_loses_nothing(text: str, window: int, language: Language) -> None:
    calls: list[list[str]] = []
    splitter = language.sentence_cuts
    with (mock.patch.object(limits, "SEGMENTER_WINDOW_CHARS", window),
          mock.patch.object(splitter, "_function", _recording(splitter.function, calls))):
        spans = sentence_spans([text], language)[0]
    _assert_lossless(text, spans)
    assert "".join(calls[0]) == text and all(len(piece) <= window for piece in calls[0])


def test_a_two_megabyte_paragraph_reaches_the_splitter_in_windows(splitter_calls: list[list[str]]) -> None:
    """Kiwi is superlinear in the length of one text (a 1 MB run-on paragraph took 156 s unwindowed); windows keep
    the whole linear. Every sentence comes back as it was: one splitter call over the windows, one over the text
    around each window cut."""
    corpus = default_corpus()
    sentences = corpus * (2 * 1024 * 1024 // len(" ".join(corpus).encode()) + 1)
    assert split_sentences(" ".join(sentences), KO) == sentences
    windows, contexts = splitter_calls
    assert len(windows) > 100 and max(map(len, windows)) <= limits.SEGMENTER_WINDOW_CHARS
    assert len(contexts) == len(windows) - 1 and max(map(len, contexts)) <= 2 * segment._CONTEXT_CHARS


def test_a_window_cut_the_language_would_not_make_is_joined_back() -> None:
    """A window may end after any sentence mark; a Tibetan shad after the clause particle ནས ("and then") ends no
    sentence, so the two pieces stay one sentence, as the unwindowed split has it."""
    first = "ཁོ་ཚོ་ས་གནས་དེར་སླེབས་ནས། "
    text = first + "ཞིབ་འཇུག་བྱས་པ་རེད། " + "ཁོང་གིས་གསུངས་པ་རེད། "
    bo = LANGUAGES["bo"]
    unwindowed = sentence_spans([text], bo)[0]
    assert len(unwindowed) == 2
    with mock.patch.object(limits, "SEGMENTER_WINDOW_CHARS", len(first) + 4):
        assert sentence_spans([text], bo)[0] == unwindowed


# Machine translation.

def test_pieces_are_cut_at_a_clause_end_then_a_word_start_then_hard() -> None:
    # A clause end ("," before a word start) in the back half wins over a later word start.
    assert token_pieces(["▁a", "b", "▁c", "d", ",", "▁e", "f", "▁g", "h", "▁i"], 8) == [
        ["▁a", "b", "▁c", "d", ","], ["▁e", "f", "▁g", "h", "▁i"]]
    # One in the front half would leave a short piece: the last word start instead. A byte-fallback comma counts.
    assert token_pieces(["▁a", "<0x2C>", "▁b", "c", "d", "▁e", "f", "g", "h"], 8) == [
        ["▁a", "<0x2C>", "▁b", "c", "d"], ["▁e", "f", "g", "h"]]
    assert token_pieces(["▁a", "b", "<0x2C>", "▁c", "d", "e"], 4) == [["▁a", "b", "<0x2C>"], ["▁c", "d", "e"]]
    # No word start at all: hard, at the limit.
    assert token_pieces(["a"] * 20, 8) == [["a"] * 8, ["a"] * 8, ["a"] * 4]
    assert token_pieces(["▁a", "b"], 2) == [["▁a", "b"]] and token_pieces([], 2) == [[]]


class _Spy:
    """A loaded translator that records every translate_batch call."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.calls: list[tuple[list[list[str]], dict[str, Any]]] = []

    def translate_batch(self, batch: list[list[str]], **options: Any) -> Any:
        self.calls.append((batch, options))
        return self.translator.translate_batch(batch, **options)


def _spy_on(engine: Any) -> _Spy:
    spy = _Spy(engine._translator)
    engine.__dict__["_translator"] = spy
    return spy


def _long_sentence(tokens: int) -> str:
    """One sentence (a single one to the Korean splitter) of at least `tokens` copy-model tokens."""
    return ", ".join(["북한 당국 괄호 가격 희토류 세관"] * (tokens // 20 + 1)) + "."


def test_sentences_under_the_limit_go_in_whole(installed_copy_model) -> None:
    engine = ArgosTranslator.for_pair(KO, ENGLISH)
    spy = _spy_on(engine)
    texts = ["첫 문장이다.", "둘째 문장은 조금 더 길다.", "셋째."]
    assert engine.submit(texts)() == texts
    [(batch, options)] = spy.calls
    assert sorted(batch) == sorted(engine._tokenizer.encode(texts, out_type=str))
    assert options["max_decoding_length"] == 2 * max(map(len, batch)) + 16


def test_a_long_sentence_is_translated_in_pieces_in_the_same_call(
    installed_copy_model, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_MT_INPUT_TOKENS", 16)
    engine = ArgosTranslator.for_pair(KO, ENGLISH)
    spy = _spy_on(engine)
    texts = ["첫 문장이다.", _long_sentence(100), "셋째."]
    assert engine.submit(texts)() == texts
    [(batch, options)] = spy.calls  # one asynchronous, length-sorted call, not one per piece
    assert len(batch) > 8 and [len(tokens) for tokens in batch] == sorted(len(tokens) for tokens in batch)
    assert max(map(len, batch)) <= 16 and options["max_decoding_length"] <= 2 * 16 + 16


def test_a_sentence_longer_than_the_position_table_comes_back_whole(installed_copy_model) -> None:
    """At the shipped limit: without the cut, CTranslate2 refuses input past the table's 1,024 positions."""
    sentence = _long_sentence(3000)
    chain = TranslationChain(None, "argos", KO, ENGLISH)
    spy = _spy_on(chain.machine)
    assert len(chain.machine._tokenizer.encode(sentence)) >= 3000 > MAX_POSITIONS
    assert [t.text for t in chain.translate([sentence, "끝."])] == [sentence, "끝."]
    [(batch, options)] = spy.calls
    assert max(map(len, batch)) <= limits.MAX_MT_INPUT_TOKENS and options["max_decoding_length"] < MAX_POSITIONS


def test_render_translates_a_sentence_longer_than_the_position_table(
    installed_copy_model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_MT_INPUT_TOKENS", 128)  # smaller pieces: the same cut, a quarter of the time
    sentence = _long_sentence(3000)
    draft = write_draft(tmp_path, body=sentence + "\n")
    result = CliRunner().invoke(cli, ["render", str(draft), "--engine", "argos"])
    assert result.exit_code == 0, result.stderr
    spans = re.findall(r'<span class="sentence" data-id="\d+" data-origin="mt">(.*?)</span>', result.stdout)
    assert [unescape(text) for text in spans] == [sentence]
