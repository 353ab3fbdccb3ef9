"""Province scale: `monitor province check` on a simulated province, beside Scrapy crawling the same province.

    python bench/province.py --quick     # 12 colleges x 15 columns x 100 entries: about 2 minutes
    python bench/province.py             # 120 colleges x 15 columns x 500 entries (60,000 articles), delay 0.2 s

Each college is a host of its own: one nginx with a server block per loopback address (127.0.0.2,
127.0.0.3, …), all serving the synthetic college of bench/synthetic_site.py (博达 VSB, WebPlus and TRS/GBK
columns); every request is logged with its arrival time and address, so the per-host gaps are read from the
server's side. Both crawlers keep the same per-host politeness: 0.2 s between requests to one host, at most
2 at a time, robots.txt obeyed. Measured in a fresh process each (wall, user+sys CPU of the whole process
tree, peak RSS summed over the tree, sampled every 0.2 s). Then evaluate + the province report of all
colleges, in process. Results: printed and written to bench/results/province-<date>.md.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import free_port  # noqa: E402  (bench/run.py)
from synthetic_site import generate  # noqa: E402

PY = sys.executable
DELAY = 0.2
PER_HOST = 2


def addresses(n: int) -> list[str]:
    return [f"127.0.{(i + 2) // 256}.{(i + 2) % 256}" for i in range(n)]


class ProvinceNginx:
    """One nginx, one server block per college address, an access log with arrival times."""

    def __init__(self, root: Path, work: Path, hosts: list[str]):
        self.root, self.work, self.hosts, self.port = root, work, hosts, free_port()

    def start(self, log: Path) -> None:
        temp = self.work / "tmp"
        temp.mkdir(exist_ok=True)
        servers = "\n".join(f"    server {{ listen {h}:{self.port}; root {self.root}; etag on; }}" for h in self.hosts)
        self.conf = self.work / "nginx.conf"
        self.conf.write_text(f"""
worker_processes 1;
pid {self.work}/nginx.pid;
error_log {self.work}/error.log;
events {{ worker_connections 8192; }}
http {{
    log_format gaps '$server_addr $msec $request_time $status $request_uri';
    access_log {log} gaps buffer=256k flush=1s;
    sendfile on;
    keepalive_requests 1000000;
    default_type text/html;
    types {{ text/html htm html; text/plain txt; }}
    client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp}; uwsgi_temp_path {temp}; scgi_temp_path {temp};
{servers}
}}
""")
        self.nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        # nginx at a higher priority than the crawlers: a server starved of CPU reads requests late and logs
        # them with one cached time, which would blur the gaps it is there to measure
        nice = ["nice", "-n", "-10"] if os.geteuid() == 0 else []
        subprocess.run([*nice, self.nginx, "-c", str(self.conf), "-p", str(self.work)], check=True)
        time.sleep(0.3)

    def stop(self) -> None:
        subprocess.run([self.nginx, "-c", str(self.conf), "-p", str(self.work), "-s", "stop"], capture_output=True)
        time.sleep(0.5)

    def url(self, host: str) -> str:
        return f"http://{host}:{self.port}"


def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants (from /proc), in kB."""
    children = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children[ppid].append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total


