"""Drafts: Markdown with YAML front matter, read into a validated `Draft`.

The front matter is split off and parsed here rather than with python-frontmatter, which silently drops a
front matter that is not a mapping and reads an unclosed one as body text: both must be errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rfaflow.errors import DraftError, decode_utf8

SUPPORTED_LANGUAGES = {"ko": "Korean"}
MAX_DRAFT_BYTES = 5 * 1024 * 1024

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
    paragraphs: list[str]
    language: str = "ko"
    english_headline: str | None = None
    translator: str | None = None
    english_writer: str | None = None
    dateline: str | None = None
    slug: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str | None = None


def read_draft(path: Path | str) -> Draft:
    """Read and validate a draft file; any problem raises `DraftError` naming the file and the field."""
    path = Path(path)
    return parse_draft(path, read_draft_bytes(path))


def parse_draft(path: Path, data: bytes) -> Draft:
    """Validate a draft's bytes; `path` only names it in errors and in the result."""
    text = decode_draft_bytes(path, data)
    meta, body, body_line = split_front_matter(path, text)
    fields = validate_front_matter(path, meta)
    paragraphs = body_paragraphs(body)
    if not paragraphs:
        raise DraftError(f"the body is empty (line {body_line} on); write the story below the front matter", path)
    return Draft(path=path, paragraphs=paragraphs, **fields)


def read_draft_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DRAFT_BYTES:
            raise DraftError(f"file is {size / 1e6:.1f} MB; drafts over {MAX_DRAFT_BYTES // 2**20} MB are refused", path)
        return path.read_bytes()
    except IsADirectoryError:
        raise DraftError("is a directory, not a draft file", path) from None
    except FileNotFoundError:
        raise DraftError("no such file", path) from None
    except PermissionError:
        raise DraftError("permission denied", path) from None


def decode_draft_bytes(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise DraftError("binary file (contains NUL bytes), not a Markdown draft", path)
    text = decode_utf8(data, path, DraftError, "save the draft as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter mapping, body, first line number of the body)."""
    if not text.strip():
        raise DraftError("file is empty", path)
    first_line = text.split("\n", 1)[0]
    if not _DELIMITER.fullmatch(first_line):
        raise DraftError("no front matter: the draft must start with a '---' line, then YAML fields, then '---'", path)
    closing = _DELIMITER.search(text, len(first_line) + 1)
    if closing is None:
        raise DraftError("front matter is not closed: add a '---' line after the YAML fields", path)
    yaml_text = text[len(first_line) + 1 : closing.start()]
    try:
        meta = yaml.safe_load(yaml_text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise DraftError(f"malformed front matter{where}: {problem}", path) from None
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
            raise DraftError(f"unknown field '{name}'{hint}", path)
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
    language = fields.get("language", "ko").lower()
    if language not in SUPPORTED_LANGUAGES:
        supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
        raise DraftError(f"field 'language': '{language}' is not supported (supported: {supported})", path)
    fields["language"] = language
    return fields


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
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DraftError(f"field 'date' must be a date written YYYY-MM-DD, not {value!r}", path)


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


def body_paragraphs(body: str) -> list[str]:
    """Paragraphs are separated by blank lines; hard-wrapped lines inside one are joined with a space."""
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", body):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            paragraphs.append(joined)
    return paragraphs
