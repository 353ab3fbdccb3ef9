"""Property-based tests (hypothesis): whatever a config, a page or a command-line date holds, the monitor answers
with a result or one clear line (exit 2), never a traceback. Example counts are fixed (derandomized) so that CI is
reproducible and quick; docs/reliability.md records them."""

from __future__ import annotations

import math
import string

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.cli import cli
from monitor.config import load_config
from monitor.dates import MAX_YEAR, MIN_YEAR
from monitor.errors import ConfigError
from monitor.parse import parse_article, parse_list
from tests.smtpkit import free_port  # a loopback port nobody listens on

CONFIG_EXAMPLES, CLI_CONFIG_EXAMPLES, PAGE_EXAMPLES, DATE_EXAMPLES = 300, 40, 300, 120


def quick(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


BASE = {
    "site": {"name": "测试学院", "base_url": "http://127.0.0.1:9/", "level": "高职", "contact": "a@b.cn"},
    "crawl": {"concurrency": 2, "delay": 0, "timeout": 2, "retries": 0},
    "storage": {"path": "m.db"},
    "columns": [{"name": "招生章程", "url": "http://127.0.0.1:9/zs/", "items": [23], "department": "招生办"}],
    "departments": {"招生办": {"emails": ["zs@b.cn"]}},
}
# keys a generated value may replace (those that would make a run wait are left out of the run-level property)
KEYS = [
    ("site", "name"),
    ("site", "base_url"),
    ("site", "level"),
    ("site", "contact"),
    ("site", "extra_hosts"),
    ("crawl", "concurrency"),
    ("crawl", "timeout"),
    ("crawl", "max_body_mb"),
    ("crawl", "max_pages"),
    ("crawl", "max_pages_per_column"),
    ("crawl", "max_request_seconds"),
    ("crawl", "max_run_seconds"),
    ("crawl", "verify_tls"),
    ("crawl", "user_agent"),
    ("crawl", "recheck_days"),
    ("storage", "path"),
    ("reports", "dir"),
    ("columns", "name"),
    ("columns", "url"),
    ("columns", "items"),
    ("columns", "department"),
    ("columns", "max_age_days"),
    ("schedule", "crawl"),
    ("schedule", "timezone"),
]
WAITING = {("crawl", "timeout"), ("crawl", "max_request_seconds"), ("crawl", "max_run_seconds")}

odd_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.printable + "校园\x00\x1b\u202e", max_size=20),
    st.sampled_from(
        ["", " ", "http://[::1", "http://h:99999/", "ftp://x/", "http:///x", "../../etc", "nan", "校" * 2000]
    ),
    st.builds(lambda n: "a" * n, st.integers(0, 200_000)),
)
values = st.one_of(
    odd_text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.one_of(st.integers(-5, 60), st.text(max_size=10)), max_size=5),
    st.just({"nested": 1}),
)


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in v) + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return "{ " + ", ".join(f"{k} = {_toml_value(x)}" for k, x in v.items()) + " }"


def _toml(doc: dict) -> str:
    out = []
    for table, body in doc.items():
        if table == "columns":
            for col in body:
                out.append("[[columns]]")
                out += [f"{k} = {_toml_value(v)}" for k, v in col.items()]
        elif table == "departments":
            for name, dep in body.items():
                out.append(f'[departments."{name}"]')
                out += [f"{k} = {_toml_value(v)}" for k, v in dep.items()]
        else:
            out.append(f"[{table}]")
            out += [f"{k} = {_toml_value(v)}" for k, v in body.items()]
    return "\n".join(out) + "\n"


def _mutated(changes) -> dict:
    doc = {k: ([dict(c) for c in v] if isinstance(v, list) else {**v}) for k, v in BASE.items()}
    for (table, key), value in changes:
        if table == "columns":
            doc["columns"][0][key] = value
        else:
            doc.setdefault(table, {})[key] = value
    return doc


changes = st.lists(st.tuples(st.sampled_from(KEYS), values), min_size=1, max_size=3)


@quick(CONFIG_EXAMPLES)
@given(changes)
def test_any_config_loads_or_fails_in_one_line(tmp_path_factory, change_list):
    path = tmp_path_factory.mktemp("cfg") / "config.toml"
    path.write_text(_toml(_mutated(change_list)), encoding="utf-8")
    try:
        load_config(path)
    except ConfigError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) < 600, message[:300]
        assert message.startswith(str(path))


