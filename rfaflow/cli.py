"""The `rfaflow` command: parses options, calls the library, maps `RfaflowError` to one line and an exit code."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from rfaflow import __version__
from rfaflow.errors import ExitCode, QaErrors, RfaflowError, from_os_error, internal_error, terminal_text
from rfaflow.formats import FORMAT_NAMES
from rfaflow.languages import DEFAULT_SOURCE, ENGLISH, LANGUAGES, SOURCE_LANGUAGES, Language, get, resolve
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
        debug = ctx.find_root().params.get("debug")
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            _say("Interrupted.", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except Exception as err:
            if debug:
                raise
            if isinstance(err, OSError):  # a file-system failure no reader turned into its own message
                err = from_os_error(err, err.filename if isinstance(err.filename, str) else "rfaflow")
            if isinstance(err, RfaflowError):
                _say(f"Error: {err}", err=True)
                ctx.exit(err.exit_code)
            _say(f"Error: {internal_error(err)}: rerun with --debug and report the traceback", err=True)
            ctx.exit(ExitCode.INTERNAL)


def _say(text: str, err: bool = False) -> None:
    """One line for the terminal: what came from a file (names, excerpts, messages) cannot drive it."""
    click.echo(terminal_text(text), err=err)


@click.group(cls=RfaflowGroup)
@click.version_option(__version__, prog_name="rfaflow")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
def cli(debug: bool) -> None:
    """Turn drafts in any of the desk's nine languages into English news briefs, offline.

    \b
    Example:
      rfaflow render samples/musan.md --tm samples/tm/korean-service.tmx -o briefs/
    """


class LanguageChoice(click.Choice):
    """A choice of registry tags that also takes any code the registry resolves ("ko-KR", "zh-TW", "ZH-HANS")."""

    def __init__(self, languages: Iterable[Language]) -> None:
        super().__init__([language.tag for language in languages])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        language = resolve(value) if isinstance(value, str) else None
        return super().convert(language.tag if language else value, param, ctx)


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
                     help="Choose summary sentences on the draft's own language ('source', shown in English) or on "
                          "the English."),
        click.option("--template-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                     help="Folder of templates searched before the built-in ones."),
    ], command)


@cli.command()
@click.argument("drafts", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "output_format", type=click.Choice(FORMAT_NAMES),
              help="Output format.  [default: from -o's suffix, else html]")
@click.option("-o", "--output", type=click.Path(),
              help="NAME.html or NAME.md (the format follows the suffix), a folder (a name without suffix, created"
                   " when missing; one DRAFT.html/.md per draft), or - for stdout (the default for one draft).")
@click.option("--strict", is_flag=True, help="Write nothing when any brief has QA errors (exit 4).")
@brief_options
def render(drafts: tuple[Path, ...], output_format: str | None, output: str | None, strict: bool,
           memories: tuple[Path, ...], glossaries: tuple[Path, ...], engine: str, algorithm: str, sentences: int,
           summary_language: str, template_dir: Path | None) -> None:
    """Render DRAFTS (in any service language) as English news briefs, checking each (one QA line per draft on stderr).

    Every draft is rendered before anything is written: a bad draft stops the run with nothing written.

    \b
    Examples:
      rfaflow render drafts/musan.md -o briefs/
      rfaflow render drafts/musan.md --tm memory.tmx -o musan.md
      rfaflow render drafts/*.md --strict -o briefs/
    """
    from rfaflow.brief import build_brief
    from rfaflow.desk import build_chain, check_brief, qa_line
    from rfaflow.draft import read_draft
    from rfaflow.qa import ERROR
    from rfaflow.render import environment, render_brief, write_atomically
    from rfaflow.store import default_store
    from rfaflow.translate import TranslationChain

    output_format, targets = _render_targets(drafts, output, output_format)
    env = environment(template_dir)
    chains: dict[Language, TranslationChain] = {}  # one per source language: a mixed set of drafts is fine
    rendered, qa_lines, failing = [], [], []
    store = default_store()  # machine translations are cached, shared with batch runs
    try:
        for draft_path in drafts:
            draft = read_draft(draft_path)
            if draft.language not in chains:
                chains[draft.language] = build_chain(store, memories, glossaries, engine, source=draft.language)
            chain = chains[draft.language]
            brief = build_brief(draft, chain, SummaryOptions(algorithm, sentences, summary_language))
            text = render_brief(brief, output_format, env)
            findings = check_brief(brief, chain.glossary, text)
            qa_lines += [f"{draft_path}: note: {notice}" for notice in draft.notices]
            qa_lines.append(f"{draft_path}: {brief.description}: QA {qa_line(findings)}")
            if any(finding.severity == ERROR for finding in findings):
                failing.append(draft_path)
            rendered.append(text)
    finally:
        store.close()
    for line in qa_lines:
        _say(line, err=True)
    if strict and failing:
        raise QaErrors(f"QA errors in {', '.join(map(str, failing))}; nothing written (see rfaflow check)")
    if targets is None:
        click.echo(rendered[0], nl=False)
        return
    for target, text in zip(targets, rendered, strict=True):
        write_atomically(target, text)
        _say(f"Wrote {target}", err=True)


def _render_targets(drafts: tuple[Path, ...], output_arg: str | None,
                    output_format: str | None) -> tuple[str, list[Path] | None]:
    """The format and one path per draft (None: stdout). NAME.html/NAME.md is a file whose suffix gives the
    format; a name without a suffix (or an existing folder) is a folder."""
    if output_arg is None or output_arg == "-":
        if len(drafts) > 1:
            raise click.UsageError("several drafts need -o FOLDER")
        return output_format or "html", None
    output = Path(output_arg)
    suffix = output.suffix.lower().lstrip(".")
    if _names_a_folder(output_arg, "NAME.html or NAME.md"):
        fmt = output_format or "html"
        targets = [output / (draft.stem + f".{fmt}") for draft in drafts]
        clashes = {t for t in targets if targets.count(t) > 1}
        if clashes:
            raise click.UsageError(f"two drafts would both be written to {sorted(clashes)[0]}; render them separately")
        return fmt, targets
    if suffix not in FORMAT_NAMES:
        raise click.UsageError(f"-o {output}: a brief is {' or '.join('.' + f for f in FORMAT_NAMES)}; "
                               "or give a folder (a name without a suffix)")
    if output_format and output_format != suffix:
        raise click.UsageError(f"-o {output} is .{suffix} but -f asks for {output_format}; drop one of them")
    if len(drafts) > 1:
        raise click.UsageError(f"-o {output}: several drafts need -o FOLDER")
    return suffix, [output]


def _single_output(output_arg: str, default_name: str) -> Path | None:
    """Where a command that writes one file writes it: None for '-' (stdout); a name without a suffix (or an
    existing folder) is a folder, created when missing, holding `default_name`."""
    if output_arg == "-":
        return None
    return Path(output_arg) / default_name if _names_a_folder(output_arg) else Path(output_arg)


def _names_a_folder(output_arg: str, files: str = "a file with a suffix") -> bool:
    """-o names a folder when it is one, ends in a slash or has no suffix; an existing file without a suffix is a
    usage error that says what to give instead (`files`)."""
    output = Path(output_arg)
    if not (output.is_dir() or not output.suffix or output_arg.endswith(("/", "\\"))):
        return False
    if output.exists() and not output.is_dir():
        raise click.UsageError(f"-o {output}: a file without a suffix; name a folder, or {files}")
    return True


def _write_output(target: Path | None, text: str, report: str) -> None:
    """`text` to `target`, or stdout; `report` (say, "12 segments") goes to stderr with the file's name."""
    from rfaflow.render import write_atomically

    if target is None:
        click.echo(text, nl=False)
        _say(f"Wrote stdout: {report}", err=True)
        return
    write_atomically(target, text)
    _say(f"Wrote {target}: {report}", err=True)


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
    _say(report.summary_line(), err=True)
    if report.failed:
        click.get_current_context().exit(ExitCode.PARTIAL)


@cli.command()
@click.argument("source", type=click.Path(allow_dash=True, path_type=Path))
@click.option("--lang", type=LanguageChoice(LANGUAGES.values()),
              help=f"Language of the text.  [default: a draft's language, else {ENGLISH.tag}]")
@click.option("--sentences", type=click.IntRange(min=1), default=DEFAULT_SENTENCES, show_default=True,
              help="Sentences to select.")
@click.option("--algorithm", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True,
              help="Summary algorithm.")
@click.option("--split", type=click.Choice(["sentences", "lines"]), default="sentences", show_default=True,
              help="'lines': every non-empty line is one sentence; 'sentences': split paragraphs into sentences.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="'text': one sentence a line; 'json': {\"sentences\": [{\"index\": i, \"text\": s}]}.")
def summarize(source: Path, lang: str | None, sentences: int, algorithm: str, split: str, output_format: str) -> None:
    """Pick the key sentences of a text (a FILE, or - for stdin).

    A draft (front matter first) is read as render reads it, and only its body is summarised. JSON indices are
    0-based positions among the input's sentences (its lines with --split lines).

    \b
    Examples:
      rfaflow summarize story.txt --sentences 2
      rfaflow summarize - --lang ko --split lines --format json < sentences.txt
    """
    from rfaflow.document import parse_body, segment_blocks
    from rfaflow.draft import decode_draft_bytes, looks_like_draft, parse_draft, read_draft_bytes, split_front_matter
    from rfaflow.summarize import summarize as choose

    name = Path("<stdin>") if str(source) == "-" else source
    data = read_draft_bytes(sys.stdin.buffer if str(source) == "-" else source, name)
    text = decode_draft_bytes(name, data)
    draft_language = None
    if looks_like_draft(text):  # read as render reads it; only the body is summarised (private notes live above)
        draft_language = parse_draft(name, data).language
        _, text, _ = split_front_matter(name, text)
    language = get(lang) if lang else draft_language or ENGLISH
    if split == "lines":
        units = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        # Read as a draft's body is: Markdown blocks, and their sentences (never a subheading or a caption).
        units = [unit.text for unit in segment_blocks(parse_body(text), language)[0] if unit.kind == "sentence"]
    if not units:
        raise RfaflowError("no sentences to summarize", name)
    summary = choose(units, sentences, algorithm, language)
    if output_format == "json":
        chosen = [{"index": i, "text": units[i]} for i in summary.indices]
        click.echo(json.dumps({"sentences": chosen}, ensure_ascii=False))
    else:
        for i in summary.indices:
            _say(units[i])


def _desk_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """What `check`, `review` and `xliff export` need to translate a draft the way `render` would."""
    return _apply([
        *TRANSLATION_OPTIONS,
        click.option("--fuzzy", "fuzzy_threshold", type=click.FloatRange(50, 100), default=DEFAULT_FUZZY_THRESHOLD,
                     show_default=True, help="Lowest similarity (percent) of a memory match offered as a suggestion."),
    ], command)


def _desk_report(review: Any) -> str:
    """What review and xliff export wrote: the segments and gaps (see DraftReview.description), and findings."""
    return f"{review.description}, {len(review.findings)} QA findings"


def _review(draft_path: Path, memories: tuple[Path, ...], glossaries: tuple[Path, ...], engine: str,
            fuzzy_threshold: float):
    from rfaflow.desk import build_chain, review_draft
    from rfaflow.draft import read_draft
    from rfaflow.store import default_store

    draft = read_draft(draft_path)
    store = default_store()
    try:
        chain = build_chain(store, memories, glossaries, engine, source=draft.language)
        return review_draft(draft, chain, fuzzy_threshold)
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
    from rfaflow.desk import TRANSLATION_FILE_SUFFIXES, check_translation_file, qa_line
    from rfaflow.qa import ERROR

    untranslated: list[tuple[str, str]] = []
    if path.suffix.lower() in TRANSLATION_FILE_SUFFIXES:
        segments, findings = check_translation_file(path, glossaries)
        described = f"{segments} segment{'s' * (segments != 1)}"
    else:
        review = _review(path, memories, glossaries, engine, fuzzy_threshold)
        segments, findings, described = len(review.segments), review.findings, review.description
        untranslated = [(segment.id, segment.source) for segment in review.untranslated]
    errors = sum(finding.severity == ERROR for finding in findings)
    if output_format == "json":
        click.echo(json.dumps({"segments": segments, "findings": [vars(f) for f in findings],
                               "untranslated": [{"id": i, "source": text} for i, text in untranslated]},
                              ensure_ascii=False))
    else:
        for finding in findings:
            _say(f"{path}:{finding.id}: {finding.severity}: {finding.check}: {finding.message}")
        for segment_id, source in untranslated:
            _say(f"{path}:{segment_id}: no translation: {source}")
        _say(f"{path}: {described}: {qa_line(findings)}", err=True)
    if errors:
        click.get_current_context().exit(ExitCode.QA_ERRORS)


@cli.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True,
              help="The review page to write (HTML): a file, a folder (DRAFT-review.html in it), or - for stdout.")
@_desk_options
def review(draft: Path, output: str, memories: tuple[Path, ...], glossaries: tuple[Path, ...], engine: str,
           fuzzy_threshold: float) -> None:
    """Write a review page for DRAFT: Korean and English side by side, origins, QA findings, memory suggestions.

    \b
    Example:
      rfaflow review drafts/musan.md --tm memory.tmx --glossary desk.csv -o musan-review.html
    """
    from rfaflow.render import environment, render_template

    target = _single_output(output, f"{draft.stem}-review.html")
    review_data = _review(draft, memories, glossaries, engine, fuzzy_threshold)
    page = render_template(environment(), "review.html.j2", review=review_data)
    _write_output(target, page, _desk_report(review_data))


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
@click.option("-o", "--output", required=True,
              help="The XLIFF file to write: a file, a folder (DRAFT.xlf in it), or - for stdout.")
@click.option("--post-editor", help="Who will post-edit it; recorded in the file and credited on import.")
@_desk_options
def xliff_export(draft: Path, output: str, post_editor: str | None, memories: tuple[Path, ...],
                 glossaries: tuple[Path, ...], engine: str, fuzzy_threshold: float) -> None:
    """Write DRAFT's segments with their translations, origins, QA findings and suggestions as XLIFF 1.2.

    \b
    Example:
      rfaflow xliff export drafts/musan.md --tm memory.tmx -o musan.xlf --post-editor "Soo Min Jo"
    """
    from rfaflow.xliff import export_xliff

    target = _single_output(output, f"{draft.stem}.xlf")
    review_data = _review(draft, memories, glossaries, engine, fuzzy_threshold)
    _write_output(target, export_xliff(review_data, post_editor).decode("utf-8"), _desk_report(review_data))


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
        store.add_memory(report.language.tag, ENGLISH.tag, report.imported)
    finally:
        store.close()
    left = f"; {report.unchanged_machine} machine translations left unreviewed" if report.unchanged_machine else ""
    _say(f"Imported {len(report.imported)} of {report.units} segments from {path}, "
               f"credited to {report.post_editor}{left}")


@cli.group()
def tm() -> None:
    """The translation memory: approved pairs from TMX files and imported post-edits.

    \b
    Example:
      rfaflow tm export -o desk-memory.tmx --tm samples/tm/korean-service.tmx
    """


@tm.command("export")
@click.option("-o", "--output", required=True,
              help="The TMX file to write: a file, a folder (memory.tmx in it), or - for stdout.")
@click.option("--tm", "memories", multiple=True, type=click.Path(path_type=Path),
              help="TMX files to merge in (the newest unit wins for a source sentence). Repeatable.")
@click.option("--lang", type=LanguageChoice(SOURCE_LANGUAGES),
              default=DEFAULT_SOURCE.tag, show_default=True, help="The source language of the pairs to export.")
def tm_export(output: str, memories: tuple[Path, ...], lang: str) -> None:
    """Write every approved pair (imported post-edits, merged with any --tm files) as TMX 1.4b.

    \b
    Example:
      rfaflow tm export -o desk-memory.tmx
    """
    from rfaflow.store import default_store
    from rfaflow.translate.memory import TranslationMemory, tmx_bytes

    target = _single_output(output, "memory.tmx")
    store = default_store()
    try:
        source = get(lang)
        memory = TranslationMemory.from_files(memories, source, ENGLISH,
                                              extra=store.memory_units(source.tag, ENGLISH.tag))
    finally:
        store.close()
    if not len(memory):
        raise RfaflowError("nothing to export: no imported post-edits and no --tm files", output)
    _write_output(target, tmx_bytes(memory.units, source, ENGLISH).decode("utf-8"), f"{len(memory)} translation units")


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
        _say("No models installed; install one with 'rfaflow models install FILE.argosmodel'.", err=True)
    for model in found:
        _say(f"{model.name}\t{_tag(model.from_code)}→{_tag(model.to_code)}\t{model.version}\t{model.path}")


def _tag(code: str) -> str:
    """A package's language code as the registry tags it ("zt" is zh-Hant); an unknown code as it is."""
    language = resolve(code)
    return language.tag if language else code


def _known_language(code: str) -> Language:
    language = resolve(code)
    if language is None:
        raise click.UsageError(f"unknown language {code!r}; use one of: {', '.join(LANGUAGES)}")
    return language


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
        source, target = (_known_language(code) for code in spec)
        model = install_from_index(source, target)
    else:
        raise click.UsageError("give one FILE.argosmodel, or two language codes such as 'ko en'")
    _say(f"Installed {model.name} ({_tag(model.from_code)}→{_tag(model.to_code)}, package {model.version}) "
         f"in {model.path}")


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
    _say(f"Removed {model.name}")


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

