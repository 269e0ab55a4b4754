"""Throughput of `rfaflow batch` against a per-document Argos loop and the bare CTranslate2 floor.

    python bench/batch_throughput.py --json [--repeat 3] [--argos-every K] [--scale K] [--rss-scale 10] [--threads N]
                                         [--batch-size N]

Builds a Transformer-base-size copy model (int8) with rfaflow's builder, makes an archive of drafts from
../shared/data/ntrex-ko-en/dev.jsonl (80 documents, 1,316 sentences; --scale K replicates it with distinct text)
and measures, with the same model, beam size and threads:
  cold        `rfaflow batch` on a fresh store (segments per second, wall time of the whole command); the median
              of --repeat runs, alternated with the floor's
  warm        the same command rerun (unchanged drafts are skipped)
  warm_cache  the same archive into a new output folder: every brief re-rendered, translations from the cache
  argos_loop  what a user does today: argostranslate.translate.translate() per document, Argos's thread layout
              as shipped (one CTranslate2 worker, ARGOS_INTER_THREADS=1) given the same threads as rfaflow
              (ARGOS_INTRA_THREADS=threads; Argos's default, 0, is OpenMP's one thread per core, the same on this
              2-core machine). Argos's sentence splitter (MiniSBD) downloads a model, so
              `argostranslate.translate.MiniSBDSentencizer` is replaced by a class whose split_sentences() is
              rfaflow's Korean splitter; everything else is Argos's own code and settings (ARGOS_BEAM_SIZE set to
              rfaflow's beam, which is also Argos's default). --argos-every K times every K-th document only.
  argos_loop_tuned  the same loop with Argos hand-set to rfaflow's layout (ARGOS_INTER_THREADS=threads,
              ARGOS_INTRA_THREADS=1): what an expert user could get from Argos without batching across documents
  ct2_floor   one ctranslate2.Translator.translate_batch over all pre-tokenized segments (median of --repeat)
and the peak RSS of the cold run at scale 1 and at --rss-scale. Prints one JSON object.

    python bench/batch_throughput.py --languages all|TAG,TAG... [--every 3] [--repeat 1] [--segment-runs 3] [--json]

instead makes one archive per language from ../shared/data/ntrex-128/dev.jsonl (every --every-th of its 80
documents; drafts with `language:` set, Burmese left in Zawgyi as the data has it: rfaflow converts it on reading),
builds each language a base-size int8 copy model whose SentencePiece is trained on the segments of all 80 of that
language's documents (as rfaflow reads them, whatever --every times), and installs them all in one RFAFLOW_HOME.
Korean is always measured: it is the reference. Per language: segments (as rfaflow's reader and splitter give
them), the SentencePiece vocabulary size, pieces per timed segment, the cold `rfaflow batch` rate of
the language alone, that rate relative to Korean's, and the segmenter's rate (sentences per second of
`rfaflow.segment.sentence_spans` on the drafts' normalised paragraphs, best of --segment-runs) over the batch rate;
then the cold rate of one batch over every language's archive together (the mixed archive). Prints JSON, then
(without --json) the same figures as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rfaflow.languages import Language

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex-ko-en" / "dev.jsonl"
NTREX_128 = ROOT.parent / "shared" / "data" / "ntrex-128" / "dev.jsonl"
BEAM_SIZE = 4  # rfaflow's (and Argos's) default beam


def load_documents(path: Path = NTREX, tag: str = "ko") -> list[list[str]]:
    """The sentences of each document in `tag` (a key of the JSON lines at `path`)."""
    if not path.is_file():
        sys.exit(f"bench: {path} not found (the shared data folder must sit beside the project)")
    return [json.loads(line)[tag] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def replicate(documents: list[list[str]], scale: int) -> list[list[str]]:
    """Copy k > 0 gets a distinct marker on every sentence, so no copy is a cache hit for another."""
    copies = []
    for k in range(scale):
        for sentences in documents:
            copies.append([s if k == 0 else f"({k}) {s}" for s in sentences])
    return copies


def write_archive(documents: list[list[str]], folder: Path, language: Language | None = None) -> int:
    """One draft per document, four sentences a paragraph; returns the number of sentences. Without `language`
    the drafts are the Korean-only run's (no `language:` field); with it, each says `language:` and is headed by its
    first sentence, which is in the language's script as the draft reader requires (the English headline is given,
    so the headline is not translated)."""
    for i, sentences in enumerate(documents):
        paragraphs = ["\n".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        path = folder / f"batch-{i // 100:03d}" / f"doc-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        head = (f"headline: {json.dumps(sentences[0], ensure_ascii=False)}\nlanguage: {language.tag}\n" if language
                else f"headline: 문서 {i}\n")
        path.write_text(
            f"---\n{head}english_headline: Document {i}\ndate: 2026-11-28\n"
            f"service: RFA's {language.name if language else 'Korean'} Service\nreporter: NTREX\n---\n\n"
            + "\n\n".join(paragraphs) + "\n",
            encoding="utf-8",
        )
    return sum(len(s) for s in documents)


def timed_command(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of a command run in its own wrapper process."""
    wrapper = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
    )
    output = subprocess.run([sys.executable, "-c", wrapper, *args], env=env, capture_output=True, text=True, check=True)
    seconds, rss_kb, code = output.stdout.split()
    if code not in ("0", "3"):
        sys.exit(f"bench: {' '.join(args)} exited {code}")
    return float(seconds), int(rss_kb) / 1024


