import datetime as dt

import pytest

from monitor.dates import date_from_url, file_date, find_dates, parse_date, year_from_url

D = dt.date


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("2024-10-28", None, D(2024, 10, 28)),
        ("[2024/10/28]", None, D(2024, 10, 28)),
        ("2024.10.28", None, D(2024, 10, 28)),
        ("2024年10月28日", None, D(2024, 10, 28)),
        ("发布时间：2024-10-28 09:30:12", None, D(2024, 10, 28)),
        ("日期：2024-1-5", None, D(2024, 1, 5)),
        ("２０２４－１０－２８", None, D(2024, 10, 28)),
        ("28 2024-10", None, D(2024, 10, 28)),  # WebPlus split day / year-month blocks
        ("2024-10 28", None, D(2024, 10, 28)),
        ("2024 10-28", None, D(2024, 10, 28)),  # year block + month-day block
        ("[10-28]", 2023, D(2023, 10, 28)),  # year from the article URL
        ("10月28日", 2023, D(2023, 10, 28)),
        ("[10-28]", None, None),  # no year anywhere: undated, not guessed
        ("2024-13-01", None, None),
        ("2024-02-30", None, None),
        ("浏览次数：2024", None, None),
        ("1899-01-01", None, None),
        # a year and the hour after it are no year-month: 10.05.2024 - 10:21 (a day-first date and its time) was
        # read as 2024-10-10, the hour for the month and the day's number for the day
        ("10.05.2024 - 10:21", None, None),
        ("2024 - 10:21", None, None),
        ("2024年 10：21", None, None),
        ("二〇二四年四月一日", None, D(2024, 4, 1)),  # a signed document's date (落款) in Chinese numerals
        ("二零一九年十一月二十日", None, D(2019, 11, 20)),
        ("二〇二四年十二月三十一日", None, D(2024, 12, 31)),
        ("二〇二四年十三月一日", None, None),
    ],
)
def test_parse_date_forms(text, hint, expected):
    assert parse_date(text, hint) == expected


def test_find_dates_in_order():
    assert find_dates("更新于2025-01-02，发布于2024年12月30日") == [D(2025, 1, 2), D(2024, 12, 30)]


