"""Grids of generated pages: every combination of the forms a college page combines, read right.

A probe checks one form; real pages combine them (a date with its weekday, inside the link, in a <dl>, beside a
sidebar of newer notices). Each grid crosses a few axes and asserts every page of it, so that a fix for one form is
seen not to break another. These pages are written here (what the readers are meant to do), not real pages: the
real corpus (tests/test_real_pages.py) is what measures the readers. Three bugs were found by these grids when they
were written: a weekday beside an entry's date inside its link; a title in an <h3> or a <td class="title"> where
<title> names only the site; an empty TRS column checked from its folder taken for unknown, not blank. The later
grids (from the 政务公开 records on) cross what a page means rather than how it is laid out (which of two dates is
the publication's, what a column states, what a server answers instead of it); each names what it found.
"""

from __future__ import annotations

import datetime as dt
import itertools

from monitor.parse import parse_article, parse_column_page
from monitor.urls import is_script_row

TITLES = [
    "关于公布2024年度学校信息公开工作报告的通知",
    "学校召开2024年党风廉政建设工作会议",
    "关于2024年5月6日停电的通知",  # a date inside the title's sentence stays in it
    "某某职业技术学院2024年招生章程",
    "关于开展信息公开专项检查的通知",
    "学校2024年决算公开",
    "关于公示2024年度评优评先结果的通知",
    "学生资助政策简介及申请流程",
    "关于调整学校部分收费标准的公告",
    "2024年教职工公开招聘公告",
    "学校章程修订情况说明",
    "关于印发信息公开工作制度的通知",
    "2024年毕业生就业质量年度报告",
    "关于校领导分工调整的通知",
    "学校内设机构设置一览表",
]
DAYS = [dt.date(2024, 3, 28) - dt.timedelta(days=3 * i) for i in range(len(TITLES))]
COLUMN = "http://www.xx.edu.cn/xxgk/tzgg.htm"

DATE_FORMS = {
    "iso": lambda d: d.isoformat(),
    "slash": lambda d: d.strftime("%Y/%m/%d"),
    "dot": lambda d: d.strftime("%Y.%m.%d"),
    "han": lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    "brackets": lambda d: f"[{d.isoformat()}]",
    "parens": lambda d: f"({d.isoformat()})",
    "unpadded": lambda d: f"{d.year}-{d.month}-{d.day}",
    "clock": lambda d: f"{d.isoformat()} 10:40:00",
    "weekday": lambda d: f"{d.year}年{d.month}月{d.day}日 星期二",
    "full-width": lambda d: d.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
    "lenticular": lambda d: f"【{d.isoformat()}】",
    "spaced": lambda d: f"{d.year} - {d.month:02d} - {d.day:02d}",
    # found by this grid: a year of two digits (PHP's date('y-m-d'), DedeCMS's MyDate('y-m-d',…)) left rows undated
    "short-year": lambda d: d.strftime("%y-%m-%d"),
}
PLACES = ("after", "before", "inside-after", "inside-before", "cell")
CONTAINERS = ("ul", "table", "div", "dl", "br")
SIDE_ROWS = "".join(
    f"<li><a href='/info/1001/{900 + k}.htm'>学校召开第{k}次专题工作会议部署工作</a><span>2025-01-{10 + k}</span></li>"
    for k in range(5)
)
LIST_CHROME = {
    "none": "",
    "sub-columns": "<div class='left'><h3>信息公开</h3><ul><li><a href='/xxgk/jbxx.htm'>基本信息</a></li>"
    "<li><a href='/xxgk/zsks.htm'>招生考试</a></li><li><a href='/xxgk/cwzc.htm'>财务资产</a></li></ul></div>",
    "newer-sidebar": f"<div class='right'><h3>最新动态</h3><ul>{SIDE_ROWS}</ul></div>",
    "ticker": "<div class='notice'><span>最新通知：</span><marquee>"
    + "".join(f"<a href='/info/1002/{800 + k}.htm'>关于2025年第{k}次会议安排的通知</a> " for k in range(6))
    + "</marquee></div>",
}


def _entry(container: str, place: str, i: int, shown: str) -> str:
    href, title = f"/info/1012/{3000 + i}.htm", TITLES[i]
    link = {
        "after": f"<a href='{href}' title='{title}'>{title}</a><span class='date'>{shown}</span>",
        "before": f"<span class='date'>{shown}</span><a href='{href}' title='{title}'>{title}</a>",
        "inside-after": f"<a href='{href}'><span class='t'>{title}</span><i>{shown}</i></a>",
        "inside-before": f"<a href='{href}'><i>{shown}</i><span class='t'>{title}</span></a>",
        "cell": f"<a href='{href}'>{title}</a><em>{shown}</em>",
    }[place]
    if container == "table":
        return (
            f"<tr><td>{i + 1}</td><td><a href='{href}'>{title}</a></td><td>{shown}</td></tr>"
            if place == "cell"
            else f"<tr><td>{link}</td></tr>"
        )
    return {"ul": "<li>{}</li>", "div": "<div class='item'>{}</div>", "dl": "<dd>{}</dd>", "br": "{}<br>"}[
        container
    ].format(link)


def _list_page(container: str, rows: str, chrome: str) -> bytes:
    box = {
        "ul": "<ul class='list'>{}</ul>",
        "table": "<table class='list'>{}</table>",
        "div": "<div class='news'>{}</div>",
        "dl": "<dl class='list'>{}</dl>",
        "br": "<p class='list'>{}</p>",
    }[container].format(rows)
    return (
        "<html><head><meta charset='utf-8'><title>通知公告-某某职业技术学院</title></head><body><div class='nav'>"
        f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>{chrome}<div class='main'><div class='crumb'>当前位置："
        f"<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 通知公告</div>{box}<div class='page'>共15条 1/1</div>"
        "</div></body></html>"
    ).encode()


def test_every_entry_of_every_list_form_is_read_with_its_date_and_title():
    wrong = []
    for container, place, form, chrome in itertools.product(CONTAINERS, PLACES, DATE_FORMS, LIST_CHROME):
        rows = "".join(_entry(container, place, i, DATE_FORMS[form](d)) for i, d in enumerate(DAYS))
        page = parse_column_page(_list_page(container, rows, LIST_CHROME[chrome]), COLUMN)
        if [(e.title, e.date) for e in page.entries] != list(zip(TITLES, DAYS, strict=True)):
            wrong.append((container, place, form, chrome, len(page.entries)))
    assert not wrong, f"{len(wrong)} of {5 * 5 * 12 * 4} pages read wrong, first: {wrong[:5]}"


EXTRAS = {
    "plain": ("", ""),
    # (the link's text cut short, the whole title in the element holding it: found by this grid, the cut text read)
    "inner-title": ("", ""),
    "category": ("<a href='/xxgk/tzgg.htm' class='cat'>[通知公告]</a> ", ""),
    "new-mark": ("", "<img src='/images/new.gif' alt='new'>"),
    "hits": ("", " <span class='hits'>浏览：123</span>"),
    "file-icon": ("", " <a href='/upload/{i}.pdf'><img src='/images/pdf.gif'></a>"),
    "department": ("", " <span class='dept'>学校办公室</span>"),
}


def test_an_entrys_extras_are_neither_entries_nor_its_title_and_a_pinned_old_one_stays_first():
    wrong = []
    for container, extra, chrome, pinned in itertools.product(
        ("ul", "table", "div", "dl"), EXTRAS, LIST_CHROME, (False, True)
    ):
        days = [dt.date(2022, 1, 5), *DAYS[1:]] if pinned else DAYS
        before, after = EXTRAS[extra]
        rows = ""
        for i, title in enumerate(TITLES):
            pin = "<span class='top'>[置顶]</span>" if pinned and i == 0 else ""
            link = f"{pin}{before}<a href='/info/1012/{3000 + i}.htm' title='{title}'>{title}</a>{after.format(i=i)}"
            if extra == "inner-title":
                link = f"{pin}<a href='/info/1012/{3000 + i}.htm'><span title='{title}'>{title[:9]}...</span></a>"
            date = days[i].isoformat()
            rows += {
                "ul": f"<li>{link}<span>{date}</span></li>",
                "table": f"<tr><td>{link}</td><td>{date}</td></tr>",
                "div": f"<div class='item'>{link}<div class='date'>{date}</div></div>",
                "dl": f"<dd>{link}<em>{date}</em></dd>",
            }[container]
        page = parse_column_page(_list_page(container, rows, LIST_CHROME[chrome]), COLUMN)
        if [(e.title, e.date) for e in page.entries] != list(zip(TITLES, days, strict=True)):
            wrong.append((container, extra, chrome, pinned, len(page.entries)))
    assert not wrong, f"{len(wrong)} pages read wrong, first: {wrong[:5]}"


NOTICE = "关于做好2024年信息公开年度报告编制工作的通知"
PUBLISHED = dt.date(2024, 3, 12)
TEXT = (
    "<div class='content'><p>各部门：为进一步规范学校信息公开工作，根据有关规定，现将有关事项通知如下。</p>"
    "<p>一、请各部门于2024年4月20日前报送材料。</p><p>二、联系人：李老师，电话：0591-12345678。</p>{signed}</div>"
)
LABELS = ("发布时间：{}", "发布日期：{}", "时间：{}", "{}", "【发布时间：{}】")
INFO_LINES = {
    "line": "<div class='info'>{}&nbsp;&nbsp;来源：学校办公室&nbsp;&nbsp;浏览：<span id='hits'>12</span></div>",
    "spans": "<div class='info'><span>来源：学校办公室</span><span>{}</span><span>作者：张三</span></div>",
    "table": "<table class='info'><tr><td>{}</td><td>来源：学校办公室</td></tr></table>",
    "signature": None,  # no info line: the date under the text, after the office's name
}
ARTICLE_CHROME = {
    "none": ("", ""),
    "header-clock": ("<div class='top'>欢迎访问！今天是：2026年11月30日 星期一</div>", ""),
    "newer-sidebar": (f"<div class='side'><h3>最新动态</h3><ul>{SIDE_ROWS}</ul></div>", ""),
    "neighbours": (
        "",
        "<div class='pn'><p>上一篇：<a href='/info/1012/3455.htm'>关于召开第一次工作会议的通知</a>（发布时间："
        "2024-03-20）</p><p>下一篇：<a href='/info/1012/3457.htm'>关于开展安全检查的通知</a> 2024-03-01</p></div>",
    ),
    "related": (
        "",
        "<div class='related'><h3>相关新闻</h3><ul>"
        + "".join(
            f"<li><a href='/info/1012/{800 + k}.htm'>关于第{k}批信息公开事项的通知</a><span>2025-02-0{k + 1}</span></li>"
            for k in range(4)
        )
        + "</ul></div>",
    ),
}


def _article(page_title: str, before: str, main: str):
    """An article page: its <title>, what stands before the site's menu (a masthead, a clock, a sidebar), its main."""
    html = (
        f"<html><head><meta charset='utf-8'><title>{page_title}</title></head><body>{before}<div class='nav'>"
        "<a href='/'>首页</a><a href='/xxgk/'>信息公开</a><a href='/xxgk/tzgg.htm'>通知公告</a></div>"
        f"<div class='main'>{main}</div></body></html>"
    )
    return parse_article(html.encode(), "http://www.xx.edu.cn/news/show.asp?id=3456")


