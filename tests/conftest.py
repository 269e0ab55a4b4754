"""Shared fixtures: an isolated RFAFLOW_HOME per test and one real copy-model package per session."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_TM = SAMPLES / "tm" / "korean-service.tmx"
SHARED_DATA = ROOT.parent / "shared" / "data"
NTREX = SHARED_DATA / "ntrex-ko-en" / "dev.jsonl"


@pytest.fixture(autouse=True)
def rfaflow_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder, so no test sees a model another one installed."""
    home = tmp_path_factory.mktemp("rfaflow-home")
    monkeypatch.setenv("RFAFLOW_HOME", str(home))
    monkeypatch.setenv("RFAFLOW_PACKAGE_INDEX", "http://127.0.0.1:9/index.json")  # never the real network
    return home


@pytest.fixture(scope="session")
def copy_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from rfaflow.testing.copy_model import build_package

    return build_package(tmp_path_factory.mktemp("models") / "translate-ko_en-copy.argosmodel", size="tiny")


@pytest.fixture(scope="session")
def pair_models(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One tiny copy model per service language (by Language), its SentencePiece trained on that language's text."""
    from rfaflow.languages import SOURCE_LANGUAGES
    from rfaflow.testing.copy_model import build_package, package_name

    folder = tmp_path_factory.mktemp("pair-models")
    return {language: build_package(folder / f"{package_name(language)}.argosmodel", source=language)
            for language in SOURCE_LANGUAGES}


@pytest.fixture
def installed_copy_model(copy_model_file: Path, rfaflow_home: Path):
    from rfaflow.translate.packages import install_file

    return install_file(copy_model_file)


@pytest.fixture(scope="session")
def ntrex_documents() -> list[dict]:
    if not NTREX.is_file():
        pytest.skip(f"shared data set not present: {NTREX}")
    return [json.loads(line) for line in NTREX.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_draft(folder: Path, body: str = "첫 문장이다. 둘째 문장이다.\n", name: str = "draft.md", **fields) -> Path:
    """A valid draft with `fields` overriding (None removes a field)."""
    meta = {
        "headline": "시험 기사",
        "date": "2026-11-20",
        "service": "RFA's Korean Service",
        "reporter": "Kim Ha-eun",
    }
    meta.update(fields)
    lines = [f"{key}: {value}" for key, value in meta.items() if value is not None]
    path = folder / name
    path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body, encoding="utf-8")
    return path


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving `folder` (an Argos-style index.json, packages); yields its base URL."""
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(folder))  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
