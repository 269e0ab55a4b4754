"""The language registry: lookups, completeness, and the rule that no language code is written outside it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import rfaflow
import rfaflow.languages
from rfaflow.cli import cli
from rfaflow.languages import DEFAULT_SOURCE, ENGLISH, LANGUAGES, SOURCE_LANGUAGES, UnknownLanguage, get, resolve
from rfaflow.languages.__main__ import markdown_table

PACKAGE = Path(rfaflow.__file__).resolve().parent
REGISTRY = PACKAGE / "languages"
README = PACKAGE.parent / "README.md"
SERVICE_TAGS = ["ko", "zh-Hans", "zh-Hant", "yue", "bo", "ug", "my", "km", "lo", "vi"]


def test_the_service_languages_in_the_desks_order() -> None:
    assert [language.tag for language in SOURCE_LANGUAGES] == SERVICE_TAGS
    assert ENGLISH.tag == "en" and DEFAULT_SOURCE.tag == "ko"


@pytest.mark.parametrize(("code", "tag"), [
    ("ko", "ko"), ("KO", "ko"), ("ko-KR", "ko"), ("ko_KR", "ko"), ("kor", "ko"),
    ("zh-Hans", "zh-Hans"), ("zh-hans-CN", "zh-Hans"), ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"),
    ("zh-Hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zt", "zh-Hant"), ("zh-Hant-HK", "zh-Hant"),
    ("yue", "yue"), ("yue-Hant", "yue"), ("bo-CN", "bo"), ("ug", "ug"), ("my-MM", "my"), ("km", "km"),
    ("lo-LA", "lo"), ("vi-VN", "vi"), ("en-US", "en"), ("EN_gb", "en"),
])
def test_codes_resolve_with_case_regions_and_aliases(code: str, tag: str) -> None:
    assert get(code).tag == tag


@pytest.mark.parametrize("code", ["", "-", "fr", "x-ko", "ja", "zh-Latn-x", "kok"])
def test_unknown_codes(code: str) -> None:
    assert resolve(code) is None or code == "zh-Latn-x" and resolve(code).tag == "zh-Hans"
    if resolve(code) is None:
        with pytest.raises(UnknownLanguage, match="unknown language"):
            get(code)


def test_codes_are_unambiguous() -> None:
    """No two languages claim one code: a code names one language or none."""
    claimed: dict[str, str] = {}
    for language in LANGUAGES.values():
        for code in {language.tag.lower(), language.argos.lower(), *(alias.lower() for alias in language.aliases)}:
            assert claimed.setdefault(code, language.tag) == language.tag, code


def test_every_language_module_is_registered_and_every_stage_function_loads() -> None:
    modules = {info.name for info in pkgutil.iter_modules([str(REGISTRY)])} - {"base", "scripts", "__main__"}
    registered = {importlib.import_module(f"rfaflow.languages.{name}").LANGUAGE for name in modules}
    assert registered == set(LANGUAGES.values())
    for language in LANGUAGES.values():
        cuts = language.sentence_cuts(["a"])
        assert cuts and cuts[0][0] == 0, language.tag
        assert len(language.words(["a b"])) == 1, language.tag
        assert isinstance(language.stop_words(), frozenset), language.tag
        assert language.normalise("a") == "a", language.tag


def test_the_registry_imports_no_stage_library() -> None:
    """Importing the registry (as `rfaflow --help` does) loads no tokenizer, model or rule table."""
    code = ("import sys, rfaflow.languages; heavy = {'kiwipiepy', 'jieba', 'sumy', 'ctranslate2', 'rfaflow.segmenters',"
            " 'rfaflow.qa.numbers', 'rfaflow.tokenize'}; print(sorted(heavy & set(sys.modules)))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def _codes() -> set[str]:
    return {code for language in LANGUAGES.values()
            for code in (language.tag, language.argos, language.flores, *language.aliases)}


def _literals(path: Path) -> list[tuple[int, str]]:
    # As the registry spells them, and lower-cased ("zh-hans"); not upper case, where "VI" is a Roman numeral.
    codes = _codes() | {code.lower() for code in _codes()}
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in codes]


def test_no_language_code_literal_outside_the_registry() -> None:
    """Stages take a `Language`; a code written into one ("ko", "zh-Hans", "kor_Hang") is a language hard-wired."""
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {value!r}"
             for path in sorted(PACKAGE.rglob("*.py")) if REGISTRY not in path.parents
             for line, value in _literals(path)]
    assert found == []


def test_the_literal_check_finds_a_code(tmp_path: Path) -> None:
    planted = tmp_path / "stage.py"
    planted.write_text('def f(x):\n    return x in ("zh-Hant", "ko", "kor_Hang", "VI") or x == f"{x}-KR"\n',
                       encoding="utf-8")
    assert sorted(_literals(planted)) == [(2, "ko"), (2, "kor_Hang"), (2, "zh-Hant")]


def test_readme_lists_the_registry() -> None:
    assert markdown_table() in README.read_text(encoding="utf-8")


def test_cli_choices_come_from_the_registry() -> None:
    result = CliRunner().invoke(cli, ["summarize", "--help"])
    assert all(tag in result.output for tag in LANGUAGES)
    bad = CliRunner().invoke(cli, ["summarize", "-", "--lang", "fr"], input="x\n")
    assert bad.exit_code == 2 and "'fr' is not one of 'en', 'ko', 'zh-Hans'" in bad.output
