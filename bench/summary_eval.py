"""Score summary algorithms against reference extracts: ROUGE-1/2/L F1 and sentence-level precision/recall/F1.

    python bench/summary_eval.py [--json] [--algorithms lead,lexrank,...] [--sets bbc,kr]

Needs `pip install -e '.[bench]'` (rouge-score). For each document of ../shared/data/summaries/bbc-dev.jsonl
(English, 50) and sci-news-kr-dev.jsonl (Korean, 25), N = the reference length; each algorithm picks N sentences
through `rfaflow.summarize.summarize` (the same code `rfaflow summarize` runs), and the extractive oracle greedily
adds the sentence that most raises ROUGE-2 F1 against the reference, up to N. ROUGE tokenisation: rouge-score's
own tokenizer with Porter stemming for English; for Korean (which that tokenizer would drop as non-ASCII), every
kiwipiepy morpheme's surface form, lower-cased, punctuation dropped. Scores are averaged over documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "summaries"
SETS = {"bbc": ("bbc-dev.jsonl", "en"), "kr": ("sci-news-kr-dev.jsonl", "ko")}
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


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


def evaluate(name: str, algorithms: list[str]) -> dict[str, dict[str, float]]:
    from rfaflow.summarize import summarize

    filename, language = SETS[name]
    path = DATA / filename
    if not path.is_file():
        sys.exit(f"summary_eval: {path} not found (the shared data folder must sit beside the project)")
    documents = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    scorer = scorer_for(language)
    table: dict[str, dict[str, list[float]]] = {}
    for document in documents:
        sentences, gold = document["sentences"], set(document["summary"])
        reference = "\n".join(sentences[i] for i in sorted(gold))
        for algorithm in algorithms:
            if algorithm == "oracle":
                picked = oracle(sentences, reference, len(gold), scorer)
            else:
                picked = summarize(sentences, len(gold), algorithm, language).indices
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--algorithms", default="lead,lexrank,textrank,lsa,luhn,sumbasic,kl,oracle")
    parser.add_argument("--sets", default="bbc,kr")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
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
