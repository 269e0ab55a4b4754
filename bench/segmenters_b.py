"""Sentence-segmenter benchmark for Burmese (my), Khmer (km), Lao (lo), Tibetan (bo).

Data: /work/shared/data/ntrex-128/dev.jsonl (80 docs, aligned sentence lists).
Burmese there is Zawgyi-encoded: detected with myanmartools, converted with ICU
"Zawgyi-my" (PyICU) before segmenting.

Method: per document, strip each sentence, join with the separator a writer of
the language puts between sentences, split with each candidate, and score
boundaries (char offset where a sentence starts, excluding 0; leading
whitespace skipped on both sides) by precision / recall / F1.  Speed is
sentences per second of segmenting (join not timed).

usage:  python bench/segmenters_b.py
        python bench/segmenters_b.py --errors LANG CANDIDATE
Optional packages (rows are skipped if missing): pyicu, myanmartools,
khmer-nltk, laonlp.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time

DATA = "/work/shared/data/ntrex-128/dev.jsonl"
CLOSE_CHARS = "\"'”’»)]›"  # closing quotes/brackets that may follow an end mark
CLOSE = re.escape(CLOSE_CHARS)  # for use inside [...]

# --------------------------------------------------------------------- data


def load():
    with open(DATA, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def zawgyi_to_unicode(docs, report):
    """Convert the Burmese column in place; fill `report` with figures."""
    try:
        import icu
        from myanmartools import ZawgyiDetector
    except ImportError as e:  # pragma: no cover
        report["error"] = f"missing {e.name}; Burmese left as is"
        return
    det = ZawgyiDetector()
    tr = icu.Transliterator.createInstance("Zawgyi-my")
    lines = [s for d in docs for s in d["my"]]
    t = time.perf_counter()
    probs = [det.get_zawgyi_probability(s) for s in lines]
    t_det = time.perf_counter() - t
    flagged = [p > 0.95 for p in probs]
    report["lines"] = len(lines)
    report["p>0.95"] = sum(flagged)
    report["p>0.5"] = sum(p > 0.5 for p in probs)
    report["p<0.05"] = sum(p < 0.05 for p in probs)
    report["detect lines/s"] = len(lines) / t_det
    chars = sum(len(s) for s, f in zip(lines, flagged, strict=False) if f)
    t = time.perf_counter()
    conv = [tr.transliterate(s) if f else s for s, f in zip(lines, flagged, strict=False)]
    t_conv = time.perf_counter() - t
    report["convert lines/s"] = sum(flagged) / t_conv if t_conv else 0
    report["convert chars/s"] = chars / t_conv if t_conv else 0
    after = [det.get_zawgyi_probability(s) for s in conv]
    report["p>0.95 after"] = sum(p > 0.95 for p in after)
    it = iter(conv)
    for d in docs:
        d["my_zawgyi"] = d["my"]
        d["my"] = [next(it) for _ in d["my"]]


# ------------------------------------------------------------------ joining
# Separators: how writers of each script put one sentence after the next.
#  my: Burmese writes no spaces between words but uses spaces between
#      phrases; after the section mark ။ a space is usual -> " " (and "" tested).
#  km: Khmer likewise uses spaces only as phrase breaks; after khan ។ a space
#      is usual in print, often omitted -> " " and "".
#  lo: Lao takes Latin . ! ? and a space between sentences -> " ".
#  bo: Tibetan puts a space after a shad (the shad is followed by a blank
#      before the next clause); after a final ག the shad is dropped and only
#      the space remains -> " " (and "" tested).
SEPS = {"my": [" ", ""], "km": [" ", ""], "lo": [" "], "bo": [" ", ""]}


def join(sents, sep):
    text, bounds, pos = [], [], 0
    for i, s in enumerate(sents):
        s = s.strip()
        if i:
            text.append(sep)
            pos += len(sep)
            bounds.append(pos)
        text.append(s)
        pos += len(s)
    return "".join(text), bounds


def norm(text, offs):
    """Move each offset past whitespace; drop 0 and end-of-text."""
    out = set()
    n = len(text)
    for o in offs:
        while o < n and text[o].isspace():
            o += 1
        if 0 < o < n:
            out.add(o)
    return out


def offsets_from_pieces(text, pieces):
    """For splitters that return strings (possibly stripped): locate them."""
    offs, pos = [], 0
    for p in pieces:
        p = p.strip()
        if not p:
            continue
        i = text.find(p, pos)
        if i < 0:  # splitter changed the text; fall back to a prefix search
            i = text.find(p[:5], pos)
            if i < 0:
                continue
        offs.append(i)
        pos = i + len(p)
    return offs


# --------------------------------------------------------------- candidates


def icu_candidate(locale):
    import icu

    bi = icu.BreakIterator.createSentenceInstance(icu.Locale(locale))

    def seg(text):
        # ICU offsets are UTF-16 code units; map back to code points.
        u16 = []
        for i, ch in enumerate(text):
            u16.append(i)
            if ord(ch) > 0xFFFF:
                u16.append(i)
        u16.append(len(text))
        bi.setText(text)
        return [u16[b] for b in bi]

    return seg


def rx_candidate(pattern, veto=None):
    """Boundary = end of each match of `pattern` (end mark + closers + space).
    `veto(text, start, end)` may reject a match."""
    rx = re.compile(pattern)

    def seg(text):
        return [m.end() for m in rx.finditer(text) if not (veto and veto(text, m.start(), m.end()))]

    return seg


# Burmese: ။ (U+104B, section) ends a sentence; ၊ (U+104A, little section) is
# a comma and is NOT an end, though Unicode gives it Sentence_Terminal.  A
# doubled ။။ is one end.  ? ! appear in mixed text.
MY_RX = rf"[။?!]+[{CLOSE}]*\s*"

# Khmer: khan ។ and bariyoosan ៕ end sentences; ? ! are borrowed.  ៖ is a
# colon, ៗ (lek too) repeats the previous word, ៛ is the riel sign: none of
# them ends a sentence (khmer-nltk's list has all three).  ។ល។ means "etc."
KM_RX = rf"(?:។ល។|[។៕?!]+)[{CLOSE}]*\s*"


def km_veto(text, s, e):
    return text.startswith("។ល។", s)


# Lao: Latin . ! ? end sentences and a space follows; ໆ repeats a word and
# ຯ abbreviates, neither ends.  A period inside a number (3.5) or after a
# Latin abbreviation / initial (St. Dr. A.) embedded in Lao text is not an end.
LO_RX = rf"[.!?]+[{CLOSE}]*(?:\s+|$)"
LATIN_ABBR = {"st", "dr", "mr", "mrs", "ms", "rev", "prof", "jr", "sr", "no", "vs",
              "etc", "inc", "ltd", "co", "gen", "gov", "sen", "rep", "mt", "ft", "u.s"}


def lo_veto(text, s, e):
    if text[s] != ".":
        return False
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, s - 20):s])
    if not m:
        return False
    w = m.group(1).lower()
    return len(w) == 1 or w in LATIN_ABBR or "." in w  # initial, known abbr, U.S.


# Tibetan: the shad ། marks the end of a clause or sentence; ༎ (nyis shad)
# ends a section; ཿ is the visarga-like rnam bcad.  A tsheg may precede the
# shad (after ང, ་། is written).  After a final ག (and ཤ) the shad is dropped
# and only a space follows.
BO_SHAD = rf"་?[།༎༏༐༑]+(?:\s*[།༎])*[{CLOSE}]*\s*"
# clause-connective particles: a shad after these joins clauses of one sentence
BO_CONNECT = ("ན", "ནས", "དང", "སྟེ", "ཏེ", "དེ", "ཅིང", "ཞིང", "ཤིང", "ལ", "ཀྱང", "ཡང", "འང",
              "རུང", "ཅེས", "ཞེས", "ཤེས", "པས", "བས", "ན་ཡང", "ནའང", "ཀྱི", "གི", "གྱི")


def bo_veto(text, s, e):
    pre = text[max(0, s - 30):s].rstrip("་")
    syl = re.split(r"[་\s།]", pre)[-1] if pre else ""
    return syl in BO_CONNECT


BO_GA = rf"(?:་?[།༎]+(?:\s*[།༎])*[{CLOSE}]*\s*|(?<=[གཤ])[{CLOSE}]*\s+)"


def bo_ga_veto(text, s, e):
    if text[s] not in "།༎་" and not text[s].isspace() and text[s] not in CLOSE_CHARS:
        return False
    return bo_veto(text, s, e)


def khmer_nltk():
    from khmernltk import sentence_tokenize

    return lambda text: offsets_from_pieces(text, sentence_tokenize(text))


def laonlp():
    from laonlp import sent_tokenize

    return lambda text: offsets_from_pieces(text, sent_tokenize(text))


def candidates(lang):
    c = {}
    try:
        import icu  # noqa: F401

        c[f"icu:{lang}"] = lambda: icu_candidate(lang)
    except ImportError:
        pass
    if lang == "my":
        c["rx:section"] = lambda: rx_candidate(MY_RX)
        c["rx:section+comma"] = lambda: rx_candidate(rf"[။၊?!]+[{CLOSE}]*\s*")  # ablation
    elif lang == "km":
        c["rx:khan"] = lambda: rx_candidate(KM_RX, km_veto)
        c["khmer-nltk"] = khmer_nltk
    elif lang == "lo":
        c["rx:latin"] = lambda: rx_candidate(LO_RX, lo_veto)
        c["rx:latin-noabbr"] = lambda: rx_candidate(LO_RX)
        c["laonlp"] = laonlp
    elif lang == "bo":
        c["rx:shad"] = lambda: rx_candidate(BO_SHAD)
        c["rx:shad-connect"] = lambda: rx_candidate(BO_SHAD, bo_veto)
        c["rx:shad-connect+ga"] = lambda: rx_candidate(BO_GA, bo_ga_veto)
    return c


# ------------------------------------------------------------------ scoring


def evaluate(docs, lang, sep, seg, col=None):
    col = col or lang
    tp = fp = fn = 0
    errs = []
    texts = [join(d[col], sep) for d in docs]
    preds = []
    t = time.perf_counter()
    reps = 0
    while True:
        preds = [seg(text) for text, _ in texts]
        reps += 1
        el = time.perf_counter() - t
        if el > 0.3 or reps >= 50:
            break
    nsent = sum(len(d[col]) for d in docs) * reps
    for (text, gold), pred in zip(texts, preds, strict=False):
        g, p = norm(text, gold), norm(text, pred)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        for o in sorted((p - g) | (g - p)):
            errs.append(("FP" if o in p else "FN", text, o))
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F, nsent / el, errs


def headlines(docs, lang):
    ends = {"my": "။?!", "km": "។៕?!", "lo": ".?!", "bo": "།༎"}[lang]
    n = first = 0
    ga = 0
    for d in docs:
        for i, s in enumerate(d[lang]):
            t = s.strip().rstrip(CLOSE_CHARS).rstrip()
            if not t or t[-1] not in ends:
                n += 1
                first += i == 0
                if lang == "bo" and t and t[-1] in "གཤ":
                    ga += 1
    return n, first, ga


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", nargs=2, metavar=("LANG", "CANDIDATE"))
    ap.add_argument("--sep", help="separator override for --errors (default: first)")
    a = ap.parse_args()
    docs = load()
    zg = {}
    zawgyi_to_unicode(docs, zg)
    if a.errors:
        lang, name = a.errors
        sep = a.sep if a.sep is not None else SEPS[lang][0]
        seg = candidates(lang)[name]()
        *_, errs = evaluate(docs, lang, sep, seg)
        print(f"{lang} {name} sep={sep!r}: {len(errs)} wrong boundaries, first 20:")
        for kind, text, o in errs[:20]:
            print(f"{kind} @{o}: …{text[max(0, o - 40):o]}‖{text[o:o + 30]}…")
        return
    print("Zawgyi:", ", ".join(f"{k}={v:.0f}" if isinstance(v, float) else f"{k}={v}"
                              for k, v in zg.items()))
    print(f"{'lang':4} {'sep':5} {'candidate':22} {'P':>6} {'R':>6} {'F1':>6} {'sent/s':>10}")
    for lang in ["my", "km", "lo", "bo"]:
        for sep in SEPS[lang]:
            for name, make in candidates(lang).items():
                try:
                    seg = make()
                except ImportError as e:
                    print(f"{lang:4} {sep!r:5} {name:22} skipped ({e})")
                    continue
                P, R, F, sps, _ = evaluate(docs, lang, sep, seg)
                print(f"{lang:4} {sep!r:5} {name:22} {P:6.3f} {R:6.3f} {F:6.3f} {sps:10.0f}")
        if lang == "my" and "my_zawgyi" in docs[0]:
            P, R, F, sps, _ = evaluate(docs, lang, " ", rx_candidate(MY_RX), col="my_zawgyi")
            print(f"{lang:4} {' '!r:5} {'rx:section(raw ZG)':22} {P:6.3f} {R:6.3f} {F:6.3f} {sps:10.0f}")
    print("\nsentences ending without a terminal mark (total / doc-first / bo: ending in ག,ཤ):")
    for lang in ["my", "km", "lo", "bo"]:
        n, first, ga = headlines(docs, lang)
        print(f"  {lang}: {n} / {first}" + (f" / {ga}" if lang == "bo" else ""))


if __name__ == "__main__":
    sys.exit(main())
