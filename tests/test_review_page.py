"""The review page: its content, and how it behaves in a real headless browser (skipped where none is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM, SAMPLES, write_draft
from rfaflow.cli import cli

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BODY = (
    "소식통에 따르면 이번 조치는 사전 예고 없이 내려졌다고 한다.\n\n"
    "김정은 위원장이 신의주를 찾았다.\n\n"
    "이미 국경 세관에 도착한 화물도 다시 광산으로 돌려보내졌다고 그는 전했다.\n"
)


class _Rows(HTMLParser):
    """The segment rows of a review page: their attributes and the text of each cell."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.shown = ""
        self._cell: str | None = None
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "tr" and "segment" in (attributes.get("class") or ""):
            self.rows.append({"attrs": attributes, "cells": {}})
        elif tag == "td" and self.rows:
            self._cell = attributes.get("class")
            self.rows[-1]["cells"][self._cell] = ""
        elif tag == "span" and attributes.get("id") == "shown":
            self._in_shown = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None
        elif tag == "span":
            self._in_shown = False

    def handle_data(self, data: str) -> None:
        if self._cell and self.rows:
            self.rows[-1]["cells"][self._cell] += data
        if self._in_shown:
            self.shown += data


def _parse(html: str) -> _Rows:
    parser = _Rows()
    parser.feed(html)
    return parser


@pytest.fixture
def review_page(tmp_path: Path, installed_copy_model) -> Path:
    draft = write_draft(tmp_path, body=BODY, english_headline="Border customs turn back cargo")
    page = tmp_path / "review.html"
    result = CliRunner().invoke(cli, ["review", str(draft), "--tm", str(SAMPLE_TM), "--glossary",
                                      str(SAMPLES / "glossary" / "korean-desk.csv"), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_review_page_shows_pairs_origins_findings_and_suggestions(review_page: Path) -> None:
    rows = _parse(review_page.read_text(encoding="utf-8")).rows
    assert [row["attrs"]["data-id"] for row in rows] == ["1", "2", "3"]
    assert [row["attrs"]["data-origin"] for row in rows] == ["mt", "mt", "tm"]
    first, second, third = (row["cells"] for row in rows)
    # A near match in the memory is offered with its score, never used verbatim.
    assert "93.8%" in first["checks"] and "According to the source, the order came" in first["checks"]
    # The glossary put the approved names through the model; the copy model leaves the rest in Korean.
    assert second["target"].startswith("Kim Jong Un 위원장이 Sinuiju를")
    assert "untranslated: Hangul left in the English" in second["checks"]
    assert "has-error" in rows[1]["attrs"]["class"]
    assert third["target"] == (
        "Cargo that had already reached the border customs house was sent back to the mines, he said.")
    assert "memory" in third["checks"] and "Lee Jun-seo" in third["checks"] and "has-" not in rows[2]["attrs"]["class"]


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def _headless(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-sync", "--disable-background-networking", "--disable-component-update",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False, env={**os.environ, "HOME": str(profile)})


def test_review_page_in_a_real_browser(review_page: Path, tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium or Chrome installed (Debian: apt install chromium)")
    # The page's script ran: with ?findings only the rows with findings stay visible, and the count says so.
    dom = _headless(browser, tmp_path / "profile", "--dump-dom", review_page.as_uri() + "?findings")
    assert dom.returncode == 0, dom.stderr[-2000:]
    parsed = _parse(dom.stdout)
    assert len(parsed.rows) == 3 and parsed.shown == "2"
    assert 'class="only-findings"' in dom.stdout
    screenshot = tmp_path / "review.png"
    shot = _headless(browser, tmp_path / "profile", "--window-size=1200,900", f"--screenshot={screenshot}",
                     review_page.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
