"""What the pipeline needs of a language, as one `Language` record; see rfaflow/languages/__init__.py."""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rfaflow.languages.scripts import Script


class Lazy:
    """A function named by module and attribute, imported on its first call (with `bound` keyword arguments), so
    that reading the registry (the CLI's --help) loads no tokenizer, model or rule table."""

    def __init__(self, module: str, name: str, /, **bound: Any) -> None:  # positional: `bound` may hold a "name"
        self.module, self.name, self.bound = module, name, bound
        self._function: Callable[..., Any] | None = None

    @property
    def function(self) -> Callable[..., Any]:
        """The function itself, imported now if it was not yet."""
        if self._function is None:
            self._function = getattr(importlib.import_module(self.module), self.name)
        return self._function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*args, **self.bound, **kwargs)

    def __repr__(self) -> str:
        bound = "".join(f", {key}={value!r}" for key, value in self.bound.items())
        return f"Lazy({self.module}:{self.name}{bound})"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class LegacyEncoding:
    """A non-Unicode encoding still found in the wild for a language (Burmese Zawgyi): how to detect and convert it."""

    name: str
    detect: Callable[[str], bool]  # does this text look like it is in the legacy encoding?
    convert: Callable[[str], str]  # to Unicode


@dataclass(frozen=True, eq=False)  # one record per language: compared and hashed by identity
class Language:
    """One language: its identity, the codes engines know it by, and the function each pipeline stage uses for it.

    Sentence splitters return, per text, the offsets where sentences start (lossless: segments are the text
    between cuts); word functions return, per text, the words a summarizer counts; number readers return
    `rfaflow.qa.numbers.Quantity` records for a text (keyword `date`: the draft's date).
    """

    tag: str  # BCP-47, as drafts write it in `language:`
    name: str  # in English, as messages and the docs say it
    scripts: tuple[Script, ...]  # what its text is written in, the main one first
    flores: str  # FLORES-200 / NLLB code
    argos: str  # the code Argos Translate packages use in metadata.json ("zt" is Traditional Chinese)
    sentence_cuts: Callable[[list[str]], list[list[int]]]
    words: Callable[[Sequence[str]], list[list[str]]]
    argos_indexed: bool = False  # the public Argos index offers a package to English
    # Published model families that translate it into English, for the advice when no model is installed.
    engines: tuple[str, ...] = ("NLLB-200", "MADLAD-400")
    aliases: tuple[str, ...] = ()  # other tags that mean this language ("zh-CN" for zh-Hans)
    normalise: Callable[[str], str] = nfc  # before memory look-up and machine translation
    stop_words: Callable[[], frozenset[str]] = field(default=lambda: frozenset())
    stemmer: str | None = None  # a Snowball stemmer's name, where the language has one
    quantities: Callable[..., list[Any]] | None = None  # the QA number reader
    untranslated: Script | None = None  # in an English translation, this script means text left untranslated
    legacy_encoding: LegacyEncoding | None = None
    # Says why a text declared in this language looks like a sibling variant (Simplified declared Traditional), or
    # None; such a text is rendered with a warning.
    variant_warning: Callable[[str], str | None] | None = None
    summary: Mapping[str, float] = field(default_factory=dict)  # news-summarizer parameters unlike English's
    # English characters per source character (spaces left out) outside which a translation's length is suspicious.
    length_ratio: tuple[float, float] = (0.45, 4.5)

    def __str__(self) -> str:
        return self.tag
