"""Hostile translation files: every reader (TMX, XLIFF, TBX, CSV glossary) ends in its result or one RfaflowError
line naming the file, the problem (with its line) and the fix, never another exception; the commands that read
them exit 1 with nothing written or imported."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE_TM, SAMPLES
from rfaflow import limits
from rfaflow.cli import cli
from rfaflow.errors import MemoryFileError, RfaflowError
from rfaflow.glossary import GlossaryError, read_glossary
from rfaflow.languages import ENGLISH, LANGUAGES
from rfaflow.store import Store
from rfaflow.translate.memory import read_tmx
from rfaflow.xliff import XliffError, read_pairs, read_post_edits

KO = LANGUAGES["ko"]

TBX_SAMPLE = SAMPLES / "glossary" / "korean-desk.tbx"
CSV_SAMPLE = SAMPLES / "glossary" / "korean-desk.csv"
FIRST_TARGET = "North Hamgyong province halts all rare-mineral exports"  # line 10 of the exported XLIFF
TBX_TERM = "Kim Jong Un</term>"  # line 15 of the sample TBX

# One ko→en unit; the target is on line 7.
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header srclang="ko" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t"
 creationtoolversion="1"/>
<body><tu tuid="1" creationid="Han So-ra">
<tuv xml:lang="ko"><seg>주민들이 말했다.</seg></tuv>
<tuv xml:lang="en"><seg>{target}</seg></tuv>
</tu></body>
</tmx>
"""


def _invoke(*args: object):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _read_tmx(path: Path) -> object:
    return read_tmx(path, KO, ENGLISH)


def _read_xliff(path: Path) -> object:
    return read_pairs(path)[1], read_post_edits(path, "X")


READERS: dict[str, tuple[Callable[[Path], object], type[RfaflowError], str]] = {
    "tmx": (_read_tmx, MemoryFileError, "translation memory file"),
    "xlf": (_read_xliff, XliffError, "XLIFF file"),
    "tbx": (partial(read_glossary, source=KO), GlossaryError, "glossary file"),
    "csv": (partial(read_glossary, source=KO), GlossaryError, "glossary file"),
}


def _error(path: Path) -> str:
    """The one-line message the reader for `path`'s suffix ends in, without the path."""
    read, error, _ = READERS[path.suffix[1:]]
    with pytest.raises(error) as caught:
        read(path)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(f"{path}: ")
    return message.removeprefix(f"{path}: ")


