"""Inline markup through translation: marks over a sentence's plain text, placeholders for memory and MT, and the
marked English rebuilt from a translation that kept them.

A sentence's emphasis, strong text and links become paired placeholders `<g1>…</g1>` and its inline code and bare
URLs become atoms `<x2/>` (the names of XLIFF 1.2's inline elements, which CAT tools show as movable tags). The
memory and the model see the placeholders; the copy model and models that keep tags give them back around the
corresponding English words. A mark whose placeholders come back missing, twice or crossing another is applied to
the whole sentence instead, and an atom that comes back missing is appended, each reported: a link's URL is never
dropped. Atoms are never translated: their text is put back from the draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

PAIRED = ("em", "strong", "link")
ATOMS = ("code", "url")
MARK_NAMES = {"em": "emphasis", "strong": "strong text", "link": "link", "code": "inline code", "url": "URL"}
TAG = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>")


@dataclass(frozen=True)
class Mark:
    """Inline markup over `text[start:end]` of a unit's plain text; `href`/`title` for links and URLs."""

    kind: str
    start: int
    end: int
    href: str | None = None
    title: str | None = None

    @property
    def atom(self) -> bool:
        return self.kind in ATOMS


@dataclass(frozen=True)
class Inline:
    """A node of marked English: plain `text` (kind "text"), an atom (its verbatim `text`), or a mark over
    `children`."""

    kind: str
    text: str = ""
    children: tuple[Inline, ...] = ()
    href: str | None = None
    title: str | None = None

    @property
    def plain(self) -> str:
        return self.text if not self.children else "".join(child.plain for child in self.children)


@dataclass(frozen=True)
class Restored:
    """A translation with its marks back in place; `problems` says which marks could only be kept whole-sentence."""

    nodes: tuple[Inline, ...]
    problems: tuple[str, ...] = ()

    @property
    def plain(self) -> str:
        return "".join(node.plain for node in self.nodes)


def ordered(marks: Sequence[Mark]) -> list[Mark]:
    """Marks in the order their placeholders open: by start, an enclosing mark before the marks inside it."""
    return sorted(marks, key=lambda mark: (mark.start, -mark.end, mark.atom))


def tagged(text: str, marks: Sequence[Mark]) -> str:
    """`text` with its marks as numbered placeholders, numbered in order of opening."""
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    atoms: dict[int, tuple[int, str]] = {}
    for number, mark in enumerate(ordered(marks), start=1):
        if mark.atom:
            atoms[mark.start] = (mark.end, f"<x{number}/>")
        else:
            opens.setdefault(mark.start, []).append(f"<g{number}>")
            closes.setdefault(mark.end, []).insert(0, f"</g{number}>")  # an inner mark closes first
    out: list[str] = []
    position = 0
    while position <= len(text):
        out += closes.get(position, []) + opens.get(position, [])
        if position in atoms:
            position, placeholder = atoms[position]
            out.append(placeholder)
            continue
        out.append(text[position : position + 1])
        position += 1
    return "".join(out)


def strip_tags(text: str) -> str:
    """The placeholders removed, whitespace tidied: what the text reads as without its markup."""
    return " ".join(TAG.sub("", text).split())


def restore(source_text: str, marks: Sequence[Mark], translated: str) -> Restored:
    """The marked English of a unit whose placeholder text (see `tagged`) was translated as `translated`."""
    marks = ordered(marks)
    if not marks:
        plain = strip_tags(translated) if TAG.search(translated) else translated
        return Restored((Inline("text", plain),) if plain else ())
    by_number = dict(enumerate(marks, start=1))
    tokens = _tokens(translated)
    placed = _placeable(tokens, by_number)
    nodes = _tree(tokens, placed, by_number, source_text)
    problems = []
    for number, mark in by_number.items():
        if number in placed:
            continue
        what = _describe(mark, source_text)
        if mark.atom:
            nodes = tuple(_tidy([*nodes, Inline("text", " "), _atom(mark, source_text)]))
            problems.append(f"{what} did not come back in the translation; appended to the sentence")
        else:
            nodes = (Inline(mark.kind, children=nodes, href=mark.href, title=mark.title),)
            problems.append(f"could not place {what} in the translation; applied to the whole sentence")
    return Restored(tuple(nodes), tuple(problems))


