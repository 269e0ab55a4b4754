"""Fuzzing rfaflow's contract: every input an editor feeds it ends in success or an `RfaflowError`, never another
exception, and an error's message is one line (the CLI prints it as `Error: …`).

A target takes one input file's bytes and runs on it the library path the CLI runs, with real components: a copy
model (rfaflow.testing.copy_model) installed into a private RFAFLOW_HOME, a real store as the translation cache,
the sample memories and glossary. Generators build structured inputs (drafts with odd YAML and CommonMark, TMX,
XLIFF, TBX, CSV glossaries, model packages) from a `random.Random`, so the bench draws them with plain random and
the tests with hypothesis's `st.randoms()`; mutators damage any input bytewise. Needs a source checkout (the
samples are the seeds).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import shutil
import struct
import tempfile
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property, wraps
from pathlib import Path
from typing import Any, Self
from xml.sax.saxutils import escape, quoteattr

import rfaflow
from rfaflow.errors import RfaflowError, clip
from rfaflow.languages import DEFAULT_SOURCE, ENGLISH, SOURCE_LANGUAGES, resolve

TARGETS = ("draft", "tmx", "xliff", "tbx", "csv", "package")
SUFFIXES = {"draft": ".md", "tmx": ".tmx", "xliff": ".xlf", "tbx": ".tbx", "csv": ".csv", "package": ".argosmodel"}

_PACKAGE_DIR = Path(rfaflow.__file__).resolve().parent
SAMPLES = _PACKAGE_DIR.parent / "samples"
SAMPLE_TMS = sorted((SAMPLES / "tm").glob("*.tmx"))
SAMPLE_CSV = SAMPLES / "glossary" / "korean-desk.csv"
SAMPLE_LANGUAGE = DEFAULT_SOURCE  # the samples, memories and glossary fuzzed are Korean
MAX_TEXT_INPUT = 256 * 1024  # mutations stop growing a text input here, so one input stays quick
_MESSAGE_CHARS = 160


# --- Findings and the harness ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A broken contract: kind "crash" (an exception that is not an RfaflowError) or "message" (an RfaflowError
    whose message is not one line). `frame` is the innermost rfaflow frame of the traceback, as file:line."""

    target: str
    kind: str
    error_type: str
    message: str
    frame: str
    data: bytes
    traceback: str

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two findings the same bug: the same kind of failure, raised through the same line."""
        return (self.kind, self.error_type, self.frame)

    @property
    def digest(self) -> str:
        return hashlib.sha1("|".join(self.key).encode()).hexdigest()[:12]

    def describe(self) -> str:
        return f"{self.kind}: {self.error_type} at {self.frame}: {self.message}"


def _innermost_frame(err: BaseException) -> str:
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(_PACKAGE_DIR) and path != Path(__file__).resolve():
            return f"{path.relative_to(_PACKAGE_DIR.parent)}:{frame.lineno}"
    return "<no rfaflow frame>"


def _type_name(err: BaseException) -> str:
    kind = type(err)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def finding_for(target: str, kind: str, err: BaseException, data: bytes) -> Finding:
    text = "".join(traceback.format_exception(err))
    return Finding(target, kind, _type_name(err), clip(str(err), _MESSAGE_CHARS), _innermost_frame(err), data, text)


@contextmanager
def _rfaflow_home(home: Path) -> Iterator[None]:
    """RFAFLOW_HOME pointed at `home` for the call only: config reads it on every call, and pytest's own
    per-test home (tests/conftest.py) is put back afterwards."""
    before = os.environ.get("RFAFLOW_HOME")
    os.environ["RFAFLOW_HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            del os.environ["RFAFLOW_HOME"]
        else:
            os.environ["RFAFLOW_HOME"] = before


@dataclass(frozen=True)
class _Desk:
    """What `rfaflow render` sets up once: a chain over the sample memories and glossary with the copy model as
    its machine engine, the store as its cache, and the templates."""

    chain: Any
    store: Any
    env: Any
    import_store: Any  # where `xliff import` puts post-edits: apart, so the chain's memory never changes


class Harness:
    """Runs targets on bytes and reports broken contracts. Everything it writes lives under `workdir` (a temporary
    folder by default): the copy model is built and installed there once per harness."""

    def __init__(self, workdir: Path | None = None) -> None:
        self._temp = None
        if workdir is None:
            self._temp = tempfile.TemporaryDirectory(prefix="rfaflow-fuzz-")
            workdir = Path(self._temp.name)
        self.workdir = Path(workdir)
        self.home = self.workdir / "home"
        self._inputs = self.workdir / "inputs"
        self._inputs.mkdir(parents=True, exist_ok=True)
        self._targets: dict[str, Callable[[Path], None]] = {
            "draft": self._draft, "tmx": self._tmx, "xliff": self._xliff, "tbx": self._glossary,
            "csv": self._glossary, "package": self._package,
        }
        self._seeds: dict[str, list[bytes]] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if "_desk" in self.__dict__:
            self._desk.store.close()
            self._desk.import_store.close()
        if self._temp:
            self._temp.cleanup()

    def run(self, target: str, data: bytes) -> Finding | None:
        """Feed `data` to `target` as its input file; None when the contract holds."""
        if target in ("draft", "xliff"):
            _ = self._desk  # set up before the input runs, so a set-up failure is never blamed on an input
        path = self._inputs / f"input{SUFFIXES[target]}"
        path.write_bytes(data)
        try:
            with _rfaflow_home(self.home):
                self._targets[target](path)
        except RfaflowError as err:
            text = str(err)
            return None if text.splitlines() == [text] else finding_for(target, "message", err, data)
        except Exception as err:  # noqa: BLE001 - any other exception is what the fuzzing looks for
            return finding_for(target, "crash", err, data)
        return None

    # The targets: each runs what the CLI runs on such a file.

    @cached_property
    def copy_model(self) -> Path:
        from rfaflow.testing.copy_model import build_package

        return build_package(self.workdir / "translate-ko_en-copy.argosmodel", size="tiny")

    @cached_property
    def _desk(self) -> _Desk:
        from rfaflow.desk import build_chain
        from rfaflow.render import environment
        from rfaflow.store import Store
        from rfaflow.translate.packages import install_file

        with _rfaflow_home(self.home):
            install_file(self.copy_model)
            store = Store(self.home / "rfaflow.sqlite")
            chain = build_chain(store, SAMPLE_TMS, [SAMPLE_CSV], "argos", source=SAMPLE_LANGUAGE)
            if chain.machine is None:  # resolved now, while RFAFLOW_HOME is this home
                raise RuntimeError("the copy model did not install")
        return _Desk(chain, store, environment(), Store(self.workdir / "imports.sqlite"))

    def _draft(self, path: Path) -> None:
        """`rfaflow render DRAFT -f html` and `-f md`: read, segment (build_brief prepares the draft), translate,
        summarise, render, QA."""
        from rfaflow.brief import build_brief
        from rfaflow.desk import check_brief
        from rfaflow.draft import read_draft
        from rfaflow.formats import FORMAT_NAMES
        from rfaflow.render import render_brief
        from rfaflow.summarize import SummaryOptions

        desk = self._desk
        brief = build_brief(read_draft(path), desk.chain, SummaryOptions())
        for output_format in FORMAT_NAMES:
            check_brief(brief, desk.chain.glossary, render_brief(brief, output_format, desk.env))

    def _tmx(self, path: Path) -> None:
        """`render --tm FILE` (lookups, fuzzy suggestions), `check FILE.tmx` and `tm export --tm FILE`."""
        from rfaflow.desk import check_translation_file
        from rfaflow.translate.memory import TranslationMemory, tmx_bytes

        memory = TranslationMemory.from_files([path], SAMPLE_LANGUAGE, ENGLISH)
        sources = [unit.source for unit in memory.units]
        memory.translate(sources[:50] + [source + " 다." for source in sources[:5]])
        for source in sources[:3]:
            memory.suggestions(source[:-1])
        check_translation_file(path)
        tmx_bytes(memory.units, SAMPLE_LANGUAGE, ENGLISH)

    def _xliff(self, path: Path) -> None:
        """`xliff import FILE` (the file's own post-editor, then --post-editor, which reads past a file naming
        none) and `check FILE.xlf`."""
        from rfaflow.desk import check_translation_file
        from rfaflow.xliff import read_post_edits

        try:
            read_post_edits(path)
        except RfaflowError:
            pass
        report = read_post_edits(path, "Fuzz Editor")
        self._desk.import_store.add_memory(report.language.tag, ENGLISH.tag, report.imported)
        check_translation_file(path)

    def _glossary(self, path: Path) -> None:
        """`--glossary FILE`: terms protected before machine translation, and `check memory.tmx --glossary FILE`."""
        from rfaflow.desk import check_translation_file
        from rfaflow.glossary import Glossary

        glossary = Glossary.from_files([path], SAMPLE_LANGUAGE)
        text = " ".join(list(glossary.terms)[:20])
        glossary.violations(text, glossary.protect(text))
        check_translation_file(SAMPLE_TMS[0], [path])

    def _package(self, path: Path) -> None:
        """`models install FILE` twice (the second replaces the first), `models list`, the lookup `render` makes,
        the model identity the cache keys on, and `models remove`. Each input starts from no model installed, in a
        home of its own, so the draft target's model is never touched."""
        from rfaflow.translate.packages import find_model, install_file, installed_models, remove

        home = self.workdir / "package-home"
        shutil.rmtree(home, ignore_errors=True)
        with _rfaflow_home(home):
            install_file(path)
            model = install_file(path)
            installed_models()
            source, target = resolve(model.from_code), resolve(model.to_code)  # a package may name any code
            found = find_model(source, target) if source and target else None
            if found is not None:
                _ = found.content_hash  # the identity the translation cache keys on, read at render
            remove(model.name)

    # Inputs.

    def seeds(self, target: str) -> list[bytes]:
        """The real inputs each target starts from: the samples, an XLIFF export of them, the copy model."""
        if target not in self._seeds:
            self._seeds[target] = self._make_seeds(target)
        return self._seeds[target]

    def _make_seeds(self, target: str) -> list[bytes]:
        if target == "draft":
            return [path.read_bytes() for path in sorted(SAMPLES.glob("*.md"))]
        if target == "tmx":
            from rfaflow.translate.memory import TranslationMemory, tmx_bytes

            memory = TranslationMemory.from_files(SAMPLE_TMS, SAMPLE_LANGUAGE, ENGLISH)
            return [path.read_bytes() for path in SAMPLE_TMS] + [tmx_bytes(memory.units, SAMPLE_LANGUAGE, ENGLISH)]
        if target == "xliff":
            return self._xliff_seeds()
        if target in ("tbx", "csv"):
            return [path.read_bytes() for path in sorted((SAMPLES / "glossary").glob(f"*.{target}"))]
        return [self.copy_model.read_bytes()]

    def _xliff_seeds(self) -> list[bytes]:
        """What `rfaflow xliff export` writes for each sample (memory and copy-model units), with and without a
        post-editor, plus one as a CAT tool gives it back: a machine target edited and one marked translated."""
        from rfaflow.desk import review_draft
        from rfaflow.draft import read_draft
        from rfaflow.xliff import export_xliff

        seeds = []
        with _rfaflow_home(self.home):
            for number, path in enumerate(sorted(SAMPLES.glob("*.md"))):
                review = review_draft(read_draft(path), self._desk.chain)
                seeds.append(export_xliff(review, "Soo Min Jo" if number % 2 == 0 else None))
        edited = re.sub(rb'state="needs-review-translation"', b'state="translated"', seeds[-1], count=1)
        edited = re.sub(rb"(<target[^>]*>)", rb"\1Edited. ", edited, count=2)
        return [*seeds, edited]

    def structured(self, target: str, rng: random.Random) -> bytes:
        """A generated input for `target`."""
        if target == "package":
            return package_bytes(rng, self._package_members)
        return GENERATORS[target](rng)

    @cached_property
    def _package_members(self) -> list[Member]:
        return _zip_members(self.seeds("package")[0])

    def mutated(self, target: str, rng: random.Random) -> bytes:
        """A seed or a generated input, damaged bytewise (a package: its zip headers, mostly)."""
        base = rng.choice(self.seeds(target)) if rng.random() < 0.6 else self.structured(target, rng)
        return mutate_zip(base, rng) if target == "package" else mutate(base, rng)

    def generate(self, target: str, rng: random.Random) -> bytes:
        """One input of the mix the bench runs: sometimes a seed as it is, else generated or mutated."""
        roll = rng.random()
        if roll < 0.03:
            return rng.choice(self.seeds(target))
        return self.structured(target, rng) if roll < 0.5 else self.mutated(target, rng)


