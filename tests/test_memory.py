"""Translation memories (TMX 1.4b): exact matches, credited translators, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_TM, SAMPLES
from rfaflow.brief import prepare
from rfaflow.cli import cli
from rfaflow.draft import read_draft
from rfaflow.errors import MemoryFileError
from rfaflow.languages import ENGLISH, LANGUAGES
from rfaflow.translate.memory import TranslationMemory, read_tmx

KO = LANGUAGES["ko"]

MULTILINGUAL = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="*all*" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t"
          creationtoolversion="1"/>
  <body>
    <tu tuid="a" creationid="Old Name" changeid="Soo Min Jo" changedate="20260102T000000Z">
      <tuv xml:lang="ja-JP"><seg>輸出を停止した。</seg></tuv>
      <tuv xml:lang="KO-KR"><seg>수출을   중단했다.</seg></tuv>
      <tuv xml:lang="en-US"><seg>Exports were <ph>&lt;b&gt;</ph>halted.</seg></tuv>
    </tu>
    <tu tuid="b" creationdate="20260101T000000Z">
      <tuv xml:lang="ko" creationid="Han So-ra"><seg>주민들이 말했다.</seg></tuv>
      <tuv xml:lang="en" creationid="Han So-ra"><seg>Residents said.</seg></tuv>
    </tu>
    <tu tuid="c" creationid="First" creationdate="20250101T000000Z">
      <tuv xml:lang="ko"><seg>주민들이 말했다.</seg></tuv>
      <tuv xml:lang="en"><seg>Older wording.</seg></tuv>
    </tu>
    <tu tuid="d" creationid="Only Japanese">
      <tuv xml:lang="ko"><seg>일본어만 있다.</seg></tuv>
      <tuv xml:lang="ja"><seg>日本語だけ。</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_sample_memory_covers_every_sentence_of_the_musan_sample() -> None:
    draft = read_draft(SAMPLES / "musan.md")
    memory = TranslationMemory.from_files([SAMPLE_TM], KO, ENGLISH)
    texts = prepare(draft).texts
    results = memory.translate(texts)
    assert all(result is not None for result in results)
    assert {result.origin.translator for result in results} == {"Lee Jun-seo"}
    assert results[0].text == "North Hamgyong province halts all rare-mineral exports"


def test_multilingual_memory_picks_the_pair_and_credits_changeid(tmp_path: Path) -> None:
    path = tmp_path / "multi.tmx"
    path.write_text(MULTILINGUAL, encoding="utf-8")
    memory = TranslationMemory.from_files([path], KO, ENGLISH)
    assert len(memory) == 2  # the ko/ja-only unit is not a ko→en pair
    halted, said, unknown = memory.translate(["수출을 중단했다.", "주민들이  말했다.", "없는 문장."])
    assert (halted.text, halted.origin.translator) == ("Exports were halted.", "Soo Min Jo")  # changeid, code dropped
    assert (said.text, said.origin.translator) == ("Residents said.", "Han So-ra")  # newest unit, tuv-level id
    assert unknown is None
    assert halted.origin.kind == "tm" and (halted.origin.source_lang, halted.origin.target_lang) == ("ko", "en")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<tmx><body><tu><tuv xml:lang='ko'><seg>가</seg></tuv>",
         "the file ends on line 1 inside <tu>, opened on line 1: it is cut short; save or export it again"),
        ("<xliff version='1.2'><file/></xliff>", "not a TMX file (root element <xliff>, expected <tmx> with a <body>)"),
        (MULTILINGUAL.replace('xml:lang="en-US"', 'xml:lang="fr"').replace('xml:lang="en"', 'xml:lang="fr"'),
         "has no ko→en translation units (languages found: fr, ja, ja-JP, ko)"),
        ('<!DOCTYPE tmx [<!ENTITY a "aaaa">]>\n<tmx><body>&a;</body></tmx>',
         "entity &a; on line 2 cannot be read (rfaflow reads no DTD entities); write the character itself"),
    ],
    ids=["truncated", "xliff", "no-pair", "entities"],
)
def test_bad_memory_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MemoryFileError) as caught:
        read_tmx(path, KO, ENGLISH)
    assert str(caught.value) == f"{path}: {message}"


def test_bad_memory_on_the_command_line_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body>", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(SAMPLES / "musan.md"), "--tm", str(bad), "-o", f"{out}/"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {bad}: the file ends on line 1 inside <body>, opened on line 1: it is cut short;"
                             " save or export it again\n")
    assert not out.exists()
    result = CliRunner().invoke(cli, ["render", str(SAMPLES / "musan.md"), "--tm", str(tmp_path / "none.tmx")])
    assert result.stderr == f"Error: {tmp_path / 'none.tmx'}: no such translation memory file\n"
