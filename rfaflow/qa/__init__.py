"""Quality checks on translated segment pairs: what machine translation breaks and what the desk must never print."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a source/target pair, before it is tied to a segment id."""

    check: str
    severity: str  # ERROR or WARNING
    message: str


@dataclass(frozen=True)
class Finding:
    """A problem found in one segment (`id` is a TMX tuid, an XLIFF unit id or a segment index)."""

    id: str
    check: str
    severity: str
    message: str