@pytest.fixture(scope="module")
def xliff_sample(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """An XLIFF exported by the command line from the musan sample, memory only."""
    path = tmp_path_factory.mktemp("xliff") / "musan.xlf"
    result = _invoke("xliff", "export", SAMPLES / "musan.md", "--tm", SAMPLE_TM, "--engine", "tm", "-o", path)
    assert result.exit_code == 0, result.output
    return path.read_bytes()


# Nesting: the TMX reader recursed into inline markup (RecursionError); every reader now bounds the depth.

def test_deeply_nested_inline_markup_is_an_error_not_a_crash(tmp_path: Path, xliff_sample: bytes) -> None:
    deep = "<hi>" * 5000 + "x" + "</hi>" * 5000
    assert _error(_write(tmp_path, "deep.tmx", TMX.format(target=deep))) == (
        f"elements nested more than {limits.MAX_XML_DEPTH} deep on line 7; no translation file nests so deep: "
        "export it again")
    # Past the limit but within libxml2's own (256): refused the same way, by rfaflow's check.
    nested = "<g id='1'>" * 100 + "x" + "</g>" * 100
    xlf = _write(tmp_path, "deep.xlf", xliff_sample.replace(FIRST_TARGET.encode(), nested.encode(), 1))
    assert _error(xlf) == (f"elements nested more than {limits.MAX_XML_DEPTH} deep on line 10; no translation file"
                           " nests so deep: export it again")
    tbx = _write(tmp_path, "deep.tbx", TBX_SAMPLE.read_bytes().replace(
        TBX_TERM.encode(), ("<hi>" * 300 + "Kim" + "</hi>" * 300 + "</term>").encode(), 1))
    assert _error(tbx).startswith(f"elements nested more than {limits.MAX_XML_DEPTH} deep on line 15; ")
    shallow = "<hi>" * 10 + "Residents said." + "</hi>" * 10  # what real inline markup does: read as text
    [unit] = read_tmx(_write(tmp_path, "shallow.tmx", TMX.format(target=shallow)), KO, ENGLISH)
    assert unit.target == "Residents said."


# Encodings: a declaration the bytes disagree with is read by the bytes' mark, or refused in one line.

def test_unknown_encoding_declarations_are_one_line_errors(tmp_path: Path, xliff_sample: bytes) -> None:
    declared = TMX.replace('encoding="UTF-8"', 'encoding="ETF-8"')
    expected = "declares encoding 'ETF-8', which is not a known encoding; save it as UTF-8"
    assert _error(_write(tmp_path, "etf.tmx", declared)) == expected
    assert _error(_write(tmp_path, "etf.xlf", xliff_sample.replace(b"UTF-8", b"ETF-8", 1))) == expected
    assert _error(_write(tmp_path, "etf.tbx", TBX_SAMPLE.read_bytes().replace(b"UTF-8", b"ETF-8", 1))) == expected
    # Python codecs that are no character set, and names XML does not allow.
    for name, shown in [("rot13", "rot13"), ("base64", "base64"), ("unicode_escape", "unicode_escape"),
                        ("UTF\x01-8", "UTF\\x01-8")]:
        path = _write(tmp_path, "odd.tmx", TMX.replace('encoding="UTF-8"', f'encoding="{name}"'))
        assert _error(path) == f"declares encoding '{shown}', which is not a known encoding; save it as UTF-8"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (TMX.replace("UTF-8", "ISO-8859-1").encode("utf-8"),
         "declares encoding 'ISO-8859-1', but is written in UTF-8; change the declaration to encoding=\"UTF-8\""),
        (TMX.replace("UTF-8", "UTF-16").encode("utf-8"),
         "declares encoding 'UTF-16', but is not written in it; save it as UTF-8"),
        (TMX.replace("UTF-8", "cp500").encode("utf-8"),
         "declares encoding 'cp500', but is not written in it; save it as UTF-8"),
        (TMX.format(target="Café").encode("utf-8").replace("é".encode(), b"\xe9"),
         "not UTF-8 (byte 0xe9 on line 7); save it as UTF-8"),
        (TMX.replace("UTF-8", "EUC-KR").format(target="x").encode("euc-kr")[:-40] + b"\xff\xfe</tmx>",
         "not EUC-KR, as it declares (byte 0xff on line 7); save it as UTF-8"),
        ("\ufeff".encode("utf-16-le") + TMX.encode("utf-16-le")[:-1],
         "not UTF-16 (byte 0x0a on line 9); save it as UTF-8"),
    ],
    ids=["latin-1-declared-utf-8-bytes", "utf-16-declared-ascii-bytes", "ebcdic-declared", "not-utf-8",
         "not-euc-kr", "utf-16-cut-mid-character"],
)
def test_declarations_the_bytes_disagree_with(tmp_path: Path, data: bytes, message: str) -> None:
    assert _error(_write(tmp_path, "bad.tmx", data)) == message


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16"),  # BOM, declaration says UTF-8: the mark decides
        lambda text: text.encode("utf-16-be"),  # no BOM: the way '<?' is written decides
        lambda text: text.encode("utf-32"),
        lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: text.replace("UTF-8", "EUC-KR").encode("euc-kr"),
        lambda text: text.replace('encoding="UTF-8"', "encoding='utf-16'").encode("utf-16"),
    ],
    ids=["utf-16-bom", "utf-16-be-unmarked", "utf-32", "utf-8-bom-crlf", "euc-kr", "utf-16-declared"],
)
def test_encodings_the_bytes_show_are_read_correctly(tmp_path: Path, encode: Callable[[str], bytes]) -> None:
    [unit] = read_tmx(_write(tmp_path, "ok.tmx", encode(TMX.format(target="Residents said."))), KO, ENGLISH)
    assert (unit.source, unit.target, unit.translator) == ("주민들이 말했다.", "Residents said.", "Han So-ra")


