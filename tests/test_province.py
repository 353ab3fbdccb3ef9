"""Province mode on a small province of five colleges, each on its own loopback address (real HTTP servers):
one as configured, one with a blank column, one down, one banning crawlers in robots.txt, one without a
config (discovered on its first run)."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from monitor.errors import ConfigError, UsageError
from monitor.province import load_province
from monitor.provincerun import check_province, init_province, province_report
from tests.conftest import COLUMNS, NOW, SITE, chromium, config_text
from tests.sitekit import FixtureSite

BLANK_LIST = (  # the 招生章程 column's list page with no entry
    "<html><head><meta charset='utf-8'><title>招生章程</title></head><body><div class='list'><ul></ul></div>"
    "<p>暂无信息</p></body></html>"
).encode()


def _serve(host: str, site: FixtureSite) -> HTTPServer:
    server = HTTPServer(host=host, port=0)
    server.expect_request(re.compile(".*")).respond_with_handler(site.handle)
    server.start()
    return server


def _closed_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


@pytest.fixture(scope="module")
def hosts():
    sites = {
        "ok": FixtureSite(SITE, missing={"/show.asp?id=999"}),
        "blank": FixtureSite(
            SITE,
            missing={"/show.asp?id=999"},
            overrides={"/xxgk/zszc.htm": (200, BLANK_LIST, {"Content-Type": "text/html; charset=utf-8"})},
        ),
        "robots": FixtureSite(
            SITE, overrides={"/robots.txt": (200, b"User-agent: *\nDisallow: /\n", {"Content-Type": "text/plain"})}
        ),
        "new": FixtureSite(SITE, missing={"/show.asp?id=999"}),
    }
    addresses = {"ok": "127.0.0.2", "blank": "127.0.0.3", "robots": "127.0.0.5", "new": "127.0.0.6"}
    servers = {k: _serve(addresses[k], site) for k, site in sites.items()}
    urls = {k: f"http://{addresses[k]}:{s.port}" for k, s in servers.items()}
    urls["down"] = f"http://127.0.0.4:{_closed_port('127.0.0.4')}"
    yield urls, sites
    for s in servers.values():
        s.stop()


def _province(tmp_path: Path, urls: dict, workers: int = 1) -> Path:
    own = tmp_path / "own"
    own.mkdir()
    for key in ("ok", "blank", "robots"):
        (own / f"{key}.toml").write_text(config_text(urls[key], db=f"{key}.db"), encoding="utf-8")
    text = f"""[province]
name = "测试省"
workers = {workers}

[crawl]
delay = 0
timeout = 3
retries = 0

[storage]
path = "colleges"

[[colleges]]
name = "正常学院"
url = "{urls["ok"]}/"
level = "高职"
config = "own/ok.toml"

[[colleges]]
name = "空白学院"
url = "{urls["blank"]}/"
level = "高职"
config = "own/blank.toml"

[[colleges]]
name = "停办学院"
url = "{urls["down"]}/xxgk/index.htm"
level = "本科"

[[colleges]]
name = "禁抓学院"
url = "{urls["robots"]}/"
level = "高职"
config = "own/robots.toml"

