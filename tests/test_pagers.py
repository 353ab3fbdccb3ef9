"""Every real pager form, served over loopback as real CMS templates write it: every page is read and the column's
entry count is exact; a pager that cannot be followed leaves the column incomplete, saying why.

Each site has 25 entries over 3 pages (10 + 10 + 5), dated 2026-09-01 … 2026-09-25, newest first.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import zoneinfo

import pytest
from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.listpage import parse_list
from tests.conftest import config_text
from tests.sitekit import own_and_latest

NOW = dt.datetime(2026, 9, 30, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
SPLIT = ((0, 10), (10, 20), (20, 25))


def _day(i: int) -> str:
    return f"2026-09-{25 - i:02d}"


def _page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>通知公告-测试学院</title></head><body>'
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">信息公开</a></li>'
        '<li><a href="/xwzx/">新闻中心</a></li><li><a href="/jgsz/">机构设置</a></li></ul></div>'
        f'<div class="main">{body}</div><div class="footer">版权所有 © 2026 测试学院</div></body></html>'
    )


_TRS_WRITTEN = r"""<script language="JavaScript">
var currentPage = {n};//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = 3//共多少页
//设置上一页代码
if(countPage>1&&currentPage!=0&&currentPage!=1)
	document.write("<a href=\"index"+"_" + prevPage + "."+"html\">上一页</a>&nbsp;");
else if(countPage>1&&currentPage!=0&&currentPage==1)
	document.write("<a href=\"index.html\">上一页</a>&nbsp;");
else
	document.write("上一页&nbsp;");
//设置下一页代码
if(countPage>1&&currentPage!=(countPage-1))
	document.write("<a href=\"index"+"_" + nextPage + "."+"html\" >下一页</a>&nbsp;");
else
	document.write("下一页&nbsp;");
</script>"""


def trs_site(literal: bool, written: bool = False) -> dict[str, str]:
    pages = {}
    for n, (a, b) in enumerate(SPLIT):
        lis = "".join(
            f'<li><a href="./202609/t202609{25 - i:02d}_{100 + i}.html">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>'
            for i in range(a, b)
        )
        if written:  # the classic TRS template: the pager written by document.write, no createPageHTML
            pager = _TRS_WRITTEN.replace("{n}", str(n))
        elif literal:
            pager = f"<script>createPageHTML('page_div',3, {n},'index','html',25);</script>"
        else:
            pager = (
                f'<script type="text/javascript">\n var currentPage = {n};//所在页从0开始\n'
                " var countPage = 3//共多少页\n  //设置上一页代码\n"
                ' createPageHTML(countPage, currentPage, "index", "html");\n</script>'
            )
        pages["/xxgk/tzgg/index.html" if n == 0 else f"/xxgk/tzgg/index_{n}.html"] = _page(
            f'<ul class="list">{lis}</ul>{pager}'
        )
    return {"start": "/xxgk/tzgg/index.html", **pages}


def vsb_site() -> dict[str, str]:
    # 博达: the first page is tzgg.htm, then tzgg/2.htm, tzgg/1.htm (counting down); the date sits inside the link
    paths = ["/xwzx/tzgg.htm", "/xwzx/tzgg/2.htm", "/xwzx/tzgg/1.htm"]
    pages = {}
    for n, (a, b) in enumerate(SPLIT):
        prefix = "../" if n == 0 else "../../"
        lis = "".join(
            f'<li id="line_u8_{i - a}"><a href="{prefix}info/1011/{2000 - i}.htm"><span>通知标题第{i}号关于工作安排</span><i>{_day(i)}</i></a></li>'
            for i in range(a, b)
        )
        nxt = (
            f'<span class="p_next p_fun"><a href="{"tzgg/" if n == 0 else ""}{2 - n}.htm">下页</a></span>'
            if n < 2
            else ""
        )
        pager = (
            f'<div align="center"><span class="p_pages"><span class="p_t">共25条</span>&nbsp;&nbsp;<span class="p_t">{n + 1}/3</span>'
            f'{nxt}<span class="p_goto"><input type="text" class="p_goto_input" id="u8_goto" '
            "onkeydown=\"if(event.keyCode==13){_simple_list_gotopage_fun(3,'u8_goto',2)}\"></span></span></div>"
        )
        pages[paths[n]] = _page(f"<ul>{lis}</ul>{pager}")
    return {"start": paths[0], **pages}


def vsb_split_site() -> dict[str, str]:
    # 博达 templates without line_u ids that deal a page's entries into several <ul class="list-ul"> of five,
    # beside a sidebar of sibling columns; pager pb_sys with numbered count-down pages
    paths = ["/xxgk/zcyzc.htm", "/xxgk/zcyzc/2.htm", "/xxgk/zcyzc/1.htm"]
    pages = {}
    for n, (a, b) in enumerate(SPLIT):
        prefix = "../" if n == 0 else "../../"
        uls = "".join(
            '<ul class="list-ul wow fadeInUp animated">'
            + "".join(
                f'<li class="txt-elise">\n    \n        <a href="{prefix}info/1026/{2500 - i}.htm" target="_blank">'
                f"【中标公示】测试学院第{i}号采购项目中标结果公告</a><span>{_day(i)}</span>\n    </li>"
                for i in range(start, min(start + 5, b))
            )
            + "</ul>"
            for start in range(a, b, 5)
        )
        links = "".join(
            f'<span class="p_no"><a href="{"zcyzc/" if n == 0 else ""}{3 - k}.htm">{k}</a></span>'
            if k != n + 1
            else f'<span class="p_no_d">{k}</span>'
            for k in (1, 2, 3)
            if k != 1 or n != 0
        )
        sidebar = (
            '<div class="pull-left list-left"><div class="list-left-top">招采与资产</div><ul class="list-left-nav">'
            f'<li class="active"><a href="{prefix}xxgk/zcyzc.htm">招采与资产</a></li><li><a href="{prefix}xxgk/yjsgk.htm">预决算公开</a></li></ul></div>'
        )
        pager = (
            '<div class="pb_sys_common pb_sys_full pb_sys_style1"><span class="p_pages"><span class="p_first_d p_fun_d">首页</span>'
            f'{links}</span> <span class="p_t">共3页</span> <span class="p_goto"><input type="text" class="p_goto_input" '
            'maxlength="10" id="u13_goto" onkeydown="if(event.keyCode==13){_simple_list_gotopage_fun(3,&quot;u13_goto&quot;,2)}">'
            "</span></div>"
        )
        pages[paths[n]] = _page(f'{sidebar}<div class="pull-right right-box">{uls}{pager}</div>')
    return {"start": paths[0], **pages}


def table_per_entry_site() -> dict[str, str]:
    # the ASP templates of the 2000s: a layout table whose left cell holds the column tree; each entry its own
    # <table>, with a one-pixel spacer table between entries
    pages = {}
    first = "/news_list.asp?classid=7"
    for n, (a, b) in enumerate(SPLIT):
        rows = "".join(
            f'<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td width="85%" height="24">'
            f'<img src="images/dot.gif"> <a href="news_show.asp?id={800 + i}" target="_blank">通知标题第{i}号关于工作安排</a></td>'
            f'<td width="15%" class="date">{_day(i)}</td></tr></table>'
            '<table width="100%"><tr><td background="images/line.gif" height="1"></td></tr></table>'
            for i in range(a, b)
        )
        nxt = f"<a href='news_list.asp?classid=7&page={n + 2}'>下一页</a>" if n < 2 else ""
        tree = (
            '<table width="100%"><tr><td><a href="news_list.asp?classid=1">学校概况</a></td></tr>'
            '<tr><td><a href="news_list.asp?classid=2">规章制度</a></td></tr><tr><td><a href="news_list.asp?classid=7">通知公告</a></td></tr></table>'
        )
        layout = (
            f'<table width="980" align="center"><tr><td width="200" valign="top">{tree}</td><td width="780" valign="top">'
            f"{rows}<div>共25条记录 共3页 当前第{n + 1}页 {nxt}</div></td></tr></table>"
        )
        pages[first if n == 0 else f"/news_list.asp?classid=7&page={n + 1}"] = _page(layout)
    return {"start": first, **pages}


def record_form_site(form: str) -> dict[str, str]:
    """List forms without one element per entry, or with dates beside a summary; a 共N页 pager with ?page=N."""
    pages = {}
    first = "/list.php?cid=4"
    for n, (a, b) in enumerate(SPLIT):
        title = "通知标题第{}号关于工作安排".format
        if form == "bare-links":  # <a>title</a> (date)<br>, the 2000s templates
            body = "".join(
                f'<img src="/images/dot.gif"> <a href="/show.php?id={900 + i}" target="_blank">{title(i)}</a>'
                f' <font color="#999999">({_day(i)})</font><br>\n'
                for i in range(a, b)
            )
            body = f'<td class="list" valign="top">{body}</td>'
        elif form == "date-first-bare-links":  # the date before each link
            body = "".join(f'[{_day(i)}] <a href="/show.php?id={900 + i}">{title(i)}</a><br>' for i in range(a, b))
            body = f'<div class="newslist">{body}</div>'
        elif form == "dl-per-entry":
            body = "".join(
                f'<dl class="item"><dt><a href="/show.php?id={900 + i}">{title(i)}</a></dt><dd>{_day(i)}</dd></dl>'
                for i in range(a, b)
            )
        else:  # cards: a split date block beside a summary that quotes other dates
            body = "".join(
                f'<div class="news-item"><div class="date"><span>{_day(i)[-2:]}</span><p>{_day(i)[:7]}</p></div>'
                f'<div class="txt"><a href="/show.php?id={900 + i}"><h3>{title(i)}</h3></a>'
                f"<p>根据2025年12月31日会议精神和2026年1月5日的通知要求，现将有关事项通知如下……</p></div></div>"
                for i in range(a, b)
            )
        nxt = f"<a href='/list.php?cid=4&page={n + 2}'>下一页</a>" if n < 2 else ""
        pages[first if n == 0 else f"/list.php?cid=4&page={n + 1}"] = _page(
            f"{body}<div>共25条记录 共3页 当前第{n + 1}页 {nxt}</div>"
        )
    return {"start": first, **pages}


def framed_site() -> dict[str, str]:
    # the column page shows its list in an iframe (its own page, with a 共N页 pager), links opened by window.open
    site = numbered_site("/xxgk/tzgg_list.asp", lambda k: f"/xxgk/tzgg_list.asp?page={k}", "text")
    for path, html in list(site.items()):
        if path != "start":
            site[path] = re.sub(r'href="(/show\.asp\?id=\d+)"', r"""href="#" onclick="window.open('\1')" """, html)
    frame = '<iframe src="/xxgk/tzgg_list.asp" width="100%" height="900" frameborder="0" scrolling="no"></iframe>'
    site["/xxgk/tzgg.htm"] = _page(f'<div class="right"><h2>通知公告</h2>{frame}</div>')
    site["start"] = "/xxgk/tzgg.htm"
    return site


def forwarding_site(how: str) -> dict[str, str]:
    # the column's address is an index page that sends the browser on to the list (3 pages)
    site = numbered_site("/xxgk/tzgg/list.asp", lambda k: f"/xxgk/tzgg/list.asp?page={k}", "text")
    if how == "meta":
        head = '<meta http-equiv="refresh" content="0; URL=list.asp">'
        site["/xxgk/tzgg/index.htm"] = f"<html><head>{head}<title>通知公告</title></head><body></body></html>"
    else:
        script = '<script language="javascript">window.location.href = "list.asp";</script>'
        site["/xxgk/tzgg/index.htm"] = (
            f"<html><head><title>通知公告</title>{script}</head><body>正在跳转…</body></html>"
        )
    site["start"] = "/xxgk/tzgg/index.htm"
    return site


def webplus_site() -> dict[str, str]:
    pages = {}
    for n, (a, b) in enumerate(SPLIT):
        lis = "".join(
            f'<li class="list_item i{i - a + 1}"><span class="Article_Title"><a href="/2026/09{25 - i:02d}/c2345a{600 + i}/page.htm" target="_blank" title="通知标题第{i}号关于工作安排">通知标题第{i}号关于工作安排</a></span><span class="Article_PublishDate">{_day(i)}</span></li>'
            for i in range(a, b)
        )
        pager = (
            '<div id="wp_paging_w6"><ul class="wp_paging clearfix"><li class="pages_count"><span class="per_page">每页&nbsp;<em class="per_count">10</em>&nbsp;记录&nbsp;</span>'
            '<span class="all_count">总共&nbsp;<em class="all_count">25</em>&nbsp;记录&nbsp;</span></li><li class="page_nav">'
            '<a class="first" href="javascript:void(0);"><span>第一页</span></a>'
            + (f'<a class="next" href="/2345/list{n + 2}.htm" target="_self"><span>下一页</span></a>' if n < 2 else "")
            + f'</li><li class="page_jump"><span class="pages">页码&nbsp;<em class="curr_page">{n + 1}</em>/<em class="all_pages">3</em></span></li></ul></div>'
        )
        pages["/2345/list.htm" if n == 0 else f"/2345/list{n + 1}.htm"] = _page(
            f'<ul class="wp_article_list">{lis}</ul>{pager}'
        )
    return {"start": "/2345/list.htm", **pages}


def webplus_one_page_site() -> dict[str, str]:
    """A WebPlus column of one page: its pager's links are all javascript:void(0) (WebPlus writes them so when there
    is no other page to go to) and it says 总共 8 记录, 页码 1/1. It was read as a pager a script submits, the column
    called incomplete (只读到第 1 页)."""
    lis = "".join(
        f'<li class="news n{i + 1} clearfix"><span class="news_title"><a href="/2026/09{25 - i:02d}/c2345a{600 + i}/page.htm" target="_blank" title="通知标题第{i}号关于工作安排">通知标题第{i}号关于工作安排</a></span><span class="news_meta">{_day(i)}</span></li>'
        for i in range(8)
    )
    nav = "".join(
        f'<a class="{k}" href="javascript:void(0);" target="_self"><span>{w}</span></a>'
        for k, w in (("first", "第一页"), ("prev", "&lt;&lt;上一页"), ("next", "下一页&gt;&gt;"), ("last", "尾页"))
    )
    pager = (
        '<div id="wp_paging_w6"><ul class="wp_paging clearfix"><li class="pages_count"><span class="per_page">每页&nbsp;'
        '<em class="per_count">10</em>&nbsp;记录&nbsp;</span><span class="all_count">总共&nbsp;<em class="all_count">8'
        f'</em>&nbsp;记录&nbsp;</span></li><li class="page_nav">{nav}</li><li class="page_jump"><span class="pages">页码'
        '&nbsp;<em class="curr_page">1</em>/<em class="all_pages">1</em></span><span><input class="pageNum" type="text">'
        '</span><span><a class="pagingJump" href="javascript:void(0);" target="_self">跳转到&nbsp;</a></span></li></ul>'
        "</div>"
    )
    return {"start": "/2345/list.htm", "/2345/list.htm": _page(f'<ul class="news_list list2">{lis}</ul>{pager}')}


def numbered_site(first: str, page_url, pager_style: str) -> dict[str, str]:
    """DedeCMS list_5_N.html, PHPCMS/帝国 index_N.html, ?page=N, ?pageIndex=N, ?PAGENUM=N, 共N页 text pagers,
    a drop-down of pages, image buttons."""
    pages = {}
    numbered = page_url
    page_url = lambda k: first if k == 1 else numbered(k)  # noqa: E731 - page 1 is the column's own URL
    for n, (a, b) in enumerate(SPLIT):
        rows = "".join(
            f'<tr><td class="bt"><a href="/show.asp?id={300 + i}" target="_blank">通知标题第{i}号关于工作安排</a></td><td>[{_day(i)}]</td></tr>'
            for i in range(a, b)
        )
        links = " ".join(f"<a href='{page_url(k)}'>{k}</a>" if k != n + 1 else f"<b>{k}</b>" for k in (1, 2, 3))
        nxt = f"<a href='{page_url(n + 2)}'>下一页</a>" if n < 2 else ""
        if pager_style == "numbers":
            pager = f'<div class="pagelist">共 <strong>3</strong>页<strong>25</strong>条 {links} {nxt} <a href="{page_url(3)}">末页</a></div>'
        elif pager_style == "select":  # the pages offered only in a drop-down, DedeCMS style
            options = "".join(
                f"<option value='{page_url(k)}'{' selected' if k == n + 1 else ''}>{k}</option>" for k in (1, 2, 3)
            )
            pager = (
                f"<div class='pagelist'>共3页/25条 <select name='sldd' style='width:36px' "
                f"onchange='location.href=this.options[this.selectedIndex].value;'>{options}</select></div>"
            )
        elif pager_style == "number-select":  # 动易: bare page numbers its script joins, 下一页 not linked
            options = "".join(
                f"<option value='{k}'{' selected' if k == n + 1 else ''}>第{k}页</option>" for k in (1, 2, 3)
            )
            script = "javascript:window.location='" + first + "&page='+this.options[this.selectedIndex].value;"
            pager = (
                f'<div class="showpage">共 <b>25</b> 篇文章 首页 上一页 下一页 尾页 页次：{n + 1}/3页 '
                f'转到：<select name="page" size="1" onchange="{script}">{options}</select></div>'
            )
        elif pager_style == "images":  # image buttons: the words are in the images' alt text
            buttons = (
                f'<a href="{page_url(n + 2)}"><img src="/images/next.gif" alt="下一页" border="0"></a>'
                f'<a href="{page_url(3)}"><img src="/images/last.gif" alt="尾页" border="0"></a>'
                if n < 2
                else ""
            )
            pager = f"<table><tr><td>共25条 第{n + 1}/3页</td><td>{buttons}</td></tr></table>"
        else:  # only a next link and a 共N页 text
            pager = f"<div>共25条记录 共3页 当前第{n + 1}页 {nxt}</div>"
        pages[first if n == 0 else page_url(n + 1)] = _page(f'<table class="list">{rows}</table>{pager}')
    return {"start": first, **pages}


def powereasy_site() -> dict[str, str]:
    """动易 PowerEasy (ASP): each link's title attribute holds an info block (文章标题：…&#13;&#10;作    者：…), the pager
    offers a 转到 drop-down whose options are bare page numbers for its script, beside 下一页/尾页 links."""
    pages = {}
    page_url = lambda k: "/Article/ShowClass.asp?ClassID=12" + (f"&page={k}" if k > 1 else "")  # noqa: E731
    for n, (a, b) in enumerate(SPLIT):
        rows = "".join(
            f'<tr><td><a href="/Article/ShowArticle.asp?ArticleID={500 - i}" title="文章标题：通知标题第{i}号关于工作安排'
            f'&#13;&#10;作    者：办公室&#13;&#10;更新时间：{_day(i)} 10:00:00&#13;&#10;点击次数：12" target="_blank">'
            f"通知标题第{i}号关于…</a></td><td class='listdate'>({_day(i)[5:]})</td></tr>"
            for i in range(a, b)
        )
        nxt = (
            f'<a href="{page_url(n + 2)}">下一页</a>&nbsp;<a href="{page_url(3)}">尾页</a>' if n < 2 else "下一页 尾页"
        )
        options = "".join(f'<option value="{k}"{" selected" if k == n + 1 else ""}>第{k}页</option>' for k in (1, 2, 3))
        pager = (
            f'<div class="showpage">共 <b>25</b> 篇文章&nbsp;首页 上一页&nbsp;{nxt}&nbsp;页次：<strong>{n + 1}/3</strong>页'
            f' 转到：<select name="page" onchange="javascript:window.location=\'{page_url(1)}&page=\'+'
            f'this.options[this.selectedIndex].value;">{options}</select></div>'
        )
        pages[page_url(n + 1)] = _page(f'<table width="100%">{rows}</table>{pager}')
    return {"start": page_url(1), **pages}


def _dahan_record(i: int) -> str:
    return (
        f'<record><![CDATA[\n<li><a href="/art/2026/9/{25 - i}/art_1234_{500 + i}.html" title="通知标题第{i}号关于工作安排" '
        f'target="_blank">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>\n]]></record>'
    )


_DAHAN_LATEST = "".join(
    f'<li><a href="/art/2026/9/{28 - i}/art_99_{800 + i}.html">学校召开第{i}次工作会议部署任务</a><span>2026-09-{28 - i}</span></li>'
    for i in range(8)
)
_DAHAN_SIDEBARS = {
    "": "",
    # the site's 最新信息 beside the column: a plain list, or a 大汉 component of its own (its id named by its script)
    "html": f"<div class='side'><h3>最新信息</h3><ul>{_DAHAN_LATEST}</ul></div>",
    "datastore": (
        '<div class="side"><h3>最新信息</h3><div id="7788"><script type="text/xml"><datastore><recordset>'
        + _DAHAN_LATEST.replace("<li>", "<record><![CDATA[<li>").replace("</li>", "</li>]]></record>")
        + "</recordset></datastore></script></div></div><script>new JPage({unitid: 7788, totalRecord: 8});</script>"
    ),
}


def dahan_site(all_records: bool, proxy_params: bool = True, column: str = "1234", sidebar: str = "") -> dict[str, str]:
    """大汉 JCMS: the first records in the page's <datastore>, the rest from dataproxy.jsp (startrecord/endrecord/
    perpage, with the column's parameters of the page's nextgroup link), answered by ``dahan_proxy``; beside it, a
    ``sidebar`` of the site's latest (see ``_DAHAN_SIDEBARS``)."""
    shown = 25 if all_records else 15
    params = (
        f"&amp;webid=1&amp;path=/&amp;columnid={column}&amp;unitid=4567&amp;permissiontype=0" if proxy_params else ""
    )
    body = (
        '<div id="4567"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/'
        f'dataproxy.jsp?page=1{params.replace("&amp;", "&")}"></a>]]></nextgroup>'
        f"<recordset>{''.join(_dahan_record(i) for i in range(shown))}</recordset></datastore></script></div>"
        '<script language="javascript" src="/module/web/jpage/jpage.js"></script>'
        "<script>var jpage = new JPage({ unitid: 4567, perPage: 15, totalRecord: 25, proxyUrl: '/module/web/jpage/dataproxy.jsp' });</script>"
    )
    if not proxy_params:  # a page whose script alone knows the column: nothing to ask the proxy with
        body = body.replace('<a href="/module/web/jpage/dataproxy.jsp?page=1"></a>', "")
        body = body.replace("proxyUrl: '/module/web/jpage/dataproxy.jsp' ", "")
    return {"start": "/col/col1234/index.html", "/col/col1234/index.html": _page(body + _DAHAN_SIDEBARS[sidebar])}