def test_the_other_readers_follow_the_marks_too(tmp_path: Path, xliff_sample: bytes) -> None:
    xlf = _write(tmp_path, "utf16.xlf", xliff_sample.decode("utf-8").encode("utf-16"))
    assert read_pairs(xlf)[1][0][2] == FIRST_TARGET
    tbx = _write(tmp_path, "bom.tbx", codecs.BOM_UTF8 + TBX_SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    assert read_glossary(tbx, KO)[0].target == "Kim Jong Un"
    csv = _write(tmp_path, "bom.csv", codecs.BOM_UTF8 + CSV_SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    assert read_glossary(csv, KO) == read_glossary(CSV_SAMPLE, KO)


# Entities: a reference rfaflow cannot resolve is an error naming it and its line, never text silently lost.

@pytest.mark.parametrize(
    "doctype",
    [
        "",  # no DTD: libxml2 refuses it
        '<!DOCTYPE xliff SYSTEM "xliff-core-1.2-strict.dtd">',  # lxml kept it as an empty node: the text was lost
        '<!DOCTYPE xliff [<!ENTITY nbsp "&#160;">]>',  # declared: rfaflow reads no entities
        '<!DOCTYPE xliff [<!ENTITY nbsp SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["undeclared", "external-dtd", "internal-entity", "external-entity"],
)
def test_xliff_entity_references_are_refused_with_their_line(tmp_path: Path, xliff_sample: bytes,
                                                             doctype: str) -> None:
    data = xliff_sample.replace(FIRST_TARGET.encode(), b"a&nbsp;b", 1)
    data = data.replace(b"?>\n", f"?>{doctype}\n".encode(), 1)  # on line 1: the target stays on line 10
    path = _write(tmp_path, "entity.xlf", data)
    assert _error(path) == ("entity &nbsp; on line 10 cannot be read (rfaflow reads no DTD entities); write the "
                            "character itself")
    result = _invoke("xliff", "import", path, "--post-editor", "Soo Min Jo")
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_entities_in_attributes_and_tbx_terms_are_refused(tmp_path: Path) -> None:
    # In an attribute, an entity the external DTD would define came out as "", unseen.
    dtd = '?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
    tbx = TBX_SAMPLE.read_text(encoding="utf-8").replace("?>", dtd, 1)
    lost = _write(tmp_path, "attribute.tbx", tbx.replace('id="kim-jong-un"', 'id="&kju;"'))
    assert _error(lost) == ("entity &kju; on line 9 cannot be read (rfaflow reads no DTD entities); write the "
                            "character itself")
    declared = TBX_SAMPLE.read_text(encoding="utf-8").replace("?>", '?>\n<!DOCTYPE martif [<!ENTITY k "Kim">]>', 1)
    custom = _write(tmp_path, "custom.tbx", declared.replace(TBX_TERM, "&k; Jong Un</term>", 1))
    assert _error(custom).startswith("entity &k; on line 16 cannot be read")  # it was read as "Kim Jong Un"
    # Comments and CDATA hold no references: their '&nbsp;' is text, or nothing.
    kept = tbx.replace(TBX_TERM, "<![CDATA[Kim&nbsp;]]></term><!-- &copy; -->", 1)
    assert read_glossary(_write(tmp_path, "cdata.tbx", kept), KO)[0].target == "Kim&nbsp;"


def test_tmx_entities_are_refused_as_before(tmp_path: Path) -> None:
    undeclared = _write(tmp_path, "nbsp.tmx", TMX.format(target="a&nbsp;b"))
    assert _error(undeclared) == ("entity &nbsp; on line 7 cannot be read (rfaflow reads no DTD entities); write the "
                                  "character itself")
    bomb = TMX.replace("?>\n", '?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
                       1).format(target="&b;")
    assert _error(_write(tmp_path, "bomb.tmx", bomb)).startswith("entity &a; on line 2 cannot be read")


# Characters: control characters and lone surrogates would reach briefs and terminals.

@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("&#x1B;[2J", "line 7 holds the control character U+001B, which is not text; remove it"),
        ("&#27;", "line 7 holds the control character U+001B, which is not text; remove it"),
        ("&#x9B;2J", "line 7 holds the control character U+009B, which is not text; remove it"),  # XML allows C1
        ("\x85", "line 7 holds the control character U+0085, which is not text; remove it"),
        ("&#x7F;", "line 7 holds the control character U+007F, which is not text; remove it"),
        ("&#xD800;", "line 7 holds the lone surrogate U+D800, which is not text; remove it"),
        ("&#x0;", "line 7 holds the control character U+0000, which is not text; remove it"),
    ],
    ids=["esc-hex", "esc-decimal", "csi-c1", "nel-literal", "del", "surrogate", "nul"],
)
def test_control_character_references_in_a_tmx_target(tmp_path: Path, target: str, message: str) -> None:
    assert _error(_write(tmp_path, "control.tmx", TMX.format(target=target))) == message


def test_control_characters_in_the_other_readers(tmp_path: Path, xliff_sample: bytes) -> None:
    xlf = _write(tmp_path, "control.xlf", xliff_sample.replace(b"rare-mineral", b"&#x9B;31m", 1))
    assert _error(xlf) == "line 10 holds the control character U+009B, which is not text; remove it"
    unit_id = _write(tmp_path, "id.xlf", xliff_sample.replace(b'id="1"', b'id="&#x85;"', 1))
    assert _error(unit_id) == "line 17 holds the control character U+0085, which is not text; remove it"
    tbx = _write(tmp_path, "control.tbx", TBX_SAMPLE.read_bytes().replace(TBX_TERM.encode(), b"&#x1B;</term>", 1))
    assert _error(tbx) == "line 15 holds the control character U+001B, which is not text; remove it"
    csv = _write(tmp_path, "control.csv", "source,target\n김정은,Kim\x1b[31m Jong Un\n")
    assert _error(csv) == "line 2 holds the control character U+001B, which is not text; remove it"
    # The same reference in a comment is never read.
    commented = xliff_sample.replace(b"rare-mineral", b"rare-mineral<!-- &#x1B; -->", 1)
    assert read_pairs(_write(tmp_path, "comment.xlf", commented))[1][0][2] == FIRST_TARGET


# libxml2's own limits and messages: one line each, its advice for programmers dropped.

def test_libxml2_limits_are_one_line(tmp_path: Path, xliff_sample: bytes) -> None:
    huge = _write(tmp_path, "huge.xlf", xliff_sample.replace(b'id="1"', b'id="' + b"9" * 11_000_000 + b'"', 1))
    assert _error(huge) == "too large to read on line 17: Resource limit exceeded: Buffer size limit exceeded"
    text = _write(tmp_path, "text.tmx", TMX.format(target="x" * 11_000_000))
    assert _error(text) == "too large to read on line 7: Resource limit exceeded: Text node too long"
    mismatch = _write(tmp_path, "mismatch.tbx", "<martif><text>" + "<" + "t" * 500 + "></martif>")
    problem = "Opening and ending tag mismatch: " + "t" * 500  # libxml2 quotes the name: the message is clipped
    assert _error(mismatch) == f"malformed TBX on line 1, column 526: {problem[:100]}…"


# Structure: empty files, wrong roots, missing attributes and elements.

@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.tmx", b"", "malformed TMX on line 1, column 1: Document is empty"),
        ("empty.xlf", b"", "malformed XLIFF on line 1, column 1: Document is empty"),
        ("empty.tbx", b"", "malformed TBX on line 1, column 1: Document is empty"),
        ("empty.csv", b"", "has no terms"),
        ("bom-only.tmx", codecs.BOM_UTF8, "malformed TMX on line 1, column 1: Document is empty"),
        ("xliff.tbx", b"<xliff version='1.2'/>", "not a TBX file (expected a <martif> root element)"),
        ("tbx.xlf", TBX_SAMPLE.read_bytes(), "not an XLIFF file (expected an <xliff> root element with a <file>)"),
        ("huge-root.tmx", b"<" + b"r" * 200 + b"/>",
         "not a TMX file (root element <" + "r" * 40 + "…>, expected <tmx> with a <body>)"),
        ("no-seg.tmx", TMX.format(target="x").replace("<seg>x</seg>", ""),
         "unit 1 on line 5 has a <tuv> without <seg>"),
        ("no-lang.tmx", TMX.format(target="x").replace('xml:lang="ko"', ""),
         "has no ko→en translation units (languages found: en)"),
        ("xliff-1.1.xlf", ("<xliff version='1.1' xmlns='urn:oasis:names:tc:xliff:document:1.1'><file original='x' "
                           "source-language='ko' target-language='en' datatype='plaintext'><body/></file></xliff>"),
         "is not in the XLIFF 1.2 namespace (urn:oasis:names:tc:xliff:document:1.1); save it as XLIFF 1.2"),
        ("cell.csv", "김정은," + "K" * 200_000 + "\n", "line 1: field larger than field limit (131072)"),
    ],
)
def test_structural_problems_are_one_line_errors(tmp_path: Path, name: str, data: bytes | str,
                                                 message: str) -> None:
    assert _error(_write(tmp_path, name, data)) == message