def test_a_date_opening_an_index_numbers_serial_is_no_date_but_one_opening_a_period_is():
    assert find_dates("索引号：455800361/2026-09-23-0012") == []
    assert find_dates("2026-09-23-2026-09-30") == [D(2026, 9, 23), D(2026, 9, 30)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x.edu.cn/2024/1028/c1234a5678/page.htm", D(2024, 10, 28)),
        ("http://x.edu.cn/xxgk/202410/t20241028_123.html", D(2024, 10, 28)),
        ("http://x.edu.cn/news/2024-10-28/55.html", D(2024, 10, 28)),
        ("http://x.edu.cn/art/2024/10/28/art_12_345.html", D(2024, 10, 28)),
        ("http://x.edu.cn/info/1011/2345.htm", None),
        ("http://x.edu.cn/2024/1399/c1a2/page.htm", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_year_from_url_for_month_day_lists():
    assert year_from_url("http://x.edu.cn/xxgk/202410/t20241028_1.html") == 2024
    assert year_from_url("http://x.edu.cn/info/1011/2345.htm") is None


def test_english_month_names_in_short_texts():
    """A college's English site writes its list dates with month names."""
    assert parse_date("April 7, 2015") == dt.date(2015, 4, 7)
    assert parse_date("Posted on Apr. 7th, 2015 by admin") == dt.date(2015, 4, 7)
    assert parse_date("7 April 2015") == dt.date(2015, 4, 7)
    assert parse_date("May 2015") is None  # no day: no date


@pytest.mark.parametrize("cut", range(1, 11))
def test_a_date_cut_by_the_end_of_a_search_window_is_read_whole_never_shortened(cut):
    # the date right after the title is searched within a window of text; a window ending inside
    # 2026年9月15日 read 2026年9月1 -> 1 September, a wrong date (worse than none)
    from monitor.pagedates import _NEAR_CHARS, after_title_date

    date = "2026年9月15日"
    filler = "正文" * 100
    text = filler[: _NEAR_CHARS - cut] + date + "。" + filler
    assert after_title_date(text, 0) in (None, dt.date(2026, 9, 15))


@pytest.mark.parametrize("lead", range(380, 400))
def test_a_labelled_date_at_the_edge_of_the_titles_surroundings_is_read_whole(lead):
    from monitor.parse import parse_article

    html = (
        "<html><head><title>关于举办学术讲座的通知-测试学院</title></head><body><h1>关于举办学术讲座的通知</h1>"
        f"<p>{'讲' * lead}</p><p>发布时间：2026年9月15日</p></body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published == dt.date(2026, 9, 15)


def test_an_article_whose_signature_falls_at_the_edge_of_the_window_is_dated_by_it():
    from monitor.parse import parse_article

    body = "<p>各学院、各部门：</p><p>现将《测试学院学生学籍管理办法》印发给你们，请遵照执行。</p>" * 3
    html = (
        "<html><head><title>关于印发《测试学院学生学籍管理办法》的通知-测试学院</title></head><body>"
        f"<h1>关于印发《测试学院学生学籍管理办法》的通知</h1>{body}<p>测试学院</p><p>2026年9月15日</p></body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published == dt.date(2026, 9, 15)


@pytest.mark.parametrize(
    "event", ["会议时间：2026年10月20日", "一、时间：2026年10月20日上午9:00", "报名时间：2026年10月20日"]
)
@pytest.mark.parametrize("info", ["2026-09-15", "作者：张三 | 2026-09-15 | 浏览：120", "（2026-09-15）"])
def test_an_event_time_in_the_notice_is_not_its_publication_date(event, info):
    # a notice's unlabelled info line under its title, and the time of the event it announces in its text
    from monitor.parse import parse_article

    html = (
        "<html><head><title>关于召开2026年度教学工作会议的通知-测试学院</title></head><body><div class='main'>"
        f"<h1>关于召开2026年度教学工作会议的通知</h1><div class='info'>{info}</div><div class='con'>"
        f"<p>各学院：</p><p>学校定于近期召开年度教学工作会议，现将有关事项通知如下。</p><p>{event}</p>"
        "<p>二、地点：行政楼第一会议室</p></div></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published == dt.date(2026, 9, 15)


@pytest.mark.parametrize(
    "event", ["一、时间：2026年10月20日上午9:00", "（一）时间：2026年10月20日", "时间：2026年10月20日 地点：行政楼"]
)
def test_a_notices_section_time_is_not_its_date_when_it_has_no_info_line(event):
    # no line under the title; the notice's own date is its signature (落款)
    from monitor.parse import parse_article

    html = (
        "<html><head><title>关于召开2026年度教学工作会议的通知-测试学院</title></head><body><div class='main'>"
        "<h1>关于召开2026年度教学工作会议的通知</h1><div class='con'><p>各学院：</p>"
        f"<p>学校定于近期召开年度教学工作会议，现将有关事项通知如下。</p><p>{event}</p><p>二、参会人员：各学院院长</p>"
        "<p style='text-align:right'>教务处</p><p style='text-align:right'>2026年9月15日</p></div></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published == dt.date(2026, 9, 15)


@pytest.mark.parametrize(
    "sentence",
    [
        "会议于2026年10月20日在行政楼召开。",
        "2026年10月20日（星期二）上午9:00在图书馆报告厅举行。",
        "本次讲座时间为2026年10月20日下午。",
        "经研究，决定2026年10月20日放假一天。",
        "请各单位于2026年10月20日下班前报送材料。",
    ],
)
def test_a_signed_notice_is_dated_by_its_signature_not_the_first_date_its_text_names(sentence):
    from monitor.parse import parse_article

    html = (
        "<html><head><title>关于召开2026年度教学工作会议的通知-测试学院</title></head><body><div class='main'>"
        f"<h1>关于召开2026年度教学工作会议的通知</h1><div class='con'><p>各学院：</p><p>{sentence}请相关人员准时参加。</p>"
        "<p>特此通知。</p><p style='text-align:right'>教务处</p><p style='text-align:right'>2026年9月15日</p></div></div>"
        "</body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published == dt.date(2026, 9, 15)


@pytest.mark.parametrize("cut", range(1, 11))
def test_a_date_cut_by_the_end_of_the_info_line_is_read_whole_never_shortened(cut):
    # the title's info line is read up to a length; an info line ending inside 2026年9月15日 read 1 September
    from lxml import html as lxml_html

    from monitor.pagedates import _INFO_BLOCK_CHARS, info_line_date

    line = "来源：" + "测" * (_INFO_BLOCK_CHARS - cut - 3) + "2026年9月15日"
    page = lxml_html.fromstring(f"<div><h1>关于开展教学检查的通知</h1><div>{line}</div></div>")
    assert info_line_date(page.find("h1")) in (None, dt.date(2026, 9, 15))


_UNDATED = (
    "<html><head><title>关于做好2026年秋季学期开学工作的通知-测试学院</title></head><body><div class='main'>"
    "<h1>关于做好2026年秋季学期开学工作的通知</h1><div class='con'><p>各学院、各部门：</p>"
    "<p>根据学校工作安排，现就做好开学工作通知如下，请认真贯彻执行。</p></div>{after}</div></body></html>"
)


@pytest.mark.parametrize(
    "after",
    [
        # the previous and next articles, with their dates: neither is this one's
        "<div class='pn'><p>上一篇：<a href='/info/1001/12344.htm'>关于召开教学工作会议的通知</a> 2026-09-20</p>"
        "<p>下一篇：<a href='/info/1001/12346.htm'>关于做好国庆放假安排的通知</a> 2026-09-25</p></div>",
        "<p>上一篇：<a href='/info/1001/12344.htm'>关于召开教学工作会议的通知</a>（2026-09-20）</p>",
        "<div><span>上一条：</span><a href='/info/1001/12344.htm'>关于召开教学工作会议的通知</a><span>2026-09-20</span></div>",
        # a sidebar of the latest notices, each dated with a label as this one's would be: theirs
        "<div class='side'><h3>最新通知</h3><ul><li><a href='/info/1001/12344.htm'>关于召开教学工作会议的通知</a> "
        "发布时间：2026-09-20</li><li><a href='/info/1001/12340.htm'>关于做好国庆放假安排的通知</a> 发布时间：2026-09-18"
        "</li></ul></div>",
        # ... with their dates labelled as this one's would be (发布时间：): still theirs
        "<p>上一条：<a href='/info/1001/12344.htm'>关于召开教学工作会议的通知</a>（发布时间：2026-09-20）</p>",
        "<ul class='pn'><li>下一篇：<a href='/info/1001/12346.htm'>关于国庆放假安排的通知</a> 发布日期：2026-09-25</li></ul>",
        # an attachment named by a date: another document's name, right under the text or further down
        "<p>附件：<a href='/upload/2026/0920/abc.pdf'>2026-09-20会议日程.pdf</a></p>",
        "<div><p>一、请各单位高度重视。</p><p>二、请按时报送材料。</p></div>"
        "<p>附件：<a href='/upload/2026/0920/abc.pdf'>2026年9月20日会议日程.pdf</a></p>",
        # a related-articles box right under a short text
        "<div class='xgwz'><h3>相关新闻</h3><ul><li><a href='/info/1.htm'>关于召开教学工作会议的通知</a>"
        "<span>2026-09-20</span></li></ul></div>",
        # the day the page was printed or its visits counted (the day of the run, on a page written that day): a
        # stale page read as published today
        "<div class='tools'>打印日期：2026-11-30 <a href='javascript:window.print()'>打印本页</a></div>",
        "<div class='foot'>您是第 12345 位访问者 统计日期：<span>2026-11-30</span></div>",
        "<div class='foot'>服务器时间：2026年11月30日 10:21</div>",
        # an index number whose serial follows a date (455800361/2026-09-23-0012): the document's number, not its day
        "<table class='xxgk'><tr><td>索引号：</td><td>455800361/2026-09-23-0012</td><td>发布机构：</td><td>教务处</td>"
        "</tr></table>",
    ],
)
def test_an_undated_article_is_not_dated_by_the_articles_it_links_to_nor_by_the_day_it_was_printed(after):
    from monitor.parse import parse_article

    html = _UNDATED.format(after=after)
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published is None


def test_a_table_of_documents_under_the_title_does_not_date_the_page():
    # 现将有关文件公布如下： then a table (序号 | 文件名称 | 发布时间): its first row's date was read as the page's own
    from monitor.parse import parse_article

    rows = "".join(f"<tr><td>{i}</td><td>第{i}号文件</td><td>2025-0{i}-15</td></tr>" for i in range(1, 4))
    table = (
        f"<p>现将有关文件公布如下：</p><table><tr><th>序号</th><th>文件名称</th><th>发布时间</th></tr>{rows}</table>"
    )
    html = (
        "<html><head><title>关于公布有关文件的通知-测试学院</title></head><body><div class='main'>"
        f"<h1>关于公布有关文件的通知</h1><div class='info'>来源：党政办公室</div><div class='con'>{table}</div></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published is None


@pytest.mark.parametrize("link", ["至", " 至 ", "到", "~", "～", "—"])
def test_the_last_day_of_a_period_under_the_title_is_not_the_publication_date(link):
    # 公示期：2026-09-20 至 2026-09-27 on the title's line: its first day is skipped (a period follows it) and its
    # last day, still to come when the notice went out, was taken for the notice's date
    from monitor.parse import parse_article

    line = f"<div class='info'>公示期：2026-09-20{link}2026-09-27</div><div class='con'>"
    html = _UNDATED.replace("<div class='con'>", line, 1).format(after="")
    published = parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published
    assert published in (None, dt.date(2026, 9, 20))


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ("发布时间：26-09-23", dt.date(2026, 9, 23)),  # a two-digit year, in Chinese order (htmldate read 2023-09-26)
        ("更新日期：08/05/12 10:21", dt.date(2008, 5, 12)),
        ("发布时间：9/23/2026 9:30:00 AM", dt.date(2026, 9, 23)),  # an ASP.NET server in its en-US culture
        ("发布日期：10/8/2026 3:05 PM", dt.date(2026, 10, 8)),
        ("发布时间：23/9/2026", dt.date(2026, 9, 23)),  # day first, and it can only be a day
        # month first where either could be: a Chinese server writes a/b/yyyy only in ASP.NET's en-US culture
        ("发布时间：5/6/2026", dt.date(2026, 5, 6)),
        # a forwarded document's original date gives way to the page's own; alone, it stands
        ("原文发布时间：2026-08-01 本站发布时间：2026-09-02", dt.date(2026, 9, 2)),
        ("原发布时间：2026-08-01 | 更新时间：2026-09-02", dt.date(2026, 9, 2)),
        ("原文发布时间：2026-08-01", dt.date(2026, 8, 1)),
        # the day in one element, its time in the next, written without a space between (百家号, a PHP template):
        # read 26-09-2310:30 before, no date, and htmldate's fallback took 2023-09-26
        ("<span>发布时间：26-09-23</span><span>10:30</span><span class='views'></span>", dt.date(2026, 9, 23)),
        ("<span>发布时间：<b>26-09-23</b></span><span>10:30</span><i></i>", dt.date(2026, 9, 23)),
    ],
)
def test_a_labelled_date_in_other_orders_is_read_in_the_order_its_server_writes(info, expected):
    from monitor.parse import parse_article

    html = (
        "<html><head><title>关于做好国庆节放假安排的通知-测试学院</title></head><body><div class='main'>"
        f"<h1>关于做好国庆节放假安排的通知</h1><div class='info'>{info}</div><div class='con'>"
        "<p>各部门：根据国务院办公厅通知精神，现将国庆节放假安排通知如下，请各部门做好值班安排。</p></div></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm").published == expected


@pytest.mark.parametrize(
    "script",
    [
        "document.getElementById('pt').innerHTML = '2026-09-23';",
        'document.getElementById("pt").innerText="2026-09-23 10:00";',
        "$('#pt').text('2026-09-23');",
        'jQuery("#pt").html("2026年9月23日");',
        "document.write(formatDate(1790130600000, 'yyyy-MM-dd'));",  # where it stands: the slot holds the script
    ],
)
def test_a_date_a_script_puts_into_its_labelled_slot_is_read(script):
    # 发布时间：<span id="pt"></span>, filled by the page's script with the date it carries: a browser shows it there
    from monitor.parse import parse_article

    slot = f"<span id='pt'><script>{script}</script></span>" if "write" in script else "<span id='pt'></span>"
    html = (
        "<html><head><title>关于做好国庆节放假安排的通知-测试学院</title></head><body><div class='main'>"
        f"<h1>关于做好国庆节放假安排的通知</h1><div class='info'>发布时间：{slot} 来源：学校办公室</div><div class='con'>"
        "<p>各部门：根据国务院办公厅通知精神，现将国庆节放假安排通知如下，请各部门做好值班安排。</p></div></div>"
        f"<script>{script}</script></body></html>"
    )
    article = parse_article(html.encode(), "http://www.test.edu.cn/info/1001/12345.htm")
    assert (article.published, article.date_source) == (dt.date(2026, 9, 23), "label:发布时间")


@pytest.mark.parametrize(
    ("html", "day", "stated"),
    [
        ('<time datetime="2020-03-18T12:22:42-0400">', D(2020, 3, 18), True),
        ("<div class='date'> Party, 30.10.23 </div>", D(2023, 10, 30), True),
        ("<p>martes 17 de marzo de 2020</p>", D(2020, 3, 17), True),
        ("<time>30. Juni 2022</time>", D(2022, 6, 30), True),
        ("Posted June 30, 2017", D(2017, 6, 30), True),
        ("发布于2026年9月9日", D(2026, 9, 9), True),
        # a month alone, completed by htmldate's dateutil with the day it runs: on the 9th, 09 is the month's
        ("<span>2026-09</span>", D(2026, 9, 9), False),
        ("<span>23</span><span>2026-09</span>", D(2026, 9, 30), False),
    ],
)
def test_a_fallback_date_on_todays_day_counts_only_where_the_page_writes_that_day(html, day, stated):
    from monitor.pagedates import _states_day

    assert _states_day(html, day) is stated


def test_the_places_a_date_is_written_are_found_as_by_a_scan_of_the_whole_page():
    """_written_spots reads windows around the places the year is written (a scan of a 100 KB page with the whole
    pattern took 36 ms); on real pages, for the labelled day and another, it finds exactly the scan's matches."""
    from monitor.pagedates import _day_written, _written_spots
    from tests.realpages import body, pages

    compared = 0
    for page in pages("article")[::16]:
        html = body(page).decode("utf-8", "replace")
        if len(html) > 200_000:  # the whole-page scan takes a second on the largest
            continue
        labelled = isinstance(page["date"], str) and page["date"] != "unusable"
        label = D.fromisoformat(page["date"]) if labelled else D(2020, 3, 18)
        for day in (label, D(2004, 9, 17)):
            scanned = [m.span() for m in _day_written(day).finditer(html)]
            assert _written_spots(html, day) == scanned, (page["id"], day)
            compared += bool(scanned)
    assert compared > 25  # most of them write the labelled day somewhere


_META_HEAD = "<tr><th>索引号</th><th>发布机构</th><th>发布日期</th><th>文号</th></tr>"
_META_ROW = "<tr><td>XX-2026-0123</td><td>校医院</td><td>2026-09-23</td><td>校医〔2026〕5号</td></tr>"
_DOCUMENTS = (
    "<table><tr><th>序号</th><th>文件名称</th><th>文号</th><th>发布日期</th></tr>"
    "<tr><td>1</td><td>学校公务接待管理办法</td><td>校发〔2019〕12号</td><td>2019-05-01</td></tr></table>"
)


@pytest.mark.parametrize(
    ("above", "inside", "expected"),
    [
        # a 政务公开 meta table laid out in columns above the title: the label heads a column, the date is below it
        (f"<table>{_META_HEAD}{_META_ROW}</table>", "", D(2026, 9, 23)),
        (f"<table><thead>{_META_HEAD}</thead><tbody>{_META_ROW}</tbody></table>", "", D(2026, 9, 23)),
        # a table of other documents (序号, 文件名称) in the text is not this page's: the notice's signature dates it
        ("", _DOCUMENTS, D(2026, 9, 22)),
    ],
)
def test_a_date_under_a_label_in_a_header_row_is_the_pages(above, inside, expected):
    from monitor.parse import parse_article

    html = (
        "<html><head><meta charset='utf-8'><title>关于2026年教职工体检安排的通知</title></head><body>"
        f"{above}<h2>关于2026年教职工体检安排的通知</h2><div class='content'><p>各单位：根据学校工作安排，现将有关"
        f"事项通知如下。</p>{inside}<p>体检地点：校医院二楼。</p><p>学校办公室</p><p>2026年9月22日</p></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.xx.edu.cn/info/1012/3456.htm").published == expected


def test_a_date_shown_only_in_a_table_of_other_documents_does_not_date_the_page():
    # an unsigned notice listing the rule it repeals: 2019-05-01 is that rule's date, not the notice's
    from monitor.parse import parse_article

    html = (
        "<html><head><meta charset='utf-8'><title>关于废止部分规章制度的通知</title></head><body>"
        "<h2>关于废止部分规章制度的通知</h2><div class='con'><p>各单位：经学校研究，决定废止下列规章制度。</p>"
        f"{_DOCUMENTS}<p>特此通知。</p></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.xx.edu.cn/info/1005/7788.htm").published is None


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("Wed, 23 Sep 2026 02:00:00 GMT", dt.date(2026, 9, 23)),
        ("Wed, 23 Sep 2026 20:00:00 GMT", dt.date(2026, 9, 24)),  # the day in the site's zone (China time)
        ("Wed, 30 Sep 2026 00:00:00 GMT", None),  # served "now": a download script's stamp
        ("Thu, 01 Oct 2026 00:00:00 GMT", None),  # future
        ("Thu, 01 Jan 1970 00:00:00 GMT", None),  # epoch: no real day
        ("2026-09-23", None),  # no HTTP date
        ("", None),
        (None, None),
    ],
)
def test_a_files_day_on_its_server(stamp, day):
    now = dt.datetime(2026, 9, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert file_date(stamp, now) == day


def test_a_files_day_told_from_the_moment_it_was_sent_by_the_date_header():
    # with the response's Date: an upload three hours before it is today's; a stamp equal to it is a script's "now"
    now = dt.datetime(2026, 9, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    sent = "Wed, 30 Sep 2026 00:00:00 GMT"
    assert file_date("Tue, 29 Sep 2026 21:00:00 GMT", now, sent) == dt.date(2026, 9, 30)
    assert file_date("Wed, 30 Sep 2026 00:00:00 GMT", now, sent) is None
    assert file_date("Tue, 29 Sep 2026 21:00:00 GMT", now, "garbage") is None  # no Date: the day's rule


_CHAPTER = (
    "<html><head><title>学校章程-测试学院</title></head><body>{top}<div class='nav'><a href='/'>首页</a>"
    "<a href='/xxgk/'>信息公开</a></div><div class='main'>{head}<div class='con'><p>第一章 总则</p><p>第一条 为规范学校"
    "办学行为，依据《中华人民共和国高等教育法》制定本章程。</p><p>第二条 学校名称为测试学院。</p></div></div>"
    "<div class='foot'>版权所有 测试学院</div></body></html>"
)


@pytest.mark.parametrize(
    "top",
    [
        "<div class='top'><span class='date'>2026年11月30日 星期一</span><a href='/en/'>English</a></div>",
        "<div id='header'><p class='riqi'>2026-11-30</p><a href='/en/'>English</a></div>",
        "<div class='bar'>2026年11月30日&nbsp;&nbsp;星期一 <a href='/'>设为首页</a></div>",
    ],
    ids=["weekday", "header", "weekday-apart"],
)
def test_the_day_a_header_shows_is_not_an_undated_pages_date(top):
    # a 学校章程 page with no date of its own under a header showing the day the page was served (博达's date
    # component, ASP's <%=date()%>): htmldate read it, so an unchanged page looked published that day
    from monitor.parse import parse_article

    html = _CHAPTER.format(top=top, head="<h1>测试学院章程</h1>")
    assert parse_article(html.encode(), "http://www.test.edu.cn/xxgk/xxzc.htm").published is None


def test_a_date_above_the_title_in_the_articles_own_header_is_still_its_date():
    from monitor.parse import parse_article

    head = "<div class='article-header'><span class='time'>2026-09-20</span> <span>浏览 12</span><h1>测试学院章程</h1></div>"
    html = _CHAPTER.format(top="", head=head)
    assert parse_article(html.encode(), "http://www.test.edu.cn/xxgk/xxzc.htm").published == dt.date(2026, 9, 20)


def test_a_list_cell_with_a_two_digit_year_is_read_in_chinese_order_and_never_as_a_day_first():
    """A list's date cell written by date('y-m-d') (24-03-28) dates its entry; 31.10.23 and 30/10/23, the day first
    as German and French pages write it, and a year still to come stay undated, never a day in 2031."""
    from monitor.parse import parse_column_page

    next_year = f"{(dt.date.today().year + 1) % 100:02d}"
    cells = {
        "24-03-28": dt.date(2024, 3, 28),
        "[24-03-28]": dt.date(2024, 3, 28),
        "99-12-31": dt.date(1999, 12, 31),
        "31.10.23": None,
        "30/10/23": None,
        f"{next_year}-10-23": None,
    }
    for cell, expected in cells.items():
        rows = "".join(
            f"<li><a href='/info/1012/{300 + i}.htm'>关于公布第{i}批收费标准的通知</a><span>{cell}</span></li>"
            for i in range(3)
        )
        html = f"<html><head><title>财务信息</title></head><body><div class='main'><h2>财务信息</h2><ul>{rows}</ul></div></body></html>"
        page = parse_column_page(html.encode(), "http://www.xx.edu.cn/xxgk/cwxx.htm")
        assert [e.date for e in page.entries] == [expected] * 3, cell


@pytest.mark.parametrize("zero", list("〇零○◯ＯOo0０"))
def test_a_signed_date_in_chinese_numerals_is_read_whatever_round_character_its_zero_was_typed_as(zero):
    """A notice signed 二O二四年三月二十八日 (its 〇 typed as a letter O, a digit 0, a circle ○) bears that date, as
    二〇二四年 does; a title's 二O二五—二O二六学年 names 2025-2026. Before, only 〇, ○ and 零 were read: the notice
    was undated."""
    from monitor.dates import years_as_digits
    from monitor.parse import parse_article

    html = (
        "<html><head><title>关于清明节放假安排的通知-某某学院</title></head><body><div class='main'>"
        "<h1>关于清明节放假安排的通知</h1><p>各学院、各部门：</p><p>根据上级有关文件精神，经学校研究决定，现将清明节放假安排"
        "通知如下，请各单位做好值班安排和安全工作。</p><p>特此通知。</p><p style='text-align:right'>党政办公室</p>"
        f"<p style='text-align:right'>二{zero}二四年三月二十八日</p></div></body></html>"
    )
    assert parse_article(html.encode(), "http://www.xx.edu.cn/info/1012/3456.htm").published == dt.date(2024, 3, 28)
    assert years_as_digits(f"二{zero}二五—二{zero}二六学年本科教学质量报告").startswith("2025—2026学年")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布日期：2026-03-25 来源：财务处", D(2026, 3, 25)),
        # the label's date must start right after it: a year naming the text's subject there (a table headed 发布日期
        # above 1 | 2026年部门预算公开 | 2026-03-25, read as a page) is no date, and the row's date further on is
        # not the label's. Before, the first 2026 was taken for where the date starts
        ("发布日期 1 2026年部门预算公开 2026-03-25", None),
        ("发布日期：2026年度预算 2026-03-25", None),
    ],
)
def test_a_labels_date_starts_where_the_label_ends(text, expected):
    from monitor.pagedates import labelled_date

    assert labelled_date(text)[0] == expected