# --- Shrinking ---------------------------------------------------------------------------------------------------


def shrink(harness: Harness, finding: Finding, seconds: float = 10.0, max_runs: int = 2000) -> Finding:
    """A smaller input with the same key (kind, type, frame), by delta debugging within a time and run budget:
    zip members dropped and emptied for a package, else chunks of lines, then of bytes, removed."""
    deadline = time.monotonic() + seconds
    runs = 0
    best = finding

    def still(candidate: bytes) -> bool:
        nonlocal best, runs
        if runs >= max_runs or time.monotonic() > deadline or len(candidate) >= len(best.data):
            return False
        runs += 1
        found = harness.run(finding.target, candidate)
        if found is not None and found.key == finding.key:
            best = found
            return True
        return False

    def in_budget() -> bool:
        return runs < max_runs and time.monotonic() < deadline

    if finding.target == "package":
        _shrink_members(best.data, still, in_budget)
        return best
    for unit in ("lines", "bytes"):
        pieces = best.data.splitlines(keepends=True) if unit == "lines" else [bytes([b]) for b in best.data]
        chunk = max(1, len(pieces) // 2)
        while chunk >= 1 and in_budget():
            start, removed = 0, False
            while start < len(pieces) and in_budget():
                candidate = pieces[:start] + pieces[start + chunk :]
                if still(b"".join(candidate)):
                    pieces, removed = candidate, True
                else:
                    start += chunk
            if not removed:
                chunk //= 2
    return best


def _shrink_members(data: bytes, still: Callable[[bytes], bool], in_budget: Callable[[], bool]) -> None:
    try:
        members = _zip_members(data)
    except Exception:  # noqa: BLE001 - a zip that cannot be taken apart (any of zipfile's many errors) stays whole
        return
    index = 0
    while index < len(members) and in_budget():
        if not still(_zip(members[:index] + members[index + 1 :])):
            index += 1
        else:
            members = members[:index] + members[index + 1 :]
    for index in range(len(members)):
        name, content, _ = members[index]
        for smaller in (b"", content[: len(content) // 2]):
            trial = [*members[:index], (name, smaller, zipfile.ZIP_STORED), *members[index + 1 :]]
            if len(smaller) < len(content) and in_budget() and still(_zip(trial)):
                members = trial
                break


# --- Wildness ----------------------------------------------------------------------------------------------------

# How often a generator takes an odd turn (a control character, an undefined entity, a bogus encoding), drawn once
# per input: most odd turns are fatal, so inputs with none reach deep into the code, and inputs with many probe the
# readers' edges.
_WILD: ContextVar[float] = ContextVar("wild", default=0.05)
Generator = Callable[[random.Random], bytes]


def _wildness(generate: Generator) -> Generator:
    @wraps(generate)
    def generate_at_some_wildness(rng: random.Random) -> bytes:
        token = _WILD.set(rng.choice((0.0, 0.0, 0.01, 0.05, 0.2)))
        try:
            return generate(rng)
        finally:
            _WILD.reset(token)

    return generate_at_some_wildness


def _odd(rng: random.Random) -> bool:
    return rng.random() < _WILD.get()


def _pick(rng: random.Random, usual: Sequence[Any], odd: Sequence[Any]) -> Any:
    """One of `usual`, or at this input's wildness one of `odd`."""
    return rng.choice(odd) if _odd(rng) else rng.choice(usual)


# --- Text pieces -------------------------------------------------------------------------------------------------

_KO = ("북한", "주민", "소식통", "국경", "세관", "압록강", "신의주", "화물", "당국", "광산", "김정은",
       "김정은 국무위원장", "함경북도", "평안북도", "자유아시아방송", "무역", "지난", "18일", "1천860만", "300여",
       "2026년", "11월", "3.5%", "달러", "톤", "이달", "중순부터", "희토류", "수출을", "전면", "중단한", "것으로",
       "알려졌다", "월요일", "1~10월", "5천", "억", "조", "두", "세", "열", "첫째", "2·3", "(", ")")
_EN = ("the", "North", "Korea", "Sinuiju", "Kim Jong Un", "Kim Jong-un", "said", "million", "18.6", "Nov. 3",
       "RFA", "tons", "Monday", "$5", "1,000", "10%")
_ODD = ("\u00a0", "\u200b", "\u200d", "\u2028", "\u2029", "\u0301", "\ufeff", "\x0b", "\x0c", "\x1c", "\x85", "\x7f",
        "\x1b[31m", "\x01", "😀", "👩\u200d👩\u200d👧", "\u202e", "ᄀ", "ㄱ", "１２", "Ⅻ", "½", "\ufffd", "\U0010ffff",
        "\t", "<g1>", "</g1>", "<x1/>", "<g2></g2>", "<g99999999999999999999>", "&amp;", "&#xD800;", "&", "<", ">",
        '"', "'", "“", "”", "‘", "’", "「", "」", "(", ")", "[", "]", "%", "$", "#", "*", "_", "\\", "`", "~", "|",
        ":", "...", "…", "{{ brief }}", "{% raw %}", "-->", "]]>", "\u3000", "ﾟ", "Ａ", "\U000e0001",
        "9" * 400, "1" + "0" * 30 + "억", "9999조 9999억", "1e400", "0.0000000001%", "1,0,0", "2¹⁰", "٣", "〇")
_ENDINGS = ("다.", "다", "?", "!", ".", "다고 말했다.", "다고 전했다.", '"고 말했다.', ").", "다…", "다.\u201d", "。")


def _word(rng: random.Random) -> str:
    if _odd(rng):
        return rng.choice(_ODD)
    return rng.choice(_KO) if rng.random() < 0.8 else rng.choice(_EN)


def phrase(rng: random.Random, low: int = 1, high: int = 8) -> str:
    return " ".join(_word(rng) for _ in range(rng.randint(low, high)))


def sentence(rng: random.Random) -> str:
    return phrase(rng, 1, 12) + rng.choice(_ENDINGS)


def _plain(rng: random.Random) -> str:
    """Text a reporter types: Korean words, no control characters."""
    return " ".join(rng.choice(_KO) for _ in range(rng.randint(1, 6)))


# --- Drafts ------------------------------------------------------------------------------------------------------

_FIELDS = ("headline", "date", "service", "reporter", "english_headline", "translator", "english_writer", "dateline",
           "language", "slug", "tags", "notes")
_ODD_FIELDS = ("headlin", "Headline", "date ", "reporter\t", "제목", "tag", "note", "x" * 300, "'headline'",
               '"date"', "head line", "1", "~", "null", "true", "<<", "? [a, b]", "? {a: b}", "&k headline",
               "*k", "!!str date", "!!binary aGVhZGxpbmU=", "[headline]", "-", "headline\u200b")
_DATES = ("2026-11-20", "2026-02-30", "2026-02-29", "2024-02-29", "0000-01-01", "0001-01-01", "9999-12-31",
          "2026-13-01", "2026-00-10", "2026-11-32", "2026-1-5", "20261120", "2026-11-20T10:00:00",
          "2026-11-20 25:61:61", "2026-11-20T10:00:00+99:00", "2026-11-20T10:00:00.1234567890Z",
          "2026-11-20t10:00:00-05:00", "2026-11-20 10:00", "soon", "2026/11/20", "１２３４-11-20", "99999-01-01",
          "-2026-11-20", "2026-11-20x", "2026-11-20\u00a0")
_ESCAPES = ("\\ud800", "\\udfff", "\\e", "\\x00", "\\0", "\\U00110000", "\\UFFFFFFFF", "\\N", "\\_", "\\L", "\\P",
            "\\u00e9", "\\z", "\\x", "\\u12", "\\\n", "\\t", "\\/", "\\ ", "\\a", "\\v", "\\\"")
_SCALARS = ("~", "null", "yes", "no", "on", "off", "True", "FALSE", ".inf", "-.Inf", ".NaN", "1e400", "-0", "0x",
            "0xFFFFFFFFFFFFFFFFFFFF", "0o777", "0b1012", "1_000_000", "190:20:30", "6.8523015e+5", "12e03",
            "+12.3", "0.", "''", '""', "[]", "{}", "- a", "? a", "&a", "*a", "*undefined", "!", "!!", "|", ">", "%",
            "@at", "`tick`", "#", " #comment", ":", "a: b", "'unterminated", '"unterminated', "{a: [b}", "[a, b",
            "!!binary aGVsbG8=", "!!binary @@@", "!!set {a, b}", "!!omap [a: 1, b: 2]", "!!pairs [a: 1]",
            "!!python/name:os.system", "!!python/object:object {}", "!custom x", "!!str 123", "!!int abc",
            "!!int 0b", "!!float x", "!!bool maybe", "!!null x", "!<tag:yaml.org,2002:int> 0x", "!!merge x",
            "!!timestamp", "!!map [a]", "!!seq {a: b}", "!e!x y", "&a !!str x", "!!str &a x")


def _yaml_scalar(rng: random.Random) -> str:
    roll = rng.randrange(9)
    if roll == 0:
        return _plain(rng) + rng.choice(("", " #2 공장", ": 속보", " - 2", ":", " # ", "\t#x", "#1"))
    if roll == 1:
        inner = "".join(rng.choice(_ESCAPES) if rng.random() < 0.3 else rng.choice(_KO)
                        for _ in range(rng.randint(1, 5)))
        return f'"{inner}"' + rng.choice(("", "", " 준비", " # ok"))
    if roll == 2:
        return "'" + _plain(rng).replace("'", "''") + rng.choice(("'", "''", "'' x'", "' 준비", "'"))
    if roll == 3:
        return rng.choice(_DATES)
    if roll == 4:
        return f"!!timestamp {rng.choice(_DATES)}"
    if roll == 5:
        digits = rng.choice((1, 20, 400, 4299, 4301, 5000))
        return rng.choice(("", "-", "+")) + "9" * digits + rng.choice(("", ".5", "e9"))
    if roll == 6:
        return rng.choice(_SCALARS)
    if roll == 7:
        return rng.choice(_ODD) + _plain(rng)
    return _plain(rng)


def _yaml_value(rng: random.Random, depth: int = 0) -> str:
    """A YAML value written after `field: `: one line, or lines starting with a newline (indented two spaces)."""
    roll = rng.randrange(10) if depth < 3 else 0
    if roll <= 3:
        return _yaml_scalar(rng)
    if roll == 4:
        return "[" + ", ".join(_yaml_value(rng, depth + 1).strip() for _ in range(rng.randint(0, 4))) + "]"
    if roll == 5:
        pairs = (f"{rng.choice(_FIELDS + _ODD_FIELDS[:6])}: {_yaml_scalar(rng)}" for _ in range(rng.randint(0, 3)))
        return "{" + ", ".join(pairs) + "}"
    if roll == 6:
        return "".join(f"\n  - {_yaml_scalar(rng)}" for _ in range(rng.randint(1, 4)))
    if roll == 7:
        header = rng.choice(("|", ">", "|-", ">+", "|2", "|+9", "|0", "|10", ">-\t"))
        return header + "".join(f"\n{' ' * rng.choice((2, 2, 1, 4, 0))}{_plain(rng)}" for _ in range(rng.randint(1, 4)))
    if roll == 8:
        n = rng.choice((5, 50, 500, 3000))
        open_, close = rng.choice((("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")))
        return open_ * n + "x" + close * rng.choice((n, n, n - 1, n + 1))
    anchor = f"a{rng.randrange(3)}"
    return rng.choice((f"&{anchor} {_yaml_scalar(rng)}", f"*{anchor}", f"&{anchor} [*{anchor}]",
                       f"&{anchor} [x, *{anchor}]", f"{{<<: *{anchor}}}", f"!!str *{anchor}", f"&{anchor}"))


def _laughs(rng: random.Random) -> list[str]:
    """Aliases nested `levels` deep in fields a draft has, so YAML builds a value that is small as written and
    large when walked (the date's error message quotes it)."""
    levels, width = rng.randint(2, 5), rng.randint(2, 9)
    lines = [f"notes: &l0 [{', '.join(['ㅋ'] * width)}]"]
    holders = ("english_headline", "translator", "english_writer", "dateline", "slug")
    for level in range(1, levels):
        lines.append(f"{holders[level - 1]}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    lines.append(f"date: [{', '.join([f'*l{levels - 1}'] * width)}]")
    return lines


def front_matter(rng: random.Random) -> str:
    """`field: value` lines: a valid draft's, then sometimes damaged (values, names, duplicates, YAML oddities)."""
    fields = {"headline": _plain(rng), "date": rng.choice(("2026-11-20", "2024-02-29")),
              "service": "RFA's Korean Service",
              "reporter": rng.choice(("Kim Ha-eun", "김하은", "Lee Jun-seo"))}
    for name in rng.sample(_FIELDS[4:], rng.randint(0, 8)):
        fields[name] = {"tags": "[north-korea, trade]", "notes": "|\n  private", "language": SAMPLE_LANGUAGE.tag,
                        "dateline": rng.choice(("SEOUL", "서울", "신의주"))}.get(name, _plain(rng))
    lines = [f"{name}: {value}" for name, value in fields.items()]
    for _ in range(rng.choice((1, 1, 2, 3, 6)) if _odd(rng) else 0):
        roll = rng.randrange(8)
        at = rng.randrange(len(lines) + 1)
        if roll <= 2 and lines:
            at = rng.randrange(len(lines))
            lines[at] = f"{lines[at].split(':', 1)[0]}: {_yaml_value(rng)}"
        elif roll == 3:
            lines.insert(at, f"{rng.choice(_FIELDS + _ODD_FIELDS)}: {_yaml_value(rng)}")
        elif roll == 4 and lines:
            del lines[rng.randrange(len(lines))]
        elif roll == 5 and lines:
            lines.insert(at, rng.choice(lines))
        elif roll == 6:
            lines.insert(at, rng.choice(("# comment", "", "  ", "\t", "%YAML 1.1", "%YAML 99999999999999999999.1",
                                         "%TAG ! tag:x,2000:", "...", "--- ", "- item", "? key", ": value",
                                         "  indented: x", "\ufeffheadline: x", "headline:x")))
        else:  # the fields holding the aliases replace their lines, which YAML would otherwise refuse as twice given
            laughs = _laughs(rng)
            names = {line.split(":", 1)[0] for line in laughs}
            lines = [line for line in lines if line.split(":", 1)[0] not in names] + laughs
    return "\n".join(lines) + "\n"


_URLS = ("https://example.org/a?b=1&c=2", "https://www.kcna.kp/", "javascript:alert(1)", "", "#frag", "mailto:a@b.c",
         "<with space>", "http://[::1]:80/", "https://例え.jp/%E2%82", "(nested(parens))", "a\\)b",
         "https://x.org/" + "a" * 500, "data:text/html,<script>", "photo.jpg", "../../etc/passwd", "<>")


def _inline(rng: random.Random) -> str:
    """A paragraph line: sentences with CommonMark inline marks here and there."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        words = sentence(rng).split(" ")
        if rng.random() < 0.6:
            i = rng.randrange(len(words))
            j = rng.randint(i, min(len(words), i + 3))
            span = " ".join(words[i : j + 1])
            url, title = rng.choice(_URLS), rng.choice(("", ' "title"', " 'it''s'", ' "un'))
            marked = rng.choice((f"*{span}*", f"_{span}_", f"**{span}**", f"__{span}__", f"***{span}***",
                                 f"*a **{span}** c*", f"[{span}]({url}{title})", f"![{span}]({url}{title})",
                                 f"[![{span}]({url})]({url})", f"`{span}`", f"``{span} ` x``", f"<{url}>", url,
                                 f"[{span}][ref]", f"[{span}]", f"*{span}", f"**{span}*", f"<b>{span}</b>",
                                 f"{span}  \n", f"{span}\\\n", f"\\*{span}\\*", f"<g1>{span}</g1>", f"{span}<x1/>",
                                 f"&amp;{span}&#xD800;&#0;&#x110000;&nbsp;&copy", f"[^{span}]"))
            words[i : j + 1] = [marked]
        parts.append(" ".join(words))
    return " ".join(parts)


def _block(rng: random.Random, depth: int = 0) -> str:
    if rng.random() < 0.03:  # rare: machine translation makes these the slowest inputs by far
        return _long_block(rng)
    roll = rng.randrange(16) if depth < 3 else 0
    if roll <= 4:
        return _inline(rng)
    if roll == 5:
        return "#" * rng.randint(1, 7) + rng.choice((" ", "", "\t")) + _inline(rng) + rng.choice(("", " ##", " #"))
    if roll == 6:
        return _inline(rng) + "\n" + rng.choice(("===", "---", "=", "- - -"))
    if roll in (7, 8):
        ordered = roll == 8
        start = rng.choice((1, 0, 7, 999999999, 1234567890))
        items = []
        for n in range(rng.randint(1, 5)):
            marker = f"{start + n}{rng.choice('.)')}" if ordered else rng.choice("-*+")
            items.append(f"{marker} " + _block(rng, depth + 1).replace("\n", "\n   "))
        return rng.choice(("\n", "\n\n")).join(items)
    if roll == 9:
        prefix = "> " * rng.choice((1, 1, 2, 5, 30))
        return "\n".join(prefix + line for line in _block(rng, depth + 1).split("\n"))
    if roll == 10:
        fence = rng.choice(("```", "~~~", "````"))
        return f"{fence}{rng.choice(('', 'python', '한국어 x'))}\n{_plain(rng)}\n" + rng.choice((fence, "", "```"))
    if roll == 11:
        return "    " + _plain(rng) + "\n    " + sentence(rng)
    if roll == 12:
        return rng.choice(("---", "***", "___", "- - -", "* * *"))
    if roll == 13:
        caption = rng.choice(("", ' "캡션"'))
        return f"![{_plain(rng)}]({rng.choice(_URLS)}{caption})"
    if roll == 14:
        return rng.choice(("<div>\n" + _plain(rng) + "\n</div>", "<!-- " + _plain(rng) + " -->", "<script>x</script>",
                           f"[ref]: {rng.choice(_URLS)} \"t\"", "| a | b |\n|---|---|\n| 1 | 2 |", "\u00a0", "\\",
                           "<?php ?>", "<![CDATA[ x ]]>"))
    return "\n".join(_inline(rng) for _ in range(rng.randint(2, 4)))


def _long_block(rng: random.Random) -> str:
    """One sentence past the model's input bound (250 tokens), or a paragraph past the segmenter's window (4,000
    characters), by a little: what the bounds cut is tested, not the model's speed."""
    if rng.random() < 0.5:
        return " ".join(rng.choice(_KO) for _ in range(rng.choice((120, 300)))) + rng.choice(("다.", ""))
    return " ".join(sentence(rng) for _ in range(rng.choice((120, 200))))


def markdown_body(rng: random.Random) -> str:
    return rng.choice(("\n\n", "\n\n", "\n", "\n\n\n")).join(_block(rng) for _ in range(rng.randint(1, 8))) + "\n"


@_wildness
def draft_bytes(rng: random.Random) -> bytes:
    closing = _pick(rng, ("---", "--- ", "---\t"), ("----", "...", "- --"))
    text = f"---\n{front_matter(rng)}{closing}\n\n{markdown_body(rng)}"
    if rng.random() < 0.1:
        text = text.replace("\n", rng.choice(("\r\n", "\r")))
    return (_pick(rng, ("",), ("\ufeff", "\ufeff\ufeff", " ")) + text).encode()


# --- XML translation files ---------------------------------------------------------------------------------------

def _languages(rng: random.Random) -> list[str]:
    """The languages of one unit or entry: Korean and English in some order, at times another, one or none."""
    usual = [SAMPLE_LANGUAGE.tag, ENGLISH.tag] + ([rng.choice(_LANGS)] if rng.random() < 0.2 else [])
    rng.shuffle(usual)
    return rng.sample(usual, rng.randint(0, len(usual))) if _odd(rng) else usual


# Spellings of the two languages a reader must accept or refuse: regions, case, underscores, aliases, junk.
_SRC, _ENG = SAMPLE_LANGUAGE.tag, ENGLISH.tag
_LANGS = (_SRC, f"{_SRC}-KR", _SRC.upper(), f"{_SRC}_KR", *SAMPLE_LANGUAGE.aliases, _ENG, f"{_ENG}-US",
          _ENG.upper(), f"{_ENG}_GB", "", f"x-{_SRC}", f"{_SRC}-", "-", "ja",
          *(language.tag for language in SOURCE_LANGUAGES))
_ENCODINGS = (("UTF-8", "utf-8"), ("UTF-8", "utf-8"), ("UTF-16", "utf-16"), ("ISO-8859-1", "latin-1"),
              ("EUC-KR", "euc-kr"), (None, "utf-8"))
_BAD_ENCODINGS = (("UTF-16", "utf-8"), ("x-bogus", "utf-8"), ("UTF-8", "utf-16-le"), ("UTF-8", "euc-kr"),
                  ("UTF-32", "utf-32"), ("", "utf-8"))
_ENTITIES = ("&amp;", "&lt;", "&#xD800;", "&#x1F600;", "&#0;", "&#x110000;", "&nbsp;", "&undefined;", "&#65;",
             "&#x;", "&", "<", "]]>", "&e;")


def _xml_text(rng: random.Random) -> str:
    text = phrase(rng, 0, 6)
    if _odd(rng):
        return text + rng.choice(_ENTITIES)
    if rng.random() < 0.05:
        return f"<![CDATA[{text}]]>"
    if rng.random() < 0.05:
        return f"<!-- {text} --><?pi {text}?>"
    return escape(text)


def _xml_inline(rng: random.Random, tags: dict[str, tuple[str, ...]], depth: int = 0) -> str:
    """Mixed content: text and inline elements of `tags` (name → attribute names), nested; rarely very deep."""
    if depth == 0 and _odd(rng) and rng.random() < 0.05:
        name = rng.choice(list(tags))
        n = rng.choice((70, 500, 1500))
        return f"<{name}>" * n + _xml_text(rng) + f"</{name}>" * n
    parts = [_xml_text(rng)]
    for _ in range(rng.randint(0, 3) if depth < 3 else 0):
        name = rng.choice(list(tags))
        attrs = "".join(f" {attr}={quoteattr(rng.choice(('1', '2', '1', '', 'a', '-1', '99999999999999999999', '01')))}"
                        for attr in tags[name] if rng.random() < 0.85)
        if rng.random() < 0.4:
            parts.append(f"<{name}{attrs}/>")
        else:
            parts.append(f"<{name}{attrs}>{_xml_inline(rng, tags, depth + 1)}</{name}>")
        parts.append(_xml_text(rng))
    return "".join(parts)


def _xml_document(rng: random.Random, body: str) -> bytes:
    declared, codec = _pick(rng, _ENCODINGS, _BAD_ENCODINGS)
    version = _pick(rng, ("1.0",), ("1.1", "2.0", ""))
    head = "" if declared is None else f'<?xml version="{version}" encoding="{declared}"?>\n'
    if _odd(rng):
        head += rng.choice(('<!DOCTYPE x [<!ENTITY e "ㅋㅋ">]>\n', '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">\n',
                            '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'))
    return (head + body).encode(codec, "xmlcharrefreplace")


def _attr(rng: random.Random, name: str, values: tuple[str, ...]) -> str:
    return f" {name}={quoteattr(rng.choice(values))}" if rng.random() < 0.85 else ""


_TMX_INLINE = {"bpt": ("i", "x"), "ept": ("i",), "ph": ("x",), "it": ("pos", "x"), "x": ("x",), "ut": (),
               "hi": ("x", "type"), "sub": ()}
_TMX_DATES = ("20260803T090000Z", "20260803T090100Z", "", "yesterday", "99999999T999999Z", "2026-08-03")
_PEOPLE = ("Soo Min Jo", "Lee Jun-seo", "", " ", "조수민", "a\nb", "x" * 200)


@_wildness
def tmx_bytes(rng: random.Random) -> bytes:
    units = []
    for number in range(rng.randint(0, 12)):
        tuvs = []
        for lang in _languages(rng):
            lang_attr = _pick(rng, ("xml:lang",), ("lang", "xml:Lang"))
            seg = "" if _odd(rng) else f"<seg>{_xml_inline(rng, _TMX_INLINE)}</seg>"
            tuvs.append(f"<tuv {lang_attr}={quoteattr(lang)}{_attr(rng, 'changeid', _PEOPLE)}>{seg}</tuv>")
        attrs = (_attr(rng, "tuid", (f"t{number}", "", "1", "dup")) + _attr(rng, "creationid", _PEOPLE)
                 + _attr(rng, "changeid", _PEOPLE) + _attr(rng, "changedate", _TMX_DATES)
                 + _attr(rng, "creationdate", _TMX_DATES))
        units.append(f"<tu{attrs}>{''.join(tuvs)}</tu>")
    root = _pick(rng, ("tmx",), ("TMX", "xliff", "tmx xmlns=\"urn:x\""))
    body = _pick(rng, ("<body>{}</body>",), ("{}", "<body><body>{}</body></body>", "<body/>{}"))
    header = rng.choice(('<header srclang="ko" segtype="sentence"/>', "", "<header>" + _xml_text(rng) + "</header>"))
    name = root.split()[0]
    return _xml_document(rng, f'<{root} version="1.4">{header}{body.format("".join(units))}</{name}>')


_XLIFF_INLINE = {"g": ("id", "ctype"), "x": ("id",), "ph": ("id",), "bx": ("id",), "ex": ("id",), "bpt": ("id",),
                 "ept": ("id",), "it": ("id", "pos"), "mrk": ("mtype", "mid"), "sub": ()}
_NAMESPACES = ("urn:oasis:names:tc:xliff:document:1.1", "urn:oasis:names:tc:xliff:document:2.0", "", "urn:x")
_STATES = ("translated", "final", "signed-off", "needs-review-translation", "new", "", "x-custom")
_ORIGINS = ("mt|argos|translate-ko_en-copy|1.1", "tm|||", "pe|argos||", "mt", "|||", "mt|a|b|c|d|e", "", "||||||")


@_wildness
def xliff_bytes(rng: random.Random) -> bytes:
    files = []
    for _ in range(_pick(rng, (1,), (0, 2))):
        units = []
        for number in range(rng.randint(0, 8)):
            target = ""
            if rng.random() < 0.85:
                target = f"<target{_attr(rng, 'state', _STATES)}>{_xml_inline(rng, _XLIFF_INLINE)}</target>"
            context = ""
            if rng.random() < 0.6:
                exported = escape(phrase(rng)) if rng.random() < 0.5 else _xml_inline(rng, _XLIFF_INLINE)
                context = (f'<context-group name="rfaflow" purpose="information">'
                           f'<context context-type="x-rfaflow-origin">{escape(rng.choice(_ORIGINS))}</context>'
                           f'<context context-type="x-rfaflow-exported-target">{exported}</context></context-group>')
            unit = (f"<trans-unit{_attr(rng, 'id', (str(number + 1), '', 'headline', 'x y'))}>"
                    f"<source>{_xml_inline(rng, _XLIFF_INLINE)}</source>{target}"
                    f"<note>{_xml_text(rng)}</note>{context}</trans-unit>")
            units.append(f"<group>{unit}</group>" if rng.random() < 0.1 else unit)
        header = ""
        if rng.random() < 0.7:
            header = (f'<header><phase-group><phase phase-name="post-editing" process-name="post-editing"'
                      f"{_attr(rng, 'contact-name', _PEOPLE)}/></phase-group></header>")
        source = _pick(rng, (_SRC, f"{_SRC}-KR"), _LANGS)
        target = _pick(rng, (_ENG, f"{_ENG}-US"), _LANGS)
        files.append(f"<file original=\"draft.md\"{_attr(rng, 'source-language', (source,))}"
                     f"{_attr(rng, 'target-language', (target,))} datatype=\"plaintext\">{header}"
                     f"<body>{''.join(units)}</body></file>")
    namespace = _pick(rng, ("urn:oasis:names:tc:xliff:document:1.2",), _NAMESPACES)
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    version = _pick(rng, ("1.2",), ("1.1", "2.0", "", "x"))
    root = _pick(rng, ("xliff",), ("XLIFF", "tmx"))
    return _xml_document(rng, f'<{root} version="{version}"{xmlns}>{"".join(files)}</{root}>')


_STATUSES = ("deprecatedTerm-admn-sts", "preferredTerm-admn-sts", "admittedTerm-admn-sts", "supersededTerm-admn-sts",
             "", "deprecated")


@_wildness
def tbx_bytes(rng: random.Random) -> bytes:
    entries = []
    for number in range(rng.randint(0, 8)):
        lang_sets = []
        for lang in _languages(rng):
            terms = []
            for _ in range(rng.randint(0 if _odd(rng) else 1, 3)):
                term = _xml_inline(rng, {"hi": ("type",)}) if rng.random() < 0.2 else escape(phrase(rng))
                note = ""
                if rng.random() < 0.3:
                    note = f'<termNote type="administrativeStatus">{rng.choice(_STATUSES)}</termNote>'
                if rng.random() < 0.2:
                    note += f'<note>{_xml_text(rng)}</note><descrip type="definition">{_xml_text(rng)}</descrip>'
                tag = _pick(rng, ("tig",), ("ntig", "termGrp"))
                inner = f"<term>{term}</term>{note}"
                terms.append(f"<ntig><termGrp>{inner}</termGrp></ntig>" if tag == "ntig" else f"<{tag}>{inner}</{tag}>")
            lang_attr = _pick(rng, ("xml:lang",), ("lang",))
            lang_sets.append(f"<langSet {lang_attr}={quoteattr(lang)}>{''.join(terms)}</langSet>")
        descrip = f'<descrip type="definition">{_xml_text(rng)}</descrip>' if rng.random() < 0.3 else ""
        entries.append(f'<termEntry id="e{number}">{descrip}{"".join(lang_sets)}</termEntry>')
    root = _pick(rng, ("martif",), ("tbx", "MARTIF", "tmx"))
    namespace = _pick(rng, ("",), (' xmlns="urn:iso:std:iso:30042:ed-2"', ' xmlns="urn:x"'))
    body = _pick(rng, ("<text><body>{}</body></text>",), ("<body>{}</body>", "{}", "<text>{}</text>"))
    return _xml_document(rng, f'<{root} type="TBX"{namespace} xml:lang="en"><martifHeader/>'
                              f"{body.format(''.join(entries))}</{root}>")


def _csv_cell(rng: random.Random) -> str:
    if not _odd(rng):
        text = phrase(rng, 1, 3)
        return '"' + text.replace('"', '""') + '"' if rng.random() < 0.3 else text.replace(",", " ").replace('"', "")
    roll = rng.randrange(4)
    if roll == 0:
        return '"' + phrase(rng, 0, 3) + rng.choice(("", '" x', '"",', '"""'))
    if roll == 1:
        return rng.choice(("", " ", "#", "source", "target", "note", "\t", '"a,b"', '"line\nbreak"', "\u2028", '"'))
    if roll == 2:
        return rng.choice(_ODD)
    # Long cells, rarely past the csv module's field limit (131,072 characters).
    return '"' + "a" * rng.choice((1000, 1000, 131073)) + '"'


@_wildness
def csv_bytes(rng: random.Random) -> bytes:
    rows = ["source,target,note"] if rng.random() < 0.5 else []
    for _ in range(rng.randint(0, 12)):
        if rng.random() < 0.1:
            rows.append(rng.choice(("# comment", "", ",", ",,,", "  # indented comment", "김정은,Kim Jong Un")))
            continue
        columns = _pick(rng, (2, 3), (0, 1, 4, 30))
        rows.append(_pick(rng, (",",), (";", "\t", ", ")).join(_csv_cell(rng) for _ in range(columns)))
    text = rng.choice(("\n", "\n", "\r\n", "\r")).join(rows)
    codec = _pick(rng, ("utf-8", "utf-8-sig"), ("utf-16", "euc-kr", "latin-1"))
    return text.encode(codec, "replace")


GENERATORS: dict[str, Generator] = {
    "draft": draft_bytes, "tmx": tmx_bytes, "xliff": xliff_bytes, "tbx": tbx_bytes, "csv": csv_bytes,
}


# --- Model packages ----------------------------------------------------------------------------------------------

Member = tuple[str, bytes, int]  # name, content, compression


def _zip_members(data: bytes) -> list[Member]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info), info.compress_type) for info in archive.infolist()]


def _zip(members: list[Member]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are wanted here
        with zipfile.ZipFile(out, "w") as archive:
            for name, content, compression in members:
                archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), content, compression)
    return out.getvalue()