def test_xliff_without_languages_or_with_a_cut_origin(tmp_path: Path, xliff_sample: bytes) -> None:
    no_source = _write(tmp_path, "nolang.xlf", xliff_sample.replace(b' source-language="ko"', b""))
    with pytest.raises(XliffError, match=r"is a \?→en file; rfaflow reads a service language \(ko, .*, vi\) into en$"):
        read_post_edits(no_source, "X")
    # A CAT tool cut the origin code short (it raised ValueError while unpacking); the edit still imports.
    edited = xliff_sample.replace(f"{FIRST_TARGET}</target>".encode(), b"Edited.</target>", 1)
    cut = _write(tmp_path, "cut.xlf", edited.replace(b"tm|||", b"tm", 1))
    report = read_post_edits(cut, "X")
    assert [unit.target for unit in report.imported] == ["Edited."]
    # Comments and processing instructions in a target are not text (lxml keeps them: they raised AttributeError).
    noted = _write(tmp_path, "noted.xlf", xliff_sample.replace(
        b"rare-mineral", b"rare<!-- a note -->-<?cat x?>mineral", 1))
    assert read_pairs(noted)[1][0][2] == FIRST_TARGET


def test_tmx_comments_in_a_segment_are_not_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "comment.tmx", TMX.format(target="Residents<!-- c --> said.<?p x?>"))
    assert read_tmx(path, KO, ENGLISH)[0].target == "Residents said."