def batch_command(archive: Path, out: Path, threads: int, batch_size: int | None) -> list[str]:
    command = [sys.executable, "-m", "rfaflow", "batch", str(archive), "-o", str(out), "--jobs", str(threads)]
    return command + (["--batch-size", str(batch_size)] if batch_size else [])


def install_model(model: Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "rfaflow", "models", "install", str(model)], env=env, check=True,
                   capture_output=True)


def cold_batch(archive: Path, out: Path, env: dict[str, str], args: argparse.Namespace) -> tuple[float, float]:
    """`timed_command` of a batch on a fresh store: no job state and no cached translation from an earlier run."""
    for stale in Path(env["RFAFLOW_HOME"]).glob("rfaflow.sqlite*"):
        stale.unlink()
    return timed_command(batch_command(archive, out, args.threads, args.batch_size), env)


ARGOS_LOOP = """
import json, sys, time
import argostranslate.translate as argos_translate
from rfaflow.languages import get
from rfaflow.segment import split_sentences

class RfaflowSentencizer:
    def __init__(self, pkg):
        pass
    def split_sentences(self, text, lang_code=None):
        return split_sentences(text, get("ko"))

argos_translate.MiniSBDSentencizer = RfaflowSentencizer
documents = json.load(open(sys.argv[1], encoding="utf-8"))
argos_translate.translate("워밍업.", "ko", "en")  # load the model outside the timing, as for the floor
start = time.perf_counter()
for paragraphs in documents:
    argos_translate.translate("\\n".join(paragraphs), "ko", "en")  # Argos splits paragraphs on "\\n"
print(time.perf_counter() - start)
"""


def argos_loop(documents: list[list[str]], packages: Path, threads: int, work: Path, tuned: bool) -> float:
    """Seconds for the loop: Argos's own thread layout given `threads` intra-op threads, or (`tuned`) rfaflow's
    layout of `threads` single-threaded workers."""
    paragraphs = [[" ".join(s[j : j + 4]) for j in range(0, len(s), 4)] for s in documents]
    source = work / "argos-documents.json"
    source.write_text(json.dumps(paragraphs, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages), "ARGOS_BEAM_SIZE": str(BEAM_SIZE),
           "ARGOS_INTER_THREADS": str(threads if tuned else 1), "ARGOS_INTRA_THREADS": str(1 if tuned else threads),
           "ARGOS_DEVICE_TYPE": "cpu", "XDG_DATA_HOME": str(work / "xdg-data"),
           "XDG_CONFIG_HOME": str(work / "xdg-config"), "XDG_CACHE_HOME": str(work / "xdg-cache")}
    output = subprocess.run([sys.executable, "-c", ARGOS_LOOP, str(source)], env=env, capture_output=True, text=True)
    if output.returncode:
        sys.exit(f"bench: the Argos loop failed:\n{output.stderr}")
    return float(output.stdout.split()[-1])


def ct2_floor(sentences: list[str], package: Path, threads: int, batch_size: int) -> float:
    import ctranslate2
    import sentencepiece

    tokens = sentencepiece.SentencePieceProcessor(model_file=str(package / "sentencepiece.model")).encode(
        sentences, out_type=str
    )
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", inter_threads=threads, intra_threads=1)
    start = time.perf_counter()
    translator.translate_batch(tokens, beam_size=BEAM_SIZE, max_batch_size=batch_size, max_input_length=0,
                               max_decoding_length=2 * max(map(len, tokens)) + 16)
    return time.perf_counter() - start