def _metadata(rng: random.Random) -> bytes:
    """metadata.json variants: odd values for the fields Argos and rfaflow read, and files that are not JSON."""
    roll = rng.randrange(10)
    if roll == 0:
        return rng.choice((b"", b"{", b"not json", b"\xff\xfe{}", b"[]", b'"text"', b"null", b"1e999", b"NaN",
                           b"\xef\xbb\xbf{}", b'{"from_code": "ko", "from_code": "en"}'))
    if roll == 1:
        depth = rng.choice((100, 2000, 100000))
        return b"[" * depth + b"]" * depth
    metadata: dict[str, Any] = {"package_version": "1.1", "argos_version": "1.9", "from_code": _SRC,
                                "to_code": _ENG,
                                "from_name": "Korean", "to_name": "English", "type": "translate"}
    odd: tuple[Any, ...] = ("", None, 0, 1.5, True, [], [_SRC], {"a": 1}, _SRC.upper(), f"{_SRC}-KR", "x" * 300,
                            "\u0000", f"{_SRC}\n{_ENG}", "../x", "9" * 5000)
    extra_fields = ["target_prefix", "package_name", "links", "languages"]
    for field in rng.sample(list(metadata) + extra_fields, rng.randint(1, 3)):
        if rng.random() < 0.2:
            metadata.pop(field, None)
        else:
            metadata[field] = rng.choice(odd + ("sbd", "translate", "1.1", "1.1.1.1", "v1", "▁"))
    text = json.dumps(metadata, ensure_ascii=rng.random() < 0.5)
    return text.encode("utf-16" if rng.random() < 0.05 else "utf-8")


