"""Machine translation through a real Argos package (the copy model): every sentence back, in order, with origin."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM, SAMPLES
from rfaflow.brief import prepare
from rfaflow.cli import cli
from rfaflow.draft import read_draft
from rfaflow.errors import TranslationMissing
from rfaflow.languages import ENGLISH, LANGUAGES
from rfaflow.translate import Origin, TranslationChain
from rfaflow.translate.argos import CALL_SIZE, MAX_BATCH_SIZE, ArgosTranslator
from rfaflow.translate.memory import TranslationMemory

KO = LANGUAGES["ko"]


def _varied_sentences(count: int) -> list[str]:
    rng = random.Random(7)
    words = "북한 당국 주민 소식통 광산 석탄 세관 수출 가격 3,500명 12% “인용” (괄호) 🙂 ABC 희토류 1천860만".split()
    return [" ".join(rng.choices(words, k=rng.randint(1, 40))) + rng.choice([".", "?", "!", "다."])
            for _ in range(count)]


def test_copy_model_returns_every_sentence_in_order_across_batches(installed_copy_model) -> None:
    texts = _varied_sentences(2 * CALL_SIZE + 3 * MAX_BATCH_SIZE + 3)  # across calls and batches
    texts[10] = texts[50]  # a duplicate must come back twice, in both places
    chain = TranslationChain(None, "argos", KO, ENGLISH)
    translations = chain.translate(texts)
    assert [t.text for t in translations] == texts
    assert [t.source for t in translations] == texts
    assert {t.origin for t in translations} == {
        Origin("mt", "ko", "en", engine="argos", model="translate-ko_en-copy", model_version="1.1")
    }


def test_copy_model_on_real_korean_news(installed_copy_model, ntrex_documents: list[dict]) -> None:
    texts = [sentence for document in ntrex_documents[:20] for sentence in document["ko"]]
    assert ArgosTranslator.for_pair(KO, ENGLISH).submit(texts)() == texts


def test_queued_translations_can_be_collected_in_any_order(installed_copy_model) -> None:
    engine = ArgosTranslator.for_pair(KO, ENGLISH)
    first, second = _varied_sentences(40), _varied_sentences(70)[40:]
    collect_first, collect_second = engine.submit(first), engine.submit(second)
    assert collect_second() == second
    assert collect_first() == first
    assert engine.submit([])() == []


def test_chain_uses_memory_first_and_machine_for_the_rest(installed_copy_model) -> None:
    draft = read_draft(SAMPLES / "sinuiju-coal.md")
    texts = prepare(draft).texts
    chain = TranslationChain(TranslationMemory.from_files([SAMPLE_TM], KO, ENGLISH), "argos", KO, ENGLISH)
    translations = chain.translate(texts)
    assert translations[0].text == "Sinuiju customs temporarily bans coal imports"
    assert translations[0].origin.kind == "tm" and translations[0].origin.translator == "Lee Jun-seo"
    assert (translations[1].text, translations[1].origin.kind) == ("Seoul", "tm")  # the Korean dateline
    assert [t.text for t in translations[2:]] == texts[2:]
    assert all(t.origin.kind == "mt" for t in translations[2:])


def test_no_model_names_the_missing_count_and_the_install_command(tmp_path: Path) -> None:
    chain = TranslationChain(None, "argos", KO, ENGLISH)
    with pytest.raises(TranslationMissing) as caught:
        chain.translate(["가.", "나."], path=Path("d.md"))
    assert str(caught.value) == (
        "d.md: 2 of 2 segments have no translation in the memory and no ko→en model is installed; install one with"
        " 'rfaflow models install translate-ko_en-1_1.argosmodel' (or 'rfaflow models install ko en' when online)"
    )


def test_render_without_model_fails_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    draft = SAMPLES / "sinuiju-coal.md"
    result = CliRunner().invoke(cli, ["render", str(draft), "--tm", str(SAMPLE_TM), "-o", f"{out}/"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {draft}: 6 of 8 segments have no translation in the memory"
        " (1 '평안북도 신의주 세관이 이번 주부터 석탄 수입을 일시…',"
        " 2 '신의주의 한 소식통은 \"세관 간부들이 지난 22일 석…',"
        " 3 '그동안 하루 평균 30여 대의 화물차가 석탄을 싣고 …' and 3 more)"
        " and no ko→en")
    assert not out.exists()


def test_memory_only_engine_reports_what_it_lacks(installed_copy_model) -> None:
    draft = SAMPLES / "sinuiju-coal.md"
    result = CliRunner().invoke(cli, ["render", str(draft), "--tm", str(SAMPLE_TM), "--engine", "tm"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {draft}: 6 of 8 segments have no translation in the memory"
        " (1 '평안북도 신의주 세관이 이번 주부터 석탄 수입을 일시…',"
        " 2 '신의주의 한 소식통은 \"세관 간부들이 지난 22일 석…',"
        " 3 '그동안 하루 평균 30여 대의 화물차가 석탄을 싣고 …' and 3 more);"
        " add them to a --tm file or use"
        " --engine argos with an installed model\n"
    )


def test_render_with_copy_model_and_no_memory_is_the_korean_in_order_marked_unreviewed(installed_copy_model) -> None:
    """The issue's acceptance check: English text equals the Korean segments, every one from MT, credited as such."""
    draft = read_draft(SAMPLES / "musan.md")
    segments = [unit.text for unit in prepare(draft).units if unit.kind == "sentence"]
    result = CliRunner().invoke(cli, ["render", str(SAMPLES / "musan.md")])
    assert result.exit_code == 0, result.stderr
    import re
    from html import unescape

    spans = re.findall(r'<span class="sentence" data-id="(\d+)" data-origin="(\w+)">(.*?)</span>', result.stdout)
    assert [unescape(text) for _, _, text in spans] == segments
    assert [int(index) for index, _, _ in spans] == list(range(1, len(segments) + 1))
    assert {origin for _, origin, _ in spans} == {"mt"}
    assert (
        "Machine-translated with Argos Translate; not reviewed by a translator." in result.stdout
    )
    assert "Translated by" not in result.stdout


def test_cache_serves_a_second_chain_and_misses_for_another_model(installed_copy_model, tmp_path: Path) -> None:
    from rfaflow.store import Store
    from rfaflow.testing.copy_model import build_package
    from rfaflow.translate.packages import install_file

    store = Store(tmp_path / "cache.sqlite")
    texts = ["첫 문장이다.", "둘째 문장이다.", "첫 문장이다."]
    first = TranslationChain(None, "argos", KO, ENGLISH, cache=store)
    assert [t.text for t in first.translate(texts)] == texts
    assert (first.counts["machine"], first.counts["cache"]) == (3, 0)

    second = TranslationChain(None, "argos", KO, ENGLISH, cache=Store(tmp_path / "cache.sqlite"))
    assert [t.text for t in second.translate(texts)] == texts
    assert (second.counts["machine"], second.counts["cache"]) == (0, 3)
    assert "_translator" not in vars(second.machine)  # the model was never loaded

    install_file(build_package(tmp_path / "other.argosmodel", seed=1))  # same name and version, other weights
    third = TranslationChain(None, "argos", KO, ENGLISH, cache=store)
    third.translate(texts)
    assert (third.counts["machine"], third.counts["cache"]) == (3, 0)
