"""Parsing the fixture site's list pages, one CMS style each (see tests/fixtures/make_site.py)."""

import datetime as dt

import pytest

from monitor import pagerscripts
from monitor.parse import decode_html, parse_article, parse_column_page, parse_list
from tests.conftest import SITE
from tests.sitekit import own_and_latest

BASE = "http://www.test.example.edu.cn"
D = dt.date


def read(path: str) -> bytes:
    return (SITE / path.lstrip("/").replace("?", "@")).read_bytes()


def parse(path: str, headers=None):
    return parse_list(read(path), BASE + path, headers)


def test_vsb_list_with_pinned_entry_and_count_down_pager():
    page = parse("/xxgk/zszc.htm")
    assert len(page.entries) == 10
    assert page.entries[0].title == "招生咨询及考生申诉渠道"  # its [置顶] pin is no part of the title
    assert page.entries[0].date == D(2019, 3, 1)
    assert max(e.date for e in page.entries) == D(2026, 4, 20)
    assert page.entries[1].url == BASE + "/info/1011/3011.htm"  # ../info/… resolved
    assert page.total == 25 and page.page_count == 3
    assert set(page.next_pages) == {BASE + "/xxgk/zszc/2.htm", BASE + "/xxgk/zszc/1.htm"}
    assert not page.blank


def test_vsb_middle_page_links_onwards():
    page = parse("/xxgk/zszc/2.htm")
    assert len(page.entries) == 10
    assert BASE + "/xxgk/zszc/1.htm" in page.next_pages


def test_webplus_list_with_all_pages_and_news_meta():
    page = parse("/zcwj/list.htm")
    assert len(page.entries) == 10
    assert page.total == 12
    assert page.next_pages == (BASE + "/zcwj/list2.htm",)
    assert page.entries[0].title == "学校章程（2024年修订）"
    assert page.entries[0].date == D(2024, 12, 20)


def test_webplus_split_day_and_year_month_blocks():
    page = parse("/xxgk/fzgh/list.htm")
    assert [e.date for e in page.entries] == [
        D(2026, 3, 2),
        D(2026, 2, 26),
        D(2025, 2, 20),
        D(2021, 12, 30),
        D(2024, 2, 22),
        D(2023, 2, 21),
    ]


def test_trs_gbk_page_with_createpagehtml_and_month_day_dates():
    page = parse("/xxgk/cwzc/index.html")
    assert page.encoding == "gb18030"
    assert page.entries[0].title == "关于印发《喆园专项资金管理办法》的通知"  # 喆 is outside GB2312
    assert page.entries[0].date == D(2026, 9, 8)  # [09-08] + year from ./202609/t20260908_…
    assert page.entries[2].date == D(2025, 11, 20)
    assert page.page_count == 3
    assert set(page.next_pages) == {BASE + "/xxgk/cwzc/index_1.html", BASE + "/xxgk/cwzc/index_2.html"}


def test_dedecms_pagelist_and_labelled_dates():
    page = parse("/a/zbgg/list_12_1.html")
    assert [e.date for e in page.entries] == [D(2026, 2, 10), D(2026, 1, 20), D(2025, 12, 5)]
    assert page.next_pages == (BASE + "/a/zbgg/list_12_2.html",)


def test_asp_table_list_with_page_query_and_bracket_dates():
    page = parse("/news.asp?classid=5")
    assert [e.title for e in page.entries][:2] == ["2026年下半年公开招聘工作人员公告", "关于张某某同志任职的任前公示"]
    assert page.entries[0].date == D(2026, 10, 15)
    assert page.next_pages == (BASE + "/news.asp?classid=5&page=2",)
    assert page.page_count == 2  # not fooled by the dates' slashes


def test_table_of_pdf_attachments_with_dates():
    page = parse("/xxgk/ysjs/index.htm")
    assert [(e.title, e.url.rsplit("/", 1)[1], e.date) for e in page.entries] == [
        ("2026年部门预算公开", "2026bmys.pdf", D(2026, 3, 25)),
        ("2025年部门决算公开", "2025bmjs.pdf", D(2026, 7, 20)),
        ("2025年部门预算公开", "2025bmys.pdf", D(2025, 3, 26)),
        ("2024年部门决算公开", "2024bmjs.pdf", D(2025, 7, 22)),
    ]


def test_a_list_without_written_dates_dates_its_entries_by_their_addresses():
    """No date beside the entries: each is dated by the date its address carries (/xxgk/jyqk/2026/0701/601.htm)."""
    page = parse("/xxgk/jyqk/list.htm")
    assert [e.date for e in page.entries] == [dt.date(2026, 7, 1), dt.date(2025, 7, 2), dt.date(2024, 7, 5)]
    assert not page.blank


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/xxgk/xswyh.htm", "分页显示共 0 条"),
        ("/xxgk/jdh/list.htm", "页面显示“暂无内容”"),
    ],
)
def test_blank_columns_are_recognised_with_a_reason(path, reason):
    page = parse(path)
    assert page.blank and not page.entries
    assert page.reason == reason


def test_blank_column_is_not_fooled_by_navigation_links():
    # the 共0条 page carries a sidebar of sibling columns and a nav bar: none of them are entries
    page = parse("/xxgk/xswyh.htm")
    assert page.entries == ()


_COUNTER = "var chnlid = '391131';\n$.ajax({\n  url: 'https://www.x.gov.cn/hits/index/setHits',\n  type: 'POST',\n})"


@pytest.mark.parametrize(
    ("script", "loaded"),
    [
        (_COUNTER, False),  # a 政府网 page's hit counter (a real page's script)
        ("$.get('/system/resource/click.jsp?id=12', function (n) { $('#hits').text(n); });", False),
        ("$.ajax({url: '/api/list?page=1', success: function (d) { $('#list').html(d); }});", True),
        ("$.getJSON('/news/list.json', function (rows) { rows.forEach(function (r) {}); });", True),
        ("var x = new XMLHttpRequest(); x.open('GET', '/list.jsp'); if (x.status == 200) {}", True),
        # a static site's header and footer included by jQuery; a list loaded the same way is a list
        ("$('#header').load('/inc/header.html'); $('#footer').load(\"../common/footer.htm\");", False),
        ("$('#list').load('/xxgk/sfxm/list_1.html');", True),
        # 21 calls: more than a page's counters make, read as an application's
        (_COUNTER * 21, True),
    ],
)
def test_a_blank_column_counting_its_visits_by_ajax_is_blank_not_script_loaded(script, loaded):
    # a page's $.ajax to its hit counter made every blank column of the site read "列表由脚本加载" (unknown), never
    # 空白栏目; a call asking a list's address still does
    html = (
        "<html><head><title>收费项目-测试学院</title></head><body><div class='main'><h2>收费项目</h2><ul></ul></div>"
        f"<script>{script}</script></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/sfxm.htm")
    assert (page.blank, page.script_loaded) == (not loaded, loaded), page.reason


def test_soft_404_statement_and_script_loaded_lists():
    assert parse("/xxgk/lxs/list.htm").soft_404
    statement = parse("/xxgk/xbqy/list.htm")
    assert statement.statement == "本校无校办企业" and not statement.blank
    js = parse("/col/col16/index.html")
    assert js.script_loaded and not js.blank and js.reason.startswith("列表由脚本加载（数据地址")
    # the list is asked from where the page's $.ajax asks it, with the data it sends (scriptsource)
    assert js.next_pages == (
        BASE + "/module/jpage/dataproxy.jsp?startrecord=1&endrecord=15&perpage=15&col=1&webid=1&columnid=16",
    )


def test_decode_html_prefers_bom_then_header_then_meta():
    text = "<meta charset='gbk'><p>堃</p>"
    assert decode_html(text.encode("gbk"))[1] == "gb18030"
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8"))[1] == "utf-8"
    assert decode_html(text.encode("utf-8"), {"content-type": "text/html; charset=utf-8"})[1] == "utf-8"
    # labelled UTF-8 by the server but GBK bytes: still correct Chinese
    decoded, enc = decode_html("<p>信息公开堃</p>".encode("gbk"), {"content-type": "text/html; charset=utf-8"})
    assert "信息公开堃" in decoded and enc == "gb18030"


def test_parse_article_reads_labelled_date_not_the_clock_widget():
    body = read("/xxgk/jyqk/2026/0701/601.htm")
    article = parse_article(body, BASE + "/xxgk/jyqk/2026/0701/601.htm")
    assert article.published == D(2026, 7, 1)
    assert article.date_source == "label:发布时间"
    assert article.title == "2026届毕业生就业率及就业流向统计"


GBK_TEXT = "<p>信息公开堃喆</p>"


@pytest.mark.parametrize(
    ("body", "headers", "encoding"),
    [
        # BOM beats everything, as in browsers
        (
            b"\xef\xbb\xbf<meta charset='gbk'>" + GBK_TEXT.encode("utf-8"),
            {"content-type": "text/html; charset=gbk"},
            "utf-8",
        ),
        # the HTTP header beats <meta>
        (b"<meta charset='utf-8'>" + GBK_TEXT.encode("gbk"), {"content-type": "text/html; charset=gbk"}, "gb18030"),
        # <meta http-equiv> when the header has no charset; gb2312 read as GB18030 (堃喆 are outside GB2312)
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + GBK_TEXT.encode("gbk"),
            {"content-type": "text/html"},
            "gb18030",
        ),
        # a header that lies (UTF-8 label, GBK bytes) is overruled by the bytes
        (GBK_TEXT.encode("gbk"), {"content-type": "text/html; charset=utf-8"}, "gb18030"),
        # a <meta> that lies (GBK label, UTF-8 bytes)
        (b"<meta charset='gbk'>" + GBK_TEXT.encode("utf-8"), None, "utf-8"),
        # no declaration at all
        (GBK_TEXT.encode("gbk"), None, "gb18030"),
        (GBK_TEXT.encode("utf-8"), None, "utf-8"),
        # an unknown label in the header falls through to <meta>
        (
            b"<meta charset='gb18030'>" + GBK_TEXT.encode("gb18030"),
            {"content-type": "text/html; charset=x-unknown"},
            "gb18030",
        ),
    ],
)
def test_decode_html_conflicts_resolve_like_browsers(body, headers, encoding):
    text, used = decode_html(body, headers)
    assert used == encoding
    assert "信息公开堃喆" in text


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ('<div class="date"><span>05</span><p>2024-01</p></div>', D(2024, 1, 5)),  # split day / year-month block
        ('<div class="time">2024-01-05</div>', D(2024, 1, 5)),
    ],
)
def test_parse_article_reads_a_date_block_above_the_title(block, expected):
    # templates that show the date as a block above the title, a sidebar of other dated notices beside, and a body
    # that names other days (1月20日): htmldate read 2024-05-20 from the split block
    page = (
        '<html><head><title>关于寒假安排的通知</title></head><body><div class="side"><ul>'
        '<li><a href="/info/1.htm">关于开展培训的通知</a><span>2023-12-20</span></li></ul></div>'
        f'<div class="article">{block}<h2 class="title">关于寒假安排的通知</h2>'
        '<div class="con"><p>寒假自1月20日开始，2月26日开学。</p></div></div></body></html>'
    )
    article = parse_article(page.encode(), BASE + "/info/1011/1234.htm")
    assert (article.published, article.date_source) == (expected, "near-title")


def test_parse_article_reads_a_date_block_on_the_info_line_below_the_title():
    # a theme's info line shows the date in parts (day, then year-month), beside its source and hits: the rules
    # found no date in "23 2026-09 来源：…", and htmldate completed the bare 2026-09 with the day it was run
    # (dateutil's default): a wrong date
    page = (
        "<html><head><title>关于做好秋季学期工作的通知</title></head><body><h1>关于做好秋季学期工作的通知</h1>"
        '<div class="info"><div class="date"><span>23</span><span>2026-09</span></div><span>来源：教务处</span>'
        "<span>阅读：123</span></div><p>各单位：现将秋季学期有关工作通知如下，请认真组织落实。</p></body></html>"
    )
    article = parse_article(page.encode(), BASE + "/info/1011/1234.htm")
    assert (article.published, article.date_source) == (D(2026, 9, 23), "near-title")


def test_a_wechat_article_linked_from_a_news_list_is_dated_by_its_creation_time():
    # colleges' news lists link official-account articles; their text shows no date (a script fills
    # <em id="publish_time">), their script carries the creation time: 1695456000 is 2023-09-23 16:00 in China
    # (08:00 UTC); 1695484800 (00:00 on 24 September in China) is still 23 September in UTC
    for stamp, day in (("1695456000", D(2023, 9, 23)), ("1695484800", D(2023, 9, 24))):
        page = (
            '<html><head><meta property="og:title" content="我校举行2023级新生开学典礼"></head><body>'
            '<div id="js_article" class="rich_media"><h1 class="rich_media_title" id="activity-name">'
            "我校举行2023级新生开学典礼</h1><div id='meta_content' class='rich_media_meta_list'>"
            "<span class='rich_media_meta rich_media_meta_nickname'><a id='js_name'>某某学院</a></span>"
            "<em id='publish_time' class='rich_media_meta rich_media_meta_text'></em></div>"
            "<div class='rich_media_content' id='js_content'><p>9月22日上午，我校在体育馆隆重举行开学典礼。</p></div></div>"
            f'<script>var nickname = "某某学院"; var ct = "{stamp}"; var user_name = "gh_1234";</script></body></html>'
        )
        article = parse_article(page.encode(), "https://mp.weixin.qq.com/s/AbCdEf")
        assert (article.published, article.date_source) == (day, "wechat")
    # another page's var ct is not a publication time
    other = "<html><body><h1>通知</h1><p>内容</p><script>var ct = '1695456000';</script></body></html>"
    assert parse_article(other.encode(), BASE + "/info/1.htm").date_source != "wechat"


def test_a_month_the_fallback_completes_with_todays_day_is_no_date():
    # a page whose only date-like text is a month (an archive's 2026-09): htmldate, through dateutil, completed it
    # with the day of the month it was run; a day the page never writes is not its date
    page = (
        "<html><head><title>关于做好秋季学期工作的通知</title></head><body><h1>关于做好秋季学期工作的通知</h1>"
        "<p>各单位：现将秋季学期有关工作通知如下，请认真组织落实。</p><div class='archive'><p>2026-09</p></div>"
        "</body></html>"
    )
    assert parse_article(page.encode(), BASE + "/info/1011/1234.htm").published is None


def test_list_drawn_from_data_in_the_pages_own_script_is_read_not_blank():
    # newer templates draw the list from data in an inline script (var list = [{…}]): nothing to read in the HTML,
    # but the data holds dated records, read as the entries (they were unknown); a page with only a clock script
    # stays blank
    data = ",".join(
        f'{{"title":"学院关于第{i}项工作安排的通知","url":"/info/{i}.htm","date":"2026-09-{10 + i}"}}' for i in range(8)
    )
    drawn = (
        '<html><head><title>通知公告</title></head><body><ul class="list"></ul>'
        f"<script>var list=[{data}];list.forEach(function(x){{render(x)}});</script></body></html>"
    )
    page = parse_list(drawn.encode(), BASE + "/tzgg/")
    assert len(page.entries) == 8 and not page.blank and page.entries[0].date == D(2026, 9, 10)
    undrawn = drawn.replace("var list=", "var list=0;var listData=").replace('"url"', '"id"')  # no address: unread
    page = parse_list(undrawn.encode(), BASE + "/tzgg/")
    assert page.script_loaded and not page.blank and "8 个日期" in page.reason
    clock = (
        "<html><head><title>通知公告</title><script>var d=new Date();document.write(d.getFullYear())</script>"
        "</head><body><div>本栏目</div></body></html>"
    )
    assert parse_list(clock.encode(), BASE + "/tzgg/").blank


def test_dates_in_a_lists_link_text_edge_is_the_date_inside_the_sentence_is_the_title():
    rows = (
        '<li><a href="/info/1.htm">关于2023年5月6日停电检修的通知</a><span>2023-05-04</span></li>'
        '<li><a href="/info/2.htm">学院召开信息公开工作会议 2023-04-28</a></li>'
        '<li><a href="/info/3.htm">[2023-04-20]学院召开学位评定委员会会议</a></li>'
        # a meeting's day opening its minutes' title, dated the day after: the title's own words
        '<li><a href="/info/4.htm">2023年4月15日校长办公会议纪要</a><span>2023-04-16</span></li>'
        # the entry's own date written again before the title: its date column
        '<li><a href="/info/5.htm">2023-04-10 学院召开教学工作会议</a><span>2023-04-10</span></li>'
    )
    page = parse_list(f'<html><body><ul class="list">{rows}</ul></body></html>'.encode(), BASE + "/tzgg/index.htm")
    assert [(e.title, e.date) for e in page.entries] == [
        ("关于2023年5月6日停电检修的通知", D(2023, 5, 4)),
        ("学院召开信息公开工作会议", D(2023, 4, 28)),
        ("学院召开学位评定委员会会议", D(2023, 4, 20)),
        ("2023年4月15日校长办公会议纪要", D(2023, 4, 16)),
        ("学院召开教学工作会议", D(2023, 4, 10)),
    ]


@pytest.mark.parametrize(
    "row",
    [
        '<b><a href="/show.asp?id={i}">{t}</a></b> ({d})<br>',
        '<strong><a href="/show.asp?id={i}">{t}</a></strong><br>发布时间：{d}<br>',
        '<font color="#003399"><b><a href="/show.asp?id={i}">{t}</a></b></font>&nbsp;&nbsp;{d}<br>',
        '<em><a href="/show.asp?id={i}">{t}</a></em> [{d}]<br>',
    ],
)
def test_a_bare_list_whose_titles_are_bold_or_in_a_font_is_read_whole(row):
    """An old template's list written without item elements, each title's link in <b>, <strong> or <font>, its date
    after it: every entry, dated. Before, only the first was read (each wrapper taken for a list of one link)."""
    rows = "".join(row.format(i=i, t=f"学院关于第{i}项工作安排的通知", d=f"2023-05-{10 - i:02d}") for i in range(6))
    html = (
        "<html><head><title>通知公告-测试学院</title></head><body><div class='nav'><a href='/'>首页</a> "
        "<a href='/xxgk/'>信息公开</a></div><div class='main'><h2>通知公告</h2>"
        f"<div class='list'>{rows}</div></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/list.asp")
    assert [(e.url, e.date) for e in page.entries] == [
        (f"{BASE}/show.asp?id={i}", D(2023, 5, 10 - i)) for i in range(6)
    ]
    # links in bold within a sentence (a 学校简介's paragraph naming its research groups) are no list of entries
    name = '<strong><a href="/info/1012/{1}.htm">{0}教授课题组</a></strong>'
    prose = "，".join(
        f"{name.format(n, 300 + i)}主持国家级课题" for i, n in enumerate(("张明", "李华", "王强", "赵磊"))
    )
    prose = f"<p>{prose}。" + "学校现有教职工八百余人，其中正高级职称一百二十人，副高级职称二百六十人。" * 4 + "</p>"
    html = html.replace("通知公告", "学校简介").replace(f"<div class='list'>{rows}</div>", prose)
    assert parse_list(html.encode(), BASE + "/xxjj.htm").entries == ()


def test_control_characters_between_bare_links_do_not_break_the_reader():
    # found by fuzzing the new list forms: lxml reads C0 controls in a page but refuses to store them in a new node
    links = "".join(
        f'[2023-05-0{i + 1}]\x01 <a href="/show.php?id={i}">学院关于第{i}项工作安排的通知</a>\x02<br>' for i in range(4)
    )
    page = parse_list(f"<html><body><div>\x03{links}</div></body></html>".encode(), BASE + "/list.php")
    assert [e.date for e in page.entries] == [D(2023, 5, i + 1) for i in range(4)]
    assert all("\x01" not in e.title and "\x02" not in e.title for e in page.entries)


def test_an_absurd_stated_page_count_generates_a_bounded_number_of_pages():
    # found by the property test once it mixed the new list forms in: a TRS pager stating 99,999,999,999 pages made
    # parse_list generate that many addresses (it never returned); the count is still reported, the pages are bounded
    rows = "".join(
        f'<li><a href="./t2026090{i}_{i}.html">通知标题第{i}号关于工作安排</a><span>2026-09-0{i}</span></li>'
        for i in range(1, 6)
    )
    script = "<script>var countPage = 99999999999//共多少页\ncreatePageHTML(countPage, 0, 'index', 'html');</script>"
    page = parse_list(
        f'<html><body><ul class="list">{rows}</ul>{script}</body></html>'.encode(), BASE + "/tzgg/index.html"
    )
    assert page.page_count == 99999999999
    assert len(page.entries) == 5 and 100 < len(page.next_pages) <= 10_000


def _notice(body: str, head_title: str = "关于2024年清明节放假的通知") -> bytes:
    sidebar = (
        '<div class="side"><ul><li><a href="/info/1.htm">关于开展培训的通知</a><span>2024-03-20</span></li>'
        '<li><a href="/info/2.htm">关于评优的通知</a><span>2024-03-12</span></li></ul></div>'
    )
    return (
        f'<html><head><title>{head_title}-某某大学</title></head><body>{sidebar}<div class="art">{body}</div>'
        '<div class="footer">版权所有 2008-2026 某某大学</div></body></html>'
    ).encode()


@pytest.mark.parametrize("signed", ["2024年4月1日", "2024年04月01日", "二〇二四年四月一日"])
def test_a_notice_with_no_info_line_is_dated_by_its_signature(signed):
    # no 发布时间 line: the notice ends with the office and the date it was signed (落款); htmldate read the
    # sidebar's 2024-03-12 instead (a wrong date), and a date in Chinese numerals was not read at all
    body = "根据国务院办公厅通知精神，结合我校实际，现将清明节放假安排通知如下。" * 8
    page = _notice(
        f'<h2>关于2024年清明节放假的通知</h2><div class="content"><p>各单位：</p><p>{body}</p>'
        f'<p style="text-align:right">校长办公室</p><p style="text-align:right">{signed}</p></div>'
    )
    article = parse_article(page, BASE + "/show.asp?id=12")
    assert (article.published, article.date_source) == (D(2024, 4, 1), "signature")


def test_several_standalone_dates_are_not_a_signature():
    # a body that lists dates in paragraphs of their own (a schedule) has no one signature date: none is taken
    rows = "".join(f"<p>第{i}场</p><p>2024年5月{i}日</p>" for i in range(10, 13))
    page = _notice(f'<h2>关于2024年清明节放假的通知</h2><div class="content"><p>日程如下：</p>{rows}</div>')
    assert parse_article(page, BASE + "/show.asp?id=12").date_source != "signature"


@pytest.mark.parametrize(
    "signature",
    [
        '<p style="text-align:right">校长办公室<br>2024年4月1日</p>',
        '<p align="right">校长办公室&nbsp;&nbsp;<br/>&nbsp;二○二四年四月一日&nbsp;</p>',
        '<p align="right">党委办公室<br>校长办公室<br><span>2024</span>年<span>4</span>月<span>1</span>日</p>',
        "<div>附件：<a href='/a.doc'>报名表</a><br><br>校长办公室<br>2024年4月1日<br></div>",
    ],
    ids=["br", "br-padded-han-zero", "two-offices", "lines-with-a-link"],
)
def test_a_signature_on_the_last_line_of_a_paragraph_dates_the_notice(signature):
    # the editor's Enter kept one paragraph: the office and its date on two lines of it (<br>); the rule read only a
    # paragraph whose whole text is a date, and such a notice was undated
    body = "根据国务院办公厅通知精神，结合我校实际，现将清明节放假安排通知如下。" * 8
    page = _notice(f'<h2>关于2024年清明节放假的通知</h2><div class="content"><p>{body}</p>{signature}</div>')
    article = parse_article(page, BASE + "/show.asp?id=12")
    assert (article.published, article.date_source) == (D(2024, 4, 1), "signature")


@pytest.mark.parametrize(
    "lines",
    [
        "<p>一、会议时间<br>2024年4月8日</p>",
        "<p>报名截止<br>2024年4月8日</p>",
        "<p>第一批<br>2024年4月8日<br>第二批<br>2024年4月15日</p>",
        "<p>校长办公室<br><a href='/info/9.htm'>2024年4月8日</a></p>",
        "<p>一、会议时间</p><p>2024年4月8日</p>",
    ],
    ids=["labelled-event", "deadline", "schedule", "a-link", "labelled-event-blocks"],
)
def test_a_date_on_its_own_line_that_is_not_signed_dates_nothing(lines):
    # a date under its label (会议时间, 截止) is an event's; two dated lines are a schedule; a link's date is another
    # document's: none of them is the notice's signature, and the notice has no other date
    body = "根据国务院办公厅通知精神，结合我校实际，现将清明节放假安排通知如下。" * 8
    page = _notice(f'<h2>关于2024年清明节放假的通知</h2><div class="content"><p>{body}</p>{lines}</div>')
    assert parse_article(page, BASE + "/show.asp?id=12").published is None


def test_an_event_date_is_not_the_publication_date():
    # 定于…举行 names the day of the event, 至 the start of a period, 前 a deadline, 〔2023〕215号 a cited document:
    # none is the day of publishing
    for sentence in (
        "经研究，定于2024年5月20日 8:00在田径场举行第十届运动会开幕式。",
        "2024年6月1日至6月30日开展教职工体检，请各单位安排。",
        "请各学院于2024年5月10日前报送名单。",
        # the date of a document the text cites, after its number: not the page's
        "经省物价局批准（闽价费〔2023〕215号，2023年8月1日），现将我校学费标准公布如下。",
        "根据《关于调整收费标准的通知》[2023]16号 2023年8月1日，现公布如下。",
    ):
        page = _notice(
            f'<h2>关于举办第十届运动会的通知</h2><div class="content"><p>{sentence}</p></div>',
            "关于举办第十届运动会的通知",
        )
        article = parse_article(page, BASE + "/show.asp?id=12")
        assert article.date_source not in ("near-title", "dateline", "timed"), (sentence, article)