def _describe(mark: Mark, source_text: str) -> str:
    covered = source_text[mark.start : mark.end]
    target = f" to {mark.href}" if mark.kind == "link" else ""
    return f"the {MARK_NAMES[mark.kind]}{target} ('{covered}')"


def _tokens(translated: str) -> list[str | tuple[str, int]]:
    """Text pieces and placeholders ("open"/"close"/"atom", number), in order."""
    tokens: list[str | tuple[str, int]] = []
    position = 0
    for match in TAG.finditer(translated):
        tokens.append(translated[position : match.start()])
        if match.group(3):
            tokens.append(("atom", int(match.group(3))))
        else:
            tokens.append(("close" if match.group(1) else "open", int(match.group(2))))
        position = match.end()
    tokens.append(translated[position:])
    return tokens


def _placeable(tokens: list[str | tuple[str, int]], by_number: dict[int, Mark]) -> set[int]:
    """Numbers whose placeholders came back usable: a paired mark opened once and closed once after it, nesting
    with the others; an atom at least once (its first occurrence is used)."""
    tags = [token for token in tokens if isinstance(token, tuple)]
    placed = {n for n, mark in by_number.items() if mark.atom and ("atom", n) in tags}
    candidates = {
        n for n, mark in by_number.items()
        if not mark.atom and tags.count(("open", n)) == 1 and tags.count(("close", n)) == 1
        and tags.index(("open", n)) < tags.index(("close", n))
    }
    while True:  # drop a mark that crosses another until the rest nest
        stack: list[int] = []
        crossing = None
        for role, n in tags:
            if n not in candidates or role == "atom":
                continue
            if role == "open":
                stack.append(n)
            elif stack[-1] == n:
                stack.pop()
            else:
                crossing = n
                break
        if crossing is None:
            return placed | candidates
        candidates.discard(crossing)


def _atom(mark: Mark, source_text: str) -> Inline:
    return Inline(mark.kind, text=source_text[mark.start : mark.end], href=mark.href, title=mark.title)


def _tree(tokens: list[str | tuple[str, int]], placed: set[int], by_number: dict[int, Mark],
          source_text: str) -> tuple[Inline, ...]:
    root: list[Inline] = []
    stack: list[tuple[Mark, list[Inline]]] = []
    used_atoms: set[int] = set()
    for token in tokens:
        current = stack[-1][1] if stack else root
        if isinstance(token, str):
            if token:
                current.append(Inline("text", token))
            continue
        role, n = token
        if n not in placed or (role == "atom" and n in used_atoms):
            continue
        mark = by_number[n]
        if role == "atom":
            used_atoms.add(n)
            current.append(_atom(mark, source_text))
        elif role == "open":
            stack.append((mark, []))
        else:
            mark, children = stack.pop()
            node = Inline(mark.kind, children=tuple(_tidy(children, trim=False)), href=mark.href, title=mark.title)
            (stack[-1][1] if stack else root).append(node)
    return tuple(_tidy(root))


def _tidy(nodes: Sequence[Inline], trim: bool = True) -> list[Inline]:
    """Adjacent text merged and runs of spaces (left where a stray placeholder was taken out) collapsed; with
    `trim`, the sentence's outer whitespace removed."""
    merged: list[Inline] = []
    for node in nodes:
        if node.kind == "text" and merged and merged[-1].kind == "text":
            merged[-1] = replace(merged[-1], text=merged[-1].text + node.text)
        else:
            merged.append(node)
    merged = [replace(n, text=re.sub(r"\s{2,}", " ", n.text)) if n.kind == "text" else n for n in merged]
    if trim and merged and merged[0].kind == "text":
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
    if trim and merged and merged[-1].kind == "text":
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return [node for node in merged if node.kind != "text" or node.text]
