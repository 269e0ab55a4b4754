"""Sentence splitters of the rule-based service languages (all but Korean), against ICU and the languages' libraries.

    python bench/segmenters.py [--lang TAG ...] [--sep TEXT] [--markdown] [--data PATH]
    python bench/segmenters.py --errors TAG CANDIDATE [--sep TEXT] [--n 20]

Data: ../shared/data/ntrex-128/dev.jsonl (80 documents, 1,316 sentences per language). Each document's sentences are
stripped and run together the way a writer of the language puts one after the next (Chinese and Cantonese: nothing;
the others: one space; --sep overrides), split by each candidate, and scored on boundaries: the offset where a
sentence starts, 0 left out, an offset on whitespace moved on to the next character. Precision, recall and F1 are
over all boundaries of the language; sentences per second is of the fastest of the split passes over all documents
that fill 0.5 s (the fastest, as other work on the machine only slows a pass).
Burmese is converted from Zawgyi to Unicode first, with the registry's converter (`Language.legacy_encoding`, ICU's
"Zawgyi-my"), as the pipeline does before it segments; without PyICU Burmese is skipped.

Candidates:
  rfaflow            the production splitter (rfaflow/segmenters.py, as the registry names it), run through
                     `rfaflow.segment.sentence_spans`: windowing and trimming included
  rfaflow-no-veto    the same rule with its veto switched off (abbreviations, initials, words after a quotation,
                     Tibetan clause particles, Khmer ។ល។): what the veto is worth
  rfaflow+comma      Burmese only: ၊ taken as a sentence end too, as Unicode's Sentence_Terminal property has it
  icu                PyICU's sentence BreakIterator for the language's locale
  underthesea        vi: underthesea.sent_tokenize
  pycantonese-rule   yue: pycantonese.parse_text's utterance rule (a break after every 。！？), re-implemented here so
                     that no tagging runs
  khmer-nltk         km: khmernltk.sentence_tokenize
  laonlp             lo: laonlp.sent_tokenize
A candidate whose library is not installed is skipped with a note: underthesea, khmer-nltk and laonlp
are not rfaflow dependencies (PyICU is, as pyicu-wheels). pyvi has no sentence splitter, so it is no candidate.
--markdown prints the README table instead: per language the production splitter's figures, the best other
candidate (ablations left out), the reason for the rule and the F1 without its veto.
Exit status 2 when the data file is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rfaflow import languages, segmenters  # noqa: E402
from rfaflow.segment import sentence_spans  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ntrex-128" / "dev.jsonl"
TAGS = ["zh-Hans", "zh-Hant", "yue", "vi", "ug", "my", "km", "lo", "bo"]
# How a writer of the language puts one sentence after the next: Chinese and Cantonese need no space after 。; Burmese,
# Khmer and Tibetan put a space after ။ ។ ། in print (often left out: try --sep ''), the others after their period.
SEPARATOR = {tag: "" if tag in ("zh-Hans", "zh-Hant", "yue") else " " for tag in TAGS}
ICU_LOCALE = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}
# The module-level veto each rule consults, switched off for "rfaflow-no-veto".
VETO = {"vi": "_vietnamese_veto", "ug": "_uyghur_veto", "km": "_khmer_veto", "lo": "_lao_veto", "bo": "_tibetan_veto"}
REASON = {
    "zh-Hans": "。！？ end a sentence and mean nothing else, no space after them; closing quotes stay with it "
               "(ICU gives the sentence before an opening “ that follows 。)",
    "zh-Hant": "as zh-Hans, 「」『』 quotes included",
    "yue": "as Chinese; pycantonese's rule, a cut right after 。！？, gives a closing quote to the next sentence",
    "vi": ". ! ? … then a space and a capital; no cut after a Vietnamese abbreviation (TP. Q. TS.), an initial or a "
          "capitalised English title (Mr.)",
    "ug": ". ! ؟ then a space (no letter case to test), a spaced » kept; no cut after an initial, a Latin "
          "abbreviation, or before دېدى \"said\" after a quote; ، ؛ join clauses",
    "my": "။ ends a sentence; ၊ is a comma, but ICU (Unicode's Sentence_Terminal) cuts at it",
    "km": "khan ។ and ៕ end a sentence, ។ល។ (\"etc.\") does not; khmer-nltk also cuts at ៖ (colon)",
    "lo": "Latin . ! ? then a space; no cut after a Latin initial or abbreviation; ຯ ໆ are not ends",
    "bo": "shad ། (or a space after final ག ཤ), not after a clause-connective or case particle (ནས དང ཞིང ...) nor "
          "before the quotative ཞེས ཅེས; ICU has no Tibetan rules",
}

Split = Callable[[list[str]], list[list[int]]]
NOTES: list[str] = []


# --- candidates -------------------------------------------------------------------------------------------------

def production(tag: str) -> Split:
    language = languages.get(tag)
    return lambda texts: [[start for start, _ in spans] for spans in sentence_spans(texts, language)]


def patched(split: Split, name: str, value: object) -> Split:
    def run(texts: list[str]) -> list[list[int]]:
        with mock.patch.object(segmenters, name, value):
            return split(texts)

    return run


def per_text(split_one: Callable[[str], list[int]]) -> Split:
    return lambda texts: [split_one(text) for text in texts]


def icu(tag: str) -> Split:
    import icu as pyicu

    iterator = pyicu.BreakIterator.createSentenceInstance(pyicu.Locale(ICU_LOCALE.get(tag, tag)))

    def split_one(text: str) -> list[int]:
        # ICU's offsets count UTF-16 code units: map them back to code points.
        code_point = [i for i, ch in enumerate(text) for _ in range(2 if ord(ch) > 0xFFFF else 1)] + [len(text)]
        iterator.setText(text)
        return [code_point[offset] for offset in iterator]

    return per_text(split_one)


def located(pieces_of: Callable[[str], list[str]]) -> Split:
    """For a library that returns sentences as strings (maybe stripped): find each in the text, in order."""
    def split_one(text: str) -> list[int]:
        offsets, pos = [], 0
        for piece in (piece.strip() for piece in pieces_of(text)):
            found = text.find(piece, pos) if piece else -1
            if found >= 0:
                offsets.append(found)
                pos = found + len(piece)
        return offsets

    return per_text(split_one)


def underthesea(tag: str) -> Split:
    from underthesea import sent_tokenize

    return located(sent_tokenize)


def khmer_nltk(tag: str) -> Split:
    from khmernltk import sentence_tokenize

    return located(sentence_tokenize)


def laonlp(tag: str) -> Split:
    from laonlp import sent_tokenize

    return located(sent_tokenize)


def pycantonese_rule(tag: str) -> Split:
    return per_text(lambda text: [i + 1 for i, ch in enumerate(text) if ch in "。！？"])


def candidates(tag: str) -> dict[str, Callable[[str], Split]]:
    found: dict[str, Callable[[str], Split]] = {"rfaflow": production}
    if tag in VETO:
        found["rfaflow-no-veto"] = lambda tag: patched(production(tag), VETO[tag], lambda text, match: False)
    if tag == "my":
        comma = re.compile(segmenters._BURMESE_END.pattern.replace("။", "။၊", 1))
        found["rfaflow+comma"] = lambda tag: patched(production(tag), "_BURMESE_END", comma)
    found["icu"] = icu
    found.update({"vi": {"underthesea": underthesea}, "yue": {"pycantonese-rule": pycantonese_rule},
                  "km": {"khmer-nltk": khmer_nltk}, "lo": {"laonlp": laonlp}}.get(tag, {}))
    return found


# --- data and scoring -------------------------------------------------------------------------------------------

def load(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"bench: {path} not found (the shared data folder must sit beside the project)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_unicode(documents: list[dict], tag: str) -> bool:
    """Convert the documents' text of a language with a legacy encoding in place; False if the converter is missing."""
    legacy = languages.get(tag).legacy_encoding
    if legacy is None:
        return True
    try:
        converted = [[legacy.convert(s) if legacy.detect(s) else s for s in doc[tag]] for doc in documents]
    except (ImportError, RuntimeError) as error:
        NOTES.append(f"{tag}: skipped, its {legacy.name} text cannot be converted ({error})")
        return False
    for doc, sentences in zip(documents, converted, strict=True):
        doc[f"{tag} ({legacy.name})"], doc[tag] = doc[tag], sentences
    return True