def dahan_proxy(request: Request) -> Response:
    """dataproxy.jsp as 大汉 answers it: the records startrecord…endrecord of the column named by its parameters
    (from the query string or a form body), as a datastore; nothing for a column it is not told."""
    args = {**request.args, **request.form}
    if (args.get("columnid"), args.get("unitid")) != ("1234", "4567"):
        return Response("<datastore><recordset></recordset></datastore>", content_type="text/xml; charset=utf-8")
    first, last = int(args["startrecord"]), min(int(args["endrecord"]), 25)
    records = "".join(_dahan_record(i) for i in range(first - 1, last))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>25</totalrecord><recordset>{records}</recordset></datastore>'
    return Response(xml, content_type="text/xml; charset=utf-8")


def postback_site() -> dict[str, str]:
    rows = "".join(
        f'<tr><td><a href="/Article.aspx?id={700 + i}">通知标题第{i}号关于工作安排</a></td><td>{_day(i)}</td></tr>'
        for i in range(10)
    )
    pager = (
        '<div id="AspNetPager1">共25条 共3页 <a disabled="disabled">首页</a> <span>1</span> '
        "<a href=\"javascript:__doPostBack('AspNetPager1','2')\">2</a> <a href=\"javascript:__doPostBack('AspNetPager1','3')\">3</a> "
        "<a href=\"javascript:__doPostBack('AspNetPager1','2')\">下一页</a></div>"
    )
    return {"start": "/List.aspx?cid=5", "/List.aspx?cid=5": _page(f"<table>{rows}</table>{pager}")}


_GO_PAGE = """<script type="text/javascript">
function goPage(pageNo) {
    if (pageNo < 1) { return; }
    window.location.href = "list.jsp?cid=5&page=" + pageNo;
}
</script>"""
_LAYPAGE = """<div id="pager"></div><script>
layui.use(['laypage'], function () {
    var laypage = layui.laypage;
    laypage.render({
        elem: 'pager', count: 25, limit: 10, curr: {n},
        jump: function (obj, first) {
            if (!first) { {go} }
        }
    });
});
</script>"""


