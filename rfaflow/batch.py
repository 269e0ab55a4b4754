"""Batch runs: every draft under an archive becomes briefs in a mirrored output tree, fast, resumably, safely.

Drafts are streamed in pools of about `config.pool_segments()` segments (the first one smaller, so the model's
workers start early). Each pool's texts go through one `TranslationChain` call (memory, then the cache, then the
distinct rest queued on CTranslate2, sorted by length into batches), and the results are scattered back to their
drafts. A pool is queued before the previous one is written, so the workers translate while Python reads,
segments, summarises and renders. Each brief is written to a temporary
file and renamed; a draft's job state is recorded only after its files are in place, so a run killed at any moment
redoes at most the drafts of the pool it was in. Output paths come only from a draft's path relative to the archive
and are checked to stay inside the output folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rfaflow import __version__, config
from rfaflow.brief import PreparedDraft, assemble_brief, prepare
from rfaflow.desk import build_chain, check_brief
from rfaflow.draft import parse_draft, read_draft_bytes
from rfaflow.errors import RfaflowError, RunFailure, clip, from_os_error, internal_error
from rfaflow.languages import ENGLISH, Language
from rfaflow.qa import ERROR
from rfaflow.render import environment, render_brief, render_template, write_atomically
from rfaflow.store import Job, Store
from rfaflow.summarize import DEFAULT_SUMMARY, SummaryOptions
from rfaflow.translate import Translation, TranslationChain

DRAFT_SUFFIX = ".md"
INDEX_TEMPLATES = {"html": "index.html.j2", "md": "index.md.j2"}
RESERVED_OUTPUTS = {"index.html", "index.md", "manifest.json"}
FIRST_POOL_FRACTION = 4


class BatchError(RunFailure):
    """The run cannot start: a missing archive, an output folder that would overwrite drafts or that another run
    is writing to."""


MAX_RECORDED_ERROR_CHARS = 500  # a draft's error as the manifest, the index and the store keep it


@dataclass(frozen=True)
class BatchOptions:
    formats: tuple[str, ...] = ("html",)
    memories: tuple[Path, ...] = ()
    glossaries: tuple[Path, ...] = ()
    engine: str = "argos"
    summary: SummaryOptions = DEFAULT_SUMMARY
    template_dir: Path | None = None
    threads: int | None = None
    batch_size: int | None = None
    fail_fast: bool = False


@dataclass(frozen=True)
class DraftOutcome:
    """One draft finished: status is done, unchanged (skipped) or failed; `path` is the draft as found."""

    draft: str
    path: Path
    status: str
    segments: int
    error: str | None = None


@dataclass
class BatchReport:
    drafts: int = 0
    done: int = 0
    unchanged: int = 0
    failed: int = 0
    segments: int = 0
    from_memory: int = 0
    from_cache: int = 0
    machine_translated: int = 0
    seconds: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)

    @property
    def cache_share(self) -> float:
        translated = self.from_memory + self.from_cache + self.machine_translated
        return self.from_cache / translated if translated else 0.0

    def add(self, outcome: DraftOutcome) -> None:
        if outcome.status == "failed":
            self.failed += 1
            self.failures.append({"draft": outcome.draft, "error": outcome.error or ""})
        elif outcome.status == "unchanged":
            self.unchanged += 1
        else:
            self.done += 1
            self.segments += outcome.segments

    def summary_line(self) -> str:
        minutes, seconds = divmod(round(self.seconds), 60)
        parts = [f"{self.drafts:,} drafts: {self.done:,} done"]
        if self.unchanged:
            parts.append(f"{self.unchanged:,} unchanged")
        parts += [
            f"{self.failed:,} failed",
            f"{self.segments:,} segments",
            f"{self.cache_share:.0%} from cache",
            f"{minutes}m{seconds:02d}s" if minutes else f"{self.seconds:.1f}s",
        ]
        return ", ".join(parts)

    def as_dict(self) -> dict:
        return {**asdict(self), "from_cache_share": round(self.cache_share, 4), "seconds": round(self.seconds, 3)}


def find_drafts(archive: Path, out_dir: Path) -> list[str]:
    """Draft paths relative to the archive, sorted; hidden entries, folder symlinks and the output folder skipped."""
    out_resolved = out_dir.resolve()
    found = []
    for folder, subfolders, files in os.walk(archive):
        here = Path(folder)
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and (here / name).resolve() != out_resolved
        )
        for name in sorted(files):
            if name.endswith(DRAFT_SUFFIX) and not name.startswith("."):
                found.append((here / name).relative_to(archive).as_posix())
    return sorted(found)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def settings_fingerprint(options: BatchOptions, memory_digest: str = "") -> str:
    """Everything besides the draft and the model that shapes a brief: a change re-renders every draft.
    `memory_digest` stands for the post-edits in the store (see Store.memory_digest)."""
    files = [Path(p) for p in (*options.memories, *options.glossaries)]
    if options.template_dir:
        files += sorted(p for p in Path(options.template_dir).rglob("*") if p.is_file())
    settings = {
        "rfaflow": __version__,
        "formats": sorted(options.formats),
        "engine": options.engine,
        "summary": asdict(options.summary),
        "files": [[str(p), _sha256(p.read_bytes()) if p.is_file() else None] for p in files],
        "memory": memory_digest,
    }
    return _sha256(json.dumps(settings, sort_keys=True).encode())


class _SafeTree:
    """Resolves output paths and refuses any that would land outside the output folder (say, through a symlink)."""

    def __init__(self, root: Path) -> None:
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise from_os_error(err, root, BatchError, "cannot create the output folder") from None
        self.root = root.resolve()

    def path(self, relative: str) -> Path:
        target = self.root / relative
        existing = target.parent
        while not existing.exists():
            existing = existing.parent
        if ".." in Path(relative).parts or Path(relative).is_absolute() or not _inside(existing.resolve(), self.root):
            raise RfaflowError(f"refused to write {relative}: it would land outside the output folder")
        return target

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Held for a whole run: a second run into the same folder is refused, so neither can sweep the other's
        temporary files or interleave its writes."""
        from filelock import FileLock, Timeout

        lock_path = batch_lock_path(self.root)
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(lock_path)
            lock.acquire(timeout=0)
        except Timeout:
            raise BatchError("another rfaflow batch is writing to this folder; wait for it to finish, or choose "
                             "another -o", self.root) from None
        except OSError as err:
            raise from_os_error(err, lock_path, BatchError, "cannot lock the output folder") from None
        try:
            yield
        finally:
            lock.release()

    def remove_stale_temp_files(self) -> None:
        """Temporary files of a run that was killed mid-write (see render.write_atomically); only under the lock."""
        for folder, _, files in os.walk(self.root):
            for name in files:
                if name.startswith(".") and name.endswith(".tmp"):
                    Path(folder, name).unlink(missing_ok=True)


