"""A brief's story as HTML and as CommonMark: its blocks, and each sentence with its marks restored.

Both writers escape every piece of text (a draft's raw HTML included) and only the marks rfaflow placed become
markup. Markdown escaping is as light as CommonMark allows: a character is escaped only where it could start
markup (see `markdown_escape`), so "1~10월" and "[sic]" stay as written. The Jinja filters `story_html`,
`story_md`, `inline_html` and `inline_md` expose them to templates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from rfaflow.document import Block
from rfaflow.markup import Inline

# Anywhere in a line: backslashes, code and emphasis delimiters, and `<` or `&` where they would open raw HTML, an
# autolink or an entity. `]` only before `(` or `[` (a link needs both halves; rfaflow writes no link definitions),
# `!` only before `[`. `_` only at a word's edge: CommonMark never reads an intraword `_` as emphasis.
_INLINE_SPECIAL = re.compile(r"[\\`*]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\](?=[(\[])|!(?=\[)|(?<!\w)_|_(?!\w)")
# Only at the start of a line: headings, quotes, list markers and thematic breaks.
_LINE_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|-{3,}\s*$)")
_LINK_TEXT_SPECIAL = re.compile(r"[\[\]]")


def markdown_escape(text: str, line_start: bool = False) -> str:
    """`text` backslash-escaped where CommonMark would read it as markup; `line_start` when it opens a line (every
    line after a newline in it does)."""
    lines = str(text).split("\n")
    return "\n".join(_escape_line(line, line_start or number > 0) for number, line in enumerate(lines))


def _escape_line(text: str, line_start: bool) -> str:
    escaped = _INLINE_SPECIAL.sub(lambda match: "\\" + match.group(), text)
    match = _LINE_START.match(escaped) if line_start else None
    if match is None:
        return escaped
    if match.group()[0].isdigit():  # "1. " would start a list: escape the period (or parenthesis)
        return escaped[: match.end()] + "\\" + escaped[match.end() :]
    return "\\" + escaped


def _link_text(text: str) -> str:
    """Escaped text inside a link's brackets, where any bracket would end or nest it."""
    return _LINK_TEXT_SPECIAL.sub(lambda match: "\\" + match.group(), text)


def inline_md(nodes: Sequence[Inline], line_start: bool = False, in_link: bool = False) -> str:
    out: list[str] = []
    for node in nodes:
        first = line_start and not out
        if node.kind == "text":
            text = markdown_escape(node.text, first)
            out.append(_link_text(text) if in_link else text)
        elif node.kind == "code":
            out.append(_code_span(node.text))
        elif node.kind == "url":
            href = node.href or ""
            out.append(f"<{href}>" if _autolinkable(href) and node.text == href
                       else f"[{_link_text(markdown_escape(node.text))}]({_destination(href, None)})")
        else:
            inner = inline_md(node.children, first, in_link or node.kind == "link")
            lead, core, trail = _outer_spaces(inner)
            if not core:
                out.append(inner)
            elif node.kind == "link":
                out.append(f"{lead}[{core}]({_destination(node.href or '', node.title)}){trail}")
            else:
                delimiter = "**" if node.kind == "strong" else "*"
                out.append(f"{lead}{delimiter}{core}{delimiter}{trail}")
    return "".join(out)


