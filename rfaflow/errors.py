"""The one exception family of rfaflow: messages are written for editors and name the file, the problem and the fix."""

from __future__ import annotations

import errno
import re
from enum import IntEnum
from pathlib import Path

from rfaflow.limits import MESSAGE_EXCERPT_CHARS


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    QA_ERRORS = 4  # `rfaflow check` found errors
    INTERNAL = 70  # a bug in rfaflow (EX_SOFTWARE): reported in one line, with the traceback under --debug
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


class RunFailure(RfaflowError):
    """A failure of the run itself, not of one input: the store, the output folder, the disk. A batch stops on it
    rather than recording it against a draft."""


class StoreError(RunFailure):
    """rfaflow's own database cannot be opened, read or written."""


class OutputError(RunFailure):
    """An output file or folder cannot be written."""


_OS_PROBLEMS = {
    errno.ENOSPC: "no space left on the disk; free some and rerun",
    errno.EDQUOT: "disk quota exceeded; free some space and rerun",
    errno.EROFS: "read-only file system; choose another place",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOENT: "no such file",
    errno.EEXIST: "already exists and is not a folder",
    errno.ENAMETOOLONG: "name too long for the file system",
    errno.EMFILE: "too many open files; close some programs and rerun",
    errno.EIO: "input/output error from the disk",
}


def os_problem(err: OSError) -> str:
    """An OSError as the problem part of a one-line message (no path, no errno number)."""
    known = _OS_PROBLEMS.get(err.errno or 0)
    return known or clip(err.strerror or str(err) or type(err).__name__, 80)


def from_os_error(err: OSError, path: Path | str, error: type[RfaflowError] = OutputError,
                  doing: str = "") -> RfaflowError:
    """`error` for `err` met while `doing` ("cannot write", say) on `path`: one line naming the file and the fix."""
    where = err.filename if isinstance(err.filename, str) and err.filename != str(path) else None
    problem = os_problem(err) + (f" ({where})" if where else "")
    return error(f"{doing}: {problem}" if doing else problem, path)


def _escaped(char: str) -> str:
    if "\udc80" <= char <= "\udcff":  # a byte of a file name that is not UTF-8, as os.fsdecode holds it
        return f"\\x{ord(char) - 0xDC00:02x}"
    return ascii(char)[1:-1]


# What must not reach a terminal raw: control characters (a draft's ESC sequence could clear the screen or retitle
# the window), lone surrogates (unencodable) and the bidirectional overrides that reorder what a line shows.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


# C0 controls but tab, line feed and carriage return, DEL, C1 controls: never text in a draft or a translation file,
# often the start of a terminal escape sequence; refused where they are read, since they would reach briefs unseen.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_problem(char: str, line: int | None = None) -> str:
    """The problem part of a message for a control character (on `line`, when known)."""
    where = f"line {line} " if line is not None else ""
    return f"{where}holds the control character U+{ord(char):04X}, which is not text; remove it"


def terminal_text(text: str) -> str:
    """`text` safe to print as one line: every unsafe character (newlines too) shown escaped, as repr() writes it."""
    return _UNSAFE.sub(lambda match: _escaped(match.group()), text)


def clip(text: str, limit: int = MESSAGE_EXCERPT_CHARS) -> str:
    """`text` for a one-line message: made terminal-safe (see terminal_text), cut after `limit` characters."""
    shown = "".join(_escaped(ch) if not ch.isprintable() else ch for ch in terminal_text(text[:limit]))
    return f"{shown}…" if len(text) > limit else shown


def internal_error(err: Exception) -> str:
    """An exception no reader turned into a message, as the start of one line: it is a bug in rfaflow."""
    return f"internal error ({type(err).__name__}: {clip(str(err), 100)}); this is a bug in rfaflow"


def decode_utf8(data: bytes, path: Path | str, error: type[RfaflowError] = RfaflowError, advice: str = "") -> str:
    """UTF-8 text (a BOM dropped), or `error` naming the first bad byte and its line: the one wording for every file
    an editor hands rfaflow."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        suffix = f"; {advice}" if advice else ""
        raise error(f"not UTF-8 (byte 0x{data[err.start]:02x} on line {line}){suffix}", path) from None
