"""Every label of the real-page corpus (tests/fixtures/real): pages nobody on the team wrote, labels from upstream.

Known misses (tests/fixtures/real/known_misses.json) are strict xfails, so a fix shows and a regression fails.
The figures per split (tune / held-out) come from bench/dates.py, which uses the same scorer.
"""

from __future__ import annotations

import collections
import datetime as dt
import json

import pytest

from monitor.parse import parse_article, parse_column_page, parse_list
from tests.realpages import (
    REAL,
    body,
    dated,
    manifest,
    pager_pages,
    pages,
    score_dates,
    score_pagers,
    score_titles,
    select,
    url,
    verdicts,
)

MISSES = json.loads((REAL / "known_misses.json").read_text(encoding="utf-8"))
_READ: dict[tuple, object] = {}


def _once(parse, data: bytes, address: str):
    """``parse(data, address)``, once per page and reader in this module: the per-label tests and the figures read
    the same pages, and a reader's answer depends on the page's bytes and address alone."""
    key = (parse, address, hash(data))
    if key not in _READ:
        _READ[key] = parse(data, address)
    return _READ[key]


def article(data: bytes, address: str):
    return _once(parse_article, data, address)


def listed(data: bytes, address: str):
    return _once(parse_list, data, address)


PERMISSIVE = {"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "CC-BY-4.0"}


def test_corpus_size_licences_and_split():
    m = manifest()
    articles = [p for p in m["pages"] if dated(p)]
    assert len(articles) >= 150
    assert sum(p["lang"] == "zh" for p in articles) >= 60
    assert set(m["sources"].values()) <= PERMISSIVE
    for source, licence in m["sources"].items():
        texts = list((REAL / "LICENSES").glob(source.replace("/", "-") + ".*"))
        assert texts, f"no licence text for {source}"
        # the text kept is the licence named (GNE's repository moved to GPL-3.0: its MIT commit's text is kept)
        words = {"MIT": "Permission is hereby granted", "Apache-2.0": "Apache License", "CC-BY-4.0": "Attribution 4.0"}
        words = words.get(licence, "Redistribution and use")  # the BSD licences
        assert words in texts[0].read_text(encoding="utf-8"), texts[0].name
    for page in m["pages"]:
        assert page["licence"] == m["sources"][page["source"]]
        if page["split"] == "holdout7":  # GNE's test pages: no labels upstream, dated by hand here (scored apart)
            assert page["labelled_by"].startswith("hand (this project")
        else:
            assert page["labelled_by"].startswith("upstream")
        assert len(page["commit"]) == 40
    # titles: upstream's where a source's tests give one (fundus's tuned on, newspaper4k's and Readability's held
    # out), GNE's written by hand; each says who labelled it and which part it is in
    titled = [p for p in m["pages"] if p.get("title")]
    assert len(titled) >= 200 and all(p["title_split"] in ("tune", "holdout", "holdout8") for p in titled)
    assert all(p["title_labelled_by"].startswith(("upstream", "hand (this project")) for p in titled)
    # the split is by source: no site has pages on both sides
    sides: dict[str, set[str]] = {}
    for page in m["pages"]:
        sides.setdefault(page["site"], set()).add(page["split"])
    assert all(len(s) == 1 for s in sides.values())
    first = [p for p in articles if p["split"] in ("tune", "holdout")]  # the split made before any tuning
    holdout = sum(p["split"] == "holdout" for p in first)
    assert 0.2 <= holdout / len(first) <= 0.45
    # the second held-out part: a source added after the first was scored, none of its sites seen before
    second = [p for p in articles if p["split"] == "holdout2"]
    assert len(second) >= 150 and {p["source"] for p in second} == {"markusmobius/go-htmldate"}
    # the third: twnews's samples, added after this round's last rule change, scored once
    third = [p for p in articles if p["split"] == "holdout3"]
    assert len(third) == 7 and {p["source"] for p in third} == {"virus-warnning/twnews"}
    # the fourth: newspaper4k's test articles with a publish date, scored once
    fourth = [p for p in articles if p["split"] == "holdout4"]
    assert len(fourth) == 15 and {p["source"] for p in fourth} == {"AndyTheFactory/newspaper4k"}
    # the fifth: fundus's parser test pages, one per publisher, scored once
    fifth = [p for p in articles if p["split"] == "holdout5"]
    assert len(fifth) >= 150 and {p["source"] for p in fifth} == {"flairNLP/fundus"}
    # the sixth: Readability's real test pages with a publishedTime, one per site, scored once
    sixth = [p for p in articles if p["split"] == "holdout6"]
    assert len(sixth) == 17 and {p["source"] for p in sixth} == {"mozilla/readability"}
    # the seventh: GNE's Chinese test pages, dated by hand, three a site at most, scored once
    seventh = [p for p in articles if p["split"] == "holdout7"]
    assert len(seventh) >= 40 and {p["source"] for p in seventh} == {"GeneralNewsExtractor/GeneralNewsExtractor"}
    assert max(collections.Counter(p["site"] for p in seventh).values()) <= 3
    # the eighth: Postlight Parser's test fixtures, one per site, titles held out; dated only where the page's
    # language fixes its zone (its labels are UTC instants)
    eighth = [p for p in m["pages"] if p["split"] == "holdout8"]
    assert len(eighth) >= 100 and {p["source"] for p in eighth} == {"postlight/parser"}
    assert all(p["title_split"] == "holdout8" for p in eighth)
    assert all(("UTC+" in p["labelled_by"]) == dated(p) for p in eighth)
    # real pagers (autopager's labelled pages), split by site like the first part
    pagers = pages("pager")
    assert len(pagers) >= 150 and 0.2 <= sum(p["split"] == "holdout" for p in pagers) / len(pagers) <= 0.45


def _article_cases():
    for page in pages("article"):
        if not dated(page):
            continue
        marks = [pytest.mark.xfail(strict=True, reason="known miss")] if page["id"] in MISSES["articles"] else []
        yield pytest.param(page, id=page["id"], marks=marks)


@pytest.mark.parametrize("page", list(_article_cases()))
def test_article_date_label(page):
    published = article(body(page), url(page)).published
    expected = dt.date.fromisoformat(page["date"]) if page["date"] else None
    assert published == expected


@pytest.mark.parametrize("page", [p for p in pages("article") if p.get("title_contains")], ids=lambda p: p["id"])
def test_article_title_label(page):
    # twnews's tests expect these words in each sample's title (spaces aside: upstream writes 　 and double spaces).
    # Before the title reader took the heading the page's <title> names, 3 of the 7 read 推薦新聞, 推薦閱讀 or a
    # nav bar; the rule was changed while looking at these pages, so this is a tuned figure, not a held-out one
    title = "".join(article(body(page), url(page)).title.split())
    assert "".join(page["title_contains"].split()) in title


def test_article_titles_stay_at_the_recorded_figures():
    """Titles against upstream labels (fundus's parser tests, the part title rules are tuned on): 106 exact and 120
    close of 154 before round twenty-six, 107 and 122 after its first title rules (tuned on GNE's pages), 113 and 127
    after those tuned on these pages (an article's own header blocks, a hyphenated word in <title>)."""
    tuned = [p for p in pages("article") if p.get("title_split") == "tune" and p["title_labelled_by"].startswith("up")]
    score = score_titles(lambda b, u: article(b, u).title, tuned)
    assert (score.pages, score.exact >= 113, score.close >= 127) == (154, True, True), score.line()


def test_held_out_article_titles_stay_at_the_figures_scored_once():
    """newspaper4k's and Readability's expected titles, held out while title rules were tuned and scored once at the
    end of round twenty-six: 21 exact and 24 close of 32 before its rules, 22 and 24 after (the one move,
    newspaper4k's wired_001 losing its "| WIRED", seen in golden after the rules were written)."""
    held = [p for p in pages("article") if p.get("title_split") == "holdout"]
    score = score_titles(lambda b, u: article(b, u).title, held)
    assert (score.pages, score.exact >= 22, score.close >= 24) == (32, True, True), score.line()


def test_the_eighth_parts_titles_stay_at_the_figures_scored_once():
    """Postlight Parser's 101 fixtures (holdout8), their expected titles held out, scored once in round twenty-seven
    before any rule changed for them: 72 exact and 75 close (the misses: SEO <title>s unlike the headline, a related
    box's heading, a comment form's, a site section's)."""
    held = [p for p in pages("article") if p.get("title_split") == "holdout8"]
    score = score_titles(lambda b, u: article(b, u).title, held)
    assert (score.pages, score.exact >= 72, score.close >= 75) == (101, True, True), score.line()


@pytest.mark.parametrize(
    "page",
    [p for p in pages("article") if p.get("title_split") == "tune" and p["title_labelled_by"].startswith("hand")],
    ids=lambda p: p["id"],
)
def test_article_title_hand_label(page):
    # GNE's Chinese test pages: the headline each shows, written by hand here after the parser's titles on them had
    # been seen (a tuned figure): 34 of 42 exact before round twenty-six's title rules (a box's heading, an author's
    # line or a 原创 badge run into the title, the <title> with its column's name, a section's name), 42 after
    assert page["labelled_by"].startswith("hand (this project")
    title = "".join(article(body(page), url(page)).title.split())
    assert title == "".join(page["title"].split())


def _list_cases():
    for page in pages("list"):
        marks = [pytest.mark.xfail(strict=True, reason="known miss")] if page["id"] in MISSES["lists"] else []
        yield pytest.param(page, id=page["id"], marks=marks)


@pytest.mark.parametrize("page", list(_list_cases()))
def test_list_entry_count_label(page):
    assert len(listed(body(page), url(page)).entries) == page["count"]


def _hand_list_cases():
    for page in pages("pager"):
        if "count" in page:  # labelled by hand in this project (count_labelled_by), apart from upstream's labels
            marks = [pytest.mark.xfail(strict=True, reason="known miss")] if page["id"] in MISSES["hand_lists"] else []
            yield pytest.param(page, id=page["id"], marks=marks)


@pytest.mark.parametrize("page", list(_hand_list_cases()))
def test_list_entry_count_hand_label(page):
    assert page["count_labelled_by"].startswith("hand (this project")
    assert len(listed(body(page), url(page)).entries) == page["count"]


def test_accuracy_stays_at_the_recorded_figures():
    """The floor under the figures in README: no split falls below what was measured when they were written."""
    floors = {
        ("zh", "tune"): 0.91,
        ("zh", "holdout"): 0.77,
        ("other", "tune"): 0.93,
        ("other", "holdout"): 0.91,
        ("other", "holdout2"): 0.87,
        ("zh", "holdout3"): 1.0,
        ("zh", "holdout4"): 1.0,
        ("other", "holdout4"): 1.0,
        ("zh", "holdout5"): 1.0,
        ("other", "holdout5"): 0.99,
        ("other", "holdout6"): 0.88,
        ("zh", "holdout7"): 0.97,  # hand-labelled (GNE's test pages)
        ("zh", "holdout8"): 1.0,  # Postlight's fixtures: 1 Chinese page (qdaily), 25 Japanese
        ("other", "holdout8"): 0.88,
    }
    for (lang, split), floor in floors.items():
        score = score_dates(lambda b, u: article(b, u).published, select(lang, split))
        assert score.accuracy >= floor, (lang, split, score.line())


@pytest.mark.parametrize("split", ["tune", "holdout"])
def test_real_pages_with_content_are_not_blank_columns(split):
    """autopager's pages (forums, blogs, shops, news: every one shows content) read as a column's page: a blank
    verdict on any of them is a false 空白栏目. Before the pager and content-page rules 50 of 123 (tune) and 24 of 73
    (held-out); after them 4 and 0 (held-out scored once); after the sidebar guard (a blank column's sidebar box and
    footer line never add up to a page of content) 5 and 3, all portal home pages, none with a pager; after the
    card rule (undated entries with a summary each) 5 and 0, entries read on 95 and 55; with English month names
    read in list dates, 104 and 64; with entries dated by their addresses (DedeCMS /2016/0418/71.html), 105 and 67,
    false blanks 4 and 0; round twenty-four (a list's pager, a carousel's slides, a blog's older-posts step): 110 and
    69, false blanks 2 and 0."""
    counts = verdicts(parse_column_page, pager_pages(split))
    assert counts["blank"] <= {"tune": 2, "holdout": 0}[split], counts
    assert counts["entries"] >= {"tune": 110, "holdout": 69}[split], counts


@pytest.mark.parametrize("split", ["tune", "holdout"])
def test_real_pagers_are_followed_without_stray_pages(split):
    """On the pages whose entries are read (the crawl follows a pager only there): the labelled next page is
    among the pages followed, and nothing but pager links is. Measured 52/57 (tune), 30/35 (held-out); with the card
    rule reading more pages' entries, 81/88 and 44/52; with English month names, 91/98 and 55/63; calendar links
    (?month=2026-10) no longer followed, 93/98 (tune); with entries dated by their addresses, 94/99 and 58/66; at
    round twenty-four's start 98/103 and 58/66, at its end 99/104 and 60/68."""
    read = [p for p in pager_pages(split) if listed(body(p), url(p)).entries]
    score = score_pagers(lambda b, u: listed(b, u).next_pages, read)
    assert score.right >= {"tune": 99, "holdout": 60}[split], score.line()