_TOPS = ("translate-ko_en-copy", "translate-ko_en-copy", "other", ".hidden", "..", ".", " ", "a:b", "x" * 300,
         "패키지", "packages", ".staging-x", ".retired", "a\nb", "top\\x", "con")


def package_bytes(rng: random.Random, members: list[Member]) -> bytes:
    """The copy model's zip rebuilt with structural damage: members replaced, truncated, dropped, added or given
    twice, metadata.json variants, another top folder, odd names and compressions."""
    members = [(name, content, zipfile.ZIP_STORED if len(content) > 1 << 20 else compression)
               for name, content, compression in members]
    top = members[0][0].split("/")[0]
    for _ in range(rng.randint(1, 3)):
        roll = rng.randrange(9)
        index = rng.randrange(len(members)) if members else 0
        if roll <= 1:
            members = [(name, _metadata(rng), c) if name.endswith("metadata.json") else (name, content, c)
                       for name, content, c in members]
        elif roll == 2 and members:
            name, content, c = members[index]
            members[index] = (name, rng.choice((b"", rng.randbytes(64), content[: rng.randrange(len(content) + 1)])), c)
        elif roll == 3 and members:
            del members[index]
        elif roll == 4 and members:
            name, content, c = members[index]
            members.insert(rng.randrange(len(members) + 1), (name, rng.choice((content, b"", b"{}")), c))
        elif roll == 5:
            extra = rng.choice(("other/x", f"{top}/model/", f"{top}/../../escape", "/abs", f"{top}\\win",
                                f"{top}/./metadata.json", f"{top}//x", f"{top}/" + "y" * 300, f"{top}/패키지.txt",
                                f"{top}/a\nb", top, f"{top}/metadata.json/", f"{top}/model/model.bin/x", "", "/",
                                f"{top}/.", "./x", f"{top}/sentencepiece.model/"))
            members.insert(rng.randrange(len(members) + 1), (extra, rng.choice((b"", b"x" * 10)), zipfile.ZIP_STORED))
        elif roll == 6:
            new_top = rng.choice(_TOPS)
            members = [(new_top + name[len(top):] if name.startswith(top) else name, content, c)
                       for name, content, c in members]
            top = new_top
        elif roll == 7 and members:
            name, content, _ = members[index]
            method = zipfile.ZIP_STORED if len(content) > 1 << 16 else rng.choice(
                (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA))
            members[index] = (name, content, method)
        else:
            rng.shuffle(members)
    return _zip(members)