def test_an_articles_date_is_read_in_every_form_beside_every_kind_of_other_date():
    wrong = []
    forms = ("iso", "han", "slash", "clock", "dot", "weekday")
    for form, label, info, chrome in itertools.product(forms, LABELS, INFO_LINES, ARTICLE_CHROME):
        stated = label.format(DATE_FORMS[form](PUBLISHED))
        line = INFO_LINES[info].format(stated) if INFO_LINES[info] else ""
        signed = "" if line else f"<p style='text-align:right'>学校办公室</p><p style='text-align:right'>{stated}</p>"
        top, tail = ARTICLE_CHROME[chrome]
        article = _article(
            f"{NOTICE}-某某职业技术学院", top, f"<h1>{NOTICE}</h1>{line}{TEXT.format(signed=signed)}{tail}"
        )
        if (article.title, article.published) != (NOTICE, PUBLISHED):
            wrong.append((form, label, info, chrome, article.published, article.date_source))
    assert not wrong, f"{len(wrong)} pages read wrong, first: {wrong[:5]}"


TITLE_FORMS = {
    "h1": "<h1>{}</h1>",
    "h2": "<h2 class='art-title'>{}</h2>",
    "div.tit": "<div class='tit'>{}</div>",
    "td.title": "<table><tr><td class='title'>{}</td></tr></table>",
    "bold": "<table><tr><td align='center'><b><font size='4'>{}</font></b></td></tr></table>",
    "strong": "<p align='center'><strong>{}</strong></p>",
    "h3": "<h3>{}</h3>",
    "span.title": "<div><span class='title'>{}</span></div>",
}
PAGE_TITLES = (f"{NOTICE}-某某职业技术学院", "某某职业技术学院", "通知公告-某某职业技术学院", NOTICE)
TITLE_INFO = (
    "<div class='info'>发布时间：2024-03-12 来源：学校办公室</div>",
    "<div class='info'>2024-03-12 10:40 来源：学校办公室</div>",
    "<div class='info'><span>发布日期：</span><span>2024-03-12</span></div>",
    "<p align='center'>2024年3月12日</p>",
)
MASTHEADS = (
    "",
    "<h1 class='logo'><a href='/'>某某职业技术学院</a></h1>",
    "<div class='side'><h2>通知公告</h2><ul><li><a href='/xxgk/tzgg.htm'>通知公告</a></li></ul></div>",
)


def test_an_articles_title_is_found_in_every_form_whatever_its_title_tag_names():
    wrong = []
    for (name, form), page_title, info, masthead in itertools.product(
        TITLE_FORMS.items(), PAGE_TITLES, TITLE_INFO, MASTHEADS
    ):
        article = _article(page_title, masthead, f"{form.format(NOTICE)}{info}{TEXT.format(signed='')}")
        if (article.title, article.published) != (NOTICE, PUBLISHED):
            wrong.append((name, page_title, info[:30], masthead[:20], article.title, article.published))
    assert not wrong, f"{len(wrong)} pages read wrong, first: {wrong[:5]}"


def _rows(n: int) -> str:
    return "".join(
        f"<li><a href='/info/1012/{300 + i}.htm'>关于公布第{i}批信息公开事项的通知</a><span>2024-03-{20 - i:02d}</span></li>"
        for i in range(n)
    )


# (the column's address as each CMS publishes it, its list of n entries, its pager stating n)
CMS_COLUMNS = {
    "博达": (
        "/xxgk/cwxx.htm",
        lambda n: f"<ul>{_rows(n).replace('<li>', '<li id=line_u5_0>')}</ul>",
        "<div class='pb_sys_common'><span class='p_t'>共{n}条</span><span class='p_pages'>1/1</span></div>",
    ),
    "WebPlus": (
        "/cwxx/list.htm",
        lambda n: f"<div id='wp_news_w6'><ul class='news_list list2'>{_rows(n)}</ul></div>",
        "<div id='wp_paging_w6'><ul class='wp_paging'><li class='pages_count'><span class='all_count'>总共"
        "<em class='all_count'>{n}</em>记录</span></li><li><em class='curr_page'>1</em>/<em class='all_pages'>1</em>"
        "</li></ul></div>",
    ),
    "TRS": (
        "/xxgk/cwxx/",
        lambda n: f"<ul class='list'>{_rows(n)}</ul>",
        "<div class='page'><script>createPageHTML(1, 0, 'index', 'html');</script></div>",
    ),
    "DedeCMS": (
        "/a/xxgk/cwxx/",
        lambda n: f"<ul class='e2'>{_rows(n)}</ul>",
        "<div class='dede_pages'><ul class='pagelist'><span class='pageinfo'>共 <strong>1</strong>页"
        "<strong>{n}</strong>条</span></ul></div>",
    ),
    "plain": ("/xxgk/cwxx.htm", lambda n: f"<ul class='list'>{_rows(n)}</ul>", ""),
    "PHPCMS": (
        "/index.php?m=content&c=index&a=lists&catid=12",
        lambda n: f"<ul class='list lh24 f14'>{_rows(n)}</ul>",
        "<div id='pages' class='text-c'></div>",
    ),
    "帝国": ("/xxgk/cwxx/", lambda n: f"<ul class='list'>{_rows(n)}</ul>", "<div class='epages'></div>"),
    "大汉": (
        "/col/col1234/index.html",
        lambda n: (
            "<div id='4567'><script type='text/xml'><datastore><nextgroup><![CDATA["
            "<a href='/module/web/jpage/dataproxy.jsp?page=1&columnid=1234&unitid=4567'></a>]]></nextgroup><recordset>"
            + "".join(f"<record><![CDATA[{r}</li>]]></record>" for r in _rows(n).split("</li>")[:-1])
            + "</recordset></datastore></script></div>"
        ),
        "<script>var jpage = new JPage({{unitid: 4567, totalRecord: {n}}});</script>",
    ),
    "ASP": (
        "/list.asp?classid=12",
        lambda n: (
            "<table>"
            + "".join(
                f"<tr><td>·<a href='show.asp?id={300 + i}'>关于公布第{i}批信息公开事项的通知</a></td><td>[2024-3-{20 - i}]</td></tr>"
                for i in range(n)
            )
            + "</table>"
        ),
        "<div>共{n}条记录 页次：1/1 首页 上一页 下一页 尾页</div>",
    ),
}
BLANK_CHROME = {
    "none": "",
    "sub-columns": LIST_CHROME["sub-columns"],
    "newer-sidebar": LIST_CHROME["newer-sidebar"],
    "another-columns-box": "<div class='right'><div class='box'><div class='hd'><h3>学校新闻</h3><a href='/xwzx/xxxw.htm'>"
    "更多&gt;&gt;</a></div><ul>"
    + "".join(
        f"<li><a href='/info/1001/{700 + k}.htm'>学校举行第{k}届校园文化艺术节</a><span>2025-01-0{k + 1}</span></li>"
        for k in range(5)
    )
    + "</ul></div></div>",
    "ticker": LIST_CHROME["ticker"],
    "hot": "<div class='right'><h3>热点排行</h3><ol>"
    + "".join(f"<li><a href='/info/1001/{600 + k}.htm'>学校举行第{k}届校园文化艺术节开幕式</a></li>" for k in range(8))
    + "</ol></div>",
}
SAID = {
    "": "blank",
    "<p>暂无信息</p>": "blank",
    "<p>本栏目内容正在建设中</p>": "blank",
    "<p>该栏目暂无内容</p>": "blank",
    "<p>本校无此项内容。</p>": "statement",
    # found by this grid: what annual reports write of an item that did not arise was taken for a blank column
    "<p>本年度无此类信息。</p>": "statement",
    "<p>我校不涉及此项内容。</p>": "statement",
    "<p>本年度学校未发生此类事项。</p>": "statement",
}


def test_a_column_of_every_cms_is_blank_when_its_list_is_empty_and_read_whole_when_it_is_not():
    # (and where the column states 本校无此项, a statement: whatever sidebar, ticker or 共0条 pager beside it)
    wrong = []
    for cms, chrome, said, count in itertools.product(CMS_COLUMNS, BLANK_CHROME, SAID, (0, 1, 3)):
        if count and said:
            continue
        address, listed, pager = CMS_COLUMNS[cms]
        html = (
            "<html><head><meta charset='utf-8'><title>财务信息-某某职业技术学院</title></head><body><div class='nav'>"
            f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>{BLANK_CHROME[chrome]}<div class='main'>"
            "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 财务信息</div><h2>财务信息</h2>"
            f"{listed(count)}{said}{pager.format(n=count)}</div><div class='foot'>版权所有 某某职业技术学院</div></body></html>"
        )
        page = parse_column_page(html.encode(), "http://www.xx.edu.cn" + address)
        if count:
            right = not page.blank and len(page.entries) == count
        else:  # blank, or (本校无此项) a statement: the item is satisfied
            right = not page.entries and (
                page.blank if SAID[said] == "blank" else bool(page.statement) and not page.blank
            )
        if not right:
            wrong.append((cms, chrome, said, count, page.blank, len(page.entries), page.reason))
    assert not wrong, f"{len(wrong)} pages judged wrong, first: {wrong[:5]}"


def _items(k: int, words: str, dated: bool, first: int) -> str:
    day = "<span>2025-01-0{}</span>"
    return "".join(
        f"<li><a href='/info/1001/{first + i}.htm'>{words}{i}</a>{day.format(i + 1) if dated else ''}</li>"
        for i in range(k)
    )


NEIGHBOURS = {  # what else a blank column's page shows, before or after its area; none of it is the column's
    "recommended": f"<div class='side'><div class='tit'>推荐阅读</div><ul>{_items(6, '学校举办校园文化艺术节活动纪实', False, 700)}</ul></div>",
    "latest-updates": f"<div class='side'><div class='tit'>最新更新</div><ul>{_items(6, '学校召开年度工作部署会议', True, 720)}</ul></div>",
    # found by this grid: a carousel of picture news was read as the column's list (5 entries, not blank)
    "picture-carousel": "<div class='slide'><ul>"
    + "".join(
        f"<li><a href='/info/1003/{800 + i}.htm'><img src='/images/{i}.jpg'><p>图片新闻第{i}条学校举行活动</p></a></li>"
        for i in range(5)
    )
    + "</ul></div>",
    # found by this grid: boxes after an area holding the column's heading alone were read as what the heading heads
    # (its sub-columns, its documents): a blank column was unknown, or read the box's articles
    "quick-links": "<div class='kstd'><h3>快速通道</h3><ul><li><a href='/xxgk/sqgk.htm'>依申请公开</a></li>"
    "<li><a href='/xxgk/xxgkzn.htm'>信息公开指南</a></li><li><a href='/xxgk/xxgkzd.htm'>信息公开制度</a></li>"
    "<li><a href='/xxgk/ndbg.htm'>年度报告</a></li></ul></div>",
    "topic-images": "<div class='zt'>"
    + "".join(f"<a href='/zt/{i}/'><img src='/images/zt{i}.jpg' alt='专题{i}'></a>" for i in range(4))
    + "</div>",
    "hot-articles": f"<div class='right'><h3>热门文章</h3><ol>{_items(8, '学校举行校园文化艺术节开幕式', False, 600)}</ol></div>",
    "directory-tree": "<div class='left'><h3>信息公开目录</h3><ul>"
    + "".join(
        f"<li><a href='/xxgk/{c}.htm'>{n}</a><ul>"
        + "".join(f"<li><a href='/xxgk/{c}{j}.htm'>{n}子类{j}</a></li>" for j in range(3))
        + "</ul></li>"
        for c, n in [("jbxx", "基本信息"), ("zsks", "招生考试"), ("cwzc", "财务资产"), ("rsgz", "人事师资")]
    )
    + "</ul></div>",
    # found by this grid: 上一篇/下一篇 links on the column's page were read as its two entries
    "previous-next": "<div class='pn'><p>上一篇：<a href='/info/1012/299.htm'>关于公布第一批信息公开事项的通知</a></p>"
    "<p>下一篇：<a href='/info/1012/301.htm'>关于公布第三批信息公开事项的通知</a></p></div>",
    "department-links": "<div class='bmlj'><h3>部门链接</h3><table><tr>"
    + "".join(
        f"<td><a href='http://dept{i}.xx.edu.cn/'>{n}</a></td>"
        for i, n in enumerate(["党政办公室", "教务处", "学生处", "财务处"])
    )
    + "</tr></table></div>",
}
EMPTY_LISTS = (
    "",
    "<p>暂无信息</p>",
    "<div class='list'><ul></ul></div>",
    "<table class='list'><tr><th>标题</th><th>发布日期</th></tr></table>",
)


