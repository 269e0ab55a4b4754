"""Score the number check (`rfaflow.qa.numbers.check_numbers`) on NTREX: false flags and catch rate.

    python bench/qa_numbers.py [--lang TAG | --all] [--json] [--show-flags] [--show-misses KIND] [--seed N]

Data: without --lang, ../shared/data/ntrex-ko-en/dev.jsonl (80 documents, 1,316 sentence-aligned human ko/en pairs);
with --lang TAG (or --all, every source language, one row each), ../shared/data/ntrex-128/dev.jsonl, the same
documents in every service language, each read by its language's own number reader (`Language.quantities`);
Burmese is converted from Zawgyi to Unicode first. Exits 2 when the data file is absent.
With --lang or --all the targets are: false flags at most 2%, and at least 95% of all corruptions caught, the
source-side kind (src_digit: one digit of the source changed, in the source's own digits) included.
  false flags  pairs of the human translation that get an ERROR (target: at most 1%)
  catch rate   pairs whose Korean holds a number and whose human pair is not flagged, with one number of the
               English corrupted, that get an ERROR (target: at least 97% over the four English kinds):
                 digit      one digit of a number changed ("2019" -> "2016")
                 unit_drop  a magnitude word dropped ("18.6 million" -> "18.6", "$3.6bn" -> "$3.6")
                 magnitude  a tenfold or thousandfold slip, as when 만 is read as thousand ("380,000" -> "38,000",
                            "20 million" -> "2 million" or "20 thousand")
                 word       a number word changed ("two" -> "three", "ninth" -> "tenth")
               and, reported apart, ko_digit: one digit of the Korean changed, the English left alone.
Each pair gets at most one corruption of each kind, drawn with random.Random(f"{seed}:{pair}:{kind}"), so runs
repeat exactly; a pair with nothing to corrupt for a kind is skipped for that kind and counted as such.
Exit status: 0 when both targets are met, 1 when one is missed, 2 when the data file is missing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Imported after the sys.path tweak above, so the script runs from a checkout without installing.
from rfaflow.qa import ERROR  # noqa: E402
from rfaflow.qa.numbers import check_numbers, korean_quantities  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-ko-en" / "dev.jsonl"
DATA_128 = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-128" / "dev.jsonl"
MAX_FALSE_FLAG_RATE = 0.01
MIN_CATCH_RATE = 0.97
MAX_FALSE_FLAG_RATE_128, MIN_CATCH_RATE_128 = 0.02, 0.95
ENGLISH_KINDS = ("digit", "unit_drop", "magnitude", "word")

# Independent of the checker, so it cannot choose only the pairs it reads well.
KOREAN_NUMBER = re.compile(r"\d|(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|스물)\s?"
                           r"(?:명|개|번|마리|가지|차례|배|살|시간|달|해|곳|척|대|주|경기|점)|분의|절반")
NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?")
MAGNITUDE = re.compile(r"(?P<num>(?P<cur>[$£€])?\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|"
                       r"ten|twenty|hundred))(?P<mag>[\s-]?(?:thousand|million|billion|trillion)|bn|mn|tn|m)\b")
SMALLER = {"thousand": "hundred", "million": "thousand", "billion": "million", "trillion": "billion", "bn": "m",
           "tn": "bn", "mn": "k", "m": "k"}
CARDINALS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth")
WORD = re.compile(r"\b(" + "|".join(CARDINALS[1:] + ORDINALS[1:]) + r")\b", re.IGNORECASE)
PRONOUN_ONE = re.compile(r"(?:\b(?:no|any|every|the|this|that|which)\s)$", re.IGNORECASE)


def load_pairs(path: Path) -> list[tuple[str, str, str]]:
    """(id, Korean, English) for every aligned sentence; id is doc_id:index."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        pairs += [(f"{doc['doc_id']}:{i}", ko, en) for i, (ko, en) in enumerate(zip(doc["ko"], doc["en"], strict=True))]
    return pairs


def _format_like(original: str, value: float) -> str:
    """`value` written the way `original` was (thousands separators kept, no needless decimals)."""
    decimals = len(original.split(".")[1]) + 1 if "." in original else (0 if value == int(value) else 1)
    text = f"{value:,.{decimals}f}" if "," in original else f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _letters(text: str, end: int) -> bool:
    """Whether the digits ending at `end` are letters: Burmese typists write ၄င်း for ၎င်း and ၀ for the letter ဝ,
    and a digit followed by a vowel sign, or by a consonant with a killer mark, begins a syllable."""
    after = text[end:end + 2]
    return bool(after) and (unicodedata.category(after[0]).startswith("M")
                            or (len(after) == 2 and after[0].isalpha() and after[1] in "\u103a\u1039"))


