"""What every reader of a translation file shares (TMX in rfaflow.translate.memory, XLIFF in rfaflow.xliff, TBX and
CSV in rfaflow.glossary): the file's bytes (bounded, never a pipe), its encoding, and the XML parse, so that each
ends in its result or one line naming the file, the problem with its line, and the fix. XML is parsed with lxml as
translate-toolkit parses it (no entity expansion, no network); entities are refused, never dropped.
"""

from __future__ import annotations

import codecs
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rfaflow import limits
from rfaflow.errors import CONTROL_CHARACTER, RfaflowError, clip, control_problem, from_os_error

if TYPE_CHECKING:
    from lxml.etree import XMLSyntaxError, _ElementTree

_Parsed = TypeVar("_Parsed")


def read_translation_bytes(path: Path, error: type[RfaflowError], what: str,
                           limit: int = limits.MAX_TRANSLATION_FILE_BYTES) -> bytes:
    """The bytes of the `what` ("XLIFF file") at `path`, refused past `limit` before it is opened. A pipe or a
    device is refused too: reading one could block or never end."""
    too_big = error(f"is over {limit // 2**20} MB, more than rfaflow reads; split it into smaller files", path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
            raise error(f"is a pipe or a device, not a {what}", path)
        if status.st_size > limit:
            raise too_big
        with path.open("rb") as handle:  # a folder fails here, worded by from_os_error
            data = handle.read(limit + 1)  # to the limit: a file that grows after stat() cannot slip by
    except FileNotFoundError:
        raise error(f"no such {what}", path) from None
    except OSError as err:
        raise from_os_error(err, path, error, f"cannot read the {what}") from None
    if len(data) > limit:
        raise too_big
    return data


def refuse_control_characters(text: str | None, line: int, path: Path, error: type[RfaflowError]) -> None:
    """Raise `error` for the first control character in `text`, which starts on `line`."""
    found = CONTROL_CHARACTER.search(text) if text else None
    if text and found:
        raise error(control_problem(found.group(), line + text.count("\n", 0, found.start())), path)


# A byte-order mark decides the encoding; so does the way '<' and '?' open a UTF-32 or UTF-16 document without one
# (XML 1.0, appendix F). Codecs and names for messages; UTF-32 LE's mark starts with UTF-16 LE's, so it goes first.
_MARKED = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    (b"\0\0\0<", "utf-32-be", "UTF-32"), (b"<\0\0\0", "utf-32-le", "UTF-32"),
    (b"\0<\0?", "utf-16-be", "UTF-16"), (b"<\0?\0", "utf-16-le", "UTF-16"),
)
_DECLARATION = re.compile(r"<\?xml\s.*?\?>", re.DOTALL)
_ENCODING = re.compile(r"""\sencoding\s*=\s*(["'])(.*?)\1""", re.DOTALL)
_ENCODING_NAME = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")  # XML 1.0's EncName
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna"})  # Python codecs that read escapes


def _declared_codec(name: str, data: bytes, path: Path, error: type[RfaflowError]) -> str:
    """The codec of a declared encoding, refused when Python knows no character encoding by that name, when the
    declaration itself (plain ASCII, as no mark said otherwise) cannot be in it, or when the bytes are UTF-8 under
    another name."""
    try:
        codec = codecs.lookup(name).name if _ENCODING_NAME.fullmatch(name) else ""
        if codec in ("", *_NOT_CHARSETS):
            raise LookupError(name)
        ascii_compatible = _PRINTABLE_ASCII.decode(codec) == _PRINTABLE_ASCII.decode("ascii")  # LookupError: rot13
    except LookupError:
        raise error(f"declares encoding '{clip(name)}', which is not a known encoding; save it as UTF-8",
                    path) from None
    except UnicodeError:  # UTF-16, UTF-32
        ascii_compatible = False
    if not ascii_compatible:
        raise error(f"declares encoding '{clip(name)}', but is not written in it; save it as UTF-8", path)
    if not codec.startswith("utf-8") and not data.isascii() and _is_utf8(data):
        raise error(f"declares encoding '{clip(name)}', but is written in UTF-8; change the declaration to "
                    "encoding=\"UTF-8\"", path)
    return codec


def _encoding_declared(text: str) -> re.Match[str] | None:
    """The encoding named by the XML declaration that opens `text` (the name is group 2)."""
    declaration = _DECLARATION.match(text)
    return _ENCODING.search(text, 0, declaration.end()) if declaration else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _as_utf8(data: bytes, path: Path, error: type[RfaflowError]) -> bytes:
    """The document re-encoded as UTF-8 and declared so, for the parser: its encoding is given by a byte-order
    mark, else by its declaration (UTF-8 when it has none)."""
    codec, label = next(((codec, label) for mark, codec, label in _MARKED if data.startswith(mark)), (None, ""))
    if codec is None:
        declared = _encoding_declared(data[: data.find(b"?>") + 2].decode("latin-1"))  # ASCII, as no mark said
        name = declared.group(2) if declared else "UTF-8"
        codec = _declared_codec(name, data, path, error)
        label = "UTF-8" if codec.startswith("utf-8") else f"{clip(name)}, as it declares"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        line = data[: err.start].decode(codec, errors="replace").count("\n") + 1
        raise error(f"not {label} (byte 0x{data[err.start]:02x} on line {line}); save it as UTF-8", path) from None
    declared = _encoding_declared(text)
    if declared:
        text = f"{text[: declared.start(2)]}UTF-8{text[declared.end(2):]}"
    return text.encode("utf-8")


