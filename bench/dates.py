"""Article-date accuracy: monitor.parse.parse_article beside htmldate (and GNE where installed).

    python bench/dates.py            # prints the tables; --write also writes bench/results/dates-<date>.md

Two corpora: the real pages (tests/fixtures/real, labels from upstream, split by site into the part rules were
tuned on and a held-out part, plus ``holdout2``: a source added after the first held-out part was scored, scored
once in its turn) and the team-written pages (tests/fixtures/corpus). A wrong date is counted apart
from a missing one: it is worse. Times are per page (the whole parse_article: decoding, parsing, title, date,
attachments), median, after one warm-up page; "fast rules" are the pages the monitor's own rules dated, "fallback"
those handed to htmldate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.parse import parse_article  # noqa: E402
from tests.realpages import body, score_dates, select  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def _htmldate(data: bytes, where: str):
    from htmldate import find_date

    return find_date(data, url=where, original_date=True, outputformat="%Y-%m-%d")


def _gne():
    try:
        from gne import GeneralNewsExtractor  # GPL-3.0: a benchmark peer only, never a dependency
    except ImportError:
        return None
    from monitor.dates import find_dates
    from monitor.parse import decode_html

    extractor = GeneralNewsExtractor()

    def run(data: bytes, _where: str):
        found = find_dates(str(extractor.extract(decode_html(data)[0]).get("publish_time") or ""))
        return found[0] if found else None  # GNE writes 2005-5-7 21:23: read as a date

    return run


def _ours_with_source(sources: list[str]):
    def run(data: bytes, where: str):
        article = parse_article(data, where)
        sources.append(article.date_source)
        return article.published

    return run


def real_tables() -> list[str]:
    parse_article(body(select("zh", "tune")[0]), "http://example.edu.cn/")  # warm-up: imports, regex caches
    _htmldate(b"<html></html>", "http://example.edu.cn/")
    gne = _gne()
    lines = [
        "| pages | part | parser | right | wrong | missed | median ms/page |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    fallback_lines = []
    for lang, name in (("zh", "Chinese"), ("other", "non-Chinese")):
        for split in ("tune", "holdout", "holdout2"):
            pages = select(lang, split)
            sources: list[str] = []
            peers = [("monitor", _ours_with_source(sources)), ("htmldate", _htmldate)]
            if gne and lang == "zh":
                peers.append(("GNE", gne))
            for parser, fn in peers:
                s = score_dates(fn, pages)
                lines.append(
                    f"| {name} ({s.pages}) | {split} | {parser} | {s.right} ({100 * s.accuracy:.1f}%) "
                    f"| {s.wrong} ({100 * s.wrong_rate:.1f}%) | {s.missed} | {s.median_ms:.2f} |"
                )
                if parser == "monitor":
                    fast = [t for t, src in zip(s.times, sources, strict=True) if src and src != "htmldate"]
                    fell = [t for t, src in zip(s.times, sources, strict=True) if src in ("htmldate", "")]
                    fallback_lines.append(
                        f"| {name} | {split} | {len(fast)} | {1000 * statistics.median(fast):.2f} "
                        f"| {len(fell)} | {1000 * statistics.median(fell) if fell else 0:.2f} |"
                    )
    return [
        *lines,
        "",
        "Where the date came from (monitor): the fast rules, or the htmldate fallback (with the pages where nothing was found).",
        "",
        "| pages | part | fast rules | median ms | fallback | median ms |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
        *fallback_lines,
        "",
        "GNE: " + ("measured above (Chinese pages)." if gne else "not installed here (GPL-3.0, `pip install gne`)."),
    ]


def team_table() -> list[str]:
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))["articles"]
    ours = theirs = 0
    t_ours: list[float] = []
    for name, label in sorted(labels.items()):
        data = (CORPUS / "articles" / name).read_bytes()
        t0 = time.perf_counter()
        got = parse_article(data, label["url"]).published
        t_ours.append(time.perf_counter() - t0)
        ours += got is not None and got.isoformat() == label["date"]
        theirs += _htmldate(data, label["url"]) == label["date"]
    n = len(labels)
    return [
        f"Team-written corpus ({n} pages, 8 CMS styles): monitor {ours}/{n}, htmldate {theirs}/{n}, "
        f"monitor median {1000 * statistics.median(t_ours):.2f} ms/page. Written by the team and tuned on: not a result.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="also write bench/results/dates-<date>.md")
    args = parser.parse_args()
    import htmldate

    lines = [
        f"# Article-date accuracy, {dt.date.today().isoformat()}",
        "",
        f"htmldate {htmldate.__version__}, `find_date(body, url=url, original_date=True)`. Real pages: "
        "tests/fixtures/real (labels from upstream; tune = the part rules were tuned on, holdout = sites set aside "
        "before tuning).",
        "",
        *real_tables(),
        "",
        *team_table(),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        out = ROOT / "bench" / "results" / f"dates-{dt.date.today().isoformat()}.md"
        out.write_text(text, encoding="utf-8")
        print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
