"""Fuzzy suggestions from the memory, and `rfaflow tm export` of the approved pairs."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import SAMPLE_TM
from rfaflow.cli import cli
from rfaflow.languages import ENGLISH, LANGUAGES
from rfaflow.store import Store
from rfaflow.translate.memory import MemoryUnit, TranslationMemory, read_tmx

KO = LANGUAGES["ko"]

SAMPLE_UNIT = "소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다."


def _memory() -> TranslationMemory:
    return TranslationMemory.from_files([SAMPLE_TM], KO, ENGLISH)


def test_a_near_match_is_suggested_with_its_score_but_never_used_verbatim() -> None:
    memory = _memory()
    near = "소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다고 한다."
    assert memory.translate([near]) == [None]
    [suggestion] = memory.suggestions(near)
    assert suggestion.source == SAMPLE_UNIT
    assert suggestion.target == "According to the source, the order came without any advance notice."
    assert suggestion.translator == "Lee Jun-seo"
    assert suggestion.score == 93.8  # rapidfuzz ratio: 2 × 30 shared characters / (30 + 34)


def test_threshold_and_exact_matches() -> None:
    memory = _memory()
    assert memory.suggestions(SAMPLE_UNIT) == []  # the exact match is a translation, not a suggestion
    far = "소식통에 따르면 조치는 예고 없이 갑자기 내려졌다."
    assert memory.suggestions(far) == []  # below 85
    assert [round(s.score) for s in memory.suggestions(far, threshold=70)] == [83]


def test_tm_export_merges_post_edits_and_files_into_readable_tmx(tmp_path: Path, rfaflow_home: Path) -> None:
    store = Store(rfaflow_home / "rfaflow.sqlite")
    store.add_memory("ko", "en", [MemoryUnit("주민 3만 명이 모였다.", "About 30,000 residents gathered.",
                                             "Soo Min Jo", "20261128T120000Z", kind="pe", engine="argos")])
    store.close()
    out = tmp_path / "desk.tmx"
    result = CliRunner().invoke(cli, ["tm", "export", "-o", str(out), "--tm", str(SAMPLE_TM)])
    assert result.exit_code == 0, result.output
    units = {unit.source: unit for unit in read_tmx(out, KO, ENGLISH)}
    originals = read_tmx(SAMPLE_TM, KO, ENGLISH)
    assert len(units) == len(originals) + 1
    assert units["주민 3만 명이 모였다."].translator == "Soo Min Jo"
    assert units["주민 3만 명이 모였다."].changed == "20261128T120000Z"
    assert all(units[u.source].target == u.target and units[u.source].translator == u.translator for u in originals)
    assert result.output == f"Wrote {out}: {len(units)} translation units\n"


def test_tm_export_with_nothing_to_export_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "empty.tmx"
    result = CliRunner().invoke(cli, ["tm", "export", "-o", str(out)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {out}: nothing to export: no imported post-edits and no --tm files\n")
    assert not out.exists()
