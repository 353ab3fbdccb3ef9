"""The bundled demo college (示范职业技术学院): an invented disclosure site in three CMS styles.

Dates are computed from ``today``, so the demo always shows the same picture: most columns fine, one
blank (共0条), one marked 暂无内容, one stale, one with a broken attachment, one list filled by a
script, the annual report overdue, two items never published, and a paginated list.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

NAME = "示范职业技术学院"


@dataclass(frozen=True)
class DemoColumn:
    name: str
    path: str
    items: tuple[int, ...]
    department: str
    style: str  # vsb | webplus | trs


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str
    status: int = 200


def _d(today: dt.date, days: int) -> dt.date:
    return today - dt.timedelta(days=days)


def _report_cycle(today: dt.date, month: int, day: int) -> int:
    """The year of the most recent deadline on or before today."""
    return today.year if dt.date(today.year, month, day) <= today else today.year - 1


def columns() -> list[DemoColumn]:
    return [
        DemoColumn("学校概况", "/xxgk/xxgk.htm", (1, 27, 28, 29), "党政办公室", "vsb"),
        DemoColumn("规章制度", "/xxgk/gzzd.htm", (2, 15, 24, 26, 36, 38, 39, 40, 41, 42, 48), "党政办公室", "vsb"),
        DemoColumn("教代会", "/xxgk/jdh.htm", (3,), "工会", "vsb"),
        DemoColumn("学术委员会", "/xswyh/list.htm", (4,), "教务处", "webplus"),
        DemoColumn("发展规划", "/xxgk/fzgh.htm", (5,), "党政办公室", "vsb"),
        DemoColumn("信息公开年度报告", "/xxgk/ndbg.htm", (6,), "党政办公室", "vsb"),
        DemoColumn("招生信息", "/zsxx/list.htm", (7, 8, 9, 10), "招生就业处", "webplus"),
        DemoColumn("预算决算", "/cwxx/ysjs/list.htm", (19, 20), "计划财务处", "webplus"),
        DemoColumn("收费标准", "/cwxx/sfbz/list.htm", (21,), "计划财务处", "webplus"),
        DemoColumn("受捐赠财产", "/col/col16/index.html", (16,), "计划财务处", "script"),
        DemoColumn("招标采购", "/cwxx/zbcg/list.htm", (18,), "计划财务处", "webplus"),
        DemoColumn("人事招聘", "/rsxx/index.html", (25,), "人事处", "trs"),
        DemoColumn("毕业生就业", "/jyxx/index.html", (31, 32, 33), "招生就业处", "trs"),
        DemoColumn("质量年度报告", "/zlbg/index.html", (34, 35), "教务处", "trs"),
        DemoColumn("学生资助", "/xszz/index.html", (37,), "学生工作处", "trs"),
        DemoColumn("校办企业", "/xxgk/xbqy.htm", (17,), "计划财务处", "vsb"),
        DemoColumn("巡察整改与应急管理", "/xxgk/xczg.htm", (49, 50), "党政办公室", "vsb"),
        DemoColumn("中外合作办学", "/xxgk/zwhz.htm", (47,), "国际交流处", "vsb"),
    ]


_RULES = (  # 规章制度 and how many days before today each was published
    ("学校章程（修订）", 40),
    ("学生学籍管理规定", 75),
    ("财务管理办法", 110),
    ("岗位设置管理实施办法", 150),
    ("教职工申诉处理办法", 190),
    ("学生奖励办法", 220),
    ("学生违纪处分规定", 221),
    ("学生申诉处理办法", 260),
    ("学风建设实施方案", 300),
    ("学术规范与学术道德条例", 330),
    ("学术不端行为查处办法", 360),
    ("来华留学生管理规定", 400),
    ("国有资产管理办法", 430),
    ("采购管理办法", 470),
    ("科研经费管理办法", 500),
    ("合同管理办法", 540),
    ("内部控制制度", 580),
    ("档案管理办法", 610),
    ("公文处理办法", 650),
    ("保密工作规定", 690),
    ("信息公开实施办法", 720),
    ("安全稳定工作制度", 760),
    ("实验室管理办法", 800),
    ("教材管理办法", 840),
    ("校园网络管理办法", 880),
    ("消防安全管理规定", 920),
    ("印章管理办法", 960),
    ("会议管理办法", 1000),
)


def entries(today: dt.date) -> dict[str, list[tuple[str, dt.date]]]:
    """Entries of every column, newest first unless pinned."""
    y = today.year
    ann6 = _report_cycle(today, 10, 31)  # the 学年 ending in ann6 is due; the demo has only the one before
    emp = _report_cycle(today, 12, 31)
    adm = _report_cycle(today, 4, 30)
    return {
        "/xxgk/xxgk.htm": [
            ("学校简介", _d(today, 20)),
            (f"{y}年专业设置与新增专业", _d(today, 70)),
            ("师资队伍与在校生规模", _d(today, 95)),
            ("学校领导班子及分工", _d(today, 130)),
        ],
        "/xxgk/gzzd.htm": [(t, _d(today, n)) for t, n in _RULES],
        "/xxgk/jdh.htm": [],
        "/xswyh/list.htm": [],
        "/xxgk/fzgh.htm": [
            (f"{y}年工作要点", _d(today, 60)),
            ("学校“十五五”事业发展规划", _d(today, 200)),
            (f"{y - 1}年工作要点", _d(today, 420)),
        ],
        "/xxgk/ndbg.htm": [
            (f"{NAME}{ann6 - 2}-{ann6 - 1}学年信息公开年度报告", dt.date(ann6 - 1, 10, 28)),
            (f"{NAME}{ann6 - 3}-{ann6 - 2}学年信息公开年度报告", dt.date(ann6 - 2, 10, 26)),
        ],
        **_admission_finance_staff(today, adm, emp, y),
    }


def _admission_finance_staff(today: dt.date, adm: int, emp: int, y: int) -> dict[str, list[tuple[str, dt.date]]]:
    return {
        "/zsxx/list.htm": [
            ("[置顶]招生咨询及考生申诉渠道", _d(today, 1500)),
            (f"{adm}年招生章程", dt.date(adm, 4, 18)),
            (f"{adm}年分省分专业招生计划", dt.date(adm, 4, 20)),
            (f"{adm}年单独招生测试结果公示", dt.date(adm, 4, 2)),
            (f"{adm}年录取结果查询及各省录取最低分", dt.date(adm, 8, 10)),
        ],
        "/cwxx/ysjs/list.htm": [
            (f"{adm}年部门预算公开", dt.date(adm, 3, 28)),
            (f"{adm - 1}年部门决算公开", dt.date(adm, 7, 25)),
            (f"{adm - 1}年部门预算公开", dt.date(adm - 1, 3, 27)),
        ],
        "/cwxx/sfbz/list.htm": [
            (f"{adm}年学费及住宿费收费标准公示", _d(today, 80)),
            (f"{adm - 1}年收费标准公示", _d(today, 445)),
        ],
        "/col/col16/index.html": [],
        "/cwxx/zbcg/list.htm": [
            ("实训设备采购项目中标公告", _d(today, 250)),
            ("图书采购项目成交公告", _d(today, 300)),
            ("学生公寓维修工程招标公告", _d(today, 340)),
        ],
        "/rsxx/index.html": [
            (f"{y}年公开招聘工作人员公告", _d(today, 25)),
            ("中层干部任前公示", _d(today, 50)),
            ("高层次人才引进公告", _d(today, 120)),
            ("拟聘用人员公示", _d(today, 160)),
            ("干部任免通知", _d(today, 230)),
        ],
        "/jyxx/index.html": [
            (f"{emp}届毕业生就业质量年度报告", dt.date(emp, 12, 20)),
            ("毕业生就业创业服务指南", _d(today, 100)),
            (f"{emp}届毕业生就业率及就业流向", _d(today, 140)),
        ],
        "/zlbg/index.html": [
            (f"{NAME}高等职业教育质量年度报告（{emp}）", dt.date(emp, 12, 28)),
            (f"{emp}年艺术教育发展年度报告", dt.date(emp, 12, 15)),
        ],
        "/xszz/index.html": [
            ("国家奖学金、助学金申请与管理办法", _d(today, 90)),
            ("学费减免与勤工俭学管理规定", _d(today, 210)),
        ],
        "/xxgk/xbqy.htm": [],
        "/xxgk/xczg.htm": [("关于巡察整改情况的通报", _d(today, 150)), ("突发事件应急预案", _d(today, 400))],
        "/xxgk/zwhz.htm": [("中外合作办学项目情况", _d(today, 180))],
    }


def _page(title: str, body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{html.escape(title)}-{NAME}</title></head><body>"
        f'<div class="header"><div class="clock">今天是{dt.date.today():%Y年%m月%d日}</div>'
        f'<ul class="nav"><li><a href="/index.htm">首页</a></li><li><a href="/xxgk/index.htm">信息公开</a></li></ul></div>'
        f'<div class="main">{body}</div><div class="footer">Copyright &copy; {NAME} 版权所有</div></body></html>'
    )


def _article_path(col: DemoColumn, number: int, i: int, date: dt.date) -> str:
    """Article URLs as each CMS makes them (number: the column's id in the CMS)."""
    if col.style == "vsb":
        return f"/info/{1000 + number}/{5000 + i}.htm"
    if col.style == "webplus":
        return f"{col.path.rsplit('/', 1)[0]}/{date:%Y}/{date:%m%d}/c{1000 + number}a{6000 + i}/page.htm"
    return f"{col.path.rsplit('/', 1)[0]}/{date:%Y%m}/t{date:%Y%m%d}_{7000 + i}.html"


def one_page_pdf(stream: bytes, stream_filter: bytes = b"") -> bytes:
    """A one-page PDF (Helvetica as /F1) whose page draws ``stream`` (a content stream, e.g. ``BT … (text) Tj ET``;
    compressed by ``stream_filter``, e.g. ``/FlateDecode``), written by hand: no PDF writer needed."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(stream), stream_filter, stream),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """An XLSX of one sheet holding ``rows``."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _budget_attachments(pages: dict[str, Page], title: str, date: dt.date, i: int) -> str:
    """A budget article's PDF and spreadsheet (the newest one's spreadsheet was never uploaded: broken)."""
    stem = f"/upload/{date:%Y%m%d}_{i}"
    pages[f"{stem}.pdf"] = Page(
        one_page_pdf(b"BT /F1 12 Tf 72 720 Td (Budget %d (demo)) Tj ET" % date.year), "application/pdf"
    )
    if i != 0:
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        pages[f"{stem}.xlsx"] = Page(xlsx_bytes([["项目", "金额（万元）"], ["教育支出", "1200"]]), xlsx)
    return (
        f'<p>附件：<a href="{stem}.pdf">{html.escape(title)}.pdf</a> '
        f'<a href="{stem}.xlsx">{html.escape(title)}（表格）.xlsx</a></p>'
    )


def _article(col: DemoColumn, title: str, date: dt.date, i: int, attach: str) -> str:
    return (
        f'<div class="article"><h1>{html.escape(title)}</h1>'
        f'<div class="info">发布时间：{date:%Y-%m-%d} 来源：{col.department} 浏览次数：{100 + i}</div>'
        f'<div class="content"><p>{html.escape(title)}，全文如下（示例内容）。</p>{attach}</div></div>'
    )


# a 大汉 column whose records its script asks dataproxy.jsp for by POST, as jpage.js does: a list the monitor cannot
# follow (a GET it would follow: scriptsource), so the demo keeps one column it cannot judge
_SCRIPT_LIST = (
    '<div id="list16"></div><script>$.ajax({url:"/module/jpage/dataproxy.jsp?startrecord=1&endrecord=15",'
    'type:"POST",data:{col:1,webid:1,columnid:16},success:function(d){$("#list16").html(d);}});</script>'
)


def build(today: dt.date) -> dict[str, Page]:
    """Every page of the demo site, keyed by path (with query)."""
    pages: dict[str, Page] = {}

    def put(path: str, text: str, charset: str = "utf-8") -> None:
        ctype = "text/html; charset=utf-8" if charset == "utf-8" else "text/html"
        pages[path] = Page(text.encode("gbk" if charset != "utf-8" else "utf-8"), ctype)

    all_entries = entries(today)
    for number, col in enumerate(columns()):
        links = []
        for i, (title, date) in enumerate(all_entries[col.path]):
            path = _article_path(col, number, i, date)
            links.append((title, date, path))
            attach = _budget_attachments(pages, title, date, i) if col.path == "/cwxx/ysjs/list.htm" else ""
            charset = "gb2312" if col.style == "trs" else "utf-8"
            put(path, _page(title, _article(col, title, date, i, attach), charset), charset)
        writer = {"vsb": _vsb, "webplus": _webplus, "trs": _trs}.get(col.style)
        if writer:
            writer(put, col, links)
        else:
            put(col.path, _page(col.name, _SCRIPT_LIST))
    menu = "".join(f'<li><a href="{c.path}">{c.name}</a></li>' for c in columns())
    put("/index.htm", _page("首页", f'<ul class="news">{menu}</ul>'))
    pages["/"] = pages["/index.htm"]
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /admin/\n", "text/plain")
    return pages


def _vsb(put, col: DemoColumn, links, per_page: int = 10) -> None:
    stem = col.path[: -len(".htm")]
    name = stem.rsplit("/", 1)[1]
    if col.path == "/xxgk/xbqy.htm":
        put(col.path, _page(col.name, '<div class="list"><p>本校无校办企业。</p></div>'))
        return
    chunks = [links[i : i + per_page] for i in range(0, len(links), per_page)] or [[]]
    count = len(chunks)
    for n, chunk in enumerate(chunks, start=1):
        # 博达 pages count down: page 1 is {col}.htm, page n is {col}/{count - n + 1}.htm
        path = col.path if n == 1 else f"{stem}/{count - n + 1}.htm"
        up = "../" if n == 1 else "../../"
        lis = "".join(
            f'<li id="line_u8_{i}"><a href="{up}{p.lstrip("/")}" title="{html.escape(t)}">{html.escape(t)}</a>'
            f"<span>{d:%Y-%m-%d}</span></li>"
            for i, (t, d, p) in enumerate(chunk)
        )
        nav = []
        if n < count:
            prefix = f"{name}/" if n == 1 else ""
            nav.append(
                f'<a href="{prefix}{count - n}.htm" class="Next">下页</a><a href="{prefix}1.htm" class="Next">尾页</a>'
            )
        pager = f'<span class="p_t">共{len(links)}条</span> <span class="p_pages">{n}/{count}</span> {"".join(nav)}'
        put(path, _page(col.name, f'<div class="list"><ul>{lis}</ul></div><div class="pb_sys_common">{pager}</div>'))


def _webplus(put, col: DemoColumn, links) -> None:
    if not links and col.path == "/xswyh/list.htm":
        put(col.path, _page(col.name, '<div id="wp_news_w6"><div class="empty">暂无内容</div></div>'))
        return
    lis = "".join(
        f'<li class="news n{i + 1}"><span class="news_title"><a href="{p}" title="{html.escape(t)}">{html.escape(t)}</a></span>'
        f'<span class="news_meta">{d:%Y-%m-%d}</span></li>'
        for i, (t, d, p) in enumerate(links)
    )
    put(
        col.path,
        _page(
            col.name,
            f'<div id="wp_news_w6"><ul class="news_list">{lis}</ul></div>'
            f'<div class="wp_paging"><em class="all_count">{len(links)}</em><em class="all_pages">1</em></div>',
        ),
    )


def _trs(put, col: DemoColumn, links) -> None:
    base = col.path.rsplit("/", 1)[0]
    lis = "".join(
        f'<li><a href=".{p[len(base) :]}">{html.escape(t)}</a><span>[{d:%m-%d}]</span></li>' for t, d, p in links
    )
    put(
        col.path,
        _page(
            col.name, f'<ul class="list">{lis}</ul><script>createPageHTML(1, 0, "index", "html");</script>', "gb2312"
        ),
        "gb2312",
    )
