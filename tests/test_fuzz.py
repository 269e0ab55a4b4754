"""rfaflow's contract under fuzzing: whatever file an editor hands it ends in success or an RfaflowError whose
message is one line, never another exception.

Each target runs the library path the CLI runs on such a file (rfaflow.testing.fuzz): render for drafts (with the
copy model), memories, XLIFF import and check, glossaries, model installs. Inputs are generated and mutated by the
harness's generators from randoms hypothesis seeds, derandomized so CI sees the same inputs every run, and bounded
so the file runs in about a minute. Hypothesis does not shrink (a draft takes tens of milliseconds to
render); a failure is shrunk by the harness's delta debugging, for a few seconds, and its message holds the
reproducer. `python bench/fuzz.py --minutes N` fuzzes the same targets for longer.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rfaflow.errors import RfaflowError
from rfaflow.testing.fuzz import TARGETS, Harness, shrink

SHRINK_SECONDS = 5.0
REPRODUCER_BYTES = 2_000  # shown in full in a failure message up to this size, else cut

# A plain random seeded by hypothesis (derandomized: the same seeds every run). Hypothesis's own random would give
# its simplest values (0.0, the first choice) far more often than chance: every odd turn of the generators taken,
# and mutations only at the first bytes.
randoms = st.randoms(use_true_random=True)


def fuzzing(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        # Inputs are built from many random draws and some take a second to render; neither is a problem here.
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    with Harness() as fuzz_harness:
        yield fuzz_harness


def assert_contract(harness: Harness, target: str, data: bytes) -> None:
    finding = harness.run(target, data)
    if finding is None:
        return
    small = shrink(harness, finding, SHRINK_SECONDS)
    shown = repr(small.data) if len(small.data) <= REPRODUCER_BYTES else f"{small.data[:REPRODUCER_BYTES]!r}…"
    raise AssertionError(f"{target}: {small.describe()}\nreproducer ({len(small.data)} bytes, input of "
                         f"{len(finding.data)} shrunk): {shown}\n\n{small.traceback}")


# The harness itself: it must tell a broken contract from an editor's error, whatever the subclass.


def _error_classes() -> list[type[RfaflowError]]:
    import rfaflow.glossary
    import rfaflow.xliff  # noqa: F401 - registers XliffError

    found, queue = [], [RfaflowError]
    while queue:
        error = queue.pop()
        found.append(error)
        queue.extend(error.__subclasses__())
    return found


@pytest.mark.parametrize("error", _error_classes(), ids=lambda error: error.__name__)
def test_an_rfaflow_error_of_any_kind_is_no_finding(harness: Harness, monkeypatch, error: type[RfaflowError]) -> None:
    import rfaflow.glossary

    def refuses(path: object, *_: object) -> None:
        raise error("cannot be read", str(path))

    monkeypatch.setattr(rfaflow.glossary, "read_glossary", refuses)
    assert harness.run("csv", b"a,b\n") is None


def test_another_exception_is_a_crash_at_its_innermost_rfaflow_frame(harness: Harness, monkeypatch) -> None:
    import rfaflow.glossary

    def broken(*_: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(rfaflow.glossary, "read_glossary", broken)
    finding = harness.run("csv", b"a,b\n")
    assert finding is not None and finding.kind == "crash" and finding.error_type == "KeyError"
    assert finding.frame.startswith("rfaflow/glossary.py:") and finding.data == b"a,b\n"


def test_an_error_message_of_several_lines_is_a_finding(harness: Harness, monkeypatch) -> None:
    import rfaflow.glossary

    def multiline(path: object, *_: object) -> None:
        raise rfaflow.glossary.GlossaryError("first line\nsecond line", str(path))

    monkeypatch.setattr(rfaflow.glossary, "read_glossary", multiline)
    finding = harness.run("csv", b"a,b\n")
    assert finding is not None and finding.kind == "message" and finding.error_type.endswith("GlossaryError")


def test_shrinking_keeps_the_finding(harness: Harness, monkeypatch) -> None:
    import rfaflow.glossary

    real = rfaflow.glossary.read_glossary

    def crashes_on_x(path: Path, *args: str) -> list[rfaflow.glossary.Term]:
        if b"X" in path.read_bytes():
            raise KeyError("X")
        return real(path, *args)

    monkeypatch.setattr(rfaflow.glossary, "read_glossary", crashes_on_x)
    data = "source,target\n" + "".join(f"용어{n},term {n}\n" for n in range(40)) + "X,term\n"
    finding = harness.run("csv", data.encode())
    assert finding is not None
    small = shrink(harness, finding, seconds=20)
    assert small.key == finding.key and small.data == b"X"


# The contract, on the seeds and on generated and mutated inputs of every target.


@pytest.mark.parametrize("target", TARGETS)
def test_seeds_meet_the_contract(harness: Harness, target: str) -> None:
    for seed in harness.seeds(target):
        assert_contract(harness, target, seed)


@fuzzing(50)
@given(rng=randoms)
def test_generated_drafts(harness: Harness, rng: random.Random) -> None:
    assert_contract(harness, "draft", harness.structured("draft", rng))


@fuzzing(60)
@given(rng=randoms)
def test_mutated_drafts(harness: Harness, rng: random.Random) -> None:
    assert_contract(harness, "draft", harness.mutated("draft", rng))


@pytest.mark.parametrize("target", ["tmx", "xliff", "tbx", "csv"])
@fuzzing(150)
@given(rng=randoms)
def test_generated_translation_files(harness: Harness, target: str, rng: random.Random) -> None:
    assert_contract(harness, target, harness.structured(target, rng))


@pytest.mark.parametrize("target", ["tmx", "xliff", "tbx", "csv"])
@fuzzing(150)
@given(rng=randoms)
def test_mutated_translation_files(harness: Harness, target: str, rng: random.Random) -> None:
    assert_contract(harness, target, harness.mutated(target, rng))


@fuzzing(40)
@given(rng=randoms, damage=st.sampled_from(["structure", "bytes"]))
def test_damaged_packages(harness: Harness, rng: random.Random, damage: str) -> None:
    """Fewer examples: each installs a 2 MB package twice."""
    data = harness.structured("package", rng) if damage == "structure" else harness.mutated("package", rng)
    assert_contract(harness, "package", data)
