"""xxgk-monitor: keeps a Chinese college's information-disclosure website (信息公开专栏) honest.

Public API (the rest is private and may change):

- :func:`monitor.config.load_config` -> :class:`monitor.config.Config`
- :func:`monitor.checklist.load_checklist` -> :class:`monitor.checklist.Checklist`
- :func:`monitor.parse.parse_list`, :func:`monitor.parse.parse_article`
- :func:`monitor.service.check` (crawl + evaluate + store, what ``monitor check`` runs)
"""

__version__ = "0.1.0"