@pytest.mark.parametrize(
    "rows",
    [
        [("索引号", "001/2024-00012"), ("生成日期", "2024-03-05"), ("公开方式", "主动公开")],
        [("索引号", "001/2024-00012"), ("废止日期", "2026-03-04"), ("生成日期", "2024-03-05")],
        [("形成日期", "2024-03-05"), ("实施日期", "2024-04-01"), ("发布机构", "党政办公室")],
    ],
)
def test_a_catalogue_record_is_dated_by_its_record_date_not_by_the_rule_s_force(rows):
    # a 政务公开 catalogue record's meta table, above the title as those templates put it: its day is 生成日期 (or
    # 形成日期); a rule's 废止日期 or 实施日期 beside it is when the rule stops or starts, not when it was put out,
    # and a 数据生成日期 is when the page was drawn.
    # 生成日期 was no label (the record read undated) and a 废止日期 first was taken as the page's date
    cells = "".join(f"<tr><td>{label}：</td><td>{value}</td></tr>" for label, value in rows)
    cells += "<tr><td>数据生成日期：</td><td>2026-11-30</td></tr>"  # when a report was drawn (today): no label
    page = _notice(
        f'<table class="xxgk_table">{cells}</table><h2>关于2024年清明节放假的通知</h2>'
        '<div class="content"><p>各单位：现将清明节放假安排通知如下，请于2024年3月20日前报送值班表。</p></div>'
    )
    assert parse_article(page, BASE + "/xxgk/info/1021/4567.htm").published == D(2024, 3, 5)


def test_an_info_line_inside_the_title_element_is_not_the_title():
    # PHPCMS's default article template writes the date and source inside the <h1>, after a <br />
    page = _notice(
        "<h1>学校举行运动会<br /><span>2024-05-06 10:00:00&nbsp;&nbsp;来源：体育部&nbsp;&nbsp;点击：</span></h1>"
        '<div class="content">本届运动会于5月3日开幕。</div>',
        "学校举行运动会",
    )
    article = parse_article(page, BASE + "/index.php?m=content&c=index&a=show&catid=6&id=12")
    assert (article.title, article.published, article.date_source) == ("学校举行运动会", D(2024, 5, 6), "near-title")
    # a date inside the title's sentence stays in the title
    page = _notice(
        "<h1>关于<span>2024年5月6日</span>停电的通知</h1><div>发布时间：2024-05-01</div>", "关于2024年5月6日停电的通知"
    )
    assert parse_article(page, BASE + "/a.htm").title == "关于2024年5月6日停电的通知"


def test_the_title_is_the_heading_the_page_title_names():
    # the first heading is often not the title: the site's logo in an <h1>, 推荐阅读 above a sidebar; the article's
    # own <header> (title, date, share buttons) is not the site's masthead and is read, its date included
    page = (
        "<html><head><title>关于开展安全检查的通知 - 某某大学保卫处</title></head><body>"
        '<header class="site"><h1><a href="/">某某大学保卫处</a></h1><nav><a href="/">首页</a><a href="/a">通知</a>'
        '</nav></header><div class="side"><h2 class="title">推荐阅读</h2><ul><li><a href="/1.htm">关于评优的通知'
        "</a><span>2024-03-12</span></li></ul></div><article><header><h2>关于开展安全检查的通知</h2>"
        '<span class="t">2024-05-06 10:30</span><ul class="share"><li><a href="#"></a></li><li><a href="#"></a>'
        "</li></ul></header><p>各单位：为做好安全工作，现通知如下。</p></article>"
        '<footer class="site">版权所有 2008-2026</footer></body></html>'
    ).encode()
    article = parse_article(page, BASE + "/show.asp?id=12")
    assert (article.title, article.published, article.date_source) == (
        "关于开展安全检查的通知",
        D(2024, 5, 6),
        "near-title",
    )


def test_a_heading_holding_only_the_site_name_is_not_the_title():
    # <title> is "标题 | 网站": a heading equal to the site's name is a small part of it and does not count
    page = (
        "<html><head><title>学校召开安全工作会议 | 某某大学新闻网</title></head><body>"
        '<div class="logo"><h1>某某大学新闻网</h1></div><div class="art"><div class="tit">学校召开安全工作会议</div>'
        '<div class="info">发布时间：2024-05-06</div><div class="con">正文。</div></div></body></html>'
    ).encode()
    article = parse_article(page, BASE + "/info/1011/1.htm")
    assert article.title == "学校召开安全工作会议"
    assert article.published == D(2024, 5, 6)


def _as_references(html: str) -> str:
    """``html`` with every character outside ASCII written as a character reference (&#20851;), as older Java
    templates escape their pages' text."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in html)


def test_a_title_block_written_in_character_references_is_the_title():
    # the title block <title> names (no heading): found though the page's source writes its characters as
    # references, not before the sidebar's heading (推荐阅读)
    page = _as_references(
        "<html><head><title>学校召开安全工作会议 - 某某大学</title></head><body><div class='side'><h2>推荐阅读</h2>"
        "<ul><li><a href='/1.htm'>关于评优的通知</a><span>2024-03-12</span></li></ul></div><div class='art'>"
        "<div class='c1'>学校召开安全工作会议</div><div class='info'>发布时间：2024-05-06</div>"
        "<div class='con'>正文。</div></div></body></html>"
    )
    article = parse_article(page.encode("ascii"), BASE + "/info/1011/1.htm")
    assert (article.title, article.published) == ("学校召开安全工作会议", D(2024, 5, 6))


@pytest.mark.parametrize("space", ["&nbsp;", "\u3000", "&nbsp;&nbsp;", " &nbsp;"])
def test_a_title_block_spacing_its_words_otherwise_than_the_page_title_is_the_title(space):
    # <title> writes the headline's space as a space, its title block (no heading) as an editor's &nbsp; or an
    # ideographic space: still the title, not the sidebar's box title before it
    page = (
        "<html><head><title>著名戏曲导演沈斌去世 享年74岁</title></head><body><div class='side'>"
        "<div class='box-title'><a href='/c/1.htm'>冬奥看点 谷爱凌再度出战</a></div></div><div class='art'>"
        f"<div class='tit2'>著名戏曲导演沈斌去世{space}享年74岁</div><div class='info'>2022-02-14 10:21</div>"
        "<div class='con'>正文。</div></div></body></html>"
    )
    article = parse_article(page.encode(), BASE + "/info/1011/1.htm")
    assert (article.title, article.published) == ("著名戏曲导演沈斌去世 享年74岁", D(2022, 2, 14))


def test_the_masthead_is_not_the_title_where_the_page_title_names_only_the_site():
    # <title> and <h1 class="logo"> both say 某某大学信息公开网: that heading is the masthead; the h2 is the title
    page = (
        "<html><head><title>某某大学信息公开网</title></head><body><h1 class='logo'>某某大学信息公开网</h1>"
        "<div class='location'>当前位置：首页 > 招生考试信息 > 正文</div><h2 class='tit'>关于公布2026年本科招生章程的通知</h2>"
        "<div class='info'>发布时间：2026-06-01</div><div class='con'><p>各省招生考试机构：现公布我校招生章程。</p></div>"
        "</body></html>"
    ).encode()
    article = parse_article(page, BASE + "/info/1011/1.htm")
    assert (article.title, article.published) == ("关于公布2026年本科招生章程的通知", D(2026, 6, 1))


def test_a_meta_tables_named_title_titles_a_page_without_a_heading():
    # 政务公开 pages: <title> names the site, the title sits in the meta table beside 名称：; a list's header cell
    # 标题 (no colon) beside 发布日期 is no label
    meta = (
        "<table class='xxgk'><tr><td>索引号：</td><td>455800361/2026-00012</td><td>发布机构：</td><td>教务处</td></tr>"
        "<tr><td>名 称：</td><td colspan='3'>关于公布2026年本科招生章程的通知</td></tr>"
        "<tr><td>生成日期：</td><td>2026-06-01</td></tr></table>"
    )
    body = "<div class='con'><p>各省招生考试机构：现公布我校招生章程。</p></div>"
    page = f"<html><head><title>信息公开网</title></head><body>{meta}{body}</body></html>"
    assert parse_article(page.encode(), BASE + "/info/1011/1.htm").title == "关于公布2026年本科招生章程的通知"
    header = "<table><tr><th>标题</th><th>发布日期</th></tr><tr><td>标题</td><td>发布日期</td></tr></table>"
    page = f"<html><head><title>预算决算-测试学院</title></head><body>{header}{body}</body></html>"
    assert parse_article(page.encode(), BASE + "/info/1011/2.htm").title != "发布日期"


def test_a_citations_access_date_is_not_the_publication_date():
    # encyclopedia and report pages cite sources with the day they were read (引用日期, 检索日期): not the page's date
    refs = "".join(f"<li>{i}. 某报道 ．新浪 [引用日期2014-05-{10 + i}]</li>" for i in range(3))
    page = _notice(
        f'<h1>蔡健雅</h1><div class="para">歌手。</div><div class="ref"><h3>参考资料</h3><ol>{refs}</ol></div>',
        "蔡健雅",
    )
    assert parse_article(page, BASE + "/item/1.htm").date_source not in ("label:日期", "dateline")


def test_list_titles_from_info_blocks_and_cards():
    # 动易 writes an info block into each link's title attribute (文章标题：…&#13;&#10;作    者：…): the title is its
    # first line without the label, not the whole block; a card whose link wraps a heading, a summary and a date is
    # titled by the heading, not heading + summary
    info = "".join(
        f'<tr><td><a href="/Article/ShowArticle.asp?ArticleID={i}" title="文章标题：关于第{i}项工作安排的通知&#13;&#10;'
        f'作    者：办公室&#13;&#10;更新时间：2024-5-{20 - i} 10:00:00">关于第{i}项工作安排…</a></td><td>(05-{20 - i})</td></tr>'
        for i in range(5)
    )
    cards = "".join(
        f'<a class="item" href="/info/1011/{900 + i}.htm"><h4>关于第{i}项工作的通知</h4>'
        f"<p>为做好第{i}项工作，现将有关事项通知如下，请各单位认真落实。</p><span>2024-05-{20 - i:02d}</span></a>"
        for i in range(5)
    )
    for body in (f"<table>{info}</table>", f'<div class="list">{cards}</div>'):
        page = f"<html><head><title>通知公告</title></head><body>{body}</body></html>".encode()
        entries = parse_list(page, BASE + "/tzgg.htm").entries
        assert [e.title for e in entries][:2] in (
            ["关于第0项工作安排的通知", "关于第1项工作安排的通知"],
            ["关于第0项工作的通知", "关于第1项工作的通知"],
        )
        assert [e.date for e in entries][:2] == [D(2024, 5, 20), D(2024, 5, 19)]


def test_a_cards_date_is_its_own_line_not_a_date_its_summary_names():
    # news cards: a heading, a summary that names days of its own (自2027年1月1日起施行), then the card's own line
    # (发布时间：2024-05-20 10:21:33 浏览次数：…, or a short line with the date among other words); the entry is dated by
    # that line, never by the summary (its first day, one to come or one long past, was taken for the entry's)
    summary = "根据有关规定，本办法自2027年1月1日起施行，请各单位于2026年12月{}日前报送材料，逾期不予受理。"
    lines = ("发布时间：2024-05-{:02d} 10:21:33　浏览次数：12", "党委办公室　2024-05-{:02d}　阅读 12 次")
    for line in lines:
        cards = "".join(
            f'<div class="news-item"><h3><a href="/info/1011/{900 + i}.htm">关于第{i}项工作的通知</a></h3>'
            f'<p class="summary">{summary.format(10 + i)}</p><p class="meta">{line.format(20 - i)}</p></div>'
            for i in range(5)
        )
        page = f"<html><head><title>通知公告</title></head><body><div class='list'>{cards}</div></body></html>"
        entries = parse_list(page.encode(), BASE + "/tzgg.htm").entries
        assert [e.date for e in entries] == [D(2024, 5, 20 - i) for i in range(5)], line


@pytest.mark.parametrize("date_row", ["发布日期：2024-05-{:02d}", "[2024-05-{:02d}]"])
def test_an_entry_given_two_rows_is_dated_by_its_second(date_row):
    # an old ASP table: each entry a row with its title, then a row with its date alone (发布日期：…): the entries
    # were undated, so every one of their pages had to be fetched to date them, and an undated page read stale.
    # A table putting each date row first is read the other way round: no title takes the next entry's date
    title = "<tr><td><img src='/images/dot.gif'><a href='show.asp?id={i}'>关于第{i}项工作安排的通知</a></td></tr>"
    date = "<tr><td align='right'>{d}</td></tr>"
    for first in (False, True):
        rows = "".join(
            (date + title if first else title + date).format(i=i, d=date_row.format(20 - i)) for i in range(5)
        )
        page = f"<html><head><title>通知公告</title></head><body><table>{rows}</table></body></html>"
        entries = parse_list(page.encode(), BASE + "/xxgk/list.asp").entries
        expected = [(f"{BASE}/xxgk/show.asp?id={i}", D(2024, 5, 20 - i)) for i in range(5)]
        assert [(e.url, e.date) for e in entries] == expected, first


def test_a_table_of_two_entries_a_row_is_read_with_each_entrys_date():
    # older templates lay a column out two entries a row (标题 | 日期 | 标题 | 日期): it read as unknown (10 dates, no
    # entries), now as its 10 entries, each dated by the cell after its title
    rows = "".join(
        f'<tr><td><a href="/news/2024/05{20 - 2 * i:02d}/{700 + 2 * i}.html">通知第{2 * i}号关于工作安排</a></td>'
        f'<td>2024-05-{20 - 2 * i:02d}</td><td><a href="/news/2024/05{19 - 2 * i:02d}/{701 + 2 * i}.html">'
        f"通知第{2 * i + 1}号关于工作安排</a></td><td>2024-05-{19 - 2 * i:02d}</td></tr>"
        for i in range(5)
    )
    page = f'<html><head><title>通知公告</title></head><body><table class="list">{rows}</table></body></html>'
    entries = parse_list(page.encode(), BASE + "/news/list.html").entries
    assert len(entries) == 10
    assert [e.date for e in entries] == [D(2024, 5, 20 - k) for k in range(10)]


def test_a_page_with_no_date_of_its_own_is_not_dated_by_its_sidebar():
    # htmldate (the fallback) read the sidebar's newest notice, 2024-03-12, for a notice that states no date:
    # a date shown only beside links to other pages is theirs, so the page stays undated (a wrong date is worse)
    page = _notice('<h2>关于开展安全检查的通知</h2><div class="con"><p>各单位：为做好安全工作，现通知如下。</p></div>')
    article = parse_article(page, BASE + "/info/1011/1234.htm")
    assert (article.published, article.date_source) == (None, "")


def test_a_maintenance_notice_is_not_a_blank_column():
    # a site down for work answers 200 with a short notice: the column cannot be read, so it is unknown (retried next
    # run), never 空白栏目 sent to a department; an empty column page is still blank
    notice = (
        "<html><head><title>系统维护</title></head><body><div style='text-align:center'><img src='/wh.png'>"
        "<p>网站正在维护中，给您带来不便敬请谅解！</p><p>预计恢复时间：2026年9月30日 18:00</p></div></body></html>"
    )
    page = parse_list(notice.encode(), BASE + "/xxgk/tzgg.htm")
    assert (page.blank, page.script_loaded) == (False, True) and "维护" in page.reason
    empty = "<html><head><title>通知公告</title></head><body><a href='/'>首页</a><h2>通知公告</h2><p>暂无内容</p></body></html>"
    assert parse_list(empty.encode(), BASE + "/xxgk/tzgg.htm").blank


ERROR_PAGES_SERVED_200 = {  # what a college's server answers with HTTP 200 when it cannot show the column
    "rate-limited": ("访问受限", "<p>您的访问过于频繁，请稍后再试。</p>"),
    "address-refused": ("禁止访问", "<p>对不起，您的IP地址不在允许访问的范围内。</p>"),
    "nginx-403": ("403 Forbidden", "<center><h1>403 Forbidden</h1></center><hr><center>nginx</center>"),
    "firewall": (
        "网站防火墙",
        "<h1>网站防火墙</h1><p>您的请求带有不合法参数，已被网站管理员设置拦截！</p>"
        "<p>可能原因：您提交的内容包含危险的攻击请求</p>",
    ),
    "blocked": ("提示", "<h1>抱歉！您的访问被拦截</h1><p>您的请求疑似攻击行为，已被拦截</p>"),
    "gateway": ("502 Bad Gateway", "<h1>502 Bad Gateway</h1>"),
    "database": ("错误", "<p>数据库连接失败，请稍后再试</p>"),
    "tomcat": ("Error", "<h1>HTTP Status 500 – Internal Server Error</h1><p>java.lang.NullPointerException</p>"),
    "aspnet": ("运行时错误", "<h1>“/”应用程序中的服务器错误。</h1><h2>运行时错误</h2>"),
    "closed": ("网站暂时关闭", "<p>网站暂时关闭，给您带来不便敬请谅解</p>"),
}


@pytest.mark.parametrize("form", sorted(ERROR_PAGES_SERVED_200))
def test_an_error_page_served_with_200_is_not_a_blank_column(form):
    # as a maintenance notice: the public sees an error, not an empty column; the next run reads it again. Before,
    # each of these was 空白栏目 (and the firewall's page, long enough, the column's own content)
    title, shown = ERROR_PAGES_SERVED_200[form]
    page = parse_column_page(
        f"<html><head><title>{title}</title></head><body>{shown}</body></html>".encode(), BASE + "/xxgk/tzgg.htm"
    )
    assert (page.blank, page.script_loaded, page.entries) == (False, True, ()) and "暂时无法读取" in page.reason


GONE_COLUMN_PAGES = ["该栏目不存在或已被删除", "您要访问的栏目不存在", "没有找到该栏目", "频道不存在", "该频道已关闭"]
GONE_COLUMN_PAGES += [
    "分类不存在",
    "参数错误！",
    "非法参数",
    "抱歉，您访问的页面走丢了",
    "The page you requested was not found",
]


@pytest.mark.parametrize("said", GONE_COLUMN_PAGES)
def test_a_column_address_the_site_no_longer_has_is_a_soft_404_not_a_blank_column(said):
    # a deleted or moved column (or an old ASP page asked for an id it lacks) answers 200 with a line saying so, in
    # the site's chrome or bare: the column's address is broken (its config is out of date), not 空白栏目
    for chrome in (
        "",
        "<div class='nav'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a><a href='/xw/'>新闻中心</a></div>",
    ):
        page = f"<html><head><title>提示信息</title></head><body>{chrome}<p>{said}</p><p><a href='/'>返回首页</a></p></body></html>"
        read = parse_column_page(page.encode(), BASE + "/xxgk/tzgg.htm")
        assert (read.soft_404, read.blank) == (True, False), read.reason


def test_a_columns_own_words_about_columns_are_no_soft_404():
    # 没有该栏目的信息 says the column is empty (blank); a notice that 原栏目已关闭 is an article, not a missing page
    empty = "<html><head><title>通知公告-测试学院</title></head><body><h2>通知公告</h2><p>没有该栏目的信息</p></body></html>"
    assert parse_column_page(empty.encode(), BASE + "/xxgk/tzgg.htm").blank
    notice = (
        "<html><head><title>关于原“教学动态”栏目已关闭的通知-测试学院</title></head><body><h1>关于原“教学动态”栏目已关闭的通知</h1>"
        "<p>发布时间：2024-03-12</p><p>各单位：原“教学动态”栏目已关闭，相关信息请到新栏目发布。</p></body></html>"
    )
    assert not parse_article(notice.encode(), BASE + "/info/1012/1.htm").soft_404


SUB_COLUMNS = ["学校简介", "学校章程", "规章制度", "招生考试信息", "财务资产信息", "人事师资信息"]


# 博达's markup: the heading between the comments marking its editable component, in its title bar
_VSB_HEADING = '<div class=\'lm\'>\n<!--#begineditable name="栏目名称" viewid="191367"-->\n<h2>信息公开</h2>\n<!--#endeditable-->\n</div>'


@pytest.mark.parametrize("form", ["list", "icons", "vsb"])
def test_a_column_page_listing_only_its_sub_columns_is_unknown_naming_them_not_blank(form):
    # 信息公开's own page, configured as a column: under its heading the links to its sub-columns (a list, or a grid
    # of icons), no entry of its own. It was 空白栏目; its information is in the sub-columns, which the reason names
    links = [f"<a href='/xxgk/s{i}.htm'>{t}</a>" for i, t in enumerate(SUB_COLUMNS)]
    if form == "icons":
        links = [
            f"<a href='/xxgk/s{i}.htm'><img src='/images/i{i}.png'><p>{t}</p></a>" for i, t in enumerate(SUB_COLUMNS)
        ]
    shown = "".join(f"<li>{a}</li>" for a in links)
    heading = _VSB_HEADING if form == "vsb" else "<h2>信息公开</h2>"
    page = f"<html><head><title>信息公开-测试学院</title></head><body>{heading}<ul>{shown}</ul></body></html>"
    read = parse_column_page(page.encode(), BASE + "/xxgk/index.htm")
    assert (read.blank, read.script_loaded, read.entries) == (False, True, ())
    assert "6 个子栏目" in read.reason and "学校简介" in read.reason
    tabs = "".join(f"<a href='/xxgk/index.htm?year={y}'>{y}年</a>" for y in (2026, 2025, 2024, 2023))
    empty = f"<html><head><title>信息公开-测试学院</title></head><body><h2>信息公开</h2><div>{tabs}</div><ul></ul></body></html>"
    assert parse_column_page(empty.encode(), BASE + "/xxgk/index.htm").blank  # a year's tabs are no sub-columns


def test_a_single_page_column_telling_what_to_do_on_an_error_is_content_not_an_error_page():
    # the error words are read in a page's title or where its text opens, not in a sentence of a column's own text
    page = (
        "<html><head><title>网上办事指南-某某学院</title></head><body><div class='nav'><a href='/'>首页</a></div>"
        "<h2>网上办事指南</h2><div class='content'><p>学校网上办事大厅为师生提供一站式服务。</p>"
        "<p>如遇系统异常，请联系信息化建设办公室。</p></div></body></html>"
    )
    read = parse_column_page(page.encode(), BASE + "/xxgk/bszn.htm")
    assert (read.blank, read.script_loaded, len(read.entries)) == (False, False, 1), read.reason


@pytest.mark.parametrize("form", ["/s/Xk3mQ_ab-CdEfGhIjKlMnO", "/s?__biz=MzA4NjQ0&amp;mid=2650&amp;idx=1&amp;sn=ab"])
def test_a_column_listing_its_wechat_articles_undated_reads_them_as_entries(form):
    # a VSB column whose entries are the school's WeChat articles, no date beside them: not a menu of links
    rows = "".join(
        f"<li><a href='https://mp.weixin.qq.com{form}{i}'>关于开展第{i}期专题学习的通知</a></li>" for i in range(8)
    )
    page = f"<html><head><title>通知公告-测试学院</title></head><body><h2>通知公告</h2><ul>{rows}</ul></body></html>"
    read = parse_column_page(page.encode(), BASE + "/xxgk/tzgg.htm")
    assert len(read.entries) == 8 and not read.blank and all(e.date is None for e in read.entries)


def test_a_mastheads_logo_is_not_the_title_where_the_page_title_is_the_sites_name():
    # a CMS that titles every page with the site's name: the masthead's <h1>某某大学</h1> names it too, but it is the
    # logo, not the article's title (an article's own <header> sits in the article, or names itself so)
    page = (
        '<html><head><title>某某大学</title></head><body><header><h1>某某大学</h1></header><div class="nav">'
        '<a href="/">首页</a><a href="/a">通知</a><a href="/b">新闻</a><a href="/c">信息公开</a></div><div class="main">'
        '<h2>关于开展安全检查的通知</h2><div class="info">2024-05-06</div><p>各单位：为做好安全工作，现通知如下。</p>'
        "</div></body></html>"
    )
    article = parse_article(page.encode(), BASE + "/info/1011/1.htm")
    assert (article.title, article.published) == ("关于开展安全检查的通知", D(2024, 5, 6))


def _dated_rows(n: int) -> str:
    """``n`` list rows, a link and a date each (2026-09-20 first, a day earlier each)."""
    return "".join(
        f'<li><a href="/info/1011/{i}.htm">通知标题第{i}号关于工作安排</a><span>2026-09-{20 - i:02d}</span></li>'
        for i in range(n)
    )


def test_a_page_closed_early_is_read_on_as_browsers_do():
    # a template that includes a whole page as its header closes </body></html> before the list: libxml2 dropped
    # everything after (a blank column; one real page of the corpus read with no text at all), browsers read on
    rows = _dated_rows(5)
    page = (
        '<html><head><title>通知公告-测试学院</title></head><body><div class="top"><a href="/">首页</a></div>'
        f'</body></html>\n<div class="main"><ul class="list">{rows}</ul></div></body></html>'
    )
    listed = parse_list(page.encode(), BASE + "/tzgg.htm")
    assert len(listed.entries) == 5 and not listed.blank
    article = parse_article(
        page.replace('<ul class="list">', "<h1>关于工作安排的通知</h1><p>发布时间：2026-09-21</p><ul>").encode(),
        BASE + "/a.htm",
    )
    assert article.published == D(2026, 9, 21)


def test_a_list_written_for_browsers_without_scripts_is_read():
    # the list drawn by a script, and written again in <noscript> for browsers without one: the monitor is such a
    # browser, so the <noscript> list is the column's (it was dropped with the scripts: a blank column)
    rows = _dated_rows(5)
    page = (
        '<html><head><title>通知公告-测试学院</title></head><body><div id="list"></div>'
        "<script>renderList('#list', '/api/list?col=3')</script>"
        f'<noscript><ul class="list">{rows}</ul></noscript><noscript>请启用 JavaScript</noscript></body></html>'
    )
    listed = parse_list(page.encode(), BASE + "/tzgg.htm")
    assert len(listed.entries) == 5 and listed.entries[0].date == D(2026, 9, 20)


@pytest.mark.parametrize(
    "page_title", ["某某职业技术学院-学校简介", "学校简介-某某职业技术学院", "学校简介_信息公开_某某职业技术学院"]
)
def test_the_title_is_the_part_of_the_page_title_that_is_not_the_school(page_title):
    # <title> names the school and the page in either order, often with a bare dash; the school's name (某某…学院,
    # 某某大学新闻网) is the logo's, not the page's: the block holding the page's own name is the title
    page = (
        f'<html><head><title>{page_title}</title></head><body><div class="logo"><h1>某某职业技术学院</h1></div>'
        '<div class="main"><div class="tit">学校简介</div><div class="info">发布时间：2024-05-06</div>'
        "<p>某某职业技术学院是一所公办高职院校。</p></div></body></html>"
    )
    assert parse_article(page.encode(), BASE + "/xxgk/xxjj.htm").title == "学校简介"


def test_a_page_size_choice_is_not_a_page_to_follow():
    """每页显示 20 50 100 (links changing only the page size) beside the pager: only page 2 is followed."""
    rows = _dated_rows(7)
    pager = (
        '<div class="pagination"><a href="/list.htm?page=2">2</a> 每页 '
        '<a href="/list.htm?pageSize=20">20</a> <a href="/list.htm?pageSize=50">50</a></div>'
    )
    page = parse_list(f"<html><body><ul>{rows}</ul>{pager}</body></html>".encode(), "http://x.edu.cn/list.htm")
    assert len(page.entries) == 7
    assert page.next_pages == ("http://x.edu.cn/list.htm?page=2",)


def test_a_pager_step_named_by_its_class_is_followed():
    """<a class="next_posts">Older Articles</a> inside the pager: the next page, whatever the words say."""
    rows = _dated_rows(7)
    pager = '<div class="pagination_controls"><a class="next_posts" href="/blog/page/2">Older Articles</a></div>'
    page = parse_list(f"<html><body><ul>{rows}</ul>{pager}</body></html>".encode(), "http://x.edu.cn/blog")
    assert page.next_pages == ("http://x.edu.cn/blog/page/2",)


def test_a_blank_column_with_a_sidebar_box_and_a_footer_line_stays_blank():
    """No marker, no entry: the only running text is a sidebar's 学院简介 box and a footer line (blocks of their own,
    neither a page of content): the column is blank, not a single-page column."""
    intro = "测试职业技术学院是经省人民政府批准设立的全日制普通高等职业院校，学校坐落于美丽的某某湖畔。" * 3
    footer = "版权所有 © 2026 测试职业技术学院 地址：某某省某某市某某区大学路1号 邮编：123456 电话：0123-12345678"
    html = (
        "<html><head><title>通知公告-测试学院</title></head><body>"
        f'<div class="left"><h3>学院简介</h3><div class="box">{intro}</div></div>'
        f'<div class="right"><h2>通知公告</h2><ul></ul></div><div class="bottom">{footer}</div></body></html>'
    )
    page = parse_column_page(html.encode(), "http://x.edu.cn/tzgg/list.htm")
    assert page.blank and not page.entries, page


def test_undated_cards_with_a_summary_each_are_the_list():
    """Search results or news cards: a heading link and a summary each, no date, links that do not look like
    article pages (/s?src=…): the entries, not a blank page. A menu has no summaries; one action link repeated on
    every reply of a thread (删除本条回复) is no list."""
    cards = "".join(
        f'<li><h3><a href="http://mp.example.com/s?src=3&amp;sig={i}">关于第{i}批专项工作的说明与解读</a></h3>'
        f'<p class="txt-info">针对这个问题，本文从多个方面作了详细的说明，并附上了相关的政策文件原文，供各位读者参考，欢迎留言讨论第{i}点。</p></li>'
        for i in range(6)
    )
    page = parse_list(f'<html><body><ul class="news-list">{cards}</ul></body></html>'.encode(), "http://x.cn/")
    assert len(page.entries) == 6
    replies = "".join(
        f'<div class="reply"><a href="/del?id={i}">删除本条回复并通知作者</a><p>第{i}楼的回复内容，说了一些与主题有关的话，长度足够。</p></div>'
        for i in range(6)
    )
    thread = parse_list(f"<html><body>{replies}</body></html>".encode(), "http://x.cn/t/1")
    assert not thread.entries


def test_a_calendar_widgets_next_month_is_not_a_page_of_the_list():
    """活动日历 beside the list: its » goes to next month (?month=2026-10), not to the list's page 2."""
    rows = _dated_rows(7)
    calendar = (
        '<table class="calendar"><tr><td class="pagenav"><a href="/tzgg/list.htm?month=2026-10">»</a></td></tr></table>'
    )
    pager = '<div class="pagination"><a href="/tzgg/list_2.htm">下一页</a></div>'
    html = f"<html><body>{calendar}<ul>{rows}</ul>{pager}</body></html>"
    page = parse_list(html.encode(), "http://x.edu.cn/tzgg/list.htm")
    assert page.next_pages == ("http://x.edu.cn/tzgg/list_2.htm",)
    # a pager that says 下一页 is followed whatever its address holds (an e-paper's pages by date)
    by_date = html.replace("/tzgg/list_2.htm", "/tzgg/list.htm?date=2026-09-02")
    assert parse_list(by_date.encode(), "http://x.edu.cn/tzgg/list.htm").next_pages == (
        "http://x.edu.cn/tzgg/list.htm?date=2026-09-02",
    )