def corrupt_digit(text: str, rng: random.Random) -> str | None:
    """Change one digit of one number, to another digit of the same script."""
    sites = [m for m in NUMBER.finditer(text) if not _letters(text, m.end())]
    if not sites:
        return None
    site = rng.choice(sites)
    positions = [i for i in range(site.start(), site.end()) if text[i].isdigit()]
    i = rng.choice(positions)
    zero = ord(text[i]) - unicodedata.decimal(text[i])
    choices = [d for d in "0123456789" if chr(zero + int(d)) != text[i]
               and not (d == "0" and i == positions[0] and len(positions) > 1)]
    return text[:i] + chr(zero + int(rng.choice(choices))) + text[i + 1:]


def corrupt_unit_drop(text: str, rng: random.Random) -> str | None:
    """Drop the magnitude word after a number: "18.6 million" -> "18.6"."""
    sites = [m for m in MAGNITUDE.finditer(text) if m.group("mag").strip(" -") != "m" or m.group("cur")]
    if not sites:
        return None
    site = rng.choice(sites)
    return text[:site.start("mag")] + text[site.end("mag"):]


def corrupt_magnitude(text: str, rng: random.Random) -> str | None:
    """A tenfold or thousandfold slip: 만 read as thousand, 억 as million."""
    sites: list[tuple[int, int, str]] = []
    for m in MAGNITUDE.finditer(text):
        mag = m.group("mag").strip(" -")
        if mag == "m" and not m.group("cur"):
            continue
        number = m.group("num").lstrip("$£€")
        if rng.random() < 0.5 and number[0].isdigit():
            value = float(number.replace(",", "")) / 10
            start = m.start("num") + len(m.group("cur") or "")
            sites.append((start, m.end("num"), _format_like(number, value)))
        else:
            sites.append((m.start("mag"), m.end("mag"), m.group("mag").replace(mag, SMALLER[mag])))
    for m in NUMBER.finditer(text):
        value = float(m.group(0).replace(",", ""))
        is_year = "," not in m.group(0) and 1000 <= value <= 2100
        if value >= 1000 and not is_year and not MAGNITUDE.match(text, m.start()):
            sites.append((m.start(), m.end(), _format_like(m.group(0), value / 10)))
    if not sites:
        return None
    start, end, replacement = rng.choice(sites)
    return text[:start] + replacement + text[end:]


def corrupt_word(text: str, rng: random.Random) -> str | None:
    """Change a number word to its neighbour: "two" -> "three" or "one", "ninth" -> "tenth"."""
    sites = [m for m in WORD.finditer(text)
             if not (m.group(1).lower() == "one" and (PRONOUN_ONE.search(text[:m.start()])
                                                      or text[m.end():].startswith(" another")))]
    if not sites:
        return None
    site = rng.choice(sites)
    word = site.group(1)
    table = ORDINALS if word.lower() in ORDINALS else CARDINALS
    value = table.index(word.lower())
    options = [v for v in (value - 1, value + 1) if 1 <= v < len(table)]
    new = table[rng.choice(options)]
    new = new.capitalize() if word[0].isupper() else new
    return text[:site.start()] + new + text[site.end():]


CORRUPTORS: dict[str, Callable[[str, random.Random], str | None]] = {
    "digit": corrupt_digit, "unit_drop": corrupt_unit_drop, "magnitude": corrupt_magnitude, "word": corrupt_word}


# With --lang: pairs whose source holds a number, by a rule independent of the checker (any digit, or a common
# number word of the language), so the checker cannot choose the pairs it reads well.
SOURCE_NUMBER = {
    "ko": KOREAN_NUMBER,
    "zh": re.compile(r"\d|[一二三四五六七八九十两兩百千万萬亿億廿卅]"),
    "vi": re.compile(r"\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|tỷ)\b", re.IGNORECASE),
    "my": re.compile(r"\d|တစ်|နှစ်|သုံး|လေး|ငါး|ခြောက်|ခုနစ်|ရှစ်|ကိုး|ဆယ်|ရာ|ထောင်|သောင်း|သိန်း|သန်း"),
    "km": re.compile(r"\d|មួយ|ពីរ|បី|បួន|ប្រាំ|ដប់|ម្ភៃ|រយ|ពាន់|ម៉ឺន|សែន|លាន"),
    "lo": re.compile(r"\d|ໜຶ່ງ|ນຶ່ງ|ສອງ|ສາມ|ສີ່|ຫ້າ|ຫົກ|ເຈັດ|ແປດ|ເກົ້າ|ສິບ|ຊາວ|ຮ້ອຍ|ພັນ|ລ້ານ"),
    "bo": re.compile(r"\d|གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བརྒྱ|སྟོང|ཁྲི|འབུམ|ས་ཡ"),
    "ug": re.compile(r"\d|\b(?:بىر|ئىككى|ئۈچ|تۆت|بەش|ئالتە|يەتتە|سەككىز|توققۇز|ئون|يۈز|مىڭ|مىليون)"),
}


