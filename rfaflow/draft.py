"""Drafts: Markdown with YAML front matter, read into a validated `Draft`.

The front matter is split off and parsed here rather than with python-frontmatter, which silently drops a
front matter that is not a mapping and reads an unclosed one as body text: both must be errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from rfaflow import config, limits
from rfaflow.document import Block, Text, parse_body
from rfaflow.errors import CONTROL_CHARACTER, DraftError, clip, control_problem, decode_utf8, from_os_error
from rfaflow.languages import DEFAULT_SOURCE, SOURCE_LANGUAGES, Language, resolve

_REQUIRED_TEXT = ("headline", "service", "reporter")
# `slug` is carried into batch manifests; output paths never come from it.
_OPTIONAL_TEXT = ("english_headline", "translator", "english_writer", "dateline", "language", "slug")
KNOWN_FIELDS = frozenset(_REQUIRED_TEXT + _OPTIONAL_TEXT + ("date", "tags", "notes"))

_DELIMITER = re.compile(r"^---[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Draft:
    """A reporter's draft. `notes` are private to editors and must never be rendered."""

    path: Path
    headline: str
    date: dt.date
    service: str
    reporter: str
    blocks: list[Block[Text]]
    language: Language = DEFAULT_SOURCE
    english_headline: str | None = None
    translator: str | None = None
    english_writer: str | None = None
    dateline: str | None = None
    slug: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    # What reading the draft changed or doubts, for the editor (a Zawgyi conversion, Simplified text in a
    # Traditional draft); printed by render, kept in batch manifests.
    notices: tuple[str, ...] = ()


def read_draft(path: Path | str) -> Draft:
    """Read and validate a draft file; any problem raises `DraftError` naming the file and the field."""
    path = Path(path)
    return parse_draft(path, read_draft_bytes(path))


def parse_draft(path: Path, data: bytes) -> Draft:
    """Validate a draft's bytes; `path` only names it in errors and in the result."""
    text = decode_draft_bytes(path, data)
    meta, body, body_line = split_front_matter(path, text)
    fields = validate_front_matter(path, meta)
    body, fields["notices"] = _in_unicode_normal_form(path, body, fields)
    blocks = parse_body(body)
    if not any(block.lines for top in blocks for block in top.walk()):
        raise DraftError(f"the body is empty (line {body_line} on); write the story below the front matter", path)
    return Draft(path=path, blocks=blocks, **fields)


# The fields whose text is translated or shown in the draft's language, read as its body is.
_SOURCE_TEXT_FIELDS = ("headline", "dateline")