# pager plugins as templates call them (the current page's number as {n}), each going to list.jsp?cid=5&page=N
_PLUGINS = {
    "kkpager": """<div id="kkpager"></div><script>
var totalPage = 3;
var totalRecords = 25;
var pageNo = {n};
kkpager.generPageHtml({
    pno : pageNo,
    total : totalPage,          // 总页码
    totalRecords : totalRecords,
    hrefFormer : 'list.jsp?cid=5',
    hrefLatter : '',
    getLink : function(n){
        if(n == 1){ return this.hrefFormer + this.hrefLatter; }
        return this.hrefFormer + "&page=" + n + this.hrefLatter;
    }
});
</script>""",
    "jqpaginator": """<ul class="pagination" id="pagination"></ul><script>
$.jqPaginator('#pagination', {
    totalPages: 3, visiblePages: 5, currentPage: {n},
    onPageChange: function (num, type) {
        if (type == 'change') { window.location.href = 'list.jsp?cid=5&page=' + num; }
    }
});
</script>""",
    "tcd-createpage": """<div class="tcdPageCode"></div><script>
$(".tcdPageCode").createPage({
    pageCount: 3,
    current: {n},
    backFn: function (p) { location.href = "list.jsp?cid=5&page=" + p; }
});
</script>""",
    "jquery-pagination-api": """<div class="M-box"></div><script>
$('.M-box').pagination({
    totalData: 25, showData: 10, current: {n}, coping: true,
    callback: function (api) { window.location.href = "list.jsp?cid=5&page=" + api.getCurrent(); }
});
</script>""",
    "twbs-pagination": """<ul id="pagination-demo" class="pagination-sm"></ul><script>
$('#pagination-demo').twbsPagination({ totalPages: 3, visiblePages: 7, startPage: {n}, href: 'list.jsp?cid=5&page={{number}}' });
</script>""",
    "bootstrap-paginator": """<div id="pager"></div><script>
$('#pager').bootstrapPaginator({
    bootstrapMajorVersion: 3, currentPage: {n}, totalPages: 3,
    pageUrl: function (type, page, current) { return "list.jsp?cid=5&page=" + page; }
});
</script>""",
    # jquery.pagination (page_index from 0) calling back a function the page defines, named last in its options
    "jquery-pagination-named-callback": """<div id="Pagination"></div><script>
function pageselectCallback(page_index, jq) {
    window.location.href = "list.jsp?cid=5&page=" + (page_index + 1);
    return false;
}
$("#Pagination").pagination(25, { items_per_page: 10, current_page: {n} - 1, callback: pageselectCallback });
</script>""",
    # jquery.pagination (page_index from 0) whose callback loads the page by AJAX: not followed
    "jquery-pagination-ajax": """<div id="Pagination"></div><script>
function pageselectCallback(page_index, jq) {
    $.get('/list-data.jsp', { cid: 5, p: page_index }, function (html) { $('.list').html(html); });
    return false;
}
$("#Pagination").pagination(25, { items_per_page: 10, current_page: {n}, callback: pageselectCallback });
</script>""",
}


def script_pager_site(style: str) -> dict[str, str]:
    """Pagers drawn or driven by the page's own scripts (JSP and newer templates): [1] [2] [3] links, links calling a
    goPage(n) the page defines, a layui laypage whose jump goes to ?page=N, or one whose jump loads by AJAX."""
    url = lambda k: "/list.jsp?cid=5" if k == 1 else f"/list.jsp?cid=5&page={k}"  # noqa: E731
    pages = {}
    for n, (a, b) in enumerate(SPLIT):
        rows = "".join(
            f'<li><a href="/info/1011/{300 + i}.htm">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>'
            for i in range(a, b)
        )
        if style == "brackets":
            pager = '<div class="page">' + " ".join(f'<a href="{url(k)}">[{k}]</a>' for k in (1, 2, 3)) + "</div>"
        elif style == "go-function":
            links = "".join(f'<a href="javascript:goPage({k})">{k}</a> ' for k in (1, 2, 3))
            step = f'<a href="javascript:void(0);" onclick="goPage({n + 2});return false;">下一页</a>' if n < 2 else ""
            pager = f'<div class="page">共25条 {n + 1}/3页 {links}{step}</div>{_GO_PAGE}'
        elif style in _PLUGINS:
            pager = _PLUGINS[style].replace("{n}", str(n + 1))
        else:
            go = 'location.href = "list.jsp?cid=5&page=" + obj.curr;' if style == "laypage" else "loadList(obj.curr);"
            pager = _LAYPAGE.replace("{n}", str(n + 1)).replace("{go}", go)
        pages[url(n + 1)] = _page(f'<ul class="list">{rows}</ul>{pager}')
    if style == "go-function":
        pages["/list.jsp?cid=5&page=1"] = pages[url(1)]  # goPage(1) asks for page 1 so (the jump's pages start at 2)
    return {"start": url(1), **pages}


# TRS's static pages (index.html, then index_1.html for page 2…) turned by the page's own script, which must go one
# page number lower past the first: a laypage jump with a ternary, a goPage with if/else
_TRS_TURNS = {
    "laypage-ternary": """<div id="pager"></div><script>
layui.use('laypage', function () {
    layui.laypage.render({
        elem: 'pager', count: 25, limit: 10, curr: {n},
        jump: function (obj, first) {
            if (!first) { location.href = obj.curr == 1 ? "index.html" : "index_" + (obj.curr - 1) + ".html"; }
        }
    });
});
</script>""",
    "go-function-if-else": """<div class="page">共3页 {links}</div><script>
function goPage(p) {
    if (p == 1) {
        window.location.href = "index.html";
    } else {
        window.location.href = "index_" + (p - 1) + ".html";
    }
}
</script>""",
}


def trs_script_turned_site(style: str) -> dict[str, str]:
    url = lambda k: "/xxgk/tzgg/index.html" if k == 1 else f"/xxgk/tzgg/index_{k - 1}.html"  # noqa: E731
    links = " ".join(f'<a href="javascript:void(0)" onclick="goPage({k})">{k}</a>' for k in (1, 2, 3))
    pages = {}
    for n, (a, b) in enumerate(SPLIT):
        rows = "".join(
            f'<li><a href="./202609/t202609{25 - i:02d}_{i}.html">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>'
            for i in range(a, b)
        )
        pager = _TRS_TURNS[style].replace("{n}", str(n + 1)).replace("{links}", links)
        pages[url(n + 1)] = _page(f'<ul class="list">{rows}</ul>{pager}')
    return {"start": url(1), **pages}


SITES = {
    **{f"trs-static-pages-by-{k}": (lambda k=k: trs_script_turned_site(k), 25, True) for k in _TRS_TURNS},
    "trs-variables": (lambda: trs_site(literal=False), 25, True),
    "trs-literal-with-div-and-total": (lambda: trs_site(literal=True), 25, True),
    "trs-document-write-template": (lambda: trs_site(literal=False, written=True), 25, True),
    "vsb-count-down-date-in-link": (vsb_site, 25, True),
    "vsb-entries-split-over-lists": (vsb_split_site, 25, True),
    "table-per-entry": (table_per_entry_site, 25, True),
    "bare-links-date-after": (lambda: record_form_site("bare-links"), 25, True),
    "bare-links-date-before": (lambda: record_form_site("date-first-bare-links"), 25, True),
    "dl-per-entry": (lambda: record_form_site("dl-per-entry"), 25, True),
    "list-in-iframe-links-by-window-open": (framed_site, 25, True),
    "index-meta-refresh-to-list": (lambda: forwarding_site("meta"), 25, True),
    "index-script-redirect-to-list": (lambda: forwarding_site("script"), 25, True),
    "cards-date-block-beside-summary": (lambda: record_form_site("cards"), 25, True),
    "webplus-wp_paging": (webplus_site, 25, True),
    "webplus-one-page-script-links": (webplus_one_page_site, 8, True),
    "dedecms-list_X_N": (
        lambda: numbered_site("/a/tzgg/", lambda k: "/a/tzgg/" if k == 1 else f"/a/tzgg/list_5_{k}.html", "numbers"),
        25,
        True,
    ),
    "phpcms-index_N": (
        lambda: numbered_site(
            "/tzgg/index.html", lambda k: "/tzgg/index.html" if k == 1 else f"/tzgg/index_{k}.html", "numbers"
        ),
        25,
        True,
    ),
    "query-page": (
        lambda: numbered_site("/news.php?cid=3", lambda k: f"/news.php?cid=3&page={k}", "numbers"),
        25,
        True,
    ),
    "query-pageIndex": (
        lambda: numbered_site("/List.aspx?ClassID=5", lambda k: f"/List.aspx?ClassID=5&pageIndex={k}", "numbers"),
        25,
        True,
    ),
    "query-PAGENUM": (
        lambda: numbered_site("/list.jsp?wbtreeid=1011", lambda k: f"/list.jsp?wbtreeid=1011&PAGENUM={k}", "numbers"),
        25,
        True,
    ),
    "text-pager-next-only": (
        lambda: numbered_site("/list.asp?cid=9", lambda k: f"/list.asp?cid=9&page={k}", "text"),
        25,
        True,
    ),
    "dedecms-select-only": (
        lambda: numbered_site("/a/xxgk/", lambda k: "/a/xxgk/" if k == 1 else f"/a/xxgk/list_7_{k}.html", "select"),
        25,
        True,
    ),
    "image-buttons": (
        lambda: numbered_site("/news.asp?sort=2", lambda k: f"/news.asp?sort=2&page={k}", "images"),
        25,
        True,
    ),
    "powereasy-info-titles-number-select": (powereasy_site, 25, True),
    "powereasy-number-select-only": (
        lambda: numbered_site(
            "/ShowClass.asp?ClassID=12", lambda k: f"/ShowClass.asp?ClassID=12&page={k}", "number-select"
        ),
        25,
        True,
    ),
    "dahan-datastore-all-records": (lambda: dahan_site(all_records=True), 25, True),
    "dahan-datastore-rest-by-dataproxy": (lambda: dahan_site(all_records=False), 25, True),
    # the column's records beside a sidebar of more recent ones: its own are read, all 25, never the sidebar's
    "dahan-datastore-beside-a-plain-sidebar": (lambda: dahan_site(all_records=False, sidebar="html"), 25, True),
    "dahan-datastore-beside-a-dahan-sidebar": (lambda: dahan_site(all_records=False, sidebar="datastore"), 25, True),
    # a proxy that answers the GET with no records (it wants a POST, or the column is not its): 15 of the 25 stated
    "dahan-dataproxy-answering-nothing": (lambda: dahan_site(all_records=False, column="999"), 15, False),
    "dahan-dataproxy-without-parameters": (lambda: dahan_site(all_records=False, proxy_params=False), 15, False),
    "aspnet-postback": (postback_site, 10, False),
    "numbers-in-brackets": (lambda: script_pager_site("brackets"), 25, True),
    "links-calling-a-go-function-the-page-defines": (lambda: script_pager_site("go-function"), 25, True),
    "layui-laypage-going-to-page-n": (lambda: script_pager_site("laypage"), 25, True),
    # a laypage that loads its pages by AJAX: not followed, but its count (25) says the column is not read whole
    "layui-laypage-loading-by-ajax": (lambda: script_pager_site("laypage-ajax"), 10, False),
    **{f"plugin-{k}": (lambda k=k: script_pager_site(k), 25, True) for k in _PLUGINS if not k.endswith("-ajax")},
    "plugin-jquery-pagination-ajax": (lambda: script_pager_site("jquery-pagination-ajax"), 10, False),
}


def _serve(httpserver, site: dict[str, str]) -> None:
    def handler(request: Request) -> Response:
        query = request.query_string.decode()
        full = request.path + (f"?{query}" if query else "")
        if full in site:
            return Response(site[full], content_type="text/html; charset=utf-8")
        if request.path.endswith("/dataproxy.jsp"):
            return dahan_proxy(request)
        if re.search(r"\.(?:s?html?|asp|aspx|jsp|php)$", request.path) and "list" not in request.path:
            return Response(_page("<h1>通知</h1><p>发布时间：2026-09-01</p>"), content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)


def _check(httpserver, tmp_path, site: dict[str, str], columns: list[tuple]) -> list[dict]:
    """Serve ``site`` on loopback, check ``columns`` of it, and return the columns of ``monitor check``'s JSON."""
    _serve(httpserver, site)
    path = tmp_path / "config.toml"
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    return service.check(load_config(path), NOW).document["columns"]


@pytest.mark.parametrize("form", sorted(SITES))
def test_pager_form_read_whole(form, httpserver, tmp_path):
    make, expected_entries, expected_complete = SITES[form]
    site = make()
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert column["entries"] == expected_entries
    assert column["complete"] is expected_complete, column["reason"]
    if expected_complete:
        assert column["latest"] == "2026-09-25" and column["undated"] == 0
        assert column["status"] == "ok", column["reason"]
        list_pages = {p for p in site if p != "start"}
        served = {e[0].full_path.rstrip("?") for e in httpserver.log}
        assert list_pages <= served  # every page was read
        assert not [p for p in served if p.rstrip("/").rsplit("/", 1)[-1].isdigit()]  # no page number as an address
    else:
        assert column["reason"]  # says why (unfollowable pager), in the JSON and so in the report