@quick(CLI_CONFIG_EXAMPLES)
@given(st.lists(st.tuples(st.sampled_from([k for k in KEYS if k not in WAITING]), values), min_size=1, max_size=2))
def test_any_config_gives_a_run_or_exit_2(tmp_path_factory, change_list):
    """A real `monitor check` against a closed loopback port: a run (site down: exit 3) or exit 2, one line."""
    port = free_port()
    doc = _mutated(change_list)
    for holder in (doc["site"], doc["columns"][0]):
        for key in ("base_url", "url"):
            if isinstance(holder.get(key), str) and holder[key].startswith("http://127.0.0.1:9/"):
                holder[key] = holder[key].replace(":9/", f":{port}/")
    path = tmp_path_factory.mktemp("run") / "config.toml"
    path.write_text(_toml(doc), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "check", "--no-wait", "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2, 3), result.output[-500:]
    if result.exit_code == 2:
        assert len(result.output.strip().splitlines()) == 1, result.output[:500]


html_fragments = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<html>",
                "<body>",
                "<ul>",
                "<li>",
                "</li>",
                "<a href='/a/1.htm'>",
                "</a>",
                "<table><tr><td>",
                "<span>2026-09-23</span>",
                "<i>[09-23]</i>",
                "<script>createPageHTML(countPage, 0, 'index', 'html');",
                "var countPage = 99999999999//共多少页\n",
                "</script>",
                '<meta charset="gbk">',
                "<?xml version='1.0'?>",
                "<script type='text/xml'><datastore><recordset><record><![CDATA[<li><a href='x.htm'>t</a></li>]]>",
                "共0条",
                "暂无内容",
                "发布时间：2026-13-45",
                "发表于 2005-5-7 21:23",
                "<base href='javascript:x'>",
                "<a href='http://[::1'>坏链接</a>",
                "\x00",
                "\ufeff",
                "<!--",
                "-->",
                "<title>",
                "</title>",
                # the list forms read since: bare links, frames, forwards, script links, drop-down pagers…
                "<a href='/show.php?id=7'>学院关于工作安排的通知</a> (2012-3-4)<br>",
                "[2026-09-23] ",
                "<dl><dt>",
                "<div class='list-ul'>",
                "</div>",
                "<iframe src='/list.htm'></iframe>",
                "<meta http-equiv='refresh' content='0;url=list.htm'>",
                '<script>window.location.href=\'list.htm\';var d=[{"date":"2026-09-0"}]</script>',
                "<a href='#' onclick=\"window.open('/info/1.htm')\">脚本打开的标题</a>",
                "<select onchange='location.href=this.value'><option value='list_2.htm'>2</option>",
                "<a href='list_2.htm'><img alt='下一页'></a>",
                "\x01",
                # and this round's article forms: signatures, titles named by <title>, info inside the title,
                # title-attribute info blocks, cards, two entries a row
                "<p style='text-align:right'>二〇二四年四月一日</p>",
                "<p>校长办公室</p><p>2024年4月1日</p>",
                "<h1>标题<br /><span>2024-05-06 来源：办公室</span></h1>",
                "<header><h2>",
                "</h2></header>",
                "<meta property='og:title' content='标题 | 学校'>",
                "<a href='/Article/ShowArticle.asp?ArticleID=1' title='文章标题：标题&#13;&#10;作者：x'>标题…</a>",
                "<a class='item' href='/info/1.htm'><h4>卡片标题</h4><p>摘要</p><span>2024-05-06</span></a>",
                "<td>2024-05-06</td><td><a href='/n/2.html'>第二条</a></td>",
                "<select><option value='2'>第2页</option>",
                "定于2024年5月20日举行",
                "[引用日期2014-05-19]",
            ]
        ),
        st.text(max_size=30),
    ),
    max_size=40,
)
page_bytes = st.one_of(
    st.binary(max_size=3000),
    html_fragments.map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
    html_fragments.map(lambda parts: "".join(parts).encode("gb18030", "replace")),
)


@quick(PAGE_EXAMPLES)
@given(page_bytes, st.sampled_from(["http://x.edu.cn/xxgk/index.html", "http://x.edu.cn/2026/0923/c1a2/page.htm"]))
def test_parsers_never_raise(body, url):
    page = parse_list(body, url)
    assert isinstance(page.entries, tuple)
    article = parse_article(body, url)
    assert article.published is None or MIN_YEAR <= article.published.year <= MAX_YEAR


date_text = st.one_of(
    st.dates().map(str),
    st.text(max_size=12),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-W53", "2026W01", "0000-W01", "2026-11-23"]),
    st.builds(lambda y, w: f"{y}-W{w:02d}", st.integers(0, 9999), st.integers(0, 60)),
)


def _valid_day(text: str) -> bool:
    """A date the monitor accepts: ISO, 1990-2100; an empty value means the option's default."""
    import datetime as dt

    if text == "":
        return True
    try:
        return MIN_YEAR <= dt.date.fromisoformat(text).year <= MAX_YEAR
    except ValueError:
        return False


_SEEDED: list = []


def _seeded_config(factory) -> str:
    """A config whose database holds one finished run (the site was down), shared by every date example."""
    if not _SEEDED:
        doc = _mutated([])
        port = free_port()
        doc["site"]["base_url"] = f"http://127.0.0.1:{port}/"
        doc["columns"][0]["url"] = f"http://127.0.0.1:{port}/zs/"
        path = factory.mktemp("dates") / "config.toml"
        path.write_text(_toml(doc), encoding="utf-8")
        assert CliRunner().invoke(cli, ["--config", str(path), "check", "--no-wait"]).exit_code == 3
        _SEEDED.append(str(path))
    return _SEEDED[0]


def _valid_week(text: str) -> bool:
    import datetime as dt
    import re

    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.I)
    if not m or not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        return False
    try:
        dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return False
    return True


@quick(DATE_EXAMPLES)
@given(date_text, st.sampled_from(["check", "stats-from", "stats-to", "report", "digest-week", "digest-today"]))
def test_cli_dates_are_taken_or_refused_with_exit_2(tmp_path_factory, text, command):
    path = _seeded_config(tmp_path_factory)
    args, valid, codes = {
        "check": (["check", "--no-crawl", "--today", text], _valid_day(text), {3}),
        "stats-from": (["stats", "--from", text, "--to", "2100-12-31", "--format", "json"], _valid_day(text), {0}),
        "stats-to": (["stats", "--from", "1990-01-01", "--to", text, "--format", "json"], _valid_day(text), {0}),
        "report": (["report", "--today", text], _valid_day(text), {0}),
        "digest-week": (["digest", "--dry-run", "--week", text], _valid_week(text) or text == "", {0, 1}),
        "digest-today": (["digest", "--dry-run", "--today", text], _valid_day(text), {0, 1}),
    }[command]
    result = CliRunner().invoke(cli, ["--config", path, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (codes if valid else {2}), (args, result.exit_code, result.output[-300:])
