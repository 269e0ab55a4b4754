"""Random fuzzing of rfaflow's contract for N minutes: every input ends in success or an RfaflowError (one line).

    python bench/fuzz.py --minutes N [--target draft|tmx|xliff|tbx|csv|package|all] [--seed S] [--crashers DIR]
                         [--shrink] [--timeout S]

Plain random inputs (rfaflow.testing.fuzz's generators and mutators, no coverage feedback, no hypothesis) are fed
to the targets in turn, each target getting an equal share of the time (a package, slower to install, half a
share). Prints per target the inputs tried and the contract violations found; saves each distinct one (same kind,
exception type and innermost rfaflow frame) as DIR/TARGET-HASH.EXT with DIR/TARGET-HASH.txt beside it holding the
traceback, keeping the smallest input seen. --shrink then reduces each by delta debugging. An input running past
--timeout seconds is interrupted and saved as a "hang". Exit code 1 when anything was found.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Imported after the sys.path tweak above, so the script runs from a checkout without installing.
from rfaflow.testing.fuzz import SUFFIXES, TARGETS, Finding, Harness, finding_for, shrink  # noqa: E402

DEFAULT_CRASHERS = ROOT / "bench" / "crashers"
TIME_SHARE = {target: 0.5 if target == "package" else 1.0 for target in TARGETS}


class Timeout(BaseException):
    """Raised by the alarm inside a target; a BaseException, so the harness does not take it for a crash."""


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    def ring(*_: object) -> None:
        raise Timeout(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_one(harness: Harness, target: str, data: bytes, timeout: float) -> Finding | None:
    try:
        with alarm(timeout):
            return harness.run(target, data)
    except Timeout as err:
        return finding_for(target, "hang", err, data)


def save(finding: Finding, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"{finding.target}-{finding.digest}"
    stem.with_suffix(SUFFIXES[finding.target]).write_bytes(finding.data)
    header = (f"target: {finding.target}\nkind: {finding.kind}\ntype: {finding.error_type}\nframe: {finding.frame}\n"
              f"message: {finding.message}\ninput: {len(finding.data)} bytes\n\n")
    stem.with_suffix(".txt").write_text(header + finding.traceback, encoding="utf-8")
    return stem.with_suffix(SUFFIXES[finding.target])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, required=True)
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashers", type=Path, default=DEFAULT_CRASHERS)
    parser.add_argument("--shrink", action="store_true", help="reduce each distinct finding after the run")
    parser.add_argument("--shrink-seconds", type=float, default=30.0, help="time budget per finding for --shrink")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before an input counts as a hang")
    args = parser.parse_args(argv)

    targets = list(TARGETS) if args.target == "all" else [args.target]
    rng = random.Random(args.seed)
    tried: Counter[str] = Counter()
    failing: Counter[str] = Counter()
    spent = dict.fromkeys(targets, 0.0)
    found: dict[tuple[str, str, str], Finding] = {}
    started = time.monotonic()
    with Harness() as harness:
        for target in targets:  # seeds and set-up (model, segmenter) before the clock matters
            harness.seeds(target)
        print(f"set-up {time.monotonic() - started:.1f} s; fuzzing {', '.join(targets)} for {args.minutes:g} min",
              file=sys.stderr)
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline:
            target = min(targets, key=lambda name: spent[name] / TIME_SHARE[name])
            data = harness.generate(target, rng)
            began = time.monotonic()
            finding = run_one(harness, target, data, args.timeout)
            spent[target] += time.monotonic() - began
            tried[target] += 1
            if finding is None:
                continue
            failing[target] += 1
            known = found.get(finding.key)
            if known is None:
                print(f"new {finding.target}: {finding.describe()}", file=sys.stderr)
            if known is None or len(finding.data) < len(known.data):
                found[finding.key] = finding
                save(finding, args.crashers)
        distinct = Counter(finding.target for finding in found.values())
        print(f"{'target':<8} {'tried':>7} {'failing':>8} {'distinct':>8} {'seconds':>8}", flush=True)
        for target in targets:
            print(f"{target:<8} {tried[target]:>7} {failing[target]:>8} {distinct[target]:>8} {spent[target]:>8.1f}",
                  flush=True)
        if args.shrink:
            for key, finding in found.items():
                if finding.kind != "hang":
                    found[key] = shrink(harness, finding, args.shrink_seconds)
                    save(found[key], args.crashers)
    print(f"{len(found)} distinct findings" + (f", saved in {args.crashers}:" if found else ""))
    for finding in sorted(found.values(), key=lambda f: (f.target, f.frame)):
        name = f"{finding.target}-{finding.digest}{SUFFIXES[finding.target]}"
        print(f"  {name} ({len(finding.data)} bytes) {finding.describe()}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