def _outer_spaces(text: str) -> tuple[str, str, str]:
    """Whitespace at a mark's edges goes outside its delimiters, where CommonMark allows it."""
    core = text.strip()
    if not core:
        return "", "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def _code_span(content: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall("`+", content)), default=0) + 1)
    padded = f" {content} " if content.startswith(("`", " ")) or content.endswith(("`", " ")) else content
    return f"{fence}{padded}{fence}"


def _autolinkable(href: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*", href))


def _destination(href: str, title: str | None) -> str:
    """A link destination (in angle brackets when it holds spaces, parentheses or brackets), and its title,
    escaped for CommonMark."""
    plain = bool(re.fullmatch(r"[^\s<>()\\]+", href))
    destination = href if plain else "<" + re.sub(r"([<>\\])", r"\\\1", href) + ">"
    if title:
        destination += ' "' + re.sub(r'(["\\])', r"\\\1", title) + '"'
    return destination


# What a relative link may show as is: unreserved ASCII, the path's slashes, and any non-ASCII letter (Korean file
# names stay readable in index.md). Everything else, ':' included, is percent-encoded, so no file name can turn a
# link into a javascript: URL, break out of its parentheses or start raw HTML.
_LINK_PATH_KEPT = re.compile(r"[A-Za-z0-9._~/-]|[^\x00-\x7f]")


def link_path(path: str) -> str:
    """A relative path as a link destination safe in HTML and CommonMark (see _LINK_PATH_KEPT)."""
    return "".join(char if _LINK_PATH_KEPT.fullmatch(char) and char.isprintable() else
                   "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogateescape"))
                   for char in path)


def inline_html(nodes: Sequence[Inline]) -> Markup:
    out: list[str] = []
    for node in nodes:
        if node.kind == "text":
            out.append(str(escape(node.text)))
        elif node.kind == "code":
            out.append(f"<code>{escape(node.text)}</code>")
        elif node.kind == "url":
            out.append(f'<a href="{escape(node.href or "")}">{escape(node.text)}</a>')
        elif node.kind == "link":
            title = f' title="{escape(node.title)}"' if node.title else ""
            out.append(f'<a href="{escape(node.href or "")}"{title}>{inline_html(node.children)}</a>')
        else:
            tag = "strong" if node.kind == "strong" else "em"
            out.append(f"<{tag}>{inline_html(node.children)}</{tag}>")
    return Markup("".join(out))


def _sentence_html(sentence: Any) -> str:
    return (f'<span class="sentence" data-id="{escape(sentence.id)}" data-origin="{escape(sentence.origin.kind)}">'
            f"{inline_html(sentence.marked)}</span>")


def _line_html(line: Sequence[Any]) -> str:
    return " ".join(_sentence_html(sentence) for sentence in line)


def story_html(blocks: Sequence[Block[Any]], tight: bool = False) -> Markup:
    """The story's blocks as HTML, one block a line (list items and quotes nest)."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "subheading":
            out.append(f"<h{block.level}>{_line_html(block.lines[0])}</h{block.level}>")
        elif block.kind == "paragraph":
            text = "<br>\n".join(_line_html(line) for line in block.lines)
            out.append(text if tight else f"<p>{text}</p>")
        elif block.kind == "quote":
            out.append(f"<blockquote>\n{story_html(block.children)}</blockquote>")
        elif block.kind == "list":
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{story_html(item.children, block.tight).rstrip()}</li>\n" for item in block.children)
            out.append(f"<{tag}{start}>\n{items}</{tag}>")
        elif block.kind == "figure":
            caption = block.lines[0] if block.lines else ()
            alt = " ".join(sentence.text for sentence in caption)
            title = f' title="{escape(block.title)}"' if block.title else ""
            figcaption = f"<figcaption>{_line_html(caption)}</figcaption>" if caption else ""
            out.append(f'<figure><img src="{escape(block.src)}" alt="{escape(alt)}"{title}>{figcaption}</figure>')
        elif block.kind == "rule":
            out.append("<hr>")
        elif block.kind == "code":
            out.append(f"<pre><code>{escape(block.literal)}</code></pre>")
    return Markup("".join(f"{piece}\n" for piece in out))


def _line_md(line: Sequence[Any]) -> str:
    return " ".join(inline_md(sentence.marked, line_start=i == 0) for i, sentence in enumerate(line))


def story_md(blocks: Sequence[Block[Any]], tight: bool = False) -> str:
    """The story's blocks as CommonMark, blocks separated by blank lines (a tight list's items by none)."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "subheading":
            out.append("#" * block.level + " " + _line_md(block.lines[0]))
        elif block.kind == "paragraph":
            out.append("\\\n".join(_line_md(line) for line in block.lines))
        elif block.kind == "quote":
            out.append(_prefixed(story_md(block.children), "> ", "> "))
        elif block.kind == "list":
            items = []
            for number, item in enumerate(block.children, start=block.start):
                marker = f"{number}. " if block.ordered else "- "
                items.append(_prefixed(story_md(item.children, block.tight), marker, " " * len(marker)))
            out.append(("\n" if block.tight else "\n\n").join(items))
        elif block.kind == "figure":
            caption = block.lines[0] if block.lines else ()
            alt = _link_text(markdown_escape(" ".join(sentence.text for sentence in caption)))
            out.append(f"![{alt}]({_destination(block.src, block.title or None)})")  # the alt text is its caption
        elif block.kind == "rule":
            out.append("***")  # never "---", which under a paragraph's last line would make it a heading
        elif block.kind == "code":
            fence = "`" * max(3, max((len(run) for run in re.findall("`+", block.literal)), default=0) + 1)
            out.append(f"{fence}\n{block.literal}{fence}")
    return ("\n" if tight else "\n\n").join(out)


def _prefixed(text: str, first: str, rest: str) -> str:
    """`text` with `first` before its first line and `rest` before the others (a blank line keeps no spaces)."""
    lines = text.split("\n")
    return "\n".join((first if i == 0 else rest) + line if line else (first if i == 0 else rest).rstrip()
                     for i, line in enumerate(lines))