def test_a_blank_column_stays_blank_beside_whatever_else_its_page_shows():
    crumb = "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 财务信息</div>"
    wrong = []
    for neighbour, shown, crumbed, before in itertools.product(NEIGHBOURS, EMPTY_LISTS, (False, True), (False, True)):
        area = f"<div class='main'>{crumb if crumbed else ''}<h2>财务信息</h2>{shown}</div>"
        page = area + NEIGHBOURS[neighbour] if not before else NEIGHBOURS[neighbour] + area
        html = (
            "<html><head><meta charset='utf-8'><title>财务信息-某某职业技术学院</title></head><body><div class='nav'>"
            f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>{page}<div class='foot'>版权所有</div></body></html>"
        )
        read = parse_column_page(html.encode(), "http://www.xx.edu.cn/xxgk/cwxx.htm")
        if not read.blank or read.entries:
            wrong.append((neighbour, shown[:16], crumbed, before, len(read.entries), read.reason[:40]))
    assert not wrong, f"{len(wrong)} of {len(NEIGHBOURS) * len(EMPTY_LISTS) * 4} read wrong, first: {wrong[:4]}"


TEMPLATE_IMAGES = {  # what a blank column's template draws under its heading: none of it is content
    "title-icon": "<img src='/images/icon_tit.png' width='16' height='16'>",
    "more-button": "<a href='/xxgk/cwxx.htm'><img src='/images/more.gif' width='37' height='9'></a>",
    "rule": "<img src='/images/line.gif' width='100%' height='1'>",
    "rule-wide": "<img src='/images/line2.jpg' width='760' height='2'>",
    "banner-strip": "<img src='/images/xxgk_banner.jpg' width='960' height='120'>",
    "styled-strip": "<img src='/images/lm_bg.jpg' style='width:740px;height:36px'>",
    "unsized": "<img src='/images/dot.gif'>",
}


def test_a_blank_columns_template_images_are_no_content():
    wrong = []
    for (form, image), shown in itertools.product(TEMPLATE_IMAGES.items(), EMPTY_LISTS):
        html = (
            "<html><head><meta charset='utf-8'><title>财务信息-某某职业技术学院</title></head><body><div class='nav'>"
            "<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div><div class='main'><h2>财务信息</h2>"
            f"<div class='con'>{image}{shown}</div></div><div class='foot'>版权所有</div></body></html>"
        )
        read = parse_column_page(html.encode(), "http://www.xx.edu.cn/xxgk/cwxx.htm")
        if not read.blank or read.entries:
            wrong.append((form, shown[:16], len(read.entries), read.reason[:40]))
    assert not wrong, f"{len(wrong)} of {len(TEMPLATE_IMAGES) * len(EMPTY_LISTS)} read wrong, first: {wrong[:4]}"


WRITTEN = dt.date(2024, 3, 5)  # the day the document was written or issued, a week before it was put out
RECORD_LAYOUTS = {  # a 政务公开 record's fields as college and government CMSs lay them out
    "table4": lambda fs: (
        "<table class='xxgk-info'>"
        + "".join(
            "<tr>" + "".join(f"<td>{k}：</td><td>{v}</td>" for k, v in fs[i : i + 2]) + "</tr>"
            for i in range(0, len(fs), 2)
        )
        + "</table>"
    ),
    "table2": lambda fs: "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in fs) + "</table>",
    "ul": lambda fs: "<ul>" + "".join(f"<li><span>{k}：</span><em>{v}</em></li>" for k, v in fs) + "</ul>",
    "dl": lambda fs: "<div>" + "".join(f"<dl><dt>{k}</dt><dd>{v}</dd></dl>" for k, v in fs) + "</div>",
    "line": lambda fs: "<div class='info'>" + "&nbsp;&nbsp;".join(f"{k}：{v}" for k, v in fs) + "</div>",
}


def test_a_disclosure_records_publication_date_is_read_before_the_day_its_document_was_written():
    # 发布日期/公开时间 is the day the record went public (what a column's freshness is judged by); 成文日期, 发文日期
    # and 印发日期 the document's own; 有效日期 its term. Found by this grid: 公开时间 was no label, and 发文日期 was
    # trusted before 公开日期
    wrong = []
    for put_out, written, later, (layout, lay), above in itertools.product(
        ("发布日期", "公开日期", "公开时间", "公布时间"),
        ("成文日期", "生成日期", "发文日期", "印发日期", "有效日期"),
        (False, True),
        RECORD_LAYOUTS.items(),
        (False, True),
    ):
        dates = [(written, WRITTEN.isoformat()), (put_out, PUBLISHED.isoformat())]
        fields = [
            ("索引号", "12350000MB0000000X/2024-00012"),
            ("发布机构", "学校办公室"),
            ("文号", "某院办〔2024〕12号"),
        ]
        record = lay(fields + (dates if later else dates[::-1]))
        heading = f"<h1>{NOTICE}</h1>"
        main = record + heading if above else heading + record
        article = _article(f"{NOTICE}-某某职业技术学院", "", main + TEXT.format(signed=""))
        if (article.title, article.published) != (NOTICE, PUBLISHED):
            wrong.append((put_out, written, later, layout, above, article.published, article.date_source))
    assert not wrong, f"{len(wrong)} of {4 * 5 * 2 * 5 * 2} pages read wrong, first: {wrong[:5]}"


NUMBERED = {  # an article's address as dynamic CMSs write it: its number in the query
    "asp": "/ReadNews.asp?NewsID={n}",
    "bare-id": "/news_view.asp?id={n}",
    "aspx": "/Item.aspx?ArticleID={n}",
    "phpcms": "/index.php?m=content&c=index&a=show&catid=9&id={n}",
    "jsp": "/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1001&wbnewsid={n}",
}


def test_an_undated_list_of_numbered_addresses_is_read_whatever_stands_beside_it():
    # Found by this grid: an undated list linking ReadNews.asp?NewsID=… read as sub-columns (unknown) or, with no
    # heading, as a blank column
    wrong = []
    for (form, address), container, chrome in itertools.product(NUMBERED.items(), ("ul", "table"), LIST_CHROME):
        cells = [(f"<a href='{address.format(n=3000 + i)}'>{t}</a>", "") for i, t in enumerate(TITLES)]
        row = "<li>{}{}</li>" if container == "ul" else "<tr><td>{}</td><td>{}</td></tr>"
        page = parse_column_page(
            _list_page(container, "".join(row.format(*c) for c in cells), LIST_CHROME[chrome]), COLUMN
        )
        got = [(e.title, e.url.rsplit("/", 1)[-1]) for e in page.entries]
        if got != [(t, address.format(n=3000 + i).rsplit("/", 1)[-1]) for i, t in enumerate(TITLES)]:
            wrong.append((form, container, chrome, len(page.entries), page.blank, page.reason[:40]))
    assert not wrong, f"{len(wrong)} of {len(NUMBERED) * 2 * len(LIST_CHROME)} pages read wrong, first: {wrong[:5]}"


OPENED = {  # a row's link as templates write it: its address, or where its script or its handler opens
    "address": "<a href='{u}'>{t}</a>",
    "onclick": "<a href='javascript:void(0)' onclick=\"window.open('{u}')\">{t}</a>",
    "javascript-href": "<a href=\"javascript:window.open('{u}')\">{t}</a>",
    "function": "<a href=\"javascript:openInfo('{u}')\">{t}</a>",
    "location": "<a href='javascript:;' onclick=\"location.href='{u}'\">{t}</a>",
    "clicked-title": "<span class='tit' onclick=\"window.location.href='{u}'\">{t}</span>",
    "clicked-heading": "<h4 onclick=\"window.open('{u}')\">{t}</h4>",
    "kept-address": "<a href='javascript:;' data-url='{u}'>{t}</a>",  # (for a handler in a script file)
    "kept-on-title": "<span class='tit' data-href='{u}'>{t}</span>",
}
LOADING = ("正在加载……", "数据加载中，请稍候...", "Loading...")


def test_a_list_whose_rows_a_script_opens_is_read_and_one_a_script_fills_is_never_blank():
    # Found by this grid: rows opened by a click on their title (<span onclick>) or by a handler reading data-url
    # were not read, and beside a sidebar of newer notices the column was called blank; so was a list showing
    # 正在加载… until a script file fills it
    wrong = []
    opener = "<script>function openInfo(u){location.href=u;}</script>"
    for (form, link), container, chrome in itertools.product(
        OPENED.items(), ("ul", "table"), ("none", "newer-sidebar")
    ):
        cells = [
            (link.format(u=f"/info/1012/{3000 + i}.htm", t=t), d.isoformat())
            for i, (t, d) in enumerate(zip(TITLES, DAYS, strict=True))
        ]
        row = "<li>{}<span>{}</span></li>" if container == "ul" else "<tr><td>{}</td><td>{}</td></tr>"
        page = parse_column_page(
            _list_page(container, "".join(row.format(*c) for c in cells), LIST_CHROME[chrome] + opener), COLUMN
        )
        got = [(e.title, e.date, e.url.rsplit("/", 1)[-1]) for e in page.entries]
        if got != [(t, d, f"{3000 + i}.htm") for i, (t, d) in enumerate(zip(TITLES, DAYS, strict=True))]:
            wrong.append((form, container, chrome, len(page.entries), page.blank))
    for said, box, chrome in itertools.product(LOADING, ("ul", "div"), LIST_CHROME):
        filled = f"<{box} id='newsList' data-url='/api/news/list.do?catid=3'><li>{said}</li></{box}>"
        page = parse_column_page(_list_page("div", filled, LIST_CHROME[chrome]), COLUMN)
        if page.blank or not page.script_loaded or page.entries:
            wrong.append((said, box, chrome, len(page.entries), page.blank, page.reason))
        widget = f"<div class='right'><div class='weather'>{said}</div></div>"  # beside the list: not the list's
        if not parse_column_page(_list_page("ul", "", LIST_CHROME[chrome] + widget), COLUMN).blank:
            wrong.append((said, "weather widget", chrome))
    assert not wrong, f"{len(wrong)} pages read wrong, first: {wrong[:5]}"