def load_pairs_128(path: Path, tag: str) -> list[tuple[str, str, str]]:
    """(id, source, English) for every aligned sentence of one language of NTREX-128; Burmese in Unicode."""
    convert = _unicode_burmese if tag == "my" else (lambda text: text)
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        pairs += [(f"{doc['doc_id']}:{i}", convert(src), en)
                  for i, (src, en) in enumerate(zip(doc[tag], doc["en"], strict=True))]
    return pairs


def _unicode_burmese(text: str) -> str:
    """NTREX's Burmese is in Zawgyi: rfaflow's own converter where there is one, else ICU's transliterator."""
    try:
        from rfaflow.orthography import zawgyi_to_unicode
    except ImportError:
        import icu  # PyICU, a development dependency
        if not hasattr(_unicode_burmese, "icu"):
            _unicode_burmese.icu = icu.Transliterator.createInstance("Zawgyi-my")  # type: ignore[attr-defined]
        return str(_unicode_burmese.icu.transliterate(text))  # type: ignore[attr-defined]
    return str(zawgyi_to_unicode(text))


def run(pairs: list[tuple[str, str, str]], seed: int, show_flags: bool, show_misses: str | None,
        read_source: Callable[..., list] = korean_quantities, source_number: re.Pattern[str] = KOREAN_NUMBER,
        source_kind: str = "ko_digit", count_source_kind: bool = False,
        targets: tuple[float, float] = (MAX_FALSE_FLAG_RATE, MIN_CATCH_RATE)) -> dict:
    started = time.perf_counter()

    def has_error(src: str, en: str) -> bool:
        return any(p.severity == ERROR for p in check_numbers(src, en, read_source=read_source))

    flagged = {pid for pid, src, en in pairs if has_error(src, en)}
    if show_flags:
        for pid, src, en in pairs:
            if pid in flagged:
                print(f"{pid}\n  src: {src}\n  en: {en}")
                for problem in check_numbers(src, en, read_source=read_source):
                    print(f"  {problem.severity}: {problem.message}")
    candidates = [(pid, src, en) for pid, src, en in pairs if source_number.search(src)]
    kinds: dict[str, dict[str, float]] = {}
    for kind in (*ENGLISH_KINDS, source_kind):
        counts = {"corrupted": 0, "caught": 0, "no_site": 0, "human_pair_flagged": 0}
        corruptor = CORRUPTORS.get(kind, corrupt_digit)
        for pid, src, en in candidates:
            changed = corruptor(src if kind == source_kind else en, random.Random(f"{seed}:{pid}:{kind}"))
            if changed is None:
                counts["no_site"] += 1
                continue
            if pid in flagged:  # an error already there would be "caught" for free
                counts["human_pair_flagged"] += 1
                continue
            counts["corrupted"] += 1
            hit = has_error(changed, en) if kind == source_kind else has_error(src, changed)
            counts["caught"] += hit
            if not hit and show_misses in (kind, "all"):
                print(f"MISS {kind} {pid}\n  src: {src if kind != source_kind else changed}\n"
                      f"  en: {en if kind == source_kind else changed}")
        counts_rate = counts["caught"] / counts["corrupted"] if counts["corrupted"] else 0.0
        kinds[kind] = {**counts, "catch_rate": round(counts_rate, 4)}
    counted = (*ENGLISH_KINDS, source_kind) if count_source_kind else ENGLISH_KINDS
    corrupted = sum(kinds[k]["corrupted"] for k in counted)
    caught = sum(kinds[k]["caught"] for k in counted)
    max_flags, min_catch = targets
    result: dict[str, Any] = {
        "segments": len(pairs),
        "flagged_segments": len(flagged),
        "false_flag_rate": round(len(flagged) / len(pairs), 4),
        "pairs_with_source_number": len(candidates),
        "corrupted_segments": corrupted,
        "caught_segments": caught,
        "catch_rate": round(caught / corrupted, 4) if corrupted else 0.0,
        **{f"catch_rate_{k}": kinds[k]["catch_rate"] for k in kinds},
        "per_kind": kinds,
        "seed": seed,
        "targets": {"max_false_flag_rate": max_flags, "min_catch_rate": min_catch},
        "seconds": round(time.perf_counter() - started, 2),
    }
    result["passed"] = result["false_flag_rate"] <= max_flags and result["catch_rate"] >= min_catch
    return result


