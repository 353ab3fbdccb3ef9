"""Print a benchmark's Markdown report and, with ``--write``, record it as bench/results/<name>-<date>.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def publish(text: str, name: str, write: bool) -> None:
    print(text)
    if write:
        out = RESULTS / f"{name}-{dt.date.today().isoformat()}.md"
        out.write_text(text, encoding="utf-8")
        print(f"written to bench/results/{out.name}")