SINGLE_PAGES = {  # what a single-page column (学校章程, 机构设置, 收费标准) shows under its heading instead of a list
    "text": "<p>学校现有全日制在校生12000余人，教职工800余人，设有8个二级学院。</p><p>学校坚持立德树人根本任务，深化产教融合。</p>",
    "table": "<table><tr><td>部门</td><td>电话</td></tr><tr><td>学校办公室</td><td>0591-12345678</td></tr>"
    "<tr><td>信息公开办公室</td><td>0591-12345679</td></tr></table>",
    "image": "<p><img src='/uploads/2024/jgsz.jpg' width='800'></p>",
    # found by this grid: an image uploaded to 博达 (/__local/…), TRS (W0 and its number) or 大汉 (/picture/0/…), the
    # only thing a 机构设置 page shows, was no content: a blank column
    "image-博达": "<p><img src='/__local/8/0A/12/3B4C5D6E7F8A9B0C1D2E3F4A5B6_ABCDEF12_1A2B3.jpg' width='800'></p>",
    "image-TRS": "<p><img src='./W020240328512345678901.jpg' oldsrc='W020240328512345678901.jpg'></p>",
    "image-大汉": "<p><img src='/picture/0/2403281234567890.jpg'></p>",
    "image-named-by-time": "<p><img src='/img/2024/03/28/1711598000123.png'></p>",
    # found by this grid: a contractor's static page showing its chart from the template's folder, named by the
    # column's initials (images/jgsz.jpg) and drawn at its size, was no content: a blank column
    "image-static-sized": "<p><img src='images/jgsz.jpg' width='900' height='1260'></p>",
    "image-static-styled": "<p style='text-align:center'><img src='/images/zzjg.png' style='width: 800px; height: 560px;'></p>",
    "video": "<video controls><source src='/_upload/article/videos/xxjj.mp4' type='video/mp4'></video>",
    "embedded-pdf": "<embed src='/uploads/2024/zhangcheng.pdf' width='100%' height='800'>",
    "pdf-viewer": "<iframe src='/pdfjs/web/viewer.html?file=/uploads/2024/zhangcheng.pdf' width='100%'></iframe>",
    "pdf-viewer-encoded": "<iframe src='/pdfjs/web/viewer.html?file=%2Fuploads%2F2024%2Fzhangcheng.pdf'></iframe>",
    # found by this grid: a document shown by a viewer (Office Online's src=, kkFileView's base64 url=) was taken for a
    # frame holding the list, and one a script embeds (PDFObject, pdfh5) was nothing: a blank column
    "office-online": "<iframe src='https://view.officeapps.live.com/op/view.aspx?src=http://www.xx.edu.cn/uploads/2024/"
    "zhangcheng.docx' width='100%' height='800'></iframe>",
    "kkfileview": "<iframe src='http://www.xx.edu.cn:8012/onlinePreview?url=aHR0cDovL3d3dy54eC5lZHUuY24vdXBsb2Fkcy8yMDI0"
    "L3poYW5nY2hlbmcuZG9jeA==' width='100%' height='800'></iframe>",
    "pdfobject": "<div id='pdf'></div><script>PDFObject.embed('/uploads/2024/zhangcheng.pdf', '#pdf');</script>",
    "pdfh5": "<div id='demo'></div><script>new Pdfh5('#demo', { pdfurl: '/uploads/2024/zhangcheng.pdf' });</script>",
    "pdf-player": "<div class='wp_articlecontent'><div class='wp_pdf_player' pdfsrc='/uploads/2024/zhangcheng.pdf' "
    "sudyfile-attr=\"{'title':'学校章程.pdf'}\"></div></div>",  # WebPlus (博达's sudy CMS)
    "attachment": "<p>附件：<a href='/uploads/2024/2024年部门预算.pdf'>2024年部门预算.pdf</a></p>",
    "attachments": "<p><a href='/uploads/2024/a.xlsx'>2024年收费标准.xlsx</a></p><p><a href='/uploads/2024/b.pdf'>收费许可证.pdf</a></p>",
    "one-article": "<ul><li><a href='/info/1012/3456.htm'>某某职业技术学院章程（2024年修订）</a><span>2024-10-28</span></li></ul>",
}


def test_a_single_page_column_is_content_whatever_stands_beside_it():
    # Found by this grid: under the site's ticker of latest notices (<marquee>), every single page was called blank;
    # beside another column's box (学校新闻 更多>>), every single page read the box's news as its entries
    wrong = []
    for (form, content), chrome in itertools.product(SINGLE_PAGES.items(), BLANK_CHROME):
        html = (
            "<html><head><meta charset='utf-8'><title>学校章程-某某职业技术学院</title></head><body><div class='nav'>"
            f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>{BLANK_CHROME[chrome]}<div class='main'>"
            f"<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; 学校章程</div><h2>学校章程</h2>"
            f"<div class='content'>{content}</div></div><div class='foot'>版权所有 某某职业技术学院</div></body></html>"
        )
        page = parse_column_page(html.encode(), "http://www.xx.edu.cn/xxgk/xxzc.htm")
        shown = "zhangcheng.pdf" in content  # the document the page shows is its entry, at the file's address
        boxed = any("/info/1001/70" in e.url for e in page.entries)  # another column's box (学校新闻 更多>>) beside it
        if (
            page.blank
            or not page.entries
            or boxed
            or (shown and page.entries[0].url != "http://www.xx.edu.cn/uploads/2024/zhangcheng.pdf")
        ):
            wrong.append((form, chrome, page.reason, [e.url for e in page.entries]))
    assert not wrong, f"{len(wrong)} of {len(SINGLE_PAGES) * len(BLANK_CHROME)} pages judged wrong, first: {wrong[:5]}"


def test_boxes_of_other_columns_in_the_columns_own_area_are_not_a_single_pages_neighbours():
    # a parent column's page (招生考试信息) with no menu: under its title bar, a box per sub-column, each with its
    # 更多 to the sub-column's address. They are the column's, dated; not boxes beside a single page's content
    box = (
        "<div class='post mbox'><div class='tt'><h2 class='tit'><span class='title'>{0}</span></h2><div class='more_btn'>"
        "<a class='more' href='/{1}/list.htm'>更多</a></div></div><div class='con'><ul class='news_list'><li>"
        "<span class='news_title'><a href='/2026/0520/c{2}a5010/page.htm'>{3}</a></span><span class='news_meta'>{4}"
        "</span></li></ul></div></div>"
    )
    boxes = box.format("招生章程", "zszc", 1001, "某某大学2026年本科招生章程", "2026-05-20") + box.format(
        "招生计划", "zsjh", 1002, "2026年分省分专业招生计划", "2026-06-10"
    )
    html = (
        "<html><head><meta charset='utf-8'><title>招生考试信息-测试学院</title></head><body><div class='nav'>"
        "<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div><div class='main'><div class='col_news'>"
        "<div class='col_news_head'><h2 class='col_title'>招生考试信息</h2><div class='col_path'>当前位置："
        f"<a href='/main.htm'>首页</a> &gt; <span>招生考试信息</span></div></div><div class='col_news_con'>{boxes}"
        "</div></div></div></body></html>"
    )
    page = parse_column_page(html.encode(), "http://xxgk.xx.edu.cn/zsksxx/list.htm")
    assert page.entries and all(e.date for e in page.entries) and not page.reason, page


DOCUMENTS = [  # a 规章制度 column's documents, each a page named by its words, titled longer than a sub-column
    ("某某职业技术学院学生资助管理办法（2024年修订）", "xszzglbf"),
    ("某某职业技术学院学生违纪处分规定（2024年修订）", "xswjcfgd"),
    ("某某职业技术学院学籍管理规定（2023年修订）", "xjglgd"),
    ("某某职业技术学院奖学金评定办法（2023年修订）", "jxjpdbf"),
]
LONG_SUB_COLUMNS = [  # a parent column's sub-columns, named by the checklist's items
    "学生奖学金、助学金、学费减免、助学贷款、勤工俭学的申请与管理规定",
    "学生奖励处罚办法，学生申诉途径与处理程序",
    "学生学籍管理办法及学位授予办法",
]
SUB_COLUMNS = ["招生章程", "招生计划", "录取结果", "特殊类型招生"]


def _column_area(title: str, content: str, chrome: str) -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}-某某职业技术学院</title></head><body><div class='nav'>"
        f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>{chrome}<div class='main'><div class='crumb'>当前位置："
        f"<a href='/'>首页</a> &gt; {title}</div><h2>{title}</h2><div class='content'>{content}</div></div>"
        "<div class='foot'>版权所有 某某职业技术学院</div></body></html>"
    ).encode()


def test_documents_and_sub_columns_linked_by_long_names_are_never_a_blank_column():
    # Found by this grid: a column listing its documents as pages named by their words (/gzzd/xszzglbf.htm), titled
    # longer than a sub-column's name, read blank; so did a parent column's sub-columns named by the checklist's
    # items (longer than 16 characters), and any parent column's sub-columns beside the site's widget (最新动态)
    wrong = []
    for chrome in BLANK_CHROME:
        rows = "".join(f"<li><a href='/gzzd/{slug}.htm'>{title}</a></li>" for title, slug in DOCUMENTS)
        page = parse_column_page(_column_area("规章制度", f"<ul>{rows}</ul>", BLANK_CHROME[chrome]), COLUMN)
        if [e.title for e in page.entries] != [t for t, _ in DOCUMENTS]:
            wrong.append(("documents", chrome, len(page.entries), page.reason[:40]))
        for address, names in itertools.product(
            ("/xxgk/xs{}/list.htm", "/xxgk/xs{}/"), (LONG_SUB_COLUMNS, SUB_COLUMNS)
        ):
            rows = "".join(f"<li><a href='{address.format(i)}'>{n}</a></li>" for i, n in enumerate(names))
            page = parse_column_page(_column_area("学生管理服务", f"<ul>{rows}</ul>", BLANK_CHROME[chrome]), COLUMN)
            if page.blank or page.entries or "子栏目" not in page.reason:
                wrong.append(("sub-columns", address, chrome, len(page.entries), page.reason[:40]))
    assert not wrong, f"{len(wrong)} of {5 * len(BLANK_CHROME)} pages read wrong, first: {wrong[:5]}"


def test_a_blank_column_beside_a_menu_of_long_names_stays_blank():
    menu = "".join(f"<li><a href='/xxgk/m{i}.htm'>{n}</a></li>" for i, n in enumerate(LONG_SUB_COLUMNS))
    for side in (
        f"<div class='left'><h3>信息公开目录</h3><ul>{menu}</ul></div>",
        f"<div class='side'><ul>{menu}</ul></div>",
    ):
        page = parse_column_page(_column_area("校办企业", "", side), COLUMN)
        assert page.blank and not page.entries, page


def test_a_grid_of_documents_reads_its_odd_last_cell_and_no_pager_row():
    # Found by this grid: in a table of two or three documents a row, a last row of one document was lost
    wrong = []
    titles = [f"某某职业技术学院第{i}号管理办法（2024年修订）" for i in range(7)]
    tails = (
        "",
        "<tr><td colspan='3'><a href='list2.htm'>下一页</a></td></tr>",
        "<tr><td colspan='3'><a href='/xxgk/'>返回</a></td></tr>",
    )
    for count, per, dated, tail in itertools.product((5, 7), (2, 3), (False, True), tails):
        if tail and count % per:
            continue  # (a pager's row after a grid whose last row is full)
        date = "<br>2024-03-1{}" if dated else ""
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td><a href='/info/1012/{3000 + j}.htm'>{titles[j]}</a>{date.format(j)}</td>"
                for j in range(i, min(i + per, count))
            )
            + "</tr>"
            for i in range(0, count, per)
        )
        page = parse_column_page(_column_area("规章制度", f"<table>{rows}{tail}</table>", ""), COLUMN)
        if [e.title for e in page.entries] != titles[:count]:
            wrong.append((count, per, dated, tail[:30], len(page.entries)))
    assert not wrong, f"{len(wrong)} grids read wrong, first: {wrong[:5]}"


OTHER_DATES = {  # what else a college's article page dates, round its own info line
    "none": ("", ""),
    "site-updated": ("", "<div class='foot'>版权所有 某某职业技术学院 本站最后更新：2026-11-30</div>"),
    "visitors-since": ("", "<div class='foot'>您是自2010年5月1日以来第123456位访问者</div>"),
    "comments": ("", "<div class='comments'><h3>网友评论</h3><ul><li>张三 2024-03-20 10:11：好</li></ul></div>"),
    "clock-in-crumb": ("<div class='crumb'>当前位置：首页 &gt; 通知公告 &gt; 正文　　今天是2026年12月1日</div>", ""),
    "weather": ("<div class='top'><span>2026-12-01 星期二 晴 5℃</span></div>", ""),
    "semester": ("<div class='top'>2026-2027学年第一学期 第14周</div>", ""),
}