def _in_unicode_normal_form(path: Path, body: str, fields: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The body (and, in `fields`, the headline and dateline) in Unicode and the language's normal form, so that
    segmentation, memory look-up, MT and QA all see one spelling; and the notices that says what was done.

    A legacy encoding (Burmese Zawgyi) is converted first, as the desk configures (RFAFLOW_LEGACY_ENCODING), since
    normalising Zawgyi as if it were Unicode reorders its marks. Text not in the language's script is an error,
    sibling-variant characters (Simplified in a zh-Hant draft) a notice.
    """
    from rfaflow.orthography import script_problem

    language: Language = fields["language"]
    notices = []
    texts = {name: fields[name] for name in _SOURCE_TEXT_FIELDS if name in fields}
    legacy = language.legacy_encoding
    if legacy is not None and legacy.detect(body):
        if config.legacy_encoding_policy() == "refuse":
            raise DraftError(f"the text is in the legacy {legacy.name} encoding, not Unicode; convert it to Unicode "
                             "(or set RFAFLOW_LEGACY_ENCODING=convert)", path)
        body, texts = legacy.convert(body), {name: legacy.convert(text) for name, text in texts.items()}
        notices.append(f"converted from {legacy.name} to Unicode")
    body = language.normalise(body)
    fields.update((name, language.normalise(text)) for name, text in texts.items())
    problem = script_problem("\n".join([fields["headline"], body]), language)
    if problem:
        raise DraftError(f"{problem}; fix the 'language' field or the text", path)
    warning = language.variant_warning(body) if language.variant_warning else None
    if warning:
        notices.append(warning)
    return body, tuple(notices)


def read_draft_bytes(source: Path | BinaryIO, name: Path | None = None) -> bytes:
    """A draft file's bytes (or a stream's, named `name` in errors), refused past MAX_DRAFT_BYTES."""
    path = name or Path(str(source))
    try:
        if isinstance(source, Path):
            if source.is_dir():
                raise DraftError("is a directory, not a draft file", path)
            if source.exists() and not source.is_file():  # a FIFO or a device would block or never end
                raise DraftError("is not a regular file", path)
            with source.open("rb") as handle:  # read to the limit: a file that grows after a stat() cannot slip by
                data = handle.read(limits.MAX_DRAFT_BYTES + 1)
                size = os.fstat(handle.fileno()).st_size
        else:
            data = source.read(limits.MAX_DRAFT_BYTES + 1)
            size = len(data)
    except OSError as err:
        raise from_os_error(err, path, DraftError) from None
    if len(data) > limits.MAX_DRAFT_BYTES:
        shown = f"{size / 1e6:.1f} MB" if size > len(data) else f"over {limits.MAX_DRAFT_BYTES // 2**20} MB"
        raise DraftError(f"file is {shown}; drafts over {limits.MAX_DRAFT_BYTES // 2**20} MB are refused", path)
    return data


def looks_like_draft(text: str) -> bool:
    """Whether decoded text opens with front matter (after blank lines, which split_front_matter then refuses)."""
    return bool(_DELIMITER.fullmatch(text.lstrip().split("\n", 1)[0]))


def decode_draft_bytes(path: Path, data: bytes) -> str:
    """The draft's text: UTF-8 (a BOM dropped), line ends made \\n, and no control character anywhere (they would
    reach briefs and terminals unseen)."""
    if b"\x00" in data:
        raise DraftError("binary file (contains NUL bytes), not a Markdown draft", path)
    text = decode_utf8(data, path, DraftError, "save the file as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = CONTROL_CHARACTER.search(text)  # after the line ends are made \n, so CR cannot pass as whitespace
    if control:
        raise DraftError(control_problem(control.group(), text.count("\n", 0, control.start()) + 1), path)
    return text


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter mapping, body, first line number of the body), from a draft's decoded text."""
    if not text.strip():
        raise DraftError("file is empty", path)
    first_line = text.split("\n", 1)[0]
    if not _DELIMITER.fullmatch(first_line):
        if looks_like_draft(text):
            line = text[: len(text) - len(text.lstrip())].count("\n") + 1
            raise DraftError(f"the front matter's '---' must be the first line, not line {line}; remove the blank "
                             "lines above it", path)
        raise DraftError("no front matter: the draft must start with a '---' line, then YAML fields, then '---'", path)
    closing = _DELIMITER.search(text, len(first_line) + 1)
    if closing is None:
        raise DraftError("front matter is not closed: add a '---' line after the YAML fields", path)
    yaml_text = text[len(first_line) + 1 : closing.start()]
    _check_plain_text_values(path, yaml_text)
    try:
        loader = _FrontMatterLoader(yaml_text, path)  # the reader refuses control characters up front
    except yaml.reader.ReaderError as err:
        line = yaml_text.count("\n", 0, err.position) + 2
        problem = f"character #x{err.character:04x} is not allowed"
        raise DraftError(f"malformed front matter on line {line}: {problem}", path) from None
    try:
        meta = loader.get_single_data()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        # Problems can quote the draft (an alias or tag name), so they are cut like any excerpt.
        problem = clip(getattr(err, "problem", None) or "invalid YAML", 100)
        raise DraftError(f"malformed front matter{where}: {problem}", path) from None
    # Raised while scanning, before any value is built (values report their own line, see _FrontMatterLoader).
    except (ValueError, OverflowError):  # a %YAML version or a \U escape past what Python can hold
        problem = "a number too large for YAML"
        raise DraftError(f"malformed front matter on line {loader.line + 2}: {problem}", path) from None
    finally:
        loader.dispose()
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DraftError(f"front matter must be 'field: value' lines, not a YAML {type(meta).__name__}", path)
    body_line = text.count("\n", 0, closing.end()) + 2
    return meta, text[closing.end() :], body_line