def test_cards_dated_only_by_their_addresses_beat_a_dated_sidebar():
    """DedeCMS image cards (a picture link, the title, a summary; no date written) whose addresses carry the date
    (/2016/0418/71.html), beside a sidebar with two dated notices: the cards are the list, dated by their address."""
    cards = "".join(
        f'<div class="nconzx"><a href="/hyzx/2016/04{18 - i:02d}/{70 + i}.html"><img src="/d.gif"></a>'
        f'<div class="t"><a href="/hyzx/2016/04{18 - i:02d}/{70 + i}.html">纪念币收藏投资的第{i}个注意事项</a></div>'
        f'<div class="s">不少收藏投资流通纪念币的收藏者有所收获，但也并非只赚不赔，第{i}条。</div></div>'
        for i in range(8)
    )
    side = '<ul class="side"><li><a href="/tz/1.html">关于假期值班安排的通知</a><span>2016-03-12</span></li></ul>'
    html = f'<html><body><div class="left">{side}</div><div class="right">{cards}</div></body></html>'
    page = parse_list(html.encode(), "http://x.cn/hyzx/list_48_1.html")
    assert len(page.entries) == 8
    assert page.entries[0].date == dt.date(2016, 4, 18)


def test_the_list_under_the_columns_heading_beats_a_small_dated_sidebar():
    """A 规章制度 column: seven undated documents under its heading, beside a sidebar (no heading of its own) with two
    dated notices: the column's entries are its documents, not the sidebar's notices (which made it look fresh)."""
    names = ["学校章程", "学生手册", "教师手册", "财务制度", "资产管理办法", "科研管理办法", "招生章程"]
    docs = "".join(f'<li><a href="/info/1011/{3000 + i}.htm">{n}</a></li>' for i, n in enumerate(names))
    side = f'<div class="side"><ul>{_dated_rows(2)}</ul></div>'
    html = (
        f"<html><head><title>规章制度-测试学院</title></head><body>{side}"
        f'<div class="main"><h2>规章制度</h2><ul class="list">{docs}</ul></div></body></html>'
    )
    page = parse_list(html.encode(), "http://x.edu.cn/xxgk/gzzd.htm")
    assert [e.title for e in page.entries] == names


def test_the_column_name_a_government_template_states_in_its_head_finds_its_own_list():
    # a page titled with the site's name only, no breadcrumb, its column configured under another name: the name
    # <meta name="ColumnName"> states (TRS, 大汉 templates write it) is the heading's, so the column's undated
    # documents are its list, not the sidebar's eight fresh notices (which made it look updated)
    names = ["学校章程", "学生手册", "教师手册", "财务制度", "资产管理办法", "科研管理办法", "招生章程"]
    docs = "".join(f'<li><a href="/info/1011/{3000 + i}.htm">{n}</a></li>' for i, n in enumerate(names))
    html = (
        "<html><head><title>测试大学信息公开网</title><meta name='ColumnName' content='规章制度'></head><body>"
        f"<div class='side'><h3>最新动态</h3><ul>{_dated_rows(8)}</ul></div>"
        f"<div class='main'><h2>规章制度</h2><ul class='list'>{docs}</ul></div></body></html>"
    )
    page = parse_column_page(html.encode(), "http://x.edu.cn/xxgk/gzzd.htm", column="学校规章制度")
    assert [e.title for e in page.entries] == names


def _column(rows: str, title: str = "通知公告") -> bytes:
    return (
        f"<html><head><title>{title}-测试学院</title></head><body><div class='nav'><a href='/'>首页</a>"
        f"<a href='/xxgk.htm'>学校概况</a></div><h2>{title}</h2><ul class='list'>{rows}</ul></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "row",
    [
        # the date drawn as a block inside the link, its day in a heading (博达 cards): the heading is not the title
        "<li><a href='/info/1001/{n}.htm'><div class='time'><p>2026.09</p><h3>{d}</h3></div>"
        "<div class='tit'>关于开展2026年度教学质量评估工作的通知（第{n}批）</div></a></li>",
        "<li><a href='/info/1001/{n}.htm'><div class='tit'>关于开展2026年度教学质量评估工作的通知（第{n}批）</div>"
        "<div class='time'><h4>{d}</h4><span>2026-09</span></div></a></li>",
        # day and year-month in two elements of the link, beside the title's
        "<li><a href='/info/1001/{n}.htm'><span class='d'>{d}</span><span class='ym'>2026-09</span>"
        "<span class='t'>关于开展2026年度教学质量评估工作的通知（第{n}批）</span></a></li>",
        # a date with its weekday, inside the link after the title or before it (2026年9月21日 星期一)
        "<li><a href='/info/1001/{n}.htm'><span>关于开展2026年度教学质量评估工作的通知（第{n}批）</span>"
        "<i>2026年9月{d}日 星期{w}</i></a></li>",
        "<li><a href='/info/1001/{n}.htm'><i>2026-09-{d}（周{w}）</i>"
        "<span>关于开展2026年度教学质量评估工作的通知（第{n}批）</span></a></li>",
    ],
)
def test_a_date_split_in_parts_inside_the_link_dates_the_entry_and_is_not_its_title(row):
    rows = "".join(row.format(n=n, d=20 + n, w="一二三四五"[n - 1]) for n in range(1, 6))
    page = parse_list(_column(rows), BASE + "/tzgg.htm")
    assert [(e.title, e.date) for e in page.entries] == [
        (f"关于开展2026年度教学质量评估工作的通知（第{n}批）", D(2026, 9, 20 + n)) for n in range(1, 6)
    ]


@pytest.mark.parametrize(
    "row",
    [
        "<dt><a href='/info/1001/{n}.htm'>{title}</a></dt><dd>2026-09-1{n}</dd>",  # the date the next element's
        "<dt>2026-09-1{n}</dt><dd><a href='/info/1001/{n}.htm'>{title}</a></dd>",  # the date the term: undated before
    ],
)
def test_a_definition_list_dates_each_title_by_the_dd_after_it_or_the_dt_before_it(row):
    rows = "".join(row.format(n=n, title=f"关于公布第{n}批校级教学成果奖的通知") for n in range(1, 6))
    html = _column("").replace(b"<ul class='list'></ul>", f"<dl>{rows}</dl>".encode())
    page = parse_list(html, BASE + "/tzgg.htm")
    assert [e.date for e in page.entries] == [D(2026, 9, 10 + n) for n in range(1, 6)]


def test_a_row_naming_several_dates_is_dated_by_the_cell_holding_one_alone():
    # 信息公开目录: an index number that reads as a date (2026-09-01-00N) before the row's own date cell
    rows = "".join(
        f"<tr><td>2026-09-0{n}-00{n}</td><td><a href='/info/1001/{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a></td>"
        f"<td>2026-09-2{n}</td></tr>"
        for n in range(1, 6)
    )
    html = _column("").replace(b"<ul class='list'></ul>", f"<table>{rows}</table>".encode())
    page = parse_list(html, BASE + "/xxgk/ml.htm")
    assert [e.date for e in page.entries] == [D(2026, 9, 20 + n) for n in range(1, 6)]


@pytest.mark.parametrize("stamp", ["2026-09-1{n}", "2026-09-1{n}T08:30:00+08:00"])
def test_a_time_element_dates_the_entry_by_its_datetime_when_it_shows_no_year(stamp):
    # <time datetime="2026-09-11">09-11</time>: the text shows month and day, the attribute the whole date
    rows = "".join(
        f"<li><a href='/info/1001/{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a>"
        f"<time datetime='{stamp.format(n=n)}'>09-1{n}</time></li>"
        for n in range(1, 6)
    )
    page = parse_list(_column(rows), BASE + "/tzgg.htm")
    assert [e.date for e in page.entries] == [D(2026, 9, 10 + n) for n in range(1, 6)]


_HOT = "<div class='side'><h3>热点新闻</h3><ul>" + "".join(
    f"<li><a href='/info/1002/{n}.htm'>学校召开2026年第{n}次党委常委会会议</a><span>2026-11-0{n}</span></li>"
    for n in range(1, 6)
)


@pytest.mark.parametrize(
    "pager",
    [
        "<div class='page'>共0条 1/1页 首页 上页 下页 尾页</div>",
        "<table><tr><td>共0条&nbsp;&nbsp;1/1&nbsp;</td></tr></table>",
    ],
)
def test_a_pager_stating_no_entries_makes_the_sidebars_entries_not_the_columns(pager):
    # a blank column's page: its pager says 共0条, the only list is the site's 热点新闻 beside it
    html = (
        f"<html><head><title>财务资产信息-测试学院</title></head><body>{_HOT}</ul></div><div class='main'>"
        f"<div class='position'>当前位置：<a href='/'>首页</a> &gt; 财务资产信息</div>{pager}</div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/cwzc.htm")
    assert (page.blank, page.entries, page.reason) == (True, (), "分页显示共 0 条（页面上的其他条目属于侧栏）")


def test_a_comment_count_of_zero_is_not_the_columns_pager():
    html = f"<html><head><title>学校要闻-测试学院</title></head><body>{_HOT}</ul></div><p>评论（共0条评论）</p></body></html>"
    assert len(parse_column_page(html.encode(), BASE + "/xxyw.htm").entries) == 5


_TRS_ROWS = "".join(
    f"<li><a href='./202609/t202609{10 + n}_{900 + n}.html'>关于开展2026年度教学质量评估工作的通知第{n}号</a>"
    f"<span>2026-09-{10 + n}</span></li>"
    for n in range(10)
)
_TRS_DEFINED = (  # the pager's function written out in the page, as some TRS templates carry it
    "function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){ if(_nPageCount == null) return; }\n"
)


def _trs_page(script: str) -> bytes:
    return (
        f"<html><head><title>通知公告-测试学院</title></head><body><h2>通知公告</h2><ul class='list'>{_TRS_ROWS}</ul>"
        f"<div id='page_div'></div><script>{script}</script></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "script",
    [
        # variables of the template's own names, the current page written as an expression
        "var pageNum = 1; var pageCount = 4; var pageName = 'index'; var pageExt = 'html';\n"
        "createPageHTML(pageCount, pageNum - 1, pageName, pageExt);",
        _TRS_DEFINED
        + 'var countPage = 4//共多少页\nvar currentPage = 0;\ncreatePageHTML(countPage, currentPage, "index", "html");',
    ],
)
def test_a_trs_pager_with_expressions_or_its_function_in_the_page_is_followed(script):
    page = parse_list(_trs_page(script), BASE + "/xxgk/tzgg/index.html")
    assert page.next_pages == tuple(f"{BASE}/xxgk/tzgg/index_{n}.html" for n in (1, 2, 3))
    assert (page.page_count, page.unfollowable) == (4, "")


def test_a_trs_pager_whose_arguments_cannot_be_read_leaves_the_column_incomplete():
    page = parse_list(
        _trs_page("createPageHTML(getCount(), getPage(), 'index', 'html');"), BASE + "/xxgk/tzgg/index.html"
    )
    assert page.next_pages == ()
    assert page.unfollowable == "分页由 TRS 脚本 createPageHTML 生成，但其参数无法读出，只读到第 1 页"


def _paged(pager: str) -> bytes:
    rows = "".join(
        f"<li><a href='/info/1001/{1000 + n}.htm'>关于开展2026年度教学质量评估工作的通知第{n}号</a><span>2026-09-15</span></li>"
        for n in range(20)
    )
    return (
        f"<html><head><title>通知公告-测试学院</title></head><body><h2>通知公告</h2><ul>{rows}</ul>"
        f"<div class='page'>{pager}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("pager", "target"),
    [
        ("<input type='button' value='下一页' onclick=\"window.location.href='index_1.html'\">", "index_1.html"),
        ("<button onclick=\"location.href='index_1.html'\">下一页</button>", "index_1.html"),
        ("<a href='#' onclick=\"location.href='?page=2'\">下一页</a>", "index.html?page=2"),
        ("<a href='javascript:void(0)' onclick=\"window.location='index_1.html'\">下页</a>", "index_1.html"),
        # the address joined from strings and a number, not its first string alone (list.jsp?page=)
        (
            "<a href='#' onclick=\"location.href='list.jsp?cid=5&page='+2;return false;\">下一页</a>",
            "list.jsp?cid=5&page=2",
        ),
        ("<a href='#' onclick=\"location.href = 'list_' + 2 + '.html'\">下一页</a>", "list_2.html"),
        ("<a href='javascript:;' data-href='index_1.html' rel='next'>下一页</a>", "index_1.html"),  # kept for a script
    ],
)
def test_a_next_page_opened_by_script_is_followed(pager, target):
    page = parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html")
    assert page.next_pages == (f"{BASE}/xxgk/tzgg/{target}",)


def test_a_pager_that_submits_a_form_leaves_the_column_incomplete():
    pager = (
        "<form name='pf' method='post'><input type='hidden' name='pageNo' value='1'></form>共5页 "
        '<a href="javascript:document.pf.pageNo.value=2;document.pf.submit();">下一页</a>'
    )
    page = parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html")
    assert (page.next_pages, page.unfollowable) == (
        (),
        "分页由脚本提交（__doPostBack/javascript 翻页），无法跟随，只读到第 1 页",
    )


@pytest.mark.parametrize(
    "link", ["<a href='#'>{k}</a>", "<a href='javascript:;' data-page='{k}'>{k}</a>", "<a>{k}</a>"]
)
def test_page_numbers_a_script_handles_leave_the_column_incomplete(link):
    # the pager shows pages 2 and 3, but its links go nowhere a reader can tell (a script bound to their clicks):
    # the column is not read whole, and says so; a pager showing only page 1 is a list of one page
    pager = "".join(link.format(k=k) for k in (1, 2, 3)) + "<a href='javascript:;'>下一页</a>"
    page = parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html")
    assert (page.next_pages, page.unfollowable) == ((), "分页显示有第 2、3 页，但翻页链接无法跟随，只读到第 1 页")
    alone = parse_list(_paged(link.format(k=1) + "<span>下一页</span>"), BASE + "/xxgk/tzgg/index.html")
    assert (alone.next_pages, alone.unfollowable) == ((), "")


@pytest.mark.parametrize(
    ("control", "reason"),
    [
        ("<div class='more'><a href='javascript:;' id='loadMore'><span>加载更多</span></a></div>", True),
        ("<button class='btn-more' onclick='loadMore()'>点击加载更多</button>", True),
        ("<div id='more' onclick='getData(2)'>查看更多</div>", True),
        ("<a href='/xwzx/tzgg.htm'>查看更多>></a>", False),  # a link to another page: not this list's rest
    ],
)
def test_a_list_a_load_more_button_continues_is_incomplete(control, reason):
    # the rest of the list comes by AJAX when 加载更多 is clicked: the first batch is not the column whole
    page = parse_list(_paged("").replace(b"<div class='page'></div>", control.encode()), BASE + "/xxgk/tzgg/index.html")
    assert page.unfollowable == ("列表由“加载更多”按钮以脚本加载后续条目，无法跟随，只读到第一批" if reason else "")


@pytest.mark.parametrize("step", ["pgNext", "pageNext", "btn-next", "next"])
def test_a_pager_step_named_by_its_class_alone_is_followed(step):
    pager = f"<div class='pagination'><a class='{step}' href='list2.htm'></a></div>"
    page = parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html")
    assert page.next_pages == (f"{BASE}/xxgk/tzgg/list2.htm",)


_BODY = "<p>" + "学校将于近期开展年度教学质量评估工作，请各单位按要求准备材料。" * 5 + "</p>"


_SITE_TITLED = "<html><head><title>测试职业技术学院</title>{meta}</head><body><div class='header'><h1><a href='/'>测试职业技术学院</a></h1></div>"


@pytest.mark.parametrize(
    "html",
    [
        # 博达 VSB's older table template: the title in a td.titlestyleNNNN cell
        _SITE_TITLED.format(meta="")
        + "<table><tr><td class='titlestyle1045' align='center'>关于开展2026年度教学质量评估工作的通知</td></tr>"
        f"<tr><td class='timestyle1045'>2026-09-15 10:20</td></tr><tr><td><div id='vsb_content'>{_BODY}</div></td></tr>"
        "</table></body></html>",
        # og:title names the title element
        _SITE_TITLED.format(meta="<meta property='og:title' content='关于开展2026年度教学质量评估工作的通知'>")
        + "<div class='main'><p class='bt'>关于开展2026年度教学质量评估工作的通知</p><p>2026-09-15</p>"
        f"{_BODY}</div></body></html>",
    ],
)
def test_an_article_whose_page_title_names_only_the_site_is_titled_by_its_own_title_block(html):
    article = parse_article(html.encode(), BASE + "/info/1001/12345.htm")
    assert (article.title, article.published) == ("关于开展2026年度教学质量评估工作的通知", D(2026, 9, 15))


def test_a_trs_pager_written_in_a_form_not_understood_still_counts_its_pages():
    # the classic TRS template's variables, its links written some other way: 3 pages stated, none followed
    script = (
        "var currentPage = 0;//所在页从0开始\nvar countPage = 3//共多少页\n"
        'if(countPage>1) document.write("<a href=\\"list-" + (currentPage+2) + ".htm\\">下一页</a>");'
    )
    page = parse_list(_trs_page(script), BASE + "/xxgk/tzgg/index.html")
    assert (page.next_pages, page.page_count) == ((), 3)
    assert page.unfollowable == "分页显示共 3 页，但翻页链接无法跟随，只读到第 1 页"


@pytest.mark.parametrize("count", ["var totalPage = 4;", "var pageCount=4,", "var maxPage = '4';", "totalpages = 4\n"])
def test_a_page_count_only_a_script_knows_leaves_the_column_incomplete(count):
    # a pager drawn by a site's own script (no link in the HTML): the stated count says page 1 is not all
    script = f"{count}\nfunction drawPager(n){{ /* builds the links */ }}\ndrawPager(1);"
    page = parse_list(_trs_page(script), BASE + "/xxgk/tzgg/index.html")
    assert (page.next_pages, page.page_count) == ((), 4)
    assert page.unfollowable == "分页显示共 4 页，但翻页链接无法跟随，只读到第 1 页"


@pytest.mark.parametrize("cell", ["001/2024-00012", "2023/2024学年", "本科生占比 1/3", "闽教〔2024〕12/15号"])
def test_a_fraction_on_a_single_page_list_is_no_page_count(cell):
    # a bare 1/5 is a pager's only beside its words (页次：1/5, 1/5 首页 上一页): a catalogue's index number 001/2024
    # read as "共 2024 页" and the column as incomplete; 128 of the 1030 real corpus pages had such a false count
    rows = "".join(
        f'<tr><td>{i}</td><td>{cell}</td><td><a href="/info/10{i}.htm">关于公布第{i}批信息公开事项的通知</a></td>'
        f"<td>2024-03-0{i}</td></tr>"
        for i in range(1, 6)
    )
    page = parse_list(f"<html><body><table>{rows}</table></body></html>".encode(), BASE + "/xxgk/gkml.htm")
    assert (len(page.entries), page.page_count, page.unfollowable) == (5, None, "")
    # a stated one beside its words still counts (博达's pb_sys_common: 共25条 1/3)
    for pager in ("<div>页次：1/3 首页 上一页 下一页 尾页</div>", '<div class="pb_sys_common">共25条 1/3</div>'):
        html = f"<html><body><table>{rows}</table>{pager}</body></html>"
        assert parse_list(html.encode(), BASE + "/xxgk/gkml.htm").page_count == 3, pager


