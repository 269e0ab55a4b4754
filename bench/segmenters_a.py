"""Sentence-segmenter benchmark for zh-Hans, zh-Hant, yue, vi, ug on NTREX-128 dev.

Each document's sentences are joined the way a writer of the language would
(Chinese/Cantonese: no separator; Vietnamese/Uyghur: one space), re-split by a
candidate, and compared on boundaries (character offset where a sentence
starts, offset 0 excluded).  A predicted boundary that falls on whitespace is
moved forward to the next non-space character.

Usage:
    python bench/segmenters_a.py [--data PATH]
    python bench/segmenters_a.py --errors LANG CANDIDATE [--data PATH]

Optional libraries (skipped with a note if missing): PyICU (`icu`),
underthesea (vi), pycantonese (yue; only its parse_text utterance rule is
reused, re-implemented here so no tagging runs).  pyvi has no sentence
splitter (only ViTokenizer / ViPosTagger) and is not a candidate.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

DATA = Path("/work/shared/data/ntrex-128/dev.jsonl")
LANGS = ["zh-Hans", "zh-Hant", "yue", "vi", "ug"]
SEP = {"zh-Hans": "", "zh-Hant": "", "yue": "", "vi": " ", "ug": " "}
ICU_LOCALE = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "yue": "yue", "vi": "vi", "ug": "ug"}

NOTES: list[str] = []


def _mem_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


# ---------------------------------------------------------------- regex rules
# Chinese / Cantonese.  Sentence-final marks in Chinese typography are the
# full-width 。！？ (GB/T 15834); they are never used inside numbers or
# abbreviations (decimals and Latin abbreviations use ASCII '.'), so they are
# unambiguous.  Half-width ! ? are sometimes typed for ！？ and are likewise not
# used word-internally.  A closing quote/bracket that follows the mark belongs to
# the sentence it closes (mainland “…。”, Taiwan/HK 「…。」『…。』, (…。)).
# ASCII '.' is excluded (decimals 3.5, English words); … is excluded because a
# Chinese ellipsis marks an omission and often continues the sentence.
ZH_END = "。！？!?"
ZH_CLOSE = "」』”’）)》〉】〕\"'"
ZH_RE = re.compile(f"[{ZH_END}]+[{re.escape(ZH_CLOSE)}]*")
ZH_OPEN = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")"}


def split_zh(text: str) -> list[int]:
    return [m.end() for m in ZH_RE.finditer(text) if m.end() < len(text)]


def split_zh_quotes(text: str) -> list[int]:
    """Like split_zh, but no boundary while a quotation or parenthesis is open:
    in Chinese a quoted passage (「甲。乙。」) is embedded in the sentence that
    introduces it, so a 。 inside the quote does not end the outer sentence.
    Depth is reset at every accepted boundary so a stray unbalanced quote
    cannot suppress splitting for the rest of the document."""
    out, depth, i, n = [], 0, 0, len(text)
    closers = set(ZH_OPEN.values())
    while i < n:
        c = text[i]
        if c in ZH_OPEN:
            depth += 1
        elif c in closers and depth:
            depth -= 1
        m = ZH_RE.match(text, i) if c in ZH_END else None
        if m:
            j = i + 1
            while j < n and text[j] in ZH_END:
                j += 1
            # consume closers, updating depth
            while j < n and text[j] in ZH_CLOSE:
                if text[j] in closers and depth:
                    depth -= 1
                j += 1
            if depth == 0 and j < n:
                out.append(j)
            i = j
            continue
        i += 1
    return out


# pycantonese.parse_text's own utterance rule: break after every 。！？
PYC_MARKS = "。！？"


def split_pycantonese_rule(text: str) -> list[int]:
    return [i + 1 for i, c in enumerate(text) if c in PYC_MARKS and i + 1 < len(text)]


# Vietnamese.  Latin script, words separated by spaces, sentences end in
# . ! ? (… ) and the next sentence starts with a capital letter (Vietnamese has
# case; Đ/đ included), a digit, or an opening quote/bracket.  '.' is also
# used in numbers (1.000.000 thousands separator; 3.5 in loan styles) -> a
# boundary needs whitespace after the mark.  Abbreviations end in '.' and are
# followed by a capitalised name ("TP. Hồ Chí Minh", "PGS. TS. Nguyễn", "Q. 1",
# "Mr. Smith"), and personal initials ("George W. Bush") -> no boundary after
# a known abbreviation or a single capital letter.
VI_ABBR = {
    # Vietnamese titles/administrative units
    "tp", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "ls", "nxb", "th", "q", "p",
    "tx", "ubnd", "hđnd", "cn", "v.v", "tr", "đ", "ng",
    # English names/titles that survive in translated news
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "lt", "col", "sgt",
    "capt", "gov", "sen", "rep", "no", "vs", "inc", "ltd", "co", "corp", "u.s",
    "e.g", "i.e", "etc", "a.m", "p.m",
}
LAT_END = ".!?…"
LAT_CLOSE = "\"'”’»)]"
LAT_OPEN = "\"'“‘«(["
VI_RE = re.compile(f"([{re.escape(LAT_END)}]+)[{re.escape(LAT_CLOSE)}]*(\\s+)")


def _prev_token(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in LAT_OPEN:
        j -= 1
    return text[j:i]


def _split_latin(text: str, abbr: set[str] | None) -> list[int]:
    out = []
    for m in VI_RE.finditer(text):
        nxt = m.end()
        if nxt >= len(text):
            continue
        c = text[nxt]
        if not (c.isupper() or c.isdigit() or c in LAT_OPEN):
            continue
        if abbr is not None and m.group(1) == ".":
            tok = _prev_token(text, m.start())
            low = tok.lower().rstrip(".")
            if low in abbr or (len(tok) == 1 and tok.isupper()):
                continue
        out.append(nxt)
    return out


def split_vi(text: str) -> list[int]:
    return _split_latin(text, VI_ABBR)


def split_vi_noabbr(text: str) -> list[int]:
    return _split_latin(text, None)


# Uyghur (Arabic-script UEY).  UEY uses Latin-style . ! and the Arabic question
# mark ؟ (U+061F) at sentence end; some texts use the Arabic full stop ۔
# (U+06D4).  The script has no letter case, so the "next word is capitalised"
# test is unavailable: a mark followed by whitespace ends the sentence.
# Closing guillemets » and quotes/brackets after the mark stay with the
# sentence.  Arabic comma ، and semicolon ؛ (U+061B) separate clauses, not
# sentences -> not terminators (the ";" variant is measured to show the cost).
# A mark after a single letter (initials, e.g. Latin "W." or Arabic "ئ.")
# is not a boundary.  Uyghur news keeps foreign names in Latin script, so the
# Latin titles "Dr." "St." "Mr." ... before a name are not boundaries either.
UG_LATIN_ABBR = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "no", "vs", "co"}
UG_END = ".!?؟۔"
UG_CLOSE = "»\"'”’)]›"
UG_RE = re.compile(f"([{re.escape(UG_END)}]+)[{re.escape(UG_CLOSE)}]*(\\s+)")
UG_RE_SEMI = re.compile(f"([{re.escape(UG_END)}؛]+)[{re.escape(UG_CLOSE)}]*(\\s+)")


def _split_ug(text: str, rx: re.Pattern) -> list[int]:
    out = []
    for m in rx.finditer(text):
        if m.end() >= len(text):
            continue
        if m.group(1) == ".":
            tok = _prev_token(text, m.start())
            if (len(tok) == 1 and tok.isalpha()) or tok.lower() in UG_LATIN_ABBR:
                continue
        out.append(m.end())
    return out


def split_ug(text: str) -> list[int]:
    return _split_ug(text, UG_RE)


def split_ug_semi(text: str) -> list[int]:
    return _split_ug(text, UG_RE_SEMI)


# ---------------------------------------------------------------- libraries
def make_icu(lang: str):
    import icu  # PyICU

    bi = icu.BreakIterator.createSentenceInstance(icu.Locale(ICU_LOCALE[lang]))

    def split(text: str) -> list[int]:
        bi.setText(text)
        cuts = [b for b in bi if 0 < b]
        if any(ord(c) > 0xFFFF for c in text):  # ICU offsets are UTF-16 units
            u2p, k = {}, 0
            for p, c in enumerate(text):
                u2p[k] = p
                k += 2 if ord(c) > 0xFFFF else 1
            u2p[k] = len(text)
            cuts = [u2p[b] for b in cuts]
        return [b for b in cuts if b < len(text)]

    return split


def _offsets_from_strings(text: str, sents: list[str]) -> list[int]:
    out, pos = [], 0
    for s in sents:
        k = text.find(s, pos)
        if k < 0:  # library normalised the text; fall back to a looser match
            k = pos
        if k > 0:
            out.append(k)
        pos = k + len(s)
    return out


def make_underthesea(lang: str):
    from underthesea import sent_tokenize

    return lambda text: _offsets_from_strings(text, sent_tokenize(text))


def timed_import(modname: str):
    m0, t0 = _mem_mb(), time.perf_counter()
    try:
        __import__(modname)
    except Exception as e:  # noqa: BLE001
        NOTES.append(f"{modname}: not available ({type(e).__name__}: {e})")
        return False
    NOTES.append(
        f"{modname}: import {time.perf_counter() - t0:.2f}s, "
        f"max RSS {m0} -> {_mem_mb()} MB"
    )
    return True


def candidates() -> dict[str, dict[str, object]]:
    have_icu = timed_import("icu")
    have_uts = timed_import("underthesea")
    have_pyc = timed_import("pycantonese")
    c: dict[str, dict[str, object]] = {lang: {} for lang in LANGS}
    for lang in ("zh-Hans", "zh-Hant", "yue"):
        c[lang]["rule"] = split_zh
        c[lang]["rule+quotes"] = split_zh_quotes
    if have_pyc:
        c["yue"]["pycantonese-rule"] = split_pycantonese_rule
    c["vi"]["rule"] = split_vi
    c["vi"]["rule-noabbr"] = split_vi_noabbr
    if have_uts:
        c["vi"]["underthesea"] = make_underthesea("vi")
    c["ug"]["rule"] = split_ug
    c["ug"]["rule+semicolon"] = split_ug_semi
    if have_icu:
        for lang in LANGS:
            c[lang]["icu"] = make_icu(lang)
    return c


# ---------------------------------------------------------------- evaluation
def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def doc_text(doc: dict, lang: str) -> tuple[str, set[int], int]:
    sents = [s.strip() for s in doc[lang] if s.strip()]
    text, gold, pos = "", set(), 0
    for k, s in enumerate(sents):
        if k:
            text += SEP[lang]
            pos += len(SEP[lang])
            gold.add(pos)
        text += s
        pos += len(s)
    return text, gold, len(sents)


def normalise(text: str, cuts) -> set[int]:
    out = set()
    for b in cuts:
        while b < len(text) and text[b].isspace():
            b += 1
        if 0 < b < len(text):
            out.add(b)
    return out


def evaluate(docs, lang, split):
    tp = fp = fn = 0
    items = [doc_text(d, lang) for d in docs]
    nsent = sum(n for _, _, n in items)
    errors = []
    for (text, gold, _), d in zip(items, docs, strict=False):
        pred = normalise(text, split(text))
        tp += len(pred & gold)
        for b in sorted(pred - gold):
            errors.append((d["doc_id"], "FP", b, text))
        for b in sorted(gold - pred):
            errors.append((d["doc_id"], "FN", b, text))
        fp += len(pred - gold)
        fn += len(gold - pred)
    # speed: repeat the whole split pass until >= 0.5 s
    texts = [t for t, _, _ in items]
    reps, t0 = 0, time.perf_counter()
    while True:
        for t in texts:
            split(t)
        reps += 1
        el = time.perf_counter() - t0
        if el >= 0.5:
            break
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, nsent * reps / el, errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", nargs=2, metavar=("LANG", "CANDIDATE"))
    ap.add_argument("--n", type=int, default=20, help="errors to show")
    a = ap.parse_args(argv)
    docs = load(a.data)
    cands = candidates()
    if a.errors:
        lang, name = a.errors
        if lang not in cands or name not in cands[lang]:
            print(f"unknown: {lang} {name}; have: "
                  + "; ".join(f"{code}: {', '.join(c)}" for code, c in cands.items()))
            return 2
        *_, errs = evaluate(docs, lang, cands[lang][name])
        print(f"{len(errs)} wrong boundaries for {lang}/{name} "
              "(FP = spurious split, FN = missed; ‖ marks the offset)")
        for doc_id, kind, b, text in errs[: a.n]:
            ctx = text[max(0, b - 40):b] + "‖" + text[b:b + 40]
            print(f"{kind} {doc_id} @{b}: {ctx!r}")
        return 0
    print(f"{'language':8} {'candidate':18} {'P':>6} {'R':>6} {'F1':>6} {'sent/s':>12}")
    for lang in LANGS:
        for name, split in cands[lang].items():
            p, r, f, sps, _ = evaluate(docs, lang, split)
            print(f"{lang:8} {name:18} {p:6.3f} {r:6.3f} {f:6.3f} {sps:12,.0f}")
    print()
    for n in NOTES:
        print("note:", n)
    print("note: pyvi has no sentence splitter (ViTokenizer/ViPosTagger only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
