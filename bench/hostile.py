"""Reading time on hostile pages: huge lists, thousands of bare links, a 5,000-page pager, deep nesting, huge scripts.

    python bench/hostile.py            # prints the table; --write also writes bench/results/hostile-<date>.md

A site may serve any of these (an old column listing every notice since 2003 as bare links, a pager printing every
page number); the crawler reads each page in its event loop, so a reading time that grows with the square of the
page's size stalls every column of the run. Each page is generated here, read once to warm up, then timed (best of
three) with parse_column_page (list pages) or parse_article. The pages' sizes are the figures a reader must stay
linear on; none of them is a timed unit test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import zlib
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from output import publish  # noqa: E402

from monitor.classify import classify  # noqa: E402
from monitor.demo.site import one_page_pdf  # noqa: E402
from monitor.documents import document_text  # noqa: E402
from monitor.parse import parse_article, parse_column_page  # noqa: E402
from monitor.sections import section_names  # noqa: E402

TITLE = "关于开展2026年度教学质量评估工作的通知第{i}号"


def _rows(n: int, row: str) -> str:
    return "".join(row.format(i=1000 + i, t=TITLE.format(i=i)) for i in range(n))


def _section_reader(section: str):
    return lambda body, url: parse_column_page(body, url, column=section, section=section)


def _inflating_pdf(size: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``size`` bytes of spaces."""
    squeeze, chunk = zlib.compressobj(9), b" " * 1_000_000
    stream = b"".join(squeeze.compress(chunk) for _ in range(size // len(chunk))) + squeeze.flush()
    return one_page_pdf(stream, b"/Filter /FlateDecode")


def _rtf_rows(n: int) -> bytes:
    """An RTF list of ``n`` table rows, its Chinese written as Word writes it under \\ansicpg936 (\\'hh escapes)."""
    name = "".join(f"\\'{b:02x}" for b in "张三".encode("gbk"))
    row = (name + r" 110101199003077571 13812345678\cell ") * 3 + "\\row\n"
    return (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}" + row * n + "}").encode()


def _document(kind: str):
    return lambda body, url: SimpleNamespace(entries=[text] if (text := document_text(body, kind)) else [])


def attachments() -> list[tuple[str, bytes, object]]:
    """(what, bytes, reader) for each hostile attachment read for personal data."""
    from tests.test_documents import _doc, looping

    return [
        (
            "a PDF whose page inflates to 400 MB of spaces (pypdf stops at 75 MB: unread)",
            _inflating_pdf(400_000_000),
            _document("pdf"),
        ),
        (
            "a 9.8 MB RTF named .doc: 60,000 rows of a list in GBK escapes (read in a thread, off the event loop)",
            _rtf_rows(60_000),
            _document("doc"),
        ),
        (
            "a real .doc declaring a 2 GB stream over a chain of sectors looping back (refused: unread)",
            looping(_doc("poi-61490.doc"), 2_000_000_000),
            _document("doc"),
        ),
    ]


def pages() -> list[tuple[str, str, object]]:
    """(what, html, reader) for each hostile page."""
    li = "<li><a href='/info/1001/{i}.htm'>{t}</a><span>2026-09-01</span></li>"
    head = "<html><head><title>通知公告-测试学院</title></head><body><h2>通知公告</h2>"
    return [
        ("20,000 entries in one list", f"{head}<ul>{_rows(20000, li)}</ul></body></html>", parse_column_page),
        (
            "5,000 bare links in one paragraph",
            f"{head}<p>{_rows(5000, '<a href=/info/1001/{i}.htm>{t}</a> (2026-09-01)<br>')}</p></body></html>",
            parse_column_page,
        ),
        (
            "5,000 bare links in bold in one paragraph (<b><a>…</a></b> (2026-09-01)<br>)",
            f"{head}<p>{_rows(5000, '<b><a href=/info/1001/{i}.htm>{t}</a></b> (2026-09-01)<br>')}</p></body></html>",
            parse_column_page,
        ),
        (
            "5,000 links in one table row",
            f"{head}<table><tr>{_rows(5000, '<td><a href=/info/1001/{i}.htm>{t}</a></td>')}</tr></table></body></html>",
            parse_column_page,
        ),
        (
            "5,000 div records in one div",
            f"{head}<div>{_rows(5000, '<div><a href=/info/1001/{i}.htm>{t}</a><span>2026-09-01</span></div>')}"
            "</div></body></html>",
            parse_column_page,
        ),
        (
            "2,000 entries, a <table> each",
            f"{head}{_rows(2000, '<table><tr><td><a href=/info/1001/{i}.htm>{t}</a></td><td>2026-09-01</td></tr></table>')}"
            "</body></html>",
            parse_column_page,
        ),
        (
            "2,000 entries labelled with the column's name",
            f"{head}<ul>{_rows(2000, '<li><span>通知公告</span><a href=/info/1001/{i}.htm>{t}</a></li>')}</ul></body></html>",
            parse_column_page,
        ),
        (
            "a blank column beside 2,000 widget boxes",
            "<html><head><title>通知公告-测试学院</title></head><body>"
            + _rows(
                2000,
                "<div><h3>热点新闻</h3><ul><li><a href=/info/1002/{i}.htm>{t}</a><span>2026-09-01</span></li>"
                "<li><a href=/info/1003/{i}.htm>{t}</a><span>2026-09-01</span></li></ul></div>",
            )
            + "<div><h2>通知公告</h2><p>暂无内容</p></div></body></html>",
            parse_column_page,
        ),
        (
            "a pager printing 5,000 page numbers",
            f"{head}<ul>{_rows(20, li)}</ul><div class='page'>{_rows(5000, '<a href=/tzgg/{i}.htm>{i}</a>')}"
            "<a href='/tzgg/2.htm'>下一页</a></div></body></html>",
            parse_column_page,
        ),
        (
            "5,000 goPage(n) links, a 1 MB script defining goPage",
            f"{head}<script>{'var a=1;' * 125000}function goPage(p){{location.href='list.jsp?page='+p;}}</script>"
            f"<ul>{_rows(20, li)}</ul><div class='page'>{_rows(5000, '<a href=javascript:goPage({i})>{i}</a>')}"
            "</div></body></html>",
            parse_column_page,
        ),
        (
            "5,000 entries opened by 6 page functions, a 1 MB script",
            f"{head}<script>{'var a=1;' * 125000}"
            + "".join(f"function open{k}(id){{window.open('/d{k}.jsp?id='+id);}}" for k in range(6))
            + "</script><ul>"
            + "".join(
                f"<li><a href=javascript:open{i % 6}({i})>{TITLE.format(i=i)}</a><span>2026-09-01</span>"
                for i in range(5000)
            )
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "5,000 rows a bound click handler opens by their data-id, a 1 MB script",
            f"{head}<script>{'var a=1;' * 125000}$('.list li').click(function(){{"
            "window.open('/detail.jsp?id='+$(this).attr('data-id'));});</script><ul class='list'>"
            + _rows(5000, "<li data-id='{i}'><a href='javascript:;'>{t}</a><span>2026-09-01</span></li>")
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "20,000 nested elements each with a data attribute, a handler reading one",
            f"{head}<script>$('.x').click(function(){{location.href='/d.jsp?id='+$(this).data('id');}});</script>"
            + "<div data-v-1a2b>" * 200
            + "<ul>"
            + _rows(20000, "<li data-v-1a2b><a href='/info/{i}.htm' data-v-1a2b>{t}</a><span>2026-09-01</span></li>")
            + "</ul>"
            + "</div>" * 200
            + "</body></html>",
            parse_column_page,
        ),
        (
            "5,000 showPage({…}) calls beside a 1 MB script (each a pager plugin's call by its name)",
            f"{head}<script>{'var a=1;' * 125000}"
            + "".join(f"showPage({{n: {i}, count: x{i}}});" for i in range(5000))
            + f"</script><ul>{_rows(20, li)}</ul></body></html>",
            parse_column_page,
        ),
        (
            "a laypage stating 100,000,000 entries",
            f"{head}<ul>{_rows(20, li)}</ul><script>laypage.render({{elem:'p',count:100000000,limit:10,"
            "jump:function(obj){location.href='list.jsp?page='+obj.curr;}});</script></body></html>",
            parse_column_page,
        ),
        (
            "5,000 list items left open in a <span> (nested by libxml2)",
            f"{head}<ul>{_rows(5000, '<li><a href=/info/{i}.htm>{t}</a><span>2026-09-01')}</ul></body></html>",
            parse_column_page,
        ),
        (
            "大汉 datastore of 5,000 records",
            "<html><body><script type='text/xml'><datastore><recordset>"
            + _rows(
                5000, "<record><![CDATA[<li><a href='/art/{i}.html'>{t}</a><span>2026-09-01</span></li>]]></record>"
            )
            + "</recordset></datastore></script></body></html>",
            parse_column_page,
        ),
        (
            "20,000 records in a script's data, drawn into an empty list",
            f"{head}<ul class='list'></ul><script>var list = ["
            + ",".join(
                f'{{"title":"关于第{i}项工作安排的通知","url":"/info/{i}.htm","date":"2026-09-01"}}'
                for i in range(20000)
            )
            + "];</script></body></html>",
            parse_column_page,
        ),
        (
            "a 3 MB script of '[ { a: 1 } ]' literals, none a list of entries",
            f"{head}<ul class='list'></ul><script>{'[ { a: 1 } ] x ' * 200000}</script></body></html>",
            parse_column_page,
        ),
        (
            "5,000 rows whose links each call a function behind 20,000 nested ifs",
            f"{head}<script>function go(n){{{'if (n == 1) {' * 20000}location.href='?p='+n{'}' * 20000}}}</script><ul>"
            + _rows(5000, "<li><a href='javascript:go(2)'>关于第{i}项工作安排的通知</a><span>2026-09-01</span></li>")
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "20,000 entries, each title written by TRS's cutting script",
            f"{head}<ul class='list'>"
            + _rows(
                20000,
                "<li><a href='./202609/t20260920_{i}.html'><script>var str = \"{t}\"; if (str.length > 12) "
                "{{ document.write(str.substring(0, 12) + '...'); }} else {{ document.write(str); }}</script></a>"
                "<span>2026-09-20</span></li>",
            )
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "a 4 MB inline script",
            f"{head}<script>{'var a=1;' * 500000}</script><ul>{_rows(20, li)}</ul></body></html>",
            parse_column_page,
        ),
        (
            "an empty column with 3,000 unclosed <template> and 1 MB after",
            f"{head}<ul></ul>{'<template>' * 3000}{'x' * 1000000}</body></html>",
            parse_column_page,
        ),
        (
            "an empty column whose script asks a hit counter 20,000 times, each call 300 characters long",
            f"{head}<ul></ul><script>"
            + ("$.ajax({type: 'POST', data: {id: 1, " + "x: 1, " * 40 + "}, url: '/hits/setHits'})\n") * 20000
            + "</script></body></html>",
            parse_column_page,
        ),
        (
            "a list source's JSON answer of 20,000 records (what a page's $.ajax asks for)",
            '{"code": 0, "data": {"total": 20000, "list": ['
            + ",".join(
                f'{{"id":{i},"title":"关于第{i}项工作安排的通知","url":"/info/{i}.htm","publishTime":"2026-09-01 10:00:00"}}'
                for i in range(20000)
            )
            + "]}}",
            parse_column_page,
        ),
        (
            "an empty column whose script makes 20,000 $.get calls to list addresses",
            f"{head}<ul></ul><script>"
            + "".join(f"$.get('/api/list{i}.json', draw);\n" for i in range(20000))
            + "</script></body></html>",
            parse_column_page,
        ),
        (
            "an article of 100,000 paragraphs",
            "<html><head><title>通知-测试学院</title></head><body><h1>通知</h1><p>发布时间：2026-09-01</p>"
            + "<p>段落内容测试文本。</p>" * 100000
            + "</body></html>",
            parse_article,
        ),
        (
            "an article of 200,000 dates",
            "<html><head><title>通知-测试学院</title></head><body><h1>通知</h1><p>"
            + "2026-1-1 " * 200000
            + "</p></body></html>",
            parse_article,
        ),
        (
            "an undated article beside a sidebar of 20,000 entries, each labelled 发布时间 (all another document's)",
            "<html><head><title>通知-测试学院</title></head><body><h1>通知</h1><p>正文。</p><ul>"
            + "".join(
                f"<li><a href='/info/{i}.htm'>关于第{i}项工作安排的通知</a> 发布时间：2026-09-{i % 28 + 1:02d}</li>"
                for i in range(20000)
            )
            + "</ul></body></html>",
            parse_article,
        ),
        (
            "a column of 2,000 tab panes under a strip of 2,000 tabs",
            f"{head}<h2>招生考试信息</h2><ul class='tabs'>"
            + "".join(f"<li>子栏目{i}</li>" for i in range(2000))
            + "</ul>"
            + "".join(
                f"<div class='tab-pane'><ul><li><a href='/info/{i}.htm'>第{i}项招生工作安排的通知</a>"
                f"<span>2026-09-01</span></li></ul></div>"
                for i in range(2000)
            )
            + "</body></html>",
            parse_column_page,
        ),
        (
            "an article whose script fills 20,000 elements by their ids ($('#f1').text('…'), 50 read)",
            "<html><head><title>通知-测试学院</title></head><body><h1>通知</h1><p>正文。</p>"
            + "".join(f"<span id='f{i}'></span>" for i in range(20000))
            + "<script>"
            + "".join(f"$('#f{i}').text('第{i}项');" for i in range(20000))
            + "</script></body></html>",
            parse_article,
        ),
        (
            "an article without a heading, 20,000 bold lines before its own (the title looked for among them)",
            "<html><head><title>测试学院</title></head><body>"
            + "<p><b>短标签</b></p>" * 20000
            + "<table><tr><td><b>关于开展2026年度教学质量评估工作的通知</b></td></tr><tr><td>2026-09-01</td></tr></table>"
            + "</body></html>",
            parse_article,
        ),
        (
            "an article without a heading inside 250 nested <font> round 1.5 MB of text (each a candidate title)",
            "<html><head><title>测试学院</title></head><body>"
            + "<font size='2'>" * 250
            + ("<p>" + "学校召开专题会议，研究部署信息公开工作。" * 50 + "</p>") * 500
            + "</font>" * 250
            + "</body></html>",
            parse_article,
        ),
        (
            "3,000 nested <div>s each keeping an address (data-url) for a script",
            f"{head}"
            + "".join(f"<div data-url='/info/1001/{i}.htm'>第{i}项" for i in range(3000))
            + "</div>" * 3000
            + "</body></html>",
            parse_column_page,
        ),
        (
            "20,000 rows clicked open by their titles (<span onclick=location.href>), 2,000 report buttons keeping one address",
            f"{head}<ul>"
            + _rows(20000, "<li><span onclick=\"location.href='/info/1001/{i}.htm'\">{t}</span></li>")
            + "</ul><div data-url='/a.htm'>举报</div>" * 2000
            + "</body></html>",
            parse_column_page,
        ),
        (
            "an empty column of 3,000 nested <div>s, the innermost saying 正在加载…",
            f"{head}" + "<div>" * 3000 + "正在加载…" + "</div>" * 3000 + "</body></html>",
            parse_column_page,
        ),
        (
            "20,000 entries each with a 首页 link, the page titled with the site's name (breadcrumbs looked for)",
            "<html><head><title>测试学院信息公开网</title></head><body><ul>"
            + _rows(20000, "<li><a href='/info/1001/{i}.htm'>{t}</a><a href='/'>首页</a><span>2026-09-01</span></li>")
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "5,000 headings each with its info line, no element per entry (<h3>…</h3><p>发布时间：…</p>)",
            f"{head}<div>{_rows(5000, '<h3><a href=/info/1001/{i}.htm>{t}</a></h3><p>发布时间：2026-09-01</p>')}"
            "</div></body></html>",
            parse_column_page,
        ),
        (
            "20,000 rows a script file opens (<li onclick=\"showInfo('…')\">, no address), each dated: read twice",
            f"{head}<ul>"
            + _rows(20000, "<li onclick=\"showInfo('{i}')\"><span class='title'>{t}</span><span>2026-09-01</span></li>")
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "20,000 script-opened links (javascript:void(0) onclick=…), undated (not read a second time: no dates shown)",
            f"{head}<ul>"
            + _rows(20000, "<li><a href='javascript:void(0)' onclick=\"view('{i}')\">{t}</a></li>")
            + "</ul></body></html>",
            parse_column_page,
        ),
        (
            "20,000 undated entries in one cell, their 20,000 dates in the cell beside (<td>…</td><td>dates</td>)",
            f"{head}<table><tr><td><ul>{_rows(20000, '<li><a href=/info/1001/{i}.htm>{t}</a></li>')}</ul></td><td>"
            + "<br>".join(["2026-09-01"] * 20000)
            + "</td></tr></table></body></html>",
            parse_column_page,
        ),
        (
            "20,000 undated entries beside a box of 20,000 dated lines of other words (no column of dates)",
            f"{head}<div><ul>{_rows(20000, '<li><a href=/info/1001/{i}.htm>{t}</a></li>')}</ul></div><div>"
            + "<br>".join(["学校召开专题工作会议 2026-09-01"] * 20000)
            + "</div></body></html>",
            parse_column_page,
        ),
        (
            "10,000 lists of 2 entries each under its year heading, dated by month and day (<h3>2025年</h3>…09-23)",
            f"{head}<div>"
            + _rows(
                10000,
                "<h3>2025年</h3><ul><li><a href=/info/1001/{i}.htm>{t}</a><span>09-23</span></li>"
                "<li><a href=/info/1002/{i}.htm>{t}</a><span>09-22</span></li></ul>",
            )
            + "</div></body></html>",
            parse_column_page,
        ),
        (
            "20,000 undated entries linked by a number in the query (ReadNews.asp?NewsID=…)",
            f"{head}<ul>{_rows(20000, '<li><a href=/ReadNews.asp?NewsID={i}>{t}</a></li>')}</ul></body></html>",
            parse_column_page,
        ),
        (
            "a column page of 20,000 dialogs in its script, no entry (alert('…') each: the first one read)",
            f"{head}<script>" + "alert('请输入关键字');" * 20000 + "</script></body></html>",
            parse_column_page,
        ),
        (
            "a column's section (cwxx.htm#预算决算) on a page of 20,000 boxes each headed 预算决算",
            f"{head}<div>"
            + _rows(
                20000, "<div class='box'><h3>预算决算</h3><ul><li><a href=/info/1001/{i}.htm>{t}</a></li></ul></div>"
            )
            + "</div></body></html>",
            _section_reader("预算决算"),
        ),
        (
            "a column's section, the last of 20,000 headings side by side with their lists (<h3>…</h3><ul>…</ul>)",
            f"{head}<div>"
            + _rows(20000, "<h3>栏目{i}</h3><ul><li><a href=/info/1001/{i}.htm>{t}</a><span>09-23</span></li></ul>")
            + "</div></body></html>",
            _section_reader("栏目20999"),
        ),
        (
            "a tab's pane, the last of 20,000 labels (<li>栏目N</li>) above 20,000 panes",
            f"{head}<div class='tab'><ul>"
            + _rows(20000, "<li>栏目{i}</li>")
            + "</ul><div class='con'>"
            + _rows(20000, "<div><ul><li><a href=/info/1001/{i}.htm>{t}</a><span>2026-09-23</span></li></ul></div>")
            + "</div></div></body></html>",
            _section_reader("栏目20999"),
        ),
        (
            "a column's section named by 20,000 lines each reading 预算决算, a sentence between each two",
            f"{head}<div>" + "<p>预算决算</p>这一段文字把两个同名的标签隔开。" * 20000 + "</div></body></html>",
            _section_reader("预算决算"),
        ),
        (
            "the sections monitor discover reads on a page of 20,000 tabs' labels linking nowhere (<li>栏目N</li>)",
            f"{head}<div class='tab'><ul>" + _rows(20000, "<li>栏目{i}</li>") + "</ul></div></body></html>",
            lambda body, url: SimpleNamespace(entries=section_names(body, None)),
        ),
        (
            "20,000 entries in one list, the column named (通知公告: its page's tabs looked for, none found)",
            f"{head}<ul>{_rows(20000, li)}</ul></body></html>",
            lambda body, url: parse_column_page(body, url, column="通知公告"),
        ),
        (
            "20,000 entries each dated by a friendly time (3天前) from the response's Date header",
            f"{head}<ul>{_rows(20000, '<li><a href=/info/1001/{i}.htm>{t}</a><span>3天前</span></li>')}</ul></body></html>",
            lambda body, url: parse_column_page(body, url, {"Date": "Tue, 01 Dec 2026 07:30:00 GMT"}),
        ),
        (
            "a title of 60,000 characters classified (办法（ 20,000 times: each policy word's bracket read to the end)",
            "办法（" * 20000,
            lambda body, url: SimpleNamespace(entries=classify(body.decode())),
        ),
        (
            "an empty column beside 20,000 cells of a count each (25条), no pager",
            f"{head}<ul></ul><table><tr>" + "<td>25条</td>" * 20000 + "</tr></table></body></html>",
            parse_column_page,
        ),
    ]


def measure() -> str:
    lines = [
        f"# Reading time on hostile pages, {dt.date.today().isoformat()}",
        "",
        "| page | size MB | entries read | best of 3, s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for what, html, reader in pages() + attachments():
        body = html if isinstance(html, bytes) else html.encode()
        reader(body, "http://www.test.edu.cn/tzgg.htm")  # warm-up
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            result = reader(body, "http://www.test.edu.cn/tzgg.htm")
            times.append(time.perf_counter() - t0)
        entries = len(getattr(result, "entries", ()) or ())
        lines.append(f"| {what} | {len(body) / 1e6:.2f} | {entries:,} | {min(times):.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="also write bench/results/hostile-<date>.md")
    publish(measure(), "hostile", parser.parse_args().write)


if __name__ == "__main__":
    main()