@dataclass
class _Pending:
    relative: str
    input_hash: str
    prepared: PreparedDraft


@dataclass
class _InFlight:
    """A pool of drafts in one language whose translations are queued on its chain; `collect` waits for them."""

    pool: list[_Pending]
    chain: TranslationChain
    collect: Callable[[], list[Translation | None]]


@dataclass
class _Pool:
    """Drafts of one language read and waiting to be queued, and their segments."""

    drafts: list[_Pending] = field(default_factory=list)
    texts: int = 0


class BatchRun:
    def __init__(
        self,
        archive: Path,
        out_dir: Path,
        options: BatchOptions,
        store: Store,
        on_draft: Callable[[DraftOutcome, BatchReport], None] | None = None,
    ) -> None:
        if not archive.is_dir():
            raise BatchError("not a folder of drafts", archive)
        if out_dir.resolve() == archive.resolve():
            raise BatchError("the output folder is the archive itself; briefs would overwrite drafts", out_dir)
        self.archive, self.options, self.store = archive, options, store
        self.tree = _SafeTree(out_dir)
        self.on_draft = on_draft or (lambda outcome, report: None)
        self.env = environment(options.template_dir)
        self._chains: dict[Language, TranslationChain] = {}
        self.settings = settings_fingerprint(options)
        self.report = BatchReport()

    def _chain(self, language: Language) -> TranslationChain:
        """The language's chain (memory, glossary, model for the pair into English), built on its first draft."""
        if language not in self._chains:
            self._chains[language] = build_chain(
                self.store, self.options.memories, self.options.glossaries, self.options.engine, source=language,
                threads=self.options.threads, batch_size=self.options.batch_size,
            )
        return self._chains[language]

    def _fingerprint(self, language: Language) -> str:
        """The settings, with the pair's post-edits in the store: importing Khmer post-edits re-renders only the
        Khmer drafts."""
        return self.settings + self.store.memory_digest(language.tag, ENGLISH.tag)

    @staticmethod
    def _model_identity(chain: TranslationChain) -> str:
        machine = chain.machine
        return machine.identity if machine else ""

    def run(self) -> BatchReport:
        with self.tree.locked():
            return self._run()

    def _run(self) -> BatchReport:
        started = time.monotonic()
        self.tree.remove_stale_temp_files()
        drafts = find_drafts(self.archive, self.tree.root)
        self.report.drafts = len(drafts)
        in_flight: _InFlight | None = None
        # One pool per language, each translated by its own pair's model; the first pool queued is small, so the
        # model's workers start while the rest of the archive is being read.
        pools: dict[Language, _Pool] = {}
        pool_size = max(1, config.pool_segments() // FIRST_POOL_FRACTION)
        for relative in drafts:
            pending = self._prepare(relative)
            if pending is None:
                continue
            pool = pools.setdefault(pending.prepared.draft.language, _Pool())
            pool.drafts.append(pending)
            pool.texts += len(pending.prepared.texts)
            if pool.texts >= pool_size:
                in_flight = self._queue(pools.pop(pending.prepared.draft.language).drafts, in_flight)
                pool_size = config.pool_segments()
        for pool in pools.values():
            in_flight = self._queue(pool.drafts, in_flight)
        if in_flight:
            self._complete(in_flight)
        self._write_index_and_manifest(drafts)
        counts = sum((chain.counts for chain in self._chains.values()), Counter[str]())
        self.report.from_memory, self.report.from_cache = counts["memory"], counts["cache"]
        self.report.machine_translated = counts["machine"]
        self.report.seconds = time.monotonic() - started
        return self.report

    def _finish(self, outcome: DraftOutcome) -> None:
        self.report.add(outcome)
        self.on_draft(outcome, self.report)
        if outcome.status == "failed" and self.options.fail_fast:
            raise RfaflowError(outcome.error or "failed", outcome.path)

    def _fail(self, relative: str, input_hash: str, error: str) -> None:
        error, shown = clip(error, MAX_RECORDED_ERROR_CHARS), _shown(relative)
        self.store.record(self.tree.root, [Job(shown, input_hash, "", "failed", error=error)])
        self._finish(DraftOutcome(shown, self.archive / relative, "failed", 0, error))

    @contextmanager
    def _isolated(self, relative: str, input_hash: str) -> Iterator[list[bool]]:
        """Runs one draft's step: whatever the draft causes is recorded against it (`failed[0]` is then True) and
        the run goes on; a failure of the run itself (RunFailure: the store, the output folder) stops it."""
        failed = [False]
        try:
            yield failed
        except RunFailure:
            raise
        except RfaflowError as err:
            failed[0] = True
            self._fail(relative, input_hash, err.message)
        except Exception as err:  # a bug a draft triggers must not cost the archive its other drafts
            failed[0] = True
            self._fail(relative, input_hash, _internal_error(err))

    def _prepare(self, relative: str) -> _Pending | None:
        """Read and segment one draft; None when it is unchanged since the last run or fails."""
        path = self.archive / relative
        with self._isolated(relative, ""):  # a failed draft's input hash is never compared
            if not _is_utf8(relative):
                raise RfaflowError("the file name is not UTF-8; rename it", path)
            if path.is_symlink() and not _inside(path.resolve(), self.archive.resolve()):
                raise RfaflowError("symlink points outside the archive; not read", path)
            data = read_draft_bytes(path)
            draft = parse_draft(path, data)
            input_hash = _sha256(self._fingerprint(draft.language).encode() + data)
            job = self.store.job(self.tree.root, relative)
            if job and self._unchanged(job, input_hash, self._chain(draft.language)):
                self._finish(DraftOutcome(relative, path, "unchanged", len(job.entry.get("segments", ()))))
                return None
            return _Pending(relative, input_hash, prepare(draft))
        return None

    def _unchanged(self, job: Job, input_hash: str, chain: TranslationChain) -> bool:
        if job.status != "done" or job.input_hash != input_hash:
            return False
        if job.model and job.model != self._model_identity(chain):
            return False
        for relative, digest in job.outputs.items():
            target = self.tree.root / relative
            if not target.is_file() or _sha256(target.read_bytes()) != digest:
                return False
        return True

    def _queue(self, pool: list[_Pending], in_flight: _InFlight | None) -> _InFlight | None:
        """Queue `pool` (drafts of one language) for translation, then complete the pool queued before it while the
        workers translate."""
        queued = None
        if pool:
            chain = self._chain(pool[0].prepared.draft.language)
            texts = [text for pending in pool for text in pending.prepared.texts]
            queued = _InFlight(pool, chain, chain.submit_available(texts))
        if in_flight:
            self._complete(in_flight)
        return queued

    def _complete(self, in_flight: _InFlight) -> None:
        """Wait for a pool's translations, then write and record its briefs."""
        try:
            results: list[Translation | None] | None = in_flight.collect()
        except RunFailure:
            raise
        except Exception:  # the engine failed on the pool: translate each draft alone, so only the culprit fails
            results = None
        jobs, outcomes = [], []
        start = 0
        for pending in in_flight.pool:
            count = len(pending.prepared.texts)
            with self._isolated(pending.relative, pending.input_hash) as failed:
                if results is None:
                    translations = in_flight.chain.submit_available(pending.prepared.texts)()
                else:
                    translations = results[start : start + count]
                missing = pending.prepared.missing(translations, in_flight.chain)
                if missing:
                    raise missing
                job = self._write_briefs(pending, in_flight.chain, [t for t in translations if t is not None])
            start += count
            if failed[0]:
                continue
            jobs.append(job)
            path = self.archive / pending.relative
            outcomes.append(DraftOutcome(pending.relative, path, "done", len(pending.prepared.units)))
        self.store.record(self.tree.root, jobs)
        for outcome in outcomes:
            self._finish(outcome)

    def _write_briefs(self, pending: _Pending, chain: TranslationChain, translations: list[Translation]) -> Job:
        brief = assemble_brief(pending.prepared, translations, self.options.summary)
        stem = pending.relative[: -len(DRAFT_SUFFIX)]
        rendered = {f"{stem}.{fmt}": render_brief(brief, fmt, self.env) for fmt in self.options.formats}
        findings = check_brief(brief, chain.glossary, "\n".join(rendered.values()))
        outputs = {}
        for relative, text in rendered.items():
            if relative in RESERVED_OUTPUTS:
                raise RfaflowError(f"its brief would overwrite the batch's {relative}; rename the draft")
            write_atomically(self.tree.path(relative), text)
            outputs[relative] = _sha256(text.encode("utf-8"))
        draft = pending.prepared.draft
        entry = {
            "headline": brief.headline,
            "language": draft.language.tag,
            "date": draft.date.isoformat(),
            "reporter": draft.reporter,
            "slug": draft.slug,
            "summary": brief.summary[0].text if brief.summary else "",
            "segments": [t.origin.kind for t in translations],
            "units": dict(Counter(unit.kind for unit in pending.prepared.units)),
            "review": brief.review_status,
            "notices": list(draft.notices),
            "qa": {
                "errors": sum(finding.severity == ERROR for finding in findings),
                "warnings": sum(finding.severity != ERROR for finding in findings),
                "findings": [asdict(finding) for finding in findings],
            },
        }
        model = self._model_identity(chain) if any(t.origin.kind == "mt" for t in translations) else ""
        return Job(pending.relative, pending.input_hash, model, "done", outputs, None, entry)

    def _write_index_and_manifest(self, drafts: list[str]) -> None:
        entries = []
        for relative in map(_shown, drafts):
            job = self.store.job(self.tree.root, relative)
            if job is None:
                continue
            kinds = job.entry.get("segments", [])
            entries.append({
                "draft": relative,
                "status": job.status,
                "outputs": sorted(job.outputs),
                "segments": len(kinds),
                "units": job.entry.get("units", {}),
                "origins": dict(sorted(Counter(kinds).items())),
                "review": job.entry.get("review"),
                "notices": job.entry.get("notices", []),
                "qa": job.entry.get("qa"),
                "error": job.error,
                **{key: job.entry.get(key) for key in ("headline", "language", "date", "reporter", "slug", "summary")},
            })
        manifest = {"generator": f"rfaflow {__version__}", "drafts": entries}
        write_atomically(self.tree.path("manifest.json"), json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        # Newest stories first (ISO dates sort as text), by path within a day; failed drafts, with no date, last.
        listed = sorted(entries, key=lambda entry: entry["draft"])
        listed.sort(key=lambda entry: entry["date"] or "", reverse=True)
        for fmt in self.options.formats:
            for entry in listed:
                done = entry["status"] == "done"
                entry["link"] = entry["draft"][: -len(DRAFT_SUFFIX)] + f".{fmt}" if done else None
            text = render_template(self.env, INDEX_TEMPLATES[fmt], briefs=listed, generator=manifest["generator"])
            write_atomically(self.tree.path(f"index.{fmt}"), text)


def batch_lock_path(out_root: Path) -> Path:
    """The lock of runs into `out_root` (resolved). It lives beside the store, which keys job state by the same
    folder, so the output tree holds only what a run wrote."""
    return config.data_home() / "locks" / f"batch-{_sha256(str(out_root).encode())[:16]}.lock"


def _internal_error(err: Exception) -> str:
    return f"{internal_error(err)}, please report it"


def _is_utf8(name: str) -> bool:
    """False for a file name whose bytes are not UTF-8 (Python holds them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(name: str) -> str:
    """A file name as the store, the manifest and the index keep it: bytes that are not UTF-8 written as \\xNN."""
    return name if _is_utf8(name) else os.fsencode(name).decode("utf-8", "backslashreplace")


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([path, folder]) == str(folder)


def run_batch(
    archive: Path,
    out_dir: Path,
    options: BatchOptions,
    store: Store,
    on_draft: Callable[[DraftOutcome, BatchReport], None] | None = None,
) -> BatchReport:
    return BatchRun(archive, out_dir, options, store, on_draft).run()

