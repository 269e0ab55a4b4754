"""The one exception family of rfaflow: messages are written for editors and name the file, the problem and the fix."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    QA_ERRORS = 4  # `rfaflow check` found errors
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class RfaflowError(Exception):
    """A failure an editor can act on. `str()` is the whole one-line message."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = None if path is None else Path(path)
        self.message = message
        super().__init__(f"{path}: {message}" if path is not None else message)


class DraftError(RfaflowError):
    """A draft file that cannot be read or fails validation."""


class MemoryFileError(RfaflowError):
    """A translation memory (TMX) that cannot be read."""


class ModelError(RfaflowError):
    """A translation model package that is missing, corrupt or cannot be installed."""


class TranslationMissing(RfaflowError):
    """Segments that neither the memory nor an installed model can translate."""


class QaErrors(RfaflowError):
    """Briefs that `--strict` refuses to write because QA found errors in them."""

    exit_code = ExitCode.QA_ERRORS


class TemplateFailure(RfaflowError):
    """A template that is missing or fails to render."""


def clip(text: str, limit: int = 40) -> str:
    """`text` for a one-line message: control characters escaped as repr() writes them, cut after `limit`."""
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text[:limit])
    return f"{shown}…" if len(text) > limit else shown


def decode_utf8(data: bytes, path: Path | str, error: type[RfaflowError] = RfaflowError, advice: str = "") -> str:
    """UTF-8 text (a BOM dropped), or `error` naming the first bad byte and its line: the one wording for every file
    an editor hands rfaflow."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        suffix = f"; {advice}" if advice else ""
        raise error(f"not UTF-8 (byte 0x{data[err.start]:02x} on line {line}){suffix}", path) from None