def run_language(tag: str, seed: int, show_flags: bool, show_misses: str | None) -> dict:
    """The bench on NTREX-128 for one source language, read by its registered number reader."""
    from rfaflow import languages

    language = languages.get(tag)
    # Cantonese is written with the Chinese numerals.
    pattern = SOURCE_NUMBER.get(language.tag) or SOURCE_NUMBER["zh"]
    result = run(load_pairs_128(DATA_128, language.tag), seed, show_flags, show_misses, language.quantities,
                 pattern, "src_digit", True, (MAX_FALSE_FLAG_RATE_128, MIN_CATCH_RATE_128))
    return {"language": language.tag, **result}


def print_table(r: dict) -> None:
    max_flags, min_catch = r["targets"]["max_false_flag_rate"], r["targets"]["min_catch_rate"]
    print(f"NTREX dev: {r['segments']} human {r.get('language', 'ko')}/en pairs, "
          f"{r['pairs_with_source_number']} with a source number")
    print(f"false flags: {r['flagged_segments']}/{r['segments']} = {r['false_flag_rate']:.2%} "
          f"(target <= {max_flags:.0%})")
    print(f"{'corruption':<12}{'corrupted':>10}{'caught':>8}{'rate':>9}{'no site':>9}{'pre-flagged':>13}")
    for kind, c in r["per_kind"].items():
        label = kind if kind in ENGLISH_KINDS or "language" in r else f"({kind})"
        print(f"{label:<12}{c['corrupted']:>10}{c['caught']:>8}{c['catch_rate']:>9.2%}{c['no_site']:>9}"
              f"{c['human_pair_flagged']:>13}")
    counted = "all kinds" if "language" in r else "English kinds"
    print(f"{'overall':<12}{r['corrupted_segments']:>10}{r['caught_segments']:>8}{r['catch_rate']:>9.2%}"
          f"   ({counted}; target >= {min_catch:.0%})")
    print(f"{'PASS' if r['passed'] else 'FAIL'} in {r['seconds']} s")


def print_rows(results: list[dict]) -> None:
    """One row per language: the table of the README."""
    kinds = (*ENGLISH_KINDS, "src_digit")
    print("| language | pairs | with a number | false flags | caught | " + " | ".join(kinds) + " |")
    print("|---|---:|---:|---:|---:|" + "---:|" * len(kinds))
    for r in results:
        per = " | ".join(f"{r['per_kind'][k]['catch_rate']:.1%} ({r['per_kind'][k]['corrupted']})" for k in kinds)
        print(f"| {r['language']} | {r['segments']} | {r['pairs_with_source_number']} | {r['false_flag_rate']:.2%} "
              f"| {r['catch_rate']:.2%} | {per} |")
    print("PASS" if all(r["passed"] for r in results) else "FAIL: " + ", ".join(r["language"] for r in results
                                                                              if not r["passed"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--lang", metavar="TAG", help="one source language, on NTREX-128 (ko, zh-Hans, vi, ...)")
    which.add_argument("--all", action="store_true", help="every source language on NTREX-128, one row each")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--show-flags", action="store_true", help="print the human pairs that get an ERROR")
    parser.add_argument("--show-misses", metavar="KIND", help="print corrupted pairs not caught (a kind or 'all')")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = DATA_128 if args.lang or args.all else DATA
    if not data.is_file():
        print(f"skipped: data file {data} not found", file=sys.stderr)
        return 2
    if args.all:
        from rfaflow.languages import SOURCE_LANGUAGES

        results = [run_language(language.tag, args.seed, args.show_flags, args.show_misses)
                   for language in SOURCE_LANGUAGES]
        if args.json:
            print(json.dumps(results))
        else:
            print_rows(results)
        return 0 if all(r["passed"] for r in results) else 1
    if args.lang:
        result = run_language(args.lang, args.seed, args.show_flags, args.show_misses)
    else:
        result = run(load_pairs(DATA), args.seed, args.show_flags, args.show_misses)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
