"""Benchmark: how long kit.text takes on both articles and on a 100,000-word text.

Run it from the repository root::

    python tests/benchmarks/bench_text.py

Each figure is the best of several runs. Beside every text it prints a floor
measured in the same run: the time to read the text from disk and split it
into words with a plain regular expression; "x floor" says how many times
that the kit's work costs. A benchmark prints; it does not assert on timers.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kit import articles  # noqa: E402
from kit.articles import Article, from_file  # noqa: E402
from kit.data import DatasetError  # noqa: E402
from kit.text import load_lexicons, rhetoric, sentence_spans, words  # noqa: E402

LONG_TEXT_WORDS = 100_000
PLAIN_WORDS = re.compile(r"\w+")


def best_of(runs: int, task) -> float:
    """The fastest of ``runs`` calls of ``task``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        task()
        times.append(time.perf_counter() - started)
    return min(times)


def long_article(folder: Path) -> Path:
    """A 100,000-word Markdown file made of the two articles' paragraphs, repeated."""
    paragraphs = [p.text for a in ("A1", "A2") for p in articles.load(a).main_paragraphs()]
    chosen, count, n = [], 0, 0
    while count < LONG_TEXT_WORDS:
        paragraph = paragraphs[n % len(paragraphs)]
        chosen.append(paragraph)
        count += len(words(paragraph))
        n += 1
    path = folder / "long.md"
    path.write_text('---\ntitle: "Benchmark text"\n---\n\n' + "\n\n".join(chosen) + "\n", encoding="utf-8")
    return path


def main() -> None:
    try:
        lexicons = load_lexicons()
        source = "datasets/lexicons"
    except DatasetError:
        lexicons = load_lexicons(folder=ROOT / "tests" / "text" / "data")
        source = "tests/text/data/lexicons (the kit's lists are missing)"
    terms = sum(len(lexicon.terms) for lexicon in lexicons)
    with tempfile.TemporaryDirectory() as folder:
        texts = {"A1": articles.articles_dir() / "A1.md", "A2": articles.articles_dir() / "A2.md",
                 "100k words": long_article(Path(folder))}
        print(f"kit.text benchmark: best of several runs; lexicons from {source} ({len(lexicons)} lists, {terms} terms)")
        header = f"{'text':<11} {'words':>7} {'sentences':>9} {'floor':>9} {'segment':>9} {'rates':>9} {'total':>9} {'x floor':>8}"
        print(header)
        print("-" * len(header))
        for name, path in texts.items():
            runs = 3 if name == "100k words" else 10
            floor = best_of(runs, lambda: PLAIN_WORDS.findall(path.read_text(encoding="utf-8")))

            def segment_only():
                article = from_file(path)
                return article.sentences

            def rates_only(article: Article):
                return rhetoric(article, lexicons=lexicons)

            def everything():
                return rhetoric(from_file(path), lexicons=lexicons)

            segment_time = best_of(runs, segment_only)
            article = from_file(path)
            _ = article.sentences
            rate_time = best_of(runs, lambda: rates_only(article))
            total = best_of(runs, everything)
            profile = everything()
            print(
                f"{name:<11} {profile.words:>7,} {profile.sentences:>9,} {floor * 1000:>7.1f}ms "
                f"{segment_time * 1000:>7.1f}ms {rate_time * 1000:>7.1f}ms {total * 1000:>7.1f}ms {total / floor:>7.0f}x"
            )
        long_text = texts["100k words"].read_text(encoding="utf-8")
        spans = best_of(3, lambda: sentence_spans(long_text))
        print(f"\nsentence_spans alone on the 100k-word text: {spans * 1000:.1f} ms")
        print("segment = read, parse front matter, split paragraphs and sentences; rates = lexicon hits and the "
              "summary on an already segmented text; total = both, from the file.")


if __name__ == "__main__":
    main()