_LATEST = _HOT.replace("<div class='side'><h3>热点新闻</h3>", "<div class='box'><h3>最新动态</h3>") + "</ul></div>"


@pytest.mark.parametrize(
    ("column", "shown", "verdict"),
    [
        ("收费项目", "<p>责任部门：财务处　　联系电话：0591-12345678</p>", "blank"),
        ("收费项目", "<p>责任单位：财务处</p><p>责任人：张三</p><p>监督电话：0591-12345678</p>", "blank"),
        (
            "联系方式",
            "<p>受理机构：学校信息公开办公室</p><p>办公地址：行政楼203室</p><p>电话：0591-12345678</p>",
            "content",
        ),
        (
            "学校简介",
            "<p>" + "某某职业技术学院是经省人民政府批准设立的全日制普通高等职业院校。" * 8 + "</p>",
            "content",
        ),
    ],
)
def test_a_column_page_beside_the_sites_latest_news_is_not_that_news(column, shown, verdict):
    # no list of its own, only a few lines (or the page's text) under the heading naming it, and the site's 最新动态
    # box (no 更多 link) elsewhere: the box's five fresh entries were read as the column's list (up to date), or,
    # the box after the column's area, as five articles the column links to. A line saying who answers for the
    # column (责任部门, 责任人, 监督电话) is no content of a blank one
    main = f"<div class='main'><h2>{column}</h2>{shown}</div>"
    layouts = [
        (_LATEST, main, ""),
        ("", main, _LATEST.replace("<h3>最新动态</h3>", "<div class='tit'>热点新闻</div>")),
        ("<div class='wrap'><div class='left'>" + _LATEST + "</div>", main, "</div>"),  # sidebar and main wrapped
    ]
    for before, main, after in layouts:
        html = (
            f"<html><head><title>{column}-测试学院</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"{before}{main}{after}</body></html>"
        )
        page = parse_column_page(html.encode(), BASE + "/xxgk/page.htm")
        assert [e.url for e in page.entries] == ([] if verdict == "blank" else [BASE + "/xxgk/page.htm"])
        assert page.blank is (verdict == "blank"), page.reason
    # the column's own list under a heading worded like a widget's (最新通知 for 通知公告) is still the column's
    lists = _LATEST.replace("最新动态", "最新通知").replace("<div class='box'>", "<div class='list'>")
    html = f"<html><head><title>通知公告-测试学院</title></head><body><div class='main'><h2>通知公告</h2>{lists}</div>"
    assert len(parse_column_page(f"{html}</body></html>".encode(), BASE + "/a.htm").entries) == 5


CHANNELS = {  # a column publishing a channel: its numbers and addresses are its content
    "信息公开监督": "<p>监督电话：0591-83721234</p><p>监督邮箱：xxgk@test.edu.cn</p>",
    "监督举报": "<p>举报电话：0591-83721235</p>",
    "信息公开联系方式": "<p>联系电话：0591-83721236</p><p>电子邮箱：xxgk@test.edu.cn</p>",
    "招生咨询": "<p>招生办：0591-83721237、13912345678</p>",
    "监督电话": "<p>0591-83721238</p>",
}


@pytest.mark.parametrize("column", sorted(CHANNELS))
@pytest.mark.parametrize("named_by", ["heading", "heading-beside-latest-news"])
def test_a_channel_columns_phone_number_or_address_is_its_content_never_blank(column, named_by):
    # before, a 信息公开监督 page of a phone number and an e-mail address read as a blank column (high severity): the
    # number was taken for the duty line a blank column's template shows (监督电话：…, kept blank below)
    side = _LATEST if named_by.endswith("latest-news") else ""
    html = (
        f"<html><head><title>{column}-测试学院</title></head><body><div class='nav'><a href='/'>首页</a></div>{side}"
        f"<div class='main'><h2>{column}</h2>{CHANNELS[column]}</div><div class='foot'>电话：0591-83720000</div>"
        "</body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/jd.htm")
    assert (page.blank, [e.url for e in page.entries]) == (False, [BASE + "/xxgk/jd.htm"]), page.reason


@pytest.mark.parametrize(
    ("column", "shown"),
    [
        (
            "收费项目",
            "<p>责任部门：财务处　　监督电话：0591-83721234</p>",
        ),  # any other column: its template's duty line
        ("监督举报", "<p>举报电话：0591-83721235</p><p>暂无信息</p>"),  # a channel column saying it has nothing
        ("监督举报", "<p>举报电话：0591-83721235</p><ul></ul><div class='page'>共0条 首页 上一页 下一页 尾页</div>"),
    ],
)
def test_a_duty_line_beside_a_blank_or_empty_list_is_no_content(column, shown):
    html = (
        f"<html><head><title>{column}-测试学院</title></head><body><div class='main'><h2>{column}</h2>{shown}</div>"
        "</body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/jd.htm")
    assert (page.blank, page.entries) == (True, ()), page.reason


_SCOPE = (
    "学校财务、资产及收费信息，包括：财务、资产管理制度，受捐赠财产的使用与管理情况，校办企业资产、负债、国有资产保值增值等信息，"
    "仪器设备、图书、药品等物资设备采购和重大基建工程的招投标，收支预算总表、收入预算表、支出预算表、财政拨款支出预算表，"
    "收费项目、收费依据、收费标准及投诉方式等内容。"
)


@pytest.mark.parametrize(
    "description",
    [f"<p class='lmsm'>本栏目主要公开{_SCOPE}</p>", f"<div class='intro'><b>栏目说明：</b>公开{_SCOPE}</div>"],
)
@pytest.mark.parametrize("where", ["alone", "above", "below"])
def test_a_columns_description_alone_is_no_content(description, where):
    # its template's words on what the column is for (over 200 characters), and nothing published (or only a line
    # saying so): before, the page alone read as a single page of content (ok) instead of a blank column
    said = {"alone": description, "above": description + "<p>暂未发布</p>", "below": "<p>暂未发布</p>" + description}
    html = (
        "<html><head><title>财务信息-测试学院</title></head><body><div class='main'><h2>财务信息</h2>"
        f"{said[where]}</div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/cwxx.htm")
    assert (page.blank, page.entries) == (True, ()), page.reason


@pytest.mark.parametrize("placeholder", ["此处为内容区域，内容待发布。", "该页面信息待完善，请各部门稍后访问查看。"])
def test_a_single_page_columns_placeholder_sentence_is_blank(placeholder):
    """A single-page column whose page holds only its template's placeholder (内容待发布, 信息待完善) is blank;
    before, the sentence read as a short page of content (ok)."""
    html = (
        "<html><head><title>学校章程-测试学院</title></head><body><div class='nav'><a href='/'>首页</a></div>"
        f"<div class='main'><h2>学校章程</h2><p>{placeholder}</p></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/xxzc.htm")
    assert (page.blank, page.entries) == (True, ()), page.reason


_CARD = {  # a disclosure item's card as a template shows it (公开事项, 公开内容, 公开时限, 责任部门), 公开内容 left empty
    "table": "<table class='gk'><tr><td>公开事项</td><td>学校章程</td></tr><tr><td>公开内容</td><td>{}</td></tr>"
    "<tr><td>公开时限</td><td>长期公开</td></tr><tr><td>责任部门</td><td>党政办公室</td></tr></table>",
    "lines": "<p>公开事项：学校章程</p><p>公开内容：{}</p><p>公开依据：《高等学校信息公开办法》</p><p>公开方式：主动公开</p>"
    "<p>责任部门：党政办公室</p>",
    "one line": "<p>公开事项：学校章程　公开时限：长期　公开方式：主动公开　责任单位：党政办公室　公开内容：{}</p>",
}


@pytest.mark.parametrize("card", sorted(_CARD))
def test_a_disclosure_items_card_with_nothing_published_is_no_content(card):
    """A single-page column showing its item's card (公开事项 学校章程, 公开时限 长期公开, 责任部门 党政办公室) and
    nothing under 公开内容 is blank: before, the card's words read as a short page of content (ok). With a few
    words published under 公开内容 it is content."""

    def read(published: str):
        html = (
            "<html><head><title>学校章程-测试学院</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<div class='main'><h2>学校章程</h2>{_CARD[card].format(published)}</div></body></html>"
        )
        return parse_column_page(html.encode(), BASE + "/xxgk/xxzc.htm")

    page = read("")
    assert (page.blank, page.entries) == (True, ()), page.reason
    page = read("学校章程经省教育厅核准，自发布之日起施行，全文见学校主页。")
    assert (page.blank, [e.url for e in page.entries]) == (False, [BASE + "/xxgk/xxzc.htm"]), page.reason


def test_a_page_of_content_opening_with_what_the_column_is_stays_content():
    text = "<p>第一条 为规范学校办学行为，依据有关法律法规，结合学校实际，制定本章程。</p>" * 6
    for opening in ("<p>本栏目公开学校章程全文：</p>", ""):
        html = (
            "<html><head><title>学校章程-测试学院</title></head><body><div class='main'><h2>学校章程</h2>"
            f"<div class='content'>{opening}{text}</div></div></body></html>"
        )
        page = parse_column_page(html.encode(), BASE + "/xxgk/xxzc.htm")
        assert (page.blank, len(page.entries)) == (False, 1), page.reason
    # its one paragraph opening so, with the text of the 章程 in it: content too (a block holding blocks is kept)
    html = (
        "<html><head><title>学校章程-测试学院</title></head><body><div class='main'><h2>学校章程</h2>"
        f"<div class='content'>本栏目公开学校章程全文。{text}</div></div></body></html>"
    )
    assert len(parse_column_page(html.encode(), BASE + "/xxgk/xxzc.htm").entries) == 1


def test_a_column_named_only_by_its_breadcrumb_beside_the_sites_latest_news_is_not_that_news():
    # no heading, the breadcrumb in the main area names the column: the sidebar's 最新动态 is not its list; a
    # breadcrumb bar across the page (over the sidebar too) tells nothing, and the box stays the reading
    crumb = "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 收费项目</div>"
    duty = "<p>责任部门：财务处　　联系电话：0591-12345678</p>"
    head = "<html><head><title>收费项目-测试学院</title></head><body>"
    inside = f"{head}<div class='wrap'><div class='left'>{_LATEST}</div><div class='right'>{crumb}{duty}</div></div>"
    page = parse_column_page(f"{inside}</body></html>".encode(), BASE + "/xxgk/sfxm.htm")
    assert (page.entries, page.blank) == ((), True), page.reason
    across = f"{head}{crumb}<div class='wrap'><div class='left'>{_LATEST}</div><div class='right'>{duty}</div></div>"
    assert len(parse_column_page(f"{across}</body></html>".encode(), BASE + "/xxgk/sfxm.htm").entries) == 5


@pytest.mark.parametrize(
    "marker", ["暂未发布", "暂时没有内容", "没有找到相关信息", "信息正在整理中", "没有数据", "暂无资料"]
)
def test_the_ways_a_blank_column_says_so_beside_a_widget(marker):
    html = (
        f"<html><head><title>财务资产信息-测试学院</title></head><body>{_HOT}</ul></div><div class='main'>"
        f"<h2>财务资产信息</h2><p>{marker}</p></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/cwzc.htm")
    assert (page.blank, page.entries) == (True, ())
    assert marker in page.reason


@pytest.mark.parametrize("box", ["通知公告", "学校新闻", "最新公告"])
def test_an_empty_column_beside_another_columns_box_is_blank(box):
    # the site's sidebar box of another column (通知公告, its 更多 link beside the heading) next to this column's
    # empty list: the box's entries are not this column's
    side = (
        f"<div class='side'><div class='hd'><h3>{box}</h3><a href='/tzgg.htm'>更多</a></div><ul>"
        + "".join(
            f"<li><a class='title' href='/info/1002/{100 + n}.htm'>关于做好2026年第{n}季度安全检查工作的通知</a>"
            f"<span>2026-11-0{n}</span></li>"
            for n in range(1, 6)
        )
        + "</ul></div>"
    )
    html = (
        f"<html><head><title>财务资产信息-测试学院</title></head><body>{side}<div class='main'><h2>财务资产信息</h2>"
        "<ul class='list'></ul></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/cwzc.htm")
    assert (page.blank, page.entries, page.reason) == (True, (), f"栏目自身的列表为空（页面上的条目属于“{box}”栏）")


@pytest.mark.parametrize("info", ["2026-09-15", "来源：教务处 2026-09-15"])
def test_a_page_titled_only_by_the_site_is_not_dated_by_the_sidebar_before_its_title(info):
    # <title> names only the school; the sidebar's 通知公告 box (dated entries) comes before the article's title
    side = "<div class='left'><h2>通知公告</h2><ul>" + "".join(
        f"<li><a href='/info/1002/{100 + n}.htm'>学校召开第{n}次会议</a><span>2026-11-0{n}</span></li>"
        for n in range(1, 4)
    )
    html = (
        "<html><head><title>测试职业技术学院</title></head><body><div class='header'><a href='/'>首页</a></div>"
        f"{side}</ul></div><div class='main'><div class='tit'>关于开展2026年度教学质量评估工作的通知</div>"
        f"<div class='info'>{info}</div><div class='con'>{_BODY}</div></div></body></html>"
    )
    article = parse_article(html.encode(), BASE + "/info/1001/12345.htm")
    assert (article.title, article.published) == ("关于开展2026年度教学质量评估工作的通知", D(2026, 9, 15))


def test_a_rolling_notice_bar_beside_an_empty_column_is_named_without_its_colon():
    bar = "<div class='gg'><span class='tit'>最新公告：</span><marquee>" + "".join(
        f"<a href='/info/1002/{100 + n}.htm'>关于做好2026年第{n}季度安全检查工作的通知</a><span>[2026-11-0{n}]</span> "
        for n in range(1, 6)
    )
    html = (
        f"<html><head><title>财务资产信息-测试学院</title></head><body><div class='header'><a href='/'>首页</a></div>{bar}"
        "</marquee></div><div class='main'><h2>财务资产信息</h2><ul class='list'></ul></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/cwzc.htm")
    assert (page.blank, page.reason) == (True, "栏目自身的列表为空（页面上的条目属于“最新公告”栏）")


@pytest.mark.parametrize("mark", ["【置顶】", "[置顶]", "■ ", "· ", "►"])
def test_a_list_titles_pin_or_bullet_is_not_part_of_it(mark):
    rows = f"<li><a href='/info/1001/1001.htm'>{mark}测试学院2026年招生章程</a><span>2026-04-01</span></li>"
    page = parse_list(_column(rows, "招生章程"), BASE + "/zszc.htm")
    assert [e.title for e in page.entries] == ["测试学院2026年招生章程"]


@pytest.mark.parametrize(
    ("shown", "file"),
    [
        # a download page named by the file it serves (ASP.NET, PHP): the file is the attachment
        ("<a href='/Download.aspx?id=123&file=hjmd.xlsx'>点击下载</a>", "/Download.aspx?id=123&file=hjmd.xlsx"),
        ("<a href='/down.php?filename=hjmd.pdf'>获奖名单</a>", "/down.php?filename=hjmd.pdf"),
        # a download page named by its id, the link naming the file it serves (its size beside the name)
        ("附件：<a href='/DownLoad.aspx?id=12'>获奖名单.xls</a>", "/DownLoad.aspx?id=12"),
        ("<a href='/common/file.do?fid=8a2b'>附件1：获奖名单.docx（25.6KB）</a>", "/common/file.do?fid=8a2b"),
        # a file a script opens: the address written in it, or built by a function the page defines
        (
            "<a href='javascript:void(0)' onclick=\"window.open('/uploads/2026/hjmd.xlsx')\">获奖名单</a>",
            "/uploads/2026/hjmd.xlsx",
        ),
        (
            "<script>function downFile(id){window.open('/common/download.jsp?fileId=' + id);}</script>"
            "<a href='javascript:downFile(88)'>获奖名单.pdf</a>",
            "/common/download.jsp?fileId=88",
        ),
        # the document shown in the page, not linked: its name list is checked for personal data like a link's
        (
            "<iframe src='/pdfjs/web/viewer.html?file=/upload/2026/hjmd.pdf' width='100%'></iframe>",
            "/upload/2026/hjmd.pdf",
        ),
        (  # its parameter percent-encoded, as the viewer decodes it
            "<iframe src='/static/pdfjs/web/viewer.html?file=%2Fupload%2F2026%2Fhjmd.pdf'></iframe>",
            "/upload/2026/hjmd.pdf",
        ),
        ("<embed src='/upload/2026/hjmd.pdf' type='application/pdf'>", "/upload/2026/hjmd.pdf"),
        ("<object data='/upload/2026/hjmd.pdf' type='application/pdf'></object>", "/upload/2026/hjmd.pdf"),
        # WebPlus's PDF player
        (
            "<div class='wp_pdf_player' pdfsrc='/_upload/article/files/7a/3c/hjmd.pdf' "
            "sudyfile-attr=\"{'title':'获奖名单.pdf'}\"></div>",
            "/_upload/article/files/7a/3c/hjmd.pdf",
        ),
        # TRS's template writes the attachments its script holds; a menu it writes is no file, and a widget's notice
        # on another host that a script holds, unwritten, is not the document's
        (
            "<script>var file_appendix = '<a href=\"/upload/2026/hjmd.pdf\">获奖名单.pdf</a>';"
            "var menu = '<a href=\"/xxgk/index.htm\">信息公开</a>';"
            "if (file_appendix != '') { document.write('附件：' + file_appendix + menu); }</script>"
            "<script>var consent = {policy: '<a href=\\\"https://widget.example.com/privacy.pdf\\\">隐私声明</a>'};"
            "</script>",
            "/upload/2026/hjmd.pdf",
        ),
    ],
)
def test_a_documents_attachment_is_found_however_the_page_offers_it(shown, file):
    html = (
        "<html><head><title>关于公布2026年度教学成果奖评审结果的通知-测试学院</title></head><body><div class='main'>"
        "<h1>关于公布2026年度教学成果奖评审结果的通知</h1><div class='info'>发布时间：2026-09-15</div>"
        f"<div class='con'><p>各学院：现将评审结果予以公布。</p>{shown}</div></div></body></html>"
    )
    article = parse_article(html.encode(), BASE + "/info/1001/12345.htm")
    assert [a.url for a in article.attachments] == [BASE + file]


TRS_CUT_TITLE = (
    '<script>var str = "{t}"; if (str.length > 12) {{ document.write(str.substring(0, 12) + "..."); }}'
    " else {{ document.write(str); }}</script>"
)


@pytest.mark.parametrize(
    "row",
    [
        # TRS writes each title by a script that cuts it: the link holds no text without it
        '<li><a href="./202609/t202609{d}_{n}.html" target="_blank">'
        + TRS_CUT_TITLE
        + "</a><span>2026-09-{d}</span></li>",
        # the date written by a script, the title plain
        "<li><a href='/info/{n}.htm'>{t}</a><span><script>var d = '2026-09-{d} 10:00:00';"
        " document.write(d.substring(0, 10));</script></span></li>",
        # the whole record written by a script
        "<script>document.write('<li><a href=\"/info/{n}.htm\">{t}</a><span>2026-09-{d}</span></li>');</script>",
        # the date written from the record's Unix time by the page's function (seconds, or milliseconds)
        "<li><a href='/info/{n}.htm'>{t}</a><span class='time'><script>document.write(timeConvert('{ts}'))"
        "</script></span></li>",
        "<li><a href='/info/{n}.htm'>{t}</a><span><script>document.write(formatDate({ts}000, 'yyyy-MM-dd'));"
        "</script></span></li>",
        # or shown from an attribute holding it, by a script bound to the list (.time[data-time])
        "<li><a href='/info/{n}.htm'>{t}</a><span class='time' data-time='{ts}000'></span></li>",
    ],
)
def test_a_record_a_script_writes_is_read_as_a_browser_shows_it(row):
    titles = [
        "关于2026年国庆节放假安排的通知",
        "关于开展2026年秋季学期教学检查的通知",
        "关于做好2026年新生入学工作的通知",
    ]
    china = dt.timezone(dt.timedelta(hours=8))  # (00:30 there: the day before in UTC)
    epoch = [int(dt.datetime(2026, 9, 20 - n, 0, 30, tzinfo=china).timestamp()) for n in range(3)]
    rows = "".join(row.format(t=t, n=n, d=20 - n, ts=epoch[n]) for n, t in enumerate(titles))
    page = parse_column_page(_column(rows, "通知公告"), BASE + "/xxgk/tzgg/index.html")
    assert not page.blank
    assert [(e.title, e.date) for e in page.entries] == [(t, D(2026, 9, 20 - n)) for n, t in enumerate(titles)]


@pytest.mark.parametrize(
    "holder",
    [
        "<template id='tpl'>{rows}</template>",
        "<script type='text/html' id='tpl'>{rows}</script>",
        "<textarea id='tpl' style='display:none'>{rows}</textarea>",
    ],
)
def test_a_list_held_for_the_pages_script_to_show_is_read(holder):
    # the entries held in an inert holder the page's script copies into its empty list: what a browser shows
    titles = ["关于2026年国庆节放假安排的通知", "关于开展2026年秋季学期教学检查的通知"]
    rows = "".join(
        f"<li><a href='/info/{n}.htm'>{t}</a><span>2026-09-{20 - n}</span></li>" for n, t in enumerate(titles)
    )
    shows = "<script>$('#box').html($('#tpl').html());</script>"
    page = parse_column_page(_column(f"</ul><ul id='box'></ul>{holder.format(rows=rows)}{shows}<ul>"), BASE + "/tzgg/")
    assert [(e.title, e.date) for e in page.entries] == [(t, D(2026, 9, 20 - n)) for n, t in enumerate(titles)]
    # a template of placeholders holds no entries; nor a holder no script shows
    placeholders = "<script type='text/html' id='tpl'><li><a href='{{item.url}}'>{{item.title}}</a></li></script>"
    assert not parse_column_page(_column(f"</ul><ul id='box'></ul>{placeholders}{shows}<ul>"), BASE + "/tzgg/").entries
    if "template" not in holder:  # (a template's links are read as the page's, undated, as before)
        unused = holder.replace("tpl", "spare").format(rows=rows)
        assert not parse_column_page(_column(f"</ul><ul id='box'></ul>{unused}{shows}<ul>"), BASE + "/tzgg/").entries


def test_an_ad_script_in_a_cell_writes_no_text():
    # an ad server's script in a table cell writes pieces of a <script> tag: no words of the page
    ad = '<script>document.write("<" + "script src=\'"); document.write("http://ads.example.com/adx.js\'>");</script>'
    html = f"<html><body><table><tr><td>{ad}</td></tr></table><h1>通知</h1><p>发布时间：2026-09-01</p></body></html>"
    assert "script" not in parse_article(html.encode(), BASE + "/a.htm").text


def test_a_catalog_rows_index_number_does_not_date_its_entry():
    # 信息公开目录 rows with only an index number whose serial follows a date: undated (their pages date them)
    rows = "".join(
        f"<tr><td>455800361/2026-09-{20 - i}-00{i}1</td><td><a href='/info/1012/{3456 + i}.htm'>"
        f"关于开展第{i}批教学检查工作的通知</a></td><td>教务处</td></tr>"
        for i in range(4)
    )
    page = parse_list(_column(f"</ul><table class='list'>{rows}</table><ul>", "信息公开目录"), BASE + "/xxgk/ml.htm")
    assert len(page.entries) == 4 and [e.date for e in page.entries] == [None] * 4


def test_a_file_linked_as_written_and_escaped_is_one_attachment():
    # an editor's link (名单.pdf) beside the same file's escaped link: one file, asked for once; on a GBK page, two
    # files whose names are escaped in GBK stay two
    links = (
        "<a href='/f/名单.pdf'>名单.pdf</a> <a href='/f/%E5%90%8D%E5%8D%95.pdf'>下载</a>"
        "<a href='/down.asp?f=表格.xls'>表格.xls</a> <a href='/down.asp?f=名单.xls'>名单.xls</a>"
    )
    html = f"<html><body><h1>关于公布名单的通知</h1><p>发布时间：2026-09-01</p><p>正文。</p>{links}</body></html>"
    article = parse_article(html.encode("gbk"), BASE + "/a.htm", {"content-type": "text/html; charset=gbk"})
    assert [a.url for a in article.attachments] == [
        BASE + "/f/名单.pdf",
        BASE + "/down.asp?f=%B1%ED%B8%F1.xls",
        BASE + "/down.asp?f=%C3%FB%B5%A5.xls",
    ]


def test_links_written_with_backslashes_lead_where_a_browser_goes():
    # hand-written IIS pages: href="..\\info\\1.htm"; a browser reads \\ as / in the path (not in the query), and
    # the link checked as written (/xxgk/..%5Cinfo%5C1.htm) would be reported broken: a false alarm
    rows = (
        "".join(
            f"<li><a href='..\\info\\1001\\{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a><span>2026-09-1{n}</span></li>"
            for n in range(1, 4)
        )
        + "<li><a href='..\\down.asp?f=a\\b.pdf'>关于公布校级教学成果奖评审材料的通知</a><span>2026-09-10</span></li>"
    )
    page = parse_list(_column(rows), BASE + "/xxgk/tzgg.htm")
    assert [e.url for e in page.entries] == [
        *(f"{BASE}/info/1001/{n}.htm" for n in range(1, 4)),
        f"{BASE}/down.asp?f=a\\b.pdf",  # (in the query, a backslash is a backslash)
    ]


