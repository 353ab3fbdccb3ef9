"""A list that shows its titles cut short (关于发布…本科教学…) is read with the whole titles of its articles: a checklist
item is told from the whole title (over loopback, the database a real SQLite file)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.parse import completed_title
from tests.conftest import config_text
from tests.test_pagers import NOW, _page

# (what the list shows, the article's own title): DedeCMS's cn_substr, PHPCMS's str_cut, with no title attribute
CUT = [
    ("关于发布测试职业技术学院2025-2026学年本科教学…", "关于发布测试职业技术学院2025-2026学年本科教学质量报告的通知"),
    ("关于公布测试职业技术学院2026年招生...", "关于公布测试职业技术学院2026年招生章程的通知"),
]


@pytest.mark.parametrize(
    ("listed", "article", "whole"),
    [
        (*CUT[0], CUT[0][1]),
        (
            "关于公布2026年学生学籍管 ...",
            "关于公布2026年学生学籍管理办法的通知",
            "关于公布2026年学生学籍管理办法的通知",
        ),
        ("关于公布2026年学生学籍管理办法的通知", "关于公布2026年学生学籍管理办法的通知（修订）", None),  # not cut
        ("关于公布2026年学生…", "学校召开2026年学生工作会议", None),  # another page's title
        ("学校…", "学校章程", None),  # too little shown to tell
    ],
)
def test_a_cut_title_is_completed_only_by_a_title_that_goes_on_from_it(listed, article, whole):
    assert completed_title(listed, article) == whole


def _site(httpserver) -> None:
    def handler(request: Request) -> Response:
        if request.path == "/xxgk/tzgg.htm":
            rows = "".join(
                f"<li><a href='/info/{i}.htm'>{cut}</a><span>2026-09-2{i}</span></li>" for i, (cut, _) in enumerate(CUT)
            )
            return Response(
                _page(f"<h2>通知公告</h2><ul class='list'>{rows}</ul>"), content_type="text/html; charset=utf-8"
            )
        if m := re.fullmatch(r"/info/(\d)\.htm", request.path):
            i = int(m.group(1))
            article = f"<h1>{CUT[i][1]}</h1><p>发布时间：2026-09-2{i}</p><p>正文。</p>"
            return Response(_page(article), content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)


def test_items_are_told_from_the_whole_titles_of_a_list_that_cuts_them(httpserver, tmp_path):
    """Before, 本科教学质量报告 (34) and 招生章程 (7) read missing (没有配置对应栏目): the cut titles name neither."""
    _site(httpserver)
    path = tmp_path / "config.toml"
    columns = [("通知公告", "/xxgk/tzgg.htm", [2], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    for run in range(2):  # the second run re-reads the cut list, its articles fresh (not fetched again)
        items = {i["id"]: i for i in service.check(load_config(path), NOW).document["items"]}
        assert (items[34]["status"], items[7]["status"]) == ("ok", "ok"), run
        assert [e["title"] for e in items[34]["evidence"]] == [CUT[0][1]]
        with sqlite3.connect(tmp_path / "m.db") as db:
            assert sorted(t for (t,) in db.execute("SELECT title FROM entries")) == sorted(w for _, w in CUT)
    articles = [e for e in httpserver.log if e[0].path.startswith("/info/")]
    assert len(articles) == 2  # each article fetched once: the second run took the whole titles from the store


@pytest.mark.parametrize(
    ("shown", "title"),
    [
        ("关于公布收费标准的通知 <font color='red'>new</font>", "关于公布收费标准的通知"),  # a recent entry's mark
        ("关于公布奖学金名单的公示(图)", "关于公布奖学金名单的公示"),
        ("学校召开第十届教代会[组图]", "学校召开第十届教代会"),
        ("关于2026年秋季学期新生报到的通知（新）", "关于2026年秋季学期新生报到的通知"),
        ("What is new", "What is new"),  # (an English title's last word)
        ("关于公布2026年新增专业（图书馆学）", "关于公布2026年新增专业（图书馆学）"),  # words, not a mark
    ],
)
def test_a_mark_after_an_entrys_title_is_no_part_of_it(shown, title):
    from monitor.parse import parse_list

    rows = f"<li><a href='/info/1001/100.htm'>{shown}</a><span>2026-09-01</span></li>"
    rows += "<li><a href='/info/1001/101.htm'>关于开展教职工体检工作的通知</a><span>2026-08-01</span></li>"
    page = f"<html><head><title>通知公告</title></head><body><ul>{rows}</ul></body></html>".encode()
    assert parse_list(page, "http://www.xx.edu.cn/tzgg.htm").entries[0].title == title