def chosen_languages(value: str) -> list[Language]:
    """The languages `--languages` names ("all": every source language), Korean first: it is the reference."""
    from rfaflow.languages import SOURCE_LANGUAGES, get

    korean = get("ko")
    chosen = SOURCE_LANGUAGES if value == "all" else [get(tag.strip()) for tag in value.split(",") if tag.strip()]
    return [korean, *(language for language in dict.fromkeys(chosen) if language is not korean)]


def read_archive(archive: Path) -> list[tuple[list[str], list[str]]]:
    """Per draft, as rfaflow reads it (legacy encoding converted, the language's normal form): the paragraph texts
    its segmenter gets and the segments it translates."""
    from rfaflow.brief import prepare
    from rfaflow.draft import read_draft

    drafts = [read_draft(path) for path in sorted(archive.rglob("*.md"))]
    return [([line.text for block in draft.blocks for b in block.walk() if b.kind == "paragraph" for line in b.lines],
             [unit.text for unit in prepare(draft).units]) for draft in drafts]


def segmentation_seconds(paragraphs: list[list[str]], language: Language, runs: int) -> float:
    """Best of `runs` of `sentence_spans` over every draft's paragraphs, one call a draft as rfaflow makes it."""
    from rfaflow.segment import sentence_spans

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for texts in paragraphs:
            sentence_spans(texts, language)
        best = min(best, time.perf_counter() - start)
    return best


def finished_segments(out: Path) -> int:
    """Segments of a batch run's manifest; any failed draft ends the bench with its error."""
    drafts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["drafts"]
    failed = [f"{entry['draft']}: {entry['error']}" for entry in drafts if entry["status"] != "done"]
    if failed:
        sys.exit(f"bench: {len(failed)} drafts failed in {out}:\n" + "\n".join(failed[:5]))
    return sum(entry["segments"] for entry in drafts)