def test_an_articles_info_line_is_read_above_below_or_beside_its_title_whatever_else_the_page_dates():
    # Found by this grid: an unlabelled info line above the title (2024年03月12日 来源：…) was not read, and a
    # comment's date under a short text was taken instead
    wrong = []
    for form, labelled, (other, (top, tail)), place in itertools.product(
        ("iso", "han", "slash", "clock", "dot"),
        (False, True),
        OTHER_DATES.items(),
        ("under", "above", "bottom", "table"),
    ):
        stated = ("发布时间：" if labelled else "") + DATE_FORMS[form](PUBLISHED)
        info, text = f"<div class='info'>{stated}&nbsp;来源：学校办公室&nbsp;浏览：12</div>", TEXT.format(signed="")
        main = {
            "under": f"<h1>{NOTICE}</h1>{info}{text}",
            "above": f"{info}<h1>{NOTICE}</h1>{text}",
            "bottom": f"<h1>{NOTICE}</h1>{text}{info}",
            "table": f"<table><tr><td class='title'>{NOTICE}</td></tr><tr><td align='center'>{stated}</td></tr>"
            f"<tr><td>{text}</td></tr></table>",
        }[place]
        article = _article(f"{NOTICE}-某某职业技术学院", top, main + tail)
        if (article.title, article.published) != (NOTICE, PUBLISHED):
            wrong.append((form, labelled, other, place, article.published, article.date_source))
    assert not wrong, f"{len(wrong)} of {5 * 2 * len(OTHER_DATES) * 4} pages read wrong, first: {wrong[:5]}"


def test_a_disclosure_records_title_and_date_are_read_from_its_fields_where_no_heading_holds_them():
    # Found by this grid: a record titled only in its fields (<th>信息名称</th><td>…</td>, <dt>名称</dt><dd>…</dd>,
    # <span>名称：</span>… , 公开事项名称) was titled by the site's name; and a record labelling its title 文件名称 was
    # taken for a table of documents, its own 发布日期 for theirs
    wrong = []
    for label, (layout, lay), page_title, heading in itertools.product(
        ("标题", "名称", "信息名称", "文件名称", "公开事项名称"),
        [(k, v) for k, v in RECORD_LAYOUTS.items() if k != "line"],  # (all fields on one line: not read for a title)
        (f"{NOTICE}-某某职业技术学院", "某某职业技术学院", "信息公开-某某职业技术学院"),
        ("", f"<h1>{NOTICE}</h1>"),
    ):
        fields = [("索引号", "12350000MB0000000X/2024-00012"), (label, NOTICE), ("发布机构", "学校办公室")]
        record = lay([*fields, ("发布日期", PUBLISHED.isoformat())])
        article = _article(page_title, "", record + heading + TEXT.format(signed=""))
        if (article.title, article.published) != (NOTICE, PUBLISHED):
            wrong.append((label, layout, page_title, bool(heading), article.title, article.published))
    for line in ("<p>标题：{}</p>", "<div><span>名称：</span>{}</div>", "<ul><li><b>信息名称：</b>{}</li></ul>"):
        record = f"<div class='meta'><p>索引号：2024-00012</p>{line.format(NOTICE)}<p>发布日期：2024-03-12</p></div>"
        article = _article("某某职业技术学院", "", record + TEXT.format(signed=""))
        if (article.title, article.published) != (NOTICE, PUBLISHED):
            wrong.append((line, article.title, article.published))
    assert not wrong, f"{len(wrong)} pages read wrong, first: {wrong[:5]}"


def test_a_pagers_count_and_pages_are_read_in_every_wording():
    # Found by this grid: JSP and ASP.NET pagers' labelled counts (总记录数：125, 记录总数：125, 合计125条, 总数：125)
    # were not read, nor 分7页 after 共125条数据; a site's 访问总数 or a page's 在校生总数 beside a pager is no count
    wrong = []
    totals = (
        "共125条",
        "共有125条记录",
        "总共125条",
        "记录总数：125",
        "总记录数:125",
        "共125篇",
        "共 125 条信息",
        "合计125条",
    )
    totals += ("总条数：125", "信息总数：125条", "总数：125", "共125条数据")
    pages = (
        "共7页",
        "第1/7页",
        "1/7",
        "页次：1/7",
        "当前第1页 共7页",
        "分7页",
        "第1页/共7页",
        "页码：1/7",
        "当前1/7页",
        "",
    )
    for total, stated in itertools.product((*totals, "访问总数：123456"), pages):
        pager = f"<div class='page'>{total} {stated} <a href='?page=2'>下一页</a> <a href='?page=7'>尾页</a></div>"
        html = (
            "<html><head><meta charset='utf-8'><title>通知公告-某某学院</title></head><body><div class='nav'>"
            f"<a href='/'>首页</a></div><h2>通知公告</h2><ul class='list'>{_rows(18)}</ul>{pager}</body></html>"
        )
        page = parse_column_page(html.encode(), "http://www.xx.edu.cn/list.jsp?cid=3")
        expected = (None if total.startswith("访问") else 125, 7 if stated else None, 18)
        if (page.total, page.page_count, len(page.entries)) != expected:
            wrong.append((total, stated, page.total, page.page_count, len(page.entries)))
    assert not wrong, f"{len(wrong)} of {13 * 10} pagers read wrong, first: {wrong[:5]}"


def test_an_entrys_publication_date_is_read_beside_its_update_and_document_dates():
    # Found by this grid: 更新：2024-05-07 before 发布：2024-03-28 dated the entry by its update (发布 was no label)
    wrong = []
    pairs = (("发布时间：{}", "更新时间：{}"), ("发布日期：{}", "修改时间：{}"), ("发布：{}", "更新：{}"))
    pairs += (("公开日期：{}", "成文日期：{}"), ("发布日期：{}", "发文日期：{}"), ("{}", "更新于{}"))
    for (put_out, other), swapped, container in itertools.product(pairs, (False, True), ("ul", "div", "table")):
        rows = ""
        for i, (title, day) in enumerate(zip(TITLES, DAYS, strict=True)):
            shift = 40 if "更新" in other or "修改" in other else -7  # updated later, or written before
            parts = [put_out.format(day.isoformat()), other.format((day + dt.timedelta(days=shift)).isoformat())]
            spans = [f"<span>{p}</span>" for p in (parts[::-1] if swapped else parts)]
            link = f"<a href='/info/1012/{3000 + i}.htm'>{title}</a>"
            rows += {
                "ul": f"<li>{link}{''.join(spans)}</li>",
                "div": f"<div class='item'>{link}<p>{' '.join(spans)}</p></div>",
                "table": f"<tr><td>{link}</td>" + "".join(f"<td>{s}</td>" for s in spans) + "</tr>",
            }[container]
        page = parse_column_page(_list_page(container, rows, ""), COLUMN)
        if [(e.title, e.date) for e in page.entries] != list(zip(TITLES, DAYS, strict=True)):
            wrong.append((put_out, other, swapped, container, [str(e.date) for e in page.entries[:2]]))
    assert not wrong, f"{len(wrong)} of {6 * 2 * 3} lists read wrong, first: {wrong[:5]}"


def test_a_rows_download_in_a_cell_of_its_own_is_no_entry_of_its_own():
    # Found by this grid: a 招标公告 table's row, its title's cell and a cell offering the notice's file (附件1.pdf),
    # was read as two entries (30 for 15); a table of two documents a row is still read as two entries a row
    wrong = []
    downloads = ("附件{n}.pdf", "下载", "报名表{n}.docx", "采购文件.zip")
    for named, chrome in itertools.product(downloads, ("none", "newer-sidebar", "sub-columns")):
        rows = "".join(
            f"<tr><td><a href='/info/1012/{3000 + i}.htm'>{title}</a></td>"
            f"<td><a href='/upload/2024/{i}.pdf'>{named.format(n=i + 1)}</a></td><td>{day.isoformat()}</td></tr>"
            for i, (title, day) in enumerate(zip(TITLES, DAYS, strict=True))
        )
        page = parse_column_page(_list_page("table", rows, LIST_CHROME[chrome]), COLUMN)
        if [(e.title, e.date) for e in page.entries] != list(zip(TITLES, DAYS, strict=True)):
            wrong.append((named, chrome, len(page.entries)))
    pairs = "".join(
        f"<tr><td><a href='/upload/a{i}.pdf'>{title}</a></td><td><a href='/upload/b{i}.pdf'>{title}（续）</a></td></tr>"
        for i, title in enumerate(TITLES)
    )
    if len(parse_column_page(_list_page("table", pairs, ""), COLUMN).entries) != 2 * len(TITLES):
        wrong.append(("two documents a row",))
    assert not wrong, f"{len(wrong)} tables read wrong, first: {wrong[:5]}"


def test_a_flat_list_of_headings_dates_each_by_its_own_info_line():
    # Found by this grid: headings with their info lines as siblings, no element per entry (<h3><a>…</a></h3><p>发布时间：
    # 2024-03-28</p><h3>…), were read undated (all 72 lists of h3-h5), so such a column was stale (无日期视为未更新)
    # however new; under <h2> or <h6> no entry was read at all (the column unknown: 48 lists). Titles in paragraphs
    # (<p><a>…</a></p><p>2024-03-28</p>) were read undated too (24 lists)
    lines = {
        "alone": lambda d: d.isoformat(),
        "labelled": lambda d: f"发布时间：{d.isoformat()}",
        "dateline": lambda d: f"{d.year}年{d.month}月{d.day}日 来源：党委办公室",
        "spaced": lambda d: f"<span>{d.year}</span> <span>{d.month:02d}-{d.day:02d}</span>",
    }
    summary = "<p>为进一步做好相关工作，现将有关事项通知如下，请各部门认真贯彻落实，确保工作取得实效。</p>"
    wrong = []
    for heading, (form, line), summed, order, tag in itertools.product(
        ("h2", "h3", "h4", "h5", "h6", "p"), lines.items(), (False, True), ("after", "before"), ("p", "div")
    ):
        if order == "before" and summed:
            continue
        rows = ""
        for i, (title, day) in enumerate(zip(TITLES, DAYS, strict=True)):
            head = f"<{heading}><a href='/info/1012/{3000 + i}.htm'>{title}</a></{heading}>"
            info = f"<{tag} class='date'>{line(day)}</{tag}>"
            rows += head + (summary if summed else "") + info if order == "after" else info + head
        page = parse_column_page(_list_page("div", rows, ""), COLUMN)
        if [(e.title, e.date) for e in page.entries] != list(zip(TITLES, DAYS, strict=True)):
            wrong.append((heading, form, summed, order, tag, [str(e.date) for e in page.entries[:2]]))
    assert not wrong, f"{len(wrong)} of 144 lists read wrong, first: {wrong[:5]}"