@pytest.mark.parametrize(
    ("count", "pages", "unread"),
    [(8, 1, False), (8, None, False), (25, 3, True), (None, 3, True), (8, 3, True), (25, 1, True)],
)
def test_a_pager_of_script_links_leaves_a_column_incomplete_only_when_it_states_more(count, pages, unread):
    # WebPlus writes javascript:void(0) links where there is no page to go to: a pager saying 页码 1/1 or 总共 8 记录
    # over the 8 entries read leaves nothing unread; one saying 1/3 or 总共 25 记录 does (and so does one saying both)
    html = webplus_one_page_site()["/2345/list.htm"]
    html = html.replace('all_pages">1<', f'all_pages">{pages}<') if pages else re.sub(r"页码.*?</em></span>", "", html)
    html = (
        html.replace('class="all_count">8<', f'class="all_count">{count}<')
        if count
        else re.sub("总共.*?记录", "", html)
    )
    page = parse_list(html.encode(), "http://www.test.edu.cn/xxgk/tzgg.jsp")  # (no list2.htm to guess from its name)
    assert (len(page.entries), page.page_count, page.total) == (8, pages, count)
    assert bool(page.unfollowable) is unread, page.unfollowable


def test_a_trs_column_checked_from_its_folder_is_read_once_and_a_blank_one_is_blank(httpserver, tmp_path):
    """A TRS column configured by its folder (/xxgk/tzgg/, as its menu links it): the pager's page 1 is index.html,
    the same page. It was taken for a next page: the page was read twice, and an empty column with its pager
    (createPageHTML(1, 0…)) was "unknown" (页面有翻页链接，但未能读出条目) instead of a blank column."""
    site = trs_site(literal=False)
    site = {**site, "start": "/xxgk/tzgg/", "/xxgk/tzgg/": site.pop("/xxgk/tzgg/index.html")}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert (column["entries"], column["complete"], column["status"]) == (25, True, "ok"), column["reason"]
    served = [e[0].full_path.rstrip("?") for e in httpserver.log]
    assert "/xxgk/tzgg/index.html" not in served and served.count("/xxgk/tzgg/") == 1

    httpserver.clear()
    pager = '<div class="page"><script>createPageHTML(1, 0, "index", "html");</script></div>'
    empty = {"start": "/xxgk/cwxx/", "/xxgk/cwxx/": _page(f'<h2>财务信息</h2><ul class="list"></ul>{pager}')}
    (tmp_path / "blank").mkdir()
    (column,) = _check(httpserver, tmp_path / "blank", empty, [("财务信息", empty["start"], [2], "党政办公室")])
    assert column["status"] == "blank", column["reason"]


@pytest.mark.parametrize("dated", [True, False])
def test_entries_opened_only_by_script_are_never_blank_and_judged_by_the_dates_they_show(dated, httpserver, tmp_path):
    """Rows whose links name no address (onclick="openDetail(12)", the handler not on the page): never a blank
    column (空白栏目) sent to a department. Dated, they are read as entries by the titles and dates they show (their
    pages not fetched: no address); undated, the column is unknown with the reason. (Until this round, dated ones
    were unknown too, so a stale such column was never reported.)"""
    rows = "".join(
        f'<li><a href="javascript:void(0)" onclick="openDetail({700 + i})">通知标题第{i}号关于工作安排</a>'
        f"<span>{_day(i) if dated else ''}</span></li>"
        for i in range(10)
    )
    site = {"start": "/tzgg/index.htm", "/tzgg/index.htm": _page(f'<ul class="list">{rows}</ul>')}
    columns = [("通知公告", site["start"], [2], "党政办公室")]
    (column,) = _check(httpserver, tmp_path, site, columns)
    if dated:
        assert (column["entries"], column["status"], column["latest"]) == (10, "ok", "2026-09-25"), column["reason"]
        assert [e[0].full_path for e in httpserver.log if "script-row" in e[0].full_path] == []
    else:
        assert column["entries"] == 0
        assert column["status"] not in ("blank", "ok")
        assert "10 条由脚本打开的条目" in column["reason"] and "无法判断" in column["reason"]


def test_entries_opened_by_a_function_the_page_defines_are_read_and_followed(httpserver, tmp_path):
    """The same rows, with openDetail written in the page: a click goes to detail.jsp?id=N, so the column's 10
    entries are read, dated and their pages checked, as a reader with a browser would."""
    opener = "<script>function openDetail(id){window.open('/xxgk/detail.jsp?id=' + id);}</script>"
    rows = "".join(
        f'<li><a href="javascript:void(0)" onclick="openDetail({700 + i})">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>'
        for i in range(10)
    )
    site = {"start": "/tzgg/index.htm", "/tzgg/index.htm": _page(f'{opener}<ul class="list">{rows}</ul>')}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert (column["entries"], column["status"], column["latest"]) == (10, "ok", "2026-09-25"), column["reason"]
    served = {e[0].full_path for e in httpserver.log}
    assert {f"/xxgk/detail.jsp?id={700 + i}" for i in range(10)} <= served


def test_a_column_named_by_its_breadcrumb_is_judged_by_its_own_entries_not_the_sidebars(httpserver, tmp_path):
    """Its own four entries date from March; the sidebar's 最新动态 from September: the column's latest is March's."""
    crumb = "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/xxgk/'>信息公开</a> &gt; 通知公告</div>"
    own, news = own_and_latest(4, 9)
    body = f"{crumb}<div class='right'><ul class='list'>{own}</ul></div><div class='side'><h3>最新动态</h3><ul>{news}</ul></div>"
    site = {"start": "/tzgg/index.htm", "/tzgg/index.htm": _page(body)}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert (column["entries"], column["latest"]) == (4, "2026-03-13")


def test_a_trs_column_named_by_nothing_is_judged_by_the_entries_in_its_folder(httpserver, tmp_path):
    """No heading or breadcrumb names the column; its own four March entries sit in its folder (TRS ./202603/t…),
    a longer 最新动态 of the news column's September entries beside them: the column's latest is March's (it read
    the sidebar's nine September entries before)."""
    own = "".join(
        f"<li><a href='./202603/t2026031{i}_{900 + i}.html'>关于2026年第{i}项工作安排的通知</a><span>2026-03-1{i}</span></li>"
        for i in range(4)
    )
    news = "".join(
        f"<li><a href='/xwzx/xxyw/202609/t2026091{i}_{500 + i}.html'>学校召开第{i}次工作会议</a><span>2026-09-1{i}</span></li>"
        for i in range(9)
    )
    body = (
        f"<div class='right'><ul class='list'>{own}</ul></div><div class='side'><h3>最新动态</h3><ul>{news}</ul></div>"
    )
    site = {"start": "/xxgk/tzgg/index.html", "/xxgk/tzgg/index.html": _page(body)}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert (column["entries"], column["latest"]) == (4, "2026-03-13"), column


def test_undated_column_of_short_document_titles_is_read_not_blank(httpserver, tmp_path):
    """A 规章制度 column lists its documents by short names, undated, beside a sidebar of sibling columns: the
    documents are its entries (the sidebar's section links are not), so the column is not blank."""
    names = ["学校章程", "学生手册", "教师手册", "财务制度", "资产管理办法", "科研管理办法", "招生章程"]
    docs = "".join(f'<li><a href="/info/1011/{3000 + i}.htm">{n}</a></li>' for i, n in enumerate(names))
    files = "".join(f'<li><a href="/upload/2026/{i}.pdf">{n}</a></li>' for i, n in enumerate(names))
    sidebar = '<ul class="sub"><li><a href="/xxgk/xxjj.htm">学校简介</a></li><li><a href="/xxgk/gzzd.htm">规章制度</a></li></ul>'
    site = {
        "start": "/xxgk/gzzd.htm",
        "/xxgk/gzzd.htm": _page(f'{sidebar}<ul class="list">{docs}</ul>'),
        "/xxgk/wjxz.htm": _page(f'{sidebar}<ul class="list">{files}</ul>'),
    }
    columns = [("规章制度", "/xxgk/gzzd.htm", [2], "党政办公室"), ("文件下载", "/xxgk/wjxz.htm", [3], "党政办公室")]
    for column in _check(httpserver, tmp_path, site, columns):
        assert column["entries"] == len(names), column
        assert column["status"] != "blank"
        if column["url"].endswith("gzzd.htm"):  # no date in the list or the addresses: dated from the articles
            assert column["latest"] == "2026-09-01", column


def test_blank_column_beside_a_dated_sidebar_is_blank(httpserver, tmp_path):
    """The column's own area says 暂无内容 while a sidebar lists the school's latest notices: the column is blank (the
    sidebar's entries are not its own); its twin whose own list is filled, with 暂无内容 in a sidebar widget, is not."""
    latest = "".join(
        f'<li><a href="/info/1001/{i}.htm">学校关于第{i}项工作安排的最新公告</a><span>{_day(i)}</span></li>'
        for i in range(6)
    )
    sidebar = f'<div class="side"><h3>最新公告</h3><ul>{latest}</ul></div>'
    tree = '<div class="left"><ul><li class="on"><a href="/xxgk/xsss.htm">学生申诉</a></li><li><a href="/xxgk/zszc.htm">招生章程</a></li></ul></div>'
    own = "".join(
        f'<li><a href="/info/1002/{i}.htm">学生申诉处理第{i}号决定公告</a><span>{_day(i)}</span></li>' for i in range(8)
    )

    def column_page(name: str, main: str, side: str) -> str:
        return _page(f'{tree}<div class="right"><div class="lm">{name}</div>{main}</div>{side}').replace(
            "通知公告-测试学院", f"{name}-测试学院"
        )

    site = {
        "start": "/xxgk/xsss.htm",
        "/xxgk/xsss.htm": column_page("学生申诉", '<div class="list">暂无内容</div>', sidebar),
        "/xxgk/sscl.htm": column_page(
            "申诉处理", f'<ul class="list">{own}</ul>', '<div class="side"><h3>相关下载</h3><p>暂无内容</p></div>'
        ),
    }
    columns = [("学生申诉", "/xxgk/xsss.htm", [2], "学生处"), ("申诉处理", "/xxgk/sscl.htm", [3], "学生处")]
    blank, filled = _check(httpserver, tmp_path, site, columns)
    assert blank["entries"] == 0 and blank["status"] == "blank"
    assert "暂无内容" in blank["reason"]
    assert filled["entries"] == 8 and filled["status"] == "ok"


def test_list_framed_from_another_site_is_unknown_not_blank(httpserver, tmp_path):
    """The column page frames a list served by another host (out of the crawl's scope): nothing is read, and the
    column is unknown with the reason, not blank."""
    frame = '<iframe src="http://list.example.net/tzgg/list.htm" width="100%" height="900"></iframe>'
    site = {"start": "/xxgk/tzgg.htm", "/xxgk/tzgg.htm": _page(f"<h2>通知公告</h2>{frame}")}
    columns = [("通知公告", site["start"], [2], "党政办公室")]
    (column,) = _check(httpserver, tmp_path, site, columns)
    assert column["entries"] == 0
    assert column["status"] not in ("blank", "ok")
    assert "内嵌框架" in column["reason"]


def test_an_entry_dated_in_the_future_does_not_keep_a_column_fresh(httpserver, tmp_path):
    """A pinned notice whose date is a typo (2062 for 2026) above entries of a year ago: the column is stale."""
    rows = '<li><a href="/info/1.htm">[置顶]关于信息公开工作的说明</a><span>2062-09-01</span></li>' + "".join(
        f'<li><a href="/info/{10 + i}.htm">通知标题第{i}号关于工作安排</a><span>2025-0{i + 1}-15</span></li>'
        for i in range(5)
    )
    site = {"start": "/tzgg/index.htm", "/tzgg/index.htm": _page(f'<ul class="list">{rows}</ul>')}
    # item 1 (办学基本情况) is annual: stale after a year without a dated update
    (column,) = _check(httpserver, tmp_path, site, [("学校概况", site["start"], [1], "党政办公室")])
    assert column["entries"] == 6
    assert column["status"] == "stale", column


