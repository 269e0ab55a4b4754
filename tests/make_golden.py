"""The golden briefs of the samples: what each is rendered from, and the command that rewrites them.

Run `make golden` (this file) after a deliberate change to the output, then review the diff of tests/golden/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TM = "samples/tm/korean-service.tmx"
FLOODS_TM = "samples/tm/yanggang-floods.tmx"

# name -> (render arguments, whether the copy model must be installed)
CASES: dict[str, tuple[list[str], bool]] = {
    "musan.html": (["samples/musan.md", "--tm", TM], False),
    "musan.md": (["samples/musan.md", "--tm", TM, "-f", "md"], False),
    "musan-target-summary.md": (["samples/musan.md", "--tm", TM, "-f", "md", "--summary-language", "target"], False),
    "sinuiju-coal.md": (["samples/sinuiju-coal.md", "--tm", TM, "-f", "md"], True),
    "dancheon-miners.html": (["samples/dancheon-miners.md", "--algorithm", "textrank"], True),
    # Subheading, block quote, list, link and strong text: from its memory, and through the copy model.
    "yanggang-floods.html": (["samples/yanggang-floods.md", "--tm", FLOODS_TM], False),
    "yanggang-floods.md": (["samples/yanggang-floods.md", "--tm", FLOODS_TM, "-f", "md"], False),
    "yanggang-floods-copy.md": (["samples/yanggang-floods.md", "-f", "md"], True),
}


def render_case(name: str) -> str:
    """The brief as `rfaflow render` prints it, run from the project root so paths are relative."""
    from rfaflow.cli import cli

    args, _ = CASES[name]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, ["render", *args])
    finally:
        os.chdir(cwd)
    if result.exit_code != 0:
        raise RuntimeError(f"{name}: {result.stderr}")
    return result.stdout


def main() -> int:
    from rfaflow.testing.copy_model import build_package
    from rfaflow.translate.packages import install_file

    with tempfile.TemporaryDirectory() as home:
        os.environ["RFAFLOW_HOME"] = home
        for name, (_, needs_model) in CASES.items():
            if needs_model and not (Path(home) / "packages").exists():
                install_file(build_package(Path(home) / "copy.argosmodel"))
            (GOLDEN / name).write_text(render_case(name), encoding="utf-8")
            print(f"wrote tests/golden/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