_ZIP_RECORDS = ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46), (b"PK\x05\x06", 22))


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """Damage a zip where its structure is: fields of its local, central and end records (flags, compression
    methods, sizes, name lengths, CRCs, offsets), and sometimes anywhere."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        signature, size = rng.choice(_ZIP_RECORDS)
        offsets = [m.start() for m in re.finditer(re.escape(signature), bytes(buffer))]
        if not offsets or rng.random() < 0.15:
            buffer = bytearray(mutate(bytes(buffer), rng, limit=len(buffer) + 4096))
            continue
        at = rng.choice(offsets) + rng.randrange(4, size - 1)
        width = rng.choice((1, 2, 2, 4))
        value = rng.choice((0, 1, 0xFF, 0xFFFF, 0xFFFFFFFF, 99, 12, 14, rng.getrandbits(8 * width)))
        buffer[at : at + width] = struct.pack("<Q", value & ((1 << 64) - 1))[:width]
    return bytes(buffer)


# --- Byte mutations ----------------------------------------------------------------------------------------------

TOKENS = (b"---", b"\n---\n", b"\r\n", b"\r", "\ufeff".encode(), b"\x00", b"&", b"*", b"<g1>", b"</g1>", b"<x1/>",
          b"]]>", b"&#xD800;", b"\xff", b"\xed\xa0\x80", b"\xc3", b"#", b": ", b" #", b"\\", b"`", b"[", b"](", b">",
          b"<", b"\t", b"\x1b", "\u2028".encode(), "\x85".encode(), b"!!timestamp ", b"*a", b"&a ", b"{", b"}",
          b"'", b'"', b"&amp;", b"&#0;", b"&e;", b"<![CDATA[", b"<!--", b"\n\n", b"    ", b"- ", b"1. ", b"> ",
          b"```", b"**", b"_", b"|", b"%", b"\\ud800", b"\\e", b"9" * 4400, b"<hi>" * 100)


def mutate(data: bytes, rng: random.Random, limit: int = MAX_TEXT_INPUT) -> bytes:
    """`data` with a few random edits: bit flips, interesting tokens inserted, slices cut, duplicated or moved,
    truncation, line endings changed."""
    buffer = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3, 5))):
        roll = rng.randrange(8)
        at = rng.randrange(len(buffer) + 1)
        if roll == 0 and buffer:
            at = rng.randrange(len(buffer))
            if rng.random() < 0.7:  # mostly an ASCII byte's low bits: the text stays UTF-8 and reaches the parser
                at = next((i for i in (rng.randrange(len(buffer)) for _ in range(8)) if buffer[i] < 0x80), at)
                buffer[at] ^= 1 << rng.randrange(7)
            else:
                buffer[at] ^= 1 << rng.randrange(8)
        elif roll == 1 and buffer:
            interesting = (0, 0x0A, 0x0D, 0x20, 0x7F, 0x80, 0xC0, 0xFF, rng.randrange(256))
            buffer[rng.randrange(len(buffer))] = rng.choice(interesting)
        elif roll in (2, 3):
            if rng.random() < 0.5:  # at a line start, where Markdown, YAML and CSV read structure
                at = bytes(buffer).rfind(b"\n", 0, at) + 1
            buffer[at:at] = rng.choice(TOKENS)
        elif roll == 4:
            end = min(len(buffer), at + rng.choice((1, 4, 64, 1024)))
            del buffer[at:end]
        elif roll == 5 and buffer:
            start = rng.randrange(len(buffer))
            piece = buffer[start : start + rng.choice((1, 16, 256, 4096))]
            buffer[at:at] = piece * rng.choice((1, 1, 2, 10))
        elif roll == 6:
            del buffer[rng.randrange(len(buffer) + 1) :]
        else:
            old, new = rng.choice(((b"\n", b"\r\n"), (b"\n", b"\r"), (b"\r\n", b"\n"), (b" ", b"\t"), (b"\n", b"")))
            buffer = bytearray(bytes(buffer).replace(old, new, rng.choice((1, 5, -1))))
        if len(buffer) > limit:
            del buffer[limit:]
    return bytes(buffer)

