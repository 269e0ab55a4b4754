"""Every service language end to end: its sample draft rendered through a copy model built for its pair, a mixed
archive batched (and resumed after a kill) on one model per pair, and the per-language errors and notices."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batch_resume import _run, _tree

from conftest import SAMPLES, serving, write_draft
from rfaflow.brief import build_brief, prepare
from rfaflow.cli import cli
from rfaflow.desk import build_chain
from rfaflow.draft import read_draft
from rfaflow.errors import DraftError
from rfaflow.languages import SOURCE_LANGUAGES, Language, get
from rfaflow.testing.copy_model import package_name
from rfaflow.translate.packages import install_file

TAGS = [language.tag for language in SOURCE_LANGUAGES]


def sample_of(language: Language) -> Path:
    """The language's sample draft: samples/TAG-story.md, or for Korean (named by story alone) yanggang-floods.md."""
    named = sorted(SAMPLES.glob(f"{language.tag.lower()}-*.md"))
    path = named[0] if named else SAMPLES / "yanggang-floods.md"
    assert read_draft(path).language is language
    return path


@pytest.fixture
def all_pairs_installed(pair_models: dict[Language, Path], rfaflow_home: Path) -> dict[Language, Path]:
    for package in pair_models.values():
        install_file(package)
    return pair_models


@pytest.mark.parametrize("tag", TAGS)
def test_each_language_translates_exactly_through_its_own_model(tag: str, all_pairs_installed: dict) -> None:
    language = get(tag)
    draft = read_draft(sample_of(language))
    prepared = prepare(draft)
    assert len(prepared.texts) >= 8  # a real story: headline, subheading and sentences
    translations = build_chain(None, engine="argos", source=language).translate(prepared.texts)
    assert [t.text for t in translations] == prepared.texts  # every sentence back exactly, in order
    assert {(t.origin.kind, t.origin.source_lang, t.origin.model) for t in translations} == {
        ("mt", tag, package_name(language))}


