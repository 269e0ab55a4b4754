"""Nothing an editor feeds rfaflow crashes it: each input of the reliability sweep (issue 11) ends in one line, its
own exit code, and nothing written or lost."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from conftest import SAMPLE_TM, SAMPLES, write_draft
from rfaflow.batch import batch_lock_path
from rfaflow.cli import cli
from rfaflow.errors import StoreError
from rfaflow.store import MIGRATIONS, SCHEMA_VERSION, Store
from rfaflow.translate.memory import MemoryUnit

BOMB = "[&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]]"
# Each bad draft (front matter fields over a valid draft's) and its one-line problem.
BAD_DRAFTS = {
    "impossible-date": ({"date": "2026-02-30"}, "field 'date': 2026-02-30 is not a real date (write it as YYYY-MM-DD)"),
    "month-13": ({"date": "2026-13-01"}, "field 'date': 2026-13-01 is not a real date (write it as YYYY-MM-DD)"),
    "year-0": ({"date": "0000-01-01"}, "field 'date': 0000-01-01 is not a real date (write it as YYYY-MM-DD)"),
    "bad-timestamp": ({"date": "!!timestamp 2026-99-99"},
                      "malformed front matter on line 3: cannot read '2026-99-99' as a date (write it as YYYY-MM-DD)"),
    "huge-int": ({"slug": "9" * 5000}, f"malformed front matter on line 6: cannot read '{'9' * 40}…' as int"),
    "deep-nesting": ({"tags": "[" * 1000 + "]" * 1000}, "malformed front matter on line 6: lists or mappings nested "
                                                          "too deeply"),
    "lone-surrogate": ({"translator": '"\\ud800"'}, "malformed front matter on line 6: the value holds \\ud800, half "
                                                   "of a UTF-16 pair, which is not a character; write the character "
                                                   "itself"),
    "alias-bomb": ({"date": BOMB}, "malformed front matter on line 3: aliases (*name) are not allowed; write the value "
                                   "out"),
    "terminal-escape": ({"translator": '"\\e]0;pwned\\a"'}, "malformed front matter on line 6: the value holds the "
                                                           "control character U+001B, which is not text; remove it"),
}
DESK_COMMANDS = {
    "render": ["render", "{draft}", "--engine", "tm", "-o", "{out}/"],
    "check": ["check", "{draft}", "--engine", "tm"],
    "review": ["review", "{draft}", "--engine", "tm", "-o", "{out}/"],
    "xliff-export": ["xliff", "export", "{draft}", "--engine", "tm", "-o", "{out}/"],
    "summarize": ["summarize", "{draft}"],
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.mark.parametrize("command", DESK_COMMANDS)
@pytest.mark.parametrize("case", BAD_DRAFTS)
def test_a_bad_draft_is_one_line_in_every_command(tmp_path: Path, case: str, command: str) -> None:
    fields, problem = BAD_DRAFTS[case]
    draft = write_draft(tmp_path, **fields)
    out = tmp_path / "out"
    args = [arg.format(draft=draft, out=out) for arg in DESK_COMMANDS[command]]
    assert run(*args) == (1, "", f"Error: {draft}: {problem}\n")
    assert files_under(out) == []


def test_batch_renders_the_good_drafts_and_records_each_bad_one(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    (archive / "musan.md").write_bytes((SAMPLES / "musan.md").read_bytes())
    for case, (fields, _) in BAD_DRAFTS.items():
        write_draft(archive, name=f"{case}.md", **fields)
    code, _, stderr = run("batch", str(archive), "-o", str(out), "--engine", "tm", "--tm", str(SAMPLE_TM))
    assert code == 3
    assert stderr.splitlines()[-1].startswith(f"{len(BAD_DRAFTS) + 1} drafts: 1 done, {len(BAD_DRAFTS)} failed, ")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    errors = {entry["draft"]: entry["error"] for entry in manifest["drafts"]}
    assert errors == {"musan.md": None, **{f"{case}.md": problem for case, (_, problem) in BAD_DRAFTS.items()}}
    assert files_under(out) == ["index.html", "manifest.json", "musan.html"]
    assert (out / "manifest.json").stat().st_size < 20_000  # the alias bomb's repr never reaches it
    # A rerun does not stumble on the same drafts: the good one is unchanged, the bad ones fail again, one line each.
    code, _, stderr = run("batch", str(archive), "-o", str(out), "--engine", "tm", "--tm", str(SAMPLE_TM))
    assert code == 3 and "1 unchanged" in stderr.splitlines()[-1]
    assert sum(line.startswith("Error: ") for line in stderr.splitlines()) == len(BAD_DRAFTS)


def test_summarize_never_reads_front_matter_as_body(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, notes="SECRET-SOURCE")
    for prefix, line in [(b"\n", 2), (b"\xef\xbb\xbf\n", 2), (b" \n\n", 3)]:
        shifted = tmp_path / "shifted.md"
        shifted.write_bytes(prefix + draft.read_bytes())
        problem = f"the front matter's '---' must be the first line, not line {line}; remove the blank lines above it"
        assert run("summarize", str(shifted)) == (1, "", f"Error: {shifted}: {problem}\n")
        assert run("render", str(shifted), "--engine", "tm")[2] == f"Error: {shifted}: {problem}\n"


def test_summarize_reads_a_crlf_draft_as_render_does(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, notes="SECRET-SOURCE")
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes(draft.read_bytes().replace(b"\n", b"\r\n"))
    code, stdout, _ = run("summarize", str(crlf), "--sentences", "1")
    assert (code, stdout) == (0, "첫 문장이다.\n")
    assert "SECRET" not in run("summarize", str(crlf), "--split", "lines")[1]


def test_a_draft_body_with_a_control_character_is_refused(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, body="첫 문장이다.\n\n\x1b[2J둘째 문장이다.\n")
    assert run("render", str(draft), "--engine", "tm") == (
        1, "", f"Error: {draft}: line 10 holds the control character U+001B, which is not text; remove it\n")


def test_file_names_cannot_drive_the_terminal(tmp_path: Path) -> None:
    name = tmp_path / "\x1b[2J\u202eevil.md"
    assert run("render", str(name)) == (1, "", f"Error: {tmp_path}/\\x1b[2J\\u202eevil.md: no such file\n")


def _full_disk_mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
    """mkstemp whose file is /dev/full: every write fails with the real ENOSPC."""
    return os.open("/dev/full", os.O_WRONLY), os.path.join(tempfile.gettempdir(), "never-created.tmp")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_keeps_the_old_brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "musan.html"
    target.write_text("the brief as it was", encoding="utf-8")
    monkeypatch.setattr("rfaflow.render.tempfile.mkstemp", _full_disk_mkstemp)
    code, _, stderr = run("render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "--engine", "tm",
                          "-o", str(target))
    assert (code, stderr.splitlines()[-1]) == (
        1, f"Error: {target}: cannot write: no space left on the disk; free some and rerun")
    assert target.read_text(encoding="utf-8") == "the brief as it was"


def test_an_output_under_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "briefs").write_text("a file", encoding="utf-8")
    target = tmp_path / "briefs" / "musan.html"
    code, _, stderr = run("render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "--engine", "tm",
                          "-o", str(target))
    assert (code, stderr.splitlines()[-1]) == (
        1, f"Error: {target}: cannot write: already exists and is not a folder ({tmp_path / 'briefs'})")


def test_rfaflow_home_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("RFAFLOW_HOME", str(home))
    code, _, stderr = run("render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "--engine", "tm")
    assert (code, stderr) == (
        1, f"Error: {home}: cannot create rfaflow's data folder (RFAFLOW_HOME): already exists and is not a folder\n")


def test_a_damaged_store_is_one_line_and_left_as_it_is(rfaflow_home: Path, installed_copy_model) -> None:
    store = Store(rfaflow_home / "rfaflow.sqlite")
    store.remember("argos", "m", [(f"문장 {i} " * 20, "sentence " * 20) for i in range(2000)])
    store.close()
    with sqlite3.connect(rfaflow_home / "rfaflow.sqlite") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray((rfaflow_home / "rfaflow.sqlite").read_bytes())
    data[len(data) // 2 : len(data) // 2 + 20_000] = b"\x55" * 20_000  # damage in the middle, header intact
    (rfaflow_home / "rfaflow.sqlite").write_bytes(bytes(data))
    code, _, stderr = run("render", str(SAMPLES / "musan.md"))  # looks its sentences up in the cache
    assert code == 1
    assert stderr.splitlines()[-1] == (
        f"Error: {rfaflow_home / 'rfaflow.sqlite'}: the database is damaged (database disk image is malformed); "
        "rfaflow left it as it is. Keep it: it holds the imported post-edits, which 'sqlite3 FILE .recover' can "
        "rescue; move it aside and rerun to start a new one")
    assert (rfaflow_home / "rfaflow.sqlite").read_bytes() == bytes(data)


def test_a_store_of_the_first_schema_is_migrated_in_place(tmp_path: Path) -> None:
    """A store made before versioning (user_version 0), as rfaflow wrote it before the desk memory existed."""
    path = tmp_path / "rfaflow.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("INSERT INTO translations VALUES ('argos', 'm@1', '문장', 'sentence')")
    store = Store(path)
    assert store.version == SCHEMA_VERSION == 2
    assert store.cached("argos", "m@1", ["문장"]) == {"문장": "sentence"}
    store.add_memory("ko", "en", [MemoryUnit("문장", "A sentence.", "Soo Min Jo", "20261203T000000Z", kind="pe")])
    store.close()
    assert [unit.target for unit in Store(path).memory_units("ko", "en")] == ["A sentence."]


def test_an_unversioned_store_with_every_table_keeps_its_post_edits(tmp_path: Path) -> None:
    path = tmp_path / "rfaflow.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0] + MIGRATIONS[1])
        db.execute("INSERT INTO memory VALUES ('ko', 'en', '문장', 'A sentence.', 'Jo', '20260101T000000Z', 'pe',"
                   " NULL, NULL, NULL)")
    store = Store(path)
    assert store.version == SCHEMA_VERSION
    assert [(unit.target, unit.translator) for unit in store.memory_units("ko", "en")] == [("A sentence.", "Jo")]


def test_a_store_of_a_newer_rfaflow_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "rfaflow.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == (
        f"{path}: the database is of version {SCHEMA_VERSION + 1}, made by a newer rfaflow (this one knows up to "
        f"{SCHEMA_VERSION}); upgrade rfaflow, or set RFAFLOW_HOME to another folder")
    assert path.read_bytes() == before


class HtmlElements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


HOSTILE_NAMES = ["a>)[evil](javascript:alert(1))", "<img src=x onerror=alert(1)>", "two\n# lines", "x](y) [z"]


def test_index_escapes_draft_file_names(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    for name in HOSTILE_NAMES:
        (archive / f"{name}.md").write_bytes((SAMPLES / "musan.md").read_bytes())
        write_draft(archive, name=f"{name} failed.md", date="2026-02-30")
    code, _, _ = run("batch", str(archive), "-o", str(out), "-f", "both", "--engine", "tm", "--tm", str(SAMPLE_TM))
    assert code == 3
    tokens = MarkdownIt("commonmark").parse((out / "index.md").read_text(encoding="utf-8"))
    links = [t.attrs["href"] for token in tokens for t in token.children or [] if t.type == "link_open"]
    assert sorted(links) == sorted([
        "a%3E%29%5Bevil%5D%28javascript%3Aalert%281%29%29.md", "%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md",
        "two%0A%23%20lines.md", "x%5D%28y%29%20%5Bz.md"])
    assert [t.type for t in tokens if t.type.startswith(("heading", "html"))] == ["heading_open", "heading_close"]
    inline_html = [t for token in tokens for t in token.children or [] if t.type == "html_inline"]
    assert inline_html == []
    elements = HtmlElements()
    elements.feed((out / "index.html").read_text(encoding="utf-8"))
    assert "img" not in elements.tags
    assert len(elements.hrefs) == len(HOSTILE_NAMES) and all(urlsplit(href).scheme == "" for href in elements.hrefs)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(entry["draft"] for entry in manifest["drafts"]) == sorted(
        [f"{name}.md" for name in HOSTILE_NAMES] + [f"{name} failed.md" for name in HOSTILE_NAMES])


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_a_file_name_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    (archive / "musan.md").write_bytes((SAMPLES / "musan.md").read_bytes())
    (Path(os.fsdecode(bytes(archive) + b"/\xb9\xab\xbb\xea.md"))).write_bytes((SAMPLES / "musan.md").read_bytes())
    code, stdout, _ = run("batch", str(archive), "-o", str(out), "--engine", "tm", "--tm", str(SAMPLE_TM), "--json")
    assert code == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["draft"]: entry["error"] for entry in manifest["drafts"]} == {
        "\\xb9\\xab\\xbb\\xea.md": "the file name is not UTF-8; rename it", "musan.md": None}
    assert json.loads(stdout)["failed"] == 1


def test_a_second_batch_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    from filelock import FileLock

    out = tmp_path / "out"
    out.mkdir()
    other_run_temp = out / ".musan.html.x1.tmp"  # a file the running batch is writing
    other_run_temp.write_text("half a brief", encoding="utf-8")
    lock_path = batch_lock_path(out.resolve())
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(lock_path):
        code, _, stderr = run("batch", str(SAMPLES), "-o", str(out), "--engine", "tm", "--tm", str(SAMPLE_TM))
    assert (code, stderr) == (1, f"Error: {out.resolve()}: another rfaflow batch is writing to this folder; wait for "
                                 "it to finish, or choose another -o\n")
    assert other_run_temp.read_text(encoding="utf-8") == "half a brief"


def test_an_unexpected_exception_is_one_line_and_exit_70(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("rfaflow.brief.build_brief", broken)
    code, _, stderr = run("render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "--engine", "tm")
    assert (code, stderr.splitlines()[-1]) == (
        70, "Error: internal error (KeyError: 'a bug'); this is a bug in rfaflow: rerun with --debug and report the "
            "traceback")
    result = CliRunner().invoke(cli, ["--debug", "render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM),
                                      "--engine", "tm"])
    assert isinstance(result.exception, KeyError)


@pytest.mark.parametrize(("code", "problem"), [
    (errno.EROFS, "read-only file system; choose another place"),
    (errno.EACCES, "permission denied"),
], ids=["read-only", "no-permission"])
def test_an_unwritable_output_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
                                                  problem: str) -> None:
    """As the OS reports it (simulated: chmod does not stop root, and CI runs as root)."""
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code), str(tmp_path))

    monkeypatch.setattr("rfaflow.render.tempfile.mkstemp", refused)
    code_, _, stderr = run("render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "--engine", "tm",
                           "-o", str(tmp_path / "musan.html"))
    assert (code_, stderr.splitlines()[-1]) == (1, f"Error: {tmp_path / 'musan.html'}: cannot write: {problem} "
                                                   f"({tmp_path})")
    assert files_under(tmp_path) == []


def test_a_full_store_keeps_what_it_held(tmp_path: Path) -> None:
    """SQLite's own SQLITE_FULL (a page limit stands in for the disk): the advice never discards the store."""
    path = tmp_path / "rfaflow.sqlite"
    store = Store(path)
    store.add_memory("ko", "en", [MemoryUnit("문장", "A sentence.", "Jo", "20261203T000000Z", kind="pe")])
    store._db.execute("PRAGMA max_page_count = 12")
    with pytest.raises(StoreError) as caught:
        store.remember("argos", "m", [(f"문장 {i} " * 50, "sentence " * 50) for i in range(500)])
    assert str(caught.value) == f"{path}: the disk is full; free some space and rerun (what the database held is kept)"
    store.close()
    assert [unit.target for unit in Store(path).memory_units("ko", "en")] == ["A sentence."]


