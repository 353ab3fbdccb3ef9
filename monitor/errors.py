"""The one exception family of xxgk-monitor.

MonitorError
 ├── UsageError       a command cannot do what was asked (exit code 2)
 ├── ConfigError      bad or missing configuration (exit code 2)
 ├── ChecklistError   the bundled checklist data is inconsistent
 ├── StoreError       the SQLite database cannot be opened or written (exit code 2: fix storage.path)
 ├── SiteUnreachable  the site could not be reached at all in a run (exit code 3)
 ├── LockError        another crawl of the same site holds the lock
 └── MailError        building or sending mail failed

Every message says what failed and, where it can, what to do about it.
"""


class MonitorError(Exception):
    """Base class of every error xxgk-monitor raises on purpose."""

    exit_code = 1


class UsageError(MonitorError):
    exit_code = 2


class ConfigError(MonitorError):
    """A config file is missing, not TOML, or has a bad key.

    The message is one line: ``file: key.path: what is wrong``.
    """

    exit_code = 2


class ChecklistError(MonitorError):
    exit_code = 2


class StoreError(MonitorError):
    exit_code = 2


class SiteUnreachable(MonitorError):
    exit_code = 3


class LockError(MonitorError):
    exit_code = 4


class MailError(MonitorError):
    exit_code = 1