def measure_tree(cmd: list[str], env: dict | None = None, stdout=None) -> dict:
    """Run ``cmd``: wall time, CPU of the whole tree (children reaped by their parents count), peak summed RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_rss_mb": peak / 1024, "returncode": proc.returncode, "stderr": err[-3000:]}


def write_province(work: Path, site: Path, hosts: list[str], nginx: ProvinceNginx) -> Path:
    columns = [row.split("\t") for row in (site / "columns.tsv").read_text(encoding="utf-8").split("\n") if row]
    own = work / "colleges-own"
    own.mkdir(exist_ok=True)
    lines = [
        "[province]",
        'name = "模拟省"',
        "workers = 2",
        f"parallel = {len(hosts)}",
        "",
        "[crawl]",
        f"delay = {DELAY}",
        f"concurrency = {PER_HOST}",
        "timeout = 30",
        "retries = 1",
        "robots = true",
        "max_pages = 1000000",
        "max_pages_per_column = 100000",
        "",
        "[storage]",
        'path = "colleges"',
        "",
    ]
    for i, host in enumerate(hosts):
        base = nginx.url(host)
        conf = [f'[site]\nname = "模拟学院{i + 1:03d}"\nbase_url = "{base}/index.htm"\nlevel = "高职"\n']
        conf.append(
            f'[storage]\npath = "../colleges/c{i + 1:03d}/monitor.db"\n[reports]\ndir = "../colleges/c{i + 1:03d}/reports"\n'
        )
        for name, url, item in columns:
            conf.append(f'[[columns]]\nname = "{name}"\nurl = "{base}{url}"\nitems = [{item}]\n')
        (own / f"c{i + 1:03d}.toml").write_text("\n".join(conf), encoding="utf-8")
        lines += ["[[colleges]]", f'name = "模拟学院{i + 1:03d}"', f'url = "{base}/"', 'level = "高职"']
        lines += [f'config = "colleges-own/c{i + 1:03d}.toml"', ""]
    path = work / "province.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def scrapy_cmd(starts: list[str], hosts: int) -> list[str]:
    settings = {
        "CONCURRENT_REQUESTS": str(hosts * PER_HOST),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(PER_HOST),
        "DOWNLOAD_DELAY": str(DELAY),
        "RANDOMIZE_DOWNLOAD_DELAY": "False",
        "AUTOTHROTTLE_ENABLED": "False",
        "ROBOTSTXT_OBEY": "True",
        "COOKIES_ENABLED": "False",
        "TELNETCONSOLE_ENABLED": "False",
        "LOG_LEVEL": "ERROR",
        "REACTOR_THREADPOOL_MAXSIZE": "20",
    }
    cmd = [PY, "-m", "scrapy", "runspider", str(ROOT / "bench" / "scrapy_spider.py")]
    cmd += ["-a", "starts=" + ",".join(starts)]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    return cmd


def gaps(log: Path) -> dict:
    """Per host, from the server's log: requests, and the smallest gap between two request arrivals. nginx logs
    whole milliseconds ($msec and $request_time), so a gap counts as below the delay only when 2 ms short."""
    arrivals = collections.defaultdict(list)
    for line in log.read_text().splitlines():
        addr, msec, took, _status, _uri = line.split(" ", 4)
        arrivals[addr].append(float(msec) - float(took))  # $msec is the end; minus $request_time: the arrival
    per_host = {}
    for addr, times in arrivals.items():
        times.sort()
        diffs = [b - a for a, b in itertools.pairwise(times)]
        per_host[addr] = {"requests": len(times), "min_gap": min(diffs) if diffs else None}
    smallest = [h["min_gap"] for h in per_host.values() if h["min_gap"] is not None]
    counts = [h["requests"] for h in per_host.values()]
    return {
        "hosts": len(per_host),
        "requests": sum(counts),
        "max_requests": max(counts),
        "min_gap": min(smallest),
        "median_min_gap": statistics.median(smallest),
        "below_delay": sum(1 for a in arrivals.values() for x, y in itertools.pairwise(a) if y - x < DELAY - 0.002),
    }


def report_time(province_path: Path) -> dict:
    """evaluate + the province report of every college (as `monitor province report` does), in process."""
    from monitor.province import load_province
    from monitor.provincerun import province_report
    from monitor.service import now_in_zone

    province = load_province(province_path)
    started = time.perf_counter()
    paths, doc = province_report(province, now_in_zone(province.timezone))
    return {"seconds": time.perf_counter() - started, "colleges": len(doc["colleges"]), "html": str(paths[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="12 colleges x 100 entries")
    parser.add_argument("--colleges", type=int)
    parser.add_argument("--entries", type=int, help="entries per college")
    parser.add_argument("--skip-scrapy", action="store_true")
    args = parser.parse_args()
    n = args.colleges or (12 if args.quick else 120)
    entries = args.entries or (100 if args.quick else 500)
    work = Path(tempfile.mkdtemp(prefix="xxgk-province-"))
    work.chmod(0o755)
    site = work / "site"
    lists, articles = generate(site, 15, 0, total=entries)
    hosts = addresses(n)
    nginx = ProvinceNginx(site, work, hosts)
    province = write_province(work, site, hosts, nginx)
    columns = [row.split("\t")[1] for row in (site / "columns.tsv").read_text().split("\n") if row]
    print(f"{n} colleges x ({lists} list pages + {articles} articles); nginx on {hosts[0]}…{hosts[-1]}:{nginx.port}")
    results = {}
    for name in ("monitor", "scrapy"):
        if name == "scrapy" and args.skip_scrapy:
            continue
        log = work / f"access-{name}.log"
        nginx.start(log)
        if name == "monitor":
            cmd = [PY, "-m", "monitor", "-q", "province", "check", "--province", str(province), "--no-annual"]
            cmd += ["--format", "json"]
            with (work / "province.json").open("wb") as out:
                m = measure_tree(cmd, stdout=out)
        else:
            starts = [nginx.url(h) + c for h in hosts for c in columns]
            m = measure_tree(scrapy_cmd(starts, n), env={**os.environ, "PYTHONPATH": str(ROOT)})
        nginx.stop()
        m["server"] = gaps(log)
        results[name] = m
        print(name, json.dumps({k: v for k, v in m.items() if k != "stderr"}, ensure_ascii=False))
        if m["returncode"] not in (0, 1):
            print(m["stderr"])
    results["report"] = report_time(province)
    print("report", results["report"])
    write_results(results, n, lists, articles)
    shutil.rmtree(work, ignore_errors=True)


def write_results(results: dict, n: int, lists: int, articles: int) -> None:
    mon = results["monitor"]
    pages = mon["server"]["requests"]
    politeness = mon["server"]["max_requests"] * DELAY
    cpu_bound = mon["cpu"] / (os.cpu_count() or 1)
    bound = max(politeness, cpu_bound)
    lines = [
        f"# Province benchmark, {dt.date.today().isoformat()}",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}; one nginx (1 worker) with {n} server "
        f"blocks on loopback addresses; per college {lists} list pages + {articles} articles; delay {DELAY} s and at "
        f"most {PER_HOST} requests at a time per host, robots.txt obeyed, for every crawler measured.",
        "",
        "| crawler | requests | wall s | pages/s | CPU s | CPU ms/page | peak RSS MB (tree) | smallest gap s | gaps < delay |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, m in results.items():
        if name == "report":
            continue
        s = m["server"]
        lines.append(
            f"| {name} | {s['requests']} | {m['wall']:.1f} | {s['requests'] / m['wall']:.0f} | {m['cpu']:.1f} | "
            f"{1000 * m['cpu'] / s['requests']:.2f} | {m['peak_rss_mb']:.0f} | {s['min_gap']:.3f} | {s['below_delay']} |"
        )
    lines += [
        "",
        f"Politeness bound (the busiest host's {mon['server']['max_requests']} requests x {DELAY} s): {politeness:.1f} s; "
        f"CPU bound ({mon['cpu']:.1f} CPU s / {os.cpu_count()} cores): {cpu_bound:.1f} s; "
        f"monitor's wall / max(bounds) = {mon['wall'] / bound:.2f} (target ≤ 1.2).",
    ]
    if "scrapy" in results:
        sc = results["scrapy"]
        ratio = (pages / mon["wall"]) / (sc["server"]["requests"] / sc["wall"])
        lines.append(f"monitor / Scrapy pages/s: {ratio:.2f} (target ≥ 1.5).")
    lines.append(
        f"evaluate + province report of {results['report']['colleges']} colleges: {results['report']['seconds']:.2f} s "
        "(target < 5 s)."
    )
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results" / f"province-{dt.date.today().isoformat()}{'-quick' if n < 120 else ''}.md"
    out.write_text(text, encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
