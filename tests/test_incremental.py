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


def test_a_parse_stored_by_other_reader_code_is_not_reused(config_path, site):
    """After an upgrade, unchanged pages are read again by the new reader (asked for without If-None-Match): a
    parse stored by older code (here: a column read as blank) does not outlive the code that made it."""
    import json
    import sqlite3

    config = load_config(config_path)
    first = service.check(config, NOW)
    with sqlite3.connect(config.storage_path) as conn:
        rows = conn.execute("SELECT url, parsed FROM pages WHERE parsed IS NOT NULL").fetchall()
        assert rows and all(json.loads(p)["reader"] for _, p in rows)
        stale = json.dumps({**json.loads(rows[0][1]), "entries": [], "blank": True, "reader": "older code"})
        conn.execute("UPDATE pages SET parsed = ? WHERE url = ?", [stale, rows[0][0]])
    site.log.clear()
    second = service.check(config, NOW + timedelta(days=1))
    again = [r for r in site.log if rows[0][0].endswith(r.path) and r.method == "GET"]
    assert again and all(r.status == 200 and "If-None-Match" not in r.headers for r in again)
    assert [(c["entries"], c["latest"]) for c in second.document["columns"]] == [
        (c["entries"], c["latest"]) for c in first.document["columns"]
    ]


def test_a_renamed_columns_page_is_read_again(config_path, site):
    """The column's configured name helps tell its own list from a sidebar's (parse_column_page(column=)): a parse
    made under its old name is not reused once the column is renamed; the other columns' still are."""
    config = load_config(config_path)
    service.check(config, NOW)
    renamed, other = config.columns[0], config.columns[1]
    text = config_path.read_text("utf-8").replace(f'name = "{renamed.name}"', f'name = "{renamed.name}栏目"', 1)
    assert text != config_path.read_text("utf-8")
    config_path.write_text(text, "utf-8")
    site.log.clear()
    service.check(load_config(config_path), NOW + timedelta(days=1))
    again = [r for r in site.log if renamed.url.endswith(r.path) and r.method == "GET"]
    assert again and all(r.status == 200 and "If-None-Match" not in r.headers for r in again)
    kept = [r for r in site.log if other.url.endswith(r.path) and r.method == "GET"]
    assert kept and all(r.status == 304 for r in kept)
