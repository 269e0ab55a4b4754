"""The embedded store: one SQLite file (WAL) with the machine-translation cache, the job state of batch runs and
the desk's own translation memory (post-edits imported from XLIFF).

The cache is keyed by engine, model identity (name, version, content hash) and source text, so a changed model
misses the cache while an unchanged one reuses it across `render` and `batch` runs. Job state is keyed by output
folder and draft path. Every write is one transaction, so a process killed at any moment leaves the database as it
was before or after that write, never in between.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rfaflow.errors import RfaflowError
from rfaflow.translate.memory import MemoryUnit

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (engine, model, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS jobs (
    out_dir TEXT NOT NULL,
    draft TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    outputs TEXT NOT NULL,
    error TEXT,
    entry TEXT NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (out_dir, draft)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS memory (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    translator TEXT,
    changed TEXT NOT NULL,
    kind TEXT NOT NULL,
    engine TEXT,
    model TEXT,
    model_version TEXT,
    PRIMARY KEY (source_lang, target_lang, source)
) WITHOUT ROWID;
"""
_LOOKUP_CHUNK = 500  # stays under SQLite's limit on bound parameters


@dataclass(frozen=True)
class Job:
    """What the last run did with one draft. `model` is the MT model identity it depended on ("" if none);
    `outputs` maps each output path (relative to the output folder) to the SHA-256 of its bytes."""

    draft: str
    input_hash: str
    model: str
    status: str
    outputs: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    entry: dict[str, Any] = field(default_factory=dict)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as err:
            raise RfaflowError(f"cannot open the rfaflow database ({err}); move it aside to start afresh", path) from None

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # The translation cache (the TranslationCache protocol of rfaflow.translate).

    def cached(self, engine: str, model: str, texts: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(texts), _LOOKUP_CHUNK):
            chunk = texts[start : start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target FROM translations WHERE engine = ? AND model = ? AND source IN ({marks})",
                (engine, model, *chunk),
            )
            found.update(rows)
        return found

    def remember(self, engine: str, model: str, pairs: Sequence[tuple[str, str]]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?)",
                [(engine, model, source, target) for source, target in pairs],
            )

    # Job state of batch runs.

    def job(self, out_dir: Path, draft: str) -> Job | None:
        row = self._db.execute(
            "SELECT input_hash, model, status, outputs, error, entry FROM jobs WHERE out_dir = ? AND draft = ?",
            (str(out_dir), draft),
        ).fetchone()
        if row is None:
            return None
        input_hash, model, status, outputs, error, entry = row
        return Job(draft, input_hash, model, status, json.loads(outputs), error, json.loads(entry))

    def record(self, out_dir: Path, jobs: Sequence[Job]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (str(out_dir), job.draft, job.input_hash, job.model, job.status,
                     json.dumps(job.outputs, sort_keys=True), job.error,
                     json.dumps(job.entry, ensure_ascii=False, sort_keys=True), time.time())
                    for job in jobs
                ],
            )


    # The desk's translation memory: approved pairs kept by rfaflow itself, one per source sentence.

    def memory_units(self, source_lang: str, target_lang: str) -> list[MemoryUnit]:
        rows = self._db.execute(
            "SELECT source, target, translator, changed, kind, engine, model, model_version FROM memory"
            " WHERE source_lang = ? AND target_lang = ? ORDER BY changed, source",
            (source_lang, target_lang),
        )
        return [
            MemoryUnit(source, target, translator, changed, str(number), kind, engine, model, version)
            for number, (source, target, translator, changed, kind, engine, model, version) in enumerate(rows, 1)
        ]

    def add_memory(self, source_lang: str, target_lang: str, units: Sequence[MemoryUnit]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO memory VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (source_lang, target_lang, unit.source, unit.target, unit.translator, unit.changed, unit.kind,
                     unit.engine, unit.model, unit.model_version)
                    for unit in units
                ],
            )

    def memory_digest(self, source_lang: str, target_lang: str) -> str:
        """Changes whenever the memory does: batch runs re-render drafts after an import."""
        count, latest = self._db.execute(
            "SELECT count(*), max(changed) FROM memory WHERE source_lang = ? AND target_lang = ?",
            (source_lang, target_lang),
        ).fetchone()
        return f"{count}:{latest or ''}"


def default_store() -> Store:
    from rfaflow import config

    return Store(config.data_home() / "rfaflow.sqlite")