@pytest.mark.parametrize("tag", TAGS)
def test_render_of_each_sample_credits_its_pair(tag: str, all_pairs_installed: dict, tmp_path: Path) -> None:
    language = get(tag)
    sample = sample_of(language)
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(cli, ["render", str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    # The brief the command rendered holds every unit back, in the draft's order, each from the pair's model.
    draft = read_draft(sample)
    brief = build_brief(draft, build_chain(None, source=language))
    assert [unit.text for unit in brief.units] == [unit.text for unit in prepare(draft).units]
    assert {unit.origin.model for unit in brief.units} == {package_name(language)}
    plain = [unit.text for unit in brief.units if not unit.unit.marks and not set(unit.text) & set("*_[]<>`#~")]
    assert plain and all(unit in text for unit in plain)
    assert "Machine-translated with Argos Translate; not reviewed by a translator." in text
    assert f"machine-translated with Argos Translate ({tag}→en, package 1.1), model {package_name(language)}" in text
    # The copy model leaves the source script in the "English", and QA says so.
    assert "QA 0 errors" not in result.stderr and f"{sample}: " in result.stderr


def test_a_pair_without_a_model_names_the_pair_and_the_engines_that_cover_it(
        pair_models: dict, rfaflow_home: Path, tmp_path: Path) -> None:
    install_file(pair_models[get("ko")])
    tibetan = sample_of(get("bo"))
    result = CliRunner().invoke(cli, ["render", str(tibetan), "-o", str(tmp_path / "out.md")])
    assert result.exit_code != 0 and not (tmp_path / "out.md").exists()
    message = result.stderr.strip()
    assert "\n" not in message and "no bo→en model is installed" in message
    assert "NLLB-200" in message and "MADLAD-400" in message
    chinese = CliRunner().invoke(cli, ["render", str(sample_of(get("zh-Hant"))), "-o", str(tmp_path / "zh.md")])
    assert "no zh-Hant→en model is installed; install one with 'rfaflow models install translate-zt_en-1_1" \
        in chinese.stderr


def test_simplified_and_traditional_packages_are_chosen_by_pair(pair_models: dict, rfaflow_home: Path) -> None:
    """Argos's zh and zt packages: each script's drafts go to its own."""
    for tag in ("zh-Hans", "zh-Hant"):
        install_file(pair_models[get(tag)])
    for tag, code in (("zh-Hans", "zh"), ("zh-Hant", "zt")):
        draft = read_draft(sample_of(get(tag)))
        [translation] = build_chain(None, source=draft.language).translate([prepare(draft).texts[0]])
        assert translation.origin.model == f"translate-{code}_en-copy"
    listed = CliRunner().invoke(cli, ["models", "list"]).output
    assert "translate-zt_en-copy\tzh-Hant→en" in listed and "translate-zh_en-copy\tzh-Hans→en" in listed


def test_the_index_offers_zh_and_zt_and_each_tag_installs_its_own(
        pair_models: dict, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    entries = []
    for tag in ("zh-Hans", "zh-Hant"):
        package = pair_models[get(tag)]
        (tmp_path / package.name).write_bytes(package.read_bytes())
        entries.append((get(tag).argos, package.name))
    with serving(tmp_path) as base:
        index = [{"from_code": code, "to_code": "en", "package_version": "1.1", "links": [f"{base}/{name}"]}
                 for code, name in entries]
        (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
        monkeypatch.setenv("RFAFLOW_PACKAGE_INDEX", f"{base}/index.json")
        traditional = CliRunner().invoke(cli, ["models", "install", "zh-TW", "en"])
        simplified = CliRunner().invoke(cli, ["models", "install", "zh-Hans", "en"])
    assert traditional.stdout.startswith("Installed translate-zt_en-copy (zh-Hant→en, package 1.1) in ")
    assert simplified.stdout.startswith("Installed translate-zh_en-copy (zh-Hans→en, package 1.1) in ")


def test_a_khmer_post_edit_comes_back_through_xliff_and_the_memory(
        pair_models: dict, rfaflow_home: Path, tmp_path: Path) -> None:
    """The pair rides through the desk tools: XLIFF says km→en, its import lands in the km→en memory, the next
    render uses it (credited to the post-editor), and `tm export --lang km` writes it."""
    install_file(pair_models[get("km")])
    sample = sample_of(get("km"))
    xliff = tmp_path / "km.xlf"
    assert CliRunner().invoke(cli, ["xliff", "export", str(sample), "-o", str(xliff)]).exit_code == 0
    text = xliff.read_text(encoding="utf-8")
    assert 'source-language="km" target-language="en"' in text
    first = prepare(read_draft(sample)).texts[1]
    xliff.write_text(text.replace(f"<target state=\"needs-review-translation\">{first}</target>",
                                  "<target state=\"translated\">Fishers on the Tonle Sap say their catch has fallen."
                                  "</target>", 1), encoding="utf-8")
    imported = CliRunner().invoke(cli, ["xliff", "import", str(xliff), "--post-editor", "Sok Dara"])
    assert imported.exit_code == 0 and imported.stdout.startswith("Imported 1 of ")
    brief = tmp_path / "km.md"
    assert CliRunner().invoke(cli, ["render", str(sample), "-o", str(brief)]).exit_code == 0
    assert "Fishers on the Tonle Sap say their catch has fallen." in brief.read_text(encoding="utf-8")
    exported = CliRunner().invoke(cli, ["tm", "export", "--lang", "km", "-o", "-"])
    assert '<tuv xml:lang="km">' in exported.stdout and "Sok Dara" in exported.stdout
    assert CliRunner().invoke(cli, ["tm", "export", "-o", "-"]).exit_code == 1  # no Korean units: nothing to export


# Errors and notices of the draft reader.

def test_text_in_another_script_than_declared_is_a_one_line_error(tmp_path: Path) -> None:
    path = write_draft(tmp_path, body="北京市政府周三宣布，全市将实行新的交通管理措施。\n", language="ko")
    with pytest.raises(DraftError, match=r"the text is in Han \(Chinese characters\) \(\d+% of its letters\), not "
                                         r"Hangul as language 'ko' declares; fix the 'language' field or the text$"):
        read_draft(path)
    result = CliRunner().invoke(cli, ["render", str(path)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1


def test_simplified_text_declared_traditional_renders_with_a_notice(tmp_path: Path) -> None:
    body = "北京市政府周三宣布，全市将实行新的交通管理措施。这些规定从下个月开始执行，违反者会被罚款。\n"
    draft = read_draft(write_draft(tmp_path, body=body, headline="北京实行新规定", language="zh-Hant"))
    assert len(draft.notices) == 1 and "Simplified" in draft.notices[0] and "Traditional" in draft.notices[0]
    assert read_draft(write_draft(tmp_path, body=body, headline="北京实行新规定", language="zh-Hans")).notices == ()


ZAWGYI_BODY = "ေက်ာင္းသားမ်ား ရန္ကုန္ၿမိဳ႕တြင္ စုေဝးၾကသည္။ ႏိုင္ငံ့အက်ိဳးအတြက္ ဆႏၵျပၾကသည္။\n"


def test_zawgyi_is_converted_with_a_notice_or_refused_as_the_desk_configures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("icu")
    path = write_draft(tmp_path, body=ZAWGYI_BODY, headline="ေက်ာင္းသားမ်ား စုေဝး", language="my")
    draft = read_draft(path)
    assert draft.notices == ("converted from Zawgyi to Unicode",)
    assert draft.headline == "ကျောင်းသားများ စုဝေး"
    assert draft.blocks[0].lines[0].text.startswith("ကျောင်းသားများ ရန်ကုန်မြို့တွင်")
    monkeypatch.setenv("RFAFLOW_LEGACY_ENCODING", "refuse")
    with pytest.raises(DraftError, match="the text is in the legacy Zawgyi encoding, not Unicode"):
        read_draft(path)
    monkeypatch.setenv("RFAFLOW_LEGACY_ENCODING", "maybe")
    result = CliRunner().invoke(cli, ["render", str(path)])
    assert result.exit_code == 1 and "RFAFLOW_LEGACY_ENCODING must be convert or refuse" in result.stderr


def test_a_unicode_burmese_draft_is_left_as_written() -> None:
    draft = read_draft(sample_of(get("my")))
    assert draft.notices == ()


def test_text_is_normalised_before_lookup(tmp_path: Path) -> None:
    """A zero-width space typed into Lao (which writes no spaces between words) and a decomposed Vietnamese tone
    mark reach segmentation, memory and MT in their normal form."""
    lao = read_draft(write_draft(tmp_path, body="ລັດ\u200bຖະບານ ປະກາດ ມາດຕະການ ໃໝ່.\n", headline="ຂ່າວ", language="lo"))
    assert "\u200b" not in prepare(lao).texts[1]
    vietnamese = read_draft(write_draft(tmp_path, body="Chính phủ Vie\u0323\u0302t Nam công bố luật mới.\n",
                                        headline="Tin tức", language="vi"))
    assert "Việt" in prepare(vietnamese).texts[1]


# A mixed archive.

def _mixed_archive(root: Path) -> Path:
    """Two drafts per language (the sample, and the sample with a marker on every paragraph), in folders by tag."""
    archive = root / "archive"
    for language in SOURCE_LANGUAGES:
        text = sample_of(language).read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        folder = archive / language.tag
        folder.mkdir(parents=True)
        (folder / "a.md").write_text(text, encoding="utf-8")
        marked = "\n\n".join(f"{paragraph} (2)" if paragraph and paragraph[0] not in "#>-*0123456789" else paragraph
                             for paragraph in body.split("\n\n"))
        (folder / "b.md").write_text(f"{front}\n---\n{marked}", encoding="utf-8")
    return archive


def test_a_mixed_archive_pools_each_pair_on_its_model_and_resumes_after_a_kill(
        tmp_path: Path, pair_models: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = _mixed_archive(tmp_path)
    homes = [tmp_path / "clean-home", tmp_path / "killed-home"]
    for home in homes:
        monkeypatch.setenv("RFAFLOW_HOME", str(home))
        for package in pair_models.values():
            install_file(package)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert _run(archive, clean, homes[0])[0] == 0

    manifest = json.loads((clean / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["draft"]: entry["language"] for entry in manifest["drafts"]} == {
        f"{tag}/{name}.md": tag for tag in TAGS for name in "ab"}
    assert all(entry["status"] == "done" and entry["origins"].keys() == {"mt"} for entry in manifest["drafts"])
    index = (clean / "index.md").read_text(encoding="utf-8")
    assert all(f"— {language.name}, " in index for language in SOURCE_LANGUAGES)

    def briefs() -> int:
        return sum(1 for _ in killed.rglob("*.html")) if killed.exists() else 0

    for enough in (1, 9):  # right after the first brief, and in the middle of the second language's pool
        assert _run(archive, killed, homes[1], lambda enough=enough: briefs() >= enough)[0] == -signal.SIGKILL
    assert _run(archive, killed, homes[1])[0] == 0
    assert _tree(killed) == _tree(clean)


def _tmx(path: Path, srclang: str, *units: tuple[str, str]) -> Path:
    body = "".join(f'<tu tuid="{n}"><tuv xml:lang="{lang}"><seg>{text}</seg></tuv>'
                   f'<tuv xml:lang="en"><seg>About 300 workers are owed wages.</seg></tuv></tu>'
                   for n, (lang, text) in enumerate(units, start=1))
    path.write_text(f'<tmx version="1.4"><header srclang="{srclang}"/><body>{body}</body></tmx>', encoding="utf-8")
    return path


def test_check_reads_a_tmx_in_the_language_it_declares_or_its_units_hold(tmp_path: Path) -> None:
    """srclang names the source; "*all*" (TMX's "any") leaves it to the one service language the units hold."""
    for srclang in ("zh-TW", "*all*"):
        tmx = _tmx(tmp_path / "zt.tmx", srclang, ("zh-TW", "約三千名工人被欠薪。"))
        result = CliRunner().invoke(cli, ["check", str(tmx)])
        assert result.exit_code == 4  # Chinese numerals read: 三千 is 3,000, not the 300 of the English
        assert f"{tmx}:1: error: numbers: source number 3000 (三千) not found in the translation" in result.stdout
    mixed = _tmx(tmp_path / "mixed.tmx", "*all*", ("ko", "노동자 3천 명"), ("zh-Hans", "约三千名工人"))
    result = CliRunner().invoke(cli, ["check", str(mixed)])
    assert (result.exit_code, result.stderr) == (1, (
        f"Error: {mixed}: its header's srclang '*all*' names no service language, and its units hold several "
        "(ko, zh-Hans); set srclang to the source language\n"))
