"""Score the number check (`rfaflow.qa.numbers.check_numbers`) on NTREX ko/en: false flags and catch rate.

    python bench/qa_numbers.py [--json] [--show-flags] [--show-misses KIND] [--seed N]

Data: ../shared/data/ntrex-ko-en/dev.jsonl (80 documents, 1,316 sentence-aligned human pairs); exits 2 when absent.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Imported after the sys.path tweak above, so the script runs from a checkout without installing.
from rfaflow.qa import ERROR  # noqa: E402
from rfaflow.qa.numbers import check_numbers  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-ko-en" / "dev.jsonl"
MAX_FALSE_FLAG_RATE = 0.01
MIN_CATCH_RATE = 0.97
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


def corrupt_digit(text: str, rng: random.Random) -> str | None:
    """Change one digit of one number."""
    sites = [m for m in NUMBER.finditer(text)]
    if not sites:
        return None
    site = rng.choice(sites)
    positions = [i for i in range(site.start(), site.end()) if text[i].isdigit()]
    i = rng.choice(positions)
    choices = [d for d in "0123456789" if d != text[i] and not (d == "0" and i == positions[0] and len(positions) > 1)]
    return text[:i] + rng.choice(choices) + text[i + 1:]


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


def has_error(ko: str, en: str) -> bool:
    return any(p.severity == ERROR for p in check_numbers(ko, en))


def run(pairs: list[tuple[str, str, str]], seed: int, show_flags: bool, show_misses: str | None) -> dict:
    started = time.perf_counter()
    flagged = {pid for pid, ko, en in pairs if has_error(ko, en)}
    if show_flags:
        for pid, ko, en in pairs:
            if pid in flagged:
                print(f"{pid}\n  ko: {ko}\n  en: {en}")
                for problem in check_numbers(ko, en):
                    print(f"  {problem.severity}: {problem.message}")
    candidates = [(pid, ko, en) for pid, ko, en in pairs if KOREAN_NUMBER.search(ko)]
    kinds: dict[str, dict[str, int]] = {}
    for kind in (*ENGLISH_KINDS, "ko_digit"):
        counts = {"corrupted": 0, "caught": 0, "no_site": 0, "human_pair_flagged": 0}
        corruptor = CORRUPTORS.get(kind, corrupt_digit)
        for pid, ko, en in candidates:
            corrupted = corruptor(ko if kind == "ko_digit" else en, random.Random(f"{seed}:{pid}:{kind}"))
            if corrupted is None:
                counts["no_site"] += 1
                continue
            if pid in flagged:  # an error already there would be "caught" for free
                counts["human_pair_flagged"] += 1
                continue
            counts["corrupted"] += 1
            caught = has_error(corrupted, en) if kind == "ko_digit" else has_error(ko, corrupted)
            counts["caught"] += caught
            if not caught and show_misses in (kind, "all"):
                print(f"MISS {kind} {pid}\n  ko: {ko if kind != 'ko_digit' else corrupted}\n"
                      f"  en: {en if kind == 'ko_digit' else corrupted}")
        counts_rate = counts["caught"] / counts["corrupted"] if counts["corrupted"] else 0.0
        kinds[kind] = {**counts, "catch_rate": round(counts_rate, 4)}
    corrupted = sum(kinds[k]["corrupted"] for k in ENGLISH_KINDS)
    caught = sum(kinds[k]["caught"] for k in ENGLISH_KINDS)
    result = {
        "segments": len(pairs),
        "flagged_segments": len(flagged),
        "false_flag_rate": round(len(flagged) / len(pairs), 4),
        "pairs_with_korean_number": len(candidates),
        "corrupted_segments": corrupted,
        "caught_segments": caught,
        "catch_rate": round(caught / corrupted, 4) if corrupted else 0.0,
        **{f"catch_rate_{k}": kinds[k]["catch_rate"] for k in kinds},
        "per_kind": kinds,
        "seed": seed,
        "targets": {"max_false_flag_rate": MAX_FALSE_FLAG_RATE, "min_catch_rate": MIN_CATCH_RATE},
        "seconds": round(time.perf_counter() - started, 2),
    }
    result["passed"] = result["false_flag_rate"] <= MAX_FALSE_FLAG_RATE and result["catch_rate"] >= MIN_CATCH_RATE
    return result


def print_table(r: dict) -> None:
    print(f"NTREX dev: {r['segments']} human ko/en pairs, {r['pairs_with_korean_number']} with a Korean number")
    print(f"false flags: {r['flagged_segments']}/{r['segments']} = {r['false_flag_rate']:.2%} "
          f"(target <= {MAX_FALSE_FLAG_RATE:.0%})")
    print(f"{'corruption':<12}{'corrupted':>10}{'caught':>8}{'rate':>9}{'no site':>9}{'pre-flagged':>13}")
    for kind, c in r["per_kind"].items():
        label = kind if kind in ENGLISH_KINDS else f"({kind})"
        print(f"{label:<12}{c['corrupted']:>10}{c['caught']:>8}{c['catch_rate']:>9.2%}{c['no_site']:>9}"
              f"{c['human_pair_flagged']:>13}")
    print(f"{'overall':<12}{r['corrupted_segments']:>10}{r['caught_segments']:>8}{r['catch_rate']:>9.2%}"
          f"   (English kinds; target >= {MIN_CATCH_RATE:.0%})")
    print(f"{'PASS' if r['passed'] else 'FAIL'} in {r['seconds']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--show-flags", action="store_true", help="print the human pairs that get an ERROR")
    parser.add_argument("--show-misses", metavar="KIND", help="print corrupted pairs not caught (a kind or 'all')")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: data file {DATA} not found", file=sys.stderr)
        return 2
    result = run(load_pairs(DATA), args.seed, args.show_flags, args.show_misses)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