@pytest.mark.parametrize(
    "row",
    [
        "<li><a href='/info/1001/{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a><span>2026-09-1{n}",  # never closed
        "<li><a href='/info/1001/{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a><span>2026-09-1{n}</sapn></li>",  # typo
        "<li><font color='red'><a href='/info/1001/{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a></font><font>2026-09-1{n}",
        "<dt><a href='/info/1001/{n}.htm'>关于公布第{n}批校级教学成果奖的通知</a></dt><dd><span>2026-09-1{n}",
    ],
)
def test_list_items_left_open_in_an_inline_element_are_read_as_a_browser_shows_them(row):
    # libxml2 nested each next <li> in the open <span>/<font>: one entry read of five (a browser closes the item)
    rows = "".join(row.format(n=n) for n in range(1, 6))
    page = parse_list(_column(rows), BASE + "/tzgg.htm")
    assert [(e.title, e.date) for e in page.entries] == [
        (f"关于公布第{n}批校级教学成果奖的通知", D(2026, 9, 10 + n)) for n in range(1, 6)
    ]


_MORE_BOX = "<div class='tit'><h3>学校新闻</h3><a href='/xwzx.htm'>更多>></a></div>"


def _beside_news_box(title: str, main: str, heading: str = _MORE_BOX, count: int = 8) -> bytes:
    """A column's page: ``main`` beside a sidebar box of another column (``heading``, ``count`` dated news)."""
    box = "".join(
        f"<li><a href='/info/1002/{n}.htm'>学校召开2026年第{n}次党委常委会会议</a><span>2026-11-{n:02d}</span></li>"
        for n in range(1, count + 1)
    )
    return (
        f"<html><head><title>{title}-测试学院</title></head><body><div class='nav'><a href='/'>首页</a></div>"
        f"<div class='side'>{heading}<ul>{box}</ul></div><div class='main'>{main}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "heading",
    [
        _MORE_BOX,
        "<h3>最新动态</h3><a class='more' href='/zxdt.htm'>more</a>",
        "<div class='hd'><span>通知公告</span><a href='/tzgg.htm'><img src='/img/more.gif' alt='更多'></a></div>",
    ],
)
def test_a_columns_few_entries_beat_another_columns_box_beside_them(heading):
    # no heading names the column (only the breadcrumb and <title>): the sidebar's box of another column, with
    # its 更多 link and eight recent entries, was read as the column (an up-to-date column that is not)
    own = "".join(
        f"<li><a href='/info/1011/{n}.htm'>关于2026年第{n}季度预算执行情况的公告</a><span>2026-0{n}-15</span></li>"
        for n in (1, 2)
    )
    main = f"<div class='pos'>当前位置：<a href='/'>首页</a> &gt; 财务信息</div><ul class='list'>{own}</ul>"
    page = parse_list(_beside_news_box("财务信息", main, heading), BASE + "/xxgk/cwxx.htm")
    assert [e.date for e in page.entries] == [D(2026, 1, 15), D(2026, 2, 15)]


@pytest.mark.parametrize(
    ("crumb", "blank"),
    [
        ("<div class='pos'>当前位置：<a href='/'>首页</a> &gt; 规章制度</div>", True),
        (
            "<div class='pos'>您现在的位置：<a href='/'>首页</a> &gt;&gt; <a href='/xxgk/gzzd.htm'>规章制度</a></div>",
            True,
        ),
        ("<div class='pos'>当前位置：<a href='/'>首页</a> &gt; 信息公开</div>", False),  # not the column's: unclear
    ],
)
def test_an_empty_column_named_only_by_its_breadcrumb_beside_another_columns_box_is_blank(crumb, blank):
    page = parse_list(_beside_news_box("规章制度", f"{crumb}<ul class='list'></ul>"), BASE + "/xxgk/gzzd.htm")
    assert page.blank is blank
    assert not blank or (page.entries, page.reason) == ((), "栏目自身的列表为空（页面上的条目属于“学校新闻”栏）")


def test_a_columns_undated_documents_beat_another_columns_box_of_dated_news():
    names = ["学校章程", "学生手册", "教师手册", "财务制度", "资产管理办法", "科研管理办法", "招生章程"]
    own = "".join(f"<li><a href='/info/1011/{3000 + i}.htm'>{n}</a></li>" for i, n in enumerate(names))
    main = f"<div class='pos'>当前位置：<a href='/'>首页</a> &gt; 规章制度</div><ul>{own}</ul>"
    page = parse_list(_beside_news_box("规章制度", main, count=15), BASE + "/xxgk/gzzd.htm")
    assert [e.title for e in page.entries] == names


def test_cards_whose_title_and_image_link_to_one_article_are_one_entry_each():
    # a card of news: a block with the title (its date in a form lists do not read) and a block with the picture,
    # both linking to the article; each card was read as a list of its own two parts, and the column as 3 menu links
    cards = "".join(
        f"<article class='packages'><div class='text'><div class='title'><h2><a href='/nyheter/artikkel/{i}/'>"
        f"Nyhet nummer {i} om nye ruter og tjenester</a></h2><div class='date'>16.02.2016 15:06</div></div>"
        "<div class='summary'>Fra 15. februar tilbyr selskapet Wi-Fi om bord på alle flyene sine.</div>"
        f"<div class='image'><a href='/nyheter/artikkel/{i}/'><img src='/img/{i}.jpg' alt='Nyhet {i}'></a></div>"
        "</div></article>"
        for i in range(12)
    )
    menu = "".join(f"<li><a href='/{w}/'>{w}</a></li>" for w in ("fly", "hotell", "bil", "info"))
    page = (
        f"<html><head><title>Nyheter</title></head><body><ul>{menu}</ul><div class='news'>{cards}</div></body></html>"
    )
    entries = parse_list(page.encode(), "http://www.example.no/nyheter/").entries
    assert [e.url for e in entries] == [f"http://www.example.no/nyheter/artikkel/{i}/" for i in range(12)]


def test_posts_nested_deep_in_page_builder_rows_are_read():
    # a page builder wraps each post in rows and columns, ten levels between the post and its links (picture, title
    # and 阅读全文 all to the article): the reader stopped six levels up, found no list, and called the column unknown
    wrap = "<div class='vc_row'><div class='vc_col-sm-12'><div class='wpb_wrapper'>" * 3
    unwrap = "</div></div></div>" * 3
    posts = "".join(
        f"<div class='blog-index-post'><section>{wrap}<div class='blog-head'><a href='/news/{40 + i}.html'>"
        f"<img src='/img/{i}.jpg'></a></div><h2><a href='/news/{40 + i}.html'>学院举办第{i}期青年教师教学沙龙</a></h2>"
        f"<div class='meta'>2026-09-{i + 1:02d}</div><a href='/news/{40 + i}.html'>阅读全文</a>{unwrap}</section></div>"
        for i in range(10)
    )
    page = f"<html><head><title>学院新闻</title></head><body><main>{posts}</main></body></html>"
    entries = parse_list(page.encode(), BASE + "/news/index.html").entries
    assert [(e.url, e.date) for e in entries] == [(f"{BASE}/news/{40 + i}.html", D(2026, 9, i + 1)) for i in range(10)]


def test_a_menu_of_pages_numbered_in_the_query_does_not_beat_a_columns_undated_documents():
    # a sidebar of the site's pages (about.asp?id=1 …) beside a 规章制度 column's undated documents: the documents are
    # the column's; reading an id in the query as an entry's address (tried this round) made the longer menu win
    names = ["学校章程", "学生手册", "教师手册", "财务制度", "资产管理办法", "科研管理办法", "招生章程"]
    docs = "".join(f"<li><a href='/info/1011/{3000 + i}.htm'>{n}</a></li>" for i, n in enumerate(names))
    pages = [
        "学校简介",
        "历史沿革",
        "现任领导",
        "机构设置",
        "校园风光",
        "办学特色",
        "联系我们",
        "校训校歌",
        "学校标识",
        "年度报告",
    ]
    menu = "".join(f"<li><a href='/about.asp?id={k}'>{t}</a></li>" for k, t in enumerate(pages))
    page = (
        f"<html><head><title>规章制度</title></head><body><div class='left'><h3>学校概况</h3><ul class='leftlist'>{menu}"
        f"</ul></div><div class='right'><ul class='list'>{docs}</ul></div></body></html>"
    )
    assert [e.title for e in parse_list(page.encode(), BASE + "/xxgk/gzzd.htm").entries] == names


@pytest.mark.parametrize(
    ("column", "own", "other"),
    [
        # TRS (DedeCMS, PHPCMS, 帝国 alike): the column's entries sit in its folder
        ("/xxgk/tzgg/index.html", "/xxgk/tzgg/202603/t202603{d}_1{i}.html", "/xwzx/xxyw/202609/t202609{d}_2{i}.html"),
        ("/1234/list.htm", "/2026/03{d}/c1234a56{i}/page.htm", "/2026/09{d}/c1111a77{i}/page.htm"),  # WebPlus
        (
            "/col/col1234/index.html",
            "/art/2026/3/{d}/art_1234_56{i}.html",
            "/art/2026/9/{d}/art_1111_77{i}.html",
        ),  # 大汉
    ],
)
def test_a_columns_own_entries_by_their_addresses_beat_a_longer_sidebar_of_newer_ones(column, own, other):
    # nothing on the page names the column (no heading, no breadcrumb); a sidebar of another column's newer entries
    # is longer: it stood for the column, so a column last updated in March looked up to date. The CMS writes the
    # column's own entries in its folder or with its number: that list is the column's
    def rows(address, month, n, title):
        return "".join(
            f"<li><a href='{address.format(d=f'{k + 1:02d}', i=k)}'>{title}第{k}号</a><span>2026-{month}-{k + 1:02d}</span></li>"
            for k in range(n)
        )

    page = (
        "<html><head><title>通知公告_某某学院</title></head><body><div class='main'><ul>"
        f"{rows(own, '03', 8, '关于开展教学检查工作的通知')}</ul></div><div class='side'><h3>最新动态</h3><ul>"
        f"{rows(other, '09', 10, '学校召开专题工作会议')}</ul></div></body></html>"
    )
    entries = parse_list(page.encode(), BASE + column).entries
    assert [e.title for e in entries] == [f"关于开展教学检查工作的通知第{k}号" for k in range(8)]
    assert max(e.date for e in entries) == D(2026, 3, 8)


@pytest.mark.parametrize(
    "box", ["<div class='box'><h3>最新动态</h3><ul>{}</ul></div>", "<div class='swiper'><ul>{}</ul></div>"]
)
def test_a_breadcrumb_over_a_widget_box_and_the_columns_list_leads_to_the_list(box):
    # a breadcrumb naming the column spans the page, then the site's 最新动态 box or a picture carousel (longer,
    # newer), then the column's own list, their addresses of one CMS (/info/1001/, /info/1021/): the first block
    # after the breadcrumb was taken for the column's area, so the widget's entries stood for a column last
    # updated in 2022
    def rows(folder, year, n, title):
        return "".join(
            f"<li><a href='/info/{folder}/{k}.htm'>{title}第{k}号</a><span>{year}-0{k + 1}-10</span></li>"
            for k in range(n)
        )

    crumb = "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 财务资产</div>"
    widget = box.format(rows(1001, 2025, 8, "学校召开专题工作会议"))
    own = f"<div class='list'><ul>{rows(1021, 2022, 5, '关于公开学校财务预算的通知')}</ul></div>"
    page = f"<html><head><title>财务资产-某某学院</title></head><body><div class='main'>{crumb}{widget}{own}</div>"
    entries = parse_list((page + "</body></html>").encode(), BASE + "/xxgk/cwzc.htm").entries
    assert [e.title for e in entries] == [f"关于公开学校财务预算的通知第{k}号" for k in range(5)]
    assert max(e.date for e in entries) == D(2022, 5, 10)


@pytest.mark.parametrize("crumb", ["", "<div>当前位置：<a href='/'>首页</a> &gt; 财务资产</div>"])
def test_a_marquee_of_the_sites_latest_notices_is_never_the_columns_list(crumb):
    # a ticker (<marquee>) of the site's newest notices above the column's own older list, its label a bare span:
    # its eight newer links beat the column's five, with a breadcrumb naming the column or without one
    ticker = "<div class='notice'><span>最新通知：</span><marquee>" + "".join(
        f"<a href='/info/1002/{k}.htm'>关于2025年第{k}次会议安排的通知 [2025-01-{k + 10}]</a> " for k in range(8)
    )
    own = "".join(
        f"<li><a href='/info/1021/{k}.htm'>学校财务预算公开第{k}号</a><span>2022-0{k + 1}-10</span></li>"
        for k in range(5)
    )
    page = f"<html><head><title>财务资产-某某学院</title></head><body>{crumb}{ticker}</marquee></div><ul>{own}</ul>"
    entries = parse_list((page + "</body></html>").encode(), BASE + "/xxgk/cwzc.htm").entries
    assert [e.title for e in entries] == [f"学校财务预算公开第{k}号" for k in range(5)]


def test_a_table_layouts_sidebar_and_main_column_are_not_one_list_dealt_in_two():
    # an old ASP site laid out in a table: a 200-wide sidebar table of 最新文章 (newer) beside the 760-wide main
    # table whose first row is the breadcrumb (您现在的位置：首页 >> 信息公开 >> 财务资产); both were read as the parts of
    # one list, with the breadcrumb's 信息公开 as an entry, so the column looked updated in 2025
    side = "".join(
        f"<tr><td><a href='/news/show.asp?id={900 + k}'>学校召开第{k}次专题工作会议</a> (2025-1-{k + 10})</td></tr>"
        for k in range(8)
    )
    own = "".join(
        f"<tr><td><a href='/news/show.asp?id={k}'>学校财务预算公开第{k}号</a></td><td>2022-{k + 1}-10</td></tr>"
        for k in range(5)
    )
    crumb = (
        "<tr><td>您现在的位置：<a href='/'>首页</a> &gt;&gt; <a href='/xxgk/'>信息公开</a> &gt;&gt; 财务资产</td></tr>"
    )
    layout = (
        f"<table width='980'><tr><td valign='top'><table width='200'><tr><td><b>最新文章</b></td></tr>{side}</table></td>"
        f"<td valign='top'><table width='760'>{crumb}{own}</table></td></tr></table>"
    )
    page = f"<html><head><title>财务资产</title></head><body>{layout}</body></html>"
    entries = parse_list(page.encode(), BASE + "/news/list.asp?classid=12").entries
    assert [e.title for e in entries] == [f"学校财务预算公开第{k}号" for k in range(5)]


def _blank_beside_news(column: str, sidebar: str, marker: str = "<div class='list'><p>暂无信息</p></div>") -> bytes:
    news = "".join(
        f"<li><a href='{sidebar.format(d=f'{k + 1:02d}', i=k)}'>学校召开第{k}次专题工作会议</a><span>2026-09-{k + 1:02d}</span></li>"
        for k in range(10)
    )
    return (
        "<html><head><title>通知公告_某某学院</title></head><body><div class='main'>"
        f"{marker}</div><div class='side'><h3>最新动态</h3><ul>{news}</ul></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("column", "sidebar"),
    [
        ("/xxgk/tzgg/index.html", "/xwzx/xxyw/202609/t202609{d}_2{i}.html"),  # TRS: its entries would be in its folder
        ("/1234/list.htm", "/2026/09{d}/c1111a77{i}/page.htm"),  # WebPlus: they would carry c1234
    ],
)
def test_an_empty_column_named_by_nothing_beside_another_columns_entries_is_blank(column, sidebar):
    # the column's area says 暂无信息 and no heading names the column; the sidebar's ten September entries are another
    # column's (not in this column's folder, not its number): they stood for it, so a blank column looked up to date
    page = parse_list(_blank_beside_news(column, sidebar), BASE + column)
    assert (page.blank, page.entries) == (True, ())
    assert page.reason == "页面显示“暂无信息”（页面上的条目不在本栏目之下，属于其他栏目）"


def test_a_blank_marker_is_not_read_where_the_columns_address_tells_nothing_or_the_list_says_it():
    # 博达's tzgg.htm keeps its entries under /info/: their addresses cannot tell, so its entries stand; and a marker
    # in the box of the entries read is theirs, not an empty area of the column's own
    vsb = parse_list(_blank_beside_news("/xxgk/tzgg.htm", "/info/1001/5{i}.htm"), BASE + "/xxgk/tzgg.htm")
    assert (vsb.blank, len(vsb.entries)) == (False, 10)
    # nor where the entries read have no box of their own: a column listing another channel's documents (TRS 引用)
    # beside a widget whose placeholder says 暂无数据 until a script fills it
    cited = _blank_beside_news("/xxgk/tzgg/index.html", "/xxgk/zcwj/202609/t202609{d}_2{i}.html", "<p>暂无数据</p>")
    cited = cited.replace("<h3>最新动态</h3>".encode(), b"")
    assert parse_list(cited, BASE + "/xxgk/tzgg/index.html").blank is False
    inside = _blank_beside_news("/xxgk/tzgg/index.html", "/xwzx/xxyw/202609/t202609{d}_2{i}.html", marker="")
    inside = inside.replace(b"</ul></div></body>", "</ul><p>暂无信息</p></div></body>".encode())
    page = parse_list(inside, BASE + "/xxgk/tzgg/index.html")
    assert (page.blank, len(page.entries)) == (False, 10)


_CRUMB = "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk.htm'>信息公开</a> &gt; 通知公告</div>"
_SIDEBAR = "<div class='side'><h3>最新动态</h3><ul>{}</ul></div>".format(
    "".join(
        f"<li><a href='/info/1001/{500 + k}.htm'>学校召开第{k}次工作会议</a><span>2026-09-1{k}</span></li>"
        for k in range(8)
    )
)


@pytest.mark.parametrize(
    "body",
    [
        f"{_CRUMB}<div class='main'><ul class='list'><li>暂无内容</li></ul></div>{_SIDEBAR}",  # a bar over the columns
        f"<div class='wrap'>{_CRUMB}<div class='main'><p>暂无信息</p></div>{_SIDEBAR}</div>",  # in the page's wrapper
        f"<div class='main'>{_CRUMB}<table class='winstyle1234'><tr><td>暂无数据</td></tr></table></div>{_SIDEBAR}",
    ],
)
def test_an_empty_column_named_by_its_breadcrumb_beside_a_sidebar_is_blank(body):
    # the breadcrumb names the column and its area says 暂无内容; the sidebar's eight September entries stood for it
    page = parse_list(
        f"<html><head><title>通知公告-某某学院</title></head><body>{body}</body></html>".encode(), BASE + "/tzgg.htm"
    )
    assert (page.blank, page.entries) == (True, ())
    assert page.reason.startswith("页面显示“暂无") and page.reason.endswith("（页面上的其他条目属于侧栏）")


def test_an_empty_list_after_a_breadcrumb_bar_beside_a_sidebar_is_a_blank_column():
    # a bar over the columns names the column; the block after it holds the column's empty list, the sidebar's
    # 最新动态 its eight entries: the column is blank (its area was looked for only around the breadcrumb itself)
    body = f"{_CRUMB}<div class='main'><ul class='list'></ul></div>{_SIDEBAR}"
    page = parse_list(
        f"<html><head><title>通知公告-某某学院</title></head><body>{body}</body></html>".encode(), BASE + "/tzgg.htm"
    )
    assert (page.blank, page.reason) == (True, "栏目自身的列表为空（页面上的条目属于“最新动态”栏）")


def test_a_marker_above_the_columns_own_list_is_no_blank_column():
    # the column's own list under its breadcrumb, a line above it saying 置顶信息：暂无信息: its entries stand (a first
    # version of the breadcrumb-bar rule called it blank: the marker's block came before the entries')
    own = "".join(
        f"<li><a href='/info/1012/{300 + k}.htm'>关于开展第{k}批教学检查工作的通知</a><span>2026-09-0{k + 1}</span></li>"
        for k in range(8)
    )
    body = f"<div class='main'>{_CRUMB}<div class='top'>置顶信息：暂无信息</div><ul class='list'>{own}</ul></div>"
    page = parse_list(
        f"<html><head><title>通知公告-某某学院</title></head><body>{body}</body></html>".encode(), BASE + "/tzgg.htm"
    )
    assert (page.blank, len(page.entries)) == (False, 8)


def test_a_sidebar_before_the_columns_area_is_not_judged_by_a_marker_after_it():
    # the entries read come first after the breadcrumb bar (a left sidebar), the marker after them: unclear, not blank
    body = f"{_CRUMB}{_SIDEBAR}<div class='main'><p>暂无信息</p></div>"
    page = parse_list(
        f"<html><head><title>通知公告-某某学院</title></head><body>{body}</body></html>".encode(), BASE + "/tzgg.htm"
    )
    assert (page.blank, len(page.entries)) == (False, 8)


def test_a_menu_of_sub_columns_in_the_columns_folder_is_not_its_list():
    # the sub-columns' links share the column's folder but are no entries (index.html): the dated list is read
    menu = "".join(f"<li><a href='/xxgk/tzgg/sub{k}/index.html'>子栏目{k}</a></li>" for k in range(6))
    own = "".join(
        f"<li><a href='/info/1012/{300 + k}.htm'>关于开展第{k}批教学检查工作的通知</a><span>2026-09-{k + 1:02d}</span></li>"
        for k in range(5)
    )
    page = f"<html><head><title>通知公告</title></head><body><ul class='sub'>{menu}</ul><ul>{own}</ul></body></html>"
    entries = parse_list(page.encode(), BASE + "/xxgk/tzgg/index.html").entries
    assert [e.url for e in entries] == [f"{BASE}/info/1012/{300 + k}.htm" for k in range(5)]


_OPENERS = "<script>function openDetail(id){window.open('/xxgk/detail.jsp?id=' + id, '_blank');}</script>"


@pytest.mark.parametrize(
    ("row", "scripts"),
    [
        # a link calling a function the page defines (JSP and .NET templates of government and college sites)
        ("<li><a href=\"javascript:openDetail('{n}')\">{t}</a><span>{d}</span></li>", _OPENERS),
        ("<li><a href='#' onclick='openDetail({n});return false;'>{t}</a><span>{d}</span></li>", _OPENERS),
        ("<li onclick='openDetail({n})'><span class='tit'>{t}</span><span>{d}</span></li>", _OPENERS),
        (
            "<li><a href='javascript:;' onclick=\"show('{n}')\">{t}</a><span>{d}</span></li>",
            "<script>var show = function (id) { location.href = '/xxgk/detail.jsp?id=' + id; };</script>",
        ),
        (  # the address built in a local variable first
            "<li><a href='javascript:view({n})'>{t}</a><span>{d}</span></li>",
            "<script>function view(id) { var url = '/xxgk/detail.jsp?id=' + id; window.open(url, '_blank'); }</script>",
        ),
        # a click handler the page binds, building the address from the row's or the link's data attributes
        (
            "<li data-id='{n}'><a href='javascript:;'>{t}</a><span>{d}</span></li>",
            "<script>$('.list li').click(function () { window.open('/xxgk/detail.jsp?id=' + $(this).attr('data-id')); });"
            "</script>",
        ),
        (
            "<li><a href='javascript:void(0)' data-href='/xxgk/detail.jsp?id={n}'>{t}</a><span>{d}</span></li>",
            "<script>$(document).on('click', '.list a', function () { location.href = $(this).data('href'); });</script>",
        ),
        (
            "<li data-news-id='{n}'><span class='tit'>{t}</span><span>{d}</span></li>",
            "<script>document.querySelectorAll('.list li').forEach(function (li) { li.onclick = function () {"
            " location.href = '/xxgk/detail.jsp?id=' + this.dataset.newsId; }; });</script>",
        ),
        # a whole row or card that opens the entry, no link inside it
        ("<tr onclick=\"window.open('/xxgk/detail.jsp?id={n}')\"><td>{t}</td><td>{d}</td></tr>", ""),
        (
            "<div class='item' onclick=\"location.href='/xxgk/detail.jsp?id={n}'\"><h4>{t}</h4>"
            "<p>为做好相关工作，现将有关事项通知如下，请各单位认真组织落实并按时报送材料。</p><span>{d}</span></div>",
            "",
        ),
    ],
)
def test_entries_a_script_opens_are_read_where_the_page_says_where_it_goes(row, scripts):
    # the address is in the page (the script or the function it calls is there): a browser's click goes to it,
    # so the entry is read, with its title and date; the same rows calling a function kept in an external .js
    # stay unknown (tests/test_pagers.py)
    rows = "".join(
        row.format(n=500 + i, t=f"关于2026年第{i}批次工作安排的通知", d=f"2026-09-{i + 1:02d}") for i in range(12)
    )
    holder = "table" if row.startswith("<tr") else "div" if row.startswith("<div") else "ul"
    html = (
        f"<html><head><title>通知公告-测试学院</title>{scripts}</head><body><h2>通知公告</h2>"
        f"<{holder} class='list'>{rows}</{holder}></body></html>"
    )
    page = parse_list(html.encode(), BASE + "/xxgk/tzgg/index.htm")
    assert [e.url for e in page.entries] == [f"{BASE}/xxgk/detail.jsp?id={500 + i}" for i in range(12)]
    assert [e.title for e in page.entries] == [f"关于2026年第{i}批次工作安排的通知" for i in range(12)]
    assert [e.date for e in page.entries] == [D(2026, 9, i + 1) for i in range(12)]


