"""Column pages on real pages: list entry counts, column verdicts and pager following.

    python bench/lists.py            # prints the tables; --write also writes bench/results/lists-<date>.md

Three parts of tests/fixtures/real, labels from upstream: the real list pages with their entry count (Gerapy,
WechatSogou), autopager's real pages with their pagers labelled (every one shows content: a blank verdict on any is
a false 空白栏目), and the real article pages read as a column's page (content too). Split by site into the part
rules were tuned on and the held-out part; holdout2 is a source added after the first held-out part was scored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from output import publish  # noqa: E402

from monitor.parse import parse_column_page, parse_list  # noqa: E402
from tests.realpages import body, pager_pages, pages, score_pagers, url, verdicts  # noqa: E402


def count_table() -> list[str]:
    lines = ["| part | list pages | exact entry count |", "| --- | ---: | ---: |"]
    for split in ("tune", "holdout", "holdout2"):
        part = [p for p in pages("list") if p["split"] == split]
        exact = sum(len(parse_list(body(p), url(p)).entries) == p["count"] for p in part)
        lines.append(f"| {split} | {len(part)} | {exact} |")
    for split in ("tune", "holdout"):  # autopager's list pages, their counts labelled by hand here: kept apart
        part = [p for p in pages("pager") if "count" in p and p["split"] == split]
        exact = sum(len(parse_list(body(p), url(p)).entries) == p["count"] for p in part)
        lines.append(f"| {split}, labelled by hand | {len(part)} | {exact} |")
    return lines


def pager_table() -> list[str]:
    lines = [
        "| part | pages | entries read | unknown | blank (false) | pager right | next page followed | no stray page |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for split in ("tune", "holdout"):
        part = pager_pages(split)
        v = verdicts(parse_column_page, part)
        read = [p for p in part if parse_list(body(p), url(p)).entries]
        s = score_pagers(lambda b, u: parse_list(b, u).next_pages, read)
        lines.append(
            f"| {split} | {len(part)} | {v['entries']} | {v['unknown']} | {v['blank']} | {s.right}/{s.pages} "
            f"| {s.reached}/{s.with_next} | {s.clean}/{s.pages} |"
        )
    return lines


def article_table() -> list[str]:
    lines = ["| real article pages read as a column's page | pages | entries | unknown | blank (false) |"]
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    later = ("holdout5", "holdout6")  # parts added later, each scored once: kept apart
    for split, label in ((None, ""), *((s, f", {s} (scored once)") for s in later)):
        for lang, name in (("zh", "Chinese"), ("other", "non-Chinese")):
            part = [
                p
                for p in pages("article")
                if (p["lang"] == "zh") == (lang == "zh") and (p["split"] == split if split else p["split"] not in later)
            ]
            if not part:
                continue
            v = verdicts(parse_column_page, part)
            lines.append(f"| {name}{label} | {len(part)} | {v['entries']} | {v['unknown']} | {v['blank']} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="also write bench/results/lists-<date>.md")
    args = parser.parse_args()
    lines = [f"# Column pages on real pages, {dt.date.today().isoformat()}", "", *count_table(), ""]
    lines += ["autopager's pages (pager followed: on the pages whose entries are read)", "", *pager_table(), ""]
    lines += article_table()
    publish("\n".join(lines) + "\n", "lists", args.write)


if __name__ == "__main__":
    main()
