"""A draft's body as CommonMark blocks (parsed with markdown-it-py), and the units that are translated.

Blocks: subheadings (`#` to `######`; `#` and `##` both become the brief's second level, the headline being the
first), paragraphs (split into lines at hard breaks), block quotes, bulleted and numbered lists, figures (an image:
its alt text is the caption to translate, its `src` is kept), thematic breaks and code blocks (kept verbatim, never
translated). Raw HTML is not parsed as HTML: it stays text, so it is translated and escaped like any other text.
An image inside a paragraph with other text is lifted out as a figure after that paragraph.

Each line of inline content becomes a `Text`: its plain text and the marks over it (rfaflow.markup). Segmentation
then cuts paragraph lines into sentence units (a mark crossing a cut is split in two, a cut inside inline code or a
URL is not made); a subheading and a caption are one unit each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Generic, TypeVar

from rfaflow.languages import Language
from rfaflow.markup import Mark, tagged

T = TypeVar("T")
U = TypeVar("U")

# What a unit is, in reading order of a brief; "sentence" units alone are summarised.
UNIT_KINDS = ("headline", "dateline", "subheading", "sentence", "caption")


@dataclass(frozen=True)
class Text:
    """A line of inline content: plain text, and its marks (offsets into `text`)."""

    text: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Block(Generic[T]):
    """One block of the story. `lines` holds a subheading's, a paragraph's (one per hard-broken line) or a
    figure's caption's content: `Text` in a draft, unit numbers once segmented, sentences in a brief. Quotes hold
    `children` blocks, lists hold "item" children, which hold blocks."""

    kind: str  # subheading | paragraph | figure | quote | list | item | rule | code
    lines: tuple[T, ...] = ()
    children: tuple[Block[T], ...] = ()
    level: int = 0  # subheading level, 2 to 6
    ordered: bool = False  # list
    start: int = 1  # first number of an ordered list
    tight: bool = False  # a list whose items are not separated by blank lines
    src: str = ""  # figure
    title: str = ""  # figure
    literal: str = ""  # code

    def map(self, function: Callable[[Block[T], T], U]) -> Block[U]:
        """The same tree with every line replaced by `function(block, line)`."""
        return Block(self.kind, tuple(function(self, line) for line in self.lines),
                     tuple(child.map(function) for child in self.children), self.level, self.ordered, self.start,
                     self.tight, self.src, self.title, self.literal)

    def walk(self) -> list[Block[T]]:
        """This block and every block inside it, in reading order."""
        return [self, *(block for child in self.children for block in child.walk())]


@dataclass(frozen=True)
class Unit:
    """One translation unit: `index` is its place in the document (0 for the first); body units are numbered
    from 1 in their `id`, in reading order, as in QA findings, review pages and XLIFF files."""

    index: int
    kind: str
    text: str
    marks: tuple[Mark, ...] = ()
    number: int = 0  # body units: 1, 2, ...; 0 for the headline and dateline

    @property
    def id(self) -> str:
        return str(self.number) if self.number else self.kind

    @property
    def tagged(self) -> str:
        """What the memory and the model see: the plain text with the marks as placeholders."""
        return tagged(self.text, self.marks) if self.marks else self.text


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # CommonMark without raw HTML: a draft's HTML is text, escaped wherever the brief prints it.
    return MarkdownIt("commonmark", {"html": False})


def parse_body(markdown: str) -> list[Block[Text]]:
    """The blocks of a draft's body."""
    blocks, _ = _blocks(_parser().parse(markdown), 0, None)
    return blocks


def _blocks(tokens: Sequence[Any], position: int, closing: str | None) -> tuple[list[Block[Text]], int]:
    """Blocks from `tokens[position:]` up to the token of type `closing`; (blocks, position after it)."""
    blocks: list[Block[Text]] = []
    while position < len(tokens):
        token = tokens[position]
        if token.type == closing:
            return blocks, position + 1
        if token.type == "heading_open":
            lines, figures = _inline(tokens[position + 1])
            level = max(2, int(token.tag[1:]))
            blocks += [Block("subheading", (_joined(lines),), level=level)] if _has_text(lines) else []
            blocks += figures
            position += 3
        elif token.type == "paragraph_open":
            lines, figures = _inline(tokens[position + 1])
            if _has_text(lines):
                blocks.append(Block("paragraph", tuple(line for line in lines if line.text.strip())))
            blocks += figures
            position += 3
        elif token.type == "blockquote_open":
            children, position = _blocks(tokens, position + 1, "blockquote_close")
            blocks.append(Block("quote", children=tuple(children)))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            opened = position
            items, position = _items(tokens, position + 1, token.type.replace("_open", "_close"))
            start = int(token.attrs.get("start", 1)) if token.type == "ordered_list_open" else 1
            # markdown-it hides the paragraphs of a tight list's own items.
            tight = all(t.hidden for t in tokens[opened:position]
                        if t.type == "paragraph_open" and t.level == token.level + 2)
            blocks.append(Block("list", children=tuple(items), ordered=token.type == "ordered_list_open",
                                start=start, tight=tight))
        elif token.type == "hr":
            blocks.append(Block("rule"))
            position += 1
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("code", literal=token.content))
            position += 1
        else:
            position += 1  # html_block cannot occur with html off; anything else carries no text
    return blocks, position