def test_columns_drawn_by_scripts_are_unknown_never_blank(httpserver, tmp_path):
    """Newer disclosure sites are single-page apps (a Vue or React shell: <div id="app"></div> and scripts) or draw
    a table from a data address (layui table.render({url: …})): the static HTML holds no list, so the column is
    unknown with the reason; both were reported 空白栏目, and so was a Vue template whose own 暂无数据 placeholder
    (v-if="!list.length") shows until its list arrives. A CMS column that is really empty stays blank."""
    shell = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title><link href="/css/app.css" '
        'rel="stylesheet"></head><body><noscript>We are sorry but this site doesn\'t work properly without '
        'JavaScript enabled.</noscript><div id="app"></div><script src="/js/chunk-vendors.js"></script>'
        '<script src="/js/app.js"></script></body></html>'
    )
    layui = _page(
        '<table id="list" lay-filter="list"></table><script>layui.use("table", function () { layui.table.render('
        '{elem: "#list", url: "/xxgk/list.json", page: true}); });</script>'
    )
    vue = _page(  # the template's own placeholder, shown by v-if while the list it asks for is empty
        '<div id="app"><ul class="list"><li v-for="x in list"><a :href="x.url">{{x.title}}</a></li></ul>'
        '<p class="empty" v-if="!list.length">暂无数据</p></div><script>new Vue({el: "#app", data: {list: []}, '
        'mounted() { axios.get("/api/list?cid=12").then(r => { this.list = r.data.rows; }); }});</script>'
    )
    site = {
        "start": "/spa/",
        "/spa/": shell,
        "/xxgk/layui.htm": layui,
        "/xxgk/vue.htm": vue,
        "/xxgk/empty.htm": _page('<h2>通知公告</h2><ul class="list"></ul>'),
    }
    columns = [
        ("单页应用", "/spa/", [2], "党政办公室"),
        ("表格组件", "/xxgk/layui.htm", [3], "党政办公室"),
        ("模板占位", "/xxgk/vue.htm", [5], "党政办公室"),
        ("空栏目", "/xxgk/empty.htm", [4], "党政办公室"),
    ]
    spa, table, template, empty = _check(httpserver, tmp_path, site, columns)
    for column in (spa, table, template):
        assert column["status"] == "unknown", column
        assert "脚本" in column["reason"]
    assert empty["status"] == "blank"


def test_lists_templated_for_external_scripts_are_unknown_never_blank(httpserver, tmp_path):
    """A production build keeps its code in a file of its own (/js/list.js): the page holds only the list's
    template — Vue's v-for, Angular's ng-repeat, an art-template in <script type="text/html">, a <template> row —
    and no script in the page names where the data comes from. Such columns were reported 空白栏目; they are
    unknown, saying the browser draws the list. A page that is itself the content (学校简介) beside a Vue widget
    is still read as content, and a CMS column that is really empty stays blank, a visit counter's placeholder
    ({{ count }}) in its footer being no list."""
    external = '<script src="/js/jquery.min.js"></script><script src="/js/list.js"></script>'
    vue = (
        '<div id="app"><ul><li v-for="x in list"><a :href="x.url">{{ x.title }}</a><span>{{ x.date }}</span></li></ul>'
    )
    angular = (
        '<ul ng-controller="ListCtrl"><li ng-repeat="x in items"><a ng-href="/a/{{x.id}}.htm">{{x.title}}</a></li>'
    )
    art = (
        '<ul id="list"></ul><script type="text/html" id="tpl">{{each list x}}<li><a href="/a/{{x.id}}.htm">{{x.title}}'
    )
    row = '<ul id="list"></ul><template id="row"><li><a class="t"></a><span class="d"></span></li></template>'
    prose = "".join(
        f"<p>测试学院始建于1958年，是一所以工为主、多学科协调发展的高等学校，第{i}段介绍学校的历史沿革与办学特色。</p>"
        for i in range(8)
    )
    site = {
        "start": "/xxgk/vue.htm",
        "/xxgk/vue.htm": _page(vue + "</div>" + external),
        "/xxgk/angular.htm": _page(angular + "</ul>" + external),
        "/xxgk/art.htm": _page(art + "</li></script>" + external),
        "/xxgk/row.htm": _page(row + external),
        "/xxgk/xxjj.htm": _page(f"<h2>学校简介</h2>{prose}<div id='app'><span>{{{{ visits }}}}</span></div>{external}"),
        "/xxgk/empty.htm": _page(f'<h2>通知公告</h2><ul class="list"></ul><p>访问量：{{{{ count }}}}</p>{external}'),
    }
    columns = [
        (name, f"/xxgk/{name}.htm", [4], "党政办公室") for name in ("vue", "angular", "art", "row", "xxjj", "empty")
    ]
    *templated, content, empty = _check(httpserver, tmp_path, site, columns)
    for column in templated:
        assert column["status"] == "unknown", column
        assert "模板在浏览器中绘制" in column["reason"], column
    assert content["status"] != "blank" and content["entries"] == 1, content
    assert empty["status"] == "blank", empty


def test_short_single_page_columns_are_content_never_blank(httpserver, tmp_path):
    """Many disclosure columns are one short page: the office's contact lines (联系方式), a small fee table
    (收费项目), an uploaded chart (机构设置), a one-line statement (我校无校办企业). Under 200 characters of running
    text they were reported 空白栏目. What the page shows under the heading naming the column now counts; a blank
    column showing there only its empty list and pager (even under a line describing the column), or with a contact
    box in its sidebar beside a breadcrumb naming it, stays blank."""

    def page(name: str, body: str) -> str:
        return _page(body).replace("<title>通知公告-测试学院</title>", f"<title>{name}-测试学院</title>")

    contact = (
        "<p>受理机构：党政办公室</p><p>办公地址：行政楼301室</p><p>联系电话：0591-12345678</p><p>受理时间：工作日</p>"
    )
    fees = "<table><tr><td>项目</td><td>标准</td></tr><tr><td>学费</td><td>5000元/年</td></tr><tr><td>住宿费</td><td>1200元/年</td></tr></table>"
    side = "<div class='sidebox'><p>联系我们：某某市某某路1号，党政办公室，电话0591-12345678</p></div>"
    site = {
        "start": "/xxgk/lxfs.htm",
        "/xxgk/lxfs.htm": page("联系方式", f"<h2>联系方式</h2><div class='content'>{contact}</div>"),
        "/xxgk/sfxm.htm": page("收费项目", f"<div class='tit'><h2>收费项目</h2></div><div class='con'>{fees}</div>"),
        "/xxgk/jgsz.htm": page(
            "机构设置", "<h2>机构设置</h2><p><img src='/uploads/2026/jgsz.jpg' alt='组织机构图'></p>"
        ),
        "/xxgk/xbqy.htm": page("校办企业", "<h2>校办企业</h2><p>我校无校办企业。</p>"),
        "/xxgk/tzgg.htm": page(
            "通知公告", "<h2>通知公告</h2><ul class='list'></ul><div>首页 上一页 下一页 尾页 当前第1页</div>"
        ),
        "/xxgk/gsgg.htm": page(
            "公示公告",
            f"<div class='dqwz'>当前位置：<a href='/'>首页</a> &gt; <span>公示公告</span></div>{side}<ul></ul>",
        ),
    }
    site["/xxgk/cwzc.htm"] = page(
        "财务资产", "<h2>财务资产</h2><p>本栏目公开学校财务、资产及收费信息。</p><ul class='list'></ul>"
    )
    links = "".join(
        f"<a href='http://www.{k}.cn/'>{n}</a> " for k, n in [("moe", "教育部"), ("chsi", "学信网阳光高考")]
    )
    site["/xxgk/xgxx.htm"] = page("相关信息", f"<h2>相关信息</h2><p>相关链接：{links}</p>")
    site["/xxgk/xxgkzn.htm"] = page("公开指南", f"<h2>公开指南</h2><div class='inside'>{contact}</div>")
    search = "<form action='/search'><label>关键字：</label><input name='q'><label>发布机构：</label><input type='submit'></form>"
    header = "<table class='list'><tr><th>序号</th><th>索引号</th><th>文件标题</th><th>发布日期</th></tr></table>"
    site["/xxgk/kong.htm"] = page("空栏目", "<h2>空栏目</h2><div class='con'><p>当前栏目下还没有任何信息</p></div>")
    site["/xxgk/gkml.htm"] = page(
        "公开目录", f"<h2>公开目录</h2>{search}{header}<p>本栏目信息由党政办公室负责发布和维护。</p>"
    )
    names = ("lxfs", "sfxm", "jgsz", "xbqy", "xxgkzn", "tzgg", "gsgg", "cwzc", "xgxx", "gkml", "kong")
    columns = [(name, f"/xxgk/{name}.htm", [4], "党政办公室") for name in names]
    *shown, blank, crumb, described, linked, catalogue, said_empty = _check(httpserver, tmp_path, site, columns)
    for column in shown:
        assert column["status"] != "blank", column
    assert [c["entries"] for c in shown] == [1, 1, 1, 0, 1]  # (the statement stands for the column, as 本校无此项)
    assert blank["status"] == "blank", blank
    assert crumb["status"] == "blank", crumb
    assert described["status"] == "blank", described  # a line describing the column above its empty list
    assert linked["status"] == "blank", linked  # links to other sites are no content of its own
    assert catalogue["status"] == "blank", catalogue  # a search form and a table's header row, no document
    assert said_empty["status"] == "blank", said_empty  # saying it has nothing, in words no marker lists


def test_a_column_behind_a_sign_in_page_is_reported_not_public_never_blank(httpserver, tmp_path):
    """The column redirects to the college's sign-in page (统一身份认证): the public cannot read it, so the column is
    reported as not opening, saying a login is asked; it was reported 空白栏目. An empty column whose page carries a
    login widget among its menus (older ASP sites) is still blank."""
    sign_in = (
        '<html><head><meta charset="utf-8"><title>统一身份认证平台</title></head><body><form id="casLoginForm" '
        'method="post" action="/authserver/login?service=%2Fxxgk%2Fcwxx.htm"><input id="username" name="username">'
        '<input id="password" name="password" type="password"><a href="/authserver/getBackPassword.do">忘记密码？</a>'
        '<button type="submit">登录</button></form><div class="footer">版权所有 © 测试学院 信息化中心</div></body></html>'
    )
    widget = '<div class="login">会员登录 用户名<input name="u"> 密码<input type="password" name="p"></div>'
    site = {
        "start": "/xxgk/cwxx.htm",
        "/authserver/login?service=%2Fxxgk%2Fcwxx.htm": sign_in,
        "/xxgk/kong.htm": _page(f'{widget}<h2>通知公告</h2><ul class="list"></ul>'),
    }
    httpserver.expect_request("/xxgk/cwxx.htm").respond_with_response(
        Response("", status=302, headers={"Location": "/authserver/login?service=%2Fxxgk%2Fcwxx.htm"})
    )  # registered first, so it answers before the site's pages
    _serve(httpserver, site)
    columns = [("财务信息", "/xxgk/cwxx.htm", [19], "财务处"), ("空栏目", "/xxgk/kong.htm", [4], "党政办公室")]
    path = tmp_path / "config.toml"
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    wall, empty = service.check(load_config(path), NOW).document["columns"]
    assert wall["status"] == "broken" and "要求登录" in wall["reason"], wall
    assert empty["status"] == "blank"


def test_addresses_that_land_on_the_home_page_are_gone_not_fresh(httpserver, tmp_path):
    """Many CMSs answer a deleted column or article by redirecting to the home page. Read as the column, the home
    page's news made a deleted column look fresh; now the column, and an article link sent home, are reported
    as not opening, saying where they landed."""
    rows = "".join(
        f'<li><a href="/info/1011/{100 + i}.htm">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>'
        for i in range(8)
    )
    site = {
        "start": "/index.htm",
        "/index.htm": _page(f'<h2>学校要闻</h2><ul class="list">{rows}</ul>'),
        "/xxgk/ok.htm": _page(
            '<ul class="list"><li><a href="/info/1011/999.htm">已删除的通知</a><span>2026-09-20</span></li>'
            '<li><a href="/info/1011/998.htm">仍在的通知</a><span>2026-09-19</span></li></ul>'
        ),
    }
    for gone in ("/xxgk/old.htm", "/info/1011/999.htm"):
        httpserver.expect_request(gone).respond_with_response(
            Response("", status=302, headers={"Location": "/index.htm"})
        )
    _serve(httpserver, site)
    columns = [("已删除栏目", "/xxgk/old.htm", [2], "党政办公室"), ("在用栏目", "/xxgk/ok.htm", [3], "党政办公室")]
    path = tmp_path / "config.toml"
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    document = service.check(load_config(path), NOW).document
    gone, kept = document["columns"]
    assert gone["status"] == "broken" and "首页" in gone["reason"], gone
    assert kept["status"] == "ok" and kept["entries"] == 2
    broken = [f for f in document["findings"] if f["kind"] == "broken"]
    assert any("999.htm" in f["url"] and "首页" in f["detail"] for f in broken), broken


