"""``monitor init``: a commented starting config for a user's own site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from monitor.errors import UsageError

TEMPLATE = """# xxgk-monitor configuration for {name}
# Written by `monitor init`. Full reference: config.toml in the xxgk-monitor repository and README.md.
# Unknown keys are errors. Relative paths are relative to this file. Secrets never go in this file.

[site]
name = "{name}"
base_url = "{url}"
level = "{level}"                    # 本科 | 高职
# contact = "xxgk@{host}"            # put in the crawler's User-Agent so the web team can reach you

[crawl]
concurrency = 4                      # simultaneous requests
delay = 0.5                          # seconds between requests to one host: be polite to the school's server
timeout = 20
max_pages = 5000

[storage]
path = "data/monitor.db"

# ---------------------------------------------------------------------------------------------
# Columns (栏目): one [[columns]] table per disclosure column of the site. For each, give its list
# page (page 1; pagination is followed), the checklist items it publishes (numbers 1-50: run
# `monitor items` to see them) and the responsible department (谁主管谁负责), which must be
# declared under [departments]. An applicable item that no column lists is reported as 未公开.
#
# [[columns]]
# name = "招生章程"
# url = "{base}xxgk/zszc.htm"
# items = [7]
# department = "招生就业处"
# max_age_days = 365                 # optional: stale after this many days without a new entry
#
# [departments."招生就业处"]
# emails = ["zsjy@{host}"]
# ---------------------------------------------------------------------------------------------

# The weekly digest by mail (optional). The password comes from the environment variable below.
# [email]
# host = "smtp.{host}"
# port = 465
# security = "ssl"                   # ssl | starttls | none
# username = "xxgk@{host}"
# password_env = "MONITOR_SMTP_PASSWORD"
# sender = "信息公开办公室 <xxgk@{host}>"
# to = ["xxgk@{host}"]

[schedule]
timezone = "Asia/Shanghai"
crawl = "0 6 * * *"                  # cron: minute hour day month weekday
digest = "0 8 * * mon"
"""


def init_config(path: Path, name: str, url: str, level: str, force: bool = False) -> Path:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--url: {url!r} is not an http(s) URL such as https://www.example.edu.cn/")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists: pass --force to overwrite it, or --config to write elsewhere")
    host = parts.hostname or "example.edu.cn"
    host = host[4:] if host.startswith("www.") else host
    base = url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(name=name.replace('"', ""), url=url, level=level, host=host, base=base), encoding="utf-8"
    )
    return path