def test_an_entrys_date_in_parts_is_read_inside_or_outside_its_link():
    # Found by this grid: a date styled in three parts with no mark between them (<span>2024</span><span>03</span>
    # <span>28</span>) was no date, inside the link or outside it (4 of 16 lists undated); the other parts were read
    parts = {
        "three": lambda d: f"<span class='y'>{d.year}</span><span class='m'>{d.month:02d}</span><b>{d.day:02d}</b>",
        "day-big": lambda d: f"<span>{d.day:02d}</span><em>{d.year}-{d.month:02d}</em>",
        "year-small": lambda d: f"<strong>{d.month:02d}-{d.day:02d}</strong><span>{d.year}</span>",
        "han-month": lambda d: f"<b>{d.day:02d}</b><span>{d.year}年{d.month}月</span>",
    }
    wrong = []
    for (form, shown), place, summed in itertools.product(parts.items(), ("inside", "outside"), (False, True)):
        rows = ""
        for i, (title, day) in enumerate(zip(TITLES, DAYS, strict=True)):
            block, href = f"<div class='date'>{shown(day)}</div>", f"/info/1012/{3000 + i}.htm"
            text = "<p>现将有关事项通知如下。</p>" if summed else ""
            rows += (
                f"<li><a href='{href}'>{block}<h4>{title}</h4>{text}</a></li>"
                if place == "inside"
                else f"<li>{block}<div class='txt'><a href='{href}'>{title}</a>{text}</div></li>"
            )
        page = parse_column_page(_list_page("ul", rows, ""), COLUMN)
        if [(e.title, e.date) for e in page.entries] != list(zip(TITLES, DAYS, strict=True)):
            wrong.append((form, place, summed, [str(e.date) for e in page.entries[:2]]))
    assert not wrong, f"{len(wrong)} of 16 lists read wrong, first: {wrong[:5]}"


def test_an_articles_update_date_never_stands_for_the_day_it_was_published():
    # Found by a probe kept from round fourteen: since 更新：… became a label (round sixteen), an info line giving the
    # publication unlabelled and the update labelled (2026-11-20 10:00　更新：2026-11-22) was dated by the update
    # (20 of 31 pages here; an edit's 编辑时间 the same, 5 more of 7); the update's day stays the date where it is the
    # only one
    published, updated, title = dt.date(2026, 11, 20), dt.date(2026, 11, 22), "关于公布学校2026年度预算的通知"
    shown = {
        "timed": "2026-11-20 10:00",
        "han": "2026年11月20日",
        "dateline": "2026-11-20 来源：财务处",
        "labelled": "发布时间：2026-11-20",
        "dated-by": "来源：财务处　日期：2026-11-20",
    }
    wrong = []
    for (form, line), label, order in itertools.product(
        shown.items(),
        ("更新：", "更新时间：", "更新日期：", "最后更新：", "编辑时间："),
        ("published-first", "update-first"),
    ):
        if order == "update-first" and form not in ("labelled", "dated-by"):
            continue  # an unlabelled date after an update's is no publication a reader could tell
        update = f"{label}{updated.isoformat()}"
        info = f"{line}　　{update}" if order == "published-first" else f"{update}　　{line}"
        main = f"<h1>{title}</h1><div class='info'>{info}　浏览：12</div><div class='content'><p>现将2026年度预算公开如下。</p></div>"
        if _article(f"{title}-某某学院", "", main).published != published:
            wrong.append((form, label, order))
    for label in ("更新：", "更新时间：", "更新日期："):
        main = f"<h1>{title}</h1><div class='info'>{label}{updated.isoformat()}</div><div class='content'><p>正文。</p></div>"
        if _article(f"{title}-某某学院", "", main).published != updated:
            wrong.append(("only an update", label))
    assert not wrong, f"{len(wrong)} of 38 pages read wrong, first: {wrong[:5]}"


def test_a_columns_few_entries_are_its_own_beside_a_longer_box_of_another_columns_newer_news():
    # Found by this grid: a column of one to three entries, under a breadcrumb or a heading naming it, beside a box of
    # another column's dated news (校园新闻, 学院动态: no 更多 link, no 最新 in its name) longer than it, was read as
    # that box (its undated entries lost to eight or twelve dated ones; 36 of 144 pages): a stale column looked up to
    # date
    menu = "".join(f"<li><a href='/m{i}/'>栏目{i}</a><ul>{_sub_menu(i)}</ul></li>" for i in range(8))
    wrong = []
    for rows, form, (box, side), marker, first in itertools.product(
        (1, 2, 3),
        ("ul", "table", "undated"),
        itertools.product(("校园新闻", "学院动态"), (8, 12)),
        ("crumb", "heading"),
        (False, True),
    ):
        entries = list(zip(TITLES, DAYS, strict=False))[:rows]
        own = {
            "ul": "".join(
                f"<li><a href='/info/1012/{3000 + i}.htm'>{t}</a><span>{d}</span></li>"
                for i, (t, d) in enumerate(entries)
            ),
            "table": "".join(
                f"<tr><td><a href='/info/1012/{3000 + i}.htm'>{t}</a></td><td>{d}</td></tr>"
                for i, (t, d) in enumerate(entries)
            ),
            "undated": "".join(
                f"<li><a href='/info/1012/{3000 + i}.htm'>{t}</a></li>" for i, (t, _) in enumerate(entries)
            ),
        }[form]
        own = f"<table class='list'>{own}</table>" if form == "table" else f"<ul class='list'>{own}</ul>"
        named = (
            "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 通知公告</div>"
            if marker == "crumb"
            else "<h2 class='col-title'>通知公告</h2>"
        )
        news = "".join(
            f"<li><a href='/info/1001/{9000 + k}.htm'>学校召开第{k}次专题工作会议部署相关工作</a><span>2025-01-{10 + k}</span></li>"
            for k in range(side)
        )
        aside = f"<div class='side'><h3>{box}</h3><ul>{news}</ul></div>"
        main = f"<div class='main'>{named}{own}<div class='page'>共{rows}条 1/1</div></div>"
        html = (
            "<html><head><meta charset='utf-8'><title>通知公告-某某职业技术学院</title></head><body>"
            f"<div class='head'><ul class='menu'>{menu}</ul></div>{aside + main if first else main + aside}</body></html>"
        )
        page = parse_column_page(html.encode(), COLUMN)
        if [e.title for e in page.entries] != [t for t, _ in entries]:
            wrong.append((rows, form, box, side, marker, first, len(page.entries)))
    assert not wrong, f"{len(wrong)} of 144 pages read wrong, first: {wrong[:5]}"


# (the column's address, its entries', another column's): the column's number as each CMS writes it in both
COLUMN_ADDRESSES = {
    "PHPCMS": ("/index.php?m=content&c=index&a=lists&catid=12", "/index.php?m=content&c=index&a=show&catid={c}&id={i}"),
    "帝国": ("/e/action/ListInfo/?classid=12", "/e/action/ShowInfo.php?classid={c}&id={i}"),
    "博达 dynamic": (
        "/list.jsp?urltype=tree.TreeTempUrl&wbtreeid=12",
        "/info.jsp?urltype=news.NewsContentUrl&wbtreeid={c}&wbnewsid={i}",
    ),
    "ASP": ("/NewsList.asp?ClassID=12", "/ShowNews.asp?ClassID={c}&ID={i}"),
    "WebPlus": ("/12/list.htm", "/2022/0110/c{c}a{i}/page.htm"),
    "大汉": ("/col/col12/index.html", "/art/2022/1/10/art_{c}_{i}.html"),
}


def _stale_rows(href: str = "/info/1012/{i}.htm", rows: int = 3) -> str:
    """The column's own entries, dated 2022 after their links (``href``: where each is, by its number ``{i}``)."""
    return "".join(
        f"<li><a href='{href.format(i=100 + i)}'>{t}</a><span>2022-01-{10 + i}</span></li>"
        for i, t in enumerate(TITLES[:rows])
    )


def _dated_rows(rows: int) -> str:
    """The column's own ``rows`` entries (TITLES), dated through 2025."""
    return "".join(
        f"<li><a href='/info/1012/{100 + i}.htm'>{t}</a><span>2025-0{1 + i % 9}-1{i % 9}</span></li>"
        for i, t in enumerate(TITLES[:rows])
    )


def _fresh_rows(rows: int, href: str = "/info/1009/{i}.htm") -> str:
    """Another column's notices of this November, for a sidebar's box."""
    return "".join(
        f"<li><a href='{href.format(i=500 + k)}'>关于做好第{k}批学生工作的通知安排</a><span>2026-11-{1 + k % 28:02d}</span></li>"
        for k in range(rows)
    )


def _unnamed_page(*parts: str) -> bytes:
    """A column's page that names it nowhere: its <title> the site's, no breadcrumb, no heading; ``parts`` after the
    site's menu."""
    return (
        "<html><head><meta charset='utf-8'><title>某某职业技术学院</title></head><body><div class='nav'>"
        "<a href='/'>首页</a><a href='/xxgk.htm'>信息公开</a></div>" + "".join(parts) + "</body></html>"
    ).encode()


def test_a_columns_entries_are_told_from_a_sidebars_by_the_column_number_their_addresses_carry():
    # Found by this grid: where nothing on the page names the column (<title> names the site, no breadcrumb, no
    # heading), a sidebar box of another column's fresher notices was read as the column's list on every CMS whose
    # addresses carry the column's number in their query (PHPCMS catid=, 帝国 classid=, 博达's dynamic pages
    # wbtreeid=, ASP ClassID=): a column last updated in 2022 looked updated this week. WebPlus's and 大汉's paths
    # carry it too and were read right.
    wrong = []
    for (cms, (column, entry)), first, side in itertools.product(COLUMN_ADDRESSES.items(), (False, True), (5, 8)):
        own = _stale_rows(entry.replace("{c}", "12"))
        aside = f"<div class='l'><div class='box'><div class='hd'>最新动态</div><ul>{_fresh_rows(side, entry.replace('{c}', '9'))}</ul></div></div>"
        main = f"<div class='r'><ul class='list'>{own}</ul><div class='pages'>共3条 1/1页</div></div>"
        page = parse_column_page(
            _unnamed_page(*((aside, main) if first else (main, aside))),
            "http://www.xx.edu.cn" + column,
            column="财务资产",
        )
        if [e.title for e in page.entries] != TITLES[:3]:
            wrong.append((cms, first, side, len(page.entries)))
    assert not wrong, f"{len(wrong)} of 24 pages read wrong, first: {wrong[:5]}"


def test_a_column_saying_it_has_none_is_blank_beside_a_sidebar_of_entries_carrying_another_columns_number():
    # and where the column's area says 暂无信息, the sidebar's entries, whose addresses carry another column's
    # number, are not its own: blank on every CMS (PHPCMS, 博达's dynamic pages and ASP were not: 8 entries read)
    wrong = []
    for cms, (column, entry) in COLUMN_ADDRESSES.items():
        aside = f"<div class='l'><div class='box'><div class='hd'>最新动态</div><ul>{_fresh_rows(8, entry.replace('{c}', '9'))}</ul></div></div>"
        main = "<div class='r'><ul class='list'></ul><p>暂无信息</p></div>"
        page = parse_column_page(_unnamed_page(aside, main), "http://www.xx.edu.cn" + column, column="财务资产")
        if not page.blank or page.entries:
            wrong.append((cms, len(page.entries), page.reason))
    assert not wrong, wrong


def test_a_columns_unnamed_list_is_read_before_a_box_headed_as_the_sites_latest_news():
    # Found by this grid: where nothing names the column and its entries' addresses carry no column number (博达's
    # /info/1012/…), a box headed as the site's widget (最新动态, 热点新闻) with more or fresher entries was read as
    # the column's list (28 of 28 pages): the widget heading lowered a list's score only where a heading or a
    # breadcrumb named the column's area
    wrong = []
    for heading, cls, first, side in itertools.product(
        ("最新动态", "热点新闻", "最新公告"), ("left", "side", "col-md-3"), (False, True), (5, 8)
    ):
        aside = f"<div class='{cls}'><div class='box'><div class='hd'>{heading}</div><ul>{_fresh_rows(side)}</ul></div></div>"
        main = f"<div class='main'><ul class='list'>{_stale_rows()}</ul><div class='pages'>共3条 1/1页</div></div>"
        page = parse_column_page(
            _unnamed_page(*((aside, main) if first else (main, aside))),
            "http://www.xx.edu.cn/xxgk/cwzc.htm",
            column="财务资产",
        )
        if [e.title for e in page.entries] != TITLES[:3]:
            wrong.append((heading, cls, first, side, len(page.entries)))
    assert not wrong, f"{len(wrong)} of 36 pages read wrong, first: {wrong[:5]}"


