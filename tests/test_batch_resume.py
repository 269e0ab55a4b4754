"""A batch run killed with SIGKILL at any moment resumes to exactly the output of an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import SAMPLES
from rfaflow.brief import prepare
from rfaflow.draft import read_draft
from rfaflow.testing.copy_model import default_corpus


def _archive(root: Path, drafts: int = 48) -> Path:
    """Distinct drafts in three folders, built from the sample and corpus sentences."""
    sentences = default_corpus() + [
        unit.text for name in ("musan.md", "sinuiju-coal.md") for unit in prepare(read_draft(SAMPLES / name)).units
        if unit.kind == "sentence"
    ]
    rng = random.Random(3)
    archive = root / "archive"
    for i in range(drafts):
        folder = archive / f"desk-{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = ["\n".join(f"{s[:-1]} ({i}-{p}-{k}번){s[-1]}" for k, s in enumerate(rng.sample(sentences, 3)))
                      for p in range(3)]
        (folder / f"story-{i:03d}.md").write_text(
            f"---\nheadline: 기사 {i}\ndate: 2026-11-{1 + i % 28:02d}\nservice: RFA's Korean Service\n"
            f"reporter: Reporter {i}\n---\n\n" + "\n\n".join(paragraphs) + "\n",
            encoding="utf-8",
        )
    return archive


def _run(archive: Path, out: Path, home: Path, stop_when=None, stop_with=signal.SIGKILL) -> tuple[int, str]:
    """(exit code, stderr) of a batch run, stopped by the signal `stop_with` once `stop_when()` holds."""
    env = {**os.environ, "RFAFLOW_HOME": str(home), "RFAFLOW_POOL_SEGMENTS": "60"}
    command = [sys.executable, "-m", "rfaflow", "batch", str(archive), "-o", str(out), "-f", "both"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if stop_when is not None:
        deadline = time.monotonic() + 120
        while process.poll() is None and not stop_when() and time.monotonic() < deadline:
            time.sleep(0.005)
        assert process.poll() is None, "the run finished before the stop point"
        process.send_signal(stop_with)
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _archive_and_clean_run(tmp_path: Path, copy_model_file: Path, monkeypatch) -> tuple[Path, Path, Path]:
    """The archive, the output of an uninterrupted run of it, and a second data folder for interrupted runs."""
    from rfaflow.translate.packages import install_file

    archive = _archive(tmp_path)
    homes = [tmp_path / "clean-home", tmp_path / "interrupted-home"]
    for home in homes:
        monkeypatch.setenv("RFAFLOW_HOME", str(home))
        install_file(copy_model_file)
    clean = tmp_path / "clean"
    assert _run(archive, clean, homes[0])[0] == 0
    return archive, clean, homes[1]


def test_sigkill_at_several_points_then_rerun_gives_the_uninterrupted_output(
    tmp_path: Path, copy_model_file: Path, monkeypatch
) -> None:
    archive, clean, home = _archive_and_clean_run(tmp_path, copy_model_file, monkeypatch)
    killed = tmp_path / "killed"

    def briefs() -> int:
        return sum(1 for _ in killed.rglob("*.html")) if killed.exists() else 0

    start = time.monotonic()
    kill_points = [
        lambda: time.monotonic() - start > 0.8,  # during start-up
        lambda: briefs() >= 1,  # right after the first brief
        lambda: briefs() >= 15,
        lambda: briefs() >= 30,
        lambda: briefs() >= 45,
    ]
    for kill_when in kill_points:
        start = time.monotonic()
        assert _run(archive, killed, home, kill_when)[0] == -signal.SIGKILL
    assert _run(archive, killed, home)[0] == 0

    assert _tree(killed) == _tree(clean)
    assert len(_tree(clean)) == 48 * 2 + 3
    database = sqlite3.connect(home / "rfaflow.sqlite")
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_ctrl_c_exits_130_and_a_rerun_completes_the_output(tmp_path: Path, copy_model_file: Path, monkeypatch) -> None:
    archive, clean, home = _archive_and_clean_run(tmp_path, copy_model_file, monkeypatch)
    stopped = tmp_path / "stopped"

    def first_brief() -> bool:
        return stopped.exists() and any(stopped.rglob("*.html"))

    code, stderr = _run(archive, stopped, home, first_brief, signal.SIGINT)
    assert (code, stderr.splitlines()[-1]) == (130, "Interrupted.")
    assert len(_tree(stopped)) < len(_tree(clean))
    assert _run(archive, stopped, home)[0] == 0
    assert _tree(stopped) == _tree(clean)
