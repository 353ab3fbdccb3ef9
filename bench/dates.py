"""Article-date accuracy: monitor.parse.parse_article beside htmldate (and GNE where installed).

    python bench/dates.py            # prints the tables; --write also writes bench/results/dates-<date>.md

Two corpora: the real pages (tests/fixtures/real, labels from upstream, split by site into the part rules were tuned
on and a held-out part, plus ``holdout2`` … ``holdout7``: sources added after the held-out parts before them were
scored, each scored once in its turn; ``holdout7``, GNE's test pages, is dated by hand here and shown apart; ``holdout8``,
Postlight Parser's fixtures, is dated only where a page's language fixes its zone) and the
team-written pages (tests/fixtures/corpus). A wrong date is counted apart from a missing one: it is worse. Times are
per page (the whole parse_article: decoding, parsing, title, date, attachments), median, after one warm-up page;
"fast rules" are the pages the monitor's own rules dated, "fallback" those handed to htmldate. "date steps" is the
part of parse_article that reads the date once the page is parsed (meta/JSON-LD, text normalisation, the rule
cascade; timed in a second pass with the three functions wrapped).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from output import publish  # noqa: E402

from monitor.parse import parse_article  # noqa: E402
from tests.realpages import body, dated, pages, score_dates, score_titles, select, url  # noqa: E402

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


@contextlib.contextmanager
def _date_steps_timed(spent: list[float]):
    """Time, per parse_article call, the functions that read the date (appending one figure per page)."""
    import monitor.pagedates as pagedates
    import monitor.parse as parse

    originals = {(parse, "article_date"): parse.article_date, (parse, "normalise"): parse.normalise}
    originals[(pagedates, "meta_date")] = pagedates.meta_date
    clock = [0.0]

    def timed(fn):
        def run(*args):
            t0 = time.perf_counter()
            try:
                return fn(*args)
            finally:
                clock[0] += time.perf_counter() - t0

        return run

    for (module, name), fn in originals.items():
        setattr(module, name, timed(fn))
    try:
        yield lambda: (spent.append(clock[0]), clock.__setitem__(0, 0.0))
    finally:
        for (module, name), fn in originals.items():
            setattr(module, name, fn)


def _date_step_times(pages: list[dict]) -> list[float]:
    spent: list[float] = []
    with _date_steps_timed(spent) as page_done:
        for page in pages:
            parse_article(body(page), url(page))
            page_done()
    return spent


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
        for split in ("tune", "holdout", *(f"holdout{k}" for k in range(2, 9))):
            pages = select(lang, split)
            if not pages:
                continue
            sources: list[str] = []
            peers = [("monitor", _ours_with_source(sources)), ("htmldate", _htmldate)]
            if gne and lang == "zh":
                peers.append(("GNE", gne))
            part = f"{split} (hand-labelled)" if split == "holdout7" else split
            for parser, fn in peers:
                s = score_dates(fn, pages)
                lines.append(
                    f"| {name} ({s.pages}) | {part} | {parser} | {s.right} ({100 * s.accuracy:.1f}%) "
                    f"| {s.wrong} ({100 * s.wrong_rate:.1f}%) | {s.missed} | {s.median_ms:.2f} |"
                )
                if parser == "monitor":
                    steps = _date_step_times([p for p in pages if dated(p)])
                    is_fast = [bool(src) and src != "htmldate" for src in sources]
                    fast = [t for t, f in zip(s.times, is_fast, strict=True) if f]
                    fast_steps = [t for t, f in zip(steps, is_fast, strict=True) if f]
                    fell = [t for t, f in zip(s.times, is_fast, strict=True) if not f]
                    fallback_lines.append(
                        f"| {name} | {part} | {len(fast)} | {1000 * statistics.median(fast):.2f} "
                        f"| {1000 * statistics.median(fast_steps):.3f} "
                        f"| {len(fell)} | {1000 * statistics.median(fell) if fell else 0:.2f} |"
                    )
    return [
        *lines,
        "",
        "Where the date came from (monitor): the fast rules, or the htmldate fallback (with the pages where nothing was found).",
        "",
        "| pages | part | fast rules | median ms, whole page | median ms, date steps | fallback | median ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
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


def title_table() -> list[str]:
    """Article titles on the real pages whose titles are labelled: upstream's (fundus's, tuned on; newspaper4k's,
    Readability's and Postlight Parser's, held out) and GNE's, written by hand (tuned on)."""
    lines = [
        "Article titles (`parse_article(...).title`; exact: the same words, Unicode form, spacing, case and quotes "
        "aside; close: one within the other, the shorter at least 60% of the longer):",
        "",
        "| pages | labels | part | exact | close |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    titled = [p for p in pages("article") if p.get("title")]
    for source in dict.fromkeys(p["source"] for p in titled):
        chosen = [p for p in titled if p["source"] == source]
        score = score_titles(lambda b, u: parse_article(b, u).title, chosen)
        who = chosen[0]["title_labelled_by"].split(" ")[0]
        lines.append(
            f"| {source} ({score.pages}) | {who} | {chosen[0]['title_split']} "
            f"| {score.exact} ({100 * score.exact / score.pages:.1f}%) | {score.close} "
            f"({100 * score.close / score.pages:.1f}%) |"
        )
    return lines


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
        *title_table(),
        "",
        *team_table(),
    ]
    publish("\n".join(lines) + "\n", "dates", args.write)


if __name__ == "__main__":
    main()