def _items(tokens: Sequence[Any], position: int, closing: str) -> tuple[list[Block[Text]], int]:
    items: list[Block[Text]] = []
    while tokens[position].type != closing:
        children, position = _blocks(tokens, position + 1, "list_item_close")
        items.append(Block("item", children=tuple(children)))
    return items, position + 1


def _has_text(lines: Sequence[Text]) -> bool:
    return any(line.text.strip() for line in lines)


def _joined(lines: Sequence[Text]) -> Text:
    """A subheading's hard-broken lines read as one line."""
    text, marks = "", []
    for line in lines:
        if text:
            text += " "
        marks += [replace(mark, start=mark.start + len(text), end=mark.end + len(text)) for mark in line.marks]
        text += line.text
    return Text(text, tuple(marks))


def _inline(token: Any) -> tuple[list[Text], list[Block[Text]]]:
    """The lines of one inline token (split at hard breaks), and the images found in it, as figures."""
    lines: list[Text] = []
    figures: list[Block[Text]] = []
    text: list[str] = []
    marks: list[Mark] = []
    open_marks: list[tuple[str, int, dict[str, Any]]] = []
    length = 0
    autolink: tuple[int, str] | None = None  # where a bare URL's text started, and its target

    def end_line() -> None:
        nonlocal length
        for kind, start, attrs in open_marks:  # marks open across a hard break continue on the next line
            marks.append(Mark(kind, start, length, attrs.get("href"), attrs.get("title")))
        lines.append(Text("".join(text), tuple(mark for mark in marks if mark.end > mark.start)))
        text.clear()
        marks.clear()
        open_marks[:] = [(kind, 0, attrs) for kind, _, attrs in open_marks]
        length = 0

    def add(piece: str) -> None:
        nonlocal length
        text.append(piece)
        length += len(piece)

    for child in token.children or ():
        kind = child.type
        if kind == "text":
            add(child.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            end_line()
        elif kind == "code_inline":
            start = length
            add(child.content)
            marks.append(Mark("code", start, length))
        elif kind == "link_open" and child.markup == "autolink":
            autolink = (length, str(child.attrs.get("href", "")))
        elif kind == "link_close" and autolink is not None:
            marks.append(Mark("url", autolink[0], length, autolink[1]))
            autolink = None
        elif kind in ("em_open", "strong_open", "link_open"):
            open_marks.append((kind[:-5] if kind != "link_open" else "link", length, dict(child.attrs)))
        elif kind in ("em_close", "strong_close", "link_close"):
            mark_kind, start, attrs = open_marks.pop()
            href = str(attrs["href"]) if "href" in attrs else None
            if length == start and mark_kind == "link":  # [](url): the URL itself stands for the link
                add(href or "")
                marks.append(Mark("url", start, length, href))
            elif length > start:
                marks.append(Mark(mark_kind, start, length, href, attrs.get("title")))
        elif kind == "image":
            title = child.attrs.get("title")
            figures.append(Block("figure", (Text(" ".join(child.content.split())),) if child.content.strip() else (),
                                 src=str(child.attrs.get("src", "")), title=str(title or "")))
    end_line()
    return lines, figures


def segment_blocks(blocks: Sequence[Block[Text]], language: Language, first_index: int = 0) -> tuple[
        list[Unit], list[Block[tuple[int, ...]]]]:
    """Units of the body in reading order, and the blocks with each line as the indices of its units."""
    from rfaflow.segment import sentence_spans

    paragraph_lines = [line for block in blocks for b in block.walk() if b.kind == "paragraph" for line in b.lines]
    spans = dict(zip(map(id, paragraph_lines), sentence_spans([line.text for line in paragraph_lines], language),
                     strict=True))
    units: list[Unit] = []

    def add(kind: str, text: str, marks: Sequence[Mark]) -> int:
        index = first_index + len(units)
        units.append(Unit(index, kind, text, tuple(marks), number=len(units) + 1))
        return index

    def line_units(block: Block[Text], line: Text) -> tuple[int, ...]:
        if block.kind == "subheading":
            return (add("subheading", *_stripped(line.text, line.marks)),)
        if block.kind == "figure":
            return (add("caption", *_stripped(line.text, line.marks)),)
        return tuple(add("sentence", *_piece(line, start, end)) for start, end in _whole_atoms(line, spans[id(line)]))

    return units, [block.map(line_units) for block in blocks]


def _whole_atoms(line: Text, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans merged where a cut falls inside inline code or a URL, which are never split."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and any(m.atom and m.start < start and m.end > merged[-1][1] for m in line.marks):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _piece(line: Text, start: int, end: int) -> tuple[str, list[Mark]]:
    """The sentence `line.text[start:end]` and the parts of the line's marks that fall inside it."""
    marks = [
        replace(mark, start=max(mark.start, start) - start, end=min(mark.end, end) - start)
        for mark in line.marks if mark.start < end and mark.end > start
    ]
    return line.text[start:end], [mark for mark in marks if mark.end > mark.start]


def _stripped(text: str, marks: Sequence[Mark]) -> tuple[str, list[Mark]]:
    lead = len(text) - len(text.lstrip())
    return _piece(Text(text, tuple(marks)), lead, len(text.rstrip()))
