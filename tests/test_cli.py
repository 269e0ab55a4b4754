"""The command line itself: help with examples, version, a fast start, and the wheel that ships the templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLE_TM, SAMPLES
from rfaflow import __version__
from rfaflow.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        found += _commands(command, prefix + (name,)) if isinstance(command, click.Group) else [prefix + (name,)]
    return found


@pytest.mark.parametrize("command", _commands(cli), ids=lambda c: " ".join(c) or "rfaflow")
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "rfaflow " in result.stdout.split("Example", 1)[1]


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.stdout == f"rfaflow, version {__version__}\n"


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys; from rfaflow.cli import cli\n"
        "try: cli(['--help'], prog_name='rfaflow')\n"
        "except SystemExit: pass\n"
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'kiwipiepy', 'sumy', 'sentencepiece')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert not imported & {"argostranslate", "ctranslate2", "kiwipiepy", "sumy"}


def test_usage_errors_exit_2() -> None:
    assert CliRunner().invoke(cli, ["render"]).exit_code == 2
    assert CliRunner().invoke(cli, ["render", "x.md", "-f", "pdf"]).exit_code == 2
    assert CliRunner().invoke(cli, ["nonsense"]).exit_code == 2


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--debug", "render", str(tmp_path / "missing.md")])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "DraftError"


def test_wheel_ships_templates_and_renders_outside_the_checkout(tmp_path: Path) -> None:
    """A non-editable install must find its templates inside the package, not in the source tree."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("rfaflow-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"rfaflow/templates/brief.html.j2", "rfaflow/templates/brief.md.j2"} <= set(names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = "import sys; from rfaflow.cli import main; sys.argv = sys.argv[1:]; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "rfaflow", "render", str(SAMPLES / "musan.md"),
         "--tm", str(SAMPLE_TM), "-f", "md"],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(target), "RFAFLOW_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "tests" / "golden" / "musan.md").read_text(encoding="utf-8")
    assert str(ROOT) not in subprocess.run(
        [sys.executable, "-c", "import rfaflow.render as r; print(r.builtin_templates())"],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(target)},
    ).stdout
