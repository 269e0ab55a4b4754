"""Score summary algorithms against reference extracts: ROUGE-1/2/L F1 and sentence-level precision/recall/F1.

    python bench/summary_eval.py [--json] [--algorithms news,lead,lexrank,...] [--sets bbc,kr]
    python bench/summary_eval.py --grid     # the grid search that chose rfaflow.news_summary.NewsParameters

Needs `pip install -e '.[bench]'` (rouge-score). For each document of ../shared/data/summaries/bbc-dev.jsonl
(English, 50) and sci-news-kr-dev.jsonl (Korean, 25), N = the reference length; each algorithm picks N sentences
through `rfaflow.summarize.summarize` (the same code `rfaflow summarize` runs), and the extractive oracle greedily
adds the sentence that most raises ROUGE-2 F1 against the reference, up to N. ROUGE tokenisation: rouge-score's
own tokenizer with Porter stemming for English; for Korean (which that tokenizer would drop as non-ASCII), every
kiwipiepy morpheme's surface form, lower-cased, punctuation dropped. Scores are averaged over documents.

--grid scores the "news" summarizer over GRID (shared centrality parameters x per-language priors) by its margin
over the best baseline, min(ROUGE-2 F1 gain, sentence F1 gain), each against the best of BASELINES on that number.
A per-language choice is scored by the mean margin over its neighbourhood in the position x length grid, so that an
isolated lucky point does not win; the shared choice maximises the smaller of the two languages' scores (ties: the
smaller of their margins at the chosen points). For speed
the grid's ROUGE-2 comes from each sentence's tokens (Korean: morphemes of each sentence, not of the joined text,
which can differ by a morpheme at a sentence boundary); the table above uses rouge-score end to end.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "summaries"
SETS = {"bbc": ("bbc-dev.jsonl", "en"), "kr": ("sci-news-kr-dev.jsonl", "ko")}
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
BASELINES = ("lead", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl")
GRID_SHARED = {"alpha": (0, 0.25, 0.5), "beta": (0, 0.1, 0.2), "redundancy": (0, 0.1, 0.2), "lede": (0.25, 0.5, 0.75)}
GRID_LANGUAGE = {"position": (0, 0.1, 0.2, 0.4, 0.6, 0.8), "length": (0, 0.25, 0.5, 1, 1.5, 2, 3)}


class KoreanTokenizer:
    """rouge-score's tokenizer interface over kiwipiepy morphemes."""

    def __init__(self) -> None:
        from kiwipiepy import Kiwi

        self.kiwi = Kiwi()

    def tokenize(self, text: str) -> list[str]:
        return [t.form.lower() for t in self.kiwi.tokenize(text) if not t.tag.startswith(("S", "E"))
                or t.tag in ("SL", "SN", "SH")]


def scorer_for(language: str):
    from rouge_score import rouge_scorer

    if language == "ko":
        return rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=KoreanTokenizer())
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def oracle(sentences: list[str], reference: str, count: int, scorer) -> list[int]:
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < count:
        gains = []
        for i in range(len(sentences)):
            if i not in chosen:
                text = "\n".join(sentences[j] for j in sorted(chosen + [i]))
                gains.append((scorer.score(reference, text)["rouge2"].fmeasure, -i, i))
        if not gains:
            break
        score, _, index = max(gains)
        if score <= best and chosen:
            break
        best = score
        chosen.append(index)
    return sorted(chosen)