[[colleges]]
name = "新建学院"
url = "{urls["new"]}/xxgk/index.htm"
level = "高职"
"""
    path = tmp_path / "province.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def checked(hosts, tmp_path_factory):
    urls, _ = hosts
    tmp = tmp_path_factory.mktemp("province")
    province = load_province(_province(tmp, urls, workers=2))
    events = []
    outcome = check_province(province, NOW, progress=lambda kind, value: events.append(kind), annual=False)
    return province, outcome, events


def _statuses(doc: dict) -> dict[int, str]:
    return {i["id"]: i["status"] for i in doc["items"]}


def test_each_college_gets_its_own_verdict(checked, hosts):
    province, outcome, events = checked
    by = {c.name: c for c in outcome.colleges}
    assert [c.name for c in outcome.colleges] == ["正常学院", "空白学院", "停办学院", "禁抓学院", "新建学院"]
    assert events.count("start") == 5 and events.count("done") == 5  # progress by college
    # the same fixture college checked alone with `monitor check` gives the verdict the province shows
    alone = service.check(load_config(province.colleges[0].config), NOW, do_crawl=False).document
    assert _statuses(by["正常学院"].check) == _statuses(alone)
    assert by["正常学院"].exit_code == 1  # the fixture college has findings of its own
    ok = _statuses(by["正常学院"].check)
    blank = _statuses(by["空白学院"].check)
    assert {i for i in ok if ok[i] != blank[i]} == {7, 8, 9, 10}  # only the blanked 招生章程 column's items differ
    assert {blank[i] for i in (7, 8, 9, 10)} == {"blank"} and {ok[i] for i in (7, 8, 9, 10)} == {"ok"}
    assert [c["status"] for c in by["空白学院"].check["columns"] if c["name"] == "招生章程"] == ["blank"]
    # the down college: unknown everywhere, reported as unreachable, without touching the others
    down = by["停办学院"]
    assert down.exit_code == 3 and down.check["run"]["status"] == "failed"
    assert set(_statuses(down.check).values()) <= {"unknown", "not_applicable"}
    assert not (province.data_dir / province.colleges[2].slug / "config.toml").exists()  # discovered next time
    # robots.txt bans us: nothing fetched beyond robots.txt, nothing judged blank or missing
    robots = by["禁抓学院"]
    assert robots.exit_code == 3
    assert set(_statuses(robots.check).values()) <= {"unknown", "not_applicable"}
    assert {r.path for r in hosts[1]["robots"].log} == {"/robots.txt"}
    # the college without a config: discovered on its first run, kept, and judged like the configured one
    new = by["新建学院"]
    assert new.discovered and (province.data_dir / province.colleges[4].slug / "config.toml").is_file()
    assert _statuses(new.check) == ok
    assert outcome.exit_code == 1


def test_discovered_config_is_reused_and_history_is_per_college(checked):
    province, _, _ = checked
    again = check_province(province, NOW, workers=1, annual=False)
    by = {c.name: c for c in again.colleges}
    assert not by["新建学院"].discovered  # re-used, not discovered again
    assert by["新建学院"].check["run"]["id"] == 2 and by["正常学院"].check["run"]["id"] == 2

    # findings keep their own history per college: first seen on the first run, still open
    def zszc(name: str) -> list[dict]:
        return [x for x in by[name].check["findings"] if x["kind"] == "blank" and x["url"].endswith("/xxgk/zszc.htm")]

    assert zszc("空白学院") and all(x["first_seen"] == NOW.date().isoformat() for x in zszc("空白学院"))
    assert zszc("正常学院") == []


def test_province_json_is_the_contract(checked, tmp_path):
    province, _, _ = checked
    result = CliRunner().invoke(cli, ["province", "check", "--province", str(province.path), "--format", "json"])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    assert doc["province"] == "测试省"
    assert [c["name"] for c in doc["colleges"]] == ["正常学院", "空白学院", "停办学院", "禁抓学院", "新建学院"]
    assert [c["exit_code"] for c in doc["colleges"]] == [1, 1, 3, 3, 1]
    first = doc["colleges"][0]
    assert set(first) >= {"name", "url", "exit_code", "check"}
    assert Path(first["report"]).is_file() and "report" not in first["check"]
    # "check" is that college's document exactly as `monitor check --format json` prints it
    alone = CliRunner().invoke(
        cli, ["--config", str(province.colleges[0].config), "check", "--no-crawl", "--format", "json"]
    )
    expected = json.loads(alone.stdout)
    assert set(first["check"]) == set(expected)
    assert first["check"]["items"] == expected["items"] and first["check"]["columns"] == expected["columns"]


def test_province_report_heatmap_cells_and_files(checked, tmp_path):
    province, outcome, _ = checked
    paths, doc = province_report(province, NOW)
    html, csv_path, json_path = paths
    assert html.suffix == ".html" and csv_path.suffix == ".csv" and json_path.suffix == ".json"
    tree = lxml.html.fromstring(html.read_text(encoding="utf-8"))
    rows = {tr.get("data-name"): tr for tr in tree.xpath("//table[@id='heat']/tbody/tr")}
    assert set(rows) == {"正常学院", "空白学院", "停办学院", "禁抓学院", "新建学院"}
    for college in outcome.colleges:
        cells = {
            int(td.get("data-item")): td.get("class").split()[-1] for td in rows[college.name].xpath("td[@data-item]")
        }
        assert cells == {i: f"s-{s}" for i, s in _statuses(college.check).items()}  # every cell from the check
    assert rows["空白学院"].xpath("td[@data-item='7']")[0].get("class") == "cell s-blank"
    assert rows["正常学院"].xpath("td[@data-item='7']")[0].get("class") == "cell s-ok"
    assert rows["停办学院"].xpath("td[@data-item='1']")[0].get("class") == "cell s-unknown"
    # the ranking: judged colleges first; the unreachable ones unranked
    ranked = {c["name"]: c for c in doc["colleges"]}
    assert ranked["停办学院"]["rank"] is None and ranked["禁抓学院"]["rank"] is None
    assert ranked["正常学院"]["rank"] == 1 and ranked["新建学院"]["rank"] == 1  # the same verdicts tie
    assert ranked["空白学院"]["rank"] == 3 and ranked["空白学院"]["blank_columns"] == 3
    assert ranked["正常学院"]["ok_rate"] > ranked["空白学院"]["ok_rate"]
    # the annual report's verdict: no fixture college published one for the last 学年 (item 6 overdue)
    assert {c["name"]: c["annual_report"] for c in doc["colleges"] if c["rank"]} == dict.fromkeys(
        ["正常学院", "新建学院", "空白学院"], "未按时发布"
    )
    assert "年度报告" in ranked["正常学院"]["annual_reasons"]
    # each row links to that college's own report, which exists
    link = rows["正常学院"].xpath("td/a")[0].get("href")
    assert (html.parent / link).is_file()
    csv_text = csv_path.read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("rank,name,url,level") and "空白学院" in csv_text
    assert json.loads(json_path.read_text(encoding="utf-8"))["province"] == "测试省"


def test_province_report_in_headless_chromium(checked, tmp_path):
    province, _, _ = checked
    paths, _ = province_report(province, NOW)
    url = paths[0].as_uri() + "#sort=problems"
    dom = chromium("--dump-dom", url, profile=tmp_path / "profile").stdout
    names = lxml.html.fromstring(dom).xpath("//table[@id='heat']/tbody/tr/@data-name")
    problems = lxml.html.fromstring(dom).xpath("//table[@id='heat']/tbody/tr/@data-problems")
    assert sorted(names) == sorted(["正常学院", "空白学院", "停办学院", "禁抓学院", "新建学院"])
    counts = [int(p) for p in problems if p != "9999"]
    assert counts == sorted(counts, reverse=True)  # the script sorted the rows by problem count
    shot = Path(__file__).parent / "artifacts" / "province-report.png"
    shot.parent.mkdir(exist_ok=True)
    chromium("--window-size=1400,900", f"--screenshot={shot}", paths[0].as_uri(), profile=tmp_path / "profile")
    assert shot.stat().st_size > 10_000


def test_province_init_from_csv(tmp_path):
    rows = "名称,网址,层次\n安徽大学,https://www.ahu.edu.cn/,本科\n安徽职业技术学院,https://www.ahzyjsxy.edu.cn/,高职\n"
    src = tmp_path / "colleges.csv"
    src.write_bytes(rows.encode("gbk"))  # as Excel saves it in China
    path, n = init_province(src, tmp_path / "province.toml", "安徽省")
    province = load_province(path)
    assert n == 2 and province.name == "安徽省"
    assert [(c.name, c.url, c.level) for c in province.colleges] == [
        ("安徽大学", "https://www.ahu.edu.cn/", "本科"),
        ("安徽职业技术学院", "https://www.ahzyjsxy.edu.cn/", "高职"),
    ]
    with pytest.raises(UsageError, match="already exists"):
        init_province(src, path, "安徽省")
    bad = tmp_path / "bad.csv"
    bad.write_text("安徽大学,www.ahu.edu.cn,本科\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad.csv: line 1: expected name, http\(s\) URL"):
        init_province(bad, tmp_path / "p2.toml", "安徽省")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[province]\nname = "省"\n', "colleges: is required (an array of tables ([[colleges]]), at least one)"),
        ('[province]\nname = "省"\n[[colleges]]\nname = "甲"\nurl = "ftp://x"\n', "colleges[0].url"),
        (
            '[province]\nname = "省"\n[[colleges]]\nname = "甲"\nurl = "http://a.cn/"\n[[colleges]]\nname = "甲"\nurl = "http://b.cn/"\n',
            'colleges[1].name: "甲" is already colleges[0]',
        ),
        (
            '[province]\nname = "省"\n[[colleges]]\nname = "甲"\nurl = "http://a.cn/"\nlevel = "中专"\n',
            "colleges[0].level",
        ),
        (
            '[province]\nname = "省"\n[[colleges]]\nname = "甲"\nurl = "http://a.cn/"\nconfig = "nope.toml"\n',
            "is not a file",
        ),
    ],
)
def test_bad_province_file_is_one_line(tmp_path, body, message):
    path = tmp_path / "province.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_province(path)
    assert message in str(err.value) and str(path) in str(err.value) and "\n" not in str(err.value)
    result = CliRunner().invoke(cli, ["province", "check", "--province", str(path)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_college_config_takes_province_tables_under_its_own(checked):
    province, _, _ = checked
    new = province.college_config(province.colleges[4])
    assert new.crawl.delay == 0 and new.crawl.timeout == 3  # from the province file
    own = province.college_config(province.colleges[0])
    assert own.crawl.timeout == 5  # its own config says 5: it wins
    assert len(own.columns) == len(COLUMNS)


def test_province_digest_to_the_supervisor_and_each_office(checked, tmp_path):
    from monitor.store import open_store
    from tests.smtpkit import SMTPServer

    province, _, _ = checked
    smtp = SMTPServer().start()
    try:
        text = province.path.read_text(encoding="utf-8")
        text = text.replace('name = "正常学院"\n', 'name = "正常学院"\nemail = "xxgk@ok.example.edu.cn"\n')
        text = text.replace('name = "停办学院"\n', 'name = "停办学院"\nemail = "xxgk@down.example.edu.cn"\n')
        text += (
            f'\n[email]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\n'
            'sender = "省教育厅 <jyt@example.gov.cn>"\nto = ["supervisor@example.gov.cn"]\n'
        )
        path = province.path.with_name("province-mail.toml")
        path.write_text(text, encoding="utf-8")
        args = ["province", "digest", "--province", str(path), "--today", "2026-11-30", "--format", "json"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        assert doc["week"] == "2026-W48" and doc["supervisor"]["status"] == "sent"
        assert {o["name"]: o["status"] for o in doc["offices"]} == {"正常学院": "sent", "停办学院": "sent"}
        by_rcpt = {}
        for m in smtp.messages:
            for r in m.rcpt_tos:
                by_rcpt.setdefault(r, []).append(m.message)
        assert set(by_rcpt) >= {"supervisor@example.gov.cn", "xxgk@ok.example.edu.cn", "xxgk@down.example.edu.cn"}
        assert not any(r.endswith("@test.example.edu.cn") for r in by_rcpt if r.startswith("xxgk@"))
        # the week's new findings, counted from each college's own database
        prov = load_province(path)
        new = 0
        for c in prov.colleges:
            config = prov.college_config(
                c,
                path=prov.config_path(c)
                if prov.config_path(c).exists()
                else prov.config_path(c).with_name("unreachable.toml"),
            )
            with open_store(config.storage_path) as store:
                new += sum("2026-11-23" <= f.first_seen[:10] <= "2026-11-29" for f in store.findings(config.site.name))
        assert doc["totals"]["new"] == new and doc["totals"]["colleges"] == 5 and doc["totals"]["unreachable"] == 2
        body = by_rcpt["supervisor@example.gov.cn"][0].get_body(("plain",)).get_content()
        assert "测试省 高校信息公开周报" in body and "空白学院：新发现" in body and "停办学院" in body
        assert "最近一次检查未能访问网站" in body
        down = by_rcpt["xxgk@down.example.edu.cn"][0]
        assert "停办学院" in down["Subject"]
        # again: nothing is sent twice
        before = len(smtp.messages)
        again = json.loads(CliRunner().invoke(cli, args).stdout)
        assert again["supervisor"]["status"] == "sent-already" and len(smtp.messages) == before
    finally:
        smtp.stop()


def test_a_slow_college_holds_up_no_other(tmp_path):
    """One college answers every request after 0.4 s (and its run is cut at 3 s): the other is done first, with
    the verdict it gets alone."""
    fast, slow = FixtureSite(SITE, missing={"/show.asp?id=999"}), FixtureSite(SITE, latency=0.4)
    servers = [_serve("127.0.0.7", fast), _serve("127.0.0.8", slow)]
    try:
        urls = [f"http://127.0.0.{7 + i}:{s.port}" for i, s in enumerate(servers)]
        for i, url in enumerate(urls):
            extra = "max_run_seconds = 3" if i else ""
            (tmp_path / f"c{i}.toml").write_text(config_text(url, db=f"c{i}.db", crawl=extra), encoding="utf-8")
        (tmp_path / "province.toml").write_text(
            '[province]\nname = "测试省"\nworkers = 1\n[crawl]\ndelay = 0\n'
            + "".join(
                f'[[colleges]]\nname = "学院{i}"\nurl = "{u}/"\nlevel = "高职"\nconfig = "c{i}.toml"\n'
                for i, u in enumerate(urls)
            ),
            encoding="utf-8",
        )
        done = []
        outcome = check_province(
            load_province(tmp_path / "province.toml"),
            NOW,
            lambda k, v: done.append(v.name) if k == "done" else None,
            annual=False,
        )
        assert done == ["学院0", "学院1"]
        by = {c.name: c for c in outcome.colleges}
        assert by["学院0"].seconds < 3 <= by["学院1"].seconds
        assert by["学院1"].check["run"]["status"] == "partial"  # cut by max_run_seconds, judged on what it read
        fine = _statuses(by["学院0"].check)  # the fixture college's known verdict, untouched by its slow peer
        assert by["学院0"].check["run"]["status"] == "ok"
        assert [fine[i] for i in (2, 3, 4, 7, 18)] == ["ok", "blank", "blank", "ok", "stale"]
    finally:
        for s in servers:
            s.stop()


def test_exit_3_only_when_no_college_could_be_reached(tmp_path):
    ports = [_closed_port("127.0.0.9"), _closed_port("127.0.0.10")]
    colleges = "".join(
        f'[[colleges]]\nname = "学院{i}"\nurl = "http://127.0.0.{9 + i}:{p}/"\nlevel = "本科"\n'
        for i, p in enumerate(ports)
    )
    path = tmp_path / "province.toml"
    path.write_text(f'[province]\nname = "测试省"\nworkers = 1\n[crawl]\ntimeout = 2\nretries = 0\n{colleges}', "utf-8")
    result = CliRunner().invoke(cli, ["province", "check", "--province", str(path), "--format", "json"])
    assert result.exit_code == 3, result.output
    doc = json.loads(result.stdout)
    assert [c["exit_code"] for c in doc["colleges"]] == [3, 3]
    assert all(c["check"]["run"]["status"] == "failed" for c in doc["colleges"])


def test_annual_verdict_prefers_the_annual_check_and_ranking_ties(checked):
    from monitor.provincereport import annual_verdict, ranked

    _, outcome, _ = checked
    doc = json.loads(json.dumps(outcome.colleges[0].check))
    assert annual_verdict(doc)[0] == "未按时发布"  # no annual check finding: item 6's status speaks
    doc["findings"].append({"kind": "annual_report", "detail": "2025-2026 学年年度报告：缺少“七、其他”部分"})
    assert annual_verdict(doc) == ("存在 1 个问题", "2025-2026 学年年度报告：缺少“七、其他”部分")
    rows = [
        {"name": "乙", "ok_rate": 0.5, "problems": 3},
        {"name": "甲", "ok_rate": 0.5, "problems": 3},
        {"name": "丙", "ok_rate": 0.9, "problems": 9},
        {"name": "丁", "ok_rate": None, "problems": None},
    ]
    assert [(r["name"], r["rank"]) for r in ranked(rows)] == [("丙", 1), ("乙", 2), ("甲", 2), ("丁", None)]


def test_a_broken_college_config_is_that_college_s_problem_only(tmp_path):
    (tmp_path / "bad.toml").write_text(
        '[site]\nname = "坏配置学院"\nbase_url = "http://127.0.0.11/"\nlevle = "高职"\n', "utf-8"
    )
    port = _closed_port("127.0.0.12")
    (tmp_path / "province.toml").write_text(
        '[province]\nname = "测试省"\nworkers = 1\n[crawl]\ntimeout = 2\nretries = 0\n'
        '[[colleges]]\nname = "坏配置学院"\nurl = "http://127.0.0.11/"\nconfig = "bad.toml"\n'
        f'[[colleges]]\nname = "停办学院"\nurl = "http://127.0.0.12:{port}/"\n',
        "utf-8",
    )
    result = CliRunner().invoke(
        cli, ["province", "check", "--province", str(tmp_path / "province.toml"), "--format", "json"]
    )
    doc = json.loads(result.stdout)
    bad, down = doc["colleges"]
    assert bad["exit_code"] == 2 and bad["check"] is None
    assert "bad.toml: site.levle: unknown key" in bad["error"] and "\n" not in bad["error"]
    assert down["exit_code"] == 3
    assert result.exit_code == 1  # not "no college could be reached": one could not even be tried


def _one_college_province(tmp_path: Path, url: str, extra: str = "", workers: int = 1) -> Path:
    (tmp_path / "c.toml").write_text(config_text(url, db="c.db"), encoding="utf-8")
    path = tmp_path / "province.toml"
    path.write_text(
        f'[province]\nname = "测试省"\nworkers = {workers}\n{extra}\n'
        f'[[colleges]]\nname = "学院"\nurl = "{url}/"\nlevel = "高职"\nconfig = "c.toml"\n',
        encoding="utf-8",
    )
    return path


def test_stop_ends_a_province_check_quickly_and_closes_runs_as_aborted(tmp_path):
    import threading
    import time

    from monitor.store import open_store

    slow = [FixtureSite(SITE, latency=0.3), FixtureSite(SITE, latency=0.3)]
    servers = [_serve("127.0.0.13", slow[0]), _serve("127.0.0.14", slow[1])]
    try:
        paths = []
        for i, s in enumerate(servers):
            d = tmp_path / f"p{i}"
            d.mkdir()
            paths.append(_one_college_province(d, f"http://127.0.0.{13 + i}:{s.port}"))
        text = paths[0].read_text(encoding="utf-8").replace("workers = 1", "workers = 2")
        text += f'[[colleges]]\nname = "学院二"\nurl = "http://127.0.0.14:{servers[1].port}/"\nlevel = "高职"\nconfig = "../p1/c.toml"\n'
        paths[0].write_text(text, encoding="utf-8")
        stop = threading.Event()
        threading.Timer(2.0, stop.set).start()
        started = time.monotonic()
        outcome = check_province(load_province(paths[0]), NOW, annual=False, stop=stop)
        assert time.monotonic() - started < 15  # a full crawl of these slow sites takes far longer
        assert [c.check["run"]["status"] for c in outcome.colleges] == ["aborted", "aborted"]
        for db in (tmp_path / "p0" / "c.db", tmp_path / "p1" / "c.db"):
            with open_store(db) as store:
                assert [r.status for r in store.runs("测试职业技术学院", limit=5)] == ["aborted"]
    finally:
        for s in servers:
            s.stop()


def test_province_run_is_a_service_until_sigterm(tmp_path, site, base_url):
    import signal
    import subprocess
    import sys
    import time

    base = base_url.replace("localhost", "127.0.0.1")
    path = _one_college_province(
        tmp_path, base, "[schedule]\ncrawl_interval_seconds = 1\ndigest_interval_seconds = 3600\n"
    )
    log = tmp_path / "service.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "province", "run", "--province", str(path), "--log-file", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not list((tmp_path / "reports").glob("province-*.html")) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
        assert list((tmp_path / "reports").glob("province-*.html")), "no province report within 60 s"
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
        proc.stderr.close()
    text = log.read_text(encoding="utf-8")
    assert code == 0, text
    assert "province check: 1 colleges, 0 ok, 1 with problems, 0 unreachable" in text and "stopped cleanly" in text


def test_the_service_catches_up_a_province_check_missed_while_it_was_down(checked, tmp_path):
    from monitor.provincerun import ProvinceService

    province, _, _ = checked  # every college crawled at NOW (08:00), after the day's 06:00 crawl time
    assert ProvinceService(province).catch_up(NOW) == []
    fresh = _one_college_province(tmp_path, "http://127.0.0.15:9")  # never checked
    assert ProvinceService(load_province(fresh)).catch_up(NOW) == ["crawl"]
    bad = tmp_path / "bad.toml"
    bad.write_text(fresh.read_text(encoding="utf-8") + '\n[schedule]\ncrawl = "every day"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.toml: schedule.crawl: \"every day\" is not a cron expression"):
        ProvinceService(load_province(bad))


def test_report_before_any_check_says_so_and_creates_nothing(tmp_path):
    import shutil

    root = Path(__file__).parent.parent
    for name in ("province.toml", "config.toml"):
        shutil.copy(root / name, tmp_path / name)
    paths, doc = province_report(load_province(tmp_path / "province.toml"), NOW)
    assert [(c["name"], c["error"], c["rank"]) for c in doc["colleges"]] == [
        ("示例大学", "尚未检查 / not checked yet", None),
        ("示例职业技术学院", "尚未检查 / not checked yet", None),
    ]
    assert not (tmp_path / "data").exists() and not (tmp_path / "colleges").exists()  # no empty database
    assert "无检查记录" in paths[0].read_text(encoding="utf-8")


def test_a_failed_supervisor_digest_is_sent_by_the_next_run(checked, tmp_path):
    from tests.smtpkit import SMTPServer, free_port

    province, _, _ = checked
    port = free_port()  # nothing listens yet: the first send fails
    text = province.path.read_text(encoding="utf-8").replace('path = "colleges"', f'path = "{tmp_path / "state"}"')
    path = province.path.with_name("province-retry.toml")
    # the colleges with their own configs keep their databases; the province's state (deliveries) starts afresh
    own = text.split("[[colleges]]", 1)
    path.write_text(
        own[0] + f'[email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout = 3\n'
        'sender = "jyt@example.gov.cn"\nto = ["supervisor@example.gov.cn"]\n\n[[colleges]]' + own[1],
        encoding="utf-8",
    )
    args = ["province", "digest", "--province", str(path), "--format", "json"]
    first = CliRunner().invoke(cli, [*args, "--week", "2026-W47", "--today", "2026-11-23"])
    assert first.exit_code == 1 and json.loads(first.stdout)["supervisor"]["status"] == "pending"
    smtp = SMTPServer(port=port).start()
    try:
        second = CliRunner().invoke(cli, [*args, "--week", "2026-W48", "--today", "2026-11-30"])
        doc = json.loads(second.stdout)
        assert second.exit_code == 0, second.output
        assert doc["retried"] == [{"week": "2026-W47", "status": "sent", "error": ""}]
        assert doc["supervisor"]["status"] == "sent"
        subjects = sorted(m.message["Subject"] for m in smtp.messages)
        assert len(subjects) == 2 and "2026年第47周" in subjects[0] and "2026年第48周" in subjects[1]
    finally:
        smtp.stop()


def test_province_check_table_and_progress_by_college(checked):
    province, _, _ = checked
    result = CliRunner().invoke(cli, ["province", "check", "--province", str(province.path), "--no-annual"])
    assert result.exit_code == 1, result.output
    assert "测试省：检查 5 所高校（2 个进程）" in result.stderr
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == 5 and progress[-1].startswith("[5/5] ")
    assert any("停办学院：无法访问" in line for line in progress)
    for name in ("正常学院", "空白学院", "停办学院", "禁抓学院", "新建学院"):
        assert name in result.stdout


def test_a_college_where_discovery_finds_nothing_is_not_called_missing_everywhere(tmp_path):
    server = HTTPServer(host="127.0.0.16", port=0)
    server.expect_request("/").respond_with_data(
        "<html><head><meta charset='utf-8'><title>某学院</title></head><body><p>欢迎</p></body></html>",
        content_type="text/html; charset=utf-8",
    )
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.start()
    try:
        path = tmp_path / "province.toml"
        path.write_text(
            f'[province]\nname = "测试省"\nworkers = 1\n[crawl]\ndelay = 0\n'
            f'[[colleges]]\nname = "某学院"\nurl = "http://127.0.0.16:{server.port}/"\nlevel = "高职"\n',
            encoding="utf-8",
        )
        province = load_province(path)
        outcome = check_province(province, NOW, annual=False)
    finally:
        server.stop()
    college = outcome.colleges[0]
    assert college.exit_code == 2 and college.check is None
    assert "未能自动发现信息公开栏目" in college.error
    assert not province.config_path(province.colleges[0]).exists()  # discovered again next run