def joined(sentences: list[str], separator: str) -> tuple[str, set[int]]:
    text, starts = "", set()
    for sentence in (s.strip() for s in sentences if s.strip()):
        if text:
            text += separator
            starts.add(len(text))
        text += sentence
    return text, starts


def boundaries(text: str, offsets: list[int]) -> set[int]:
    found = set()
    for offset in offsets:
        while offset < len(text) and text[offset].isspace():
            offset += 1
        if 0 < offset < len(text):
            found.add(offset)
    return found


def evaluate(documents: list[dict], column: str, separator: str, split: Split) -> dict:
    pairs = [joined(doc[column], separator) for doc in documents]
    texts = [text for text, _ in pairs]
    sentences = sum(len(gold) + 1 for _, gold in pairs)
    passes: list[float] = []
    while sum(passes) < 0.5:
        started = time.perf_counter()
        predicted = split(texts)
        passes.append(time.perf_counter() - started)
    tp = fp = fn = 0
    errors = []
    for (text, gold), offsets in zip(pairs, predicted, strict=True):
        found = boundaries(text, offsets)
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        errors += [("FP" if offset in found else "FN", text, offset) for offset in sorted(found ^ gold)]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "sent/s": sentences / min(passes),
            "errors": errors}


def made(name: str, make: Callable[[str], Split], tag: str) -> Split | None:
    started = time.perf_counter()
    try:
        split = make(tag)
    except ImportError as error:
        NOTES.append(f"{tag} {name}: skipped, not installed ({error})")
        return None
    if time.perf_counter() - started > 0.05:
        NOTES.append(f"{tag} {name}: loaded in {time.perf_counter() - started:.2f} s")
    return split


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", choices=TAGS, help="only this language (repeatable)")
    parser.add_argument("--sep", help="the separator sentences are run together with (default: the language's)")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--errors", nargs=2, metavar=("TAG", "CANDIDATE"), help="list a candidate's wrong boundaries")
    parser.add_argument("--n", type=int, default=20, help="how many errors to list")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    documents = load(args.data)
    tags = [args.errors[0]] if args.errors else args.lang or TAGS
    if args.errors:
        tag, name = args.errors
        make = candidates(tag).get(name)
        split = make and to_unicode(documents, tag) and made(name, make, tag)
        if not split:
            print(f"cannot run {tag} {name} (candidates: {', '.join(candidates(tag))})", *NOTES, sep="\n")
            return 2
        errors = evaluate(documents, tag, SEPARATOR[tag] if args.sep is None else args.sep, split)["errors"]
        print(f"{len(errors)} wrong boundaries (FP: a cut where no sentence starts, FN: a start missed; ‖ marks it)")
        for kind, text, offset in errors[:args.n]:
            print(f"{kind} @{offset}: {text[max(0, offset - 40):offset]!r} ‖ {text[offset:offset + 30]!r}")
        return 0
    rows = []
    for tag in tags:
        if not to_unicode(documents, tag):
            continue
        separator = SEPARATOR[tag] if args.sep is None else args.sep
        for name, make in candidates(tag).items():
            split = made(name, make, tag)
            if split:
                rows.append((tag, name, evaluate(documents, tag, separator, split)))
        legacy = languages.get(tag).legacy_encoding
        if legacy is not None:
            raw = evaluate(documents, f"{tag} ({legacy.name})", separator, production(tag))
            NOTES.append(f"{tag} rfaflow on the unconverted {legacy.name} text: F1 {raw['F1']:.3f}")
    print(markdown(rows) if args.markdown else table(rows))
    print(*(f"note: {note}" for note in NOTES), sep="\n")
    return 0


