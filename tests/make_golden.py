"""The golden briefs of the samples: what each is rendered from, and the command that rewrites them.

Run `make golden` (this file) after a deliberate change to the output, then review the diff of tests/golden/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from rfaflow.draft import read_draft
from rfaflow.languages import DEFAULT_SOURCE

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TM = "samples/tm/korean-service.tmx"
FLOODS_TM = "samples/tm/yanggang-floods.tmx"

# name -> (render arguments, the tag of the pair whose copy model must be installed, or None)
CASES: dict[str, tuple[list[str], str | None]] = {
    "musan.html": (["samples/musan.md", "--tm", TM], None),
    "musan.md": (["samples/musan.md", "--tm", TM, "-f", "md"], None),
    "musan-target-summary.md": (["samples/musan.md", "--tm", TM, "-f", "md", "--summary-language", "target"], None),
    "sinuiju-coal.md": (["samples/sinuiju-coal.md", "--tm", TM, "-f", "md"], "ko"),
    "dancheon-miners.html": (["samples/dancheon-miners.md", "--algorithm", "textrank"], "ko"),
    # Subheading, block quote, list, link and strong text: from its memory, and through the copy model.
    "yanggang-floods.html": (["samples/yanggang-floods.md", "--tm", FLOODS_TM], None),
    "yanggang-floods.md": (["samples/yanggang-floods.md", "--tm", FLOODS_TM, "-f", "md"], None),
    "yanggang-floods-copy.md": (["samples/yanggang-floods.md", "-f", "md"], "ko"),
    # Each other service language's sample through its pair's copy model: its script through the whole pipeline.
    **{f"{path.stem}-copy.md": ([f"samples/{path.name}", "-f", "md"], read_draft(path).language.tag)
       for path in sorted((ROOT / "samples").glob("*.md")) if read_draft(path).language is not DEFAULT_SOURCE},
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
    from rfaflow.languages import get
    from rfaflow.testing.copy_model import build_package
    from rfaflow.translate.packages import install_file

    with tempfile.TemporaryDirectory() as home:
        os.environ["RFAFLOW_HOME"] = home
        installed: set[str] = set()
        for name, (_, pair) in CASES.items():
            if pair and pair not in installed:
                install_file(build_package(Path(home) / f"{pair}.argosmodel", source=get(pair)))
                installed.add(pair)
            (GOLDEN / name).write_text(render_case(name), encoding="utf-8")
            print(f"wrote tests/golden/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
