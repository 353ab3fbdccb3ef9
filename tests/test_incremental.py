"""Re-crawling an unchanged site costs little: conditional requests, reused parses, no re-fetched articles."""

from __future__ import annotations

from datetime import timedelta

from monitor import service
from monitor.config import load_config
from tests.conftest import NOW


def test_second_check_on_unchanged_site_fetches_under_10_percent_of_bytes(config_path, site):
    config = load_config(config_path)
    first = service.check(config, NOW)
    first_bytes = sum(r.size for r in site.log)
    first_requests = len(site.log)
    site.log.clear()
    second = service.check(config, NOW + timedelta(days=1))
    second_bytes = sum(r.size for r in site.log)
    assert second_bytes <= 0.10 * first_bytes, (first_bytes, second_bytes)
    assert len(site.log) < first_requests / 2
    list_requests = [r for r in site.log if r.path != "/robots.txt" and r.method == "GET"]
    assert list_requests and all("If-None-Match" in r.headers for r in list_requests if r.status == 304)
    assert sum(r.status == 304 for r in site.log) >= 15
    # the verdict is the same
    assert [i["status"] for i in second.document["items"]] == [i["status"] for i in first.document["items"]]
    assert [(c["entries"], c["latest"]) for c in second.document["columns"]] == [
        (c["entries"], c["latest"]) for c in first.document["columns"]
    ]


def test_links_are_rechecked_after_recheck_days(config_path, site):
    config = load_config(config_path)
    service.check(config, NOW, clock=lambda: NOW)
    site.log.clear()
    service.check(config, NOW, clock=lambda: NOW)
    assert not any(r.path.startswith("/info/") for r in site.log)  # fine links: not fetched again
    assert any(r.path == "/show.asp?id=999" for r in site.log)  # broken ones are retried every run
    # eight days later (recheck_days = 7) every link is verified again
    site.log.clear()
    later = NOW + timedelta(days=8)
    service.check(config, later, clock=lambda: later)
    assert sum(r.path.startswith("/info/") for r in site.log) == 25
