"""The embedded store: one SQLite file (WAL) with the machine-translation cache, the job state of batch runs and
the desk's own translation memory (post-edits imported from XLIFF).

The cache is keyed by engine, model identity (name, version, content hash) and source text, so a changed model
misses the cache while an unchanged one reuses it across `render` and `batch` runs. Job state is keyed by output
folder and draft path. Every write is one transaction, so a process killed at any moment leaves the database as it
was before or after that write, never in between.

The schema is versioned (`PRAGMA user_version`, see MIGRATIONS), so an editor's existing file is brought up to date
in place. Every SQLite failure is a one-line StoreError whose advice never discards the imported post-edits.
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

from rfaflow.errors import StoreError, clip, from_os_error
from rfaflow.translate.memory import MemoryUnit

# The schema's history: MIGRATIONS[n] takes a store from version n to n + 1 (`PRAGMA user_version`). A store made
# before versioning has version 0 and either no tables or some of them; every step creates only what is missing,
# so it works on those too. A change to the schema is a new step at the end, never an edit of an old one.
MIGRATIONS = (
    # 1: the machine-translation cache and the job state of batch runs.
    """
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
    """,
    # 2: the desk's own translation memory (post-edits imported from XLIFF).
    """
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
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
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


def _store_error(err: sqlite3.Error, path: Path) -> StoreError:
    """A one-line StoreError whose advice never costs the desk its imported post-edits."""
    name = getattr(err, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or "disk is full" in str(err):
        problem = "the disk is full; free some space and rerun (what the database held is kept)"
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(err):
        problem = "another rfaflow has held the database for over a minute; let it finish and rerun"
    elif name.startswith("SQLITE_READONLY"):
        problem = "the database cannot be written (read-only); check its permissions and its folder's"
    elif name.startswith("SQLITE_CANTOPEN"):
        problem = "cannot open the database; check that its folder exists and is writable (RFAFLOW_HOME)"
    elif name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or isinstance(err, sqlite3.DatabaseError):
        problem = (f"the database is damaged ({clip(str(err), 60)}); rfaflow left it as it is. Keep it: it holds the "
                   "imported post-edits, which 'sqlite3 FILE .recover' can rescue; move it aside and rerun to "
                   "start a new one")
    else:
        problem = f"database error ({clip(str(err), 80)})"
    return StoreError(problem, path)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise from_os_error(err, path.parent, StoreError, "cannot create rfaflow's data folder (RFAFLOW_HOME)") \
                from None
        try:
            self._db = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as err:
            raise _store_error(err, path) from None
        with self._mapped():
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # checked before anything, WAL mode included, is written to the file
                raise StoreError(f"the database is of version {version}, made by a newer rfaflow (this one knows up "
                                 f"to {SCHEMA_VERSION}); upgrade rfaflow, or set RFAFLOW_HOME to another folder", path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        for number in range(version, SCHEMA_VERSION):
            with self._transaction() as db:  # each step and its version number land together, or not at all
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @property
    def version(self) -> int:
        with self._mapped():
            return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _mapped(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            raise _store_error(err, self.path) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._mapped():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:  # SQLite may have rolled back itself (a full disk, an I/O error)
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # The translation cache (the TranslationCache protocol of rfaflow.translate).

    def cached(self, engine: str, model: str, texts: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(texts), _LOOKUP_CHUNK):
            chunk = texts[start : start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            with self._mapped():
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
        with self._mapped():
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
        with self._mapped():
            rows = self._db.execute(
                "SELECT source, target, translator, changed, kind, engine, model, model_version FROM memory"
                " WHERE source_lang = ? AND target_lang = ? ORDER BY changed, source",
                (source_lang, target_lang),
            ).fetchall()
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
        with self._mapped():
            count, latest = self._db.execute(
                "SELECT count(*), max(changed) FROM memory WHERE source_lang = ? AND target_lang = ?",
                (source_lang, target_lang),
            ).fetchone()
        return f"{count}:{latest or ''}"


def default_store() -> Store:
    from rfaflow import config

    return Store(config.data_home() / "rfaflow.sqlite")
