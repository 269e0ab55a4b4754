"""Rendering: golden briefs of the samples, escaping, private notes, templates, output paths."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from conftest import SAMPLE_TM, SAMPLES, write_draft
from make_golden import CASES, GOLDEN, render_case
from rfaflow.cli import cli
from rfaflow.draft import read_draft
from rfaflow.languages import ENGLISH, LANGUAGES, get
from rfaflow.translate.packages import install_file

KO = LANGUAGES["ko"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_briefs(name: str, request: pytest.FixtureRequest) -> None:
    """`make golden` rewrites these; a difference here is a change in what editors get."""
    pair = CASES[name][1]
    if pair:
        install_file(request.getfixturevalue("pair_models")[get(pair)])
    assert render_case(name) == (GOLDEN / name).read_text(encoding="utf-8")


class _TagBalance(HTMLParser):
    VOID = {"meta", "link", "br", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.doctype = ""
        self.errors: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def test_html_brief_is_a_standalone_english_page() -> None:
    html = render_case("musan.html")
    parser = _TagBalance()
    parser.feed(html)
    assert parser.doctype == "DOCTYPE html" and parser.errors == [] and parser.stack == []
    assert '<html lang="en">' in html and '<meta charset="utf-8">' in html
    assert not re.search(r"""(src|href)=|@import|url\(""", html)  # no external assets


def test_markup_in_the_headline_is_escaped(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, english_headline="'<script>alert(1)</script> & *bold*'")
    for fmt, escaped in [("html", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*"),
                         ("md", r"\<script>alert(1)\</script> & \*bold\*")]:
        result = CliRunner().invoke(
            cli, ["render", str(draft), "-f", fmt, "--engine", "tm", "--tm", str(_tm(tmp_path))])
        assert result.exit_code == 0, result.stderr
        assert escaped in result.stdout
        # A Markdown renderer that passes raw HTML through still shows the text, never runs it.
        html = result.stdout if fmt == "html" else MarkdownIt("commonmark").render(result.stdout)
        assert "<script>" not in html and "<em>bold" not in html


def _tm(folder: Path) -> Path:
    """A memory for write_draft's default body."""
    path = folder / "tm.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="ko"/><body>'
        '<tu creationid="T"><tuv xml:lang="ko"><seg>첫 문장이다.</seg></tuv>'
        '<tuv xml:lang="en"><seg>One.</seg></tuv></tu>'
        '<tu creationid="T"><tuv xml:lang="ko"><seg>둘째 문장이다.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Two.</seg></tuv></tu>'
        '<tu creationid="T"><tuv xml:lang="ko"><seg>시험 기사</seg></tuv>'
        '<tuv xml:lang="en"><seg>Test story</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("sample", ["musan.md", "sinuiju-coal.md", "dancheon-miners.md"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_private_notes_never_appear(sample: str, fmt: str, installed_copy_model) -> None:
    notes = read_draft(SAMPLES / sample).notes
    result = CliRunner().invoke(cli, ["render", str(SAMPLES / sample), "-f", fmt, "--tm", str(SAMPLE_TM)])
    assert result.exit_code == 0, result.stderr
    for line in notes.splitlines():
        assert line.strip() not in result.stdout


def test_notes_never_reach_the_brief_a_template_sees(tmp_path: Path) -> None:
    from rfaflow.brief import build_brief
    from rfaflow.translate import TranslationChain
    from rfaflow.translate.memory import TranslationMemory

    draft = read_draft(write_draft(tmp_path, notes="'PRIVATE-7f3a source is the mayor'"))
    chain = TranslationChain(TranslationMemory.from_files([_tm(tmp_path)], KO, ENGLISH), "tm", KO, ENGLISH)
    brief = build_brief(draft, chain)
    assert "PRIVATE-7f3a" not in repr(brief)


def test_user_template_dir_comes_first(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("{{ brief.headline }} / {{ brief.credits }}\n", encoding="utf-8")
    args = ["render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "--template-dir", str(templates)]
    result = CliRunner().invoke(cli, [*args, "-f", "md"])
    assert result.stdout == (
        "North Hamgyong province halts all rare-mineral exports / Written by Kim Ha-eun for RFA's Korean Service."
        " Translated by Lee Jun-seo. Written in English by Daniel Park.\n"
    )
    assert CliRunner().invoke(cli, args).stdout.startswith("<!DOCTYPE html>")  # html falls back to the built-in


def test_template_errors_are_one_line(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("{{ brief.headlin }}\n", encoding="utf-8")
    args = ["render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "-f", "md", "--template-dir", str(templates)]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: template 'brief.md.j2' uses an undefined value:"
        " 'rfaflow.brief.Brief object' has no attribute 'headlin'\n",
    )
    (templates / "brief.md.j2").write_text("{% if %}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {templates / 'brief.md.j2'}: template syntax error on line 1:"
        " Expected an expression, got 'end of statement block'\n",
    )


def test_output_file_folder_and_several_drafts(tmp_path: Path, installed_copy_model) -> None:
    runner = CliRunner()
    target = tmp_path / "brief.html"
    result = runner.invoke(cli, ["render", str(SAMPLES / "musan.md"), "--tm", str(SAMPLE_TM), "-o", str(target)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "", f"{SAMPLES / 'musan.md'}: 9 segments (1 headline, 8 sentences): QA 0 errors, 0 warnings\n"
        f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8") == (GOLDEN / "musan.html").read_text(encoding="utf-8")

    drafts = [str(SAMPLES / name) for name in ("musan.md", "sinuiju-coal.md")]
    out = tmp_path / "briefs"
    result = runner.invoke(cli, ["render", *drafts, "--tm", str(SAMPLE_TM), "-f", "md", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["musan.md", "sinuiju-coal.md"]  # no temp files left

    result = runner.invoke(cli, ["render", *drafts])
    assert result.exit_code == 2 and "several drafts need -o FOLDER" in result.stderr


QUOTED_BODY = (
    "북한 당국이 이달 들어 압록강 국경 경비를 크게 강화했다고 현지 소식통이 전했다.\n\n"
    "혜산의 한 주민은 이렇게 말했다. “요즘 국경 강을 건너는 사람이 아무도 없다. 국경 경비대가 밤새 순찰을 돈다.”\n\n"
    "소식통에 따르면 국경 경비대는 최근 교대 인원을 두 배로 늘렸다.\n\n"
    "밀수로 생계를 잇던 국경 주민들은 생활이 어려워졌다고 호소했다.\n\n"
    "당국은 경비 강화 조치가 언제까지 이어질지 밝히지 않았다.\n"
)


@pytest.mark.parametrize("language", ["source", "target"])
@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_summaries_never_cut_a_quotation_apart(tmp_path: Path, installed_copy_model, language: str, count: int) -> None:
    draft = write_draft(tmp_path, body=QUOTED_BODY)
    result = CliRunner().invoke(cli, ["render", str(draft), "-f", "md", "--sentences", str(count),
                                      "--summary-language", language])
    assert result.exit_code == 0, result.output
    summary = result.stdout.split("## Summary\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    opening, closing = "- “요즘 국경 강을 건너는 사람이 아무도 없다.", "- 국경 경비대가 밤새 순찰을 돈다.”"
    assert (opening in summary) == (closing in summary)
    assert len(summary) <= count
