"""A column of one entry (its one annual report, its one 招生章程, the first notice of a new column) is a list of
one, dated as a list's row is, whatever block holds it. Before, an entry that stood alone in a block of its own (a
<div class="item"> with its <h3> and date, a blog's <article> card, a <p>, a bare link and its date) was read as a
document the page links to, undated, so the column was reported stale (无日期视为未更新) a day after it was updated;
a blog CMS's one post (WordPress /2024/03/28/post-345/, its title in the card's <header>) read as a blank column.
Pages here are written for these forms (parse level); one end-to-end check runs over loopback with a real SQLite
file."""

from __future__ import annotations

import itertools
import re

import pytest
from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.parse import parse_column_page
from monitor.urls import looks_like_article, looks_like_list
from tests.conftest import NOW, config_text
from tests.test_grids import LIST_CHROME

TITLE = "关于公布2024年度学校信息公开工作报告的通知"
DAY = "2024-03-28"
HREFS = {  # an article's address as CMSs write it
    "博达": "/info/1012/345.htm",
    "WordPress": "http://www.xx.edu.cn/2024/03/28/post-345/",
    "TRS": "./202403/t20240328_345.html",
    "ASP": "/show.asp?id=345",
}
FORMS = {  # the one entry's block under the column's heading
    "blog-card": lambda h: (
        f"<article class='post-345 post type-post'><header class='entry-header'><h2 class='entry-title'>"
        f"<a href='{h}' rel='bookmark'>{TITLE}</a></h2><div class='entry-meta'><span class='posted-on'><a href='#'>"
        f"<time class='entry-date published' datetime='{DAY}T10:00:00+08:00'>{DAY}</time></a></span></div>"
        "</header><div class='entry-summary'><p>为做好2024年度信息公开工作，现将有关事项通知如下……</p></div></article>"
    ),
    "div-h2": lambda h: f"<div class='item'><h2><a href='{h}'>{TITLE}</a></h2><span>{DAY}</span></div>",
    "div-h3-info-line": lambda h: f"<div class='item'><h3><a href='{h}'>{TITLE}</a></h3><p>发布时间：{DAY}</p></div>",
    "paragraph": lambda h: f"<p><a href='{h}' target='_blank'>{TITLE}</a>&nbsp;&nbsp;{DAY}</p>",
    "div-link-and-date": lambda h: (
        f"<div class='news'><a href='{h}' title='{TITLE}'>{TITLE}</a><span>{DAY}</span></div>"
    ),
    "date-inside-link": lambda h: f"<div class='news'><a href='{h}'><p>{TITLE}</p><span>{DAY}</span></a></div>",
    "bare-link": lambda h: f"<a href='{h}'>{TITLE}</a> <span>{DAY}</span>",
}
CHROME = {k: LIST_CHROME[k] for k in ("none", "sub-columns", "newer-sidebar")}  # a menu, a newer dated sidebar
CRUMB = "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 通知公告</div>"


def _page(content: str, chrome: str = "", crumb: str = "") -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>通知公告-某某职业技术学院</title></head><body><div class='nav'>"
        f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>{chrome}<div class='main'>{crumb}<h1>通知公告</h1>"
        f"{content}</div><div class='foot'>版权所有 某某职业技术学院</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "url",
    [
        "http://x.edu.cn/2024/03/28/post-345/",
        "http://x.edu.cn/2024/03/post-345/",
        "http://x.edu.cn/archives/2024/3/28/关于通知/",
        "http://x.edu.cn/news/2024/03/28/12345/",
    ],
)
def test_a_blog_permalink_ending_in_a_slash_is_an_articles_address(url):
    assert looks_like_article(url) and not looks_like_list(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://x.edu.cn/2024/03/",  # a month's archive
        "http://x.edu.cn/2024/03/28/",  # a day's
        "http://x.edu.cn/2024/03/page/2/",  # a page of an archive
        "http://x.edu.cn/category/tzgg/",
        "http://x.edu.cn/xxgk/cwxx/",  # a TRS column's folder
    ],
)
def test_an_archive_or_a_folder_is_no_articles_address(url):
    assert looks_like_list(url) and not looks_like_article(url)


