"""Drafts as CommonMark: blocks, units and inline marks, and the story written back as HTML and Markdown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import SAMPLES, write_draft
from rfaflow.brief import assemble_brief, prepare
from rfaflow.cli import cli
from rfaflow.document import Text, parse_body, segment_blocks
from rfaflow.draft import read_draft
from rfaflow.languages import ENGLISH, LANGUAGES
from rfaflow.markup import Mark
from rfaflow.story import markdown_escape, story_html, story_md
from rfaflow.translate import TranslationChain

KO = LANGUAGES["ko"]

FLOODS = SAMPLES / "yanggang-floods.md"
FLOODS_TM = SAMPLES / "tm" / "yanggang-floods.tmx"


def kinds(markdown: str) -> list[str]:
    return [block.kind for top in parse_body(markdown) for block in top.walk()]


def test_blocks_of_every_kind() -> None:
    body = ("## 소제목\n\n문단이다.\n\n> 인용문이다.\n\n- 하나\n- 둘\n\n3. 셋\n4. 넷\n\n"
            "![사진 설명](a.jpg \"제목\")\n\n"
            "***\n\n```\ncode 그대로\n```\n\n# 첫 단계 제목\n\n#### 넷째 단계\n")
    blocks = parse_body(body)
    assert [b.kind for b in blocks] == ["subheading", "paragraph", "quote", "list", "list", "figure", "rule", "code",
                                        "subheading", "subheading"]
    assert [b.level for b in blocks if b.kind == "subheading"] == [2, 2, 4]  # `#` is the headline's level: h2
    numbered = blocks[4]
    assert (numbered.ordered, numbered.start, numbered.tight, len(numbered.children)) == (True, 3, True, 2)
    figure = blocks[5]
    assert (figure.src, figure.title, figure.lines) == ("a.jpg", "제목", (Text("사진 설명"),))
    assert blocks[7].literal == "code 그대로\n"


def test_a_subheading_is_one_unit_without_its_markup_and_a_caption_another() -> None:
    units, _ = segment_blocks(
        parse_body("## 양강도도 타격\n\n첫 문장이다. 둘째 문장이다.\n\n![사진 설명](a.jpg)\n"), KO)
    assert [(u.id, u.kind, u.text) for u in units] == [
        ("1", "subheading", "양강도도 타격"), ("2", "sentence", "첫 문장이다."), ("3", "sentence", "둘째 문장이다."),
        ("4", "caption", "사진 설명")]


def test_raw_html_is_text_never_markup() -> None:
    [paragraph] = parse_body("<b>굵게</b> <script>alert(1)</script> 문장이다.\n")
    assert paragraph.lines == (Text("<b>굵게</b> <script>alert(1)</script> 문장이다."),)


def test_hard_breaks_split_lines_and_soft_breaks_join_them() -> None:
    [paragraph] = parse_body("첫 줄이다  \n둘째 줄\n이어진다.\\\n셋째 줄이다.\n")
    assert [line.text for line in paragraph.lines] == ["첫 줄이다", "둘째 줄 이어진다.", "셋째 줄이다."]


def test_marks_over_the_plain_text_and_placeholders_for_the_memory() -> None:
    [paragraph] = parse_body('김정은 **위원장**이 [*신의주*](http://a.b "t")를 `rfaflow` <http://c.d>로 알렸다.\n')
    line = paragraph.lines[0]
    assert line.text == "김정은 위원장이 신의주를 rfaflow http://c.d로 알렸다."
    units, _ = segment_blocks([paragraph], KO)
    assert units[0].tagged == "김정은 <g1>위원장</g1>이 <g2><g3>신의주</g3></g2>를 <x4/> <x5/>로 알렸다."
    link = next(mark for mark in line.marks if mark.kind == "link")
    assert (link.href, link.title) == ("http://a.b", "t")


def test_a_mark_across_sentences_is_split_and_code_is_never_cut() -> None:
    units, _ = segment_blocks(parse_body("**첫 문장이다. 둘째** 문장이다. `a. b` 셋째다.\n"), KO)
    assert [u.tagged for u in units] == ["<g1>첫 문장이다.</g1>", "<g1>둘째</g1> 문장이다.", "<x1/> 셋째다."]


def test_an_image_inside_a_paragraph_becomes_a_figure_after_it() -> None:
    assert kinds("문장이다 ![설명](x.png) 계속이다.\n") == ["paragraph", "figure"]


# ---------------------------------------------------------------- the sample story


def test_the_sample_story_renders_from_memory_with_its_structure() -> None:
    result = CliRunner().invoke(cli, ["render", str(FLOODS), "--tm", str(FLOODS_TM), "--engine", "tm", "-f", "md"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{FLOODS}: 11 segments (1 headline, 1 subheading, 9 sentences): QA 0 errors, 0 warnings\n"
    story = result.stdout
    assert "\n## Yanggang hit\n" in story
    assert "\n> The authorities only told us to evacuate; they gave us neither food nor tents.\n" in story
    assert "\n- More than 300 homes flooded\n- 1,000 hectares of farmland washed away\n" in story
    assert "[the Korean Central News Agency](https://www.kcna.kp/)" in story
    assert "“**Overnight**, the whole village" in story and "working **day and night**." in story


def _copy_brief(draft_path: Path):
    draft = read_draft(draft_path)
    prepared = prepare(draft)
    translations = TranslationChain(None, "argos", KO, ENGLISH).translate(prepared.texts)
    return draft, assemble_brief(prepared, translations)


def _html_shape(markup: str) -> list[str]:
    """Tags (with href/src only) and whitespace-collapsed, unescaped text: what two HTML renderings share."""
    markup = re.sub(r"</?span[^>]*>", "", markup)
    markup = re.sub(r"</?(figure|figcaption)>", "", markup)
    out = []
    for token in re.findall(r"<[^>]+>|[^<]+", markup):
        if token.startswith("<"):
            name = re.match(r"</?\w+", token).group()
            attrs = "".join(f' {k}="{html.unescape(v)}"' for k, v in re.findall(r'(href|src)="([^"]*)"', token))
            out.append(f"{name}{attrs}>")
        elif token.strip():
            out.append(" ".join(html.unescape(token).split()))
    return out


def _units(blocks) -> list[tuple[str, str, tuple[Mark, ...]]]:
    return [(unit.kind, unit.text, unit.marks) for unit in segment_blocks(blocks, KO)[0]]


def test_through_the_copy_model_every_block_and_mark_comes_back_exactly(installed_copy_model) -> None:
    draft, brief = _copy_brief(FLOODS)
    assert _units(parse_body(story_md(brief.blocks))) == _units(draft.blocks)
    body = FLOODS.read_text(encoding="utf-8").split("---\n", 2)[2]
    expected = MarkdownIt("commonmark", {"html": False}).render(body)
    assert _html_shape(story_html(brief.blocks)) == _html_shape(expected)


_WORDS = st.sampled_from(["북한", "주민", "소식통", "국경", "세관", "압록강", "신의주", "화물", "당국", "광산"])
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=5).map(lambda words: " ".join(words) + "이다.")


@st.composite
def _marked(draw) -> str:
    words = draw(st.lists(_SENTENCE, min_size=1, max_size=3)).copy()
    i = draw(st.integers(0, len(words) - 1))
    kind = draw(st.sampled_from(["", "*", "**", "link", "code"]))
    word = words[i]
    if kind == "link":
        words[i] = f"[{word}](https://example.org/{i}?q={draw(st.integers(0, 99))})"
    elif kind == "code":
        words[i] = f"`{word}`"
    elif kind:
        words[i] = f"{kind}{word}{kind}"
    return " ".join(words)


_BLOCK = st.one_of(
    _marked(),
    _marked().map(lambda text: "## " + text),
    _marked().map(lambda text: "> " + text),
    st.lists(_marked(), min_size=1, max_size=3).map(lambda items: "\n".join(f"- {item}" for item in items)),
    st.lists(_marked(), min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}. {x}" for n, x in enumerate(items, 1))),
    _WORDS.map(lambda word: f"![{word} 사진](photo-{len(word)}.jpg)"),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(_BLOCK, min_size=1, max_size=6))
def test_generated_markdown_survives_the_copy_model(installed_copy_model, tmp_path_factory, blocks: list[str]) -> None:
    """The law: through a model that keeps its input, the brief's story parses to the draft's units and marks, and
    every link URL of the draft is in the brief."""
    body = "\n\n".join(blocks) + "\n"
    folder = tmp_path_factory.mktemp("generated")
    if not any(block.lines for top in parse_body(body) for block in top.walk()):
        return
    draft, brief = _copy_brief(write_draft(folder, body, english_headline="Generated"))
    assert _units(parse_body(story_md(brief.blocks))) == _units(draft.blocks)
    rendered = story_html(brief.blocks)
    for url in re.findall(r"\]\(([^)]+)\)", body):
        assert html.escape(url) in rendered


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_markdown_escape_gives_back_the_text(text: str) -> None:
    """The law of `markdown_escape`: CommonMark reads the escaped text as exactly that text, in one paragraph."""
    text = " ".join(text.split())
    if not text:
        return
    tokens = MarkdownIt("commonmark").parse(markdown_escape(text, line_start=True))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    inline = tokens[1].children
    assert all(child.type in ("text", "softbreak") for child in inline)
    assert "".join(child.content for child in inline) == text


@pytest.mark.parametrize("text, escaped", [
    ("1~10월", "1~10월"), ("[sic] a", "[sic] a"), ("snake_case", "snake_case"), ("3 * 4", "3 \\* 4"),
    ("a [b](c)", "a [b\\](c)"), ("<b>", "\\<b>"), ("AT&T", "AT&T"), ("&amp;", "\\&amp;"),
    ("# not a heading", "\\# not a heading"), ("1. not a list", "1\\. not a list"), ("- no", "\\- no"),
])
def test_markdown_escape_only_where_commonmark_needs_it(text: str, escaped: str) -> None:
    assert markdown_escape(text, line_start=True) == escaped


def test_summaries_choose_body_sentences_never_a_subheading_or_caption(installed_copy_model) -> None:
    _, brief = _copy_brief(FLOODS)
    assert brief.summary and all(sentence.kind == "sentence" for sentence in brief.summary)


def test_a_mark_the_translation_lost_is_kept_at_sentence_level_and_reported(tmp_path: Path) -> None:
    draft = write_draft(tmp_path, "북한 [당국](https://example.org/a)이 발표했다.\n", english_headline="Notice")
    tm = tmp_path / "plain.tmx"
    tm.write_text('<tmx version="1.4"><header srclang="ko"/><body><tu creationid="T">'
                  '<tuv xml:lang="ko"><seg>북한 당국이 발표했다.</seg></tuv>'
                  '<tuv xml:lang="en"><seg>North Korean authorities announced it.</seg></tuv></tu></body></tmx>',
                  encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(draft), "--tm", str(tm), "--engine", "tm", "-f", "md"])
    assert result.exit_code == 0, result.stderr
    assert "[North Korean authorities announced it.](https://example.org/a)" in result.stdout
    assert result.stderr.endswith(": QA 0 errors, 1 warning\n")
    checked = CliRunner().invoke(cli, ["check", str(draft), "--tm", str(tm), "--engine", "tm"])
    assert checked.stdout == (f"{draft}:1: warning: markup: could not place the link to https://example.org/a ('당국')"
                              " in the translation; applied to the whole sentence\n")