# The file itself: size, folders, pipes, permissions.

@pytest.mark.parametrize("suffix", ["tmx", "xlf", "tbx"])
def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path, suffix: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"huge.{suffix}"
    with path.open("wb") as handle:
        handle.truncate(limits.MAX_TRANSLATION_FILE_BYTES + 1)  # sparse: nothing is written

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("opened a file over the limit")

    monkeypatch.setattr(Path, "open", never)
    limit = limits.MAX_TRANSLATION_FILE_BYTES // 2**20 if suffix != "tbx" else 20
    assert _error(path) == f"is over {limit} MB, more than rfaflow reads; split it into smaller files"


@pytest.mark.parametrize("suffix", list(READERS))
def test_folders_pipes_and_unreadable_files(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, what = READERS[suffix]
    folder = tmp_path / f"folder.{suffix}"
    folder.mkdir()
    assert _error(folder) == f"cannot read the {what}: is a folder, not a file"
    fifo = tmp_path / f"fifo.{suffix}"
    os.mkfifo(fifo)
    assert _error(fifo) == f"is a pipe or a device, not a {what}"  # reading it would block forever
    assert _error(tmp_path / f"absent.{suffix}") == f"no such {what}"
    locked = _write(tmp_path, f"locked.{suffix}", b"x")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)  # chmod does not stop root, who may run the tests
    assert _error(locked) == f"cannot read the {what}: permission denied"


# The commands: exit 1, one line, nothing written or imported.

def test_check_of_bad_tmx_and_xliff_files_exits_1(tmp_path: Path, xliff_sample: bytes) -> None:
    tmx = _write(tmp_path, "deep.tmx", TMX.format(target="<hi>" * 3000 + "</hi>" * 3000))
    result = _invoke("check", tmx)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"Error: {tmx}: elements nested more than {limits.MAX_XML_DEPTH} deep on line 7; no "
                             "translation file nests so deep: export it again\n")
    etf = _write(tmp_path, "etf.tmx", TMX.replace("UTF-8", "ETF-8"))
    assert _invoke("check", etf).stderr == (
        f"Error: {etf}: declares encoding 'ETF-8', which is not a known encoding; save it as UTF-8\n")
    xlf = _write(tmp_path, "control.xlf", xliff_sample.replace(b"rare-mineral", b"&#x1B;[2J", 1))
    result = _invoke("check", xlf, "--format", "json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"Error: {xlf}: line 10 holds the control character U+001B, which is not text; "
                             "remove it\n")