def languages_report(args: argparse.Namespace, log) -> dict:
    """Per language: an archive of the ntrex-128 dev documents, its own base int8 copy model, the cold batch rate
    alone and the segmenter's rate; then every language's archive in one mixed cold batch."""
    import sentencepiece

    from rfaflow.testing.copy_model import build_package, package_name
    from rfaflow.translate.argos import MAX_BATCH_SIZE

    languages = chosen_languages(args.languages)
    stats: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="rfaflow-bench-") as work_name:
        work = Path(work_name)
        env = {**os.environ, "RFAFLOW_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
        archives = work / "archives"  # one folder a language: each alone, or all of them as the mixed archive
        build_start = time.perf_counter()
        for language in languages:
            log(f"{language.tag}: archive, segmentation, base-size int8 copy model ...")
            archive = archives / language.tag
            documents = load_documents(NTREX_128, language.tag)
            write_archive(documents[:: args.every], archive, language)
            drafts = read_archive(archive)
            segments = [text for _, units in drafts for text in units]
            seg_s = segmentation_seconds([paragraphs for paragraphs, _ in drafts], language, args.segment_runs)
            # SentencePiece learns from all 80 documents as rfaflow reads them, whatever --every times: trained on
            # the sample alone its vocabulary stays far below the base size's, and pieces per segment grow with it.
            corpus_archive = work / "corpus" / language.tag  # outside `archives`: never part of the mixed archive
            write_archive(documents, corpus_archive, language)
            corpus = [text for _, units in read_archive(corpus_archive) for text in units]
            model = build_package(work / f"copy-{language.tag}.argosmodel", "base", corpus=corpus,
                                  quantization="int8", source=language)
            install_model(model, env)
            tokenizer = sentencepiece.SentencePieceProcessor(
                model_file=str(work / "home" / "packages" / package_name(language) / "sentencepiece.model"))
            pieces = sum(map(len, tokenizer.encode(segments, out_type=str)))
            stats[language.tag] = {"drafts": len(drafts), "segments": len(segments), "corpus_segments": len(corpus),
                                   "pieces_per_segment": round(pieces / len(segments), 1),
                                   "vocabulary": tokenizer.get_piece_size(),
                                   "segmentation": round(len(segments) / seg_s, 1), "runs": []}
        build_s = time.perf_counter() - build_start  # archives, reading, segmentation timings, models
        total = sum(entry["segments"] for entry in stats.values())
        mixed_runs = []
        for run in range(1, args.repeat + 1):
            # Alone and mixed runs alternate, so all see the same machine (its speed drifts from minute to minute).
            for language in languages:
                entry = stats[language.tag]
                log(f"cold batch, {language.tag} alone: {entry['drafts']} drafts, {entry['segments']} segments, "
                    f"run {run} of {args.repeat} ...")
                out = work / f"out-{language.tag}-{run}"
                entry["runs"].append(cold_batch(archives / language.tag, out, env, args)[0])
                # The rate counts what the batch translated; the reader's count differs only if rfaflow changed.
                entry["batch_segments"] = finished_segments(out)
            log(f"cold batch, mixed archive: {total} segments, run {run} of {args.repeat} ...")
            mixed_runs.append(cold_batch(archives, work / f"out-mixed-{run}", env, args)[0])
            total = finished_segments(work / f"out-mixed-{run}")

    for entry in stats.values():
        seconds = statistics.median(entry["runs"])
        entry["batch"] = round(entry["batch_segments"] / seconds, 2)
        entry["segmentation_over_batch"] = round(entry["segmentation"] / entry["batch"], 1)
        entry["seconds"] = round(seconds, 2)
        entry["runs"] = [round(x, 2) for x in entry["runs"]]
    korean = stats[languages[0].tag]["batch"]
    for entry in stats.values():
        entry["relative_to_korean"] = round(entry["batch"] / korean, 3)
    mixed_s = statistics.median(mixed_runs)
    alone_s = sum(entry["seconds"] for entry in stats.values())
    return {
        "languages": stats,
        "mixed": {"segments": total, "batch": round(total / mixed_s, 2), "seconds": round(mixed_s, 2),
                  "runs": [round(x, 2) for x in mixed_runs],
                  # the mixed run's rate against the alone runs' combined rate (their seconds added up)
                  "over_alone_combined": round(alone_s / mixed_s, 3)},
        "build_seconds": round(build_s, 1),
        "wall_seconds": round(time.perf_counter() - build_start, 1),
        "beam_size": BEAM_SIZE,
        "threads": args.threads,
        "batch_size": args.batch_size or MAX_BATCH_SIZE,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        "units": "batch: segments per second of a cold `rfaflow batch`; segmentation: sentences per second of "
                 "sentence_spans (best of --segment-runs); pieces: SentencePiece pieces of a segment",
    }


def markdown_table(report: dict) -> str:
    rows = ["| language | segments | vocabulary | pieces/segment | batch seg/s alone | relative to Korean "
            "| segmentation sent/s | segmentation / batch |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for tag, entry in report["languages"].items():
        rows.append(f"| {tag} | {entry['segments']:,} | {entry['vocabulary']:,} | {entry['pieces_per_segment']} | "
                    f"{entry['batch']} | "
                    f"{entry['relative_to_korean']:.0%} | {entry['segmentation']:,.0f} | "
                    f"{entry['segmentation_over_batch']:,.0f}× |")
    mixed = report["mixed"]
    rows.append(f"| mixed archive | {mixed['segments']:,} | | | {mixed['batch']} | | | |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--scale", type=int, default=1, help="replicate the 80 documents K times")
    parser.add_argument("--rss-scale", type=int, default=10, help="scale of the second peak-RSS run (0: skip)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=None, help="rfaflow's default when omitted")
    parser.add_argument("--repeat", type=int, default=None,
                        help="cold runs and floor runs, alternated (medians); default 3, with --languages 1")
    parser.add_argument("--argos-every", type=int, default=1,
                        help="time argos_loop on every K-th document only (it runs about 14 minutes on all 80)")
    parser.add_argument("--languages", help="'all' or tags (ko,my,...): the ntrex-128 per-language run instead")
    parser.add_argument("--segment-runs", type=int, default=3, help="segmenter timings per language (best of)")
    parser.add_argument("--every", type=int, default=3,
                        help="with --languages: every K-th ntrex-128 document of each language (all 80 documents of "
                        "all ten languages run about 17 minutes a cold pass, alone and mixed)")
    args = parser.parse_args()
    args.repeat = args.repeat or (1 if args.languages else 3)
    sys.path.insert(0, str(ROOT))
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr, flush=True))
    if args.languages:
        report = languages_report(args, log)
        print(json.dumps(report, indent=None if args.json else 2))
        if not args.json:
            print(markdown_table(report))
        return 0
    from rfaflow.testing.copy_model import build_package
    from rfaflow.translate.argos import MAX_BATCH_SIZE

    base_documents = load_documents()
    documents = replicate(base_documents, args.scale)
    with tempfile.TemporaryDirectory(prefix="rfaflow-bench-") as work_name:
        work = Path(work_name)
        env = {**os.environ, "RFAFLOW_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
        log("building the base-size int8 copy model ...")
        model = build_package(work / "copy-base.argosmodel", "base",
                              corpus=[s for d in base_documents for s in d], quantization="int8")
        install_model(model, env)
        package = work / "home" / "packages" / "translate-ko_en-copy"
        segments = write_archive(documents, work / "archive")
        batch_size = args.batch_size or MAX_BATCH_SIZE

        sentences = [s for d in documents for s in d]
        cold_runs, floor_runs, cold_rss = [], [], 0.0
        for run in range(1, args.repeat + 1):
            # (a) and (d) alternate, so both see the same machine: its speed drifts by ±10% from minute to minute.
            log(f"(a) cold batch over {len(documents)} drafts, {segments} segments, run {run} of {args.repeat} ...")
            seconds, rss = cold_batch(work / "archive", work / f"out-{run}", env, args)
            cold_runs.append(seconds)
            cold_rss = max(cold_rss, rss)
            log(f"(d) CTranslate2 floor, run {run} of {args.repeat} ...")
            floor_runs.append(ct2_floor(sentences, package, args.threads, batch_size))
        cold_s, floor_s = statistics.median(cold_runs), statistics.median(floor_runs)
        log("(b) warm rerun ...")
        warm_s, _ = timed_command(batch_command(work / "archive", work / f"out-{args.repeat}", args.threads,
                                                args.batch_size), env)
        warm_cache_s, _ = timed_command(
            batch_command(work / "archive", work / "out-cache", args.threads, args.batch_size), env
        )
        sample = documents[:: args.argos_every]
        log(f"(c) Argos per-document loop as shipped, {len(sample)} documents ...")
        argos_s = argos_loop(sample, work / "home" / "packages", args.threads, work, tuned=False)
        log("    and hand-tuned to rfaflow's thread layout, all documents ...")
        argos_tuned_s = argos_loop(documents, work / "home" / "packages", args.threads, work, tuned=True)

        rss_scale_mb = None
        if args.rss_scale:
            log(f"peak RSS of a cold batch at scale {args.rss_scale} ...")
            big = work / f"archive-x{args.rss_scale}"
            write_archive(replicate(base_documents, args.rss_scale), big)
            big_env = {**env, "RFAFLOW_HOME": str(work / "home-big")}
            install_model(model, big_env)
            _, rss_scale_mb = timed_command(batch_command(big, work / "out-big", args.threads, args.batch_size),
                                            big_env)

    rate = lambda seconds, count=segments: round(count / seconds, 2)  # noqa: E731
    sampled = sum(map(len, sample))
    cold, warm, argos, floor = rate(cold_s), rate(warm_s), rate(argos_s, sampled), rate(floor_s)
    argos_tuned = rate(argos_tuned_s)
    report = {
        "cold": cold,
        "warm": warm,
        "argos_loop": argos,
        "ct2_floor": floor,
        "cold_over_argos": round(cold / argos, 3),
        "cold_over_floor": round(cold / floor, 3),
        "warm_over_cold": round(warm / cold, 1),
        "rss_scale1_mb": round(cold_rss, 1) if args.scale == 1 else None,
        f"rss_scale{args.rss_scale}_mb": round(rss_scale_mb, 1) if rss_scale_mb else None,
        "warm_cache": rate(warm_cache_s),
        "argos_loop_tuned": argos_tuned,
        "cold_over_argos_tuned": round(cold / argos_tuned, 3),
        "argos_loop_documents": len(sample),
        "argos_loop_segments": sampled,
        "seconds": {"cold": round(cold_s, 2), "warm": round(warm_s, 2), "warm_cache": round(warm_cache_s, 2),
                    "argos_loop": round(argos_s, 2), "argos_loop_tuned": round(argos_tuned_s, 2),
                    "ct2_floor": round(floor_s, 2), "cold_runs": [round(x, 2) for x in cold_runs],
                    "ct2_floor_runs": [round(x, 2) for x in floor_runs]},
        "segments": segments,
        "drafts": len(documents),
        "scale": args.scale,
        "beam_size": BEAM_SIZE,
        "threads": args.threads,
        "batch_size": batch_size,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        "peak_rss_unit": "MB (ru_maxrss of the rfaflow process; at scale 1 the largest of the cold runs)",
    }
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
