"""The language registry: every language rfaflow reads or writes, one module each, registered in `_MODULES`.

A language module builds one `Language` (rfaflow/languages/base.py) named `LANGUAGE`: tags, scripts, engine codes
and the function each stage uses for it (sentence splitter, summary words and stop words, number reader,
normaliser, legacy-encoding converter). Stage functions are `Lazy`, so importing the registry is cheap. Nowhere
else in rfaflow is a language code written: stages take a `Language`, and the CLI's choices and the docs list
`LANGUAGES`. Adding a language is one module here and its name in `_MODULES`.
"""

from __future__ import annotations

import importlib

from rfaflow.languages.base import Language, Lazy, LegacyEncoding

__all__ = ["ENGLISH", "LANGUAGES", "SOURCE_LANGUAGES", "Language", "LegacyEncoding", "Lazy", "UnknownLanguage",
           "DEFAULT_SOURCE", "get", "resolve"]

# English first: it is the target of every brief. The service languages follow in the desk's order.
_MODULES = ("en", "ko", "zh_hans", "zh_hant", "yue", "bo", "ug", "my", "km", "lo", "vi")

LANGUAGES: dict[str, Language] = {
    language.tag: language
    for language in (importlib.import_module(f"{__name__}.{module}").LANGUAGE for module in _MODULES)
}
ENGLISH = LANGUAGES["en"]
# The languages drafts are written in.
SOURCE_LANGUAGES = tuple(language for language in LANGUAGES.values() if language is not ENGLISH)
# A draft without a `language:` field is Korean: the language rfaflow began with, and its demo's.
DEFAULT_SOURCE = LANGUAGES["ko"]

_BY_CODE: dict[str, Language] = {}
for _language in LANGUAGES.values():
    for _code in (_language.tag, _language.argos, *_language.aliases):
        _BY_CODE[_code.lower()] = _language


class UnknownLanguage(ValueError):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown language {code!r} (known: {', '.join(LANGUAGES)})")


def resolve(code: str | None) -> Language | None:
    """The language a BCP-47 tag (or an alias, a TMX or XLIFF code) names, or None. Case and '_' do not matter, and
    region subtags fall away until a known tag is left: "ko-KR" is Korean, "zh-Hant-TW" Traditional Chinese."""
    parts = (code or "").replace("_", "-").lower().split("-")
    while parts and parts[0]:
        found = _BY_CODE.get("-".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def get(code: str) -> Language:
    """As `resolve`, but an unknown code raises `UnknownLanguage`."""
    found = resolve(code)
    if found is None:
        raise UnknownLanguage(code)
    return found