def test_an_engine_failure_on_one_draft_fails_that_draft_alone(tmp_path: Path, installed_copy_model,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool's translation fails (here: the model raises on one sentence); each draft is then translated on its
    own, so only the draft holding that sentence fails, with an internal-error reason, and the run goes on."""
    from rfaflow.translate.argos import ArgosTranslator

    real_submit = ArgosTranslator.submit

    def submit(self: ArgosTranslator, texts):  # type: ignore[no-untyped-def]
        collect = real_submit(self, texts)
        if any("독약" in text for text in texts):
            def failing() -> list[str]:
                collect()
                raise RuntimeError("the model gave up")
            return failing
        return collect

    monkeypatch.setattr(ArgosTranslator, "submit", submit)
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    write_draft(archive, name="good.md")
    write_draft(archive, name="poisoned.md", body="첫 문장이다. 독약 문장이다.\n")
    write_draft(archive, name="other.md", body="다른 문장이다.\n")
    code, _, stderr = run("batch", str(archive), "-o", str(out))
    assert code == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["draft"]: entry["error"] for entry in manifest["drafts"]} == {
        "good.md": None, "other.md": None,
        "poisoned.md": "internal error (RuntimeError: the model gave up); this is a bug in rfaflow, please report it"}
    assert files_under(out) == ["good.html", "index.html", "manifest.json", "other.html"]
