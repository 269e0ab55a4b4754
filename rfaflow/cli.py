"""The `rfaflow` command: parses options, calls the library, maps `RfaflowError` to one line and an exit code."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from rfaflow import __version__
from rfaflow.errors import ExitCode, RfaflowError, decode_utf8
from rfaflow.summarize import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_SENTENCES,
    SUMMARY_LANGUAGES,
    SummaryOptions,
)
from rfaflow.translate import ENGINE_NAMES
from rfaflow.translate.memory import DEFAULT_FUZZY_THRESHOLD


class RfaflowGroup(click.Group):
    """Turns library errors into `Error: <file>: <problem>` on stderr and their exit code (tracebacks with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RfaflowError as err:
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Error: {err}", err=True)
            ctx.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(ExitCode.INTERRUPTED)


@click.group(cls=RfaflowGroup)
@click.version_option(__version__, prog_name="rfaflow")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
def cli(debug: bool) -> None:
    """Turn Korean drafts into English news briefs, offline.

    \b
    Example:
      rfaflow render samples/musan.md --tm samples/tm/korean-service.tmx -o briefs/
    """


def _apply(options: list[Callable[..., Any]], command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(options):
        command = option(command)
    return command


# How a draft is translated: shared by every command that translates one.
TRANSLATION_OPTIONS = [
    click.option("--tm", "memories", multiple=True, type=click.Path(path_type=Path),
                 help="Translation memory (TMX) whose exact matches are used first. Repeatable."),
    click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
                 help="Glossary (CSV source,target[,note] or TBX) whose terms machine translation must keep."
                 " Repeatable."),
    click.option("--engine", type=click.Choice(ENGINE_NAMES), default="argos", show_default=True,
                 help="Machine translation for what the memory lacks ('tm': memory only)."),
]


def brief_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options `render` and `batch` share: translation, summary and templates."""
    return _apply([
        *TRANSLATION_OPTIONS,
        click.option("--algorithm", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True,
                     help="Summary algorithm."),
        click.option("--sentences", type=click.IntRange(min=1), default=DEFAULT_SENTENCES, show_default=True,
                     help="Sentences in each summary."),
        click.option("--summary-language", type=click.Choice(SUMMARY_LANGUAGES), default=SummaryOptions.language,
                     show_default=True,
                     help="Choose summary sentences on the Korean ('source', shown in English) or on the English."),
        click.option("--template-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                     help="Folder of templates searched before the built-in ones."),
    ], command)


@cli.command()
@click.argument("drafts", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "output_format", type=click.Choice(["html", "md"]), default="html",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(),
              help="Output file, or folder (one DRAFT.html/.md per draft). Default: stdout for one draft.")
@brief_options
def render(drafts: tuple[Path, ...], output_format: str, output: str | None, memories: tuple[Path, ...],
           glossaries: tuple[Path, ...], engine: str, algorithm: str, sentences: int, summary_language: str,
           template_dir: Path | None) -> None:
    """Render Korean DRAFTS as English news briefs.

    Every draft is rendered before anything is written: a bad draft stops the run with nothing written.

    \b
    Examples:
      rfaflow render drafts/musan.md -o briefs/
      rfaflow render drafts/musan.md -f md --tm memory.tmx > musan.md
    """
    from rfaflow.brief import build_brief
    from rfaflow.desk import build_chain
    from rfaflow.draft import read_draft
    from rfaflow.render import environment, render_brief, write_atomically
    from rfaflow.store import default_store
    from rfaflow.translate import TranslationChain

    targets = _output_paths(drafts, output, f".{output_format}")
    env = environment(template_dir)
    chains: dict[str, TranslationChain] = {}
    rendered = []
    store = default_store()  # machine translations are cached, shared with batch runs
    try:
        for draft_path in drafts:
            draft = read_draft(draft_path)
            if draft.language not in chains:
                chains[draft.language] = build_chain(store, memories, glossaries, engine, draft.language, "en")
            brief = build_brief(draft, chains[draft.language], SummaryOptions(algorithm, sentences, summary_language))
            rendered.append(render_brief(brief, output_format, env))
    finally:
        store.close()
    if targets is None:
        click.echo(rendered[0], nl=False)
        return
    for target, text in zip(targets, rendered):
        write_atomically(target, text)
        click.echo(f"Wrote {target}", err=True)


def _output_paths(drafts: tuple[Path, ...], output_arg: str | None, suffix: str) -> list[Path] | None:
    """None for stdout; else one path per draft. A folder is meant when it exists, ends in '/' or several drafts go."""
    if output_arg is None:
        if len(drafts) > 1:
            raise click.UsageError("several drafts need -o FOLDER")
        return None
    output = Path(output_arg)
    if output.is_dir() or output_arg.endswith(("/", "\\")) or len(drafts) > 1:
        if output.exists() and not output.is_dir():
            raise click.UsageError(f"-o {output}: several drafts need a folder, and this is a file")
        targets = [output / (draft.stem + suffix) for draft in drafts]
        clashes = {t for t in targets if targets.count(t) > 1}
        if clashes:
            raise click.UsageError(f"two drafts would both be written to {sorted(clashes)[0]}; render them separately")
        return targets
    return [output]


@cli.command()
@click.argument("archive", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder; its tree mirrors the archive's.")
@click.option("-f", "--format", "output_format", type=click.Choice(["html", "md", "both"]), default="html",
              show_default=True, help="Output format.")
@brief_options
@click.option("--jobs", type=click.IntRange(min=1),
              help="Translation workers, one CPU thread each.  [default: one per core]")
@click.option("--batch-size", type=click.IntRange(min=1), help="Sentences per translation batch.  [default: 16]")
@click.option("--fail-fast", is_flag=True, help="Stop at the first draft that fails (exit 1).")
@click.option("--json", "as_json", is_flag=True, help="Print the final report as JSON on stdout.")
def batch(archive: Path, out_dir: Path, output_format: str, memories: tuple[Path, ...], glossaries: tuple[Path, ...],
          engine: str, algorithm: str, sentences: int, summary_language: str, template_dir: Path | None,
          jobs: int | None, batch_size: int | None, fail_fast: bool, as_json: bool) -> None:
    """Render every draft under ARCHIVE into OUT_DIR, mirroring its folders.

    Rerunning continues where a run stopped: unchanged drafts are skipped, and translations come from the cache.
    A bad draft is reported and the others complete; the exit code is 3 when some failed. OUT_DIR also gets
    index.html/index.md and manifest.json.

    \b
    Examples:
      rfaflow batch archive/ -o briefs/ -f both --tm memory.tmx
      rfaflow batch archive/ -o briefs/ --json > report.json
    """
    from rfaflow.batch import BatchOptions, run_batch
    from rfaflow.progress import Progress
    from rfaflow.store import default_store

    formats = ("html", "md") if output_format == "both" else (output_format,)
    summary = SummaryOptions(algorithm, sentences, summary_language)
    options = BatchOptions(formats, memories, glossaries, engine, summary, template_dir, jobs, batch_size, fail_fast)
    store = default_store()
    progress = Progress(sys.stderr)
    try:
        report = run_batch(archive, out_dir, options, store, progress.update)
    finally:
        progress.close()
        store.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    click.echo(report.summary_line(), err=True)
    if report.failed:
        click.get_current_context().exit(ExitCode.PARTIAL)


@cli.command()
@click.argument("source", type=click.Path(allow_dash=True, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Language of the text.")
@click.option("--sentences", type=click.IntRange(min=1), default=DEFAULT_SENTENCES, show_default=True,
              help="Sentences to select.")
@click.option("--algorithm", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True,
              help="Summary algorithm.")
@click.option("--split", type=click.Choice(["sentences", "lines"]), default="sentences", show_default=True,
              help="'lines': every non-empty line is one sentence; 'sentences': split paragraphs into sentences.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="'text': one sentence a line; 'json': {\"sentences\": [{\"index\": i, \"text\": s}]}.")
def summarize(source: Path, lang: str, sentences: int, algorithm: str, split: str, output_format: str) -> None:
    """Pick the key sentences of a text (a FILE, or - for stdin).

    JSON indices are 0-based positions among the input's sentences (its lines with --split lines).

    \b
    Examples:
      rfaflow summarize story.txt --sentences 2
      rfaflow summarize - --lang ko --split lines --format json < sentences.txt
    """
    from rfaflow.draft import body_paragraphs, split_front_matter
    from rfaflow.segment import split_paragraphs
    from rfaflow.summarize import summarize as choose

    text = _read_text(source)
    if text.startswith("---"):  # a draft: summarise its body, never its front matter (private notes live there)
        _, text, _ = split_front_matter(source, text)
    if split == "lines":
        units = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        units = [s for sentences in split_paragraphs(body_paragraphs(text), lang) for s in sentences]
    if not units:
        raise RfaflowError("no sentences to summarize", "<stdin>" if str(source) == "-" else source)
    summary = choose(units, sentences, algorithm, lang)
    if output_format == "json":
        chosen = [{"index": i, "text": units[i]} for i in summary.indices]
        click.echo(json.dumps({"sentences": chosen}, ensure_ascii=False))
    else:
        for i in summary.indices:
            click.echo(units[i])


def _read_text(source: Path) -> str:
    name = "<stdin>" if str(source) == "-" else source
    try:
        data = sys.stdin.buffer.read() if str(source) == "-" else source.read_bytes()
    except FileNotFoundError:
        raise RfaflowError("no such file", name) from None
    except IsADirectoryError:
        raise RfaflowError("is a directory, not a text file", name) from None
    return decode_utf8(data, name)


def _desk_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """What `check`, `review` and `xliff export` need to translate a draft the way `render` would."""
    return _apply([
        *TRANSLATION_OPTIONS,
        click.option("--fuzzy", "fuzzy_threshold", type=click.FloatRange(50, 100), default=DEFAULT_FUZZY_THRESHOLD,
                     show_default=True, help="Lowest similarity (percent) of a memory match offered as a suggestion."),
    ], command)


def _review(draft_path: Path, memories: tuple[Path, ...], glossaries: tuple[Path, ...], engine: str,
            fuzzy_threshold: float):
    from rfaflow.desk import build_chain, review_draft
    from rfaflow.draft import read_draft
    from rfaflow.store import default_store

    draft = read_draft(draft_path)
    store = default_store()
    try:
        return review_draft(draft, build_chain(store, memories, glossaries, engine, draft.language), fuzzy_threshold)
    finally:
        store.close()


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="'json': {\"segments\": N, \"findings\": [{\"id\", \"check\", \"severity\", \"message\"}]}.")
@_desk_options
def check(path: Path, output_format: str, memories: tuple[Path, ...], glossaries: tuple[Path, ...], engine: str,
          fuzzy_threshold: float) -> None:
    """Check the translations in PATH: a TMX or XLIFF file, or a draft (translated as render would).

    Numbers are compared by value (1천860만 = 18.6 million), glossary terms must appear, and Hangul left in the
    English, empty output, odd lengths, machine loops and unbalanced brackets are flagged. Exit code 4 when any
    finding is an error.

    \b
    Examples:
      rfaflow check drafts/musan.md --tm memory.tmx --glossary desk.csv
      rfaflow check post-edited.xlf --format json
    """
    from rfaflow.desk import TRANSLATION_FILE_SUFFIXES, check_translation_file
    from rfaflow.qa import ERROR

    if path.suffix.lower() in TRANSLATION_FILE_SUFFIXES:
        segments, findings = check_translation_file(path, glossaries)
    else:
        review = _review(path, memories, glossaries, engine, fuzzy_threshold)
        segments, findings = len(review.segments), review.findings
    errors = sum(finding.severity == ERROR for finding in findings)
    if output_format == "json":
        click.echo(json.dumps({"segments": segments, "findings": [vars(f) for f in findings]}, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(f"{path}:{finding.id}: {finding.severity}: {finding.check}: {finding.message}")
        warnings = len(findings) - errors
        click.echo(f"{path}: {segments} segments, {errors} error{'s' * (errors != 1)}, "
                   f"{warnings} warning{'s' * (warnings != 1)}", err=True)
    if errors:
        click.get_current_context().exit(ExitCode.QA_ERRORS)


@cli.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The review page to write (HTML).")
@_desk_options
def review(draft: Path, output: Path, memories: tuple[Path, ...], glossaries: tuple[Path, ...], engine: str,
           fuzzy_threshold: float) -> None:
    """Write a review page for DRAFT: Korean and English side by side, origins, QA findings, memory suggestions.

    \b
    Example:
      rfaflow review drafts/musan.md --tm memory.tmx --glossary desk.csv -o musan-review.html
    """
    from rfaflow.render import environment, render_template, write_atomically

    page = render_template(environment(), "review.html.j2", review=_review(draft, memories, glossaries, engine,
                                                                            fuzzy_threshold))
    write_atomically(output, page)
    click.echo(f"Wrote {output}", err=True)


@cli.group()
def xliff() -> None:
    """Hand a draft's translation to a CAT tool (XLIFF 1.2) and bring the post-edits back.

    \b
    Examples:
      rfaflow xliff export drafts/musan.md -o musan.xlf --post-editor "Soo Min Jo"
      rfaflow xliff import musan.xlf
    """


@xliff.command("export")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The XLIFF file to write.")
@click.option("--post-editor", help="Who will post-edit it; recorded in the file and credited on import.")
@_desk_options
def xliff_export(draft: Path, output: Path, post_editor: str | None, memories: tuple[Path, ...],
                 glossaries: tuple[Path, ...], engine: str, fuzzy_threshold: float) -> None:
    """Write DRAFT's segments with their translations, origins, QA findings and suggestions as XLIFF 1.2.

    \b
    Example:
      rfaflow xliff export drafts/musan.md --tm memory.tmx -o musan.xlf --post-editor "Soo Min Jo"
    """
    from rfaflow.render import write_atomically
    from rfaflow.xliff import export_xliff

    review_data = _review(draft, memories, glossaries, engine, fuzzy_threshold)
    write_atomically(output, export_xliff(review_data, post_editor).decode("utf-8"))
    click.echo(f"Wrote {output}: {len(review_data.segments)} segments, {len(review_data.findings)} QA findings",
               err=True)


@xliff.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--post-editor", help="Who post-edited it (default: the contact named in the file).")
def xliff_import(path: Path, post_editor: str | None) -> None:
    """Bring post-edited targets from an XLIFF file into rfaflow's translation memory.

    The next render of the draft uses them and credits the post-editor.

    \b
    Example:
      rfaflow xliff import musan.xlf --post-editor "Soo Min Jo"
    """
    from rfaflow.store import default_store
    from rfaflow.xliff import read_post_edits

    report = read_post_edits(path, post_editor)
    store = default_store()
    try:
        store.add_memory("ko", "en", report.imported)
    finally:
        store.close()
    left = f"; {report.unchanged_machine} machine translations left unreviewed" if report.unchanged_machine else ""
    click.echo(f"Imported {len(report.imported)} of {report.units} segments from {path}, "
               f"credited to {report.post_editor}{left}")


@cli.group()
def tm() -> None:
    """The translation memory: approved pairs from TMX files and imported post-edits.

    \b
    Example:
      rfaflow tm export -o desk-memory.tmx --tm samples/tm/korean-service.tmx
    """


@tm.command("export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The TMX file to write.")
@click.option("--tm", "memories", multiple=True, type=click.Path(path_type=Path),
              help="TMX files to merge in (the newest unit wins for a source sentence). Repeatable.")
def tm_export(output: Path, memories: tuple[Path, ...]) -> None:
    """Write every approved pair (imported post-edits, merged with any --tm files) as TMX 1.4b.

    \b
    Example:
      rfaflow tm export -o desk-memory.tmx
    """
    from rfaflow.render import write_atomically
    from rfaflow.store import default_store
    from rfaflow.translate.memory import TranslationMemory, tmx_bytes

    store = default_store()
    try:
        memory = TranslationMemory.from_files(memories, "ko", "en", extra=store.memory_units("ko", "en"))
    finally:
        store.close()
    if not len(memory):
        raise RfaflowError("nothing to export: no imported post-edits and no --tm files", output)
    write_atomically(output, tmx_bytes(memory.units, "ko", "en").decode("utf-8"))
    click.echo(f"Wrote {output}: {len(memory)} translation units", err=True)


@cli.group()
def models() -> None:
    """List, install and remove translation models (Argos Translate packages).

    \b
    Examples:
      rfaflow models install translate-ko_en-1_1.argosmodel
      rfaflow models install ko en
      rfaflow models list
    """


@models.command("list")
def models_list() -> None:
    """List installed models: name, language pair, package version, folder.

    \b
    Example:
      rfaflow models list
    """
    from rfaflow.translate.packages import installed_models

    found = installed_models()
    if not found:
        click.echo("No models installed; install one with 'rfaflow models install FILE.argosmodel'.", err=True)
    for model in found:
        click.echo(f"{model.name}\t{model.from_code}→{model.to_code}\t{model.version}\t{model.path}")


@models.command("install")
@click.argument("spec", nargs=-1, required=True)
def models_install(spec: tuple[str, ...]) -> None:
    """Install a model from a .argosmodel FILE, or FROM TO from the Argos package index (needs the network).

    \b
    Examples:
      rfaflow models install translate-ko_en-1_1.argosmodel
      rfaflow models install ko en
    """
    from rfaflow.translate.packages import install_file, install_from_index

    if len(spec) == 1:
        model = install_file(Path(spec[0]))
    elif len(spec) == 2 and not any(Path(arg).suffix == ".argosmodel" for arg in spec):
        model = install_from_index(*spec)
    else:
        raise click.UsageError("give one FILE.argosmodel, or two language codes such as 'ko en'")
    click.echo(f"Installed {model.name} ({model.from_code}→{model.to_code}, package {model.version}) in {model.path}")


@models.command("remove")
@click.argument("name")
def models_remove(name: str) -> None:
    """Remove an installed model by NAME (as 'rfaflow models list' shows it).

    \b
    Example:
      rfaflow models remove translate-ko_en-1_1
    """
    from rfaflow.translate.packages import remove

    model = remove(name)
    click.echo(f"Removed {model.name}")


def main() -> None:
    try:
        cli(prog_name="rfaflow")
    except SystemExit as leaving:
        if leaving.code in (0, None):
            raise
        # After an error or Ctrl-C, leave at once: CTranslate2 joins its workers only when they have finished every
        # batch still queued, and nothing more is wanted of them. The store and the output folder are consistent at
        # every instant (the batch tests kill runs with SIGKILL), so nothing is lost by not waiting.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(leaving.code if isinstance(leaving.code, int) else ExitCode.ERROR)

