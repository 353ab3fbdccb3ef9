"""A synthetic college disclosure site for benchmarks, written to disk (served by nginx).

N columns x M entries, in three CMS styles (博达 VSB with count-down pages, WebPlus list/listN, TRS GBK
with createPageHTML), 20 entries a list page, one article page per entry, dates spread over two years.
Also writes ``urls.txt`` (every list and article URL path) and ``columns.tsv`` (name, path, items).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

PER_PAGE = 20
TITLES = [
    "关于印发《{}管理办法》的通知",
    "{}工作安排的通知",
    "{}公示",
    "2026年{}计划",
    "{}情况报告",
    "关于开展{}的通知",
]
TOPICS = [
    "学生资助",
    "招生",
    "实训室安全",
    "财务报销",
    "图书采购",
    "教学检查",
    "就业服务",
    "人才引进",
    "学风建设",
    "校园网络",
]


def _page(title: str, body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}-示范职业技术学院</title></head><body><div class='header'><ul class='nav'><li><a href='/'>首页</a>"
        f"</li></ul></div><div class='main'>{body}</div><div class='footer'>Copyright &copy; 示范职业技术学院</div></body></html>"
    )


def generate(root: Path, columns: int, entries: int, seed: int = 7, total: int | None = None) -> tuple[int, int]:
    """Write the site; ``entries`` per column, or ``total`` entries spread over the columns as evenly as can be.
    Returns (list pages, articles)."""
    counts = (
        [entries] * columns if total is None else [total // columns + (c < total % columns) for c in range(columns)]
    )
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    urls: list[str] = []
    listing: list[str] = []
    start = dt.date(2026, 11, 1)
    for c in range(columns):
        style = ("vsb", "webplus", "trs")[c % 3]
        charset = "gb2312" if style == "trs" else "utf-8"
        enc = "gbk" if style == "trs" else "utf-8"
        items = []
        for e in range(counts[c]):
            d = start - dt.timedelta(days=rng.randint(0, 730))
            title = rng.choice(TITLES).format(rng.choice(TOPICS)) + f"（{c}-{e}）"
            if style == "vsb":
                path = f"/info/{1000 + c}/{10000 + e}.htm"
            elif style == "webplus":
                path = f"/{d:%Y}/{d:%m%d}/c{1000 + c}a{10000 + e}/page.htm"
            else:
                path = f"/col{c}/{d:%Y%m}/t{d:%Y%m%d}_{10000 + e}.html"
            items.append((title, d, path))
            body = (
                f"<div class='article'><h1>{title}</h1><div class='info'>发布时间：{d:%Y-%m-%d} 浏览次数：{rng.randint(10, 999)}</div>"
                f"<div class='content'><p>{'正文内容。' * rng.randint(20, 120)}</p></div></div>"
            )
            _write(root, path, _page(title, body, charset), enc)
            urls.append(path)
        items.sort(key=lambda t: t[1], reverse=True)
        chunks = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
        n = len(chunks)
        for p, chunk in enumerate(chunks, start=1):
            if style == "vsb":
                first = f"/xxgk/col{c}.htm"
                path = first if p == 1 else f"/xxgk/col{c}/{n - p + 1}.htm"
                lis = "".join(
                    f'<li id="line_u5_{i}"><a href="{u}">{t}</a><span>{d:%Y-%m-%d}</span></li>'
                    for i, (t, d, u) in enumerate(chunk)
                )
                nxt = f'<a class="Next" href="/xxgk/col{c}/{n - p}.htm">下页</a>' if p < n else ""
                body = f"<ul>{lis}</ul><div class='pb_sys_common'><span class='p_t'>共{len(items)}条</span> {p}/{n} {nxt}</div>"
            elif style == "webplus":
                first = f"/col{c}/list.htm"
                path = first if p == 1 else f"/col{c}/list{p}.htm"
                lis = "".join(
                    f'<li class="news"><span class="news_title"><a href="{u}">{t}</a></span><span class="news_meta">{d:%Y-%m-%d}</span></li>'
                    for t, d, u in chunk
                )
                nxt = f'<a class="next" href="/col{c}/list{p + 1}.htm">下一页</a>' if p < n else ""
                body = f"<ul class='news_list'>{lis}</ul><div class='wp_paging'><em class='all_count'>{len(items)}</em>{nxt}</div>"
            else:
                first = f"/col{c}/index.html"
                path = first if p == 1 else f"/col{c}/index_{p - 1}.html"
                lis = "".join(
                    f'<li><a href=".{u[len(f"/col{c}") :]}">{t}</a><span>[{d:%m-%d}]</span></li>' for t, d, u in chunk
                )
                body = f'<ul class=\'list\'>{lis}</ul><script>createPageHTML({n}, {p - 1}, "index", "html");</script>'
            _write(root, path, _page(f"栏目{c}", body, charset), enc)
            urls.append(path)
            if p == 1:
                listing.append(f"栏目{c}\t{first}\t{[1, 2, 5, 15, 18, 25][c % 6]}")
    _write(root, "/index.htm", _page("首页", "<p>示范职业技术学院</p>"), "utf-8")
    (root / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    (root / "columns.tsv").write_text("\n".join(listing) + "\n", encoding="utf-8")
    return len(urls) - sum(counts), sum(counts)


def _write(root: Path, path: str, text: str, encoding: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(encoding, errors="xmlcharrefreplace"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--columns", type=int, default=50)
    parser.add_argument("--entries", type=int, default=400)
    args = parser.parse_args()
    lists, articles = generate(args.root, args.columns, args.entries)
    print(f"{lists} list pages, {articles} articles under {args.root}")
