"""A crawl against a misbehaving server: each fault gives the right finding (or none), the crawl ends,
memory stays bounded, and the healthy column beside the faults is unaffected."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from monitor import service
from monitor.config import load_config
from tests.conftest import NOW
from tests.faultserver import FaultServer

# path -> (column status, finding kinds for its item)
FAULTS = {
    "/ok/list.htm": ("ok", set()),
    "/reset": ("unknown", {"unreachable"}),
    "/drip": ("unknown", {"unreachable"}),
    "/trickle": ("unknown", {"unreachable"}),
    "/status/500": ("broken", {"broken"}),
    "/status/502": ("broken", {"broken"}),
    "/status/503": ("broken", {"broken"}),
    "/status/429": ("broken", {"broken"}),
    "/loop": ("broken", {"broken"}),
    "/away": ("unknown", set()),
    "/file": ("unknown", set()),
    "/private": ("unknown", set()),
    "/big": ("broken", {"broken"}),
    "/bomb": ("broken", {"broken"}),
    "/mislabel": ("ok", set()),
    "/truncated": ("ok", set()),
    "/binary": ("broken", {"broken"}),
    "/calendar?d=0": ("ok", set()),
    "/sess;jsessionid=START/list.htm": ("ok", set()),
}


def fault_config(tmp_path, base: str) -> str:
    lines = [
        "[site]",
        'name = "故障测试学院"',
        f'base_url = "{base}/"',
        'level = "本科"',
        "",
        "[crawl]",
        "concurrency = 8",
        "delay = 0",
        "timeout = 1",
        "retries = 1",
        "max_body_mb = 1",
        "max_request_seconds = 3",
        "max_pages_per_column = 20",
        "recheck_days = 0",
        "",
        "[storage]",
        'path = "faults.db"',
        "",
    ]
    for i, path in enumerate(FAULTS, start=1):
        lines += ["[[columns]]", f'name = "栏目{i}"', f'url = "{base}{path}"', f"items = [{i}]", ""]
    (tmp_path / "config.toml").write_text("\n".join(lines), encoding="utf-8")
    return str(tmp_path / "config.toml")


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("faults")
    with FaultServer() as server:
        config = load_config(fault_config(tmp_path, server.url))
        tracemalloc.start()
        started = time.monotonic()
        result = service.check(config, NOW)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {
            "result": result,
            "elapsed": elapsed,
            "peak": peak,
            "requests": list(server.requests),
            "base": server.url,
        }


@pytest.mark.parametrize("path", list(FAULTS))
def test_fault_gives_the_right_column_status_and_findings(outcome, path):
    doc = outcome["result"].document
    base = outcome["base"]
    column = next(c for c in doc["columns"] if c["url"] == base + path)
    status, kinds = FAULTS[path]
    assert column["status"] == status, column
    item = column["items"][0]
    got = {f["kind"] for f in doc["findings"] if f["item"] == item}
    assert got == kinds, (path, [f for f in doc["findings"] if f["item"] == item])
    assert not {"blank", "stale", "missing"} & got  # a fault is never reported as an empty or stale column


def test_faults_end_in_bounded_time_and_memory(outcome):
    assert outcome["elapsed"] < 60  # a liveness bound: nothing hangs (the drip alone would take 10 minutes)
    assert outcome["peak"] < 64 * 1024 * 1024  # 50 MB bodies and a 200 MB gzip bomb are cut at max_body_mb


def test_faults_leave_the_healthy_column_and_encoding_intact(outcome):
    doc = outcome["result"].document
    base = outcome["base"]
    cols = {c["url"][len(base) :]: c for c in doc["columns"]}
    assert (cols["/ok/list.htm"]["entries"], cols["/ok/list.htm"]["latest"]) == (2, "2026-10-20")
    assert cols["/mislabel"]["entries"] == 2  # GBK bytes labelled UTF-8 still read
    assert cols["/truncated"]["entries"] >= 1
    assert doc["run"]["status"] == "partial"


def test_traps_are_bounded_and_session_ids_collapse(outcome):
    doc = outcome["result"].document
    base = outcome["base"]
    cols = {c["url"][len(base) :]: c for c in doc["columns"]}
    calendar = cols["/calendar?d=0"]
    assert calendar["pages"] == 20 and not calendar["complete"]  # the calendar trap stops at the page cap
    assert cols["/sess;jsessionid=START/list.htm"]["pages"] == 1  # ;jsessionid= variants are one page
    assert sum(r.startswith("GET /sess") for r in outcome["requests"]) == 1


def test_redirects_out_of_scope_are_not_followed(outcome):
    requests = outcome["requests"]
    assert all(r.split(" ")[1].startswith("/") for r in requests)  # only this server was ever asked
    reasons = {c["url"].rsplit("/", 1)[1]: c["reason"] for c in outcome["result"].document["columns"]}
    assert reasons["private"] == "跳转到配置范围以外的地址：http://10.0.0.1/admin"
    assert reasons["file"].startswith("跳转到配置范围以外的地址：file:")


def test_retries_honour_retry_after_and_stop(outcome):
    requests = outcome["requests"]
    assert requests.count("GET /status/503") == 2  # one retry (retries = 1), Retry-After: 0 honoured
    assert requests.count("GET /status/404") == 0
