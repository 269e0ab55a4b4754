"""Credits say who did what, and say so truthfully when a machine did it."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from rfaflow.credits import (
    REVIEW_STATUSES,
    credit_line,
    machine_description,
    provenance,
    review_status,
)
from rfaflow.draft import Draft, parse_draft
from rfaflow.translate import Origin, Translation

MT = Origin("mt", "ko", "en", engine="argos", model="translate-ko_en-1_1", model_version="1.1")
OTHER_MT = Origin("mt", "ko", "en", engine="opus-mt", model="opus-mt-ko-en", model_version="2.0")
FRONT_MATTER = "Han So-ra"  # the draft's `translator`
PEOPLE = ("Sunghui Moon", "Joshua Lipes", "Soo Min Jo", "Lee Jun-seo", FRONT_MATTER)


def _tm(name: str | None) -> Origin:
    return Origin("tm", "ko", "en", translator=name)


def _pe(name: str | None, basis: Origin | None = MT) -> Origin:
    """A post-edit of `basis` (None: basis not recorded)."""
    if basis is None:
        return Origin("pe", "ko", "en", translator=name)
    return Origin("pe", "ko", "en", name, basis.engine, basis.model, basis.model_version)


# Parsed rather than constructed, so these tests do not depend on how a draft holds its body.
_DRAFT = parse_draft(Path("d.md"), (
    "---\nheadline: h\ndate: 2026-01-01\nservice: RFA's Korean Service\nreporter: Sunghui Moon\n"
    "english_writer: Joshua Lipes\n---\n\n본문.\n"
).encode())


def _draft(translator: str | None = None, english_writer: str | None = "Joshua Lipes") -> Draft:
    return replace(_DRAFT, translator=translator, english_writer=english_writer)


def _translations(*origins: Origin) -> list[Translation]:
    return [Translation("ko", "en", origin) for origin in origins]


# (case, origins, line without a front-matter translator, line with translator: Han So-ra)
CASES = [
    ("all memory, named", [_tm("Soo Min Jo")] * 3,
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " Written in English by Joshua Lipes."),
    ("all memory, unnamed", [_tm(None)] * 3,
     "Written by Sunghui Moon for RFA's Korean Service. Translated from an approved translation memory."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Han So-ra."
     " Written in English by Joshua Lipes."),
    ("memory, named and unnamed", [_tm("Soo Min Jo"), _tm("Lee Jun-seo"), _tm(None)],
     "Written by Sunghui Moon for RFA's Korean Service."
     " Translated by Soo Min Jo and Lee Jun-seo, and from an approved translation memory."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo, Lee Jun-seo and Han So-ra."
     " Written in English by Joshua Lipes."),
    ("all MT", [MT] * 3,
     "Written by Sunghui Moon for RFA's Korean Service."
     " Machine-translated with Argos Translate; not reviewed by a translator. Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service."
     " Machine-translated with Argos Translate; not reviewed by a translator. Written in English by Joshua Lipes."),
    ("named memory + MT", [_tm("Soo Min Jo")] * 3 + [MT],
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " 1 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " 1 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes."),
    ("unnamed memory + MT", [_tm(None), _tm(None), MT, MT],
     "Written by Sunghui Moon for RFA's Korean Service. Translated from an approved translation memory."
     " 2 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Han So-ra."
     " 2 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes."),
    ("all post-edited", [_pe("Lee Jun-seo")] * 3,
     "Written by Sunghui Moon for RFA's Korean Service. Post-edited by Lee Jun-seo from a machine translation."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Post-edited by Lee Jun-seo from a machine translation."
     " Written in English by Joshua Lipes."),
    ("post-edited, editor not named", [_pe(None), _pe(None, basis=None)],
     "Written by Sunghui Moon for RFA's Korean Service. Post-edited from a machine translation."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Post-edited from a machine translation."
     " Written in English by Joshua Lipes."),
    ("pe + MT", [_pe("Lee Jun-seo"), MT, MT, MT],
     "Written by Sunghui Moon for RFA's Korean Service. Post-edited by Lee Jun-seo from a machine translation."
     " 3 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Post-edited by Lee Jun-seo from a machine translation."
     " 3 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes."),
    ("pe + tm + MT", [_tm("Soo Min Jo"), _pe("Lee Jun-seo"), _pe(None), MT],
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " Post-edited by Lee Jun-seo and an unnamed post-editor from a machine translation."
     " 1 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " Post-edited by Lee Jun-seo and an unnamed post-editor from a machine translation."
     " 1 of 4 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes."),
    ("one person, tm and pe", [_tm("Soo Min Jo"), _pe("Soo Min Jo"), _pe("Soo Min Jo")],
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo."
     " Written in English by Joshua Lipes."),
    ("front-matter translator post-edited", [_tm(None), _pe(FRONT_MATTER), MT],
     "Written by Sunghui Moon for RFA's Korean Service. Translated from an approved translation memory."
     " Post-edited by Han So-ra from a machine translation."
     " 1 of 3 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service. Translated by Han So-ra."
     " 1 of 3 sentences machine-translated with Argos Translate; not reviewed by a translator."
     " Written in English by Joshua Lipes."),
    ("two engines", [MT, OTHER_MT],
     "Written by Sunghui Moon for RFA's Korean Service."
     " Machine-translated with Argos Translate and opus-mt; not reviewed by a translator."
     " Written in English by Joshua Lipes.",
     "Written by Sunghui Moon for RFA's Korean Service."
     " Machine-translated with Argos Translate and opus-mt; not reviewed by a translator."
     " Written in English by Joshua Lipes."),
]


@pytest.mark.parametrize(
    ("translator", "origins", "expected"),
    [pytest.param(None, origins, without, id=f"{case}, no translator") for case, origins, without, _ in CASES]
    + [pytest.param(FRONT_MATTER, origins, with_, id=f"{case}, translator") for case, origins, _, with_ in CASES],
)
def test_credit_line(translator: str | None, origins: list[Origin], expected: str) -> None:
    assert credit_line(_draft(translator=translator), _translations(*origins)) == expected


def test_no_english_writer_and_no_translator() -> None:
    assert credit_line(_draft(english_writer=None), _translations(MT)) == (
        "Written by Sunghui Moon for RFA's Korean Service."
        " Machine-translated with Argos Translate; not reviewed by a translator."
    )


# Every multiset of up to four of these origins, under every front-matter translator.
_POOL = [_tm("Soo Min Jo"), _tm("Lee Jun-seo"), _tm(None), _pe("Lee Jun-seo"), _pe(FRONT_MATTER), _pe(None), MT,
         OTHER_MT]
_COMBINATIONS = [
    (translator, list(origins))
    for translator in (None, FRONT_MATTER, "Soo Min Jo", "Lee Jun-seo")
    for size in range(1, 5)
    for origins in itertools.combinations_with_replacement(_POOL, size)
]


def test_the_line_never_hides_unreviewed_machine_translation() -> None:
    for translator, origins in _COMBINATIONS:
        line = credit_line(_draft(translator=translator), _translations(*origins))
        machine = sum(origin.kind == "mt" for origin in origins)
        if not machine:
            assert "machine-translated" not in line.lower() and "not reviewed" not in line, line
        elif machine == len(origins):
            assert "Machine-translated with" in line and "; not reviewed by a translator." in line, line
        else:
            assert f" {machine} of {len(origins)} sentences machine-translated with " in line, line
            assert "; not reviewed by a translator." in line, line


def test_the_line_credits_each_person_once_and_only_for_their_sentences() -> None:
    for translator, origins in _COMBINATIONS:
        line = credit_line(_draft(translator=translator), _translations(*origins))
        assert all(line.count(name) <= 1 for name in PEOPLE), line
        workers = {origin.translator for origin in origins if origin.translator}
        assert all(name in line for name in workers), line
        # The front matter's translator is credited for unnamed memory units (or their own), never for machine output.
        if translator:
            unnamed_memory = any(origin.kind == "tm" and not origin.translator for origin in origins)
            assert (translator in line) == (translator in workers or unnamed_memory), (translator, line)


def test_provenance_counts_each_origin_with_its_model() -> None:
    translations = _translations(*[_tm("Soo Min Jo")] * 12, *[_pe("Soo Min Jo")] * 3, *[MT] * 10, _tm(None),
                                 _pe(None, basis=None))
    assert provenance(translations) == [
        "12 sentences from translation memory (Soo Min Jo)",
        "3 sentences post-edited by Soo Min Jo from Argos Translate (ko→en, package 1.1), model translate-ko_en-1_1",
        "10 sentences machine-translated with Argos Translate (ko→en, package 1.1), model translate-ko_en-1_1;"
        " not reviewed",
        "1 sentence from translation memory (translator not named)",
        "1 sentence post-edited by a post-editor not named",
    ]


def test_provenance_leaves_out_what_the_origin_does_not_record() -> None:
    basis = Origin("mt", "ko", "en", engine="argos")
    assert provenance(_translations(_pe("Soo Min Jo", basis))) == [
        "1 sentence post-edited by Soo Min Jo from Argos Translate (ko→en)"
    ]


def test_machine_description_names_the_package() -> None:
    assert machine_description(MT) == "Argos Translate (ko→en, package 1.1)"


@pytest.mark.parametrize(
    ("origins", "status"),
    [
        ([_tm("Soo Min Jo"), _tm(None)], "human"),
        ([_tm("Soo Min Jo"), _pe("Lee Jun-seo")], "post-edited"),
        ([_pe(None)], "post-edited"),
        ([_tm("Soo Min Jo"), _pe("Lee Jun-seo"), MT], "unreviewed-mt"),
        ([MT], "unreviewed-mt"),
    ],
)
def test_review_status(origins: list[Origin], status: str) -> None:
    assert review_status(_translations(*origins)) == status
    assert status in REVIEW_STATUSES
