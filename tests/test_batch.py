"""Batch runs: mirrored output, isolated failures, hostile paths, cache and job-state invalidation, index, manifest."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE_TM, SAMPLES, write_draft
from rfaflow.batch import BatchOptions, run_batch
from rfaflow.cli import cli
from rfaflow.progress import Progress
from rfaflow.store import Store

SUMMARY = re.compile(r"^(\d+) drafts: (\d+) done, (?:(\d+) unchanged, )?(\d+) failed, "
                     r"([\d,]+) segments, (\d+)% from cache, ")


def make_archive(root: Path) -> Path:
    archive = root / "archive"
    (archive / "2026" / "11").mkdir(parents=True)
    shutil.copy(SAMPLES / "musan.md", archive / "musan.md")
    shutil.copy(SAMPLES / "sinuiju-coal.md", archive / "2026" / "11" / "sinuiju-coal.md")
    shutil.copy(SAMPLES / "dancheon-miners.md", archive / "2026" / "dancheon-miners.md")
    (archive / "2026" / "notes.txt").write_text("not a draft", encoding="utf-8")
    return archive


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def batch(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


def test_batch_mirrors_the_archive_with_index_and_manifest(tmp_path: Path, installed_copy_model) -> None:
    archive, out = make_archive(tmp_path), tmp_path / "out"
    code, stdout, stderr = batch(str(archive), "-o", str(out), "-f", "both", "--tm", str(SAMPLE_TM))
    assert code == 0, stderr
    assert stdout == ""
    assert SUMMARY.match(stderr.splitlines()[-1]).groups() == ("3", "3", None, "0", "23", "0")
    assert sorted(tree(out)) == [
        "2026/11/sinuiju-coal.html", "2026/11/sinuiju-coal.md", "2026/dancheon-miners.html", "2026/dancheon-miners.md",
        "index.html", "index.md", "manifest.json", "musan.html", "musan.md",
    ]
    assert (out / "musan.md").read_text(encoding="utf-8") == (Path(__file__).parent / "golden" / "musan.md").read_text(
        encoding="utf-8"
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    by_draft = {entry["draft"]: entry for entry in manifest["drafts"]}
    assert list(by_draft) == ["2026/11/sinuiju-coal.md", "2026/dancheon-miners.md", "musan.md"]
    assert by_draft["musan.md"]["origins"] == {"tm": 9} and by_draft["musan.md"]["segments"] == 9
    assert by_draft["musan.md"]["units"] == {"headline": 1, "sentence": 8}
    assert {entry["language"] for entry in manifest["drafts"]} == {"ko"}
    assert (by_draft["musan.md"]["review"], by_draft["2026/11/sinuiju-coal.md"]["review"]) == ("human", "unreviewed-mt")
    assert by_draft["musan.md"]["qa"] == {"errors": 0, "warnings": 0, "findings": []}
    assert by_draft["2026/11/sinuiju-coal.md"]["origins"] == {"mt": 6, "tm": 2}
    assert by_draft["2026/dancheon-miners.md"]["outputs"] == ["2026/dancheon-miners.html", "2026/dancheon-miners.md"]
    assert all(entry["status"] == "done" and entry["error"] is None for entry in manifest["drafts"])
    index = (out / "index.md").read_text(encoding="utf-8")
    assert ("[North Hamgyong province halts all rare-mineral exports](musan.md) — Korean, 2026-11-20, Kim Ha-eun;"
            " translated by people; QA 0 errors, 0 warnings: Authorities") in index
    # Newest first: Nov. 26, Nov. 24, Nov. 20.
    assert [line.split("](")[1].split(")")[0] for line in index.splitlines() if line.startswith("- [")] == [
        "2026/dancheon-miners.md", "2026/11/sinuiju-coal.md", "musan.md"]
    assert '<a href="2026/11/sinuiju-coal.html">Sinuiju customs temporarily bans coal imports</a>' in (
        out / "index.html"
    ).read_text(encoding="utf-8")


def test_rerun_skips_unchanged_and_redoes_exactly_what_changed(tmp_path: Path, installed_copy_model) -> None:
    archive, out = make_archive(tmp_path), tmp_path / "out"
    args = (str(archive), "-o", str(out), "--tm", str(SAMPLE_TM), "--json")
    first = json.loads(batch(*args)[1])
    assert (first["done"], first["machine_translated"], first["from_cache"]) == (3, 12, 0)
    before = tree(out)

    second = json.loads(batch(*args)[1])
    assert (second["done"], second["unchanged"], second["machine_translated"]) == (0, 3, 0)
    assert tree(out) == before

    # A changed draft is redone alone; its unchanged sentences come from the cache.
    draft = archive / "2026" / "dancheon-miners.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\n새 문단이 추가됐다.\n", encoding="utf-8")
    third = json.loads(batch(*args)[1])
    assert (third["done"], third["unchanged"], third["machine_translated"], third["from_cache"]) == (1, 2, 1, 6)

    # A deleted output is rewritten.
    (out / "musan.html").unlink()
    assert json.loads(batch(*args)[1])["done"] == 1
    assert (out / "musan.html").read_bytes() == before["musan.html"]


def test_a_changed_model_redoes_machine_translated_drafts_only(
    tmp_path: Path, installed_copy_model, rfaflow_home: Path
) -> None:
    from rfaflow.testing.copy_model import build_package
    from rfaflow.translate.packages import install_file

    archive, out = make_archive(tmp_path), tmp_path / "out"
    args = (str(archive), "-o", str(out), "--tm", str(SAMPLE_TM), "--json")
    batch(*args)
    install_file(build_package(tmp_path / "other.argosmodel", seed=1))  # same name, different weights
    report = json.loads(batch(*args)[1])
    assert (report["done"], report["unchanged"], report["from_cache"], report["machine_translated"]) == (2, 1, 0, 12)


BAD = {
    "euc-kr.md": "---\nheadline: 제목\n---\n".encode("euc-kr"),
    "empty.md": b"",
    "binary.md": b"\x7fELF\x02\x01\x01\x00\x00",
    "malformed.md": "---\nheadline: [\n---\n본문.\n".encode(),
    "huge.md": b"---\n" + b"x" * (5 * 1024 * 1024 + 1),
}
BAD_REASONS = {
    "euc-kr.md": "not UTF-8 (byte 0xc1 on line 2); save the file as UTF-8",
    "empty.md": "file is empty",
    "binary.md": "binary file (contains NUL bytes), not a Markdown draft",
    "malformed.md": "malformed front matter on line 3: expected the node content, but found '<stream end>'",
    "huge.md": "file is 5.2 MB; drafts over 5 MB are refused",
}


def test_bad_drafts_are_reported_and_the_rest_complete(tmp_path: Path) -> None:
    archive, out = make_archive(tmp_path), tmp_path / "out"
    for name, data in BAD.items():
        (archive / "2026" / name).write_bytes(data)
    code, stdout, stderr = batch(str(archive), "-o", str(out), "--engine", "tm", "--tm", str(SAMPLE_TM), "--json")
    assert code == 3
    errors = sorted(line for line in stderr.splitlines() if line.startswith("Error: "))
    expected = {f"2026/{name}": reason for name, reason in BAD_REASONS.items()}
    advice = "; add them to a --tm file or use --engine argos with an installed model"
    expected["2026/11/sinuiju-coal.md"] = (
        "6 of 8 segments have no translation in the memory"
        " (1 '평안북도 신의주 세관이 이번 주부터 석탄 수입을 일시…',"
        " 2 '신의주의 한 소식통은 \"세관 간부들이 지난 22일 석…',"
        " 3 '그동안 하루 평균 30여 대의 화물차가 석탄을 싣고 …' and 3 more)"
        + advice)
    expected["2026/dancheon-miners.md"] = (
        "6 of 6 segments have no translation in the memory (headline '단천 광산 노동자들, 석 달째 임금 못 받아',"
        " 1 '함경남도 단천의 한 광산 노동자들이 석 달째 임금과 …',"
        " 2 '이 주민은 \"광산 기업소가 9월부터 월급을 한 푼도 …'"
        " and 3 more)" + advice)
    assert errors == sorted(f"Error: {archive / draft}: {reason}" for draft, reason in expected.items())
    report = json.loads(stdout)
    assert (report["done"], report["failed"]) == (1, 7)
    assert {f["draft"]: f["error"] for f in report["failures"]} == expected
    assert (out / "musan.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<li class="failed">Failed: <code>2026/empty.md</code>: file is empty</li>' in index
    assert index.index("musan.html") < index.index("Failed:")  # the stories first, then what failed
    manifest = {e["draft"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["drafts"]}
    assert manifest["2026/empty.md"] == {
        "draft": "2026/empty.md", "status": "failed", "outputs": [], "segments": 0, "units": {}, "origins": {},
        "review": None, "notices": [], "qa": None, "error": "file is empty",
        "headline": None, "language": None, "date": None, "reporter": None, "slug": None, "summary": None,
    }


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    archive, out = make_archive(tmp_path), tmp_path / "out"
    (archive / "2026" / "11" / "a-empty.md").write_bytes(b"")
    code, _, stderr = batch(str(archive), "-o", str(out), "--engine", "tm", "--tm", str(SAMPLE_TM), "--fail-fast")
    assert code == 1
    assert stderr.splitlines()[-1] == f"Error: {archive / '2026/11/a-empty.md'}: file is empty"
    assert not (out / "musan.html").exists()  # later drafts never ran


def _outside_snapshot(root: Path, out: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(root).items() if not k.startswith(out.name + "/")}


def test_hostile_names_and_links_never_write_outside_the_output(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    archive, out = make_archive(root), root / "out"
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text((SAMPLES / "musan.md").read_text(encoding="utf-8"), encoding="utf-8")
    for slug in ("../../../escaped", "/tmp/absolute", "a/b/../../../c"):
        write_draft(archive, "소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다.\n", name=f"slug-{len(slug)}.md",
                    slug=f"'{slug}'", english_headline="Slugs")
    (archive / "link-out.md").symlink_to(outside / "secret.md")
    (archive / "folder-out").symlink_to(outside, target_is_directory=True)
    (archive / "link-in.md").symlink_to(archive / "musan.md")
    shutil.copy(SAMPLES / "musan.md", archive / "2026" / "musan-again.md")
    (archive / 'we<i>rd & "odd" ..md').write_text((SAMPLES / "musan.md").read_text(encoding="utf-8"), encoding="utf-8")
    out.mkdir()
    (out / "2026").symlink_to(outside, target_is_directory=True)  # a trap planted in the output folder
    before = _outside_snapshot(root, out)

    code, stdout, stderr = batch(str(archive), "-o", str(out), "-f", "both", "--engine", "tm", "--tm", str(SAMPLE_TM),
                                 "--json")
    assert code == 3
    assert _outside_snapshot(root, out) == before
    report = json.loads(stdout)
    failures = {f["draft"]: f["error"] for f in report["failures"]}
    assert failures["link-out.md"] == "symlink points outside the archive; not read"
    assert failures["2026/musan-again.md"] == (
        "refused to write 2026/musan-again.html: it would land outside the output folder")
    assert not any(name.startswith("folder-out") for name in tree(out))
    assert {'we<i>rd & "odd" ..html', 'we<i>rd & "odd" ..md', "link-in.html", "musan.html"} <= set(tree(out))
    assert 'href="we%3Ci%3Erd%20%26%20%22odd%22%20..html"' in (out / "index.html").read_text(encoding="utf-8")
    manifest = {e["draft"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["drafts"]}
    assert manifest["slug-16.md"]["slug"] == "../../../escaped"
    assert manifest["slug-16.md"]["outputs"] == ["slug-16.html", "slug-16.md"]


def test_output_folder_inside_the_archive_is_not_read_as_drafts(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    args = [str(archive), "-o", str(archive / "briefs"), "-f", "md", "--engine", "tm", "--tm", str(SAMPLE_TM), "--json"]
    first = json.loads(batch(*args)[1])
    assert first["drafts"] == 3
    assert json.loads(batch(*args)[1])["drafts"] == 3
    code, _, stderr = batch(str(archive), "-o", str(archive), "--engine", "tm")
    assert (code, stderr) == (
        1, f"Error: {archive}: the output folder is the archive itself; briefs would overwrite drafts\n")


def test_a_draft_named_index_cannot_overwrite_the_index(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    shutil.copy(SAMPLES / "musan.md", archive / "index.md")
    code, stdout, _ = batch(
        str(archive), "-o", str(tmp_path / "out"), "--engine", "tm", "--tm", str(SAMPLE_TM), "--json")
    failures = {f["draft"]: f["error"] for f in json.loads(stdout)["failures"]}
    assert failures["index.md"] == "its brief would overwrite the batch's index.html; rename the draft"


def test_pooled_translation_sends_each_distinct_sentence_once(
    tmp_path: Path, installed_copy_model, monkeypatch
) -> None:
    from rfaflow.translate.argos import ArgosTranslator

    calls: list[list[str]] = []
    real = ArgosTranslator.submit
    monkeypatch.setattr(ArgosTranslator, "submit", lambda self, texts: calls.append(list(texts)) or real(self, texts))
    archive = make_archive(tmp_path)
    shutil.copy(archive / "2026" / "dancheon-miners.md", archive / "copy-of-dancheon.md")
    store = Store(tmp_path / "store.sqlite")
    report = run_batch(archive, tmp_path / "out", BatchOptions(memories=(SAMPLE_TM,)), store)
    assert len(calls) == 1  # one pooled call for the whole (small) archive
    assert len(calls[0]) == len(set(calls[0])) == 6 + 6  # sinuiju's 6 + dancheon's 6, the copy adds none
    assert (report.done, report.machine_translated) == (4, 18)


def test_a_sentence_still_being_translated_for_one_pool_is_not_queued_again_for_the_next(
    tmp_path: Path, installed_copy_model, monkeypatch
) -> None:
    from rfaflow.translate.argos import ArgosTranslator

    calls: list[list[str]] = []
    real = ArgosTranslator.submit
    monkeypatch.setattr(ArgosTranslator, "submit", lambda self, texts: calls.append(list(texts)) or real(self, texts))
    monkeypatch.setenv("RFAFLOW_POOL_SEGMENTS", "1")  # one draft per pool: each is queued before the last is written
    archive = make_archive(tmp_path)
    shutil.copy(archive / "2026" / "dancheon-miners.md", archive / "2026" / "dancheon-miners-copy.md")
    report = run_batch(archive, tmp_path / "out", BatchOptions(memories=(SAMPLE_TM,)), Store(tmp_path / "s.sqlite"))
    sent = [text for call in calls for text in call]
    assert len(sent) == len(set(sent)) == 6 + 6  # the copy's sentences were queued once, for the original
    assert (report.done, report.machine_translated, report.from_cache) == (4, 12, 6)
    written = tree(tmp_path / "out")
    assert written["2026/dancheon-miners-copy.html"] == written["2026/dancheon-miners.html"]


def test_progress_on_a_terminal_and_in_a_log(tmp_path: Path) -> None:
    import io

    from rfaflow.batch import BatchReport, DraftOutcome

    report = BatchReport(drafts=4, done=1, segments=10)
    terminal = io.StringIO()
    Progress(terminal, interactive=True).update(DraftOutcome("a.md", Path("x/a.md"), "done", 10), report)
    assert terminal.getvalue().startswith("\r\x1b[2K[######------------------] 1/4 drafts, 10 segments, ")
    log = io.StringIO()
    progress = Progress(log, interactive=False)
    progress.last_log -= 60
    report.failed = 1
    progress.update(DraftOutcome("b.md", Path("x/b.md"), "failed", 0, "file is empty"), report)
    lines = log.getvalue().splitlines()
    assert lines[0] == "Error: x/b.md: file is empty"
    assert re.fullmatch(r"batch: 2/4 drafts, 10 segments, [\d.]+ seg/s, ETA \d+s", lines[1])


def test_glossary_and_imported_post_edits_invalidate_done_drafts(
    tmp_path: Path, installed_copy_model, rfaflow_home: Path
) -> None:
    from rfaflow.translate.memory import MemoryUnit

    archive, out = make_archive(tmp_path), tmp_path / "out"
    glossary = tmp_path / "desk.csv"
    glossary.write_text("신의주,Sinuiju\n", encoding="utf-8")
    assert batch(str(archive), "-o", str(out), "--tm", str(SAMPLE_TM))[0] == 0
    code, _, stderr = batch(str(archive), "-o", str(out), "--tm", str(SAMPLE_TM), "--glossary", str(glossary))
    assert SUMMARY.match(stderr.splitlines()[-1]).groups()[:4] == ("3", "3", None, "0")  # a new glossary: all redone
    assert "Sinuiju" in (out / "2026" / "11" / "sinuiju-coal.html").read_text(encoding="utf-8")
    store = Store(rfaflow_home / "rfaflow.sqlite")  # what `rfaflow xliff import` writes
    store.add_memory("ko", "en", [MemoryUnit("세관 측은 금지 기간이 언제까지인지 밝히지 않았다.",
                                             "Customs did not say how long the ban would last.", "Soo Min Jo",
                                             "20261128T120000Z", kind="pe", engine="argos")])
    store.close()
    code, _, stderr = batch(str(archive), "-o", str(out), "--tm", str(SAMPLE_TM), "--glossary", str(glossary))
    assert code == 0 and SUMMARY.match(stderr.splitlines()[-1]).groups()[:4] == ("3", "3", None, "0")
    brief = (out / "2026" / "11" / "sinuiju-coal.html").read_text(encoding="utf-8")
    assert "Customs did not say how long the ban would last." in brief and "Post-edited by Soo Min Jo" in brief
    code, _, stderr = batch(str(archive), "-o", str(out), "--tm", str(SAMPLE_TM), "--glossary", str(glossary))
    assert SUMMARY.match(stderr.splitlines()[-1]).groups()[:4] == ("3", "0", "3", "0")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraphs_per_draft=st.lists(st.integers(1, 6), min_size=1, max_size=7),
    pool_segments=st.integers(1, 25),
    repeated=st.integers(0, 5),
)
def test_pooling_keeps_every_draft_in_order(
    installed_copy_model, monkeypatch, paragraphs_per_draft: list[int], pool_segments: int, repeated: int
) -> None:
    """Whatever the pool size, each brief's story is its own draft's sentences in order, none lost or swapped,
    a sentence shared by several drafts included (the copy model gives each sentence back as its translation)."""
    import tempfile

    monkeypatch.setenv("RFAFLOW_POOL_SEGMENTS", str(pool_segments))
    with tempfile.TemporaryDirectory() as work:
        archive, out = Path(work) / "archive", Path(work) / "out"
        archive.mkdir()
        expected = {}
        for d, count in enumerate(paragraphs_per_draft):
            sentences = [f"기사 {d}의 문장 {p}번이다." if p != repeated else "공통 문장이다." for p in range(count)]
            write_draft(archive, "\n\n".join(sentences) + "\n", name=f"d{d}.md")
            expected[f"d{d}.md"] = sentences
        report = run_batch(archive, out, BatchOptions(formats=("html",)), Store(Path(work) / "store.sqlite"))
        assert report.done == len(paragraphs_per_draft)
        for name, sentences in expected.items():
            brief = (out / name.replace(".md", ".html")).read_text(encoding="utf-8")
            story = brief.split('<section class="story">', 1)[1]
            pattern = r'<p><span class="sentence" data-id="\d+" data-origin="mt">(.*?)</span></p>'
            assert re.findall(pattern, story) == sentences