OTHERS = [("学校召开2024年党风廉政建设工作会议", "2024-03-20"), ("关于开展信息公开专项检查的通知", "2024-03-11")]


def _entries(block, href: str, count: int) -> str:
    """``count`` entries in ``block``'s form, newest first; each address keeps the first one's day (TRS t20240328_…:
    the day its document was made), the day written beside it is when it was put out."""
    out = block(href)
    for i, (title, day) in enumerate(OTHERS[: count - 1], start=1):
        out += block(href.replace("345", str(345 + i))).replace(TITLE, title).replace(DAY, day)
    return out


@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_columns_few_entries_are_read_with_their_titles_and_dates_whatever_block_holds_them(count):
    want = [(TITLE, DAY), *OTHERS[: count - 1]]
    wrong = []
    for (form, block), (cms, href), chrome, crumb in itertools.product(
        FORMS.items(), HREFS.items(), CHROME, ("", CRUMB)
    ):
        page = parse_column_page(
            _page(_entries(block, href, count), CHROME[chrome], crumb), "http://www.xx.edu.cn/xxgk/"
        )
        got = [(e.title, str(e.date)) for e in page.entries]
        if page.blank or got != want:
            wrong.append((form, cms, chrome, bool(crumb), page.blank, got[:3], page.reason[:40]))
    assert not wrong, f"{len(wrong)} of {len(FORMS) * len(HREFS) * len(CHROME) * 2} read wrong, first: {wrong[:4]}"


LONE_LINKS_ELSEWHERE = {  # a dated link outside the column's area: none of the column's entries
    "one-news-box": "<div class='right'><h3>最新动态</h3><div class='item'><a href='/info/1001/901.htm'>"
    "学校召开专题工作会议部署工作</a><span>2025-01-10</span></div></div>",
    "footer-link": "<div class='foot2'><a href='/info/1001/902.htm'>关于学校新版网站上线运行的通知</a> 2025-01-11</div>",
}


@pytest.mark.parametrize("said", ["", "<p>暂无信息</p>"])
@pytest.mark.parametrize("elsewhere", sorted(LONE_LINKS_ELSEWHERE))
def test_a_blank_column_beside_a_lone_dated_link_elsewhere_stays_blank(elsewhere, said):
    page = parse_column_page(_page(said, LONE_LINKS_ELSEWHERE[elsewhere]), "http://www.xx.edu.cn/xxgk/tzgg/")
    assert page.blank and not page.entries, page.reason


def test_a_blog_columns_one_post_is_read_fresh_not_blank(tmp_path, httpserver):
    """A WordPress category of one post, its card's title in the card's <header>: read, dated, fresh."""
    post = "/2026/11/20/xxgk-report/"
    column = _page(FORMS["blog-card"](post).replace(DAY, "2026-11-20"))
    article = (
        "<html><head><meta charset='utf-8'><title>报告</title></head><body><h1>信息公开工作报告</h1>"
        "<p>发布时间：2026-11-20</p><div class='entry-content'><p>正文。</p></div></body></html>"
    )

    def handle(request: Request) -> Response:
        if request.path == "/category/xxgk/":
            return Response(column, content_type="text/html; charset=utf-8")
        if request.path == post:
            return Response(article, content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    path = tmp_path / "config.toml"
    columns = [("通知公告", "/category/xxgk/", [18], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/"), str(tmp_path / "m.db"), columns), encoding="utf-8")
    (result,) = service.check(load_config(str(path)), NOW).evaluation.columns
    assert (result.status, result.entries, result.latest.isoformat()) == ("ok", 1, "2026-11-20")
