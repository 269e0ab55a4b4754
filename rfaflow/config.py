"""Where rfaflow keeps its data. `RFAFLOW_HOME` relocates everything; otherwise the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from rfaflow.errors import RfaflowError, clip

ARGOS_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


def data_home() -> Path:
    override = os.environ.get("RFAFLOW_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("rfaflow", appauthor=False)


def packages_dir() -> Path:
    """Installed Argos Translate packages, one folder each."""
    return data_home() / "packages"


def package_index_url() -> str:
    """The Argos package index (JSON list of package metadata); `RFAFLOW_PACKAGE_INDEX` points elsewhere."""
    return os.environ.get("RFAFLOW_PACKAGE_INDEX", ARGOS_INDEX_URL)


def pool_segments() -> int:
    """Segments a batch run gathers from several drafts before one pooled translation call (bounds memory)."""
    value = os.environ.get("RFAFLOW_POOL_SEGMENTS", "1000")
    if not value.strip().isdigit() or int(value) < 1:
        raise RfaflowError(f"RFAFLOW_POOL_SEGMENTS must be a whole number of at least 1, not '{clip(value)}'")
    return int(value)


LEGACY_ENCODING_POLICIES = ("convert", "refuse")


def legacy_encoding_policy() -> str:
    """What a draft in a legacy encoding (Burmese Zawgyi) gets: converted to Unicode with a notice (the default), or
    refused; `RFAFLOW_LEGACY_ENCODING` chooses."""
    value = os.environ.get("RFAFLOW_LEGACY_ENCODING", "convert").strip().lower()
    if value not in LEGACY_ENCODING_POLICIES:
        raise RfaflowError(f"RFAFLOW_LEGACY_ENCODING must be {' or '.join(LEGACY_ENCODING_POLICIES)}, not "
                           f"'{clip(value)}'")
    return value
