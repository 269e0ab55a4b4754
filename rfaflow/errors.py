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


class TemplateFailure(RfaflowError):
    """A template that is missing or fails to render."""