def test_xliff_import_of_a_bad_file_imports_nothing(tmp_path: Path, xliff_sample: bytes, rfaflow_home: Path) -> None:
    # One good edit, then an entity the file cannot resolve: the import is all or nothing.
    edited = xliff_sample.replace(f"{FIRST_TARGET}</target>".encode(), b"Edited.</target>", 1)
    bad = _write(tmp_path, "bad.xlf", edited.replace(b"the middle of this month", b"mid&#8203;&month;", 1))
    result = _invoke("xliff", "import", bad, "--post-editor", "Soo Min Jo")
    assert result.exit_code == 1
    assert result.output == (f"Error: {bad}: entity &month; on line 19 cannot be read (rfaflow reads no DTD "
                             "entities); write the character itself\n")
    store = Store(rfaflow_home / "rfaflow.sqlite")
    try:
        assert store.memory_units("ko", "en") == []
    finally:
        store.close()


def test_render_with_a_bad_tbx_glossary_writes_nothing(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.tbx", TBX_SAMPLE.read_bytes().replace(TBX_TERM.encode(), b"Kim&nbsp;</term>", 1))
    out = tmp_path / "out"
    result = _invoke("render", SAMPLES / "musan.md", "--glossary", bad, "--engine", "tm", "--tm", SAMPLE_TM,
                     "-o", f"{out}/")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {bad}: entity &nbsp; on line 15 cannot be read (rfaflow reads no DTD "
                             "entities); write the character itself\n")
    assert not out.exists()


# Properties: mutated bytes of a valid file end in the reader's result or one RfaflowError line.

_PAYLOADS = [b"&#xD800;", b"&#x1B;", b"&#x9B;", b"&nbsp;", b"<!-- c -->", b"<![CDATA[&x;]]>", codecs.BOM_UTF8,
             codecs.BOM_UTF16_LE, b"\r\n", b"<hi>", b"</g>", b"<bpt i='1'/>", b"<!DOCTYPE x [<!ENTITY e 'E'>]>",
             b"&e;", b" encoding='utf-16'", b"'", b"<", b"&", b"\x00", b"\xc2\x85", b"|", b"\xff"]


@st.composite
def _mutated(draw: st.DrawFn, data: bytes) -> bytes:
    mutated = bytearray(data)
    # Where an insertion most often leaves the file readable: after a tag, a comma, a line end.
    text_starts = [index + 1 for index, byte in enumerate(data) if byte in b">,\n"]
    for _ in range(draw(st.integers(1, 4))):
        position = min(draw(st.integers(0, len(mutated)) | st.sampled_from(text_starts)), len(mutated))
        operation = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "copy"]))
        if operation == "flip" and position < len(mutated):
            mutated[position] = draw(st.integers(0, 255))
        elif operation == "truncate":
            del mutated[position:]
        elif operation == "insert":
            mutated[position:position] = draw(st.sampled_from(_PAYLOADS) | st.binary(max_size=8))
        elif operation == "delete":
            del mutated[position : position + draw(st.integers(1, 40))]
        elif operation == "copy":
            start = draw(st.integers(0, len(mutated)))
            mutated[position:position] = mutated[start : start + draw(st.integers(1, 200))]
    return bytes(mutated)


def _reads_or_fails_in_one_line(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    read, error, _ = READERS[path.suffix[1:]]
    try:
        read(path)
    except error as err:
        assert "\n" not in str(err) and "\r" not in str(err) and str(err).startswith(f"{path}: ")


_PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_PROPERTY
@given(data=_mutated(SAMPLE_TM.read_bytes()))
def test_mutated_tmx_reads_or_fails_in_one_line(tmp_path: Path, data: bytes) -> None:
    _reads_or_fails_in_one_line(tmp_path / "mutated.tmx", data)


@_PROPERTY
@given(data=st.data())
def test_mutated_xliff_reads_or_fails_in_one_line(tmp_path: Path, xliff_sample: bytes, data: st.DataObject) -> None:
    _reads_or_fails_in_one_line(tmp_path / "mutated.xlf", data.draw(_mutated(xliff_sample)))


@_PROPERTY
@given(data=_mutated(TBX_SAMPLE.read_bytes()))
def test_mutated_tbx_reads_or_fails_in_one_line(tmp_path: Path, data: bytes) -> None:
    _reads_or_fails_in_one_line(tmp_path / "mutated.tbx", data)


@_PROPERTY
@given(data=_mutated(CSV_SAMPLE.read_bytes()))
def test_mutated_csv_reads_or_fails_in_one_line(tmp_path: Path, data: bytes) -> None:
    _reads_or_fails_in_one_line(tmp_path / "mutated.csv", data)