def test_a_script_that_opens_one_fixed_page_whatever_it_is_given_opens_no_entry():
    # a cookie banner's OK calls a function that may reload a fixed page: that address is no entry's own, while a
    # row's call builds its entry's address from its argument (a pager's step may go to a fixed page: not asked)
    code = (
        "function SiteCookie(u){document.cookie='ok=1'; if (u) {location.href='/about/privacy.htm';}}"
        "function openDetail(id){window.open('/xxgk/detail.jsp?id=' + id);}"
    )
    assert pagerscripts.script_target("SiteCookie(false); return false;", code, own=True) is None
    assert pagerscripts.script_target("SiteCookie(false); return false;", code) == "/about/privacy.htm"
    assert pagerscripts.script_target("openDetail('512')", code, own=True) == "/xxgk/detail.jsp?id=512"
    fixed = "function about(x){ var u = '/about.htm'; location.href = u; }"
    assert pagerscripts.script_target("about(1)", fixed, own=True) is None


@pytest.mark.parametrize(
    "call, code, target",
    [
        # a ternary or an if/else on the page number: the branch taken
        (
            "go(1)",
            "function go(n){ location.href = n == 1 ? 'index.html' : 'index_' + (n - 1) + '.html'; }",
            "index.html",
        ),
        (
            "go(3)",
            "function go(n){ location.href = n == 1 ? 'index.html' : 'index_' + (n - 1) + '.html'; }",
            "index_2.html",
        ),
        (
            "go(3)",
            "function go(n){ if (n <= 1) { location.href = 'list.htm'; } else { location.href = 'list' + n + '.htm'; } }",
            "list3.htm",
        ),
        # a guard before the navigation is passed over
        ("go(2)", "function go(n){ if (n < 1) { return; } location.href = '?page=' + n; }", "?page=2"),
        # arithmetic is no address: count * 10 is not "3"
        ("go(3)", "function go(n){ location.href = n * 10; }", None),
        # a condition on something the call does not give: no branch can be told
        (
            "go(2)",
            "function go(n){ if (mobile == 1) { location.href = 'm/' + n; } else { location.href = 'pc/' + n; } }",
            None,
        ),
    ],
)
def test_a_scripts_address_follows_the_branch_its_number_takes(call, code, target):
    assert pagerscripts.script_target(call, code) == target


def test_a_link_to_a_page_is_no_attachment_though_its_title_names_a_file():
    # an article's sidebar links to other articles, one titled by its file's name, one with a query: pages, not files
    html = (
        "<html><head><title>关于公布2026年度教学成果奖评审结果的通知-测试学院</title></head><body><div class='main'>"
        "<h1>关于公布2026年度教学成果奖评审结果的通知</h1><div class='info'>发布时间：2026-09-15</div>"
        "<div class='con'><p>各学院：现将评审结果予以公布。</p></div><ul class='side'>"
        "<li><a href='/info/1001/12346.htm'>2026年招生章程.pdf</a></li><li><a href='/news.asp?id=5'>关于印发管理办法的通知</a></li>"
        "<li><a href='javascript:void(0)' onclick=\"window.open('/news.asp?id=6')\">学校简介</a></li></ul></div></body></html>"
    )
    assert parse_article(html.encode(), BASE + "/info/1001/12345.htm").attachments == ()


@pytest.mark.parametrize(
    ("pager", "total"),
    [
        ("共 <b>125</b> 篇文章&nbsp;首页 上一页 <a href='?page=2'>下一页</a> 页次：1/7页", 125),  # 动易
        ("<span class='pageinfo'>共 <strong>7</strong>页<strong>125</strong>条</span>", 125),  # DedeCMS
        ("共有 125 条记录 <a href='?page=2'>下一页</a>", 125),
        # PHPCMS's pages(): the count, unlabelled, opens the pager before 上一页
        ("<a class='a1'>125条</a> <a href='?page=0' class='a1'>上一页</a> <span>1</span> <a href='?page=2'>2</a>", 125),
        (
            "<ul><li><a class='pageitem'>125条</a></li><li><a href='?page=0'>上一页</a></li><li><span>1</span></li></ul>",
            125,
        ),
        # 帝国CMS's pager: the count in bold inside a link titled Total record
        ("<a title='Total record'>&nbsp;<b>125</b> </a>&nbsp;&nbsp;<b>1</b>&nbsp;<a href='index_2.html'>2</a>", 125),
        ("<a title='Total record'>&nbsp;<b>首页</b> </a><b>1</b>&nbsp;<a href='index_2.html'>2</a>", None),
        # a site's statistics box is not the list's count: no pager beside it
        ("<div class='stat'>本站共有 3256 篇文章</div>", None),
    ],
)
def test_the_entry_count_a_pager_states_is_read_in_each_cms_wording(pager, total):
    assert parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html").total == total


@pytest.mark.parametrize(
    ("pager", "count"),
    [
        ("共125条记录 分7页 <a href='index_2.html'>下一页</a>", 7),  # the wording of many a hand-written pager
        ("共125条记录 分7页显示 当前第1页 <a href='?page=2'>下一页</a>", 7),
        ("<a href='index_2.html'>下一页</a><p>本次评审分3页公示</p>", None),  # no count of entries before it
    ],
)
def test_the_page_count_a_pager_states_after_its_entry_count_is_read(pager, count):
    assert parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html").page_count == count


@pytest.mark.parametrize(
    "onchange",
    [
        "javascript:window.location='index.html?page='+this.options[this.selectedIndex].value;",  # 动易
        "location.href = 'index.html?page=' + this.value",
    ],
)
def test_a_drop_down_of_page_numbers_its_script_turns_into_addresses_is_followed(onchange):
    # 首页 上一页 下一页 尾页 unlinked, the pages offered only in a select of bare numbers its script joins to an address
    options = "".join(f"<option value='{n}'{' selected' * (n == 1)}>第{n}页</option>" for n in range(1, 4))
    pager = f'首页 上一页 下一页 尾页 转到：<select name="page" onchange="{onchange}">{options}</select>'
    page = parse_list(_paged(pager), BASE + "/xxgk/tzgg/index.html")
    assert set(page.next_pages) == {f"{BASE}/xxgk/tzgg/index.html?page={n}" for n in (2, 3)}
    assert page.unfollowable == ""


def _crumbed(own: int, sidebar: str, crumb_apart: bool) -> bytes:
    crumb = "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 招生考试信息</div>"
    rows = "".join(
        f"<li><a href='/info/1012/{900 + i}.htm'>关于2026年招生考试工作第{i}项安排的公告</a><span>2026-03-1{i}</span></li>"
        for i in range(own)
    )
    news = "".join(
        f"<li><a href='/info/1001/{500 + i}.htm'>学校召开2026年第{i}次工作会议部署各项任务</a><span>2026-09-1{i}</span></li>"
        for i in range(9)
    )
    main = f"<div class='right'>{'' if crumb_apart else crumb}<ul class='list'>{rows}</ul></div>"
    return (
        f"<html><head><title>招生考试信息-测试学院信息公开网</title></head><body>{crumb if crumb_apart else ''}"
        f"<div class='left'><h3>信息公开</h3><ul><li><a href='/xxgk/jbxx.htm'>基本信息</a></li></ul></div>{main}"
        f"<div class='side'>{sidebar}<ul>{news}</ul></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("sidebar", "crumb_apart"),
    [("<h3>最新动态</h3>", False), ("<h3>最新动态</h3>", True), ("<h3>热点新闻</h3>", True), ("", False), ("", True)],
)
@pytest.mark.parametrize("own", [1, 4])
def test_a_column_named_by_its_breadcrumb_is_read_before_a_sidebar_of_more_recent_entries(sidebar, crumb_apart, own):
    # no heading names the column, its breadcrumb does: the sidebar's nine recent entries (最新动态, or no heading but
    # beside the breadcrumb's own block, or after the column's when the breadcrumb spans the page) made a column last
    # updated in March look up to date
    page = parse_list(_crumbed(own, sidebar, crumb_apart), BASE + "/xxgk/zsks.htm")
    assert [e.url for e in page.entries] == [f"{BASE}/info/1012/{900 + i}.htm" for i in range(own)]


@pytest.mark.parametrize("sidebar_first", [True, False])
def test_a_vsb_page_with_two_list_components_reads_the_columns_own(sidebar_first):
    # 博达 numbers the records of every list component (line_u5_…, line_u8_…): the sidebar's 最新动态 is one too, and
    # its September entries were read with the column's March ones, so a stale column looked up to date
    side = "<div class='side'><h3>最新动态</h3><ul>" + "".join(
        f"<li id='line_u5_{i}'><a href='../info/1001/{500 + i}.htm'>学校召开第{i}次工作会议部署任务安排</a><span>2026-09-1{i}</span></li>"
        for i in range(8)
    )
    main = (
        "<div class='main'><div class='dqwz'>当前位置：<a href='../index.htm'>首页</a>&gt;招生考试信息</div><ul>"
        + "".join(
            f"<li id='line_u8_{i}'><a href='../info/1012/{900 + i}.htm'>关于2026年招生考试工作第{i}项安排的公告</a><span>2026-03-1{i}</span></li>"
            for i in range(5)
        )
    )
    parts = [side + "</ul></div>", main + "</ul></div>"]
    body = "".join(parts if sidebar_first else parts[::-1])
    html = f"<html><head><title>招生考试信息-测试大学信息公开网</title></head><body>{body}</body></html>"
    page = parse_list(html.encode(), BASE + "/xxgk/zsks.htm")
    assert [e.url for e in page.entries] == [f"{BASE}/info/1012/{900 + i}.htm" for i in range(5)]


def test_the_count_beside_the_pager_is_the_lists_not_a_statistics_boxs():
    # a site's counter (共12345条信息) above the list: the list's own 共20条 beside its pager is the column's total
    stat = "<div class='stat'>今日更新 5 条 | 共12345条信息</div>"
    page = parse_list(
        _paged("共20条 首页 上一页 下一页 尾页 1/1页").replace(b"<ul>", stat.encode() + b"<ul>", 1), BASE + "/a/"
    )
    assert (page.total, len(page.entries)) == (20, 20)


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>通知公告<span>NOTICE</span></h2>",
        "<h2>通知公告 / News</h2>",
        "<h2>通知公告</h2>",
        # the name after an icon, the template's indent before it: the heading's first text node is the indent
        "<h2>\n    <i class='iconfont'></i>通知公告\n  </h2>",
        "<div class='title'>\n  <img src='/images/dot.png'>\n  通知公告\n</div>",
    ],
)
def test_a_heading_naming_the_column_with_an_english_subtitle_still_names_it(heading):
    # modern templates write 通知公告 NOTICE: the column's own four March entries, not the sidebar's ten recent ones
    own, side = own_and_latest(4, 10)
    html = (
        f"<html><head><title>通知公告-测试学院</title></head><body><div class='main'>{heading}<ul>{own}</ul></div>"
        f"<div class='side'><h3>最新动态</h3><ul>{side}</ul></div></body></html>"
    )
    page = parse_list(html.encode(), BASE + "/tzgg.htm")
    assert [e.url for e in page.entries] == [f"{BASE}/info/1012/{900 + i}.htm" for i in range(4)]


@pytest.mark.parametrize(
    "page_title", ["党政办公室 - 学校简介", "信息公开_学校简介", "Home | 学校简介", "学校简介 - 党政办公室"]
)
def test_a_column_named_by_a_later_part_of_the_page_title_is_read_under_its_heading(page_title):
    # a department's site titles its pages 部门 - 栏目: the column's heading names the title's second part, and the
    # single page under it is the column's content, not the sidebar's two fresh notices (the column looked updated)
    html = (
        f"<html><head><title>{page_title}</title></head><body><div class='nav'><a href='/'>首页</a>"
        "<a href='/dzb/'>党政办公室</a></div><div class='main'><h2>学校简介</h2><div class='con'><p>某某学院始建于1958年，"
        "2003年升格为本科院校。</p></div></div><div class='side'><h3>最新动态</h3><ul><li><a href='/x/1.htm'>关于开展"
        "教学检查的通知</a><span>2026-11-20</span></li><li><a href='/x/2.htm'>关于召开运动会的通知</a><span>2026-11-18"
        "</span></li></ul></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/xxjj.htm", column="学校概况")
    assert [e.url for e in page.entries] == [BASE + "/xxgk/xxjj.htm"]


_TEMPLATE_PLACEHOLDERS = {
    "vue": (
        "<div id='app'><ul class='list'><li v-for='x in list'><a :href='x.url'>{{x.title}}</a></li></ul>"
        "<div class='empty' v-if='list.length==0'>暂无数据</div></div>",
        "<script>new Vue({el:'#app',data:{list:[]},mounted(){$.ajax({url:'/api/list?cid=12'})}});</script>",
    ),
    "hidden": (
        "<ul class='list' id='newsList'></ul><div id='noData' style='display:none'>暂无相关信息</div>",
        "<script>$(function(){$.getJSON('/api/news?cid=12',function(d){if(!d.length){$('#noData').show()}})})</script>",
    ),
    "class": (
        "<ul class='list' id='newsList'></ul><p class='nodata hide'>本栏目暂无内容</p>",
        "<script>fetch('/api/news?cid=12').then(function(r){return r.json()})</script>",
    ),
}


@pytest.mark.parametrize("form", sorted(_TEMPLATE_PLACEHOLDERS))
def test_a_placeholder_a_script_shows_when_its_list_is_empty_is_no_blank_column(form):
    # the template's own 暂无数据, under v-if or hidden until the script has asked for the list, is not what the
    # page shows: the column is one a script fills (unknown), not a blank one
    html, script = _TEMPLATE_PLACEHOLDERS[form]
    page = parse_list(
        f"<html><head><title>通知公告</title></head><body><h2>通知公告</h2>{html}{script}</body></html>".encode(),
        BASE + "/tzgg/",
    )
    assert page.script_loaded and not page.blank and page.reason.startswith("列表由脚本")
    assert page.next_pages == (BASE + "/api/" + ("list" if form == "vue" else "news") + "?cid=12",)  # asked from there
    shown = html.replace(" v-if='list.length==0'", "").replace(" style='display:none'", "").replace(" hide", "")
    page = parse_list(f"<html><head><title>通知公告</title></head><body>{shown}{script}</body></html>".encode(), BASE)
    assert page.blank and "暂无" in page.reason  # the same words shown: blank, as before


def _drawn_page(markup: str, script: str) -> bytes:
    nav = "<div class='nav'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a><a href='/xwzx/'>新闻中心</a></div>"
    return (
        f"<html><head><title>通知公告</title></head><body>{nav}{markup}<script>{script}</script></body></html>".encode()
    )


_DRAWN_FORMS = {  # (the page's list markup, the script carrying its records)
    "vue": (
        "<div id='app'><ul><li v-for='x in list'><a :href='x.url'>{{x.title}}</a><span>{{x.date}}</span></li></ul></div>",
        "var list = [%s]; new Vue({el: '#app', data: {list: list}});",
        '{"title": "关于开展第%d批教学检查工作的通知", "url": "/info/1012/34%02d.htm", "date": "2026-09-%d"}',
    ),
    # data of ids, the address built by the template: bound, as a placeholder, as a template literal
    "vue-ids-bound-href": (
        "<div id='app'><ul><li v-for='x in list'><a :href=\"'/info/1012/' + x.id + '.htm'\">{{x.title}}</a></li></ul></div>",
        "var list = [%s]; new Vue({el: '#app', data: {list: list}});",
        '{"title": "关于开展第%d批教学检查工作的通知", "id": "34%02d", "publishTime": "2026-09-%d 10:00"}',
    ),
    "vue-ids-placeholder-href": (
        "<div id='app'><ul><li v-for='x in list'><a href='/info/1012/{{x.id}}.htm'>{{x.title}}</a></li></ul></div>",
        "var list = [%s]; new Vue({el: '#app', data: {list: list}});",
        '{"title": "关于开展第%d批教学检查工作的通知", "id": 34%02d, "date": "2026-09-%d"}',
    ),
    "vue-ids-template-literal-href": (
        "<div id='app'><ul><li v-for='x in list'><a :href='`/detail.jsp?id=${x.id}`'>{{x.title}}</a></li></ul></div>",
        "var list = [%s]; new Vue({el: '#app', data: {list: list}});",
        '{"title": "关于开展第%d批教学检查工作的通知", "id": "34%02d", "date": "2026-09-%d"}',
    ),
    "jquery-trs-keys": (
        "<ul class='list' id='docs'></ul>",
        "var docs = [%s]; $.each(docs, function (i, d) { $('#docs').append('<li>' + d.DOCTITLE + '</li>'); });",
        "{DOCID: 1, DOCTITLE: '关于开展第%d批教学检查工作的通知', DOCPUBURL: './202609/t202609%d_%d.html', "
        "DOCRELTIME: '2026-09-%d 10:00:00'}",
    ),
    "pinyin-keys-epoch": (
        "<table class='list'><tbody id='rows'></tbody></table>",
        "var data = {totalCount: 10, rows: [%s]}; render(data.rows);",
        "{wzbt: '关于开展第%d批教学检查工作的通知', ljdz: 'content.jsp?id=34%02d', fbsj: %d000, gxsj: 1790000000000}",
    ),
}


def _drawn_records(form: str, n: int = 10) -> str:
    record = _DRAWN_FORMS[form][2]
    if form == "jquery-trs-keys":
        return ",".join(record % (i, 10 + i, i, 10 + i) for i in range(1, n + 1))
    if form == "pinyin-keys-epoch":  # 2026-09-11… at 10:00 China time, as seconds and then milliseconds
        return ",".join(record % (i, i, 1789092000 + 86400 * (i - 1)) for i in range(1, n + 1))
    return ",".join(record % (i, i, 10 + i) for i in range(1, n + 1))


@pytest.mark.parametrize("form", sorted(_DRAWN_FORMS))
def test_a_list_a_template_draws_from_the_pages_own_script_data_is_read(form):
    # newer templates carry the column's records in the page (var list = [{…}]) and draw them in the browser: the
    # column was unknown (列表数据写在页面脚本中); its entries, addresses and dates are now read from the data
    markup, script, _ = _DRAWN_FORMS[form]
    page = parse_list(_drawn_page(markup, script % _drawn_records(form)), BASE + "/xxgk/tzgg/index.html")
    assert len(page.entries) == 10 and not page.blank and not page.script_loaded
    assert page.entries[0].title == "关于开展第1批教学检查工作的通知"
    assert [e.date for e in page.entries] == [D(2026, 9, 10 + i) for i in range(1, 11)]
    assert all(e.url.startswith(BASE + "/") for e in page.entries)
    assert not page.unfollowable


def test_a_templates_own_link_is_no_entry_and_an_address_built_by_a_function_is_not_guessed():
    # the template's link before it is drawn (href="/info/{{x.id}}.htm", titled {{x.title}}) was read as an entry: an
    # undated "{{x.title}}" whose address 404s; an address a function builds (:href="detailUrl(x)") stays unread
    records = ",".join(
        f'{{"title": "关于开展第{i}批教学检查工作的通知", "id": "34{i:02d}", "date": "2026-09-{10 + i}"}}'
        for i in (1, 2, 3)
    )
    data = f"var list = [{records}]; new Vue({{el: '#app', data: {{list: list}}}});"
    markup = "<div id='app'><ul><li v-for='x in list'><a :href='detailUrl(x)'>{{x.title}}</a></li></ul></div>"
    page = parse_list(_drawn_page(markup, data), BASE + "/xxgk/tzgg/index.html")
    assert page.entries == () and not page.blank and page.script_loaded
    unread = "<ul><li><a href='/info/1012/{{x.id}}.htm'>{{x.title}}</a></li><li><a href='/info/${id}.htm'>${title}</a></li></ul>"
    assert not [e for e in parse_list(_drawn_page(unread, ""), BASE + "/xxgk/tzgg/").entries if "{" in e.url + e.title]


def test_script_data_holding_part_of_a_longer_list_leaves_the_column_incomplete():
    markup, script, _ = _DRAWN_FORMS["pinyin-keys-epoch"]
    page = parse_list(
        _drawn_page(markup, script.replace("totalCount: 10", "totalCount: 25") % _drawn_records("pinyin-keys-epoch")),
        BASE + "/xxgk/tzgg/",
    )
    assert (len(page.entries), page.total) == (10, 25)
    assert page.unfollowable == "列表数据写在页面脚本中，共 25 条，页面只带 10 条，其余由脚本加载，无法跟随"


@pytest.mark.parametrize(
    "markup, script",
    [  # a menu's data; schema.org's breadcrumb; a gallery's pictures; data, but nowhere on the page to draw a list
        ("<ul id='menu'></ul>", "var menu = [{name: '首页', url: '/'}, {name: '学校概况', url: '/xxgk/'}];"),
        (
            "<ul class='list'></ul><p>本栏目暂无内容</p>",
            "var list = [{title: '关于开展第1批教学检查工作的通知', url: '/info/1.htm', date: '2026-09-11'}];",
        ),
        (
            "<ul class='list'></ul>",
            'var ld = {"@context": "https://schema.org", "itemListElement": [{"@type": "ListItem", "name": '
            '"信息公开专栏首页导航", "item": "/xxgk/"}, {"@type": "ListItem", "name": "通知公告栏目导航条", "item": "/xxgk/tzgg/"}]};',
        ),
        (
            "<div class='swiper'></div>",
            "var pics = [{title: '学校召开第一次党委会会议现场', url: '/upload/2026/09/a1.jpg', date: '2026-09-01'}];",
        ),
        (
            "<div class='article'><h1>学校简介</h1><p>学校始建于1958年。</p></div>",
            "var related = [{title: '关于开展第1批教学检查工作的通知', url: '/info/1.htm', date: '2026-09-11'}];",
        ),
    ],
    ids=["menu", "said-blank", "json-ld", "gallery", "nowhere-to-draw"],
)
def test_script_data_that_is_no_columns_list_is_not_read_as_entries(markup, script):
    page = parse_list(_drawn_page(markup, script), BASE + "/xxgk/tzgg/")
    assert page.entries == ()


@pytest.mark.parametrize(
    "row, title",
    [  # a 信息公开目录 row: 索引号, 名称, 发布机构, 生成日期, then 查看; a documents table: 名称, then 下载
        (
            "<tr><td>12340000-2026-00{i}</td><td>关于公布2026年第{i}批收费项目的通知</td><td>财务处</td>"
            "<td>2026-09-1{i}</td><td><a href='detail.jsp?id={i}' target='_blank'>查看</a></td></tr>",
            "关于公布2026年第{i}批收费项目的通知",
        ),
        (
            "<tr><td>{i}</td><td>学校第{i}号管理制度汇编</td><td>2026-09-1{i}</td>"
            "<td><a href='/upload/2026/09/zd{i}.pdf'>[下载]</a></td></tr>",
            "学校第{i}号管理制度汇编",
        ),
    ],
    ids=["catalog-view", "documents-download"],
)
def test_a_row_whose_only_link_is_an_action_is_titled_by_its_own_words(row, title):
    # the link says only 查看 or [下载]: every entry was titled so, and no checklist item can be told from that
    rows = "".join(row.format(i=i) for i in range(1, 6))
    html = f"<html><head><title>信息公开目录</title></head><body><table>{rows}</table></body></html>"
    page = parse_list(html.encode(), BASE + "/xxgk/ml/")
    assert [e.title for e in page.entries] == [title.format(i=i) for i in range(1, 6)]
    assert [e.date for e in page.entries] == [D(2026, 9, 10 + i) for i in range(1, 6)]


def _catalog_rows(cells: str, n: int = 7) -> str:
    return "".join(cells.format(i=i) for i in range(1, n + 1))


def test_a_catalog_row_with_its_departments_link_is_one_entry_and_its_sorting_header_none():
    # a 信息公开目录 table: each row's title links to the document, its 发布机构 to the department's site, and the
    # header's links sort the table; each row was read as two entries (the title undated, the department dated)
    header = "<tr><th><a href='?sort=no'>序号</a></th><th><a href='?sort=title'>标题</a></th>"
    header += "<th><a href='?sort=dept'>发布单位</a></th><th><a href='?sort=date'>发布日期</a></th></tr>"
    rows = _catalog_rows(
        "<tr><td>{i}</td><td><a href='/xxgk/gzzd/2026/{i}.html'>某某学院第{i}号管理规定</a></td>"
        "<td><a href='/dept/{i}/'>教务处</a></td><td>2026-09-1{i}</td></tr>"
    )
    html = f"<html><head><title>规章制度</title></head><body><table>{header}{rows}</table></body></html>"
    page = parse_list(html.encode(), BASE + "/xxgk/gzzd/")
    assert [e.title for e in page.entries] == [f"某某学院第{i}号管理规定" for i in range(1, 8)]
    assert [e.date for e in page.entries] == [D(2026, 9, 10 + i) for i in range(1, 8)]


_BIDS = [f"第{i}批实训设备采购项目公开招标公告" for i in range(1, 6)]


@pytest.mark.parametrize(
    "layout",
    [
        ("<tr><th>项目名称</th><th>截止日期</th><th>发布日期</th></tr>", "<td>{t}</td><td>{end}</td><td>{pub}</td>"),
        ("<tr><td>项目名称</td><td>开标时间</td><td>发布时间</td></tr>", "<td>{t}</td><td>{end}</td><td>{pub}</td>"),
        ("<tr><th>标题</th><th>成文日期</th><th>发布日期</th></tr>", "<td>{t}</td><td>{end}</td><td>{pub}</td>"),
        ("", "<td>{t}</td><td>截止日期：{end} 发布日期：{pub}</td>"),
        ("", "<td>{t}</td><td><span>报名截止：{end}</span><span>发布时间：{pub}</span></td>"),
    ],
    ids=["th-deadline-first", "td-opening-first", "written-before-published", "labels", "labelled-spans"],
)
def test_a_row_with_a_deadline_and_a_publication_date_is_dated_by_the_publication(layout):
    # a 招标采购 list's row gives its deadline (截止日期, 开标时间) before its publication date, by the table's header
    # or by labels: the first date was taken, and a column of last month's notices looked dated next month (a date
    # later than today proves nothing, so the column read as undated) or fresher than it was
    head, row = layout
    link = '<a href="/info/20{i}.htm">{t}</a>'
    rows = "".join(
        "<tr>" + row.format(t=link.format(i=i, t=t), end=f"2026-12-1{i}", pub=f"2026-11-1{i}") + "</tr>"
        for i, t in enumerate(_BIDS, 1)
    )
    page = parse_list(f"<html><body><table>{head}{rows}</table></body></html>".encode(), BASE + "/zbcg/list.htm")
    assert [(e.title, e.date) for e in page.entries] == [(t, D(2026, 11, 10 + i)) for i, t in enumerate(_BIDS, 1)]


