"""The Scrapy side of the benchmark: the same URL set and the same parsing work as monitor's crawl.

List pages are parsed with monitor.parse.parse_list (pagination followed), every entry's article page is
fetched and parsed with monitor.parse.parse_article: identical work, so the difference is the framework.
"""

import json

import scrapy

from monitor.parse import parse_article, parse_list


class DisclosureSpider(scrapy.Spider):
    name = "disclosure"

    def __init__(self, starts: str = "", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [u for u in starts.split(",") if u]
        self.lists = self.articles = self.entries = 0

    def parse(self, response):
        self.lists += 1
        page = parse_list(
            response.body, response.url, {"content-type": response.headers.get("Content-Type", b"").decode()}
        )
        for url in page.next_pages:
            yield scrapy.Request(url, callback=self.parse)
        for entry in page.entries:
            self.entries += 1
            yield scrapy.Request(entry.url, callback=self.parse_article)

    def parse_article(self, response):
        self.articles += 1
        parse_article(response.body, response.url, {"content-type": response.headers.get("Content-Type", b"").decode()})

    def closed(self, reason):
        stats = self.crawler.stats.get_stats()
        print(
            json.dumps(
                {
                    "lists": self.lists,
                    "articles": self.articles,
                    "requests": stats.get("downloader/request_count", 0),
                    "bytes": stats.get("downloader/response_bytes", 0),
                }
            )
        )