def test_an_empty_column_beside_the_sites_latest_notices_is_blank(httpserver, tmp_path):
    """Templates show the site's latest notices beside every column. A column whose own list is empty, saying
    nothing (no 暂无内容), read as the widget's entries and looked up to date; it is blank now. Its twin with a
    filled list of its own, and one page of it (an empty pager), stays ok."""
    latest = "".join(
        f'<li><a href="/info/1001/{i}.htm">学校关于第{i}项工作安排的最新公告</a><span>{_day(i)}</span></li>'
        for i in range(6)
    )
    side = f'<div class="right"><div class="hd"><h3>最新公告</h3></div><ul class="news">{latest}</ul></div>'
    own = "".join(
        f'<li><a href="/info/1002/{i}.htm">学生申诉处理第{i}号决定公告</a><span>{_day(i)}</span></li>' for i in range(4)
    )

    def column_page(name: str, items: str) -> str:
        main = f'<div class="left"><div class="lm"><h2>{name}</h2></div><ul class="list">{items}</ul><div class="pages"></div></div>'
        return _page(main + side).replace("通知公告-测试学院", f"{name}-测试学院")

    loader = '<script>$.ajax({url: "/api/list?col=12", success: function (r) { $("ul.list").html(r); }});</script>'
    site = {
        "start": "/xxgk/xsss.htm",
        "/xxgk/xsss.htm": column_page("学生申诉", ""),
        "/xxgk/sscl.htm": column_page("申诉处理", own),
        # its own list filled by a script: not known to be blank
        "/xxgk/jbxx.htm": column_page("基本信息", "").replace("</body>", f"{loader}</body>"),
    }
    columns = [
        ("学生申诉", "/xxgk/xsss.htm", [2], "学生处"),
        ("申诉处理", "/xxgk/sscl.htm", [3], "学生处"),
        ("基本信息", "/xxgk/jbxx.htm", [4], "学生处"),
    ]
    blank, filled, scripted = _check(httpserver, tmp_path, site, columns)
    assert blank["status"] == "blank" and "最新公告" in blank["reason"], blank
    assert filled["status"] == "ok" and filled["entries"] == 4
    assert scripted["status"] == "unknown" and "脚本" in scripted["reason"], scripted


@pytest.mark.parametrize(
    ("asked", "landed", "home"),
    [
        ("http://www.x.edu.cn/xxgk/tzgg.htm", "http://www.x.edu.cn/index.htm", True),
        ("http://x.edu.cn/info/1011/9.htm", "https://x.edu.cn/", True),
        ("http://www.x.edu.cn/xxgk/", "https://xxgk.x.edu.cn/", False),  # moved to the disclosure site's own host
        ("http://www.x.edu.cn/xxgk", "http://www.x.edu.cn/xxgk/", False),
        ("http://www.x.edu.cn/", "https://www.x.edu.cn/index.htm", False),  # the home page asked for
        ("http://www.x.edu.cn/xxgk/a.htm", "http://www.x.edu.cn/index.jsp?urltype=tree.TreeTempUrl&wbtreeid=1", False),
    ],
)
def test_which_redirects_land_on_the_home_page(asked, landed, home):
    from monitor.crawl import _sent_home
    from monitor.fetch import Response as Fetched

    assert _sent_home(Fetched(asked, landed, 200)) is home