def test_a_columns_paged_list_is_read_before_another_columns_box_whatever_its_own_heading_says():
    # Found by this grid: a column's list of three under a heading a template words as a widget's (最新通知,
    # 最新文章), with its pager (共3条 1/1页) after it, beside another column's box of eight fresher entries (学院新闻),
    # was read as that box (18 of 108 probe pages) whether or not <title> named the column: the pager that follows
    # a list marks it the column's own, as no sidebar box has one
    wrong = []
    for heading, rows, box, more in itertools.product(
        ("最新通知", "最新文章", "文章列表"), (3, 10), ("学院新闻", "媒体报道"), (False, True)
    ):
        own = _dated_rows(rows)
        link = "<a href='/xwzx/xyxw.htm' class='more'>更多&gt;&gt;</a>" if more else ""
        news = "".join(
            f"<li><a href='/info/1009/{500 + k}.htm'>学校召开第{k}次专题工作会议部署相关工作</a><span>2026-11-{20 - k}</span></li>"
            for k in range(8)
        )
        html = (
            "<html><head><meta charset='utf-8'><title>某某职业技术学院</title></head><body><div class='nav'>"
            f"<a href='/'>首页</a><a href='/xxgk.htm'>信息公开</a></div><div class='left'><div class='hd'><h3>{box}</h3>"
            f"{link}</div><ul>{news}</ul></div><div class='main'><div class='hd'>{heading}</div><ul class='list'>{own}"
            f"</ul><div class='pages'>共{rows}条 1/1页</div></div></body></html>"
        )
        page = parse_column_page(html.encode(), COLUMN, column="通知公告")
        if [e.title for e in page.entries] != TITLES[:rows]:
            wrong.append((heading, rows, box, more, len(page.entries)))
    assert not wrong, f"{len(wrong)} of 24 pages read wrong, first: {wrong[:5]}"


def test_an_old_tables_unnamed_list_is_read_before_the_sidebar_cell_beside_it_by_the_pager_under_it():
    # and in an old template's table layout (ASP list.asp?id=12, a sidebar cell of 最新动态 beside the column's cell)
    # the pager is the list table's last row, or the row under the cell holding it: found there too (0 of 18 pages
    # read right before; the first version of the rule looked only at the siblings of the list and of its parent)
    wrong = []
    for form, first, pager in itertools.product(
        ("rows", "nested", "ul in a cell"),
        (False, True),
        ("共3条记录 页次：1/1页 首页 上一页 下一页 尾页", "共3条 1/1页", "<a href='?page=2'>下一页</a>"),
    ):
        rows = [(t, f"2022-1-{10 + i}", f"/show.asp?id={100 + i}") for i, t in enumerate(TITLES[:3])]
        if form == "ul in a cell":
            listed = "<ul>" + "".join(f"<li><a href='{u}'>{t}</a><span>{d}</span></li>" for t, d, u in rows) + "</ul>"
        else:
            listed = "".join(f"<tr><td>·<a href='{u}'>{t}</a></td><td>[{d}]</td></tr>" for t, d, u in rows)
        if form == "rows":
            own = f"<table class='list'>{listed}<tr><td colspan='2' align='center'>{pager}</td></tr></table>"
        else:
            listed = f"<table class='list'>{listed}</table>" if form == "nested" else listed
            own = f"<table><tr><td>{listed}</td></tr><tr><td align='center'>{pager}</td></tr></table>"
        news = "".join(
            f"<tr><td><a href='/show.asp?id={500 + k}'>关于做好第{k}批学生工作的通知安排</a></td><td>2026-11-{20 - k}</td></tr>"
            for k in range(8)
        )
        aside = f"<td width='200'><table><tr><td class='title'>最新动态</td></tr>{news}</table></td>"
        main = f"<td valign='top'>{own}</td>"
        html = (
            "<html><head><meta charset='utf-8'><title>某某职业技术学院</title></head><body><table><tr><td colspan='2'>"
            "<a href='/'>首页</a> <a href='/xxgk.asp'>信息公开</a></td></tr>"
            f"<tr>{aside + main if first else main + aside}</tr></table></body></html>"
        )
        page = parse_column_page(html.encode(), "http://www.xx.edu.cn/list.asp?id=12", column="财务资产")
        if [e.title for e in page.entries] != TITLES[:3]:
            wrong.append((form, first, pager[:8], len(page.entries)))
    assert not wrong, f"{len(wrong)} of 18 pages read wrong, first: {wrong[:5]}"


def test_a_columns_list_is_read_before_a_carousel_of_fresher_slides_and_its_dots():
    # A column's three entries beside a carousel of six fresher slides: the slides were read as the column's list
    # (a <marquee>'s entries lost a list's score, a carousel's did not), and then, being a carousel's, dropped: a
    # false blank (栏目自身没有列表) on every page here. Looked for after a real page of the corpus showed the first
    # version of the pager rule taking a carousel's empty dots (<div class="swiper-pagination">) for a pager.
    wrong = []
    for dots, first in itertools.product(("swiper-pagination", "slick-dots pagination", "banner-pager"), (False, True)):
        slides = "".join(
            f"<div class='swiper-slide'><a href='/info/1009/{500 + k}.htm'>学校召开第{k}次专题工作会议部署相关工作</a>"
            f"<span>2026-11-{20 - k}</span></div>"
            for k in range(6)
        )
        carousel = (
            f"<div class='swiper-container'><div class='swiper-wrapper'>{slides}</div><div class='{dots}'></div></div>"
        )
        main = f"<div class='main'><ul class='list'>{_stale_rows()}</ul></div>"
        page = parse_column_page(
            _unnamed_page(*((carousel, main) if first else (main, carousel))),
            "http://www.xx.edu.cn/xxgk/cwzc.htm",
            column="财务资产",
        )
        if [e.title for e in page.entries] != TITLES[:3]:
            wrong.append((dots, first, len(page.entries)))
    assert not wrong, wrong


def test_a_columns_undated_documents_with_their_pager_are_read_before_a_long_dated_sidebar():
    # Found by this grid: a column of three to five undated documents (规章制度: 某某学院财务管理办法) followed by its
    # pager, nothing naming it, beside a box of dated notices, was read as that box (32 of 32 pages at the round's
    # start; 16, beside 15 or 30 notices, with the pager's first mark, which weighed less than a dated list's lead)
    documents = [
        "某某学院财务管理办法",
        "某某学院资产管理办法",
        "某某学院采购管理办法",
        "某某学院预算管理办法",
        "某某学院收费管理办法",
    ]
    wrong = []
    for rows, pager, side, heading in itertools.product(
        (3, 5), ("共{n}条 1/1页", "<a href='cwzc/2.htm'>下一页</a>"), (5, 8, 15, 30), ("最新动态", "学院新闻")
    ):
        own = "".join(f"<li><a href='/info/1012/{100 + i}.htm'>{t}</a></li>" for i, t in enumerate(documents[:rows]))
        aside = f"<div class='left'><div class='box'><div class='hd'>{heading}</div><ul>{_fresh_rows(side)}</ul></div></div>"
        main = f"<div class='main'><ul class='list'>{own}</ul><div class='pages'>{pager.format(n=rows)}</div></div>"
        page = parse_column_page(_unnamed_page(aside, main), "http://www.xx.edu.cn/xxgk/cwzc.htm", column="财务资产")
        if [e.title for e in page.entries] != documents[:rows]:
            wrong.append((rows, pager[:6], side, heading, len(page.entries)))
    assert not wrong, f"{len(wrong)} of 32 pages read wrong, first: {wrong[:5]}"


def _sub_menu(i: int) -> str:
    return "".join(f"<li><a href='/m{i}/s{j}.htm'>子栏目{i}{j}</a></li>" for j in range(6))


def test_a_columns_name_is_read_from_its_page_title_whichever_end_names_the_site():
    # Found by this grid: where the page title opens with the site's name (某某职业技术学院-通知公告, 某某大学信息公开网 -
    # 通知公告, 某某学院|信息公开|通知公告), the column's name was taken to be the site's, so its own area went unfound:
    # an empty list beside a box of another column's news was read as that box (a blank column up to date), and two
    # undated entries lost to its twelve dated ones (18 of 32 pages)
    titles = (
        "通知公告-某某学院",
        "某某职业技术学院-通知公告",
        "某某大学信息公开网 - 通知公告",
        "某某学院|信息公开|通知公告",
    )
    wrong = []
    for title, marker, rows, pager in itertools.product(titles, ("crumb", "heading"), (0, 2), (False, True)):
        named = (
            "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 通知公告</div>"
            if marker == "crumb"
            else "<h2 class='col-title'>通知公告</h2>"
        )
        own = "".join(f"<li><a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a></li>" for i in range(rows))
        shown = f"<div class='page'>共{rows}条 1/1</div>" if pager else ""
        page = parse_column_page(_beside_news(title, f"{named}<ul class='list'>{own}</ul>{shown}"), COLUMN)
        if [e.title for e in page.entries] != TITLES[:rows] or page.blank != (rows == 0):
            wrong.append((title, marker, rows, pager, len(page.entries), page.blank))
    assert not wrong, f"{len(wrong)} of 32 pages read wrong, first: {wrong[:5]}"


CRUMBS = {
    "当前位置": "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 通知公告</div>",
    "class": "<div class='breadcrumb'><a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; <a href='/xxgk/tzgg.htm'>通知公告</a></div>",
    "marks": "<div class='pos'><a href='/'>首页</a> » <a href='/xxgk/'>信息公开</a> » 通知公告</div>",
    "icon": "<div class='dqwz'><img src='/images/home.png'><a href='/'>网站首页</a> &gt;&gt; <a href='/xxgk/'>信息公开</a> &gt;&gt; 通知公告</div>",
    "location": "<div class='location'>Location: <a href='/'>首页</a> / <a href='/xxgk/'>信息公开</a> / 通知公告</div>",
    "ol": "<ol class='breadcrumb'><li><a href='/'>首页</a></li><li><a href='/xxgk/'>信息公开</a></li><li class='active'>通知公告</li></ol>",
}


def test_a_breadcrumb_without_its_label_still_marks_the_columns_own_area():
    # Found by this grid: a breadcrumb that does not say 当前位置 (<div class="breadcrumb"><a>首页</a> > …, <ol
    # class="breadcrumb">, Location: 首页 / …) did not mark the column's own area: beside a box of another column's
    # news, an empty list was read as that box (a blank column up to date) and two undated entries lost to it (20
    # of 24 pages; only 当前位置 was known)
    wrong = []
    for (form, crumb), rows, first in itertools.product(CRUMBS.items(), (0, 2), (False, True)):
        own = "".join(f"<li><a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a></li>" for i in range(rows))
        page = parse_column_page(
            _beside_news("通知公告-某某学院", f"{crumb}<ul class='list'>{own}</ul>", first), COLUMN
        )
        if [e.title for e in page.entries] != TITLES[:rows] or page.blank != (rows == 0):
            wrong.append((form, rows, first, len(page.entries), page.blank))
    assert not wrong, f"{len(wrong)} of 24 pages read wrong, first: {wrong[:5]}"