def table(rows: list[tuple[str, str, dict]]) -> str:
    lines = [f"{'language':9}{'candidate':18}{'P':>7}{'R':>7}{'F1':>7}{'sent/s':>12}"]
    lines += [f"{tag:9}{name:18}{s['P']:7.3f}{s['R']:7.3f}{s['F1']:7.3f}{s['sent/s']:12,.0f}" for tag, name, s in rows]
    return "\n".join(lines)


def markdown(rows: list[tuple[str, str, dict]]) -> str:
    lines = ["| language | splitter | P | R | F1 | sentences/s | runner-up (F1) | why |",
             "|---|---|---|---|---|---|---|---|"]
    for tag in dict.fromkeys(tag for tag, _, _ in rows):
        scores = {name: s for row_tag, name, s in rows if row_tag == tag}
        ours = scores["rfaflow"]
        others = {name: s for name, s in scores.items() if not name.startswith("rfaflow")}
        best = max(others, key=lambda name: others[name]["F1"], default=None)
        runner_up = f"{best} ({others[best]['F1']:.3f})" if best else "none installed"
        splitter = languages.get(tag).sentence_cuts
        name = getattr(splitter, "name", getattr(splitter, "__name__", "?"))
        ablation = f" (without its veto: {scores['rfaflow-no-veto']['F1']:.3f})" if "rfaflow-no-veto" in scores else ""
        lines.append(f"| {tag} | `{name}` | {ours['P']:.3f} | {ours['R']:.3f} | {ours['F1']:.3f} | "
                     f"{ours['sent/s']:,.0f} | {runner_up} | {REASON[tag]}{ablation} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