_PARSER_MESSAGE_CHARS = 100  # libxml2's messages run to about 80 characters; one quoting a huge name is cut
_POSITION = re.compile(r",? line \d+, column \d+$")
_HINT = re.compile(r",? (?:try|use|see) \S*(?:XML_PARSE_HUGE|xmlCtxt)\S*(?: option)?")  # advice for programmers
_CHARACTER = re.compile(r"(?:value|Char) (0x[0-9A-Fa-f]+|\d+)")
_ENTITY_NAME = re.compile(r"Entity '([^']*)' not defined")
_CUT_SHORT = re.compile(r"Premature end of data in tag (\S+) line (\d+)")


def _too_deep(line: int) -> str:
    return (f"elements nested more than {limits.MAX_XML_DEPTH} deep on line {line}; no translation file nests "
            "so deep: export it again")


def _entity_problem(name: str, line: int) -> str:
    return (f"entity &{clip(name)}; on line {line} cannot be read (rfaflow reads no DTD entities); write the "
            "character itself")


def _syntax_problem(err: XMLSyntaxError, kind: str) -> str:
    """libxml2's error as one line in an editor's terms: the characters and entities XML refuses, nesting and
    sizes past what libxml2 reads; anything else as "malformed KIND" with its position."""
    from lxml.etree import ErrorTypes

    line, column = err.position
    message = " ".join(_HINT.sub("", _POSITION.sub("", (err.msg or "").strip())).split())
    character = _CHARACTER.search(message) if err.code == ErrorTypes.ERR_INVALID_CHAR else None
    entity = _ENTITY_NAME.search(message)
    if character:
        code = int(character.group(1), 0)
        if CONTROL_CHARACTER.match(chr(code)):
            return control_problem(chr(code), line)
        if 0xD800 <= code <= 0xDFFF:
            return f"line {line} holds the lone surrogate U+{code:04X}, which is not text; remove it"
    if entity and err.code in (ErrorTypes.ERR_UNDECLARED_ENTITY, ErrorTypes.WAR_UNDECLARED_ENTITY):
        return _entity_problem(entity.group(1), line)
    if message.startswith("Excessive depth"):
        return _too_deep(line)
    cut = _CUT_SHORT.match(message)
    if cut:
        return (f"the file ends on line {line} inside <{clip(cut.group(1))}>, opened on line {cut.group(2)}: it is "
                "cut short; save or export it again")
    if err.code == ErrorTypes.ERR_RESOURCE_LIMIT:  # a text or value past libxml2's 10 MB, an entity bomb
        return f"too large to read on line {line}: {clip(message, _PARSER_MESSAGE_CHARS)}"
    return f"malformed {kind} on line {line}, column {column}: {clip(message, _PARSER_MESSAGE_CHARS)}"


# An entity reference, skipping comments and CDATA sections, whose text holds none.
_REFERENCE = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|&([^\s&;<>\"'#]+);", re.DOTALL)
_PREDEFINED = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
# What a control character in the parsed text comes from: itself (C1 in UTF-8) or a character reference.
_CONTROL_SOURCE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|&#")


def _check_tree(data: bytes, tree: _ElementTree, path: Path, error: type[RfaflowError]) -> None:
    """Refuse what the parser lets through but a translation file never holds: entity references (a document with
    a DOCTYPE may refer to entities the parser leaves unexpanded, or drops from attributes, unseen), nesting past
    MAX_XML_DEPTH (readers of inline markup recurse), and control characters."""
    from lxml import etree

    if tree.docinfo.doctype:
        for found in _REFERENCE.finditer(data):
            if found.group(1) is not None and found.group(1) not in _PREDEFINED:
                line = data.count(b"\n", 0, found.start()) + 1
                raise error(_entity_problem(found.group(1).decode("utf-8"), line), path)
    too_deep = etree.XPath("/*" * (limits.MAX_XML_DEPTH + 1))(tree)  # the elements one level past the limit
    if too_deep:
        raise error(_too_deep(too_deep[0].sourceline or 1), path)
    if _CONTROL_SOURCE.search(data):  # else no text can hold one: most files are not walked
        for node in tree.iter():
            line = node.sourceline or 1
            if isinstance(node.tag, str):  # an element; comments and processing instructions are never read
                for text in (node.text, *node.attrib.values()):
                    refuse_control_characters(text, line, path, error)
            refuse_control_characters(node.tail, line, path, error)


def parse_translation_xml(data: bytes, path: Path, error: type[RfaflowError], kind: str,
                          parse: Callable[[bytes], _Parsed], tree: Callable[[_Parsed], _ElementTree]) -> _Parsed:
    """`parse` (an lxml or translate-toolkit parse of bytes) applied to the `kind` ("XLIFF") document in `data`,
    re-encoded as UTF-8, and its `tree` checked: every problem a one-line `error`."""
    from lxml.etree import XMLSyntaxError

    data = _as_utf8(data, path, error)
    try:
        parsed = parse(data)
    except XMLSyntaxError as err:
        raise error(_syntax_problem(err, kind), path) from None
    _check_tree(data, tree(parsed), path, error)
    return parsed
