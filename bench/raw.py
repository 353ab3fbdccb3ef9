"""The ceiling: the same URL set fetched by a bare httpx loop, no parsing, no storage."""

import asyncio
import json
import sys
from pathlib import Path

import httpx


async def main(base: str, urls: list[str], concurrency: int) -> None:
    queue: asyncio.Queue = asyncio.Queue()
    for u in urls:
        queue.put_nowait(base + u)
    total = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client):
        nonlocal total
        while not queue.empty():
            url = queue.get_nowait()
            r = await client.get(url)
            total += len(r.content)

    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    print(json.dumps({"requests": len(urls), "bytes": total}))


if __name__ == "__main__":
    base, path, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3])
    urls = Path(path).read_text(encoding="utf-8").split()
    asyncio.run(main(base, urls, concurrency))