def validate_front_matter(path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    for name in meta:
        if name not in KNOWN_FIELDS:
            guess = difflib.get_close_matches(str(name), KNOWN_FIELDS, n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else f"; known fields: {', '.join(sorted(KNOWN_FIELDS))}"
            raise DraftError(f"unknown field {_excerpt(str(name))}{hint}", path)
    fields: dict[str, Any] = {}
    for name in _REQUIRED_TEXT:
        if meta.get(name) is None:
            raise DraftError(f"missing field '{name}'", path)
    for name in _REQUIRED_TEXT + _OPTIONAL_TEXT:
        if meta.get(name) is not None:
            fields[name] = _text(path, name, meta[name])
    fields["date"] = _date(path, meta.get("date"))
    fields["tags"] = _tags(path, meta.get("tags"))
    if meta.get("notes") is not None:
        fields["notes"] = _notes(path, meta["notes"])
    fields["language"] = _language(path, fields.get("language"))
    return fields


def _language(path: Path, tag: str | None) -> Language:
    if tag is None:
        return DEFAULT_SOURCE
    language = resolve(tag)
    if language not in SOURCE_LANGUAGES:
        supported = ", ".join(language.tag for language in SOURCE_LANGUAGES)
        raise DraftError(f"field 'language': {_excerpt(tag)} is not a service language (write one of: {supported})",
                         path)
    return language


def _text(path: Path, name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise DraftError(f"field '{name}' must be text, not {_yaml_type(value)}", path)
    value = " ".join(value.split())
    if not value:
        raise DraftError(f"field '{name}' is empty", path)
    return value


def _date(path: Path, value: Any) -> dt.date:
    if value is None:
        raise DraftError("missing field 'date' (write it as YYYY-MM-DD)", path)
    if isinstance(value, dt.datetime):  # only an explicit !!timestamp: plain dates stay text (see _FrontMatterLoader)
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if _ISO_DATE.fullmatch(text[:10]):
        try:
            day = dt.date.fromisoformat(text[:10])
        except ValueError:
            raise DraftError(f"field 'date': {text[:10]} is not a real date (write it as YYYY-MM-DD)", path) from None
        if len(text) == 10:
            return day
        try:  # a time after the day, which YAML timestamps allow, must be real too; a brief keeps only the day
            dt.datetime.fromisoformat(text)
            return day
        except ValueError:
            pass
    raise DraftError(f"field 'date' must be a date written YYYY-MM-DD, not {_excerpt(value)}", path)


def _tags(path: Path, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(tag, str) and tag.strip() for tag in value):
        raise DraftError("field 'tags' must be a list of words, e.g. [economy, trade]", path)
    return [tag.strip() for tag in value]


def _notes(path: Path, value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(note, str) for note in value):
        return "\n".join(value)
    raise DraftError(f"field 'notes' must be text or a list of texts, not {_yaml_type(value)}", path)


def _yaml_type(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
    return names.get(type(value), f"a {type(value).__name__}")


_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves unquoted dates as text for `_date` to check (SafeLoader builds them itself, and an
    impossible one such as 2026-02-30 escapes as a bare ValueError), refuses a field given twice (YAML keeps the
    last silently), and turns a value YAML cannot build (a bad !!timestamp, an int past Python's 4,300-digit limit)
    into a one-line DraftError naming its line.

    Its size is bounded before anything is built: no aliases (a 529-byte alias bomb expands to gigabytes, and a
    draft has no use for them), at most MAX_FRONT_MATTER_DEPTH levels (deep nesting would exhaust Python's stack)
    and MAX_FRONT_MATTER_NODES values. A text value holding a control character or a lone surrogate (which YAML's
    escapes can write, and UTF-8 cannot) is refused too."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str, path: Path) -> None:
        super().__init__(stream)
        self.path = path
        self.depth = self.nodes = 0

    def _refuse(self, mark: Any, problem: str) -> DraftError:  # a yaml Mark (pure-Python or libyaml) or None
        where = f" on line {mark.line + 2}" if mark is not None else ""
        return DraftError(f"malformed front matter{where}: {problem}", self.path)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise self._refuse(event.start_mark, "aliases (*name) are not allowed; write the value out")
        self.nodes += 1
        if self.nodes > limits.MAX_FRONT_MATTER_NODES:
            raise self._refuse(event.start_mark, f"more than {limits.MAX_FRONT_MATTER_NODES:,} values")
        self.depth += 1
        try:
            if self.depth > limits.MAX_FRONT_MATTER_DEPTH:
                raise self._refuse(event.start_mark, "lists or mappings nested too deeply")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
        except (ValueError, OverflowError):
            kind = "a date (write it as YYYY-MM-DD)" if node.tag == _TIMESTAMP else node.tag.rsplit(":", 1)[-1]
            raise self._refuse(node.start_mark, f"cannot read {_excerpt(node.value)} as {kind}") from None
        if isinstance(value, str):
            bad = CONTROL_CHARACTER.search(value) or _SURROGATE.search(value)
            if bad:
                char = bad.group()
                problem = (control_problem(char) if CONTROL_CHARACTER.match(char) else
                           f"holds \\u{ord(char):04x}, half of a UTF-16 pair, which is not a character; write the "
                           "character itself")
                raise self._refuse(node.start_mark, f"the value {problem}")
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> dt.date:
        # SafeConstructor assumes the text has a timestamp's shape: `!!timestamp soon` would raise AttributeError.
        if not self.timestamp_regexp.match(self.construct_scalar(node)):
            raise ValueError(node.value)
        return super().construct_yaml_timestamp(node)

    def construct_document(self, node: yaml.Node) -> Any:
        # Only the fields are checked: no field takes a mapping, so validation refuses a nested one anyway.
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_fields(self.path, node)
        return super().construct_document(node)


_FrontMatterLoader.add_constructor(_TIMESTAMP, _FrontMatterLoader.construct_yaml_timestamp)


def _refuse_duplicate_fields(path: Path, node: yaml.MappingNode) -> None:
    first_lines: dict[tuple[str, str], int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 2
        if (key.tag, key.value) in first_lines:
            first = first_lines[(key.tag, key.value)]
            problem = f"is given twice, on lines {first} and {line}; keep one (YAML would silently keep the last)"
            raise DraftError(f"field {_excerpt(key.value)} {problem}", path)
        first_lines[(key.tag, key.value)] = line


# YAML reads a text field's (or notes') plain, unquoted value differently from how a Korean headline is often
# typed, so those values are checked on the raw lines before YAML sees them, and three pitfalls are refused,
# naming the line and the field and showing the value quoted. Nothing is guessed: a value is never read other
# than as typed.
#   - '#' opening a plain value or after a space or tab in it (on its key line or an indented continuation
#     line): YAML takes the rest as a comment and silently cuts the value (`headline: 북한 신의주 #2 공장`
#     would read '북한 신의주');
#   - ': ' (or ':' ending a line) inside a plain value: YAML fails with "mapping values are not allowed here";
#   - a value that opens with a quotation mark and goes on after the closing one (`headline: "핵실험" 준비`):
#     YAML fails with "expected <block end>, but found '<scalar>'".
# Quoted, block (| and >) and flow ([ ] { }) values are left to YAML and read as before, as are '#' with no
# space before it (`신의주#2`), quotation marks inside a plain value (`북한 "핵실험" 준비`) and comment lines
# that start at column 0.
_FIELD_LINE = re.compile(r"""(["']?)(?P<name>\w+)\1[ \t]*:(?P<value>(?:[ \t].*)?)""")
_NOT_PLAIN = re.compile(r"""[\[\]{}|>&*!%@`,]|[-?:](?:[ \t]|$)""")
_PLAIN_PITFALL = re.compile(r"(?P<comment>(?:^|[ \t])#)|:(?:[ \t]|$)")
_QUOTED = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'""")
_COMMENT_AFTER = re.compile(r"[ \t]+#")


def _check_plain_text_values(path: Path, yaml_text: str) -> None:
    lines = yaml_text.split("\n")
    for start, line in enumerate(lines):
        match = _FIELD_LINE.fullmatch(line)
        if match is None or match["name"] not in _REQUIRED_TEXT + _OPTIONAL_TEXT + ("notes",):
            continue
        end = start + 1
        while end < len(lines) and lines[end][:1] in ("", " ", "\t"):  # blank or indented: still this value
            end += 1
        pieces = [(start + 2, match["value"].strip())] + [(n + 2, lines[n].strip()) for n in range(start + 1, end)]
        pieces = [(number, piece) for number, piece in pieces if piece]
        if pieces:
            _check_text_value(path, match["name"], pieces)


def _check_text_value(path: Path, name: str, pieces: list[tuple[int, str]]) -> None:
    """`pieces`: (line number, stripped text) of one text field's value lines, blank ones left out."""
    first_line, first = pieces[0]
    whole = " ".join(piece for _, piece in pieces)
    fix = f"put the whole value in quotes: {name}: {_quoted(clip(whole))}"
    if first[0] in "\"'":
        closed = _QUOTED.match(first)  # None: the quoted value goes on over the next lines, YAML's to read
        after = first[closed.end() :] if closed else ""
        if after and not _COMMENT_AFTER.match(after):
            raise DraftError(f"line {first_line}: field '{name}' starts with a quotation mark but goes on after the "
                             f"closing one, which YAML cannot read; {fix}", path)
        return
    if _NOT_PLAIN.match(first):
        return
    before: list[str] = []
    for number, piece in pieces:
        pitfall = _PLAIN_PITFALL.search(piece)
        if pitfall is None:
            before.append(piece)
        elif pitfall["comment"]:
            kept = " ".join([*before, piece[: pitfall.start()]]).strip()
            noun = name.replace("_", " ")
            effect = f"would cut the {noun} to {_excerpt(kept)}" if kept else f"would leave the {noun} empty"
            raise DraftError(f"line {number}: field '{name}' has ' #', which YAML reads as the start of a comment "
                             f"and {effect}; {fix}", path)
        else:
            raise DraftError(f"line {number}: field '{name}' has ': ' inside its value, which YAML cannot read "
                             f"unquoted; {fix}", path)


def _quoted(text: str) -> str:
    """`text` as a YAML quoted value to paste: single quotes when it holds a double quote or a backslash."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _excerpt(value: Any) -> str:
    """A bad value quoted in a message: short and escaped, never the whole of a long or multi-line value."""
    return f"'{clip(value)}'" if isinstance(value, str) else clip(repr(value))