def test_a_page_titled_with_the_sites_name_is_named_by_its_breadcrumb():
    # Found by this grid: a template titling every page with the site's name (某某学院信息公开网, 某某职业技术学院) or a
    # section's (信息公开) left the column unnamed, so a breadcrumb ending with its name marked nothing: beside a box of
    # another column's news, an empty list was read as that box (a blank column up to date); 36 of 36 pages
    wrong = []
    for title, (form, crumb), rows in itertools.product(
        ("某某学院信息公开网", "某某职业技术学院", "信息公开"), CRUMBS.items(), (0, 2)
    ):
        own = "".join(f"<li><a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a></li>" for i in range(rows))
        page = parse_column_page(_beside_news(title, f"{crumb}<ul class='list'>{own}</ul>"), COLUMN)
        if [e.title for e in page.entries] != TITLES[:rows] or page.blank != (rows == 0):
            wrong.append((title, form, rows, len(page.entries), page.blank))
    assert not wrong, f"{len(wrong)} of 24 pages read wrong, first: {wrong[:5]}"


SIDE_NEWS = "<div class='side'><h3>校园新闻</h3><ul>{}</ul></div>".format(
    "".join(
        f"<li><a href='/info/1001/{9000 + k}.htm'>学校召开第{k}次专题工作会议部署相关工作</a><span>2025-01-{10 + k}</span></li>"
        for k in range(12)
    )
)


def _beside_news(title: str, main: str, first: bool = False) -> bytes:
    """A column's page titled ``title``: its ``main`` area beside a box of another column's twelve dated news (after
    it, or before it with ``first``)."""
    main = f"<div class='main'>{main}</div>"
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='head'><a href='/'>首页</a>"
        f"<a href='/xxgk/'>信息公开</a></div>{SIDE_NEWS + main if first else main + SIDE_NEWS}</body></html>"
    ).encode()


def test_a_flat_page_of_heading_list_and_another_box_reads_the_list_under_the_heading():
    # Found by this grid: the column's heading, its list and another column's box side by side in one block (no
    # element holding the heading and its list alone) gave the column no area of its own: an empty list read as the
    # box (a blank column up to date), two undated entries lost to its twelve dated ones (24 of 24 pages)
    headings = ("<h2>通知公告</h2>", "<h3>通知公告</h3>", "<div class='title'><h3>通知公告</h3></div>")
    wrong = []
    for heading, rows, (title, column) in itertools.product(
        headings, (0, 2), (("通知公告-某某学院", ""), ("某某学院信息公开网", "通知公告"))
    ):
        own = "".join(f"<li><a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a></li>" for i in range(rows))
        for box_first in (False, True):
            parts = [f"{heading}<ul class='list'>{own}</ul>", SIDE_NEWS]
            main = "".join(reversed(parts) if box_first else parts)
            html = (
                f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='head'>"
                f"<a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div><div class='main'>{main}</div></body></html>"
            )
            page = parse_column_page(html.encode(), COLUMN, column=column)
            if [e.title for e in page.entries] != TITLES[:rows] or page.blank != (rows == 0):
                wrong.append((heading, rows, title, box_first, len(page.entries), page.blank))
    assert not wrong, f"{len(wrong)} of 24 pages read wrong, first: {wrong[:5]}"


def test_a_heading_labelling_the_columns_name_marks_its_area():
    # Found by this grid: a heading that labels the column's name (当前栏目：通知公告, 栏目名称：通知公告, 通知公告列表)
    # did not mark the column's area: beside a box of another column's news, an empty list was read as that box (a
    # blank column up to date) and two undated entries lost to its twelve dated ones (12 of 16 pages)
    headings = (
        "<div class='lm'>当前栏目：通知公告</div>",
        "<h2>栏目名称：通知公告</h2>",
        "<h2>通知公告列表</h2>",
        "<div class='title'><span>通知公告</span><em>NOTICE</em></div>",
    )
    wrong = []
    for heading, rows, first in itertools.product(headings, (0, 2), (False, True)):
        own = "".join(f"<li><a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a></li>" for i in range(rows))
        main = f"<div class='col'>{heading}<ul class='list'>{own}</ul></div>"
        page = parse_column_page(_beside_news("通知公告-某某学院", main, first), COLUMN)
        if [e.title for e in page.entries] != TITLES[:rows] or page.blank != (rows == 0):
            wrong.append((heading, rows, first, len(page.entries), page.blank))
    assert not wrong, f"{len(wrong)} of 16 pages read wrong, first: {wrong[:5]}"


def _script_row(form: str, container: str, i: int, shown: str) -> str:
    """Row ``i`` of a list whose documents a handler in a script file opens (the address it opens not on the page)."""
    title, date = TITLES[i], f"<span class='date'>{shown}</span>" if shown else ""
    link = {
        "onclick": f"<a href='javascript:void(0)' onclick=\"showInfo('8a8a{i:04d}')\">{title}</a>",
        "href-call": f"<a href=\"javascript:openDetail({100 + i},'tzgg')\">{title}</a>",
        "data-id": f"<a href='#' onclick='openIt(this)' data-id='{500 + i}'>{title}</a>",
        "row": f"<span class='title'>{title}</span>",
    }[form]
    click = f" onclick=\"showInfo('{i}')\"" if form == "row" else ""
    if container == "table":
        return f"<tr{click}><td>{link}</td><td>{date}</td></tr>"
    return f"<li{click}>{link}{date}</li>" if container == "ul" else f"<div class='item'{click}>{link}{date}</div>"


def test_a_list_whose_rows_a_script_file_opens_is_read_by_the_titles_and_dates_it_shows():
    # A JSP 信息公开 list whose rows open by a handler in a script file the page loads: no address to read, so it
    # was 'unknown' (页面上有 N 条由脚本打开的条目; rows clicked themselves: 页面上有 N 个日期…) whatever its dates
    # said, and a stale column was never reported (12 of 12 dated pages). Dated, its rows are entries at addresses
    # naming them (never fetched); undated, it stays unknown, saying why (rows clicked themselves, undated, were read
    # as a single page of content: 3 pages)
    wrong = []
    for form, container, dated in itertools.product(
        ("onclick", "href-call", "data-id", "row"), ("ul", "table", "div"), (True, False)
    ):
        rows = "".join(_script_row(form, container, i, DAYS[i].isoformat() if dated else "") for i in range(6))
        box = f"<table class='list'>{rows}</table>" if container == "table" else f"<div class='news'>{rows}</div>"
        html = (
            "<html><head><meta charset='utf-8'><title>通知公告-某某学院</title><script src='/js/xxgk.js'></script></head>"
            f"<body><div class='nav'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div><h2>通知公告</h2>{box}"
            "</body></html>"
        )
        page = parse_column_page(html.encode(), "http://www.xx.edu.cn/xxgk/list.jsp?cat=12")
        urls = [e.url for e in page.entries]
        if dated:
            read = [(e.title, e.date) for e in page.entries]
            ok = (
                read == list(zip(TITLES[:6], DAYS[:6], strict=True))
                and all(map(is_script_row, urls))
                and len(set(urls)) == 6
            )
        else:
            ok = not page.entries and page.script_loaded and "由脚本打开" in page.reason
        if not ok:
            wrong.append((form, container, dated, len(page.entries), page.blank, page.reason))
    assert not wrong, f"{len(wrong)} of 24 pages read wrong, first: {wrong[:5]}"


def test_an_undated_list_is_dated_by_a_column_of_dates_beside_it_and_by_nothing_else():
    # An old template's two cells, titles in one and dates in the other (or two <ul>s side by side): the entries
    # were read undated (18 of 18 pages), a column stale however new. A box beside holding as many dates among
    # other words (another column's news) dates nothing, nor a column of fewer dates
    titles = "".join(f"<li><a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a></li>" for i in range(6))
    links = "<br>".join(f"<a href='/info/1012/{3000 + i}.htm'>{TITLES[i]}</a>" for i in range(6))
    dates = {
        "li": "<ul>" + "".join(f"<li>{DAYS[i].isoformat()}</li>" for i in range(6)) + "</ul>",
        "br": "<br>".join(f"[{DAYS[i]:%Y/%m/%d}]" for i in range(6)),
        "span": "".join(
            f"<span class='time'>{DAYS[i].year}年{DAYS[i].month}月{DAYS[i].day}日</span>" for i in range(6)
        ),
    }
    news = "<ul>" + "".join(f"<li>学校召开第{k}次专题工作会议 {DAYS[k]}</li>" for k in range(6)) + "</ul>"
    wrong = []
    for layout, form, dates_first in itertools.product(("cells", "divs", "nested"), dates, (False, True)):
        own = f"<ul>{titles}</ul>" if form != "br" else links
        cells = [own, dates[form]]
        if dates_first:
            cells.reverse()
        box = {
            "cells": "<table><tr>{}</tr></table>".format("".join(f"<td>{c}</td>" for c in cells)),
            "divs": "".join(f"<div class='col'>{c}</div>" for c in cells),
            "nested": "<div class='wrap'>{}</div>".format(
                "".join(f"<div><div class='in'>{c}</div></div>" for c in cells)
            ),
        }[layout]
        for beside, expected in (
            (box, DAYS[:6]),
            (f"<div class='l'>{own}</div><div class='r'>{news}</div>", [None] * 6),
        ):
            html = f"<html><head><meta charset='utf-8'><title>通知公告-某某学院</title></head><body><h2>通知公告</h2>{beside}</body></html>"
            page = parse_column_page(html.encode(), COLUMN)
            if [(e.title, e.date) for e in page.entries] != list(zip(TITLES[:6], expected, strict=True)):
                wrong.append((layout, form, dates_first, expected[0], [str(e.date) for e in page.entries][:2]))
    short = f"<table><tr><td><ul>{titles}</ul></td><td>{DAYS[0]}<br>{DAYS[1]}</td></tr></table>"
    page = parse_column_page(f"<html><body><h2>通知公告</h2>{short}</body></html>".encode(), COLUMN)
    assert [e.date for e in page.entries] == [None] * 6  # two dates for six entries: no column of theirs
    assert not wrong, f"{len(wrong)} of 36 pages read wrong, first: {wrong[:5]}"


_NUMBER_PAGERS = (
    "<div class='pagination'><a href='?page=1'>1</a><a href='?page=2'>2</a><a href='?page=3'>3</a>"
    "<a href='?page=2'>»</a></div>",
    "<ul class='pagination'><li class='active'><a>1</a></li><li><a href='?page=2'>2</a></li>"
    "<li><a href='?page=2'>&gt;</a></li></ul>",
    "<div class='pager'><span class='current'>1</span><a href='list_2.htm'>2</a><a href='list_3.htm'>3</a></div>",
    "<div class='page-nav'>Page 1 of 3 <a href='?p=2'>Next</a> <a href='?p=3'>Last</a></div>",
    "<nav class='pages'><a class='prev' href='#'>‹</a><b>1</b><a href='index_2.html'>2</a>"
    "<a class='next' href='index_2.html'>›</a></nav>",
)


def test_a_columns_list_is_told_from_a_box_beside_it_by_a_pager_of_page_numbers_only():
    # Found by this grid (and a real university's news page of the corpus's tune part, autopager-192): a pager that
    # shows only page numbers and arrows (1 2 3 », Page 1 of 3 Next) marks the list it follows as the column's, as
    # 共3条 1/1页 did; before, only a pager in Chinese words did, and a box of another column's fresher notices beside
    # the column's list under a widget-worded heading (最新文章) was read as the column's
    wrong = []
    for pager, rows in itertools.product(_NUMBER_PAGERS, (3, 10)):
        own = _dated_rows(rows)
        html = _unnamed_page(
            f"<div class='left'><div class='hd'><h3>学院新闻</h3></div><ul>{_fresh_rows(8)}</ul></div>",
            f"<div class='main'><div class='hd'>最新文章</div><ul class='list'>{own}</ul>{pager}</div>",
        )
        page = parse_column_page(html, COLUMN, column="通知公告")
        if [e.title for e in page.entries] != TITLES[:rows]:
            wrong.append((pager[:30], rows, len(page.entries)))
    assert not wrong, f"{len(wrong)} of 10 pages read wrong, first: {wrong[:5]}"
