"""What the readers make of every page we hold, to change them without changing their outputs by accident.

    python bench/golden.py save /tmp/before.json      # before a change
    python bench/golden.py compare /tmp/before.json   # after it: the pages whose reading changed, and how

Pages: tests/fixtures (the real corpus, the team's corpus and fixture site). For each, parse_article's title, date,
date source, attachments, text (hashed), soft-404 flag and encoding, and parse_list's entries (count, and the whole
reading hashed). A speed change should compare as identical; a reading change shows exactly which pages it moved.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.parse import parse_article, parse_list  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _pages():
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or not (".htm" in path.name or "@" in path.name):
            continue
        body = path.read_bytes()
        yield str(path.relative_to(FIXTURES)), gzip.decompress(body) if path.suffix == ".gz" else body


def readings() -> dict[str, dict]:
    out = {}
    for name, body in _pages():
        where = "http://example.edu.cn/" + Path(name).name.removesuffix(".gz")
        a, page = parse_article(body, where), parse_list(body, where)
        article = [a.title, str(a.published), a.date_source, [[x.title, x.url] for x in a.attachments]]
        article += [hashlib.md5(a.text.encode()).hexdigest(), a.soft_404, a.encoding]
        out[name] = {
            "article": article,
            "entries": len(page.entries),
            # (a field added since with its empty value left out, so a baseline saved before it still compares)
            "list": hashlib.md5(repr(page).replace(", templates=(), base=''", "").encode()).hexdigest(),
        }
    return out


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    lines = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if old is None or new is None:
            lines.append(f"{name}: {'added' if old is None else 'gone'}")
            continue
        if old["article"] != new["article"]:
            moved = [f"{o!r} -> {n!r}" for o, n in zip(old["article"], new["article"], strict=True) if o != n]
            lines.append(f"{name}: article " + "; ".join(m[:160] for m in moved))
        if old["list"] != new["list"]:
            lines.append(f"{name}: list {old['entries']} -> {new['entries']} entries")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "compare", "stable"])
    parser.add_argument("file", type=Path, nargs="?", help="the saved readings (save, compare)")
    args = parser.parse_args()
    now = readings()
    if args.action == "stable":  # the same code must read the same pages the same way twice in one process
        lines = compare(now, readings())
        print("\n".join(lines) or f"stable: {len(now)} pages read the same twice")
        return 1 if lines else 0
    if args.file is None:
        parser.error(f"{args.action} needs a file")
    if args.action == "save":
        args.file.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"{len(now)} pages read, saved to {args.file}")
        return 0
    lines = compare(json.loads(args.file.read_text(encoding="utf-8")), now)
    print("\n".join(lines) or "identical")
    print(f"{len(lines)} changes over {len(now)} pages")
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main())
