"""Credits say who did what, and say so truthfully when a machine did it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rfaflow.credits import credit_line
from rfaflow.draft import Draft
from rfaflow.translate import Origin, Translation

MT = Origin("mt", "ko", "en", engine="argos", model="translate-ko_en", model_version="1.1")


def _tm(name: str | None) -> Origin:
    return Origin("tm", "ko", "en", translator=name)


def _draft(**fields) -> Draft:
    base = dict(path=Path("d.md"), headline="h", date=dt.date(2026, 1, 1), service="RFA's Korean Service",
                reporter="Sunghui Moon", paragraphs=["p"])
    return Draft(**{**base, **fields})


def _translations(*origins: Origin) -> list[Translation]:
    return [Translation("ko", "en", origin) for origin in origins]


def test_full_human_chain() -> None:
    line = credit_line(_draft(english_writer="Joshua Lipes"), _translations(_tm("Soo Min Jo"), _tm("Soo Min Jo")))
    assert line == (
        "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo. Written in English by Joshua Lipes."
    )


def test_unreviewed_machine_translation_is_said_plainly() -> None:
    assert credit_line(_draft(), _translations(MT, MT)) == (
        "Written by Sunghui Moon for RFA's Korean Service."
        " Machine-translated with Argos Translate (ko→en, package 1.1); not reviewed by a translator."
    )


def test_mixed_memory_and_machine() -> None:
    line = credit_line(_draft(), _translations(_tm("Soo Min Jo"), _tm("Han So-ra"), _tm("Lee Jun-seo"), MT))
    assert line == (
        "Written by Sunghui Moon for RFA's Korean Service. Translated by Soo Min Jo, Han So-ra and Lee Jun-seo."
        " 1 of 4 sentences machine-translated with Argos Translate (ko→en, package 1.1); not reviewed by a translator."
    )


def test_memory_without_names_invents_none() -> None:
    assert credit_line(_draft(), _translations(_tm(None))) == (
        "Written by Sunghui Moon for RFA's Korean Service. Translated from an approved translation memory."
    )


def test_named_translator_of_a_machine_draft() -> None:
    assert credit_line(_draft(translator="Soo Min Jo"), _translations(MT)) == (
        "Written by Sunghui Moon for RFA's Korean Service."
        " Translated by Soo Min Jo from a machine translation by Argos Translate (ko→en, package 1.1)."
    )