def test_an_article_behind_a_sign_in_page_is_a_broken_link(httpserver, tmp_path):
    """An entry whose article lands on the sign-in page (统一身份认证) is not public: a broken link saying a login is
    asked, while its public sibling is fine."""
    sign_in = (
        '<html><head><meta charset="utf-8"><title>统一身份认证平台</title></head><body><form method="post">'
        '<input name="username"><input name="password" type="password"><button type="submit">登录</button></form>'
        "</body></html>"
    )
    rows = (
        '<li><a href="/info/1011/1.htm">公开的通知</a><span>2026-09-20</span></li>'
        '<li><a href="/info/1011/2.htm">需要登录的通知</a><span>2026-09-19</span></li>'
    )
    site = {
        "start": "/xxgk/tzgg.htm",
        "/xxgk/tzgg.htm": _page(f'<ul class="list">{rows}</ul>'),
        "/authserver/login?service=%2Finfo%2F1011%2F2.htm": sign_in,
    }
    httpserver.expect_request("/info/1011/2.htm").respond_with_response(
        Response("", status=302, headers={"Location": "/authserver/login?service=%2Finfo%2F1011%2F2.htm"})
    )  # registered first, so it answers before the site's pages
    _serve(httpserver, site)
    path = tmp_path / "config.toml"
    columns = [("通知公告", "/xxgk/tzgg.htm", [2], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    document = service.check(load_config(path), NOW).document
    broken = [f for f in document["findings"] if f["kind"] == "broken"]
    assert len(broken) == 1 and "2.htm" in broken[0]["url"] and "要求登录" in broken[0]["detail"], broken


def test_a_single_page_column_is_its_own_content_not_blank(httpserver, tmp_path):
    """A column that is a page of content (学校简介, 信息公开指南: no list, paragraphs of text) has been published:
    one entry, the page itself, dated by its own date line; not 空白栏目."""
    intro = "测试职业技术学院创建于1958年，是经教育部批准设立的全日制普通高等职业院校，学校占地面积1200亩。" * 5
    body = f"<h1>学校简介</h1><p>{intro}</p><p>{intro}</p><p>发布时间：2026-09-20</p>"
    site = {"start": "/xxgk/xxjj.htm", "/xxgk/xxjj.htm": _page(body)}
    (column,) = _check(httpserver, tmp_path, site, [("学校概况", site["start"], [1], "党政办公室")])
    assert column["entries"] == 1 and column["status"] == "ok", column
    assert column["latest"] == "2026-09-20"
    assert "单页栏目" in column["reason"]  # said, so that "1 条" reads right


def test_a_column_whose_entries_are_not_read_but_whose_pager_goes_on_is_unknown(httpserver, tmp_path):
    """Entries written in a way the reader does not know (cards of slugs, undated) above a pager to page 2: the
    column has entries, so it is unknown with the reason, never blank."""
    cards = "".join(
        f'<div class="card"><h2><a href="/news/story-about-the-campus-{i}/">Story {i}</a></h2></div>' for i in range(5)
    )
    pager = '<div class="pagination"><span>1</span><a href="/xxgk/tzgg/page/2/">2</a></div>'
    site = {"start": "/xxgk/tzgg/", "/xxgk/tzgg/": _page(cards + pager), "/xxgk/tzgg/page/2/": _page(cards)}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert column["entries"] == 0 and column["status"] not in ("blank", "ok"), column
    assert "翻页" in column["reason"]


def test_a_blank_column_with_a_tag_managers_hidden_frame_is_blank(httpserver, tmp_path):
    """A tag manager's 0×0 hidden iframe (or a video embed) is not the column's list in a frame: the blank column
    is blank, not unknown for a frame."""
    gtm = (
        '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0" '
        'style="display:none;visibility:hidden"></iframe></noscript>'
    )
    site = {"start": "/xxgk/tzgg/", "/xxgk/tzgg/": _page(f"<h2>通知公告</h2>{gtm}<p>暂无内容</p>")}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert column["status"] == "blank", column


def test_a_list_carried_as_records_in_a_script_is_read_not_blank(httpserver, tmp_path):
    """The column's records are JSON in the page's script, dated by timestamps (no date a reader finds in text),
    drawn by the script into its empty list: they are the column's entries, dated (it was unknown; before that,
    blank). A script menu of short labels (首页, 学校概况) is no such list: that column stays blank."""
    records = ",".join(
        f'{{"title":"关于做好第{i}批专项工作的通知","url":"/info/{i}.htm","datetime":{1790000000 + i * 86400}}}'
        for i in range(5)
    )
    menu = ",".join(f'{{"title":"{t}","url":"/{i}/"}}' for i, t in enumerate(["首页", "学校概况", "信息公开"]))
    script = f'<script>var msgList = {{"list":[{records}]}}; render(msgList);</script>'
    site = {
        "start": "/xxgk/tzgg/",
        "/xxgk/tzgg/": _page(f'<h2>通知公告</h2><div id="list"></div>{script}'),
        "/xxgk/jggk/": _page(f'<h2>机构概况</h2><div id="list"></div><script>var menu = [{menu}];</script>'),
    }
    columns = [("通知公告", site["start"], [2], "党政办公室"), ("机构概况", "/xxgk/jggk/", [2], "党政办公室")]
    drawn, blank = _check(httpserver, tmp_path, site, columns)
    assert drawn["entries"] == 5 and drawn["status"] == "ok", drawn
    assert drawn["latest"] == "2026-09-25"  # 1790345600 s: 25 September 2026, 22:13 China time
    assert blank["status"] == "blank", blank


def test_a_list_frame_grown_by_script_from_height_zero_is_read(httpserver, tmp_path):
    """<iframe src=list height="0" width="100%" onload=…>: the list frame starts at height 0 and a script sizes it
    to its content; it is the column's list, read, not skipped as a hidden tracker."""
    rows = "".join(
        f'<li><a href="/info/{i}.htm">通知标题第{i}号关于工作安排</a><span>2026-09-0{i}</span></li>'
        for i in range(1, 6)
    )
    frame = '<iframe src="/xxgk/tzgg_list.htm" width="100%" height="0" onload="this.height=this.contentWindow.document.body.scrollHeight"></iframe>'
    site = {
        "start": "/xxgk/tzgg.htm",
        "/xxgk/tzgg.htm": _page(f"<h2>通知公告</h2>{frame}"),
        "/xxgk/tzgg_list.htm": _page(f"<ul>{rows}</ul>"),
    }
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert column["entries"] == 5 and column["status"] == "ok", column


def test_a_column_that_shows_a_document_is_not_blank(httpserver, tmp_path):
    """信息公开指南 shown as an embedded PDF (or a pdf.js viewer of it), 学校章程 as one linked PDF or one linked
    article: each column has published its document, which is its entry; not 空白栏目."""
    pdf = "/upload/2025/xxgkzn.pdf"
    site = {
        "start": "/xxgk/zn.htm",
        "/xxgk/zn.htm": _page(f'<h2>信息公开指南</h2><embed src="{pdf}" width="100%" height="800">'),
        "/xxgk/zn2.htm": _page(f'<h2>信息公开指南</h2><iframe src="/pdfjs/web/viewer.html?file={pdf}"></iframe>'),
        # a linked file counts under the heading naming the column (as the page title does)
        "/xxgk/zc.htm": _page(
            '<h2>学校章程</h2><p>附件：<a href="/upload/zc.pdf">测试学院章程（2025年修订）.pdf</a></p>'
        ).replace("通知公告-测试学院", "学校章程-测试学院"),
    }
    # 学校章程 again, as the one article it links to under its heading
    one = '<h2>学校章程</h2><div class="list"><a href="/info/1011/3030.htm">测试学院章程（2025年修订）</a></div>'
    site["/xxgk/zc2.htm"] = _page(one).replace("通知公告-测试学院", "学校章程-测试学院")
    columns = [
        (name, path, [1], "党政办公室")
        for name, path in (("指南", "/xxgk/zn.htm"), ("指南2", "/xxgk/zn2.htm"), ("章程", "/xxgk/zc.htm"))
    ] + [("章程2", "/xxgk/zc2.htm", [1], "党政办公室")]
    for column in _check(httpserver, tmp_path, site, columns):
        assert column["entries"] == 1 and column["status"] != "blank", column
        assert "栏目页面只展示或链接了" in column["reason"], column


def _check_files(httpserver, tmp_path, rows: str, stamps: dict[str, str], default: str | None = None) -> dict:
    """Check a column (item 1: annual, stale if undated) listing ``rows`` of files, each answering with the
    Last-Modified ``stamps`` gives it, else ``default``, else the moment of the request (as a download script does:
    the same as the Date header the server sends), and return its JSON."""

    def handler(request: Request) -> Response:
        if request.path == "/xxgk/gzzd/list.htm":
            return Response(_page(f"<ul>{rows}</ul>"), content_type="text/html; charset=utf-8")
        stamp = stamps.get(request.path, default) or email.utils.formatdate(usegmt=True)
        return Response(b"%PDF-1.4 ", content_type="application/pdf", headers={"Last-Modified": stamp})

    httpserver.clear()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    path = tmp_path / "config.toml"
    columns = [("办学基本情况", "/xxgk/gzzd/list.htm", [1], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    (column,) = service.check(load_config(path), NOW).document["columns"]
    return column


def test_an_undated_list_of_uploaded_files_is_dated_by_the_files_days_on_the_server(httpserver, tmp_path):
    """A column of uploaded PDFs with no date beside them (规章制度, 年度报告): each file's Last-Modified dates its entry,
    so a column updated last week is not called stale for having no dates. A download script answering with the
    moment of the request (Last-Modified the same as the response's Date) dates nothing; a file uploaded three hours
    before the check dates the column that day."""
    rows = "".join(
        f'<li><a href="/upload/2026/{n}.pdf">学校信息公开实施办法（第{n}次修订）.pdf</a></li>' for n in range(1, 4)
    )
    rows += '<li><a href="/download.jsp?id=4">学校章程（2026年修订）.pdf</a></li>'
    stamps = {
        "/upload/2026/1.pdf": "Wed, 23 Sep 2026 02:00:00 GMT",
        "/upload/2026/2.pdf": "Fri, 05 Jun 2026 09:00:00 GMT",
        "/upload/2026/3.pdf": "garbage",
    }
    column = _check_files(httpserver, tmp_path, rows, stamps)  # download.jsp: the moment of the request
    assert (column["entries"], column["undated"], column["latest"]) == (4, 2, "2026-09-23"), column
    assert column["status"] == "ok", column
    rows += '<li><a href="/upload/2026/5.pdf">学校信息公开实施办法（第5次修订）.pdf</a></li>'
    stamps["/upload/2026/5.pdf"] = "Tue, 29 Sep 2026 21:00:00 GMT"  # three hours before NOW: 05:00 on 30 Sep, China
    column = _check_files(httpserver, tmp_path, rows, stamps)
    assert (column["entries"], column["undated"], column["latest"]) == (5, 2, "2026-09-30"), column


def test_a_column_stale_by_its_files_days_says_the_days_are_the_files(httpserver, tmp_path):
    """The same list, its files last changed in 2024: stale, and the reason says the day is a file's on its server
    (it may be the day a site was moved), not one the list states."""
    rows = "".join(
        f'<li><a href="/upload/2024/{n}.pdf">学校信息公开实施办法（第{n}次修订）.pdf</a></li>' for n in (1, 2)
    )
    column = _check_files(httpserver, tmp_path, rows, {}, "Tue, 05 Mar 2024 02:00:00 GMT")
    assert (column["status"], column["latest"]) == ("stale", "2024-03-05"), column
    assert "取自文件在服务器上的修改时间" in column["reason"], column["reason"]


def test_an_article_listed_in_two_columns_of_one_item_makes_one_finding(httpserver, tmp_path):
    """The same broken article listed in two columns mapped to one checklist item: one finding (the run crashed on
    the store's unique index of open findings, and nothing of the run was recorded)."""
    rows = '<ul class="list"><li><a href="/info/gone">关于调整作息时间的通知</a><span>2026-09-20</span></li>'
    rows += '<li><a href="/info/1.htm">关于开展安全检查工作的通知</a><span>2026-09-18</span></li></ul>'
    site = {"start": "/a/list.htm", "/a/list.htm": _page(rows), "/b/list.htm": _page(rows)}
    columns = [("通知公告", "/a/list.htm", [2], "党政办公室"), ("通知公告二", "/b/list.htm", [2], "党政办公室")]
    first, second = _check(httpserver, tmp_path, site, columns)
    assert first["entries"] == second["entries"] == 2


def test_a_blank_column_beside_a_form_to_download_is_blank(httpserver, tmp_path):
    """Every page of the 信息公开 site has a sidebar box with the application form to download (申请表.doc): a blank
    column beside it has not published that file; it stays blank (a linked file counts under the column's heading)."""
    side = '<div class="box"><h3>依申请公开</h3><p><a href="/upload/sqb.doc">信息公开申请表下载</a></p></div>'
    page = _page(f'{side}<div class="con"><h2>学校章程</h2></div>').replace("通知公告-测试学院", "学校章程-测试学院")
    site = {"start": "/xxgk/zc.htm", "/xxgk/zc.htm": page}
    (column,) = _check(httpserver, tmp_path, site, [("学校章程", site["start"], [1], "党政办公室")])
    assert column["status"] == "blank" and column["entries"] == 0, column


@pytest.mark.parametrize("proxy", ["robots", "server error"])
def test_a_dahan_proxy_that_cannot_be_read_leaves_the_column_incomplete_saying_why(proxy, httpserver, tmp_path):
    # robots.txt forbids /module/, or dataproxy.jsp fails: the 15 records the page carries are read, the column says
    # it is short of its 25, and the run is partial (judged on less), as for any list read in part
    site = dahan_site(all_records=False)
    if proxy == "robots":
        site["/robots.txt"] = "User-agent: *\nDisallow: /module/\n"
    else:
        httpserver.expect_request(re.compile(r".*/dataproxy\.jsp")).respond_with_data("error", status=500)
    _serve(httpserver, site)
    path = tmp_path / "config.toml"
    path.write_text(
        config_text(
            httpserver.url_for("/").rstrip("/"),
            str(tmp_path / "m.db"),
            columns=[("通知公告", site["start"], [2], "党政办公室")],
        ),
        "utf-8",
    )
    document = service.check(load_config(path), NOW).document
    (column,) = document["columns"]
    assert (column["entries"], column["complete"]) == (15, False)
    assert column["reason"] == "列表显示共 25 条，只读到 15 条"
    assert document["run"]["status"] == "partial"


@pytest.mark.parametrize(("total", "status"), [("totalRecord: 0, ", "blank"), ("", "unknown")])
def test_an_empty_dahan_column_is_blank_only_when_its_page_says_0(total, status, httpserver, tmp_path):
    """大汉's empty recordset with the page's totalRecord: 0 is a blank column; with no count stated, a script may
    still fill it: unknown, never blank."""
    body = (
        '<div id="4567"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/'
        'dataproxy.jsp?page=1&webid=1&columnid=1234&unitid=4567"></a>]]></nextgroup><recordset></recordset>'
        '</datastore></script></div><script language="javascript" src="/module/web/jpage/jpage.js"></script>'
        f"<script>var jpage = new JPage({{ unitid: 4567, perPage: 15, {total}proxyUrl: '/module/web/jpage/dataproxy.jsp' }});</script>"
    )
    site = {"start": "/col/col1234/index.html", "/col/col1234/index.html": _page(body)}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    assert (column["entries"], column["status"]) == (0, status), column["reason"]


@pytest.mark.parametrize("written", ["/list.asp?class=通知公告", "/list.asp?class=%CD%A8%D6%AA%B9%AB%B8%E6"])
def test_a_gbk_sites_chinese_query_is_sent_as_its_browsers_send_it(httpserver, tmp_path, written):
    """An ASP site in GBK names its column in the query (list.asp?class=通知公告&page=2): a browser sends the query
    in the page's encoding (%CD%A8%D6%AA…), and the server reads it so; sent as UTF-8 it is another column's
    nothing. Every page is read, and each entry's file (down.asp?file=名单.xls) is checked as the browser asks it;
    the column's own address, written in Chinese in config.toml, is sent in the site's encoding (its home page's)."""
    from urllib.parse import quote

    def page(n: int) -> bytes:
        a, b = SPLIT[n]
        rows = "".join(
            f'<tr><td><a href="down.asp?file=第{i}号名单.xls">通知标题第{i}号关于工作安排</a></td><td>{_day(i)}</td></tr>'
            for i in range(a, b)
        )
        links = " ".join(f'<a href="list.asp?class=通知公告&page={k}">{k}</a>' for k in (1, 2, 3) if k != n + 1)
        return _page(f"<table>{rows}</table><div class='page'>共25条 {links}</div>", "gbk").encode(
            "gbk", "xmlcharrefreplace"
        )

    wanted = {quote("通知公告", encoding="gbk"): True}

    def handler(request: Request) -> Response:
        args = dict(p.split("=", 1) for p in request.query_string.decode("ascii").split("&") if "=" in p)
        if request.path.endswith("/list.asp") and args.get("class") in wanted:
            return Response(page(int(args.get("page", "1")) - 1), content_type="text/html; charset=gbk")
        if request.path.endswith("/down.asp"):  # the file its GBK name names; none for another name
            found = args.get("file", "").startswith(quote("第", encoding="gbk"))
            return Response(b"xls", content_type="application/vnd.ms-excel", status=200 if found else 404)
        if request.path == "/":  # the home page, in GBK like the rest of the site
            return Response(
                _page("<h1>测试学院</h1>", "gbk").encode("gbk", "xmlcharrefreplace"), content_type="text/html"
            )
        return Response("<html><body>参数错误</body></html>".encode("gbk"), content_type="text/html; charset=gbk")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    path = tmp_path / "config.toml"
    columns = [("通知公告", written, [2], "党政办公室")]  # as written in config.toml: the column named in Chinese
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    document = service.check(load_config(path), NOW).document
    (column,) = document["columns"]
    assert (column["entries"], column["complete"]) == (25, True), column["reason"]
    assert not [f for f in document["findings"] if f["kind"] == "broken"]


def test_a_pager_that_never_ends_stops_when_a_page_brings_nothing_new(httpserver, tmp_path):
    """An ASP pager that always links 下一页 to page N+1, and answers any page past the last with the last one: the
    walk stops at the first page that adds no entry (the list is read whole), not after max_pages_per_column
    requests, called incomplete."""

    def page(n: int) -> str:
        a, b = SPLIT[min(n, 3) - 1]
        rows = "".join(
            f'<li><a href="/show.asp?id={300 + i}">通知标题第{i}号关于工作安排</a><span>{_day(i)}</span></li>'
            for i in range(a, b)
        )
        return _page(f'<ul>{rows}</ul><div class="page"><a href="/list.asp?page={n + 1}">下一页</a></div>')

    def handler(request: Request) -> Response:
        if request.path == "/list.asp":
            return Response(page(int(request.args.get("page", "1"))), content_type="text/html; charset=utf-8")
        return Response(_page("<h1>通知</h1><p>发布时间：2026-09-01</p>"), content_type="text/html; charset=utf-8")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    path = tmp_path / "config.toml"
    columns = [("通知公告", "/list.asp", [2], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    (column,) = service.check(load_config(path), NOW).document["columns"]
    assert (column["entries"], column["complete"], column["status"]) == (25, True, "ok"), column["reason"]
    assert len([e for e in httpserver.log if e[0].path == "/list.asp"]) == 4  # pages 1-3, and 4: nothing new


def _webplus_page(name: str, menu_head: str, main: str, side: str = "") -> str:
    """A WebPlus column page: its left menu (the sub-columns of ``menu_head``) over ``side``, its own area ``main``."""
    menu = "".join(
        f'<li class="wp_column column-{i}"><a title="{n}" href="/{s}/list.htm" class="col_item_link">'
        f'<span class="column-name">{n}</span></a></li>'
        for i, (n, s) in enumerate(_WP_SUBCOLUMNS, 1)
    )
    left = (
        f'<div class="col_menu"><div class="col_menu_head"><h3 class="col_name"><span class="col_name_text">{menu_head}'
        f'</span></h3></div><div class="col_menu_con"><ul class="wp_listcolumn">{menu}</ul></div></div>'
    )
    crumb = f'<div class="col_path">当前位置：<a href="/main.htm">首页</a> &gt; <span>{name}</span></div>'
    body = (
        f'<div class="l-container"><div class="col_menu_l">{left}{side}</div><div class="col_news">'
        f'<div class="col_news_head"><h2 class="col_title">{name}</h2>{crumb}</div><div class="col_news_con">{main}'
        "</div></div></div>"
    )
    return _page(body).replace("通知公告-测试学院", f"{name}-测试学院")


_WP_SUBCOLUMNS = [("招生章程", "zszc"), ("招生计划", "zsjh"), ("录取信息", "lqxx"), ("特殊类型招生", "tslx")]


def _webplus_box(n: int, name: str, slug: str, items: list[tuple[str, str]]) -> str:
    """A WebPlus box: its heading wrapped with its 更多 link (<div class="tt"><h2>…</h2><div class="more_btn">…)."""
    lis = "".join(
        f'<li class="news n{j} clearfix"><span class="news_title"><a href="/2026/0520/c{1000 + n}a{5000 + 10 * n + j}'
        f'/page.htm" title="{t}">{t}</a></span><span class="news_meta">{d}</span></li>'
        for j, (t, d) in enumerate(items)
    )
    return (
        f'<div class="post post{n} mbox"><div class="tt"><h2 class="tit"><span class="title">{name}</span></h2>'
        f'<div class="more_btn"><a class="more" href="/{slug}/list.htm">更多</a></div></div>'
        f'<div class="con"><ul class="news_list list1">{lis}</ul></div></div>'
    )


def test_a_webplus_column_of_sub_column_boxes_is_read_whole_and_a_blank_one_beside_boxes_is_blank(httpserver, tmp_path):
    """WebPlus gives every column an address of its own (/zszc/list.htm, not below /zsksxx/). A parent column shows a
    box per sub-column, each with its 更多, listed in the menu headed by the column's name: all its boxes are its
    entries (its newest is 录取信息's, not the biggest box's). A blank sub-column beside boxes of other columns
    (学校新闻, 通知公告) read as up to date from the row holding them both; it is blank."""
    boxes = [
        (
            "招生章程",
            "zszc",
            [("某某大学2026年本科招生章程", "2026-05-20"), ("某某大学2025年本科招生章程", "2025-05-22")],
        ),
        ("招生计划", "zsjh", [("2026年分省分专业招生计划", "2026-06-10"), ("2025年分省分专业招生计划", "2025-06-12")]),
        ("录取信息", "lqxx", [("2026年各省录取最低分数线", "2026-08-20")]),
        ("特殊类型招生", "tslx", []),
    ]
    parent = "".join(_webplus_box(n, *box) for n, box in enumerate(boxes, 1))
    side = _webplus_box(1, "学校新闻", "xwzx", [("学校召开2026年秋季开学工作会议", "2026-09-01")]) + _webplus_box(
        2, "通知公告", "tzgg", [("关于国庆节放假安排的通知", "2026-09-25"), ("关于开展教职工体检的通知", "2026-09-21")]
    )
    site = {
        "start": "/zsksxx/list.htm",
        "/zsksxx/list.htm": _webplus_page("招生考试信息", "招生考试信息", parent),
        "/tslx/list.htm": _webplus_page("特殊类型招生", "招生考试信息", '<ul class="wp_article_list"></ul>', side),
    }
    columns = [("招生考试信息", "/zsksxx/list.htm", [7], "招生办"), ("特殊类型招生", "/tslx/list.htm", [8], "招生办")]
    whole, blank = _check(httpserver, tmp_path, site, columns)
    assert blank["status"] == "blank" and ("学校新闻" in blank["reason"] or "通知公告" in blank["reason"]), blank
    assert (whole["entries"], whole["latest"], whole["status"]) == (5, "2026-08-20", "ok"), whole


def test_a_trs_column_showing_nothing_but_its_pager_beside_another_columns_box_is_blank(httpserver, tmp_path):
    """A TRS template that writes its documents without a list container leaves a blank column with its breadcrumb
    and its pager only (createPageHTML(1, 0…)), beside a box of 学校新闻 (更多 to /xwzx/), left or right: the box's
    entries are not the column's (another folder), so the column is blank. Its twin listing its own documents, and a
    page of boxes with no pager of its own (a parent column's), are not."""
    news = "".join(
        f'<li><a href="/xwzx/202609/t202609{25 - i:02d}_{i}.html">学校新闻第{i}号关于工作安排的报道</a><span>{_day(i)}</span></li>'
        for i in range(2)
    )
    side = f'<div class="side"><div class="box_hd"><span>学校新闻</span><a href="/xwzx/" class="more">更多&gt;&gt;</a></div><ul>{news}</ul></div>'
    pager = '<div class="page"><script>createPageHTML(1, 0, "index", "html");</script></div>'

    def column(name: str, own: str, right: bool) -> str:
        crumb = f'<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="./">{name}</a></div>'
        main = f'<div class="main">{crumb}{own}{pager}</div>'
        return _page(main + side if right else side + main).replace("通知公告-测试学院", f"{name}-测试学院")

    own = "".join(
        f'<div class="item"><a href="./202609/t202609{25 - i:02d}_{i}.html">特殊类型招生第{i}号公示</a> {_day(i)}</div>'
        for i in range(3)
    )
    boxes = side.replace('class="side"', 'class="box"') + side.replace("学校新闻", "招生计划").replace(
        "/xwzx/", "/zsjh/"
    )
    site = {
        "start": "/xxgk/tslx/index.html",
        "/xxgk/tslx/index.html": column("特殊类型招生", "", right=False),
        "/xxgk/tsxx/index.html": column("特殊信息", "", right=True).replace("特殊类型招生", "特殊信息"),
        "/xxgk/zsxx/index.html": column("招生信息", own, right=False),
        "/xxgk/zsks/index.html": _page(
            f'<div class="position">当前位置：<a href="/">首页</a> &gt; 招生考试</div>{boxes}'
        ),
        # its list and its pager filled by a script the page loads from a file: nothing says it is blank
        "/xxgk/jsxx/index.html": column("教师信息", "", right=False)
        .replace(pager, '<div class="page" id="pager"></div>')
        .replace("</body>", '<script src="/js/list.js"></script></body>'),
    }
    columns = [
        ("特殊类型招生", "/xxgk/tslx/index.html", [8], "招生办"),
        ("特殊信息", "/xxgk/tsxx/index.html", [9], "招生办"),
        ("招生信息", "/xxgk/zsxx/index.html", [7], "招生办"),
        ("招生考试", "/xxgk/zsks/index.html", [10], "招生办"),
        ("教师信息", "/xxgk/jsxx/index.html", [11], "人事处"),
    ]
    left, right, filled, parent, scripted = _check(httpserver, tmp_path, site, columns)
    assert left["status"] == "blank" and "学校新闻" in left["reason"], left
    assert right["status"] == "blank" and "学校新闻" in right["reason"], right
    assert (filled["status"], filled["entries"]) == ("ok", 3), filled
    assert parent["status"] != "blank", parent
    assert scripted["status"] != "blank", scripted


def test_a_dahan_column_of_sub_column_boxes_each_a_datastore_is_read_whole(httpserver, tmp_path):
    """大汉 JCMS: a parent column (/col/col1234/) shows a box per sub-column, each its own component carrying its
    records in a <datastore>, its 更多 to /col/col1235/… that the left menu under the column's name lists. Boxes of
    one entry each read as a layout's "records" (one per box, the second box's second entry lost); all four now."""

    def component(unit: int, items: list[tuple[str, str]]) -> str:
        records = "".join(
            f'<record><![CDATA[<li><a href="/art/2026/{int(d[5:7])}/{int(d[8:])}/art_{unit}_{j}.html">{t}</a>'
            f"<span>{d}</span></li>]]></record>"
            for j, (t, d) in enumerate(items)
        )
        return f'<div id="{unit + 7000}"><script type="text/xml"><datastore><recordset>{records}</recordset></datastore></script></div>'

    boxes = [
        ("招生章程", 1235, [("某某大学2026年本科招生章程", "2026-05-20")]),
        ("招生计划", 1236, [("2026年分省分专业招生计划", "2026-06-10"), ("2025年分省分专业招生计划", "2025-06-12")]),
        ("录取信息", 1237, [("2026年各省录取最低分数线", "2026-08-20")]),
    ]
    main = "".join(
        f'<div class="lmbox"><div class="lmtitle"><span>{name}</span><a href="/col/col{unit}/index.html">更多&gt;&gt;</a>'
        f"</div>{component(unit, items)}</div>"
        for name, unit, items in boxes
    )
    menu = "".join(f'<li><a href="/col/col{unit}/index.html">{name}</a></li>' for name, unit, _ in boxes)
    crumb = (
        '<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1234/index.html">招生考试信息</a></div>'
    )
    body = f'<div class="left"><div class="lefttitle">招生考试信息</div><ul class="leftmenu">{menu}</ul></div><div class="right">{crumb}{main}</div>'
    page = _page(body).replace("通知公告-测试学院", "招生考试信息-测试学院")
    site = {"start": "/col/col1234/index.html", "/col/col1234/index.html": page}
    (column,) = _check(httpserver, tmp_path, site, [("招生考试信息", site["start"], [7], "招生办")])
    assert (column["entries"], column["latest"], column["status"]) == (4, "2026-08-20", "ok"), column


@pytest.mark.parametrize("allowed", [False, True])
def test_a_column_of_undated_links_to_another_host_is_unknown_saying_so_not_stale(allowed, httpserver, tmp_path):
    # a VSB column listing its WeChat articles (mp.weixin.qq.com), no date beside them: the crawler may not fetch
    # that host, so their dates are not read; the column was 'stale: 均无可信的发布日期', a false alarm every week.
    # Here the other host is 127.0.0.1 beside localhost (both served on loopback); listed in extra_hosts, the
    # articles are read and date the column
    port = httpserver.port
    rows = "".join(
        f"<li class='notice-item'><a href='http://127.0.0.1:{port}/info/1012/{300 + i}.htm'>关于开展第{i}期专题学习的通知</a></li>"
        for i in range(6)
    )
    site = {"/xxgk/tzgg.htm": _page(f"<h2>通知公告</h2><ul class='notice-list'>{rows}</ul>")}
    _serve(httpserver, site)
    text = config_text(
        httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), [("通知公告", "/xxgk/tzgg.htm", [1], "党政办公室")]
    )
    if allowed:
        text = text.replace('level = "高职"', f'level = "高职"\nextra_hosts = ["127.0.0.1:{port}"]')
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    (column,) = service.check(load_config(path), NOW).document["columns"]
    if allowed:
        assert (column["status"], column["latest"]) == ("ok", "2026-09-01"), column["reason"]
    else:
        assert column["status"] == "unknown" and f"127.0.0.1:{port}" in column["reason"], column["reason"]
        assert "extra_hosts" in column["reason"]


@pytest.mark.parametrize("rows", [0, 2])
def test_a_column_titled_with_the_sites_name_is_found_under_the_heading_its_config_names(rows, httpserver, tmp_path):
    # a template titling every page with the site's name (测试学院信息公开网), no breadcrumb, the column's list under a
    # heading naming it as the config does, beside a box of another column's twelve dated news: the page alone
    # cannot tell which list is the column's, so an empty column was 'ok' by the box's dates (a blank column missed)
    # and two entries were twelve. The crawler now gives the reader the column's configured name
    news = "".join(
        f"<li><a href='/info/1001/{900 + k}.htm'>学校召开第{k}次专题工作会议部署相关工作</a><span>2026-09-{10 + k}</span></li>"
        for k in range(12)
    )
    own = "".join(f"<li><a href='/info/1012/{300 + i}.htm'>关于开展第{i}期专题学习的通知</a></li>" for i in range(rows))
    body = (
        f"<div class='col-main'><div class='list_title'><h3>通知公告</h3></div><ul class='list'>{own}</ul></div>"
        f"<div class='side'><h3>校园新闻</h3><ul>{news}</ul></div>"
    )
    page = _page(body).replace("通知公告-测试学院", "测试学院信息公开网")
    site = {"start": "/xxgk/tzgg.htm", "/xxgk/tzgg.htm": page}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [2], "党政办公室")])
    if rows:
        assert (column["entries"], column["latest"], column["status"]) == (2, "2026-09-01", "ok"), column
    else:
        assert (column["entries"], column["status"]) == (0, "blank"), column


@pytest.mark.parametrize("days_ago", [5, 400])
def test_a_column_whose_rows_a_script_file_opens_is_judged_by_the_dates_it_shows(days_ago, httpserver, tmp_path):
    # a JSP 信息公开 column whose rows open by a handler in a script file the page loads (showInfo('8a8a…'): the
    # address it opens is not on the page). Its titles and dates are shown: it is judged by them, 'ok' or 'stale',
    # its rows never fetched. Before, it was 'unknown' every week (页面上有 6 条由脚本打开的条目), a stale one missed
    day = NOW.date() - dt.timedelta(days=days_ago)
    rows = "".join(
        f"<li><a href='javascript:void(0)' onclick=\"showInfo('8a8a{i:04d}')\">关于开展第{i}期专题学习的通知</a>"
        f"<span class='date'>{day - dt.timedelta(days=i)}</span></li>"
        for i in range(6)
    )
    page = _page(f"<h2>通知公告</h2><ul class='list'>{rows}</ul>").replace(
        "</head>", "<script src='/js/xxgk.js'></script></head>"
    )
    site = {"start": "/xxgk/list.jsp?cat=12", "/xxgk/list.jsp?cat=12": page}
    (column,) = _check(httpserver, tmp_path, site, [("通知公告", site["start"], [18], "计划财务处")])  # (180 days)
    assert (column["entries"], column["latest"]) == (6, day.isoformat()), column
    assert column["status"] == ("ok" if days_ago == 5 else "stale"), column["reason"]
    served = [e[0].full_path for e in httpserver.log]
    assert not [p for p in served if "xxgk-script-row" in p], served  # the rows' stand-in addresses: never fetched
