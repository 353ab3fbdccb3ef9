"""Article-date accuracy on the labelled corpus: monitor.parse.parse_article next to htmldate.

    python bench/dates.py            # prints the table; --write appends it to bench/results/dates-<date>.md

Needs the bench extra (pip install -e '.[bench]') for htmldate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import defaultdict
from pathlib import Path

from monitor.parse import parse_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="also write bench/results/dates-<date>.md")
    args = parser.parse_args()
    import htmldate
    from htmldate import find_date

    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))["articles"]
    ours_ok, theirs_ok = 0, 0
    by_style: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    t_ours = t_theirs = 0.0
    for name, label in sorted(labels.items()):
        body = (CORPUS / "articles" / name).read_bytes()
        t0 = time.perf_counter()
        ours = parse_article(body, label["url"]).published
        t1 = time.perf_counter()
        theirs = find_date(body, url=label["url"], original_date=True, outputformat="%Y-%m-%d")
        t2 = time.perf_counter()
        t_ours += t1 - t0
        t_theirs += t2 - t1
        expected = label["date"]
        a = ours is not None and ours.isoformat() == expected
        b = theirs == expected
        ours_ok += a
        theirs_ok += b
        row = by_style[label["style"]]
        row[0] += 1
        row[1] += a
        row[2] += b
        if not a or not b:
            misses.append(f"| {name} | {expected} | {ours} | {theirs} |")
    n = len(labels)
    lines = [
        f"# Article-date accuracy, {dt.date.today().isoformat()}",
        "",
        f"Corpus: {n} team-written article pages (tests/fixtures/corpus), 8 CMS styles, UTF-8 and GBK.",
        f"htmldate {htmldate.__version__} with `find_date(body, url=url, original_date=True)`.",
        "",
        "| parser | exact day | accuracy | time per page |",
        "| --- | ---: | ---: | ---: |",
        f"| monitor.parse.parse_article | {ours_ok}/{n} | {100 * ours_ok / n:.1f}% | {1000 * t_ours / n:.2f} ms |",
        f"| htmldate | {theirs_ok}/{n} | {100 * theirs_ok / n:.1f}% | {1000 * t_theirs / n:.2f} ms |",
        "",
        "| style | pages | monitor | htmldate |",
        "| --- | ---: | ---: | ---: |",
    ]
    lines += [f"| {style} | {r[0]} | {r[1]} | {r[2]} |" for style, r in sorted(by_style.items())]
    if misses:
        lines += [
            "",
            "Pages either parser got wrong:",
            "",
            "| page | expected | monitor | htmldate |",
            "| --- | --- | --- | --- |",
            *misses,
        ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        out = ROOT / "bench" / "results" / f"dates-{dt.date.today().isoformat()}.md"
        out.write_text(text, encoding="utf-8")
        print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