@pytest.mark.parametrize("link", ["▶", "◀", "»", "返回", "[返回列表]", "Back to top"])
def test_an_arrow_or_a_way_back_is_no_entry(link):
    # a pager's arrow with its own address (?Offset=24) or a 返回 link in the list's block was counted as an entry
    rows = "".join(
        f'<li><a href="/info/10{i}.htm">关于公布第{i}批信息公开事项的通知</a><span>2024-03-0{i}</span></li>'
        for i in range(1, 6)
    )
    rows += f'<li><a href="/xxgk/list.htm?Offset=24">{link}</a></li>'
    page = parse_list(f"<html><body><ul>{rows}</ul></body></html>".encode(), BASE + "/xxgk/list.htm")
    assert [e.title for e in page.entries] == [f"关于公布第{i}批信息公开事项的通知" for i in range(1, 6)]


def test_a_shown_document_at_a_folder_address_is_named_by_its_title():
    # the reason names what the page shows by its file's name; an address ending in / has none, and the reason read
    # "栏目页面只展示或链接了（），按信息计" (a real page's /attachment/216479/)
    html = (
        "<html><head><title>学校章程-测试学院</title></head><body><h2>学校章程</h2><div class='list'>"
        "<a href='/attachment/216479/'>测试学院章程（2025年修订）</a></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/zc.htm")
    assert [e.url for e in page.entries] == [BASE + "/attachment/216479/"]
    assert page.reason == "栏目页面只展示或链接了（测试学院章程（2025年修订）），按信息计"


def test_a_grid_of_documents_two_a_row_stays_two_entries_a_row():
    rows = _catalog_rows(
        "<tr><td><a href='/upload/a{i}.pdf'>学校第{i}号管理制度汇编（上册）</a></td>"
        "<td><a href='/upload/b{i}.pdf'>学校第{i}号管理制度汇编（下册）</a></td></tr>",
        4,
    )
    html = f"<html><head><title>规章制度</title></head><body><table>{rows}</table></body></html>"
    assert len(parse_list(html.encode(), BASE + "/xxgk/gzzd/").entries) == 8


@pytest.mark.parametrize("left, right", [("list l", "list r"), ("news fl", "news fr"), ("on", "")])
def test_a_list_dealt_into_two_columns_told_apart_by_their_place_is_read_whole(left, right):
    # one list laid out in two columns, their classes naming the side (l / r, fl / fr) or the shown one (on): the
    # classes differed, so only the left half was read, and the right half's newer entries were missed
    def half(cls, start):
        rows = "".join(
            f"<li><a href='/xxgk/cwzc/{i}.htm'>某某学院2026年第{i}号财务公开文件</a><span>2026-09-{10 + i}</span></li>"
            for i in range(start, start + 5)
        )
        return f"<ul class='{cls}'>{rows}</ul>"

    html = f"<html><head><title>财务资产</title></head><body><div class='list'>{half(left, 0)}{half(right, 5)}</div>"
    page = parse_list((html + "</body></html>").encode(), BASE + "/xxgk/cwzc/")
    assert [e.url for e in page.entries] == [f"{BASE}/xxgk/cwzc/{i}.htm" for i in range(10)]
    assert max(e.date for e in page.entries) == D(2026, 9, 19)


def test_a_pages_left_sidebar_and_right_column_are_not_one_list_dealt_into_two():
    # the classes that tell a list's two halves apart (l / r) also name a page's layout: div.left holds the site's
    # 最新动态, div.right the column's own older list; read as one list, the sidebar's 2025 dated the column
    def rows(folder, year, n, title):
        return "".join(
            f"<li><a href='/info/{folder}/{k}.htm'>{title}第{k}号</a><span>{year}-0{k + 1}-10</span></li>"
            for k in range(n)
        )

    crumb = "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 财务资产</div>"
    side = f"<div class='left'><h3>最新动态</h3><ul>{rows(1001, 2025, 8, '学校召开专题工作会议')}</ul></div>"
    own = f"<div class='right'><ul>{rows(1021, 2022, 5, '关于公开学校财务预算的通知')}</ul></div>"
    page = f"<html><head><title>财务资产-某某学院</title></head><body>{crumb}{side}{own}</body></html>"
    entries = parse_list(page.encode(), BASE + "/xxgk/cwzc.htm").entries
    assert [e.title for e in entries] == [f"关于公开学校财务预算的通知第{k}号" for k in range(5)]


def test_tab_panes_are_lists_side_by_side_not_one_list_dealt_into_parts():
    # a column page showing three columns in tabs: the active pane's list is read, not the other two merged as
    # the parts of one longer list
    panes = "".join(
        f"<div class='tab-pane{' active' if k == 0 else ''}' id='t{k}'><ul>"
        + "".join(
            f"<li><a href='/xxgk/{c}/2026/{i}.html'>{c}第{i}号文件的公示通知</a><span>2026-0{9 - k}-1{i}</span></li>"
            for i in range(1, 6)
        )
        + "</ul></div>"
        for k, c in enumerate(["gzzd", "tzgg", "gsgg"])
    )
    tabs = "<ul class='tabs'><li><a href='#t0'>规章制度</a></li><li><a href='#t1'>通知公告</a></li></ul>"
    html = f"<html><head><title>规章制度</title></head><body><h2>规章制度</h2>{tabs}{panes}</body></html>"
    page = parse_list(html.encode(), BASE + "/xxgk/gzzd/")
    assert [e.url for e in page.entries] == [f"{BASE}/xxgk/gzzd/2026/{i}.html" for i in range(1, 6)]


def _tab_panes(names: list[str], sizes: list[int], folder: str = "1050") -> tuple[str, str]:
    strip = "<ul class='nav nav-tabs'>" + "".join(f"<li><a href='#p{k}'>{n}</a></li>" for k, n in enumerate(names))
    panes = "".join(
        f"<div class='tab-pane{' active' if k == 0 else ''}' id='p{k}'><ul class='list'>"
        + "".join(
            f"<li><a href='/info/{folder}/{100 * k + i}.htm'>某某大学{n}第{i}号文件</a><span>2026-0{9 - k}-1{i}</span></li>"
            for i in range(size)
        )
        + "</ul></div>"
        for k, (n, size) in enumerate(zip(names, sizes, strict=True))
    )
    return strip + "</ul>", f"<div class='tab-content'>{panes}</div>"


def test_tab_panes_of_the_columns_sub_columns_are_the_column_whole():
    # 招生考试信息 shows 招生章程 | 招生计划 | 录取结果 in tabs: the column is all three panes. The largest pane alone
    # was read, so 招生章程 and its date were never seen (the item read missing, the column older than it was)
    strip, panes = _tab_panes(["招生章程", "招生计划", "录取结果"], [3, 4, 2])
    html = (
        "<html><head><title>招生考试信息</title></head><body><div class='side'><h3>最新动态</h3><ul>"
        "<li><a href='/info/1001/1.htm'>学校召开2026年工作会议</a><span>2026-01-10</span></li></ul></div>"
        f"<div class='main'><h2>招生考试信息</h2>{strip}{panes}</div></body></html>"
    )
    entries = parse_list(html.encode(), BASE + "/xxgk/zsks.htm").entries
    assert [e.url for e in entries] == [
        f"{BASE}/info/1050/{100 * k + i}.htm" for k, n in enumerate((3, 4, 2)) for i in range(n)
    ]
    assert max(e.date for e in entries) == D(2026, 9, 12)


def test_a_sites_tabbed_widget_beside_the_column_stays_out():
    # a sidebar's 最新动态 | 热点新闻 tabs hold more entries together than the column's own list: they are the site's
    # widget, never joined into one list that would beat the column's
    strip, panes = _tab_panes(["最新动态", "热点新闻"], [6, 6], folder="1001")
    own = "".join(
        f"<li><a href='/info/1050/{i}.htm'>关于第{i}项工作安排的通知</a><span>2026-10-1{i}</span></li>"
        for i in range(8)
    )
    html = (
        f"<html><head><title>通知公告</title></head><body><div class='side'>{strip}{panes}</div>"
        f"<div class='main'><ul class='news'>{own}</ul></div></body></html>"
    )
    entries = parse_list(html.encode(), BASE + "/xxgk/tzgg.htm").entries
    assert [e.url for e in entries] == [f"{BASE}/info/1050/{i}.htm" for i in range(8)]


def test_a_columns_page_previewing_its_sub_columns_a_box_each_is_read_whole():
    # 招生考试信息 shows 招生章程, 招生计划, 录取标准, 申诉渠道 in boxes with 更多>> links: the column is all of them;
    # the first box alone (its newest entry March, the column's August) made an up-to-date column look stale
    subs = [("zszc", "招生章程", 3), ("zsjh", "招生计划", 6), ("lqbz", "录取标准", 8), ("ssqd", "申诉渠道", 1)]
    boxes = "".join(
        f"<div class='box box{k}'><div class='hd'><h3>{name}</h3><a href='/xxgk/zsks/{c}/'>更多&gt;&gt;</a></div><ul>"
        + "".join(
            f"<li><a href='/xxgk/zsks/{c}/2026/{i}.html'>某某大学2026年{name}第{i}号文件</a><span>2026-0{m}-1{i}</span></li>"
            for i in range(1, 6)
        )
        + "</ul></div>"
        for k, (c, name, m) in enumerate(subs)
    )
    crumb = "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 招生考试信息</div>"
    html = f"<html><head><title>招生考试信息-某某大学</title></head><body>{crumb}{boxes}</body></html>"
    page = parse_list(html.encode(), BASE + "/xxgk/zsks/")
    assert len(page.entries) == 20 and max(e.date for e in page.entries) == D(2026, 8, 15)
    assert len(parse_list(html.encode(), BASE + "/xxgk/zsks.htm").entries) == 20  # 博达: sub-columns in /xxgk/zsks/
    # boxes whose 更多 links go to other columns of the site (a sidebar's 学校新闻) are no sub-columns: not merged
    assert len(parse_list(html.encode(), BASE + "/xxgk/sfbz/").entries) == 5


@pytest.mark.parametrize(
    "shown",
    [
        "<span class='time' title='2026-09-1{i} 10:00'>{i}天前</span>",  # the text shortened to how long ago
        "<span class='date' data-date='2026-09-1{i}'>09-1{i}</span>",  # month and day shown, the year in data
    ],
)
def test_an_entrys_date_in_its_date_elements_attribute_is_read(shown):
    rows = "".join(
        f"<li><a href='/info/1012/{3400 + i}.htm'>关于开展第{i}批教学检查工作的通知</a>{shown.format(i=i)}</li>"
        for i in range(1, 6)
    )
    html = f"<html><head><title>通知公告</title></head><body><ul class='list'>{rows}</ul></body></html>"
    page = parse_list(html.encode(), BASE + "/tzgg/")
    assert [e.date for e in page.entries] == [D(2026, 9, 10 + i) for i in range(1, 6)]


@pytest.mark.parametrize(
    "said",
    [
        "该信息已删除或不存在",
        "信息不存在或已过期",
        "此信息已被撤销",
        "该文章已被删除",
        "对不起，内容已下线",
        "您要查看的信息不存在",
        "抱歉，该页面已失效",
    ],
)
def test_a_withdrawn_documents_page_is_a_soft_404(said):
    # what CMSs answer, with a 200, for a document taken down: the link is broken, though it was counted working
    html = (
        "<html><head><title>某某学院</title></head><body><div class='nav'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a>"
        f"</div><div class='main'><p>{said}</p><a href='javascript:history.back()'>返回</a></div>"
        "<div class='foot'>版权所有 © 2026 某某学院</div></body></html>"
    )
    assert parse_article(html.encode(), BASE + "/info/1012/3401.htm").soft_404


def test_a_short_notice_on_deleting_personal_information_is_no_soft_404():
    html = (
        "<html><head><title>个人信息删除申请办理指南-某某学院</title></head><body><h1>个人信息删除申请办理指南</h1>"
        "<p>发布时间：2026-09-23</p><p>申请人可向学校办公室提交个人信息删除申请，办公室在十五个工作日内答复。</p></body></html>"
    )
    assert not parse_article(html.encode(), BASE + "/info/1012/3402.htm").soft_404


def test_a_single_page_column_is_its_own_content_though_its_banner_is_drawn_from_script_data():
    # 学校简介 with a carousel drawn from var banners = [{title, url, img}] and an empty submenu: the page is the
    # column's content (one entry, itself), not a list of the banner's news
    banners = ",".join(
        f'{{title: "我校召开2026年第{i}次招生工作会议", url: "/info/1001/12{i:02d}.htm", img: "/upload/b{i}.jpg"}}'
        for i in range(1, 5)
    )
    prose = "<p>某某学院是经教育部批准设立的全日制普通高等学校，学校始建于1958年，现有在校生一万余人。</p>" * 5
    html = (
        "<html><head><title>学校简介-某某学院</title></head><body><ul class='menu'><li><a href='/'>首页</a>"
        f"<ul class='sub'></ul></li></ul><div id='banner'></div><script>var banners = [{banners}];</script>"
        f"<div class='main'><h1>学校简介</h1><div class='con'>{prose}</div></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/xxjj.htm")
    assert [e.url for e in page.entries] == [BASE + "/xxgk/xxjj.htm"]


def test_a_single_page_column_is_not_dated_by_the_sidebar_beside_it():
    # 联系方式, a few lines and no date, beside the site's 热点新闻: the page took the first news item's date, so an
    # unchanged page looked updated with every news item
    news = "".join(
        f"<li><a href='/info/1001/90{i}.htm'>学校召开2026年第{i}次党委常委会会议</a><span>2026-11-0{i}</span></li>"
        for i in range(1, 6)
    )
    html = (
        "<html><head><title>联系方式-某某学院</title></head><body><div class='main'><h2>联系方式</h2>"
        "<p>地址：某某市某某路1号行政楼</p><p>电话：0591-12345678</p></div>"
        f"<div class='box'><div class='title'><span>热点新闻</span></div><ul>{news}</ul></div></body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/lxfs.htm")
    assert [(e.url, e.date) for e in page.entries] == [(BASE + "/xxgk/lxfs.htm", None)]


@pytest.mark.parametrize(
    "title_href, department",
    [
        # a long department name, a different one each row: its link goes to the department's site, the title's to
        # a document (TRS t20260911_1.html)
        ("./202609/t2026091{i}_{i}.html", "<a href='/dept/{i}/'>国际交流与合作处</a>"),
        # nearly as long as the titles, and no address tells: but its link is the same in every row
        ("/xxgk/gzzd/2026/{i}.html", "<a href='http://mks.test.example.edu.cn/'>马克思主义学院</a>"),
    ],
    ids=["links-to-its-site", "repeats-row-after-row"],
)
def test_a_catalog_row_whose_long_department_name_links_is_one_entry(title_href, department):
    rows = _catalog_rows(
        f"<tr><td>{{i}}</td><td><a href='{title_href}'>某某学院第{{i}}号管理规定</a></td>"
        f"<td>{department}</td><td>2026-09-1{{i}}</td></tr>"
    )
    html = f"<html><head><title>规章制度</title></head><body><table>{rows}</table></body></html>"
    page = parse_list(html.encode(), BASE + "/xxgk/gzzd/")
    assert [e.title for e in page.entries] == [f"某某学院第{i}号管理规定" for i in range(1, 8)]


@pytest.mark.parametrize("cls", ["artTitle", "NewsTitle", "detailTitle"])
def test_a_title_block_classed_in_camel_case_is_the_title(cls):
    # <title> names only the section (信息公开); the heading is a div classed in camel case, as many templates do
    html = (
        "<html><head><meta charset='utf-8'><title>信息公开</title></head><body><div class='position'>当前位置："
        "<a href='/'>首页</a> &gt; 信息公开 &gt; 财务信息</div>"
        f"<div class='{cls}'>2026年部门预算公开</div><div class='artInfo'>【发布日期：2026年09月23日 作者：财务处】</div>"
        "<div class='artBody'><p>根据财政部和教育部关于预算公开的要求，现将我校2026年部门预算公开如下。</p></div>"
        "</body></html>"
    )
    assert parse_article(html.encode(), "http://www.xx.edu.cn/s/12/t/34/a/5678/info.jspy").title == "2026年部门预算公开"


def test_a_capitalised_title_class_worn_by_every_entry_of_a_list_is_no_title():
    threads = "".join(
        f"<div class='Title'><a href='/t/{i}'>Question number {i} about printing</a></div>" for i in range(6)
    )
    html = f"<html><head><title>Help Forum</title></head><body><div class='Topics'>{threads}</div></body></html>"
    assert parse_article(html.encode(), "http://forum.example.org/help").title == "Help Forum"


def test_an_entry_is_titled_by_its_own_link_not_the_attachments_listed_under_it():
    """Each 公示 entry lists its attachments under it (<ul><li><a>附件1：…名单汇总表.xlsx</a>): the entry is the notice,
    its title and address the notice's, dated by its own date, not the longest attachment name."""
    rows = "".join(
        f'<li><a href="info/1011/{3000 - i}.htm">关于第{i}批拟推荐人选名单的公示</a><span>2026-09-{25 - i:02d}</span>'
        f'<ul class="att"><li><a href="/system/_content/download.jsp?id={i}1">附件1：第{i}批拟推荐人选名单汇总表.xlsx</a></li>'
        f'<li><a href="/system/_content/download.jsp?id={i}2">附件2：第{i}批推荐材料.pdf</a></li></ul></li>'
        for i in range(6)
    )
    html = f'<html><head><meta charset="utf-8"><title>公示公告</title></head><body><ul class="list">{rows}</ul></body></html>'
    page = parse_column_page(html.encode(), "http://www.x.edu.cn/xxgk/gsgg.htm")
    assert [e.title for e in page.entries] == [f"关于第{i}批拟推荐人选名单的公示" for i in range(6)]
    assert page.entries[0].url == "http://www.x.edu.cn/xxgk/info/1011/3000.htm"
    assert page.entries[0].date == dt.date(2026, 9, 25)


def test_a_jquery_pagination_calling_back_with_a_page_index_from_0_goes_to_each_page_once():
    """jquery.pagination(25, {items_per_page: 10, callback: go}) calls ``go(page_index)`` with 0 for the first page:
    a list addressed by that index (pageIndex=1 is page 2) is followed to pageIndex=1 and 2, not to 3 (no such page)
    nor back to the first."""
    script = (
        "<script>function go(page_index, jq) { location.href = 'list.jsp?cid=5&pageIndex=' + page_index; }"
        "$('#Pagination').pagination(25, { items_per_page: 10, current_page: 0, callback: go });</script>"
    )
    rows = "".join(
        f'<li><a href="/info/{i}.htm">通知标题第{i}号关于工作安排</a><span>2026-09-{25 - i:02d}</span></li>'
        for i in range(10)
    )
    html = f'<html><head><meta charset="utf-8"><title>通知</title></head><body><ul class="list">{rows}</ul><div id="Pagination"></div>{script}</body></html>'
    page = parse_column_page(html.encode(), "http://www.x.edu.cn/list.jsp?cid=5")
    assert page.page_count == 3
    assert sorted(page.next_pages) == [f"http://www.x.edu.cn/list.jsp?cid=5&pageIndex={i}" for i in (1, 2)]
    assert not page.unfollowable


_NOTICE = "关于2026年国庆节放假安排的通知"
_SIGNED = (
    "<p>各单位：</p><p>现将2026年国庆节放假安排通知如下：10月1日至7日放假调休，共7天。请各单位做好安排。</p>"
    '<p style="text-align:right">党政办公室</p><p style="text-align:right">2026年9月25日</p>'
)


def _article(title: str, head: str, body: str) -> bytes:
    nav = '<div class="nav"><a href="/">首页</a><a href="/xxgk/xxjj.htm">学校简介</a><a href="/xxgk.htm">信息公开</a></div>'
    return (
        f'<html><head><meta charset="utf-8">{head}<title>{title}</title></head><body>{nav}<div class="main">{body}</div>'
        "</body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("name", "page", "title", "date"),
    [
        # <title> and the h1 name the section (信息公开, a link of the menu); the article's title is the heading
        # whose info line is dated below it
        (
            "section-h1",
            _article(
                "信息公开-某某大学",
                "",
                f'<h1>信息公开</h1><h2 class="bt">{_NOTICE}</h2><div class="info">发布时间：2026-09-25</div>{_SIGNED}',
            ),
            _NOTICE,
            D(2026, 9, 25),
        ),
        # a single page column named so: its own section headings are not its title
        (
            "single-page",
            _article(
                "学校简介-某某大学",
                "",
                "<h1>学校简介</h1><h2>一、学校基本情况概述</h2><p>某某大学是一所省属全日制普通本科高校，始建于1958年。</p>",
            ),
            "学校简介",
            None,
        ),
        # <title> names only the site; og:title names the article; no heading: the signature dates it
        (
            "og-title",
            _article("某某大学", f'<meta property="og:title" content="{_NOTICE}">', _SIGNED),
            _NOTICE,
            D(2026, 9, 25),
        ),
        # the title only in TRS's ArticleTitle meta: the signature dates it still
        (
            "meta-title",
            _article("某某大学", f'<meta name="ArticleTitle" content="{_NOTICE}">', _SIGNED),
            _NOTICE,
            D(2026, 9, 25),
        ),
    ],
    ids=["section-h1", "single-page", "og-title", "meta-title"],
)
def test_titles_named_by_section_or_meta_only_and_signed_pages_without_a_title_element(name, page, title, date):
    article = parse_article(page, "http://www.x.edu.cn/info/1011/3301.htm")
    assert (article.title, article.published) == (title, date)


_TABLE_LAYOUT = (
    "<table width='780'><tr><td>当前位置：<a href='/'>首页</a> &gt;&gt; <a href='/xxgk.htm'>信息公开</a></td></tr>"
    "<tr><td align='center'>{title}</td></tr><tr><td align='center'>{info}</td></tr>"
    "<tr><td><p>各单位：现将2026年国庆节放假安排通知如下：10月1日至7日放假调休，共7天。</p>{more}</td></tr></table>"
)


@pytest.mark.parametrize(
    ("title_cell", "info", "more", "title", "date"),
    [
        # an old table-layout template: no heading, <title> naming only the site, the title a bold line of its own
        (
            f"<b><font size='4' color='#CC0000'>{_NOTICE}</font></b>",
            "2026年09月25日 学校办公室",
            "",
            _NOTICE,
            D(2026, 9, 25),
        ),
        (
            f"<span class='title'>{_NOTICE}</span>",
            "2026-09-25 10:40 &nbsp; 来源：学校办公室",
            "",
            _NOTICE,
            D(2026, 9, 25),
        ),
        # a lesser heading, and a bold title after a sidebar's box heading (a label: 通知公告)
        (f"<h3>{_NOTICE}</h3>", "发布时间：2026-09-25", "", _NOTICE, D(2026, 9, 25)),
        (
            f"<h2>通知公告</h2></td></tr><tr><td align='center'><b>{_NOTICE}</b>",
            "2026-09-25",
            "",
            _NOTICE,
            D(2026, 9, 25),
        ),
        # a bold line with no dated line below it is no title; nor is a later one (a reply quoting a title, its date)
        (
            f"<strong>{_NOTICE}</strong>",
            "学校办公室",
            "<table><tr><td><b>回复：关于国庆节放假安排的几点意见</b></td></tr><tr><td>2026-10-03</td></tr></table>",
            "某某大学",
            None,  # (the page's date is left to the other steps)
        ),
    ],
    ids=["bold", "span-title", "h3", "after-a-box-label", "first-only"],
)
def test_a_titles_emphasised_line_in_a_table_layout_is_its_title(title_cell, info, more, title, date):
    body = _TABLE_LAYOUT.format(title=title_cell, info=info, more=more)
    article = parse_article(_article("某某大学", "", body), "http://www.x.edu.cn/news/show.asp?id=3301")
    assert article.title == title
    assert date is None or (article.published, article.date_source) in ((date, "near-title"), (date, "label:发布时间"))


