"""Every label of the team-written page corpus (tests/fixtures/corpus, 8 CMS styles, UTF-8 and GBK)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from monitor.parse import parse_article, parse_list

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
LABELS = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))


def test_corpus_is_large_and_varied_enough():
    articles, lists = LABELS["articles"], LABELS["lists"]
    assert len(articles) >= 60 and len(lists) >= 20
    assert len({a["style"] for a in articles.values()}) >= 6
    assert {a["encoding"] for a in articles.values()} == {"utf-8", "gbk"}


@pytest.mark.parametrize("name", sorted(LABELS["articles"]))
def test_article_label(name):
    label = LABELS["articles"][name]
    article = parse_article((CORPUS / "articles" / name).read_bytes(), label["url"])
    assert article.title == label["title"]
    assert article.published == dt.date.fromisoformat(label["date"])
    assert sorted(a.url for a in article.attachments) == sorted(label["attachments"])
    assert not article.soft_404


@pytest.mark.parametrize("name", sorted(LABELS["lists"]))
def test_list_label(name):
    label = LABELS["lists"][name]
    page = parse_list((CORPUS / "lists" / name).read_bytes(), label["url"])
    got = [[e.title, e.url, e.date.isoformat() if e.date else None] for e in page.entries]
    assert got == label["entries"]
    assert sorted(page.next_pages) == sorted(label["next_pages"])
    assert page.blank is label["blank"]
    if label["total"] is not None:
        assert page.total == label["total"]


def test_the_same_pages_read_the_same_way_twice():
    # a reader that keys lxml elements by id() reads a page differently once the proxies' ids are reused (the
    # sidebar-date check did: list pages read as articles flipped between runs); read every page twice in turn
    pages = sorted(p for p in CORPUS.rglob("*.htm*") if p.is_file())

    def read_all():
        return [
            (
                repr(parse_article(p.read_bytes(), f"http://x.edu.cn/{p.name}")),
                repr(parse_list(p.read_bytes(), f"http://x.edu.cn/{p.name}")),
            )
            for p in pages
        ]

    assert len(pages) >= 80
    assert read_all() == read_all()