def load(name: str) -> list[dict]:
    path = DATA / SETS[name][0]
    if not path.is_file():
        sys.exit(f"summary_eval: {path} not found (the shared data folder must sit beside the project)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(name: str, algorithms: list[str]) -> dict[str, dict[str, float]]:
    from rfaflow.languages import LANGUAGES
    from rfaflow.summarize import summarize

    language = SETS[name][1]
    documents = load(name)
    scorer = scorer_for(language)
    table: dict[str, dict[str, list[float]]] = {}
    for document in documents:
        sentences, gold = document["sentences"], set(document["summary"])
        reference = "\n".join(sentences[i] for i in sorted(gold))
        for algorithm in algorithms:
            if algorithm == "oracle":
                picked = oracle(sentences, reference, len(gold), scorer)
            else:
                picked = summarize(sentences, len(gold), algorithm, LANGUAGES[language]).indices
            scores = scorer.score(reference, "\n".join(sentences[i] for i in picked))
            hits = len(gold & set(picked))
            precision = hits / len(picked) if picked else 0.0
            recall = hits / len(gold)
            f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
            row = table.setdefault(algorithm, {})
            for key, value in [*((k, scores[k].fmeasure) for k in ROUGE_TYPES),
                               ("sent_p", precision), ("sent_r", recall), ("sent_f1", f1)]:
                row.setdefault(key, []).append(value)
    return {algorithm: {key: round(mean(values), 3) for key, values in row.items()} for algorithm, row in table.items()}


def grid_margins(name: str) -> dict[tuple[float, ...], float]:
    """Margin of "news" over the best baseline for every GRID point (shared values, then position and length)."""
    from rouge_score.rouge_scorer import _create_ngrams, _score_ngrams

    from rfaflow import news_summary
    from rfaflow.languages import LANGUAGES
    from rfaflow.summarize import news_words

    language = SETS[name][1]
    baseline = evaluate(name, list(BASELINES))
    best_rouge2 = max(row["rouge2"] for row in baseline.values())
    best_f1 = max(row["sent_f1"] for row in baseline.values())
    tokenizer = scorer_for(language)._tokenizer
    documents = []
    for document in load(name):
        sentences, gold = document["sentences"], set(document["summary"])
        reference = tokenizer.tokenize("\n".join(sentences[i] for i in sorted(gold)))
        documents.append((news_words(sentences, LANGUAGES[language]), news_summary.quotation_units(sentences),
                          [tokenizer.tokenize(s) for s in sentences], _create_ngrams(reference, 2), gold))
    margins = {}
    for values in product(*GRID_SHARED.values(), *GRID_LANGUAGE.values()):
        parameters = news_summary.NewsParameters(**dict(zip([*GRID_SHARED, *GRID_LANGUAGE], values, strict=True)))
        rouge2, f1 = [], []
        for words, units, tokens, reference, gold in documents:
            picked = news_summary.select(words, units, len(gold), parameters)
            rouge2.append(_score_ngrams(reference, _create_ngrams([t for i in picked for t in tokens[i]], 2)).fmeasure)
            hits = len(gold & set(picked))
            f1.append(2 * hits / (len(picked) + len(gold)))
        margins[values] = min(mean(rouge2) - best_rouge2, mean(f1) - best_f1)
    return margins


def grid(names: list[str]) -> None:
    """Print the best shared choices, each with every language's best smoothed priors."""
    positions, lengths = GRID_LANGUAGE.values()

    def smoothed(margins: dict, shared: tuple, position: float, length: float) -> float:
        i, j = positions.index(position), lengths.index(length)
        return mean(margins[(*shared, p, q)]
                    for p in positions[max(i - 1, 0):i + 2] for q in lengths[max(j - 1, 0):j + 2])

    margins = {name: grid_margins(name) for name in names}
    rows = []
    for shared in product(*GRID_SHARED.values()):
        best = {name: max((smoothed(margins[name], shared, p, q), p, q) for p, q in product(positions, lengths))
                for name in names}
        raw = min(margins[name][(*shared, p, q)] for name, (_, p, q) in best.items())
        rows.append((min(score for score, _, _ in best.values()), raw, shared, best))
    rows.sort(key=lambda row: (-row[0], -row[1]))  # ties: the better margin at the chosen points
    print(f"| {' | '.join(GRID_SHARED)} | "
          + " | ".join(f"{name}: smoothed, position, length, margin" for name in names)
          + " |")
    print("|---" * (len(GRID_SHARED) + len(names)) + "|")
    for _, _, shared, best in rows[:10]:
        cells = [f"{score:+.3f}, {p}, {q}, {margins[name][(*shared, p, q)]:+.3f}"
                 for name, (score, p, q) in best.items()]
        print(f"| {' | '.join(map(str, shared))} | {' | '.join(cells)} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--algorithms", default="news,lead,lexrank,textrank,lsa,luhn,sumbasic,kl,oracle")
    parser.add_argument("--sets", default="bbc,kr")
    parser.add_argument("--grid", action="store_true", help="run the news summarizer's parameter grid search")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.grid:
        grid(args.sets.split(","))
        return 0
    algorithms = args.algorithms.split(",")
    results = {name: evaluate(name, algorithms) for name in args.sets.split(",")}
    if args.json:
        print(json.dumps(results))
        return 0
    for name, rows in results.items():
        print(f"\n{name} ({SETS[name][0]})\n")
        print("| algorithm | ROUGE-1 | ROUGE-2 | ROUGE-L | sent P | sent R | sent F1 |")
        print("|---|---|---|---|---|---|---|")
        for algorithm, row in rows.items():
            cells = " | ".join(f"{row[k]:.3f}" for k in (*ROUGE_TYPES, "sent_p", "sent_r", "sent_f1"))
            print(f"| {algorithm} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