@pytest.mark.parametrize(
    ("meta", "title"),
    [
        (
            "为现代化建设凝聚力量&lt;div&gt;——热烈祝贺政协会议开幕&lt;/div&gt;",
            "为现代化建设凝聚力量——热烈祝贺政协会议开幕",
        ),
        ("关于做好信息公开工作的通知&lt;br&gt;（第二批）", "关于做好信息公开工作的通知（第二批）"),
        ("Annual Report&lt;br/&gt;on Information Disclosure", "Annual Report on Information Disclosure"),
    ],
)
def test_markup_an_editor_left_in_trs_article_title_meta_is_not_the_title_s(meta, title):
    # TRS writes a two-line title into <meta name="ArticleTitle"> with its tags (a real 政府网 page): the title
    # read "…力量<div>——热烈祝贺…</div>"
    page = _article("某某大学", f'<meta name="ArticleTitle" content="{meta}">', "<p>发布时间：2026-09-25</p>")
    assert parse_article(page, "http://www.x.gov.cn/art/2026/9/25/art_1_2.html").title == title


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
def test_a_date_on_the_line_after_its_label_is_the_events_not_a_signature(signed):
    """一、会议时间：, then 2026年10月20日 on a line of its own: the date the label introduces is the meeting's. A notice
    signed below (党政办公室 / 2026年9月25日) is dated by its signature; an unsigned one is undated, not dated by its
    meeting (the signature rule had taken the meeting's date for a signature)."""
    sign = '<p style="text-align:right">党政办公室</p><p style="text-align:right">2026年9月25日</p>' if signed else ""
    body = (
        "<h1>关于召开2026年秋季学期工作会议的通知</h1><p>各单位：</p><p>经研究，决定召开2026年秋季学期工作会议，现将有关事项通知如下。</p>"
        f"<p>一、会议时间：</p><p>2026年10月20日</p><p>二、会议地点：行政楼报告厅</p>{sign}"
    )
    article = parse_article(_article("某某大学", "", body), "http://www.x.edu.cn/info/1011/3.htm")
    assert article.published == (D(2026, 9, 25) if signed else None)


@pytest.mark.parametrize(
    "footer",
    ["网站最后更新：2026-11-29 版权所有", "本站更新时间：2026-11-29", "网站更新日期：2026年11月29日"],
    ids=["site-last-updated", "site-update-time", "site-update-date"],
)
def test_the_sites_last_update_in_a_footer_does_not_date_an_undated_page(footer):
    """A 学校章程 page with no date of its own, above a footer the template does not mark as one, saying when the whole
    site was last updated: that is the site's date, not the page's (it made a page unchanged for years look fresh)."""
    body = (
        '<h1>某某大学章程</h1><div class="info">来源：党政办公室 浏览：1234</div><div class="content"><p>第一章 总则</p>'
        f'<p>第一条 为规范学校办学行为，依据《中华人民共和国高等教育法》制定本章程。</p></div><div class="bottom">{footer}</div>'
    )
    article = parse_article(_article("学校章程-某某大学", "", body), "http://www.x.edu.cn/xxgk/xxzc.htm")
    assert article.published is None


_REPORTS = [("2025", "2024-2025学年信息公开工作年度报告"), ("2024", "2023-2024学年信息公开工作年度报告")]


def _reports_page(main: str, foot: str = "") -> bytes:
    return (
        "<html><head><title>年度报告-测试学院</title></head><body><div class='nav'><a href='/'>首页</a>"
        f"<a href='/xxgk/'>信息公开</a></div><div class='main'><h2>年度报告</h2>{main}</div>"
        f"<div class='foot'>版权所有 测试学院{foot}</div></body></html>"
    ).encode()


def test_a_jump_menu_of_the_sites_documents_is_the_columns_list():
    # 请选择年度: the reports offered only in a drop-down were dropped with it, and the column read blank
    options = "".join(f"<option value='/xxgk/ndbg/{y}.htm'>{t}</option>" for y, t in _REPORTS)
    menu = f"<p>请选择年度：<select onchange='window.open(this.value)'><option value=''>--请选择--</option>{options}</select></p>"
    page = parse_column_page(_reports_page(menu), BASE + "/xxgk/ndbg.htm")
    assert [(e.url, e.title) for e in page.entries] == [(f"{BASE}/xxgk/ndbg/{y}.htm", t) for y, t in _REPORTS]
    # other sites (友情链接) in the footer, or the college's offices, are no column's list: still blank
    sites = "<option value='http://www.moe.gov.cn/'>中华人民共和国教育部门户网站</option>" * 2
    offices = "<option value='/jwc/'>教务处</option><option value='/tsg/'>图书馆</option>"
    for main, foot in (
        ("", f"<select><option value=''>友情链接</option>{sites}</select>"),
        (f"<select>{offices}</select>", ""),
    ):
        assert parse_column_page(_reports_page(main, foot), BASE + "/xxgk/ndbg.htm").blank


def test_documents_only_a_script_opens_are_unknown_never_blank():
    # an old ASP column posting a form to open each report: titled links, no address to read; it was 空白栏目
    rows = "".join(
        f"<li><a href='#' onclick='document.f.id.value={y};document.f.submit();'>{t}</a></li>" for y, t in _REPORTS
    )
    form = "<form name='f' method='post' action='show.asp'><input type='hidden' name='id'></form>"
    page = parse_column_page(_reports_page(f"{form}<ul>{rows}</ul>"), BASE + "/xxgk/ndbg.htm")
    assert (page.blank, page.script_loaded) == (False, True) and "2 条由脚本打开的条目" in page.reason
    # a print link or the footer's 加入收藏 is no document: a column saying 暂未公开 is blank
    note = "<p>暂未公开。<a href='javascript:window.print()'>打印本页内容以便留存备查</a></p>"
    fav = "<a href='javascript:void(0)' onclick='addFav()'>加入收藏夹以便下次访问本站</a>"
    assert parse_column_page(_reports_page(note, fav), BASE + "/xxgk/ndbg.htm").blank


def test_documents_a_script_opens_beside_the_sites_latest_news_are_unknown_never_blank():
    # the column's dated rows open their pages with a function of an external file (showDetail('12')); the only
    # links with addresses were the sidebar's 最新动态, so the column read 空白栏目 ("its entries are 最新动态's")
    rows = "".join(
        f"<li><a href='javascript:void(0)' onclick=\"showDetail('{y}')\">{t}</a><span>{y}-10-12</span></li>"
        for y, t in _REPORTS
    )
    side = "".join(
        f"<li><a href='/info/1001/{i}.htm'>学校召开第{i}次工作会议</a><span>2026-01-1{i}</span></li>" for i in range(3)
    )
    main = f"<ul class='list'>{rows}</ul></div><div class='side'><h3>最新动态</h3><ul>{side}</ul>"
    page = parse_column_page(_reports_page(main) + b"<script src='/js/common.js'></script>", BASE + "/xxgk/ndbg.htm")
    assert (page.blank, page.script_loaded, page.entries) == (False, True, ()) and "由脚本打开的条目" in page.reason


@pytest.mark.parametrize("action", ["[详细]", "详细内容", "【全文】", "查看原文"])
def test_a_list_item_whose_only_link_is_an_action_is_titled_by_its_own_words(action):
    # <li><span>标题</span><span>日期</span><a>[详细]</a></li>: the entries were titled "[详细]", which no checklist
    # item's words match (a 信息公开目录 table's 查看 cell was already read so)
    titles = [t for _, t in _REPORTS]
    rows = "".join(
        f"<li><span class='t'>{t}</span><span>2026-09-{25 - i}</span><a href='show.asp?id={i}'>{action}</a></li>"
        for i, t in enumerate(titles)
    )
    page = parse_column_page(_reports_page(f"<ul>{rows}</ul>"), BASE + "/xxgk/ndbg.asp")
    assert [(e.title, e.url) for e in page.entries] == [
        (t, f"{BASE}/xxgk/show.asp?id={i}") for i, t in enumerate(titles)
    ]


@pytest.mark.parametrize(
    ("said", "blank", "statement"),
    [
        ("<p>此项不适用。</p>", False, "此项不适用"),  # the column's own statement, beside its pager's 共0条
        ("<p>本校无此项。</p>", False, "本校无此项"),
        ("", True, ""),  # a footer's 本站不适用于IE6浏览器 states nothing of the column: blank
    ],
)
def test_a_columns_own_statement_outweighs_its_pagers_zero_but_a_footers_does_not(said, blank, statement):
    html = (
        "<html><head><title>校办企业-测试学院</title></head><body><h2>校办企业</h2><ul class='list'></ul>"
        f"{said}<div class='page'>共0条 1/1</div><div class='foot'>版权所有 测试学院 本站不适用于IE6以下浏览器</div>"
        "</body></html>"
    )
    page = parse_column_page(html.encode(), BASE + "/xxgk/xbqy.htm")
    assert (page.blank, page.statement) == (blank, statement), page.reason


@pytest.mark.parametrize(
    "step",
    ["较早的文章 »", "« 较早的文章", "更早的文章", "« Previous", "Previous Entries", "加载更多", "点击加载更多"],
)
def test_a_blogs_step_to_older_posts_is_followed_and_no_entry(step):
    # a WordPress-built department site's list ends with its theme's step to the next page of posts, in the list's
    # own <ul> (较早的文章 », « Previous), or a 加载更多 link to it: counted as the column's fourth entry before, and
    # the next page not read
    rows = "".join(
        f"<li><a href='/info/1012/{100 + i}.htm'>{t}</a><span>2024-01-{10 + i}</span></li>"
        for i, t in enumerate(
            [
                "关于公布2024年度学校信息公开工作报告的通知",
                "学校召开党风廉政建设工作会议",
                "关于开展信息公开专项检查的通知",
            ]
        )
    )
    page = (
        "<html><head><meta charset='utf-8'><title>通知公告-某某学院</title></head><body><div class='main'>"
        f"<h2>通知公告</h2><ul class='list'>{rows}<li><a href='/xxgk/tzgg/page/2/'>{step}</a></li></ul></div></body></html>"
    )
    listing = parse_column_page(page.encode(), BASE + "/xxgk/tzgg/")
    assert len(listing.entries) == 3
    assert listing.next_pages == (BASE + "/xxgk/tzgg/page/2/",)


def _title_and_day(page: str) -> tuple[str, dt.date | None]:
    article = parse_article(page.encode(), BASE + "/info/1011/1.htm")
    return article.title, article.published


_NOTICE_BODY = (
    "<div class='con'><p>各学院、各部门：</p><p>现将有关事项通知如下，请于2024年5月20日前报送材料。</p><p>特此通知。</p>"
    "<p>教务处</p><p>2024年5月9日</p></div>"
)


@pytest.mark.parametrize(
    "line",
    [
        "<time datetime='2024-05-10T10:21:00+08:00'>5月10日</time>",  # the day shown without its year
        "<time datetime='2024-05-10'>10.05.2024 - 10:21</time>",  # or in a form the rules do not read
        "<span class='meta'><i></i><time pubdate datetime='2024-05-10 10:21'>周五</time></span>",
        # WordPress: a post never updated carries both classes on one element, after it a link to itself
        "<a href='/info/1011/1.htm' rel='bookmark'><time class='entry-date published updated' "
        "datetime='2024-05-10T10:21:00+08:00'>5月10日</time></a>",
        "<time class='updated' datetime='2024-06-01'>6月1日</time><time class='published' datetime='2024-05-10'>x</time>",
    ],
)
def test_a_time_elements_machine_readable_day_dates_the_article(line):
    # HTML's <time datetime> on the title's info line states the day in full, whatever its text shows; before, the
    # notice was dated by its signature (落款, the day before it went out)
    page = (
        "<html><head><title>关于做好2024年暑期工作的通知</title></head><body><div class='art'>"
        f"<h1>关于做好2024年暑期工作的通知</h1><div class='info'>{line} 来源：教务处</div>{_NOTICE_BODY}</div>"
        "</body></html>"
    )
    article = parse_article(page.encode(), BASE + "/info/1011/1.htm")
    assert (article.published, article.date_source) == (D(2024, 5, 10), "time")


@pytest.mark.parametrize(
    "other",
    [
        "<div class='info'><time class='updated' datetime='2024-06-01'>6月1日</time></div>",  # an update's
        "<ul class='related'><li><a href='/info/1011/2.htm'>另一则通知</a><time datetime='2024-06-01'>6月1日</time>"
        "</li></ul>",  # a listed article's
    ],
)
def test_a_time_element_of_an_update_or_another_article_does_not_date_the_article(other):
    page = (
        "<html><head><title>关于做好2024年暑期工作的通知</title></head><body><div class='art'>"
        f"<h1>关于做好2024年暑期工作的通知</h1>{other}{_NOTICE_BODY}</div></body></html>"
    )
    assert parse_article(page.encode(), BASE + "/info/1011/1.htm").published == D(2024, 5, 9)


def test_microdata_names_the_publication_day_beside_the_modification_day():
    # schema.org microdata in the page (not a <meta>): the datePublished element is the publication's day; before,
    # the modified day, shown first beside the title, was taken
    page = (
        "<html><head><title>Datenschutztechnische Anpassung</title></head><body><div class='art'>"
        "<h1>Datenschutztechnische Anpassung</h1><time itemprop='dateModified' class='hidden'>2018-08-29 14:15:57</time>"
        "<time itemprop='datePublished' datetime='2018-06-22 10:20:00' class='hidden'>2018-06-22 10:20:00</time>"
        "<p>Text des Artikels.</p></div></body></html>"
    )
    article = parse_article(page.encode(), BASE + "/news/1.html")
    assert (article.published, article.date_source) == (D(2018, 6, 22), "microdata")


@pytest.mark.parametrize("cls", ["banner__headline article__headline", "banner-title", "header_tit"])
def test_a_title_heading_named_like_the_chrome_around_it_stays_the_title(cls):
    # <div class="banner"><h1 class="banner__headline">: the heading <title> names, whose own class says it is a
    # title, is the title though its name says banner or header, and is not dropped with the chrome. Before, it was
    # passed over for a figure's caption repeating the title further down, and the date on its line was lost
    page = (
        "<html><head><title>关于做好2024年暑期工作的通知</title></head><body><div class='banner'>"
        f"<h1 class='{cls}'>关于做好2024年暑期工作的通知</h1></div><div class='art'><div class='meta'>"
        "<time datetime='2024-05-10'>10.05.2024</time></div><figure><img src='a.jpg'><figcaption><p>"
        "关于做好2024年暑期工作的通知</p></figcaption></figure>"
        f"{_NOTICE_BODY}</div></body></html>"
    )
    assert _title_and_day(page) == ("关于做好2024年暑期工作的通知", D(2024, 5, 10))


def test_a_title_classed_heading_in_a_menu_or_naming_the_site_is_not_the_title():
    # the class alone does not make a title: a breadcrumb's or a footer's heading, a linked or a site-classed one,
    # all named by <title> (the forum's or the site's name), stay chrome; the post's own heading is the title
    page = (
        "<html><head><title>关于做好2024年暑期工作的通知 - 某某学院论坛 - 某某职业技术学院</title></head><body>"
        "<div class='breadcrumb'><h2 class='boardTitle'>某某学院论坛</h2></div>"
        "<div class='header'><h1 class='site-title'>某某学院论坛</h1><h1 class='title'>某某职业技术学院</h1></div>"
        "<div class='post'><div class='tit'>关于做好2024年暑期工作的通知</div><div class='info'>2024-05-10</div>"
        f"{_NOTICE_BODY}</div><div class='footer'><h2 class='foot-title'>某某学院论坛</h2></div></body></html>"
    )
    assert _title_and_day(page) == ("关于做好2024年暑期工作的通知", D(2024, 5, 10))


@pytest.mark.parametrize(
    "info",
    [
        "<table><tr><td>作者：</td><td>张三</td><td>时间：</td><td>2024-05-10</td></tr></table>",
        "<div class='info'><span>作者：张三</span><br>时间：2024-05-10</div>",
        "<ul class='info'><li>来源：教务处</li><li>日期：2024-05-10</li></ul>",
    ],
)
def test_a_page_written_without_whitespace_between_its_tags_reads_its_cells_apart(info):
    # minified markup: <td>张三</td><td>时间：</td> is 张三 时间： on the screen. Read run together (张三时间：), a
    # word before the bare label made it an event's (讲座时间), and the notice was dated by its signature, the day
    # before it went out (the table and the <br> line; the list guards); the text below names a meeting's 会议时间 and
    # 会议地点
    page = (
        "<html><head><title>关于召开2024年暑期工作会议的通知</title></head><body><div class='art'>"
        f"<h2>关于召开2024年暑期工作会议的通知</h2>{info}<div class='con'><p>各学院：</p>"
        "<p>会议时间：2024年5月20日（周一）下午2:30。会议地点：行政楼。</p><p>特此通知。</p><p>校长办公室</p>"
        "<p>2024年5月8日</p></div></div></body></html>"
    )
    assert parse_article(page.encode(), BASE + "/info/1011/1.htm").published == D(2024, 5, 10)


def test_a_page_without_a_title_element_is_not_dated_by_the_entries_it_lists():
    # a page whose <title> names no heading (a list of 招标 notices, read as an article: a column configured as a
    # single page, a link into a list): each entry's 日期：… is another document's, as on a page with a title. Before,
    # with no title element nothing was checked, and the first entry's day dated the page
    rows = "".join(
        f"<li><a href='/a/zbgg/2026/0{m}10/9{m}.html'>学生公寓家具采购项目第{m}批中标公告</a> "
        f"<span class='info'>日期：2026-0{m}-10</span></li>\n"
        for m in (3, 2, 1)
    )
    page = (
        f"<html><head><title>招标采购-测试职业技术学院</title></head><body><ul class='e2'>\n{rows}</ul></body></html>"
    )
    assert parse_article(page.encode(), BASE + "/a/zbgg/list_12_1.html").published is None


_TITLE = "关于做好2024年暑期工作的通知"
_RELATED_BOX = (
    "<div class='row-title'>您可能感兴趣的文章</div><ul><li><a href='/info/1011/2.htm'>关于开展2024年迎新工作的通知</a>"
    "</li><li><a href='/info/1011/3.htm'>关于2024年国庆节放假安排的通知</a></li></ul>"
)


@pytest.mark.parametrize(
    ("page_title", "top", "expected"),
    [
        # the title in a lesser heading <title> names (h4 over its 时间：… line), a related-articles box titled below
        (
            f"{_TITLE}-EDU Weekly",
            f"<div class='cover-text'><h4>{_TITLE}</h4><div><span>时间：2024-05-10</span></div></div>",
            _TITLE,
        ),
        # the h1 <title> names inside the post's own header block (named as chrome is: post_header)
        (
            f"{_TITLE}_某某学院",
            f"<div class='post_header'><h1>{_TITLE}</h1><div class='post_info'>2024-05-10 10:21 来源：教务处</div></div>",
            _TITLE,
        ),
        # a title block holding the heading and the author's line: the heading alone
        (
            _TITLE,
            f"<div class='title_border'><div class='anci_header_content'><div class='article-title'><h2>{_TITLE}</h2>"
            "</div><div class='article-desc'><span>教务处</span><span>发布时间：2024-05-10 10:21</span></div></div></div>",
            _TITLE,
        ),
        # a badge set before the title in its heading
        (_TITLE, f"<h2 class='title'><span>原创</span>{_TITLE}</h2><div class='info'>2024-05-10</div>", _TITLE),
        (_TITLE, f"<h1><em>置顶</em>{_TITLE}</h1><div class='info'>2024-05-10</div>", _TITLE),
        # <title> adds the column's name after a space; the title in an emphasised line classed as one, no heading
        (
            f"{_TITLE} 教务处_某某学院",
            f"<div align='center'><span class='Title'><b>{_TITLE}</b></span><br><table><tr><td>来源：教务处"
            "</td></tr></table></div><div class='pubinfo'>发布日期：2024-05-10</div>",
            _TITLE,
        ),
        # <title> names only the section and the society: the title in an h5 over its dated line
        (
            "新闻动态--某某学会官网",
            f"<div class='crumb_box'><h3>首页 - 新闻动态</h3></div><div class='xq'><h5>{_TITLE}</h5>"
            "<div class='ly'><b>发布时间：2024-05-10</b> <i>来源：某某学会</i></div></div>",
            _TITLE,
        ),
        # guards: a word styled apart at the title's start is the title's; a badge-like word alone is no badge
        (_TITLE, "<h1><span>关于</span>做好2024年暑期工作的通知</h1><div class='info'>2024-05-10</div>", _TITLE),
        (
            "新生入学须知",
            "<h1><span>新</span></h1><h2>新生入学须知</h2><div class='info'>2024-05-10</div>",
            "新生入学须知",
        ),
        (
            "热烈祝贺我校获得2024年教学成果奖",
            "<h1><span>热</span>烈祝贺我校获得2024年教学成果奖</h1><div class='info'>2024-05-10</div>",
            "热烈祝贺我校获得2024年教学成果奖",
        ),
    ],
)
def test_the_title_is_the_heading_or_line_the_page_title_names_not_the_block_around_it(page_title, top, expected):
    # forms of real Chinese news and society sites (GNE's test pages, round twenty-six): the title read was a box's
    # heading (您可能感兴趣的文章), the whole <title> with its column's name, the title with its author's line or a
    # 原创 badge run into it, or the section's name (新闻动态--某某学会官网)
    page = (
        f"<html><head><title>{page_title}</title></head><body><div class='nav'><a href='/'>首页</a>"
        f"<a href='/xwdt/'>学校新闻</a></div><div class='main'>{top}<div class='con'><p>各学院、各部门：</p>"
        f"<p>现将有关事项通知如下。</p><p>特此通知。</p></div>{_RELATED_BOX}</div></body></html>"
    )
    article = parse_article(page.encode(), BASE + "/info/1011/1.htm")
    assert "".join(article.title.split()) == "".join(expected.split())
    assert article.published == D(2024, 5, 10)


_MODAL = "<div class='identity-screen-form'><h2 class='blocker-title'>Sign In or Create an Account</h2></div>"


@pytest.mark.parametrize(
    "page",
    [
        # a post's header block named BEM-style, nested (article-header__detail in article-header), a share <nav>
        # in it, under <html class="header-menu-nav--closed">: its h1 is the title, not a sign-in modal's heading
        "<html class='page-story header-menu-nav--closed'><head><title>Wine Guy: three bottles to sip on a sunny day"
        " | The Province</title></head><body>" + _MODAL + "<main><article><header class='article-header'>"
        "<div class='article-header__detail'><div class='article-header__detail__texts'><h1 class='article-title'>"
        "Wine Guy: three bottles to sip on a sunny day</h1></div></div><nav class='share'><a href='/s'>Share</a>"
        "</nav></header><p>Text of the article.</p></article></main></body></html>",
        # a <header> in the <article>, its heading block named after it (default-article-header__heading)
        "<html><head><title>Wine Guy: three bottles to sip on a sunny day | Reuters</title></head><body>"
        + _MODAL
        + "<main><article><header><div class='default-article-header__container'><nav><a href='/world'>World</a>"
        "</nav><div class='default-article-header__heading'><h1>Wine Guy: three bottles to sip on a sunny day</h1>"
        "</div></div></header><p>Text of the article.</p></article></main></body></html>",
    ],
)
def test_an_h1_in_the_articles_own_header_blocks_is_the_title_not_a_modals_heading(page):
    # before, each block named …header… (and <html>'s class) made the h1 chrome, and the sign-in modal's heading
    # was the title
    title = parse_article(page.encode(), BASE + "/news/1.html").title
    assert title == "Wine Guy: three bottles to sip on a sunny day"


def test_a_hyphenated_word_in_the_page_title_is_not_where_the_site_name_starts():
    # no heading holds the title: <title> gives it, cut at a separator. Before, the bare hyphen of Berlin-Marathon
    # was taken for one, and the title read Berlin
    page = (
        "<html><head><title>Berlin-Marathon: Sebastian Hendel im Porträt - Sport - SZ.de</title></head><body>"
        "<p>Berlin. Sebastian Hendel läuft seinen ersten Marathon.</p></body></html>"
    )
    title = parse_article(page.encode(), BASE + "/sport/1.html").title
    assert title.startswith("Berlin-Marathon: Sebastian Hendel im Porträt")


_SCHOOL = "某某职业技术学院"


@pytest.mark.parametrize(
    ("page_title", "top"),
    [
        # <title> naming only the column or the section (通知公告-, 信息公开-) or only the school; the title's h1 in
        # the post's header block (named as chrome is), a sidebar box of 通知公告 with fresher dated entries
        (
            f"通知公告-{_SCHOOL}",
            f"<div class='post_header'><h1>{_TITLE}</h1><div class='info'>发布时间：2024-05-10</div></div>",
        ),
        (_SCHOOL, f"<div class='post_header'><h1>{_TITLE}</h1><div class='info'>发布时间：2024-05-10</div></div>"),
        (
            f"信息公开-{_SCHOOL}",
            f"<div class='post_header'><h1>{_TITLE}</h1><div class='info'>发布时间：2024-05-10</div></div>",
        ),
        # <title> naming only the school; a title block holding the heading and the author's line
        (
            _SCHOOL,
            f"<div class='title_border'><div class='article-title'><h2>{_TITLE}</h2></div><div class='article-desc'>"
            "教务处 发布时间：2024-05-10</div></div>",
        ),
    ],
)
def test_a_title_block_is_read_for_its_heading_where_the_page_title_names_no_article(page_title, top):
    # before: titled 通知公告 and dated by the sidebar's first entry (a wrong date), titled by the school's name, by
    # the whole <title>, or with the author's line run into the title
    side = "".join(
        f"<li><a href='/info/{i}.htm'>关于开展第{i}期培训工作的通知</a><span>2024-06-0{i}</span></li>" for i in (1, 2)
    )
    page = (
        f"<html><head><title>{page_title}</title></head><body><div class='header'><div class='logo'>{_SCHOOL}</div>"
        "</div><div class='nav'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a><a href='/tzgg/'>通知公告</a></div>"
        f"<div class='wrap'>{top}<div class='con'><p>现将有关事项通知如下。</p><p>教务处</p><p>2024年5月9日</p></div>"
        f"</div><div class='side'><h3>通知公告</h3><ul>{side}</ul></div></body></html>"
    )
    assert _title_and_day(page) == (_TITLE, D(2024, 5, 10))
